//! E-mail addresses, lower-cased.

/// Reads an address, lower-cased; a malformed one is unknown.
pub fn parse(cell: &str) -> Result<String, String> {
    let t = cell.trim();
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let bad = || format!("`{}` is not an e-mail address", cell.trim());
    if t.is_ascii() {
        // Most addresses are ASCII: one pass over the bytes.
        let b = t.as_bytes();
        let at = b.iter().position(|c| *c == b'@').ok_or_else(bad)?;
        let (local, domain) = (&b[..at], &b[at + 1..]);
        if !ascii_part_ok(local) || !ascii_part_ok(domain) || !domain.contains(&b'.') {
            return Err(bad());
        }
        return Ok(t.to_ascii_lowercase());
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

/// Whether an ASCII part of an address (before or after the `@`) is well formed: not empty,
/// no dot at either end nor two in a row, printable characters other than `<>()[]\\,;:"@`.
fn ascii_part_ok(p: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (p.first(), p.last()) else {
        return false;
    };
    if first == b'.' || last == b'.' {
        return false;
    }
    let mut previous = 0u8;
    p.iter().all(|&c| {
        let ok = c.is_ascii_graphic()
            && !matches!(
                c,
                b'<' | b'>' | b'(' | b')' | b'[' | b']' | b'\\' | b',' | b';' | b':' | b'"' | b'@'
            )
            && !(c == b'.' && previous == b'.');
        previous = c;
        ok
    })
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
