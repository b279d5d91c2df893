//! Property test: on generated candidate files, every data row gets exactly one status, the
//! statuses add up, every ineligible row names each failing requirement, and the output does
//! not depend on anything but the input.

use proptest::prelude::*;
use shortlist::engine::Outcome;
use shortlist::ingest::{Options, Source};
use shortlist::output::explain;
use shortlist::rank::Status;
use shortlist::screen::{Request, Screening, View};

const POSTING: &str = include_str!("../fixtures/screen/kinds.yaml");
const HEADER: &str = "Submitted,Name,Email,Phone,Place,Age,Sanctioned,Motivation";

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("N/A".to_string()),
        prop::sample::select(vec![
            "2024-02-20",
            "2024-03-02",
            "01/03/2024",
            "hier",
            "2024/02/29 3:00:00 PM UTC"
        ])
        .prop_map(String::from),
        prop::sample::select(vec!["a@x.ml", "b@x.ml", "A@X.ML", "pas de mail"])
            .prop_map(String::from),
        prop::sample::select(vec!["76 00 00 01", "+223 76000001", "12"]).prop_map(String::from),
        prop::sample::select(vec!["Kita", "kayes", "Ségou"]).prop_map(String::from),
        prop::sample::select(vec!["25", "17", "vingt", "35,5"]).prop_map(String::from),
        prop::sample::select(vec!["oui", "non", "x", "peut-être"]).prop_map(String::from),
        "[a-zA-Z =+\"-]{0,12}",
    ]
}

fn row() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        8 => proptest::collection::vec(cell(), 8),
        1 => proptest::collection::vec(cell(), 0..12),
    ]
}

fn csv_line(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(",")
}

fn screen_json(path: &std::path::Path) -> (String, usize, Vec<(Status, usize, usize)>) {
    let posting = shortlist::posting::parse(POSTING.as_bytes())
        .posting
        .expect("valid posting");
    let source = Source::open(path, &Options::default()).expect("readable header");
    let view = View {
        all: true,
        ..View::default()
    };
    let s = Screening::run(
        &posting,
        vec![source],
        Request {
            view,
            ..Request::default()
        },
    )
    .expect("screens");
    let mut out = Vec::new();
    shortlist::output::json::write(&s, &mut out).expect("json");
    let per_row = (0..s.len())
        .map(|i| {
            let d = &s.decisions[i];
            let failing = d
                .outcomes
                .iter()
                .take(posting.requirements.len())
                .filter(|o| *o == Outcome::Fail)
                .count();
            // Besides the failing requirements, a possible duplicate is said.
            let reasons =
                explain::reasons(&s, i, s.view.lang).len() - usize::from(s.same_name(i).is_some());
            (d.status, failing, reasons)
        })
        .collect();
    (
        String::from_utf8(out).expect("utf-8"),
        s.inputs[0].rows as usize,
        per_row,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_row_gets_one_status(rows in proptest::collection::vec(row(), 0..25)) {
        let mut text = String::from(HEADER);
        text.push('\n');
        for r in &rows {
            text.push_str(&csv_line(r));
            text.push('\n');
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("c.csv");
        std::fs::write(&path, &text).expect("write");
        let (json, data_rows, per_row) = screen_json(&path);
        prop_assert_eq!(per_row.len(), data_rows);
        let doc: serde_json::Value = serde_json::from_str(&json).expect("valid json");
        prop_assert_eq!(doc["summary"]["total"].as_u64(), Some(data_rows as u64));
        let statuses = ["shortlisted", "eligible", "review", "ineligible", "duplicate", "unreadable"];
        let sum: u64 = statuses.iter().map(|s| doc["summary"][*s].as_u64().unwrap_or(0)).sum();
        prop_assert_eq!(sum, data_rows as u64);
        prop_assert_eq!(doc["candidates"].as_array().map(Vec::len), Some(data_rows));
        for (status, failing, reasons) in per_row {
            if status == Status::Ineligible {
                prop_assert!(failing > 0);
                prop_assert_eq!(failing, reasons);
            }
        }
        let (again, _, _) = screen_json(&path);
        prop_assert_eq!(json, again);
    }
}
