//! Decisions: a status for every row, duplicates resolved, and the eligible ranked by the
//! posting's tie-break list (per group when `shortlist.per` is set). Pure: no I/O.

use crate::cells::Value;
use crate::engine::{Outcome, RuleEval, on_time};
use crate::i18n::Lang;
use crate::posting::{FieldId, Keep, Posting, SortKey};
use crate::screen::Entry;
use crate::text::fold;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::sync::Arc;

/// The status of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Eligible and within the shortlist size.
    Shortlisted,
    /// Every requirement passes; ranked as a reserve.
    Eligible,
    /// No requirement fails, but one is unknown: a person must look.
    Review,
    /// A requirement fails.
    Ineligible,
    /// Another row of the same person is kept.
    Duplicate,
    /// The row itself is broken.
    Unreadable,
}

/// Every status, in the order reports list them.
pub const STATUSES: [Status; 6] = [
    Status::Shortlisted,
    Status::Eligible,
    Status::Review,
    Status::Ineligible,
    Status::Duplicate,
    Status::Unreadable,
];

impl Status {
    /// The identifier used in CSV and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Status::Shortlisted => "shortlisted",
            Status::Eligible => "eligible",
            Status::Review => "review",
            Status::Ineligible => "ineligible",
            Status::Duplicate => "duplicate",
            Status::Unreadable => "unreadable",
        }
    }

    /// The status in words, for several rows.
    pub fn plural(self, lang: Lang) -> &'static str {
        match self {
            Status::Shortlisted => lang.pick("retenus", "shortlisted"),
            Status::Eligible => lang.pick("éligibles", "eligible"),
            Status::Review => lang.pick("à vérifier", "to review"),
            Status::Ineligible => lang.pick("non éligibles", "ineligible"),
            Status::Duplicate => lang.pick("doublons", "duplicates"),
            Status::Unreadable => lang.pick("illisibles", "unreadable"),
        }
    }

    /// The status in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Shortlisted => lang.pick("retenu", "shortlisted"),
            Status::Eligible => lang.pick("éligible", "eligible"),
            Status::Review => lang.pick("à vérifier", "review"),
            Status::Ineligible => lang.pick("non éligible", "ineligible"),
            Status::Duplicate => lang.pick("doublon", "duplicate"),
            Status::Unreadable => lang.pick("illisible", "unreadable"),
        }
    }
}

/// The row kept in place of a duplicate, and the field they share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kept {
    /// Index of the kept row's entry.
    pub entry: usize,
    /// The field whose value the two rows share.
    pub field: FieldId,
}

/// The decision on one row.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Its status.
    pub status: Status,
    /// Its rank among the eligible of its group.
    pub rank: Option<u32>,
    /// Its group, when the posting shortlists per group.
    pub group: Option<Arc<str>>,
    /// Points of the preferences.
    pub score: f64,
    /// The outcome of each requirement, then each preference (empty for an unreadable row).
    pub outcomes: Box<[Outcome]>,
    /// The points of each preference.
    pub points: Box<[f32]>,
    /// For a duplicate: the row kept.
    pub duplicate_of: Option<Kept>,
}

impl Decision {
    /// The outcome of requirement `k`.
    pub fn requirement(&self, k: usize) -> Option<Outcome> {
        self.outcomes.get(k).copied()
    }
}

/// A row's evaluation, kept small: outcomes and points, not the trees behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct Compact {
    /// Outcomes of the requirements, then of the preferences.
    pub outcomes: Box<[Outcome]>,
    /// Points of each preference.
    pub points: Box<[f32]>,
    /// How many of the outcomes are requirements'.
    pub requirements: usize,
}

impl Compact {
    /// Keeps what decisions need of a full evaluation.
    pub fn of(requirements: &[RuleEval], preferences: &[RuleEval]) -> Compact {
        Compact {
            outcomes: requirements
                .iter()
                .chain(preferences)
                .map(|r| r.eval.outcome)
                .collect(),
            points: preferences.iter().map(|p| p.points as f32).collect(),
            requirements: requirements.len(),
        }
    }
}

/// Decides every row: `evals[i]` is the evaluation of `entries[i]` (none when unreadable).
pub fn decide(
    posting: &Posting,
    entries: &[Entry],
    evals: Vec<Option<Compact>>,
    top: Option<u32>,
) -> Vec<Decision> {
    let mut decisions: Vec<Decision> = evals
        .into_iter()
        .map(|ev| match ev {
            Some(c) => {
                let status = match Outcome::all(c.outcomes[..c.requirements].iter().copied()) {
                    Outcome::Pass => Status::Eligible,
                    Outcome::Unknown => Status::Review,
                    Outcome::Fail => Status::Ineligible,
                };
                Decision {
                    status,
                    rank: None,
                    group: None,
                    score: c.points.iter().map(|p| f64::from(*p)).sum(),
                    outcomes: c.outcomes,
                    points: c.points,
                    duplicate_of: None,
                }
            }
            None => Decision {
                status: Status::Unreadable,
                rank: None,
                group: None,
                score: 0.0,
                outcomes: Box::new([]),
                points: Box::new([]),
                duplicate_of: None,
            },
        })
        .collect();
    mark_duplicates(posting, entries, &mut decisions);
    rank_eligible(posting, entries, &mut decisions, top);
    decisions
}

fn cells(entry: &Entry) -> Option<&crate::table::Cells> {
    match entry {
        Entry::Candidate { cells, .. } => Some(cells),
        Entry::Unreadable { .. } => None,
    }
}

fn value(entry: &Entry, f: FieldId) -> Option<&Value> {
    cells(entry).map(|c| c.value(f))
}

/// The key under which two rows are one person, for a duplicate field's value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Identity<'a> {
    Email(&'a str),
    Phone(&'a str),
    Text(FieldId, String),
}

fn identity(field: FieldId, v: &Value) -> Option<Identity<'_>> {
    match v {
        Value::Email(e) => Some(Identity::Email(e)),
        Value::Phone(p) => Some(Identity::Phone(p)),
        Value::Text(t) => Some(Identity::Text(field, fold(t))),
        _ => None,
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn mark_duplicates(posting: &Posting, entries: &[Entry], decisions: &mut [Decision]) {
    let Some(dups) = &posting.candidate.duplicates else {
        return;
    };
    let n = entries.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // For each row, the field through which it joined its group.
    let mut via: Vec<Option<FieldId>> = vec![None; n];
    let mut first_with: FxHashMap<Identity, usize> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        let Some(vals) = cells(e) else { continue };
        for &f in &dups.by {
            let Some(key) = identity(f, vals.value(f)) else {
                continue;
            };
            match first_with.get(&key) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                    via[i].get_or_insert(f);
                    via[j].get_or_insert(f);
                }
                None => {
                    first_with.insert(key, i);
                }
            }
        }
    }
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        if cells(e).is_some() {
            let root = find(&mut parent, i);
            groups.entry(root).or_default().push(i);
        }
    }
    let deadline = posting.meta.deadline.as_ref();
    let submitted = |i: usize| -> Option<crate::cells::dates::Instant> {
        let f = posting.candidate.submitted_at?;
        match value(&entries[i], f) {
            Some(Value::Instant(t)) => Some(*t),
            _ => None,
        }
    };
    let position = |i: usize| (entries[i].file(), entries[i].row());
    let mut group_list: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    group_list.sort();
    for group in group_list {
        let kept = match dups.keep {
            Keep::Latest => {
                let on_time: Vec<usize> = group
                    .iter()
                    .copied()
                    .filter(|&i| match (submitted(i), deadline) {
                        (Some(t), Some(d)) => on_time(&t, d) == Outcome::Pass,
                        (Some(_), None) => true,
                        (None, _) => false,
                    })
                    .collect();
                let pool: Vec<usize> = if on_time.is_empty() {
                    group
                        .iter()
                        .copied()
                        .filter(|&i| submitted(i).is_some())
                        .collect()
                } else {
                    on_time
                };
                pool.into_iter()
                    .max_by_key(|&i| (submitted(i).map(|t| t.at), position(i)))
                    .or_else(|| group.iter().copied().max_by_key(|&i| position(i)))
            }
            Keep::Earliest => group
                .iter()
                .copied()
                .filter(|&i| submitted(i).is_some())
                .min_by_key(|&i| (submitted(i).map(|t| t.at), position(i)))
                .or_else(|| group.iter().copied().min_by_key(|&i| position(i))),
        };
        let Some(kept) = kept else { continue };
        for &i in &group {
            if i != kept {
                let field = shared_field(entries, i, kept, &dups.by)
                    .or(via[i])
                    .unwrap_or(dups.by[0]);
                decisions[i].status = Status::Duplicate;
                decisions[i].duplicate_of = Some(Kept { entry: kept, field });
            }
        }
    }
}

/// A field whose value rows `a` and `b` share directly, if any.
fn shared_field(entries: &[Entry], a: usize, b: usize, by: &[FieldId]) -> Option<FieldId> {
    let (va, vb) = (cells(&entries[a])?, cells(&entries[b])?);
    by.iter().copied().find(|&f| {
        identity(f, va.value(f)).is_some() && identity(f, va.value(f)) == identity(f, vb.value(f))
    })
}

/// A value to sort on; `None` sorts last whatever the direction.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
enum SortValue {
    Number(f64),
    Text(String),
}

fn sort_value(entry: &Entry, decision: &Decision, key: SortKey) -> Option<SortValue> {
    match key {
        SortKey::Score => Some(SortValue::Number(decision.score)),
        SortKey::Row => Some(SortValue::Number(entry.row() as f64)),
        SortKey::Field(f) => match value(entry, f)? {
            Value::Years(n) | Value::Number(n) => Some(SortValue::Number(*n)),
            Value::Instant(t) => Some(SortValue::Number(t.at.timestamp() as f64)),
            Value::Degree(d) => d.level.map(|l| SortValue::Number(l as u8 as f64)),
            Value::Text(t) => Some(SortValue::Text(fold(t))),
            _ => None,
        },
    }
}

fn rank_eligible(
    posting: &Posting,
    entries: &[Entry],
    decisions: &mut [Decision],
    top: Option<u32>,
) {
    let size = top.unwrap_or(posting.shortlist.size) as usize;
    // Groups by folded value, shown with the spelling of their first row; each distinct
    // spelling is folded once.
    let mut spellings: FxHashMap<String, (usize, Arc<str>)> = FxHashMap::default();
    let mut groups: Vec<(String, Arc<str>, Vec<usize>)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for (i, entry) in entries.iter().enumerate() {
        let Some(f) = posting.shortlist.per else {
            break;
        };
        let text = match value(entry, f) {
            Some(Value::Text(t)) => t.trim(),
            Some(Value::YesNo(true)) => "oui",
            Some(Value::YesNo(false)) => "non",
            _ => "",
        };
        let (g, shown) = match spellings.get(text) {
            Some((g, shown)) => (*g, shown.clone()),
            None => {
                let key = fold(text);
                let g = *index.entry(key.clone()).or_insert_with(|| {
                    groups.push((key, Arc::from(text), Vec::new()));
                    groups.len() - 1
                });
                let shown = groups[g].1.clone();
                spellings.insert(text.to_string(), (g, shown.clone()));
                (g, shown)
            }
        };
        decisions[i].group = Some(shown);
        if decisions[i].status == Status::Eligible {
            groups[g].2.push(i);
        }
    }
    if posting.shortlist.per.is_none() {
        let members = (0..entries.len())
            .filter(|&i| decisions[i].status == Status::Eligible)
            .collect();
        groups.push((String::new(), Arc::from(""), members));
    }
    for (_, _, members) in groups {
        // Sort keys are worked out once per row, not once per comparison.
        let mut keyed: Vec<(Vec<Option<SortValue>>, usize)> = members
            .into_iter()
            .map(|i| {
                let keys = posting
                    .shortlist
                    .tie_break
                    .iter()
                    .map(|tb| sort_value(&entries[i], &decisions[i], tb.key))
                    .collect();
                (keys, i)
            })
            .collect();
        keyed.sort_by(|a, b| compare(posting, entries, a, b));
        for (n, (_, i)) in keyed.iter().enumerate() {
            decisions[*i].rank = Some(n as u32 + 1);
            if n < size {
                decisions[*i].status = Status::Shortlisted;
            }
        }
    }
}

fn compare(
    posting: &Posting,
    entries: &[Entry],
    (ka, a): &(Vec<Option<SortValue>>, usize),
    (kb, b): &(Vec<Option<SortValue>>, usize),
) -> Ordering {
    for ((tb, va), vb) in posting.shortlist.tie_break.iter().zip(ka).zip(kb) {
        let ord = match (va, vb) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(y).unwrap_or(Ordering::Equal);
                if tb.descending { o.reverse() } else { o }
            }
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    (entries[*a].file(), entries[*a].row()).cmp(&(entries[*b].file(), entries[*b].row()))
}
