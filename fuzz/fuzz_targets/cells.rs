//! Every cell parser on arbitrary text: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    shortlist::cells::read_every_way(text);
});
