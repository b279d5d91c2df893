//! Reading candidate files for a posting: each row's cells for the posting's fields, read into
//! typed values. Dates are read once the whole column is seen, so that its day/month order is
//! known.

use crate::cells::{self, Context, Value, dates};
use crate::engine::{Cells, Engine, RuleEval};
use crate::i18n::Lang;
use crate::ingest::{Cause, IngestError, RowMeta, Source, column_index};
use crate::posting::FieldId;
use crate::posting::{FieldType, Posting};
use crate::rank::{Decision, Status};
use crate::table::Table;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::sync::Arc;

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

/// A posting applied to candidate files: every row, its decision, and where it came from.
pub struct Screening<'p> {
    /// The posting.
    pub posting: &'p Posting,
    /// SHA-256 of the posting file, in hex.
    pub posting_sha256: String,
    /// Every data row, in input order.
    pub entries: Vec<Entry>,
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
}

impl Screening<'_> {
    /// Screens `sources` for `posting`: reads, evaluates and decides every row.
    pub fn run<'p>(
        posting: &'p Posting,
        sources: Vec<Source>,
        request: Request,
    ) -> Result<Screening<'p>, ReadError> {
        let Request {
            posting_sha256,
            top,
            as_of,
            view,
            audit_column,
            progress,
            sequential,
        } = request;
        let engine = Engine::new(posting);
        let (entries, inputs) = read(
            &engine,
            sources,
            audit_column.as_deref(),
            progress.as_ref(),
            sequential,
        )?;
        if let Some(bar) = &progress {
            bar.finish_and_clear();
        }
        let evals = entries
            .iter()
            .map(|e| match e {
                Entry::Candidate { cells, .. } => Some(engine.outcomes(cells)),
                Entry::Unreadable { .. } => None,
            })
            .collect();
        let decisions = crate::rank::decide(posting, &entries, evals, top);
        let as_of = as_of
            .or_else(|| posting.meta.deadline.map(|d| d.at))
            .or_else(|| {
                let f = posting.candidate.submitted_at?;
                entries
                    .iter()
                    .filter_map(|e| match e {
                        Entry::Candidate { cells, .. } => match cells.value(f) {
                            Value::Instant(i) => Some(i.at),
                            _ => None,
                        },
                        Entry::Unreadable { .. } => None,
                    })
                    .max()
            });
        Ok(Screening {
            posting,
            posting_sha256,
            entries,
            decisions,
            inputs,
            as_of,
            view,
            audit_column,
            shortlist_size: top.unwrap_or(posting.shortlist.size),
            engine,
        })
    }

    /// The fairness audit, when an audit column was given.
    pub fn audit(&self) -> Option<crate::audit::Audit> {
        self.audit_column
            .as_deref()
            .map(|c| crate::audit::audit(self, c))
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
        let mut idx: Vec<usize> = (0..self.entries.len())
            .filter(|&i| all || self.decisions[i].status == Status::Shortlisted)
            .collect();
        let bucket = |s: Status| match s {
            Status::Shortlisted | Status::Eligible => 0,
            Status::Review => 1,
            Status::Ineligible => 2,
            Status::Duplicate => 3,
            Status::Unreadable => 4,
        };
        idx.sort_by_key(|&i| {
            let d = &self.decisions[i];
            let ranked = bucket(d.status) == 0;
            (
                bucket(d.status),
                if ranked {
                    d.group
                        .as_deref()
                        .map(crate::text::fold)
                        .unwrap_or_default()
                } else {
                    String::new()
                },
                if ranked {
                    d.rank.unwrap_or(u32::MAX)
                } else {
                    0
                },
                self.entries[i].file(),
                self.entries[i].row(),
            )
        });
        idx
    }

    /// The full evaluation of row `i`, for its details; none for an unreadable row.
    pub fn evaluate(&self, i: usize) -> Option<(Vec<RuleEval>, Vec<RuleEval>)> {
        match self.entries.get(i)? {
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
            self.entries.len(),
            lang.pick("candidatures", "applications"),
            lang.pick(" :", ":"),
            parts.join(", ")
        )
    }
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

/// Every data row of `sources`, in input order, read for `engine`'s posting.
pub fn read(
    engine: &Engine,
    sources: Vec<Source>,
    audit: Option<&str>,
    progress: Option<&indicatif::ProgressBar>,
    sequential: bool,
) -> Result<(Vec<Entry>, Vec<Input>), ReadError> {
    let mut done_before = 0u64;
    let posting = engine.posting();
    let width = posting.fields.len();
    let mut table = Table::new(width);
    let mut pending: Vec<Pending> = Vec::new();
    let mut inputs = Vec::new();
    let known: Vec<_> = (0..width).map(|f| engine.known_items(f)).collect();
    let zone = posting.meta.timezone;
    let mut read_cell = |f: FieldId, cell: &str| -> (Value, crate::table::Hits) {
        let field = &posting.fields[f];
        if field.kind == FieldType::Datetime {
            // Read once the column's day/month order is known.
            return (Value::Blank, 0);
        }
        let cx = Context {
            phone_country: &posting.meta.phone_country,
            known_items: &known[f],
            separator: field.separator.as_deref(),
            order: dates::Order::DayFirst,
            zone: &zone,
        };
        let value = cells::read(field.kind, cell, &cx);
        let hits = engine.hits(f, &value);
        (value, hits)
    };
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
        let mut wanted = columns.clone();
        wanted.extend(audit_col);
        let step = wanted.len();
        let path = input.path.clone();
        crate::ingest::for_each_batch(source, &wanted, !sequential, |batch| {
            let mut next = 0;
            for meta in &batch.rows {
                match meta {
                    RowMeta::Empty { .. } => input.empty_rows += 1,
                    RowMeta::Unreadable { number, cause } if cause.is_fatal() => {
                        return Err(ReadError::Fatal {
                            path: path.clone(),
                            row: *number,
                            cause: cause.clone(),
                        });
                    }
                    RowMeta::Unreadable { number, cause } => {
                        input.rows += 1;
                        pending.push(Pending::Unreadable {
                            file,
                            row: *number,
                            cause: cause.clone(),
                        });
                    }
                    RowMeta::Data { number } => {
                        input.rows += 1;
                        let at = table.push(batch.cells.cells(next, next + width), &mut read_cell);
                        let audit = audit_col.map(|_| batch.cells.cell(next + width).to_string());
                        next += step;
                        pending.push(Pending::Candidate {
                            file,
                            row: *number,
                            at,
                            audit,
                        });
                    }
                }
            }
            if let Some(bar) = progress {
                bar.set_position(done_before + batch.position);
            }
            Ok(())
        })?;
        done_before += std::fs::metadata(&input.path).map_or(0, |m| m.len());
        inputs.push(input);
    }
    read_dates(posting, &mut table);
    let table = Arc::new(table);
    let entries = pending
        .into_iter()
        .map(|p| match p {
            Pending::Candidate {
                file,
                row,
                at,
                audit,
            } => Entry::Candidate {
                file,
                row,
                cells: Cells::new(table.clone(), at),
                audit,
            },
            Pending::Unreadable { file, row, cause } => Entry::Unreadable { file, row, cause },
        })
        .collect();
    Ok((entries, inputs))
}

/// A row read, before the table it points into is complete.
enum Pending {
    Candidate {
        file: usize,
        row: u64,
        at: u32,
        audit: Option<String>,
    },
    Unreadable {
        file: usize,
        row: u64,
        cause: Cause,
    },
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

/// Reads the datetime cells, each column in the day/month order its dates show.
fn read_dates(posting: &Posting, table: &mut Table) {
    let fallback = match posting.meta.language {
        Lang::Fr => dates::Order::DayFirst,
        Lang::En => dates::Order::MonthFirst,
    };
    for (f, field) in posting.fields.iter().enumerate() {
        if field.kind != FieldType::Datetime {
            continue;
        }
        let scanned: Vec<Result<dates::Written, String>> = table
            .distinct(f)
            .iter()
            .map(|raw| dates::scan(raw))
            .collect();
        let order = dates::detect_order(scanned.iter().filter_map(|w| w.as_ref().ok()), fallback);
        let zone = field.timezone.unwrap_or(posting.meta.timezone);
        let values: Vec<Value> = table
            .distinct(f)
            .iter()
            .zip(scanned)
            .map(|(raw, written)| {
                if cells::is_blank(raw) {
                    Value::Blank
                } else {
                    match written.and_then(|w| w.resolve(order, &zone)) {
                        Ok(i) => Value::Instant(i),
                        Err(why) => Value::Unknown(why),
                    }
                }
            })
            .collect();
        for (i, v) in values.into_iter().enumerate() {
            table.set_value(f, i, v);
        }
    }
}
