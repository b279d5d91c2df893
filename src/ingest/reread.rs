//! Reading a row again from its file: screening keeps a position per row instead of its
//! cells, and reads the cells of the few rows it shows when it shows them.

use super::line_ends::{End, lone_crs_to_lf, without_cr};
use super::records::{Record, record_at_start};
use super::{CellBuf, IngestError};
use encoding_rs::Encoding;
use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Bytes read at a row asked for: most rows are shorter, and a longer one is read again with
/// more.
const WINDOW: usize = 1 << 10;

/// Bytes read at a row asked for just after the bytes at hand, as rows in file order are:
/// one read serves the next few hundred rows.
const RUN_WINDOW: usize = 64 << 10;

/// Reads data rows of a CSV file again, by the position given with each row.
#[derive(Clone, Debug)]
pub struct Rereader {
    path: PathBuf,
    /// Bytes of byte-order mark before the text.
    bom: u64,
    delimiter: u8,
    /// A single-byte encoding; none for UTF-8.
    single: Option<&'static Encoding>,
    /// Size and modification time of the file when it was opened for screening.
    stamp: Option<Stamp>,
    /// The parser, opened at the first row read again.
    parser: Arc<Mutex<Option<Window>>>,
}

/// What tells a file changed: its size and modification time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    /// The stamp of an open file, if its metadata can be read.
    pub(super) fn of(file: &File) -> Option<Stamp> {
        let m = file.metadata().ok()?;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
        })
    }
}

/// Bytes of the file from a row read again, split as the first reading did: the next rows
/// are often among them. One is kept open on the file per reading thread.
#[derive(Debug)]
pub(super) struct Window {
    file: File,
    bytes: Vec<u8>,
    /// Where `bytes` start in the file.
    start: u64,
    /// Whether `bytes` reach the end of the file.
    eof: bool,
    record: Record,
}

impl Window {
    fn new(file: File) -> Self {
        Window {
            file,
            bytes: Vec::new(),
            start: 0,
            eof: false,
            record: Record::default(),
        }
    }

    /// Reads the record at byte `offset` into `self.record`; false when there is none.
    fn read(&mut self, offset: u64, delimiter: u8) -> io::Result<bool> {
        // A row just past the bytes at hand: rows are asked for in file order (the outputs
        // of every candidate list most of them so), so read a run of them at once.
        let end = self.start + self.bytes.len() as u64;
        let ahead = offset >= self.start && offset.saturating_sub(end) < RUN_WINDOW as u64;
        let mut want = if ahead && !self.bytes.is_empty() {
            RUN_WINDOW
        } else {
            WINDOW
        };
        loop {
            let at = offset.checked_sub(self.start).map(|k| k as usize);
            match at.filter(|&k| k < self.bytes.len() || (k == self.bytes.len() && self.eof)) {
                Some(k) => {
                    let rest = self.bytes.get(k..).unwrap_or_default();
                    // Not when the record may go on past the bytes at hand.
                    if record_at_start(rest, self.eof, delimiter, &mut self.record) {
                        return Ok(true);
                    }
                    if self.eof {
                        return Ok(false);
                    }
                    want = want.max(rest.len() * 2);
                    if want > 2 * super::MAX_ROW_BYTES {
                        return Err(io::Error::other("a row longer than when it was read"));
                    }
                    self.fill(offset, want)?;
                }
                None => self.fill(offset, want)?,
            }
        }
    }

    /// Reads `want` bytes of the file from `offset`, or up to its end.
    ///
    /// One positioned read, without a seek or the file's metadata: an output of everyone
    /// made 275,000 reads of 1M rows with three calls each, 1.2 s of system time. Whether
    /// the file is as it was is checked when the window opens and once the output is made
    /// ([`Rereader::check_since`]); a row's decisive cells at each read.
    fn fill(&mut self, offset: u64, want: usize) -> io::Result<()> {
        self.bytes.clear();
        self.bytes.resize(want, 0);
        let mut got = 0;
        while got < want {
            match read_at(&self.file, &mut self.bytes[got..], offset + got as u64) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.bytes.truncate(got);
        self.start = offset;
        self.eof = got < want;
        // Lone CRs end lines as they did when the file was read first.
        let end = if self.eof { End::Eof } else { End::Unknown };
        lone_crs_to_lf(&mut self.bytes, end);
        Ok(())
    }
}

impl Rereader {
    /// A reader of the rows of the file at `path` (UTF-8, or the `single`-byte encoding),
    /// whose text starts after `bom` bytes, as it was when `stamp` was taken.
    pub(super) fn new(
        path: PathBuf,
        bom: u64,
        delimiter: u8,
        single: Option<&'static Encoding>,
        stamp: Option<Stamp>,
    ) -> Rereader {
        Rereader {
            path,
            bom,
            delimiter,
            single,
            stamp,
            parser: Arc::default(),
        }
    }

    /// The same reader with a parser of its own, for another thread.
    pub fn fork(&self) -> Rereader {
        Rereader {
            parser: Arc::default(),
            ..self.clone()
        }
    }

    /// The file the rows are read again from.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Fails when the file changed while it was screened: its rows are no longer where they
    /// were.
    pub fn check(&self) -> Result<(), IngestError> {
        self.check_stamp(crate::i18n::catalogue::file_changed_during)
    }

    /// Fails when the file changed after it was screened, as rows were read again from it.
    pub fn check_since(&self) -> Result<(), IngestError> {
        self.check_stamp(crate::i18n::catalogue::file_changed_since)
    }

    fn check_stamp(&self, why: fn(crate::i18n::Lang) -> String) -> Result<(), IngestError> {
        let io_err = |e| IngestError::Io(self.path.clone(), e);
        let file = File::open(&self.path).map_err(io_err)?;
        if self.stamp.is_some() && Stamp::of(&file) != self.stamp {
            return Err(io_err(io::Error::other(why(crate::i18n::messages()))));
        }
        Ok(())
    }

    /// The cells of `columns` of the row at `at`, appended to `out`.
    pub fn read(&self, at: u64, columns: &[usize], out: &mut CellBuf) -> Result<(), IngestError> {
        let io_err = |e| IngestError::Io(self.path.clone(), e);
        let offset = self.bom + at;
        let mut parser = self
            .parser
            .lock()
            .map_err(|_| io_err(io::Error::other("the reader stopped")))?;
        if parser.is_none() {
            // Rows are found again by position: in a file changed since, they are not there.
            self.check_since()?;
            let file = File::open(&self.path).map_err(io_err)?;
            *parser = Some(Window::new(file));
        }
        match parser.as_mut() {
            Some(window) => {
                if !window.read(offset, self.delimiter).map_err(io_err)? {
                    return Err(changed(io_err));
                }
                let record = &window.record;
                let last = record.len().saturating_sub(1);
                // A record valid as a whole holds valid fields, cut at ASCII bytes: one check.
                let text = match self.single {
                    None => simdutf8::basic::from_utf8(record.raw()).ok(),
                    Some(_) => None,
                };
                for &c in columns {
                    let bytes = without_cr(record.get(c).unwrap_or_default(), c == last);
                    let cell = text
                        .zip(record.range(c))
                        .and_then(|(text, range)| text.get(range.start..range.start + bytes.len()));
                    match cell {
                        Some(cell) => out.push(cell),
                        None => self.push_cell(bytes, out),
                    }
                }
            }
            None => return Err(changed(io_err)),
        }
        Ok(())
    }

    /// Appends a cell's bytes, decoded.
    fn push_cell(&self, bytes: &[u8], out: &mut CellBuf) {
        match self.single {
            None => out.text_mut().push_str(&String::from_utf8_lossy(bytes)),
            Some(enc) => out
                .text_mut()
                .push_str(&enc.decode_without_bom_handling(bytes).0),
        }
        out.end_cell();
    }
}

/// Reads from `offset` without moving the file's cursor.
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

/// Reads from `offset` (moving the file's cursor, which nothing else uses).
#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

/// Reads from `offset`, by a seek then a read.
#[cfg(not(any(unix, windows)))]
fn read_at(mut file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset))?;
    file.read(buf)
}

/// The error of a row that is no longer where it was.
fn changed(io_err: impl Fn(io::Error) -> IngestError) -> IngestError {
    io_err(io::Error::new(
        io::ErrorKind::UnexpectedEof,
        crate::i18n::catalogue::file_changed_during(crate::i18n::messages()),
    ))
}

/// Reads every data row of the CSV file at `path` once in order and again by its position,
/// in file order and in reverse order (read on from the row before, and found by a seek), and
/// says where they differ: how many rows were read again, none when the file cannot be read
/// again (or opened), an error naming the first difference.
pub fn check_rows_read_again(path: &std::path::Path) -> Result<Option<usize>, String> {
    let Ok(mut source) = super::Source::open(path, &super::Options::default()) else {
        return Ok(None);
    };
    let Some(again) = source.rereader() else {
        return Ok(None);
    };
    let columns: Vec<usize> = (0..source.header.len()).collect();
    let (mut first, mut second) = (CellBuf::default(), CellBuf::default());
    let mut rows = Vec::new();
    while let Some(meta) = source.next_into(&columns, &mut first) {
        if let super::RowMeta::Data { number, at } = meta {
            rows.push((number, at));
        }
    }
    for (number, at) in &rows {
        again
            .read(*at, &columns, &mut second)
            .map_err(|e| format!("row {number}: {e}"))?;
    }
    // Backwards, each row found by a seek, cells put back in file order.
    let backwards = again.fork();
    let mut cells = Vec::new();
    for (number, at) in rows.iter().rev() {
        let mut one = CellBuf::default();
        backwards
            .read(*at, &columns, &mut one)
            .map_err(|e| format!("row {number}, read backwards: {e}"))?;
        cells.push(one);
    }
    let mut third = CellBuf::default();
    for one in cells.iter().rev() {
        for c in 0..one.len() {
            third.push(one.cell(c));
        }
    }
    if (0..second.len()).any(|c| second.cell(c) != third.cell(c)) || second.len() != third.len() {
        return Err("rows read backwards differ from rows read in order".into());
    }
    if first.len() != second.len() {
        return Err(format!(
            "{} cells read first, {} read again",
            first.len(),
            second.len()
        ));
    }
    for c in 0..first.len() {
        if first.cell(c) != second.cell(c) {
            let row = rows.get(c / columns.len().max(1)).map_or(0, |r| r.0);
            return Err(format!(
                "row {row}, column {}: {:?} read first, {:?} read again",
                c % columns.len().max(1) + 1,
                first.cell(c),
                second.cell(c)
            ));
        }
    }
    Ok(Some(rows.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Options, RowMeta, Source};
    use std::path::Path;

    /// Whether `path` can be read again, failing the test where a row read again differs.
    fn reads_again_alike(path: &Path) -> bool {
        match check_rows_read_again(path) {
            Ok(Some(rows)) => rows > 0,
            Ok(None) => false,
            Err(why) => panic!("{}: {why}", path.display()),
        }
    }

    #[test]
    fn rows_read_again_are_the_rows_read_first() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        for dir in [
            "examples",
            "tests/fixtures/candidates",
            "tests/fixtures/screen",
        ] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "csv") && reads_again_alike(&path) {
                    checked += 1;
                }
            }
        }
        assert!(checked >= 10, "only {checked} files checked");
    }

    #[test]
    fn blank_lines_line_ends_and_byte_order_marks_do_not_move_rows() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cases: [&[u8]; 7] = [
            b"\xef\xbb\xbfname;city\r\n\r\nAwa;\"Sikasso\r\n\r\nnord\"\r\n\r\n\r\nIssa;Kayes\r\n;\r\nMoussa;Mopti",
            b"name,city\n\n\nAwa,Sikasso\n\"Issa\n\",\"\"\"Kayes\"\"\"\n\nMoussa,Mopti\n",
            b"name;city\rAwa;Sikasso\r\rIssa;Kayes\r",
            b"\n\nname,city\nAwa,S\xe9gou\n\nIssa,Kati\n",
            b"name\tcity\r\n\"A\"\"wa\"\t\"\"\r\n \t \r\nIssa\tKita\r\n",
            // A row that begins with the byte-order mark's character.
            b"\xc3\xa9\n ,\"\"\n\xef\xbb\xbf\n",
            // Unbalanced quotes that swallow a blank line.
            b"a;\n\"\"\"\"\"\"\"\"\"\"\"\"\"\"a\"\n\"\n\n",
        ];
        for (k, bytes) in cases.iter().enumerate() {
            let path = dir.path().join(format!("case{k}.csv"));
            std::fs::write(&path, bytes).expect("write");
            assert!(reads_again_alike(&path), "case {k} cannot be read again");
        }
    }

    #[test]
    fn rows_longer_than_what_is_read_at_once_are_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let long = "x".repeat(3 * WINDOW);
        let lines = "ligne\n".repeat(WINDOW / 3);
        let mut text = String::from("name,note\n");
        for k in 0..12 {
            match k % 3 {
                0 => text.push_str(&format!("Awa {k},{long}\r\n")),
                1 => text.push_str(&format!("Issa {k},\"{lines}\"\"fin\"\"\"\n")),
                _ => text.push_str(&format!("Moussa {k},court\n")),
            }
        }
        // The last row ends the file, with no line end, longer than a window.
        text.push_str(&format!("Fanta,{long}"));
        let path = dir.path().join("long.csv");
        std::fs::write(&path, &text).expect("write");
        assert_eq!(check_rows_read_again(&path), Ok(Some(13)));
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_read_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.csv");
        std::fs::write(&path, "name,city\nAwa,Kita\n").expect("write");
        let mut source = Source::open(&path, &Options::default()).expect("opens");
        let again = source.rereader().expect("CSV in UTF-8");
        let mut buf = CellBuf::default();
        let Some(RowMeta::Data { at, .. }) = source.next_into(&[0, 1], &mut buf) else {
            panic!("a data row");
        };
        std::fs::write(&path, "name,city\nIssa,Kayes, Mali\n").expect("rewrite");
        let err = again.read(at, &[0, 1], &mut buf).expect_err("changed");
        assert!(err.to_string().contains("changed"), "{err}");
    }

    #[test]
    fn utf16_files_are_not_read_again() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/candidates/utf16le-tab.txt");
        let source = Source::open(&path, &Options::default()).expect("opens");
        assert!(source.rereader().is_none());
    }
}
