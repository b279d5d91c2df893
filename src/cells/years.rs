//! Years of experience, read from the whole cell: `3`, `3,5`, `3 ans`, `trois ans`,
//! `2 ans et demi`, `2 ans 1/2`, `18 mois`, `1 an et 6 mois`, `3 semaines`, `5+`,
//! `plus de 5 ans`, `3-5 ans` (the lower bound), `trois (03) ans`, `aucune`, `néant`, and the
//! English forms.
//!
//! Every word and sign of the cell must be placed (a number, a unit, a fraction, a bound, a
//! connector); a cell holding anything else (`3 stages`, `environ 4 ans`, `12/2019 - 03/2023`,
//! `18 mois (1 an et demi)`) is unknown, never read from the part that was understood.

use crate::text::fold;

/// The most years a cell may say before it is taken for something else (a year, a typo).
pub const MAX_YEARS: f64 = 60.0;

/// Reads a number of years, or says why it cannot.
pub fn parse(cell: &str) -> Result<f64, String> {
    let folded = fold(cell);
    let f = folded.trim_end_matches(['.', ' ']);
    if NONE.contains(&f) {
        return Ok(0.0);
    }
    let not_years = || format!("`{}` is not a number of years", cell.trim());
    let after_minus = f.strip_prefix('-').or_else(|| f.strip_prefix('−'));
    if after_minus.is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit())) {
        return Err("a negative number of years".into());
    }
    let core = strip_bounds(f);
    let tokens = lex(core).map_err(|e| match e {
        Lexed::Sign(c) => format!(
            "`{c}` in `{}` is not part of a number of years",
            cell.trim()
        ),
        Lexed::Word(w) => format!(
            "`{w}` in `{}` is not part of a number of years",
            cell.trim()
        ),
        Lexed::Period => format!(
            "`{}` is a date or a period, not a number of years",
            cell.trim()
        ),
        Lexed::Disagree => format!("the figures and the words of `{}` disagree", cell.trim()),
    })?;
    let years = total(&tokens).ok_or_else(not_years)?;
    if !(0.0..=MAX_YEARS).contains(&years) {
        return Err(format!("{years} years is not a plausible number of years"));
    }
    Ok(years)
}

/// Whole cells that say no experience.
const NONE: &[&str] = &[
    "aucune",
    "aucun",
    "aucune experience",
    "neant",
    "nul",
    "nulle",
    "none",
    "nil",
    "pas d'experience",
    "pas d experience",
    "sans experience",
    "no experience",
];

/// Lower bounds written before the number, read as the number itself.
const LOWER_BEFORE: &[&str] = &[
    "plus de ",
    "plus d'",
    "+ de ",
    "+de ",
    "au moins ",
    "minimum ",
    "more than ",
    "over ",
    "at least ",
    ">=",
    "≥",
    ">",
    "+",
];

/// Lower bounds written after the number.
const LOWER_AFTER: &[&str] = &[" et plus", " ou plus", " or more", " and more", "+"];

/// Words after the quantity that restate what the column asks.
const EXPERIENCE_AFTER: &[&str] = &[
    " d'experience",
    " d experience",
    " de experience",
    " of experience",
    " experience",
];

/// The cell without a lower bound (`plus de`, `5+`) or a trailing `d'expérience`: the bound
/// reads as its number.
fn strip_bounds(f: &str) -> &str {
    let mut s = f.trim();
    for p in LOWER_BEFORE {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest.trim_start();
            break;
        }
    }
    loop {
        let before = s;
        for tail in LOWER_AFTER.iter().chain(EXPERIENCE_AFTER) {
            if let Some(rest) = s.strip_suffix(tail) {
                s = rest.trim_end();
            }
        }
        if s == before {
            return s;
        }
    }
}

/// A unit of time, as a share of a year.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Years,
    Months,
    Weeks,
    Days,
}

impl Unit {
    fn of_word(w: &str) -> Option<Unit> {
        Some(match w {
            "an" | "ans" | "annee" | "annees" | "year" | "years" | "yr" | "yrs" => Unit::Years,
            "mois" | "month" | "months" => Unit::Months,
            "semaine" | "semaines" | "week" | "weeks" => Unit::Weeks,
            "jour" | "jours" | "day" | "days" => Unit::Days,
            _ => return None,
        })
    }

    fn in_years(self) -> f64 {
        match self {
            Unit::Years => 1.0,
            Unit::Months => 1.0 / 12.0,
            Unit::Weeks => 1.0 / 52.0,
            Unit::Days => 1.0 / 365.0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    /// A number in figures.
    Num(f64),
    /// A number in words.
    Word(f64),
    /// `1/2`, `½`.
    Frac(f64),
    /// `demi`, `half`.
    Half,
    Unit(Unit),
    /// `et`, `and`, `+` between parts.
    And,
    /// `,` between parts.
    Comma,
    /// `a`: French `à` of a range, or English `a` of `a year`, `and a half`.
    A,
    /// `-`, `to` of a range.
    Dash,
    /// `entre`, `between`.
    Between,
    Open,
    Close,
}

/// Why a cell could not be split into tokens.
enum Lexed {
    Sign(char),
    Word(String),
    Period,
    Disagree,
}

/// The tokens of a folded cell, number words added up and `trois (03)` checked.
fn lex(s: &str) -> Result<Vec<Tok>, Lexed> {
    // `an(s)`, `année(s)`: the plural in brackets.
    let s = s.replace("(s)", "s");
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digits_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_digit() || (matches!(c, ',' | '.') && digits_at(i + 1)) {
            let start = i;
            while digits_at(i) {
                i += 1;
            }
            // A decimal mark between digits, or leading (`,5`).
            if matches!(chars.get(i), Some(',' | '.')) && digits_at(i + 1) {
                i += 1;
                while digits_at(i) {
                    i += 1;
                }
            }
            let text: String = chars[start..i].iter().collect();
            let n: f64 = text.replace(',', ".").parse().map_err(|_| Lexed::Period)?;
            if chars.get(i) == Some(&'/') {
                // `1/2`; anything else with a slash is a date (`12/2019`).
                let d_start = i + 1;
                i = d_start;
                while digits_at(i) {
                    i += 1;
                }
                let d: String = chars[d_start..i].iter().collect();
                match d.parse::<f64>() {
                    Ok(d)
                        if [2.0, 3.0, 4.0].contains(&d)
                            && n >= 1.0
                            && n < d
                            && n.fract() == 0.0 =>
                    {
                        out.push(Tok::Frac(n / d))
                    }
                    _ => return Err(Lexed::Period),
                }
            } else {
                out.push(Tok::Num(n));
            }
            continue;
        }
        if c.is_alphabetic() {
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_alphabetic()) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push(word_token(&word).ok_or(Lexed::Word(word))?);
            // `dix-sept`, `vingt-et-un`: a hyphen between words is a space.
            if chars.get(i) == Some(&'-') && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()) {
                i += 1;
            }
            continue;
        }
        match c {
            ' ' => {}
            ',' => out.push(Tok::Comma),
            // `5+ ans`: a bound right after its number.
            '+' if i > 0 && digits_at(i - 1) => {}
            '+' => out.push(Tok::And),
            '-' | '–' | '—' => out.push(Tok::Dash),
            '½' => out.push(Tok::Frac(0.5)),
            '¼' => out.push(Tok::Frac(0.25)),
            '¾' => out.push(Tok::Frac(0.75)),
            '(' => out.push(Tok::Open),
            ')' => out.push(Tok::Close),
            _ => return Err(Lexed::Sign(c)),
        }
        i += 1;
    }
    restated(compound(out))
}

fn word_token(w: &str) -> Option<Tok> {
    if let Some(n) = number_word(w) {
        return Some(Tok::Word(n));
    }
    if let Some(u) = Unit::of_word(w) {
        return Some(Tok::Unit(u));
    }
    Some(match w {
        "demi" | "demie" | "half" => Tok::Half,
        "et" | "and" => Tok::And,
        "a" => Tok::A,
        "to" => Tok::Dash,
        "entre" | "between" => Tok::Between,
        _ => return None,
    })
}

/// The value of a number word, French or English, zéro to soixante; tens and units are
/// added up by [`compound`].
fn number_word(w: &str) -> Option<f64> {
    const FR: [&str; 17] = [
        "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze", "treize", "quatorze", "quinze", "seize",
    ];
    const EN: [&str; 20] = [
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
    ];
    const TENS: [(&str, f64); 10] = [
        ("vingt", 20.0),
        ("trente", 30.0),
        ("quarante", 40.0),
        ("cinquante", 50.0),
        ("soixante", 60.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
    ];
    if w == "une" {
        return Some(1.0);
    }
    FR.iter()
        .position(|x| *x == w)
        .or_else(|| EN.iter().position(|x| *x == w))
        .map(|n| n as f64)
        .or_else(|| TENS.iter().find(|(t, _)| *t == w).map(|(_, n)| *n))
}

/// Number words joined into one: `dix sept` 17, `vingt et un` 21, `twenty one` 21.
fn compound(tokens: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while let Some(&t) = tokens.get(i) {
        if let Tok::Word(n) = t {
            let tens = n >= 20.0 && n % 10.0 == 0.0;
            match (tokens.get(i + 1), tokens.get(i + 2)) {
                // dix-sept, dix-huit, dix-neuf
                (Some(Tok::Word(u)), _) if n == 10.0 && (7.0..=9.0).contains(u) => {
                    out.push(Tok::Word(n + u));
                    i += 2;
                    continue;
                }
                // vingt-deux, twenty-one
                (Some(Tok::Word(u)), _) if tens && (1.0..=9.0).contains(u) => {
                    out.push(Tok::Word(n + u));
                    i += 2;
                    continue;
                }
                // vingt et un
                (Some(Tok::And), Some(Tok::Word(1.0))) if tens => {
                    out.push(Tok::Word(n + 1.0));
                    i += 3;
                    continue;
                }
                _ => {}
            }
        }
        out.push(t);
        i += 1;
    }
    out
}

/// `trois (03)` and `03 (trois)` as one number when both say the same; any other bracket is a
/// restatement, not read.
fn restated(tokens: Vec<Tok>) -> Result<Vec<Tok>, Lexed> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while let Some(&t) = tokens.get(i) {
        match (t, tokens.get(i + 1..i + 4)) {
            (
                Tok::Num(a) | Tok::Word(a),
                Some([Tok::Open, Tok::Num(b) | Tok::Word(b), Tok::Close]),
            ) => {
                if a != *b {
                    return Err(Lexed::Disagree);
                }
                out.push(Tok::Num(a));
                i += 4;
            }
            (Tok::Open | Tok::Close, _) => return Err(Lexed::Sign('(')),
            _ => {
                out.push(t);
                i += 1;
            }
        }
    }
    Ok(out)
}

/// A cursor over the tokens.
struct Tokens<'a> {
    toks: &'a [Tok],
    at: usize,
}

impl Tokens<'_> {
    fn peek(&self, k: usize) -> Option<Tok> {
        self.toks.get(self.at + k).copied()
    }

    fn eat(&mut self, t: Tok) -> bool {
        let hit = self.peek(0) == Some(t);
        self.at += usize::from(hit);
        hit
    }

    fn done(&self) -> bool {
        self.at >= self.toks.len()
    }

    /// A number, in figures or words.
    fn number(&mut self) -> Option<f64> {
        match self.peek(0)? {
            Tok::Num(n) | Tok::Word(n) => {
                self.at += 1;
                Some(n)
            }
            _ => None,
        }
    }

    /// A fraction after a quantity: `1/2`, `½`, `et demi`, `and a half`, `et 1/2`.
    fn fraction(&mut self) -> Option<f64> {
        let save = self.at;
        if let Some(Tok::Frac(f)) = self.peek(0) {
            self.at += 1;
            return Some(f);
        }
        if self.eat(Tok::And) {
            self.eat(Tok::A);
            match self.peek(0) {
                Some(Tok::Half) => {
                    self.at += 1;
                    return Some(0.5);
                }
                Some(Tok::Frac(f)) => {
                    self.at += 1;
                    return Some(f);
                }
                _ => {}
            }
        }
        self.at = save;
        None
    }

    /// A quantity before a unit: `2`, `2 1/2`, `deux et demi`, `½`, `half a`, `a`.
    fn quantity(&mut self) -> Option<f64> {
        if let Some(n) = self.number() {
            return Some(n + self.fraction().unwrap_or(0.0));
        }
        match self.peek(0)? {
            Tok::Frac(f) => {
                self.at += 1;
                Some(f)
            }
            // `half a year`
            Tok::Half => {
                self.at += 1;
                self.eat(Tok::A);
                Some(0.5)
            }
            // `a year`
            Tok::A if matches!(self.peek(1), Some(Tok::Unit(_))) => {
                self.at += 1;
                Some(1.0)
            }
            _ => None,
        }
    }

    fn unit(&mut self) -> Option<Unit> {
        match self.peek(0)? {
            Tok::Unit(u) => {
                self.at += 1;
                Some(u)
            }
            _ => None,
        }
    }
}

/// The years the tokens say, when every token is placed: a range's lower bound, or parts
/// that add up, each of a smaller unit than the one before.
fn total(toks: &[Tok]) -> Option<f64> {
    let mut t = Tokens { toks, at: 0 };
    if let Some(lower) = range(&mut t) {
        return Some(lower);
    }
    t.at = 0;
    let mut sum = 0.0;
    let mut last: Option<Unit> = None;
    loop {
        let q = t.quantity()?;
        let Some(unit) = t.unit() else {
            // A bare number is years, and only alone: `2 ans 6` says nothing.
            return (last.is_none() && t.done()).then_some(q);
        };
        if last.is_some_and(|l| l.in_years() <= unit.in_years()) {
            // `2 ans, 3 ans`: two periods or one restated, not a sum.
            return None;
        }
        last = Some(unit);
        let part = q + t.fraction().unwrap_or(0.0);
        sum += part * unit.in_years();
        if t.done() {
            return Some(sum);
        }
        t.eat(Tok::Comma);
        t.eat(Tok::And);
    }
}

/// `3-5 ans`, `3 à 5 ans`, `3 to 5 years`, `entre 3 et 5 ans`: the lower bound, when it is
/// not above the upper one and the units agree.
fn range(t: &mut Tokens) -> Option<f64> {
    let between = t.eat(Tok::Between);
    let lo = t.number()?;
    let lo_unit = t.unit();
    let joined = if between {
        t.eat(Tok::And)
    } else {
        t.eat(Tok::Dash) || t.eat(Tok::A)
    };
    if !joined {
        return None;
    }
    let hi = t.number()?;
    let unit = match (lo_unit, t.unit()) {
        (Some(a), Some(b)) if a != b => return None,
        (a, b) => a.or(b).unwrap_or(Unit::Years),
    };
    (t.done() && lo <= hi).then_some(lo * unit.in_years())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_every_listed_form() {
        let (day, week, month) = (1.0 / 365.0, 1.0 / 52.0, 1.0 / 12.0);
        for (cell, want) in [
            ("3", 3.0),
            ("3.5", 3.5),
            ("3,5", 3.5),
            (",5", 0.5),
            ("3 ans", 3.0),
            ("3ans", 3.0),
            ("3 Ans", 3.0),
            ("3 ans.", 3.0),
            ("3 an(s)", 3.0),
            ("  4 années ", 4.0),
            ("1 an", 1.0),
            ("une année", 1.0),
            ("3 years", 3.0),
            ("3 yrs", 3.0),
            // units
            ("18 mois", 1.5),
            ("6 mois", 0.5),
            ("18 months", 1.5),
            ("3 semaines", 3.0 * week),
            ("3 weeks", 3.0 * week),
            ("10 jours", 10.0 * day),
            ("10 days", 10.0 * day),
            // parts that add up
            ("1 an 6 mois", 1.5),
            ("1 an et 6 mois", 1.5),
            ("2 ans, 3 mois", 2.25),
            ("2 ans, et 6 mois", 2.5),
            ("2 ans + 6 mois", 2.5),
            ("1 year 6 months", 1.5),
            ("1 year and 6 months", 1.5),
            ("2 ans 6 mois 15 jours", 2.5 + 15.0 * day),
            ("1 mois 2 semaines", month + 2.0 * week),
            // fractions
            ("2 ans et demi", 2.5),
            ("2 ans 1/2", 2.5),
            ("2 ans ½", 2.5),
            ("2 1/2 ans", 2.5),
            ("1½ ans", 1.5),
            ("1 an et 1/2", 1.5),
            ("un an et demi", 1.5),
            ("deux ans et demi", 2.5),
            ("deux et demi ans", 2.5),
            ("1/2 an", 0.5),
            ("six mois et demi", 6.5 * month),
            ("2 and a half years", 2.5),
            ("two and a half years", 2.5),
            ("a year and a half", 1.5),
            ("half a year", 0.5),
            ("2 years and a half", 2.5),
            // number words
            ("trois ans", 3.0),
            ("Deux ans", 2.0),
            ("zéro", 0.0),
            ("dix-sept ans", 17.0),
            ("dix sept ans", 17.0),
            ("vingt ans", 20.0),
            ("vingt et un ans", 21.0),
            ("vingt-et-un ans", 21.0),
            ("vingt-deux ans", 22.0),
            ("trente-cinq ans", 35.0),
            ("soixante ans", 60.0),
            ("three years", 3.0),
            ("seventeen years", 17.0),
            ("twenty-one years", 21.0),
            ("twenty one years", 21.0),
            ("fifty years", 50.0),
            // the figures in brackets
            ("trois (03) ans", 3.0),
            ("03 (trois) ans", 3.0),
            ("cinq (5) ans", 5.0),
            ("deux (02) ans et demi", 2.5),
            // lower bounds
            ("5+", 5.0),
            ("5 +", 5.0),
            ("5+ ans", 5.0),
            ("5 ans et plus", 5.0),
            ("+5", 5.0),
            ("plus de 5 ans", 5.0),
            ("plus d'un an", 1.0),
            ("+ de 5 ans", 5.0),
            ("> 5", 5.0),
            (">5 ans", 5.0),
            ("au moins 3 ans", 3.0),
            ("minimum 3 ans", 3.0),
            ("3-5 ans", 3.0),
            ("3 - 5 ans", 3.0),
            ("3–5 ans", 3.0),
            ("3 à 5 ans", 3.0),
            ("3 ans à 5 ans", 3.0),
            ("entre 3 et 5 ans", 3.0),
            ("3 to 5 years", 3.0),
            ("6-12 mois", 0.5),
            ("more than 5 years", 5.0),
            ("over 5 years", 5.0),
            ("at least 3 years", 3.0),
            ("5 years or more", 5.0),
            // zero
            ("aucune", 0.0),
            ("Aucun", 0.0),
            ("aucune expérience", 0.0),
            ("néant", 0.0),
            ("Néant", 0.0),
            ("0", 0.0),
            ("0 an", 0.0),
            ("pas d'expérience", 0.0),
            ("pas d’expérience", 0.0),
            ("none", 0.0),
            ("no experience", 0.0),
            // the column restated
            ("2 ans d'expérience", 2.0),
            ("5 years of experience", 5.0),
            ("60", 60.0),
        ] {
            let got = parse(cell);
            assert!(
                got.as_ref().is_ok_and(|g| (g - want).abs() < 1e-9),
                "{cell:?}: {got:?}, want {want}"
            );
        }
    }

    #[test]
    fn is_unknown_for_anything_it_cannot_place() {
        for cell in [
            // words that are not units, numbers, bounds or connectors
            "3 stages",
            "5 missions de terrain",
            "5 missions",
            "3 projets USAID",
            "2 ans chez MSF, 3 ans chez CARE",
            "3 ans dans une ONG",
            "quelques années",
            "beaucoup",
            "ans",
            // bounds that are not lower bounds
            "moins de 2 ans",
            "< 2 ans",
            "< 2",
            "≤ 2",
            "environ 4 ans",
            "près de 4 ans",
            "presque 4 ans",
            "about 4 years",
            "~4 ans",
            // restatements, periods, dates, ordinals, hours
            "18 mois (1 an et demi)",
            "trois (04) ans",
            "2019-2023",
            "12/2019 - 03/2023",
            "depuis 2019",
            "01/2020",
            "2019",
            "3e année",
            "3ème année",
            "500 heures",
            "3h",
            // the same unit twice, numbers without units between
            "2 ans, 3 ans",
            "2 ans 6",
            "1 6",
            "5-3 ans",
            // negatives and implausible values
            "-2",
            "-1 an",
            "−2 ans",
            "61",
            "soixante et un ans",
            "100 mois ans",
            "",
            "?",
        ] {
            assert!(parse(cell).is_err(), "{cell:?}: {:?}", parse(cell));
        }
    }

    #[test]
    fn says_why() {
        for (cell, why) in [
            ("-2", "a negative number of years"),
            ("2019", "2019 years is not a plausible number of years"),
            (
                "3 stages",
                "`stages` in `3 stages` is not part of a number of years",
            ),
            ("< 2", "`<` in `< 2` is not part of a number of years"),
            (
                "12/2019",
                "`12/2019` is a date or a period, not a number of years",
            ),
            (
                "trois (04) ans",
                "the figures and the words of `trois (04) ans` disagree",
            ),
            ("2 ans, 3 ans", "`2 ans, 3 ans` is not a number of years"),
        ] {
            assert_eq!(parse(cell), Err(why.to_string()), "{cell:?}");
        }
    }

    proptest::proptest! {
        /// A cell that reads a number of years is unknown once a word no reader knows stands
        /// before, inside or after it.
        #[test]
        fn an_unknown_word_makes_the_cell_unknown(
            cell in proptest::sample::select(vec![
                "3 ans", "2 ans et demi", "18 mois", "1 an 6 mois", "plus de 5 ans",
                "trois (03) ans", "3-5 ans", "5+", "vingt et un ans", "2 years and a half",
            ]),
            word in "(stage|mission|ONG|chez|USAID|environ|projet|terrain)s?",
            place in 0usize..3,
        ) {
            proptest::prop_assert!(parse(cell).is_ok());
            let with = crate::cells::with_word(cell, &word, place);
            proptest::prop_assert!(parse(&with).is_err(), "{with:?} read as {:?}", parse(&with));
        }
    }
}
