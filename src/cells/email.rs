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

/// Reads an address, lower-cased; a malformed one is unknown.
pub fn parse(cell: &str) -> Result<Address, String> {
    let t = crate::text::trim(cell);
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let bad = || format!("`{}` is not an e-mail address", cell.trim());
    // Most addresses are ASCII: one pass over the bytes, which only ASCII ones can pass.
    if ascii_ok(t.as_bytes()) {
        let mut bytes = [0u8; INLINE];
        if let Some(to) = bytes.get_mut(..t.len()) {
            to.copy_from_slice(t.as_bytes());
            // The whole array at once: a fixed length the compiler turns into a few steps.
            bytes.make_ascii_lowercase();
            return Ok(Address(Repr::Inline(bytes, t.len() as u8)));
        }
        return Ok(Address(Repr::Heap(t.to_ascii_lowercase().into())));
    }
    if t.is_ascii() {
        return Err(bad());
    }
    general(t)
        .map(|a| Address(Repr::Heap(a.into())))
        .ok_or_else(bad)
}

/// Reads an address character by character, whatever its characters; none when malformed.
fn general(t: &str) -> Option<String> {
    let (local, domain) = t.split_once('@')?;
    let ok_part = |p: &str| {
        !p.is_empty()
            && !p.starts_with('.')
            && !p.ends_with('.')
            && !p.contains("..")
            && p.chars().all(|c| {
                // Most addresses are ASCII: a byte test suffices.
                if c.is_ascii() {
                    return c.is_ascii_graphic()
                        && !matches!(
                            c,
                            '<' | '>' | '(' | ')' | '[' | ']' | '\\' | ',' | ';' | ':' | '"' | '@'
                        );
                }
                !c.is_whitespace() && !c.is_control()
            })
    };
    if !ok_part(local) || !ok_part(domain) || !domain.contains('.') {
        return None;
    }
    Some(t.to_lowercase())
}

/// The bytes an ASCII address may hold besides `@`: printable, none of `<>()[]\\,;:"@`.
const ALLOWED: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = b'!';
    while c < 0x7f {
        table[c as usize] = !matches!(
            c,
            b'<' | b'>' | b'(' | b')' | b'[' | b']' | b'\\' | b',' | b';' | b':' | b'"' | b'@'
        );
        c += 1;
    }
    table
};

/// Whether an ASCII address is well formed: one `@`, parts not empty, no dot at either end
/// of a part nor two in a row, allowed bytes only, a dot in the domain.
fn ascii_ok(b: &[u8]) -> bool {
    let Some(at) = memchr::memchr(b'@', b) else {
        return false;
    };
    let (local, domain) = (&b[..at], &b[at + 1..]);
    part(local).is_some() && part(domain) == Some(true)
}

/// Whether a part of an address is well formed, and then whether it holds a dot. Bytes are
/// tested without branching on them: addresses differ in where their dots are.
fn part(p: &[u8]) -> Option<bool> {
    let (mut bad, mut dots) = (false, false);
    // A dot at the start is as bad as two in a row.
    let mut dot_before = true;
    for &c in p {
        let dot = c == b'.';
        bad |= !ALLOWED[usize::from(c)] | (dot & dot_before);
        dots |= dot;
        dot_before = dot;
    }
    (!p.is_empty() && !bad && !dot_before).then_some(dots)
}

#[cfg(test)]
mod tests {
    use super::{general, parse};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// ASCII addresses read byte by byte as they do character by character.
        #[test]
        fn ascii_addresses_read_as_any(t in "[a-zA-Z0-9.@<>()\\[\\]\\\\,;:\" _-]{0,12}(@[a-z.]{0,6})?") {
            let t = t.trim();
            proptest::prop_assert_eq!(
                parse(t).ok().map(|a| a.as_str().to_string()),
                general(t.strip_prefix("mailto:").unwrap_or(t))
            );
        }
    }

    #[test]
    fn reads_and_rejects() {
        let read = |cell: &str| parse(cell).map(|a| a.as_str().to_string());
        assert_eq!(
            read(" Awa.Traore@Gmail.com ").as_deref(),
            Ok("awa.traore@gmail.com")
        );
        assert_eq!(read("mailto:a@b.ml").as_deref(), Ok("a@b.ml"));
        let long = format!("{}@Exemple.ml", "a".repeat(40));
        assert_eq!(read(&long), Ok(long.to_lowercase()), "kept apart when long");
        assert_eq!(
            read("Aïssata@Exemple.ml").as_deref(),
            Ok("aïssata@exemple.ml")
        );
        for bad in [
            "awa",
            "awa@",
            "@gmail.com",
            "awa@gmail",
            "a b@c.d",
            "a@@b.c",
            "a@b..c",
            "awa@gmail.com;b@c.d",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
