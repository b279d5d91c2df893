//! Yes/no answers: oui/non, yes/no, o/n, y/n, 1/0, x, vrai/faux, true/false.

use crate::text::fold;

/// Reads a yes or a no.
pub fn parse(cell: &str) -> Result<bool, String> {
    match fold(cell).trim_end_matches(['.', '!']) {
        "oui" | "yes" | "o" | "y" | "1" | "x" | "vrai" | "true" | "ok" => Ok(true),
        "non" | "no" | "n" | "0" | "faux" | "false" => Ok(false),
        _ => Err(format!("`{}` is not a yes or a no", cell.trim())),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_listed_forms() {
        for cell in [
            "oui", "Oui", "OUI ", "yes", "o", "Y", "1", "x", "X", "vrai", "true", "Oui.",
        ] {
            assert_eq!(parse(cell), Ok(true), "{cell}");
        }
        for cell in ["non", "NON", "no", "n", "0", "faux", "False"] {
            assert_eq!(parse(cell), Ok(false), "{cell}");
        }
        assert_eq!(
            parse("peut-être"),
            Err("`peut-être` is not a yes or a no".into())
        );
    }
}
