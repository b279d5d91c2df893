//! Rows read as screening reads them, for the tests of the engine and of what shows it.

use super::Engine;
use crate::cells::Value;
use crate::posting::FieldId;
use crate::store::{ColumnStore, Hits};
use std::sync::Arc;

/// A cell of field `f` read as screening reads it (phones in Mali, dates day first, UTC).
pub(crate) fn read_for_test(engine: &Engine, f: FieldId, cell: &str) -> (Value, Hits) {
    use crate::cells::{self, Context, dates};
    let known = engine.known_items(f);
    let cx = Context {
        phone_country: crate::cells::phone::Plan::mali(),
        known_items: &known,
        separator: None,
        order: dates::Order::DayFirst,
        zone: &dates::Zone::default(),
    };
    let value = cells::read(engine.posting().fields[f].kind, cell, &cx);
    let hits = engine.hits(f, &value);
    (value, hits)
}

/// Every data row of an example file, read for `engine`'s posting into one table, and how
/// many there are.
pub(crate) fn example(engine: &Engine, file: &str) -> (Arc<ColumnStore>, u32) {
    let p = engine.posting();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut source =
        crate::ingest::Source::open(&root.join(file), &crate::ingest::Options::default())
            .expect("example");
    let columns: Vec<usize> = p
        .fields
        .iter()
        .map(|f| source.column(&f.column).expect("column"))
        .collect();
    let mut buf = crate::ingest::CellBuf::default();
    let mut table = ColumnStore::new(p.fields.len());
    let mut rows = 0;
    while let Some(meta) = source.next_into(&columns, &mut buf) {
        if let crate::ingest::RowMeta::Data { .. } = meta {
            let from = rows as usize * columns.len();
            table.push(buf.cells(from, from + columns.len()), |f, cell| {
                read_for_test(engine, f, cell)
            });
            rows += 1;
        }
    }
    (Arc::new(table), rows)
}
