//! Phone numbers: `76 12 34 56`, `+223 76123456`, `0022376123456` → `22376123456`.

/// Reads a phone number as its digits with the country code, adding `country` (digits) to a
/// local number.
pub fn parse(cell: &str, country: &str) -> Result<String, String> {
    let t = cell.trim();
    let bad = || format!("`{t}` is not a phone number");
    let mut digits = String::with_capacity(t.len());
    let mut international = false;
    for c in t.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if digits.is_empty() && !international => international = true,
            ' ' | '\u{a0}' | '\u{202f}' | '.' | '-' | '(' | ')' | '/' => {}
            _ => return Err(bad()),
        }
    }
    if let Some(rest) = digits.strip_prefix("00") {
        digits = rest.to_string();
        international = true;
    }
    if !international {
        // Already with the country code, as spreadsheets strip the `+`.
        if !(digits.len() > 8 && digits.starts_with(country)) {
            let local = digits.strip_prefix('0').unwrap_or(&digits);
            let mut with_country = String::with_capacity(country.len() + local.len());
            with_country.push_str(country);
            with_country.push_str(local);
            digits = with_country;
        }
    }
    if !(8..=15).contains(&digits.len()) {
        return Err(bad());
    }
    Ok(digits)
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
            assert_eq!(parse(cell, "223").as_deref(), Ok(want), "{cell}");
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
