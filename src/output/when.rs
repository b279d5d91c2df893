//! Dates and times as people write them, with their time zone: `23 février 2024 à 12h00
//! (heure de Bamako)`, `23 February 2024, 12:00 (Bamako time)`; and how late a submission is
//! (`5 minutes`, `2 jours et 3 heures`). Programs get ISO instants instead ([`iso`]).

use crate::cells::dates::{Instant, Zone};
use crate::i18n::Lang;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An instant for programs: RFC 3339 in UTC, or the day alone when no time was written.
pub fn iso(t: &Instant) -> String {
    if t.date_only {
        t.day.format("%Y-%m-%d").to_string()
    } else {
        t.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }
}

/// The zone as people name it: `heure de Bamako`, `Bamako time`, `UTC`, `UTC+01:00`.
pub fn zone_name(zone: &Zone, lang: Lang) -> String {
    match zone {
        Zone::Iana(tz) => {
            let name = tz.name();
            let city = name.rsplit('/').next().unwrap_or(name).replace('_', " ");
            if matches!(name, "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT") {
                return "UTC".into();
            }
            match lang {
                Lang::Fr if city.starts_with(['A', 'E', 'I', 'O', 'U', 'É', 'Î']) => {
                    format!("heure d'{city}")
                }
                Lang::Fr => format!("heure de {city}"),
                Lang::En => format!("{city} time"),
            }
        }
        Zone::Fixed(_) => zone.to_string(),
    }
}

/// Pushes `n` with at least `width` digits.
fn push_number(out: &mut String, n: u32, width: usize) {
    use std::fmt::Write;
    let _ = write!(out, "{n:0width$}");
}

/// A day in words: `1er mars 2024`, `23 février 2024`; `23 February 2024`.
pub fn day(d: NaiveDate, lang: Lang) -> String {
    let mut out = String::with_capacity(20);
    push_day(&mut out, d, lang);
    out
}

fn push_day(out: &mut String, d: NaiveDate, lang: Lang) {
    let month = d.month0() as usize;
    push_number(out, d.day(), 1);
    if lang == Lang::Fr && d.day() == 1 {
        out.push_str("er");
    }
    out.push(' ');
    out.push_str(match lang {
        Lang::Fr => MONTHS_FR[month],
        Lang::En => MONTHS_EN[month],
    });
    out.push(' ');
    push_number(out, d.year().unsigned_abs(), 1);
}

/// A local time in words, without its zone: `23 février 2024 à 12h00`, `23 February 2024,
/// 12:00`. Seconds are left out: a deadline is read to the second, and how late a submission
/// is says the rest.
pub fn local_time(t: &NaiveDateTime, lang: Lang) -> String {
    let mut out = String::with_capacity(32);
    push_day(&mut out, t.date(), lang);
    match lang {
        Lang::Fr => {
            out.push_str(" à ");
            push_number(&mut out, t.hour(), 1);
            out.push('h');
            push_number(&mut out, t.minute(), 2);
        }
        Lang::En => {
            out.push_str(", ");
            push_number(&mut out, t.hour(), 2);
            out.push(':');
            push_number(&mut out, t.minute(), 2);
        }
    }
    out
}

/// An instant in words in `zone`, with the zone named: `23 février 2024 à 12h00 (heure de
/// Bamako)`.
pub fn instant(t: DateTime<Utc>, zone: &Zone, lang: Lang) -> String {
    let mut out = local_time(&zone.local(t), lang);
    out.push_str(" (");
    out.push_str(&zone_name(zone, lang));
    out.push(')');
    out
}

/// A posting's deadline in words: the day alone when no time was written, else the instant
/// with its zone.
pub fn deadline(d: &crate::cells::dates::Deadline, zone: &Zone, lang: Lang) -> String {
    if d.has_time {
        instant(d.at, zone, lang)
    } else {
        day(d.day, lang)
    }
}

/// A cell's date or time in words: the day alone when no time was written.
pub fn cell_instant(t: &Instant, zone: &Zone, lang: Lang) -> String {
    if t.date_only {
        day(t.day, lang)
    } else {
        instant(t.at, zone, lang)
    }
}

/// A date or time as a spreadsheet reads it in `lang`'s usual form, in `zone`:
/// `23/02/2024 12:00` in French, `2024-02-23 12:00` in English.
pub fn spreadsheet(t: &Instant, zone: &Zone, lang: Lang) -> String {
    let (day_format, time_format) = match lang {
        Lang::Fr => ("%d/%m/%Y", "%d/%m/%Y %H:%M"),
        Lang::En => ("%Y-%m-%d", "%Y-%m-%d %H:%M"),
    };
    if t.date_only {
        t.day.format(day_format).to_string()
    } else {
        zone.local(t.at).format(time_format).to_string()
    }
}

/// A unit of time: its seconds, its French and its English singular and plural.
type Unit = (
    i64,
    (&'static str, &'static str),
    (&'static str, &'static str),
);

/// A length of time in words, in its two largest units: `30 secondes`, `5 minutes`,
/// `2 heures et 5 minutes`, `1 jour et 3 heures`; `1 day and 3 hours`.
pub fn duration(seconds: i64, lang: Lang) -> String {
    let s = seconds.max(0);
    let units: [Unit; 4] = [
        (86_400, ("jour", "jours"), ("day", "days")),
        (3_600, ("heure", "heures"), ("hour", "hours")),
        (60, ("minute", "minutes"), ("minute", "minutes")),
        (1, ("seconde", "secondes"), ("second", "seconds")),
    ];
    let Some(first) = units.iter().position(|u| s >= u.0) else {
        return lang.count(0, units[3].1, units[3].2);
    };
    let (size, fr, en) = units[first];
    let mut out = lang.count((s / size) as usize, fr, en);
    if let Some(&(next, fr, en)) = units.get(first + 1) {
        let rest = s % size / next;
        if rest > 0 {
            out.push_str(lang.pick(" et ", " and "));
            out.push_str(&lang.count(rest as usize, fr, en));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().expect("instant")
    }

    #[test]
    fn instants_are_written_with_their_zone() {
        let bamako = Zone::parse("Africa/Bamako").expect("zone");
        let t = at("2024-02-23T12:00:00Z");
        assert_eq!(
            instant(t, &bamako, Lang::Fr),
            "23 février 2024 à 12h00 (heure de Bamako)"
        );
        assert_eq!(
            instant(t, &bamako, Lang::En),
            "23 February 2024, 12:00 (Bamako time)"
        );
        let abidjan = Zone::parse("Africa/Abidjan").expect("zone");
        assert_eq!(
            instant(at("2024-03-01T08:05:59Z"), &abidjan, Lang::Fr),
            "1er mars 2024 à 8h05 (heure d'Abidjan)"
        );
        let plus_one = Zone::parse("+01:00").expect("zone");
        assert_eq!(
            instant(at("2024-03-01T23:30:00Z"), &plus_one, Lang::En),
            "2 March 2024, 00:30 (UTC+01:00)"
        );
        assert_eq!(
            instant(t, &Zone::default(), Lang::Fr),
            "23 février 2024 à 12h00 (UTC)"
        );
    }

    #[test]
    fn lengths_of_time_agree_with_their_number() {
        let fr: Vec<String> = [
            0,
            1,
            30,
            300,
            301,
            3_660,
            7_500,
            86_400,
            2 * 86_400 + 3 * 3_600,
        ]
        .iter()
        .map(|&s| duration(s, Lang::Fr))
        .collect();
        assert_eq!(
            fr,
            [
                "0 seconde",
                "1 seconde",
                "30 secondes",
                "5 minutes",
                "5 minutes et 1 seconde",
                "1 heure et 1 minute",
                "2 heures et 5 minutes",
                "1 jour",
                "2 jours et 3 heures",
            ]
        );
        assert_eq!(duration(90, Lang::En), "1 minute and 30 seconds");
        assert_eq!(duration(0, Lang::En), "0 seconds");
    }

    #[test]
    fn spreadsheet_dates_are_in_the_zone_and_the_usual_order() {
        let bamako = Zone::parse("Africa/Bamako").expect("zone");
        let t = Instant {
            at: at("2024-02-12T02:48:24Z"),
            day: NaiveDate::from_ymd_opt(2024, 2, 12).expect("day"),
            date_only: false,
        };
        assert_eq!(spreadsheet(&t, &bamako, Lang::Fr), "12/02/2024 02:48");
        assert_eq!(spreadsheet(&t, &bamako, Lang::En), "2024-02-12 02:48");
        assert_eq!(iso(&t), "2024-02-12T02:48:24Z");
    }
}
