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
    for (n, p) in nums.iter_mut().zip(&parts) {
        let p = p.split('.').next().unwrap_or(p);
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DeadlineError::Form);
        }
        *n = p.parse().map_err(|_| DeadlineError::Form)?;
    }
    NaiveTime::from_hms_opt(nums[0], nums[1], nums[2])
        .ok_or_else(|| DeadlineError::NotATime(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for bad in ["Mars/Olympus", "+25", "UTC+", "+1:99", ""] {
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
