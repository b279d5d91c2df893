//! Every output, fed the Big List of Naughty Strings as candidate names: nothing a terminal,
//! a spreadsheet, a Markdown renderer or a browser would obey gets through.

use crate::common::run;

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
        for cell in &record {
            let first = cell.trim_start_matches(' ').chars().next();
            // A phone number as read is `+` and digits, which no spreadsheet runs.
            let phone = cell.len() > 1
                && cell.starts_with('+')
                && cell[1..].bytes().all(|b| b.is_ascii_digit());
            let dangerous = !phone
                && (cell.starts_with(['\t', '\r']) || matches!(first, Some('=' | '+' | '-' | '@')));
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
    let sheet = book
        .sheet_names()
        .into_iter()
        .find(|n| n == "All applications" || n == "Toutes les candidatures")
        .expect("the sheet of every application");
    let all = book.worksheet_range(&sheet).expect("sheet");
    let written: Vec<String> = all
        .rows()
        .skip(1)
        .map(|r| match &r[7] {
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
    // C1 controls and bidi controls stand as escapes in the text: a terminal showing the
    // JSON obeys none of them.
    let steering = |c: char| matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    assert!(!out.stdout.chars().any(steering), "raw steering characters");
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
        "submitted_at",
        "rules",
        "id",
        "kind",
        "outcome",
        "points",
        "cells",
        "field",
        "column",
        "raw",
        "value",
        "reasons",
        "duplicate_of",
        "verified",
    ];
    let places: Vec<usize> = order.iter().map(|k| at(k)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{line}");
}

/// A header holding an OSC 52 sequence (which writes the clipboard) is named in an error
/// message with its escape shown, not obeyed.
#[test]
fn messages_show_control_sequences_escaped() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("osc.csv");
    std::fs::write(
        &csv,
        "Horodateur,Dipl\u{f4}me\u{1b}]52;c;aGk=\u{7},Exp\u{e9}rience\n2024-02-20,Licence,3\n",
    )
    .expect("write");
    let out = run(&[
        "screen",
        "tests/fixtures/postings/minimal.yaml",
        &csv.display().to_string(),
    ]);
    assert_eq!(out.code, 2);
    assert!(
        !out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{7}'),
        "{:?}",
        out.stderr
    );
    assert!(
        out.stderr.contains("Dipl\u{f4}me\\u001b]52;c;aGk=\\u0007"),
        "{}",
        out.stderr
    );
}

/// CSV printed to a terminal (a pseudo-terminal made by `script`) shows control sequences
/// from candidates escaped.
#[cfg(target_os = "linux")]
#[test]
fn csv_on_a_terminal_shows_control_sequences_escaped() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: `script` is not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("esc.csv");
    std::fs::write(
        &csv,
        "Timestamp,Email Address,Full name,Years of experience,Motivation\n\
         2024-02-20,awa@example.org,Awa \u{1b}]0;pwned\u{7},3,oui\n",
    )
    .expect("write");
    let command = format!(
        "{} screen {POSTING} {} --format csv --all",
        env!("CARGO_BIN_EXE_shortlist"),
        csv.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("script");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("\\u001b]0;pwned\\u0007"), "{shown:?}");
    assert!(!shown.contains("\u{1b}]0;pwned"), "{shown:?}");
}

/// Full-width and small forms of the signs, and invisible characters before a sign, are
/// neutralised as the signs are.
#[test]
fn csv_neutralises_look_alike_and_hidden_formulas() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("forms.csv");
    let names = [
        "＝1+1",
        "＋1",
        "－1",
        "＠SUM(A1)",
        "﹦1+1",
        "\u{200b}=1+1",
        "\u{feff}=1+1",
    ];
    let mut text =
        String::from("Timestamp,Email Address,Full name,Years of experience,Motivation\n");
    for (i, n) in names.iter().enumerate() {
        text.push_str(&format!("2024-02-20,p{i}@example.org,{n},3,oui\n"));
    }
    std::fs::write(&csv, text).expect("write");
    let out = run(&[
        "screen",
        POSTING,
        &csv.display().to_string(),
        "--format",
        "csv",
        "--all",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let mut shown: Vec<String> = reader
        .records()
        .map(|r| r.expect("record").get(7).unwrap_or_default().to_string())
        .collect();
    shown.sort();
    let mut want: Vec<String> = names.iter().map(|n| format!("'{n}")).collect();
    want.sort();
    assert_eq!(shown, want);
}

/// A name longer than an Excel cell holds is cut with a marker, and the warning names where.
#[test]
fn a_text_too_long_for_excel_is_cut_and_named() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("long.csv");
    let long = "A".repeat(40_000);
    std::fs::write(
        &csv,
        format!(
            "Timestamp,Email Address,Full name,Years of experience,Motivation\n\
             2024-02-20,awa@example.org,{long},3,oui\n"
        ),
    )
    .expect("write");
    let book = dir.path().join("out.xlsx");
    let out = run(&[
        "screen",
        POSTING,
        &csv.display().to_string(),
        "-o",
        &book.display().to_string(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "warning: sheet `Shortlist`, row 2, column `Name`: a text of 40000 characters is cut to Excel's 32767\n\
         warning: sheet `All applications`, row 2, column `Name`: a text of 40000 characters is cut to Excel's 32767\n\
         1 application: 1 shortlisted, 0 eligible, 0 to review, 0 ineligible, 0 duplicates, 0 unreadable → "
            .to_string()
            + &book.display().to_string()
            + "\n"
    );
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(&book).expect("workbook");
    let sheet = wb.worksheet_range("Shortlist").expect("sheet");
    let name = sheet
        .get_value((1, 2))
        .map(|v| v.to_string())
        .unwrap_or_default();
    assert_eq!(name.chars().count(), 32_767);
    assert!(name.ends_with('…'));
}
