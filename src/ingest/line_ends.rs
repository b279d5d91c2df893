//! Line ends as exports write them: CRLF, LF, and the lone CR of old Mac files, which the
//! csv crate does not end a record at. Shared by the first reading and the reading again.

use std::io::{self, Read};

/// A cell's bytes without the `\r` that ends the last cell of a CRLF line (records end at
/// `\n`).
pub(super) fn without_cr(bytes: &[u8], last: bool) -> &[u8] {
    if !last {
        return bytes;
    }
    match bytes {
        [rest @ .., b'\r'] => rest,
        b => b,
    }
}

/// Makes each carriage return that no line feed follows a line feed, so that LF, CRLF and
/// lone CR line ends, mixed in one file, each end a row; a CR of a CRLF stays for
/// [`without_cr`]. One byte for one: positions are the file's.
#[derive(Debug)]
pub(super) struct LoneCr<R> {
    inner: R,
    /// The byte after a CR that ended the last read, read early to tell what the CR was.
    ahead: Option<u8>,
}

impl<R: Read> LoneCr<R> {
    pub(super) fn new(inner: R) -> Self {
        LoneCr { inner, ahead: None }
    }

    fn read_inner(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match self.inner.read(buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => return other,
            }
        }
    }
}

impl<R: Read> Read for LoneCr<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        if let (Some(b), Some(first)) = (self.ahead, buf.first_mut()) {
            *first = b;
            self.ahead = None;
            n = 1;
        }
        if let Some(rest) = buf.get_mut(n..).filter(|r| !r.is_empty()) {
            n += self.read_inner(rest)?;
        }
        let Some(bytes) = buf.get_mut(..n) else {
            return Ok(0);
        };
        if bytes.last() == Some(&b'\r') {
            let mut one = [0u8];
            if self.read_inner(&mut one)? == 1 {
                self.ahead = Some(one[0]);
            }
        }
        let after = self.ahead;
        lone_crs_to_lf(bytes, after.map_or(End::Eof, End::Then));
        Ok(n)
    }
}

/// What comes after a run of bytes whose lone CRs are made line feeds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    /// The end of the file.
    Eof,
    /// Not known yet: a CR at the end stays as it is.
    Unknown,
    /// This byte.
    Then(u8),
}

/// Makes each CR of `bytes` that no LF follows an LF; `end` says what follows the last byte.
pub(super) fn lone_crs_to_lf(bytes: &mut [u8], end: End) {
    let mut i = 0;
    while let Some(k) = bytes.get(i..).and_then(|rest| memchr::memchr(b'\r', rest)) {
        let at = i + k;
        let next = match bytes.get(at + 1) {
            Some(&b) => End::Then(b),
            None => end,
        };
        if next != End::Then(b'\n') && next != End::Unknown {
            bytes[at] = b'\n';
        }
        i = at + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `bytes` through [`LoneCr`] in reads of `size` bytes at most.
    fn through_lone_cr(bytes: &[u8], size: usize) -> Vec<u8> {
        let mut r = LoneCr::new(bytes);
        let (mut out, mut buf) = (Vec::new(), vec![0u8; size]);
        loop {
            let n = r.read(&mut buf).expect("read");
            if n == 0 {
                return out;
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    proptest::proptest! {
        /// Read in pieces of any size, lone CRs become LFs as they do in one piece, where
        /// every byte after a CR is known; CRLF stays.
        #[test]
        fn lone_crs_become_line_feeds_in_reads_of_any_size(
            bytes in proptest::collection::vec(
                proptest::sample::select(b"a;\"\r\n".to_vec()), 0..64),
            size in 1usize..9,
        ) {
            let mut whole = bytes.clone();
            lone_crs_to_lf(&mut whole, End::Eof);
            proptest::prop_assert_eq!(through_lone_cr(&bytes, size), whole);
        }
    }

    #[test]
    fn only_a_cr_before_a_line_feed_stays() {
        let mut b = b"a\rb\r\nc\r\rd\r".to_vec();
        lone_crs_to_lf(&mut b, End::Eof);
        assert_eq!(b, b"a\nb\r\nc\n\nd\n");
        let mut b = b"a\r".to_vec();
        lone_crs_to_lf(&mut b, End::Unknown);
        assert_eq!(b, b"a\r", "the byte after it decides");
        lone_crs_to_lf(&mut b, End::Then(b'\n'));
        assert_eq!(b, b"a\r");
    }
}
