//! Phone numbers: `76 12 34 56`, `+223 76123456`, `0022376123456` → `22376123456`.

/// Spaces beyond ASCII that spreadsheets put between groups of digits.
const WIDE_SPACES: [&str; 2] = ["\u{a0}", "\u{202f}"];

/// Digits a phone number holds at most, its country code included.
const MOST_DIGITS: usize = 15;

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

/// Reads a phone number as its digits with the country code, adding `country` (digits) to a
/// local number.
pub fn parse(cell: &str, country: &str) -> Result<Phone, String> {
    let t = crate::text::trim(cell);
    let bad = || format!("`{t}` is not a phone number");
    // Digits gathered on the stack: numbers longer than this are not phone numbers.
    let mut digits = [0u8; 32];
    let mut len = 0;
    let mut international = false;
    // Byte by byte: the only characters allowed beyond ASCII are spaces.
    let bytes = t.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                *digits.get_mut(len).ok_or_else(bad)? = b;
                len += 1;
            }
            b'+' if len == 0 && !international => international = true,
            b' ' | b'.' | b'-' | b'(' | b')' | b'/' => {}
            _ => {
                let rest = bytes.get(i..).unwrap_or_default();
                let space = WIDE_SPACES
                    .iter()
                    .find(|s| rest.starts_with(s.as_bytes()))
                    .ok_or_else(bad)?;
                i += space.len() - 1;
            }
        }
        i += 1;
    }
    let mut digits = &digits[..len];
    if let Some(rest) = digits.strip_prefix(b"00") {
        digits = rest;
        international = true;
    }
    // Without a country code, the posting's; spreadsheets strip the `+` of numbers that have one.
    let prefix = if international || (digits.len() > 8 && digits.starts_with(country.as_bytes())) {
        ""
    } else {
        digits = digits.strip_prefix(b"0").unwrap_or(digits);
        country
    };
    let len = prefix.len() + digits.len();
    if !(8..=MOST_DIGITS).contains(&len) {
        return Err(bad());
    }
    let mut out = Phone {
        digits: [0; MOST_DIGITS],
        len: len as u8,
    };
    for (to, from) in out
        .digits
        .iter_mut()
        .zip(prefix.bytes().chain(digits.iter().copied()))
    {
        *to = from;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_listed_forms() {
        for (cell, want) in [
            ("76 12 34 56", "22376123456"),
            ("76123456", "22376123456"),
            ("+223 76123456", "22376123456"),
            ("+223 76 12 34 56", "22376123456"),
            ("0022376123456", "22376123456"),
            ("22376123456", "22376123456"),
            ("(+223) 76-12-34-56", "22376123456"),
            ("+33 6 12 34 56 78", "33612345678"),
        ] {
            assert_eq!(
                parse(cell, "223").map(|p| p.as_str().to_string()),
                Ok(want.to_string()),
                "{cell}"
            );
        }
    }

    /// What a number reads as, with strings: its digits (a `+` allowed before them), without
    /// a leading `00`, or with the country code before a local number (its leading 0 dropped).
    fn by_the_rule(cell: &str, country: &str) -> Option<String> {
        let mut digits = String::new();
        let mut plus = false;
        for c in cell.trim().chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else if c == '+' && digits.is_empty() && !plus {
                plus = true;
            } else if !" \u{a0}\u{202f}.-()/".contains(c) {
                return None;
            }
        }
        let full = match digits.strip_prefix("00") {
            Some(d) => d.to_string(),
            None if plus || (digits.len() > 8 && digits.starts_with(country)) => digits,
            None => format!("{country}{}", digits.strip_prefix('0').unwrap_or(&digits)),
        };
        (8..=15).contains(&full.len()).then_some(full)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn reads_numbers_by_the_rule(cell in "[ (]?[+]?(00|0)?[0-9 ().+\u{a0}\u{202f}\u{2009}é-]{0,16}[a0-9]?") {
            proptest::prop_assert_eq!(parse(&cell, "223").ok().map(|p| p.as_str().to_string()), by_the_rule(&cell, "223"));
        }
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for cell in [
            "pas de téléphone",
            "12",
            "76 12 34 56 ou 66 12 34 56",
            "+223 abc",
            "1234567890123456789",
        ] {
            assert!(parse(cell, "223").is_err(), "{cell}");
        }
    }
}
