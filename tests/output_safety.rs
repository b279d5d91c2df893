//! Every output, fed the Big List of Naughty Strings as candidate names: nothing a terminal,
//! a spreadsheet, a Markdown renderer or a browser would obey gets through.

mod common;
use common::run;

const POSTING: &str = "tests/fixtures/screen/blns.yaml";
const NAMES: &str = "tests/fixtures/naughty-strings/blns_names.csv";

/// The names as the candidate file holds them.
fn names() -> Vec<String> {
    let mut reader = csv::Reader::from_path(NAMES).expect("the corpus");
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| r.get(2).unwrap_or_default().trim().to_string())
        .collect()
}

fn write(format: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("out.{format}"));
    let out = run(&["screen", POSTING, NAMES, "-o", &path.to_string_lossy()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    (dir, path)
}

#[test]
fn every_name_is_listed() {
    let out = run(&["screen", POSTING, NAMES, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(doc["summary"]["shortlisted"], 108);
    assert_eq!(names().len(), 108);
}

#[test]
fn the_terminal_gets_no_control_sequence() {
    let out = run(&["screen", POSTING, NAMES]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for c in out.stdout.chars() {
        assert!(
            !c.is_control() || c == '\n',
            "control character {c:?} in the table"
        );
        assert!(
            !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'),
            "bidi override {c:?} in the table"
        );
    }
}

#[test]
fn csv_cells_never_start_a_formula() {
    let (_dir, path) = write("csv");
    let mut reader = csv::Reader::from_path(&path).expect("csv");
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("a record");
        rows += 1;
        for cell in [record.get(5), record.get(6), record.get(record.len() - 1)]
            .into_iter()
            .flatten()
        {
            let first = cell.trim_start_matches(' ').chars().next();
            let dangerous =
                cell.starts_with(['\t', '\r']) || matches!(first, Some('=' | '+' | '-' | '@'));
            assert!(
                !dangerous || cell.starts_with('\''),
                "formula-like cell {cell:?}"
            );
        }
    }
    assert_eq!(rows, 108);
}

#[test]
fn markdown_rows_keep_their_columns() {
    let out = run(&["screen", POSTING, NAMES, "--format", "markdown"]);
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| ---"))
        .collect();
    assert_eq!(rows.len(), 109, "header and one line per candidate");
    for row in rows {
        // Cells are separated by ` | `; an escaped pipe is `\|`.
        let separators = row
            .match_indices(" | ")
            .filter(|(i, _)| !row[..*i].ends_with('\\'))
            .count();
        assert_eq!(separators, 4, "five cells in {row:?}");
        assert!(!row.contains('<'), "no raw markup in {row:?}");
    }
}

#[test]
fn html_holds_no_markup_from_candidates() {
    let (_dir, path) = write("html");
    let html = std::fs::read_to_string(path).expect("html");
    let ours = [
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "li",
        "table", "thead", "tbody", "tr", "th", "td", "svg", "rect", "text", "line", "footer",
    ];
    let mut rest = html.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if rest.starts_with('!') {
            continue;
        }
        assert!(ours.contains(&name.as_str()), "unexpected tag <{name} …");
    }
}

#[test]
fn the_workbook_holds_text_only() {
    use calamine::{Data, Reader, open_workbook_auto};
    let (_dir, path) = write("xlsx");
    let mut book = open_workbook_auto(&path).expect("xlsx");
    for sheet in book.sheet_names() {
        let formulas = book.worksheet_formula(&sheet).expect("formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula in {sheet}"
        );
    }
    let all = book.worksheet_range("All candidates").expect("sheet");
    let written: Vec<String> = all
        .rows()
        .skip(1)
        .map(|r| match &r[5] {
            Data::String(s) => s.clone(),
            other => panic!("a name is text, not {other:?}"),
        })
        .collect();
    assert_eq!(written.len(), 108);
}

#[test]
fn json_candidates_hold_every_name_as_written_with_members_in_order() {
    let out = run(&["screen", POSTING, NAMES, "--format", "json", "--all"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let mut shown: Vec<String> = doc["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| c["name"].as_str().expect("a name").to_string())
        .collect();
    let mut want: Vec<String> = names()
        .into_iter()
        .enumerate()
        // A name that is nothing but blanks or control characters shows as the row's tag.
        .map(|(i, n)| {
            let printable: String = n.chars().filter(|c| !c.is_control()).collect();
            if printable.trim().is_empty() {
                format!("C-{}", i + 2)
            } else {
                n
            }
        })
        .collect();
    shown.sort();
    want.sort();
    assert_eq!(shown, want);
    // Members in the order SPEC.md gives them, candidates and rules alike.
    let line = out
        .stdout
        .lines()
        .find(|l| l.starts_with("{\"row\":"))
        .expect("a candidate line");
    let at = |key: &str| line.find(&format!("\"{key}\":")).expect(key);
    let order = [
        "row",
        "file",
        "rank",
        "status",
        "score",
        "score_max",
        "name",
        "contact",
        "group",
        "rules",
        "id",
        "kind",
        "outcome",
        "points",
        "detail",
        "reasons",
    ];
    let places: Vec<usize> = order.iter().map(|k| at(k)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{line}");
}
