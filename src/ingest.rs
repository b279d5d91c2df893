//! Reading candidate files: encoding, delimiter and header.
//!
//! Exports come from Google Forms (UTF-8, `,`), KoboToolbox (`;`, every field quoted) and
//! French Excel (Windows-1252, `;`), sometimes as Excel's "Unicode text" (UTF-16 with BOM).
//! The encoding is recognised from the BOM, else UTF-8 when the bytes are valid UTF-8, else
//! Windows-1252; the delimiter is sniffed among `,` `;` tab `|`.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Bytes read to find the header.
const HEADER_PROBE: u64 = 1024 * 1024;
/// Delimiters the sniffer chooses among, most likely first.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Why a candidate file cannot be read at all.
#[derive(Debug)]
pub enum IngestError {
    /// The file cannot be opened or read.
    Io(PathBuf, std::io::Error),
    /// The file holds nothing.
    Empty(PathBuf),
    /// The header is unusable.
    Header(PathBuf, String),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Io(p, e) => write!(f, "{}: cannot read the file: {e}", p.display()),
            IngestError::Empty(p) => write!(f, "{}: the file is empty", p.display()),
            IngestError::Header(p, why) => write!(f, "{}:1: {why}", p.display()),
        }
    }
}

impl std::error::Error for IngestError {}

/// The encoding of a file and the length of its BOM.
pub fn detect_encoding(bytes: &[u8], complete: bool) -> (&'static Encoding, usize) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return (enc, bom);
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => (UTF_8, 0),
        // A prefix may end inside a character: that alone does not make it non-UTF-8.
        Err(e) if !complete && e.error_len().is_none() => (UTF_8, 0),
        Err(_) => (WINDOWS_1252, 0),
    }
}

/// The delimiter that splits the first lines most consistently.
pub fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .collect();
    let count = |line: &str, d: u8| -> usize {
        let mut quoted = false;
        line.bytes()
            .filter(|b| {
                if *b == b'"' {
                    quoted = !quoted;
                }
                !quoted && *b == d
            })
            .count()
    };
    let Some(first) = lines.first() else {
        return b',';
    };
    DELIMITERS
        .into_iter()
        .map(|d| {
            let n = count(first, d);
            let agree = lines.iter().filter(|l| count(l, d) == n).count();
            (d, n, agree)
        })
        .filter(|(_, n, _)| *n > 0)
        .max_by_key(|(d, n, agree)| {
            (
                *agree,
                *n,
                std::cmp::Reverse(DELIMITERS.iter().position(|x| x == d)),
            )
        })
        .map_or(b',', |(d, _, _)| d)
}

/// A readable name for a delimiter.
pub fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tab".into(),
        other => format!("{}", other as char),
    }
}

/// The header of a candidate file and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Column names, trimmed, in order.
    pub names: Vec<String>,
    /// The encoding's name.
    pub encoding: &'static str,
    /// The delimiter.
    pub delimiter: u8,
}

/// Reads the header line of a candidate file.
pub fn read_header(path: &Path) -> Result<Header, IngestError> {
    let io = |e| IngestError::Io(path.to_path_buf(), e);
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::new();
    file.take(HEADER_PROBE)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.is_empty() {
        return Err(IngestError::Empty(path.to_path_buf()));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(IngestError::Header(
            path.to_path_buf(),
            "this is a workbook (xlsx/zip), not a CSV export; save the sheet as CSV".into(),
        ));
    }
    let complete = (bytes.len() as u64) < HEADER_PROBE;
    let (encoding, bom) = detect_encoding(&bytes, complete);
    let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) if record.iter().all(|c| c.trim().is_empty()) => continue,
            Ok(true) => break,
            Ok(false) => return Err(IngestError::Empty(path.to_path_buf())),
            Err(e) => return Err(IngestError::Header(path.to_path_buf(), e.to_string())),
        }
    }
    Ok(Header {
        names: record.iter().map(|c| c.trim().to_string()).collect(),
        encoding: encoding.name(),
        delimiter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_encodings() {
        assert_eq!(detect_encoding(b"\xef\xbb\xbfa,b", true), (UTF_8, 3));
        assert_eq!(detect_encoding(b"\xff\xfea\0", true).0.name(), "UTF-16LE");
        assert_eq!(detect_encoding(b"\xfe\xff\0a", true).0.name(), "UTF-16BE");
        assert_eq!(detect_encoding("Prénom".as_bytes(), true).0, UTF_8);
        assert_eq!(detect_encoding(b"Pr\xe9nom", true).0, WINDOWS_1252);
        // A prefix cut inside a two-byte character is still UTF-8.
        assert_eq!(detect_encoding(b"Pr\xc3", false).0, UTF_8);
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("a|b\n1|2\n"), b'|');
        assert_eq!(sniff_delimiter("\"x,y\";b\n\"1,2\";3\n"), b';');
        assert_eq!(sniff_delimiter("single\n"), b',');
    }
}
