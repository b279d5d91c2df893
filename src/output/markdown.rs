//! Markdown: the shortlist (or every candidate) as a table, with a title and the counts.

use crate::output::explain::{self, number};
use crate::screen::Screening;
use std::io::{self, Write};

/// Candidate text made safe inside a Markdown table cell: no markup, and no bare link (a
/// zero-width space breaks `://` and `www.`, which GitHub's Markdown would link).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let text = crate::text::printable(s);
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        let lower = rest.get(..4).map(str::to_ascii_lowercase);
        if rest.starts_with("://") || lower.as_deref() == Some("www.") {
            let split = if c == ':' { 0 } else { 3 };
            out.push_str(&rest[..split]);
            out.push('\u{200b}');
            rest = &rest[split..];
            if split == 0 {
                out.push(':');
                rest = &rest[1..];
            }
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '|' | '`' | '*' | '_' | '[' | ']' | '\\' | '#' | '~' => {
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

/// A cell of a report's table in Markdown: lines joined by `<br>`, a mark with its reason.
fn cell(c: &crate::output::report::Cell) -> String {
    use crate::engine::Outcome;
    use crate::output::report::Cell;
    match c {
        Cell::Text(t) => escape(t),
        Cell::Link(t, href) => format!("[{}]({href})", escape(t)),
        Cell::Lines(lines) => lines
            .iter()
            .map(|l| escape(l))
            .collect::<Vec<_>>()
            .join("<br>"),
        Cell::Mark(o, why) => {
            let mark = match o {
                Outcome::Pass => "✓",
                Outcome::Fail => "✗",
                Outcome::Unknown => "?",
            };
            match why {
                Some(why) => format!("{mark}<br>{}", escape(why)),
                None => mark.to_string(),
            }
        }
    }
}

/// A table's lines: header (a blank one when it has none), alignments, rows.
fn table(
    out: &mut dyn Write,
    head: &[String],
    cols: &[crate::output::report::Col],
    rows: &[Vec<crate::output::report::Cell>],
) -> io::Result<()> {
    use crate::output::report::Col;
    let width = head.len().max(cols.len());
    let head: Vec<String> = (0..width)
        .map(|i| head.get(i).map(|h| escape(h)).unwrap_or_default())
        .collect();
    writeln!(out, "| {} |", head.join(" | "))?;
    let aligns: Vec<&str> = (0..width)
        .map(|i| match cols.get(i) {
            Some(Col::Number) => "---:",
            Some(Col::Mark) => ":---:",
            _ => "---",
        })
        .collect();
    writeln!(out, "| {} |", aligns.join(" | "))?;
    for r in rows {
        let cells: Vec<String> = r.iter().map(cell).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    writeln!(out)
}

/// Writes the report of a screening as Markdown; `made` is when.
pub fn write_report(
    s: &Screening,
    made: chrono::DateTime<chrono::Utc>,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::output::report::{Block, Cell};
    for b in crate::output::report::document(s, made) {
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
            Block::Table { head, rows, cols } => table(out, &head, &cols, &rows)?,
            Block::Signatures(head, lines) => {
                let blank = vec![vec![Cell::Text(String::new()); head.len()]; lines];
                table(out, &head, &[], &blank)?;
            }
            // The tables next to each chart carry its figures.
            Block::Chart(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn no_markup_and_no_bare_link_gets_through() {
        assert_eq!(
            escape("see http://x.org, WWW.y.org and ~~z~~"),
            "see http\u{200b}://x.org, WWW\u{200b}.y.org and \\~\\~z\\~\\~"
        );
        assert_eq!(escape("a|b *c* [d](e)"), "a\\|b \\*c\\* \\[d\\](e)");
        assert_eq!(escape("Awa Traoré"), "Awa Traoré");
    }
}
