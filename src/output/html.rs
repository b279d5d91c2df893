//! HTML: the report as one self-contained page (no network, no script), printable on A4, with
//! the charts drawn as inline SVG. Every string is escaped.

use crate::engine::Outcome;
use crate::output::report::{Block, Cell, Chart, Col};
use crate::screen::Screening;
use chrono::{DateTime, Utc};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Text made safe inside HTML elements and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::text::printable(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --pass: #2e7d32; --fail: #c62828; --unknown: #b26a00; --ink: #1b1b1b; --muted: #666; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 2em auto; max-width: 60em; padding: 0 1em; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 1.6em; border-bottom: 3px solid #1565c0; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; color: #1565c0; }
h3 { font-size: 1.05em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .92em; }
th, td { border: 1px solid #ccc; padding: .25em .45em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eef3fa; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.mark { text-align: center; }
td.mark small { display: block; text-align: left; color: var(--muted); font-size: .85em; line-height: 1.25; }
.pass { color: var(--pass); font-weight: bold; }
.fail { color: var(--fail); font-weight: bold; }
.unknown { color: var(--unknown); font-weight: bold; }
table.matrix { font-size: .85em; }
table.matrix th { font-size: .9em; }
table.signatures td { height: 3.2em; }
tr:nth-child(even) td { background: #fafafa; }
svg { display: block; margin: .5em 0; max-width: 100%; }
svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
footer { margin-top: 2em; color: var(--muted); font-size: .85em; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  table { font-size: 8pt; }
  table.matrix { font-size: 7pt; }
  thead { display: table-header-group; }
  tr, svg, table.signatures { page-break-inside: avoid; break-inside: avoid; }
  h2, h3 { page-break-after: avoid; break-after: avoid; }
  footer { display: none; }
}
"#;

/// Text made safe inside a CSS string: quotes, backslashes and what would end the style.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in crate::text::printable(s).chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How the page's margins are written.
const MARGIN: &str =
    "font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: 8pt; color: #666;";

/// The page of A4, with the report's date at the foot of each page on the left, and the
/// page's number on the right.
fn page_style(lang: crate::i18n::Lang, made: &str) -> String {
    let (page, of) = match lang {
        crate::i18n::Lang::Fr => ("Page ", " sur "),
        crate::i18n::Lang::En => ("Page ", " of "),
    };
    format!(
        "@page {{ size: A4; margin: 15mm 12mm 18mm;\n  @bottom-left {{ content: {}; {MARGIN} }}\n  @bottom-right {{ content: {} counter(page) {} counter(pages); {MARGIN} }}\n}}\n",
        css_string(made),
        css_string(page),
        css_string(of)
    )
}

fn chart(c: &Chart, lang: crate::i18n::Lang, out: &mut String) {
    match c {
        Chart::Funnel(stages) => {
            let max = stages.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
            let h = stages.len() * 30 + 10;
            let _ = write!(
                out,
                r#"<svg role="img" width="640" height="{h}" viewBox="0 0 640 {h}">"#
            );
            for (i, (label, n)) in stages.iter().enumerate() {
                let w = (*n as f64 / max * 380.0).max(1.0);
                let y = i * 30 + 5;
                let x = 250.0 + (380.0 - w) / 2.0;
                let _ = write!(
                    out,
                    r##"<text x="240" y="{}" text-anchor="end">{}</text><rect x="{x:.1}" y="{y}" width="{w:.1}" height="22" fill="#1565c0" opacity="{:.2}"/><text x="440" y="{}" text-anchor="middle" style="fill:#fff;font-weight:bold">{n}</text>"##,
                    y + 15,
                    escape(label),
                    1.0 - i as f64 * 0.12,
                    y + 15
                );
            }
            out.push_str("</svg>\n");
        }
        Chart::Rules(rules) => {
            // Each rule's label on a line of its own, its bar beneath: labels are sentences.
            let h = rules.len() * 36 + 30;
            let _ = write!(
                out,
                r#"<svg role="img" width="640" height="{h}" viewBox="0 0 640 {h}">"#
            );
            for (i, (label, pass, fail, unknown)) in rules.iter().enumerate() {
                let total = (pass + fail + unknown).max(1) as f64;
                let y = i * 36 + 4;
                let shown = crate::text::terminal::fit(label, 95);
                let _ = write!(
                    out,
                    r#"<text x="0" y="{}">{}</text>"#,
                    y + 11,
                    escape(&shown)
                );
                let mut x = 0.0;
                for (n, colour) in [
                    (pass, "var(--pass)"),
                    (fail, "var(--fail)"),
                    (unknown, "var(--unknown)"),
                ] {
                    let w = *n as f64 / total * 640.0;
                    if w > 0.0 {
                        let _ = write!(
                            out,
                            r#"<rect x="{x:.1}" y="{}" width="{w:.1}" height="14" style="fill:{colour}"><title>{n}</title></rect>"#,
                            y + 15
                        );
                    }
                    x += w;
                }
            }
            let y = rules.len() * 36 + 20;
            let _ = write!(
                out,
                r#"<rect x="0" y="{}" width="10" height="10" style="fill:var(--pass)"/><text x="14" y="{y}">{}</text><rect x="140" y="{}" width="10" height="10" style="fill:var(--fail)"/><text x="154" y="{y}">{}</text><rect x="280" y="{}" width="10" height="10" style="fill:var(--unknown)"/><text x="294" y="{y}">{}</text></svg>"#,
                y - 9,
                lang.pick("remplie", "met"),
                y - 9,
                lang.pick("non remplie", "not met"),
                y - 9,
                lang.pick("à vérifier", "to review"),
            );
            out.push('\n');
        }
        Chart::Histogram(bins, max) => {
            let top = bins.iter().copied().max().unwrap_or(0).max(1) as f64;
            let _ = write!(
                out,
                r#"<svg role="img" width="640" height="190" viewBox="0 0 640 190">"#
            );
            let w = 560.0 / bins.len().max(1) as f64;
            for (i, n) in bins.iter().enumerate() {
                let bh = *n as f64 / top * 140.0;
                let x = 40.0 + i as f64 * w;
                let _ = write!(
                    out,
                    r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{bh:.1}" fill="#1565c0"/><text x="{:.1}" y="{:.1}" text-anchor="middle">{n}</text>"##,
                    x + 2.0,
                    160.0 - bh,
                    w - 4.0,
                    x + w / 2.0,
                    155.0 - bh
                );
            }
            let _ = write!(
                out,
                r#"<line x1="40" y1="160" x2="600" y2="160" stroke="black"/><text x="40" y="178">0</text><text x="600" y="178" text-anchor="end">{}</text></svg>"#,
                crate::output::explain::number(*max, crate::i18n::Lang::En)
            );
            out.push('\n');
        }
    }
}

/// A cell of a table.
fn cell(out: &mut String, col: Col, c: &Cell, lang: crate::i18n::Lang) {
    let class = match col {
        Col::Text => "",
        Col::Number => " class=\"num\"",
        Col::NoWrap => " class=\"nowrap\"",
        Col::Mark => " class=\"mark\"",
    };
    let _ = write!(out, "<td{class}>");
    match c {
        Cell::Text(t) => out.push_str(&escape(t)),
        Cell::Link(t, href) => {
            let _ = write!(out, "<a href=\"{}\">{}</a>", escape(href), escape(t));
        }
        Cell::Lines(lines) => {
            let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
            out.push_str(&lines.join("<br>"));
        }
        Cell::Mark(outcome, why) => {
            let (class, mark, words) = mark(*outcome, lang);
            let _ = write!(
                out,
                "<span class=\"{class}\" title=\"{words}\">{mark}</span>"
            );
            if let Some(why) = why {
                let _ = write!(out, "<small>{}</small>", escape(why));
            }
        }
    }
    out.push_str("</td>");
}

/// The class, the sign and the words of an outcome.
fn mark(o: Outcome, lang: crate::i18n::Lang) -> (&'static str, &'static str, &'static str) {
    match o {
        Outcome::Pass => ("pass", "✓", lang.pick("remplie", "met")),
        Outcome::Fail => ("fail", "✗", lang.pick("non remplie", "not met")),
        Outcome::Unknown => ("unknown", "?", lang.pick("à vérifier", "to review")),
    }
}

/// Renders report blocks as a complete HTML page; `made` says when it was made, at the foot
/// of each printed page.
pub fn render(blocks: &[Block], lang: crate::i18n::Lang, title: &str, made: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}{}</style>\n</head>\n<body>\n",
        escape(title),
        page_style(lang, made)
    );
    for b in blocks {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "<p>{}</p>", escape(text));
            }
            Block::List(items) => {
                out.push_str("<ul>");
                for i in items {
                    let _ = write!(out, "<li>{}</li>", escape(i));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { head, rows, cols } => {
                let matrix = cols.contains(&Col::Mark);
                out.push_str(if matrix {
                    "<table class=\"matrix\">\n"
                } else {
                    "<table>\n"
                });
                if !head.is_empty() {
                    out.push_str("<thead><tr>");
                    for (i, h) in head.iter().enumerate() {
                        let class = match cols.get(i) {
                            Some(Col::Number) => " class=\"num\"",
                            _ => "",
                        };
                        let _ = write!(out, "<th{class}>{}</th>", escape(h));
                    }
                    out.push_str("</tr></thead>\n");
                }
                out.push_str("<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for (i, c) in r.iter().enumerate() {
                        cell(&mut out, cols.get(i).copied().unwrap_or(Col::Text), c, lang);
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Chart(c) => chart(c, lang, &mut out),
            Block::Signatures(head, lines) => {
                out.push_str("<table class=\"signatures\">\n<thead><tr>");
                for h in head {
                    let _ = write!(out, "<th>{}</th>", escape(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for _ in 0..*lines {
                    out.push_str("<tr>");
                    for _ in head {
                        out.push_str("<td></td>");
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    let _ = write!(
        out,
        "<footer>shortlist {} — {}</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(made)
    );
    out
}

/// Writes the report of a screening as HTML; `made` is when.
pub fn write(s: &Screening, made: DateTime<Utc>, out: &mut dyn Write) -> io::Result<()> {
    let blocks = crate::output::report::document(s, made);
    let lang = s.view.lang;
    let made = format!(
        "{} {}",
        lang.pick("Rapport établi le", "Report made on"),
        crate::output::report::made_words(s, made)
    );
    out.write_all(render(&blocks, lang, &s.posting.meta.title, &made).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_css_string_cannot_end_itself_nor_the_style() {
        assert_eq!(css_string("6 mars"), "\"6 mars\"");
        assert_eq!(
            css_string("a\"b\\c</style><script>"),
            "\"a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e \""
        );
    }
}
