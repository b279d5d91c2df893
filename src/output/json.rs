//! JSON: the whole screening, in the schema of SPEC.md, for other programs and for audit.

use crate::cells::Value;
use crate::output::{explain, when};
use crate::posting::{FieldId, Posting};
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

/// A row of an input, as `duplicate_of` names it.
#[derive(Serialize)]
struct RowRef<'a> {
    file: &'a str,
    row: u64,
}

/// A cell a person verified, as a candidate's `verified` lists it.
#[derive(serde::Serialize)]
struct VerifiedCell<'a> {
    column: &'a str,
    old: &'a str,
    value: &'a str,
    by: &'a str,
    note: &'a str,
    source: LineRef,
}

/// A line of a verification file.
#[derive(serde::Serialize)]
struct LineRef {
    file: String,
    line: u64,
}

/// Appends a cell's typed reading: a number of years, an instant, a degree's level and
/// fields, the items of a list, `true`/`false`, or `null` when blank or not understood.
fn value(buf: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Blank | Value::Unknown(_) => buf.extend_from_slice(b"null"),
        Value::Text(t) => push_json(buf, t),
        Value::Email(a) => push_json(buf, a.as_str()),
        Value::Phone(n) => push_json(buf, &format!("+{}", n.as_str())),
        Value::Years(n) | Value::Number(n) => push_json(buf, n),
        Value::Instant(t) => push_json(buf, &when::iso(t)),
        Value::YesNo(b) => push_json(buf, b),
        Value::List(items) => {
            // The posting's name of an item and the lexicon's may both be found: one is kept.
            let mut found: Vec<&str> = Vec::with_capacity(items.found.len());
            for item in &items.found {
                if !found
                    .iter()
                    .any(|f| f.to_lowercase() == item.to_lowercase())
                {
                    found.push(item);
                }
            }
            push_json(buf, &found)
        }
        Value::Degree(d) => {
            let fields: Vec<serde_json::Value> = d
                .named
                .fields
                .iter()
                .filter_map(|&k| crate::lexicon::isced::FIELDS.get(usize::from(k)))
                .map(|f| serde_json::json!({"code": f.code, "name": f.names.get(1)}))
                .collect();
            push_json(
                buf,
                &serde_json::json!({
                    "level": d.level.map(|l| l.code()),
                    "fields": fields,
                }),
            );
        }
    }
}

/// What each rendering thread keeps from candidate to candidate.
type State = (explain::Details, CellsWritten);

/// Each field's cells already written as `{"field", "column", "raw", "value"}`, by the
/// table's serial and the cell's number: most cells of an export repeat (a diploma, `3 ans`,
/// `Oui`), and a degree's value alone is a small tree to build.
struct CellsWritten {
    per_field: Vec<CellBytes>,
    /// Cells of one field remembered at once, at most.
    most: usize,
}

/// A field's cells written, by table serial and cell number.
type CellBytes = rustc_hash::FxHashMap<(u64, u32), Box<[u8]>>;

/// Cells of one field remembered at once, at most.
const CELLS_PER_FIELD: usize = 4096;

impl CellsWritten {
    fn new(fields: usize, most: usize) -> Self {
        CellsWritten {
            per_field: (0..fields).map(|_| Default::default()).collect(),
            most,
        }
    }

    /// Appends the cell of field `f` of `cells` as `write` writes it, from memory when it
    /// was written before. Cells of a column whose cells are not kept distinct (e-mails,
    /// times) are written each time.
    fn cell(
        &mut self,
        buf: &mut Vec<u8>,
        cells: &crate::store::Cells,
        f: FieldId,
        write: impl FnOnce(&mut Vec<u8>),
    ) {
        let (Some(id), Some(seen)) = (cells.keys().get(f), self.per_field.get_mut(f)) else {
            return write(buf);
        };
        let key = (cells.table_serial(), id);
        if let Some(bytes) = seen.get(&key) {
            buf.extend_from_slice(bytes);
            return;
        }
        let start = buf.len();
        write(buf);
        if seen.len() < self.most {
            seen.insert(key, buf[start..].into());
        }
    }
}

/// Appends `value` as serde_json writes it.
fn push_json(buf: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) {
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
    write_remembering(s, out, CELLS_PER_FIELD)
}

/// [`write`], remembering at most `most` cells of each field already written.
fn write_remembering(s: &Screening, out: &mut dyn Write, most: usize) -> io::Result<()> {
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
    // The fields each rule reads, each once, and every field's name and column escaped once.
    let rule_fields: Vec<Vec<FieldId>> = rule_kinds
        .clone()
        .map(|(r, _)| {
            let mut fields = r.rule.fields();
            let mut seen = Vec::new();
            fields.retain(|f| {
                let new = !seen.contains(f);
                seen.push(*f);
                new
            });
            fields
        })
        .collect();
    let field_names: Vec<String> = p
        .fields
        .iter()
        .map(|f| crate::text::json_string(&f.name))
        .collect();
    let field_columns: Vec<String> = p
        .fields
        .iter()
        .map(|f| crate::text::json_string(&f.column))
        .collect();
    // One candidate as serde_json would write `{row, file, rank, status, score, score_max,
    // name, contact, group, rules: [{id, kind, outcome, points, detail}], reasons}`, with the
    // strings that repeat (rule ids, files, details) escaped once.
    let candidate = |buf: &mut Vec<u8>, i: usize, (details, written): &mut State| {
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
        buf.extend_from_slice(b",\"submitted_at\":");
        match explain::submitted(p, &e) {
            Some(t) => push_json(buf, &when::iso(t)),
            None => buf.extend_from_slice(b"null"),
        }
        buf.extend_from_slice(b",\"rules\":[");
        if let (crate::screen::Entry::Candidate { cells, .. }, Some(evaluated)) = (&e, &evaluated) {
            let all = p.requirements.iter().chain(&p.preferences);
            for (k, ((_, &(outcome, points)), (id, kind, weighted))) in
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
                buf.extend_from_slice(b",\"cells\":[");
                for (n, &f) in rule_fields[k].iter().enumerate() {
                    if n > 0 {
                        buf.push(b',');
                    }
                    let write = |buf: &mut Vec<u8>| {
                        buf.extend_from_slice(b"{\"field\":");
                        buf.extend_from_slice(field_names[f].as_bytes());
                        buf.extend_from_slice(b",\"column\":");
                        buf.extend_from_slice(field_columns[f].as_bytes());
                        buf.extend_from_slice(b",\"raw\":");
                        push_json(buf, cells.raw(f));
                        buf.extend_from_slice(b",\"value\":");
                        value(buf, cells.value(f));
                        buf.push(b'}');
                    };
                    written.cell(buf, cells, f, write);
                }
                buf.push(b']');
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
        buf.extend_from_slice(b",\"duplicate_of\":");
        match s.kept(i) {
            Some(kept) => {
                let kept = kept.entry as usize;
                push_json(
                    buf,
                    &RowRef {
                        file: &s.inputs[s.file(kept)].path.display().to_string(),
                        row: s.row(kept),
                    },
                );
            }
            None => buf.extend_from_slice(b"null"),
        }
        // The cells a person verified, in place of those the file holds.
        buf.extend_from_slice(b",\"verified\":");
        let verified: Vec<VerifiedCell> = s
            .corrections(i)
            .into_iter()
            .map(|c| VerifiedCell {
                column: &c.column,
                old: &c.old,
                value: &c.value,
                by: &c.by,
                note: &c.note,
                source: LineRef {
                    file: s.verified.path(c.at.file),
                    line: c.at.line,
                },
            })
            .collect();
        push_json(buf, &verified);
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
    let render = |chunk: &[usize], state: &mut State| -> io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(chunk.len() << 12);
        for &i in chunk {
            buf.extend_from_slice(b",\n");
            candidate(&mut buf, i, state);
        }
        Ok(buf)
    };
    let mut first = true;
    super::for_each_rendered(
        s,
        || {
            (
                explain::Details::new(p, lang),
                CellsWritten::new(p.fields.len(), most),
            )
        },
        &render,
        |buf| {
            let skip = usize::from(std::mem::take(&mut first));
            out.write_all(buf.get(skip..).unwrap_or_default())
        },
    )?;
    // Rows of one name that no duplicate key joins: their row numbers, group by group.
    out.write_all(b"\n],\n\"possible_duplicates\": ")?;
    let groups: Vec<Vec<u64>> = s
        .possible_duplicates
        .iter()
        .map(|g| g.iter().map(|&i| s.row(i as usize)).collect())
        .collect();
    serde_json::to_writer(&mut *out, &groups)?;
    out.write_all(b",\n\"audit\": ")?;
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

#[cfg(test)]
mod tests {
    use crate::screen::testing::{POSTING, candidates, file, posting, source};
    use crate::screen::{Request, Screening};

    #[test]
    fn cells_written_from_memory_are_those_written_anew() {
        let dir = tempfile::tempdir().expect("dir");
        // Enough rows for cells to repeat across chunks, threads and scratch tables.
        let path = file(dir.path(), "c.csv", &candidates(3000));
        let p = posting(POSTING);
        let request = Request {
            view: crate::screen::View {
                all: true,
                ..crate::screen::View::default()
            },
            ..Request::default()
        };
        let s = Screening::run(&p, vec![source(&path)], request).expect("screened");
        let mut remembered = Vec::new();
        let mut plain = Vec::new();
        super::write(&s, &mut remembered).expect("written");
        super::write_remembering(&s, &mut plain, 0).expect("written");
        assert!(remembered.len() > 500_000, "{} bytes", remembered.len());
        assert!(remembered == plain, "the documents differ");
    }
}
