//! The passes over the candidate files: batches of rows screened on every core (each worker
//! reads, evaluates and decides its rows), then merged in file order.

use super::{CellReader, Input, Label, Labels, ReadError, Request, RereadSource, map_columns};
use crate::cells::{Value, dates};
use crate::engine::{Cells, Engine, Outcome, on_time};
use crate::ingest::{Cause, RowMeta, Source, column_index};
use crate::posting::{FieldId, Posting};
use crate::rank::{Decision, DecisionInputs, Place, Status};
use crate::store::ColumnStore;
use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use std::sync::Arc;
use std::sync::atomic::AtomicU8;

/// One reading of the files: rows evaluated and decided as they come, by batches, on as
/// many threads as there are workers, and gathered in file order.
pub(super) struct ScreeningPass<'e, 'p> {
    pub(super) engine: &'e Engine<'p>,
    /// What each thread keeps between batches; the first also reads files kept in memory.
    pub(super) workers: Vec<Worker<'e, 'p>>,
    pub(super) facts: DecisionInputs,
    pub(super) decisions: Vec<Decision>,
    pub(super) causes: FxHashMap<u32, Cause>,
    pub(super) inputs: Vec<Input>,
    pub(super) sources_again: Vec<(Vec<usize>, RereadSource)>,
    pub(super) audit_ids: Vec<u32>,
    pub(super) audit_cells: Vec<Box<str>>,
    pub(super) audit_index: FxHashMap<Box<str>, u32>,
    /// Each worker's labels, with the group and audit cell each stands for.
    pub(super) labels: Vec<Vec<Label>>,
    /// Whether the shortlist is per group.
    pub(super) shortlist_per: bool,
    /// Groups by folded value, shown with the spelling of their first row.
    pub(super) groups: Vec<Arc<str>>,
    pub(super) group_index: FxHashMap<String, u32>,
    pub(super) latest: Option<DateTime<Utc>>,
    pub(super) verifying: Verifying,
}

/// What a thread screening batches keeps from one batch to the next: caches only, so that
/// any worker may take any batch.
pub(super) struct Worker<'e, 'p> {
    pub(super) engine: &'e Engine<'p>,
    pub(super) reader: CellReader,
    /// Cells of rows that are not kept: each distinct repeated cell read once.
    pub(super) scratch: Arc<ColumnStore>,
    pub(super) memo: crate::engine::Memo,
    /// Which worker this is: the merging numbers its labels apart.
    pub(super) id: usize,
    /// Group and audit cells, each distinct text numbered once.
    pub(super) labels: Labels,
    /// Where the cells of each data row of a batch start.
    pub(super) starts: Vec<usize>,
}

/// The rows of one batch, evaluated and decided, in file order.
pub(super) struct ScreenedBatch {
    /// One per data row, unreadable ones included.
    pub(super) places: Vec<Place>,
    pub(super) decisions: Vec<Decision>,
    /// The worker that made it, whose labels the rows name.
    pub(super) worker: usize,
    /// The worker's labels numbered while making it.
    pub(super) labels: Vec<Arc<str>>,
    /// Each row's group cell as a label, when the shortlist is per group.
    pub(super) groups: Vec<u32>,
    /// Each row's audit cell as a label, when an audit column is given; none for an
    /// unreadable row.
    pub(super) audit: Vec<Option<u32>>,
    /// The rows whose requirements all pass, by index in the batch.
    pub(super) eligible: Vec<u32>,
    pub(super) keys: crate::rank::Keys,
    /// For each duplicate field, each row's identity key.
    pub(super) identities: Vec<Vec<u64>>,
    pub(super) submitted: Vec<i64>,
    pub(super) on_time: Vec<bool>,
    /// Each row's name as a key, when the posting names its candidates.
    pub(super) names: Vec<u64>,
    pub(super) causes: Vec<(u32, Cause)>,
    pub(super) latest: Option<DateTime<Utc>>,
    pub(super) empty_rows: u64,
    /// Bytes of the file read when the batch was full.
    pub(super) position: u64,
}

/// How the rows of one file become cells for the posting's fields.
pub(super) struct Layout<'a> {
    pub(super) file: u32,
    pub(super) path: &'a std::path::Path,
    /// For each field, where its cell is among the cells read of a row.
    pub(super) cell_of_field: &'a [Option<usize>],
    /// Cells read per row.
    pub(super) step: usize,
    pub(super) audit_cell: Option<usize>,
    /// The lines of `--verified` about this file's rows, if any.
    pub(super) verify: Option<FileVerify<'a>>,
}

/// The lines of `--verified` about one file's rows, and where they are told to have applied.
pub(super) struct FileVerify<'a> {
    /// By row: the corrections and the decisions on possible duplicates about it.
    pub(super) lines: &'a FxHashMap<u32, (Vec<usize>, Vec<usize>)>,
    pub(super) verified: &'a crate::verify::Verified,
    /// Where the row's e-mail and phone are among the cells read.
    pub(super) email: Option<usize>,
    pub(super) phone: Option<usize>,
    pub(super) outcomes: &'a Verifying,
}

/// Which lines of `--verified` applied to their row (`true`), or named a row that is no longer
/// the candidate's (`false`), by index; none for a line whose row was not read.
#[derive(Debug, Default)]
pub(super) struct Verifying {
    pub(super) corrections: std::sync::Mutex<FxHashMap<usize, bool>>,
    pub(super) decisions: std::sync::Mutex<FxHashMap<usize, bool>>,
}

impl<'e, 'p> ScreeningPass<'e, 'p> {
    pub(super) fn new(
        engine: &'e Engine<'p>,
        orders: Option<Vec<dates::Order>>,
        workers: usize,
    ) -> Self {
        let width = engine.posting().fields.len();
        let shared: Arc<[AtomicU8]> = (0..width).map(|_| AtomicU8::new(0)).collect();
        ScreeningPass {
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
            facts: DecisionInputs {
                keys: crate::rank::Keys::for_posting(engine.posting()),
                ..DecisionInputs::default()
            },
            decisions: Vec::new(),
            causes: FxHashMap::default(),
            inputs: Vec::new(),
            sources_again: Vec::new(),
            audit_ids: Vec::new(),
            audit_cells: Vec::new(),
            audit_index: FxHashMap::default(),
            labels: Vec::new(),
            shortlist_per: engine.posting().shortlist.per.is_some(),
            groups: Vec::new(),
            group_index: FxHashMap::default(),
            latest: None,
            verifying: Verifying::default(),
        }
    }

    /// What the workers' dates showed of their columns' orders, put together.
    pub(super) fn reader(&self) -> CellReader {
        let mut all = self.workers[0].reader.clone();
        for w in &self.workers[1..] {
            all.absorb(&w.reader);
        }
        all.settle();
        all
    }

    /// Reads every row of `sources`.
    pub(super) fn read_all(
        &mut self,
        sources: Vec<Source>,
        request: &Request,
    ) -> Result<(), ReadError> {
        let posting = self.engine.posting();
        let width = posting.fields.len();
        let audit = request.audit_column.as_deref();
        let mut done_before = 0u64;
        let mut workers = std::mem::take(&mut self.workers);
        // Kept apart while the rows are merged into the pass.
        let verifying = std::mem::take(&mut self.verifying);
        let verified = &request.verified;
        let decisive = decisive(posting, !verified.is_empty());
        let (email_field, phone_field) = contact_fields(posting);
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
            let mut cell_of_field: Vec<Option<usize>> = Vec::with_capacity(width);
            let mut wanted = Vec::with_capacity(width + 1);
            for (f, &c) in columns.iter().enumerate() {
                cell_of_field.push(keep(f).then_some(wanted.len()));
                if keep(f) {
                    wanted.push(c);
                }
            }
            let audit_cell = audit_col.map(|c| {
                wanted.push(c);
                wanted.len() - 1
            });
            let name = source
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            let names_this = |c: &crate::verify::Candidate| {
                c.file == source.path.display().to_string()
                    || std::path::Path::new(&c.file)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        == name
            };
            let mut lines: FxHashMap<u32, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
            for (k, c) in verified.corrections.iter().enumerate() {
                if names_this(&c.candidate) {
                    lines.entry(c.candidate.row as u32).or_default().0.push(k);
                }
            }
            for (k, d) in verified.decisions.iter().enumerate() {
                if names_this(&d.candidate) {
                    lines.entry(d.candidate.row as u32).or_default().1.push(k);
                }
            }
            let slot = |f: Option<FieldId>| f.and_then(|f| cell_of_field.get(f).copied().flatten());
            let verify = (!lines.is_empty()).then(|| FileVerify {
                lines: &lines,
                verified,
                email: slot(email_field),
                phone: slot(phone_field),
                outcomes: &verifying,
            });
            // The source moves to the reading; rows name their file by this path.
            let path = source.path.clone();
            let layout = Layout {
                file: file as u32,
                path: &path,
                cell_of_field: &cell_of_field,
                step: wanted.len(),
                audit_cell,
                verify,
            };
            let progress = request.progress.clone();
            let mut merge = |part: ScreenedBatch| {
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
                (Some(r), _) => RereadSource::File(r),
                (None, Some((table, _))) => RereadSource::Memory(table),
                (None, None) => RereadSource::Memory(Arc::new(ColumnStore::new(width))),
            };
            self.sources_again.push((columns, cellar));
            self.inputs.push(input);
        }
        self.workers = workers;
        self.verifying = verifying;
        Ok(())
    }

    /// Adds the rows of a batch, the next in file order.
    pub(super) fn merge(&mut self, part: ScreenedBatch, input: &mut Input) {
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
        self.facts.names.extend(part.names);
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
    pub(super) fn group_of(&mut self, text: &Arc<str>) -> u32 {
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
    pub(super) fn batch(
        &mut self,
        batch: &crate::ingest::Batch,
        layout: &Layout,
        memory: &mut Option<(Arc<ColumnStore>, crate::engine::Memo)>,
    ) -> Result<ScreenedBatch, ReadError> {
        let posting = self.engine.posting();
        let mut part = ScreenedBatch {
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
            names: Vec::new(),
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
        let overrides = match &layout.verify {
            Some(v) => verified_cells(v, &batch.rows, starts, cells),
            None => Vec::new(),
        };
        let overrides = &overrides;
        let column = |f: FieldId| {
            let slot = layout.cell_of_field.get(f).copied().flatten();
            starts.iter().enumerate().map(move |(d, start)| {
                match overrides
                    .iter()
                    .find(|(row, field, _)| *row == d && *field == f)
                {
                    Some((_, _, value)) => value.as_str(),
                    None => slot.map_or("", |k| cells.cell(start + k)),
                }
            })
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
                    self.no_facts(&mut part, layout.audit_cell.is_some());
                }
                RowMeta::Data { number, at } => {
                    let audit_cell = layout
                        .audit_cell
                        .zip(self.starts.get(data))
                        .map(|(k, start)| batch.cells.cell(start + k));
                    let row = first + data as u32;
                    // Rows read again from their file must be these cells.
                    let check = match (&memory, self.starts.get(data)) {
                        // The fields that decide, the cells read now (no audit cell).
                        (None, Some(&start)) => crate::rank::row_check(
                            layout
                                .cell_of_field
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

    /// DecisionInputs of a row that has none to give: an unreadable one.
    pub(super) fn no_facts(&mut self, part: &mut ScreenedBatch, audit: bool) {
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
        if !posting.candidate.name.is_empty() {
            part.names.push(0);
        }
    }

    /// Evaluates and decides one data row, whose cells are `cells`.
    pub(super) fn candidate(
        engine: &Engine,
        labels: &mut Labels,
        part: &mut ScreenedBatch,
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
        if !posting.candidate.name.is_empty() {
            let text = |f: &FieldId| match cells.value(*f) {
                Value::Text(t) => t.as_str(),
                _ => "",
            };
            part.names.push(crate::rank::name_key(
                posting.candidate.name.iter().map(text),
            ));
        }
        if let Some(a) = audit {
            part.audit.push(Some(labels.id(a)));
        }
        part.decisions.push(decision);
    }
}

/// The verified cells of a batch's rows, as (data row in the batch, field, value): for each
/// row a line names, if the row's contact is still the one the line names. Says which lines
/// applied and which did not.
fn verified_cells(
    v: &FileVerify,
    rows: &[RowMeta],
    starts: &[usize],
    cells: &crate::ingest::CellBuf,
) -> Vec<(usize, FieldId, String)> {
    let mut out = Vec::new();
    let data = rows.iter().filter_map(|m| match m {
        RowMeta::Data { number, .. } => Some(*number),
        _ => None,
    });
    for (d, number) in data.enumerate() {
        let Some((corrections, decisions)) = v.lines.get(&(number as u32)) else {
            continue;
        };
        let start = starts.get(d).copied().unwrap_or(0);
        let cell = |slot: Option<usize>| slot.map_or("", |k| cells.cell(start + k));
        let (email, phone) = (cell(v.email), cell(v.phone));
        let mut applied = v
            .outcomes
            .corrections
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        for &k in corrections {
            let c = &v.verified.corrections[k];
            let fits = crate::verify::fits(&c.candidate, email, phone);
            applied.insert(k, fits);
            if fits {
                out.extend(c.fields.iter().map(|&f| (d, f, c.value.clone())));
            }
        }
        drop(applied);
        let mut decided = v
            .outcomes
            .decisions
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        for &k in decisions {
            let fits = crate::verify::fits(&v.verified.decisions[k].candidate, email, phone);
            decided.insert(k, fits);
        }
    }
    out
}

/// Which fields decisions read: those of the rules, the group, the tie-breaks, the duplicate
/// keys, the submission time, and the name (possible duplicates).
pub(super) fn decisive(p: &Posting, verifying: bool) -> Vec<bool> {
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
    p.candidate.name.iter().copied().for_each(&mut mark);
    // A verified line applies to its row only while the row's contact is still the one the
    // line names.
    if verifying {
        let (email, phone) = contact_fields(p);
        email.into_iter().chain(phone).for_each(&mut mark);
    }
    out
}

/// The first e-mail and the first phone field among the candidate's contact fields.
pub(super) fn contact_fields(p: &Posting) -> (Option<FieldId>, Option<FieldId>) {
    use crate::posting::FieldType;
    let first = |kind: FieldType| {
        p.candidate
            .contact
            .iter()
            .copied()
            .find(|&f| p.fields[f].kind == kind)
    };
    (first(FieldType::Email), first(FieldType::Phone))
}

/// A row number as kept: a file of more than four billion rows is no candidate export.
pub(super) fn small_row(path: &std::path::Path, number: u64) -> Result<u32, ReadError> {
    u32::try_from(number).map_err(|_| ReadError::Fatal {
        path: path.to_path_buf(),
        row: number,
        cause: Cause::Io("more rows than a candidate export holds".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{POSTING, candidates, file, posting, source};
    use super::super::{Request, Screening};
    use super::*;

    #[test]
    fn the_fields_that_decide_are_those_rules_groups_and_duplicates_read() {
        let p = posting(POSTING);
        // at (submission), name (possible duplicates), email (duplicates), station (groups),
        // degree, years.
        assert_eq!(decisive(&p, false), [true, true, true, true, true, true]);
        let nameless = POSTING.replace("  name: name\n", "");
        assert_eq!(
            decisive(&posting(&nameless), false),
            [true, false, true, true, true, true]
        );
    }

    #[test]
    fn rows_of_one_name_are_possible_duplicates() {
        let dir = tempfile::tempdir().expect("dir");
        let rows = [
            "2024-02-20,Moussa Traoré,m1@x.ml,Kita,Licence,3 ans",
            "2024-02-20,TRAORE Moussa,m2@x.ml,Kita,Licence,3 ans",
            "2024-02-20,Awa Diallo,a@x.ml,Kita,Licence,3 ans",
            "2024-02-21,Awa Diallo,a@x.ml,Kita,Licence,3 ans",
            "2024-02-20,,b@x.ml,Kita,Licence,3 ans",
            "2024-02-20,,c@x.ml,Kita,Licence,3 ans",
        ];
        let text = format!("{}\n{}\n", super::super::testing::HEADER, rows.join("\n"));
        let path = file(dir.path(), "c.csv", &text);
        let p = posting(POSTING);
        let s = Screening::run(&p, vec![source(&path)], Request::default()).expect("screened");
        // The two Awa share an e-mail: one is a duplicate, the other no possible one. Blank
        // names match nobody.
        assert_eq!(s.possible_duplicates, [vec![0, 1]]);
        assert_eq!(
            s.same_name(1).map(|(o, n)| (o.collect::<Vec<_>>(), n)),
            Some((vec![0], 1))
        );
        assert!(s.same_name(2).is_none());
    }

    #[test]
    fn every_core_decides_as_one_does() {
        let dir = tempfile::tempdir().expect("dir");
        // Several batches, so that the workers share them.
        let path = file(dir.path(), "c.csv", &candidates(5_000));
        let p = posting(POSTING);
        let run = |sequential: bool| {
            let request = Request {
                sequential,
                ..Request::default()
            };
            Screening::run(&p, vec![source(&path)], request).expect("screened")
        };
        let (one, all) = (run(true), run(false));
        assert_eq!(one.decisions, all.decisions);
        assert_eq!(one.places, all.places);
        assert_eq!(one.counts(), all.counts());
        assert!(
            one.counts().iter().filter(|&&n| n > 0).count() >= 4,
            "{:?}",
            one.counts()
        );
    }

    #[test]
    fn a_row_number_past_four_billion_is_refused() {
        let path = std::path::Path::new("c.csv");
        assert_eq!(small_row(path, 12).ok(), Some(12));
        assert!(matches!(
            small_row(path, u64::from(u32::MAX) + 1),
            Err(ReadError::Fatal {
                row: 4_294_967_296,
                ..
            })
        ));
    }
}
