//! The column store: candidate cells, column by column, each distinct cell interned and read
//! once.
//!
//! Exports repeat themselves: the same diplomas, the same "3 ans", the same "Oui" thousands of
//! times. A [`ColumnStore`] keeps each column's distinct raw cells with the value read from them and
//! the posting's terms they name ([`Hits`]), and each row as one id per column. Reading a cell
//! is then a hash lookup, memory does not grow with repeats, and the dates of a column are
//! resolved once its day/month order is known.

use crate::cells::Value;
use crate::posting::FieldId;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Which of the posting's subject and item terms a cell names, one bit per term.
pub type Hits = u128;

/// Rows after which a column whose cells are mostly distinct stops being indexed, and then
/// again every this many rows.
const SAMPLE_ROWS: usize = 4096;

/// Entries of the cache a column keeps in front of its index.
const CACHE_ENTRIES: usize = 64;

/// An entry of a column's cache of recent cells: its length, its [`prefix`] and [`suffix`],
/// and its id.
#[derive(Clone, Copy, Debug, Default)]
struct CacheEntry {
    prefix: u64,
    suffix: u64,
    len: u32,
    /// The id plus one; 0 for an empty entry.
    id: u32,
}

/// The first eight bytes of `cell`, or for a shorter cell a word that, with its length,
/// tells it from any other: read in two loads of four bytes, or three of one.
fn prefix(cell: &[u8]) -> u64 {
    let four = |b: Option<&[u8; 4]>| b.map_or(0, |b| u64::from(u32::from_le_bytes(*b)));
    match cell.len() {
        0 => 0,
        1..=3 => {
            let byte = |i: usize| u64::from(cell.get(i).copied().unwrap_or(0));
            byte(0) | byte(cell.len() / 2) << 8 | byte(cell.len() - 1) << 16
        }
        4..=7 => four(cell.first_chunk()) | four(cell.last_chunk()) << 32,
        _ => cell.first_chunk().map_or(0, |b| u64::from_le_bytes(*b)),
    }
}

/// The last eight bytes of a cell longer than eight, 0 for another: with its [`prefix`],
/// a cell of up to sixteen bytes is known whole.
fn suffix(cell: &[u8]) -> u64 {
    match cell.last_chunk() {
        Some(b) if cell.len() > 8 => u64::from_le_bytes(*b),
        _ => 0,
    }
}

/// The cache entry of a cell's length and prefix.
fn entry_of(prefix: u64, len: usize) -> usize {
    let mixed = (prefix ^ (len as u64).rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> (64 - CACHE_ENTRIES.trailing_zeros())) as usize
}

/// One column: its distinct cells, the value and hits of each, and an index to find them.
///
/// A column whose cells are nearly all different (e-mails, phone numbers, timestamps) gains
/// nothing from the index: after [`SAMPLE_ROWS`] rows it drops it and stores each cell as it
/// comes. Hits are kept only for the columns the posting matches terms in.
#[derive(Clone, Debug, Default)]
struct Column {
    index: Option<FxHashMap<Box<str>, u32>>,
    /// A direct-mapped cache of recent cells, by length and prefix: the few answers a column
    /// repeats are found without hashing them.
    cache: Vec<CacheEntry>,
    /// The id of the empty cell, when the column is indexed and has one: fields a reading
    /// does not need are all empty.
    empty: Option<u32>,
    /// The distinct raw cells, one after the other, and where each ends.
    text: String,
    ends: Vec<usize>,
    values: Vec<Value>,
    hits: Vec<Hits>,
}

impl Column {
    fn raw(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        self.text.get(start..self.ends[id]).unwrap_or_default()
    }

    fn hits(&self, id: usize) -> Hits {
        self.hits.get(id).copied().unwrap_or(0)
    }

    /// The id of `cell`, if the column has it.
    #[inline(always)]
    fn find(&mut self, cell: &str) -> Option<u32> {
        let index = self.index.as_ref()?;
        let bytes = cell.as_bytes();
        let (p, q) = (prefix(bytes), suffix(bytes));
        let k = entry_of(p, bytes.len());
        let entry = self.cache.get(k).copied().unwrap_or_default();
        if entry.id != 0
            && entry.prefix == p
            && entry.suffix == q
            && entry.len as usize == bytes.len()
            && (bytes.len() <= 16 || self.raw(entry.id as usize - 1) == cell)
        {
            return Some(entry.id - 1);
        }
        let id = index.get(cell).copied()?;
        self.remember(k, p, q, bytes.len(), id);
        Some(id)
    }

    /// The id of `cell`, added with the value and hits `read` gives when the column has not
    /// seen it.
    #[inline]
    fn id_of(&mut self, cell: &str, read: impl FnOnce(&str) -> (Value, Hits)) -> u32 {
        let known = match (cell.is_empty(), self.empty) {
            (true, Some(id)) => Some(id),
            _ => self.find(cell),
        };
        if let Some(id) = known {
            return id;
        }
        let id = self.ends.len() as u32;
        let (value, hits) = if cell.is_empty() {
            (Value::Blank, 0)
        } else {
            read(cell)
        };
        if let Some(index) = self.index.as_mut() {
            index.insert(cell.into(), id);
            if cell.is_empty() {
                self.empty = Some(id);
            }
        }
        self.text.push_str(cell);
        self.ends.push(self.text.len());
        self.values.push(value);
        if hits != 0 || !self.hits.is_empty() {
            self.hits.resize(id as usize, 0);
            self.hits.push(hits);
        }
        id
    }

    /// Puts a cell found or added in the cache.
    fn remember(&mut self, k: usize, prefix: u64, suffix: u64, len: usize, id: u32) {
        if self.cache.is_empty() {
            self.cache = vec![CacheEntry::default(); CACHE_ENTRIES];
        }
        if let (Some(entry), Ok(len)) = (self.cache.get_mut(k), u32::try_from(len)) {
            *entry = CacheEntry {
                prefix,
                suffix,
                len,
                id: id.saturating_add(1),
            };
        }
    }
}

/// Rows of cells for a posting's fields, stored column by column.
#[derive(Debug, Default)]
pub struct ColumnStore {
    columns: Vec<Column>,
    /// Whether each column is indexed, side by side: what rule keys ask for every row.
    indexed: Vec<bool>,
    ids: Vec<u32>,
    width: usize,
    /// Rows pushed, those cleared included.
    pushed: usize,
    /// Tells this table from any other, a copy included: the numbers of its distinct cells
    /// are its own.
    serial: u64,
}

/// A serial number for a new table.
fn next_serial() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Clone for ColumnStore {
    fn clone(&self) -> Self {
        // A copy numbers the cells it adds apart from the original: a serial of its own.
        ColumnStore {
            columns: self.columns.clone(),
            indexed: self.indexed.clone(),
            ids: self.ids.clone(),
            width: self.width,
            pushed: self.pushed,
            serial: next_serial(),
        }
    }
}

impl ColumnStore {
    /// An empty table of `width` columns.
    pub fn new(width: usize) -> Self {
        ColumnStore {
            columns: (0..width)
                .map(|_| Column {
                    index: Some(FxHashMap::default()),
                    ..Column::default()
                })
                .collect(),
            indexed: vec![true; width],
            ids: Vec::new(),
            width,
            pushed: 0,
            serial: next_serial(),
        }
    }

    /// Forgets the rows, keeping the distinct cells of the indexed columns: a table that
    /// reads rows one at a time keeps only what repeats.
    pub fn clear_rows(&mut self) {
        self.ids.clear();
        for col in &mut self.columns {
            if col.index.is_none() {
                col.text.clear();
                col.ends.clear();
                col.values.clear();
                col.hits.clear();
            }
        }
    }

    /// Rows stored.
    pub fn len(&self) -> usize {
        self.ids.len().checked_div(self.width).unwrap_or(0)
    }

    /// Whether no row is stored.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds a row; `read` gives the value and hits of a cell the column has not seen yet.
    /// Returns the row's index.
    pub fn push<'a>(
        &mut self,
        cells: impl IntoIterator<Item = &'a str>,
        read: impl FnMut(FieldId, &str) -> (Value, Hits),
    ) -> u32 {
        let cells: Vec<&str> = cells.into_iter().take(self.width).collect();
        self.push_rows(
            1,
            |f| std::iter::once(cells.get(f).copied().unwrap_or("")),
            read,
        )
    }

    /// Adds `n` rows, column by column: `column(f)` gives the cells of field `f` in the
    /// rows, in order (blanks after its end), and `read` the value and hits of a cell the
    /// column has not seen yet. Returns the index of the first row. A column at a time keeps
    /// its cache at hand.
    pub fn push_rows<'a, C: Iterator<Item = &'a str>>(
        &mut self,
        n: usize,
        column: impl Fn(FieldId) -> C,
        mut read: impl FnMut(FieldId, &str) -> (Value, Hits),
    ) -> u32 {
        let first = self.len();
        let width = self.width;
        self.ids.resize((first + n) * width, 0);
        let rows = self.ids.get_mut(first * width..).unwrap_or_default();
        for (f, col) in self.columns.iter_mut().enumerate() {
            // `width` is at least 1 here: there is a column.
            let mut cells = column(f);
            for ids in rows.chunks_exact_mut(width) {
                let c = cells.next().unwrap_or("");
                let id = col.id_of(c, |c| read(f, c));
                if let Some(slot) = ids.get_mut(f) {
                    *slot = id;
                }
            }
        }
        let before = self.pushed;
        self.pushed += n;
        if before / SAMPLE_ROWS != self.pushed / SAMPLE_ROWS {
            for (col, indexed) in self.columns.iter_mut().zip(&mut self.indexed) {
                if col
                    .index
                    .as_ref()
                    .is_some_and(|i| i.len() > self.pushed / 2)
                {
                    col.index = None;
                    col.empty = None;
                    col.cache = Vec::new();
                    *indexed = false;
                }
            }
        }
        first as u32
    }

    fn id(&self, row: u32, f: FieldId) -> usize {
        self.ids[row as usize * self.width + f] as usize
    }
}

/// One row of a shared [`ColumnStore`]: what the engine and the explanations read.
#[derive(Clone, Debug)]
pub struct Cells {
    table: Arc<ColumnStore>,
    row: u32,
}

impl PartialEq for Cells {
    fn eq(&self, other: &Self) -> bool {
        self.table.width == other.table.width
            && (0..self.table.width)
                .all(|f| self.raw(f) == other.raw(f) && self.value(f) == other.value(f))
    }
}

impl Cells {
    /// Row `row` of `table`.
    pub fn new(table: Arc<ColumnStore>, row: u32) -> Self {
        Cells { table, row }
    }

    /// The same table's row `row`.
    pub fn move_to(&mut self, row: u32) {
        self.row = row;
    }

    /// The raw cell of field `f`.
    pub fn raw(&self, f: FieldId) -> &str {
        self.table.columns[f].raw(self.table.id(self.row, f))
    }

    /// The value read from the cell of field `f`.
    pub fn value(&self, f: FieldId) -> &Value {
        &self.table.columns[f].values[self.table.id(self.row, f)]
    }

    /// The keys of all the row's cells: numbers that stand for the cells among the rows read
    /// so far.
    pub fn keys(&self) -> RowKeys<'_> {
        let width = self.table.width;
        let start = self.row as usize * width;
        RowKeys {
            ids: self.table.ids.get(start..start + width).unwrap_or_default(),
            indexed: &self.table.indexed,
        }
    }

    /// The serial number of the row's table: [`Self::key`]s of rows of different tables are
    /// not comparable.
    pub fn table_serial(&self) -> u64 {
        self.table.serial
    }

    /// The posting's terms the cell of field `f` names.
    pub fn hits(&self, f: FieldId) -> Hits {
        self.table.columns[f].hits(self.table.id(self.row, f))
    }
}

/// The keys of one row's cells, found without going through the table for each: rule
/// outcomes are remembered by them, several per row.
pub struct RowKeys<'a> {
    ids: &'a [u32],
    indexed: &'a [bool],
}

impl RowKeys<'_> {
    /// The cell of field `f` as a number that stands for it among the rows read so far; none
    /// for a column whose cells are not kept distinct.
    pub fn get(&self, f: FieldId) -> Option<u32> {
        if !*self.indexed.get(f)? {
            return None;
        }
        self.ids.get(f).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_each_distinct_cell_once() {
        let mut t = ColumnStore::new(2);
        let mut reads = 0;
        let mut read = |_f: FieldId, cell: &str| {
            reads += 1;
            (Value::Text(cell.to_string()), 0)
        };
        t.push(["a", "x"], &mut read);
        t.push(["a", "y"], &mut read);
        t.push(["b"], &mut read);
        assert_eq!(
            reads, 4,
            "a, x, y and b; the short row is padded with a blank"
        );
        assert_eq!(t.len(), 3);
        let t = Arc::new(t);
        let c = Cells::new(t.clone(), 2);
        assert_eq!((c.raw(0), c.raw(1)), ("b", ""));
        assert_eq!(c.value(1), &Value::Blank);
        assert_eq!(Cells::new(t.clone(), 0), Cells::new(t, 0));
    }

    #[test]
    fn short_cells_have_words_of_their_own() {
        // Every cell of up to seven bytes over a small alphabet: no two of one length share
        // a word, since cells that short are told apart by it alone.
        let mut cells: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..7 {
            let longer: Vec<Vec<u8>> = cells
                .iter()
                .filter(|c| c.len() == cells.last().map_or(0, Vec::len))
                .flat_map(|c| {
                    [b'a', b'b', 0xc3].map(|b| {
                        let mut c = c.clone();
                        c.push(b);
                        c
                    })
                })
                .collect();
            cells.extend(longer);
        }
        let mut seen = std::collections::HashSet::new();
        for c in &cells {
            assert!(seen.insert((c.len(), prefix(c))), "{c:?}");
        }
        assert_eq!(seen.len(), (0..=7).map(|n| 3usize.pow(n)).sum::<usize>());
    }

    #[test]
    fn cells_alike_in_length_and_first_bytes_stay_apart() {
        let mut t = ColumnStore::new(1);
        let mut read = |_f: FieldId, cell: &str| (Value::Text(cell.to_string()), 0);
        // The second row puts the first cell in the cache; the third must not take it.
        // Then two long cells alike in their first and last eight bytes.
        let cells = [
            "Master en santé",
            "Master en santé",
            "Master en sociol",
            "Master",
            "Technicien supérieur de la santé",
            "Technicien supérieur de la santé",
            "Technicien supérieur du la santé",
        ];
        for c in cells {
            t.push([c], &mut read);
        }
        let t = Arc::new(t);
        for (row, c) in cells.iter().enumerate() {
            let cells = Cells::new(t.clone(), row as u32);
            assert_eq!(cells.raw(0), *c);
            assert_eq!(cells.value(0), &Value::Text(c.to_string()));
        }
        let key = |row| Cells::new(t.clone(), row).keys().get(0);
        assert_eq!(key(0), key(1));
        assert_ne!(key(1), key(2));
        assert_eq!(key(4), key(5));
        assert_ne!(key(5), key(6));
    }

    #[test]
    fn rows_pushed_together_read_as_rows_pushed_one_by_one() {
        let cell = |r: usize, f: FieldId| match f {
            0 => ["Oui", "Non", ""][r % 3].to_string(),
            _ => format!("{r}@x.ml"),
        };
        let mut read = |_f: FieldId, c: &str| (Value::Text(c.to_string()), 0);
        let rows = 3 * SAMPLE_ROWS;
        let mut one = ColumnStore::new(2);
        for r in 0..rows {
            one.push([cell(r, 0).as_str(), cell(r, 1).as_str()], &mut read);
        }
        let mut many = ColumnStore::new(2);
        let cells: Vec<[String; 2]> = (0..rows).map(|r| [cell(r, 0), cell(r, 1)]).collect();
        for chunk in cells.chunks(1000) {
            many.push_rows(
                chunk.len(),
                |f| chunk.iter().map(move |c| c[f].as_str()),
                &mut read,
            );
        }
        assert_eq!(many.len(), rows);
        let (one, many) = (Arc::new(one), Arc::new(many));
        for r in 0..rows as u32 {
            let (a, b) = (Cells::new(one.clone(), r), Cells::new(many.clone(), r));
            assert_eq!(a, b, "row {r}");
            assert_eq!(a.raw(1), cell(r as usize, 1));
        }
        // The column of distinct cells stopped being indexed; the other did not.
        let last = Cells::new(many, rows as u32 - 1);
        assert!(last.keys().get(0).is_some() && last.keys().get(1).is_none());
    }
}
