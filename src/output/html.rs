//! HTML: the report as one self-contained page (no network, no script), printable on A4, with
//! the charts drawn as inline SVG. Every string is escaped.

use crate::output::report::{Block, Chart};
use crate::screen::Screening;
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
:root { --pass: #2e7d32; --fail: #c62828; --unknown: #f9a825; --ink: #1b1b1b; --muted: #666; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 2em auto; max-width: 60em; padding: 0 1em; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 1.6em; border-bottom: 3px solid #1565c0; padding-bottom: .2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; color: #1565c0; }
h3 { font-size: 1.05em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .92em; }
th, td { border: 1px solid #ccc; padding: .25em .45em; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eef3fa; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr:nth-child(even) td { background: #fafafa; }
svg { display: block; margin: .5em 0; max-width: 100%; }
svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
footer { margin-top: 2em; color: var(--muted); font-size: .85em; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9.5pt; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, svg { page-break-inside: avoid; break-inside: avoid; }
  h2, h3 { page-break-after: avoid; break-after: avoid; }
}
"#;

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
            let h = rules.len() * 24 + 30;
            let _ = write!(
                out,
                r#"<svg role="img" width="640" height="{h}" viewBox="0 0 640 {h}">"#
            );
            for (i, (id, pass, fail, unknown)) in rules.iter().enumerate() {
                let total = (pass + fail + unknown).max(1) as f64;
                let y = i * 24 + 4;
                let _ = write!(
                    out,
                    r#"<text x="190" y="{}" text-anchor="end">{}</text>"#,
                    y + 14,
                    escape(id)
                );
                let mut x = 200.0;
                for (n, colour) in [
                    (pass, "var(--pass)"),
                    (fail, "var(--fail)"),
                    (unknown, "var(--unknown)"),
                ] {
                    let w = *n as f64 / total * 420.0;
                    if w > 0.0 {
                        let _ = write!(
                            out,
                            r#"<rect x="{x:.1}" y="{y}" width="{w:.1}" height="18" style="fill:{colour}"><title>{n}</title></rect>"#
                        );
                    }
                    x += w;
                }
            }
            let y = rules.len() * 24 + 20;
            let _ = write!(
                out,
                r#"<rect x="200" y="{}" width="10" height="10" style="fill:var(--pass)"/><text x="214" y="{y}">{}</text><rect x="300" y="{}" width="10" height="10" style="fill:var(--fail)"/><text x="314" y="{y}">{}</text><rect x="410" y="{}" width="10" height="10" style="fill:var(--unknown)"/><text x="424" y="{y}">{}</text></svg>"#,
                y - 9,
                lang.pick("rempli", "pass"),
                y - 9,
                lang.pick("non rempli", "fail"),
                y - 9,
                lang.pick("illisible", "unknown"),
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

/// Renders report blocks as a complete HTML page.
pub fn render(blocks: &[Block], lang: crate::i18n::Lang, title: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
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
            Block::Table {
                head,
                rows,
                numeric,
            } => {
                out.push_str("<table>\n<thead><tr>");
                for (i, h) in head.iter().enumerate() {
                    let class = if numeric.get(i).copied().unwrap_or(false) {
                        " class=\"num\""
                    } else {
                        ""
                    };
                    let _ = write!(out, "<th{class}>{}</th>", escape(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for r in rows {
                    out.push_str("<tr>");
                    for (i, c) in r.iter().enumerate() {
                        let class = if numeric.get(i).copied().unwrap_or(false) {
                            " class=\"num\""
                        } else {
                            ""
                        };
                        let _ = write!(out, "<td{class}>{}</td>", escape(c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Chart(c) => chart(c, lang, &mut out),
        }
    }
    let _ = write!(
        out,
        "<footer>shortlist {}</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// Writes the report of a screening as HTML.
pub fn write(s: &Screening, out: &mut dyn Write) -> io::Result<()> {
    let blocks = crate::output::report::document(s);
    out.write_all(render(&blocks, s.view.lang, &s.posting.meta.title).as_bytes())
}
