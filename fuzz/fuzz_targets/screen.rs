//! Screening a fixed posting against an arbitrary CSV: never a panic, one status per data
//! row, the statuses adding up.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shortlist::ingest::{Options, Source};
use shortlist::screen::{Request, Screening, View};

const POSTING: &[u8] = include_bytes!("../../tests/fixtures/screen/kinds.yaml");
const HEADER: &str = "Submitted,Name,Email,Phone,Place,Age,Sanctioned,Motivation\n";

fuzz_target!(|body: &[u8]| {
    let Some(posting) = shortlist::posting::parse(POSTING).posting else {
        return;
    };
    let path = std::env::temp_dir().join(format!("shortlist-fuzz-screen-{}.csv", std::process::id()));
    let mut data = HEADER.as_bytes().to_vec();
    data.extend_from_slice(body);
    if std::fs::write(&path, &data).is_err() {
        return;
    }
    let Ok(source) = Source::open(&path, &Options::default()) else {
        return;
    };
    let view = View { all: true, ..View::default() };
    let Ok(s) = Screening::run(&posting, vec![source], Request { view, ..Request::default() }) else {
        return;
    };
    let rows: u64 = s.inputs.iter().map(|i| i.rows).sum();
    assert_eq!(s.len() as u64, rows);
    assert_eq!(s.decisions.len(), s.len());
    assert_eq!(s.counts().iter().sum::<usize>(), s.len());
    assert_eq!(s.listed().len(), s.len());
    let mut out = Vec::new();
    shortlist::output::json::write(&s, &mut out).expect("writes to memory");
    shortlist::output::csv::write(&s, Default::default(), &mut out).expect("writes to memory");
});
