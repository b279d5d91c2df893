//! A posting from arbitrary bytes: never a panic, and a posting only without errors.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = shortlist::posting::parse(data);
    let errors = loaded.diagnostics.iter().any(|d| d.is_error());
    assert_eq!(loaded.posting.is_some(), !errors);
});
