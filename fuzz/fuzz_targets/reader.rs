//! A candidate file from arbitrary bytes: never a panic; rows numbered in order, each as wide
//! as the header; every data row read again by its position is the row read first.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shortlist::ingest::{Options, Source, check_rows_read_again};

fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!("shortlist-fuzz-reader-{}.csv", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    if let Ok(source) = Source::open(&path, &Options::default())
        && let Err(why) = source.check_rows()
    {
        panic!("{why}");
    }
    if let Err(why) = check_rows_read_again(&path) {
        panic!("{why}");
    }
});
