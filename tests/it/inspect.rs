//! `shortlist inspect`: what the reader sees in each encoding and delimiter, and a `fields:`
//! block that validates against the file it came from.

use crate::common::run;

const DIR: &str = "tests/fixtures/candidates";

/// The table and fields block every fixture holding the same four columns must show.
const SAME_BODY: &str = "\
┌─────────────────────┬──────────┬─────────────────────────────────────────────────────┬────────┐
│ colonne             ┆ remplies ┆ exemples                                            ┆ type   │
╞═════════════════════╪══════════╪═════════════════════════════════════════════════════╪════════╡
│ Nom                 ┆ 3/3      ┆ Aïssata Traoré | Moussa Diarra | Awa Keïta          ┆ text   │
│ Années d'expérience ┆ 2/3      ┆ 3,5 ans | trois ans                                 ┆ years  │
│ Diplôme             ┆ 3/3      ┆ Licence en sociologie | Master santé publique | BTS ┆ degree │
│ Documents           ┆ 3/3      ┆ CV; LM | CV | CV; LM; diplôme                       ┆ list   │
└─────────────────────┴──────────┴─────────────────────────────────────────────────────┴────────┘

fields:
  nom:                 { column: Nom, type: text }
  annees_d_experience: { column: 'Années d''expérience', type: years }
  diplome:             { column: Diplôme, type: degree }
  documents:           { column: Documents, type: list }
";

#[test]
fn every_encoding_and_delimiter_reads_the_same() {
    for (file, how) in [
        ("utf8-comma.csv", "encodage UTF-8, séparateur « , »"),
        ("utf8-bom-semicolon.csv", "encodage UTF-8, séparateur « ; »"),
        (
            "cp1252-semicolon.csv",
            "encodage windows-1252, séparateur « ; »",
        ),
        ("utf16le-tab.txt", "encodage UTF-16LE, séparateur « tab »"),
        ("utf16be-tab.txt", "encodage UTF-16BE, séparateur « tab »"),
        ("pipe.csv", "encodage UTF-8, séparateur « | »"),
    ] {
        let path = format!("{DIR}/{file}");
        let out = run(&["inspect", &path, "--lang", "fr"]);
        assert_eq!(out.stderr, "", "{file}");
        assert_eq!(
            out.stdout,
            format!("{path}\n{how}, 3 lignes de candidats (0 vide, 0 illisible)\n\n{SAME_BODY}"),
            "{file}"
        );
        assert_eq!(out.code, 0);
    }
}

#[test]
fn overrides_change_how_the_file_is_read() {
    let path = format!("{DIR}/cp1252-semicolon.csv");
    let out = run(&["inspect", &path, "--delimiter", ",", "--lang", "en"]);
    assert!(
        out.stdout.contains(
            "encoding windows-1252, delimiter \",\", 3 candidate rows (0 empty, 1 unreadable)"
        ),
        "{}",
        out.stdout
    );
    // A header that is not text in the encoding asked for cannot be read at all.
    let out = run(&["inspect", &path, "--encoding", "utf-8"]);
    assert_eq!(
        out.stderr,
        "shortlist: error: tests/fixtures/candidates/cp1252-semicolon.csv: row 1 (the header): column `2` holds bytes that are not valid UTF-8 (if the file is Windows-1252, say `--encoding windows-1252`)\n"
    );
    assert_eq!(out.code, 2);
    let out = run(&["inspect", &path, "--encoding", "klingon"]);
    assert_eq!(
        out.stderr,
        "shortlist: error: --encoding: `klingon` is not an encoding (try utf-8, windows-1252, utf-16le)\n"
    );
    assert_eq!(out.code, 2);
}

#[test]
fn broken_rows_are_listed_and_the_rest_is_read() {
    let out = run(&["inspect", "--lang", "en", &format!("{DIR}/broken-rows.csv")]);
    assert_eq!(
        out.stdout,
        "tests/fixtures/candidates/broken-rows.csv
encoding UTF-8, delimiter \";\", 4 candidate rows (1 empty, 2 unreadable)

┌────────┬────────┬────────────────────┬────────┐
│ column ┆ filled ┆ samples            ┆ type   │
╞════════╪════════╪════════════════════╪════════╡
│ Nom    ┆ 2/4    ┆ Awa | Dado         ┆ text   │
│ Age    ┆ 2/4    ┆ 30 | 5             ┆ number │
│ Ville  ┆ 2/4    ┆ Sikasso | Bougouni ┆ text   │
└────────┴────────┴────────────────────┴────────┘

unreadable row 3: the row has 2 cells where the header has 3 columns
unreadable row 4: column `Nom` holds bytes that are not valid UTF-8 (as the file's BOM says)

fields:
  nom:   { column: Nom, type: text }
  age:   { column: Age, type: number }
  ville: { column: Ville, type: text }
"
    );
    assert_eq!(out.code, 0);
}

#[test]
fn a_workbook_is_read_from_its_first_sheet_or_the_one_named() {
    let path = "examples/kobotoolbox-engagement-communautaire.xlsx";
    let out = run(&["inspect", path, "--lang", "fr"]);
    assert!(
        out.stdout.contains("classeur, feuille « Chargé engagement communautaire », 62 lignes de candidats (0 vide, 0 illisible)"),
        "{}",
        out.stdout
    );
    // Excel's numbers and dates come out as numbers and ISO dates.
    assert!(out.stdout.contains("annees_gysi_wash:"), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("{ column: _submission_time, type: datetime, timezone: UTC }")
    );
    let out = run(&["inspect", path, "--sheet", "Note"]);
    assert_eq!(
        out.stderr,
        "shortlist: error: examples/kobotoolbox-engagement-communautaire.xlsx: the workbook has no sheet `Note`; its sheets are `Chargé engagement communautaire`, `Notes`; did you mean `Notes`?\n"
    );
    assert_eq!(out.code, 2);
}

#[test]
fn bad_files_exit_2_naming_the_file() {
    for (args, want) in [
        (
            vec!["inspect", "examples/nope.csv"],
            "shortlist: error: examples/nope.csv: cannot read the file: ",
        ),
        (
            vec!["inspect", "examples"],
            "shortlist: error: examples: cannot read the file: ",
        ),
        (
            vec!["inspect", "tests/fixtures/postings/empty.yaml"],
            "shortlist: error: tests/fixtures/postings/empty.yaml: the file holds no header row",
        ),
    ] {
        let out = run(&args);
        assert!(out.stderr.starts_with(want), "{args:?}: {}", out.stderr);
        assert_eq!(out.code, 2, "{args:?}");
    }
}

/// The `fields:` block `inspect` prints, pasted into a posting, validates against the file.
#[test]
fn the_fields_block_validates_against_its_file() {
    for file in [
        "examples/google-forms-district-officer.csv",
        "examples/excel-district-officer.csv",
        "examples/kobotoolbox-engagement-communautaire.csv",
        "examples/kobotoolbox-engagement-communautaire.xlsx",
        "tests/fixtures/candidates/utf16le-tab.txt",
    ] {
        let out = run(&["inspect", file]);
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        let block = out
            .stdout
            .split("\nfields:\n")
            .nth(1)
            .expect("a fields block");
        let first = block.split(':').next().expect("a field").trim().to_string();
        let posting = format!(
            "posting: {{ id: pasted, title: Pasted }}\nfields:\n{block}requirements:\n  - id: present\n    not_blank: [{first}]\n"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pasted.yaml");
        std::fs::write(&path, posting).expect("write");
        let check = run(&["validate", &path.to_string_lossy(), "--against", file]);
        assert_eq!(check.code, 0, "{file}: {}{}", check.stdout, check.stderr);
        assert_eq!(check.stderr, "", "{file}");
    }
}

#[test]
fn naughty_strings_are_read_and_printed_safely() {
    let out = run(&[
        "inspect",
        "--lang",
        "en",
        "tests/fixtures/naughty-strings/blns_names.csv",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "encoding UTF-8, delimiter \",\", 108 candidate rows (0 empty, 0 unreadable)"
        ),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.chars().any(|c| c.is_control() && c != '\n'),
        "no control character reaches the terminal"
    );
}
