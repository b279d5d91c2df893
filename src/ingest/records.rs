//! CSV records read as the csv crate reads them with this tool's settings (records end at
//! `\n`, `"` quotes, `""` is a quote, rows may differ in length), but a field at a time
//! instead of a byte at a time: the bytes that matter are found eight at a time. Exports
//! quote every cell, so most fields are one search for the closing quote.
//!
//! One difference: a blank line is a record of no field, where the csv crate skips it, since
//! a blank line is a row in a spreadsheet and row numbers count it. The csv crate stays the
//! reference otherwise: a property test reads random inputs with both.

use std::io::{self, Read};
use std::ops::Range;

/// The most bytes asked of the source at once.
const CHUNK: usize = 64 << 10;

/// One record: the bytes it was read from, and where each field's text stands in them.
///
/// Fields are spans of the record's own bytes: a field that held doubled quotes, or text
/// after its closing quote, is rewritten in place, the bytes it no longer needs made quotes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Record {
    raw: Vec<u8>,
    spans: Vec<(usize, usize)>,
    /// Fields to rewrite once the record is read.
    messy: Vec<usize>,
    /// Line of the file where the record starts, from 1.
    line: u64,
    /// Byte of the text read where the record starts.
    byte: u64,
    /// Line breaks inside its quoted fields.
    breaks: u64,
}

impl Record {
    /// Fields; none for a blank line.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Where field `i` stands in [`Self::raw`].
    pub fn range(&self, i: usize) -> Option<Range<usize>> {
        let (start, end) = *self.spans.get(i)?;
        Some(start..end)
    }

    /// The bytes of field `i`.
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        self.range(i).and_then(|r| self.raw.get(r))
    }

    /// Every field, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// The bytes the fields are spans of: besides them, only quotes, delimiters and line
    /// ends. Valid UTF-8 as a whole means every field is (the delimiter being ASCII).
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// The line the record starts at, counting from 1.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The byte of the text read where the record starts.
    pub fn byte(&self) -> u64 {
        self.byte
    }

    /// Line breaks inside the record's fields.
    pub fn breaks(&self) -> u64 {
        self.breaks
    }

    fn clear(&mut self) {
        self.spans.clear();
        self.messy.clear();
        self.breaks = 0;
    }

    fn field(&mut self, start: usize, end: usize, messy: bool) {
        if messy {
            self.messy.push(self.spans.len());
        }
        self.spans.push((start, end));
    }

    /// Keeps the first `n` bytes of `s` as the record's, and rewrites its messy fields.
    fn finish(&mut self, s: &[u8], n: usize) {
        self.raw.clear();
        self.raw.extend_from_slice(&s[..n]);
        for &f in &self.messy {
            let (start, end) = self.spans[f];
            let len = unquote(&mut self.raw[start..end]);
            self.raw[start + len..end].fill(b'"');
            self.spans[f].1 = start + len;
        }
    }
}

/// Rewrites in place a field read from its opening quote on: `""` is a quote, a lone quote
/// ends the quoted part, and after it quotes are plain bytes. Returns the length left.
fn unquote(field: &mut [u8]) -> usize {
    let (mut from, mut to, mut quoted) = (0, 0, true);
    while from < field.len() {
        let b = field[from];
        from += 1;
        if quoted && b == b'"' {
            if field.get(from) == Some(&b'"') {
                from += 1;
            } else {
                quoted = false;
                continue;
            }
        }
        field[to] = b;
        to += 1;
    }
    to
}

/// Reads into `record` the record at the start of `s`, all the text there is when `eof`;
/// false when it may go on past `s` or there is none.
pub(super) fn record_at_start(s: &[u8], eof: bool, delimiter: u8, record: &mut Record) -> bool {
    match parse(s, eof, delimiter, record) {
        Parsed::Record(n, _) => {
            record.finish(s, n);
            true
        }
        Parsed::More | Parsed::End => false,
    }
}

/// What one attempt at a record found in the bytes at hand.
enum Parsed {
    /// A record, ending that many bytes in; true when a line end ended it.
    Record(usize, bool),
    /// The record goes on past the bytes at hand.
    More,
    /// No record is left.
    End,
}

/// Reads records from `R`.
pub(super) struct Records<R> {
    inner: R,
    delimiter: u8,
    buf: Vec<u8>,
    /// Bytes of `buf` read already.
    pos: usize,
    /// Bytes of `buf` filled.
    filled: usize,
    eof: bool,
    /// Line breaks before `pos`, plus one.
    line: u64,
    /// Bytes before `pos`.
    byte: u64,
    started: bool,
    /// The longest record read, in bytes: what bounds memory against one giant field.
    longest: usize,
    /// Attempts at a record so far.
    #[cfg(test)]
    attempts: u64,
}

impl<R: Read> Records<R> {
    /// Records of `inner`, split at `delimiter`, none longer than `longest` bytes.
    pub fn new(inner: R, delimiter: u8, longest: usize) -> Self {
        Records {
            inner,
            delimiter,
            buf: Vec::new(),
            pos: 0,
            filled: 0,
            eof: false,
            line: 1,
            byte: 0,
            started: false,
            longest,
            #[cfg(test)]
            attempts: 0,
        }
    }

    /// Bytes read so far.
    pub fn position(&self) -> u64 {
        self.byte
    }

    /// Reads the next record into `record`; false when none is left.
    pub fn read(&mut self, record: &mut Record) -> io::Result<bool> {
        loop {
            if !self.started && self.filled - self.pos >= 3 || self.eof {
                self.skip_bom();
            }
            if self.started {
                #[cfg(test)]
                {
                    self.attempts += 1;
                }
                let at = &self.buf[self.pos..self.filled];
                match parse(at, self.eof, self.delimiter, record) {
                    Parsed::Record(n, ended) => {
                        record.finish(at, n);
                        self.take(record, n, ended);
                        return Ok(true);
                    }
                    Parsed::End => return Ok(false),
                    Parsed::More => {}
                }
            }
            // A record read again from its start at each refill: let what is at hand at least
            // double first, so that a giant record costs a few reads of it, not one per chunk.
            let want = ((self.filled - self.pos) * 2).max(1);
            loop {
                self.fill()?;
                if self.eof || self.filled - self.pos >= want {
                    break;
                }
            }
        }
    }

    /// A UTF-8 byte-order mark at the very start is not text.
    fn skip_bom(&mut self) {
        if !self.started {
            self.started = true;
            if self.buf[self.pos..self.filled].starts_with(b"\xef\xbb\xbf") {
                self.pos += 3;
                self.byte += 3;
            }
        }
    }

    /// Moves past a record `n` bytes long, `ended` by a line end.
    fn take(&mut self, record: &mut Record, n: usize, ended: bool) {
        let at = &self.buf[self.pos..self.pos + n];
        record.line = self.line;
        record.byte = self.byte;
        self.line += if self.delimiter == b'\n' {
            memchr::memchr_iter(b'\n', at).count() as u64
        } else {
            record.breaks + u64::from(ended)
        };
        self.byte += n as u64;
        self.pos += n;
    }

    /// Reads more of the source, keeping the record begun.
    fn fill(&mut self) -> io::Result<()> {
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled -= self.pos;
            self.pos = 0;
        }
        if self.filled > self.longest {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                crate::i18n::catalogue::row_too_long(crate::i18n::messages(), self.longest >> 20),
            ));
        }
        if self.buf.len() - self.filled < CHUNK {
            // A record longer than the buffer doubles it, up to the longest allowed.
            self.buf.resize((self.buf.len() * 2).max(CHUNK), 0);
        }
        let end = self.buf.len().min(self.longest + 1);
        let n = loop {
            match self.inner.read(&mut self.buf[self.filled..end]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.filled += n;
        self.eof = n == 0;
        Ok(())
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` equal to `b`; above the lowest, some may be wrong.
#[inline(always)]
fn equal(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y & HIGHS
}

/// Where the first of `a` or `b` is in `s`: eight bytes at a time over the short distances
/// of a cell, then `memchr`.
#[inline(always)]
fn find(s: &[u8], a: u8, b: u8) -> Option<usize> {
    let mut i = 0;
    while let Some(chunk) = s.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let m = equal(x, a) | equal(x, b);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
        if i == 32 {
            return memchr::memchr2(a, b, &s[i..]).map(|k| i + k);
        }
    }
    s[i..].iter().position(|&c| c == a || c == b).map(|k| i + k)
}

/// Reads one record from the start of `s`; `eof` says nothing follows `s`. Every check is
/// made in the order the csv crate's state machine makes it, so that a delimiter that is
/// also a quote or a line end reads the same.
fn parse(s: &[u8], eof: bool, d: u8, record: &mut Record) -> Parsed {
    record.clear();
    match s.first() {
        None if eof => return Parsed::End,
        None => return Parsed::More,
        // A blank line: a record of no field.
        Some(b'\n') => return Parsed::Record(1, true),
        Some(_) => {}
    }
    let mut i = 0;
    'fields: loop {
        // At the start of a field.
        if i >= s.len() {
            if !eof {
                return Parsed::More;
            }
            record.field(i, i, false);
            return Parsed::Record(i, false);
        }
        let mut start = i;
        let mut messy = false;
        if s[i] == b'"' {
            start = i + 1;
            let mut j = start;
            loop {
                let Some(k) = find(&s[j..], b'"', b'\n') else {
                    if !eof {
                        return Parsed::More;
                    }
                    record.field(start, s.len(), messy);
                    return Parsed::Record(s.len(), false);
                };
                let close = j + k;
                if s[close] == b'\n' {
                    // A line break in a quoted cell: the only kind a record holds.
                    record.breaks += 1;
                    j = close + 1;
                    continue;
                }
                match s.get(close + 1) {
                    None => {
                        if !eof {
                            return Parsed::More;
                        }
                        record.field(start, close, messy);
                        return Parsed::Record(close + 1, false);
                    }
                    Some(b'"') => {
                        messy = true;
                        j = close + 2;
                    }
                    Some(&c) if c == d => {
                        record.field(start, close, messy);
                        i = close + 2;
                        continue 'fields;
                    }
                    Some(b'\n') => {
                        record.field(start, close, messy);
                        return Parsed::Record(close + 2, true);
                    }
                    Some(_) => {
                        // Text after the closing quote: plain bytes up to the field's end.
                        messy = true;
                        i = close + 1;
                        break;
                    }
                }
            }
        }
        // An unquoted field, or what follows a closing quote: quotes are plain bytes here.
        match find(&s[i..], d, b'\n') {
            None => {
                if !eof {
                    return Parsed::More;
                }
                record.field(start, s.len(), messy);
                return Parsed::Record(s.len(), false);
            }
            Some(k) => {
                let e = i + k;
                record.field(start, e, messy);
                i = e + 1;
                if s[e] != d {
                    return Parsed::Record(i, true);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records (fields, line, byte) and the position at the end.
    type Read = (Vec<(Vec<Vec<u8>>, u64, u64)>, u64);

    /// Every record of `input` as the csv crate reads it with the same settings: fields, line,
    /// byte; and the position at the end.
    fn by_csv(input: &[u8], d: u8) -> Read {
        let mut r = super::super::csv_source::builder(d).from_reader(input);
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while r.read_byte_record(&mut rec).expect("reads") {
            let p = rec.position().expect("position");
            out.push((rec.iter().map(<[u8]>::to_vec).collect(), p.line(), p.byte()));
        }
        (out, r.position().byte())
    }

    /// Every record [`Records`] reads, blank lines included, the source giving at most
    /// `chunk` bytes at a time.
    fn by_records(input: &[u8], d: u8, chunk: usize) -> Read {
        let mut r = Records::new(Trickle(input, chunk), d, 1 << 20);
        let mut rec = Record::default();
        let mut out = Vec::new();
        while r.read(&mut rec).expect("reads") {
            out.push((
                rec.iter().map(<[u8]>::to_vec).collect(),
                rec.line(),
                rec.byte(),
            ));
        }
        (out, r.position())
    }

    /// The same as the csv crate sees it: blank lines skipped, a record starting where the
    /// blank lines before it start.
    fn as_csv_sees_it((records, end): Read) -> Read {
        let mut out = Vec::new();
        let mut blanks_from = None;
        for (fields, line, byte) in records {
            if fields.is_empty() {
                blanks_from = blanks_from.or(Some((line, byte)));
                continue;
            }
            let (line, byte) = blanks_from.take().unwrap_or((line, byte));
            out.push((fields, line, byte));
        }
        (out, end)
    }

    /// A source that gives a few bytes at a time.
    struct Trickle<'a>(&'a [u8], usize);

    impl io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn reads_quoted_fields_doubled_quotes_and_line_breaks() {
        let input = b"\"a\",\"b \"\"c\"\"\"\n\"x\ny\",z\n\n1,\"2\"3\"\n";
        let (records, end) = by_records(input, b',', 5);
        let fields: Vec<Vec<Vec<u8>>> = records.iter().map(|r| r.0.clone()).collect();
        assert_eq!(
            fields,
            vec![
                vec![b"a".to_vec(), b"b \"c\"".to_vec()],
                vec![b"x\ny".to_vec(), b"z".to_vec()],
                vec![],
                vec![b"1".to_vec(), b"23\"".to_vec()],
            ]
        );
        // The blank line is a record of its own, on its own line.
        let lines: Vec<u64> = records.iter().map(|r| r.1).collect();
        assert_eq!(lines, [1, 2, 4, 5]);
        assert_eq!(end, input.len() as u64);
        assert_eq!(as_csv_sees_it((records, end)), by_csv(input, b','));
    }

    #[test]
    fn a_giant_record_given_a_byte_at_a_time_is_read_in_a_few_passes() {
        let giant = [b"a,\"".as_slice(), &[b'x'; 1_000_000], b"\"\n1,2\n"].concat();
        let mut r = Records::new(Trickle(&giant, 1), b',', 32 << 20);
        let mut rec = Record::default();
        assert!(r.read(&mut rec).expect("reads"));
        assert_eq!(rec.get(1).map(<[u8]>::len), Some(1_000_000));
        assert!(r.read(&mut rec).expect("reads"));
        assert_eq!(rec.get(1), Some(b"2".as_slice()));
        // Read again from its start at every byte, it would take a million attempts.
        assert!(r.attempts < 40, "{} attempts", r.attempts);
    }

    #[test]
    fn a_record_longer_than_allowed_is_an_error() {
        let long = [b"a,\"".as_slice(), &[b'x'; 300_000]].concat();
        let mut r = Records::new(long.as_slice(), b',', 100_000);
        let err = r.read(&mut Record::default()).expect_err("too long");
        assert!(err.to_string().contains("a row longer than"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_at_the_start_is_skipped_and_counted() {
        let (records, _) = by_records(b"\xef\xbb\xbfa,b\n\xef\xbb\xbf", b',', 64);
        assert_eq!(records[0].0, vec![b"a".to_vec(), b"b".to_vec()]);
        assert_eq!(records[0].2, 3);
        assert_eq!(records[1].0, vec![b"\xef\xbb\xbf".to_vec()]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(4096))]

        #[test]
        fn reads_as_the_csv_crate_does(
            input in proptest::collection::vec(
                proptest::sample::select(b"ab,;\"\"\n\n\r \xc3\xa9".to_vec()), 0..120),
            d in proptest::sample::select(b",;\"\n".to_vec()),
            chunk in 1usize..40,
        ) {
            proptest::prop_assert_eq!(
                as_csv_sees_it(by_records(&input, d, chunk)),
                by_csv(&input, d)
            );
        }
    }
}
