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
//!
//! # How the hot path works
//!
//! 1. `ingest` hands rows over in batches of 1,024, as byte ranges of the fields that decide
//!    ([`passes::decisive`]); a reading thread parses ahead while the workers screen.
//! 2. Each worker ([`passes`]) pushes a row into its column store ([`crate::store`]): a cell
//!    seen before is found in a small direct-mapped cache or the column's hash index, so its
//!    value and the posting's terms it names are read once per distinct cell, not per row.
//! 3. The engine's memo ([`crate::engine::Memo`]) remembers each rule's outcome and points by
//!    the ids of the cells it reads: a row whose cells were all seen costs a few lookups.
//! 4. A row leaves its [`crate::rank::Place`] (file, row, byte position, a hash of its
//!    deciding cells), its [`crate::rank::Decision`] (two bits per rule) and what ranking
//!    reads: about 140 bytes, whatever its cells hold.
//! 5. Ranking runs once at the end; outputs read the rows they show again ([`reread`]).
//!
//! What a change must keep, and what guards it:
//!
//! - The engine compiles each rule once into a tree (`engine::Node`): a `degree` or
//!   `includes` rule holds its term group, whose bits in [`crate::store::Hits`] follow those
//!   of the rules before it (62 of them, then flags; terms past them are matched from the
//!   values). A new rule kind that seeks terms gets its group in `Engine::compile`, the one
//!   walk. Guard: the engine's twin tests (hits against values, memo against a full
//!   evaluation, on the examples) and `term_groups_take_adjacent_bits_in_rule_order`.
//! - A score is the sum of its rules' points in `f64`, the memo keeping them as a full
//!   evaluation gives them: a score and its explanation agree. Guard: the memo's twin test
//!   compares outcomes and score with a full evaluation on the examples.
//! - Outputs render on as many threads as there are [`READ_SLOTS`], so that no render thread
//!   waits for another's parser.
//! - Row numbers fit in `u32` ([`passes::small_row`] refuses a file with more).
//! - Sequential and parallel screening give the same decisions. Guard:
//!   `passes::tests::every_core_decides_as_one_does` and `tests/it/parallel.rs`.
//!
//! To measure a change: `bench/run.sh` (time and peak memory against the csv crate's parse
//! floor, at 10k, 100k and 1M rows), and `scripts/same-outputs.sh OLD NEW` for a change that
//! must not change any output.

use crate::engine::{Cells, Engine, RuleEval};
use crate::i18n::Lang;
use crate::ingest::{Cause, Options, Source};
use crate::posting::Posting;
use crate::rank::{Decision, Place, Status};
use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

mod columns;
mod errors;
mod labels;
mod order;
mod passes;
mod reread;
#[cfg(test)]
pub(crate) mod testing;

pub use columns::audit_column;
use columns::map_columns;
pub use errors::ReadError;
use labels::{Label, Labels};
use order::CellReader;
use passes::{ScreeningPass, decisive};
pub use reread::READ_SLOTS;
use reread::{RereadSource, Rereading};

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
    /// The folder the output is written in, for the links a report makes (none: the
    /// working folder).
    pub written_in: Option<PathBuf>,
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
    /// What a person verified of earlier screenings (`--verified`).
    pub verified: Arc<crate::verify::Verified>,
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
    sources_again: Vec<(Vec<usize>, RereadSource)>,
    reader: CellReader,
    /// What threads reading rows again keep, one slot per thread.
    slots: Vec<Mutex<Rereading>>,
    /// Why a row could not be read again, the first time one could not: the file changed
    /// since it was screened, and no output may be made of it.
    reread_failure: std::sync::OnceLock<String>,
    /// The fields whose cells decide, read at the first reading and checked when read again.
    decisive: Vec<bool>,
    /// Rows of one name, neither duplicates nor unreadable, for a person to decide.
    pub possible_duplicates: Vec<Vec<u32>>,
    /// The group of `possible_duplicates` of each entry, `u32::MAX` for none; empty when
    /// there are none (4 bytes an entry: a map of a million entries took about 20 MB).
    same_name_group: Vec<u32>,
    /// What a person verified (`--verified`).
    pub verified: Arc<crate::verify::Verified>,
    /// The corrections applied to each row, by file and row: indices into
    /// `verified.corrections`.
    corrected: FxHashMap<(u32, u32), Vec<usize>>,
    /// The lines of `--verified` not applied, and why, to tell on stderr.
    pub verify_warnings: Vec<String>,
}

/// What the lines of `--verified` came to once the rows were read.
struct Told {
    corrected: FxHashMap<(u32, u32), Vec<usize>>,
    joined: Vec<(u32, u32)>,
    /// The entries a person said are, or are not, one applicant with another.
    settled: rustc_hash::FxHashSet<u32>,
    warnings: Vec<String>,
}

/// The corrections that applied, by row; the rows a person joined, as pairs of entries; and
/// a warning for each line that named a row no longer the candidate's, or no row read.
fn told_lines(
    verified: &crate::verify::Verified,
    verifying: &passes::Verifying,
    places: &[crate::rank::Place],
    inputs: &[Input],
) -> Told {
    use crate::i18n::catalogue as msg;
    let lang = crate::i18n::messages();
    let corrections = verifying
        .corrections
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    let decisions = verifying
        .decisions
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    let mut told = Told {
        corrected: FxHashMap::default(),
        joined: Vec::new(),
        settled: Default::default(),
        warnings: Vec::new(),
    };
    let file_of = |name: &str| {
        inputs.iter().position(|i| {
            i.path.display().to_string() == name
                || i.path.file_name().map(|n| n.to_string_lossy().into_owned())
                    == std::path::Path::new(name)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
        })
    };
    // The entries of the rows the decisions name, found in one pass over the places: a map
    // of every row was the peak of memory (27 MB at 1M rows), with or without decisions.
    let mut entry_of: FxHashMap<(u32, u32), u32> = verified
        .decisions
        .iter()
        .map(|d| {
            let file = file_of(&d.candidate.file).unwrap_or(0) as u32;
            ((file, d.candidate.row as u32), u32::MAX)
        })
        .collect();
    if !entry_of.is_empty() {
        for (i, p) in places.iter().enumerate() {
            if let Some(entry) = entry_of.get_mut(&(p.file, p.row)) {
                *entry = i as u32;
            }
        }
    }
    let mut warn = |at: &crate::verify::Line, c: &crate::verify::Candidate, fits: Option<bool>| {
        let path = verified.path(at.file);
        told.warnings.push(match fits {
            Some(_) => msg::verified_line_moved(lang, &path, at.line, &c.file, c.row),
            None => msg::verified_line_nowhere(lang, &path, at.line, &c.file, c.row),
        });
    };
    for (k, c) in verified.corrections.iter().enumerate() {
        match corrections.get(&k) {
            Some(true) => {
                let file = file_of(&c.candidate.file).unwrap_or(0) as u32;
                told.corrected
                    .entry((file, c.candidate.row as u32))
                    .or_default()
                    .push(k);
            }
            fits => warn(&c.at, &c.candidate, fits.copied()),
        }
    }
    // Rows marked as one person in a group of the same worksheet are joined.
    let mut same: FxHashMap<(usize, &str), Vec<u32>> = FxHashMap::default();
    for (k, d) in verified.decisions.iter().enumerate() {
        match decisions.get(&k) {
            Some(true) => {
                let file = file_of(&d.candidate.file).unwrap_or(0) as u32;
                let entry = entry_of
                    .get(&(file, d.candidate.row as u32))
                    .filter(|&&e| e != u32::MAX);
                if let Some(&entry) = entry {
                    told.settled.insert(entry);
                    if d.same {
                        same.entry((d.at.file, d.group.as_str()))
                            .or_default()
                            .push(entry);
                    }
                }
            }
            fits => warn(&d.at, &d.candidate, fits.copied()),
        }
    }
    let mut groups: Vec<Vec<u32>> = same.into_values().collect();
    groups.sort_unstable();
    for g in groups {
        told.joined.extend(g.windows(2).map(|w| (w[0], w[1])));
    }
    told
}

/// The group of `groups` each of `entries` entries is in (`u32::MAX` for none); empty when
/// there are no groups.
fn group_of_entries(groups: &[Vec<u32>], entries: usize) -> Vec<u32> {
    if groups.is_empty() {
        return Vec::new();
    }
    let mut of = vec![u32::MAX; entries];
    for (g, group) in groups.iter().enumerate() {
        for &i in group {
            if let Some(slot) = of.get_mut(i as usize) {
                *slot = g as u32;
            }
        }
    }
    of
}

/// Threads that screen batches of rows at most.
const MAX_WORKERS: usize = 8;

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
        let mut pass = ScreeningPass::new(&engine, None, workers);
        pass.read_all(sources, &request)?;
        if let Some(orders) = pass.reader().wrong_orders() {
            // A date was read in the order its column turned out not to have: read again.
            let sources = again
                .iter()
                .map(|(path, options)| Source::open(path, options))
                .collect::<Result<Vec<_>, _>>()?;
            pass = ScreeningPass::new(&engine, Some(orders), workers);
            pass.read_all(sources, &request)?;
        }
        if let Some(bar) = &request.progress {
            bar.finish_and_clear();
        }
        let reader = pass.reader();
        let scratch = pass.workers[0].scratch.clone();
        let ScreeningPass {
            mut facts,
            mut decisions,
            causes,
            inputs,
            sources_again,
            audit_ids,
            audit_cells,
            latest,
            groups,
            verifying,
            ..
        } = pass;
        let verified = request.verified.clone();
        let told = told_lines(&verified, &verifying, &facts.places, &inputs);
        facts.joined = told.joined;
        let kept = crate::rank::decide(
            posting,
            &facts,
            &mut decisions,
            request.top,
            !request.sequential,
        );
        // Only the places and names are needed from now on: what decided is let go before the
        // names are sorted, so that the two are not in memory at once.
        facts.identities = Vec::new();
        facts.submitted = Vec::new();
        facts.on_time = Vec::new();
        facts.keys = crate::rank::Keys::default();
        // Groups whose every row a person settled are not asked again.
        let possible_duplicates: Vec<Vec<u32>> =
            crate::rank::possible_duplicates(&facts.names, &decisions)
                .into_iter()
                .filter(|g| !g.iter().all(|e| told.settled.contains(e)))
                .collect();
        let as_of = request
            .as_of
            .or_else(|| posting.meta.deadline.map(|d| d.at))
            .or(latest);
        facts.names = Vec::new();
        let slots = (0..READ_SLOTS)
            .map(|_| {
                Mutex::new(Rereading {
                    rereaders: sources_again
                        .iter()
                        .map(|(_, c)| match c {
                            RereadSource::File(r) => Some(r.fork()),
                            RereadSource::Memory(_) => None,
                        })
                        .collect(),
                    scratch: scratch.clone(),
                    last: None,
                    cells: crate::ingest::CellBuf::default(),
                })
            })
            .collect();
        let same_name_group = group_of_entries(&possible_duplicates, facts.places.len());
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
            sources_again,
            reader,
            slots,
            sequential: request.sequential,
            engine,
            reread_failure: std::sync::OnceLock::new(),
            decisive: decisive(posting, !request.verified.is_empty()),
            same_name_group,
            possible_duplicates,
            verified,
            corrected: told.corrected,
            verify_warnings: told.warnings,
        })
    }

    /// The corrections a person verified that apply to entry `i`.
    pub fn corrections(&self, i: usize) -> Vec<&crate::verify::Correction> {
        let place = &self.places[i];
        self.corrected
            .get(&(place.file, place.row))
            .map(|ks| {
                ks.iter()
                    .filter_map(|&k| self.verified.corrections.get(k))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The other rows of entry `i`'s name, when it is a possible duplicate, and how many
    /// they are (a common name may be a thousand rows': counted without walking them).
    pub fn same_name(&self, i: usize) -> Option<(impl Iterator<Item = usize> + '_, usize)> {
        let g = *self.same_name_group.get(i).filter(|&&g| g != u32::MAX)?;
        let group = self.possible_duplicates.get(g as usize)?;
        let others = group.iter().map(|&j| j as usize).filter(move |&j| j != i);
        Some((others, group.len().saturating_sub(1)))
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

    /// The cell of entry `i` in the audit column, if one was asked for.
    pub fn audit_cell(&self, i: usize) -> Option<&str> {
        let a = *self.audit_ids.get(i)?;
        self.audit_cells.get(a as usize).map(|c| &**c)
    }

    /// The fairness audit, when an audit column was given.
    pub fn audit(&self) -> Option<crate::audit::Audit> {
        self.audit_column.as_deref().map(|c| {
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
        let key = |i: usize| -> (u8, u32, u32, usize) {
            let d = &self.decisions[i];
            match bucket(d.status) {
                0 => (
                    0,
                    d.group
                        .and_then(|g| group_place.get(g.index()).copied())
                        .unwrap_or(no_group),
                    d.rank.unwrap_or(u32::MAX),
                    i,
                ),
                b => (b, no_group, 0, i),
            }
        };
        let mut idx = idx;
        idx.sort_by_cached_key(|&i| key(i));
        idx
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
            .map(|(s, n)| s.counted(n, lang))
            .collect();
        format!(
            "{}{} {}",
            lang.count(
                self.len(),
                ("candidature", "candidatures"),
                ("application", "applications")
            ),
            lang.pick(" :", ":"),
            parts.join(", ")
        )
    }
}
