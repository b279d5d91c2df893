//! The terminal table: rank, row, name, group, score, status and a short reason. On a
//! terminal it fits the terminal's width, reasons shortened with `…`, in colour; piped, it
//! is written whole, without colour.

use crate::output::explain::{self, number};
use crate::rank::Status;
use crate::screen::Screening;
use crate::text::printable;
use crate::text::terminal::fit;
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// How the table is laid out.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout {
    /// Colours for statuses.
    pub colour: bool,
    /// The terminal's width, to fit the table to; none to write every reason whole.
    pub width: Option<usize>,
}

/// Columns a name takes at most on a terminal.
const NAME_WIDTH: usize = 28;

/// Columns a reason keeps at least, however narrow the terminal.
const REASON_WIDTH: usize = 16;

fn colour(s: Status) -> Color {
    match s {
        Status::Shortlisted => Color::Green,
        Status::Eligible => Color::Cyan,
        Status::Review => Color::Yellow,
        Status::Ineligible => Color::Red,
        Status::Duplicate | Status::Unreadable => Color::DarkGrey,
    }
}

/// Writes the listed candidates as a table, then the counts by status.
pub fn write(s: &Screening, layout: Layout, out: &mut dyn Write) -> io::Result<()> {
    let p = s.posting;
    let lang = s.view.lang;
    let several = s.inputs.len() > 1;
    let mut head = vec![lang.pick("rang", "rank"), lang.pick("ligne", "row")];
    if several {
        head.push(lang.pick("fichier", "file"));
    }
    head.push(lang.pick("nom", "name"));
    if let Some(f) = p.shortlist.per {
        head.push(p.fields[f].column.as_str());
    }
    head.extend(["score", lang.pick("statut", "status")]);
    let reason_head = lang.pick("raison", "reason");
    // Every cell but the reason, and the reason whole, before any is cut.
    let mut rows: Vec<(Vec<String>, Status, String)> = Vec::new();
    for i in s.listed() {
        let d = &s.decisions[i];
        let e = &s.entry(i);
        let mut row = vec![
            d.rank.map(|r| r.to_string()).unwrap_or_default(),
            e.row().to_string(),
        ];
        if several {
            row.push(
                s.inputs
                    .get(e.file())
                    .map(|f| printable(&f.path.display().to_string()))
                    .unwrap_or_default(),
            );
        }
        let name = printable(&explain::name(p, e, s.view.blind, several));
        row.push(match layout.width {
            Some(_) => fit(&name, NAME_WIDTH),
            None => name,
        });
        if p.shortlist.per.is_some() {
            row.push(printable(s.group(i).unwrap_or("")));
        }
        row.push(format!(
            "{} / {}",
            number(d.score, lang),
            number(p.score_max(), lang)
        ));
        row.push(d.status.label(lang).to_string());
        let reason = explain::short_reasons(s, i, lang)
            .iter()
            .map(|r| printable(r))
            .collect::<Vec<_>>()
            .join(" | ");
        rows.push((row, d.status, reason));
    }
    // The reason gets what the other columns leave of the terminal's width: each column
    // takes its widest cell and three columns of borders.
    let reason_width = layout.width.map(|width| {
        let mut widths: Vec<usize> = head.iter().map(|h| h.width()).collect();
        for (row, _, _) in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        let taken: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 4;
        width
            .saturating_sub(taken)
            .max(REASON_WIDTH.max(reason_head.width()))
    });
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Disabled);
    if layout.colour {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    let mut header = head.clone();
    header.push(reason_head);
    table.set_header(header);
    let status_column = head.len() - 1;
    for (row, status, reason) in rows {
        let mut cells: Vec<Cell> = row
            .into_iter()
            .enumerate()
            .map(|(k, text)| {
                let cell = Cell::new(text);
                if layout.colour && k == status_column {
                    cell.fg(colour(status))
                } else {
                    cell
                }
            })
            .collect();
        cells.push(Cell::new(match reason_width {
            Some(w) => fit(&reason, w),
            None => reason,
        }));
        table.add_row(cells);
    }
    writeln!(out, "{}", printable(&p.meta.title))?;
    writeln!(out, "{table}")?;
    let summary = s.summary_line();
    match layout.width {
        Some(w) => writeln!(out, "{}", crate::text::terminal::wrap(&summary, w, "", "")),
        None => writeln!(out, "{summary}"),
    }
}
