//! The JSON output as typed structs that reject unknown fields: a test that parses an output
//! into [`Screening`] checks its whole shape, not only the values it looks at.

#![allow(
    dead_code,
    reason = "the fields are there to check the shape; tests read some"
)]

use serde::Deserialize;

/// A whole `--format json` output.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screening {
    pub tool: Tool,
    pub posting: Posting,
    pub inputs: Vec<Input>,
    pub as_of: Option<String>,
    pub summary: Summary,
    pub rules: Vec<RuleCount>,
    pub candidates: Vec<Candidate>,
    pub possible_duplicates: Vec<Vec<u64>>,
    pub audit: Option<Audit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Posting {
    pub id: String,
    pub title: String,
    pub deadline: Option<String>,
    pub sha256: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    pub path: String,
    pub sha256: String,
    pub encoding: String,
    pub delimiter: Option<String>,
    pub rows: u64,
    pub empty_rows: u64,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub total: usize,
    pub shortlisted: usize,
    pub eligible: usize,
    pub review: usize,
    pub ineligible: usize,
    pub duplicate: usize,
    pub unreadable: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleCount {
    pub id: String,
    pub kind: Kind,
    pub label: Option<String>,
    pub pass: usize,
    pub fail: usize,
    pub unknown: usize,
}

/// A requirement or a preference.
#[derive(Debug, Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Requirement,
    Preference,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    pub row: u64,
    pub file: String,
    pub rank: Option<u32>,
    pub status: Status,
    pub score: f64,
    pub score_max: f64,
    pub name: Option<String>,
    pub contact: Option<String>,
    pub group: Option<String>,
    pub submitted_at: Option<String>,
    pub rules: Vec<RuleOutcome>,
    pub reasons: Vec<String>,
    pub duplicate_of: Option<RowRef>,
    pub verified: Vec<serde_json::Value>,
}

/// A row of an input.
#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RowRef {
    pub file: String,
    pub row: u64,
}

/// The statuses of SPEC, as identifiers.
#[derive(Debug, Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Shortlisted,
    Eligible,
    Review,
    Ineligible,
    Duplicate,
    Unreadable,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleOutcome {
    pub id: String,
    pub kind: Kind,
    pub outcome: Outcome,
    pub points: Option<f64>,
    pub cells: Vec<CellRead>,
}

/// A cell a rule read: as written, and its typed reading (`null` when blank or unknown).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CellRead {
    pub field: String,
    pub column: String,
    pub raw: String,
    pub value: CellValue,
}

/// The typed reading of a cell.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum CellValue {
    Unknown(()),
    YesNo(bool),
    Number(f64),
    Text(String),
    Items(Vec<String>),
    Degree(Degree),
}

/// A degree's reading: its level and the fields of study it names.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Degree {
    pub level: Option<String>,
    pub fields: Vec<StudyField>,
}

/// A field of study, by its ISCED-F code.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StudyField {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
    Unknown,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    pub column: String,
    pub groups: Vec<GroupStats>,
    pub requirements: Vec<RequirementAudit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupStats {
    pub group: String,
    pub applicants: usize,
    pub eligible: usize,
    pub shortlisted: usize,
    pub selection_rate: f64,
    pub impact_ratio: Option<f64>,
    pub flagged: bool,
    pub small_sample: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementAudit {
    pub id: String,
    pub groups: Vec<RequirementGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementGroup {
    pub group: String,
    pub applicants: usize,
    pub pass: usize,
    pub pass_rate: f64,
    pub impact_ratio: Option<f64>,
    pub flagged: bool,
}

/// `text` parsed as a whole JSON output; panics with the reason when its shape is not SPEC's.
pub fn parse(text: &str) -> Screening {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not the JSON of SPEC: {e}\n{text}"))
}
