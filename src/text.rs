//! Folding text for comparison: case, accents, apostrophes and runs of spaces.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases, strips accents, turns typographic apostrophes into `'`, and collapses runs of
/// white space into one space, trimming the ends: `"  Étude  d’Ingénieur "` → `"etude d'ingenieur"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => out.push('\''),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_accents_and_spaces() {
        for (input, want) in [
            ("  Étude  d’Ingénieur ", "etude d'ingenieur"),
            ("SANTÉ PUBLIQUE", "sante publique"),
            ("Sociologie\t\n", "sociologie"),
            ("Cœur", "coeur"),
            ("", ""),
        ] {
            assert_eq!(fold(input), want, "{input:?}");
        }
    }
}
