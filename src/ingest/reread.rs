//! Reading a row again from its file: screening keeps a position per row instead of its
//! cells, and reads the cells of the few rows it shows when it shows them.

use super::{CellBuf, IngestError};
use encoding_rs::Encoding;
use std::fs::File;
use std::io::{self, BufReader};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Reads data rows of a CSV file again, by the position given with each row.
#[derive(Clone, Debug)]
pub struct Rereader {
    pub(super) path: PathBuf,
    /// Bytes of byte-order mark before the text.
    pub(super) bom: u64,
    pub(super) delimiter: u8,
    /// A single-byte encoding; none for UTF-8.
    pub(super) single: Option<&'static Encoding>,
    /// Lone carriage returns end lines.
    pub(super) lone_cr: bool,
    /// Size and modification time of the file when it was opened for screening.
    pub(super) stamp: Option<Stamp>,
    /// The parser, opened at the first row read again.
    pub(super) parser: Arc<Mutex<Option<Parser>>>,
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

/// A parser kept open on the file, moved to each row read again.
#[derive(Debug)]
pub(super) enum Parser {
    Plain(csv::Reader<BufReader<File>>),
    Cr(csv::Reader<super::csv_source::CrToLf<BufReader<File>>>),
}

impl Rereader {
    /// The same reader with a parser of its own, for another thread.
    pub fn fork(&self) -> Rereader {
        Rereader {
            parser: Arc::default(),
            ..self.clone()
        }
    }

    /// Fails when the file changed since it was opened: its rows are no longer where they were.
    pub fn check(&self) -> Result<(), IngestError> {
        let io_err = |e| IngestError::Io(self.path.clone(), e);
        let file = File::open(&self.path).map_err(io_err)?;
        if self.stamp.is_some() && Stamp::of(&file) != self.stamp {
            return Err(io_err(io::Error::other(
                "the file changed while it was screened; screen it again",
            )));
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
            self.check()?;
            let file = BufReader::with_capacity(4 << 10, File::open(&self.path).map_err(io_err)?);
            let mut builder = super::csv_source::builder(self.delimiter);
            builder.buffer_capacity(4 << 10);
            *parser = Some(if self.lone_cr {
                Parser::Cr(builder.from_reader(super::csv_source::CrToLf(file)))
            } else {
                Parser::Plain(builder.from_reader(file))
            });
        }
        // From the line end before the row: the parser drops a byte-order mark at the start
        // of what it reads, and a row may begin with that character. A row that starts where
        // the one read last ended is read on, without a seek that would drop the buffer.
        let mut position = csv::Position::new();
        position.set_byte(offset.saturating_sub(1).max(self.bom));
        let mut record = csv::ByteRecord::new();
        fn read_at<R: io::Read + io::Seek>(
            csv: &mut csv::Reader<R>,
            position: csv::Position,
            offset: u64,
            record: &mut csv::ByteRecord,
        ) -> csv::Result<bool> {
            if csv.position().byte() != offset || offset == 0 {
                csv.seek(position)?;
            }
            csv.read_byte_record(record)
        }
        let found = match parser.as_mut() {
            Some(Parser::Plain(csv)) => read_at(csv, position, offset, &mut record),
            Some(Parser::Cr(csv)) => read_at(csv, position, offset, &mut record),
            None => Ok(false),
        }
        .map_err(|e| io_err(io::Error::other(e.to_string())))?;
        if !found {
            return Err(io_err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file changed while it was screened",
            )));
        }
        let last = record.len().saturating_sub(1);
        for c in columns {
            let bytes = match record.get(*c) {
                Some([rest @ .., b'\r']) if *c == last => rest,
                Some(b) => b,
                None => &[],
            };
            match self.single {
                None => out.text_mut().push_str(&String::from_utf8_lossy(bytes)),
                Some(enc) => out
                    .text_mut()
                    .push_str(&enc.decode_without_bom_handling(bytes).0),
            }
            out.end_cell();
        }
        Ok(())
    }
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
