//! The terminal table: rank, name, group, score, status and a short reason; colours on a
//! terminal only.

use crate::output::explain::{self, number};
use crate::rank::Status;
use crate::screen::Screening;
use crate::text::{printable, shorten};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use std::io::{self, Write};

/// Longest reason shown in a cell.
const REASON_WIDTH: usize = 90;

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
pub fn write(s: &Screening, colour_on: bool, out: &mut dyn Write) -> io::Result<()> {
    let p = s.posting;
    let lang = s.view.lang;
    let per = p.shortlist.per.is_some();
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if colour_on {
        table
            .enforce_styling()
            .set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        table
            .force_no_tty()
            .set_content_arrangement(ContentArrangement::Disabled);
    }
    let mut head = vec![lang.pick("rang", "rank"), lang.pick("nom", "name")];
    if let Some(f) = p.shortlist.per {
        head.push(p.fields[f].column.as_str());
    }
    head.extend([
        "score",
        lang.pick("statut", "status"),
        lang.pick("raison", "reason"),
    ]);
    table.set_header(head);
    let several = s.inputs.len() > 1;
    for i in s.listed() {
        let d = &s.decisions[i];
        let e = &s.entry(i);
        let mut row = vec![
            Cell::new(d.rank.map(|r| r.to_string()).unwrap_or_default()),
            Cell::new(printable(&explain::name(p, e, s.view.blind, several))),
        ];
        if per {
            row.push(Cell::new(printable(s.group(i).unwrap_or(""))));
        }
        row.push(Cell::new(format!(
            "{} / {}",
            number(d.score, lang),
            number(p.score_max(), lang)
        )));
        let status = Cell::new(d.status.label(lang));
        row.push(if colour_on {
            status.fg(colour(d.status))
        } else {
            status
        });
        let reasons = explain::short_reasons(s, i, lang);
        let first = reasons.first().map(|r| printable(r)).unwrap_or_default();
        let more = if reasons.len() > 1 {
            format!(" (+{})", reasons.len() - 1)
        } else {
            String::new()
        };
        row.push(Cell::new(format!(
            "{}{more}",
            shorten(&first, REASON_WIDTH)
        )));
        table.add_row(row);
    }
    writeln!(out, "{}", printable(&p.meta.title))?;
    writeln!(out, "{table}")?;
    writeln!(out, "{}", s.summary_line())
}
