//! Excel workbooks (`.xlsx`, and `.xls`, `.ods` through the same reader): the first sheet or
//! the one named, with numbers and dates as Excel stores them.

use super::{Cause, IngestError, Options, Row, Source, check_header};
use calamine::{Data, Reader, open_workbook_auto};
use std::path::Path;

/// Bytes a workbook's parts may hold once unzipped, all together: a few megabytes of zip
/// must not become gigabytes.
pub const MAX_UNZIPPED_BYTES: u64 = 1 << 30;

/// Bytes a workbook's shared strings may hold once unzipped: they are read whole.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 256 << 20;

/// Refuses a zipped workbook whose parts say they unzip to more than the limits: a zip bomb.
fn check_unzipped(path: &Path) -> Result<(), String> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    // Not a zip (an `.xls`): calamine says what it is.
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(i) else {
            continue;
        };
        let size = entry.size();
        if entry.name().is_ok_and(|n| n.ends_with("sharedStrings.xml"))
            && size > MAX_SHARED_STRINGS_BYTES
        {
            return Err(format!(
                "its shared strings unzip to {size} bytes, more than the {MAX_SHARED_STRINGS_BYTES} a workbook may hold"
            ));
        }
        total = total.saturating_add(size);
    }
    if total > MAX_UNZIPPED_BYTES {
        return Err(format!(
            "it unzips to {total} bytes, more than the {MAX_UNZIPPED_BYTES} a workbook may hold"
        ));
    }
    Ok(())
}

pub(super) fn open(path: &Path, options: &Options) -> Result<Source, IngestError> {
    let err = |why: String| IngestError::Workbook(path.into(), why);
    check_unzipped(path).map_err(err)?;
    let mut book =
        open_workbook_auto(path).map_err(|e| err(format!("cannot read the workbook: {e}")))?;
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
                let hint = crate::suggest::hint(want, names.iter().map(String::as_str));
                err(format!(
                    "the workbook has no sheet `{want}`; its sheets are {}{hint}",
                    names
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| err("the workbook has no sheet".into()))?,
    };
    // `.xlsx` is read cell by cell on a thread of its own, a few rows ahead of screening:
    // memory holds those rows, not the sheet, and a cell far away (XFD1048576) costs nothing.
    match book {
        calamine::Sheets::Xlsx(xlsx) => return stream(path, options, Streamed::Xlsx(xlsx), name),
        calamine::Sheets::Xlsb(xlsb) => return stream(path, options, Streamed::Xlsb(xlsb), name),
        _ => {}
    }
    let range = book
        .worksheet_range(&name)
        .map_err(|e| err(format!("cannot read sheet `{name}`: {e}")))?;
    let first_row = range.start().map_or(0, |(row, _)| row);
    let mut rows = range.rows().enumerate().map(move |(i, cells)| {
        let number = u64::from(first_row) + i as u64 + 1;
        (number, cells.iter().map(cell_text).collect::<Vec<String>>())
    });
    let (header_row, header) = loop {
        match rows.next() {
            Some((n, cells)) if cells.iter().any(|c| !c.trim().is_empty()) => break (n, cells),
            Some(_) => continue,
            None => return Err(IngestError::Empty(path.into())),
        }
    };
    let (header, skip_leading) = header_of(header);
    check_header(path, header_row, &header)?;
    let width = header.len() + skip_leading;
    let rows: Vec<Row> = rows
        .map(|(number, cells)| row_of(number, cells, width, skip_leading, false))
        .collect();
    let rows = Box::new(SheetRows(rows.into_iter()));
    Ok(sheet_source(
        path,
        options,
        name,
        (header_row, header),
        rows,
    ))
}

/// The source of a sheet, once its header is read.
fn sheet_source(
    path: &Path,
    options: &Options,
    name: String,
    (header_row, header): (u64, Vec<String>),
    rows: Box<dyn super::RowSource + Send>,
) -> Source {
    Source {
        path: path.into(),
        encoding: "xlsx".into(),
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

/// What the reading thread sends: the header first, then the rows.
enum Sent {
    Header(u64, Vec<String>),
    Row(Row),
    Failed(String),
}

/// Rows read ahead of screening, at most this many.
const AHEAD: usize = 256;

/// A workbook whose sheets calamine reads cell by cell.
enum Streamed {
    Xlsx(calamine::Xlsx<std::io::BufReader<std::fs::File>>),
    Xlsb(calamine::Xlsb<std::io::BufReader<std::fs::File>>),
}

/// A cell as a reader gives it: its row, its column and its value.
type Next<'a> = dyn FnMut() -> Result<Option<(u32, u32, calamine::Data)>, String> + 'a;

fn stream(
    path: &Path,
    options: &Options,
    book: Streamed,
    name: String,
) -> Result<Source, IngestError> {
    let (tx, rx) = std::sync::mpsc::sync_channel(AHEAD);
    let sheet = name.clone();
    let thread = std::thread::spawn(move || {
        let failed = |e: String| {
            let _ = tx.send(Sent::Failed(format!("cannot read sheet `{sheet}`: {e}")));
        };
        // Both readers give cells the same way.
        macro_rules! cells_of {
            ($book:expr) => {{
                let mut book = $book;
                match book.worksheet_cells_reader(&sheet) {
                    Ok(mut reader) => read_cells(
                        &mut || {
                            reader
                                .next_cell()
                                .map(|cell| {
                                    cell.map(|cell| {
                                        let (r, c) = cell.get_position();
                                        (r, c, calamine::Data::from(cell.get_value().clone()))
                                    })
                                })
                                .map_err(|e| e.to_string())
                        },
                        &sheet,
                        &tx,
                    ),
                    Err(e) => failed(e.to_string()),
                }
            }};
        }
        match book {
            Streamed::Xlsx(book) => cells_of!(book),
            Streamed::Xlsb(book) => cells_of!(book),
        }
    });
    // From here on, dropping the rows stops and joins the thread.
    let mut rows = StreamedRows {
        rx: Some(rx),
        thread: Some(thread),
    };
    let err = |why: String| IngestError::Workbook(path.into(), why);
    let first = rows.rx.as_ref().map(std::sync::mpsc::Receiver::recv);
    let (header_row, header) = match first {
        Some(Ok(Sent::Header(n, h))) => (n, h),
        Some(Ok(Sent::Failed(why))) => return Err(err(why)),
        _ => return Err(IngestError::Empty(path.into())),
    };
    check_header(path, header_row, &header)?;
    let rows = Box::new(std::mem::take(&mut rows));
    Ok(sheet_source(
        path,
        options,
        name,
        (header_row, header),
        rows,
    ))
}

/// Reads the cells of sheet `name` in order and sends its header, then its rows, each within
/// the limits of a candidate file.
fn read_cells(next: &mut Next<'_>, name: &str, tx: &std::sync::mpsc::SyncSender<Sent>) {
    use super::{MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROW_BYTES};
    // The row being gathered: its number, cells, bytes, and whether a cell lies past the
    // columns a file may have.
    let mut row: Option<(u64, Vec<String>, usize, bool)> = None;
    // After the header: the next row number, the width and the empty columns before it.
    let mut shape: Option<(u64, usize, usize)> = None;
    let mut header_names: Vec<String> = Vec::new();
    // Sends a finished row; false when the reading must stop.
    let finish = |done: (u64, Vec<String>, usize, bool),
                  shape: &mut Option<(u64, usize, usize)>,
                  header_names: &mut Vec<String>|
     -> bool {
        let (number, cells, _, beyond) = done;
        match shape {
            None => {
                if cells.iter().all(|c| c.trim().is_empty()) {
                    return true;
                }
                let (header, skip) = header_of(cells);
                *shape = Some((number + 1, header.len() + skip, skip));
                *header_names = header.clone();
                tx.send(Sent::Header(number, header)).is_ok()
            }
            Some((next, width, skip)) => {
                // Excel writes rows in order; a row out of order ends the reading, so that
                // row numbers only grow.
                if number < *next {
                    let cause = Cause::Io(format!(
                        "row {number} stands after row {} in the sheet, which is not how Excel writes it",
                        *next - 1
                    ));
                    let _ = tx.send(Sent::Row(Row::Unreadable {
                        number: *next,
                        cause,
                    }));
                    return false;
                }
                // Rows the sheet leaves out are empty rows.
                while *next < number {
                    if tx.send(Sent::Row(Row::Empty { number: *next })).is_err() {
                        return false;
                    }
                    *next += 1;
                }
                *next = number + 1;
                tx.send(Sent::Row(row_of(number, cells, *width, *skip, beyond)))
                    .is_ok()
            }
        }
    };
    // A row that ends the reading is numbered after every row sent, whatever its place.
    let fatal = |number: u64, shape: &Option<(u64, usize, usize)>, cause: Cause| {
        let number = number.max(shape.map_or(0, |(next, _, _)| next));
        let _ = tx.send(Sent::Row(Row::Unreadable { number, cause }));
    };
    loop {
        let (r, c, value) = match next() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => {
                let number = row.as_ref().map_or(1, |r| r.0);
                if shape.is_none() {
                    let _ = tx.send(Sent::Failed(format!("cannot read sheet `{name}`: {e}")));
                } else {
                    fatal(number, &shape, Cause::Io(e.to_string()));
                }
                return;
            }
        };
        let number = u64::from(r) + 1;
        if row.as_ref().is_some_and(|g| g.0 != number)
            && let Some(done) = row.take()
            && !finish(done, &mut shape, &mut header_names)
        {
            return;
        }
        let gathering = row.get_or_insert_with(|| (number, Vec::new(), 0, false));
        let text = cell_text(&value);
        if text.is_empty() {
            continue;
        }
        let c = c as usize;
        let column = || {
            shape
                .and_then(|(_, _, skip)| c.checked_sub(skip))
                .and_then(|k| header_names.get(k).cloned())
                .unwrap_or_else(|| format!("{}", c + 1))
        };
        if text.len() > MAX_CELL_BYTES {
            if shape.is_none() {
                let _ = tx.send(Sent::Failed(format!(
                    "row {number}: a cell of {} bytes, more than the {MAX_CELL_BYTES} allowed",
                    text.len()
                )));
            } else {
                fatal(
                    number,
                    &shape,
                    Cause::CellTooLarge {
                        column: column(),
                        bytes: text.len(),
                    },
                );
            }
            return;
        }
        if c >= MAX_COLUMNS {
            gathering.3 = true;
            continue;
        }
        gathering.2 += text.len();
        if gathering.2 > MAX_ROW_BYTES {
            let why = format!(
                "a row longer than {} MiB: this is not a candidate export",
                MAX_ROW_BYTES >> 20
            );
            if shape.is_none() {
                let _ = tx.send(Sent::Failed(format!("row {number}: {why}")));
            } else {
                fatal(number, &shape, Cause::Io(why));
            }
            return;
        }
        if gathering.1.len() <= c {
            gathering.1.resize(c + 1, String::new());
        }
        gathering.1[c] = text;
    }
    if let Some(done) = row.take() {
        finish(done, &mut shape, &mut header_names);
    }
}

/// The rows a reading thread sends; dropped, it stops the thread and waits for its end, so
/// that no thread outlives its source.
#[derive(Default)]
struct StreamedRows {
    rx: Option<std::sync::mpsc::Receiver<Sent>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl super::RowSource for StreamedRows {
    fn next_row(&mut self) -> Option<Row> {
        match self.rx.as_ref()?.recv().ok()? {
            Sent::Row(row) => Some(row),
            Sent::Header(..) | Sent::Failed(_) => None,
        }
    }
}

impl Drop for StreamedRows {
    fn drop(&mut self) {
        // A closed channel makes the thread's next send fail, and it returns.
        drop(self.rx.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The rows of a sheet, all read already.
struct SheetRows(std::vec::IntoIter<Row>);

impl super::RowSource for SheetRows {
    fn next_row(&mut self) -> Option<Row> {
        self.0.next()
    }
}

/// A cell as text: numbers without a needless `.0`, dates in ISO 8601.
fn cell_text(d: &Data) -> String {
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
