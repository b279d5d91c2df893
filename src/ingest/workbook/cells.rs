//! A sheet read cell by cell on a thread of its own, a few rows ahead of screening: memory
//! holds those rows, not the sheet, and every cell, row and column is held to the limits of a
//! candidate file.

use super::{header_of, row_of, sheet_source};
use crate::i18n::catalogue as msg;
use crate::ingest::{Cause, IngestError, Options, Row, Source, check_header};
use std::path::Path;

/// What the reading thread sends: the header first, then the rows.
enum Sent {
    Header(u64, Vec<String>),
    Row(Row),
    Failed(String),
}

/// The rows of a sheet, as Excel has them: a workbook's rows are kept in memory.
pub const MAX_SHEET_ROWS: u64 = 1_048_576;

/// Rows read ahead of screening, at most this many.
const AHEAD: usize = 256;

/// A workbook whose sheet is given out cell by cell.
pub(super) enum Book {
    /// Read from the file as the cells are asked for.
    Xlsx(calamine::Xlsx<std::io::BufReader<std::fs::File>>),
    /// Read from the file as the cells are asked for.
    Xlsb(calamine::Xlsb<std::io::BufReader<std::fs::File>>),
    /// Read whole already (`.xls`, `.ods`).
    Whole(calamine::Range<calamine::Data>),
}

/// A cell as a reader gives it: its row, its column and its value.
type Next<'a> = dyn FnMut() -> Result<Option<(u32, u32, calamine::Data)>, String> + 'a;

/// The source of sheet `name` of `book`, its rows read on a thread of their own.
pub(super) fn stream(
    path: &Path,
    options: &Options,
    book: Book,
    (kind, name): (&'static str, String),
) -> Result<Source, IngestError> {
    let (tx, rx) = std::sync::mpsc::sync_channel(AHEAD);
    let sheet = name.clone();
    let thread = std::thread::spawn(move || {
        let failed = |e: String| {
            let lang = crate::i18n::messages();
            let _ = tx.send(Sent::Failed(msg::sheet_unreadable(lang, &sheet, &e)));
        };
        // Both readers give cells the same way; a panic of calamine is a damaged workbook,
        // reported at the row where it happened.
        macro_rules! cells_of {
            ($book:expr) => {{
                let mut book = $book;
                match super::guarded(|| book.worksheet_cells_reader(&sheet)) {
                    Ok(Ok(mut reader)) => read_cells(
                        &mut || {
                            super::guarded(|| reader.next_cell())?
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
                    Ok(Err(e)) => failed(e.to_string()),
                    Err(damaged) => failed(damaged),
                }
            }};
        }
        match book {
            Book::Xlsx(book) => cells_of!(book),
            Book::Xlsb(book) => cells_of!(book),
            Book::Whole(range) => {
                let (top, left) = range.start().unwrap_or((0, 0));
                let mut used = range.used_cells();
                read_cells(
                    &mut || {
                        Ok(used.next().map(|(r, c, value)| {
                            // Positions within a range fit the u32 they came from.
                            let at = |base: u32, i: usize| base.saturating_add(i as u32);
                            (at(top, r), at(left, c), value.clone())
                        }))
                    },
                    &sheet,
                    &tx,
                )
            }
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
        (kind, name),
        (header_row, header),
        rows,
    ))
}

/// Reads the cells of sheet `name` in order and sends its header, then its rows, each within
/// the limits of a candidate file.
fn read_cells(next: &mut Next<'_>, name: &str, tx: &std::sync::mpsc::SyncSender<Sent>) {
    use crate::ingest::{MAX_CELL_BYTES, MAX_COLUMNS, MAX_ROW_BYTES};
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
                    let lang = crate::i18n::messages();
                    let cause = Cause::Io(msg::row_out_of_order(lang, number, *next - 1));
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
                    let lang = crate::i18n::messages();
                    let why = msg::sheet_unreadable(lang, name, &e.to_string());
                    let _ = tx.send(Sent::Failed(why));
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
        // Past the rows a sheet holds in Excel: rows kept in memory stay bounded.
        if number > MAX_SHEET_ROWS {
            let why = msg::row_past_the_last(crate::i18n::messages(), number, MAX_SHEET_ROWS);
            if shape.is_none() {
                let _ = tx.send(Sent::Failed(why));
            } else {
                fatal(number, &shape, Cause::Io(why));
            }
            return;
        }
        let gathering = row.get_or_insert_with(|| (number, Vec::new(), 0, false));
        let text = super::cell_text(&value);
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
                let lang = crate::i18n::messages();
                let why = msg::header_cell_too_big(lang, number, text.len(), MAX_CELL_BYTES);
                let _ = tx.send(Sent::Failed(why));
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
            let lang = crate::i18n::messages();
            let why = msg::row_too_long(lang, MAX_ROW_BYTES >> 20);
            if shape.is_none() {
                let _ = tx.send(Sent::Failed(msg::at_row(lang, number, &why)));
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

impl crate::ingest::RowSource for StreamedRows {
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
