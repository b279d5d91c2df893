//! Property tests: no cell and no file makes the readers panic, and rows come out numbered in
//! order.

use proptest::prelude::*;
use shortlist::cells::{self, Context, dates};
use shortlist::ingest::{Options, Row, Source};
use shortlist::lexicon::Term;
use shortlist::posting::FieldType;

const TYPES: [FieldType; 9] = [
    FieldType::Text,
    FieldType::Email,
    FieldType::Phone,
    FieldType::Years,
    FieldType::Datetime,
    FieldType::YesNo,
    FieldType::List,
    FieldType::Number,
    FieldType::Degree,
];

fn read_every_type(cell: &str) {
    let zone = dates::Zone::default();
    let known = [Term::new("lettre de motivation", &[])];
    for order in [dates::Order::DayFirst, dates::Order::MonthFirst] {
        let cx = Context {
            phone_country: "223",
            known_items: &known,
            separator: None,
            order,
            zone: &zone,
        };
        for kind in TYPES {
            let _ = cells::read(kind, cell, &cx);
        }
    }
}

fn read_file(bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("c.csv");
    std::fs::write(&path, bytes).expect("write");
    if let Ok(source) = Source::open(&path, &Options::default()) {
        let header_row = source.header_row;
        let width = source.header.len();
        let mut last = header_row;
        for row in source {
            assert!(
                row.number() > last,
                "row numbers increase: {row:?} after {last}"
            );
            last = row.number();
            if let Row::Data { cells, .. } = row {
                assert_eq!(cells.len(), width);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn any_string_in_any_cell_type(cell in any::<String>()) {
        read_every_type(&cell);
    }

    #[test]
    fn cell_like_strings_in_any_cell_type(cell in "[0-9a-zA-Zéèàç ,.;:/+<>-]{0,40}") {
        read_every_type(&cell);
    }

    #[test]
    fn any_bytes_as_a_candidate_file(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        read_file(&bytes);
    }

    #[test]
    fn csv_like_bytes_as_a_candidate_file(text in "[a-c\",;\t|\r\n\u{e9}\u{feff} ]{0,300}") {
        read_file(text.as_bytes());
    }
}

#[test]
fn naughty_strings_in_every_cell_type() {
    let text = include_str!("fixtures/naughty-strings/blns.txt");
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        read_every_type(line);
    }
}
