//! E-mail addresses, lower-cased.

/// Bytes an ASCII address is kept inline up to: most are shorter.
const INLINE: usize = 38;

/// A lower-cased e-mail address, kept inline when it is short and ASCII, as most are: no
/// allocation per row.
#[derive(Clone, PartialEq, Eq)]
pub struct Address(Repr);

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    /// ASCII bytes, and how many.
    Inline([u8; INLINE], u8),
    Heap(Box<str>),
}

impl Address {
    /// The address.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline(..) => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
            Repr::Heap(text) => text,
        }
    }

    /// The address's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline(bytes, len) => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(text) => text.as_bytes(),
        }
    }
}

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// Reads an address: surrounding quotes, `« »`, `<>`, `Name <addr>`, `mailto:` and invisible
/// characters are removed, the text NFC-normalised and lower-cased. An address with anything
/// left over, or a domain not made of valid labels, is unknown.
pub fn parse(cell: &str) -> Result<Address, String> {
    let t = crate::text::trim(cell);
    // Most addresses are plain ASCII: checked byte by byte, kept inline, lower-cased at once.
    if plain(t.as_bytes()) {
        let mut bytes = [0u8; INLINE];
        if let Some(to) = bytes.get_mut(..t.len()) {
            to.copy_from_slice(t.as_bytes());
            // The whole array at once: a fixed length the compiler turns into a few steps.
            bytes.make_ascii_lowercase();
            return Ok(Address(Repr::Inline(bytes, t.len() as u8)));
        }
        return Ok(Address(Repr::Heap(t.to_ascii_lowercase().into())));
    }
    general(t)
        .map(|a| Address(Repr::Heap(a.into())))
        .ok_or_else(|| format!("`{}` is not an e-mail address", cell.trim()))
}

/// Characters that show nothing: zero-width ones, the soft hyphen, no-break spaces.
const INVISIBLE: &[char] = &[
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{a0}', '\u{202f}',
    '\u{2009}',
];

/// Pairs that may wrap an address.
const WRAPPERS: &[(char, char)] = &[
    ('"', '"'),
    ('\'', '\''),
    ('«', '»'),
    ('“', '”'),
    ('‘', '’'),
    ('<', '>'),
    ('(', ')'),
    ('[', ']'),
];

/// Reads an address character by character, whatever its characters: the plain reader of
/// this module, which [`plain`] agrees with on the addresses it takes.
fn general(t: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let visible: String = t.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    let mut s = visible.trim();
    loop {
        let before = s;
        s = strip_mailto(s).trim();
        // `Awa Traoré <awa@exemple.ml>`: the address in brackets, when the name holds none.
        if let Some(open) = s.rfind('<').filter(|_| s.ends_with('>'))
            && !s[..open].contains('@')
        {
            s = s[open + 1..s.len() - 1].trim();
        }
        for (open, close) in WRAPPERS {
            if let Some(inner) = s.strip_prefix(*open).and_then(|r| r.strip_suffix(*close)) {
                s = inner.trim();
            }
        }
        if s == before {
            break;
        }
    }
    let address: String = s.nfc().flat_map(char::to_lowercase).collect();
    let (local, domain) = address.split_once('@')?;
    (local_ok(local) && domain_ok(domain)).then_some(address)
}

fn strip_mailto(s: &str) -> &str {
    match s.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("mailto:") => &s[7..],
        _ => s,
    }
}

/// The signs an address's local part may hold besides letters, digits and dots.
const LOCAL_SIGNS: &str = "!#$%&'*+-/=?^_`{|}~";

/// A local part: letters (of any script), digits and [`LOCAL_SIGNS`], dots between them.
fn local_ok(local: &str) -> bool {
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || LOCAL_SIGNS.contains(c))
}

/// A domain: two labels or more, of letters (of any script), digits and inner hyphens, the
/// last not only digits.
fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|l| !l.chars().all(|c| c.is_ascii_digit()))
}

/// The bytes an ASCII local part may hold besides letters and digits.
const LOCAL: [bool; 256] = {
    let mut table = [false; 256];
    let signs = b"!#$%&'*+-/=?^_`{|}~.";
    let mut i = 0;
    while i < signs.len() {
        table[signs[i] as usize] = true;
        i += 1;
    }
    let mut c = 0;
    while c < 256 {
        if (c as u8).is_ascii_alphanumeric() {
            table[c] = true;
        }
        c += 1;
    }
    table
};

/// Whether `b` is a plain ASCII address as [`general`] reads it, nothing to remove: one `@`,
/// a local part of allowed bytes with no dot at either end nor two in a row, a domain of
/// labels of letters, digits and inner hyphens.
fn plain(b: &[u8]) -> bool {
    let Some(at) = memchr::memchr(b'@', b) else {
        return false;
    };
    let (local, domain) = (&b[..at], &b[at + 1..]);
    let mut dot_before = true;
    for &c in local {
        let dot = c == b'.';
        if !LOCAL[usize::from(c)] || (dot && dot_before) {
            return false;
        }
        dot_before = dot;
    }
    if local.is_empty() || dot_before {
        return false;
    }
    let mut labels = 0;
    for label in domain.split(|&c| c == b'.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label.first() != Some(&b'-')
            && label.last() != Some(&b'-')
            && label
                .iter()
                .all(|c| c.is_ascii_alphanumeric() || *c == b'-');
        if !ok {
            return false;
        }
        labels += 1;
    }
    let last = domain.rsplit(|&c| c == b'.').next().unwrap_or_default();
    labels >= 2 && !last.iter().all(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::{general, parse};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// ASCII cells read byte by byte as they do character by character.
        #[test]
        fn ascii_addresses_read_as_any(t in "[a-zA-Z0-9.@<>()\\[\\]\\\\,;:\" _!-]{0,12}(@[a-z.-]{0,6})?") {
            let t = t.trim();
            proptest::prop_assert_eq!(parse(t).ok().map(|a| a.as_str().to_string()), general(t));
        }

        /// An address stays unknown once a word stands before or after it.
        #[test]
        fn words_around_an_address_make_it_unknown(word in "[a-z]{2,6}", before in proptest::bool::ANY) {
            let cell = if before { format!("{word} awa@gmail.com") } else { format!("awa@gmail.com {word}") };
            proptest::prop_assert!(parse(&cell).is_err(), "{:?}", cell);
        }
    }

    #[test]
    fn reads_every_listed_form() {
        let read = |cell: &str| parse(cell).map(|a| a.as_str().to_string());
        for (cell, want) in [
            (" Awa.Traore@Gmail.com ", "awa.traore@gmail.com"),
            ("mailto:a@b.ml", "a@b.ml"),
            ("MAILTO:a@b.ml", "a@b.ml"),
            ("\"awa@gmail.com\"", "awa@gmail.com"),
            ("'awa@gmail.com'", "awa@gmail.com"),
            ("« awa@gmail.com »", "awa@gmail.com"),
            ("<awa@gmail.com>", "awa@gmail.com"),
            ("Awa Traoré <Awa@Gmail.com>", "awa@gmail.com"),
            ("\"Awa Traoré\" <awa@gmail.com>", "awa@gmail.com"),
            ("<mailto:awa@gmail.com>", "awa@gmail.com"),
            ("awa\u{200b}@gmail.com", "awa@gmail.com"),
            ("awa@gmail\u{ad}.com", "awa@gmail.com"),
            ("\u{a0}awa@gmail.com\u{feff}", "awa@gmail.com"),
            ("Aïssata@Exemple.ml", "aïssata@exemple.ml"),
            // NFC: the same address typed with a combining accent.
            ("a\u{308}wa@exemple.ml", "äwa@exemple.ml"),
            ("awa+cv@my-mail.co.ml", "awa+cv@my-mail.co.ml"),
        ] {
            assert_eq!(read(cell).as_deref(), Ok(want), "{cell:?}");
        }
        let long = format!("{}@Exemple.ml", "a".repeat(40));
        assert_eq!(read(&long), Ok(long.to_lowercase()), "kept apart when long");
    }

    #[test]
    fn is_unknown_with_anything_left_over() {
        for bad in [
            "awa",
            "awa@",
            "@gmail.com",
            "awa@gmail",
            "a b@c.d",
            "a@@b.c",
            "a@b..c",
            "awa@gmail.com;b@c.d",
            "awa@gmail.com!",
            "awa@-gmail.com",
            "awa@gmail-.com",
            "awa@gmail.123",
            "awa@gmail_com.ml",
            ".awa@gmail.com",
            "awa.@gmail.com",
            "\"awa@gmail.com",
            "awa@gmail.com, bina@gmail.com",
            "Awa <awa@gmail.com> <b@c.d>",
            "a@b.c <d@e.f>",
            "awa@gmail.com (perso)",
            "écrire à awa@gmail.com",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}: {:?}", parse(bad));
        }
    }
}
