//! Reading cells for a posting, and the day/month order of each date column: learnt from its
//! dates as rows stream by, shared between the workers, and checked at the end.

use crate::cells::{self, Context, Value, dates, phone};
use crate::engine::Engine;
use crate::i18n::Lang;
use crate::lexicon::Term;
use crate::posting::{FieldId, FieldType, Posting};
use crate::store::Hits;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

/// Reads cells into values for a posting: the value of a cell and the posting's terms it names.
#[derive(Clone)]
pub(super) struct CellReader {
    /// Items the posting looks for, per field.
    pub(super) known: Vec<Vec<Term>>,
    /// The numbering plan of phone numbers written without a country code.
    pub(super) plan: &'static phone::Plan,
    /// The day/month order each datetime field is read in.
    pub(super) orders: Vec<dates::Order>,
    /// What the dates of each datetime field showed of their order so far.
    pub(super) seen: Vec<OrderSeen>,
    /// What the dates of each field showed of their order to any reader of the same files
    /// ([`DAY_FIRST`], [`MONTH_FIRST`]): readers working on other rows learn it at once.
    pub(super) shared: Arc<[AtomicU8]>,
    /// Whether the orders are fixed (known from a first reading).
    pub(super) fixed: bool,
    pub(super) fallback: dates::Order,
}

/// A date of the column showed that days come first.
pub(super) const DAY_FIRST: u8 = 1;
/// A date of the column showed that months come first.
pub(super) const MONTH_FIRST: u8 = 2;

/// What a datetime column showed of its order, and in which orders dates that depend on it
/// were read.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct OrderSeen {
    pub(super) shown: dates::OrderShown,
    pub(super) read_day_first: bool,
    pub(super) read_month_first: bool,
}

impl CellReader {
    pub(super) fn new(
        engine: &Engine,
        orders: Option<Vec<dates::Order>>,
        shared: Arc<[AtomicU8]>,
    ) -> CellReader {
        let posting = engine.posting();
        let width = posting.fields.len();
        let fallback = match posting.meta.language {
            Lang::Fr => dates::Order::DayFirst,
            Lang::En => dates::Order::MonthFirst,
        };
        CellReader {
            known: (0..width).map(|f| engine.known_items(f)).collect(),
            // A validated posting names a known code.
            plan: phone::Plan::of(&posting.meta.phone_country).unwrap_or_else(phone::Plan::mali),
            fixed: orders.is_some(),
            orders: orders.unwrap_or_else(|| vec![fallback; width]),
            seen: vec![OrderSeen::default(); width],
            shared,
            fallback,
        }
    }

    /// Adds what `other` saw and read to what this reader did.
    pub(super) fn absorb(&mut self, other: &CellReader) {
        for (mine, theirs) in self.seen.iter_mut().zip(&other.seen) {
            mine.shown.day_first |= theirs.shown.day_first;
            mine.shown.month_first |= theirs.shown.month_first;
            mine.read_day_first |= theirs.read_day_first;
            mine.read_month_first |= theirs.read_month_first;
        }
    }

    /// Reads from now on in the orders all the dates seen show.
    pub(super) fn settle(&mut self) {
        if !self.fixed {
            self.orders = self.seen.iter().map(|s| s.order(self.fallback)).collect();
        }
    }

    /// The value of `cell` in field `f`, and the posting's terms it names; a date also tells
    /// its column's order.
    pub(super) fn read(&mut self, engine: &Engine, f: FieldId, cell: &str) -> (Value, Hits) {
        let posting = engine.posting();
        if posting.fields[f].kind != FieldType::Datetime || self.fixed || cells::is_blank(cell) {
            return self.value(engine, f, cell);
        }
        let written = match dates::scan(cell) {
            Ok(w) => w,
            Err(why) => return (Value::Unknown(why), 0),
        };
        let seen = &mut self.seen[f];
        // What the column showed so far, for the other workers, when this date added to it.
        let news = if seen.shown.see(&written) {
            (u8::from(seen.shown.day_first) * DAY_FIRST)
                | (u8::from(seen.shown.month_first) * MONTH_FIRST)
        } else {
            0
        };
        let all = self.shared.get(f).map_or(0, |shared| {
            if news == 0 {
                shared.load(Ordering::Relaxed)
            } else {
                shared.fetch_or(news, Ordering::Relaxed) | news
            }
        });
        let known = dates::OrderShown {
            day_first: seen.shown.day_first || all & DAY_FIRST != 0,
            month_first: seen.shown.month_first || all & MONTH_FIRST != 0,
        };
        self.orders[f] = known.order(self.fallback);
        if written.order_matters() {
            match self.orders[f] {
                dates::Order::DayFirst => seen.read_day_first = true,
                dates::Order::MonthFirst => seen.read_month_first = true,
            }
        }
        (self.resolve(posting, f, &written), 0)
    }

    /// The value of `cell` in field `f` and the terms it names, dates in the orders known.
    pub(super) fn value(&self, engine: &Engine, f: FieldId, cell: &str) -> (Value, Hits) {
        let posting = engine.posting();
        let field = &posting.fields[f];
        if field.kind == FieldType::Datetime {
            if cells::is_blank(cell) {
                return (Value::Blank, 0);
            }
            return match dates::scan(cell) {
                Ok(w) => (self.resolve(posting, f, &w), 0),
                Err(why) => (Value::Unknown(why), 0),
            };
        }
        let cx = Context {
            phone_country: self.plan,
            known_items: &self.known[f],
            separator: field.separator.as_deref(),
            order: dates::Order::DayFirst,
            zone: &posting.meta.timezone,
        };
        let value = cells::read(field.kind, cell, &cx);
        let hits = engine.hits(f, &value);
        (value, hits)
    }

    pub(super) fn resolve(&self, posting: &Posting, f: FieldId, written: &dates::Written) -> Value {
        let zone = posting.fields[f].timezone.unwrap_or(posting.meta.timezone);
        let last_year = posting
            .meta
            .deadline
            .map(|d| chrono::Datelike::year(&d.day));
        match written.resolve(self.orders[f], &zone, last_year) {
            Ok(i) => Value::Instant(i),
            Err(why) => Value::Unknown(why),
        }
    }

    /// The orders to read again with, when a date was read in another order than its
    /// column's.
    pub(super) fn wrong_orders(&self) -> Option<Vec<dates::Order>> {
        let finals: Vec<dates::Order> = self.seen.iter().map(|s| s.order(self.fallback)).collect();
        let wrong = self.seen.iter().zip(&finals).any(|(s, o)| match o {
            dates::Order::DayFirst => s.read_month_first,
            dates::Order::MonthFirst => s.read_day_first,
        });
        (wrong && !self.fixed).then_some(finals)
    }
}

impl OrderSeen {
    pub(super) fn order(&self, fallback: dates::Order) -> dates::Order {
        self.shown.order(fallback)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{POSTING, posting};
    use super::*;
    use chrono::NaiveDate;
    use dates::Order::{DayFirst, MonthFirst};

    fn shared(width: usize) -> Arc<[AtomicU8]> {
        (0..width).map(|_| AtomicU8::new(0)).collect()
    }

    fn day(value: &Value) -> Option<NaiveDate> {
        match value {
            Value::Instant(i) => Some(i.day),
            _ => None,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_column_learns_its_order_from_its_dates() {
        let p = posting(POSTING);
        let e = Engine::new(&p);
        let at = p.field_id("at").expect("field");
        let mut r = CellReader::new(&e, None, shared(p.fields.len()));
        // A French posting reads day first until the column says otherwise.
        assert_eq!(day(&r.read(&e, at, "03/02/2024").0), date(2024, 2, 3));
        assert_eq!(r.wrong_orders(), None);
        assert_eq!(day(&r.read(&e, at, "02/20/2024").0), date(2024, 2, 20));
        assert_eq!(day(&r.read(&e, at, "03/02/2024").0), date(2024, 3, 2));
        // The first date was read day first in a column that is month first.
        let mut want = vec![DayFirst; p.fields.len()];
        want[at] = MonthFirst;
        assert_eq!(r.wrong_orders(), Some(want));
    }

    #[test]
    fn workers_share_what_a_column_showed() {
        let p = posting(POSTING);
        let e = Engine::new(&p);
        let at = p.field_id("at").expect("field");
        let all = shared(p.fields.len());
        let mut a = CellReader::new(&e, None, all.clone());
        let mut b = CellReader::new(&e, None, all);
        a.read(&e, at, "02/20/2024");
        // `b` saw no date of its own that tells, and reads as `a` learnt.
        assert_eq!(day(&b.read(&e, at, "03/02/2024").0), date(2024, 3, 2));
        // What each saw is gathered at the end.
        b.absorb(&a);
        b.settle();
        assert_eq!(b.orders[at], MonthFirst);
    }

    #[test]
    fn orders_known_from_a_first_reading_are_kept() {
        let p = posting(POSTING);
        let e = Engine::new(&p);
        let at = p.field_id("at").expect("field");
        let orders = vec![MonthFirst; p.fields.len()];
        let mut r = CellReader::new(&e, Some(orders), shared(p.fields.len()));
        assert_eq!(day(&r.read(&e, at, "03/02/2024").0), date(2024, 3, 2));
        assert_eq!(day(&r.read(&e, at, "20/02/2024").0), None);
        assert_eq!(r.wrong_orders(), None);
    }
}
