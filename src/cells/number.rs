//! Numbers: `12`, `12,5`, `1 234,5`, `1.234,5`, `1,234.5`.

/// Reads a number; spaces (also no-break and thin) separate thousands, and of `,` and `.` the
/// last one is the decimal mark when both appear, else a lone `,` is the decimal mark.
pub fn parse(cell: &str) -> Result<f64, String> {
    let t = cell.trim();
    let bad = || format!("`{t}` is not a number");
    let compact: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .collect();
    let (last_comma, last_dot) = (compact.rfind(','), compact.rfind('.'));
    let normal = match (last_comma, last_dot) {
        (Some(c), Some(d)) if c > d => compact.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => compact.replace(',', ""),
        (Some(_), None) if compact.matches(',').count() == 1 => compact.replace(',', "."),
        (Some(_), None) => return Err(bad()),
        _ => compact,
    };
    if normal.is_empty()
        || !normal
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')))
    {
        return Err(bad());
    }
    normal
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_listed_forms() {
        for (cell, want) in [
            ("12", 12.0),
            ("12,5", 12.5),
            ("1 234,5", 1234.5),
            ("1\u{a0}234,5", 1234.5),
            ("1\u{202f}234,5", 1234.5),
            ("1.234,5", 1234.5),
            ("1,234.5", 1234.5),
            ("-3", -3.0),
            ("0.5", 0.5),
        ] {
            assert_eq!(parse(cell), Ok(want), "{cell}");
        }
        for bad in ["douze", "1,2,3", "12 ans", "", "1e400", "inf", "NaN"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
