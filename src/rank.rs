//! Decisions: a status for every row, duplicates resolved, and the eligible ranked by the
//! posting's tie-break list (per group when `shortlist.per` is set). Pure: no I/O.

use crate::cells::Value;
use crate::engine::{Compact, Outcome, Outcomes};
use crate::i18n::Lang;
use crate::posting::{FieldId, Keep, Posting, SortKey};
use crate::text::fold;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;

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

    /// `n` applications of this status, in words that agree with « candidatures » (feminine)
    /// and with the number: `1 retenue`, `9 retenues`, `0 illisible`; `1 duplicate`.
    pub fn counted(self, n: usize, lang: Lang) -> String {
        let many = lang.plural(n as f64);
        let word = match (self, many) {
            (Status::Shortlisted, false) => lang.pick("retenue", "shortlisted"),
            (Status::Shortlisted, true) => lang.pick("retenues", "shortlisted"),
            (Status::Eligible, false) => lang.pick("éligible", "eligible"),
            (Status::Eligible, true) => lang.pick("éligibles", "eligible"),
            (Status::Review, _) => lang.pick("à vérifier", "to review"),
            (Status::Ineligible, false) => lang.pick("non éligible", "ineligible"),
            (Status::Ineligible, true) => lang.pick("non éligibles", "ineligible"),
            (Status::Duplicate, false) => lang.pick("doublon", "duplicate"),
            (Status::Duplicate, true) => lang.pick("doublons", "duplicates"),
            (Status::Unreadable, false) => lang.pick("illisible", "unreadable"),
            (Status::Unreadable, true) => lang.pick("illisibles", "unreadable"),
        };
        format!("{} {word}", lang.int(n))
    }

    /// The status in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Shortlisted => lang.pick("retenu(e)", "shortlisted"),
            Status::Eligible => lang.pick("éligible", "eligible"),
            Status::Review => lang.pick("à vérifier", "to review"),
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
    pub entry: u32,
    /// The field whose value the two rows share, or [`JOINED`].
    pub field: u32,
}

/// [`Kept::field`] of rows that a person said are one applicant.
pub const JOINED: u32 = u32::MAX;

/// A group's number among the groups of a screening (see [`crate::screen::Screening::group`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupId(std::num::NonZeroU32);

impl GroupId {
    /// The group numbered `index`.
    pub fn new(index: u32) -> Option<GroupId> {
        std::num::NonZeroU32::new(index.checked_add(1)?).map(GroupId)
    }

    /// Its number.
    pub fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// The decision on one row, kept small: a million rows hold a million of them. The row a
/// duplicate gives way to is kept apart (see [`decide`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Its status.
    pub status: Status,
    /// Its rank among the eligible of its group.
    pub rank: Option<u32>,
    /// Its group, when the posting shortlists per group.
    pub group: Option<GroupId>,
    /// Points of the preferences.
    pub score: f64,
    /// The outcome of each requirement, then each preference (none for an unreadable row).
    pub outcomes: Outcomes,
}

impl Decision {
    /// The outcome of requirement `k`.
    pub fn requirement(&self, k: usize) -> Option<Outcome> {
        self.outcomes.get(k)
    }
}

/// Where a row comes from, and where its cells are found again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Where its cells are read again (see [`crate::ingest::Rereader`]).
    pub at: u64,
    /// Index of its input.
    pub file: u32,
    /// Spreadsheet row number.
    pub row: u32,
    /// A hash of the cells read of the row (never 0), or 0: read again, the row must give
    /// the same, else its file changed.
    pub check: u32,
}

/// The hash of a row's cells kept in [`Place::check`]: never 0.
pub fn row_check<'a>(cells: impl Iterator<Item = &'a str>) -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = foldhash::fast::FixedState::with_seed(0x0c4e_c4ed).build_hasher();
    for c in cells {
        h.write(c.as_bytes());
        h.write_u8(0xff);
    }
    (h.finish() as u32) | 1
}

/// What decisions need of each row besides its evaluation, gathered as the rows are read:
/// a few numbers per row, not its cells.
#[derive(Debug, Default)]
pub struct DecisionInputs {
    /// Each entry's place.
    pub places: Vec<Place>,
    /// Identity keys of the posting's duplicate fields: for each field, one per entry; 0 for
    /// none.
    pub identities: Vec<Vec<u64>>,
    /// Submission instants, in microseconds; `i64::MIN` for none. Kept only when duplicates
    /// are looked for.
    pub submitted: Vec<i64>,
    /// Whether each submission is on time.
    pub on_time: Vec<bool>,
    /// The entries whose requirements all pass, with their group, in entry order.
    pub ranked: Vec<(u32, u32)>,
    /// Rows a person said are one applicant (`--verified`): pairs of entries.
    pub joined: Vec<(u32, u32)>,
    /// Each entry's name as a key, folded and its words sorted ([`name_key`]); 0 for none.
    /// Kept only when the posting names its candidates.
    pub names: Vec<u64>,
    /// Their tie-break values, `tie_break.len()` each.
    pub keys: Keys,
}

/// Tie-break values of the ranked rows.
#[derive(Debug)]
pub enum Keys {
    /// Numbers only (scores, years, dates, levels), as integers that sort in the wanted order.
    Packed(Vec<u64>),
    /// Values, text among them.
    Values(Vec<Option<SortValue>>),
}

impl Default for Keys {
    fn default() -> Self {
        Keys::Values(Vec::new())
    }
}

impl Keys {
    /// Room for the tie-break values of `posting`: packed when they are all numbers.
    pub fn for_posting(posting: &Posting) -> Keys {
        use crate::posting::FieldType;
        let numeric = posting.shortlist.tie_break.iter().all(|tb| match tb.key {
            SortKey::Score | SortKey::Row => true,
            SortKey::Field(f) => matches!(
                posting.fields[f].kind,
                FieldType::Years | FieldType::Number | FieldType::Datetime | FieldType::Degree
            ),
        });
        if numeric {
            Keys::Packed(Vec::new())
        } else {
            Keys::Values(Vec::new())
        }
    }

    /// Adds the values of `other`, made for the same posting, so of the same kind.
    pub fn append(&mut self, other: Keys) {
        match (self, other) {
            (Keys::Packed(all), Keys::Packed(more)) => all.extend(more),
            (Keys::Values(all), Keys::Values(more)) => all.extend(more),
            _ => debug_assert!(false, "tie-break keys of two kinds"),
        }
    }

    /// Adds a value, sorted `descending` or not.
    pub fn push(&mut self, value: Option<SortValue>, descending: bool) {
        match self {
            // A number that is not one (NaN) sorts with the missing.
            Keys::Packed(all) => all.push(sortable(value.as_ref(), descending).unwrap_or(u64::MAX)),
            Keys::Values(all) => all.push(value),
        }
    }
}

/// The decision on a row that was read and evaluated.
pub fn decision(c: Compact) -> Decision {
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
    }
}

/// The decision on a row that could not be read.
pub fn unreadable() -> Decision {
    Decision {
        status: Status::Unreadable,
        rank: None,
        group: None,
        score: 0.0,
        outcomes: Outcomes::None,
    }
}

/// Finishes the decisions: marks duplicates, then ranks the eligible of each group.
/// Returns, for each duplicate (by entry), the row kept in its place. With `parallel`, big
/// inputs use threads; the decisions are the same either way.
pub fn decide(
    posting: &Posting,
    facts: &DecisionInputs,
    decisions: &mut [Decision],
    top: Option<u32>,
    parallel: bool,
) -> FxHashMap<u32, Kept> {
    let parallel = parallel && facts.places.len() >= PARALLEL_ROWS;
    // Duplicates do not change how the others compare: all rows eligible so far are put in
    // order while duplicates are sought, and those found are then left out.
    let (kept, orders) = if parallel {
        std::thread::scope(|scope| {
            // One thread each: more would only contend for the same memory and cores.
            let orders = scope.spawn(|| order_eligible(posting, facts));
            let kept = mark_duplicates(posting, facts, decisions);
            let orders = orders
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (kept, orders)
        })
    } else {
        let kept = mark_duplicates(posting, facts, decisions);
        (kept, order_eligible(posting, facts))
    };
    let size = top.unwrap_or(posting.shortlist.size) as usize;
    for order in orders {
        let mut n = 0;
        for k in order {
            let d = &mut decisions[facts.ranked[k].0 as usize];
            if d.status != Status::Eligible {
                continue;
            }
            d.rank = Some(n as u32 + 1);
            if n < size {
                d.status = Status::Shortlisted;
            }
            n += 1;
        }
    }
    kept
}

/// The key under which two rows are one person, for a duplicate field's value: a 64-bit
/// hash of the field and its normalised value (0 when the value identifies nobody).
pub fn identity(field: FieldId, v: &Value) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    // A hash of good quality, seeded the same in every run: the key stands for the value.
    let mut h = foldhash::quality::FixedState::with_seed(0x5eed).build_hasher();
    field.hash(&mut h);
    match v {
        Value::Email(e) => (0u8, e.as_bytes()).hash(&mut h),
        Value::Phone(p) => (1u8, p.digits()).hash(&mut h),
        Value::Text(t) => (2u8, fold(t).as_str()).hash(&mut h),
        _ => return 0,
    }
    h.finish().max(1)
}

/// A name as a key: its words folded (case and accents), in any order, so that `Moussa
/// Traoré` and `TRAORE Moussa` are one key; 0 for a name without a letter or a digit.
///
/// The words' hashes are added, which needs no order: sorting the words (as
/// [`tests::name_key_plain`] does) cost 0.14 s on a million rows, this 0.06 s.
pub fn name_key<'a>(parts: impl Iterator<Item = &'a str>) -> u64 {
    use std::hash::BuildHasher;
    let state = foldhash::quality::FixedState::with_seed(0x0a3e);
    let mut key = 0u64;
    let mut folded = String::new();
    for part in parts {
        folded.clear();
        folded.push_str(&fold(part));
        for word in folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            key = key.wrapping_add(state.hash_one(word));
        }
    }
    key
}

/// The possible duplicates: rows of one name (see [`name_key`]) that are neither duplicates
/// nor unreadable, so that a person decides whether they are one applicant. Groups of entries,
/// each in entry order, in the order of their first entries.
pub fn possible_duplicates(names: &[u64], decisions: &[Decision]) -> Vec<Vec<u32>> {
    let mut keyed: Vec<(u64, u32)> = names
        .iter()
        .zip(decisions)
        .enumerate()
        .filter(|(_, (key, d))| {
            **key != 0 && !matches!(d.status, Status::Duplicate | Status::Unreadable)
        })
        .map(|(i, (key, _))| (*key, i as u32))
        .collect();
    keyed.sort_unstable();
    let mut groups: Vec<Vec<u32>> = keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|g| g.len() > 1)
        .map(|g| g.iter().map(|&(_, i)| i).collect())
        .collect();
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}

fn find(parent: &mut [u32], mut i: usize) -> usize {
    while parent[i] as usize != i {
        parent[i] = parent[parent[i] as usize];
        i = parent[i] as usize;
    }
    i
}

/// Marks the duplicates; returns, for each, the row kept.
fn mark_duplicates(
    posting: &Posting,
    facts: &DecisionInputs,
    decisions: &mut [Decision],
) -> FxHashMap<u32, Kept> {
    let mut kept_for = FxHashMap::default();
    let default = crate::posting::Duplicates {
        by: Vec::new(),
        keep: Keep::Latest,
    };
    let dups = match &posting.candidate.duplicates {
        Some(d) => d,
        None if facts.joined.is_empty() => return kept_for,
        // Rows a person joined are kept as the posting would: the latest on time.
        None => &default,
    };
    let n = facts.places.len();
    let width = dups.by.len();
    let key = |i: usize, k: usize| {
        (facts.identities.get(k))
            .and_then(|keys| keys.get(i))
            .copied()
            .unwrap_or(0)
    };
    // The rows holding the value of a row before them, with that row, by row and then by
    // field.
    let mut all = same_as_before(n, width, key);
    all.extend(
        facts
            .joined
            .iter()
            .map(|&(a, b)| (a.max(b), JOINED, a.min(b))),
    );
    all.sort_unstable();
    // Only rows that share a value with another can be duplicates: they alone are linked,
    // each by its place among them.
    let mut linked: Vec<u32> = all.iter().flat_map(|&(i, _, j)| [i, j]).collect();
    linked.sort_unstable();
    linked.dedup();
    let index = |row: u32| linked.binary_search(&row).unwrap_or(0);
    let mut parent: Vec<u32> = (0..linked.len() as u32).collect();
    // For each linked row, the field (its place in `by`) through which it joined its group.
    let mut via: Vec<u32> = vec![u32::MAX; linked.len()];
    for &(i, k, j) in &all {
        let (i, j) = (index(i), index(j));
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a != b {
            parent[a.max(b)] = a.min(b) as u32;
        }
        for x in [i, j] {
            if via[x] == u32::MAX {
                via[x] = k;
            }
        }
    }
    let mut joined: Vec<(usize, usize)> = (0..linked.len())
        .map(|x| (find(&mut parent, x), x))
        .collect();
    joined.sort_unstable();
    let submitted =
        |i: usize| -> Option<i64> { facts.submitted.get(i).copied().filter(|t| *t != i64::MIN) };
    let on_time = |i: usize| facts.on_time.get(i).copied().unwrap_or(false);
    let position = |i: usize| (facts.places[i].file, facts.places[i].row);
    for chunk in joined.chunk_by(|a, b| a.0 == b.0) {
        let group = || chunk.iter().map(|&(_, x)| linked[x] as usize);
        let latest = |pool: &dyn Fn(usize) -> bool| {
            group()
                .filter(|&i| submitted(i).is_some() && pool(i))
                .max_by_key(|&i| (submitted(i), position(i)))
        };
        let kept = match dups.keep {
            // The latest on time; failing that, the latest; failing that, the last row.
            Keep::Latest => latest(&on_time)
                .or_else(|| latest(&|_| true))
                .or_else(|| group().max_by_key(|&i| position(i))),
            Keep::Earliest => group()
                .filter(|&i| submitted(i).is_some())
                .min_by_key(|&i| (submitted(i), position(i)))
                .or_else(|| group().min_by_key(|&i| position(i))),
        };
        let Some(kept) = kept else { continue };
        for (&(_, x), i) in chunk.iter().zip(group()) {
            if i != kept {
                // A field the two rows share directly, if any.
                let shared = (0..width).find(|&k| key(i, k) != 0 && key(i, k) == key(kept, k));
                // A row joined by a person only keeps no field (`via` stays unset for it).
                let joined_by = (via[x] != JOINED).then_some(via[x] as usize);
                let field = shared.or(joined_by).map_or(JOINED, |k| dups.by[k] as u32);
                decisions[i].status = Status::Duplicate;
                kept_for.insert(
                    i as u32,
                    Kept {
                        entry: kept as u32,
                        field,
                    },
                );
            }
        }
    }
    kept_for
}

/// The rows whose key for a field (0 is no key) is that of a row before them: (row, field,
/// first row of that key), in no particular order. Few keys repeat: a bit per hash finds the
/// ones that may, and only their rows are sorted, which keeps time and memory low on a
/// million rows.
fn same_as_before(
    n: usize,
    width: usize,
    key: impl Fn(usize, usize) -> u64,
) -> Vec<(u32, u32, u32)> {
    // About eight bits per row, so that few keys seem to repeat when they do not: from
    // 2 MB, and more for more rows. A second set of bits marks the hashes seen twice.
    let bits = (usize::BITS - n.leading_zeros() + 3).clamp(24, 32);
    let slot = |k: u64| {
        let bit = (k >> (64 - bits)) as usize;
        (bit >> 6, 1u64 << (bit & 63))
    };
    let mut links = Vec::new();
    for f in 0..width {
        let words = 1usize << (bits - 6);
        let (mut seen, mut twice) = (vec![0u64; words], vec![0u64; words]);
        for i in 0..n {
            let k = key(i, f);
            if k == 0 {
                continue;
            }
            let (word, mask) = slot(k);
            twice[word] |= seen[word] & mask;
            seen[word] |= mask;
        }
        drop(seen);
        let mut pairs: Vec<(u64, u32)> = (0..n)
            .filter_map(|i| {
                let k = key(i, f);
                let (word, mask) = slot(k);
                (k != 0 && twice[word] & mask != 0).then_some((k, i as u32))
            })
            .collect();
        drop(twice);
        pairs.sort_unstable();
        links.extend(
            pairs
                .chunk_by(|a, b| a.0 == b.0)
                .flat_map(|run| run.iter().skip(1).map(|&(_, i)| (i, f as u32, run[0].1))),
        );
    }
    links
}

/// A value to sort on; `None` sorts last whatever the direction.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
pub enum SortValue {
    /// A number (years, a level, an instant in seconds, a score, a row).
    Number(f64),
    /// Folded text.
    Text(String),
}

/// The value row `row` with `score` and `value` (of the key's field) sorts on for `key`.
pub fn sort_value(key: SortKey, score: f64, row: u64, value: Option<&Value>) -> Option<SortValue> {
    match key {
        // At a millionth of a point: the same points summed in another order are the same
        // score, and go to the next tie-break rather than to rounding noise.
        SortKey::Score => Some(SortValue::Number((score * 1e6).round() / 1e6)),
        SortKey::Row => Some(SortValue::Number(row as f64)),
        SortKey::Field(_) => match value? {
            Value::Years(n) | Value::Number(n) => Some(SortValue::Number(*n)),
            Value::Instant(t) => Some(SortValue::Number(t.at.timestamp() as f64)),
            Value::Degree(d) => d.level.map(|l| SortValue::Number(l as u8 as f64)),
            Value::Text(t) => Some(SortValue::Text(fold(t))),
            _ => None,
        },
    }
}

/// The rows eligible on their requirements (indices into `facts.ranked`), each group's in
/// rank order, best first.
fn order_eligible(posting: &Posting, facts: &DecisionInputs) -> Vec<Vec<usize>> {
    // Rows by group, in row order within each: groups are numbered from 0 as they come.
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (k, &(_, g)) in facts.ranked.iter().enumerate() {
        let g = g as usize;
        if members.len() <= g {
            members.resize_with(g + 1, Vec::new);
        }
        members[g].push(k);
    }
    members
        .iter()
        .filter(|m| !m.is_empty())
        .map(|g| rank_order(posting, facts, g))
        .collect()
}

/// Rows from which ranking and the duplicate search run side by side.
const PARALLEL_ROWS: usize = 50_000;

/// The ranked rows of one group (indices into `facts.ranked`), best first.
fn rank_order(posting: &Posting, facts: &DecisionInputs, group: &[usize]) -> Vec<usize> {
    let width = posting.shortlist.tie_break.len();
    let place = |k: usize| {
        let p = &facts.places[facts.ranked[k].0 as usize];
        (u64::from(p.file) << 32) | u64::from(p.row)
    };
    match &facts.keys {
        // Numbers that fit two words together with the row's place in the group: one sort
        // of plain integers. Entries are in file order, so a row's place in the group is in
        // the order of places. Measured on the 1M-row export (median of 6 paired runs):
        // 0.60 s for the whole screening, against 0.63 s with the plain sort below.
        Keys::Packed(packed) if let Some(order) = word_order(packed, width, group) => order,
        Keys::Packed(packed) => {
            let mut order = group.to_vec();
            order.sort_unstable_by_key(|&k| (&packed[k * width..(k + 1) * width], place(k)));
            order
        }
        Keys::Values(keys) => {
            let mut order = group.to_vec();
            order.sort_by(|&a, &b| {
                compare(
                    posting,
                    &keys[a * width..(a + 1) * width],
                    &keys[b * width..(b + 1) * width],
                )
                .then_with(|| place(a).cmp(&place(b)))
            });
            order
        }
    }
}

/// How the values of one tie-break column are made small: present values `v` become
/// `(v - low) >> shift`, which keeps their order, and a missing one sorts after them all.
#[derive(Clone, Copy, Debug)]
struct Squeeze {
    low: u64,
    shift: u32,
    /// The code of a missing value; the bits of the codes follow from it.
    none: u64,
}

impl Squeeze {
    /// The squeeze of the present values of `values` (`u64::MAX` is a missing one).
    fn of(values: impl Iterator<Item = u64> + Clone) -> Squeeze {
        let present = values.filter(|&v| v != u64::MAX);
        let low = present.clone().min().unwrap_or(0);
        // The bits in which present values differ from the lowest: those below are zero in
        // every difference, and shifted out.
        let (high, steps) = present.fold((low, 0u64), |(high, steps), v| {
            (high.max(v), steps | (v - low))
        });
        let shift = steps.trailing_zeros().min(63);
        Squeeze {
            low,
            shift,
            none: ((high - low) >> shift) + 1,
        }
    }

    /// Bits a code takes.
    fn bits(&self) -> u32 {
        u64::BITS - self.none.leading_zeros()
    }

    fn code(&self, v: u64) -> u64 {
        if v == u64::MAX {
            self.none
        } else {
            (v - self.low) >> self.shift
        }
    }
}

/// The rows of `group` (ascending indices into the packed keys, `width` each) in the order
/// of their keys and then of their place, when the keys squeezed and the place fit in two
/// words; `None` when they do not.
fn word_order(packed: &[u64], width: usize, group: &[usize]) -> Option<Vec<usize>> {
    let key = |k: usize, c: usize| packed.get(k * width + c).copied().unwrap_or(u64::MAX);
    let squeezes: Vec<Squeeze> = (0..width)
        .map(|c| Squeeze::of(group.iter().map(move |&k| key(k, c))))
        .collect();
    let place_bits = usize::BITS - group.len().leading_zeros();
    let bits: u32 = squeezes.iter().map(Squeeze::bits).sum::<u32>() + place_bits;
    if bits > u128::BITS {
        return None;
    }
    let mut words: Vec<u128> = group
        .iter()
        .enumerate()
        .map(|(j, &k)| {
            let word = squeezes.iter().enumerate().fold(0u128, |w, (c, s)| {
                // Shifted by less than 128: the bits of all codes and the place fit in 128.
                (w << s.bits()) | u128::from(s.code(key(k, c)))
            });
            (word << place_bits) | j as u128
        })
        .collect();
    words.sort_unstable();
    let mask = (1u128 << place_bits) - 1;
    Some(
        words
            .into_iter()
            .filter_map(|w| group.get((w & mask) as usize).copied())
            .collect(),
    )
}

/// A number key as an integer that sorts as [`compare`] does: none last, either way; `None`
/// for a text key.
fn sortable(v: Option<&SortValue>, descending: bool) -> Option<u64> {
    let x = match v {
        None => return Some(u64::MAX),
        Some(SortValue::Text(_)) => return None,
        Some(SortValue::Number(x)) => *x,
    };
    // NaN compares equal to everything in `compare`: no order to keep, let text sorting do it.
    if x.is_nan() {
        return None;
    }
    // -0.0 and 0.0 are equal numbers.
    let x = if x == 0.0 { 0.0 } else { x };
    let bits = x.to_bits();
    let key = if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    };
    let key = if descending { !key } else { key };
    // u64::MAX is kept for none; no finite number maps there.
    Some(key.min(u64::MAX - 1))
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

    /// [`name_key`] plainly: the folded words, sorted.
    pub(super) fn name_key_plain(parts: &[&str]) -> Vec<String> {
        let mut words: Vec<String> = parts
            .iter()
            .flat_map(|p| {
                fold(p)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        words.sort_unstable();
        words
    }

    #[test]
    fn name_keys_match_as_the_sorted_words_do() {
        let names: &[&[&str]] = &[
            &["Moussa Traoré"],
            &["TRAORE  Moussa"],
            &["Moussa", "Traoré"],
            &["Moussa Touré"],
            &["Awa Diallo"],
            &["Diallo Awa Awa"],
            &["Awa Awa Diallo"],
            &["Diallo"],
            &["Diallo Diallo"],
            &[""],
            &["-"],
            &["Aïssata Maïga"],
            &["MAIGA aissata"],
        ];
        for a in names {
            for b in names {
                assert_eq!(
                    name_key(a.iter().copied()) == name_key(b.iter().copied()),
                    name_key_plain(a) == name_key_plain(b),
                    "{a:?} {b:?}"
                );
            }
            assert_eq!(
                name_key(a.iter().copied()) == 0,
                name_key_plain(a).is_empty()
            );
        }
    }

    #[test]
    fn a_name_is_one_key_whatever_its_case_accents_and_word_order() {
        let key = |parts: &[&str]| name_key(parts.iter().copied());
        assert_eq!(key(&["Moussa Traoré"]), key(&["TRAORE  Moussa"]));
        assert_eq!(key(&["Moussa", "Traoré"]), key(&["Traore Moussa"]));
        assert_ne!(key(&["Moussa Traoré"]), key(&["Moussa Touré"]));
        assert_eq!(key(&["", " - "]), 0);
    }

    #[test]
    fn rows_with_a_key_seen_before_point_to_its_first_row() {
        let keys = [5u64, 0, 7, 5, 9, 7, 0, 5, u64::MAX, u64::MAX - 1, u64::MAX];
        let mut links = same_as_before(keys.len(), 1, |i, _| keys[i]);
        links.sort_unstable();
        assert_eq!(links, [(3, 0, 0), (5, 0, 2), (7, 0, 0), (10, 0, 8)]);
        // Many keys sharing their top bits: every row still finds its own first.
        let keys: Vec<u64> = (0..5000u64).map(|i| (i % 1000) + 1).collect();
        let mut links = same_as_before(keys.len(), 1, |i, _| keys[i]);
        links.sort_unstable();
        let want: Vec<(u32, u32, u32)> = (1000..5000).map(|i| (i, 0, i % 1000)).collect();
        assert_eq!(links, want);
        // Two fields: each row's key of either field, linked to the first row holding it.
        let two = |i: usize, f: usize| [[1, 0], [2, 1], [3, 2], [4, 2]][i][f];
        let mut links = same_as_before(4, 2, two);
        links.sort_unstable();
        assert_eq!(links, [(3, 1, 2)]);
    }

    #[test]
    fn threads_decide_as_one_does() {
        let yaml = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/postings/jigi-district-officer.yaml"
        ))
        .expect("posting");
        let posting = crate::posting::parse(&yaml).posting.expect("valid posting");
        let n = 2 * PARALLEL_ROWS;
        let mut facts = DecisionInputs {
            keys: Keys::for_posting(&posting),
            ..DecisionInputs::default()
        };
        let mut decisions = Vec::new();
        for i in 0..n {
            // Every seventh row shares an e-mail with the row 100 before it, and so on.
            let email = if i % 7 == 0 && i >= 100 { i - 100 } else { i };
            facts.identities.resize(2, Vec::new());
            facts.identities[0].push(email as u64 + 1);
            facts.identities[1].push((i % 50_000) as u64 + 1);
            facts.submitted.push((i % 997) as i64);
            facts.on_time.push(i % 11 != 0);
            facts.places.push(Place {
                at: 0,
                file: 0,
                row: i as u32 + 2,
                check: 0,
            });
            let eligible = i % 3 != 0;
            let score = (i % 13) as f64;
            decisions.push(Decision {
                status: if eligible {
                    Status::Eligible
                } else {
                    Status::Ineligible
                },
                rank: None,
                group: None,
                score,
                outcomes: Outcomes::None,
            });
            if eligible {
                facts.ranked.push((i as u32, (i % 3) as u32));
                for tb in &posting.shortlist.tie_break {
                    let value = sort_value(tb.key, score, i as u64, None);
                    facts.keys.push(value, tb.descending);
                }
            }
        }
        let mut one = decisions.clone();
        let kept_by_one = decide(&posting, &facts, &mut one, None, false);
        let kept = decide(&posting, &facts, &mut decisions, None, true);
        assert_eq!(kept_by_one, kept, "the rows kept differ");
        assert!(
            kept.keys()
                .all(|&i| one[i as usize].status == Status::Duplicate)
        );
        let count = |s: Status| one.iter().filter(|d| d.status == s).count();
        assert!(count(Status::Duplicate) > 1000 && count(Status::Shortlisted) > 0);
        // Duplicates found while the others were put in order hold no rank, and leave no gap.
        assert!(
            one.iter()
                .all(|d| (d.status == Status::Duplicate) != d.rank.is_some()
                    || d.status == Status::Ineligible)
        );
        for group in 1..3 {
            let mut ranks: Vec<u32> = (facts.ranked.iter())
                .filter(|(_, g)| *g == group)
                .filter_map(|(i, _)| one[*i as usize].rank)
                .collect();
            ranks.sort_unstable();
            assert!(ranks.iter().zip(1..).all(|(r, n)| *r == n), "group {group}");
        }
        assert!(one == decisions, "the decisions differ");
    }

    #[test]
    fn a_decision_is_small() {
        assert!(std::mem::size_of::<Decision>() <= 40);
        assert_eq!(std::mem::size_of::<Outcomes>(), 16);
    }

    #[test]
    fn number_keys_pack_into_integers_in_the_same_order() {
        let values = [
            None,
            Some(f64::NEG_INFINITY),
            Some(-3.5),
            Some(-0.0),
            Some(0.0),
            Some(1e-300),
            Some(2.0),
            Some(8.0),
            Some(1.7e9),
            Some(f64::INFINITY),
        ];
        for descending in [false, true] {
            let key = |v: Option<f64>| sortable(v.map(SortValue::Number).as_ref(), descending);
            for a in values {
                for b in values {
                    let by_compare = match (a, b) {
                        (None, None) => Ordering::Equal,
                        (None, Some(_)) => Ordering::Greater,
                        (Some(_), None) => Ordering::Less,
                        (Some(x), Some(y)) => {
                            let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
                            if descending { o.reverse() } else { o }
                        }
                    };
                    assert_eq!(key(a).cmp(&key(b)), by_compare, "{a:?} {b:?} {descending}");
                }
            }
        }
        assert_eq!(sortable(Some(&SortValue::Text("a".into())), false), None);
        assert_eq!(sortable(Some(&SortValue::Number(f64::NAN)), false), None);
    }

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

    #[test]
    fn scores_years_and_dates_squeeze_into_two_words() {
        // A score (descending), years (descending) and an instant, as the packed keys hold them.
        let row = |score: f64, years: Option<f64>, at: f64| {
            [
                sortable(Some(&SortValue::Number(score)), true),
                sortable(years.map(SortValue::Number).as_ref(), true),
                sortable(Some(&SortValue::Number(at)), false),
            ]
            .map(|k| k.unwrap_or(u64::MAX))
        };
        let rows: Vec<[u64; 3]> = (0..100_000u32)
            .map(|i| {
                let years = (i % 7 != 0).then_some(f64::from(i % 23) / 2.0);
                row(
                    f64::from(i % 11) * 5.0,
                    years,
                    1.7e9 + f64::from(i * 37 % 90_000),
                )
            })
            .collect();
        let packed: Vec<u64> = rows.concat();
        let group: Vec<usize> = (0..rows.len()).filter(|k| k % 3 != 1).collect();
        let got = word_order(&packed, 3, &group).expect("fits two words");
        let mut want = group.clone();
        want.sort_by_key(|&k| (rows[k], k));
        assert_eq!(got, want);
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #[test]
        fn word_order_is_the_order_of_the_keys_then_the_place(
            width in 1usize..4,
            values in proptest::collection::vec(
                proptest::prop_oneof![
                    // Few values, as scores and years; any value; none.
                    (0u64..6).prop_map(|v| 0x4059_0000_0000_0000 - (v << 46)),
                    proptest::prelude::any::<u64>(),
                    proptest::strategy::Just(u64::MAX),
                ],
                0..120,
            ),
            pick in proptest::collection::vec(proptest::prelude::any::<bool>(), 40),
        ) {
            let rows = values.len() / width;
            let group: Vec<usize> = (0..rows).filter(|&k| pick[k % pick.len()]).collect();
            let mut want = group.clone();
            want.sort_by_key(|&k| (&values[k * width..(k + 1) * width], k));
            if let Some(got) = word_order(&values, width, &group) {
                proptest::prop_assert_eq!(got, want);
            }
        }
    }
}
