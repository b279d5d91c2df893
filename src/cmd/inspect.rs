//! `shortlist inspect CANDIDATES`.

use crate::cli::InspectArgs;
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::ingest::{Row, Source, sniff::delimiter_name};
use crate::inspect::{ColumnStats, fields_block};
use crate::text::{printable, shorten};
use anyhow::Context;
use comfy_table::{ContentArrangement, Table, presets};
use std::io::Write;

/// Unreadable rows listed one by one before the rest are only counted.
const LISTED: usize = 20;

/// Reads the whole file and prints what it holds.
/// Columns a column's name takes at most in the table on a terminal.
const NAME_COLUMNS: usize = 30;

/// Columns the samples keep at least, however narrow the terminal.
const SAMPLE_COLUMNS: usize = 16;

pub fn run(args: &InspectArgs) -> anyhow::Result<Exit> {
    if crate::ingest::kind::looks(&args.candidates) == crate::ingest::kind::Looks::Posting {
        anyhow::bail!(crate::i18n::catalogue::posting_to_inspect(
            crate::i18n::messages(),
            &args.candidates.display().to_string()
        ));
    }
    let options = args.input.options()?;
    let mut source = Source::open(&args.candidates, &options)?;
    let lang = args.lang.unwrap_or_else(crate::i18n::messages);
    let mut stats: Vec<ColumnStats> = source
        .header
        .iter()
        .map(|_| ColumnStats::default())
        .collect();
    let (mut data, mut empty) = (0u64, 0u64);
    let mut unreadable: Vec<(u64, String)> = Vec::new();
    let mut unreadable_count = 0u64;
    for row in source.by_ref() {
        match row {
            Row::Data { cells, .. } => {
                data += 1;
                for (s, cell) in stats.iter_mut().zip(&cells) {
                    s.add(cell);
                }
            }
            Row::Empty { .. } => empty += 1,
            Row::Unreadable { number, cause } if cause.is_fatal() => {
                anyhow::bail!(
                    "{}: row {number}: {}",
                    source.path.display(),
                    cause.describe(Lang::En)
                );
            }
            Row::Unreadable { number, cause } => {
                data += 1;
                unreadable_count += 1;
                if unreadable.len() < LISTED {
                    unreadable.push((number, cause.describe(lang)));
                }
            }
        }
    }
    let columns: Vec<_> = source
        .header
        .iter()
        .zip(&stats)
        .map(|(name, s)| s.report(name))
        .collect();

    let mut out = String::new();
    out.push_str(&format!(
        "{}\n",
        printable(&source.path.display().to_string())
    ));
    let delimiter = match (source.delimiter, lang) {
        (Some(d), Lang::Fr) => format!(", séparateur « {} »", delimiter_name(d)),
        (Some(d), Lang::En) => format!(", delimiter \"{}\"", delimiter_name(d)),
        (None, _) => String::new(),
    };
    let how = match (&source.sheet, lang) {
        (Some(sheet), Lang::Fr) => format!("classeur, feuille « {} »", printable(sheet)),
        (Some(sheet), Lang::En) => format!("workbook, sheet \"{}\"", printable(sheet)),
        (None, _) => format!("{} {}", lang.pick("encodage", "encoding"), source.encoding),
    };
    let agreed = |n: u64, fr, en| lang.count(n as usize, fr, en);
    out.push_str(&format!(
        "{how}{delimiter}, {} ({}, {})\n\n",
        agreed(
            data,
            ("ligne de candidat", "lignes de candidats"),
            ("candidate row", "candidate rows")
        ),
        agreed(empty, ("vide", "vides"), ("empty", "empty")),
        agreed(
            unreadable_count,
            ("illisible", "illisibles"),
            ("unreadable", "unreadable")
        ),
    ));
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec![
            lang.pick("colonne", "column"),
            lang.pick("remplies", "filled"),
            lang.pick("exemples", "samples"),
            "type",
        ]);
    let mut rows: Vec<[String; 4]> = columns
        .iter()
        .map(|c| {
            let samples: Vec<String> = c
                .samples
                .iter()
                .map(|s| shorten(&printable(s), 28))
                .collect();
            [
                printable(&c.name),
                format!("{}/{data}", c.filled),
                samples.join(" | "),
                c.kind.name().to_string(),
            ]
        })
        .collect();
    // On a terminal, long column names and the samples are cut to fit its width.
    if let Some(width) = crate::text::terminal::width() {
        use unicode_width::UnicodeWidthStr;
        let widest = |k: usize, head: usize| {
            rows.iter()
                .map(|r| r[k].width())
                .max()
                .unwrap_or(0)
                .max(head)
        };
        let name = widest(0, 7).min(NAME_COLUMNS);
        let taken = name + widest(1, 8) + widest(3, 4) + 4 * 3 + 1;
        let samples = width.saturating_sub(taken).max(SAMPLE_COLUMNS);
        for r in &mut rows {
            r[0] = crate::text::terminal::fit(&r[0], name);
            r[2] = crate::text::terminal::fit(&r[2], samples);
        }
    }
    for r in rows {
        table.add_row(r.to_vec());
    }
    out.push_str(&table.to_string());
    out.push('\n');
    if !unreadable.is_empty() {
        out.push('\n');
        for (number, cause) in &unreadable {
            out.push_str(&format!(
                "{} {number}{} {cause}\n",
                unreadable_label(lang),
                lang.pick(" :", ":")
            ));
        }
        if unreadable_count > unreadable.len() as u64 {
            out.push_str(&format!(
                "… +{}\n",
                unreadable_count - unreadable.len() as u64
            ));
        }
    }
    out.push('\n');
    out.push_str(&fields_block(&columns));
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(out.as_bytes())
        .with_context(|| crate::i18n::catalogue::cannot_write_stdout(crate::i18n::messages()))?;
    Ok(Exit::Success)
}

fn unreadable_label(lang: Lang) -> &'static str {
    lang.pick("ligne illisible", "unreadable row")
}
