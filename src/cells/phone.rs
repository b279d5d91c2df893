//! Phone numbers, read with libphonenumber's numbering plans (the `phonenumber` crate): national
//! and international forms of any country → E.164 digits (`76 12 34 56` → `22376123456`).
//!
//! The cell's shape (labels, `+`/`00`, `(0)`, a spreadsheet's float, separators) is read here;
//! whether the digits are a number of the country is the plan's answer. A number the plan does
//! not know, a placeholder and two numbers in one cell are unknown: they identify nobody.

use std::sync::{LazyLock, Mutex};

use regex::RegexSet;
use rustc_hash::FxHashMap;

/// Digits a phone number holds at most, its country code included (E.164).
const MOST_DIGITS: usize = 15;

/// Characters written between groups of digits.
const SEPARATORS: [char; 10] = [
    ' ', '.', '-', '/', '\u{a0}', '\u{202f}', '\u{2009}', '\u{2010}', '\u{2011}', '\u{2013}',
];

/// Labels written before a number, folded (`Tél :`, `tel:`).
const LABELS: [&str; 8] = [
    "telephone",
    "tel",
    "phone",
    "mobile",
    "portable",
    "cel",
    "cell",
    "whatsapp",
];

/// libphonenumber's numbering plans, written by `build.rs` from the `phonenumber` crate.
mod plans {
    /// A region's patterns of national numbers: general, then one per number type, each
    /// with its possible lengths.
    pub struct Region {
        /// The trunk prefix dialled before national numbers.
        pub trunk: Option<&'static str>,
        pub general: (&'static str, &'static [u16]),
        pub types: &'static [(&'static str, &'static [u16])],
    }

    include!(concat!(env!("OUT_DIR"), "/plans.rs"));
}

/// A phone number's digits, country code first, kept inline: no allocation per row.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Phone {
    digits: [u8; MOST_DIGITS],
    len: u8,
}

impl Phone {
    /// The digits, as ASCII.
    pub fn digits(&self) -> &[u8] {
        self.digits.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// The digits as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.digits()).unwrap_or_default()
    }
}

impl std::fmt::Debug for Phone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// The numbering plan of one country code, compiled once: which national numbers are valid.
pub struct Plan {
    /// The country calling code, as digits (`223`).
    code: String,
    /// The trunk prefix dialled before national numbers (`0` in France, none in Mali).
    trunk: Option<String>,
    /// Each region's general pattern and each of its number types' patterns, anchored.
    patterns: RegexSet,
    /// For each pattern: its region, whether it is the general one, and its possible lengths.
    kinds: Vec<(usize, bool, Vec<u16>)>,
    /// For a code of one region whose number types all have the same lengths (Mali, most of
    /// Africa), the same check in two matches.
    single: Option<Single>,
}

/// The patterns of a code of one region whose number types all have the same lengths.
struct Single {
    general_lengths: Vec<u16>,
    type_lengths: Vec<u16>,
    general: Dfa,
    /// The union of the types' patterns.
    types: Dfa,
}

/// A fully compiled, anchored DFA over ASCII digits: a match is a walk of a table, with no
/// cache to fetch from a pool (`regex` fetches one per match, slowly on other threads).
struct Dfa {
    dfa: regex_automata::dfa::dense::DFA<Vec<u32>>,
    /// The anchored start state, the same for every input (no look-behind).
    start: Option<regex_automata::util::primitives::StateID>,
}

impl Dfa {
    fn new(pattern: &str) -> Option<Dfa> {
        use regex_automata::dfa::{StartKind, dense};
        dense::Builder::new()
            .configure(dense::Config::new().start_kind(StartKind::Anchored))
            .syntax(regex_automata::util::syntax::Config::new().unicode(false))
            .build(&format!("^(?:{pattern})$"))
            .ok()
            .map(|dfa| {
                use regex_automata::{Anchored, dfa::Automaton};
                let start = dfa.universal_start_state(Anchored::Yes);
                Dfa { dfa, start }
            })
    }

    /// Whether the whole of `digits` matches: a walk of the table, byte by byte, without the
    /// search's bookkeeping (half the instructions of a phone cell, callgrind on 100k rows).
    fn is_match(&self, digits: &str) -> bool {
        use regex_automata::{Anchored, Input, dfa::Automaton};
        let dfa = &self.dfa;
        let start = match self.start {
            Some(start) => Ok(start),
            None => dfa.start_state_forward(&Input::new(digits).anchored(Anchored::Yes)),
        };
        let Ok(mut state) = start else {
            return false;
        };
        for &b in digits.as_bytes() {
            state = dfa.next_state(state, b);
            if dfa.is_dead_state(state) || dfa.is_quit_state(state) {
                return false;
            }
        }
        dfa.is_match_state(dfa.next_eoi_state(state))
    }

    /// [`Dfa::is_match`] by the crate's own search, its twin.
    #[cfg(test)]
    fn is_match_searched(&self, digits: &str) -> bool {
        use regex_automata::{Anchored, Input, dfa::Automaton};
        let input = Input::new(digits).anchored(Anchored::Yes);
        matches!(self.dfa.try_search_fwd(&input), Ok(Some(_)))
    }
}

impl std::fmt::Debug for Plan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "+{}", self.code)
    }
}

/// Plans built so far, by country code; each is built once and kept for the run (there are
/// about 250 codes at most).
static PLANS: LazyLock<Mutex<FxHashMap<u16, Option<&'static Plan>>>> =
    LazyLock::new(Default::default);

impl Plan {
    /// The plan of a country calling code given as digits (`223`), if the code exists.
    pub fn of(code: &str) -> Option<&'static Plan> {
        // Calling codes never start with 0: `046` is not Sweden's 46.
        if !(1..=3).contains(&code.len())
            || !code.bytes().all(|b| b.is_ascii_digit())
            || code.starts_with('0')
        {
            return None;
        }
        let code: u16 = code.parse().ok()?;
        let mut plans = PLANS.lock().unwrap_or_else(|e| e.into_inner());
        *plans
            .entry(code)
            .or_insert_with(|| Plan::build(code).map(|p| &*Box::leak(Box::new(p))))
    }

    /// Mali's plan, the default.
    pub fn mali() -> &'static Plan {
        static MALI: LazyLock<Plan> = LazyLock::new(|| {
            Plan::build(223).unwrap_or_else(|| unreachable!("the metadata holds Mali"))
        });
        &MALI
    }

    fn build(code: u16) -> Option<Plan> {
        let i = plans::PLANS.binary_search_by_key(&code, |(c, _)| *c).ok()?;
        let regions = plans::PLANS.get(i)?.1;
        let mut sources = Vec::new();
        let mut kinds = Vec::new();
        for (r, region) in regions.iter().enumerate() {
            for (general, (pattern, lengths)) in std::iter::once((true, &region.general))
                .chain(region.types.iter().map(|t| (false, t)))
            {
                sources.push(format!("^(?:{pattern})$"));
                kinds.push((r, general, lengths.to_vec()));
            }
        }
        // Every type of the one region at the same, stated lengths.
        let type_lengths = kinds.get(1).map(|(_, _, l)| l.clone()).unwrap_or_default();
        let one_length =
            !type_lengths.is_empty() && kinds.iter().skip(1).all(|(_, _, l)| *l == type_lengths);
        let single = match (regions, one_length) {
            ([region], true) => Some(Single {
                general_lengths: region.general.1.to_vec(),
                type_lengths,
                general: Dfa::new(region.general.0)?,
                types: Dfa::new(
                    &region
                        .types
                        .iter()
                        .map(|t| t.0)
                        .collect::<Vec<_>>()
                        .join("|"),
                )?,
            }),
            _ => None,
        };
        Some(Plan {
            code: code.to_string(),
            trunk: regions.first().and_then(|r| r.trunk).map(str::to_string),
            patterns: RegexSet::new(sources).ok()?,
            kinds,
            single,
        })
    }

    /// The country calling code, as digits.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Whether `national` (digits) is a valid number of this plan: it fits the general pattern
    /// of a region and the pattern of one of that region's number types, each at one of its
    /// lengths, as libphonenumber's `is_valid` decides.
    pub fn is_valid(&self, national: &str) -> bool {
        // Two walks of compiled DFAs where the lengths allow, against the set of every pattern
        // (`set_is_valid`, its twin).
        if let Some(s) = &self.single {
            let len = national.len() as u16;
            return (s.general_lengths.is_empty() || s.general_lengths.contains(&len))
                && s.type_lengths.contains(&len)
                && s.general.is_match(national)
                && s.types.is_match(national);
        }
        self.set_is_valid(national)
    }

    /// [`Plan::is_valid`] by the set of every region's patterns, for any code.
    fn set_is_valid(&self, national: &str) -> bool {
        let len = national.len() as u16;
        // One pass over every pattern: `phonenumber`'s own check locks a shared regex cache
        // per pattern, 2.8 µs a cell against 0.3 µs here (measured on 1M Malian numbers).
        let matched = self.patterns.matches(national);
        let fits = |i: usize| {
            matched.matched(i)
                && self
                    .kinds
                    .get(i)
                    .is_some_and(|(_, _, l)| l.is_empty() || l.contains(&len))
        };
        // The regions whose general pattern the number fits, as bits (a code has at most 25).
        let general = (0..self.kinds.len())
            .filter(|&i| self.kinds[i].1 && fits(i))
            .fold(0u64, |bits, i| bits | 1 << (self.kinds[i].0 % 64));
        (0..self.kinds.len())
            .any(|i| !self.kinds[i].1 && general & 1 << (self.kinds[i].0 % 64) != 0 && fits(i))
    }
}

/// Reads a phone number as its digits with the country code; `plan` is the country of
/// numbers written without one.
pub fn parse(cell: &str, plan: &Plan) -> Result<Phone, String> {
    let t = crate::text::trim(cell);
    match read(t, plan) {
        Ok(p) => Ok(p),
        Err(_) if two_numbers(t, plan) => Err(format!("`{t}` holds more than one phone number")),
        Err(Why::NotANumber) => Err(format!("`{t}` is not a phone number")),
        Err(Why::Placeholder) => Err(format!("`{t}` is a placeholder, not a phone number")),
        Err(Why::NoCode) => Err(format!("`{t}` has no country code after its `+` or `00`")),
        Err(Why::NotInPlan(code)) => Err(format!(
            "`{t}` is not a possible number in the numbering plan of +{code}"
        )),
    }
}

/// Why a cell is not one phone number, put in words only for the cell given up on: a part
/// tried as one of two numbers is not.
enum Why<'p> {
    NotANumber,
    Placeholder,
    NoCode,
    /// Not a number of the plan of this calling code.
    NotInPlan(&'p str),
}

fn read<'p>(t: &str, plan: &'p Plan) -> Result<Phone, Why<'p>> {
    let bad = || Why::NotANumber;
    let body = strip_label(t);
    let float = spreadsheet_float(body);
    let body = float.as_deref().unwrap_or(body);
    let mut digits = [0u8; MOST_DIGITS + 4];
    let mut len = 0;
    let mut plus = false;
    // Where a `(0)` trunk prefix stood, as a count of the digits before it.
    let mut trunk_at = None;
    // Byte by byte: everything but a wide space is ASCII.
    let bytes = body.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                *digits.get_mut(len).ok_or_else(bad)? = b;
                len += 1;
            }
            b'(' if len > 0 && trunk_at.is_none() && bytes[i..].starts_with(b"(0)") => {
                trunk_at = Some(len);
                i += 2;
            }
            b'+' if len == 0 && !plus => plus = true,
            b'(' | b')' | b' ' | b'.' | b'-' | b'/' => {}
            0x80.. => {
                let c = body[i..].chars().next().ok_or_else(bad)?;
                if !SEPARATORS.contains(&c) {
                    return Err(bad());
                }
                i += c.len_utf8() - 1;
            }
            _ => return Err(bad()),
        }
        i += 1;
    }
    let mut all = std::str::from_utf8(&digits[..len]).map_err(|_| bad())?;
    if placeholder(all) {
        return Err(Why::Placeholder);
    }
    if !plus && let Some(d) = all.strip_prefix("00") {
        all = d;
        plus = true;
        trunk_at = trunk_at.map(|n: usize| n.saturating_sub(2));
    }
    let (plan, national) = if plus {
        // Calling codes are a prefix code (no code begins another): the posting's country
        // first, without the lock of the table of plans.
        let own = all
            .strip_prefix(plan.code.as_str())
            .map(|national| (plan, national));
        let (plan, national) = own
            .into_iter()
            .chain((1..=3).filter_map(|k| {
                let code = all.get(..k)?;
                let p = if code == plan.code {
                    plan
                } else {
                    Plan::of(code)?
                };
                Some((p, all.get(k..)?))
            }))
            .next()
            .ok_or(Why::NoCode)?;
        // `(0)` stands for a trunk prefix, right after the country code of a country with one.
        if trunk_at.is_some_and(|n| n != plan.code.len() || plan.trunk.as_deref() != Some("0")) {
            return Err(bad());
        }
        (plan, national)
    } else {
        if trunk_at.is_some() {
            return Err(bad());
        }
        let national = match &plan.trunk {
            Some(p) if all.len() > p.len() => all.strip_prefix(p.as_str()).unwrap_or(all),
            _ => all,
        };
        // Spreadsheets drop the `+` of numbers that have one.
        let national = match all.strip_prefix(plan.code.as_str()) {
            Some(n) if !plan.is_valid(national) && plan.is_valid(n) => n,
            _ => national,
        };
        (plan, national)
    };
    if placeholder(national) {
        return Err(Why::Placeholder);
    }
    if !plan.is_valid(national) {
        return Err(Why::NotInPlan(&plan.code));
    }
    let full = plan.code.bytes().chain(national.bytes());
    let mut out = Phone {
        digits: [0; MOST_DIGITS],
        len: 0,
    };
    for (to, from) in out.digits.iter_mut().zip(full) {
        *to = from;
        out.len += 1;
    }
    if usize::from(out.len) != plan.code.len() + national.len() {
        return Err(bad());
    }
    Ok(out)
}

/// The cell without a leading label (`Tél :`, `tel:`, `Phone`), when it has one.
fn strip_label(t: &str) -> &str {
    if !t.starts_with(|c: char| c.is_alphabetic()) {
        return t;
    }
    let letters = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let word = crate::text::fold(&t[..letters]);
    if letters == 0 || !LABELS.contains(&word.as_str()) {
        return t;
    }
    let rest = t[letters..].trim_start_matches(['.', ' ', '\u{a0}']);
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    rest.trim_start()
}

/// The digits of a number a spreadsheet saved as a float: `76123456.0`, `2.2376123456E+10`.
fn spreadsheet_float(t: &str) -> Option<String> {
    let (mantissa, exponent) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.strip_prefix('+').unwrap_or(e).parse::<usize>().ok()?),
        None => (t, 0),
    };
    let (whole, fraction) = mantissa.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    let kept = fraction.trim_end_matches('0');
    if kept.len() > exponent || whole.len() + exponent > MOST_DIGITS + 2 {
        return None;
    }
    let zeros = exponent - kept.len();
    Some(format!("{whole}{kept}{}", "0".repeat(zeros)))
}

/// Whether a national number is one typed to fill the cell: one digit repeated
/// (`00000000`), one digit then another repeated (`70000000`), or a run of consecutive digits
/// (`12345678`, `87654321`).
fn placeholder(national: &str) -> bool {
    let b = national.as_bytes();
    if b.len() < 6 {
        return false;
    }
    let same = |s: &[u8]| s.windows(2).all(|w| w[0] == w[1]);
    let step = |d: i8| {
        b.windows(2)
            .all(|w| (w[1] as i8 - w[0] as i8).rem_euclid(10) == d.rem_euclid(10))
    };
    same(b) || same(&b[1..]) || step(1) || step(-1)
}

/// Whether the cell is two numbers or more, each readable, joined by a separator or a word.
fn two_numbers(t: &str, plan: &Plan) -> bool {
    const JOINERS: [&str; 9] = ["/", ",", ";", "|", "\n", " ou ", " or ", " et ", " and "];
    let lower = t.to_lowercase();
    JOINERS.iter().any(|j| {
        let parts: Vec<&str> = lower.split(j).map(str::trim).collect();
        parts.len() > 1 && parts.iter().all(|p| read(p, plan).is_ok())
    }) || {
        // Two numbers separated by spaces only: each half a number.
        let digits: Vec<&str> = lower.split_whitespace().collect();
        (1..digits.len()).any(|k| {
            read(&digits[..k].join(" "), plan).is_ok() && read(&digits[k..].join(" "), plan).is_ok()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Plan, parse};

    fn read(cell: &str) -> Result<String, String> {
        parse(cell, Plan::mali()).map(|p| p.as_str().to_string())
    }

    #[test]
    fn reads_listed_forms() {
        for (cell, want) in [
            ("76 12 34 56", "22376123456"),
            ("76123456", "22376123456"),
            ("76.12.34.56", "22376123456"),
            ("76-12-34-56", "22376123456"),
            ("76\u{a0}12\u{a0}34\u{a0}56", "22376123456"),
            ("+223 76123456", "22376123456"),
            ("+223 76 12 34 56", "22376123456"),
            ("0022376123456", "22376123456"),
            ("00223-76-12-34-56", "22376123456"),
            ("22376123456", "22376123456"),
            ("(+223)76123456", "22376123456"),
            ("(+223) 76-12-34-56", "22376123456"),
            ("+223 20 22 12 34", "22320221234"),
            ("76123456.0", "22376123456"),
            ("7.6123456E7", "22376123456"),
            ("2.2376123456E+10", "22376123456"),
            ("tel:+22376123456", "22376123456"),
            ("Tél : 76 12 34 56", "22376123456"),
            ("TEL. 76 12 34 56", "22376123456"),
            ("+33 6 12 34 56 78", "33612345678"),
            ("+33 (0)6 12 34 56 78", "33612345678"),
            ("0033 6 12 34 56 78", "33612345678"),
            ("+1 (202) 555-0143", "12025550143"),
            ("+226 70 12 34 56", "22670123456"),
            ("+221 77 123 45 67", "221771234567"),
        ] {
            assert_eq!(read(cell), Ok(want.to_string()), "{cell}");
        }
    }

    #[test]
    fn reads_national_forms_of_the_postings_country() {
        let france = Plan::of("33").expect("France");
        for cell in [
            "06 12 34 56 78",
            "6 12 34 56 78",
            "+33 6 12 34 56 78",
            "33612345678",
        ] {
            assert_eq!(
                parse(cell, france).map(|p| p.as_str().to_string()),
                Ok("33612345678".to_string()),
                "{cell}"
            );
        }
        // Mali has no trunk 0: a leading 0 makes nine digits.
        assert!(read("0 76 12 34 56").is_err());
    }

    #[test]
    fn unknown_forms() {
        for (cell, why) in [
            ("12345", "numbering plan"),
            ("12", "numbering plan"),
            ("00000000", "placeholder"),
            ("11111111", "placeholder"),
            ("77777777", "placeholder"),
            ("70000000", "placeholder"),
            ("12345678", "placeholder"),
            ("98765432", "placeholder"),
            ("+223 12345678", "placeholder"),
            ("76 12 34 56 / 66 12 34 56", "more than one"),
            ("76123456, 66123456", "more than one"),
            ("76 12 34 56 ou 66 12 34 56", "more than one"),
            ("76123456 66123456", "more than one"),
            ("+223 abc", "not a phone number"),
            ("pas de téléphone", "not a phone number"),
            ("1234567890123456789", "not a phone number"),
            ("+999 76123456", "no country code"),
            ("000462000010", "no country code"),
            ("+223 (0)76123456", "not a phone number"),
            ("(0)76123456", "numbering plan"),
            ("76123456.5", "numbering plan"),
            ("+33 06 12 34 56 78", "numbering plan"),
            ("76123456 poste 12", "not a phone number"),
        ] {
            let got = read(cell);
            assert!(
                got.as_ref().is_err_and(|e| e.contains(why)),
                "{cell}: {got:?}, want {why}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn two_matches_check_as_the_set_of_patterns(
            national in "[0-9]{4,12}",
            code in proptest::sample::select(vec!["223", "226", "221", "225", "33", "1", "44", "7", "234", "49"]),
        ) {
            let plan = Plan::of(code).expect("known code");
            proptest::prop_assert_eq!(plan.is_valid(&national), plan.set_is_valid(&national));
        }

        /// A walk of a DFA's table matches as the crate's search does, on digits and on
        /// anything else.
        #[test]
        fn a_walk_of_the_table_matches_as_the_search(
            digits in "[0-9]{0,14}|[0-9 +a-z\u{e9}]{0,6}",
            code in proptest::sample::select(vec!["223", "226", "221", "225", "227"]),
        ) {
            let single = Plan::of(code).and_then(|p| p.single.as_ref()).expect("one region");
            for dfa in [&single.general, &single.types] {
                proptest::prop_assert_eq!(dfa.is_match(&digits), dfa.is_match_searched(&digits));
            }
        }
    }

    #[test]
    fn no_calling_code_begins_another() {
        let codes: Vec<String> = super::plans::PLANS
            .iter()
            .map(|(c, _)| c.to_string())
            .collect();
        assert!(codes.len() > 200, "{} codes", codes.len());
        for a in &codes {
            for b in &codes {
                assert!(a == b || !b.starts_with(a.as_str()), "+{a} begins +{b}");
            }
        }
    }

    #[test]
    fn west_african_codes_take_the_two_matches() {
        for code in ["223", "226", "221", "225", "227"] {
            assert!(Plan::of(code).is_some_and(|p| p.single.is_some()), "{code}");
        }
    }

    proptest::proptest! {
        /// A cell that reads a number is unknown once a word stands before, inside or after it.
        #[test]
        fn an_unknown_word_makes_the_cell_unknown(
            cell in proptest::sample::select(vec![
                "76 12 34 56", "+223 76 12 34 56", "0022376123456", "Tél : 76 12 34 56",
                "+33 (0)6 12 34 56 78", "76123456.0",
            ]),
            word in "(poste|ext|Orange|zorglub|bureau|domicile)",
            place in 0usize..3,
        ) {
            proptest::prop_assert!(read(cell).is_ok());
            let with = crate::cells::with_word(cell, &word, place);
            proptest::prop_assert!(read(&with).is_err(), "{with:?} read as {:?}", read(&with));
        }
    }

    /// The plain twin: libphonenumber's own parse and validity check, through `phonenumber`.
    fn by_libphonenumber(cell: &str, region: &str) -> Option<String> {
        let id = region.parse().ok()?;
        let n = phonenumber::parse(Some(id), cell).ok()?;
        n.is_valid().then(|| {
            phonenumber::format(&n)
                .mode(phonenumber::Mode::E164)
                .to_string()
                .trim_start_matches('+')
                .to_string()
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        #[test]
        fn agrees_with_libphonenumber(
            prefix in "(|\\+223 |00223|223|\\+33 |0033 |0|\\+1 |\\+226 )",
            national in "[0-9]{5,11}",
            sep in "(| |-|\\.)",
            (region, code) in proptest::sample::select(vec![("ML", "223"), ("FR", "33"), ("BF", "226")]),
        ) {
            let plan = Plan::of(code).expect("known code");
            let cell = format!("{prefix}{}", national.as_bytes().chunks(2).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect::<Vec<_>>().join(&sep));
            let ours = parse(&cell, plan);
            // Placeholders are ours alone: libphonenumber accepts `77777777`. After a country
            // code, `phonenumber` drops a leading 0 that libphonenumber keeps (`+223 076…` is
            // nine digits, no Malian number); before a national number that starts with the
            // country code's digits, it takes them for the code even when the whole is valid
            // (`330000000` in France), where libphonenumber keeps the national number.
            let international = prefix.starts_with('+') || prefix.starts_with("00");
            let zero_after_code = national.starts_with('0') && international;
            let code_like = !international && format!("{prefix}{national}").starts_with(code);
            // `phonenumber` anchors patterns at their start only, so that it takes `+63
            // 20000001` for a Philippine number (`2\d{5}` matches its start); Mali, France and
            // Burkina Faso fix every length, where that makes no difference.
            let theirs = by_libphonenumber(&cell, region);
            let other_country = theirs.as_ref().is_some_and(|t| !["223", "33", "226"].iter().any(|c| t.starts_with(c)));
            if !zero_after_code && !code_like && !other_country && !ours.as_ref().is_err_and(|e| e.contains("placeholder") || e.contains("more than one")) {
                proptest::prop_assert_eq!(ours.ok().map(|p| p.as_str().to_string()), theirs, "{}", cell);
            }
        }
    }
}
