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

/// Every regression input of `target`, as a file named `name`, read to its end.
fn read_all(target: &str, name: &str) {
    for bytes in inputs(target) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        if let Ok(source) = Source::open(&path, &Options::default())
            && let Err(why) = source.check_rows()
        {
            panic!("{target}: {why}");
        }
    }
}

#[test]
fn readers() {
    read_all("reader", "c.csv");
}

#[test]
fn workbooks() {
    read_all("workbook", "w.xlsx");
}
