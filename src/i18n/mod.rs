//! The languages of user-facing text: the output's, and the messages' (errors and warnings),
//! whose words are in [`catalogue`].

pub mod catalogue;
pub mod command_line;

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

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
    /// The language of a locale as `LANG` or `LC_ALL` give it: `fr_ML.UTF-8` is French,
    /// any other English.
    pub fn of_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// Whether `n` takes the plural: in French from 2 on (`0 an`, `1,5 an`, `2 ans`), in
    /// English for any number but 1 (`0 years`, `1 year`, `1.5 years`).
    pub fn plural(self, n: f64) -> bool {
        match self {
            Lang::Fr => n.abs() >= 2.0,
            Lang::En => n != 1.0,
        }
    }

    /// `n` and the noun agreed with it, from the French and English singular and plural:
    /// `lang.count(1, ("ligne", "lignes"), ("row", "rows"))` is `1 ligne`.
    pub fn count(self, n: usize, fr: (&str, &str), en: (&str, &str)) -> String {
        let (one, many) = match self {
            Lang::Fr => fr,
            Lang::En => en,
        };
        let noun = if self.plural(n as f64) { many } else { one };
        format!("{} {noun}", self.int(n))
    }

    /// A whole number with its thousands grouped as each language writes them: `23 767`
    /// (with a narrow no-break space) in French, `23,767` in English.
    pub fn int(self, n: usize) -> String {
        let digits = n.to_string();
        let sep = match self {
            Lang::Fr => "\u{202f}",
            Lang::En => ",",
        };
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// Picks the French or the English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// The language of messages: 0 while none was set, else 1 + the language's index.
static MESSAGES: AtomicU8 = AtomicU8::new(0);

/// Whether `--lang` chose the language of messages, which a posting then does not change.
static GIVEN: AtomicBool = AtomicBool::new(false);

/// Sets the language of errors and warnings from the locale, until `--lang` or a posting
/// says otherwise.
pub fn set_messages(lang: Lang) {
    MESSAGES.store(lang as u8 + 1, Ordering::Relaxed);
}

/// Sets the language of errors and warnings from `--lang`, for the rest of the run.
pub fn give_messages(lang: Lang) {
    GIVEN.store(true, Ordering::Relaxed);
    set_messages(lang);
}

/// Sets the language of errors and warnings from the `language` a posting declares, unless
/// `--lang` chose it; returns whether it changed.
pub fn set_posting_messages(lang: Lang) -> bool {
    if GIVEN.load(Ordering::Relaxed) || messages() == lang {
        return false;
    }
    set_messages(lang);
    true
}

/// The language of errors and warnings: as set, else English.
pub fn messages() -> Lang {
    match MESSAGES.load(Ordering::Relaxed) {
        1 => Lang::Fr,
        _ => Lang::En,
    }
}

/// Why a file could not be read, in `lang`: the usual causes in words, others as the
/// system says them.
pub fn io_why(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => catalogue::io_not_found(lang),
        ErrorKind::PermissionDenied => catalogue::io_permission(lang),
        ErrorKind::IsADirectory => catalogue::io_directory(lang),
        _ => e.to_string(),
    }
}

/// An error and its causes, one after the other, input errors in `lang`'s words.
pub fn error_chain(lang: Lang, err: &anyhow::Error) -> String {
    err.chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) if io.get_ref().is_none() => io_why(lang, io),
            _ => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(lang.pick(" : ", ": "))
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

    #[test]
    fn each_language_agrees_its_plural() {
        assert!(!Lang::Fr.plural(0.0) && !Lang::Fr.plural(1.0) && !Lang::Fr.plural(1.5));
        assert!(Lang::Fr.plural(2.0) && Lang::Fr.plural(10.0));
        assert!(Lang::En.plural(0.0) && !Lang::En.plural(1.0) && Lang::En.plural(1.5));
    }

    #[test]
    fn a_count_agrees_its_noun() {
        let rows = |lang: Lang, n| lang.count(n, ("ligne", "lignes"), ("row", "rows"));
        assert_eq!(rows(Lang::Fr, 0), "0 ligne");
        assert_eq!(rows(Lang::Fr, 2), "2 lignes");
        assert_eq!(rows(Lang::En, 0), "0 rows");
        assert_eq!(rows(Lang::En, 1), "1 row");
        assert_eq!(rows(Lang::Fr, 23_767), "23\u{202f}767 lignes");
        assert_eq!(rows(Lang::En, 1_000_000), "1,000,000 rows");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(Lang::Fr.int(999), "999");
        assert_eq!(Lang::Fr.int(2_000), "2\u{202f}000");
        assert_eq!(Lang::En.int(100_000), "100,000");
        assert_eq!(Lang::En.int(0), "0");
    }

    #[test]
    fn a_french_locale_speaks_french() {
        assert_eq!(Lang::of_locale("fr_ML.UTF-8"), Lang::Fr);
        assert_eq!(Lang::of_locale("fr"), Lang::Fr);
        assert_eq!(Lang::of_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::of_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::of_locale(""), Lang::En);
    }
}
