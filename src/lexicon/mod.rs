//! The built-in lexicon: degree levels on the French and West African scale, with the
//! diplomas that stand for each, in French and English.

pub mod isced;

use crate::text::fold;
use isced::Standing;
use std::fmt;

/// A degree level, ordered from lowest to highest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// DEF, BEPC, brevet.
    Def,
    /// Baccalauréat, BT, high school.
    Bac,
    /// BTS, DUT, DEUG, associate.
    Bac2,
    /// Licence, bachelor, Technicien Supérieur de Santé.
    Bac3,
    /// Maîtrise.
    Bac4,
    /// Master, DESS, DEA, MPH, ingénieur.
    Bac5,
    /// Doctorat, PhD, MD.
    Doctorat,
}

/// Every level, lowest first.
pub const LEVELS: [Level; 7] = [
    Level::Def,
    Level::Bac,
    Level::Bac2,
    Level::Bac3,
    Level::Bac4,
    Level::Bac5,
    Level::Doctorat,
];

impl Level {
    /// The code used in postings: `def`, `bac`, `bac+2` … `bac+5`, `doctorat`.
    pub fn code(self) -> &'static str {
        match self {
            Level::Def => "def",
            Level::Bac => "bac",
            Level::Bac2 => "bac+2",
            Level::Bac3 => "bac+3",
            Level::Bac4 => "bac+4",
            Level::Bac5 => "bac+5",
            Level::Doctorat => "doctorat",
        }
    }

    /// Reads a level code, or the name of a diploma that stands for a level (`licence`,
    /// `master`, `PhD` …), as a posting's `min_level` may say.
    pub fn from_name(name: &str) -> Option<Level> {
        let f = fold(name).replace(' ', "");
        LEVELS.into_iter().find(|l| l.code() == f).or_else(|| {
            DIPLOMAS
                .iter()
                .find(|(d, _)| d.replace(' ', "") == f)
                .map(|(_, l)| *l)
        })
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Diploma names (folded) and the level each stands for.
pub const DIPLOMAS: &[(&str, Level)] = &[
    ("def", Level::Def),
    ("bepc", Level::Def),
    ("brevet", Level::Def),
    ("cap", Level::Def),
    ("bac", Level::Bac),
    ("baccalaureat", Level::Bac),
    ("bt", Level::Bac),
    ("brevet de technicien", Level::Bac),
    ("brevet de technicien superieur", Level::Bac2),
    ("high school", Level::Bac),
    ("bts", Level::Bac2),
    ("dut", Level::Bac2),
    ("deug", Level::Bac2),
    ("associate", Level::Bac2),
    ("licence", Level::Bac3),
    ("bachelor", Level::Bac3),
    ("bsc", Level::Bac3),
    ("ba", Level::Bac3),
    ("technicien superieur de sante", Level::Bac3),
    ("infirmier d'etat", Level::Bac3),
    ("sage-femme", Level::Bac3),
    ("sage femme", Level::Bac3),
    ("maitrise", Level::Bac4),
    ("master", Level::Bac5),
    ("msc", Level::Bac5),
    ("mba", Level::Bac5),
    ("mph", Level::Bac5),
    ("dess", Level::Bac5),
    ("dea", Level::Bac5),
    ("ingenieur", Level::Bac5),
    ("descf", Level::Bac5),
    ("decf", Level::Bac3),
    ("doctorat", Level::Doctorat),
    ("docteur", Level::Doctorat),
    ("doctor", Level::Doctorat),
    ("phd", Level::Doctorat),
    ("md", Level::Doctorat),
    ("doctorat en medecine", Level::Doctorat),
    ("medecin", Level::Doctorat),
    ("pharmacien", Level::Doctorat),
    ("chirurgien dentiste", Level::Doctorat),
];

/// Words saying a diploma is not obtained (`Master en cours`, `niveau Master`): the diploma
/// they stand beside gives no level.
const NOT_OBTAINED: &[&[&str]] = &[
    &["en", "cours"],
    &["encours"],
    &["niveau"],
    &["non", "obtenu"],
    &["non", "acheve"],
    &["inacheve"],
    &["in", "progress"],
    &["ongoing"],
    &["pending"],
    &["level"],
    &["candidat"],
    &["preparation"],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_diploma_names() {
        for (name, want) in [
            ("bac+3", Some(Level::Bac3)),
            ("BAC + 5", Some(Level::Bac5)),
            ("Licence", Some(Level::Bac3)),
            ("maîtrise", Some(Level::Bac4)),
            ("PhD", Some(Level::Doctorat)),
            ("def", Some(Level::Def)),
            ("bac+9", None),
            ("", None),
        ] {
            assert_eq!(Level::from_name(name), want, "{name}");
        }
        assert!(Level::Bac3 < Level::Bac5);
    }
}

/// Words left out when matching a phrase: articles and prepositions of French and English.
pub const STOPWORDS: &[&str] = &[
    "de", "du", "des", "d", "en", "la", "le", "les", "l", "et", "of", "in", "and", "the",
];

/// The folded words of a text, split on anything that is not a letter or digit (so KoboToolbox
/// codes such as `lettre_motivation` give `lettre`, `motivation`), stopwords left out.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether two folded words match: equal, or one edit apart when both have five letters or more.
pub fn word_matches(want: &str, got: &str) -> bool {
    if want == got {
        return true;
    }
    let (a, b) = (want.chars().count(), got.chars().count());
    a >= 5 && b >= 5 && a.abs_diff(b) <= 1 && strsim::damerau_levenshtein(want, got) <= 1
}

/// Whether every word of `phrase` is found among `text` (both from [`words`]).
pub fn phrase_in(phrase: &[String], text: &[String]) -> bool {
    !phrase.is_empty()
        && phrase
            .iter()
            .all(|p| text.iter().any(|t| word_matches(p, t)))
}

/// The documents an application holds, with their French and English names: what a list of
/// documents may name besides the posting's own items. The first name of each is its own.
pub const DOCUMENTS: &[&[&str]] = &[
    &["CV", "curriculum vitae", "curriculum", "résumé", "resume"],
    &[
        "lettre de motivation",
        "lettre de candidature",
        "cover letter",
        "motivation letter",
        "letter of motivation",
    ],
    &[
        "demande manuscrite",
        "lettre manuscrite",
        "demande d'emploi",
        "handwritten application",
    ],
    &[
        "attestations de travail",
        "attestation de travail",
        "certificats de travail",
        "certificat de travail",
        "attestations d'emploi",
        "work certificates",
        "work certificate",
        "employment certificates",
    ],
    &[
        "copie du diplôme",
        "copie des diplômes",
        "copies des diplômes",
        "diplôme",
        "diplômes",
        "diploma",
        "diplomas",
        "diploma copy",
        "copy of diploma",
    ],
    &[
        "références professionnelles",
        "références",
        "references",
        "professional references",
        "referees",
    ],
    &[
        "lettre de recommandation",
        "lettres de recommandation",
        "recommendation letter",
        "letter of recommendation",
    ],
    &[
        "pièce d'identité",
        "carte d'identité",
        "CNI",
        "passeport",
        "passport",
        "ID card",
        "identity card",
    ],
    &["photo d'identité", "photos d'identité", "passport photo"],
    &[
        "casier judiciaire",
        "extrait de casier judiciaire",
        "criminal record",
    ],
    &[
        "certificat de nationalité",
        "certificate of nationality",
        "nationality certificate",
    ],
    &[
        "acte de naissance",
        "extrait d'acte de naissance",
        "birth certificate",
    ],
    &[
        "certificat médical",
        "certificat de visite médicale",
        "medical certificate",
    ],
    &[
        "relevés de notes",
        "relevé de notes",
        "transcripts",
        "transcript",
    ],
    &[
        "attestations de formation",
        "certificats de formation",
        "attestations de stage",
        "training certificates",
    ],
    &["permis de conduire", "driving licence", "driver's license"],
];

/// The words of every name of the built-in documents, worked out once.
fn synonym_words() -> &'static [Vec<Vec<String>>] {
    static WORDS: std::sync::OnceLock<Vec<Vec<Vec<String>>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        DOCUMENTS
            .iter()
            .map(|group| group.iter().map(|s| words(s)).collect())
            .collect()
    })
}

/// The built-in documents as terms, each with all its names, made once.
pub fn documents() -> &'static [Term] {
    static TERMS: std::sync::OnceLock<Vec<Term>> = std::sync::OnceLock::new();
    TERMS.get_or_init(|| {
        DOCUMENTS
            .iter()
            .filter_map(|group| group.first())
            .map(|name| Term::new(name, &[]))
            .collect()
    })
}

/// A term to look for, with every spelling it may take in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The term as the posting writes it.
    pub name: String,
    /// The words of each spelling, the term's own first.
    pub spellings: Vec<Vec<String>>,
    /// The field of study it names, by index in [`self::isced::FIELDS`], if it names one.
    pub field: Option<usize>,
}

impl Term {
    /// The term `name` with its built-in synonyms and the posting's `extra` ones.
    pub fn new(name: &str, extra: &[(String, Vec<String>)]) -> Term {
        let own = words(name);
        let mut spellings = vec![own.clone()];
        for group in synonym_words() {
            if group.contains(&own) {
                for w in group {
                    if !w.is_empty() && !spellings.contains(w) {
                        spellings.push(w.clone());
                    }
                }
            }
        }
        let mut add = |group: &mut dyn Iterator<Item = &str>| {
            for s in group {
                let w = words(s);
                if !w.is_empty() && !spellings.contains(&w) {
                    spellings.push(w);
                }
            }
        };
        for (canonical, others) in extra {
            let names_it = words(canonical) == own || others.iter().any(|o| words(o) == own);
            if names_it {
                add(&mut std::iter::once(canonical.as_str())
                    .chain(others.iter().map(String::as_str)));
            }
        }
        Term {
            name: name.to_string(),
            spellings,
            field: self::isced::field_of(name),
        }
    }

    /// How a diploma text stands against this term as a subject: a term that names a field
    /// of study goes by the tree (and by the posting's own spellings of it); any other by its
    /// words.
    pub fn standing_in(&self, text: &[String], named: &self::isced::Named) -> Standing {
        let by_words = |spellings: &[Vec<String>]| spellings.iter().any(|s| phrase_in(s, text));
        match self.field {
            Some(f) => match self::isced::standing(&named.fields, f) {
                Standing::Elsewhere if by_words(self.spellings.get(1..).unwrap_or_default()) => {
                    Standing::Within
                }
                s => s,
            },
            None if by_words(&self.spellings) => Standing::Within,
            None => Standing::Elsewhere,
        }
    }

    /// Whether a text (as [`words`]) names this term in any of its spellings.
    pub fn found_in(&self, text: &[String]) -> bool {
        self.spellings.iter().any(|s| phrase_in(s, text))
    }
}

/// The highest degree level a diploma text names, if any: `Licence en sociolgie` → bac+3,
/// `Master 1` → bac+4, `Bac + 2` → bac+2. A diploma not obtained (`Master en cours`, `niveau
/// Master`, `Licence (en cours)`) gives no level; the others of the text still do.
pub fn level_of(text: &str) -> Option<Level> {
    let text = join_initials(text);
    // Parts between commas, semicolons, slashes, brackets and line breaks: `Licence en
    // sociologie (Master en cours)` holds two diplomas, one obtained.
    let parts: Vec<&str> = text
        .split([',', ';', '/', '(', ')', '[', ']', '\n', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut best = None;
    for (i, part) in parts.iter().enumerate() {
        let pending = |p: &str| {
            let f = fold(p);
            let ws: Vec<&str> = f
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            NOT_OBTAINED
                .iter()
                .any(|m| ws.windows(m.len()).any(|w| w == *m))
        };
        // A part that is only the mark (`(en cours)`) marks the part before it.
        let alone = |p: &str| pending(p) && level_in(p).is_none();
        let next_marks = parts.get(i + 1).is_some_and(|n| alone(n));
        if pending(part) || next_marks {
            continue;
        }
        best = best.max(level_in(part));
    }
    best
}

/// The words of a diploma text, abbreviations written with dots joined (`B.T.S` → `bts`).
pub fn degree_words(text: &str) -> Vec<String> {
    words(&join_initials(text))
}

/// Abbreviations written with dots joined: `B.T.S` → `BTS`, `Ph.D.` → `PhD`, `M.Sc.` → `MSc`;
/// a dot between longer words stays.
fn join_initials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for token in text.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '.')) {
        let body = token.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
        let tail = &token[body.len()..];
        let runs: Vec<&str> = body.split('.').filter(|r| !r.is_empty()).collect();
        let initials = body.contains('.')
            && runs.len() >= 2
            && runs
                .iter()
                .all(|r| r.chars().count() <= 3 && r.chars().all(char::is_alphabetic));
        if initials {
            out.extend(runs);
        } else {
            out.push_str(body);
        }
        out.push_str(tail);
    }
    out
}

/// The highest level one part of a diploma text names.
fn level_in(text: &str) -> Option<Level> {
    let folded = fold(text);
    let compact: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    let mut best: Option<Level> = None;
    let mut note = |l: Level| best = best.max(Some(l));
    // Written levels: bac+2 … bac+8.
    for (i, _) in compact.match_indices("bac+") {
        match compact[i + 4..].chars().next().and_then(|c| c.to_digit(10)) {
            Some(2) => note(Level::Bac2),
            Some(3) => note(Level::Bac3),
            Some(4) => note(Level::Bac4),
            Some(5..=7) => note(Level::Bac5),
            Some(8) => note(Level::Doctorat),
            _ => {}
        }
    }
    let ws: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    for (i, w) in ws.iter().enumerate() {
        let next = ws.get(i + 1).map(String::as_str);
        match (w.as_str(), next) {
            ("master" | "masters", Some("1" | "i")) | ("m1", _) => note(Level::Bac4),
            ("m2", _) => note(Level::Bac5),
            ("l3", _) => note(Level::Bac3),
            ("l2", _) => note(Level::Bac2),
            ("l1", _) => note(Level::Bac),
            ("bac" | "baccalaureat", _) if !compact.contains("bac+") => note(Level::Bac),
            _ => {}
        }
    }
    for (name, level) in DIPLOMAS {
        let dw: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
            .map(str::to_string)
            .collect();
        // Short codes (BT, BA, MD…) must match exactly; longer words allow one typo, except
        // `médecin`, one letter from the field `médecine`.
        let exact = *name == "medecin";
        if (exact && ws.iter().any(|w| w == name)) || (!exact && phrase_in(&dw, &ws)) {
            // `Master 1` (also `Masters 1`) is a maîtrise, noted above, not a master.
            if *level == Level::Bac5
                && matches!(*name, "master")
                && ws.windows(2).any(|p| {
                    matches!(p[0].as_str(), "master" | "masters") && (p[1] == "1" || p[1] == "i")
                })
            {
                continue;
            }
            // `Brevet de technicien supérieur` is a BTS, not a brevet nor a BT.
            if matches!(*name, "brevet" | "brevet de technicien")
                && phrase_in(&words("brevet technicien superieur"), &ws)
            {
                continue;
            }
            note(*level);
        }
    }
    best
}

#[cfg(test)]
mod matching_tests {
    use super::*;

    #[test]
    fn splits_words_and_drops_stopwords() {
        assert_eq!(words("Licence en Sociologie"), ["licence", "sociologie"]);
        assert_eq!(words("lettre_motivation"), ["lettre", "motivation"]);
        assert_eq!(words("Domaine d'études"), ["domaine", "etudes"]);
    }

    #[test]
    fn tolerates_one_typo_in_long_words() {
        assert!(word_matches("sociologie", "sociolgie"));
        assert!(word_matches("medecine", "medcine"));
        assert!(!word_matches("bts", "bt"));
        assert!(!word_matches("sante", "santiago"));
    }

    #[test]
    fn terms_match_through_synonyms() {
        let extra = vec![("lettre de motivation".to_string(), vec!["LM".to_string()])];
        let lm = Term::new("lettre de motivation", &extra);
        assert!(lm.found_in(&words("LM")));
        assert!(lm.found_in(&words("Cover letter")));
        assert!(lm.found_in(&words("lettre_motivation")));
        assert!(!lm.found_in(&words("CV")));
        let stands = |term: &Term, text: &str| {
            let w = words(text);
            term.standing_in(&w, &self::isced::named(&w))
        };
        let tss = Term::new("technicien supérieur de santé", &[]);
        assert_eq!(stands(&tss, "TSS"), Standing::Within);
        assert_eq!(stands(&tss, "Technicien de santé"), Standing::Above);
        let sp = Term::new("santé publique", &[]);
        assert_eq!(stands(&sp, "Master of Public Health"), Standing::Within);
        assert_eq!(stands(&sp, "Santé communautaire"), Standing::Elsewhere);
        // The posting's own spellings of a field count as the field.
        let extra = vec![("santé publique".to_string(), vec!["SP".to_string()])];
        assert_eq!(
            stands(&Term::new("santé publique", &extra), "Master SP"),
            Standing::Within
        );
        // A subject of the posting's own is found by its words.
        let own = Term::new("gouvernance locale", &[]);
        assert_eq!(own.field, None);
        assert_eq!(
            stands(&own, "Master en gouvernance locale"),
            Standing::Within
        );
        assert_eq!(stands(&own, "Sociologie"), Standing::Elsewhere);
    }

    #[test]
    fn finds_the_level_of_a_diploma() {
        for (text, want) in [
            ("Licence en sociolgie", Some(Level::Bac3)),
            ("Master 2 en santé publique", Some(Level::Bac5)),
            ("Master 1 Sociologie", Some(Level::Bac4)),
            ("Maîtrise en géographie", Some(Level::Bac4)),
            ("Doctorat en médecine", Some(Level::Doctorat)),
            ("Technicien Supérieur de Santé", Some(Level::Bac3)),
            ("BTS comptabilité", Some(Level::Bac2)),
            ("Brevet de technicien supérieur", Some(Level::Bac2)),
            ("Brevet de technicien", Some(Level::Bac)),
            ("Masters 1 en sociologie", Some(Level::Bac4)),
            ("Bac + 3", Some(Level::Bac3)),
            ("BAC", Some(Level::Bac)),
            ("DEF", Some(Level::Def)),
            ("Infirmier d'Etat", Some(Level::Bac3)),
            ("BSc Nursing", Some(Level::Bac3)),
            ("MPH", Some(Level::Bac5)),
            ("PhD in Anthropology", Some(Level::Doctorat)),
            ("High school diploma", Some(Level::Bac)),
            ("Ingénieur en génie civil", Some(Level::Bac5)),
            ("Diplôme", None),
            ("", None),
            ("B.T.S en comptabilité", Some(Level::Bac2)),
            ("B.T.S.", Some(Level::Bac2)),
            ("Ph.D. in Sociology", Some(Level::Doctorat)),
            ("M.Sc. Public Health", Some(Level::Bac5)),
            ("L3 sociologie", Some(Level::Bac3)),
            ("L2", Some(Level::Bac2)),
            ("M1 santé publique", Some(Level::Bac4)),
            ("M2 santé publique", Some(Level::Bac5)),
            ("Docteur en médecine", Some(Level::Doctorat)),
            ("Médecin généraliste", Some(Level::Doctorat)),
            ("Licence en médecine vétérinaire", Some(Level::Bac3)),
            ("DESCF", Some(Level::Bac5)),
            ("Master en cours", None),
            ("Master (en cours)", None),
            ("Niveau Master", None),
            ("Licence (en cours)", None),
            ("Licence en sociologie (Master en cours)", Some(Level::Bac3)),
            ("Licence en sociologie, Master en cours", Some(Level::Bac3)),
            ("Master non obtenu; Licence", Some(Level::Bac3)),
            ("Licence.Sociologie", Some(Level::Bac3)),
        ] {
            assert_eq!(level_of(text), want, "{text}");
        }
    }
}
