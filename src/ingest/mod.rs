//! Reading candidate files: CSV exports in any of the usual encodings and delimiters, and
//! Excel workbooks, as rows with their spreadsheet row numbers.
//!
//! Row numbers are what the officer sees in Excel: the header is row 1, blank lines count,
//! and a quoted cell holding line breaks is still one row. A row that cannot be read (wrong
//! number of fields, bytes invalid in the file's encoding) is kept as [`Row::Unreadable`] with
//! its cause, and reading goes on; only a file that cannot be read at all is an error.

pub mod batch;
mod csv_source;
pub mod kind;
mod line_ends;
mod records;
mod reread;
mod stream;

pub use stream::{is_device, is_pipe};
pub mod sniff;
mod workbook;
pub use workbook::{
    MAX_SHARED_STRINGS_BYTES, MAX_SHEET_ROWS, MAX_UNZIPPED_BYTES, MAX_WHOLE_CELLS,
    panics_are_caught,
};
pub(crate) use workbook::{cell_text, guarded};

use crate::text::fold;
pub use batch::{Batch, CellBuf, for_each_batch, for_each_batch_in_parallel};
use encoding_rs::Encoding;
pub use reread::{Rereader, check_rows_read_again};
use std::fmt;
use std::path::{Path, PathBuf};

/// The most columns a candidate file may have.
pub const MAX_COLUMNS: usize = 10_000;
/// The largest cell read, in bytes; a larger one ends the reading with an error.
pub const MAX_CELL_BYTES: usize = 1 << 20;
/// The longest row read, in bytes: what bounds memory against one giant field.
pub const MAX_ROW_BYTES: usize = 16 << 20;

/// How to read candidate files, when detection should be overridden.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The encoding, instead of detecting it.
    pub encoding: Option<&'static Encoding>,
    /// The delimiter, instead of sniffing it.
    pub delimiter: Option<u8>,
    /// The sheet of a workbook (default: the first).
    pub sheet: Option<String>,
}

/// One row of a candidate file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// A row with at least one non-blank cell: one cell per header column.
    Data {
        /// Spreadsheet row number.
        number: u64,
        /// The cells, in header order.
        cells: Vec<String>,
    },
    /// A row whose cells are all blank (Excel's trailing `;;;;` lines): not a candidate.
    Empty {
        /// Spreadsheet row number.
        number: u64,
    },
    /// A row that cannot be read.
    Unreadable {
        /// Spreadsheet row number.
        number: u64,
        /// Why.
        cause: Cause,
    },
}

/// A row as [`Source::next_into`] gives it: what the row is, its cells put in a buffer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowMeta {
    /// A data row; its cells of the columns asked for are in the buffer.
    Data {
        /// Spreadsheet row number.
        number: u64,
        /// Where a [`Rereader`] finds the row again.
        at: u64,
    },
    /// A row whose cells are all blank.
    Empty {
        /// Spreadsheet row number.
        number: u64,
    },
    /// A row that cannot be read.
    Unreadable {
        /// Spreadsheet row number.
        number: u64,
        /// Why.
        cause: Cause,
    },
}

/// Where rows come from: a CSV reader or a workbook's sheet.
pub(crate) trait RowSource {
    /// The next row, every cell decoded.
    fn next_row(&mut self) -> Option<Row>;

    /// Bytes of the file read so far, for progress.
    fn position(&self) -> u64 {
        0
    }

    /// What reads a row again from the file, when the source can.
    fn rereader(&self) -> Option<Rereader> {
        None
    }

    /// How records become rows, when workers can make rows of records apart from the
    /// reading, with [`Self::next_record`].
    fn shape(&self) -> Option<csv_source::Shape> {
        None
    }

    /// The next record and its row number, for [`csv_source::Shape::finish`]; the row number
    /// and cause when reading failed, which ends the rows. Only for a source with a shape.
    fn next_record(&mut self, _record: &mut records::Record) -> Option<Result<u64, (u64, Cause)>> {
        None
    }

    /// The next row; for a data row, its cells of `columns` appended to `out`.
    fn next_into(&mut self, columns: &[usize], out: &mut CellBuf) -> Option<RowMeta> {
        Some(match self.next_row()? {
            Row::Data { number, cells } => {
                for c in columns {
                    out.push(cells.get(*c).map_or("", String::as_str));
                }
                RowMeta::Data { number, at: 0 }
            }
            Row::Empty { number } => RowMeta::Empty { number },
            Row::Unreadable { number, cause } => RowMeta::Unreadable { number, cause },
        })
    }
}

/// Why a row cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// Not as many cells as the header has columns.
    CellCount {
        /// Cells in the row.
        got: usize,
        /// Columns in the header.
        want: usize,
    },
    /// Bytes that are not valid in the file's encoding.
    Encoding {
        /// The column where they are.
        column: String,
        /// The encoding's name.
        encoding: String,
        /// The encoding came from a BOM (else it was detected or given).
        bom: bool,
    },
    /// A quote opened in this row runs on over lines that look like rows.
    UnclosedQuote {
        /// Line breaks inside the cell.
        breaks: u64,
    },
    /// Cells outside the columns the header names (in a workbook).
    OutsideColumns,
    /// A cell larger than [`MAX_CELL_BYTES`]: not a candidate's answer. Ends the reading.
    CellTooLarge {
        /// The column where it is.
        column: String,
        /// Its size in bytes.
        bytes: usize,
    },
    /// The file could not be read past this row.
    Io(String),
}

impl Cause {
    /// Whether this cause ends the reading of the file: what a hostile file does, not a
    /// mistyped row.
    pub fn is_fatal(&self) -> bool {
        matches!(self, Cause::CellTooLarge { .. } | Cause::Io(_))
    }

    /// The cause in words, in `lang`.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::*;
        match (self, lang) {
            (Cause::CellCount { got, want }, Fr) => format!(
                "la ligne a {} alors que l'en-tête a {}",
                Fr.count(*got, ("cellule", "cellules"), ("", "")),
                Fr.count(*want, ("colonne", "colonnes"), ("", ""))
            ),
            (Cause::CellCount { got, want }, En) => format!(
                "the row has {} where the header has {}",
                En.count(*got, ("", ""), ("cell", "cells")),
                En.count(*want, ("", ""), ("column", "columns"))
            ),
            (
                Cause::Encoding {
                    column,
                    encoding,
                    bom,
                },
                Fr,
            ) => format!(
                "la colonne `{column}` contient des octets invalides en {encoding}{}",
                if *bom {
                    " (encodage annoncé par le BOM du fichier)"
                } else {
                    " (si le fichier est en Windows-1252, indiquez `--encoding windows-1252`)"
                }
            ),
            (
                Cause::Encoding {
                    column,
                    encoding,
                    bom,
                },
                En,
            ) => format!(
                "column `{column}` holds bytes that are not valid {encoding}{}",
                if *bom {
                    " (as the file's BOM says)"
                } else {
                    " (if the file is Windows-1252, say `--encoding windows-1252`)"
                }
            ),
            (Cause::UnclosedQuote { breaks }, Fr) => format!(
                "un guillemet ouvert dans cette ligne n'est pas refermé : la cellule s'étend sur {breaks} sauts de ligne qui ressemblent à d'autres lignes"
            ),
            (Cause::UnclosedQuote { breaks }, En) => format!(
                "a quote opened in this row is not closed: the cell runs over {breaks} line breaks that look like rows of their own"
            ),
            (Cause::CellTooLarge { column, bytes }, Fr) => format!(
                "la colonne `{column}` contient une cellule de {bytes} octets, plus que les {MAX_CELL_BYTES} permis"
            ),
            (Cause::CellTooLarge { column, bytes }, En) => format!(
                "column `{column}` holds a cell of {bytes} bytes, more than the {MAX_CELL_BYTES} allowed"
            ),
            (Cause::OutsideColumns, Fr) => {
                "la ligne a des cellules hors des colonnes nommées par l'en-tête".into()
            }
            (Cause::OutsideColumns, En) => {
                "the row has cells outside the columns the header names".into()
            }
            (Cause::Io(e), Fr) => {
                format!("le fichier n'a pas pu être lu au-delà de cette ligne : {e}")
            }
            (Cause::Io(e), En) => format!("the file could not be read past this row: {e}"),
        }
    }
}

impl Row {
    /// The spreadsheet row number.
    pub fn number(&self) -> u64 {
        match self {
            Row::Data { number, .. } | Row::Empty { number } | Row::Unreadable { number, .. } => {
                *number
            }
        }
    }
}

use crate::i18n::catalogue as msg;

/// The language of messages.
fn msg_lang() -> crate::i18n::Lang {
    crate::i18n::messages()
}

/// Why a candidate file cannot be read at all.
#[derive(Debug)]
pub enum IngestError {
    /// The file cannot be opened or read.
    Io(PathBuf, std::io::Error),
    /// The file holds nothing but blank lines.
    Empty(PathBuf),
    /// The header row is unusable.
    Header(PathBuf, u64, String),
    /// The workbook or its sheet cannot be read.
    Workbook(PathBuf, String),
    /// Several files whose headers differ.
    Mismatch(PathBuf, String),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Io(p, e) => {
                let lang = crate::i18n::messages();
                write!(
                    f,
                    "{}{}{}",
                    crate::i18n::catalogue::cannot_read(lang, &p.display().to_string()),
                    lang.pick(" : ", ": "),
                    crate::i18n::io_why(lang, e)
                )
            }
            IngestError::Empty(p) => f.write_str(&crate::i18n::catalogue::no_header_row(
                crate::i18n::messages(),
                &p.display().to_string(),
            )),
            IngestError::Header(p, row, why) => f.write_str(&msg::header_row(
                msg_lang(),
                &p.display().to_string(),
                *row,
                why,
            )),
            IngestError::Workbook(p, why) | IngestError::Mismatch(p, why) => {
                write!(f, "{}{}{why}", p.display(), msg_lang().pick(" : ", ": "))
            }
        }
    }
}

impl std::error::Error for IngestError {}

/// An open candidate file: how it is written, its header, and its rows to come.
pub struct Source {
    /// The file.
    pub path: PathBuf,
    /// The encoding's name (`UTF-8`, `windows-1252`, `UTF-16LE`…), or the workbook's kind
    /// (`xlsx`, `xlsb`, `xls`, `ods`).
    pub encoding: String,
    /// The delimiter, for a CSV file.
    pub delimiter: Option<u8>,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// Column names, trimmed.
    pub header: Vec<String>,
    /// The header's spreadsheet row number.
    pub header_row: u64,
    /// The options it was opened with, to open it again.
    pub options: Options,
    rows: Box<dyn RowSource + Send>,
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Source")
            .field("path", &self.path)
            .field("encoding", &self.encoding)
            .field("header", &self.header)
            .finish_non_exhaustive()
    }
}

impl Iterator for Source {
    type Item = Row;
    fn next(&mut self) -> Option<Row> {
        self.rows.next_row()
    }
}

impl Source {
    /// Opens a candidate file (CSV or workbook) and reads its header.
    pub fn open(path: &Path, options: &Options) -> Result<Source, IngestError> {
        if let Some(stream) = stream::open(path).map_err(|e| IngestError::Io(path.into(), e))? {
            return Source::open_stream(path, stream, options);
        }
        let mut magic = [0u8; 4];
        let n = {
            use std::io::Read;
            let mut f = std::fs::File::open(path).map_err(|e| IngestError::Io(path.into(), e))?;
            if f.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(IngestError::Io(
                    path.into(),
                    std::io::Error::from(std::io::ErrorKind::IsADirectory),
                ));
            }
            f.read(&mut magic)
                .map_err(|e| IngestError::Io(path.into(), e))?
        };
        let workbook = matches!(&magic[..n], [b'P', b'K', 3, 4] | [0xD0, 0xCF, 0x11, 0xE0]);
        if workbook {
            workbook::open(path, options)
        } else if let Some(sheet) = &options.sheet {
            Err(IngestError::Io(
                path.into(),
                std::io::Error::other(msg::sheet_of_a_csv(msg_lang(), sheet)),
            ))
        } else {
            csv_source::open(path, options)
        }
    }

    /// Reads every row and says where the rows break what a source promises: row numbers that
    /// grow, data rows as wide as the header. For fuzzing and for the tests that replay it.
    pub fn check_rows(self) -> Result<(), String> {
        let width = self.header.len();
        let mut last = self.header_row;
        for row in self {
            if row.number() <= last {
                return Err(format!("row {} comes after row {last}", row.number()));
            }
            last = row.number();
            if let Row::Data { cells, number } = &row
                && cells.len() != width
            {
                return Err(format!(
                    "row {number} has {} cells, not {width}",
                    cells.len()
                ));
            }
        }
        Ok(())
    }

    /// Reads a CSV text from a pipe, once: a workbook must be a file, since it is read from
    /// its end.
    fn open_stream(
        path: &Path,
        stream: Box<dyn std::io::Read + Send>,
        options: &Options,
    ) -> Result<Source, IngestError> {
        use std::io::BufRead;
        let mut reader = std::io::BufReader::new(stream);
        let head = reader
            .fill_buf()
            .map_err(|e| IngestError::Io(path.into(), e))?;
        let workbook =
            head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
        if workbook || options.sheet.is_some() {
            return Err(IngestError::Io(
                path.into(),
                std::io::Error::other(msg::workbook_from_pipe(msg_lang())),
            ));
        }
        csv_source::open_from(path, Box::new(reader), None, false, options)
    }

    /// The next row; for a data row, its cells of `columns` (and only those) decoded and
    /// appended to `out`: what screening reads, without a new string per cell.
    pub fn next_into(&mut self, columns: &[usize], out: &mut CellBuf) -> Option<RowMeta> {
        self.rows.next_into(columns, out)
    }

    /// How records become rows, when workers can make rows of records apart from the
    /// reading, with [`Self::next_record`].
    pub(super) fn shape(&self) -> Option<csv_source::Shape> {
        self.rows.shape()
    }

    /// The next record and its row number, or the row number and cause when reading failed;
    /// none at the end. Only for a source with a [`Self::shape`].
    pub(super) fn next_record(
        &mut self,
        record: &mut records::Record,
    ) -> Option<Result<u64, (u64, Cause)>> {
        self.rows.next_record(record)
    }

    /// What reads a data row again from the file by its [`RowMeta::Data`] `at`, for sources
    /// that can (CSV files in UTF-8 or a single-byte encoding): screening then keeps no cell.
    pub fn rereader(&self) -> Option<Rereader> {
        self.rows.rereader()
    }

    /// Bytes of the file read so far (0 for a workbook, read whole when opened).
    pub fn position(&self) -> u64 {
        self.rows.position()
    }

    /// The index of the column named `name` (case, accents and spaces ignored).
    pub fn column(&self, name: &str) -> Option<usize> {
        column_index(&self.header, name)
    }
}

/// The index of `name` in `header`, matching exactly first, then with case, accents and runs
/// of spaces ignored.
pub fn column_index(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h == name).or_else(|| {
        let want = fold(name);
        header.iter().position(|h| fold(h) == want)
    })
}

/// Checks a header: no empty name among the columns, no name twice.
fn check_header(path: &Path, row: u64, names: &[String]) -> Result<(), IngestError> {
    if names.len() > MAX_COLUMNS {
        return Err(IngestError::Header(
            path.into(),
            row,
            msg::header_too_wide(msg_lang(), names.len(), MAX_COLUMNS),
        ));
    }
    if names.iter().all(String::is_empty) {
        return Err(IngestError::Header(
            path.into(),
            row,
            msg::header_empty(msg_lang()),
        ));
    }
    let mut seen: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            return Err(IngestError::Header(
                path.into(),
                row,
                msg::column_without_name(msg_lang(), i + 1),
            ));
        }
        if let Some(&j) = seen.get(&fold(name)) {
            return Err(IngestError::Header(
                path.into(),
                row,
                msg::column_twice(msg_lang(), name, j + 1, i + 1),
            ));
        }
        seen.insert(fold(name), i);
    }
    Ok(())
}

/// Opens several candidate files that must share one header, in order.
pub fn open_all(paths: &[PathBuf], options: &Options) -> Result<Vec<Source>, IngestError> {
    let mut sources: Vec<Source> = Vec::with_capacity(paths.len());
    for path in paths {
        let source = Source::open(path, options)?;
        if let Some(first) = sources.first() {
            let same = first.header.len() == source.header.len()
                && first
                    .header
                    .iter()
                    .zip(&source.header)
                    .all(|(a, b)| fold(a) == fold(b));
            if !same {
                let why = match first
                    .header
                    .iter()
                    .zip(&source.header)
                    .position(|(a, b)| fold(a) != fold(b))
                {
                    Some(i) => msg::header_differs(
                        msg_lang(),
                        &first.path.display().to_string(),
                        i + 1,
                        &source.header[i],
                        &first.header[i],
                    ),
                    None => msg::header_width_differs(
                        msg_lang(),
                        source.header.len(),
                        &first.path.display().to_string(),
                        first.header.len(),
                    ),
                };
                return Err(IngestError::Mismatch(path.clone(), why));
            }
        }
        sources.push(source);
    }
    Ok(sources)
}

/// Reads an encoding name given on the command line (`utf-8`, `windows-1252`, `latin1`,
/// `utf-16le`…).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().to_ascii_lowercase();
    let l = match l.as_str() {
        "cp1252" | "win1252" | "ansi" => "windows-1252",
        "utf16" | "utf-16" => "utf-16le",
        other => other,
    };
    Encoding::for_label(l.as_bytes())
}

/// Reads a delimiter given on the command line: one character, or `tab`.
pub fn delimiter_for_label(label: &str) -> Option<u8> {
    match label {
        "tab" | "\\t" | "\t" => Some(b'\t'),
        l if l.len() == 1 && l.is_ascii() => l.bytes().next(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_cells_agrees_with_its_number() {
        use crate::i18n::Lang;
        let one = Cause::CellCount { got: 1, want: 3 };
        assert_eq!(
            one.describe(Lang::Fr),
            "la ligne a 1 cellule alors que l'en-tête a 3 colonnes"
        );
        assert_eq!(
            one.describe(Lang::En),
            "the row has 1 cell where the header has 3 columns"
        );
    }

    fn read(bytes: &[u8]) -> Result<(Source, Vec<Row>), IngestError> {
        read_with(bytes, &Options::default())
    }

    fn read_with(bytes: &[u8], options: &Options) -> Result<(Source, Vec<Row>), IngestError> {
        let dir = tempfile::tempdir().map_err(|e| IngestError::Io("tmp".into(), e))?;
        let path = dir.path().join("c.csv");
        std::fs::write(&path, bytes).map_err(|e| IngestError::Io(path.clone(), e))?;
        let mut source = Source::open(&path, options)?;
        let rows: Vec<Row> = source.by_ref().collect();
        Ok((source, rows))
    }

    fn data(number: u64, cells: &[&str]) -> Row {
        Row::Data {
            number,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn numbers_rows_as_a_spreadsheet_does() {
        let text = "Nom,Notes\r\nAwa,\"deux\r\nlignes, et une virgule\"\r\n\r\nBina,ok\r\n,\r\nCheick,\"\"\"cité\"\"\"\r\n";
        let (source, rows) = read(text.as_bytes()).expect("readable");
        assert_eq!(source.header, ["Nom", "Notes"]);
        assert_eq!(source.delimiter, Some(b','));
        assert_eq!(
            rows,
            [
                data(2, &["Awa", "deux\r\nlignes, et une virgule"]),
                Row::Empty { number: 3 },
                data(4, &["Bina", "ok"]),
                Row::Empty { number: 5 },
                data(6, &["Cheick", "\"cité\""]),
            ]
        );
    }

    #[test]
    fn mixed_line_ends_each_end_a_row() {
        // LF, CRLF and lone CR in one file, and a lone CR inside a quoted cell.
        let text = b"Nom;Notes\nAwa;un\r\nBina;deux\rCheick;\"trois\rlignes\"\r\rDjeneba;quatre\r";
        let (_, rows) = read(text).expect("readable");
        assert_eq!(
            rows,
            [
                data(2, &["Awa", "un"]),
                data(3, &["Bina", "deux"]),
                data(4, &["Cheick", "trois\nlignes"]),
                Row::Empty { number: 5 },
                data(6, &["Djeneba", "quatre"]),
            ]
        );
        // Each row read again where it stands, forwards and backwards.
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("mixed.csv");
        std::fs::write(&path, text).expect("write");
        assert_eq!(reread::check_rows_read_again(&path), Ok(Some(4)));
    }

    #[test]
    fn reads_lone_carriage_returns() {
        let (_, rows) = read(b"a;b\r1;2\r\r3;4\r").expect("readable");
        assert_eq!(
            rows,
            [
                data(2, &["1", "2"]),
                Row::Empty { number: 3 },
                data(4, &["3", "4"])
            ]
        );
        let (_, rows) = read(b"a;b\n1;2\n\n\n3;4\n").expect("readable");
        assert_eq!(
            rows,
            [
                data(2, &["1", "2"]),
                Row::Empty { number: 3 },
                Row::Empty { number: 4 },
                data(5, &["3", "4"])
            ]
        );
    }

    #[test]
    fn reads_every_encoding() {
        let (s, rows) = read(b"Pr\xe9nom;Ann\xe9es\nA\xefssata;3,5\n").expect("cp1252");
        assert_eq!(
            (s.encoding.as_str(), s.header.as_slice()),
            (
                "windows-1252",
                &["Prénom".to_string(), "Années".to_string()][..]
            )
        );
        assert_eq!(rows, [data(2, &["Aïssata", "3,5"])]);

        let (s, _) = read("\u{feff}Prénom,Nom\nA,B\n".as_bytes()).expect("utf-8 bom");
        assert_eq!(
            (s.encoding.as_str(), s.header[0].as_str()),
            ("UTF-8", "Prénom")
        );

        let utf16 = |big: bool| -> Vec<u8> {
            let text = "\u{feff}Prénom\tNom\r\nAïssata\tTraoré\r\n";
            text.encode_utf16()
                .flat_map(|u| {
                    if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect()
        };
        for (big, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let (s, rows) = read(&utf16(big)).expect("utf-16");
            assert_eq!(s.encoding, name);
            assert_eq!(s.delimiter, Some(b'\t'));
            assert_eq!(s.header, ["Prénom", "Nom"]);
            assert_eq!(rows, [data(2, &["Aïssata", "Traoré"])]);
        }
    }

    #[test]
    fn an_override_wins_over_detection() {
        let options = Options {
            encoding: encoding_for_label("latin1"),
            delimiter: delimiter_for_label("|"),
            sheet: None,
        };
        let (s, rows) = read_with("a|b\né|x,y\n".as_bytes(), &options).expect("readable");
        assert_eq!(s.delimiter, Some(b'|'));
        assert_eq!(rows, [data(2, &["Ã©", "x,y"])]);
    }

    #[test]
    fn broken_rows_are_unreadable_and_reading_goes_on() {
        let text = b"\xef\xbb\xbfNom,Age\nAwa,30\nBad,1,2\nCaf\xe9,4\nDado,5\n";
        let (_, rows) = read(text).expect("readable");
        assert_eq!(rows[0], data(2, &["Awa", "30"]));
        assert_eq!(
            rows[1],
            Row::Unreadable {
                number: 3,
                cause: Cause::CellCount { got: 3, want: 2 }
            }
        );
        assert_eq!(
            rows[2],
            Row::Unreadable {
                number: 4,
                cause: Cause::Encoding {
                    column: "Nom".into(),
                    encoding: "UTF-8".into(),
                    bom: true
                }
            }
        );
        assert_eq!(rows[3], data(5, &["Dado", "5"]));
    }

    #[test]
    fn an_unclosed_quote_is_reported_where_it_opened() {
        let text = "Nom;Ville;Age\nAwa;\"Sikasso;30\nBina;Kayes;31\nCheick;Bamako;32\n";
        let (_, rows) = read(text.as_bytes()).expect("readable");
        assert_eq!(rows.len(), 1);
        let Row::Unreadable { number, cause } = &rows[0] else {
            panic!("{rows:?}")
        };
        assert_eq!(*number, 2);
        assert_eq!(*cause, Cause::UnclosedQuote { breaks: 3 });
        assert_eq!(
            cause.describe(crate::i18n::Lang::En),
            "a quote opened in this row is not closed: the cell runs over 3 line breaks that look like rows of their own"
        );
    }

    #[test]
    fn trailing_empty_cells_are_tolerated() {
        let (s, rows) = read(b"a;b;;\n1;2;;\n;;;\n").expect("readable");
        assert_eq!(s.header, ["a", "b"]);
        assert_eq!(rows, [data(2, &["1", "2"]), Row::Empty { number: 3 }]);
    }

    #[test]
    fn bad_headers_are_errors() {
        for (bytes, want) in [
            (&b""[..], "c.csv: the file holds no header row"),
            (&b"\n\n  \n"[..], "c.csv: the file holds no header row"),
            (
                &b"a,,b\n1,2,3\n"[..],
                "c.csv: row 1 (the header): column 2 has no name",
            ),
            (
                &b"Nom,Age,nom\n"[..],
                "c.csv: row 1 (the header): column `nom` appears twice (columns 1 and 3)",
            ),
        ] {
            let err = read(bytes).expect_err("bad header").to_string();
            assert!(err.ends_with(want), "{err}");
        }
    }

    #[test]
    fn matches_columns_loosely() {
        let header = vec!["Prénom".to_string(), "Années  d'expérience".to_string()];
        assert_eq!(column_index(&header, "prenom"), Some(0));
        assert_eq!(column_index(&header, "Années d'expérience"), Some(1));
        assert_eq!(column_index(&header, "Nom"), None);
    }
}
