//! CSV: one line per candidate, `rank,status,score,score_max,row,name,contact,<rule ids>,reasons`.

use super::{CsvStyle, neutralise};
use crate::i18n::Lang;
use crate::output::explain::{self, number};
use crate::screen::Screening;
use std::io::{self, Write};

/// Writes the listed candidates as CSV.
pub fn write(s: &Screening, style: CsvStyle, out: &mut dyn Write) -> io::Result<()> {
    let p = s.posting;
    let lang = s.view.lang;
    if style.excel {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let builder = || {
        let mut b = ::csv::WriterBuilder::new();
        b.delimiter(if style.excel { b';' } else { b',' })
            .terminator(if style.excel {
                ::csv::Terminator::CRLF
            } else {
                ::csv::Terminator::Any(b'\n')
            });
        b
    };
    let num = |n: f64| {
        if style.excel {
            number(n, Lang::Fr)
        } else {
            number(n, Lang::En)
        }
    };
    let mut header: Vec<String> = super::CANDIDATE_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .collect();
    header.extend(
        p.requirements
            .iter()
            .chain(&p.preferences)
            .map(|r| r.id.clone()),
    );
    header.push("reasons".into());
    let mut w = builder().from_writer(Vec::new());
    w.write_record(&header)?;
    out.write_all(&w.into_inner().map_err(|e| e.into_error())?)?;
    let several = s.inputs.len() > 1;
    let n_rules = p.requirements.len() + p.preferences.len();
    let render = |chunk: &[usize], _: &mut ()| -> io::Result<Vec<u8>> {
        let mut w = builder().from_writer(Vec::with_capacity(chunk.len() << 9));
        for &i in chunk {
            let d = &s.decisions[i];
            let e = &s.entry(i);
            let mut record = vec![
                d.rank.map(|r| r.to_string()).unwrap_or_default(),
                d.status.name().to_string(),
                num(d.score),
                num(p.score_max()),
                e.row().to_string(),
                neutralise(&explain::name(p, e, s.view.blind, several)),
                neutralise(&explain::contact(p, e, s.view.blind).unwrap_or_default()),
            ];
            let mut cells: Vec<String> = d.outcomes.iter().map(|o| o.name().to_string()).collect();
            cells.resize(n_rules, String::new());
            record.extend(cells);
            let reasons = explain::reasons(s, i, lang).join(" | ");
            record.push(neutralise(&reasons));
            w.write_record(&record)?;
        }
        w.into_inner().map_err(|e| e.into_error())
    };
    super::for_each_rendered(s, || (), &render, |buf| out.write_all(buf))
}
