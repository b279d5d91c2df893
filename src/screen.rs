//! Screening candidate files for a posting. Rows stream by in batches, screened on every
//! core: each row is read, evaluated and decided as it comes, the batches are gathered in
//! file order, and only a few numbers per row are kept (its place, decision and what ranking
//! needs). The cells of a row that is shown are read again from its file; sources that
//! cannot be read again (workbooks, UTF-16 files) keep their cells in memory instead.
//!
//! Dates written `03/04/2024` depend on their column's day/month order, known only once the
//! whole column is seen: rows are read with the order their column shows so far, and in the
//! rare file where a date was read in the order the column turns out not to have, the files
//! are screened again with the order known.

use crate::cells::{self, Context, Value, dates, phone};
use crate::engine::{Cells, Engine, Outcome, RuleEval, on_time};
use crate::i18n::Lang;
use crate::ingest::{Cause, IngestError, Options, Rereader, RowMeta, Source, column_index};
use crate::lexicon::Term;
use crate::posting::FieldId;
use crate::posting::{FieldType, Posting};
use crate::rank::{Decision, Facts, Place, Status};
use crate::store::{ColumnStore, Hits};
use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};

/// One data row of an input.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A row that was read.
    Candidate {
        /// Index of its input.
        file: usize,
        /// Spreadsheet row number.
        row: u64,
        /// Its cells for the posting's fields.
        cells: Cells,
        /// Its cell in the audit column, if one was asked for.
        audit: Option<String>,
    },
    /// A row that could not be read.
    Unreadable {
        /// Index of its input.
        file: usize,
        /// Spreadsheet row number.
        row: u64,
        /// Why.
        cause: Cause,
    },
}

impl Entry {
    /// Index of the input the row comes from.
    pub fn file(&self) -> usize {
        match self {
            Entry::Candidate { file, .. } | Entry::Unreadable { file, .. } => *file,
        }
    }

    /// Spreadsheet row number.
    pub fn row(&self) -> u64 {
        match self {
            Entry::Candidate { row, .. } | Entry::Unreadable { row, .. } => *row,
        }
    }
}

/// What was read from one input file.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// The file as given.
    pub path: PathBuf,
    /// Encoding name, or `xlsx`.
    pub encoding: String,
    /// Delimiter, for CSV.
    pub delimiter: Option<u8>,
    /// Data rows read (unreadable ones included, empty ones not).
    pub rows: u64,
    /// Rows whose cells are all blank.
    pub empty_rows: u64,
    /// SHA-256 of the file, in hex.
    pub sha256: String,
}

/// How a screening is shown.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// Language of labels and reasons.
    pub lang: Lang,
    /// Names and contacts replaced by `C-<row>`.
    pub blind: bool,
    /// Every candidate, not only the shortlist.
    pub all: bool,
}

/// What a screening is asked for, besides the posting and the files.
#[derive(Clone, Debug, Default)]
pub struct Request {
    /// SHA-256 of the posting file, in hex.
    pub posting_sha256: String,
    /// Shortlist size instead of the posting's.
    pub top: Option<u32>,
    /// The instant the screening speaks of, instead of the deadline.
    pub as_of: Option<DateTime<Utc>>,
    /// How to show it.
    pub view: View,
    /// The column to audit by.
    pub audit_column: Option<String>,
    /// A progress bar to advance as the files are read (bytes), if any.
    pub progress: Option<indicatif::ProgressBar>,
    /// Everything on one thread: the same result, for checking that it is.
    pub sequential: bool,
}

/// Where the cells of a file's rows are found again.
enum Cellar {
    /// In the file, by each row's position.
    File(Rereader),
    /// In memory, by each row's index in the table.
    Memory(Arc<ColumnStore>),
}

/// A posting applied to candidate files: every row, its decision, and where it came from.
pub struct Screening<'p> {
    /// The posting.
    pub posting: &'p Posting,
    /// SHA-256 of the posting file, in hex.
    pub posting_sha256: String,
    /// The decision on each entry.
    pub decisions: Vec<Decision>,
    /// The input files.
    pub inputs: Vec<Input>,
    /// The instant the screening speaks of.
    pub as_of: Option<DateTime<Utc>>,
    /// How to show it.
    pub view: View,
    /// The column audited with `--audit-by`, if any.
    pub audit_column: Option<String>,
    /// Candidates shortlisted per group.
    pub shortlist_size: u32,
    /// The posting's rules, ready to evaluate a row again for its details.
    pub engine: Engine<'p>,
    /// Everything on one thread, outputs included.
    pub sequential: bool,
    places: Vec<Place>,
    /// Why each unreadable entry is, by entry index.
    causes: FxHashMap<u32, Cause>,
    /// For each duplicate, by entry index, the row kept in its place.
    kept: FxHashMap<u32, crate::rank::Kept>,
    /// The groups, shown with the spelling of their first row.
    groups: Vec<Arc<str>>,
    /// Each entry's cell in the audit column, as an index into `audit_cells`.
    audit_ids: Vec<u32>,
    audit_cells: Vec<Box<str>>,
    /// Each file's columns for the posting's fields, and where its rows' cells are.
    cellars: Vec<(Vec<usize>, Cellar)>,
    reader: CellReader,
    /// What threads reading rows again keep, one slot per thread.
    slots: Vec<Mutex<Slot>>,
    /// Why a row could not be read again, the first time one could not: the file changed
    /// since it was screened, and no output may be made of it.
    reread_failure: std::sync::OnceLock<String>,
    /// The fields whose cells decide, read at the first reading and checked when read again.
    decisive: Vec<bool>,
}

/// Threads that screen batches of rows at most.
const MAX_WORKERS: usize = 8;

/// Threads that can read rows again at once without waiting for each other.
const READ_SLOTS: usize = 2;

/// What a thread reading rows again keeps: its own parsers, the table rows pass through
/// (it knows the cells that repeat already), and the last entry, as outputs ask for the same
/// row several times in a row.
struct Slot {
    rereaders: Vec<Option<Rereader>>,
    scratch: Arc<ColumnStore>,
    last: Option<(usize, Entry)>,
    /// The cells of the row read last, its memory kept for the next.
    cells: crate::ingest::CellBuf,
}

/// The slot of the calling thread: threads are numbered as they first read a row again.
fn slot_of_thread() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static SLOT: usize = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    SLOT.with(|s| *s)
}

impl Screening<'_> {
    /// Screens `sources` for `posting`: reads, evaluates and decides every row.
    pub fn run<'p>(
        posting: &'p Posting,
        sources: Vec<Source>,
        request: Request,
    ) -> Result<Screening<'p>, ReadError> {
        let again: Vec<(PathBuf, Options)> = sources
            .iter()
            .map(|s| (s.path.clone(), s.options.clone()))
            .collect();
        let engine = Engine::new(posting);
        let workers = if request.sequential {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_WORKERS))
        };
        let mut pass = Pass::new(&engine, None, workers);
        pass.read_all(sources, &request)?;
        if let Some(orders) = pass.reader().wrong_orders() {
            // A date was read in the order its column turned out not to have: read again.
            let sources = again
                .iter()
                .map(|(path, options)| Source::open(path, options))
                .collect::<Result<Vec<_>, _>>()?;
            pass = Pass::new(&engine, Some(orders), workers);
            pass.read_all(sources, &request)?;
        }
        if let Some(bar) = &request.progress {
            bar.finish_and_clear();
        }
        let reader = pass.reader();
        let scratch = pass.workers[0].scratch.clone();
        let Pass {
            mut facts,
            mut decisions,
            causes,
            inputs,
            cellars,
            audit_ids,
            audit_cells,
            latest,
            groups,
            ..
        } = pass;
        let kept = crate::rank::decide(
            posting,
            &facts,
            &mut decisions,
            request.top,
            !request.sequential,
        );
        let as_of = request
            .as_of
            .or_else(|| posting.meta.deadline.map(|d| d.at))
            .or(latest);
        // Only the places are needed from now on.
        facts.identities = Vec::new();
        facts.submitted = Vec::new();
        facts.keys = crate::rank::Keys::default();
        let slots = (0..READ_SLOTS)
            .map(|_| {
                Mutex::new(Slot {
                    rereaders: cellars
                        .iter()
                        .map(|(_, c)| match c {
                            Cellar::File(r) => Some(r.fork()),
                            Cellar::Memory(_) => None,
                        })
                        .collect(),
                    scratch: scratch.clone(),
                    last: None,
                    cells: crate::ingest::CellBuf::default(),
                })
            })
            .collect();
        Ok(Screening {
            posting,
            posting_sha256: request.posting_sha256,
            decisions,
            inputs,
            as_of,
            view: request.view,
            audit_column: request.audit_column,
            shortlist_size: request.top.unwrap_or(posting.shortlist.size),
            places: facts.places,
            causes,
            kept,
            groups,
            audit_ids,
            audit_cells,
            cellars,
            reader,
            slots,
            sequential: request.sequential,
            engine,
            reread_failure: std::sync::OnceLock::new(),
            decisive: decisive(posting),
        })
    }

    /// The group of entry `i`, when the posting shortlists per group.
    pub fn group(&self, i: usize) -> Option<&str> {
        let g = self.decisions.get(i)?.group?;
        self.groups.get(g.index()).map(|g| &**g)
    }

    /// For a duplicate, the row kept in its place.
    pub fn kept(&self, i: usize) -> Option<crate::rank::Kept> {
        self.kept.get(&(i as u32)).copied()
    }

    /// Data rows read, unreadable ones included.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether no data row was read.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The spreadsheet row number of entry `i`.
    pub fn row(&self, i: usize) -> u64 {
        self.places.get(i).map_or(0, |p| u64::from(p.row))
    }

    /// The input entry `i` comes from.
    pub fn file(&self, i: usize) -> usize {
        self.places.get(i).map_or(0, |p| p.file as usize)
    }

    /// Entry `i` with its cells, read again from its file when they are not in memory. Two
    /// threads may read at once, each with its own parser.
    pub fn entry(&self, i: usize) -> Entry {
        let slot = &self.slots[slot_of_thread() % self.slots.len()];
        let mut slot = slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((k, e)) = &slot.last
            && *k == i
        {
            return e.clone();
        }
        // The last entry holds the table too: let it go, so that the table is not copied.
        slot.last = None;
        let entry = self.read_entry(i, &mut slot);
        slot.last = Some((i, entry.clone()));
        entry
    }

    fn read_entry(&self, i: usize, slot: &mut Slot) -> Entry {
        let place = self.places[i];
        let (file, row) = (place.file as usize, u64::from(place.row));
        if let Some(cause) = self.causes.get(&(i as u32)) {
            return Entry::Unreadable {
                file,
                row,
                cause: cause.clone(),
            };
        }
        let audit = self
            .audit_ids
            .get(i)
            .and_then(|&a| self.audit_cells.get(a as usize))
            .map(|a| a.to_string());
        let cells = match (&self.cellars[file], slot.rereaders.get(file)) {
            ((_, Cellar::Memory(table)), _) => Ok(Cells::new(table.clone(), place.at as u32)),
            ((columns, Cellar::File(shared)), own) => {
                let rereader = own.and_then(Option::as_ref).unwrap_or(shared);
                let mut buf = std::mem::take(&mut slot.cells);
                buf.clear();
                let read = rereader
                    .read(place.at, columns, &mut buf)
                    .and_then(|()| {
                        let fields = self.posting.fields.len().min(buf.len());
                        let decisive = &self.decisive;
                        let again = crate::rank::row_check(
                            buf.cells(0, fields)
                                .enumerate()
                                .filter(|(f, _)| decisive.get(*f).copied().unwrap_or(false))
                                .map(|(_, c)| c),
                        );
                        if place.check != 0 && again != place.check {
                            return Err(crate::ingest::IngestError::Io(
                                rereader.path().into(),
                                std::io::Error::other(format!(
                                    "row {row} is no longer what it was when screened: the file changed; screen it again"
                                )),
                            ));
                        }
                        Ok(())
                    })
                    .map(|()| self.scratch_row(&buf, &mut slot.scratch));
                slot.cells = buf;
                read
            }
        };
        match cells {
            Ok(cells) => Entry::Candidate {
                file,
                row,
                cells,
                audit,
            },
            Err(e) => {
                let _ = self.reread_failure.set(e.to_string());
                Entry::Unreadable {
                    file,
                    row,
                    cause: Cause::Io(e.to_string()),
                }
            }
        }
    }

    /// Fails when a row could not be read again while an output was made: the file changed
    /// after it was screened, and the output would show rows that are not the ones screened.
    pub fn read_again_whole(&self) -> std::io::Result<()> {
        match self.reread_failure.get() {
            Some(why) => Err(std::io::Error::other(format!(
                "{why}; no output was written"
            ))),
            None => Ok(()),
        }
    }

    /// A row read again, as cells of a scratch table.
    fn scratch_row(&self, buf: &crate::ingest::CellBuf, scratch: &mut Arc<ColumnStore>) -> Cells {
        let width = self.posting.fields.len();
        let cells = buf.cells(0, width.min(buf.len()));
        let read = |f: FieldId, c: &str| self.reader.value(&self.engine, f, c);
        let t = Arc::make_mut(scratch);
        t.clear_rows();
        let row = t.push(cells, read);
        Cells::new(scratch.clone(), row)
    }

    /// Fails when a candidate file changed since it was screened: the rows an output shows
    /// are read again from it.
    pub fn unchanged(&self) -> Result<(), ReadError> {
        for (_, cellar) in &self.cellars {
            if let Cellar::File(rereader) = cellar {
                rereader.check()?;
            }
        }
        Ok(())
    }

    /// The cell of entry `i` in the audit column, if one was asked for.
    pub fn audit_cell(&self, i: usize) -> Option<&str> {
        let a = *self.audit_ids.get(i)?;
        self.audit_cells.get(a as usize).map(|c| &**c)
    }

    /// The fairness audit, when an audit column was given.
    pub fn audit(&self) -> Option<crate::audit::Audit> {
        self.audit_column
            .as_deref()
            .map(|c| {
                crate::audit::audit(c, &self.posting.requirements, &self.decisions, |i| {
                    self.audit_cell(i)
                })
            })
    }

    /// How many rows have each status, in [`crate::rank::STATUSES`] order.
    pub fn counts(&self) -> [usize; 6] {
        let mut out = [0; 6];
        for d in &self.decisions {
            if let Some(i) = crate::rank::STATUSES.iter().position(|s| *s == d.status) {
                out[i] += 1;
            }
        }
        out
    }

    /// The rows to list, in order: the ranked by group and rank, then the others by row.
    /// Without `all`, only the shortlisted.
    pub fn listed(&self) -> Vec<usize> {
        self.listing(self.view.all)
    }

    fn listing(&self, all: bool) -> Vec<usize> {
        let idx: Vec<usize> = (0..self.len())
            .filter(|&i| all || self.decisions[i].status == Status::Shortlisted)
            .collect();
        let bucket = |s: Status| -> u8 {
            match s {
                Status::Shortlisted | Status::Eligible => 0,
                Status::Review => 1,
                Status::Ineligible => 2,
                Status::Duplicate => 3,
                Status::Unreadable => 4,
            }
        };
        // Groups by their folded names, a number each, rows without one as the empty name:
        // rows sort on numbers alone.
        let folded: Vec<String> = self.groups.iter().map(|g| crate::text::fold(g)).collect();
        let mut names: Vec<&str> = folded.iter().map(String::as_str).chain([""]).collect();
        names.sort_unstable();
        names.dedup();
        let place = |name: &str| names.binary_search(&name).unwrap_or(0) as u32;
        let group_place: Vec<u32> = folded.iter().map(|f| place(f)).collect();
        let no_group = place("");
        // Bucket, group, rank and the entry, whose order is that of files and rows.
        let key = |i: usize| -> u128 {
            let d = &self.decisions[i];
            let (group, rank) = match bucket(d.status) {
                0 => (
                    d.group
                        .and_then(|g| group_place.get(g.index()).copied())
                        .unwrap_or(no_group),
                    d.rank.unwrap_or(u32::MAX),
                ),
                _ => (no_group, 0),
            };
            u128::from(bucket(d.status)) << 96
                | u128::from(group) << 64
                | u128::from(rank) << 32
                | i as u128
        };
        let mut keys: Vec<u128> = idx.iter().map(|&i| key(i)).collect();
        keys.sort_unstable();
        // The entry is in the lowest 32 bits: entries are numbered in 32 bits.
        keys.into_iter().map(|k| (k as u32) as usize).collect()
    }

    /// The full evaluation of row `i`, for its details; none for an unreadable row.
    pub fn evaluate(&self, i: usize) -> Option<(Vec<RuleEval>, Vec<RuleEval>)> {
        self.evaluate_entry(&self.entry(i))
    }

    /// The full evaluation of an entry already read; none for an unreadable one.
    pub fn evaluate_entry(&self, e: &Entry) -> Option<(Vec<RuleEval>, Vec<RuleEval>)> {
        match e {
            Entry::Candidate { cells, .. } => Some(self.engine.evaluate(cells)),
            Entry::Unreadable { .. } => None,
        }
    }

    /// Every row in listing order, whatever `view.all` says.
    pub fn listed_all(&self) -> Vec<usize> {
        self.listing(true)
    }

    /// The counts in words: `72 candidatures : 9 retenus, …`.
    pub fn summary_line(&self) -> String {
        let lang = self.view.lang;
        let counts = self.counts();
        let parts: Vec<String> = crate::rank::STATUSES
            .iter()
            .zip(counts)
            .map(|(s, n)| {
                format!(
                    "{n} {}",
                    if n == 1 {
                        s.label(lang)
                    } else {
                        s.plural(lang)
                    }
                )
            })
            .collect();
        format!(
            "{} {}{} {}",
            self.len(),
            lang.pick("candidatures", "applications"),
            lang.pick(" :", ":"),
            parts.join(", ")
        )
    }
}

/// Reads cells into values for a posting: the value of a cell and the posting's terms it names.
#[derive(Clone)]
struct CellReader {
    /// Items the posting looks for, per field.
    known: Vec<Vec<Term>>,
    /// The numbering plan of phone numbers written without a country code.
    plan: &'static phone::Plan,
    /// The day/month order each datetime field is read in.
    orders: Vec<dates::Order>,
    /// What the dates of each datetime field showed of their order so far.
    seen: Vec<OrderSeen>,
    /// What the dates of each field showed of their order to any reader of the same files
    /// ([`DAY_FIRST`], [`MONTH_FIRST`]): readers working on other rows learn it at once.
    shared: Arc<[AtomicU8]>,
    /// Whether the orders are fixed (known from a first reading).
    fixed: bool,
    fallback: dates::Order,
}

/// A date of the column showed that days come first.
const DAY_FIRST: u8 = 1;
/// A date of the column showed that months come first.
const MONTH_FIRST: u8 = 2;

/// What a datetime column showed of its order, and in which orders dates that depend on it
/// were read.
#[derive(Clone, Copy, Debug, Default)]
struct OrderSeen {
    day_first: bool,
    month_first: bool,
    read_day_first: bool,
    read_month_first: bool,
}

impl CellReader {
    fn new(
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
    fn absorb(&mut self, other: &CellReader) {
        for (mine, theirs) in self.seen.iter_mut().zip(&other.seen) {
            mine.day_first |= theirs.day_first;
            mine.month_first |= theirs.month_first;
            mine.read_day_first |= theirs.read_day_first;
            mine.read_month_first |= theirs.read_month_first;
        }
    }

    /// Reads from now on in the orders all the dates seen show.
    fn settle(&mut self) {
        if !self.fixed {
            self.orders = self.seen.iter().map(|s| s.order(self.fallback)).collect();
        }
    }

    /// The value of `cell` in field `f`, and the posting's terms it names; a date also tells
    /// its column's order.
    fn read(&mut self, engine: &Engine, f: FieldId, cell: &str) -> (Value, Hits) {
        let posting = engine.posting();
        if posting.fields[f].kind != FieldType::Datetime || self.fixed || cells::is_blank(cell) {
            return self.value(engine, f, cell);
        }
        let written = match dates::scan(cell) {
            Ok(w) => w,
            Err(why) => return (Value::Unknown(why), 0),
        };
        let seen = &mut self.seen[f];
        let news = match written.order_hint() {
            Some(dates::Order::DayFirst) if !seen.day_first => {
                seen.day_first = true;
                DAY_FIRST
            }
            Some(dates::Order::MonthFirst) if !seen.month_first => {
                seen.month_first = true;
                MONTH_FIRST
            }
            _ => 0,
        };
        let all = self.shared.get(f).map_or(0, |shared| {
            if news == 0 {
                shared.load(Ordering::Relaxed)
            } else {
                shared.fetch_or(news, Ordering::Relaxed) | news
            }
        });
        let known = OrderSeen {
            day_first: seen.day_first || all & DAY_FIRST != 0,
            month_first: seen.month_first || all & MONTH_FIRST != 0,
            ..*seen
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
    fn value(&self, engine: &Engine, f: FieldId, cell: &str) -> (Value, Hits) {
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

    fn resolve(&self, posting: &Posting, f: FieldId, written: &dates::Written) -> Value {
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
    fn wrong_orders(&self) -> Option<Vec<dates::Order>> {
        let finals: Vec<dates::Order> = self.seen.iter().map(|s| s.order(self.fallback)).collect();
        let wrong = self.seen.iter().zip(&finals).any(|(s, o)| match o {
            dates::Order::DayFirst => s.read_month_first,
            dates::Order::MonthFirst => s.read_day_first,
        });
        (wrong && !self.fixed).then_some(finals)
    }
}

impl OrderSeen {
    fn order(&self, fallback: dates::Order) -> dates::Order {
        match (self.day_first, self.month_first) {
            (true, false) => dates::Order::DayFirst,
            (false, true) => dates::Order::MonthFirst,
            _ => fallback,
        }
    }
}

/// Texts a worker's rows name (group and audit cells), each distinct one numbered once in
/// the order the worker meets them.
#[derive(Default)]
struct Labels {
    index: FxHashMap<Box<str>, u32>,
    all: Vec<Arc<str>>,
    /// How many were handed to the merging.
    sent: usize,
    /// The label of each distinct cell of a table's column (plus one; 0 for not yet),
    /// and the table's serial number.
    by_cell: Vec<u32>,
    serial: u64,
}

impl Labels {
    /// The number of `text`.
    fn id(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.index.get(text) {
            return id;
        }
        let id = self.all.len() as u32;
        self.all.push(Arc::from(text));
        self.index.insert(text.into(), id);
        id
    }

    /// The number of the text of distinct cell `cell` of the table numbered `serial`: the
    /// text is looked up once per cell.
    fn of_cell<'t>(&mut self, serial: u64, cell: u32, text: impl FnOnce() -> &'t str) -> u32 {
        if serial != self.serial {
            self.by_cell.clear();
            self.serial = serial;
        }
        let cell = cell as usize;
        if let Some(&known) = self.by_cell.get(cell).filter(|l| **l != 0) {
            return known - 1;
        }
        let id = self.id(text());
        if self.by_cell.len() <= cell {
            self.by_cell.resize(cell + 1, 0);
        }
        self.by_cell[cell] = id + 1;
        id
    }

    /// The labels numbered since the last call, in order.
    fn numbered_since(&mut self) -> Vec<Arc<str>> {
        let new = self.all.get(self.sent..).unwrap_or_default().to_vec();
        self.sent = self.all.len();
        new
    }
}

/// A worker's label as the merging knows it: its text, and the group and audit cell it
/// stands for once looked up.
struct Label {
    text: Arc<str>,
    group: Option<u32>,
    audit: Option<u32>,
}

/// One reading of the files: rows evaluated and decided as they come, by batches, on as
/// many threads as there are workers, and gathered in file order.
struct Pass<'e, 'p> {
    engine: &'e Engine<'p>,
    /// What each thread keeps between batches; the first also reads files kept in memory.
    workers: Vec<Worker<'e, 'p>>,
    facts: Facts,
    decisions: Vec<Decision>,
    causes: FxHashMap<u32, Cause>,
    inputs: Vec<Input>,
    cellars: Vec<(Vec<usize>, Cellar)>,
    audit_ids: Vec<u32>,
    audit_cells: Vec<Box<str>>,
    audit_index: FxHashMap<Box<str>, u32>,
    /// Each worker's labels, with the group and audit cell each stands for.
    labels: Vec<Vec<Label>>,
    /// Whether the shortlist is per group.
    shortlist_per: bool,
    /// Groups by folded value, shown with the spelling of their first row.
    groups: Vec<Arc<str>>,
    group_index: FxHashMap<String, u32>,
    latest: Option<DateTime<Utc>>,
}

/// What a thread screening batches keeps from one batch to the next: caches only, so that
/// any worker may take any batch.
struct Worker<'e, 'p> {
    engine: &'e Engine<'p>,
    reader: CellReader,
    /// Cells of rows that are not kept: each distinct repeated cell read once.
    scratch: Arc<ColumnStore>,
    memo: crate::engine::Memo,
    /// Which worker this is: the merging numbers its labels apart.
    id: usize,
    /// Group and audit cells, each distinct text numbered once.
    labels: Labels,
    /// Where the cells of each data row of a batch start.
    starts: Vec<usize>,
}

/// The rows of one batch, evaluated and decided, in file order.
struct Part {
    /// One per data row, unreadable ones included.
    places: Vec<Place>,
    decisions: Vec<Decision>,
    /// The worker that made it, whose labels the rows name.
    worker: usize,
    /// The worker's labels numbered while making it.
    labels: Vec<Arc<str>>,
    /// Each row's group cell as a label, when the shortlist is per group.
    groups: Vec<u32>,
    /// Each row's audit cell as a label, when an audit column is given; none for an
    /// unreadable row.
    audit: Vec<Option<u32>>,
    /// The rows whose requirements all pass, by index in the batch.
    eligible: Vec<u32>,
    keys: crate::rank::Keys,
    /// For each duplicate field, each row's identity key.
    identities: Vec<Vec<u64>>,
    submitted: Vec<i64>,
    on_time: Vec<bool>,
    causes: Vec<(u32, Cause)>,
    latest: Option<DateTime<Utc>>,
    empty_rows: u64,
    /// Bytes of the file read when the batch was full.
    position: u64,
}

/// How the rows of one file become cells for the posting's fields.
struct Layout<'a> {
    file: u32,
    path: &'a std::path::Path,
    /// For each field, where its cell is among the cells read of a row.
    slots: &'a [Option<usize>],
    /// Cells read per row.
    step: usize,
    audit_slot: Option<usize>,
}

impl<'e, 'p> Pass<'e, 'p> {
    fn new(engine: &'e Engine<'p>, orders: Option<Vec<dates::Order>>, workers: usize) -> Self {
        let width = engine.posting().fields.len();
        let shared: Arc<[AtomicU8]> = (0..width).map(|_| AtomicU8::new(0)).collect();
        Pass {
            engine,
            workers: (0..workers.max(1))
                .enumerate()
                .map(|(id, _)| Worker {
                    id,
                    engine,
                    reader: CellReader::new(engine, orders.clone(), shared.clone()),
                    scratch: Arc::new(ColumnStore::new(width)),
                    memo: engine.memo(),
                    labels: Labels::default(),
                    starts: Vec::new(),
                })
                .collect(),
            facts: Facts {
                keys: crate::rank::Keys::for_posting(engine.posting()),
                ..Facts::default()
            },
            decisions: Vec::new(),
            causes: FxHashMap::default(),
            inputs: Vec::new(),
            cellars: Vec::new(),
            audit_ids: Vec::new(),
            audit_cells: Vec::new(),
            audit_index: FxHashMap::default(),
            labels: Vec::new(),
            shortlist_per: engine.posting().shortlist.per.is_some(),
            groups: Vec::new(),
            group_index: FxHashMap::default(),
            latest: None,
        }
    }

    /// What the workers' dates showed of their columns' orders, put together.
    fn reader(&self) -> CellReader {
        let mut all = self.workers[0].reader.clone();
        for w in &self.workers[1..] {
            all.absorb(&w.reader);
        }
        all.settle();
        all
    }

    /// Reads every row of `sources`.
    fn read_all(&mut self, sources: Vec<Source>, request: &Request) -> Result<(), ReadError> {
        let posting = self.engine.posting();
        let width = posting.fields.len();
        let audit = request.audit_column.as_deref();
        let mut done_before = 0u64;
        let mut workers = std::mem::take(&mut self.workers);
        let decisive = decisive(posting);
        for (file, source) in sources.into_iter().enumerate() {
            let columns = map_columns(posting, &source)?;
            let audit_col = match audit {
                Some(name) => Some(column_index(&source.header, name).ok_or_else(|| {
                    ReadError::MissingColumn {
                        path: source.path.clone(),
                        field: String::new(),
                        column: name.into(),
                        nearest: crate::suggest::closest_text(
                            name,
                            source.header.iter().map(String::as_str),
                        )
                        .map(str::to_string),
                    }
                })?),
                None => None,
            };
            let mut input = Input {
                path: source.path.clone(),
                encoding: source.encoding.clone(),
                delimiter: source.delimiter,
                rows: 0,
                empty_rows: 0,
                sha256: String::new(),
            };
            let rereader = source.rereader();
            // A file kept in memory has a table of its own, whose cells need a memo of their own.
            let mut memory = rereader
                .is_none()
                .then(|| (Arc::new(ColumnStore::new(width)), self.engine.memo()));
            // Rows read again later need only the fields that decide; the others (names…) are
            // read with the rows shown.
            let keep = |f: usize| memory.is_some() || decisive[f];
            let mut slots: Vec<Option<usize>> = Vec::with_capacity(width);
            let mut wanted = Vec::with_capacity(width + 1);
            for (f, &c) in columns.iter().enumerate() {
                slots.push(keep(f).then_some(wanted.len()));
                if keep(f) {
                    wanted.push(c);
                }
            }
            let audit_slot = audit_col.map(|c| {
                wanted.push(c);
                wanted.len() - 1
            });
            // The source moves to the reading; rows name their file by this path.
            let path = source.path.clone();
            let layout = Layout {
                file: file as u32,
                path: &path,
                slots: &slots,
                step: wanted.len(),
                audit_slot,
            };
            let progress = request.progress.clone();
            let mut merge = |part: Part| {
                if let Some(bar) = &progress {
                    bar.set_position(done_before + part.position);
                }
                self.merge(part, &mut input);
                Ok(())
            };
            if memory.is_none() && !request.sequential && workers.len() > 1 {
                crate::ingest::for_each_batch_in_parallel(
                    source,
                    &wanted,
                    &mut workers,
                    |w, batch| w.batch(batch, &layout, &mut None),
                    merge,
                )?;
            } else {
                let first = &mut workers[0];
                crate::ingest::for_each_batch(source, &wanted, !request.sequential, |batch| {
                    merge(first.batch(batch, &layout, &mut memory)?)
                })?;
            }
            done_before += std::fs::metadata(&input.path).map_or(0, |m| m.len());
            let cellar = match (rereader, memory) {
                (Some(r), _) => Cellar::File(r),
                (None, Some((table, _))) => Cellar::Memory(table),
                (None, None) => Cellar::Memory(Arc::new(ColumnStore::new(width))),
            };
            self.cellars.push((columns, cellar));
            self.inputs.push(input);
        }
        self.workers = workers;
        Ok(())
    }

    /// Adds the rows of a batch, the next in file order.
    fn merge(&mut self, part: Part, input: &mut Input) {
        let base = self.facts.places.len() as u32;
        input.rows += part.places.len() as u64;
        input.empty_rows += part.empty_rows;
        if self.labels.len() <= part.worker {
            self.labels.resize_with(part.worker + 1, Vec::new);
        }
        let mut labels = std::mem::take(&mut self.labels[part.worker]);
        // A worker's parts are merged in the order it made them: its labels come in order.
        for text in part.labels {
            let group = self.shortlist_per.then(|| self.group_of(&text));
            labels.push(Label {
                text,
                group,
                audit: None,
            });
        }
        let mut group_ids = Vec::with_capacity(part.groups.len());
        let mut decisions = part.decisions;
        for (d, &l) in decisions.iter_mut().zip(&part.groups) {
            if let Some(g) = labels.get(l as usize).and_then(|l| l.group) {
                d.group = crate::rank::GroupId::new(g);
                group_ids.push(g);
            }
        }
        self.decisions.append(&mut decisions);
        for k in part.eligible {
            let group = group_ids.get(k as usize).copied().unwrap_or(0);
            self.facts.ranked.push((base + k, group));
        }
        self.facts.keys.append(part.keys);
        self.facts.places.extend(part.places);
        if self.facts.identities.len() < part.identities.len() {
            (self.facts.identities).resize(part.identities.len(), Vec::new());
        }
        for (all, more) in self.facts.identities.iter_mut().zip(part.identities) {
            all.extend(more);
        }
        self.facts.submitted.extend(part.submitted);
        self.facts.on_time.extend(part.on_time);
        for (k, cause) in part.causes {
            self.causes.insert(base + k, cause);
        }
        for a in part.audit {
            let label = a.and_then(|l| labels.get_mut(l as usize));
            let id = match label {
                None => u32::MAX,
                Some(Label {
                    audit: Some(id), ..
                }) => *id,
                Some(label) => {
                    let id = match self.audit_index.get(&*label.text) {
                        Some(&id) => id,
                        None => {
                            let id = self.audit_cells.len() as u32;
                            self.audit_cells.push(label.text.as_ref().into());
                            self.audit_index.insert(label.text.as_ref().into(), id);
                            id
                        }
                    };
                    label.audit = Some(id);
                    id
                }
            };
            self.audit_ids.push(id);
        }
        self.labels[part.worker] = labels;
        self.latest = self.latest.max(part.latest);
    }

    /// The group of a row whose group cell reads `text`: groups are told apart by folded
    /// value, and shown with the spelling of their first row.
    fn group_of(&mut self, text: &Arc<str>) -> u32 {
        let key = crate::text::fold(text);
        match self.group_index.get(&key) {
            Some(&g) => g,
            None => {
                let g = self.groups.len() as u32;
                self.groups.push(text.clone());
                self.group_index.insert(key, g);
                g
            }
        }
    }
}

impl Worker<'_, '_> {
    /// Reads, evaluates and decides the rows of `batch`; `memory` holds the rows of a file
    /// that cannot be read again.
    fn batch(
        &mut self,
        batch: &crate::ingest::Batch,
        layout: &Layout,
        memory: &mut Option<(Arc<ColumnStore>, crate::engine::Memo)>,
    ) -> Result<Part, ReadError> {
        let posting = self.engine.posting();
        let mut part = Part {
            places: Vec::with_capacity(batch.rows.len()),
            decisions: Vec::with_capacity(batch.rows.len()),
            worker: self.id,
            labels: Vec::new(),
            groups: Vec::new(),
            audit: Vec::new(),
            eligible: Vec::new(),
            keys: crate::rank::Keys::for_posting(posting),
            identities: vec![
                Vec::new();
                posting
                    .candidate
                    .duplicates
                    .as_ref()
                    .map_or(0, |d| d.by.len())
            ],
            submitted: Vec::new(),
            on_time: Vec::new(),
            causes: Vec::new(),
            latest: None,
            empty_rows: 0,
            position: batch.position,
        };
        // The cells of the data rows go into a table first, a column at a time.
        let starts = &mut self.starts;
        starts.clear();
        let mut next = 0;
        for meta in &batch.rows {
            if let RowMeta::Data { .. } = meta {
                starts.push(next);
                next += layout.step;
            }
        }
        let cells = &batch.cells;
        let column = |f: FieldId| {
            let slot = layout.slots.get(f).copied().flatten();
            starts
                .iter()
                .map(move |start| slot.map_or("", |k| cells.cell(start + k)))
        };
        let engine = self.engine;
        let reader = &mut self.reader;
        let read = |f: FieldId, c: &str| reader.read(engine, f, c);
        // A table of its own holds a file's rows when they cannot be read again; the others
        // pass through a scratch table that keeps only the cells that repeat.
        let (table, first) = match memory.as_mut() {
            Some((table, _)) => {
                let first = Arc::make_mut(table).push_rows(starts.len(), column, read);
                (table.clone(), first)
            }
            None => {
                let scratch = Arc::make_mut(&mut self.scratch);
                scratch.clear_rows();
                let first = scratch.push_rows(starts.len(), column, read);
                (self.scratch.clone(), first)
            }
        };
        // One view of the table, moved from row to row.
        let mut cells = Cells::new(table, first);
        let mut data = 0;
        for meta in &batch.rows {
            match meta {
                RowMeta::Empty { .. } => part.empty_rows += 1,
                RowMeta::Unreadable { number, cause } if cause.is_fatal() => {
                    return Err(ReadError::Fatal {
                        path: layout.path.into(),
                        row: *number,
                        cause: cause.clone(),
                    });
                }
                RowMeta::Unreadable { number, cause } => {
                    let k = part.places.len() as u32;
                    part.places.push(Place {
                        file: layout.file,
                        row: small_row(layout.path, *number)?,
                        at: 0,
                        check: 0,
                    });
                    part.causes.push((k, cause.clone()));
                    part.decisions.push(crate::rank::unreadable());
                    self.no_facts(&mut part, layout.audit_slot.is_some());
                }
                RowMeta::Data { number, at } => {
                    let audit_cell = layout
                        .audit_slot
                        .zip(self.starts.get(data))
                        .map(|(k, start)| batch.cells.cell(start + k));
                    let row = first + data as u32;
                    // Rows read again from their file must be these cells.
                    let check = match (&memory, self.starts.get(data)) {
                        // The fields that decide, the cells read now (no audit cell).
                        (None, Some(&start)) => crate::rank::row_check(
                            layout
                                .slots
                                .iter()
                                .filter_map(|slot| slot.map(|k| batch.cells.cell(start + k))),
                        ),
                        _ => 0,
                    };
                    data += 1;
                    let (at, memo) = match memory.as_mut() {
                        Some((_, memo)) => (u64::from(row), memo),
                        None => (*at, &mut self.memo),
                    };
                    let place = Place {
                        file: layout.file,
                        row: small_row(layout.path, *number)?,
                        at,
                        check,
                    };
                    cells.move_to(row);
                    Self::candidate(
                        self.engine,
                        &mut self.labels,
                        &mut part,
                        place,
                        &cells,
                        audit_cell,
                        memo,
                    );
                }
            }
        }
        part.labels = self.labels.numbered_since();
        Ok(part)
    }

    /// Facts of a row that has none to give: an unreadable one.
    fn no_facts(&mut self, part: &mut Part, audit: bool) {
        let posting = self.engine.posting();
        if posting.candidate.duplicates.is_some() {
            for keys in &mut part.identities {
                keys.push(0);
            }
            part.submitted.push(i64::MIN);
            part.on_time.push(false);
        }
        if audit {
            part.audit.push(None);
        }
        if posting.shortlist.per.is_some() {
            part.groups.push(self.labels.id(""));
        }
    }

    /// Evaluates and decides one data row, whose cells are `cells`.
    fn candidate(
        engine: &Engine,
        labels: &mut Labels,
        part: &mut Part,
        place: Place,
        cells: &Cells,
        audit: Option<&str>,
        memo: &mut crate::engine::Memo,
    ) {
        let posting = engine.posting();
        let k = part.places.len() as u32;
        part.places.push(place);
        let compact = engine.outcomes_with(cells, memo);
        if let Some(f) = posting.shortlist.per {
            let text = || match cells.value(f) {
                Value::Text(t) => t.trim(),
                Value::YesNo(true) => "oui",
                Value::YesNo(false) => "non",
                _ => "",
            };
            let label = match cells.keys().get(f) {
                Some(cell) => labels.of_cell(cells.table_serial(), cell, text),
                None => labels.id(text()),
            };
            part.groups.push(label);
        }
        // The group is named when the rows are gathered in order.
        let decision = crate::rank::decision(compact);
        if decision.status == Status::Eligible {
            part.eligible.push(k);
            for tb in &posting.shortlist.tie_break {
                let value = match tb.key {
                    crate::posting::SortKey::Field(f) => Some(cells.value(f)),
                    _ => None,
                };
                part.keys.push(
                    crate::rank::sort_value(tb.key, decision.score, u64::from(place.row), value),
                    tb.descending,
                );
            }
        }
        let submitted = posting
            .candidate
            .submitted_at
            .and_then(|f| match cells.value(f) {
                Value::Instant(t) => Some(*t),
                _ => None,
            });
        if let Some(d) = &posting.candidate.duplicates {
            for (keys, &f) in part.identities.iter_mut().zip(&d.by) {
                keys.push(crate::rank::identity(f, cells.value(f)));
            }
            part.submitted
                .push(submitted.map_or(i64::MIN, |t| t.at.timestamp_micros()));
            part.on_time
                .push(submitted.is_some_and(|t| match &posting.meta.deadline {
                    Some(d) => on_time(&t, d) == Outcome::Pass,
                    None => true,
                }));
        }
        if let Some(t) = submitted {
            part.latest = part.latest.max(Some(t.at));
        }
        if let Some(a) = audit {
            part.audit.push(Some(labels.id(a)));
        }
        part.decisions.push(decision);
    }
}

/// Which fields decisions read: those of the rules, the group, the tie-breaks, the duplicate
/// keys and the submission time.
fn decisive(p: &Posting) -> Vec<bool> {
    let mut out = vec![false; p.fields.len()];
    let mut mark = |f: FieldId| {
        if let Some(x) = out.get_mut(f) {
            *x = true;
        }
    };
    for r in p.requirements.iter().chain(&p.preferences) {
        r.rule.fields().into_iter().for_each(&mut mark);
    }
    p.shortlist.per.into_iter().for_each(&mut mark);
    for tb in &p.shortlist.tie_break {
        if let crate::posting::SortKey::Field(f) = tb.key {
            mark(f);
        }
    }
    if let Some(d) = &p.candidate.duplicates {
        d.by.iter().copied().for_each(&mut mark);
    }
    p.candidate.submitted_at.into_iter().for_each(&mut mark);
    out
}

/// A row number as kept: a file of more than four billion rows is no candidate export.
fn small_row(path: &std::path::Path, number: u64) -> Result<u32, ReadError> {
    u32::try_from(number).map_err(|_| ReadError::Fatal {
        path: path.to_path_buf(),
        row: number,
        cause: Cause::Io("more rows than a candidate export holds".into()),
    })
}

/// Why the candidate files cannot be screened.
#[derive(Debug)]
pub enum ReadError {
    /// A file cannot be read.
    Ingest(IngestError),
    /// A row no candidate export would hold (a giant cell or row): the file is refused.
    Fatal {
        /// The file.
        path: PathBuf,
        /// The row.
        row: u64,
        /// What is wrong.
        cause: Cause,
    },
    /// A column the posting maps is not in a file's header.
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The field (empty for the audit column).
        field: String,
        /// Its column.
        column: String,
        /// The nearest header, if any is near.
        nearest: Option<String>,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Ingest(e) => e.fmt(f),
            ReadError::Fatal { path, row, cause } => write!(
                f,
                "{}: row {row}: {}",
                path.display(),
                cause.describe(Lang::En)
            ),
            ReadError::MissingColumn {
                path,
                field,
                column,
                nearest,
            } => {
                if field.is_empty() {
                    write!(
                        f,
                        "{}: row 1: the audit column `{column}` is not in the header",
                        path.display()
                    )?;
                } else {
                    write!(
                        f,
                        "{}: row 1: column `{column}` (field `{field}` of the posting) is not in the header",
                        path.display()
                    )?;
                }
                match nearest {
                    Some(n) => write!(f, "; did you mean `{n}`?"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl std::error::Error for ReadError {}

impl From<IngestError> for ReadError {
    fn from(e: IngestError) -> Self {
        ReadError::Ingest(e)
    }
}

/// The column of each posting field in `source`'s header.
fn map_columns(posting: &Posting, source: &Source) -> Result<Vec<usize>, ReadError> {
    posting
        .fields
        .iter()
        .map(|f| {
            column_index(&source.header, &f.column).ok_or_else(|| ReadError::MissingColumn {
                path: source.path.clone(),
                field: f.name.clone(),
                column: f.column.clone(),
                nearest: crate::suggest::closest_text(
                    &f.column,
                    source.header.iter().map(String::as_str),
                )
                .map(str::to_string),
            })
        })
        .collect()
}
