//! E-mail addresses, lower-cased.

/// Reads an address, lower-cased; a malformed one is unknown.
pub fn parse(cell: &str) -> Result<String, String> {
    let t = crate::text::trim(cell);
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let bad = || format!("`{}` is not an e-mail address", cell.trim());
    // Most addresses are ASCII: one pass over the bytes, which only ASCII ones can pass.
    if ascii_ok(t.as_bytes()) {
        return Ok(t.to_ascii_lowercase());
    }
    if t.is_ascii() {
        return Err(bad());
    }
    general(t).ok_or_else(bad)
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
            proptest::prop_assert_eq!(parse(t).ok(), general(t.strip_prefix("mailto:").unwrap_or(t)));
        }
    }

    #[test]
    fn reads_and_rejects() {
        assert_eq!(
            parse(" Awa.Traore@Gmail.com ").as_deref(),
            Ok("awa.traore@gmail.com")
        );
        assert_eq!(parse("mailto:a@b.ml").as_deref(), Ok("a@b.ml"));
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
