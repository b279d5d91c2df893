//! Dates, times and time zones.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc};
use std::fmt;

/// A time zone: an IANA name (`Africa/Bamako`) or a fixed offset (`UTC`, `+01:00`, `GMT+1`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zone {
    /// A named zone, with its history of offsets.
    Iana(chrono_tz::Tz),
    /// A fixed offset from UTC.
    Fixed(FixedOffset),
}

impl Default for Zone {
    /// UTC.
    fn default() -> Self {
        Zone::Fixed(Utc.fix())
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Zone::Iana(tz) => f.write_str(tz.name()),
            Zone::Fixed(off) if off.local_minus_utc() == 0 => f.write_str("UTC"),
            Zone::Fixed(off) => write!(f, "UTC{off}"),
        }
    }
}

impl Zone {
    /// Reads `Africa/Bamako`, `UTC`, `GMT`, `Z`, `+01:00`, `+0100`, `UTC+1`, `GMT-03:30`.
    pub fn parse(s: &str) -> Option<Zone> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        let upper = s.to_ascii_uppercase();
        let rest = upper
            .strip_prefix("UTC")
            .or_else(|| upper.strip_prefix("GMT"))
            .unwrap_or(&upper);
        if rest.is_empty() || rest == "Z" {
            return Some(Zone::default());
        }
        if let Some(off) = parse_offset(rest) {
            return Some(Zone::Fixed(off));
        }
        s.parse::<chrono_tz::Tz>().ok().map(Zone::Iana)
    }

    /// The instant of a wall-clock time in this zone; in a gap or overlap of a named zone,
    /// the earliest matching instant.
    pub fn instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Iana(tz) => tz
                .from_local_datetime(&local)
                .earliest()
                .map(|d| d.with_timezone(&Utc)),
            Zone::Fixed(off) => off
                .from_local_datetime(&local)
                .earliest()
                .map(|d| d.with_timezone(&Utc)),
        }
    }

    /// The wall-clock date and time of an instant in this zone.
    pub fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Iana(tz) => t.with_timezone(tz).naive_local(),
            Zone::Fixed(off) => t.with_timezone(off).naive_local(),
        }
    }
}

/// Reads `+1`, `+01`, `-0330`, `+03:30`.
pub fn parse_offset(s: &str) -> Option<FixedOffset> {
    let (sign, digits) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    // Only ASCII digits and `:` make an offset; checking first keeps the split on a
    // character boundary.
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => digits.split_at(2),
        None => (digits, "0"),
    };
    if h.is_empty()
        || h.len() > 2
        || m.len() > 2
        || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// A posting's deadline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Deadline {
    /// The deadline's day, in the posting's zone.
    pub day: NaiveDate,
    /// Whether a time was given; without one the whole day is on time.
    pub has_time: bool,
    /// With a time, the last on-time instant; without, the first late one (next day 00:00).
    pub at: DateTime<Utc>,
}

impl Deadline {
    /// Whether an instant is at or before the deadline.
    pub fn admits(&self, t: DateTime<Utc>) -> bool {
        if self.has_time {
            t <= self.at
        } else {
            t < self.at
        }
    }
}

/// Why a deadline could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeadlineError {
    /// Not of a form we read.
    Form,
    /// The form is right but the day does not exist (30 February).
    NotADate(String),
    /// The time does not exist (25:00).
    NotATime(String),
}

/// Reads a deadline: `2024-02-23`, `2024-02-23T12:00:00Z`, `2024-02-23 12:00`,
/// `2024-02-23T12:00:00+01:00`. A time without a zone is read in `zone`.
pub fn parse_deadline(s: &str, zone: &Zone) -> Result<Deadline, DeadlineError> {
    let s = s.trim();
    let (date_part, rest) = match s.find(['T', 't', ' ']) {
        Some(i) => (&s[..i], Some(s[i + 1..].trim())),
        None => (s, None),
    };
    let day = parse_iso_date(date_part)?;
    let Some(rest) = rest.filter(|r| !r.is_empty()) else {
        let next = day.succ_opt().ok_or(DeadlineError::Form)?;
        let at = zone
            .instant(next.and_time(NaiveTime::MIN))
            .ok_or(DeadlineError::Form)?;
        return Ok(Deadline {
            day,
            has_time: false,
            at,
        });
    };
    let (time_part, offset) = split_zone(rest);
    let time = parse_time(time_part)?;
    let local = day.and_time(time);
    let at = match offset {
        Some(z) => Zone::parse(z).ok_or(DeadlineError::Form)?.instant(local),
        None => zone.instant(local),
    }
    .ok_or(DeadlineError::Form)?;
    Ok(Deadline {
        day,
        has_time: true,
        at,
    })
}

fn split_zone(s: &str) -> (&str, Option<&str>) {
    if let Some(t) = s.strip_suffix(['Z', 'z']) {
        return (t.trim(), Some("UTC"));
    }
    if let Some(i) = s.rfind(['+', '-']) {
        return (s[..i].trim(), Some(&s[i..]));
    }
    if let Some(i) = s.find(" UTC").or_else(|| s.find(" GMT")) {
        return (s[..i].trim(), Some(s[i..].trim()));
    }
    (s, None)
}

fn parse_iso_date(s: &str) -> Result<NaiveDate, DeadlineError> {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(DeadlineError::Form);
    };
    if y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return Err(DeadlineError::Form);
    }
    let num = |p: &str| -> Result<u32, DeadlineError> {
        if p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().map_err(|_| DeadlineError::Form)
        } else {
            Err(DeadlineError::Form)
        }
    };
    let (y, m, d) = (num(y)?, num(m)?, num(d)?);
    let y = i32::try_from(y).map_err(|_| DeadlineError::Form)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DeadlineError::NotADate(s.to_string()))
}

fn parse_time(s: &str) -> Result<NaiveTime, DeadlineError> {
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return Err(DeadlineError::Form);
    }
    let mut nums = [0u32; 3];
    let mut nanos = 0;
    for (k, (n, p)) in nums.iter_mut().zip(&parts).enumerate() {
        let p = match p.split_once('.') {
            Some((whole, fraction)) if k == 2 => {
                nanos = fraction_nanos(fraction).ok_or(DeadlineError::Form)?;
                whole
            }
            _ => p,
        };
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DeadlineError::Form);
        }
        *n = p.parse().map_err(|_| DeadlineError::Form)?;
    }
    NaiveTime::from_hms_nano_opt(nums[0], nums[1], nums[2], nanos)
        .ok_or_else(|| DeadlineError::NotATime(s.to_string()))
}

/// The nanoseconds of a fraction of a second written after its dot (`4` → 400,000,000): one to
/// nine digits.
fn fraction_nanos(fraction: &str) -> Option<u32> {
    if !(1..=9).contains(&fraction.len()) {
        return None;
    }
    let n = digits(fraction)?;
    Some(n * 10u32.pow(9 - fraction.len() as u32))
}

/// Which comes first in a date written with the year last: `20/02/2024` or `02/20/2024`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// Day, month, year: French and most of the world.
    DayFirst,
    /// Month, day, year: the United States.
    MonthFirst,
}

/// A date as written, before the day/month order of its column is known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Written {
    date: WrittenDate,
    time: Option<NaiveTime>,
    zone: Option<Zone>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WrittenDate {
    /// Year, month, day: unambiguous (ISO, `2024/02/20`, `20 février 2024`).
    Ymd(i32, u32, u32),
    /// Two numbers then the year: day and month in the column's order.
    YearLast(u32, u32, i32),
}

/// A point in time read from a cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Instant {
    /// The instant (the start of the day, for a date alone).
    pub at: DateTime<Utc>,
    /// The day as written.
    pub day: NaiveDate,
    /// No time was written.
    pub date_only: bool,
}

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("jan", 1),
    ("january", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("february", 2),
    ("feb", 2),
    ("mars", 3),
    ("march", 3),
    ("mar", 3),
    ("avril", 4),
    ("avr", 4),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juin", 6),
    ("june", 6),
    ("jun", 6),
    ("juillet", 7),
    ("juil", 7),
    ("july", 7),
    ("jul", 7),
    ("aout", 8),
    ("august", 8),
    ("aug", 8),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("september", 9),
    ("octobre", 10),
    ("oct", 10),
    ("october", 10),
    ("novembre", 11),
    ("nov", 11),
    ("november", 11),
    ("decembre", 12),
    ("dec", 12),
    ("december", 12),
];

const FILLER: &[&str] = &[
    "le",
    "the",
    "of",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "tues",
    "thur",
    "thurs",
    "lun",
    "mer",
    "jeu",
    "ven",
    "sam",
    "dim",
    "a",
    "at",
];

impl Written {
    /// What this date says about its column's order: a first number over 12 is a day.
    pub fn order_hint(&self) -> Option<Order> {
        match self.date {
            WrittenDate::YearLast(a, b, _) if a > 12 && b <= 12 => Some(Order::DayFirst),
            WrittenDate::YearLast(a, b, _) if b > 12 && a <= 12 => Some(Order::MonthFirst),
            _ => None,
        }
    }

    /// Whether the date reads differently day first and month first (`03/04/2024`).
    pub fn order_matters(&self) -> bool {
        matches!(self.date, WrittenDate::YearLast(a, b, _) if a != b)
    }

    /// The instant, reading year-last dates in `order`, times without a zone in `zone`, and
    /// a two-digit year as 20xx unless that is after `last_year` (the deadline's), then 19xx.
    pub fn resolve(
        &self,
        order: Order,
        zone: &Zone,
        last_year: Option<i32>,
    ) -> Result<Instant, String> {
        let (y, m, d) = match (self.date, order) {
            (WrittenDate::Ymd(y, m, d), _) => (y, m, d),
            (WrittenDate::YearLast(a, b, y), Order::DayFirst) => (y, b, a),
            (WrittenDate::YearLast(a, b, y), Order::MonthFirst) => (y, a, b),
        };
        let y = match y {
            0..100 if last_year.is_some_and(|last| 2000 + y > last) => 1900 + y,
            0..100 => 2000 + y,
            _ => y,
        };
        let day = NaiveDate::from_ymd_opt(y, m, d)
            .ok_or_else(|| format!("{y:04}-{m:02}-{d:02} is not a real date"))?;
        let zone = self.zone.as_ref().unwrap_or(zone);
        let local = day.and_time(self.time.unwrap_or(NaiveTime::MIN));
        let at = zone
            .instant(local)
            .ok_or_else(|| format!("{local} does not exist in {zone}"))?;
        Ok(Instant {
            at,
            day,
            date_only: self.time.is_none(),
        })
    }
}

/// What the dates of a column showed of its day/month order: the one rule of the crate for
/// it. A first number over 12 shows days first, a second number over 12 months first; a
/// column that shows both or neither goes by the posting's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OrderShown {
    /// A date showed that days come first.
    pub day_first: bool,
    /// A date showed that months come first.
    pub month_first: bool,
}

impl OrderShown {
    /// Adds what `written` shows; true when it showed something new.
    pub fn see(&mut self, written: &Written) -> bool {
        match written.order_hint() {
            Some(Order::DayFirst) if !self.day_first => {
                self.day_first = true;
                true
            }
            Some(Order::MonthFirst) if !self.month_first => {
                self.month_first = true;
                true
            }
            _ => false,
        }
    }

    /// The column's order, `fallback` when its dates do not tell.
    pub fn order(self, fallback: Order) -> Order {
        match (self.day_first, self.month_first) {
            (true, false) => Order::DayFirst,
            (false, true) => Order::MonthFirst,
            _ => fallback,
        }
    }
}

/// Reads a date as written: ISO 8601, `20/02/2024 10:15:32`, `2024/02/20 3:08:24 PM UTC+3`,
/// `20-02-2024`, `20 février 2024`, `Feb 20, 2024`, with an optional time and zone.
pub fn scan(cell: &str) -> Result<Written, String> {
    if let Some(w) = scan_numeric(crate::text::trim(cell)) {
        return Ok(w);
    }
    scan_any(cell)
}

/// The numeric shapes exports write (`2024/02/19 12:23:26 AM UTC`, `20/02/2024 10:15`,
/// `2024-02-20`), read without allocating; `None` leaves the cell to [`scan_any`], which
/// reads these the same way.
fn scan_numeric(cell: &str) -> Option<Written> {
    let mut tokens = words(cell);
    let first = tokens.next()?;
    let date = numeric_date(first)?;
    let mut time = None;
    let mut zone = None;
    if let Some(t) = tokens.next() {
        let mut clock = numeric_clock(t)?;
        let mut next = tokens.next();
        if let Some(m) =
            next.filter(|m| m.eq_ignore_ascii_case("am") || m.eq_ignore_ascii_case("pm"))
        {
            clock = twelve_hour(clock, m.eq_ignore_ascii_case("pm"))?;
            next = tokens.next();
        }
        if let Some(z) = next {
            if !["utc", "gmt", "z"]
                .iter()
                .any(|u| z.eq_ignore_ascii_case(u))
            {
                return None;
            }
            zone = Some(Zone::default());
        }
        if tokens.next().is_some() {
            return None;
        }
        time = Some(clock);
    }
    Some(Written { date, time, zone })
}

/// The words of `cell` between ASCII spaces: `split(' ')` without the empty ones, byte by
/// byte, which short cells read faster.
fn words(cell: &str) -> impl Iterator<Item = &str> {
    let bytes = cell.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        let start = at;
        while bytes.get(at).is_some_and(|b| *b != b' ') {
            at += 1;
        }
        // Spaces are ASCII: both ends are character boundaries.
        (at > start).then(|| cell.get(start..at)).flatten()
    })
}

/// The `N` parts of `t` between the ASCII byte `sep`; none when there are more or fewer.
fn parts<const N: usize>(t: &str, sep: u8) -> Option<[&str; N]> {
    let mut out = [""; N];
    let mut k = 0;
    let mut start = 0;
    for (i, b) in t.bytes().enumerate() {
        if b == sep {
            *out.get_mut(k)? = t.get(start..i)?;
            k += 1;
            start = i + 1;
        }
    }
    *out.get_mut(k)? = t.get(start..)?;
    (k + 1 == N).then_some(out)
}

/// A number of ASCII digits only, as `parse::<u32>` reads it.
fn digits(t: &str) -> Option<u32> {
    if t.is_empty() {
        return None;
    }
    t.bytes().try_fold(0u32, |n, b| {
        b.is_ascii_digit()
            .then(|| n.checked_mul(10)?.checked_add(u32::from(b - b'0')))
            .flatten()
    })
}

/// `10:15` or `10:15:32`, digits and colons only, hours of one or two digits; read in one
/// pass, as [`clock`] reads these.
fn numeric_clock(t: &str) -> Option<NaiveTime> {
    // `10:15:32` and `9:04:33`, the shapes exports write, by position.
    let digit = |b: u8| b.is_ascii_digit().then(|| u32::from(b - b'0'));
    let fixed = match t.as_bytes() {
        [h1, h2, b':', m1, m2, b':', s1, s2] => {
            Some((Some(digit(*h1)? * 10), h2, [m1, m2, s1, s2]))
        }
        [h2, b':', m1, m2, b':', s1, s2] => Some((Some(0), h2, [m1, m2, s1, s2])),
        _ => None,
    };
    if let Some((tens, h2, [m1, m2, s1, s2])) = fixed {
        let two = |a: &u8, b: &u8| Some(digit(*a)? * 10 + digit(*b)?);
        return NaiveTime::from_hms_opt(tens? + digit(*h2)?, two(m1, m2)?, two(s1, s2)?);
    }
    let (mut numbers, mut lens, mut k) = ([0u32; 3], [0usize; 3], 0);
    for &c in t.as_bytes() {
        match c {
            b'0'..=b'9' => {
                numbers[k] = numbers[k]
                    .checked_mul(10)?
                    .checked_add(u32::from(c - b'0'))?;
                lens[k] += 1;
            }
            b':' if k < 2 => k += 1,
            _ => return None,
        }
    }
    // A colon after one or two digits of hours; seconds, when they are there, not empty.
    if k == 0 || !(1..=2).contains(&lens[0]) || (k == 2 && lens[2] == 0) {
        return None;
    }
    NaiveTime::from_hms_opt(numbers[0], numbers[1], numbers[2])
}

/// Reads any date this module knows, allocating as it goes.
fn scan_any(cell: &str) -> Result<Written, String> {
    let original = cell.trim();
    let bad = || format!("`{original}` is not a date");
    let lower = crate::text::fold(original);
    // ISO's `T` between date and time.
    let lower = match lower.find('t') {
        Some(i) if i == 10 && lower.as_bytes().get(4) == Some(&b'-') => {
            format!("{} {}", &lower[..i], &lower[i + 1..])
        }
        _ => lower,
    };
    let mut date_tokens: Vec<&str> = Vec::new();
    let mut time: Option<NaiveTime> = None;
    let mut zone: Option<Zone> = None;
    let mut pm: Option<bool> = None;
    let tokens = tokens(&lower);
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        if t == "am" || t == "pm" {
            pm = Some(t == "pm");
        } else if t.starts_with("utc") || t.starts_with("gmt") || t == "z" {
            // `UTC+3`, or `UTC +03:00` split in two
            let mut z = t.to_string();
            if let Some(next) = tokens.get(i + 1).filter(|n| n.starts_with(['+', '-'])) {
                z.push_str(next);
                i += 1;
            }
            zone = Some(Zone::parse(&z).ok_or_else(bad)?);
        } else if time.is_some() && zone.is_none() && t.starts_with(['+', '-']) {
            // RFC 2822's `+0000` after the time.
            zone = Some(Zone::parse(t).ok_or_else(bad)?);
        } else if time.is_none() && !date_tokens.is_empty() && looks_like_time(t) {
            let (t, z) = split_time_zone(t);
            time = Some(parse_clock(t).ok_or_else(bad)?);
            if let Some(z) = z {
                zone = Some(Zone::parse(z).ok_or_else(bad)?);
            }
        } else if !FILLER.contains(&t.trim_end_matches('.')) {
            date_tokens.push(t);
        }
        i += 1;
    }
    if let (Some(pm), Some(t)) = (pm, time) {
        time = Some(twelve_hour(t, pm).ok_or_else(bad)?);
    }
    let date = match date_tokens.as_slice() {
        [one] => numeric_date(one).ok_or_else(bad)?,
        many => named_date(many).ok_or_else(bad)?,
    };
    Ok(Written { date, time, zone })
}

/// The words of a folded cell: split at spaces and commas; `20-feb-24` split at its dashes;
/// and separators written apart joined again (`20 / 02 / 2024`, `10 : 15`, `12 h 00`).
fn tokens(lower: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in lower.split(|c: char| c.is_whitespace() || c == ',') {
        let zone = t.starts_with("utc") || t.starts_with("gmt");
        if t.contains('-') && t.contains(|c: char| c.is_ascii_alphabetic()) && !zone {
            out.extend(t.split('-').filter(|p| !p.is_empty()).map(str::to_string));
        } else if !t.is_empty() {
            out.push(t.to_string());
        }
    }
    let number = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mut i = 0;
    while i + 1 < out.len() {
        let sep = out[i + 1].as_str();
        let joins = match sep {
            "/" | "-" | "." | ":" => out[i].ends_with(|c: char| c.is_ascii_digit()),
            "h" => number(&out[i]) && out[i].len() <= 2,
            _ => false,
        };
        let next_is_number = out.get(i + 2).is_some_and(|n| {
            n.starts_with(|c: char| c.is_ascii_digit()) && (sep != "h" || number(n) && n.len() == 2)
        });
        if joins && next_is_number {
            let joined = format!("{}{sep}{}", out[i], out[i + 2]);
            out.splice(i..i + 3, [joined]);
        } else if joins && sep == "h" {
            let joined = format!("{}h", out[i]);
            out.splice(i..i + 2, [joined]);
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Scans and resolves at once, for cells read on their own.
pub fn parse(cell: &str, order: Order, zone: &Zone) -> Result<Instant, String> {
    scan(cell)?.resolve(order, zone, None)
}

fn looks_like_time(t: &str) -> bool {
    let digits_then = |sep: char| {
        t.split_once(sep).is_some_and(|(h, _)| {
            !h.is_empty() && h.len() <= 2 && h.bytes().all(|b| b.is_ascii_digit())
        })
    };
    digits_then(':') || (digits_then('h') && !t.contains(['/', '-', '.']))
}

fn split_time_zone(t: &str) -> (&str, Option<&str>) {
    if let Some(x) = t.strip_suffix('z') {
        return (x, Some("UTC"));
    }
    match t.find(['+', '-']) {
        Some(i) => (&t[..i], Some(&t[i..])),
        None => (t, None),
    }
}

fn parse_clock(t: &str) -> Option<NaiveTime> {
    clock(&t.replace('h', ":"))
}

/// `h:m`, `h:m:s` or `h:m:s.fff`, colons only.
fn clock(t: &str) -> Option<NaiveTime> {
    // Byte by byte: the colons and dot are ASCII, and short cells split faster so.
    let (h, m, s) = match t.bytes().filter(|b| *b == b':').count() {
        0 => (t, "", None),
        1 => {
            let [h, m] = parts::<2>(t, b':')?;
            (h, m, None)
        }
        2 => {
            let [h, m, s] = parts::<3>(t, b':')?;
            (h, m, Some(s))
        }
        _ => return None,
    };
    let m = if m.is_empty() { 0 } else { digits(m)? };
    // Fractions of a second count: 12:00:00.4 is after 12:00:00.
    let (s, nanos) = match s.map(|s| s.split_once('.').unwrap_or((s, ""))) {
        Some((s, "")) => (digits(s)?, 0),
        Some((s, fraction)) => (digits(s)?, fraction_nanos(fraction)?),
        None => (0, 0),
    };
    NaiveTime::from_hms_nano_opt(digits(h)?, m, s, nanos)
}

fn twelve_hour(t: NaiveTime, pm: bool) -> Option<NaiveTime> {
    use chrono::Timelike;
    let h = t.hour();
    if h == 0 || h > 12 {
        return None;
    }
    let h = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    t.with_hour(h)
}

fn numeric_date(t: &str) -> Option<WrittenDate> {
    if let Some(w) = fixed_date(t.as_bytes()) {
        return Some(w);
    }
    // Three numbers of one to four digits, between two of the same `-`, `/` or `.`.
    let (mut numbers, mut lens, mut k, mut sep) = ([0u32; 3], [0usize; 3], 0, 0u8);
    for &c in t.as_bytes() {
        match c {
            b'0'..=b'9' if lens[k] < 4 => {
                numbers[k] = numbers[k] * 10 + u32::from(c - b'0');
                lens[k] += 1;
            }
            b'-' | b'/' | b'.' if k < 2 && (sep == 0 || c == sep) => {
                sep = c;
                k += 1;
            }
            _ => return None,
        }
    }
    if k != 2 || lens.contains(&0) {
        return None;
    }
    let [na, nb, nc] = numbers;
    let year = |len: usize, n: u32| -> Option<i32> {
        let y = i32::try_from(n).ok()?;
        match len {
            4 if (1900..=2100).contains(&y) => Some(y),
            // Two digits: the century is chosen when the date is resolved.
            2 => Some(y),
            _ => None,
        }
    };
    if lens[0] == 4 {
        if lens[1] > 2 || lens[2] > 2 {
            return None;
        }
        return Some(WrittenDate::Ymd(year(lens[0], na)?, nb, nc));
    }
    if lens[0] > 2 || lens[1] > 2 {
        return None;
    }
    Some(WrittenDate::YearLast(na, nb, year(lens[2], nc)?))
}

/// The two shapes exports write most, `2024/02/19` and `19/02/2024` (any one of `-`, `/`,
/// `.` twice), read by position; none for any other text, which [`numeric_date`] reads.
fn fixed_date(t: &[u8]) -> Option<WrittenDate> {
    let t: &[u8; 10] = t.try_into().ok()?;
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let separators = |i: usize, j: usize| matches!(t[i], b'-' | b'/' | b'.') && t[j] == t[i];
    let year = |n: u32| Some(n as i32).filter(|y| (1900..=2100).contains(y));
    if separators(4, 7) {
        let y = year(number(&t[..4])?)?;
        return Some(WrittenDate::Ymd(y, number(&t[5..7])?, number(&t[8..])?));
    }
    if separators(2, 5) {
        let y = year(number(&t[6..])?)?;
        return Some(WrittenDate::YearLast(
            number(&t[..2])?,
            number(&t[3..5])?,
            y,
        ));
    }
    None
}

fn named_date(tokens: &[&str]) -> Option<WrittenDate> {
    let month_of = |t: &str| {
        MONTHS
            .iter()
            .find(|(name, _)| *name == t.trim_end_matches('.'))
            .map(|(_, m)| *m)
    };
    // `mar.` is mardi when another word names the month (`mar. 20 févr. 2024`).
    let months = tokens.iter().filter(|t| month_of(t).is_some()).count();
    let mut month = None;
    let mut numbers: Vec<(u32, usize)> = Vec::new();
    for t in tokens {
        let t = t.trim_end_matches('.');
        if t == "mar" && months > 1 {
            continue;
        }
        if let Some(m) = month_of(t) {
            if month.replace(m).is_some() {
                return None;
            }
            continue;
        }
        let digits = t
            .trim_end_matches("er")
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        numbers.push((digits.parse().ok()?, digits.len()));
    }
    // A year of four digits and a day; or a day then a year of two digits (`20-feb-24`).
    let (day, year) = match numbers.as_slice() {
        [(y, 4), (d, 1..=2)] | [(d, 1..=2), (y, 4)] => (
            *d,
            Some(i32::try_from(*y).ok()?).filter(|y| (1900..=2100).contains(y))?,
        ),
        [(d, 1..=2), (y, 2)] => (*d, i32::try_from(*y).ok()?),
        _ => return None,
    };
    Some(WrittenDate::Ymd(year, month?, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_shapes_read_alike_by_both_readers() {
        let dates = [
            "2024/02/19",
            "19/02/2024",
            "02-19-2024",
            "2024-02-30",
            "1.2.24",
            "2024/2/9",
        ];
        let times = [
            "",
            " 12:23:26",
            " 0:05",
            " 9:07:59",
            " 25:00",
            " 12:",
            " 7:5:3",
        ];
        let suffixes = [
            "",
            " AM",
            " pm",
            " PM UTC",
            " UTC",
            " gmt",
            " Z",
            " AM  UTC",
            " PM UTC+3",
        ];
        let mut fast = 0;
        for d in dates {
            for t in times {
                for x in suffixes {
                    let cell = format!("{d}{t}{x}");
                    if let Some(w) = scan_numeric(&cell) {
                        fast += 1;
                        assert_eq!(Ok(w), scan_any(&cell), "{cell}");
                    }
                }
            }
        }
        assert!(fast > 100, "only {fast} cells took the fast path");
        assert_eq!(scan_numeric("2024/02/19 12:00 UTC+3"), None);
        assert_eq!(scan_numeric("19 février 2024"), None);
    }

    /// The numeric date, stated plainly with [`parts`] and [`digits`].
    fn numeric_date_plainly(t: &str) -> Option<WrittenDate> {
        let sep = [b'-', b'/', b'.']
            .into_iter()
            .find(|c| t.bytes().any(|b| b == *c))?;
        let [a, b, c] = parts::<3>(t, sep)?;
        if ![a, b, c].iter().all(|p| p.len() <= 4) {
            return None;
        }
        let (na, nb, nc) = (digits(a)?, digits(b)?, digits(c)?);
        let year = |p: &str, n: u32| -> Option<i32> {
            let y = i32::try_from(n).ok()?;
            match p.len() {
                4 if (1900..=2100).contains(&y) => Some(y),
                2 => Some(y),
                _ => None,
            }
        };
        if a.len() == 4 {
            if b.len() > 2 || c.len() > 2 {
                return None;
            }
            return Some(WrittenDate::Ymd(year(a, na)?, nb, nc));
        }
        if a.len() > 2 || b.len() > 2 {
            return None;
        }
        Some(WrittenDate::YearLast(na, nb, year(c, nc)?))
    }

    /// The numeric clock, stated plainly with [`clock`].
    fn numeric_clock_plainly(t: &str) -> Option<NaiveTime> {
        let hours = t.bytes().position(|b| b == b':')?;
        if !(1..=2).contains(&hours) || !t.bytes().all(|b| b.is_ascii_digit() || b == b':') {
            return None;
        }
        clock(t)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// Dates and clocks read in one pass as they read stated plainly.
        #[test]
        fn numbers_read_in_one_pass_as_stated_plainly(
            t in "([0-9]{0,5}[/.:-]){0,3}[0-9]{0,5}|[0-9/.:x-]{0,12}"
        ) {
            proptest::prop_assert_eq!(numeric_date(&t), numeric_date_plainly(&t), "{}", t);
            proptest::prop_assert_eq!(numeric_clock(&t), numeric_clock_plainly(&t), "{}", t);
        }

        /// Dates of the two common shapes read by position as they read stated plainly.
        #[test]
        fn common_dates_read_by_position_as_stated_plainly(
            t in "[0-9x]{4}[/.:-][0-9]{2}[/.-][0-9x]{2}|[0-9]{2}[/.-][0-9x]{2}[/.:-][0-9]{4}|(19|20|21)[0-9]{2}/[0-9]{2}/[0-9]{2}|[0-9]{2}-[0-9]{2}-(18|19|20|21)[0-9]{2}"
        ) {
            proptest::prop_assert_eq!(numeric_date(&t), numeric_date_plainly(&t), "{}", t);
        }

        /// Clocks of the common shapes read by position as they read stated plainly.
        #[test]
        fn common_clocks_read_by_position_as_stated_plainly(
            t in "[0-9x]{1,2}[:.][0-9x]{2}:[0-9]{2}|[0-2]?[0-9]:[0-6][0-9]:[0-6][0-9]"
        ) {
            proptest::prop_assert_eq!(numeric_clock(&t), numeric_clock_plainly(&t), "{}", t);
        }

        /// Whatever the fast path reads, the general reader reads the same way.
        #[test]
        fn the_fast_path_reads_as_the_general_reader(
            cell in "((19|20)[0-9]{2}[/.\\-][01]?[0-9][/.\\-][0-3]?[0-9]|[0-3]?[0-9][/.\\-][01]?[0-9][/.\\-](19|20)?[0-9]{2}|[0-9]{1,5}[/.\\-][0-9]{0,3}[/.\\-][0-9]{0,5})( {1,2}[0-2]?[0-9](:[0-5]?[0-9]){0,3}:?)?( (AM|pm|UTC|gmt|Z|x))?( (UTC|Z))? ?"
        ) {
            if let Some(w) = scan_numeric(cell.trim()) {
                proptest::prop_assert_eq!(Ok(w), scan_any(&cell), "{}", cell);
            }
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .expect("test instant")
    }

    #[test]
    fn reads_zones() {
        assert_eq!(
            Zone::parse("Africa/Bamako").map(|z| z.to_string()),
            Some("Africa/Bamako".into())
        );
        assert_eq!(Zone::parse("UTC"), Some(Zone::default()));
        assert_eq!(Zone::parse("gmt"), Some(Zone::default()));
        for (s, secs) in [
            ("+01:00", 3600),
            ("GMT+1", 3600),
            ("UTC-0330", -12600),
            ("+3", 10800),
        ] {
            assert_eq!(
                Zone::parse(s),
                Some(Zone::Fixed(FixedOffset::east_opt(secs).expect("offset"))),
                "{s}"
            );
        }
        for bad in [
            "Mars/Olympus",
            "+25",
            "UTC+",
            "+1:99",
            "",
            "-6\u{bea}\u{140}",
        ] {
            assert_eq!(Zone::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_deadlines() {
        let z = Zone::default();
        let d = parse_deadline("2024-02-23T12:00:00Z", &z).expect("ok");
        assert!(d.has_time);
        assert_eq!(d.at, utc("2024-02-23T12:00:00Z"));
        assert!(d.admits(utc("2024-02-23T12:00:00Z")));
        assert!(!d.admits(utc("2024-02-23T12:00:01Z")));

        let d = parse_deadline("2022-09-21", &z).expect("ok");
        assert!(!d.has_time);
        assert!(d.admits(utc("2022-09-21T23:59:59Z")));
        assert!(!d.admits(utc("2022-09-22T00:00:00Z")));

        let paris = Zone::parse("Europe/Paris").expect("zone");
        let d = parse_deadline("2024-02-23 12:00", &paris).expect("ok");
        assert_eq!(d.at, utc("2024-02-23T11:00:00Z"));
        let d = parse_deadline("2024-02-23T12:00+03:00", &z).expect("ok");
        assert_eq!(d.at, utc("2024-02-23T09:00:00Z"));
    }

    fn instant(cell: &str, order: Order) -> Result<(String, bool), String> {
        let bamako = Zone::parse("Africa/Bamako").expect("zone");
        parse(cell, order, &bamako).map(|i| (i.at.to_rfc3339(), i.date_only))
    }

    #[test]
    fn reads_every_listed_cell_form() {
        let day = Order::DayFirst;
        for (cell, order, want, date_only) in [
            ("2024-02-20", day, "2024-02-20T00:00:00+00:00", true),
            (
                "2024-02-20T10:15:32",
                day,
                "2024-02-20T10:15:32+00:00",
                false,
            ),
            (
                "2024-02-20T10:15:32Z",
                day,
                "2024-02-20T10:15:32+00:00",
                false,
            ),
            (
                "2024-02-20T10:15:32.123+01:00",
                day,
                "2024-02-20T09:15:32.123+00:00",
                false,
            ),
            ("2024-02-20 10:15", day, "2024-02-20T10:15:00+00:00", false),
            ("20/02/2024", day, "2024-02-20T00:00:00+00:00", true),
            (
                "20/02/2024 10:15:32",
                day,
                "2024-02-20T10:15:32+00:00",
                false,
            ),
            (
                "2024/02/20 10:04:33",
                day,
                "2024-02-20T10:04:33+00:00",
                false,
            ),
            (
                "2024/02/20 3:08:24 PM UTC+3",
                day,
                "2024-02-20T12:08:24+00:00",
                false,
            ),
            (
                "2024/02/20 3:08:24 PM UTC",
                day,
                "2024-02-20T15:08:24+00:00",
                false,
            ),
            (
                "2024/02/20 12:08:24 AM GMT",
                day,
                "2024-02-20T00:08:24+00:00",
                false,
            ),
            (
                "2024/02/20 9:00:00 AM GMT+1",
                day,
                "2024-02-20T08:00:00+00:00",
                false,
            ),
            ("20-02-2024", day, "2024-02-20T00:00:00+00:00", true),
            ("20.02.2024", day, "2024-02-20T00:00:00+00:00", true),
            ("20 février 2024", day, "2024-02-20T00:00:00+00:00", true),
            (
                "20 fevrier 2024 14h30",
                day,
                "2024-02-20T14:30:00+00:00",
                false,
            ),
            (
                "mardi 20 févr. 2024",
                day,
                "2024-02-20T00:00:00+00:00",
                true,
            ),
            ("1er mars 2024", day, "2024-03-01T00:00:00+00:00", true),
            ("Feb 20, 2024", day, "2024-02-20T00:00:00+00:00", true),
            (
                "February 20 2024 10:00",
                day,
                "2024-02-20T10:00:00+00:00",
                false,
            ),
            (
                "02/20/2024",
                Order::MonthFirst,
                "2024-02-20T00:00:00+00:00",
                true,
            ),
            (
                "03/02/2024",
                Order::MonthFirst,
                "2024-03-02T00:00:00+00:00",
                true,
            ),
            ("03/02/2024", day, "2024-02-03T00:00:00+00:00", true),
            ("20/02/24", day, "2024-02-20T00:00:00+00:00", true),
            ("20-Feb-24", day, "2024-02-20T00:00:00+00:00", true),
            ("20-févr.-24", day, "2024-02-20T00:00:00+00:00", true),
            ("20-févr-2024", day, "2024-02-20T00:00:00+00:00", true),
            ("mar. 20 févr. 2024", day, "2024-02-20T00:00:00+00:00", true),
            ("Mar 20, 2024", day, "2024-03-20T00:00:00+00:00", true),
            (
                "ven. 23 févr. 2024 à 12 h 00",
                day,
                "2024-02-23T12:00:00+00:00",
                false,
            ),
            ("23/02/2024 12H00", day, "2024-02-23T12:00:00+00:00", false),
            ("23/02/2024 12h", day, "2024-02-23T12:00:00+00:00", false),
            ("20 / 02 / 2024", day, "2024-02-20T00:00:00+00:00", true),
            (
                "20 - 02 - 2024 10 : 15",
                day,
                "2024-02-20T10:15:00+00:00",
                false,
            ),
            ("2024 - 02 - 20", day, "2024-02-20T00:00:00+00:00", true),
            (
                "Tue, 20 Feb 2024 10:15:32 +0000",
                day,
                "2024-02-20T10:15:32+00:00",
                false,
            ),
            (
                "Tue, 20 Feb 2024 10:15:32 -0500",
                day,
                "2024-02-20T15:15:32+00:00",
                false,
            ),
            (
                "2024-02-23 12:00:00.4",
                day,
                "2024-02-23T12:00:00.400+00:00",
                false,
            ),
        ] {
            assert_eq!(
                instant(cell, order),
                Ok((want.to_string(), date_only)),
                "{cell}"
            );
        }
    }

    #[test]
    fn says_why_other_cells_are_unknown() {
        for (cell, why) in [
            ("31/02/2024", "2024-02-31 is not a real date"),
            ("2024-13-01", "2024-13-01 is not a real date"),
            ("hier", "`hier` is not a date"),
            ("20/02", "`20/02` is not a date"),
            ("2024/02/20 25:00:00", "`2024/02/20 25:00:00` is not a date"),
            ("13:00 PM", "`13:00 PM` is not a date"),
            ("20-Feb", "`20-Feb` is not a date"),
            (
                "20 févr. 2024 vers midi",
                "`20 févr. 2024 vers midi` is not a date",
            ),
            (
                "2024-02-20 10:15:32.1234567891",
                "`2024-02-20 10:15:32.1234567891` is not a date",
            ),
            ("20 / 02", "`20 / 02` is not a date"),
            ("", "`` is not a date"),
        ] {
            assert_eq!(
                instant(cell, Order::DayFirst),
                Err(why.to_string()),
                "{cell}"
            );
        }
    }

    #[test]
    fn detects_the_order_of_a_column() {
        let order = |cells: &[&str], fallback: Order| {
            let mut shown = OrderShown::default();
            for c in cells {
                shown.see(&scan(c).expect("date"));
            }
            shown.order(fallback)
        };
        assert_eq!(
            order(&["03/02/2024", "20/02/2024"], Order::MonthFirst),
            Order::DayFirst
        );
        assert_eq!(
            order(&["03/02/2024", "02/20/2024"], Order::DayFirst),
            Order::MonthFirst
        );
        assert_eq!(
            order(&["03/02/2024", "2024-02-20"], Order::DayFirst),
            Order::DayFirst
        );
        assert_eq!(order(&["03/02/2024"], Order::MonthFirst), Order::MonthFirst);
        // Both shown: the column does not tell.
        assert_eq!(
            order(&["20/02/2024", "02/20/2024"], Order::MonthFirst),
            Order::MonthFirst
        );
    }

    #[test]
    fn a_date_shows_its_order_once() {
        let mut shown = OrderShown::default();
        assert!(shown.see(&scan("20/02/2024").expect("date")));
        assert!(!shown.see(&scan("21/02/2024").expect("date")));
        assert!(!shown.see(&scan("03/02/2024").expect("date")));
        assert!(shown.see(&scan("02/21/2024").expect("date")));
    }

    proptest::proptest! {
        /// A cell that reads a date is unknown once a word no reader knows stands before,
        /// inside or after it.
        #[test]
        fn an_unknown_word_makes_the_cell_unknown(
            cell in proptest::sample::select(vec![
                "20/02/2024", "2024/02/20 3:08:24 PM UTC", "20 février 2024",
                "mar. 20 févr. 2024 12 h 00", "Tue, 20 Feb 2024 10:15:32 +0000", "20-Feb-24",
                "2024-02-20T10:15:32",
            ]),
            word in "(vers|environ|midi|hier|zorglub|reçu|matin)",
            place in 0usize..3,
        ) {
            let z = Zone::default();
            proptest::prop_assert!(parse(cell, Order::DayFirst, &z).is_ok());
            let with = crate::cells::with_word(cell, &word, place);
            let got = parse(&with, Order::DayFirst, &z);
            proptest::prop_assert!(got.is_err(), "{with:?} read as {got:?}");
        }
    }

    #[test]
    fn fractions_of_a_second_count_at_a_deadline() {
        let z = Zone::default();
        let d = parse_deadline("2024-02-23T12:00:00Z", &z).expect("ok");
        let at = |cell: &str| parse(cell, Order::DayFirst, &z).expect("date").at;
        assert!(d.admits(at("2024-02-23 12:00:00")));
        assert!(!d.admits(at("2024-02-23 12:00:00.4")));
        assert!(!d.admits(at("23/02/2024 12:00:00.001")));
        let d = parse_deadline("2024-02-23 12:00:00.5", &z).expect("ok");
        assert!(d.admits(at("2024-02-23 12:00:00.4")));
        assert!(!d.admits(at("2024-02-23 12:00:00.6")));
        assert_eq!(
            parse_deadline("2024-02-23 12:00:00.1234567891", &z),
            Err(DeadlineError::Form)
        );
    }

    #[test]
    fn a_two_digit_year_is_not_after_the_deadline_year() {
        let z = Zone::default();
        let year = |cell: &str, last: Option<i32>| {
            let w = scan(cell).expect("date");
            w.resolve(Order::DayFirst, &z, last)
                .map(|i| chrono::Datelike::year(&i.day))
        };
        assert_eq!(year("20/02/24", Some(2024)), Ok(2024));
        assert_eq!(year("20/02/24", Some(2023)), Ok(1924));
        assert_eq!(year("20-Feb-24", Some(2024)), Ok(2024));
        assert_eq!(year("15/03/85", Some(2024)), Ok(1985));
        assert_eq!(year("15/03/85", None), Ok(2085));
        assert_eq!(year("20/02/2024", Some(2000)), Ok(2024));
    }

    #[test]
    fn rejects_impossible_deadlines() {
        let z = Zone::default();
        assert_eq!(
            parse_deadline("2024-02-30", &z),
            Err(DeadlineError::NotADate("2024-02-30".into()))
        );
        assert_eq!(
            parse_deadline("2024-02-20T25:00", &z),
            Err(DeadlineError::NotATime("25:00".into()))
        );
        assert_eq!(parse_deadline("23/02/2024", &z), Err(DeadlineError::Form));
        assert_eq!(parse_deadline("soon", &z), Err(DeadlineError::Form));
    }
}
