//! Rows handed over in batches: read on a thread of their own while the caller works, or
//! taken one batch at a time by workers that each work on theirs, the results gathered in
//! file order. Either way, what the caller sees does not depend on the threads.

use super::csv_source::Shape;
use super::records::Record;
use super::{Cause, RowMeta, Source};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

/// Rows per batch: enough to make handing over cheap, few enough to keep memory flat.
const BATCH_ROWS: usize = 1024;

/// Batches in flight between the reading thread and the caller.
const IN_FLIGHT: usize = 4;

/// The cells of many rows in one string: each cell a span of it.
#[derive(Debug, Default)]
pub struct CellBuf {
    text: String,
    spans: Vec<(usize, usize)>,
    /// Where the cell written through [`Self::text_mut`] starts.
    open: usize,
}

impl CellBuf {
    /// Empties the buffer, keeping its memory.
    pub fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
        self.open = 0;
    }

    /// Cells held.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether no cell is held.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Cell `i`.
    pub fn cell(&self, i: usize) -> &str {
        let (start, end) = self.spans[i];
        self.text.get(start..end).unwrap_or_default()
    }

    /// Cells `from..to`.
    pub fn cells(&self, from: usize, to: usize) -> impl Iterator<Item = &str> {
        (from..to).map(|i| self.cell(i))
    }

    /// Appends a whole cell.
    pub fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.end_cell();
    }

    /// The text the current cell is being written to.
    pub(super) fn text_mut(&mut self) -> &mut String {
        &mut self.text
    }

    /// Ends the cell written through [`Self::text_mut`].
    pub(super) fn end_cell(&mut self) {
        self.spans.push((self.open, self.text.len()));
        self.open = self.text.len();
    }

    /// Appends `text`, of which [`Self::add_cell`] makes cells; returns where it starts.
    pub(super) fn push_text(&mut self, text: &str) -> usize {
        let start = self.text.len();
        self.text.push_str(text);
        self.open = self.text.len();
        start
    }

    /// Adds the cells `start..end` of text pushed with [`Self::push_text`].
    pub(super) fn add_cells(&mut self, cells: impl ExactSizeIterator<Item = (usize, usize)>) {
        self.spans.extend(cells);
    }
}

/// Rows of one source: what each is, and the cells asked for of its data rows, in order.
#[derive(Debug, Default)]
pub struct Batch {
    /// Every row, data or not.
    pub rows: Vec<RowMeta>,
    /// The cells of the data rows, `columns.len()` per row.
    pub cells: CellBuf,
    /// Bytes of the file read when the batch was full.
    pub position: u64,
    /// Records read and not yet made rows, for a worker to make rows of apart from the
    /// reading: the `k`-th goes with the `k`-th of `read`.
    records: Vec<Record>,
    /// The row number of each record read, or why reading failed.
    read: Vec<Result<u64, (u64, Cause)>>,
}

impl Batch {
    fn clear(&mut self) {
        self.rows.clear();
        self.cells.clear();
        self.read.clear();
    }

    /// Fills the batch with records of `source`, to be made rows with [`Self::finish`]; false
    /// when the source had no row left.
    fn fill_records(&mut self, source: &mut Source) -> bool {
        self.clear();
        while self.read.len() < BATCH_ROWS {
            if self.read.len() == self.records.len() {
                self.records.push(Record::default());
            }
            let Some(record) = self.records.get_mut(self.read.len()) else {
                break;
            };
            match source.next_record(record) {
                Some(read) => self.read.push(read),
                None => break,
            }
        }
        self.position = Source::position(source);
        !self.read.is_empty()
    }

    /// Makes rows of the records read by [`Self::fill_records`], the cells of `columns` kept.
    fn finish(&mut self, shape: &Shape, columns: &[usize]) {
        // There are at least as many records as entries read: each has its own.
        for (read, record) in self.read.drain(..).zip(&self.records) {
            self.rows.push(match read {
                Ok(number) => shape.finish(record, number, columns, &mut self.cells),
                Err((number, cause)) => RowMeta::Unreadable { number, cause },
            });
        }
    }

    /// Fills the batch from `source`; false when the source had no row left.
    fn fill(&mut self, source: &mut Source, columns: &[usize]) -> bool {
        self.clear();
        while self.rows.len() < BATCH_ROWS {
            match source.next_into(columns, &mut self.cells) {
                Some(meta) => self.rows.push(meta),
                None => break,
            }
        }
        self.position = Source::position(source);
        !self.rows.is_empty()
    }
}

/// Reads every row of `source` (the cells of `columns` only) and gives them to `each` in
/// batches, in order. With `threaded`, reading runs on a thread of its own while `each`
/// works; either way `each` sees the same batches. Stops at the first error of `each`.
pub fn for_each_batch<E>(
    mut source: Source,
    columns: &[usize],
    threaded: bool,
    mut each: impl FnMut(&Batch) -> Result<(), E>,
) -> Result<(), E> {
    if !threaded {
        let mut batch = Batch::default();
        while batch.fill(&mut source, columns) {
            each(&batch)?;
        }
        return Ok(());
    }
    let (full_tx, full_rx) = mpsc::sync_channel::<Batch>(IN_FLIGHT);
    let (empty_tx, empty_rx) = mpsc::channel::<Batch>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            loop {
                let mut batch = empty_rx.try_recv().unwrap_or_default();
                if !batch.fill(&mut source, columns) {
                    break;
                }
                // The caller stopped: nothing more to read.
                if full_tx.send(batch).is_err() {
                    break;
                }
            }
        });
        for batch in full_rx.iter() {
            each(&batch)?;
            // The reader may be done already; the batch is then dropped.
            let _ = empty_tx.send(batch);
        }
        Ok(())
    })
}

/// Reads every row of `source` (the cells of `columns` only) in batches, as
/// [`for_each_batch`] does, and works on them on one thread per worker: each worker takes the
/// next batch from the file, works on it with `work`, and the results are given to `merge` in
/// file order. Reading is one batch at a time, working is in parallel. Stops at the first
/// error, in file order.
pub fn for_each_batch_in_parallel<W: Send, T: Send, E: Send>(
    source: Source,
    columns: &[usize],
    workers: &mut [W],
    work: impl Fn(&mut W, &Batch) -> Result<T, E> + Sync,
    merge: impl FnMut(T) -> Result<(), E> + Send,
) -> Result<(), E> {
    // Records of a CSV file are made rows by the workers, outside the lock: only reading
    // them is one at a time.
    let shape = source.shape();
    let reading = Mutex::new(Reading {
        source,
        next: 0,
        done: false,
    });
    let merging = Mutex::new(Merging {
        next: 0,
        waiting: BTreeMap::new(),
        merge,
        error: None,
    });
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for worker in workers.iter_mut() {
            let (reading, merging, stop, work, shape) = (&reading, &merging, &stop, &work, &shape);
            scope.spawn(move || {
                let mut batch = Batch::default();
                while !stop.load(Ordering::Relaxed) {
                    let seq = {
                        let mut r = reading.lock().unwrap_or_else(|p| p.into_inner());
                        let filled = !r.done
                            && match shape {
                                Some(_) => batch.fill_records(&mut r.source),
                                None => batch.fill(&mut r.source, columns),
                            };
                        if !filled {
                            r.done = true;
                            break;
                        }
                        r.next += 1;
                        r.next - 1
                    };
                    if let Some(shape) = shape {
                        batch.finish(shape, columns);
                    }
                    let result = work(worker, &batch);
                    let mut m = merging.lock().unwrap_or_else(|p| p.into_inner());
                    m.waiting.insert(seq, result);
                    if !m.merge_ready() {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    match merging
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .error
    {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The source shared by the workers, and the number of the next batch read from it.
struct Reading {
    source: Source,
    next: u64,
    done: bool,
}

/// Results waiting for those before them, and where they go.
struct Merging<T, E, M> {
    next: u64,
    waiting: BTreeMap<u64, Result<T, E>>,
    merge: M,
    error: Option<E>,
}

impl<T, E, M: FnMut(T) -> Result<(), E>> Merging<T, E, M> {
    /// Merges the results that are next in order; false once one of them failed.
    fn merge_ready(&mut self) -> bool {
        while self.error.is_none() {
            let Some(result) = self.waiting.remove(&self.next) else {
                break;
            };
            self.next += 1;
            if let Err(e) = result.and_then(&mut self.merge) {
                self.error = Some(e);
            }
        }
        if self.error.is_some() {
            // Nothing after a failure is merged.
            self.waiting.clear();
        }
        self.error.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_buffer_holds_cells_one_after_the_other() {
        let mut b = CellBuf::default();
        b.push("ab");
        b.push("");
        b.text_mut().push('é');
        b.end_cell();
        assert_eq!(b.len(), 3);
        assert_eq!(b.cells(0, 3).collect::<Vec<_>>(), ["ab", "", "é"]);
        b.clear();
        assert!(b.is_empty());
    }
}
