//! Lists: the items a posting looks for, found as phrases in the cell whatever joins them
//! (`;`, `,`, `|`, line breaks, `et`, `+`, `/`, ` - `, `.`, numbering, bullets, KoboToolbox's
//! space-separated codes), and whether the rest of the cell was understood.
//!
//! The rest is understood when it is only known items (the posting's, and the documents of
//! the built-in lexicon), joiners and numbering. `CV, lettre, diplôme` is not: `lettre` alone
//! may be the letter asked for, so a rule that misses it cannot fail on this cell.

use crate::lexicon::{STOPWORDS, Term, word_matches};
use crate::text::fold;

/// A list cell once read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Items {
    /// The names of the known items the cell names, the posting's and the lexicon's, in the
    /// order first found.
    pub found: Vec<String>,
    /// The words of the cell that are no known item, joiner or numbering; empty when the
    /// whole cell was understood.
    pub unread: Vec<String>,
}

impl Items {
    /// Whether every part of the cell was understood.
    pub fn understood(&self) -> bool {
        self.unread.is_empty()
    }

    /// Whether the cell names `term`.
    pub fn has(&self, term: &Term) -> bool {
        self.found.contains(&term.name)
    }
}

/// Characters that end one item and start the next; words inside an item are split at any
/// other character that is not a letter or a digit.
const JOINERS: &[char] = &[
    ';', ',', '|', '\n', '\r', '\t', '/', '+', '.', ':', '(', ')', '[', ']', '•', '·', '*', '–',
    '—', '>',
];

/// Reads a list cell: the `known` items it names (the posting's, then the lexicon's
/// documents) and what it holds besides. `separator` forces where items end.
pub fn parse(cell: &str, separator: Option<&str>, known: &[Term]) -> Items {
    let folded = fold(cell);
    if is_none(&folded) {
        return Items::default();
    }
    let segments: Vec<&str> = match separator {
        Some(sep) => folded.split(fold(sep).as_str()).collect(),
        None => folded.split(JOINERS).collect(),
    };
    // KoboToolbox writes a select_multiple as the choices' codes between single spaces: a
    // code of several words is one choice of the form, known or not.
    let codes = separator.is_none() && is_codes(cell);
    let lexicon = crate::lexicon::documents();
    let mut items = Items::default();
    for segment in segments {
        let parts: Vec<&str> = if codes {
            segment.split(' ').collect()
        } else {
            vec![segment]
        };
        for part in parts {
            let words: Vec<&str> = part
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
                .collect();
            // Every place a known item's spelling stands: (item, first word, words).
            let mut matches: Vec<(&Term, usize, usize)> = Vec::new();
            for term in known.iter().chain(lexicon) {
                for spelling in &term.spellings {
                    for at in occurrences(spelling, &words) {
                        matches.push((term, at, spelling.len()));
                    }
                }
            }
            let mut covered = vec![false; words.len()];
            for &(term, at, len) in &matches {
                // Within a longer known phrase, a shorter one is a word of it: `lettre` in
                // `lettre de recommandation` is not the cover letter.
                let inside_longer = matches
                    .iter()
                    .any(|&(_, a, l)| l > len && a <= at && at + len <= a + l);
                if inside_longer {
                    continue;
                }
                for c in covered.iter_mut().skip(at).take(len) {
                    *c = true;
                }
                if !items.found.contains(&term.name) {
                    items.found.push(term.name.clone());
                }
            }
            let whole_code = codes && part.contains('_');
            for (w, covered) in words.iter().zip(&covered) {
                if !covered && !whole_code && !is_numbering(w) {
                    items.unread.push((*w).to_string());
                }
            }
        }
    }
    items
}

/// Where `phrase` stands, word after word, in `words`.
fn occurrences<'a>(phrase: &'a [String], words: &'a [&str]) -> impl Iterator<Item = usize> + 'a {
    let n = phrase.len();
    (0..words.len().saturating_sub(n.saturating_sub(1))).filter(move |&at| {
        n > 0
            && phrase
                .iter()
                .zip(&words[at..])
                .all(|(p, w)| word_matches(p, w))
    })
}

/// `1`, `2`, `a`, `b`: numbering before an item.
/// Whether a whole cell says the list is empty (`néant`, `aucune pièce jointe`, `none`): an
/// answer, unlike a blank cell.
fn is_none(folded: &str) -> bool {
    let said = folded.trim().trim_end_matches(['.', '!']).trim();
    [
        "neant",
        "aucun",
        "aucune",
        "rien",
        "aucune piece jointe",
        "aucun document",
        "none",
        "nothing",
        "no attachment",
        "no attachments",
        "no document",
        "no documents",
    ]
    .contains(&said)
}

fn is_numbering(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit()) || w.chars().count() == 1
}

/// Whether a cell is KoboToolbox codes: lower-case ASCII words, digits and `_`, between
/// single spaces, one of them at least joined by `_`.
fn is_codes(cell: &str) -> bool {
    let t = cell.trim();
    t.contains('_')
        && !t.contains("  ")
        && t.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting_items() -> Vec<Term> {
        [
            "CV",
            "lettre de motivation",
            "attestations de travail",
            "copie du diplôme",
        ]
        .iter()
        .map(|i| Term::new(i, &[]))
        .collect()
    }

    /// The posting's items the cell names, and whether the rest was understood.
    fn read(cell: &str) -> (Vec<String>, bool) {
        let known = posting_items();
        let items = parse(cell, None, &known);
        let found = known
            .iter()
            .filter(|t| items.has(t))
            .map(|t| t.name.clone())
            .collect();
        (found, items.understood())
    }

    #[test]
    fn finds_items_whatever_joins_them() {
        let both = vec!["CV".to_string(), "lettre de motivation".to_string()];
        for cell in [
            "CV; Lettre de motivation",
            "CV, lettre de motivation",
            "CV | lettre de motivation",
            "CV\nLettre de motivation",
            "CV\r\nLettre de motivation",
            "CV et lettre de motivation",
            "CV + lettre de motivation",
            "CV / lettre de motivation",
            "CV - lettre de motivation",
            "CV. Lettre de motivation.",
            "1) CV 2) lettre de motivation",
            "1. CV\n2. Lettre de motivation",
            "a) CV b) lettre de motivation",
            "• CV\n• Lettre de motivation",
            "- CV\n- lettre de motivation",
            "Lettre de motivation et CV",
            "cv lettre_motivation",
            "Curriculum vitae, cover letter",
            "CV, lettre de motivaton",
        ] {
            assert_eq!(read(cell), (both.clone(), true), "{cell:?}");
        }
    }

    #[test]
    fn a_cell_saying_none_is_an_empty_list_understood() {
        for cell in ["Néant", "aucune pièce jointe", "None.", "no attachment"] {
            assert_eq!(read(cell), (vec![], true), "{cell}");
        }
        // Words besides are not understood.
        assert!(!read("aucune idée").1);
    }

    #[test]
    fn says_what_it_did_not_understand() {
        for (cell, found, understood) in [
            // `lettre` alone may be the letter: not understood.
            ("CV, lettre, diplôme", vec!["CV", "copie du diplôme"], false),
            ("CV; LM", vec!["CV"], false),
            ("CV; attestations", vec!["CV"], false),
            // A letter of recommendation is a known document, not the cover letter.
            ("CV, lettre de recommandation", vec!["CV"], true),
            ("CV, pièce d'identité, casier judiciaire", vec!["CV"], true),
            ("CV; copie diplôme", vec!["CV", "copie du diplôme"], true),
            ("photo", vec![], false),
            // Codes of a form are choices: an unknown one is another choice.
            (
                "cv facilitation_sensibilisation lettre_motivation",
                vec!["CV", "lettre de motivation"],
                true,
            ),
            ("cv lettre", vec!["CV"], false),
        ] {
            let want: Vec<String> = found.iter().map(|s| s.to_string()).collect();
            assert_eq!(read(cell), (want, understood), "{cell:?}");
        }
    }

    #[test]
    fn a_word_of_a_longer_known_phrase_is_not_an_item() {
        // The posting's own spelling `lettre` stands inside `lettre de recommandation`.
        let extra = vec![(
            "lettre de motivation".to_string(),
            vec!["lettre".to_string()],
        )];
        let known = [
            Term::new("CV", &[]),
            Term::new("lettre de motivation", &extra),
        ];
        let items = parse("CV, lettre de recommandation", None, &known);
        assert!(items.has(&known[0]) && !items.has(&known[1]) && items.understood());
        let items = parse("CV, lettre", None, &known);
        assert!(items.has(&known[1]) && items.understood());
    }

    #[test]
    fn a_separator_forces_the_items() {
        let known = posting_items();
        let items = parse("CV / lettre de motivation", Some("/"), &known);
        assert!(items.has(&known[0]) && items.has(&known[1]) && items.understood());
        let items = parse("CV, lettre de motivation", Some("/"), &known);
        assert!(items.has(&known[0]) && items.has(&known[1]));
    }

    proptest::proptest! {
        /// The items found do not depend on their order or the joiners used.
        #[test]
        fn order_and_joiners_do_not_change_the_items(
            picked in proptest::sample::subsequence(
                vec!["CV", "Lettre de motivation", "attestations de travail", "copie du diplôme",
                     "casier judiciaire", "cover letter"], 1..6),
            shuffle in proptest::collection::vec(0usize..100, 6),
            joiners in proptest::collection::vec(
                proptest::sample::select(vec!["; ", ", ", " | ", "\n", " et ", " + ", " / ", " - ", ". "]), 6),
        ) {
            let mut order: Vec<(usize, &str)> = picked.iter().copied().enumerate()
                .map(|(i, p)| (shuffle[i], p)).collect();
            order.sort();
            let mut cell = String::new();
            for (k, (_, p)) in order.iter().enumerate() {
                if k > 0 {
                    cell.push_str(joiners[k]);
                }
                cell.push_str(p);
            }
            let plain = picked.join("; ");
            let (a, b) = (read(&cell), read(&plain));
            proptest::prop_assert_eq!(a.0.len(), b.0.len(), "{:?}", cell);
            for f in &b.0 {
                proptest::prop_assert!(a.0.contains(f), "{:?}", cell);
            }
            proptest::prop_assert!(a.1 && b.1, "{:?}", cell);
        }

        /// A cell that names every item is no longer understood once a word no reader knows
        /// is added, before, inside or after.
        #[test]
        fn an_unknown_word_is_not_understood(
            word in "(stage|photo|zorglub|lettre)",
            place in 0usize..3,
        ) {
            let cell = match place {
                0 => format!("{word}, CV, lettre de motivation"),
                1 => format!("CV, {word}, lettre de motivation"),
                _ => format!("CV, lettre de motivation, {word}"),
            };
            proptest::prop_assert!(!read(&cell).1, "{:?}", cell);
        }
    }
}
