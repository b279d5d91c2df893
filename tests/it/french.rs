//! Every output a person reads, in French, scanned for what a careful writer would not sign:
//! a plural left to the reader (`an(s)`) and the tool's own English words.

use crate::common::shortlist;

const JIGI: &str = "postings/jigi-district-officer.yaml";
const GOOGLE: &str = "examples/google-forms-district-officer.csv";
const CARE: &str = "postings/care-an-ka-jiko-engagement-communautaire.yaml";
const KOBO: &str = "examples/kobotoolbox-engagement-communautaire.csv";

/// Words of the tool's English outputs that have no business in French ones.
const ENGLISH: &[&str] = &[
    "required",
    "blank",
    "rank",
    "row",
    "rows",
    "shortlisted",
    "ineligible",
    "unreadable",
    "review",
    "deadline",
    "late",
    "level",
    "subject",
    "missing",
    "expected",
    "must",
    "does",
    "cannot",
    "the",
    "of",
    "year",
    "years",
    "pass",
    "fail",
    "unknown",
    "candidate",
    "candidates",
    "applications",
    "duplicate",
    "error",
    "warning",
];

/// What the tool wrote itself: text between « », which is a candidate's or a posting's, is
/// left out, as are the lines that show a file's own header or cells.
fn own_words(text: &str) -> String {
    let mut out = String::new();
    let mut quoted = 0usize;
    for c in text.chars() {
        match c {
            '«' => quoted += 1,
            '»' => quoted = quoted.saturating_sub(1),
            _ if quoted == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn faults(what: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    // A field's type is a posting's identifier (`type: years`), in `inspect`'s table too.
    let own = own_words(text)
        .replace("type: years", "type:")
        .replace("┆ years ", "┆ ");
    if let Some(at) = own.find("(s)") {
        found.push(format!(
            "{what}: `(s)` in {:?}",
            &own[at.saturating_sub(30)..(at + 3).min(own.len())]
        ));
    }
    for word in own.split(|c: char| !c.is_alphanumeric() && c != '_') {
        if ENGLISH.contains(&word) {
            found.push(format!("{what}: English word `{word}`"));
        }
    }
    found
}

fn french(args: &[&str]) -> (String, String) {
    let out = shortlist()
        .env("LANG", "fr_ML.UTF-8")
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn french_outputs_hold_no_plural_shortcut_and_no_english() {
    let dir = tempfile::tempdir().expect("dir");
    let excel = dir.path().join("liste.csv");
    let excel = excel.to_str().expect("path");
    let runs: Vec<Vec<&str>> = vec![
        vec!["screen", JIGI, GOOGLE, "--all"],
        vec!["screen", CARE, KOBO, "--all"],
        vec!["screen", JIGI, GOOGLE, "--all", "--format", "markdown"],
        vec!["screen", JIGI, GOOGLE, "--all", "--excel", "-o", excel],
        vec![
            "report",
            JIGI,
            GOOGLE,
            "--format",
            "markdown",
            "--audit-by",
            "Sexe",
        ],
        vec!["explain", JIGI, GOOGLE, "--row", "4"],
        vec!["explain", JIGI, GOOGLE, "--row", "21"],
        vec!["explain", JIGI, GOOGLE, "--row", "11"],
        vec!["explain", CARE, KOBO, "--row", "5"],
        vec!["inspect", GOOGLE],
        vec!["validate", JIGI, CARE],
        vec!["validate", JIGI, "--against", GOOGLE],
        vec!["screen", GOOGLE, JIGI],
        vec!["screen", JIGI, GOOGLE, "--excel"],
        vec!["screen", JIGI, GOOGLE, "--top", "0"],
    ];
    let mut found = Vec::new();
    for args in &runs {
        let (stdout, stderr) = french(args);
        let what = args.join(" ");
        found.extend(faults(&what, &stdout));
        found.extend(faults(&what, &stderr));
    }
    let written = std::fs::read_to_string(excel).expect("the Excel CSV");
    found.extend(faults("--excel CSV", &written));
    assert!(found.is_empty(), "{}", found.join("\n"));
}
