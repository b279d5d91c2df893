//! Rows read again for the outputs: from their file at the place kept for each row (checked
//! against the hash of the cells that decided), or from memory for the files that cannot be
//! read again. Each of [`READ_SLOTS`] threads reads with parsers of its own.

use super::{Entry, ReadError, Screening};
use crate::engine::Cells;
use crate::ingest::{Cause, Rereader};
use crate::posting::FieldId;
use crate::store::ColumnStore;
use std::sync::Arc;

/// Where the cells of a file's rows are found again.
pub(super) enum RereadSource {
    /// In the file, by each row's position.
    File(Rereader),
    /// In memory, by each row's index in the table.
    Memory(Arc<ColumnStore>),
}

/// Threads that can read rows again at once without waiting for each other.
pub const READ_SLOTS: usize = 2;

/// What a thread reading rows again keeps (one per slot of [`READ_SLOTS`]): its own parsers,
/// the column store rows pass through (it knows the cells that repeat already), and the last
/// entry, as outputs ask for the same row several times in a row.
pub(super) struct Rereading {
    pub(super) rereaders: Vec<Option<Rereader>>,
    pub(super) scratch: Arc<ColumnStore>,
    pub(super) last: Option<(usize, Entry)>,
    /// The cells of the row read last, its memory kept for the next.
    pub(super) cells: crate::ingest::CellBuf,
}

/// The slot of the calling thread: threads are numbered as they first read a row again.
pub(super) fn slot_of_thread() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    thread_local! {
        static SLOT: usize = NEXT.fetch_add(1, Ordering::Relaxed);
    }
    SLOT.with(|s| *s)
}

impl Screening<'_> {
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

    fn read_entry(&self, i: usize, slot: &mut Rereading) -> Entry {
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
        let cells = match (&self.sources_again[file], slot.rereaders.get(file)) {
            ((_, RereadSource::Memory(table)), _) => Ok(Cells::new(table.clone(), place.at as u32)),
            ((columns, RereadSource::File(shared)), own) => {
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
                                std::io::Error::other(crate::i18n::catalogue::row_changed(
                                    crate::i18n::messages(),
                                    row,
                                )),
                            ));
                        }
                        Ok(())
                    })
                    .map(|()| self.scratch_row(&buf, &mut slot.scratch, i));
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

    /// Fails when a row could not be read again while an output was made, or a file it was
    /// read from changed since it was screened: the output would show rows that are not the
    /// ones screened.
    pub fn read_again_whole(&self) -> std::io::Result<()> {
        let nothing = |why: &str| {
            std::io::Error::other(crate::i18n::catalogue::nothing_written(
                crate::i18n::messages(),
                why,
            ))
        };
        if let Some(why) = self.reread_failure.get() {
            return Err(nothing(why));
        }
        for (_, source) in &self.sources_again {
            if let RereadSource::File(rereader) = source {
                rereader
                    .check_since()
                    .map_err(|e| nothing(&e.to_string()))?;
            }
        }
        Ok(())
    }

    /// A row read again, as cells of a scratch table.
    fn scratch_row(
        &self,
        buf: &crate::ingest::CellBuf,
        scratch: &mut Arc<ColumnStore>,
        i: usize,
    ) -> Cells {
        let width = self.posting.fields.len();
        // The cells a person verified, in place of those the file holds.
        let corrections = self.corrections(i);
        let cells = buf
            .cells(0, width.min(buf.len()))
            .enumerate()
            .map(|(f, c)| {
                corrections
                    .iter()
                    .find(|k| k.fields.contains(&f))
                    .map_or(c, |k| k.value.as_str())
            });
        let read = |f: FieldId, c: &str| self.reader.value(&self.engine, f, c);
        let t = Arc::make_mut(scratch);
        t.clear_rows();
        let row = t.push(cells, read);
        Cells::new(scratch.clone(), row)
    }

    /// Fails when a candidate file changed since it was screened: the rows an output shows
    /// are read again from it.
    pub fn unchanged(&self) -> Result<(), ReadError> {
        for (_, cellar) in &self.sources_again {
            if let RereadSource::File(rereader) = cellar {
                rereader.check()?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{HEADER, POSTING, file, posting, source};
    use super::super::{Request, Screening};
    use super::*;

    const ROWS: &str = "20/02/2024 10:00,Awa Traoré,awa@example.org,Sikasso,Licence,3\n\
                        21/02/2024 11:00,Moussa Diarra,moussa@example.org,Bamako,Master,5\n";

    #[test]
    fn a_row_is_read_again_from_its_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = file(dir.path(), "c.csv", &format!("{HEADER}\n{ROWS}"));
        let p = posting(POSTING);
        let s = Screening::run(&p, vec![source(&path)], Request::default()).expect("screened");
        let name = p.field_id("name").expect("field");
        for (i, want) in [(0, "Awa Traoré"), (1, "Moussa Diarra"), (0, "Awa Traoré")] {
            match s.entry(i) {
                Entry::Candidate { cells, row, .. } => {
                    assert_eq!(cells.raw(name), want);
                    assert_eq!(row, i as u64 + 2);
                }
                other => panic!("{other:?}"),
            }
        }
        assert!(s.unchanged().is_ok());
        assert!(s.read_again_whole().is_ok());
    }

    #[test]
    fn a_file_changed_where_no_row_shows_it_writes_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        let path = file(dir.path(), "c.csv", &format!("{HEADER}\n{ROWS}"));
        let p = posting(POSTING);
        let s = Screening::run(&p, vec![source(&path)], Request::default()).expect("screened");
        assert!(matches!(s.entry(0), Entry::Candidate { row: 2, .. }));
        // Once the rows are being read again, the rows screened stay as they were and a row
        // is added after them.
        let more = "22/02/2024 09:00,Issa Keïta,issa@example.org,Kayes,Master,4\n";
        std::fs::write(&path, format!("{HEADER}\n{ROWS}{more}")).expect("write");
        assert!(matches!(s.entry(1), Entry::Candidate { row: 3, .. }));
        let why = s.read_again_whole().expect_err("the file changed");
        assert!(
            why.to_string().contains("changed after it was screened"),
            "{why}"
        );
    }

    #[test]
    fn a_row_changed_since_screening_is_not_shown() {
        let dir = tempfile::tempdir().expect("dir");
        let path = file(dir.path(), "c.csv", &format!("{HEADER}\n{ROWS}"));
        let p = posting(POSTING);
        let s = Screening::run(&p, vec![source(&path)], Request::default()).expect("screened");
        // Same length, another diploma.
        let changed = ROWS.replace("Licence", "Licenc_");
        std::fs::write(&path, format!("{HEADER}\n{changed}")).expect("write");
        assert!(matches!(s.entry(0), Entry::Unreadable { row: 2, .. }));
        let why = s.read_again_whole().expect_err("the file changed");
        assert!(why.to_string().contains("the file changed"), "{why}");
        assert!(s.unchanged().is_err());
    }
}
