//! Cell parsers: one module per field type, each reading a cell into a value or an unknown
//! with its reason. [`read`] applies the right one to a cell of a field.

pub mod dates;
pub mod email;
pub mod list;
pub mod number;
pub mod phone;
pub mod years;
pub mod yes_no;

use crate::lexicon::{Level, level_of};

/// What a cell holds once read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Empty, spaces, `N/A`, `NA`, `-`.
    Blank,
    /// Written, but not in a form this type reads; the reason says why.
    Unknown(String),
    /// Free text, trimmed.
    Text(String),
    /// A lower-cased e-mail address.
    Email(email::Address),
    /// Digits with the country code.
    Phone(phone::Phone),
    /// A number of years.
    Years(f64),
    /// A point in time.
    Instant(dates::Instant),
    /// Yes (`true`) or no.
    YesNo(bool),
    /// The items a list names, and what it holds besides.
    List(list::Items),
    /// A number.
    Number(f64),
    /// A diploma.
    Degree(Degree),
}

/// A diploma: its level when the text names one, and its words for subjects.
#[derive(Clone, Debug, PartialEq)]
pub struct Degree {
    /// The highest level named, if any.
    pub level: Option<Level>,
    /// Folded words of the text.
    pub words: Vec<String>,
    /// The fields of study it names.
    pub named: crate::lexicon::isced::Named,
}

/// Whether a cell is blank: empty, only spaces, or `N/A`, `NA`, `-`.
pub fn is_blank(cell: &str) -> bool {
    let t = crate::text::trim(cell);
    t.is_empty()
        || (t.len() <= 4
            && ["n/a", "na", "-", "--", "n.a."]
                .iter()
                .any(|b| t.eq_ignore_ascii_case(b)))
}

/// What [`read`] needs besides the cell.
pub struct Context<'a> {
    /// Numbering plan of phone numbers written without a country code.
    pub phone_country: &'a phone::Plan,
    /// Items the posting looks for in list fields.
    pub known_items: &'a [crate::lexicon::Term],
    /// Separator forced on list fields.
    pub separator: Option<&'a str>,
    /// Day/month order of this column's dates.
    pub order: dates::Order,
    /// Zone of times written without one.
    pub zone: &'a dates::Zone,
}

/// The type of a candidate field, which says how its cells are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// Free text.
    Text,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A number of years.
    Years,
    /// A date and time.
    Datetime,
    /// Yes or no.
    YesNo,
    /// A list of items.
    List,
    /// A number.
    Number,
    /// A diploma: a level and subject words.
    Degree,
}

impl FieldType {
    /// The name used in postings.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Email => "email",
            FieldType::Phone => "phone",
            FieldType::Years => "years",
            FieldType::Datetime => "datetime",
            FieldType::YesNo => "yes_no",
            FieldType::List => "list",
            FieldType::Number => "number",
            FieldType::Degree => "degree",
        }
    }
}

/// Reads one cell as a value of `kind`.
pub fn read(kind: FieldType, cell: &str, cx: &Context) -> Value {
    if is_blank(cell) {
        return Value::Blank;
    }
    let unknown = Value::Unknown;
    match kind {
        FieldType::Text => Value::Text(cell.trim().to_string()),
        FieldType::Email => email::parse(cell).map_or_else(unknown, Value::Email),
        FieldType::Phone => phone::parse(cell, cx.phone_country).map_or_else(unknown, Value::Phone),
        FieldType::Years => years::parse(cell).map_or_else(unknown, Value::Years),
        FieldType::Datetime => {
            dates::parse(cell, cx.order, cx.zone).map_or_else(unknown, Value::Instant)
        }
        FieldType::YesNo => yes_no::parse(cell).map_or_else(unknown, Value::YesNo),
        FieldType::List => Value::List(list::parse(cell, cx.separator, cx.known_items)),
        FieldType::Number => number::parse(cell).map_or_else(unknown, Value::Number),
        FieldType::Degree => {
            let words = crate::lexicon::degree_words(cell);
            Value::Degree(Degree {
                level: level_of(cell),
                named: crate::lexicon::isced::named(&words),
                words,
            })
        }
    }
}

/// `cell` with `word` before it (`place` 0), between its middle words (1) or after it (2),
/// for the property tests that a word no reader knows makes a cell unknown.
#[cfg(test)]
pub(crate) fn with_word(cell: &str, word: &str, place: usize) -> String {
    let words: Vec<&str> = cell.split(' ').collect();
    match place {
        0 => format!("{word} {cell}"),
        1 => {
            let (a, b) = words.split_at(words.len().div_ceil(2));
            format!("{} {word} {}", a.join(" "), b.join(" "))
        }
        _ => format!("{cell} {word}"),
    }
}

/// Every field type.
pub const FIELD_TYPES: [FieldType; 9] = [
    FieldType::Text,
    FieldType::Email,
    FieldType::Phone,
    FieldType::Years,
    FieldType::Datetime,
    FieldType::YesNo,
    FieldType::List,
    FieldType::Number,
    FieldType::Degree,
];

/// Reads `text` as every field type, in both day/month orders, and as a deadline, a zone, a
/// level and a term: the whole surface that candidate text meets, for property tests and
/// fuzzing.
pub fn read_every_way(text: &str) {
    let zone = dates::Zone::default();
    let known = [crate::lexicon::Term::new("lettre de motivation", &[])];
    for order in [dates::Order::DayFirst, dates::Order::MonthFirst] {
        let cx = Context {
            phone_country: phone::Plan::mali(),
            known_items: &known,
            separator: None,
            order,
            zone: &zone,
        };
        for kind in FIELD_TYPES {
            let _ = read(kind, text, &cx);
        }
    }
    let _ = dates::parse_deadline(text, &zone);
    let _ = dates::Zone::parse(text);
    let _ = level_of(text);
    let _ = crate::lexicon::Term::new(text, &[]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_are_blank_for_every_type() {
        let zone = dates::Zone::default();
        let cx = Context {
            phone_country: phone::Plan::mali(),
            known_items: &[],
            separator: None,
            order: dates::Order::DayFirst,
            zone: &zone,
        };
        for cell in ["", "   ", "N/A", "n/a", "NA", "-"] {
            assert!(is_blank(cell), "{cell:?}");
            assert_eq!(read(FieldType::Years, cell, &cx), Value::Blank);
            assert_eq!(read(FieldType::Text, cell, &cx), Value::Blank);
        }
        assert_eq!(read(FieldType::Years, "3,5 ans", &cx), Value::Years(3.5));
        assert!(matches!(
            read(FieldType::Years, "quelques années", &cx),
            Value::Unknown(_)
        ));
        assert!(matches!(
            read(FieldType::Degree, "Licence en sociolgie", &cx),
            Value::Degree(Degree {
                level: Some(Level::Bac3),
                ..
            })
        ));
    }
}
