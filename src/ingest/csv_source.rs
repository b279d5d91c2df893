//! CSV exports: encoding and delimiter detected (or given), records read as bytes and decoded
//! cell by cell, so that one bad row does not stop the file.

use super::line_ends::{LoneCr, without_cr};
use super::records::{Record, Records};
use super::reread::Rereader;
use super::sniff::{detect_encoding, sniff_delimiter};
use super::{Cause, CellBuf, IngestError, Options, Row, RowMeta, RowSource, Source, check_header};
use encoding_rs::{Encoding, UTF_8};
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::Path;

/// Bytes looked at to detect the encoding and the delimiter.
const PROBE: usize = 64 * 1024;

/// How a record's bytes become text.
#[derive(Clone, Copy)]
enum Decode {
    /// UTF-8, strictly: invalid bytes make the row unreadable.
    Utf8,
    /// A single-byte encoding (Windows-1252): every byte is a character.
    Single(&'static Encoding),
    /// Already transcoded to UTF-8 (UTF-16 input): replacement characters mark invalid bytes.
    Transcoded,
}

pub(super) fn open(path: &Path, options: &Options) -> Result<Source, IngestError> {
    let file = File::open(path).map_err(|e| IngestError::Io(path.into(), e))?;
    let stamp = super::reread::Stamp::of(&file);
    open_from(path, Box::new(file), stamp, true, options)
}

/// Reads a CSV text from `input`, named `path` in messages. A file (`rereadable`) keeps a
/// position per row and reads rows again from `path`; a pipe is read once, and keeps its
/// rows' cells.
pub(super) fn open_from(
    path: &Path,
    mut input: Box<dyn Read + Send>,
    stamp: Option<super::reread::Stamp>,
    rereadable: bool,
    options: &Options,
) -> Result<Source, IngestError> {
    let io_err = |e| IngestError::Io(path.into(), e);
    let mut probe = Vec::with_capacity(PROBE);
    (&mut input)
        .take(PROBE as u64)
        .read_to_end(&mut probe)
        .map_err(io_err)?;
    let complete = probe.len() < PROBE;
    let (detected, bom) = detect_encoding(&probe, complete);
    let encoding = options.encoding.unwrap_or(detected);
    // A BOM of another encoding than the one asked for is still not text.
    let bom = match Encoding::for_bom(&probe) {
        Some((e, len)) if e == encoding => len,
        _ if options.encoding.is_some() => 0,
        _ => bom,
    };
    let (probe_text, _) = encoding.decode_without_bom_handling(&probe[bom..]);
    if probe_text.trim().is_empty() {
        return Err(IngestError::Empty(path.into()));
    }
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| sniff_delimiter(&probe_text));
    let rest: Box<dyn Read + Send> = Box::new(Cursor::new(probe).chain(BufReader::new(input)));
    let (reader, decode): (Box<dyn Read + Send>, Decode) = if encoding == UTF_8 {
        (skip(rest, bom), Decode::Utf8)
    } else if encoding.is_single_byte() {
        (skip(rest, bom), Decode::Single(encoding))
    } else {
        let transcoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding))
            .bom_override(true)
            .build(rest);
        (Box::new(transcoded), Decode::Transcoded)
    };
    let reader: Box<dyn Read + Send> = Box::new(LoneCr::new(reader));
    let rereader = match decode {
        _ if !rereadable => None,
        Decode::Utf8 => Some(None),
        Decode::Single(enc) => Some(Some(enc)),
        Decode::Transcoded => None,
    }
    .map(|single| Rereader::new(path.into(), bom as u64, delimiter, single, stamp.clone()));
    let mut csv = Records::new(reader, delimiter, super::MAX_ROW_BYTES);
    let mut rows = Rows {
        csv: None,
        reader: None,
        shape: Shape {
            decode,
            encoding,
            bom: bom > 0,
            delimiter,
            width: 0,
            header: Vec::new(),
        },
        embedded: 0,
        next_number: 0,
        done: false,
        rereader,
    };
    // The header is the first row with a non-blank cell.
    let (header_row, names) = loop {
        let mut record = Record::default();
        match csv.read(&mut record) {
            Ok(true) => {}
            Ok(false) => return Err(IngestError::Empty(path.into())),
            Err(e) => return Err(IngestError::Io(path.into(), e)),
        }
        let number = rows.number(&record);
        rows.note_embedded(&record);
        let cells = rows.shape.decode_cells(&record).map_err(|why| {
            IngestError::Header(path.into(), number, why.describe(crate::i18n::messages()))
        })?;
        if cells.iter().any(|c| !c.trim().is_empty()) {
            break (number, cells);
        }
    };
    let mut header: Vec<String> = names
        .into_iter()
        .map(|n| n.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    // Excel writes `a;b;c;;;` when cells right of the table were touched.
    while header.last().is_some_and(String::is_empty) {
        header.pop();
    }
    check_header(path, header_row, &header)?;
    rows.shape.width = header.len();
    rows.next_number = header_row + 1;
    rows.shape.header = header.clone();
    rows.reader = Some(csv);
    Ok(Source {
        path: path.into(),
        encoding: encoding.name().to_string(),
        delimiter: Some(delimiter),
        sheet: None,
        header,
        header_row,
        options: options.clone(),
        rows: Box::new(rows),
    })
}

/// The csv crate set to read records as [`super::records`] does: the reference its tests
/// compare with.
#[cfg(test)]
pub(super) fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut b = csv::ReaderBuilder::new();
    // Records end at `\n` only, so that a record's line is counted from its first byte (with
    // CRLF, csv counts the `\n` with the next record); a trailing `\r` is removed below.
    b.terminator(csv::Terminator::Any(b'\n'))
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true);
    b
}

fn skip(mut r: Box<dyn Read + Send>, n: usize) -> Box<dyn Read + Send> {
    if n > 0 {
        let mut buf = vec![0u8; n];
        // The BOM's bytes are in the probe already read: this cannot come up short.
        if r.read_exact(&mut buf).is_err() {
            return Box::new(io::empty());
        }
    }
    r
}

struct Rows {
    csv: Option<Record>,
    reader: Option<Records<Box<dyn Read + Send>>>,
    shape: Shape,
    /// Line breaks inside quoted cells so far: they are not rows.
    embedded: u64,
    /// The row number of the next record.
    next_number: u64,
    done: bool,
    rereader: Option<Rereader>,
}

/// How the records of a file become rows once read: all that workers need to make rows of
/// records apart from the reading.
#[derive(Clone)]
pub(crate) struct Shape {
    decode: Decode,
    encoding: &'static Encoding,
    bom: bool,
    delimiter: u8,
    width: usize,
    header: Vec<String>,
}

impl Rows {
    fn number(&self, record: &Record) -> u64 {
        record.line() - self.embedded
    }

    fn note_embedded(&mut self, record: &Record) {
        self.embedded += record.breaks();
    }
}

impl Shape {
    fn decode_cells(&self, record: &Record) -> Result<Vec<String>, Cause> {
        let last = record.len().saturating_sub(1);
        record
            .iter()
            .enumerate()
            .map(|(i, bytes)| self.decode_cell(i, without_cr(bytes, i == last)))
            .collect()
    }

    fn column_name(&self, i: usize) -> String {
        match self.header.get(i) {
            Some(name) => name.clone(),
            None => format!("{}", i + 1),
        }
    }

    fn encoding_cause(&self, i: usize) -> Cause {
        Cause::Encoding {
            column: self.column_name(i),
            encoding: self.encoding.name().to_string(),
            bom: self.bom,
        }
    }

    fn decode_cell(&self, i: usize, bytes: &[u8]) -> Result<String, Cause> {
        match self.decode {
            Decode::Utf8 => std::str::from_utf8(bytes)
                .map(str::to_string)
                .map_err(|_| self.encoding_cause(i)),
            Decode::Single(enc) => Ok(enc.decode_without_bom_handling(bytes).0.into_owned()),
            Decode::Transcoded => {
                let s = String::from_utf8_lossy(bytes);
                if s.contains('\u{fffd}') {
                    Err(self.encoding_cause(i))
                } else {
                    Ok(s.into_owned())
                }
            }
        }
    }

    /// A record whose quoted cell swallowed lines that look like rows of their own: the sign
    /// of a quote opened and never closed.
    fn swallowed_rows(&self, record: &Record) -> bool {
        self.width >= 2
            && record.len() != self.width
            && record
                .iter()
                .flat_map(|f| f.split(|b| *b == b'\n').skip(1))
                .any(|line| line.iter().filter(|b| **b == self.delimiter).count() + 1 >= self.width)
    }

    fn row(&self, record: &Record, number: u64) -> Row {
        if let Err(row) = self.check(record, number, false) {
            return row;
        }
        let last = record.len().saturating_sub(1);
        let cells = record
            .iter()
            .take(self.width)
            .enumerate()
            .map(|(i, bytes)| {
                let mut cell = String::new();
                self.decode_into(bytes, i == last, &mut cell);
                cell
            })
            .collect();
        Row::Data { number, cells }
    }

    /// Makes record `number` a row; for a data row, its cells of `columns` are appended to
    /// `out`.
    pub(crate) fn finish(
        &self,
        record: &Record,
        number: u64,
        columns: &[usize],
        out: &mut CellBuf,
    ) -> RowMeta {
        let text = self.utf8_text(record);
        if let Err(row) = self.check(record, number, text.is_some()) {
            return match row {
                Row::Empty { number } => RowMeta::Empty { number },
                Row::Unreadable { number, cause } => RowMeta::Unreadable { number, cause },
                Row::Data { number, .. } => RowMeta::Data { number, at: 0 },
            };
        }
        let last = record.len().saturating_sub(1);
        if let Some(text) = text {
            // The record's text once; its cells are spans of it.
            let base = out.push_text(text);
            out.add_cells(columns.iter().map(|&c| {
                let (start, mut end) = record.range(c).map_or((0, 0), |r| (r.start, r.end));
                // Only the last cell may end with the carriage return of a CRLF line end.
                if c == last {
                    let cell = text.as_bytes().get(start..end).unwrap_or_default();
                    end = start + without_cr(cell, true).len();
                }
                (base + start, base + end)
            }));
        } else {
            for c in columns {
                if let Some(bytes) = record.get(*c) {
                    self.decode_into(bytes, *c == last, out.text_mut());
                }
                out.end_cell();
            }
        }
        RowMeta::Data {
            number,
            at: record.byte(),
        }
    }
}

impl RowSource for Rows {
    fn position(&self) -> u64 {
        self.reader.as_ref().map_or(0, Records::position)
    }

    fn rereader(&self) -> Option<Rereader> {
        self.rereader.clone()
    }

    fn next_row(&mut self) -> Option<Row> {
        self.next_with(|shape, record, number| shape.row(record, number))
    }

    fn next_into(&mut self, columns: &[usize], out: &mut CellBuf) -> Option<RowMeta> {
        self.next_with(|shape, record, number| shape.finish(record, number, columns, out))
    }

    fn shape(&self) -> Option<Shape> {
        Some(self.shape.clone())
    }

    fn next_record(&mut self, record: &mut Record) -> Option<Result<u64, (u64, Cause)>> {
        if self.done {
            return None;
        }
        match self.reader.as_mut()?.read(record) {
            Ok(true) => {
                let number = self.number(record);
                self.note_embedded(record);
                self.next_number = number + 1;
                Some(Ok(number))
            }
            Ok(false) => {
                self.done = true;
                None
            }
            Err(e) => {
                // Reading gives up only on I/O errors and giant rows: say where, and stop.
                self.done = true;
                Some(Err((self.next_number, Cause::Io(e.to_string()))))
            }
        }
    }
}

/// What a record turns into: a full row, or a row's description with its cells elsewhere.
trait FromRecord: Sized {
    fn unreadable(number: u64, cause: Cause) -> Self;
}

impl FromRecord for Row {
    fn unreadable(number: u64, cause: Cause) -> Self {
        Row::Unreadable { number, cause }
    }
}

impl FromRecord for RowMeta {
    fn unreadable(number: u64, cause: Cause) -> Self {
        RowMeta::Unreadable { number, cause }
    }
}

impl Rows {
    /// Reads the next record (a blank line is one, and an empty row) and turns it into `T`.
    fn next_with<T: FromRecord>(
        &mut self,
        make: impl FnOnce(&Shape, &Record, u64) -> T,
    ) -> Option<T> {
        let mut record = self.csv.take().unwrap_or_default();
        let row = match self.next_record(&mut record)? {
            Ok(number) => make(&self.shape, &record, number),
            Err((number, cause)) => T::unreadable(number, cause),
        };
        self.csv = Some(record);
        Some(row)
    }
}

impl Shape {
    /// The record as text when the file is UTF-8 and every cell of the record is valid: one
    /// check for the whole record instead of one per cell.
    fn utf8_text<'r>(&self, record: &'r Record) -> Option<&'r str> {
        if !matches!(self.decode, Decode::Utf8) {
            return None;
        }
        simdutf8::basic::from_utf8(record.raw()).ok()
    }

    /// Checks a record as [`Self::row`] does, without keeping its cells: `Ok` for a data row.
    /// `valid` says the record's text is known to be valid already.
    fn check(&self, record: &Record, number: u64, valid: bool) -> Result<(), Row> {
        if self.swallowed_rows(record) {
            return Err(Row::Unreadable {
                number,
                cause: Cause::UnclosedQuote {
                    breaks: record.breaks(),
                },
            });
        }
        let last = record.len().saturating_sub(1);
        // Most rows are valid text with a letter or digit somewhere and no huge cell: no need
        // to look at each cell. Besides cells, a record's bytes hold only quotes, delimiters
        // and line ends.
        let all = record.raw();
        let plain = valid
            && all.len() <= super::MAX_CELL_BYTES
            && all.iter().any(|&b| {
                b.is_ascii() && !b.is_ascii_whitespace() && b != b'"' && b != self.delimiter
            });
        let mut blank = !plain;
        // A plain record needs no look at its cells.
        let cells = if plain { 0 } else { record.len() };
        for (i, bytes) in record.iter().enumerate().take(cells) {
            let bytes = without_cr(bytes, i == last);
            if bytes.len() > super::MAX_CELL_BYTES {
                return Err(Row::Unreadable {
                    number,
                    cause: Cause::CellTooLarge {
                        column: self.column_name(i),
                        bytes: bytes.len(),
                    },
                });
            }
            if !valid && let Err(cause) = self.validate(i, bytes) {
                return Err(Row::Unreadable { number, cause });
            }
            // Spaces other than ASCII ones (a no-break space) need the cell decoded.
            blank = blank
                && (bytes.iter().all(u8::is_ascii_whitespace)
                    || (bytes.len() <= 16
                        && !bytes.is_ascii()
                        && self
                            .decode_cell(i, bytes)
                            .is_ok_and(|c| c.trim().is_empty())));
        }
        if blank {
            return Err(Row::Empty { number });
        }
        // Trailing blank cells beyond the header are tolerated.
        let extra_blank = (self.width..record.len()).all(|i| {
            record
                .get(i)
                .is_some_and(|b| b.iter().all(u8::is_ascii_whitespace) || b == b"\r")
        });
        let got = if record.len() > self.width && extra_blank {
            self.width
        } else {
            record.len()
        };
        if got != self.width {
            return Err(Row::Unreadable {
                number,
                cause: Cause::CellCount {
                    got,
                    want: self.width,
                },
            });
        }
        Ok(())
    }

    /// Checks that a cell's bytes are text in the file's encoding.
    fn validate(&self, i: usize, bytes: &[u8]) -> Result<(), Cause> {
        match self.decode {
            Decode::Utf8 => std::str::from_utf8(bytes)
                .map(|_| ())
                .map_err(|_| self.encoding_cause(i)),
            Decode::Single(_) => Ok(()),
            Decode::Transcoded => match std::str::from_utf8(bytes) {
                Ok(s) if !s.contains('\u{fffd}') => Ok(()),
                _ => Err(self.encoding_cause(i)),
            },
        }
    }

    /// Appends a cell's text, already validated, to `out`; the last cell of a record loses
    /// the `\r` of a CRLF line end.
    fn decode_into(&self, bytes: &[u8], last: bool, out: &mut String) {
        let bytes = without_cr(bytes, last);
        match self.decode {
            Decode::Utf8 | Decode::Transcoded => out.push_str(&String::from_utf8_lossy(bytes)),
            Decode::Single(enc) => out.push_str(&enc.decode_without_bom_handling(bytes).0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_spaces_are_empty_and_rows_with_a_character_are_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("blank.csv");
        // A no-break space and spaces only; then a row whose only character is not ASCII.
        let body = "a;b;c\n\u{a0}; ;\r\n;é;\n x ;;\n";
        std::fs::write(&path, body).expect("write");
        let mut source = Source::open(&path, &Options::default()).expect("opens");
        let mut cells = CellBuf::default();
        let mut kinds = Vec::new();
        while let Some(meta) = source.next_into(&[0, 1, 2], &mut cells) {
            kinds.push(match meta {
                RowMeta::Empty { number } => format!("{number} empty"),
                RowMeta::Data { number, .. } => format!("{number} data"),
                RowMeta::Unreadable { number, .. } => format!("{number} unreadable"),
            });
        }
        assert_eq!(kinds, ["2 empty", "3 data", "4 data"]);
        assert_eq!(
            cells.cells(0, 6).collect::<Vec<_>>(),
            ["", "é", "", " x ", "", ""]
        );
    }
}
