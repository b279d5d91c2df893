//! What each rule asks, in words, in French and English: the one place a rule's demand is
//! worded, whole for the report, the workbook and the posting's summary ([`rule_words`]),
//! and as the part of a candidate's detail that says what was required (the other
//! functions, which [`crate::output::explain::detail`] puts after what was read).

use crate::i18n::Lang;
use crate::output::explain::number;
use crate::posting::{Posting, Rule};
use std::fmt::Display;

/// A rule in plain words: what it asks of which column.
pub fn rule_words(p: &Posting, rule: &Rule, lang: Lang) -> String {
    let col = |f: usize| p.fields[f].column.clone();
    let fr = lang == Lang::Fr;
    let n = |x: f64| number(x, lang);
    match rule {
        Rule::Degree {
            field,
            also,
            min_level,
            subjects,
        } => {
            let mut parts = Vec::new();
            if let Some(l) = min_level {
                parts.push(if fr {
                    format!("niveau au moins {l}")
                } else {
                    format!("level at least {l}")
                });
            }
            if !subjects.is_empty() {
                let list = subjects.join(", ");
                parts.push(if fr {
                    format!("domaine : {list}")
                } else {
                    format!("subject: {list}")
                });
            }
            let cols = match also {
                Some(a) => format!("{} / {}", col(*field), col(*a)),
                None => col(*field),
            };
            format!(
                "{cols}{} {}",
                lang.pick(" :", ":"),
                parts.join(lang.pick(" ; ", "; "))
            )
        }
        Rule::Years {
            field,
            min,
            full_at: Some(full),
        } => {
            if fr {
                format!(
                    "{} : de {} (0 point) à {} (tous les points)",
                    col(*field),
                    years(*min, lang),
                    years(*full, lang)
                )
            } else {
                format!(
                    "{}: from {} (no points) to {} (all points)",
                    col(*field),
                    years(*min, lang),
                    years(*full, lang)
                )
            }
        }
        Rule::Years { field, min, .. } => {
            if fr {
                format!("{} : au moins {}", col(*field), years(*min, lang))
            } else {
                format!("{}: at least {}", col(*field), years(*min, lang))
            }
        }
        Rule::IsYes(f) => format!(
            "{}{} {}",
            col(*f),
            lang.pick(" :", ":"),
            lang.pick("oui", "yes")
        ),
        Rule::IsNo(f) => format!(
            "{}{} {}",
            col(*f),
            lang.pick(" :", ":"),
            lang.pick("non", "no")
        ),
        Rule::OneOf { field, values } => {
            format!(
                "{} {} {}",
                col(*field),
                lang.pick("parmi :", "one of:"),
                values.join(lang.pick(" ; ", "; "))
            )
        }
        Rule::Contains { field, texts } => {
            format!(
                "{} {} {}",
                col(*field),
                lang.pick("contient :", "contains:"),
                texts.join(" / ")
            )
        }
        Rule::Includes { field, items } => {
            format!(
                "{} {} {}",
                col(*field),
                lang.pick("comprend :", "includes:"),
                items.join(lang.pick(" ; ", "; "))
            )
        }
        Rule::NotBlank(fields) => {
            let cols: Vec<String> = fields.iter().map(|f| col(*f)).collect();
            format!(
                "{} {}",
                lang.pick("renseignés :", "filled in:"),
                cols.join(", ")
            )
        }
        Rule::Number { field, min, max } => match (min, max) {
            (Some(a), Some(b)) => format!(
                "{} {} {} {} {}",
                col(*field),
                lang.pick("entre", "between"),
                n(*a),
                lang.pick("et", "and"),
                n(*b)
            ),
            (Some(a), None) => format!("{} ≥ {}", col(*field), n(*a)),
            (None, Some(b)) => format!("{} ≤ {}", col(*field), n(*b)),
            (None, None) => col(*field),
        },
        Rule::OnTime(f) => {
            let deadline = p
                .meta
                .deadline
                .as_ref()
                .map(|d| crate::output::when::deadline(d, &p.meta.timezone, lang))
                .unwrap_or_default();
            format!(
                "{} {} {deadline}",
                col(*f),
                lang.pick("au plus tard le", "no later than")
            )
        }
        Rule::AllOf(rules) => {
            let parts: Vec<String> = rules
                .iter()
                .map(|r| format!("({})", rule_words(p, r, lang)))
                .collect();
            parts.join(lang.pick(" et ", " and "))
        }
        Rule::AnyOf(rules) => {
            let parts: Vec<String> = rules
                .iter()
                .map(|r| format!("({})", rule_words(p, r, lang)))
                .collect();
            parts.join(lang.pick(" ou ", " or "))
        }
        Rule::Not(r) => format!("{} ({})", lang.pick("pas", "not"), rule_words(p, r, lang)),
    }
}

/// A number of years, the noun agreed with it: `1 an`, `2,5 ans`, `1 year`, `0 years`.
pub fn years(n: f64, lang: Lang) -> String {
    let unit = match (lang, lang.plural(n)) {
        (Lang::Fr, false) => "an",
        (Lang::Fr, true) => "ans",
        (Lang::En, false) => "year",
        (Lang::En, true) => "years",
    };
    format!("{} {unit}", number(n, lang))
}

/// At least `x` required.
pub fn at_least(x: impl Display, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("au moins {x} requis"),
        Lang::En => format!("at least {x} required"),
    }
}

/// At most `x` required.
pub fn at_most(x: impl Display, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("au plus {x} requis"),
        Lang::En => format!("at most {x} required"),
    }
}

/// Between `a` and `b` required.
pub fn between(a: impl Display, b: impl Display, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("entre {a} et {b} requis"),
        Lang::En => format!("between {a} and {b} required"),
    }
}

/// The subjects a diploma must be in.
pub fn subject_wanted(subjects: &[String], lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("domaine attendu : {}", subjects.join(", ")),
        Lang::En => format!("subject wanted: {}", subjects.join(", ")),
    }
}

/// The answer a yes/no cell must give.
pub fn answer_required(yes: bool, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("« {} » requis", if yes { "oui" } else { "non" }),
        Lang::En => format!("\"{}\" required", if yes { "yes" } else { "no" }),
    }
}

/// The values a cell must be one of, listed.
pub fn one_of(values: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("attendu : {values}"),
        Lang::En => format!("expected: {values}"),
    }
}

/// The texts a cell must contain one of.
pub fn must_contain(texts: &[String], lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("doit contenir : {}", texts.join(" / ")),
        Lang::En => format!("must contain: {}", texts.join(" / ")),
    }
}

/// The items a list must hold, listed.
pub fn items_required(items: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("requis : {items}"),
        Lang::En => format!("required: {items}"),
    }
}

/// The deadline a submission must meet, written.
pub fn deadline(when: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("date limite {when}"),
        Lang::En => format!("deadline {when}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_agree_with_their_number() {
        let fr: Vec<String> = [0.0, 1.0, 1.5, 2.0, 0.06]
            .iter()
            .map(|&n| years(n, Lang::Fr))
            .collect();
        assert_eq!(fr, ["0 an", "1 an", "1,5 an", "2 ans", "0,06 an"]);
        let en: Vec<String> = [0.0, 1.0, 1.5, 2.0]
            .iter()
            .map(|&n| years(n, Lang::En))
            .collect();
        assert_eq!(en, ["0 years", "1 year", "1.5 years", "2 years"]);
    }

    #[test]
    fn each_rule_is_worded_in_both_languages() {
        let yaml = "
posting: { id: t, title: T }
fields:
  degree: { column: Diplôme, type: degree }
  years: { column: Expérience, type: years }
  moto: { column: Moto, type: yes_no }
  docs: { column: Pièces, type: list }
requirements:
  - id: a
    degree: { field: degree, min_level: bac+3, subjects: [sociologie] }
  - id: b
    years: { field: years, min: 2 }
  - id: c
    is_yes: moto
  - id: d
    includes: { field: docs, items: [cv, lettre] }
preferences:
  - id: e
    weight: 10
    years: { field: years, min: 2, full_at: 7 }
";
        let loaded = crate::posting::parse(yaml.as_bytes());
        let p = loaded
            .posting
            .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
        let words = |lang: Lang| -> Vec<String> {
            p.requirements
                .iter()
                .chain(&p.preferences)
                .map(|r| rule_words(&p, &r.rule, lang))
                .collect()
        };
        assert_eq!(
            words(Lang::Fr),
            [
                "Diplôme : niveau au moins bac+3 ; domaine : sociologie",
                "Expérience : au moins 2 ans",
                "Moto : oui",
                "Pièces comprend : cv ; lettre",
                "Expérience : de 2 ans (0 point) à 7 ans (tous les points)",
            ]
        );
        assert_eq!(
            words(Lang::En),
            [
                "Diplôme: level at least bac+3; subject: sociologie",
                "Expérience: at least 2 years",
                "Moto: yes",
                "Pièces includes: cv; lettre",
                "Expérience: from 2 years (no points) to 7 years (all points)",
            ]
        );
    }
}
