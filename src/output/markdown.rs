//! Markdown: the shortlist (or every candidate) as a table, with a title and the counts.

use crate::explain::{self, number};
use crate::screen::Screening;
use std::io::{self, Write};

/// Candidate text made safe inside a Markdown table cell.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::printable(s).chars() {
        match c {
            '|' | '`' | '*' | '_' | '[' | ']' | '\\' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes the listed candidates as a Markdown document.
pub fn write(s: &Screening, out: &mut dyn Write) -> io::Result<()> {
    let p = s.posting;
    let lang = s.view.lang;
    writeln!(out, "# {}", escape(&p.meta.title))?;
    if let Some(org) = &p.meta.organisation {
        writeln!(out, "\n{}", escape(org))?;
    }
    writeln!(out, "\n{}\n", escape(&s.summary_line()))?;
    let per = p.shortlist.per.is_some();
    let per_column = p.shortlist.per.map(|f| escape(&p.fields[f].column));
    let mut head = vec![lang.pick("Rang", "Rank"), lang.pick("Nom", "Name")];
    if let Some(c) = &per_column {
        head.push(c);
    }
    head.extend([
        lang.pick("Score", "Score"),
        lang.pick("Statut", "Status"),
        lang.pick("Raisons", "Reasons"),
    ]);
    writeln!(out, "| {} |", head.join(" | "))?;
    let aligns: Vec<&str> = head
        .iter()
        .enumerate()
        .map(|(i, _)| {
            if i == 0 || i == head.len() - 3 {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    writeln!(out, "| {} |", aligns.join(" | "))?;
    let several = s.inputs.len() > 1;
    for i in s.listed() {
        let d = &s.decisions[i];
        let e = &s.entry(i);
        let mut cells = vec![
            d.rank.map(|r| r.to_string()).unwrap_or_default(),
            escape(&explain::name(p, e, s.view.blind, several)),
        ];
        if per {
            cells.push(escape(s.group(i).unwrap_or("")));
        }
        cells.push(number(d.score, lang));
        cells.push(d.status.label(lang).to_string());
        cells.push(escape(&explain::reasons(s, i, lang).join(" ; ")));
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// Writes the report of a screening as Markdown.
pub fn write_report(s: &Screening, out: &mut dyn Write) -> io::Result<()> {
    use crate::report::Block;
    for b in crate::report::document(s) {
        match b {
            Block::Heading(level, text) => writeln!(
                out,
                "{} {}\n",
                "#".repeat(usize::from(level)),
                escape(&text)
            )?,
            Block::Para(text) => writeln!(out, "{}\n", escape(&text))?,
            Block::List(items) => {
                for i in items {
                    writeln!(out, "- {}", escape(&i))?;
                }
                writeln!(out)?;
            }
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                let cells: Vec<String> = head.iter().map(|h| escape(h)).collect();
                writeln!(out, "| {} |", cells.join(" | "))?;
                let aligns: Vec<&str> = (0..head.len())
                    .map(|i| {
                        if numeric.get(i).copied().unwrap_or(false) {
                            "---:"
                        } else {
                            "---"
                        }
                    })
                    .collect();
                writeln!(out, "| {} |", aligns.join(" | "))?;
                for r in rows {
                    let cells: Vec<String> = r.iter().map(|c| escape(c)).collect();
                    writeln!(out, "| {} |", cells.join(" | "))?;
                }
                writeln!(out)?;
            }
            // The tables next to each chart carry its figures.
            Block::Chart(_) => {}
        }
    }
    Ok(())
}
