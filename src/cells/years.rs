//! Years of experience: `3`, `3,5`, `3 ans`, `trois ans`, `2 ans et demi`, `18 mois`,
//! `1 an 6 mois`, `5+`, `plus de 5 ans`, `3-5 ans` (the lower bound), `aucune`, `néant`, and the
//! English forms.

use crate::text::fold;

/// The most years a cell may say before it is taken for something else (a year, a typo).
pub const MAX_YEARS: f64 = 60.0;

/// Reads a number of years, or says why it cannot.
pub fn parse(cell: &str) -> Result<f64, String> {
    let f = fold(cell);
    if NONE.contains(&f.as_str()) || f.starts_with("pas d") || f.starts_with("no experience") {
        return Ok(0.0);
    }
    let mut s = f.as_str();
    for prefix in PREFIXES {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
            break;
        }
    }
    if s.starts_with('-') && s[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return Err("a negative number of years".into());
    }
    let tokens = tokenize(s);
    let years =
        total(&tokens).ok_or_else(|| format!("`{}` is not a number of years", cell.trim()))?;
    if !(0.0..=MAX_YEARS).contains(&years) {
        return Err(format!("{years} years is not a plausible number of years"));
    }
    Ok(years)
}

const NONE: &[&str] = &[
    "aucune",
    "aucun",
    "neant",
    "nul",
    "nulle",
    "none",
    "nil",
    "zero",
    "0",
    "pas d'experience",
    "sans experience",
    "no experience",
];

const PREFIXES: &[&str] = &[
    "plus de",
    "plus d'",
    "au moins",
    "environ",
    "pres de",
    "more than",
    "over",
    "at least",
    "about",
    "around",
    "approximately",
    "approx.",
    "approx",
    "env.",
    "env",
    ">=",
    ">",
    "≥",
    "~",
    "+",
];

#[derive(Debug, PartialEq)]
enum Tok {
    Num(f64),
    Years,
    Months,
    Half,
    And,
    RangeSep,
    Plus,
    /// `a`: French `à` of a range, or English `a` of `a year`, `and a half`.
    A,
    Word,
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',')
            {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect::<String>().replace(',', ".");
            let text = text.trim_end_matches('.');
            out.push(text.parse().map_or(Tok::Word, Tok::Num));
            continue;
        }
        if c.is_alphabetic() || c == '\'' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || chars[i] == '\''
                    || chars[i] == '-' && chars.get(i + 1).is_some_and(|n| n.is_alphabetic()))
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.extend(word_tokens(&word));
            continue;
        }
        match c {
            '-' | '–' | '/' => out.push(Tok::RangeSep),
            '+' => out.push(Tok::Plus),
            '½' => out.push(Tok::Half),
            _ => {}
        }
        i += 1;
    }
    out
}

fn word_tokens(w: &str) -> Vec<Tok> {
    if let Some(n) = number_word(w) {
        return vec![Tok::Num(n)];
    }
    match w {
        "an" | "ans" | "annee" | "annees" | "year" | "years" | "yr" | "yrs" | "y" => {
            vec![Tok::Years]
        }
        "mois" | "month" | "months" | "m" => vec![Tok::Months],
        "demi" | "demie" | "half" => vec![Tok::Half],
        "et" | "and" => vec![Tok::And],
        "a" => vec![Tok::A],
        "to" | "au" => vec![Tok::RangeSep],
        "plus" => vec![Tok::Plus],
        _ => match w.split_once('-') {
            // dix-sept, twenty-one…
            Some(_) => vec![Tok::Word],
            None => vec![Tok::Word],
        },
    }
}

fn number_word(w: &str) -> Option<f64> {
    const FR: [&str; 21] = [
        "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
        "dix-neuf", "vingt",
    ];
    const EN: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if w == "une" {
        return Some(1.0);
    }
    FR.iter()
        .position(|x| *x == w)
        .or_else(|| EN.iter().position(|x| *x == w))
        .map(|n| n as f64)
}

/// Adds up `N [unit] [et demi]` groups; a range keeps its lower bound. `None` when a word that
/// is not part of a quantity comes before any quantity is complete.
fn total(tokens: &[Tok]) -> Option<f64> {
    let mut sum = 0.0;
    let mut pending: Option<f64> = None;
    let mut seen_quantity = false;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Tok::Num(n) => {
                if let Some(p) = pending.take() {
                    // `1 6` with no unit between: not a quantity we understand.
                    let _ = p;
                    return None;
                }
                pending = Some(*n);
            }
            Tok::Years => {
                let n = pending.take()?;
                sum += n;
                seen_quantity = true;
                // `2 ans et demi`, `2 years and a half`
                let skip_a = usize::from(matches!(tokens.get(i + 2), Some(Tok::A)));
                if matches!(tokens.get(i + 1), Some(Tok::And))
                    && matches!(tokens.get(i + 2 + skip_a), Some(Tok::Half))
                {
                    sum += 0.5;
                    i += 2 + skip_a;
                }
            }
            Tok::Months => {
                let n = pending.take()?;
                sum += n / 12.0;
                seen_quantity = true;
            }
            Tok::A => match (pending, tokens.get(i + 1)) {
                // `3 à 5 ans`
                (Some(_), Some(Tok::Num(_))) => i += 1,
                // `a year`
                (None, Some(Tok::Years | Tok::Months)) if !seen_quantity => pending = Some(1.0),
                // `half a year`, `and a half`
                (_, Some(Tok::Half | Tok::Years | Tok::Months)) => {}
                _ if seen_quantity || pending.is_some() => break,
                _ => return None,
            },
            Tok::And => {
                // `1 an et 6 mois`, `2 et demi ans`, `2 and a half years`
                let skip_a = usize::from(matches!(tokens.get(i + 1), Some(Tok::A)));
                if matches!(tokens.get(i + 1 + skip_a), Some(Tok::Half)) {
                    i += skip_a;
                    if let Some(p) = pending.as_mut() {
                        *p += 0.5;
                        i += 1;
                    } else if !seen_quantity {
                        return None;
                    }
                }
            }
            Tok::Half => {
                if let Some(p) = pending.as_mut() {
                    *p += 0.5;
                } else if !seen_quantity {
                    // `half a year`
                    pending = Some(0.5);
                }
            }
            Tok::RangeSep => {
                // `3-5 ans`, `3 à 5 ans`: keep the lower bound, skip the upper one.
                if let (Some(lo), Some(Tok::Num(_))) = (pending, tokens.get(i + 1)) {
                    pending = Some(lo);
                    i += 1;
                } else if pending.is_some() || seen_quantity {
                    break;
                } else {
                    return None;
                }
            }
            Tok::Plus => {
                if pending.is_none() && !seen_quantity {
                    return None;
                }
            }
            Tok::Word => {
                if seen_quantity || pending.is_some() {
                    // Trailing words after a quantity (`3 ans dans une ONG`) are ignored.
                    break;
                }
                return None;
            }
        }
        i += 1;
    }
    if let Some(n) = pending {
        sum += n;
        seen_quantity = true;
    }
    seen_quantity.then_some(sum)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_every_listed_form() {
        for (cell, want) in [
            ("3", 3.0),
            ("3.5", 3.5),
            ("3,5", 3.5),
            ("3 ans", 3.0),
            ("3ans", 3.0),
            ("3 Ans", 3.0),
            ("  4 années ", 4.0),
            ("1 an", 1.0),
            ("trois ans", 3.0),
            ("Deux ans", 2.0),
            ("dix-sept ans", 17.0),
            ("vingt ans", 20.0),
            ("2 ans et demi", 2.5),
            ("deux ans et demi", 2.5),
            ("18 mois", 1.5),
            ("6 mois", 0.5),
            ("1 an 6 mois", 1.5),
            ("1 an et 6 mois", 1.5),
            ("5+", 5.0),
            ("5 +", 5.0),
            ("+5", 5.0),
            ("plus de 5 ans", 5.0),
            ("> 5", 5.0),
            (">5 ans", 5.0),
            ("au moins 3 ans", 3.0),
            ("3-5 ans", 3.0),
            ("3 - 5 ans", 3.0),
            ("3 à 5 ans", 3.0),
            ("aucune", 0.0),
            ("Aucun", 0.0),
            ("néant", 0.0),
            ("Néant", 0.0),
            ("0", 0.0),
            ("pas d'expérience", 0.0),
            ("3 years", 3.0),
            ("three years", 3.0),
            ("2 and a half years", 2.5),
            ("two and a half years", 2.5),
            ("18 months", 1.5),
            ("1 year 6 months", 1.5),
            ("more than 5 years", 5.0),
            ("over 5 years", 5.0),
            ("at least 3 years", 3.0),
            ("3 to 5 years", 3.0),
            ("none", 0.0),
            ("3 ans dans une ONG", 3.0),
            ("2 ans d'expérience", 2.0),
            ("60", 60.0),
            ("1½ ans", 1.5),
            ("a year and a half", 1.5),
            ("half a year", 0.5),
            ("un an et demi", 1.5),
        ] {
            assert_eq!(parse(cell), Ok(want), "{cell:?}");
        }
    }

    #[test]
    fn says_why_others_are_unknown() {
        for (cell, why) in [
            (
                "quelques années",
                "`quelques années` is not a number of years",
            ),
            ("depuis 2019", "`depuis 2019` is not a number of years"),
            ("2019", "2019 years is not a plausible number of years"),
            ("-2", "a negative number of years"),
            ("-1 an", "a negative number of years"),
            ("61", "61 years is not a plausible number of years"),
            ("beaucoup", "`beaucoup` is not a number of years"),
            ("", "`` is not a number of years"),
            ("ans", "`ans` is not a number of years"),
        ] {
            assert_eq!(parse(cell), Err(why.to_string()), "{cell:?}");
        }
    }
}
