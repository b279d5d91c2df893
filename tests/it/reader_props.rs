//! Property tests: no cell and no file makes the readers panic, rows come out numbered in
//! order, and a row read again by its position is the row read first.

use proptest::prelude::*;
use shortlist::cells::read_every_way as read_every_type;
use shortlist::ingest::{Options, Row, Source, check_rows_read_again};

fn read_again(bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("c.csv");
    std::fs::write(&path, bytes).expect("write");
    if let Err(why) = check_rows_read_again(&path) {
        panic!("{why} in {bytes:?}");
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

    #[test]
    fn rows_read_again_are_the_rows_read_first(text in "[a-c\",;\r\n\u{e9}\u{feff} ]{0,300}") {
        read_again(text.as_bytes());
    }
}

#[test]
fn naughty_strings_in_every_cell_type() {
    let text = include_str!("../fixtures/naughty-strings/blns.txt");
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        read_every_type(line);
    }
}
