//! Invisible and steering characters written as `\uXXXX` escapes: the C0 controls but tab and
//! line breaks, DEL, the C1 controls (U+0080–U+009F, which some terminals obey as ESC [ and
//! ESC ]), and the bidi controls that reorder what a reader sees. JSON keeps its meaning (the
//! escapes are JSON's own, and such characters stand only inside strings); a terminal shows
//! the escape instead of obeying it.

use std::io::{self, Write};

/// Whether `c` is written as an escape.
pub fn is_escaped(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with [`is_escaped`] characters as `\uXXXX`.
pub fn escaped(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_escaped) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_escaped(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// A writer that escapes [`is_escaped`] characters in the UTF-8 text written through it.
pub struct Escaping<W: Write> {
    inner: W,
    /// The start of a character split between two writes.
    carry: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    /// Escapes what is written to `inner`.
    pub fn new(inner: W) -> Self {
        Escaping {
            inner,
            carry: Vec::new(),
        }
    }

    /// The inner writer, once what was carried is written.
    pub fn finish(mut self) -> io::Result<W> {
        let carry = std::mem::take(&mut self.carry);
        self.inner.write_all(&carry)?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(buf);
        // Keep an incomplete character at the end for the next write.
        let complete = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => bytes.len(),
        };
        let (done, rest) = bytes.split_at(complete);
        // Runs of bytes that need no escape go through whole.
        let mut start = 0;
        let text = String::from_utf8_lossy(done);
        if text.len() == done.len() && !text.chars().any(is_escaped) {
            self.inner.write_all(done)?;
        } else {
            let mut out = Vec::with_capacity(done.len() + 16);
            for (i, c) in text.char_indices() {
                if is_escaped(c) {
                    out.extend_from_slice(&text.as_bytes()[start..i]);
                    out.extend_from_slice(format!("\\u{:04x}", u32::from(c)).as_bytes());
                    start = i + c.len_utf8();
                }
            }
            out.extend_from_slice(&text.as_bytes()[start..]);
            self.inner.write_all(&out)?;
        }
        self.carry = rest.to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&[u8]]) -> String {
        let mut w = Escaping::new(Vec::new());
        for p in pieces {
            w.write_all(p).expect("write");
        }
        String::from_utf8(w.finish().expect("finish")).expect("utf-8")
    }

    #[test]
    fn escapes_controls_c1_and_bidi_even_split_between_writes() {
        let text = "a\u{1b}]52;c;x\u{7}b\u{9b}31m\u{202e}gpj.exe\tok\r\n";
        let want = "a\\u001b]52;c;x\\u0007b\\u009b31m\\u202egpj.exe\tok\r\n";
        assert_eq!(through(&[text.as_bytes()]), want);
        // Every split point, through multi-byte characters.
        let bytes = text.as_bytes();
        for k in 0..bytes.len() {
            assert_eq!(through(&[&bytes[..k], &bytes[k..]]), want, "split at {k}");
        }
        assert_eq!(escaped("Awa\u{0}Traoré"), "Awa\\u0000Traoré");
        assert_eq!(escaped("plain é"), "plain é");
    }

    proptest::proptest! {
        /// Nothing but the escaped characters changes: JSON read back is the same value.
        #[test]
        fn json_escaped_reads_back_the_same(s in "\\PC{0,20}[\u{80}-\u{9f}\u{202a}-\u{202e}\u{1b}]{0,3}\\PC{0,5}", cut in 0usize..64) {
            let json = serde_json::to_string(&s).expect("json");
            let bytes = json.as_bytes();
            let cut = cut.min(bytes.len());
            let out = through(&[&bytes[..cut], &bytes[cut..]]);
            let back: String = serde_json::from_str(&out).expect("json");
            proptest::prop_assert_eq!(back, s);
            proptest::prop_assert!(!out.chars().any(is_escaped));
        }
    }
}
