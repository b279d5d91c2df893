//! JSON: the whole screening, in the schema of SPEC.md, for other programs and for audit.

use crate::output::explain;
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

/// Appends `value` as serde_json writes it.
fn push_json(buf: &mut Vec<u8>, value: &impl Serialize) {
    // Writing to memory fails only on a value serde cannot write, and these are strings.
    let _ = serde_json::to_writer(buf, value);
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
    let rules_json: Vec<(String, &str, bool)> = rule_kinds
        .clone()
        .map(|(r, kind)| (crate::text::json_string(&r.id), kind, r.weight.is_some()))
        .collect();
    let files: Vec<String> = s
        .inputs
        .iter()
        .map(|f| crate::text::json_string(&f.path.display().to_string()))
        .collect();
    let score_max = round(p.score_max());
    // One candidate as serde_json would write `{row, file, rank, status, score, score_max,
    // name, contact, group, rules: [{id, kind, outcome, points, detail}], reasons}`, with the
    // strings that repeat (rule ids, files, details) escaped once.
    let candidate = |buf: &mut Vec<u8>, i: usize, details: &mut explain::Details| {
        let d = &s.decisions[i];
        let e = s.entry(i);
        // Each rule's outcome and points; the trees behind them only for details not written
        // before.
        let evaluated = match &e {
            crate::screen::Entry::Candidate { cells, .. } => {
                Some(details.outcomes(&s.engine, cells))
            }
            crate::screen::Entry::Unreadable { .. } => None,
        };
        buf.extend_from_slice(b"{\"row\":");
        push_json(buf, &e.row());
        buf.extend_from_slice(b",\"file\":");
        buf.extend_from_slice(
            files
                .get(e.file())
                .map_or("\"\"", String::as_str)
                .as_bytes(),
        );
        buf.extend_from_slice(b",\"rank\":");
        push_json(buf, &d.rank);
        buf.extend_from_slice(b",\"status\":\"");
        buf.extend_from_slice(d.status.name().as_bytes());
        buf.extend_from_slice(b"\",\"score\":");
        push_json(buf, &round(d.score));
        buf.extend_from_slice(b",\"score_max\":");
        push_json(buf, &score_max);
        buf.extend_from_slice(b",\"name\":");
        push_json(buf, &explain::name(p, &e, s.view.blind, several));
        buf.extend_from_slice(b",\"contact\":");
        push_json(buf, &explain::contact(p, &e, s.view.blind));
        buf.extend_from_slice(b",\"group\":");
        push_json(buf, &s.group(i));
        buf.extend_from_slice(b",\"rules\":[");
        if let (crate::screen::Entry::Candidate { cells, .. }, Some(evaluated)) = (&e, &evaluated) {
            let all = p.requirements.iter().chain(&p.preferences);
            for (k, ((r, &(outcome, points)), (id, kind, weighted))) in
                all.zip(evaluated).zip(&rules_json).enumerate()
            {
                if k > 0 {
                    buf.push(b',');
                }
                buf.extend_from_slice(b"{\"id\":");
                buf.extend_from_slice(id.as_bytes());
                buf.extend_from_slice(b",\"kind\":\"");
                buf.extend_from_slice(kind.as_bytes());
                buf.extend_from_slice(b"\",\"outcome\":\"");
                buf.extend_from_slice(outcome.name().as_bytes());
                buf.extend_from_slice(b"\",\"points\":");
                push_json(buf, &weighted.then(|| round(points)));
                buf.extend_from_slice(b",\"detail\":");
                let tree = || explain::tree(s, k, outcome, cells);
                let detail = details.get(p, k, &r.rule, tree, cells);
                buf.extend_from_slice(detail.json().as_bytes());
                buf.push(b'}');
            }
        }
        buf.extend_from_slice(b"],\"reasons\":");
        let reasons = match &evaluated {
            Some(evaluated) => {
                let reqs = evaluated.get(..p.requirements.len()).unwrap_or_default();
                explain::reasons_from(s, i, &e, reqs, details)
            }
            None => explain::reasons(s, i, lang),
        };
        push_json(buf, &reasons);
        buf.push(b'}');
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
            candidate(&mut buf, i, details);
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
