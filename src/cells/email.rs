//! E-mail addresses, lower-cased.

/// Reads an address, lower-cased; a malformed one is unknown.
pub fn parse(cell: &str) -> Result<String, String> {
    let t = crate::text::trim(cell);
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let bad = || format!("`{}` is not an e-mail address", cell.trim());
    if t.is_ascii() {
        // Most addresses are ASCII: one pass over the bytes.
        return if ascii_ok(t.as_bytes()) {
            Ok(t.to_ascii_lowercase())
        } else {
            Err(bad())
        };
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

/// The bytes an ASCII address may hold besides `@` and `.`: printable, none of
/// `<>()[]\\,;:"@`.
const ALLOWED: [bool; 128] = {
    let mut table = [false; 128];
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

/// Whether an ASCII address is well formed, in one pass: one `@`, parts not empty, no dot
/// at either end of a part nor two in a row, allowed bytes only, a dot in the domain.
fn ascii_ok(b: &[u8]) -> bool {
    // The byte before; `@` at the start of each part.
    let mut previous = b'@';
    let mut at = false;
    let mut dotted_domain = false;
    for &c in b {
        match c {
            b'@' if at || previous == b'@' || previous == b'.' => return false,
            b'@' => at = true,
            b'.' if previous == b'@' || previous == b'.' => return false,
            b'.' => dotted_domain |= at,
            _ if !ALLOWED.get(usize::from(c)).copied().unwrap_or(false) => return false,
            _ => {}
        }
        previous = c;
    }
    at && dotted_domain && previous != b'.' && previous != b'@'
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
