//! E-mail addresses, lower-cased.

/// Reads an address, lower-cased; a malformed one is unknown.
pub fn parse(cell: &str) -> Result<String, String> {
    let t = cell.trim();
    let t = t.strip_prefix("mailto:").unwrap_or(t);
    let bad = || format!("`{}` is not an e-mail address", cell.trim());
    let (local, domain) = t.split_once('@').ok_or_else(bad)?;
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
        return Err(bad());
    }
    Ok(if t.is_ascii() {
        t.to_ascii_lowercase()
    } else {
        t.to_lowercase()
    })
}

#[cfg(test)]
mod tests {
    use super::parse;

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
