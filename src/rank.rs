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

/// The outcomes of a row's rules, two bits each: no allocation per row for up to
/// [`Outcomes::PACKED`] rules.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Outcomes {
    /// Up to [`Outcomes::PACKED`] outcomes, in the bits of one word.
    Packed {
        /// Two bits per outcome, the first in the lowest bits.
        bits: u64,
        /// How many.
        len: u8,
    },
    /// More outcomes than a word holds.
    Many(Box<[Outcome]>),
    /// None: an unreadable row.
    #[default]
    None,
}

impl Outcomes {
    /// Outcomes one word holds.
    pub const PACKED: usize = 32;

    /// The `len` outcomes of `outcomes`, in rule order.
    pub fn collect(len: usize, outcomes: impl Iterator<Item = Outcome>) -> Outcomes {
        if len > Self::PACKED {
            return Outcomes::Many(outcomes.collect());
        }
        let mut bits = 0u64;
        let mut len = 0u8;
        for o in outcomes {
            let code = match o {
                Outcome::Pass => 0,
                Outcome::Fail => 1,
                Outcome::Unknown => 2,
            };
            bits |= code << (2 * u32::from(len));
            len += 1;
        }
        Outcomes::Packed { bits, len }
    }

    /// How many outcomes.
    pub fn len(&self) -> usize {
        match self {
            Outcomes::Packed { len, .. } => usize::from(*len),
            Outcomes::Many(all) => all.len(),
            Outcomes::None => 0,
        }
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Outcome `k`.
    pub fn get(&self, k: usize) -> Option<Outcome> {
        match self {
            Outcomes::Packed { bits, len } if k < usize::from(*len) => {
                Some(match (bits >> (2 * k)) & 3 {
                    0 => Outcome::Pass,
                    1 => Outcome::Fail,
                    _ => Outcome::Unknown,
                })
            }
            Outcomes::Many(all) => all.get(k).copied(),
            _ => None,
        }
    }

    /// The outcomes in rule order.
    pub fn iter(&self) -> impl Iterator<Item = Outcome> + '_ {
        (0..self.len()).filter_map(|k| self.get(k))
    }
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
    /// The outcome of each requirement, then each preference (none for an unreadable row).
    pub outcomes: Outcomes,
    /// For a duplicate: the row kept.
    pub duplicate_of: Option<Kept>,
}

impl Decision {
    /// The outcome of requirement `k`.
    pub fn requirement(&self, k: usize) -> Option<Outcome> {
        self.outcomes.get(k)
    }
}

/// A row's evaluation, kept small: outcomes and score, not the trees behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct Compact {
    /// Outcomes of the requirements, then of the preferences.
    pub outcomes: Outcomes,
    /// The sum of the preferences' points.
    pub score: f64,
    /// How many of the outcomes are requirements'.
    pub requirements: usize,
}

impl Compact {
    /// Keeps what decisions need of a full evaluation.
    pub fn of(requirements: &[RuleEval], preferences: &[RuleEval]) -> Compact {
        Compact {
            outcomes: Outcomes::collect(
                requirements.len() + preferences.len(),
                requirements
                    .iter()
                    .chain(preferences)
                    .map(|r| r.eval.outcome),
            ),
            score: preferences.iter().map(|p| f64::from(p.points as f32)).sum(),
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
                let status = match Outcome::all(c.outcomes.iter().take(c.requirements)) {
                    Outcome::Pass => Status::Eligible,
                    Outcome::Unknown => Status::Review,
                    Outcome::Fail => Status::Ineligible,
                };
                Decision {
                    status,
                    rank: None,
                    group: None,
                    score: c.score,
                    outcomes: c.outcomes,
                    duplicate_of: None,
                }
            }
            None => Decision {
                status: Status::Unreadable,
                rank: None,
                group: None,
                score: 0.0,
                outcomes: Outcomes::None,
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
    // Only rows that share a value with another can be duplicates: group those by root.
    let mut joined: Vec<(usize, usize)> = (0..n)
        .filter(|&i| via[i].is_some())
        .map(|i| (find(&mut parent, i), i))
        .collect();
    joined.sort_unstable();
    let deadline = posting.meta.deadline.as_ref();
    let submitted = |i: usize| -> Option<crate::cells::dates::Instant> {
        let f = posting.candidate.submitted_at?;
        match value(&entries[i], f) {
            Some(Value::Instant(t)) => Some(*t),
            _ => None,
        }
    };
    let position = |i: usize| (entries[i].file(), entries[i].row());
    for chunk in joined.chunk_by(|a, b| a.0 == b.0) {
        let group: Vec<usize> = chunk.iter().map(|&(_, i)| i).collect();
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
        // Sort keys are worked out once per row, not once per comparison, in one vector.
        let width = posting.shortlist.tie_break.len();
        let decided: &[Decision] = decisions;
        let keys: Vec<Option<SortValue>> = members
            .iter()
            .flat_map(|&i| {
                posting
                    .shortlist
                    .tie_break
                    .iter()
                    .map(move |tb| sort_value(&entries[i], &decided[i], tb.key))
            })
            .collect();
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by(|&a, &b| {
            compare(
                posting,
                &keys[a * width..(a + 1) * width],
                &keys[b * width..(b + 1) * width],
            )
            .then_with(|| {
                let (a, b) = (&entries[members[a]], &entries[members[b]]);
                (a.file(), a.row()).cmp(&(b.file(), b.row()))
            })
        });
        for (n, k) in order.into_iter().enumerate() {
            let i = members[k];
            decisions[i].rank = Some(n as u32 + 1);
            if n < size {
                decisions[i].status = Status::Shortlisted;
            }
        }
    }
}

fn compare(posting: &Posting, ka: &[Option<SortValue>], kb: &[Option<SortValue>]) -> Ordering {
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
    Ordering::Equal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_pack_into_a_word_and_spill_beyond_it() {
        let cycle = [Outcome::Pass, Outcome::Fail, Outcome::Unknown];
        for n in [0, 1, 3, Outcomes::PACKED, Outcomes::PACKED + 1, 40] {
            let want: Vec<Outcome> = (0..n).map(|k| cycle[k % 3]).collect();
            let packed = Outcomes::collect(n, want.iter().copied());
            assert_eq!(
                matches!(packed, Outcomes::Many(_)),
                n > Outcomes::PACKED,
                "{n}"
            );
            assert_eq!(packed.len(), n);
            assert_eq!(packed.iter().collect::<Vec<_>>(), want, "{n}");
            assert_eq!(packed.get(n), None);
        }
    }
}
