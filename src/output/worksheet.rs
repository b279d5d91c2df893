//! The worksheet `review` writes for a person to fill in: a line per cell that left a
//! requirement undecided, with the rank its candidate would have if every undecided
//! requirement passed (the most useful lines first), and a line per row of the possible
//! duplicates. The columns to fill in are left empty; `--verified` reads them back
//! ([`crate::verify`]).

use crate::cells::{FieldType, Value};
use crate::engine::Outcome;
use crate::i18n::Lang;
use crate::output::explain;
use crate::rank::Status;
use crate::screen::{Entry, Screening};
use crate::verify::{CELL_COLUMNS, CellColumn, PAIR_COLUMNS, PairColumn};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// The lines of both sheets, each a row of cells in the order of [`CELL_COLUMNS`] and
/// [`PAIR_COLUMNS`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lines {
    /// The cells to verify.
    pub cells: Vec<Vec<String>>,
    /// The rows of one name.
    pub pairs: Vec<Vec<String>>,
}

/// The scores of the ranked of each group, in ascending order, by group.
fn ranked_scores(s: &Screening) -> rustc_hash::FxHashMap<Option<usize>, Vec<f64>> {
    let mut by_group: rustc_hash::FxHashMap<Option<usize>, Vec<f64>> = Default::default();
    for d in &s.decisions {
        if matches!(d.status, Status::Shortlisted | Status::Eligible) {
            by_group
                .entry(d.group.map(|g| g.index()))
                .or_default()
                .push(d.score);
        }
    }
    for scores in by_group.values_mut() {
        scores.sort_unstable_by(f64::total_cmp);
    }
    by_group
}

/// The rank entry `i` would have among the ranked of its group if its undecided requirements
/// passed: 1 + those of its group with a higher score.
fn rank_if_verified(
    s: &Screening,
    ranked: &rustc_hash::FxHashMap<Option<usize>, Vec<f64>>,
    i: usize,
) -> usize {
    let d = &s.decisions[i];
    let scores = ranked
        .get(&d.group.map(|g| g.index()))
        .map_or(&[][..], Vec::as_slice);
    let not_above = scores.partition_point(|&x| x <= d.score);
    scores.len() - not_above + 1
}

/// The cells of the worksheet of `s`, in order.
pub fn lines(s: &Screening) -> Lines {
    let p = s.posting;
    let lang = s.view.lang;
    let several = s.inputs.len() > 1;
    let file = |e: &Entry| {
        s.inputs
            .get(e.file())
            .map(|f| f.path.display().to_string())
            .unwrap_or_default()
    };
    let contact =
        |e: &Entry, kind| explain::contact_of(p, e, false, kind, false).unwrap_or_default();
    let ranked = ranked_scores(s);
    let mut review: Vec<(usize, usize)> = (0..s.len())
        .filter(|&i| s.decisions[i].status == Status::Review)
        .map(|i| (rank_if_verified(s, &ranked, i), i))
        .collect();
    review.sort_unstable();
    let mut out = Lines::default();
    for (rank, i) in review {
        let e = s.entry(i);
        let Entry::Candidate { cells, .. } = &e else {
            continue;
        };
        for (k, r) in p.requirements.iter().enumerate() {
            if s.decisions[i].requirement(k) != Some(Outcome::Unknown) {
                continue;
            }
            // The cells that left the rule undecided: blank or not read; all it reads when
            // none was (a date without a time on the deadline's day).
            let fields = r.rule.fields();
            let unread: Vec<usize> = fields
                .iter()
                .copied()
                .filter(|&f| matches!(cells.value(f), Value::Blank | Value::Unknown(_)))
                .collect();
            let shown = if unread.is_empty() { fields } else { unread };
            let mut seen: Vec<&str> = Vec::new();
            for f in shown {
                let column = p.fields[f].column.as_str();
                if seen.contains(&column) {
                    continue;
                }
                seen.push(column);
                out.cells.push(
                    CELL_COLUMNS
                        .iter()
                        .map(|c| match c {
                            CellColumn::Posting => p.meta.id.clone(),
                            CellColumn::File => file(&e),
                            CellColumn::Row => e.row().to_string(),
                            CellColumn::Name => explain::name(p, &e, false, several),
                            CellColumn::Email => contact(&e, FieldType::Email),
                            CellColumn::Phone => contact(&e, FieldType::Phone),
                            CellColumn::Rank => rank.to_string(),
                            CellColumn::Requirement => explain::label(r).to_string(),
                            CellColumn::Column => column.to_string(),
                            CellColumn::Read => cells.raw(f).to_string(),
                            CellColumn::Verified | CellColumn::By | CellColumn::Note => {
                                String::new()
                            }
                        })
                        .collect(),
                );
            }
        }
    }
    for (g, group) in s.possible_duplicates.iter().enumerate() {
        for &i in group {
            let i = i as usize;
            let e = s.entry(i);
            out.pairs.push(
                PAIR_COLUMNS
                    .iter()
                    .map(|c| match c {
                        PairColumn::Posting => p.meta.id.clone(),
                        PairColumn::Group => (g + 1).to_string(),
                        PairColumn::File => file(&e),
                        PairColumn::Row => e.row().to_string(),
                        PairColumn::Name => explain::name(p, &e, false, several),
                        PairColumn::Email => contact(&e, FieldType::Email),
                        PairColumn::Phone => contact(&e, FieldType::Phone),
                        PairColumn::Status => s.decisions[i].status.label(lang).to_string(),
                        PairColumn::Same | PairColumn::By | PairColumn::Note => String::new(),
                    })
                    .collect(),
            );
        }
    }
    out
}

/// The name of the sheet of cells, and of the sheet of possible duplicates, in `lang`.
pub fn sheet_names(lang: Lang) -> (&'static str, &'static str) {
    (
        lang.pick("À vérifier", "To verify"),
        lang.pick("Doublons possibles", "Possible duplicates"),
    )
}

/// The worksheet as an xlsx workbook: a sheet of cells and one of possible duplicates, the
/// columns to fill in shaded.
pub fn xlsx(l: &Lines, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#EEF3FA");
    let fill = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#FFF4C2");
    let (cells_name, pairs_name) = sheet_names(lang);
    let mut book = Workbook::new();
    let cell_heads: Vec<(&str, bool)> = CELL_COLUMNS
        .iter()
        .map(|c| {
            let to_fill = matches!(c, CellColumn::Verified | CellColumn::By | CellColumn::Note);
            (c.header(lang), to_fill)
        })
        .collect();
    let pair_heads: Vec<(&str, bool)> = PAIR_COLUMNS
        .iter()
        .map(|c| {
            let to_fill = matches!(c, PairColumn::Same | PairColumn::By | PairColumn::Note);
            (c.header(lang), to_fill)
        })
        .collect();
    for (name, heads, rows) in [
        (cells_name, &cell_heads, &l.cells),
        (pairs_name, &pair_heads, &l.pairs),
    ] {
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        for (c, (h, to_fill)) in heads.iter().enumerate() {
            let format = if *to_fill { &fill } else { &head };
            ws.write_string_with_format(0, c as u16, *h, format)?;
            ws.set_column_width(c as u16, if *to_fill { 22 } else { 16 })?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                // Text stays text: a candidate's `=…` never becomes a formula.
                if !text.is_empty() {
                    ws.write_string(r as u32 + 1, c as u16, crate::text::printable(text))?;
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, rows.len() as u32, heads.len() as u16 - 1)?;
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
    }
    book.save_to_buffer()
}

/// One sheet of the worksheet as CSV for French Excel (UTF-8 with BOM, `;`, CRLF), candidate
/// text neutralised so that Excel runs no formula.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> std::io::Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|c| super::neutralise(c)))?;
    }
    w.into_inner().map_err(|e| e.into_error())
}

/// The headers of the sheet of cells, then of the sheet of possible duplicates, in `lang`.
pub fn headers(lang: Lang) -> (Vec<&'static str>, Vec<&'static str>) {
    (
        CELL_COLUMNS.iter().map(|c| c.header(lang)).collect(),
        PAIR_COLUMNS.iter().map(|c| c.header(lang)).collect(),
    )
}
