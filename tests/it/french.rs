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

/// A message's own words: without what it names in backticks (keys, columns, values as
/// written), nor the paths of files.
fn message_words(text: &str) -> String {
    let own = own_words(text).replace("shortlist review", "shortlist");
    let unnamed: String = own.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    unnamed
        .split_whitespace()
        .filter(|w| {
            !w.starts_with("--") && !w.contains('/') && !w.contains(".yaml") && !w.contains(".csv")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn faults(what: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    // A field's type is a posting's identifier (`type: years`), in `inspect`'s table too.
    // A command's name is the tool's word in every language.
    let own = own_words(text)
        .replace("type: years", "type:")
        .replace("┆ years ", "┆ ")
        .replace("shortlist review", "shortlist");
    found.extend(plural_and_english(what, &own, ENGLISH));
    found
}

/// Words of the tool's English messages that have no business in French ones, besides
/// [`ENGLISH`]'s.
const ENGLISH_MESSAGES: &[&str] = &[
    "is", "not", "and", "in", "to", "it", "has", "was", "file", "sheet", "workbook", "key",
    "field", "rule", "found", "read", "with", "this", "that", "column", "header", "posting", "no",
    "did", "you", "mean", "should", "write", "give", "use",
];

fn plural_and_english(what: &str, own: &str, english: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(at) = own.find("(s)") {
        found.push(format!(
            "{what}: `(s)` in {:?}",
            &own[at.saturating_sub(30)..(at + 3).min(own.len())]
        ));
    }
    for word in own.split(|c: char| !c.is_alphanumeric() && c != '_') {
        if english.contains(&word) {
            found.push(format!("{what}: English word `{word}` in {own:?}"));
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

/// Every file of a folder of fixtures, as a path.
fn fixtures(dir: &str) -> Vec<String> {
    let mut paths: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.path().display().to_string())
        .filter(|p| !p.ends_with(".md") && !p.ends_with(".py"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn french_messages_hold_no_english() {
    let dir = tempfile::tempdir().expect("dir");
    let link = dir.path().join("lien.csv");
    std::os::unix::fs::symlink(dir.path().join("nulle-part/rien.csv"), &link).expect("link");
    let link = link.to_str().expect("path");
    let intake_out = dir.path().join("candidatures.csv");
    let intake_out = intake_out.to_str().expect("path");
    let mut runs: Vec<Vec<String>> = Vec::new();
    let owned = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    for posting in fixtures("tests/fixtures/postings") {
        runs.push(owned(&["validate", &posting, "--against", GOOGLE]));
        runs.push(owned(&["screen", &posting, GOOGLE]));
    }
    for file in fixtures("tests/fixtures/candidates")
        .into_iter()
        .chain(fixtures("tests/fixtures/workbooks"))
    {
        runs.push(owned(&["inspect", &file]));
        runs.push(owned(&["screen", JIGI, &file]));
    }
    for args in [
        &["screen", JIGI, GOOGLE, "--as-of", "demain"][..],
        &["screen", JIGI, GOOGLE, "--delimiter", "ab"],
        &["screen", JIGI, GOOGLE, "--encoding", "klingon"],
        &["screen", JIGI, GOOGLE, "--format", "xlsx"],
        &["screen", JIGI, GOOGLE, "--sheet", "Feuil1"],
        &["screen", JIGI, GOOGLE, "-o", link],
        &[
            "screen",
            JIGI,
            "tests/fixtures/workbooks/candidates.xls",
            "--sheet",
            "Reponses",
        ],
        &["explain", JIGI, GOOGLE, "--row", "999"],
        &[
            "report",
            JIGI,
            GOOGLE,
            "--audit-by",
            "Genre",
            "--format",
            "markdown",
        ],
        &["validate", JIGI, "--against", "nulle-part.csv"],
        &["inspect", "nulle-part.csv"],
        &["screen", JIGI, GOOGLE, "-o", GOOGLE],
        &["screen", JIGI, GOOGLE, "-o", "nulle-part/liste.csv"],
        &["review", JIGI, GOOGLE, "-o", "liste.pdf"],
        &["intake", "nulle-part.mbox", "-o", intake_out],
        &[
            "intake",
            "examples/boite-recrutement.mbox",
            "-o",
            "liste.pdf",
        ],
        &[
            "intake",
            "examples/boite-recrutement.mbox",
            "tests/fixtures/intake/chiffre.pdf",
            "--posting",
            "postings/jigi-district-officer-courriel.yaml",
            "--ocr",
            "-o",
            intake_out,
        ],
        &[
            "screen",
            JIGI,
            GOOGLE,
            "--verified",
            "tests/fixtures/screen/kinds.csv",
        ],
    ] {
        runs.push(owned(args));
    }
    let mut found = Vec::new();
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (_, stderr) = french(&args);
        let what = args.join(" ");
        found.extend(plural_and_english(
            &what,
            &message_words(&stderr),
            &[ENGLISH, ENGLISH_MESSAGES].concat(),
        ));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
