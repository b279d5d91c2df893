//! Raw posting structs → a checked [`Posting`], collecting every problem with its position.
//!
//! Each section, each field and each rule is read on its own, so one mistake does not hide
//! the next: `validate` reports them all at once.

use super::de::{self, ErrorKind, Spanned, from_node};
use super::raw::*;
use super::yaml::Node;
use super::*;
use crate::cells::dates::{DeadlineError, parse_deadline};
use crate::diag::Pos;
use crate::lexicon::LEVELS;
use crate::suggest;
use std::collections::HashMap;

/// Plain words that YAML 1.1 tools read as booleans.
const YAML11_BOOLEANS: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
    "OFF", "true", "True", "TRUE", "false", "False", "FALSE",
];

/// Requirements and preferences a posting may have together: each row keeps an outcome of
/// each.
pub const MAX_RULES: usize = 100;

pub(super) fn build(root: &Node) -> (Option<Posting>, Vec<Diagnostic>) {
    let mut b = Builder::default();
    let posting = b.build(root);
    warn_yaml11_booleans(root, None, &mut b.diags);
    (posting, b.diags)
}

#[derive(Default)]
struct Builder {
    diags: Vec<Diagnostic>,
    fields: Vec<Field>,
    /// Fields whose declaration had an error: references to them are not reported again.
    broken_fields: Vec<String>,
    ids: HashMap<String, usize>,
    on_time_rules: Vec<Pos>,
    /// The last `read` left out unknown keys.
    pruned: bool,
}

/// Unknown keys reported in one section, field or rule before giving up on it.
const MAX_UNKNOWN_KEYS: usize = 20;

/// A copy of `node` without the mapping entry whose key is at `pos`, if there is one.
fn without_key(node: &Node, pos: Pos) -> Option<Node> {
    match node {
        Node::Scalar { .. } => None,
        Node::Seq { items, pos: p } => items.iter().enumerate().find_map(|(i, item)| {
            let replaced = without_key(item, pos)?;
            let mut items = items.clone();
            items[i] = replaced;
            Some(Node::Seq { items, pos: *p })
        }),
        Node::Map { entries, pos: p } => {
            if let Some(i) = entries.iter().position(|(k, _)| k.pos == pos) {
                let mut entries = entries.clone();
                entries.remove(i);
                return Some(Node::Map { entries, pos: *p });
            }
            entries.iter().enumerate().find_map(|(i, (k, v))| {
                let replaced = without_key(v, pos)?;
                let mut entries = entries.clone();
                entries[i] = (k.clone(), replaced);
                Some(Node::Map { entries, pos: *p })
            })
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Requirements,
    Preferences,
}

impl Builder {
    fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(Some(pos), msg));
    }

    fn warning(&mut self, pos: Pos, msg: impl Into<String>) {
        self.diags.push(Diagnostic::warning(Some(pos), msg));
    }

    /// Reads `T` from `node`, reporting a failure in terms of `context`. An unknown key is
    /// reported and left out, and reading goes on, so the problems after it are found too.
    fn read<T: serde::de::DeserializeOwned>(&mut self, node: &Node, context: &str) -> Option<T> {
        self.pruned = false;
        let mut pruned: Option<Node> = None;
        for _ in 0..MAX_UNKNOWN_KEYS {
            let current = pruned.as_ref().unwrap_or(node);
            match from_node::<T>(current) {
                // With keys left out the posting is invalid already; the value still serves
                // to check the rest.
                Ok(v) => return Some(v),
                Err(e) => {
                    let unknown_at = match &e.kind {
                        ErrorKind::UnknownKey(..) => e.pos,
                        _ => None,
                    };
                    self.de_error(e, current.pos(), context);
                    let next = unknown_at.and_then(|p| without_key(current, p));
                    match next {
                        Some(n) => {
                            self.pruned = true;
                            pruned = Some(n);
                        }
                        None => return None,
                    }
                }
            }
        }
        None
    }

    fn de_error(&mut self, e: de::Error, fallback: Pos, context: &str) {
        let pos = e.pos.unwrap_or(fallback);
        let msg = match &e.kind {
            ErrorKind::UnknownKey(key, expected) if expected.contains(&"any_of") => {
                rule_kind_message(key, context)
            }
            // A column name with a comma, unquoted in `{ column: A, B }`: the part after the
            // comma reads as a key, which no key's name looks like.
            ErrorKind::UnknownKey(key, expected)
                if expected.contains(&"column")
                    && !key.chars().all(|c| c.is_alphanumeric() || c == '_') =>
            {
                crate::i18n::catalogue::column_name_with_comma(
                    crate::i18n::messages(),
                    &suggest::escaped(key),
                    context,
                )
            }
            ErrorKind::UnknownKey(key, expected) => {
                let hint = suggest::hint(key, expected.iter().copied());
                let key = suggest::escaped(key);
                if hint.is_empty() {
                    format!(
                        "unknown key `{key}` in {context}; expected {}",
                        de::list(expected)
                    )
                } else {
                    format!("unknown key `{key}` in {context}{hint}")
                }
            }
            ErrorKind::UnknownVariant(v, expected) => {
                let hint = suggest::hint(v, expected.iter().copied());
                if hint.is_empty() {
                    format!(
                        "`{v}` is not a valid value in {context}; expected {}",
                        de::list(expected)
                    )
                } else {
                    format!("`{v}` is not a valid value in {context}{hint}")
                }
            }
            ErrorKind::MissingKey(k) => format!("missing key `{k}` in {context}"),
            ErrorKind::Other(m) => format!("{context}: {m}"),
        };
        self.error(pos, msg);
    }

    fn build(&mut self, root: &Node) -> Option<Posting> {
        let Node::Map { entries, pos } = root else {
            self.error(root.pos(), "the top level must be a mapping");
            return None;
        };
        let mut sections: HashMap<&str, &Node> = HashMap::new();
        for (key, value) in entries {
            match SECTIONS.iter().find(|s| **s == key.text) {
                Some(s) => {
                    sections.insert(s, value);
                }
                None => {
                    let hint = suggest::hint(&key.text, SECTIONS.iter().copied());
                    let msg = if hint.is_empty() {
                        format!(
                            "unknown section `{}`; sections are {}",
                            key.text,
                            de::list(SECTIONS)
                        )
                    } else {
                        format!("unknown section `{}`{hint}", key.text)
                    };
                    self.error(key.pos, msg);
                }
            }
        }
        let top = *pos;
        let meta = match sections.get("posting") {
            Some(n) => self.meta(n),
            None => {
                self.error(
                    top,
                    "missing section `posting` (with at least `id` and `title`)",
                );
                None
            }
        };
        let zone = meta.as_ref().map(|m| m.timezone).unwrap_or_default();
        match sections.get("fields") {
            Some(n) => self.fields(n, &zone),
            None => self.error(top, "missing section `fields`: the columns the rules read"),
        }
        let candidate = match sections.get("candidate") {
            Some(n) => self.candidate(n),
            None => Some(CandidateSpec::default()),
        };
        let requirements = self.rules(sections.get("requirements").copied(), Section::Requirements);
        let preferences = self.rules(sections.get("preferences").copied(), Section::Preferences);
        let count =
            requirements.as_ref().map_or(0, Vec::len) + preferences.as_ref().map_or(0, Vec::len);
        if count > MAX_RULES {
            let at = sections
                .get("preferences")
                .or(sections.get("requirements"))
                .map_or(top, |n| n.pos());
            self.error(
                at,
                format!(
                    "the posting has {count} requirements and preferences, more than the {MAX_RULES} a posting may have"
                ),
            );
        }
        if !sections.contains_key("requirements") && !sections.contains_key("preferences") {
            self.error(
                top,
                "a posting needs at least one rule under `requirements` or `preferences`",
            );
        }
        if meta.as_ref().is_some_and(|m| m.deadline.is_none()) {
            for p in std::mem::take(&mut self.on_time_rules) {
                self.error(
                    p,
                    "`on_time` compares with `posting.deadline`, but the posting has no deadline",
                );
            }
        }
        let openings = meta.as_ref().map_or(1, |m| m.openings);
        let shortlist = match sections.get("shortlist") {
            Some(n) => self.shortlist(n, openings),
            None => Some(default_shortlist(openings)),
        };
        let synonyms = match sections.get("synonyms") {
            Some(n) => self.synonyms(n),
            None => Some(Vec::new()),
        };
        Some(Posting {
            meta: meta?,
            fields: std::mem::take(&mut self.fields),
            candidate: candidate?,
            requirements: requirements?,
            preferences: preferences?,
            shortlist: shortlist?,
            synonyms: synonyms?,
        })
    }

    fn meta(&mut self, node: &Node) -> Option<Meta> {
        let raw: RawMeta = self.read(node, "`posting`")?;
        let mut ok = true;
        for (what, s) in [("id", &raw.id), ("title", &raw.title)] {
            if s.trim().is_empty() {
                self.error(s.pos, format!("`posting.{what}` is empty"));
                ok = false;
            }
        }
        let openings = match raw.openings {
            Some(o) if o.value == 0 => {
                self.error(o.pos, "`openings` must be at least 1");
                ok = false;
                1
            }
            Some(o) => o.value,
            None => 1,
        };
        let language = match &raw.language {
            Some(l) => match l.parse::<Lang>() {
                Ok(lang) => lang,
                Err(()) => {
                    self.error(
                        l.pos,
                        format!("`language` is `fr` or `en`, not `{}`", l.value),
                    );
                    ok = false;
                    Lang::Fr
                }
            },
            None => Lang::Fr,
        };
        let timezone = match &raw.timezone {
            Some(z) => self.zone(z).unwrap_or_else(|| {
                ok = false;
                Zone::default()
            }),
            None => Zone::default(),
        };
        let deadline = match &raw.deadline {
            Some(d) => match parse_deadline(d, &timezone) {
                Ok(dl) => Some(dl),
                Err(e) => {
                    let msg = match e {
                        DeadlineError::NotADate(s) => {
                            format!("`deadline`: `{s}` is not a real date")
                        }
                        DeadlineError::NotATime(s) => {
                            format!("`deadline`: `{s}` is not a real time of day")
                        }
                        DeadlineError::Form => format!(
                            "`deadline`: cannot read `{}`; write `2024-02-23` or `2024-02-23T12:00:00Z`",
                            d.value
                        ),
                    };
                    self.error(d.pos, msg);
                    ok = false;
                    None
                }
            },
            None => None,
        };
        let phone_country = match &raw.phone_country {
            Some(p) => {
                let digits = p.trim().trim_start_matches('+').trim_start_matches("00");
                if crate::cells::phone::Plan::of(digits).is_some() {
                    digits.to_string()
                } else {
                    self.error(
                        p.pos,
                        format!(
                            "`phone_country` is a country calling code such as `+223`, not `{}`",
                            p.value
                        ),
                    );
                    ok = false;
                    String::new()
                }
            }
            None => "223".into(),
        };
        ok.then(|| Meta {
            id: raw.id.value.trim().to_string(),
            title: raw.title.value.trim().to_string(),
            organisation: raw.organisation,
            project: raw.project,
            locations: raw.locations.into_iter().map(|l| l.value).collect(),
            openings,
            deadline,
            deadline_text: raw.deadline.map(|d| d.value),
            timezone,
            language,
            phone_country,
            manual_checks: raw.manual_checks.into_iter().map(|m| m.value).collect(),
        })
    }

    fn zone(&mut self, z: &Spanned<String>) -> Option<Zone> {
        let zone = Zone::parse(z);
        if zone.is_none() {
            let hint = suggest::hint(z, chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()));
            self.error(
                z.pos,
                format!(
                    "`{}` is not a time zone; write an IANA name such as `Africa/Bamako`, or an offset such as `UTC` or `+01:00`{hint}",
                    z.value
                ),
            );
        }
        zone
    }

    fn fields(&mut self, node: &Node, posting_zone: &Zone) {
        let _ = posting_zone;
        let Node::Map { entries, .. } = node else {
            self.error(
                node.pos(),
                "`fields` must be a mapping: name -> { column, type }",
            );
            return;
        };
        if entries.is_empty() {
            self.error(
                node.pos(),
                "`fields` is empty: declare the columns the rules read",
            );
        }
        for (key, value) in entries {
            let name = key.text.as_str();
            if name.trim().is_empty() || name.contains(char::is_whitespace) {
                self.error(
                    key.pos,
                    format!(
                        "field name `{name}` must be one word, without spaces (e.g. `years_field`)"
                    ),
                );
                self.broken_fields.push(name.to_string());
                continue;
            }
            let Some(raw) = self.read::<RawField>(value, &format!("field `{name}`")) else {
                self.broken_fields.push(name.to_string());
                continue;
            };
            if let Some(f) = self.field(name, key.pos, raw) {
                self.fields.push(f);
            } else {
                self.broken_fields.push(name.to_string());
            }
        }
    }

    fn field(&mut self, name: &str, pos: Pos, raw: RawField) -> Option<Field> {
        let kind = raw.kind.value;
        let mut ok = true;
        if raw.column.trim().is_empty() {
            self.error(raw.column.pos, format!("field `{name}`: `column` is empty"));
            ok = false;
        }
        let mut option_fits = |b: &mut Self, pos: Option<Pos>, key: &str, wants: FieldType| {
            if let Some(pos) = pos.filter(|_| kind != wants) {
                b.error(
                    pos,
                    format!(
                        "field `{name}`: `{key}` applies to `{}` fields, and `{name}` is `{}`",
                        wants.name(),
                        kind.name()
                    ),
                );
                ok = false;
            }
        };
        option_fits(
            self,
            raw.timezone.as_ref().map(|t| t.pos),
            "timezone",
            FieldType::Datetime,
        );
        option_fits(
            self,
            raw.blank.as_ref().map(|t| t.pos),
            "blank",
            FieldType::YesNo,
        );
        option_fits(
            self,
            raw.separator.as_ref().map(|t| t.pos),
            "separator",
            FieldType::List,
        );
        let timezone = match &raw.timezone {
            Some(z) => {
                let zone = self.zone(z);
                ok &= zone.is_some();
                zone
            }
            None => None,
        };
        if let Some(sep) = raw.separator.as_ref().filter(|s| s.is_empty()) {
            self.error(sep.pos, format!("field `{name}`: `separator` is empty"));
            ok = false;
        }
        if let Some(b) = raw.blank.as_ref().filter(|b| b.value) {
            self.error(
                b.pos,
                format!("field `{name}`: `blank` can only be `no` (a blank checkbox reads no)"),
            );
            ok = false;
        }
        ok.then(|| Field {
            name: name.to_string(),
            column_pos: raw.column.pos,
            column: raw.column.value.trim().to_string(),
            kind,
            timezone,
            blank_is_no: raw.blank.is_some_and(|b| !b.value),
            separator: raw.separator.map(|s| s.value),
            pos,
        })
    }

    /// Resolves a field reference, checking that the field has one of the `allowed` types.
    fn field_ref(
        &mut self,
        name: &Spanned<String>,
        allowed: &[FieldType],
        what: &str,
    ) -> Option<FieldId> {
        let Some(id) = self.fields.iter().position(|f| f.name == name.value) else {
            if !self.broken_fields.contains(&name.value) {
                let hint = suggest::hint(name, self.fields.iter().map(|f| f.name.as_str()));
                self.error(
                    name.pos,
                    format!(
                        "{what} reads field `{}`, which is not declared in `fields`{hint}",
                        name.value
                    ),
                );
            }
            return None;
        };
        let field = &self.fields[id];
        if !allowed.is_empty() && !allowed.contains(&field.kind) {
            let wanted: Vec<&str> = allowed.iter().map(|t| t.name()).collect();
            let msg = format!(
                "{what} needs a field of type {}, but `{}` is of type `{}` (line {})",
                de::list(&wanted),
                field.name,
                field.kind.name(),
                field.pos.line
            );
            self.error(name.pos, msg);
            return None;
        }
        Some(id)
    }

    fn field_refs(
        &mut self,
        names: &[Spanned<String>],
        allowed: &[FieldType],
        what: &str,
    ) -> Option<Vec<FieldId>> {
        let ids: Vec<Option<FieldId>> = names
            .iter()
            .map(|n| self.field_ref(n, allowed, what))
            .collect();
        ids.into_iter().collect()
    }

    fn candidate(&mut self, node: &Node) -> Option<CandidateSpec> {
        let raw: RawCandidate = self.read(node, "`candidate`")?;
        use FieldType::*;
        let name = self.field_refs(&raw.name, &[Text], "`candidate.name`");
        let contact = self.field_refs(&raw.contact, &[Email, Phone, Text], "`candidate.contact`");
        let submitted_at = raw
            .submitted_at
            .as_ref()
            .map(|s| self.field_ref(s, &[Datetime], "`candidate.submitted_at`"));
        let duplicates = match &raw.duplicates {
            Some(d) => {
                if d.by.is_empty() {
                    self.error(d.pos, "`duplicates.by` names no field");
                }
                let by = self.field_refs(&d.by, &[Email, Phone, Text], "`duplicates.by`");
                let keep = match d.keep.as_ref().map(|k| k.value) {
                    Some(RawKeep::Earliest) => Keep::Earliest,
                    _ => Keep::Latest,
                };
                if raw.submitted_at.is_none() {
                    let pos = d.keep.as_ref().map_or(d.pos, |k| k.pos);
                    self.error(
                        pos,
                        "`duplicates` keeps the latest or earliest submission, which needs `candidate.submitted_at`",
                    );
                }
                Some(
                    by.filter(|b| !b.is_empty())
                        .map(|by| Duplicates { by, keep }),
                )
            }
            None => None,
        };
        Some(CandidateSpec {
            name: name?,
            contact: contact?,
            submitted_at: submitted_at.map_or(Some(None), |s| s.map(Some))?,
            duplicates: duplicates.map_or(Some(None), |d| d.map(Some))?,
        })
    }

    fn rules(&mut self, node: Option<&Node>, section: Section) -> Option<Vec<NamedRule>> {
        let Some(node) = node else {
            return Some(Vec::new());
        };
        let name = match section {
            Section::Requirements => "requirements",
            Section::Preferences => "preferences",
        };
        let items = match node {
            Node::Seq { items, .. } => items.as_slice(),
            n if n.is_null() => &[],
            n => {
                self.error(
                    n.pos(),
                    format!("`{name}` must be a list of rules (`- id: …`)"),
                );
                return None;
            }
        };
        let mut out = Some(Vec::new());
        for item in items {
            let rule = self.top_rule(item, section);
            match (&mut out, rule) {
                (Some(v), Some(r)) => v.push(r),
                _ => out = None,
            }
        }
        out
    }

    fn top_rule(&mut self, node: &Node, section: Section) -> Option<NamedRule> {
        let id_text = node
            .get("id")
            .and_then(|n| match n {
                Node::Scalar { text, .. } => Some(text.clone()),
                _ => None,
            })
            .unwrap_or_default();
        let context = if id_text.is_empty() {
            "rule".to_string()
        } else {
            format!("rule `{id_text}`")
        };
        let raw: RawRule = self.read(node, &context)?;
        let id = match &raw.id {
            Some(id) if !id.trim().is_empty() => id.value.trim().to_string(),
            Some(id) => {
                self.error(id.pos, "rule `id` is empty");
                String::new()
            }
            None => {
                self.error(
                    node.pos(),
                    "this rule has no `id`; every top-level rule needs one",
                );
                String::new()
            }
        };
        let weight = match (section, &raw.weight) {
            (Section::Requirements, Some(w)) => {
                self.error(
                    w.pos,
                    format!("requirement `{id}` has a `weight`; requirements must pass and carry no points (move it to `preferences`)"),
                );
                None
            }
            (Section::Requirements, None) => None,
            (Section::Preferences, None) => {
                self.error(
                    node.pos(),
                    format!("preference `{id}` needs a `weight` (its points)"),
                );
                None
            }
            (Section::Preferences, Some(w)) if !w.is_finite() || w.value <= 0.0 => {
                self.error(
                    w.pos,
                    format!(
                        "preference `{id}`: `weight` must be a positive number, not {}",
                        w.value
                    ),
                );
                None
            }
            (Section::Preferences, Some(w)) => Some(w.value),
        };
        let label = raw.label.clone();
        let rule = self.rule(
            raw,
            node.pos(),
            &context,
            section == Section::Preferences,
            true,
        );
        if id.is_empty() || (section == Section::Preferences && weight.is_none()) {
            return None;
        }
        Some(NamedRule {
            id,
            label,
            weight,
            rule: rule?,
            pos: node.pos(),
        })
    }

    fn rule(
        &mut self,
        raw: RawRule,
        pos: Pos,
        context: &str,
        preference: bool,
        top: bool,
    ) -> Option<Rule> {
        if let Some(id) = &raw.id {
            if let Some(first) = self.ids.get(id.trim()) {
                let msg = format!(
                    "duplicate rule id `{}` (first used at line {first})",
                    id.value
                );
                self.error(id.pos, msg);
            } else {
                self.ids.insert(id.trim().to_string(), id.pos.line);
            }
        }
        if let (false, Some(w)) = (top, &raw.weight) {
            self.error(
                w.pos,
                format!(
                    "{context}: `weight` goes on the preference itself, not on a rule inside it"
                ),
            );
        }
        let present: Vec<&str> = RULE_KINDS
            .iter()
            .copied()
            .filter(|k| kind_present(&raw, k))
            .collect();
        match present.as_slice() {
            // The rule's kind was an unknown key, reported already.
            [] if self.pruned => return None,
            [] => {
                self.error(
                    pos,
                    format!(
                        "{context} has no rule kind; add one of {}",
                        de::list(RULE_KINDS)
                    ),
                );
                return None;
            }
            [_] => {}
            [a, b, ..] => {
                self.error(
                    pos,
                    format!("{context} has two rule kinds, `{a}` and `{b}`; a rule has exactly one (combine rules with `all_of` or `any_of`)"),
                );
                return None;
            }
        }
        use FieldType::*;
        if let Some(d) = raw.degree {
            let field = self.field_ref(&d.field, &[Degree], "`degree`");
            let also = match &d.also {
                Some(a) => Some(self.field_ref(a, &[Degree, Text], "`degree.also`")?),
                None => None,
            };
            let min_level = match &d.min_level {
                Some(l) => match crate::lexicon::Level::from_name(l) {
                    Some(level) => Some(level),
                    None => {
                        let codes: Vec<&str> = LEVELS.iter().map(|l| l.code()).collect();
                        self.error(
                            l.pos,
                            format!(
                                "`{}` is not a degree level; levels are {}, or a diploma name such as `licence`",
                                l.value,
                                de::list(&codes)
                            ),
                        );
                        return None;
                    }
                },
                None => None,
            };
            let subjects = self.texts(d.subjects.as_deref().unwrap_or(&[]), "`degree.subjects`")?;
            for s in d.subjects.iter().flatten() {
                if crate::lexicon::isced::field_of(s).is_none() && !s.trim().is_empty() {
                    self.diags.push(Diagnostic::note(
                        Some(s.pos),
                        crate::i18n::catalogue::unknown_subject(crate::i18n::messages(), s.trim()),
                    ));
                }
            }
            if min_level.is_none() && d.subjects.is_none() && !self.pruned {
                self.error(d.pos, "`degree` needs `min_level`, `subjects`, or both");
                return None;
            }
            return Some(Rule::Degree {
                field: field?,
                also,
                min_level,
                subjects,
            });
        }
        if let Some(y) = raw.years {
            let field = self.field_ref(&y.field, &[Years], "`years`");
            let min = self.years(&y.min, "`years.min`")?;
            let full_at = match &y.full_at {
                Some(f) => {
                    let v = self.years(f, "`years.full_at`")?;
                    if v < min {
                        self.error(
                            f.pos,
                            format!("`full_at` ({v}) is below `min` ({min}); credit grows from `min` up to `full_at`"),
                        );
                        return None;
                    }
                    if !preference {
                        self.warning(f.pos, "`full_at` gives partial credit to preferences; it has no effect in a requirement");
                    }
                    Some(v)
                }
                None => None,
            };
            return Some(Rule::Years {
                field: field?,
                min,
                full_at,
            });
        }
        if let Some(f) = raw.is_yes {
            return Some(Rule::IsYes(self.field_ref(&f, &[YesNo], "`is_yes`")?));
        }
        if let Some(f) = raw.is_no {
            return Some(Rule::IsNo(self.field_ref(&f, &[YesNo], "`is_no`")?));
        }
        if let Some(o) = raw.one_of {
            let field = self.field_ref(&o.field, &[Text, Degree], "`one_of`");
            let values = self.texts(&o.values, "`one_of.values`")?;
            self.non_empty(&values, o.pos, "`one_of.values`")?;
            return Some(Rule::OneOf {
                field: field?,
                values,
            });
        }
        if let Some(c) = raw.contains {
            let field = self.field_ref(&c.field, &[Text, Degree, List, Email], "`contains`");
            let texts = self.texts(&c.text, "`contains.text`")?;
            self.non_empty(&texts, c.pos, "`contains.text`")?;
            return Some(Rule::Contains {
                field: field?,
                texts,
            });
        }
        if let Some(i) = raw.includes {
            let field = self.field_ref(&i.field, &[List], "`includes`");
            let items = self.texts(&i.items, "`includes.items`")?;
            self.non_empty(&items, i.pos, "`includes.items`")?;
            return Some(Rule::Includes {
                field: field?,
                items,
            });
        }
        if let Some(n) = raw.not_blank {
            let fields = self.field_refs(&n.value, &[], "`not_blank`")?;
            self.non_empty(&fields, n.pos, "`not_blank`")?;
            return Some(Rule::NotBlank(fields));
        }
        if let Some(n) = raw.number {
            let field = self.field_ref(&n.field, &[Number, Years], "`number`");
            let min = match &n.min {
                Some(m) => Some(self.amount(m, "`number.min`")?),
                None => None,
            };
            let max = match &n.max {
                Some(m) => Some(self.amount(m, "`number.max`")?),
                None => None,
            };
            match (min, max) {
                (None, None) if self.pruned => return None,
                (None, None) => {
                    self.error(n.pos, "`number` needs `min`, `max`, or both");
                    return None;
                }
                (Some(lo), Some(hi)) if lo > hi => {
                    self.error(
                        n.pos,
                        format!("`number`: `min` ({lo}) is above `max` ({hi})"),
                    );
                    return None;
                }
                _ => {}
            }
            return Some(Rule::Number {
                field: field?,
                min,
                max,
            });
        }
        if let Some(f) = raw.on_time {
            self.on_time_rules.push(f.pos);
            return Some(Rule::OnTime(self.field_ref(
                &f,
                &[Datetime],
                "`on_time`",
            )?));
        }
        if let Some(rules) = raw.all_of {
            return self.children(rules, context, preference).map(Rule::AllOf);
        }
        if let Some(rules) = raw.any_of {
            return self.children(rules, context, preference).map(Rule::AnyOf);
        }
        if let Some(inner) = raw.not {
            let pos = inner.pos;
            return self
                .rule(*inner.value, pos, context, preference, false)
                .map(|r| Rule::Not(Box::new(r)));
        }
        None
    }

    fn children(
        &mut self,
        rules: Spanned<Vec<Spanned<RawRule>>>,
        context: &str,
        preference: bool,
    ) -> Option<Vec<Rule>> {
        if rules.is_empty() {
            self.error(rules.pos, format!("{context}: the list of rules is empty"));
            return None;
        }
        let built: Vec<Option<Rule>> = rules
            .value
            .into_iter()
            .map(|r| self.rule(r.value, r.pos, context, preference, false))
            .collect();
        built.into_iter().collect()
    }

    fn amount(&mut self, v: &Spanned<f64>, what: &str) -> Option<f64> {
        if v.is_finite() && v.value >= 0.0 {
            Some(v.value)
        } else {
            self.error(
                v.pos,
                format!("{what} must be a number, 0 or more, not {}", v.value),
            );
            None
        }
    }

    /// A number of years: an amount no cell can read more than.
    fn years(&mut self, v: &Spanned<f64>, what: &str) -> Option<f64> {
        let years = self.amount(v, what)?;
        if years > crate::cells::years::MAX_YEARS {
            self.error(
                v.pos,
                format!(
                    "{what} is {years}: no cell is read as more than {} years",
                    crate::cells::years::MAX_YEARS
                ),
            );
            return None;
        }
        Some(years)
    }

    fn texts(&mut self, items: &[Spanned<String>], what: &str) -> Option<Vec<String>> {
        let mut ok = true;
        for t in items.iter().filter(|t| t.trim().is_empty()) {
            self.error(t.pos, format!("{what} holds an empty text"));
            ok = false;
        }
        ok.then(|| items.iter().map(|t| t.trim().to_string()).collect())
    }

    fn non_empty<T>(&mut self, items: &[T], pos: Pos, what: &str) -> Option<()> {
        if items.is_empty() {
            self.error(pos, format!("{what} is empty"));
            None
        } else {
            Some(())
        }
    }

    fn shortlist(&mut self, node: &Node, openings: u32) -> Option<ShortlistSpec> {
        let raw: RawShortlist = self.read(node, "`shortlist`")?;
        let mut spec = default_shortlist(openings);
        let mut ok = true;
        if let Some(size) = &raw.size {
            if size.value == 0 {
                self.error(size.pos, "`shortlist.size` must be at least 1");
                ok = false;
            }
            spec.size = size.value;
        }
        if let Some(per) = &raw.per {
            spec.per = self.field_ref(per, &[FieldType::Text, FieldType::YesNo], "`shortlist.per`");
            ok &= spec.per.is_some();
        }
        if !raw.tie_break.is_empty() {
            spec.tie_break.clear();
        }
        for entry in &raw.tie_break {
            match self.tie_break(entry) {
                Some(t) => spec.tie_break.push(t),
                None => ok = false,
            }
        }
        ok.then_some(spec)
    }

    fn tie_break(&mut self, entry: &Spanned<String>) -> Option<TieBreak> {
        let words: Vec<&str> = entry.split_whitespace().collect();
        let (key, dir) = match words.as_slice() {
            [k] => (*k, None),
            [k, d] => (*k, Some(*d)),
            _ => {
                self.error(
                    entry.pos,
                    format!(
                        "`tie_break` entry `{}` is not `KEY asc` or `KEY desc`",
                        entry.value
                    ),
                );
                return None;
            }
        };
        let key = match key {
            "score" => SortKey::Score,
            "row" => SortKey::Row,
            name => {
                let spanned = Spanned {
                    pos: entry.pos,
                    value: name.to_string(),
                };
                use FieldType::*;
                SortKey::Field(self.field_ref(
                    &spanned,
                    &[Years, Number, Datetime, Degree, Text],
                    "`tie_break`",
                )?)
            }
        };
        let descending = match dir.map(str::to_lowercase).as_deref() {
            None => key == SortKey::Score,
            Some("asc") => false,
            Some("desc") => true,
            Some(other) => {
                self.error(
                    entry.pos,
                    format!("`tie_break`: the order is `asc` or `desc`, not `{other}`"),
                );
                return None;
            }
        };
        Some(TieBreak { key, descending })
    }

    fn synonyms(&mut self, node: &Node) -> Option<Vec<(String, Vec<String>)>> {
        let Node::Map { entries, .. } = node else {
            self.error(
                node.pos(),
                "`synonyms` must be a mapping: term -> [other spellings]",
            );
            return None;
        };
        let mut out = Some(Vec::new());
        for (key, value) in entries {
            let what = format!("synonyms of `{}`", key.text);
            let list: Option<Vec<Spanned<String>>> = self.read(value, &what);
            let list = list.and_then(|l| self.texts(&l, &what));
            match (&mut out, list) {
                (Some(v), Some(l)) if !key.text.trim().is_empty() => {
                    v.push((key.text.trim().to_string(), l))
                }
                _ => out = None,
            }
        }
        out
    }
}

fn default_shortlist(openings: u32) -> ShortlistSpec {
    ShortlistSpec {
        size: openings.saturating_mul(3),
        per: None,
        tie_break: vec![TieBreak {
            key: SortKey::Score,
            descending: true,
        }],
    }
}

fn kind_present(raw: &RawRule, kind: &str) -> bool {
    match kind {
        "degree" => raw.degree.is_some(),
        "years" => raw.years.is_some(),
        "is_yes" => raw.is_yes.is_some(),
        "is_no" => raw.is_no.is_some(),
        "one_of" => raw.one_of.is_some(),
        "contains" => raw.contains.is_some(),
        "includes" => raw.includes.is_some(),
        "not_blank" => raw.not_blank.is_some(),
        "number" => raw.number.is_some(),
        "on_time" => raw.on_time.is_some(),
        "all_of" => raw.all_of.is_some(),
        "any_of" => raw.any_of.is_some(),
        "not" => raw.not.is_some(),
        _ => false,
    }
}

fn rule_kind_message(key: &str, context: &str) -> String {
    let lower = key.to_lowercase();
    match lower.as_str() {
        "yes" | "y" | "true" => format!(
            "`{key}` is not a rule kind in {context}; write `is_yes: FIELD` (YAML 1.1 tools read `{key}` as a boolean)"
        ),
        "no" | "n" | "false" => format!(
            "`{key}` is not a rule kind in {context}; write `is_no: FIELD` (YAML 1.1 tools read `{key}` as a boolean)"
        ),
        "on" | "off" => format!(
            "`{key}` is not a rule kind in {context}; did you mean `on_time`? (YAML 1.1 tools read `{key}` as a boolean)"
        ),
        _ => {
            let hint = suggest::hint(key, RULE_KINDS.iter().copied());
            if hint.is_empty() {
                format!(
                    "unknown rule kind `{key}` in {context}; rule kinds are {}",
                    de::list(RULE_KINDS)
                )
            } else {
                format!("unknown rule kind `{key}` in {context}{hint}")
            }
        }
    }
}

/// Warns where an unquoted YAML 1.1 boolean word is used as text: this tool reads it as
/// text, but other YAML tools would not, and a posting is shared.
fn warn_yaml11_booleans(node: &Node, key: Option<&str>, out: &mut Vec<Diagnostic>) {
    match node {
        Node::Scalar {
            text,
            plain: true,
            pos,
        } => {
            if key != Some("blank") && YAML11_BOOLEANS.contains(&text.as_str()) {
                out.push(Diagnostic::warning(
                    Some(*pos),
                    format!("unquoted `{text}` is read as the text \"{text}\", but YAML 1.1 tools read it as a boolean; quote it: '{text}'"),
                ));
            }
        }
        Node::Scalar { .. } => {}
        Node::Seq { items, .. } => items.iter().for_each(|i| warn_yaml11_booleans(i, key, out)),
        Node::Map { entries, .. } => entries
            .iter()
            .for_each(|(k, v)| warn_yaml11_booleans(v, Some(&k.text), out)),
    }
}
