//! Every input a fuzz target ever crashed on, kept under `tests/fixtures/fuzz/<target>/` and
//! replayed here through the same code, so that a fixed crash stays fixed.

use shortlist::ingest::{Options, Source};
use std::path::Path;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().is_file())
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read(e.path()).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out.into_iter().map(|(_, b)| b).collect()
}

#[test]
fn cells() {
    for bytes in inputs("cells") {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            shortlist::cells::read_every_way(text);
        }
    }
}

#[test]
fn postings() {
    for bytes in inputs("posting") {
        let loaded = shortlist::posting::parse(&bytes);
        assert_eq!(
            loaded.posting.is_some(),
            !loaded.diagnostics.iter().any(|d| d.is_error())
        );
    }
}

#[test]
fn readers() {
    for bytes in inputs("reader") {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("c.csv");
        std::fs::write(&path, &bytes).expect("write");
        if let Ok(source) = Source::open(&path, &Options::default()) {
            let mut last = source.header_row;
            for row in source {
                assert!(row.number() > last);
                last = row.number();
            }
        }
    }
}

#[test]
fn workbooks() {
    for bytes in inputs("workbook") {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("w.xlsx");
        std::fs::write(&path, &bytes).expect("write");
        if let Ok(source) = Source::open(&path, &Options::default()) {
            let width = source.header.len();
            let mut last = source.header_row;
            for row in source {
                assert!(row.number() > last);
                last = row.number();
                if let shortlist::ingest::Row::Data { cells, .. } = row {
                    assert_eq!(cells.len(), width);
                }
            }
        }
    }
}
