//! Excel workbook: a Shortlist sheet, an All candidates sheet (the same columns as the CSV,
//! with the submission time as a date) and a Rules sheet. Numbers are numbers, dates are
//! dates, and candidate text is always written as text, so it can never become a formula.

use crate::cells::Value;
use crate::output::explain::{self, label};
use crate::rank::Status;
use crate::screen::{Entry, Screening};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// One cell before it is written.
enum Cell {
    Text(String),
    Number(f64),
    Date(chrono::NaiveDateTime),
    Empty,
}

fn widths(rows: &[Vec<Cell>], head: &[String]) -> Vec<f64> {
    let mut w: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            let n = match c {
                Cell::Text(t) => t.chars().count(),
                Cell::Number(_) => 8,
                Cell::Date(_) => 16,
                Cell::Empty => 0,
            };
            if let Some(x) = w.get_mut(i) {
                *x = (*x).max(n);
            }
        }
    }
    w.into_iter().map(|n| (n.clamp(6, 60) + 2) as f64).collect()
}

/// Characters an Excel cell holds at most.
const MOST_CHARS: usize = 32_767;

/// A cell's text within Excel's limit: cut, with an ellipsis marking the cut, when longer.
fn within_limit(t: &str) -> (std::borrow::Cow<'_, str>, Option<usize>) {
    let n = t.chars().count();
    if n <= MOST_CHARS {
        return (t.into(), None);
    }
    let kept: String = t.chars().take(MOST_CHARS - 1).chain(['…']).collect();
    (kept.into(), Some(n))
}

fn sheet(
    ws: &mut Worksheet,
    name: &str,
    head: &[String],
    rows: &[Vec<Cell>],
    cuts: &mut Vec<String>,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_background_color("#EEF3FA");
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    ws.set_name(name)?;
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => {
                    let shown = crate::text::printable(t);
                    let (text, cut) = within_limit(&shown);
                    if let Some(n) = cut {
                        let column = head.get(usize::from(c)).map_or("", String::as_str);
                        cuts.push(crate::i18n::catalogue::xlsx_text_cut(
                            crate::i18n::messages(),
                            name,
                            r + 1,
                            column,
                            n,
                            MOST_CHARS,
                        ));
                    }
                    ws.write_string(r, c, text)?;
                }
                Cell::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Cell::Date(d) => {
                    ws.write_datetime_with_format(r, c, d, &date)?;
                }
                Cell::Empty => {}
            }
        }
    }
    for (c, w) in widths(rows, head).into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !head.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, head.len() as u16 - 1)?;
    }
    Ok(())
}

/// Builds the workbook of a screening, and says which cells were cut to Excel's limit.
pub fn build(s: &Screening) -> Result<(Vec<u8>, Vec<String>), XlsxError> {
    let p = s.posting;
    let lang = s.view.lang;
    let several = s.inputs.len() > 1;
    let mut head: Vec<String> = super::CANDIDATE_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .collect();
    let submitted = p.candidate.submitted_at;
    if submitted.is_some() {
        head.push("submitted".into());
    }
    if several {
        head.push("file".into());
    }
    head.extend(
        p.requirements
            .iter()
            .chain(&p.preferences)
            .map(|r| r.id.clone()),
    );
    head.push("reasons".into());
    let row_of = |i: usize| -> Vec<Cell> {
        let d = &s.decisions[i];
        let e = &s.entry(i);
        let mut row = vec![
            d.rank.map_or(Cell::Empty, |r| Cell::Number(f64::from(r))),
            Cell::Text(d.status.name().into()),
            Cell::Number((d.score * 100.0).round() / 100.0),
            Cell::Number(p.score_max()),
            Cell::Number(e.row() as f64),
            Cell::Text(explain::name(p, e, s.view.blind, several)),
            explain::contact(p, e, s.view.blind).map_or(Cell::Empty, Cell::Text),
        ];
        if let Some(f) = submitted {
            row.push(match e {
                Entry::Candidate { cells, .. } => match cells.value(f) {
                    Value::Instant(t) => Cell::Date(p.meta.timezone.local(t.at)),
                    _ => Cell::Empty,
                },
                Entry::Unreadable { .. } => Cell::Empty,
            });
        }
        if several {
            row.push(Cell::Text(
                s.inputs
                    .get(e.file())
                    .map(|f| f.path.display().to_string())
                    .unwrap_or_default(),
            ));
        }
        let n = p.requirements.len() + p.preferences.len();
        let mut outcomes: Vec<Cell> = d
            .outcomes
            .iter()
            .map(|o| Cell::Text(o.name().into()))
            .collect();
        outcomes.resize_with(n, || Cell::Empty);
        row.extend(outcomes);
        row.push(Cell::Text(explain::reasons(s, i, lang).join(" | ")));
        row
    };
    let all = s.listed_all();
    let short: Vec<Vec<Cell>> = all
        .iter()
        .filter(|&&i| s.decisions[i].status == Status::Shortlisted)
        .map(|&i| row_of(i))
        .collect();
    let everyone: Vec<Vec<Cell>> = all.iter().map(|&i| row_of(i)).collect();
    let counts = crate::output::json::rule_counts(s);
    let rule_head: Vec<String> = [
        "id", "kind", "label", "rule", "weight", "pass", "fail", "unknown",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    let rules: Vec<Vec<Cell>> = p
        .requirements
        .iter()
        .map(|r| (r, "requirement"))
        .chain(p.preferences.iter().map(|r| (r, "preference")))
        .zip(counts)
        .map(|((r, kind), (pass, fail, unknown))| {
            vec![
                Cell::Text(r.id.clone()),
                Cell::Text(kind.into()),
                Cell::Text(label(r).into()),
                Cell::Text(crate::output::words::rule_words(p, &r.rule, lang)),
                r.weight.map_or(Cell::Empty, Cell::Number),
                Cell::Number(pass as f64),
                Cell::Number(fail as f64),
                Cell::Number(unknown as f64),
            ]
        })
        .collect();
    let mut book = Workbook::new();
    let mut cuts = Vec::new();
    sheet(
        book.add_worksheet(),
        lang.pick("Liste restreinte", "Shortlist"),
        &head,
        &short,
        &mut cuts,
    )?;
    sheet(
        book.add_worksheet(),
        lang.pick("Tous les candidats", "All candidates"),
        &head,
        &everyone,
        &mut cuts,
    )?;
    sheet(
        book.add_worksheet(),
        lang.pick("Règles", "Rules"),
        &rule_head,
        &rules,
        &mut cuts,
    )?;
    Ok((book.save_to_buffer()?, cuts))
}
