//! Excel workbooks (`.xlsx`, and `.xls`, `.ods` through the same reader): the first sheet or
//! the one named, with numbers and dates as Excel stores them.

use super::{Cause, IngestError, Options, Row, Source, check_header};
use calamine::{Data, Reader, open_workbook_auto};
use std::path::Path;

pub(super) fn open(path: &Path, options: &Options) -> Result<Source, IngestError> {
    let err = |why: String| IngestError::Workbook(path.into(), why);
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
    let mut header: Vec<String> = header.into_iter().map(|h| h.trim().to_string()).collect();
    while header.last().is_some_and(String::is_empty) {
        header.pop();
    }
    let skip_leading = header.iter().take_while(|h| h.is_empty()).count();
    check_header(path, header_row, &header[skip_leading..])?;
    let width = header.len();
    let rows: Vec<Row> = rows
        .map(|(number, mut cells)| {
            let outside = |c: &String| !c.trim().is_empty();
            let extra = cells.iter().skip(width).any(outside)
                || cells.iter().take(skip_leading).any(outside);
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
                    cells: cells.split_off(skip_leading),
                }
            }
        })
        .collect();
    Ok(Source {
        path: path.into(),
        encoding: "xlsx".into(),
        delimiter: None,
        sheet: Some(name),
        header: header.split_off(skip_leading),
        header_row,
        options: options.clone(),
        rows: Box::new(SheetRows(rows.into_iter())),
    })
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
