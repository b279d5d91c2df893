//! The built-in lexicon: degree levels on the French and West African scale, with the
//! diplomas that stand for each, in French and English.

use crate::text::fold;
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
    ("doctorat", Level::Doctorat),
    ("phd", Level::Doctorat),
    ("md", Level::Doctorat),
    ("doctorat en medecine", Level::Doctorat),
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
