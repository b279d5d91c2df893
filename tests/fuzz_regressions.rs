//! Every input a fuzz target ever crashed on, kept under `tests/fixtures/fuzz/<target>/` and
//! replayed here through the same code, so that a fixed crash stays fixed.

use shortlist::cells::{self, Context, dates};
use shortlist::ingest::{Options, Source};
use shortlist::lexicon::{Term, level_of};
use shortlist::posting::FieldType;
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
    let zone = dates::Zone::default();
    let known = [Term::new("lettre de motivation", &[])];
    for bytes in inputs("cells") {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        for order in [dates::Order::DayFirst, dates::Order::MonthFirst] {
            let cx = Context {
                phone_country: "223",
                known_items: &known,
                separator: None,
                order,
                zone: &zone,
            };
            for kind in [
                FieldType::Text,
                FieldType::Email,
                FieldType::Phone,
                FieldType::Years,
                FieldType::Datetime,
                FieldType::YesNo,
                FieldType::List,
                FieldType::Number,
                FieldType::Degree,
            ] {
                let _ = cells::read(kind, text, &cx);
            }
        }
        let _ = dates::parse_deadline(text, &zone);
        let _ = dates::Zone::parse(text);
        let _ = level_of(text);
        let _ = Term::new(text, &[]);
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

#[test]
fn readers() {
    for bytes in inputs("reader") {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("c.csv");
        std::fs::write(&path, &bytes).expect("write");
        if let Ok(source) = Source::open(&path, &Options::default()) {
            let mut last = source.header_row;
            for row in source {
                assert!(row.number() > last);
                last = row.number();
            }
        }
    }
}
