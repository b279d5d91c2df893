//! CSV: one line per candidate. For programs, fixed English columns
//! `file,row,group,rank,status,score,score_max,name,email,phone,submitted_at`, one column
//! per requirement (`pass|fail|unknown`) and per preference (its points), then `reasons`;
//! with `--excel`, the same columns for people, in the output language.

use super::{CsvStyle, neutralise, neutralised};
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
        // About 600 bytes a line with its reasons: room for them, so that no chunk grows.
        let mut w = builder().from_writer(Vec::with_capacity(chunk.len() << 10));
        // Fields are written as they are made, numbers into one scratch buffer: a line of
        // thirty fields costs no allocation of its own.
        let mut scratch = String::new();
        let mut number_field = |w: &mut ::csv::Writer<Vec<u8>>, n: f64| {
            scratch.clear();
            explain::push_number(&mut scratch, n, if people { lang } else { Lang::En });
            w.write_field(&scratch)
        };
        for &i in chunk {
            let d = &s.decisions[i];
            let e = s.entry(i);
            let status = if people {
                d.status.label(lang)
            } else {
                d.status.name()
            };
            w.write_field(files.get(e.file()).map_or("", String::as_str))?;
            number_field(&mut w, e.row() as f64)?;
            w.write_field(neutralised(s.group(i).unwrap_or_default()).as_bytes())?;
            match d.rank {
                Some(r) => number_field(&mut w, f64::from(r))?,
                None => w.write_field("")?,
            }
            w.write_field(status)?;
            number_field(&mut w, d.score)?;
            w.write_field(&score_max)?;
            let name = explain::name(p, &e, s.view.blind, s.inputs.len() > 1);
            w.write_field(neutralised(&name).as_bytes())?;
            for kind in [FieldType::Email, FieldType::Phone] {
                let contact = explain::contact_of(p, &e, s.view.blind, kind, !people);
                w.write_field(contact.as_deref().unwrap_or_default())?;
            }
            match explain::submitted(p, &e) {
                Some(t) if people => w.write_field(when::spreadsheet(t, &p.meta.timezone, lang))?,
                Some(t) => w.write_field(when::iso(t))?,
                None => w.write_field("")?,
            }
            let scored = match &e {
                Entry::Candidate { cells, .. } => details.outcomes(&s.engine, cells),
                Entry::Unreadable { .. } => Vec::new(),
            };
            for k in 0..n_rules {
                match scored.get(k) {
                    Some(&(o, _)) if k < n_requirements && people => w.write_field(mark(o))?,
                    Some(&(o, _)) if k < n_requirements => w.write_field(o.name())?,
                    Some(&(_, points)) => number_field(&mut w, points)?,
                    None => w.write_field("")?,
                }
            }
            let requirements = &scored[..n_requirements.min(scored.len())];
            let reasons = explain::reasons_from(s, i, &e, requirements, details).join(" | ");
            w.write_field(neutralised(&reasons).as_bytes())?;
            w.write_record(None::<&[u8]>)?;
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
