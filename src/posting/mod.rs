//! Postings: the YAML file an HR officer writes, loaded and validated into a [`Posting`].
//!
//! Loading goes text → [`yaml::Node`] tree with positions → [`raw`] serde structs → checked
//! [`Posting`]. Every problem found on the way is collected with its line and column, so
//! `validate` can list them all at once.

pub mod de;
pub mod raw;
pub mod rule;
mod validate;
pub mod yaml;

pub use rule::{FieldId, NamedRule, Rule};

use crate::cells::dates::{Deadline, Zone};
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::lexicon::Level;

/// Reads a posting file, never more than one byte past the size a posting may have: a device
/// such as `/dev/zero` is not read whole.
pub fn read_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(yaml::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

pub use crate::cells::FieldType;

/// A typed view of one column of the candidate file.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The name rules use.
    pub name: String,
    /// The column header it reads.
    pub column: String,
    /// How its cells are read.
    pub kind: FieldType,
    /// For a datetime: the zone of times written without one (else the posting's).
    pub timezone: Option<Zone>,
    /// For a yes/no checkbox column: a blank cell reads no.
    pub blank_is_no: bool,
    /// For a list: the one separator to split on.
    pub separator: Option<String>,
    /// Where the posting declares it.
    pub pos: crate::diag::Pos,
    /// Where the posting names its column.
    pub column_pos: crate::diag::Pos,
}

/// The `posting:` section, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// Stable identifier.
    pub id: String,
    /// Job title.
    pub title: String,
    /// Recruiting organisation.
    pub organisation: Option<String>,
    /// Project or programme.
    pub project: Option<String>,
    /// Duty stations.
    pub locations: Vec<String>,
    /// Positions to fill (default 1).
    pub openings: u32,
    /// Deadline for applications.
    pub deadline: Option<Deadline>,
    /// The deadline as written.
    pub deadline_text: Option<String>,
    /// Zone of timestamps written without one (default UTC).
    pub timezone: Zone,
    /// Language of the output (default French).
    pub language: Lang,
    /// Country code added to local phone numbers (default `223`, Mali), digits only.
    pub phone_country: String,
    /// What no rule can check, to verify at interview.
    pub manual_checks: Vec<String>,
}

/// Who a row is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CandidateSpec {
    /// Fields that make up the name.
    pub name: Vec<FieldId>,
    /// Fields that give a way to reach the candidate.
    pub contact: Vec<FieldId>,
    /// When the application was submitted.
    pub submitted_at: Option<FieldId>,
    /// How to find the rows of one person.
    pub duplicates: Option<Duplicates>,
}

/// Duplicate detection.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicates {
    /// Rows that share any of these values are one person.
    pub by: Vec<FieldId>,
    /// Which row is kept.
    pub keep: Keep,
}

/// Which of a person's rows is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The latest on-time submission.
    Latest,
    /// The earliest submission.
    Earliest,
}

/// What orders eligible candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The preference score.
    Score,
    /// The spreadsheet row.
    Row,
    /// A field's value.
    Field(FieldId),
}

/// One entry of `tie_break`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TieBreak {
    /// What to compare.
    pub key: SortKey,
    /// Largest first.
    pub descending: bool,
}

/// The `shortlist:` section, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct ShortlistSpec {
    /// Candidates shortlisted (per group with `per`).
    pub size: u32,
    /// A shortlist per value of this field.
    pub per: Option<FieldId>,
    /// Ordering of the eligible; row ascending always comes last.
    pub tie_break: Vec<TieBreak>,
}

/// A validated posting, ready for screening.
#[derive(Clone, Debug, PartialEq)]
pub struct Posting {
    /// The `posting:` section.
    pub meta: Meta,
    /// The declared fields, in file order.
    pub fields: Vec<Field>,
    /// Who a row is.
    pub candidate: CandidateSpec,
    /// Knockout rules.
    pub requirements: Vec<NamedRule>,
    /// Weighted rules for ranking.
    pub preferences: Vec<NamedRule>,
    /// Shortlist size, grouping and order.
    pub shortlist: ShortlistSpec,
    /// Extra spellings: canonical term and its other spellings.
    pub synonyms: Vec<(String, Vec<String>)>,
}

impl Posting {
    /// The field with this name.
    pub fn field_id(&self, name: &str) -> Option<FieldId> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// The highest score a candidate can get.
    pub fn score_max(&self) -> f64 {
        // From +0.0: `Sum` of no floats is -0.0, which JSON would print as `-0.0`.
        self.preferences
            .iter()
            .filter_map(|p| p.weight)
            .fold(0.0, |sum, w| sum + w)
    }

    /// The minimum degree level named in any rule, for summaries.
    pub fn levels(&self) -> Vec<Level> {
        fn walk(r: &Rule, out: &mut Vec<Level>) {
            match r {
                Rule::Degree {
                    min_level: Some(l), ..
                } => out.push(*l),
                Rule::AllOf(rs) | Rule::AnyOf(rs) => rs.iter().for_each(|r| walk(r, out)),
                Rule::Not(r) => walk(r, out),
                _ => {}
            }
        }
        let mut out = Vec::new();
        for r in self.requirements.iter().chain(&self.preferences) {
            walk(&r.rule, &mut out);
        }
        out
    }
}

/// A posting read from text: the posting if it has no errors, and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The posting, when there is no error.
    pub posting: Option<Posting>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The tree the posting was read from, when the YAML itself was readable.
    pub tree: Option<yaml::Node>,
}

impl Loaded {
    /// The `language` the posting declares, when it reads, even if the posting has errors.
    pub fn language(&self) -> Option<Lang> {
        match self.tree.as_ref()?.get("posting")?.get("language")? {
            yaml::Node::Scalar { text, .. } => text.parse().ok(),
            _ => None,
        }
    }
}

/// Reads a posting from the bytes of a file, its problems told in the language the posting
/// declares unless `--lang` chose one (else the locale's).
pub fn parse_in_its_language(bytes: &[u8]) -> Loaded {
    let loaded = parse(bytes);
    match loaded.language() {
        Some(lang) if crate::i18n::set_posting_messages(lang) => parse(bytes),
        _ => loaded,
    }
}

/// Reads a posting from the bytes of a file. Never panics; every problem is a diagnostic.
pub fn parse(bytes: &[u8]) -> Loaded {
    if bytes.len() > yaml::MAX_BYTES {
        return Loaded {
            posting: None,
            diagnostics: vec![Diagnostic::error(None, yaml::too_big())],
            tree: None,
        };
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            return Loaded {
                posting: None,
                diagnostics: vec![Diagnostic::error(
                    Some(crate::diag::Pos::new(line, 1)),
                    crate::i18n::catalogue::posting_not_utf8(crate::i18n::messages()),
                )],
                tree: None,
            };
        }
    };
    if let Some(at) = text.find('\0') {
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Loaded {
            posting: None,
            diagnostics: vec![Diagnostic::error(
                Some(crate::diag::Pos::new(line, column)),
                crate::i18n::catalogue::posting_nul_byte(crate::i18n::messages()),
            )],
            tree: None,
        };
    }
    let tree = match yaml::load(text) {
        Ok(t) => t,
        Err(e) => {
            return Loaded {
                posting: None,
                diagnostics: vec![Diagnostic::error(e.pos, e.message)],
                tree: None,
            };
        }
    };
    let (posting, mut diagnostics) = validate::build(&tree);
    crate::diag::sort(&mut diagnostics);
    let posting = posting.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Loaded {
        posting,
        diagnostics,
        tree: Some(tree),
    }
}
