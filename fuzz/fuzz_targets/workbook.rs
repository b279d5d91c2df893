//! A workbook from arbitrary bytes (seeded with real `.xlsx`, `.xls` and `.ods` files): never a panic, an abort or
//! an allocation past the limits; rows numbered in order, each as wide as the header.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shortlist::ingest::{Options, Source};

fuzz_target!(|data: &[u8]| {
    let path =
        std::env::temp_dir().join(format!("shortlist-fuzz-workbook-{}.xlsx", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    if let Ok(source) = Source::open(&path, &Options::default())
        && let Err(why) = source.check_rows()
    {
        panic!("{why}");
    }
});
