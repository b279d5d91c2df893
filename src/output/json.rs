//! JSON: the whole screening, in the schema of SPEC.md, for other programs and for audit.

use crate::explain;
use crate::posting::Posting;
use crate::screen::Screening;
use serde::Serialize;
use std::io::{self, Write};

/// The parts of the document before the candidates.
struct Head<'a> {
    tool: Tool,
    posting: PostingInfo<'a>,
    inputs: Vec<InputInfo>,
    as_of: Option<String>,
    summary: Summary,
    rules: Vec<RuleInfo<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct PostingInfo<'a> {
    id: &'a str,
    title: &'a str,
    deadline: Option<String>,
    sha256: &'a str,
}

#[derive(Serialize)]
struct InputInfo {
    path: String,
    sha256: String,
    encoding: String,
    delimiter: Option<String>,
    rows: u64,
    empty_rows: u64,
}

#[derive(Serialize)]
struct Summary {
    total: usize,
    shortlisted: usize,
    eligible: usize,
    review: usize,
    ineligible: usize,
    duplicate: usize,
    unreadable: usize,
}

#[derive(Serialize)]
struct RuleInfo<'a> {
    id: &'a str,
    kind: &'static str,
    label: Option<&'a str>,
    pass: usize,
    fail: usize,
    unknown: usize,
}

#[derive(Serialize)]
struct Candidate {
    row: u64,
    file: String,
    rank: Option<u32>,
    status: &'static str,
    score: f64,
    score_max: f64,
    name: String,
    contact: Option<String>,
    group: Option<String>,
    rules: Vec<RuleOutcome>,
    reasons: Vec<String>,
}

#[derive(Serialize)]
struct RuleOutcome {
    id: String,
    kind: &'static str,
    outcome: &'static str,
    points: Option<f64>,
    detail: String,
}

fn round(n: f64) -> f64 {
    (n * 100.0).round() / 100.0
}

fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Per-rule pass, fail and unknown counts over the readable rows that are not duplicates.
pub fn rule_counts(s: &Screening) -> Vec<(usize, usize, usize)> {
    let p: &Posting = s.posting;
    let n = p.requirements.len() + p.preferences.len();
    let mut counts = vec![(0, 0, 0); n];
    for d in s.decisions.iter().filter(|d| {
        !matches!(
            d.status,
            crate::rank::Status::Duplicate | crate::rank::Status::Unreadable
        )
    }) {
        for (c, o) in counts.iter_mut().zip(d.outcomes.iter()) {
            match o {
                crate::engine::Outcome::Pass => c.0 += 1,
                crate::engine::Outcome::Fail => c.1 += 1,
                crate::engine::Outcome::Unknown => c.2 += 1,
            }
        }
    }
    counts
}

/// Writes the screening as one JSON document.
pub fn write(s: &Screening, out: &mut dyn Write) -> io::Result<()> {
    let p = s.posting;
    let lang = s.view.lang;
    let counts = s.counts();
    let several = s.inputs.len() > 1;
    let rule_kinds = p
        .requirements
        .iter()
        .map(|r| (r, "requirement"))
        .chain(p.preferences.iter().map(|r| (r, "preference")));
    let rules = rule_kinds
        .clone()
        .zip(rule_counts(s))
        .map(|((r, kind), (pass, fail, unknown))| RuleInfo {
            id: &r.id,
            kind,
            label: r.label.as_deref(),
            pass,
            fail,
            unknown,
        })
        .collect();
    let candidate = |i: usize, details: &mut explain::Details| {
        let d = &s.decisions[i];
        let e = &s.entry(i);
        let evaluated = s.evaluate(i);
        let rules = match (e, &evaluated) {
            (crate::screen::Entry::Candidate { cells, .. }, Some((reqs, prefs))) => rule_kinds
                .clone()
                .zip(reqs.iter().chain(prefs))
                .enumerate()
                .map(|(k, ((r, kind), ev))| RuleOutcome {
                    id: r.id.clone(),
                    kind,
                    outcome: ev.eval.outcome.name(),
                    points: r.weight.map(|_| round(ev.points)),
                    detail: details.get(p, k, &r.rule, &ev.eval, cells),
                })
                .collect(),
            _ => Vec::new(),
        };
        Candidate {
            row: e.row(),
            file: s
                .inputs
                .get(e.file())
                .map(|f| f.path.display().to_string())
                .unwrap_or_default(),
            rank: d.rank,
            status: d.status.name(),
            score: round(d.score),
            score_max: round(p.score_max()),
            name: explain::name(p, e, s.view.blind, several),
            contact: explain::contact(p, e, s.view.blind),
            group: d.group.as_deref().map(str::to_string),
            rules,
            reasons: match &evaluated {
                Some((reqs, _)) => explain::reasons_from(s, i, lang, reqs),
                None => explain::reasons(s, i, lang),
            },
        }
    };
    let head = Head {
        tool: Tool {
            name: "shortlist",
            version: env!("CARGO_PKG_VERSION"),
        },
        posting: PostingInfo {
            id: &p.meta.id,
            title: &p.meta.title,
            deadline: p.meta.deadline.map(|d| {
                if d.has_time {
                    rfc3339(d.at)
                } else {
                    d.day.format("%Y-%m-%d").to_string()
                }
            }),
            sha256: &s.posting_sha256,
        },
        inputs: s
            .inputs
            .iter()
            .map(|i| InputInfo {
                path: i.path.display().to_string(),
                sha256: i.sha256.clone(),
                encoding: i.encoding.clone(),
                delimiter: i.delimiter.map(|d| (d as char).to_string()),
                rows: i.rows,
                empty_rows: i.empty_rows,
            })
            .collect(),
        as_of: s.as_of.map(rfc3339),
        summary: Summary {
            total: s.len(),
            shortlisted: counts[0],
            eligible: counts[1],
            review: counts[2],
            ineligible: counts[3],
            duplicate: counts[4],
            unreadable: counts[5],
        },
        rules,
    };
    // One top-level member per line and one candidate per line: readable, and written as it
    // goes, so a million candidates never sit in memory as one document.
    let line = |out: &mut dyn Write, key: &str, value: &dyn erased::Value| -> io::Result<()> {
        write!(out, "\"{key}\": ")?;
        value.write(out)?;
        out.write_all(b",\n")
    };
    out.write_all(b"{\n")?;
    line(out, "tool", &head.tool)?;
    line(out, "posting", &head.posting)?;
    line(out, "inputs", &head.inputs)?;
    line(out, "as_of", &head.as_of)?;
    line(out, "summary", &head.summary)?;
    line(out, "rules", &head.rules)?;
    out.write_all(b"\"candidates\": [")?;
    // Each candidate after a `,` and a line end; the first without the `,`.
    let render = |chunk: &[usize], details: &mut explain::Details| -> io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(chunk.len() << 12);
        for &i in chunk {
            buf.extend_from_slice(b",\n");
            serde_json::to_writer(&mut buf, &candidate(i, details))?;
        }
        Ok(buf)
    };
    let mut first = true;
    super::for_each_rendered(
        s,
        || explain::Details::new(p, lang),
        &render,
        |buf| {
            let skip = usize::from(std::mem::take(&mut first));
            out.write_all(buf.get(skip..).unwrap_or_default())
        },
    )?;
    out.write_all(b"\n],\n\"audit\": ")?;
    serde_json::to_writer(&mut *out, &s.audit())?;
    out.write_all(b"\n}\n")
}

/// Serializing values of different types through one closure.
mod erased {
    use std::io::{self, Write};

    /// A value that writes itself as JSON.
    pub trait Value {
        /// Writes the value.
        fn write(&self, out: &mut dyn Write) -> io::Result<()>;
    }

    impl<T: serde::Serialize> Value for T {
        fn write(&self, out: &mut dyn Write) -> io::Result<()> {
            serde_json::to_writer(out, self).map_err(io::Error::from)
        }
    }
}
