//! Text as the tool handles it: folded for comparison (case, accents, apostrophes and runs
//! of spaces), and escaped for a terminal or JSON ([`escape`]).

pub mod escape;
pub mod terminal;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases, strips accents, turns typographic apostrophes into `'`, and collapses runs of
/// white space into one space, trimming the ends: `"  Étude  d’Ingénieur "` → `"etude d'ingenieur"`.
pub fn fold(s: &str) -> String {
    match fold_latin(s) {
        Some(out) => out,
        None => fold_unicode(s),
    }
}

/// The base letter of the accented Latin letters French and English text use.
fn unaccent(c: char) -> Option<char> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ÿ' | 'Ÿ' | 'ý' | 'Ý' => 'y',
        _ => return None,
    })
}

/// [`fold`] without Unicode tables, for text made of ASCII and common accented letters;
/// `None` when the text holds anything else.
fn fold_latin(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        let c = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else if let Some(base) = unaccent(c) {
            base
        } else {
            match c {
                '\u{2019}' | '\u{2018}' | '\u{b4}' => '\'',
                'œ' | 'Œ' | 'æ' | 'Æ' => return None,
                _ => return None,
            }
        };
        if space {
            out.push(' ');
            space = false;
        }
        out.push(if c == '`' { '\'' } else { c });
    }
    Some(out)
}

fn fold_unicode(s: &str) -> String {
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
    use super::{fold, fold_unicode, trim};

    proptest::proptest! {
        #[test]
        fn trims_as_the_standard_library_does(s in "[ a\\t\\n\u{a0}\u{202f}é!-]{0,8}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }
    }

    #[test]
    fn folds_case_accents_and_spaces() {
        for (input, want) in [
            ("  Étude  d’Ingénieur ", "etude d'ingenieur"),
            ("SANTÉ PUBLIQUE", "sante publique"),
            ("Sociologie\t\n", "sociologie"),
            ("Cœur", "coeur"),
            ("", ""),
            ("Ñandú Çà", "nandu ca"),
            ("ŁÓDŹ", "łodz"),
        ] {
            assert_eq!(fold(input), want, "{input:?}");
            assert_eq!(fold_unicode(input), want, "{input:?}");
        }
    }
}

/// `s.trim()`, without decoding characters when both ends are visible ASCII, as most cells'
/// are.
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// `text` as a JSON string, quotes included, as serde_json writes it.
pub fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// `s` cut to `max` characters, an ellipsis marking the cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Candidate text made safe for a terminal: control characters, escape sequences and bidi
/// overrides removed, line breaks shown as spaces.
pub fn printable(s: &str) -> String {
    // Most cells hold nothing to remove: copied whole after one pass over their bytes (a
    // twentieth of the time of an xlsx of every candidate went to the character loop).
    if !needs_cleaning(s.as_bytes()) {
        return s.to_string();
    }
    printable_plain(s)
}

/// Whether `printable` would change `s`: a control character (C0, DEL, C1), a bidi control,
/// or a line break, as UTF-8 bytes.
fn needs_cleaning(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(k, &x)| match x {
        0x00..=0x1f | 0x7f => true,
        0xc2 => b.get(k + 1).is_some_and(|y| (0x80..=0x9f).contains(y)),
        0xd8 => b.get(k + 1) == Some(&0x9c),
        0xe2 => match (b.get(k + 1), b.get(k + 2)) {
            (Some(0x80), Some(z)) => matches!(z, 0x8e | 0x8f | 0xaa..=0xae),
            (Some(0x81), Some(z)) => (0xa6..=0xa9).contains(z),
            _ => false,
        },
        _ => false,
    })
}

/// [`printable`] character by character: the reference its fast path is tested against.
fn printable_plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                // Skip an escape sequence: CSI (`ESC [ … final`) or OSC (`ESC ] … BEL/ST`).
                match chars.peek() {
                    Some('[') => {
                        chars.next();
                        for d in chars.by_ref() {
                            if ('\u{40}'..='\u{7e}').contains(&d) {
                                break;
                            }
                        }
                    }
                    Some(']') => {
                        chars.next();
                        while let Some(d) = chars.next() {
                            if d == '\u{7}' || (d == '\u{1b}' && chars.next_if_eq(&'\\').is_some())
                            {
                                break;
                            }
                        }
                    }
                    _ => {
                        chars.next();
                    }
                }
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{61c}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod printable_tests {
    use super::{printable, printable_plain};

    #[test]
    fn the_fast_path_gives_the_plain_result() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let naughty =
            std::fs::read_to_string(root.join("tests/fixtures/naughty-strings/blns_names.csv"))
                .expect("naughty strings");
        let mut samples: Vec<String> = naughty.lines().map(String::from).collect();
        // Every character class the cleaning looks at, alone and among letters.
        for c in (0u32..0x250).chain(0x600..0x620).chain(0x2000..0x2080) {
            if let Some(c) = char::from_u32(c) {
                samples.push(format!("a{c}é"));
                samples.push(c.to_string());
            }
        }
        for s in &samples {
            assert_eq!(printable(s), printable_plain(s), "{s:?}");
        }
    }

    #[test]
    fn strips_what_a_terminal_would_obey() {
        assert_eq!(printable("Awa\u{1b}[31m Traoré\u{1b}[0m"), "Awa Traoré");
        assert_eq!(printable("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(printable("a\u{1b}]8;;http://x\u{1b}\\b"), "ab");
        assert_eq!(printable("x\u{202e}gnp.exe"), "xgnp.exe");
        assert_eq!(printable("deux\nlignes\u{7}"), "deux lignes");
    }
}
