//! The tables of a verification file: its sheets when it is a workbook (a cell holding a
//! formula is refused: the value a person verified is what counts), or its one table when it
//! is CSV, read as candidate files are (encoding and delimiter detected).

use super::VerifyError;
use std::path::Path;

/// One table of a verification file: its header, and its lines with their row numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Its header's cells.
    pub header: Vec<String>,
    /// Each line's row number (the header is 1) and cells.
    pub rows: Vec<(u64, Vec<String>)>,
}

/// Lines a verification file may hold: far more than any recruitment verifies by hand.
const MAX_LINES: usize = 100_000;

/// The tables of the verification file at `path`.
pub fn read_tables(path: &Path) -> Result<Vec<Table>, VerifyError> {
    let unreadable = |why: String| VerifyError::Read(path.into(), why);
    let looks_like_workbook = std::fs::File::open(path)
        .and_then(|mut f| {
            use std::io::Read;
            let mut magic = [0u8; 4];
            let n = f.read(&mut magic)?;
            Ok(matches!(
                &magic[..n],
                [b'P', b'K', 3, 4] | [0xD0, 0xCF, 0x11, 0xE0]
            ))
        })
        .map_err(|e| unreadable(crate::i18n::io_why(crate::i18n::messages(), &e)))?;
    if looks_like_workbook {
        return workbook(path);
    }
    let source = crate::ingest::Source::open(path, &crate::ingest::Options::default())
        .map_err(|e| unreadable(e.to_string()))?;
    let mut table = Table {
        header: source.header.clone(),
        rows: Vec::new(),
    };
    for row in source {
        if let crate::ingest::Row::Data { number, cells } = row {
            table.rows.push((number, cells));
            if table.rows.len() > MAX_LINES {
                return Err(unreadable(crate::i18n::catalogue::verified_too_long(
                    crate::i18n::messages(),
                    MAX_LINES,
                )));
            }
        }
    }
    Ok(vec![table])
}

/// Every sheet of a workbook as a table; a formula anywhere is an error at its line.
fn workbook(path: &Path) -> Result<Vec<Table>, VerifyError> {
    use calamine::{Reader, open_workbook_auto};
    let unreadable = |why: String| VerifyError::Read(path.into(), why);
    let mut book = crate::ingest::guarded(|| open_workbook_auto(path))
        .map_err(unreadable)?
        .map_err(|e| unreadable(e.to_string()))?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| unreadable(e.to_string()))?;
        if range.height() > MAX_LINES + 1 {
            return Err(unreadable(crate::i18n::catalogue::verified_too_long(
                crate::i18n::messages(),
                MAX_LINES,
            )));
        }
        let start = range.start().unwrap_or((0, 0));
        let mut rows = range.rows();
        let header: Vec<String> = rows
            .next()
            .map(|r| r.iter().map(crate::ingest::cell_text).collect())
            .unwrap_or_default();
        if let Ok(formulas) = book.worksheet_formula(&name)
            && let Some((r, c, _)) = formulas.used_cells().find(|(_, _, f)| !f.trim().is_empty())
        {
            let (fr, fc) = formulas.start().unwrap_or((0, 0));
            let column = header
                .get((fc as usize + c).saturating_sub(start.1 as usize))
                .cloned()
                .unwrap_or_default();
            return Err(VerifyError::Formula(
                path.into(),
                u64::from(fr) + r as u64 + 1,
                column,
            ));
        }
        let mut table = Table {
            header,
            rows: Vec::new(),
        };
        for (k, r) in rows.enumerate() {
            let cells: Vec<String> = r.iter().map(crate::ingest::cell_text).collect();
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            table.rows.push((u64::from(start.0) + k as u64 + 2, cells));
        }
        out.push(table);
    }
    Ok(out)
}
