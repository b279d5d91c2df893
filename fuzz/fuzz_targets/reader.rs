//! A candidate file from arbitrary bytes: never a panic; rows numbered in order, each as wide
//! as the header; every data row read again by its position is the row read first.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shortlist::ingest::{CellBuf, Options, Row, RowMeta, Source};

fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!("shortlist-fuzz-reader-{}.csv", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    if let Ok(source) = Source::open(&path, &Options::default()) {
        let width = source.header.len();
        let mut last = source.header_row;
        for row in source {
            assert!(row.number() > last);
            last = row.number();
            if let Row::Data { cells, .. } = row {
                assert_eq!(cells.len(), width);
            }
        }
    }
    let Ok(mut source) = Source::open(&path, &Options::default()) else {
        return;
    };
    let Some(again) = source.rereader() else {
        return;
    };
    let columns: Vec<usize> = (0..source.header.len()).collect();
    let (mut first, mut second) = (CellBuf::default(), CellBuf::default());
    let mut at = Vec::new();
    while let Some(meta) = source.next_into(&columns, &mut first) {
        if let RowMeta::Data { at: a, .. } = meta {
            at.push(a);
        }
    }
    for a in at {
        again.read(a, &columns, &mut second).expect("a row read again");
    }
    assert_eq!(first.len(), second.len());
    for c in 0..first.len() {
        assert_eq!(first.cell(c), second.cell(c));
    }
});
