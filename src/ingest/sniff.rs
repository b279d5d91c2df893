//! Recognising how a CSV export is written: its encoding and its delimiter.
//!
//! The encoding is recognised from the BOM, else UTF-8 when the bytes are valid UTF-8, else
//! Windows-1252 (French Excel's "CSV (séparateur: point-virgule)"); the delimiter is sniffed
//! among `,` `;` tab `|` from the header and the first rows.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Delimiters the sniffer chooses among, most likely first.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

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
