//! Decisions in words, in French or English: the detail of each rule (the cells read, what
//! they say, what was required) and the reasons for each status.

use crate::cells::{Value, dates::Instant};
use crate::engine::{Cells, Engine, Eval, Outcome, Scored};
use crate::i18n::Lang;
use crate::output::{when, words};

use crate::posting::{FieldId, NamedRule, Posting, Rule};
use crate::rank::Status;
use crate::screen::{Entry, Input, Screening};

/// A number as people write it: `1,5` in French, `1.5` in English, no needless decimals.
pub fn number(n: f64, lang: Lang) -> String {
    let mut out = String::new();
    push_number(&mut out, n, lang);
    out
}

/// Appends [`number`] to `out`.
pub fn push_number(out: &mut String, n: f64, lang: Lang) {
    use std::fmt::Write;
    // Whole numbers (rows, ranks, scores and points mostly are) in digits, without rounding
    // (a call to libm on this target) or the formatting machinery, which took a twentieth of
    // an output's instructions (callgrind, 100k rows).
    let whole = n as i64;
    if whole as f64 == n && whole.unsigned_abs() < 1_000_000_000_000_000 {
        push_whole(out, whole);
        return;
    }
    let rounded = (n * 100.0).round() / 100.0;
    let start = out.len();
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        push_whole(out, rounded as i64);
        return;
    }
    let _ = if rounded.fract() == 0.0 {
        write!(out, "{}", rounded as i64)
    } else {
        write!(out, "{rounded}")
    };
    if lang == Lang::Fr
        && let Some(dot) = out[start..].find('.')
    {
        out.replace_range(start + dot..start + dot + 1, ",");
    }
}

/// Appends a whole number's digits.
fn push_whole(out: &mut String, whole: i64) {
    if whole < 0 {
        out.push('-');
    }
    let mut left = whole.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (left % 10) as u8;
        left /= 10;
        if left == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[k..]).unwrap_or_default());
}

/// Appends `s` trimmed, made printable and quoted: `« s »`, or `"s"` in English.
fn push_quoted(out: &mut String, s: &str, lang: Lang) {
    let (open, close) = match lang {
        Lang::Fr => ("« ", " »"),
        Lang::En => ("\"", "\""),
    };
    out.push_str(open);
    out.push_str(&crate::text::printable(s.trim()));
    out.push_str(close);
}

/// A cell as read: its raw text and column, or that it is blank.
fn cell(p: &Posting, c: &Cells, f: FieldId, lang: Lang) -> String {
    let column = &p.fields[f].column;
    // Pieces pushed in turn: written for every candidate of a big file.
    let mut out = String::with_capacity(column.len() + c.raw(f).len() + 12);
    out.push_str(column);
    out.push_str(lang.pick(" : ", ": "));
    match c.value(f) {
        Value::Blank => out.push_str(lang.pick("vide", "blank")),
        _ => push_quoted(&mut out, c.raw(f), lang),
    }
    out
}

fn unreadable(lang: Lang, what_fr: &str, what_en: &str) -> String {
    match lang {
        Lang::Fr => format!("ne se lit pas comme {what_fr}"),
        Lang::En => format!("does not read as {what_en}"),
    }
}

fn list(items: &[String], lang: Lang) -> String {
    let sep = lang.pick(" ; ", "; ");
    items.join(sep)
}

/// Details of top-level rules already written, by the distinct cells each rule read: an
/// output of every candidate writes the same few thousand details over and over.
pub struct Details {
    lang: Lang,
    fields: Vec<Vec<crate::posting::FieldId>>,
    /// Per rule, by the table's serial and the key of the cells the rule read.
    seen: Vec<rustc_hash::FxHashMap<(u64, u64), WordedDetail>>,
    /// Rule outcomes remembered, by the serial of the table whose cells they are keyed by.
    memos: rustc_hash::FxHashMap<u64, crate::engine::Memo>,
    /// Same-name reasons, by the first rows they name, how many rows, and whether short.
    same_name: SameNames,
}

/// Same-name reasons by their key: see [`Details::same_name`].
type SameNames = rustc_hash::FxHashMap<([u32; NAMED_SAME_NAME], usize, bool), String>;

/// Tables whose rule outcomes are remembered at once, at most: rows read again go through
/// one table per thread.
const MEMO_TABLES: usize = 8;

/// A detail as text and as a JSON string.
struct WordedDetail {
    text: String,
    json: String,
}

/// A detail given by [`Details::get`]: remembered, or written for this row alone.
pub enum Detail<'a> {
    /// Remembered, with its JSON string.
    Remembered(&'a str, &'a str),
    /// Written now and not remembered.
    Fresh(String),
}

impl Detail<'_> {
    /// The detail's text.
    pub fn text(&self) -> &str {
        match self {
            Detail::Remembered(text, _) => text,
            Detail::Fresh(text) => text,
        }
    }

    /// The detail as a JSON string, quotes included.
    pub fn json(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Detail::Remembered(_, json) => std::borrow::Cow::Borrowed(json),
            Detail::Fresh(text) => std::borrow::Cow::Owned(crate::text::json_string(text)),
        }
    }
}

/// Details remembered per rule, at most.
const DETAILS_PER_RULE: usize = 2048;

impl Details {
    /// Room for the details of `p`'s requirements, then its preferences, in `lang`.
    pub fn new(p: &Posting, lang: Lang) -> Details {
        let fields: Vec<_> = p
            .requirements
            .iter()
            .chain(&p.preferences)
            .map(|r| r.rule.fields())
            .collect();
        let seen = fields.iter().map(|_| Default::default()).collect();
        Details {
            lang,
            fields,
            seen,
            memos: Default::default(),
            same_name: Default::default(),
        }
    }

    /// The outcome and points of each of the posting's rules for the row of `c`
    /// (requirements first), outcomes remembered by the cells they read.
    pub fn outcomes(&mut self, engine: &Engine, c: &Cells) -> Vec<Scored> {
        if self.memos.len() >= MEMO_TABLES && !self.memos.contains_key(&c.table_serial()) {
            self.memos.clear();
        }
        let memo = self
            .memos
            .entry(c.table_serial())
            .or_insert_with(|| engine.memo());
        engine.outcomes_and_points(c, memo)
    }

    /// The detail of top-level rule `k` (requirements first), as [`detail`] writes it:
    /// remembered, written now if it was not. `eval` gives the rule's evaluation, asked for
    /// only when the detail is written.
    pub fn get<E: std::borrow::Borrow<Eval>>(
        &mut self,
        p: &Posting,
        k: usize,
        rule: &Rule,
        eval: impl FnOnce() -> E,
        c: &Cells,
    ) -> Detail<'_> {
        let lang = self.lang;
        let key = self
            .fields
            .get(k)
            .and_then(|fields| crate::engine::cells_key(fields, &c.keys()))
            .map(|key| (c.table_serial(), key));
        let (Some(key), Some(seen)) = (key, self.seen.get_mut(k)) else {
            return Detail::Fresh(detail(p, rule, eval().borrow(), c, lang));
        };
        let full = seen.len() >= DETAILS_PER_RULE;
        let written = match seen.entry(key) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let text = detail(p, rule, eval().borrow(), c, lang);
                if full {
                    return Detail::Fresh(text);
                }
                let json = crate::text::json_string(&text);
                v.insert(WordedDetail { text, json })
            }
        };
        Detail::Remembered(&written.text, &written.json)
    }
}

/// The evaluation of top-level rule `k` of a row, with its tree, for its detail; `outcome`
/// alone if the rule is not there.
pub fn tree(s: &Screening, k: usize, outcome: Outcome, c: &Cells) -> Eval {
    s.engine.rule_tree(k, c).unwrap_or(Eval {
        outcome,
        leaf: None,
        children: Vec::new(),
    })
}

/// What the cells of a degree rule name of fields of study, against the subjects wanted: the
/// fields recognised (and those less precise than a subject), or that none was.
fn fields_read(c: &Cells, fields: [Option<FieldId>; 2], subjects: &[String], lang: Lang) -> String {
    use crate::lexicon::isced::{FIELDS, at_or_below, field_of, named};
    let mut found: Vec<u16> = Vec::new();
    let mut unread = false;
    for f in fields.into_iter().flatten() {
        let n = match c.value(f) {
            Value::Degree(d) => d.named.clone(),
            Value::Text(t) => named(&crate::lexicon::degree_words(t)),
            _ => continue,
        };
        found.extend(n.fields);
        unread |= n.unread;
    }
    found.sort_unstable();
    found.dedup();
    let name = |i: usize| {
        let names = FIELDS.get(i).map_or(&[][..], |f| f.names);
        let k = usize::from(lang == Lang::En);
        names.get(k).or(names.first()).copied().unwrap_or_default()
    };
    if found.is_empty() {
        return lang
            .pick(
                "aucun domaine d'études reconnu",
                "no field of study recognised",
            )
            .to_string();
    }
    let mut out: Vec<String> = Vec::new();
    for &f in &found {
        let f = usize::from(f);
        let finer: Vec<&str> = subjects
            .iter()
            .filter(|s| field_of(s).is_some_and(|want| want != f && at_or_below(want, f)))
            .map(String::as_str)
            .collect();
        out.push(if finer.is_empty() {
            name(f).to_string()
        } else {
            lang.pick(
                &format!("{} (moins précis que {})", name(f), finer.join(", ")),
                &format!("{} (less precise than {})", name(f), finer.join(", ")),
            )
            .to_string()
        });
    }
    let mut text = lang
        .pick("domaine reconnu : ", "field recognised: ")
        .to_string()
        + &out.join(", ");
    if unread {
        text.push_str(lang.pick(", et des mots non reconnus", ", and words not recognised"));
    }
    text
}

/// The detail of a leaf rule, or of a combinator as its parts.
pub fn detail(p: &Posting, rule: &Rule, eval: &Eval, c: &Cells, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let sep = lang.pick(" ; ", "; ");
    let need = |s_fr: String, s_en: String| if fr { s_fr } else { s_en };
    match rule {
        Rule::Degree {
            field,
            also,
            min_level,
            subjects,
        } => {
            let mut parts = vec![cell(p, c, *field, lang)];
            if let Some(a) = also {
                parts.push(cell(p, c, *a, lang));
            }
            let level = [Some(*field), *also]
                .into_iter()
                .flatten()
                .filter_map(|f| match c.value(f) {
                    Value::Degree(d) => d.level,
                    _ => None,
                })
                .max();
            if let Some(min) = min_level {
                parts.push(match level {
                    Some(l) => format!(
                        "{}, {}",
                        need(format!("niveau {l}"), format!("level {l}")),
                        words::at_least(min, lang)
                    ),
                    None => format!(
                        "{}, {}",
                        lang.pick("niveau non reconnu", "no level recognised"),
                        words::at_least(min, lang)
                    ),
                });
            }
            if !subjects.is_empty() {
                parts.push(words::subject_wanted(subjects, lang));
                if eval.outcome != Outcome::Pass {
                    parts.push(fields_read(c, [Some(*field), *also], subjects, lang));
                }
            }
            parts.join(sep)
        }
        Rule::Years { field, min, .. } => {
            let read = match c.value(*field) {
                Value::Years(y) | Value::Number(y) => format!(" = {}", words::years(*y, lang)),
                Value::Blank => String::new(),
                _ => format!(
                    " {}",
                    unreadable(lang, "un nombre d'années", "a number of years")
                ),
            };
            format!(
                "{}{read}{sep}{}",
                cell(p, c, *field, lang),
                words::at_least(number(*min, lang), lang)
            )
        }
        Rule::IsYes(f) | Rule::IsNo(f) => {
            let want = matches!(rule, Rule::IsYes(_));
            let read = match c.value(*f) {
                Value::YesNo(_) | Value::Blank => String::new(),
                _ => format!(" {}", unreadable(lang, "oui ou non", "yes or no")),
            };
            format!(
                "{}{read}{sep}{}",
                cell(p, c, *f, lang),
                words::answer_required(want, lang)
            )
        }
        Rule::OneOf { field, values } => format!(
            "{}{sep}{}",
            cell(p, c, *field, lang),
            words::one_of(&list(values, lang), lang)
        ),
        Rule::Contains { field, texts } => format!(
            "{}{sep}{}",
            cell(p, c, *field, lang),
            words::must_contain(texts, lang)
        ),
        Rule::Includes { field, items } => {
            let missing: &[String] = eval.leaf.as_ref().map_or(&[], |l| l.missing.as_slice());
            let mut tail = if missing.is_empty() {
                words::items_required(&list(items, lang), lang)
            } else {
                need(
                    format!("manque : {}", list(missing, lang)),
                    format!("missing: {}", list(missing, lang)),
                )
            };
            if let Value::List(read) = c.value(*field)
                && !missing.is_empty()
                && !read.understood()
            {
                let unread = list(&read.unread, lang);
                tail.push_str(sep);
                tail.push_str(&need(
                    format!("non reconnu : {unread}"),
                    format!("not recognised: {unread}"),
                ));
            }
            format!("{}{sep}{tail}", cell(p, c, *field, lang))
        }
        Rule::NotBlank(fields) => {
            let blank: Vec<String> = fields
                .iter()
                .filter(|f| matches!(*c.value(**f), Value::Blank))
                .map(|f| p.fields[*f].column.clone())
                .collect();
            if blank.is_empty() {
                need(
                    "toutes les cellules sont remplies".into(),
                    "every cell is filled".into(),
                )
            } else {
                need(
                    format!("vide : {}", blank.join(", ")),
                    format!("blank: {}", blank.join(", ")),
                )
            }
        }
        Rule::Number { field, min, max } => {
            let range = match (min, max) {
                (Some(a), Some(b)) => words::between(number(*a, lang), number(*b, lang), lang),
                (Some(a), None) => words::at_least(number(*a, lang), lang),
                (None, Some(b)) => words::at_most(number(*b, lang), lang),
                (None, None) => String::new(),
            };
            let read = match c.value(*field) {
                Value::Number(_) | Value::Years(_) | Value::Blank => String::new(),
                _ => format!(" {}", unreadable(lang, "un nombre", "a number")),
            };
            format!("{}{read}{sep}{range}", cell(p, c, *field, lang))
        }
        Rule::OnTime(field) => {
            let read = match c.value(*field) {
                Value::Instant(i) => {
                    format!(" = {}", when::cell_instant(i, &p.meta.timezone, lang))
                }
                Value::Blank => String::new(),
                _ => format!(" {}", unreadable(lang, "une date", "a date")),
            };
            let deadline = p
                .meta
                .deadline
                .map(|d| {
                    if d.has_time {
                        when::instant(d.at, &p.meta.timezone, lang)
                    } else {
                        when::day(d.day, lang)
                    }
                })
                .unwrap_or_default();
            // How late: from the deadline, or from the end of its day when it has no time.
            let late = match (c.value(*field), p.meta.deadline) {
                (Value::Instant(i), Some(d)) if eval.outcome == Outcome::Fail => {
                    let seconds = if i.date_only {
                        (i.day - d.day).num_days() * 86_400
                    } else {
                        (i.at - d.at).num_seconds()
                    };
                    // Late within the first second is late by a second, not by none.
                    let by = when::duration(seconds.max(1), lang);
                    match lang {
                        Lang::Fr => format!(" ; hors délai de {by}"),
                        Lang::En => format!("; {by} late"),
                    }
                }
                _ => String::new(),
            };
            let same_day = matches!(c.value(*field), Value::Instant(i) if i.date_only)
                && eval.outcome == Outcome::Unknown;
            let extra = if same_day {
                lang.pick(
                    " ; date sans heure le jour de la date limite",
                    "; a date without a time on the deadline's day",
                )
            } else {
                ""
            };
            let mut out = cell(p, c, *field, lang);
            for part in [&read, sep, &words::deadline(&deadline, lang)] {
                out.push_str(part);
            }
            out.push_str(extra);
            out.push_str(&late);
            out
        }
        Rule::AllOf(rules) | Rule::AnyOf(rules) => {
            // The parts that decided, flat: no brackets within brackets.
            let parts = |want: Outcome| -> Vec<String> {
                rules
                    .iter()
                    .zip(&eval.children)
                    .filter(|(_, e)| e.outcome == want)
                    .map(|(r, e)| detail(p, r, e, c, lang))
                    .collect()
            };
            let and = lang.pick(" ; et ", "; and ");
            let or = lang.pick(" ; ou ", "; or ");
            match (rule, eval.outcome) {
                (Rule::AllOf(_), Outcome::Pass) => parts(Outcome::Pass).join(and),
                (Rule::AllOf(_), o) => parts(o).join(and),
                (_, Outcome::Pass) => parts(Outcome::Pass).into_iter().next().unwrap_or_default(),
                (_, Outcome::Fail) => {
                    lang.pick("aucune condition n'est remplie : ", "none is met: ")
                        .to_string()
                        + &parts(Outcome::Fail).join(or)
                }
                (_, Outcome::Unknown) => {
                    let mut text = parts(Outcome::Unknown).join(or);
                    let failed = parts(Outcome::Fail);
                    if !failed.is_empty() {
                        text.push_str(
                            lang.pick(" ; sinon, non rempli : ", "; otherwise, not met: "),
                        );
                        text.push_str(&failed.join(or));
                    }
                    text
                }
            }
        }
        Rule::Not(inner) => match eval.children.first() {
            Some(e) => format!(
                "{}{}",
                lang.pick("condition à ne pas remplir : ", "must not be met: "),
                detail(p, inner, e, c, lang)
            ),
            None => String::new(),
        },
    }
}

/// The label of a rule: its own, or its id.
pub fn label(r: &NamedRule) -> &str {
    r.label.as_deref().unwrap_or(&r.id)
}

/// The candidate's name, or `C-<row>` when screening blind.
pub fn name(p: &Posting, entry: &Entry, blind: bool, several_files: bool) -> String {
    let tag = if several_files {
        format!("C-{}-{}", entry.file() + 1, entry.row())
    } else {
        format!("C-{}", entry.row())
    };
    if blind {
        return tag;
    }
    match entry {
        Entry::Candidate { cells, .. } => {
            let parts: Vec<&str> = p
                .candidate
                .name
                .iter()
                .map(|f| cells.raw(*f).trim())
                .filter(|s| !s.is_empty())
                .collect();
            let joined = parts.join(" ");
            // A name made only of control characters shows as nothing: call the row by its tag.
            if crate::text::printable(&joined).trim().is_empty() {
                tag
            } else {
                joined
            }
        }
        Entry::Unreadable { .. } => tag,
    }
}

/// The candidate's contact details, joined; none when screening blind.
pub fn contact(p: &Posting, entry: &Entry, blind: bool) -> Option<String> {
    let Entry::Candidate { cells, .. } = entry else {
        return None;
    };
    if blind {
        return None;
    }
    let parts: Vec<&str> = p
        .candidate
        .contact
        .iter()
        .map(|f| cells.raw(*f).trim())
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// When the candidate submitted, if the posting says which field tells and its cell reads.
pub fn submitted<'a>(p: &Posting, entry: &'a Entry) -> Option<&'a Instant> {
    let Entry::Candidate { cells, .. } = entry else {
        return None;
    };
    match cells.value(p.candidate.submitted_at?) {
        Value::Instant(t) => Some(t),
        _ => None,
    }
}

/// The first of the candidate's contact fields of type `kind` that is filled: its reading
/// for programs (`+223…`, a lower-cased address) when `read` and it reads, else its text
/// made safe for spreadsheets.
pub fn contact_of(
    p: &Posting,
    entry: &Entry,
    blind: bool,
    kind: crate::cells::FieldType,
    read: bool,
) -> Option<String> {
    let Entry::Candidate { cells, .. } = entry else {
        return None;
    };
    if blind {
        return None;
    }
    let f = p
        .candidate
        .contact
        .iter()
        .copied()
        .filter(|&f| p.fields[f].kind == kind)
        .find(|&f| !matches!(cells.value(f), Value::Blank))?;
    Some(match (cells.value(f), read) {
        (Value::Email(a), true) => a.as_str().to_string(),
        (Value::Phone(n), true) => format!("+{}", n.as_str()),
        _ => crate::output::neutralise(cells.raw(f).trim()),
    })
}

/// Where a row is, for messages: `ligne 12`, or `ligne 12 de b.csv` with several inputs.
pub fn row_ref(entry: &Entry, inputs: &[Input], lang: Lang) -> String {
    row_ref_at(entry.file(), entry.row(), inputs, lang)
}

/// Where row `row` of input `file` is, for messages.
pub fn row_ref_at(file: usize, row: u64, inputs: &[Input], lang: Lang) -> String {
    let word = lang.pick("ligne", "row");
    if inputs.len() > 1 {
        let file = inputs
            .get(file)
            .map(|i| i.path.display().to_string())
            .unwrap_or_default();
        format!("{word} {row} {} {file}", lang.pick("de", "of"))
    } else {
        format!("{word} {row}")
    }
}

/// The reasons for a decision: one per failing requirement for the ineligible, one per
/// unknown for review, the row kept for a duplicate, the cause for an unreadable row.
pub fn reasons(s: &Screening, i: usize, lang: Lang) -> Vec<String> {
    reasons_styled(s, i, lang, false, None)
}

/// [`reasons`], from the row already read and the outcomes and points of its requirements,
/// the details of rules taken from `details`.
pub fn reasons_from(
    s: &Screening,
    i: usize,
    entry: &Entry,
    requirements: &[Scored],
    details: &mut Details,
) -> Vec<String> {
    let lang = details.lang;
    reasons_styled(s, i, lang, false, Some((entry, requirements, details)))
}

/// The reasons, short for a table: rules named by id, the ranked told only that they meet
/// every requirement.
pub fn short_reasons(s: &Screening, i: usize, lang: Lang) -> Vec<String> {
    reasons_styled(s, i, lang, true, None)
}

fn reasons_styled(
    s: &Screening,
    i: usize,
    lang: Lang,
    short: bool,
    given: Option<(&Entry, &[Scored], &mut Details)>,
) -> Vec<String> {
    let inputs = &s.inputs;
    let read;
    let (entry, requirements, details) = match given {
        Some((entry, reqs, details)) => (entry, Some(reqs), Some(details)),
        None => {
            read = s.entry(i);
            (&read, None, None)
        }
    };
    let mut details = details;
    let mut out = decided(
        s,
        i,
        lang,
        short,
        entry,
        requirements,
        details.as_deref_mut(),
    );
    // The cells a person verified: what the file said, what they found, who and why.
    for c in s.corrections(i) {
        out.push(correction(c, lang));
    }
    // A row of the same name as another, which no duplicate key joins: a person decides.
    if let Some((others, count)) = s.same_name(i) {
        // Every row of a common name but its first few says the same: written once.
        let mut first = [u32::MAX; NAMED_SAME_NAME];
        for (slot, j) in first.iter_mut().zip(others) {
            *slot = j as u32;
        }
        let key = (first, count, short);
        if let Some(text) = details.as_ref().and_then(|d| d.same_name.get(&key)) {
            out.push(text.clone());
            return out;
        }
        // A common name may be a thousand rows' name: the reason names the first few.
        let article = if short { "" } else { lang.pick("la ", "") };
        let mut rows: Vec<String> = first
            .iter()
            .filter(|&&j| j != u32::MAX)
            .map(|&j| {
                let j = j as usize;
                format!("{article}{}", row_ref_at(s.file(j), s.row(j), inputs, lang))
            })
            .collect();
        if count > NAMED_SAME_NAME {
            let more = count - NAMED_SAME_NAME;
            rows.push(lang.count(
                more,
                ("autre ligne", "autres lignes"),
                ("other row", "other rows"),
            ));
        }
        let rows = match rows.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => {
                format!("{}{}{last}", rest.join(", "), lang.pick(" et ", " and "))
            }
            None => String::new(),
        };
        let text = match (lang, short) {
            (Lang::Fr, true) => format!("doublon possible : {rows}"),
            (Lang::En, true) => format!("possible duplicate: {rows}"),
            (Lang::Fr, false) => format!("doublon possible avec {rows} (même nom) : à vérifier"),
            (Lang::En, false) => format!("possible duplicate of {rows} (same name): to check"),
        };
        if let Some(d) = details {
            if d.same_name.len() >= SAME_NAMES_KEPT {
                d.same_name.clear();
            }
            d.same_name.insert(key, text.clone());
        }
        out.push(text);
    }
    out
}

/// Same-name reasons remembered at once, at most.
const SAME_NAMES_KEPT: usize = 4096;

/// The rows of the same name a reason names at most.
const NAMED_SAME_NAME: usize = 3;

/// A verified cell in words: `Années : « 4 ans », vérifié par A. Diallo (CV page 2) ; le
/// fichier porte « environ 4 ans »`.
pub fn correction(c: &crate::verify::Correction, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&c.column);
    out.push_str(lang.pick(" : ", ": "));
    push_quoted(&mut out, &c.value, lang);
    out.push_str(lang.pick(", vérifié", ", verified"));
    if !c.by.is_empty() {
        out.push_str(lang.pick(" par ", " by "));
        out.push_str(&c.by);
    }
    if !c.note.is_empty() {
        out.push_str(" (");
        out.push_str(&c.note);
        out.push(')');
    }
    out.push_str(lang.pick(" ; le fichier porte ", "; the file says "));
    if c.old.trim().is_empty() {
        out.push_str(lang.pick("une cellule vide", "a blank cell"));
    } else {
        push_quoted(&mut out, &c.old, lang);
    }
    out
}

/// The reasons of a decision, without the possible duplicates.
fn decided(
    s: &Screening,
    i: usize,
    lang: Lang,
    short: bool,
    entry: &Entry,
    requirements: Option<&[Scored]>,
    mut details: Option<&mut Details>,
) -> Vec<String> {
    let p = s.posting;
    let inputs = &s.inputs;
    let d = &s.decisions[i];
    // Only the ranked say their score and group: made for them alone.
    let score = || {
        format!(
            "{} / {}",
            number(d.score, lang),
            number(p.score_max(), lang)
        )
    };
    let group = || {
        s.group(i)
            .filter(|g| !g.is_empty())
            .map(|g| format!(" {} {g}", lang.pick("à", "in")))
            .unwrap_or_default()
    };
    match (d.status, entry) {
        (Status::Unreadable, Entry::Unreadable { cause, .. }) => vec![cause.describe(lang)],
        (Status::Duplicate, _) => {
            let Some(kept) = s.kept(i) else {
                return Vec::new();
            };
            let column = p.fields.get(kept.field as usize).map(|f| f.column.as_str());
            let kept = kept.entry as usize;
            let at = row_ref_at(s.file(kept), s.row(kept), inputs, lang);
            vec![match (lang, column) {
                (Lang::Fr, Some(column)) => format!("la {at} est gardée (même {column})"),
                (Lang::En, Some(column)) => format!("{at} is kept (same {column})"),
                (Lang::Fr, None) => {
                    format!("la {at} est gardée (même personne, d'après la vérification)")
                }
                (Lang::En, None) => format!("{at} is kept (the same person, as verified)"),
            }]
        }
        (Status::Shortlisted | Status::Eligible, _) if short => vec![
            lang.pick(
                "toutes les exigences sont remplies",
                "meets every requirement",
            )
            .to_string(),
        ],
        (Status::Shortlisted, _) => vec![match lang {
            Lang::Fr => format!("rang {}{}, score {}", d.rank.unwrap_or(0), group(), score()),
            Lang::En => format!("rank {}{}, score {}", d.rank.unwrap_or(0), group(), score()),
        }],
        (Status::Eligible, _) => vec![match lang {
            Lang::Fr => format!(
                "en réserve : rang {}{}, score {}",
                d.rank.unwrap_or(0),
                group(),
                score()
            ),
            Lang::En => format!(
                "on the reserve list: rank {}{}, score {}",
                d.rank.unwrap_or(0),
                group(),
                score()
            ),
        }],
        (Status::Review | Status::Ineligible, Entry::Candidate { cells, .. }) => {
            let wanted = if d.status == Status::Review {
                Outcome::Unknown
            } else {
                Outcome::Fail
            };
            let computed: Vec<Scored>;
            let requirements = match requirements {
                Some(r) => r,
                None => {
                    let (reqs, _) = s.engine.evaluate(cells);
                    computed = reqs.iter().map(|r| (r.eval.outcome, r.points)).collect();
                    &computed[..]
                }
            };
            p.requirements
                .iter()
                .enumerate()
                .zip(requirements)
                .filter(|(_, (o, _))| *o == wanted)
                .map(|((k, r), &(o, _))| {
                    let tree = || tree(s, k, o, cells);
                    let what = match details.as_deref_mut() {
                        Some(details) => details.get(p, k, &r.rule, tree, cells).text().to_string(),
                        None => detail(p, &r.rule, &tree(), cells, lang),
                    };
                    if short {
                        return format!("{}{} {what}", label(r), lang.pick(" :", ":"));
                    }
                    match (d.status, lang) {
                        (Status::Review, Lang::Fr) => format!("{} : à vérifier — {what}", label(r)),
                        (Status::Review, Lang::En) => format!("{}: to check — {what}", label(r)),
                        _ => format!("{}{} {what}", label(r), lang.pick(" :", ":")),
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_digits_are_those_of_the_formatter() {
        for n in [
            0.0,
            -0.0,
            1.0,
            15.0,
            -3.0,
            100.0,
            2.5,
            1e14,
            -1e14,
            1e15,
            999_999_999_999_999.0,
            -999_999_999_999_999.0,
            1e16,
            12.345,
            0.004,
            0.995,
            -0.001,
            1_048_576.0,
            i64::MAX as f64,
            i64::MIN as f64,
            f64::MAX,
            f64::INFINITY,
            f64::NAN,
        ]
        .into_iter()
        .chain((-300..300).map(|k| f64::from(k) * 0.25))
        {
            let rounded: f64 = (n * 100.0_f64).round() / 100.0;
            let plain = if rounded.fract() == 0.0 {
                format!("{}", rounded as i64)
            } else {
                format!("{rounded}")
            };
            assert_eq!(number(n, Lang::En), plain, "{n}");
            assert_eq!(number(n, Lang::Fr), plain.replace('.', ","), "{n}");
        }
    }

    #[test]
    fn remembered_details_are_those_written() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let yaml =
            std::fs::read(root.join("postings/jigi-district-officer.yaml")).expect("posting");
        let p = crate::posting::parse(&yaml).posting.expect("valid posting");
        let e = crate::engine::Engine::new(&p);
        // Two tables whose cells are numbered apart, read in turns through the same caches.
        let tables = [
            crate::engine::testing::example(&e, "examples/google-forms-district-officer.csv"),
            crate::engine::testing::example(&e, "examples/excel-district-officer.csv"),
        ];
        let mut details = [Details::new(&p, Lang::Fr), Details::new(&p, Lang::En)];
        let rules: Vec<&Rule> = p
            .requirements
            .iter()
            .chain(&p.preferences)
            .map(|r| &r.rule)
            .collect();
        let rows = tables[0].1.min(tables[1].1);
        for row in 0..rows {
            for (table, _) in &tables {
                let c = Cells::new(table.clone(), row);
                let (reqs, prefs) = e.evaluate(&c);
                let full: Vec<(Outcome, f64)> = reqs
                    .iter()
                    .chain(&prefs)
                    .map(|r| (r.eval.outcome, r.points))
                    .collect();
                assert_eq!(details[0].outcomes(&e, &c), full, "row {row}");
                for (k, ev) in reqs.iter().chain(&prefs).enumerate() {
                    for (details, lang) in details.iter_mut().zip([Lang::Fr, Lang::En]) {
                        assert_eq!(
                            details.get(&p, k, rules[k], || &ev.eval, &c).text(),
                            detail(&p, rules[k], &ev.eval, &c, lang),
                            "row {row}, rule {k}"
                        );
                    }
                }
            }
        }
        assert!(details[0].seen.iter().any(|s| !s.is_empty()));
        // One memo per table: the cells of two tables are numbered apart.
        assert_eq!(details[0].memos.len(), 2);
    }
}
