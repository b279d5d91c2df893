//! Three-valued evaluation of a posting's rules against one candidate, with points.
//!
//! Every rule gives pass, fail or unknown; unknown (a blank or unreadable cell) never rejects,
//! it sends the candidate to review. Each leaf keeps what it read and what it wanted, so that
//! every decision can be explained. Pure: no I/O.

use crate::cells::{Value, dates::Deadline};
use crate::lexicon::isced::Standing;
use crate::lexicon::{Level, Term, degree_words};
use crate::posting::{FieldId, FieldType, NamedRule, Posting, Rule};
pub use crate::store::Cells;
use crate::store::{Hits, RowKeys};
use crate::text::fold;
use rustc_hash::FxHashMap;

mod outcomes;
#[cfg(test)]
pub(crate) mod testing;
pub use outcomes::{Compact, ManyOutcomes, Outcomes};

/// The outcome of a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// The rule holds.
    Pass,
    /// The rule does not hold.
    Fail,
    /// A needed value is blank or cannot be read.
    Unknown,
}

impl Outcome {
    /// `pass`, `fail` or `unknown`.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Unknown => "unknown",
        }
    }

    /// The outcome as a number of two bits: 0 pass, 1 fail, 2 unknown.
    pub fn code(self) -> u64 {
        match self {
            Outcome::Pass => 0,
            Outcome::Fail => 1,
            Outcome::Unknown => 2,
        }
    }

    /// The outcome of a [`Self::code`].
    pub fn from_code(code: u64) -> Outcome {
        match code {
            0 => Outcome::Pass,
            1 => Outcome::Fail,
            _ => Outcome::Unknown,
        }
    }

    fn not(self) -> Outcome {
        match self {
            Outcome::Pass => Outcome::Fail,
            Outcome::Fail => Outcome::Pass,
            Outcome::Unknown => Outcome::Unknown,
        }
    }

    /// Three-valued AND.
    pub fn all(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
        let mut unknown = false;
        for o in outcomes {
            match o {
                Outcome::Fail => return Outcome::Fail,
                Outcome::Unknown => unknown = true,
                Outcome::Pass => {}
            }
        }
        if unknown {
            Outcome::Unknown
        } else {
            Outcome::Pass
        }
    }

    /// Three-valued OR: the negation of the AND of the negations.
    pub fn any(outcomes: impl IntoIterator<Item = Outcome>) -> Outcome {
        Outcome::all(outcomes.into_iter().map(Outcome::not)).not()
    }
}

/// A rule's outcome and the points it earned.
pub type Scored = (Outcome, f64);

/// What a leaf rule read, for explanations.
#[derive(Clone, Debug, PartialEq)]
pub struct Leaf {
    /// The fields read.
    pub fields: Vec<FieldId>,
    /// Which of them were blank or unreadable.
    pub unknown: Vec<FieldId>,
    /// For `includes`: the items the list lacks.
    pub missing: Vec<String>,
}

/// The evaluation of one rule, with its sub-rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Eval {
    /// Pass, fail or unknown.
    pub outcome: Outcome,
    /// For a leaf rule: the fields it read.
    pub leaf: Option<Leaf>,
    /// For `all_of`, `any_of`, `not`: the sub-rules' evaluations.
    pub children: Vec<Eval>,
}

/// The evaluation of a top-level rule.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleEval {
    /// The outcome and its tree.
    pub eval: Eval,
    /// Points earned, for a preference.
    pub points: f64,
}

/// Combinations of cells remembered per rule, at most.
const MEMO_ENTRIES: usize = 1 << 16;

/// Combinations remembered by all the rules of a memo together, at most: the memory of a
/// reading thread does not grow with the number of rules.
const MEMO_TOTAL: usize = 1 << 20;

/// Outcomes and points of the top-level rules, by the distinct cells each reads: exports
/// repeat the same answers, so most rows need no rule evaluated.
#[derive(Debug, Default)]
pub struct Memo {
    rules: Vec<RuleMemo>,
}

#[derive(Debug)]
struct RuleMemo {
    /// The fields the rule reads.
    fields: Vec<FieldId>,
    /// The field of a rule of one field.
    single: Option<FieldId>,
    seen: FxHashMap<u64, Remembered>,
    /// For a rule of one field, by the cell's id: no hashing.
    dense: Vec<Remembered>,
    /// Combinations this rule remembers at most: its share of [`MEMO_TOTAL`].
    cap: usize,
}

/// What a rule gave for some cells, once remembered: its outcome and points, the points
/// exactly as a full evaluation gives them (so that a score and its explanation agree).
type Remembered = Option<(Outcome, f64)>;

impl RuleMemo {
    /// What the rule gave for the cells of the row of `keys`, if remembered; and the key to
    /// remember it by, if any.
    #[inline(always)]
    fn lookup(&self, keys: &RowKeys) -> (Remembered, Option<u64>) {
        let key = match self.single {
            Some(f) => match keys.get(f) {
                Some(id) => {
                    let known = self.dense.get(id as usize).copied().unwrap_or_default();
                    return (known, Some(u64::from(id)));
                }
                None => None,
            },
            None => cells_key(&self.fields, keys),
        };
        let known = key.and_then(|k| self.seen.get(&k).copied());
        (known.unwrap_or_default(), key)
    }

    /// Remembers what the rule gave for the cells of `key`, up to `cap` of them.
    fn remember(&mut self, key: u64, result: Remembered) {
        if self.single.is_some() {
            if let Some(k) = usize::try_from(key).ok().filter(|k| *k < self.cap) {
                if self.dense.len() <= k {
                    self.dense.resize(k + 1, None);
                }
                self.dense[k] = result;
            }
        } else if self.seen.len() < self.cap {
            self.seen.insert(key, result);
        }
    }
}

/// The distinct cells of `fields` in one number, the same for rows whose cells of these
/// fields are the same; none when a field's cells are not kept distinct, or too many to pack.
pub fn cells_key(fields: &[FieldId], keys: &RowKeys) -> Option<u64> {
    let n = fields.len().max(1) as u32;
    let bits = 64 / n;
    let mut key = 0u64;
    for &f in fields {
        let id = u64::from(keys.get(f)?);
        if bits < 64 && id >> bits != 0 {
            return None;
        }
        key = key.checked_shl(bits).unwrap_or(0) | id;
    }
    Some(key)
}

/// The terms a rule seeks (the subjects of a `degree` rule, the items of an `includes`
/// rule), with their bits in [`Hits`].
struct TermGroup {
    terms: Vec<Term>,
    /// The bits of its terms, adjacent; none past [`TERM_BITS`], where terms are matched from
    /// the values instead.
    mask: Option<Hits>,
    /// The list field whose items these are, for an `includes` rule.
    items_of: Option<FieldId>,
}

/// A rule compiled once: the posting's rule, each rule that seeks terms holding its group.
enum Node<'p> {
    /// A rule that reads cells, and its term group in [`Engine::groups`], if it seeks terms.
    Leaf {
        rule: &'p Rule,
        group: Option<usize>,
    },
    AllOf(Vec<Node<'p>>),
    AnyOf(Vec<Node<'p>>),
    Not(Box<Node<'p>>),
}

/// The posting's rules compiled once, ready to evaluate many candidates.
pub struct Engine<'p> {
    posting: &'p Posting,
    /// Every term group, in the order of the rules: their bits follow one another.
    groups: Vec<TermGroup>,
    /// Fields whose cells are matched against terms.
    matched: Vec<bool>,
    /// Each top-level rule compiled (requirements, then preferences).
    rules: Vec<Node<'p>>,
}

impl<'p> Engine<'p> {
    /// Compiles the rules of `posting`: one walk gives each rule that seeks terms its group
    /// and its bits.
    pub fn new(posting: &'p Posting) -> Self {
        let mut engine = Engine {
            posting,
            groups: Vec::new(),
            matched: vec![false; posting.fields.len()],
            rules: Vec::new(),
        };
        let mut next_bit = 0u32;
        for r in posting.requirements.iter().chain(&posting.preferences) {
            let node = engine.compile(&r.rule, &mut next_bit);
            engine.rules.push(node);
        }
        engine
    }

    /// `rule` compiled, its term groups added after those of the rules before it.
    fn compile(&mut self, rule: &'p Rule, next_bit: &mut u32) -> Node<'p> {
        let synonyms = &self.posting.synonyms;
        let (names, items_of) = match rule {
            Rule::AllOf(rs) => {
                return Node::AllOf(rs.iter().map(|r| self.compile(r, next_bit)).collect());
            }
            Rule::AnyOf(rs) => {
                return Node::AnyOf(rs.iter().map(|r| self.compile(r, next_bit)).collect());
            }
            Rule::Not(r) => return Node::Not(Box::new(self.compile(r, next_bit))),
            Rule::Degree {
                field,
                also,
                subjects,
                ..
            } => {
                if !subjects.is_empty() {
                    for f in std::iter::once(*field).chain(*also) {
                        self.matched[f] = true;
                    }
                }
                (subjects, None)
            }
            Rule::Includes { field, items } => {
                self.matched[*field] = true;
                (items, Some(*field))
            }
            _ => return Node::Leaf { rule, group: None },
        };
        let terms: Vec<Term> = names.iter().map(|n| Term::new(n, synonyms)).collect();
        let mut mask: Option<Hits> = Some(0);
        for _ in &terms {
            match mask {
                Some(m) if *next_bit < TERM_BITS => {
                    mask = Some(m | 1 << *next_bit);
                    *next_bit += 1;
                }
                _ => mask = None,
            }
        }
        // Past the bits, every later term too is matched from the values.
        if mask.is_none() {
            *next_bit = TERM_BITS;
        }
        self.groups.push(TermGroup {
            terms,
            mask,
            items_of,
        });
        Node::Leaf {
            rule,
            group: Some(self.groups.len() - 1),
        }
    }

    /// Top-level rule `k` (requirements first, then preferences), compiled.
    fn top_rule(&self, k: usize) -> Option<&Node<'p>> {
        self.rules.get(k)
    }

    /// The outcome and points of each top-level rule (requirements first), as
    /// [`Self::evaluate`] gives them, without the trees; outcomes looked up in `memo` as
    /// [`Self::outcomes_with`] does.
    pub fn outcomes_and_points(&self, cells: &Cells, memo: &mut Memo) -> Vec<Scored> {
        let compact = self.outcomes_with(cells, memo);
        let p = self.posting;
        p.requirements
            .iter()
            .chain(&p.preferences)
            .enumerate()
            .map(|(k, r)| {
                let outcome = compact.outcomes.get(k).unwrap_or(Outcome::Unknown);
                // Points as the full evaluation gives them, not as the memo keeps them.
                let points = match (r.weight, outcome) {
                    (Some(w), Outcome::Pass) => w * credit(&r.rule, cells),
                    _ => 0.0,
                };
                (outcome, points)
            })
            .collect()
    }

    /// The evaluation of top-level rule `k` with its tree, as [`Self::evaluate`] gives it.
    pub fn rule_tree(&self, k: usize, cells: &Cells) -> Option<Eval> {
        let node = self.top_rule(k)?;
        let deadline = self.posting.meta.deadline.as_ref();
        Some(self.eval(node, cells, deadline, true))
    }

    /// The terms a value of field `field` names, as bits (0 for fields no term is sought in):
    /// for each term, whether the value names it (a list) or stands within it (a diploma's
    /// fields), whether it stands only above it ([`ABOVE`] bits), and for a diploma text
    /// whether it names a field at all ([`NAMES_FIELD`]) and holds unread words ([`UNREAD`]).
    pub fn hits(&self, field: FieldId, value: &Value) -> Hits {
        if !self.matched.get(field).copied().unwrap_or(false) {
            return 0;
        }
        let own;
        let (text, named) = match value {
            Value::Degree(d) => (&d.words, &d.named),
            Value::Text(t) => {
                let w = degree_words(t);
                let n = crate::lexicon::isced::named(&w);
                own = (w, n);
                (&own.0, &own.1)
            }
            Value::List(_) => (&Vec::new(), &crate::lexicon::isced::Named::default()),
            _ => return 0,
        };
        let mut hits: Hits = 0;
        if !named.fields.is_empty() {
            hits |= NAMES_FIELD;
        }
        if named.unread {
            hits |= UNREAD;
        }
        let mut bit = 0u32;
        for group in &self.groups {
            for term in &group.terms {
                if bit >= TERM_BITS {
                    return hits;
                }
                let standing = match value {
                    Value::List(items) if items.has(term) => Standing::Within,
                    Value::List(_) => Standing::Elsewhere,
                    _ => term.standing_in(text, named),
                };
                match standing {
                    Standing::Within => hits |= 1 << bit,
                    Standing::Above => hits |= 1 << (bit + ABOVE),
                    Standing::Elsewhere => {}
                }
                bit += 1;
            }
        }
        hits
    }

    /// The posting evaluated.
    pub fn posting(&self) -> &Posting {
        self.posting
    }

    /// The items the posting looks for in list field `field`, for splitting list cells.
    pub fn known_items(&self, field: FieldId) -> Vec<Term> {
        self.groups
            .iter()
            .filter(|g| g.items_of == Some(field))
            .flat_map(|g| g.terms.iter().cloned())
            .collect()
    }

    /// Evaluates every requirement, then every preference, of the posting, with the tree of
    /// each rule's parts for explanations.
    pub fn evaluate(&self, cells: &Cells) -> (Vec<RuleEval>, Vec<RuleEval>) {
        let deadline = self.posting.meta.deadline.as_ref();
        let mut nodes = self.rules.iter();
        let mut eval_all = |rules: &[NamedRule]| -> Vec<RuleEval> {
            rules
                .iter()
                .zip(nodes.by_ref())
                .map(|(r, node)| {
                    let eval = self.eval(node, cells, deadline, true);
                    let points = match (r.weight, eval.outcome) {
                        (Some(w), Outcome::Pass) => w * credit(&r.rule, cells),
                        _ => 0.0,
                    };
                    RuleEval { eval, points }
                })
                .collect()
        };
        let requirements = eval_all(&self.posting.requirements);
        let preferences = eval_all(&self.posting.preferences);
        (requirements, preferences)
    }

    /// Evaluates every rule for its outcome and points only, without the trees: what deciding
    /// needs. For many rows, [`Self::outcomes_with`] and one memo spare the repeated work.
    pub fn outcomes(&self, cells: &Cells) -> Compact {
        self.outcomes_with(cells, &mut self.memo())
    }

    /// A memo of rule outcomes for [`Self::outcomes_with`].
    pub fn memo(&self) -> Memo {
        let count = self.posting.requirements.len() + self.posting.preferences.len();
        let cap = (MEMO_TOTAL / count.max(1)).min(MEMO_ENTRIES);
        let rules = self
            .posting
            .requirements
            .iter()
            .chain(&self.posting.preferences)
            .map(|r| {
                let fields = r.rule.fields();
                RuleMemo {
                    single: match fields.as_slice() {
                        [f] => Some(*f),
                        _ => None,
                    },
                    fields,
                    seen: FxHashMap::default(),
                    dense: Vec::new(),
                    cap,
                }
            })
            .collect();
        Memo { rules }
    }

    /// [`Self::outcomes`], each rule's outcome and points looked up in `memo` when the cells
    /// it reads were seen together before.
    pub fn outcomes_with(&self, cells: &Cells, memo: &mut Memo) -> Compact {
        let deadline = self.posting.meta.deadline.as_ref();
        let p = self.posting;
        let keys = cells.keys();
        let mut score = 0.0;
        let len = p.requirements.len() + p.preferences.len();
        let mut bits = 0u64;
        let mut many = Vec::new();
        let rules = p.requirements.iter().chain(&p.preferences).zip(&self.rules);
        for (k, ((r, node), m)) in rules.zip(&mut memo.rules).enumerate() {
            let (known, key) = m.lookup(&keys);
            let (code, points) = match known {
                Some((outcome, points)) => (outcome.code(), points),
                None => {
                    let outcome = self.eval(node, cells, deadline, false).outcome;
                    let points = match (r.weight, outcome) {
                        (Some(w), Outcome::Pass) => w * credit(&r.rule, cells),
                        _ => 0.0,
                    };
                    if let Some(k) = key {
                        m.remember(k, Some((outcome, points)));
                    }
                    (outcome.code(), points)
                }
            };
            score += points;
            if len > Outcomes::PACKED {
                many.push(Outcome::from_code(code));
            } else {
                bits |= code << (2 * k);
            }
        }
        let outcomes = if len > Outcomes::PACKED {
            Outcomes::collect(len, many.into_iter())
        } else {
            Outcomes::Packed {
                bits,
                len: len as u8,
            }
        };
        Compact {
            outcomes,
            score,
            requirements: p.requirements.len(),
        }
    }

    fn eval(&self, node: &Node<'p>, c: &Cells, deadline: Option<&Deadline>, trees: bool) -> Eval {
        let (rule, group) = match node {
            Node::Leaf { rule, group } => (*rule, group.and_then(|g| self.groups.get(g))),
            Node::AllOf(nodes) | Node::AnyOf(nodes) => {
                let children: Vec<Eval> = nodes
                    .iter()
                    .map(|n| self.eval(n, c, deadline, trees))
                    .collect();
                let outcomes = children.iter().map(|e| e.outcome);
                let outcome = if matches!(node, Node::AllOf(_)) {
                    Outcome::all(outcomes)
                } else {
                    Outcome::any(outcomes)
                };
                return Eval {
                    outcome,
                    leaf: None,
                    children: if trees { children } else { Vec::new() },
                };
            }
            Node::Not(inner) => {
                let child = self.eval(inner, c, deadline, trees);
                return Eval {
                    outcome: child.outcome.not(),
                    leaf: None,
                    children: if trees { vec![child] } else { Vec::new() },
                };
            }
        };
        let leaf = |outcome: Outcome, fields: &[FieldId]| {
            if !trees {
                return Eval {
                    outcome,
                    leaf: None,
                    children: Vec::new(),
                };
            }
            let unknown = fields
                .iter()
                .copied()
                .filter(|f| matches!(c.value(*f), Value::Blank | Value::Unknown(_)))
                .collect();
            Eval {
                outcome,
                leaf: Some(Leaf {
                    fields: fields.to_vec(),
                    unknown,
                    missing: Vec::new(),
                }),
                children: Vec::new(),
            }
        };
        // The rule's terms and their bits, for the rules that seek terms.
        let (terms, mask) = group.map_or((&[][..], None), |g| (g.terms.as_slice(), g.mask));
        match rule {
            Rule::Degree {
                field,
                also,
                min_level,
                subjects,
            } => {
                let mut parts = Vec::new();
                if let Some(min) = min_level {
                    parts.push(level_outcome(
                        c.value(*field),
                        also.map(|a| c.value(a)),
                        *min,
                    ));
                }
                if !subjects.is_empty() {
                    let texts = std::iter::once(*field).chain(*also);
                    let any = texts
                        .clone()
                        .any(|f| matches!(c.value(f), Value::Degree(_) | Value::Text(_)));
                    parts.push(match mask {
                        _ if !any => Outcome::Unknown,
                        Some(mask) => subject_from_hits(texts.fold(0, |h, f| h | c.hits(f)), mask),
                        None => subject_outcome(c.value(*field), also.map(|a| c.value(a)), terms),
                    });
                }
                let outcome = Outcome::all(parts);
                match also {
                    Some(a) => leaf(outcome, &[*field, *a]),
                    None => leaf(outcome, &[*field]),
                }
            }
            Rule::Years { field, min, .. } => {
                let o = match c.value(*field) {
                    Value::Years(y) | Value::Number(y) => pass_if(*y >= *min),
                    _ => Outcome::Unknown,
                };
                leaf(o, &[*field])
            }
            Rule::IsYes(f) | Rule::IsNo(f) => {
                let want = matches!(rule, Rule::IsYes(_));
                let o = match c.value(*f) {
                    Value::YesNo(b) => pass_if(*b == want),
                    Value::Blank if self.posting.fields[*f].blank_is_no => pass_if(!want),
                    _ => Outcome::Unknown,
                };
                leaf(o, &[*f])
            }
            Rule::OneOf { field, values } => {
                let o = match text_of(c.value(*field), c.raw(*field)) {
                    Some(t) => {
                        let t = fold(&t);
                        pass_if(values.iter().any(|v| fold(v) == t))
                    }
                    None => Outcome::Unknown,
                };
                leaf(o, &[*field])
            }
            Rule::Contains { field, texts } => {
                let o = match text_of(c.value(*field), c.raw(*field)) {
                    Some(t) => {
                        let t = fold(&t);
                        pass_if(texts.iter().any(|x| t.contains(&fold(x))))
                    }
                    None => Outcome::Unknown,
                };
                leaf(o, &[*field])
            }
            Rule::Includes { field, .. } => {
                let Value::List(items) = c.value(*field) else {
                    return leaf(Outcome::Unknown, &[*field]);
                };
                let found = |k: usize, t: &Term| match mask {
                    Some(mask) => c.hits(*field) & (1 << (mask.trailing_zeros() as usize + k)) != 0,
                    None => items.has(t),
                };
                let all = match mask {
                    Some(mask) => c.hits(*field) & mask == mask,
                    None => terms.iter().enumerate().all(|(k, t)| found(k, t)),
                };
                // A missing item fails only a cell understood whole: what was not understood
                // may be that item.
                let o = match (all, items.understood()) {
                    (true, _) => Outcome::Pass,
                    (false, true) => Outcome::Fail,
                    (false, false) => Outcome::Unknown,
                };
                let mut e = leaf(o, &[*field]);
                if let Some(l) = e.leaf.as_mut() {
                    l.missing = terms
                        .iter()
                        .enumerate()
                        .filter(|(k, t)| !found(*k, t))
                        .map(|(_, t)| t.name.clone())
                        .collect();
                }
                e
            }
            Rule::NotBlank(fields) => {
                let o = pass_if(fields.iter().all(|f| !matches!(c.value(*f), Value::Blank)));
                leaf(o, fields)
            }
            Rule::Number { field, min, max } => {
                let o = match c.value(*field) {
                    Value::Number(n) | Value::Years(n) => {
                        pass_if(min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m))
                    }
                    _ => Outcome::Unknown,
                };
                leaf(o, &[*field])
            }
            Rule::OnTime(field) => {
                let o = match (c.value(*field), deadline) {
                    (Value::Instant(i), Some(d)) => on_time(i, d),
                    _ => Outcome::Unknown,
                };
                leaf(o, &[*field])
            }
            // Compiled into nodes: never a leaf.
            Rule::AllOf(_) | Rule::AnyOf(_) | Rule::Not(_) => leaf(Outcome::Unknown, &[]),
        }
    }
}

fn pass_if(b: bool) -> Outcome {
    if b { Outcome::Pass } else { Outcome::Fail }
}

/// The share of a preference's weight a passing candidate earns: partial for `years` with
/// `full_at`, else all of it.
fn credit(rule: &Rule, c: &Cells) -> f64 {
    match rule {
        Rule::Years {
            field,
            min,
            full_at: Some(full),
        } if full > min => match c.value(*field) {
            Value::Years(y) | Value::Number(y) => ((y - min) / (full - min)).clamp(0.0, 1.0),
            _ => 0.0,
        },
        _ => 1.0,
    }
}

fn level_outcome(value: &Value, also: Option<&Value>, min: Level) -> Outcome {
    let level = |v: &Value| match v {
        Value::Degree(d) => d.level,
        _ => None,
    };
    let best = level(value).max(also.and_then(level));
    match best {
        Some(l) => pass_if(l >= min),
        None => Outcome::Unknown,
    }
}

/// Bits of [`Hits`] for terms; above them, the flags of a diploma text.
const TERM_BITS: u32 = 62;
/// A diploma text names a field of study.
const NAMES_FIELD: Hits = 1 << 62;
/// A diploma text holds words that are neither a field, a level nor a diploma's.
const UNREAD: Hits = 1 << 63;
/// How far above its term's bit a text's "only above the term" bit stands.
const ABOVE: u32 = 64;

/// The subject part of a degree rule from the bits of its cells ([`Engine::hits`]) and its
/// terms' `mask`, as [`subject_outcome`] gives it from the values.
fn subject_from_hits(hits: Hits, mask: Hits) -> Outcome {
    if hits & mask != 0 {
        Outcome::Pass
    } else if (hits >> ABOVE) & mask != 0 {
        Outcome::Unknown
    } else if hits & NAMES_FIELD != 0 && hits & UNREAD == 0 {
        Outcome::Fail
    } else {
        Outcome::Unknown
    }
}

/// The subject part of a degree rule: passes when a cell stands within a subject; unknown
/// when one stands only above a subject (less precise), or when the cells name no field or
/// hold words not understood; fails when they name fields, all elsewhere, and nothing else.
fn subject_outcome(value: &Value, also: Option<&Value>, terms: &[Term]) -> Outcome {
    let mut outcomes = Vec::new();
    let mut names_field = false;
    let mut unread = false;
    for v in std::iter::once(value).chain(also) {
        let (text, named) = match v {
            Value::Degree(d) => (d.words.clone(), d.named.clone()),
            Value::Text(t) => {
                let w = degree_words(t);
                let n = crate::lexicon::isced::named(&w);
                (w, n)
            }
            _ => continue,
        };
        names_field |= !named.fields.is_empty();
        unread |= named.unread;
        outcomes.extend(terms.iter().map(|t| match t.standing_in(&text, &named) {
            Standing::Within => Outcome::Pass,
            Standing::Above => Outcome::Unknown,
            Standing::Elsewhere => Outcome::Fail,
        }));
    }
    match Outcome::any(outcomes) {
        Outcome::Fail if !names_field || unread => Outcome::Unknown,
        o => o,
    }
}

fn text_of(value: &Value, raw: &str) -> Option<String> {
    match value {
        Value::Blank => None,
        _ => Some(raw.trim().to_string()),
    }
}

/// A date alone is on time when its day is before the deadline's day, or is that day and the
/// deadline has no time; on the deadline's day of a deadline with a time, it is unknown.
pub fn on_time(i: &crate::cells::dates::Instant, d: &Deadline) -> Outcome {
    if !i.date_only {
        return pass_if(d.admits(i.at));
    }
    match i.day.cmp(&d.day) {
        std::cmp::Ordering::Less => Outcome::Pass,
        std::cmp::Ordering::Greater => Outcome::Fail,
        std::cmp::Ordering::Equal if d.has_time => Outcome::Unknown,
        std::cmp::Ordering::Equal => Outcome::Pass,
    }
}

/// Whether a field's type reads its cells as free text (for sorting and grouping).
pub fn is_textual(kind: FieldType) -> bool {
    matches!(
        kind,
        FieldType::Text | FieldType::Degree | FieldType::Email | FieldType::Phone
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(yaml: &str) -> Posting {
        let loaded = crate::posting::parse(yaml.as_bytes());
        loaded
            .posting
            .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics))
    }

    const FIELDS: &str = "
posting: { id: t, title: T, deadline: 2024-02-23T12:00:00Z }
fields:
  degree: { column: D, type: degree }
  study: { column: S, type: text }
  years: { column: Y, type: years }
  usaid: { column: U, type: yes_no }
  box: { column: B, type: yes_no, blank: no }
  docs: { column: Docs, type: list }
  at: { column: At, type: datetime }
  place: { column: P, type: text }
  age: { column: A, type: number }
";

    fn cells_for(p: &Posting, engine: &Engine, raw: &[(&str, &str)]) -> Cells {
        let row: Vec<&str> = p
            .fields
            .iter()
            .map(|f| {
                raw.iter()
                    .find(|(n, _)| *n == f.name)
                    .map_or("", |(_, v)| *v)
            })
            .collect();
        let mut table = crate::store::ColumnStore::new(p.fields.len());
        table.push(row, |f, cell| {
            super::testing::read_for_test(engine, f, cell)
        });
        Cells::new(std::sync::Arc::new(table), 0)
    }

    fn outcome(rules: &str, raw: &[(&str, &str)]) -> Outcome {
        let p = posting(&format!("{FIELDS}requirements:\n  - id: r\n    {rules}\n"));
        let e = Engine::new(&p);
        let c = cells_for(&p, &e, raw);
        e.evaluate(&c).0[0].eval.outcome
    }

    /// The outcome of requirement `k` of `p`, fully evaluated and through the memo: they agree.
    fn outcome_of(p: &Posting, k: usize, raw: &[(&str, &str)]) -> Outcome {
        let e = Engine::new(p);
        let c = cells_for(p, &e, raw);
        let full = e.evaluate(&c).0[k].eval.outcome;
        let compact = e.outcomes_with(&c, &mut e.memo());
        assert_eq!(compact.outcomes.get(k), Some(full));
        full
    }

    use Outcome::*;

    #[test]
    fn remembered_outcomes_are_those_evaluated() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let yaml = std::fs::read_to_string(root.join("postings/jigi-district-officer.yaml"))
            .expect("posting");
        let p = posting(&yaml);
        let e = Engine::new(&p);
        let (table, rows) =
            super::testing::example(&e, "examples/google-forms-district-officer.csv");
        let mut memo = e.memo();
        let mut remembered = 0;
        for row in 0..rows {
            let c = Cells::new(table.clone(), row);
            let compact = e.outcomes_with(&c, &mut memo);
            assert_eq!(compact, e.outcomes(&c), "row {row}");
            // The same as evaluating every rule in full, points and all.
            let (req, pref) = e.evaluate(&c);
            let full: Vec<Outcome> = req.iter().chain(&pref).map(|r| r.eval.outcome).collect();
            assert_eq!(
                compact.outcomes.iter().collect::<Vec<_>>(),
                full,
                "row {row}"
            );
            let score: f64 = req.iter().chain(&pref).map(|r| r.points).sum();
            assert_eq!(compact.score, score, "row {row}");
            remembered = memo
                .rules
                .iter()
                .map(|r| r.seen.len() + r.dense.iter().filter(|d| d.is_some()).count())
                .sum::<usize>();
        }
        assert!(
            rows > 50 && remembered > 0,
            "{rows} rows, {remembered} remembered"
        );
    }

    #[test]
    fn more_rules_than_a_word_holds_keep_every_outcome() {
        // Requirements that pass, fail or cannot be read, in turn: 40 outcomes, past the 32
        // one word holds.
        let rules = [
            "is_yes: usaid",
            "is_no: usaid",
            "years: { field: years, min: 3 }",
        ];
        let yaml: String = (0..40)
            .map(|k| format!("  - id: r{k}\n    {}\n", rules[k % 3]))
            .collect();
        let p = posting(&format!("{FIELDS}requirements:\n{yaml}"));
        let e = Engine::new(&p);
        let c = cells_for(&p, &e, &[("usaid", "oui")]);
        let compact = e.outcomes_with(&c, &mut e.memo());
        let (req, _) = e.evaluate(&c);
        let full: Vec<Outcome> = req.iter().map(|r| r.eval.outcome).collect();
        assert_eq!(full.len(), 40);
        assert_eq!(full[..3], [Pass, Fail, Unknown]);
        assert_eq!(compact.outcomes.iter().collect::<Vec<_>>(), full);
    }

    #[test]
    fn degree_rules() {
        let subj = "degree: { field: degree, also: study, subjects: [sociologie, médecine] }";
        assert_eq!(outcome(subj, &[("degree", "Licence en sociolgie")]), Pass);
        assert_eq!(
            outcome(subj, &[("degree", "Licence"), ("study", "Sociologie")]),
            Pass
        );
        assert_eq!(outcome(subj, &[("degree", "Licence en géographie")]), Fail);
        assert_eq!(outcome(subj, &[]), Unknown);
        let lvl = "degree: { field: degree, min_level: bac+3 }";
        assert_eq!(outcome(lvl, &[("degree", "Master 2")]), Pass);
        assert_eq!(outcome(lvl, &[("degree", "BTS")]), Fail);
        assert_eq!(outcome(lvl, &[("degree", "Diplôme d'études")]), Unknown);
        let both = "degree: { field: degree, min_level: bac+3, subjects: [sociologie] }";
        assert_eq!(outcome(both, &[("degree", "BTS sociologie")]), Fail);
        assert_eq!(
            outcome(both, &[("degree", "Diplôme de sociologie")]),
            Unknown
        );
        assert_eq!(outcome(both, &[("degree", "Master de sociologie")]), Pass);
    }

    #[test]
    fn subjects_are_fields_of_study_in_a_tree() {
        let rule = |subjects: &str| {
            format!("degree: {{ field: degree, also: study, subjects: [{subjects}] }}")
        };
        let money = rule("comptabilité, finance");
        for pass in [
            "Maîtrise en gestion financière et comptable",
            "Sciences comptables",
            "DESCF",
            "BTS comptabilité",
        ] {
            assert_eq!(outcome(&money, &[("degree", pass)]), Pass, "{pass}");
        }
        assert_eq!(
            outcome(&money, &[("degree", "Licence en sociologie")]),
            Fail
        );
        // Nothing says the field: a person reads the CV.
        assert_eq!(outcome(&money, &[("degree", "Licence")]), Unknown);
        assert_eq!(
            outcome(&money, &[("degree", "Licence"), ("study", "")]),
            Unknown
        );
        // A word nobody knows beside a field elsewhere: that word may be the field.
        assert_eq!(
            outcome(
                &money,
                &[("degree", "Licence en sociologie et zorglubologie")]
            ),
            Unknown
        );
        let medicine = rule("médecine");
        assert_eq!(
            outcome(&medicine, &[("degree", "Doctorat en médecine vétérinaire")]),
            Fail
        );
        assert_eq!(
            outcome(&medicine, &[("degree", "Docteur en médecine")]),
            Pass
        );
        let public = rule("santé publique");
        assert_eq!(
            outcome(&public, &[("degree", "Master"), ("study", "Santé")]),
            Unknown
        );
        assert_eq!(
            outcome(&public, &[("degree", "Master en santé communautaire")]),
            Fail
        );
        assert_eq!(outcome(&public, &[("degree", "MPH")]), Pass);
        assert_eq!(
            outcome(&rule("santé"), &[("degree", "Licence en soins infirmiers")]),
            Pass
        );
        let tss = rule("technicien supérieur de santé");
        assert_eq!(outcome(&tss, &[("degree", "TSS")]), Pass);
        assert_eq!(outcome(&tss, &[("degree", "Technicien de santé")]), Unknown);
        // The general secondary diplomas name no field of higher studies of their own.
        assert_eq!(
            outcome(&rule("sociologie"), &[("degree", "Baccalauréat")]),
            Fail
        );
        assert_eq!(
            outcome(&rule("sociologie"), &[("degree", "Bac + 3")]),
            Unknown
        );
        // A diploma not obtained gives the level obtained besides it, or none.
        let master = "degree: { field: degree, min_level: bac+5 }";
        assert_eq!(outcome(master, &[("degree", "Master en cours")]), Unknown);
        assert_eq!(
            outcome(master, &[("degree", "Licence, Master en cours")]),
            Fail
        );
        assert_eq!(outcome(master, &[("degree", "Masters 1")]), Fail);
    }

    /// The subject part read from a row's bits is the one read from its values.
    #[test]
    fn subject_bits_give_the_outcome_of_the_values() {
        let degrees = [
            "",
            "Licence",
            "Licence en sociolgie",
            "Master en santé publique",
            "Santé",
            "Médecine vétérinaire",
            "DEF",
            "Bac + 3",
            "Licence en zorglubologie",
            "TSS",
            "Maîtrise en gestion financière et comptable",
            "Technicien de santé",
            "Licence en géographie, Université de Bamako",
        ];
        let studies = [
            "",
            "Sociologie",
            "Santé communautaire",
            "zorglub",
            "Comptabilité",
        ];
        for subjects in [
            "sociologie",
            "santé publique, médecine",
            "santé",
            "comptabilité, finance",
            "gouvernance locale",
            "sciences sociales, technicien supérieur de santé",
        ] {
            let yaml = format!(
                "{FIELDS}requirements:\n  - id: r\n    degree: {{ field: degree, also: study, subjects: [{subjects}] }}\n"
            );
            let p = posting(&yaml);
            let e = Engine::new(&p);
            let id = |name: &str| p.fields.iter().position(|f| f.name == name).unwrap_or(0);
            let (degree, study) = (id("degree"), id("study"));
            for d in degrees {
                for s in studies {
                    let c = cells_for(&p, &e, &[("degree", d), ("study", s)]);
                    let fast = e.evaluate(&c).0[0].eval.outcome;
                    let texts = [c.value(degree), c.value(study)];
                    let plain = if texts
                        .iter()
                        .any(|v| matches!(v, Value::Degree(_) | Value::Text(_)))
                    {
                        subject_outcome(c.value(degree), Some(c.value(study)), &e.groups[0].terms)
                    } else {
                        Unknown
                    };
                    assert_eq!(fast, plain, "{d:?} / {s:?} for {subjects}");
                }
            }
        }
    }

    proptest::proptest! {
        /// A cell that no reader understands never makes a rule fail, whatever the rule.
        #[test]
        fn an_unread_cell_never_makes_a_rule_fail(
            word in "zq[a-z]{2,6}",
            shape in 0usize..4,
        ) {
            let cell = match shape {
                0 => word.clone(),
                1 => format!("{word} 3"),
                2 => format!("3 {word}"),
                _ => format!("{word} ?"),
            };
            for rule in [
                "degree: { field: degree, min_level: bac+3 }",
                "degree: { field: degree, subjects: [sociologie] }",
                "degree: { field: degree, also: study, min_level: bac+3, subjects: [sociologie] }",
                "years: { field: years, min: 3 }",
                "is_yes: usaid",
                "is_no: usaid",
                "is_yes: box",
                "includes: { field: docs, items: [CV, lettre de motivation] }",
                "number: { field: age, min: 18, max: 60 }",
                "on_time: at",
                "not: { years: { field: years, min: 3 } }",
                "not: { is_yes: usaid }",
                "all_of: [{ is_yes: usaid }, { years: { field: years, min: 1 } }]",
                "any_of: [{ on_time: at }, { number: { field: age, max: 30 } }]",
            ] {
                let raw: Vec<(&str, &str)> = ["degree", "study", "years", "usaid", "box", "docs", "at", "age"]
                    .iter()
                    .map(|f| (*f, cell.as_str()))
                    .collect();
                let got = outcome(rule, &raw);
                proptest::prop_assert_ne!(got, Fail, "{} with {:?}", rule, cell);
            }
        }
    }

    #[test]
    fn years_yes_no_and_blank_rules() {
        let y = "years: { field: years, min: 3 }";
        assert_eq!(outcome(y, &[("years", "trois ans")]), Pass);
        assert_eq!(outcome(y, &[("years", "18 mois")]), Fail);
        assert_eq!(outcome(y, &[("years", "quelques années")]), Unknown);
        assert_eq!(outcome(y, &[("years", "")]), Unknown);
        assert_eq!(outcome("is_yes: usaid", &[("usaid", "Oui")]), Pass);
        assert_eq!(outcome("is_yes: usaid", &[("usaid", "non")]), Fail);
        assert_eq!(outcome("is_yes: usaid", &[]), Unknown);
        assert_eq!(outcome("is_no: box", &[]), Pass);
        assert_eq!(outcome("is_yes: box", &[]), Fail);
        assert_eq!(
            outcome(
                "not_blank: [usaid, place]",
                &[("usaid", "peut-être"), ("place", "x")]
            ),
            Pass
        );
        assert_eq!(
            outcome("not_blank: [usaid, place]", &[("usaid", "oui")]),
            Fail
        );
    }

    #[test]
    fn text_list_number_and_time_rules() {
        let one = "one_of: { field: place, values: [Sikasso, Bougouni] }";
        assert_eq!(outcome(one, &[("place", " sikasso ")]), Pass);
        assert_eq!(outcome(one, &[("place", "Kayes")]), Fail);
        let has = "contains: { field: place, text: AN KA JIKO }";
        assert_eq!(
            outcome(has, &[("place", "Poste : chargé  An Ka Jiko")]),
            Pass
        );
        assert_eq!(outcome(has, &[("place", "Poste : chargé")]), Fail);
        let inc = "includes: { field: docs, items: [CV, lettre de motivation] }";
        // `LM` may be the letter: not understood, so the rule cannot fail.
        assert_eq!(outcome(inc, &[("docs", "CV, LM, diplôme")]), Unknown);
        assert_eq!(outcome(inc, &[("docs", "CV, diplôme")]), Fail);
        assert_eq!(
            outcome(inc, &[("docs", "CV et lettre de recommandation")]),
            Fail
        );
        assert_eq!(
            outcome(inc, &[("docs", "CV et lettre de motivation")]),
            Pass
        );
        assert_eq!(outcome(inc, &[("docs", "CV; cover letter")]), Pass);
        assert_eq!(outcome(inc, &[("docs", "cv lettre_motivation")]), Pass);
        assert_eq!(outcome(inc, &[]), Unknown);
        let num = "number: { field: age, min: 18, max: 35 }";
        assert_eq!(outcome(num, &[("age", "35")]), Pass);
        assert_eq!(outcome(num, &[("age", "36")]), Fail);
        assert_eq!(
            outcome("on_time: at", &[("at", "2024/02/23 12:00:00 PM UTC")]),
            Pass
        );
        assert_eq!(
            outcome("on_time: at", &[("at", "2024/02/23 12:00:01 PM UTC")]),
            Fail
        );
        assert_eq!(outcome("on_time: at", &[("at", "22/02/2024")]), Pass);
        assert_eq!(outcome("on_time: at", &[("at", "23/02/2024")]), Unknown);
        assert_eq!(outcome("on_time: at", &[("at", "24/02/2024")]), Fail);
    }

    #[test]
    fn combinators_are_three_valued() {
        let any = "any_of: [ { is_yes: usaid }, { years: { field: years, min: 3 } } ]";
        assert_eq!(outcome(any, &[("usaid", "non"), ("years", "5")]), Pass);
        assert_eq!(outcome(any, &[("usaid", "non"), ("years", "")]), Unknown);
        assert_eq!(outcome(any, &[("usaid", "non"), ("years", "1")]), Fail);
        let all = "all_of: [ { is_yes: usaid }, { years: { field: years, min: 3 } } ]";
        assert_eq!(outcome(all, &[("usaid", "non"), ("years", "")]), Fail);
        assert_eq!(outcome(all, &[("usaid", "oui"), ("years", "")]), Unknown);
        assert_eq!(outcome(all, &[("usaid", "oui"), ("years", "4")]), Pass);
        assert_eq!(outcome("not: { is_yes: usaid }", &[("usaid", "non")]), Pass);
        assert_eq!(outcome("not: { is_yes: usaid }", &[]), Unknown);
    }

    #[test]
    fn term_groups_take_adjacent_bits_in_rule_order() {
        let p = posting(&format!(
            "{FIELDS}requirements:\n  - id: a\n    any_of:\n      - degree: {{ field: degree, subjects: [sociologie, médecine] }}\n      - not:\n          includes: {{ field: docs, items: [cv, lettre, diplôme] }}\n  - id: b\n    years: {{ field: years, min: 2 }}\n  - id: c\n    includes: {{ field: docs, items: [casier] }}\n"
        ));
        let e = Engine::new(&p);
        let masks: Vec<Option<Hits>> = e.groups.iter().map(|g| g.mask).collect();
        assert_eq!(masks, [Some(0b11), Some(0b11100), Some(0b100000)]);
        let docs = p.field_id("docs").expect("docs");
        let items: Vec<String> = e.known_items(docs).into_iter().map(|t| t.name).collect();
        assert_eq!(items, ["cv", "lettre", "diplôme", "casier"]);
        assert!(e.matched[p.field_id("degree").expect("degree")]);
        assert!(!e.matched[p.field_id("years").expect("years")]);
    }

    #[test]
    fn terms_past_the_bits_are_matched_from_values() {
        let items: Vec<String> = (0..70).map(|i| format!("piece{i}")).collect();
        let p = posting(&format!(
            "{FIELDS}requirements:\n  - id: a\n    includes: {{ field: docs, items: [{}] }}\n  - id: b\n    includes: {{ field: docs, items: [cv] }}\n",
            items.join(", ")
        ));
        let e = Engine::new(&p);
        let masks: Vec<Option<Hits>> = e.groups.iter().map(|g| g.mask).collect();
        assert_eq!(masks, [None, None]);
        let all = items.join(", ");
        assert_eq!(outcome_of(&p, 0, &[("docs", all.as_str())]), Pass);
        assert_eq!(outcome_of(&p, 1, &[("docs", "cv")]), Pass);
        assert_eq!(outcome_of(&p, 1, &[("docs", "piece3")]), Fail);
    }

    #[test]
    fn preferences_earn_points() {
        let p = posting(&format!(
            "{FIELDS}preferences:\n  - id: exp\n    weight: 30\n    years: {{ field: years, min: 3, full_at: 8 }}\n  - id: usaid\n    weight: 10\n    is_yes: usaid\n"
        ));
        let e = Engine::new(&p);
        for (years, usaid, want) in [
            ("3", "oui", 10.0),
            ("5,5", "non", 15.0),
            ("10", "oui", 40.0),
            ("2", "", 0.0),
        ] {
            let c = cells_for(&p, &e, &[("years", years), ("usaid", usaid)]);
            let points: f64 = e.evaluate(&c).1.iter().map(|r| r.points).sum();
            assert!((points - want).abs() < 1e-9, "{years} {usaid}: {points}");
        }
        assert_eq!(p.score_max(), 40.0);
    }

    #[test]
    fn a_posting_without_preferences_scores_at_most_plus_zero() {
        let p = posting(&format!(
            "{FIELDS}requirements:\n  - id: exp\n    years: {{ field: years, min: 3 }}\n"
        ));
        assert!(p.score_max() == 0.0 && p.score_max().is_sign_positive());
    }
}
