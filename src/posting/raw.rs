//! Serde structs that mirror the posting YAML one to one; unknown keys are rejected.
//!
//! Nothing here is checked beyond its shape: [`super::validate`] turns these into a
//! [`super::Posting`], collecting every problem with its position.

use super::de::Spanned;
use serde::Deserialize;

/// The `posting:` section.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub organisation: Option<String>,
    pub project: Option<String>,
    #[serde(default)]
    pub locations: Vec<Spanned<String>>,
    pub openings: Option<Spanned<u32>>,
    pub deadline: Option<Spanned<String>>,
    pub timezone: Option<Spanned<String>>,
    pub language: Option<Spanned<String>>,
    pub phone_country: Option<Spanned<String>>,
    #[serde(default)]
    pub manual_checks: Vec<Spanned<String>>,
}

/// One entry of `fields:`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    pub column: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<super::FieldType>,
    pub timezone: Option<Spanned<String>>,
    pub blank: Option<Spanned<bool>>,
    pub separator: Option<Spanned<String>>,
}

/// The `candidate:` section.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCandidate {
    #[serde(default)]
    pub name: Vec<Spanned<String>>,
    #[serde(default)]
    pub contact: Vec<Spanned<String>>,
    pub submitted_at: Option<Spanned<String>>,
    pub duplicates: Option<Spanned<RawDuplicates>>,
}

/// `candidate.duplicates`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDuplicates {
    pub by: Vec<Spanned<String>>,
    pub keep: Option<Spanned<RawKeep>>,
}

/// Which of a person's rows is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawKeep {
    Latest,
    Earliest,
}

/// A rule as written: exactly one of the kind keys must be present.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Option<Spanned<String>>,
    pub label: Option<String>,
    pub weight: Option<Spanned<f64>>,
    pub degree: Option<Spanned<RawDegree>>,
    pub years: Option<Spanned<RawYears>>,
    pub is_yes: Option<Spanned<String>>,
    pub is_no: Option<Spanned<String>>,
    pub one_of: Option<Spanned<RawOneOf>>,
    pub contains: Option<Spanned<RawContains>>,
    pub includes: Option<Spanned<RawIncludes>>,
    pub not_blank: Option<Spanned<Vec<Spanned<String>>>>,
    pub number: Option<Spanned<RawNumber>>,
    pub on_time: Option<Spanned<String>>,
    pub all_of: Option<Spanned<Vec<Spanned<RawRule>>>>,
    pub any_of: Option<Spanned<Vec<Spanned<RawRule>>>>,
    pub not: Option<Spanned<Box<RawRule>>>,
}

/// The rule kinds, as keys of a rule.
pub const RULE_KINDS: &[&str] = &[
    "degree",
    "years",
    "is_yes",
    "is_no",
    "one_of",
    "contains",
    "includes",
    "not_blank",
    "number",
    "on_time",
    "all_of",
    "any_of",
    "not",
];

/// `degree: { field, also?, min_level?, subjects? }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDegree {
    pub field: Spanned<String>,
    pub also: Option<Spanned<String>>,
    pub min_level: Option<Spanned<String>>,
    pub subjects: Option<Vec<Spanned<String>>>,
}

/// `years: { field, min, full_at? }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawYears {
    pub field: Spanned<String>,
    pub min: Spanned<f64>,
    pub full_at: Option<Spanned<f64>>,
}

/// `one_of: { field, values }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOneOf {
    pub field: Spanned<String>,
    pub values: Vec<Spanned<String>>,
}

/// `contains: { field, text }`; `text` may be one string or a list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContains {
    pub field: Spanned<String>,
    pub text: Vec<Spanned<String>>,
}

/// `includes: { field, items }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIncludes {
    pub field: Spanned<String>,
    pub items: Vec<Spanned<String>>,
}

/// `number: { field, min?, max? }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNumber {
    pub field: Spanned<String>,
    pub min: Option<Spanned<f64>>,
    pub max: Option<Spanned<f64>>,
}

/// The `shortlist:` section.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShortlist {
    pub size: Option<Spanned<u32>>,
    pub per: Option<Spanned<String>>,
    #[serde(default)]
    pub tie_break: Vec<Spanned<String>>,
}

/// The top-level sections of a posting file.
pub const SECTIONS: &[&str] = &[
    "posting",
    "fields",
    "candidate",
    "requirements",
    "preferences",
    "shortlist",
    "synonyms",
];
