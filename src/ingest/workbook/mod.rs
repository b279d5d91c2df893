//! Workbooks (`.xlsx`, `.xlsb`, `.xls`, `.ods`, read with calamine): the first sheet or the
//! one named, with numbers and dates as the workbook stores them.

use super::{Cause, Options, Row, Source};
use crate::i18n::catalogue as msg;
use crate::ingest::IngestError;
use calamine::{Data, Reader, open_workbook_auto};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

mod bounds;
mod cells;

pub use bounds::{MAX_SHARED_STRINGS_BYTES, MAX_UNZIPPED_BYTES, MAX_WHOLE_CELLS};
pub use cells::MAX_SHEET_ROWS;

/// Opens sheet `options.sheet` (else the first) of the workbook at `path`, within the limits.
pub(super) fn open(path: &Path, options: &Options) -> Result<Source, IngestError> {
    let lang = crate::i18n::messages();
    let err = |why: String| IngestError::Workbook(path.into(), why);
    let kind = bounds::check(path).map_err(err)?;
    let book = guarded(|| open_as(path, kind))
        .map_err(err)?
        .map_err(|e| err(msg::workbook_unreadable(lang, &e.to_string())))?;
    let names = book.sheet_names();
    let name = match &options.sheet {
        Some(want) => names
            .iter()
            .find(|n| *n == want)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| crate::text::fold(n) == crate::text::fold(want))
            })
            .cloned()
            .ok_or_else(|| {
                let hint = crate::suggest::hint(lang, want, names.iter().map(String::as_str));
                let sheets: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
                err(msg::no_such_sheet(
                    lang,
                    want,
                    &sheets.join(", "),
                    &hint.unwrap_or_default(),
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| err(msg::no_sheet(lang)))?,
    };
    // `.xlsx` and `.xlsb` sheets are read cell by cell; calamine reads `.xls` and `.ods`
    // whole, within the cells `bounds::check` allowed, and their cells are then given out the
    // same way, so that every workbook meets the same limits.
    let kind: &'static str = match &book {
        calamine::Sheets::Xlsx(_) => "xlsx",
        calamine::Sheets::Xlsb(_) => "xlsb",
        calamine::Sheets::Xls(_) => "xls",
        calamine::Sheets::Ods(_) => "ods",
    };
    let book = match book {
        calamine::Sheets::Xlsx(xlsx) => cells::Book::Xlsx(xlsx),
        calamine::Sheets::Xlsb(xlsb) => cells::Book::Xlsb(xlsb),
        mut whole => cells::Book::Whole(
            guarded(|| whole.worksheet_range(&name))
                .map_err(err)?
                .map_err(|e| err(msg::sheet_unreadable(lang, &name, &e.to_string())))?,
        ),
    };
    cells::stream(path, options, book, (kind, name))
}

thread_local! {
    /// Whether this thread is reading a workbook with calamine, whose panics are caught.
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a panic on this thread is caught and reported as a damaged workbook: the panic
/// hook then says nothing.
pub fn panics_are_caught() -> bool {
    GUARDED.with(std::cell::Cell::get)
}

/// Runs `read` (calamine at work), a panic in it becoming "the workbook is damaged": its
/// parsers index hostile bytes without checking (the fuzz target found records shorter than
/// their kind).
pub(crate) fn guarded<T>(read: impl FnOnce() -> T) -> Result<T, String> {
    let before = GUARDED.with(|g| g.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    GUARDED.with(|g| g.set(before));
    result.map_err(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        msg::workbook_broke(crate::i18n::messages(), &why)
    })
}

/// The workbook at `path` opened as its content says it is, whatever its name says (calamine
/// goes by the name).
fn open_as(path: &Path, kind: bounds::Kind) -> Result<calamine::Sheets<BufReader<File>>, String> {
    use calamine::{Ods, Sheets, Xls, Xlsb, Xlsx, open_workbook};
    let why = |e: &dyn std::fmt::Display| e.to_string();
    match kind {
        bounds::Kind::Xlsx => open_workbook::<Xlsx<_>, _>(path)
            .map(Sheets::Xlsx)
            .map_err(|e| why(&e)),
        bounds::Kind::Xlsb => open_workbook::<Xlsb<_>, _>(path)
            .map(Sheets::Xlsb)
            .map_err(|e| why(&e)),
        bounds::Kind::Xls => open_workbook::<Xls<_>, _>(path)
            .map(Sheets::Xls)
            .map_err(|e| why(&e)),
        bounds::Kind::Ods => open_workbook::<Ods<_>, _>(path)
            .map(Sheets::Ods)
            .map_err(|e| why(&e)),
        bounds::Kind::Unknown => open_workbook_auto(path).map_err(|e| why(&e)),
    }
}

/// The source of a sheet of a workbook of `kind` (`xlsx`, `ods`…), once its header is read.
fn sheet_source(
    path: &Path,
    options: &Options,
    (kind, name): (&str, String),
    (header_row, header): (u64, Vec<String>),
    rows: Box<dyn crate::ingest::RowSource + Send>,
) -> Source {
    Source {
        path: path.into(),
        encoding: kind.into(),
        delimiter: None,
        sheet: Some(name),
        header,
        header_row,
        options: options.clone(),
        rows,
    }
}

/// The header's names, trimmed, without the empty columns after the last name; and how many
/// empty columns come before the first.
fn header_of(cells: Vec<String>) -> (Vec<String>, usize) {
    let mut header: Vec<String> = cells.into_iter().map(|h| h.trim().to_string()).collect();
    while header.last().is_some_and(String::is_empty) {
        header.pop();
    }
    let skip_leading = header.iter().take_while(|h| h.is_empty()).count();
    (header.split_off(skip_leading), skip_leading)
}

/// A sheet row as a row of the file: its cells within the header's columns, unreadable when
/// a cell stands outside them (`beyond`: past the columns a file may have).
fn row_of(number: u64, mut cells: Vec<String>, width: usize, skip: usize, beyond: bool) -> Row {
    let outside = |c: &String| !c.trim().is_empty();
    let extra =
        beyond || cells.iter().skip(width).any(outside) || cells.iter().take(skip).any(outside);
    cells.resize(width, String::new());
    if extra {
        Row::Unreadable {
            number,
            cause: Cause::OutsideColumns,
        }
    } else if cells.iter().all(|c| c.trim().is_empty()) {
        Row::Empty { number }
    } else {
        Row::Data {
            number,
            cells: cells.split_off(skip),
        }
    }
}

/// A cell as text: numbers without a needless `.0`, dates in ISO 8601.
pub(crate) fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "true" } else { "false" }.into(),
        Data::DateTime(dt) if dt.is_datetime() => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}
