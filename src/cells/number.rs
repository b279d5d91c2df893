//! Numbers, read from the whole cell: `12`, `12,5`, `1 234,5`, `1.234,5`, `1,234.5`,
//! `1.234.567`, `1,234,567`. A cell that could be read two ways (`12.000`, `12,000`: thousands
//! or decimals) or holds two numbers (`1 2`) is unknown.

/// Spaces that separate thousands: ASCII, no-break, narrow no-break, thin; and `'`.
const THOUSANDS_SPACES: [char; 5] = [' ', '\u{a0}', '\u{202f}', '\u{2009}', '\''];

/// Reads a number, or says why it cannot.
pub fn parse(cell: &str) -> Result<f64, String> {
    let t = cell.trim();
    let bad = || format!("`{t}` is not a number");
    let ambiguous = || format!("`{t}` may be thousands or decimals");
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',') || THOUSANDS_SPACES.contains(&c))
    {
        return Err(bad());
    }
    let (commas, dots) = (body.matches(',').count(), body.matches('.').count());
    // Which mark is the decimal one, if any: of both, the last; of one used once, that one
    // (unless it could be a thousands mark); of one used more than once, none.
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (_, 0) if commas > 1 => None,
        (0, _) if dots > 1 => None,
        (1, 0) | (0, 1) => {
            let mark = if commas == 1 { ',' } else { '.' };
            let (int, frac) = body.split_once(mark).ok_or_else(bad)?;
            let int_digits = int.trim_start_matches('0');
            let grouped = frac.len() == 3
                && !int_digits.is_empty()
                && int.len() <= 3
                && !int.contains(THOUSANDS_SPACES);
            if grouped {
                return Err(ambiguous());
            }
            Some(mark)
        }
        (1, _) if body.rfind(',') > body.rfind('.') => Some(','),
        (_, 1) if body.rfind('.') > body.rfind(',') => Some('.'),
        _ => return Err(bad()),
    };
    let (int, frac) = match decimal {
        Some(mark) => body.split_once(mark).ok_or_else(bad)?,
        None => (body, ""),
    };
    if !frac.chars().all(|c| c.is_ascii_digit()) || (decimal.is_some() && frac.is_empty()) {
        return Err(bad());
    }
    let digits = grouped_digits(int).ok_or_else(bad)?;
    let text = if frac.is_empty() {
        digits
    } else {
        format!("{digits}.{frac}")
    };
    text.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .map(|n| sign * n)
        .ok_or_else(bad)
}

/// The digits of an integer part written plainly (`1234`) or in groups of three after the
/// first (`1 234`, `1.234.567`, `1,234`), one kind of separator throughout.
fn grouped_digits(int: &str) -> Option<String> {
    let sep = int.chars().find(|c| !c.is_ascii_digit());
    let Some(sep) = sep else {
        return (!int.is_empty()).then(|| int.to_string());
    };
    let groups: Vec<&str> = int.split(sep).collect();
    let (first, rest) = groups.split_first()?;
    let well_formed = (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
    well_formed.then(|| groups.concat())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_listed_forms() {
        for (cell, want) in [
            ("12", 12.0),
            ("12,5", 12.5),
            ("12.5", 12.5),
            ("1 234,5", 1234.5),
            ("1\u{a0}234,5", 1234.5),
            ("1\u{202f}234,5", 1234.5),
            ("1 234", 1234.0),
            ("1.234,5", 1234.5),
            ("1,234.5", 1234.5),
            ("1.234.567", 1_234_567.0),
            ("1,234,567", 1_234_567.0),
            ("1 234 567,25", 1_234_567.25),
            ("1'234", 1234.0),
            ("0,125", 0.125),
            ("12,0005", 12.0005),
            ("-3", -3.0),
            ("0.5", 0.5),
            ("1234.567", 1234.567),
        ] {
            assert_eq!(parse(cell), Ok(want), "{cell}");
        }
    }

    #[test]
    fn is_unknown_when_it_cannot_be_sure() {
        for bad in [
            "1 2",
            "12 34",
            "12.000",
            "12,000",
            "1,234",
            "douze",
            "12 ans",
            "1,2,3",
            "1.23.4",
            "1,234,56",
            "1.234.5,6.7",
            "12,",
            ",",
            "",
            "1e400",
            "inf",
            "NaN",
            "1 234 5",
            "--3",
        ] {
            assert!(parse(bad).is_err(), "{bad}: {:?}", parse(bad));
        }
    }

    proptest::proptest! {
        /// A number that reads is unknown once a word stands before, inside or after it.
        #[test]
        fn an_unknown_word_makes_the_cell_unknown(
            cell in proptest::sample::select(vec!["12", "12,5", "1 234,5", "1.234.567", "1,234.5"]),
            word in "[a-zA-Zé]{1,8}",
            place in 0usize..3,
        ) {
            proptest::prop_assert!(parse(cell).is_ok());
            let mid = cell.len() / 2;
            let with = match place {
                0 => format!("{word} {cell}"),
                1 => format!("{}{word}{}", &cell[..mid], &cell[mid..]),
                _ => format!("{cell} {word}"),
            };
            proptest::prop_assert!(parse(&with).is_err(), "{:?}", with);
        }
    }
}
