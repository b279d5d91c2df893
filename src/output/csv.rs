//! CSV: one line per candidate. For programs, fixed English columns
//! `file,row,group,rank,status,score,score_max,name,email,phone,submitted_at`, one column
//! per requirement (`pass|fail|unknown`) and per preference (its points), then `reasons`;
//! with `--excel`, the same columns for people, in the output language.

use super::{CsvStyle, neutralise};
use crate::cells::FieldType;
use crate::engine::Outcome;
use crate::i18n::Lang;
use crate::output::explain::{self, number};
use crate::output::when;
use crate::screen::{Entry, Screening};
use std::io::{self, Write};

/// The first columns, for programs.
pub const COLUMNS: [&str; 11] = [
    "file",
    "row",
    "group",
    "rank",
    "status",
    "score",
    "score_max",
    "name",
    "email",
    "phone",
    "submitted_at",
];

/// The first columns for people, in `lang`, with the zone the submission times are given in.
pub(crate) fn people_columns(lang: Lang, zone: &str) -> Vec<String> {
    let mut out: Vec<String> = match lang {
        Lang::Fr => [
            "Fichier",
            "Ligne",
            "Poste",
            "Rang",
            "Statut",
            "Score",
            "Score maximal",
            "Nom",
            "E-mail",
            "Téléphone",
        ],
        Lang::En => [
            "File",
            "Row",
            "Duty station",
            "Rank",
            "Status",
            "Score",
            "Maximum score",
            "Name",
            "E-mail",
            "Phone",
        ],
    }
    .iter()
    .map(|c| c.to_string())
    .collect();
    out.push(match lang {
        Lang::Fr => format!("Reçue le ({zone})"),
        Lang::En => format!("Received ({zone})"),
    });
    out
}

/// A requirement's outcome for people: ✓, ✗ or ?.
fn mark(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "✓",
        Outcome::Fail => "✗",
        Outcome::Unknown => "?",
    }
}

/// Writes the listed candidates as CSV.
pub fn write(s: &Screening, style: CsvStyle, out: &mut dyn Write) -> io::Result<()> {
    let p = s.posting;
    let lang = s.view.lang;
    let people = style.excel;
    if people {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let builder = || {
        let mut b = ::csv::WriterBuilder::new();
        b.delimiter(if people { b';' } else { b',' })
            .terminator(if people {
                ::csv::Terminator::CRLF
            } else {
                ::csv::Terminator::Any(b'\n')
            });
        b
    };
    let num = |n: f64| number(n, if people { lang } else { Lang::En });
    let zone = when::zone_name(&p.meta.timezone, lang);
    let mut header: Vec<String> = if people {
        people_columns(lang, &zone)
    } else {
        COLUMNS.iter().map(|c| c.to_string()).collect()
    };
    let rules = p.requirements.iter().chain(&p.preferences);
    header.extend(rules.map(|r| {
        if people {
            explain::label(r).to_string()
        } else {
            r.id.clone()
        }
    }));
    header.push(if people {
        lang.pick("Raisons", "Reasons").into()
    } else {
        "reasons".into()
    });
    let mut w = builder().from_writer(Vec::new());
    w.write_record(header.iter().map(|h| neutralise(h)))?;
    out.write_all(&w.into_inner().map_err(|e| e.into_error())?)?;
    let files: Vec<String> = s
        .inputs
        .iter()
        .map(|f| f.path.display().to_string())
        .collect();
    let n_requirements = p.requirements.len();
    let n_rules = n_requirements + p.preferences.len();
    let score_max = num(p.score_max());
    let render = |chunk: &[usize], details: &mut explain::Details| -> io::Result<Vec<u8>> {
        let mut w = builder().from_writer(Vec::with_capacity(chunk.len() << 9));
        for &i in chunk {
            let d = &s.decisions[i];
            let e = s.entry(i);
            let status = if people {
                d.status.label(lang)
            } else {
                d.status.name()
            };
            let submitted = explain::submitted(p, &e).map(|t| {
                if people {
                    when::spreadsheet(t, &p.meta.timezone, lang)
                } else {
                    when::iso(t)
                }
            });
            let mut record = vec![
                files.get(e.file()).cloned().unwrap_or_default(),
                e.row().to_string(),
                neutralise(s.group(i).unwrap_or_default()),
                d.rank.map(|r| r.to_string()).unwrap_or_default(),
                status.to_string(),
                num(d.score),
                score_max.clone(),
                neutralise(&explain::name(p, &e, s.view.blind, s.inputs.len() > 1)),
                explain::contact_of(p, &e, s.view.blind, FieldType::Email, !people)
                    .unwrap_or_default(),
                explain::contact_of(p, &e, s.view.blind, FieldType::Phone, !people)
                    .unwrap_or_default(),
                submitted.unwrap_or_default(),
            ];
            let scored = match &e {
                Entry::Candidate { cells, .. } => details.outcomes(&s.engine, cells),
                Entry::Unreadable { .. } => Vec::new(),
            };
            let mut rules: Vec<String> = match &e {
                Entry::Candidate { .. } => scored
                    .iter()
                    .copied()
                    .enumerate()
                    .map(|(k, (o, points))| match (k < n_requirements, people) {
                        (true, false) => o.name().to_string(),
                        (true, true) => mark(o).to_string(),
                        (false, _) => num(points),
                    })
                    .collect(),
                Entry::Unreadable { .. } => Vec::new(),
            };
            rules.resize(n_rules, String::new());
            record.extend(rules);
            let requirements = &scored[..n_requirements.min(scored.len())];
            let reasons = explain::reasons_from(s, i, &e, requirements, details).join(" | ");
            record.push(neutralise(&reasons));
            w.write_record(&record)?;
        }
        w.into_inner().map_err(|e| e.into_error())
    };
    super::for_each_rendered(
        s,
        || explain::Details::new(p, lang),
        &render,
        |buf| out.write_all(buf),
    )
}
