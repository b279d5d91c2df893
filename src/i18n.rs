//! The languages of user-facing text, and the labels in each.

use std::fmt;
use std::str::FromStr;

/// A language of the tool's output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// French, the default: the first users recruit in Mali.
    #[default]
    Fr,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.trim().to_lowercase().as_str() {
            "fr" | "french" | "français" | "francais" => Ok(Lang::Fr),
            "en" | "english" | "anglais" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        })
    }
}

impl Lang {
    /// Picks the French or the English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names() {
        assert_eq!("FR".parse(), Ok(Lang::Fr));
        assert_eq!("english".parse(), Ok(Lang::En));
        assert_eq!("de".parse::<Lang>(), Err(()));
        assert_eq!(Lang::En.pick("oui", "yes"), "yes");
    }
}
