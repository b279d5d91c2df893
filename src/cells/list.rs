//! Lists: items split on `;`, `,`, `|` and line breaks; a cell without any of these is one item
//! when it names a known item as a whole, else it is split on spaces (KoboToolbox's
//! select_multiple codes).

use crate::lexicon::{Term, words};

/// Splits a list cell into its items. `known` are the items the posting looks for.
pub fn parse(cell: &str, separator: Option<&str>, known: &[Term]) -> Vec<String> {
    let trimmed = cell.trim();
    let items: Vec<&str> = match separator {
        Some(sep) => trimmed.split(sep).collect(),
        None if trimmed.contains([';', ',', '|', '\n', '\r']) => {
            trimmed.split([';', ',', '|', '\n', '\r']).collect()
        }
        None => {
            let w = words(trimmed);
            if known.iter().any(|t| t.spellings.contains(&w)) || !trimmed.contains(' ') {
                vec![trimmed]
            } else {
                trimmed.split(' ').collect()
            }
        }
    };
    items
        .into_iter()
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_exports_write() {
        let known = vec![Term::new("lettre de motivation", &[]), Term::new("CV", &[])];
        assert_eq!(
            parse("CV; Lettre de motivation", None, &known),
            ["CV", "Lettre de motivation"]
        );
        assert_eq!(
            parse("CV, LM | diplôme", None, &known),
            ["CV", "LM", "diplôme"]
        );
        assert_eq!(
            parse("CV\nAttestations", None, &known),
            ["CV", "Attestations"]
        );
        assert_eq!(
            parse("Lettre de motivation", None, &known),
            ["Lettre de motivation"]
        );
        assert_eq!(
            parse("cv lettre_motivation copie_diplomes", None, &known),
            ["cv", "lettre_motivation", "copie_diplomes"]
        );
        assert_eq!(parse("a/b/c", Some("/"), &known), ["a", "b", "c"]);
        assert!(parse("  ", None, &known).is_empty());
    }
}
