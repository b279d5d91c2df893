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
use crate::i18n::catalogue as msg;
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
    let mut b = Builder {
        lang: crate::i18n::messages(),
        ..Builder::default()
    };
    let posting = b.build(root);
    warn_yaml11_booleans(b.lang, root, None, &mut b.diags);
    (posting, b.diags)
}

#[derive(Default)]
struct Builder {
    /// The language of the diagnostics.
    lang: Lang,
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
                rule_kind_message(self.lang, key, context)
            }
            // A column name with a comma, unquoted in `{ column: A, B }`: the part after the
            // comma reads as a key, which no key's name looks like.
            ErrorKind::UnknownKey(key, expected)
                if expected.contains(&"column")
                    && !key.chars().all(|c| c.is_alphanumeric() || c == '_') =>
            {
                msg::column_name_with_comma(self.lang, &suggest::escaped(key), context)
            }
            ErrorKind::UnknownKey(key, expected) => {
                let hint =
                    suggest::hint(self.lang, key, expected.iter().copied()).unwrap_or_else(|| {
                        msg::expected_keys(self.lang, &de::list(self.lang, expected))
                    });
                msg::unknown_key(self.lang, &suggest::escaped(key), context, &hint)
            }
            ErrorKind::UnknownVariant(v, expected) => {
                let hint =
                    suggest::hint(self.lang, v, expected.iter().copied()).unwrap_or_else(|| {
                        msg::expected_values(self.lang, &de::list(self.lang, expected))
                    });
                msg::unknown_value(self.lang, v, context, &hint)
            }
            ErrorKind::MissingKey(k) => msg::missing_key(self.lang, k, context),
            ErrorKind::Other(m) => msg::in_context(self.lang, context, m),
        };
        self.error(pos, msg);
    }

    fn build(&mut self, root: &Node) -> Option<Posting> {
        let Node::Map { entries, pos } = root else {
            self.error(root.pos(), msg::top_level_mapping(self.lang));
            return None;
        };
        let mut sections: HashMap<&str, &Node> = HashMap::new();
        for (key, value) in entries {
            match SECTIONS.iter().find(|s| **s == key.text) {
                Some(s) => {
                    sections.insert(s, value);
                }
                None => {
                    let hint = suggest::hint(self.lang, &key.text, SECTIONS.iter().copied())
                        .unwrap_or_else(|| {
                            msg::sections_are(self.lang, &de::list(self.lang, SECTIONS))
                        });
                    self.error(key.pos, msg::unknown_section(self.lang, &key.text, &hint));
                }
            }
        }
        let top = *pos;
        let meta = match sections.get("posting") {
            Some(n) => self.meta(n),
            None => {
                self.error(top, msg::missing_posting(self.lang));
                None
            }
        };
        let zone = meta.as_ref().map(|m| m.timezone).unwrap_or_default();
        match sections.get("fields") {
            Some(n) => self.fields(n, &zone),
            None => self.error(top, msg::missing_fields(self.lang)),
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
            self.error(at, msg::too_many_rules(self.lang, count, MAX_RULES));
        }
        if !sections.contains_key("requirements") && !sections.contains_key("preferences") {
            self.error(top, msg::no_rule(self.lang));
        }
        if meta.as_ref().is_some_and(|m| m.deadline.is_none()) {
            for p in std::mem::take(&mut self.on_time_rules) {
                self.error(p, msg::on_time_without_deadline(self.lang));
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
                self.error(s.pos, msg::posting_key_empty(self.lang, what));
                ok = false;
            }
        }
        let openings = match raw.openings {
            Some(o) if o.value == 0 => {
                self.error(o.pos, msg::openings_zero(self.lang));
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
                    self.error(l.pos, msg::bad_language(self.lang, &l.value));
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
                    let message = match e {
                        DeadlineError::NotADate(s) => msg::deadline_not_a_date(self.lang, &s),
                        DeadlineError::NotATime(s) => msg::deadline_not_a_time(self.lang, &s),
                        DeadlineError::Form => msg::deadline_form(self.lang, &d.value),
                    };
                    self.error(d.pos, message);
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
                    self.error(p.pos, msg::bad_phone_country(self.lang, &p.value));
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
            let zones = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
            let hint = suggest::hint(self.lang, z, zones).unwrap_or_default();
            self.error(z.pos, msg::bad_zone(self.lang, &z.value, &hint));
        }
        zone
    }

    fn fields(&mut self, node: &Node, posting_zone: &Zone) {
        let _ = posting_zone;
        let Node::Map { entries, .. } = node else {
            self.error(node.pos(), msg::fields_not_mapping(self.lang));
            return;
        };
        if entries.is_empty() {
            self.error(node.pos(), msg::fields_empty(self.lang));
        }
        for (key, value) in entries {
            let name = key.text.as_str();
            if name.trim().is_empty() || name.contains(char::is_whitespace) {
                self.error(key.pos, msg::field_name_spaces(self.lang, name));
                self.broken_fields.push(name.to_string());
                continue;
            }
            let context = msg::context_field(self.lang, name);
            let Some(raw) = self.read::<RawField>(value, &context) else {
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
            self.error(raw.column.pos, msg::column_empty(self.lang, name));
            ok = false;
        }
        let mut option_fits = |b: &mut Self, pos: Option<Pos>, key: &str, wants: FieldType| {
            if let Some(pos) = pos.filter(|_| kind != wants) {
                let message = msg::option_for_type(b.lang, name, key, wants.name(), kind.name());
                b.error(pos, message);
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
            self.error(sep.pos, msg::separator_empty(self.lang, name));
            ok = false;
        }
        if let Some(b) = raw.blank.as_ref().filter(|b| b.value) {
            self.error(b.pos, msg::blank_only_no(self.lang, name));
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
                let declared = self.fields.iter().map(|f| f.name.as_str());
                let hint = suggest::hint(self.lang, name, declared).unwrap_or_default();
                let message = msg::undeclared_field(self.lang, what, &name.value, &hint);
                self.error(name.pos, message);
            }
            return None;
        };
        let field = &self.fields[id];
        if !allowed.is_empty() && !allowed.contains(&field.kind) {
            let wanted: Vec<&str> = allowed.iter().map(|t| t.name()).collect();
            let message = msg::wrong_field_type(
                self.lang,
                what,
                &de::list(self.lang, &wanted),
                &field.name,
                field.kind.name(),
                field.pos.line,
            );
            self.error(name.pos, message);
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
                    self.error(d.pos, msg::duplicates_by_empty(self.lang));
                }
                let by = self.field_refs(&d.by, &[Email, Phone, Text], "`duplicates.by`");
                let keep = match d.keep.as_ref().map(|k| k.value) {
                    Some(RawKeep::Earliest) => Keep::Earliest,
                    _ => Keep::Latest,
                };
                if raw.submitted_at.is_none() {
                    let pos = d.keep.as_ref().map_or(d.pos, |k| k.pos);
                    self.error(pos, msg::duplicates_without_submitted_at(self.lang));
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
                self.error(n.pos(), msg::rules_not_list(self.lang, name));
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
            msg::context_rule_without_id(self.lang)
        } else {
            msg::context_rule(self.lang, &id_text)
        };
        let raw: RawRule = self.read(node, &context)?;
        let id = match &raw.id {
            Some(id) if !id.trim().is_empty() => id.value.trim().to_string(),
            Some(id) => {
                self.error(id.pos, msg::rule_id_empty(self.lang));
                String::new()
            }
            None => {
                self.error(node.pos(), msg::rule_without_id(self.lang));
                String::new()
            }
        };
        let weight = match (section, &raw.weight) {
            (Section::Requirements, Some(w)) => {
                self.error(w.pos, msg::requirement_with_weight(self.lang, &id));
                None
            }
            (Section::Requirements, None) => None,
            (Section::Preferences, None) => {
                self.error(node.pos(), msg::preference_without_weight(self.lang, &id));
                None
            }
            (Section::Preferences, Some(w)) if !w.is_finite() || w.value <= 0.0 => {
                self.error(w.pos, msg::weight_not_positive(self.lang, &id, w.value));
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
                let message = msg::duplicate_rule_id(self.lang, &id.value, *first);
                self.error(id.pos, message);
            } else {
                self.ids.insert(id.trim().to_string(), id.pos.line);
            }
        }
        if let (false, Some(w)) = (top, &raw.weight) {
            self.error(w.pos, msg::weight_inside(self.lang, context));
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
                let kinds = de::list(self.lang, RULE_KINDS);
                self.error(pos, msg::no_rule_kind(self.lang, context, &kinds));
                return None;
            }
            [_] => {}
            [a, b, ..] => {
                self.error(pos, msg::two_rule_kinds(self.lang, context, a, b));
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
                        let levels = de::list(self.lang, &codes);
                        self.error(l.pos, msg::bad_level(self.lang, &l.value, &levels));
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
                        msg::unknown_subject(self.lang, s.trim()),
                    ));
                }
            }
            if min_level.is_none() && d.subjects.is_none() && !self.pruned {
                self.error(d.pos, msg::degree_needs(self.lang));
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
                        self.error(f.pos, msg::full_at_below_min(self.lang, v, min));
                        return None;
                    }
                    if !preference {
                        self.warning(f.pos, msg::full_at_in_requirement(self.lang));
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
                    self.error(n.pos, msg::number_needs(self.lang));
                    return None;
                }
                (Some(lo), Some(hi)) if lo > hi => {
                    self.error(n.pos, msg::min_above_max(self.lang, lo, hi));
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
            self.error(rules.pos, msg::empty_rule_list(self.lang, context));
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
            self.error(v.pos, msg::not_an_amount(self.lang, what, v.value));
            None
        }
    }

    /// A number of years: an amount no cell can read more than.
    fn years(&mut self, v: &Spanned<f64>, what: &str) -> Option<f64> {
        let years = self.amount(v, what)?;
        if years > crate::cells::years::MAX_YEARS {
            let most = crate::cells::years::MAX_YEARS;
            self.error(v.pos, msg::too_many_years(self.lang, what, years, most));
            return None;
        }
        Some(years)
    }

    fn texts(&mut self, items: &[Spanned<String>], what: &str) -> Option<Vec<String>> {
        let mut ok = true;
        for t in items.iter().filter(|t| t.trim().is_empty()) {
            self.error(t.pos, msg::empty_text(self.lang, what));
            ok = false;
        }
        ok.then(|| items.iter().map(|t| t.trim().to_string()).collect())
    }

    fn non_empty<T>(&mut self, items: &[T], pos: Pos, what: &str) -> Option<()> {
        if items.is_empty() {
            self.error(pos, msg::empty_list(self.lang, what));
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
                self.error(size.pos, msg::shortlist_size_zero(self.lang));
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
                self.error(entry.pos, msg::tie_break_form(self.lang, &entry.value));
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
                self.error(entry.pos, msg::tie_break_order(self.lang, other));
                return None;
            }
        };
        Some(TieBreak { key, descending })
    }

    fn synonyms(&mut self, node: &Node) -> Option<Vec<(String, Vec<String>)>> {
        let Node::Map { entries, .. } = node else {
            self.error(node.pos(), msg::synonyms_not_mapping(self.lang));
            return None;
        };
        let mut out = Some(Vec::new());
        for (key, value) in entries {
            let what = msg::context_synonyms(self.lang, &key.text);
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

fn rule_kind_message(lang: Lang, key: &str, context: &str) -> String {
    let lower = key.to_lowercase();
    match lower.as_str() {
        "yes" | "y" | "true" => msg::rule_kind_yes(lang, key, context),
        "no" | "n" | "false" => msg::rule_kind_no(lang, key, context),
        "on" | "off" => msg::rule_kind_on(lang, key, context),
        _ => {
            let hint = suggest::hint(lang, key, RULE_KINDS.iter().copied())
                .unwrap_or_else(|| msg::rule_kinds_are(lang, &de::list(lang, RULE_KINDS)));
            msg::unknown_rule_kind(lang, key, context, &hint)
        }
    }
}

/// Warns where an unquoted YAML 1.1 boolean word is used as text: this tool reads it as
/// text, but other YAML tools would not, and a posting is shared.
fn warn_yaml11_booleans(lang: Lang, node: &Node, key: Option<&str>, out: &mut Vec<Diagnostic>) {
    match node {
        Node::Scalar {
            text,
            plain: true,
            pos,
        } => {
            if key != Some("blank") && YAML11_BOOLEANS.contains(&text.as_str()) {
                out.push(Diagnostic::warning(
                    Some(*pos),
                    msg::yaml11_boolean(lang, text),
                ));
            }
        }
        Node::Scalar { .. } => {}
        Node::Seq { items, .. } => items
            .iter()
            .for_each(|i| warn_yaml11_booleans(lang, i, key, out)),
        Node::Map { entries, .. } => entries
            .iter()
            .for_each(|(k, v)| warn_yaml11_booleans(lang, v, Some(&k.text), out)),
    }
}
