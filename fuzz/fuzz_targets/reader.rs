//! A candidate file from arbitrary bytes: never a panic; rows numbered in order, each as wide
//! as the header; every data row read again by its position is the row read first.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shortlist::ingest::{Options, Row, Source, check_rows_read_again};

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
    if let Err(why) = check_rows_read_again(&path) {
        panic!("{why}");
    }
});
