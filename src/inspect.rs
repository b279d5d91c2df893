//! What `inspect` tells about a candidate file: per column, how filled it is, sample values,
//! and the field type its values look like; and a `fields:` block to paste into a posting.

use crate::cells::{self, dates, email, number, phone, years, yes_no};
use crate::lexicon::level_of;
use crate::posting::FieldType;
use crate::text::fold;

/// What one column holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnReport {
    /// The header.
    pub name: String,
    /// Non-blank cells.
    pub filled: usize,
    /// Up to three distinct values, in file order.
    pub samples: Vec<String>,
    /// The type its values look like.
    pub kind: FieldType,
    /// For datetimes: times without a zone are UTC (KoboToolbox's `_submission_time`).
    pub utc: bool,
}

/// Collects the values of one column as rows go by.
#[derive(Default)]
pub struct ColumnStats {
    filled: usize,
    samples: Vec<String>,
    values: Vec<String>,
}

/// Values kept per column to infer its type: enough to see the pattern, bounded in memory.
const KEPT: usize = 2000;

impl ColumnStats {
    /// Notes one cell.
    pub fn add(&mut self, cell: &str) {
        if cells::is_blank(cell) {
            return;
        }
        self.filled += 1;
        let t = cell.trim();
        if self.samples.len() < 3 && !self.samples.iter().any(|s| s == t) {
            self.samples.push(t.to_string());
        }
        if self.values.len() < KEPT {
            self.values.push(t.to_string());
        }
    }

    /// The report for a column named `name`.
    pub fn report(&self, name: &str) -> ColumnReport {
        let kind = infer(name, &self.values);
        let last = fold(name.rsplit('/').next().unwrap_or(name));
        ColumnReport {
            name: name.to_string(),
            filled: self.filled,
            samples: self.samples.clone(),
            kind,
            utc: kind == FieldType::Datetime
                && (last == "_submission_time" || last == "start" || last == "end"),
        }
    }
}

fn share(values: &[String], ok: impl Fn(&str) -> bool) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().filter(|v| ok(v)).count() as f64 / values.len() as f64
}

fn header_says(name: &str, words: &[&str]) -> bool {
    let f = fold(name);
    words.iter().any(|w| f.contains(w))
}

/// The field type a column's values look like; `text` when nothing fits well.
pub fn infer(name: &str, values: &[String]) -> FieldType {
    if values.is_empty() {
        return FieldType::Text;
    }
    let plain_number = |v: &str| {
        v.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    if share(values, |v| email::parse(v).is_ok()) >= 0.8 {
        return FieldType::Email;
    }
    if share(values, |v| !plain_number(v) && dates::scan(v).is_ok()) >= 0.8 {
        return FieldType::Datetime;
    }
    let phone_header = header_says(
        name,
        &["tel", "phone", "portable", "mobile", "whatsapp", "contact"],
    );
    let intl = share(values, |v| v.starts_with('+') || v.starts_with("00"));
    if (phone_header || intl >= 0.5)
        && share(values, |v| phone::parse(v, phone::Plan::mali()).is_ok()) >= 0.8
    {
        return FieldType::Phone;
    }
    let mut distinct: Vec<String> = values.iter().map(|v| fold(v)).collect();
    distinct.sort();
    distinct.dedup();
    if distinct.len() <= 8 && share(values, |v| yes_no::parse(v).is_ok()) >= 0.9 {
        return FieldType::YesNo;
    }
    let years_header = header_says(name, &["annee", "ans", "experience", "year", "exp"]);
    let unit_words = share(values, |v| {
        let f = fold(v);
        ["an", "mois", "year", "month", "aucun", "neant"]
            .iter()
            .any(|u| f.contains(u))
    });
    if (years_header || unit_words >= 0.2) && share(values, |v| years::parse(v).is_ok()) >= 0.8 {
        return FieldType::Years;
    }
    if share(values, |v| number::parse(v).is_ok()) >= 0.9 {
        return FieldType::Number;
    }
    let degree_header = header_says(
        name,
        &["diplome", "degree", "niveau d'etude", "qualification"],
    );
    let levels = share(values, |v| level_of(v).is_some());
    if levels >= 0.5 || (degree_header && levels >= 0.3) {
        return FieldType::Degree;
    }
    let separated = share(values, |v| v.contains([';', ',', '|', '\n']));
    let codes = share(values, |v| {
        v.contains(' ')
            && v.split(' ').all(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
    });
    let list_header = header_says(
        name,
        &["documents", "pieces", "langues", "languages", "domaines"],
    );
    if separated >= 0.3 || codes >= 0.3 || (list_header && separated + codes > 0.0) {
        return FieldType::List;
    }
    FieldType::Text
}

/// An ASCII snake_case field name for a header: the last part of a KoboToolbox group path,
/// accents and punctuation folded away.
pub fn field_name(header: &str) -> String {
    let last = header.rsplit('/').next().unwrap_or(header);
    let folded = fold(last);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    let out = out.trim_matches('_').to_string();
    match out.chars().next() {
        None => "column".into(),
        Some(c) if c.is_ascii_digit() => format!("c_{out}"),
        Some(_) => out,
    }
}

/// A YAML scalar that reads back as exactly `s` inside a flow mapping.
pub fn yaml_scalar(s: &str) -> String {
    const BOOLEANS_AND_NULLS: &[&str] = &[
        "y", "yes", "n", "no", "on", "off", "true", "false", "null", "~",
    ];
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !s.contains([',', '[', ']', '{', '}', '"', '\''])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(char::is_control)
        && !BOOLEANS_AND_NULLS.contains(&s.to_lowercase().as_str())
        && s.parse::<f64>().is_err();
    if plain {
        return s.to_string();
    }
    if s.chars().any(char::is_control) {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        return out;
    }
    format!("'{}'", s.replace('\'', "''"))
}

/// The `fields:` block for these columns, ready to paste into a posting.
pub fn fields_block(columns: &[ColumnReport]) -> String {
    let mut names: Vec<String> = Vec::new();
    for c in columns {
        let base = field_name(&c.name);
        let mut name = base.clone();
        let mut n = 2;
        while names.contains(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        names.push(name);
    }
    let width = names.iter().map(String::len).max().unwrap_or(0) + 1;
    let mut out = String::from("fields:\n");
    for (c, name) in columns.iter().zip(&names) {
        let zone = if c.utc { ", timezone: UTC" } else { "" };
        out.push_str(&format!(
            "  {:<width$} {{ column: {}, type: {}{zone} }}\n",
            format!("{name}:"),
            yaml_scalar(&c.name),
            c.kind.name(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn infers_types_from_values_and_headers() {
        for (name, vals, want) in [
            (
                "Adresse e-mail",
                &["a@b.ml", "c@d.com"][..],
                FieldType::Email,
            ),
            (
                "Horodateur",
                &["2024/02/20 3:08:24 PM UTC", "2024/02/21 9:00:00 AM UTC"],
                FieldType::Datetime,
            ),
            (
                "_submission_time",
                &["2022-09-19T10:15:32"],
                FieldType::Datetime,
            ),
            (
                "Téléphone",
                &["76 12 34 56", "+223 66554433"],
                FieldType::Phone,
            ),
            ("USAID", &["Oui", "Non", "oui"], FieldType::YesNo),
            (
                "District",
                &["x", "NON", "non", "n", "oui", "o", "OUI"],
                FieldType::YesNo,
            ),
            (
                "group_exp/domaines/ccsc",
                &["1", "0", "1"],
                FieldType::YesNo,
            ),
            (
                "Années d'expérience",
                &["3 ans", "trois ans", "5"],
                FieldType::Years,
            ),
            ("Âge", &["25", "31", "40", "28", "33"], FieldType::Number),
            (
                "Diplôme",
                &["Licence en sociologie", "Master", "BTS"],
                FieldType::Degree,
            ),
            ("Documents fournis", &["CV, LM", "CV"], FieldType::List),
            (
                "group_dossier/pieces",
                &["cv lettre_motivation", "cv"],
                FieldType::List,
            ),
            ("Nom", &["Traoré", "Diarra"], FieldType::Text),
            ("Vide", &[], FieldType::Text),
        ] {
            assert_eq!(infer(name, &values(vals)), want, "{name}");
        }
    }

    #[test]
    fn derives_field_names() {
        assert_eq!(
            field_name("Années d'expérience terrain"),
            "annees_d_experience_terrain"
        );
        assert_eq!(field_name("group_exp/annees_gysi_wash"), "annees_gysi_wash");
        assert_eq!(field_name("_submission_time"), "submission_time");
        assert_eq!(field_name("2024"), "c_2024");
        assert_eq!(field_name("???"), "column");
    }

    #[test]
    fn quotes_yaml_only_when_needed() {
        assert_eq!(yaml_scalar("Horodateur"), "Horodateur");
        assert_eq!(yaml_scalar("Domaine d'études"), "'Domaine d''études'");
        assert_eq!(yaml_scalar("Poste : objet"), "'Poste : objet'");
        assert_eq!(yaml_scalar("a, b"), "'a, b'");
        assert_eq!(yaml_scalar("no"), "'no'");
        assert_eq!(yaml_scalar("2024"), "'2024'");
        assert_eq!(yaml_scalar("-x"), "'-x'");
        assert_eq!(yaml_scalar("a\nb"), "\"a\\nb\"");
    }
}
