//! The typed rules the engine evaluates, built once from the raw YAML by validation.

use crate::lexicon::Level;

/// The index of a field in [`super::Posting::fields`].
pub type FieldId = usize;

/// A rule, checked: every field exists and has a type the rule can read.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// The degree is at least `min_level` and names one of `subjects` (in `field` or `also`).
    Degree {
        /// The degree field.
        field: FieldId,
        /// Another field whose text may name the subject (the field of study).
        also: Option<FieldId>,
        /// The lowest level accepted.
        min_level: Option<Level>,
        /// Subjects, one of which must be named; empty means any.
        subjects: Vec<String>,
    },
    /// At least `min` years; as a preference, partial credit up to `full_at`.
    Years {
        /// The years field.
        field: FieldId,
        /// The least number of years.
        min: f64,
        /// Years at which a preference gives its full weight.
        full_at: Option<f64>,
    },
    /// The cell reads yes.
    IsYes(FieldId),
    /// The cell reads no.
    IsNo(FieldId),
    /// The value is one of `values` (folded).
    OneOf {
        /// The field.
        field: FieldId,
        /// Accepted values.
        values: Vec<String>,
    },
    /// The text contains one of `texts` (folded).
    Contains {
        /// The field.
        field: FieldId,
        /// Texts, one of which must appear.
        texts: Vec<String>,
    },
    /// The list holds every one of `items`.
    Includes {
        /// The list field.
        field: FieldId,
        /// Items that must all be there.
        items: Vec<String>,
    },
    /// Every field has a value.
    NotBlank(Vec<FieldId>),
    /// `min ≤ value ≤ max`.
    Number {
        /// The number or years field.
        field: FieldId,
        /// Lower bound, inclusive.
        min: Option<f64>,
        /// Upper bound, inclusive.
        max: Option<f64>,
    },
    /// The instant is at or before the posting's deadline.
    OnTime(FieldId),
    /// Every rule passes.
    AllOf(Vec<Rule>),
    /// At least one rule passes.
    AnyOf(Vec<Rule>),
    /// The rule fails.
    Not(Box<Rule>),
}

impl Rule {
    /// Every field the rule reads, in order of appearance.
    pub fn fields(&self) -> Vec<FieldId> {
        let mut out = Vec::new();
        self.collect_fields(&mut out);
        out
    }

    fn collect_fields(&self, out: &mut Vec<FieldId>) {
        match self {
            Rule::Degree { field, also, .. } => {
                out.push(*field);
                out.extend(*also);
            }
            Rule::Years { field, .. }
            | Rule::OneOf { field, .. }
            | Rule::Contains { field, .. }
            | Rule::Includes { field, .. }
            | Rule::Number { field, .. } => out.push(*field),
            Rule::IsYes(f) | Rule::IsNo(f) | Rule::OnTime(f) => out.push(*f),
            Rule::NotBlank(fs) => out.extend(fs),
            Rule::AllOf(rs) | Rule::AnyOf(rs) => rs.iter().for_each(|r| r.collect_fields(out)),
            Rule::Not(r) => r.collect_fields(out),
        }
    }
}

/// A top-level rule: a requirement or a preference.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedRule {
    /// Unique id.
    pub id: String,
    /// What the rule means, in the posting's words.
    pub label: Option<String>,
    /// Points, for a preference.
    pub weight: Option<f64>,
    /// The rule.
    pub rule: Rule,
    /// Where the posting writes it.
    pub pos: crate::diag::Pos,
}
