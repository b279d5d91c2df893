//! Reading a row again from its file: screening keeps a position per row instead of its
//! cells, and reads the cells of the few rows it shows when it shows them.

use super::{CellBuf, IngestError};
use encoding_rs::Encoding;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Positions, in the text the CSV parser reads, of the delimiters written on blank lines:
/// bytes that are not in the file.
pub(super) type Marks = Arc<Mutex<Vec<u64>>>;

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
    pub(super) marks: Marks,
}

impl Rereader {
    /// The cells of `columns` of the row at `at`, appended to `out`.
    pub fn read(&self, at: u64, columns: &[usize], out: &mut CellBuf) -> Result<(), IngestError> {
        let io_err = |e| IngestError::Io(self.path.clone(), e);
        let marks_before = {
            let marks = self
                .marks
                .lock()
                .map_err(|_| io_err(io::Error::other("the reader stopped")))?;
            marks.partition_point(|m| *m < at) as u64
        };
        let offset = self.bom + at - marks_before;
        let mut file = File::open(&self.path).map_err(io_err)?;
        file.seek(SeekFrom::Start(offset)).map_err(io_err)?;
        let reader: Box<dyn Read + Send> = Box::new(BufReader::with_capacity(8 << 10, file));
        let reader: Box<dyn Read + Send> = if self.lone_cr {
            Box::new(super::csv_source::CrToLf(reader))
        } else {
            reader
        };
        let mut csv = super::csv_source::builder(self.delimiter)
            .buffer_capacity(8 << 10)
            .from_reader(reader);
        let mut record = csv::ByteRecord::new();
        let found = csv
            .read_byte_record(&mut record)
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
