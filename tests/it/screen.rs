//! `shortlist screen` and `explain` on the bundled examples and on fixtures: hand-checked
//! statuses row by row, the invariants of every screening, and safe outputs.

use crate::common::{Test, run, shortlist};
use serde_json::Value;
use std::collections::BTreeMap;

const JIGI: &str = "postings/jigi-district-officer.yaml";
const CARE: &str = "postings/care-an-ka-jiko-engagement-communautaire.yaml";
const GOOGLE: &str = "examples/google-forms-district-officer.csv";
const EXCEL: &str = "examples/excel-district-officer.csv";
const KOBO: &str = "examples/kobotoolbox-engagement-communautaire.csv";
const KOBO_XLSX: &str = "examples/kobotoolbox-engagement-communautaire.xlsx";
const KINDS: &str = "tests/fixtures/screen/kinds.yaml";
const KINDS_CSV: &str = "tests/fixtures/screen/kinds.csv";

/// Every candidate of a screening, as JSON.
fn screen_json(posting: &str, files: &[&str], extra: &[&str]) -> Value {
    let mut args = vec!["screen", posting];
    args.extend(files);
    args.extend(["--all", "--format", "json"]);
    args.extend(extra);
    let out = run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Its whole shape is SPEC's.
    crate::json::parse(&out.stdout);
    serde_json::from_str(&out.stdout).expect("valid JSON")
}

/// Row → (status, requirements that did not pass, rank).
fn by_row(doc: &Value) -> BTreeMap<u64, (String, Vec<String>, Option<u64>)> {
    let mut out = BTreeMap::new();
    for c in doc["candidates"].as_array().expect("candidates") {
        let not_passed: Vec<String> = c["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .filter(|r| r["kind"] == "requirement" && r["outcome"] != "pass")
            .map(|r| r["id"].as_str().unwrap_or_default().to_string())
            .collect();
        let row = c["row"].as_u64().expect("row");
        let status = c["status"].as_str().expect("status").to_string();
        assert!(
            out.insert(row, (status, not_passed, c["rank"].as_u64()))
                .is_none(),
            "row {row} twice"
        );
    }
    out
}

fn check_rows(doc: &Value, expected: &[(u64, &str, &[&str])]) {
    let rows = by_row(doc);
    for (row, status, failing) in expected {
        let (got, not_passed, _) = rows.get(row).unwrap_or_else(|| panic!("row {row} listed"));
        assert_eq!(got, status, "status of row {row}");
        // A duplicate's own requirements do not decide its status.
        if *status != "duplicate" {
            assert_eq!(not_passed, failing, "requirements not passed by row {row}");
        }
    }
}

#[test]
fn district_officer_google_forms_rows() {
    let doc = screen_json(JIGI, &[GOOGLE], &[]);
    check_rows(
        &doc,
        &[
            (2, "shortlisted", &[]),                 // best profile in Sikasso
            (3, "eligible", &[]), // "Licence en sociolgie", "trois ans", "2 ans et demi"
            (4, "ineligible", &["delai"]), // 12:05, five minutes late
            (5, "eligible", &[]), // 12:00:00 exactly is on time
            (6, "ineligible", &["dossier"]), // no copy of the diploma
            (7, "review", &["sante_communautaire"]), // blank years
            (8, "review", &["terrain"]), // "quelques années"
            (9, "ineligible", &["diplome"]), // BTS, no listed subject
            (10, "eligible", &[]), // géographie + 4 years: the all_of branch
            (11, "duplicate", &[]), // earlier submission of row 2
            (12, "ineligible", &["terrain", "sante_communautaire"]), // "18 mois", "1 an"
            (13, "shortlisted", &[]), // "LM", "Diplôme" as synonyms
        ],
    );
    let rows = by_row(&doc);
    assert_eq!(rows[&2].2, Some(1), "row 2 ranks first in Sikasso");
    let dup = doc["candidates"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["row"] == 11)
        .expect("row 11");
    assert_eq!(
        dup["reasons"][0],
        "la ligne 2 est gardée (même Adresse e-mail)"
    );
    let late = doc["candidates"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["row"] == 4)
        .expect("row 4");
    assert_eq!(
        late["reasons"][0],
        "Candidature reçue au plus tard le 23 février 2024 à 12h00 GMT : Horodateur : « 2024/02/23 12:05:00 PM UTC » = 23 février 2024 à 12h05 (heure de Bamako) ; date limite 23 février 2024 à 12h00 (heure de Bamako) ; hors délai de 5 minutes"
    );
}

#[test]
fn district_officer_excel_rows() {
    let doc = screen_json(JIGI, &[EXCEL], &[]);
    check_rows(
        &doc,
        &[
            (2, "review", &["delai"]), // "23/02/2024" without a time, on the deadline's day
            (3, "eligible", &[]),      // "Maitrise", "trois ans", "deux ans", Windows-1252
            (4, "ineligible", &["diplome", "terrain"]),
            (5, "ineligible", &["diplome"]), // DEF
            (23, "unreadable", &[]),         // a row typed halfway
        ],
    );
    assert_eq!(doc["inputs"][0]["encoding"], "windows-1252");
    assert_eq!(doc["inputs"][0]["empty_rows"], 3);
}

#[test]
fn engagement_communautaire_kobotoolbox_rows() {
    let doc = screen_json(CARE, &[KOBO], &[]);
    check_rows(
        &doc,
        &[
            (2, "duplicate", &[]),         // same phone as row 10, submitted earlier
            (3, "shortlisted", &[]),       // 23:30 on the deadline's day: on time
            (4, "ineligible", &["delai"]), // the next morning
            (5, "ineligible", &["objet"]), // subject line without the post's name
            (6, "ineligible", &["ong_internationale"]), // no international NGO
            (7, "review", &["experience_gysi_wash"]), // years left blank
            (8, "ineligible", &["ccsc"]),  // no advocacy
            (9, "ineligible", &["dossier"]), // no references
            (10, "shortlisted", &[]),      // kept, first in Sikasso
            (11, "ineligible", &["formation"]), // BTS: bac+2
        ],
    );
    let rows = by_row(&doc);
    assert_eq!(rows[&10].2, Some(1));
    let kept = doc["candidates"]
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["row"] == 10)
        .expect("row 10");
    assert_eq!(kept["group"], "sikasso");
}

#[test]
fn every_rule_kind_on_a_fixture() {
    let doc = screen_json(KINDS, &[KINDS_CSV], &[]);
    check_rows(
        &doc,
        &[
            (2, "shortlisted", &[]),
            (3, "eligible", &[]),
            (4, "ineligible", &["place"]),
            (5, "ineligible", &["reachable"]),
            (6, "ineligible", &["age"]),
            (7, "ineligible", &["clean"]),
            (8, "review", &["age"]),
            (9, "duplicate", &[]),
            (10, "ineligible", &["on_time"]),
            (11, "unreadable", &[]),
            (12, "eligible", &[]),
        ],
    );
    let rows = by_row(&doc);
    assert_eq!(
        rows[&12].2,
        Some(2),
        "the contains preference ranks row 12 before row 3"
    );
}

/// The invariants every screening holds.
fn check_invariants(doc: &Value) {
    let summary = &doc["summary"];
    let total = summary["total"].as_u64().expect("total");
    let rows: u64 = doc["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(|i| i["rows"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(total, rows, "summary.total is the number of data rows");
    let statuses = [
        "shortlisted",
        "eligible",
        "review",
        "ineligible",
        "duplicate",
        "unreadable",
    ];
    let sum: u64 = statuses
        .iter()
        .map(|s| summary[*s].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(sum, total, "statuses add up");
    let candidates = doc["candidates"].as_array().expect("candidates");
    assert_eq!(
        candidates.len() as u64,
        total,
        "every row listed with --all"
    );
    let mut seen = std::collections::BTreeSet::new();
    for c in candidates {
        let key = (
            c["file"].as_str().unwrap_or("").to_string(),
            c["row"].as_u64().unwrap_or(0),
        );
        assert!(seen.insert(key), "each row appears once");
        let status = c["status"].as_str().unwrap_or("");
        let reasons = c["reasons"].as_array().expect("reasons");
        assert!(!reasons.is_empty(), "a reason for every decision: {c}");
        if status == "ineligible" {
            let failing = c["rules"]
                .as_array()
                .expect("rules")
                .iter()
                .filter(|r| r["kind"] == "requirement" && r["outcome"] == "fail")
                .count();
            // Besides, a row of the same name as another says it may be a duplicate.
            let same_name = reasons
                .iter()
                .filter(|r| {
                    r.as_str()
                        .is_some_and(|r| r.starts_with("doublon possible"))
                })
                .count();
            assert_eq!(
                reasons.len() - same_name,
                failing,
                "one reason per failing requirement: {c}"
            );
        }
        assert_eq!(
            c["rank"].is_null(),
            !matches!(status, "shortlisted" | "eligible")
        );
    }
    // Listed in order: the ranked by group and rank, then the rows to review, the
    // ineligible, the duplicates and the unreadable, each in file order.
    let paths: Vec<&str> = doc["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(|i| i["path"].as_str().unwrap_or(""))
        .collect();
    let order = |c: &Value| {
        let status = c["status"].as_str().unwrap_or("");
        let bucket = [
            "eligible",
            "review",
            "ineligible",
            "duplicate",
            "unreadable",
        ]
        .iter()
        .position(|s| *s == status)
        .unwrap_or(0);
        let ranked = bucket == 0;
        let group = c["group"].as_str().filter(|_| ranked).unwrap_or("");
        let rank = c["rank"].as_u64().filter(|_| ranked).unwrap_or(0);
        let file = paths.iter().position(|p| c["file"] == *p);
        let row = c["row"].as_u64().unwrap_or(0);
        (bucket, group.to_lowercase(), rank, file, row)
    };
    for pair in candidates.windows(2) {
        assert!(
            order(&pair[0]) < order(&pair[1]),
            "listed in order: {} then {}",
            pair[0],
            pair[1]
        );
    }
}

#[test]
fn invariants_hold_on_every_example() {
    for (posting, file) in [
        (JIGI, GOOGLE),
        (JIGI, EXCEL),
        (CARE, KOBO),
        (CARE, KOBO_XLSX),
        (KINDS, KINDS_CSV),
    ] {
        check_invariants(&screen_json(posting, &[file], &[]));
    }
    check_invariants(&screen_json(CARE, &[KOBO, KOBO_XLSX], &[]));
}

#[test]
fn two_runs_give_identical_bytes() {
    for format in ["csv", "json"] {
        let args = ["screen", JIGI, GOOGLE, "--all", "--format", format];
        let (a, b) = (run(&args), run(&args));
        assert_eq!(a.code, 0);
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn several_files_make_one_list() {
    let doc = screen_json(CARE, &[KOBO, KOBO_XLSX], &[]);
    assert_eq!(doc["summary"]["total"], 66 + 62);
    let files: std::collections::BTreeSet<&str> = doc["candidates"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|c| c["file"].as_str())
        .collect();
    assert_eq!(files.len(), 2);
    let out = run(&["screen", CARE, KOBO, GOOGLE]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("examples/google-forms-district-officer.csv : son en-tête diffère de celui de examples/kobotoolbox-engagement-communautaire.csv"), "{}", out.stderr);
}

#[test]
fn default_output_is_the_shortlist_table() {
    let out = run(&["screen", KINDS, KINDS_CSV]);
    assert_eq!(
        out.stdout,
        "Relais communautaire
┌──────┬─────┬──────┬───────┬─────────────┬─────────────────────────┐
│ rank ┆ row ┆ name ┆ score ┆ status      ┆ reason                  │
╞══════╪═════╪══════╪═══════╪═════════════╪═════════════════════════╡
│ 1    ┆ 2   ┆ Awa  ┆ 1 / 1 ┆ shortlisted ┆ meets every requirement │
└──────┴─────┴──────┴───────┴─────────────┴─────────────────────────┘
11 applications: 1 shortlisted, 2 eligible, 1 to review, 5 ineligible, 1 duplicate, 1 unreadable
"
    );
    assert_eq!(out.code, 0);
    let fr = run(&["screen", KINDS, KINDS_CSV, "--lang", "fr", "--top", "2"]);
    assert!(
        fr.stdout.contains(
            "│ 2    ┆ 12    ┆ Jeneba ┆ 1 / 1 ┆ retenu(e) ┆ toutes les exigences sont remplies │"
        ),
        "{}",
        fr.stdout
    );
    assert!(fr.stdout.ends_with("11 candidatures : 2 retenues, 1 éligible, 1 à vérifier, 5 non éligibles, 1 doublon, 1 illisible\n"), "{}", fr.stdout);
}

/// The CSV for programs: SPEC's English columns, statuses and outcomes, ISO dates, phones
/// as read, the points of each preference.
#[test]
fn csv_for_programs_has_the_columns_of_spec() {
    Test::new()
        .copy(KINDS, "kinds.yaml")
        .copy(KINDS_CSV, "kinds.csv")
        .args(&["screen", "kinds.yaml", "kinds.csv", "--format", "csv", "--all", "--lang", "fr"])
        .stdout(
            r#"file,row,group,rank,status,score,score_max,name,email,phone,submitted_at,place,reachable,age,clean,on_time,motivated,reasons
kinds.csv,2,,1,shortlisted,1,1,Awa,a@x.ml,+22376000001,2024-02-20,pass,pass,pass,pass,pass,1,"rang 1, score 1 / 1"
kinds.csv,12,,2,eligible,1,1,Jeneba,j@x.ml,+22376000011,2024-02-26,pass,pass,pass,pass,pass,1,"en réserve : rang 2, score 1 / 1"
kinds.csv,3,,3,eligible,0,1,Bina,b@x.ml,+22376000002,2024-02-21,pass,pass,pass,pass,pass,0,"en réserve : rang 3, score 0 / 1"
kinds.csv,8,,,review,0,1,Gaoussou,g@x.ml,+22376000007,2024-02-24,pass,pass,unknown,pass,pass,0,age : à vérifier — Age : « vingt » ne se lit pas comme un nombre ; entre 18 et 35 requis
kinds.csv,4,,,ineligible,0,1,Cheick,c@x.ml,+22376000003,2024-02-22,fail,pass,pass,pass,pass,0,place : Place : « Ségou » ; attendu : Kita ; Kayes
kinds.csv,5,,,ineligible,0,1,Dado,,,2024-02-22,pass,fail,pass,pass,pass,0,"reachable : vide : Email, Phone"
kinds.csv,6,,,ineligible,0,1,Ema,e@x.ml,+22376000005,2024-02-23,pass,pass,fail,pass,pass,0,age : Age : « 40 » ; entre 18 et 35 requis
kinds.csv,7,,,ineligible,0,1,Fanta,f@x.ml,+22376000006,2024-02-23,pass,pass,pass,fail,pass,0,clean : condition à ne pas remplir : Sanctioned : « oui » ; « oui » requis
kinds.csv,10,,,ineligible,0,1,Hawa,h@x.ml,+22376000009,2024-03-02,pass,pass,pass,pass,fail,0,on_time : Submitted : « 2024-03-02 » = 2 mars 2024 ; date limite 1er mars 2024 ; hors délai de 1 jour
kinds.csv,9,,,duplicate,0,1,Awa T.,a@x.ml,,2024-02-25,pass,fail,pass,pass,pass,0,la ligne 2 est gardée (même Email)
kinds.csv,11,,,unreadable,0,1,C-11,,,,,,,,,,la ligne a 3 cellules alors que l'en-tête a 8 colonnes
"#,
        )
        .run();
}

/// `--excel`: UTF-8 with BOM, `;`, CRLF, and headers, statuses, marks and dates for people.
#[test]
fn csv_for_excel_speaks_to_people() {
    let want = r#"Fichier;Ligne;Poste;Rang;Statut;Score;Score maximal;Nom;E-mail;Téléphone;Reçue le (UTC);place;reachable;age;clean;on_time;motivated;Raisons
tests/fixtures/screen/kinds.csv;2;;1;retenu(e);1;1;Awa;a@x.ml;76 00 00 01;20/02/2024;✓;✓;✓;✓;✓;1;rang 1, score 1 / 1
tests/fixtures/screen/kinds.csv;12;;2;éligible;1;1;Jeneba;j@x.ml;'+223 76 00 00 11;26/02/2024;✓;✓;✓;✓;✓;1;en réserve : rang 2, score 1 / 1
tests/fixtures/screen/kinds.csv;3;;3;éligible;0;1;Bina;b@x.ml;76 00 00 02;21/02/2024;✓;✓;✓;✓;✓;0;en réserve : rang 3, score 0 / 1
tests/fixtures/screen/kinds.csv;8;;;à vérifier;0;1;Gaoussou;g@x.ml;76 00 00 07;24/02/2024;✓;✓;?;✓;✓;0;"age : à vérifier — Age : « vingt » ne se lit pas comme un nombre ; entre 18 et 35 requis"
tests/fixtures/screen/kinds.csv;4;;;non éligible;0;1;Cheick;c@x.ml;76 00 00 03;22/02/2024;✗;✓;✓;✓;✓;0;"place : Place : « Ségou » ; attendu : Kita ; Kayes"
tests/fixtures/screen/kinds.csv;5;;;non éligible;0;1;Dado;;;22/02/2024;✓;✗;✓;✓;✓;0;reachable : vide : Email, Phone
tests/fixtures/screen/kinds.csv;6;;;non éligible;0;1;Ema;e@x.ml;76 00 00 05;23/02/2024;✓;✓;✗;✓;✓;0;"age : Age : « 40 » ; entre 18 et 35 requis"
tests/fixtures/screen/kinds.csv;7;;;non éligible;0;1;Fanta;f@x.ml;76 00 00 06;23/02/2024;✓;✓;✓;✗;✓;0;"clean : condition à ne pas remplir : Sanctioned : « oui » ; « oui » requis"
tests/fixtures/screen/kinds.csv;10;;;non éligible;0;1;Hawa;h@x.ml;76 00 00 09;02/03/2024;✓;✓;✓;✓;✗;0;"on_time : Submitted : « 2024-03-02 » = 2 mars 2024 ; date limite 1er mars 2024 ; hors délai de 1 jour"
tests/fixtures/screen/kinds.csv;9;;;doublon;0;1;Awa T.;A@X.ML;;25/02/2024;✓;✗;✓;✓;✓;0;la ligne 2 est gardée (même Email)
tests/fixtures/screen/kinds.csv;11;;;illisible;0;1;C-11;;;;;;;;;;la ligne a 3 cellules alors que l'en-tête a 8 colonnes
"#;
    let excel = shortlist()
        .args([
            "screen", KINDS, KINDS_CSV, "--format", "csv", "--all", "--excel", "--lang", "fr",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8(excel.stdout).expect("UTF-8");
    assert_eq!(text, format!("\u{feff}{}", want.replace('\n', "\r\n")));
}

#[test]
fn blind_hides_names_and_contacts() {
    let doc = screen_json(KINDS, &[KINDS_CSV], &["--blind"]);
    for c in doc["candidates"].as_array().expect("list") {
        assert_eq!(c["name"], format!("C-{}", c["row"]));
        assert!(c["contact"].is_null());
    }
}

#[test]
fn hostile_names_are_neutralised() {
    let csv = run(&[
        "screen",
        KINDS,
        "tests/fixtures/screen/hostile.csv",
        "--all",
        "--format",
        "csv",
        "--top",
        "4",
    ]);
    assert!(
        csv.stdout
            .contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","),
        "{}",
        csv.stdout
    );
    assert!(csv.stdout.contains(",'+Cmd|calc,"), "{}", csv.stdout);
    let table = run(&[
        "screen",
        KINDS,
        "tests/fixtures/screen/hostile.csv",
        "--top",
        "4",
    ]);
    assert!(
        !table.stdout.contains('\u{1b}'),
        "no escape sequence reaches the terminal"
    );
    assert!(!table.stdout.contains('\u{7}'));
    assert!(table.stdout.contains("Bina Red"), "{}", table.stdout);
    let md = run(&[
        "screen",
        KINDS,
        "tests/fixtures/screen/hostile.csv",
        "--top",
        "4",
        "--format",
        "markdown",
    ]);
    assert!(
        md.stdout.contains("| Pipe \\| \\`tick\\` &lt;b&gt; |"),
        "{}",
        md.stdout
    );
}

#[test]
fn writing_to_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shortlist.json");
    let out = run(&["screen", KINDS, KINDS_CSV, "-o", &path.to_string_lossy()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        format!(
            "11 applications: 1 shortlisted, 2 eligible, 1 to review, 5 ineligible, 1 duplicate, 1 unreadable → {}\n",
            path.display()
        )
    );
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("json");
    assert_eq!(doc["summary"]["total"], 11);
    // Only the written file is left in the directory: the temporary one was renamed.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("written")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o644,
            "an ordinary file, readable by colleagues"
        );
    }
}

#[test]
fn refuses_to_overwrite_an_input_or_guess_a_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("c.csv");
    std::fs::copy(KINDS_CSV, &copy).expect("copy");
    let before = std::fs::read(&copy).expect("read");
    let via_dot = format!("{}/./c.csv", dir.path().display());
    let out = run(&["screen", KINDS, &copy.to_string_lossy(), "-o", &via_dot]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!(
            "shortlist: error: {via_dot}: this is an input of the command; write the output to another file\n"
        )
    );
    assert_eq!(
        std::fs::read(&copy).expect("read"),
        before,
        "the input is untouched"
    );
    let out = run(&["screen", KINDS, KINDS_CSV, "-o", "out.pdf"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("out.pdf: cannot tell the format from the extension"),
        "{}",
        out.stderr
    );
    let out = run(&["screen", KINDS, KINDS_CSV, "-o", "no/such/dir/out.csv"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "shortlist: error: no/such/dir/out.csv: the directory no/such/dir does not exist\n"
    );
}

#[test]
fn bad_inputs_exit_2_naming_the_file() {
    let out = run(&[
        "screen",
        "tests/fixtures/postings/misspelt-key.yaml",
        KINDS_CSV,
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: tests/fixtures/postings/misspelt-key.yaml:11:30: unknown key `min_levle` in rule `diplome`; did you mean `min_level`?\n\
         shortlist: error: tests/fixtures/postings/misspelt-key.yaml: the posting is invalid (1 error); shortlist validate tests/fixtures/postings/misspelt-key.yaml gives the details\n"
    );
    let out = run(&["screen", JIGI, KOBO]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "shortlist : erreur : examples/kobotoolbox-engagement-communautaire.csv : ligne 1 : aucune des 16 colonnes de l'annonce n'est dans l'en-tête, qui commence par `start`, `end`, `group_identite/prenom` : ce fichier n'est pas un export pour cette annonce\n"
    );
    let out = run(&["screen", KINDS, "examples/nope.csv"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("shortlist: error: examples/nope.csv: cannot read the file"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_shortlist"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["screen", CARE, KOBO, KOBO_XLSX, "--all", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a line");
    assert_eq!(first, "{\n");
    // The reader is gone: the rest of the output meets a closed pipe.
    let out = child.wait_with_output().expect("ends");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn explain_one_candidate() {
    let out = run(&["explain", KINDS, KINDS_CSV, "--row", "8"]);
    assert_eq!(
        out.stdout,
        "Gaoussou — row 8 of tests/fixtures/screen/kinds.csv
Status: to review, score 0 / 1

Requirements
  ✓ place
    Place: \"Kita\"; expected: Kita; Kayes
  ✓ reachable
    every cell is filled
  ? age
    Age: \"vingt\" does not read as a number; between 18 and 35 required
  ✓ clean
    must not be met:
    ✗ Sanctioned: blank; \"yes\" required
  ✓ on_time
    Submitted: \"2024-02-24\" = 24 February 2024; deadline 1 March 2024

Preferences
  ? motivated — 0 of 1 points
    Motivation: blank; must contain: communauté / community

"
    );
    let by_mail = run(&["explain", KINDS, KINDS_CSV, "--email", "B@X.ml"]);
    assert!(by_mail.stdout.starts_with("Bina — row 3 of tests/fixtures/screen/kinds.csv\nStatus: eligible, rank 3, score 0 / 1\n"), "{}", by_mail.stdout);
    let missing = run(&["explain", KINDS, KINDS_CSV, "--row", "99"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "shortlist: error: no candidate at row 99: data rows are 2 to 12\n"
    );
}

#[test]
fn validate_against_runs_the_requirements_dry() {
    let out = run(&["validate", KINDS, "--against", KINDS_CSV]);
    assert_eq!(
        out.stdout,
        "tests/fixtures/screen/kinds.yaml: valid — 5 requirements, 1 preference, 8 fields, deadline 1 March 2024
  tests/fixtures/screen/kinds.csv: 11 candidate rows, 1 unreadable, 1 duplicate; each requirement is counted over the 9 others
  place      8 pass, 1 fail, 0 to review
  reachable  8 pass, 1 fail, 0 to review
  age        7 pass, 1 fail, 1 to review
  clean      8 pass, 1 fail, 0 to review
  on_time    8 pass, 1 fail, 0 to review
"
    );
    assert_eq!(out.code, 0);
}

#[test]
fn validate_against_warns_of_a_threshold_nobody_meets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("strict.yaml");
    let text = std::fs::read_to_string(KINDS)
        .expect("read")
        .replace("min: 18, max: 35", "min: 60");
    std::fs::write(&path, text).expect("write");
    let out = run(&["validate", &path.to_string_lossy(), "--against", KINDS_CSV]);
    assert_eq!(
        out.stderr,
        format!(
            "warning: {}:27:5: requirement `age` passes no row of tests/fixtures/screen/kinds.csv: check its threshold\n",
            path.display()
        )
    );
    assert_eq!(out.code, 0);
}

#[test]
fn quiet_leaves_stderr_to_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.csv");
    let out = run(&[
        "screen",
        KINDS,
        KINDS_CSV,
        "-o",
        &path.to_string_lossy(),
        "--quiet",
    ]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "", "no summary line with --quiet");
    assert!(path.exists());
    let posting = dir.path().join("warned.yaml");
    let text = std::fs::read_to_string(KINDS)
        .expect("read")
        .replace("  language: en", "  language: en\n  manual_checks: [yes]");
    std::fs::write(&posting, text).expect("write");
    let posting = posting.to_string_lossy().into_owned();
    let warned = run(&["screen", &posting, KINDS_CSV]);
    assert!(warned.stderr.contains("warning:"), "{}", warned.stderr);
    let quiet = run(&["screen", &posting, KINDS_CSV, "-q"]);
    assert_eq!(quiet.stderr, "", "warnings too are silenced");
}

#[test]
fn no_progress_bar_outside_a_terminal() {
    // Large enough for a bar on a terminal; the tests' stderr is a pipe.
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.csv");
    let mut text = String::from("Submitted,Name,Email,Phone,Place,Age,Sanctioned,Motivation\n");
    for i in 0..150_000 {
        text.push_str(&format!(
            "2024-02-20,Awa {i},a{i}@x.ml,76{i:06},Kita,25,,community and more words\n"
        ));
    }
    std::fs::write(&big, text).expect("write");
    let out = run(&["screen", KINDS, &big.to_string_lossy()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "", "nothing drawn on a pipe");
}

#[test]
fn a_date_read_before_its_column_shows_its_order_is_read_again() {
    // The posting speaks English, so dates read month first until a column shows otherwise:
    // `02/03/2024` is read as 3 February, then `25/02/2024` shows days first, and the file is
    // read again: 2 March, after the 1 March deadline.
    let dir = tempfile::tempdir().expect("temp dir");
    let head = "Submitted,Name,Email,Phone,Place,Age,Sanctioned,Motivation\n";
    let awa = "02/03/2024,Awa,a@x.ml,76 00 00 01,Kita,25,non,x\n";
    let bina = "25/02/2024,Bina,b@x.ml,76 00 00 02,Kayes,30,non,x\n";
    for (name, body) in [("late.csv", [awa, bina]), ("early.csv", [bina, awa])] {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{head}{}{}", body[0], body[1])).expect("write");
        let path = path.to_string_lossy().into_owned();
        let doc = screen_json(KINDS, &[&path], &[]);
        let candidates = doc["candidates"].as_array().expect("candidates");
        let awa = candidates
            .iter()
            .find(|c| c["name"] == "Awa")
            .expect("Awa is listed");
        assert_eq!(awa["status"], "ineligible", "{name}");
        let on_time = awa["rules"]
            .as_array()
            .and_then(|r| r.iter().find(|r| r["id"] == "on_time"))
            .expect("on_time rule");
        assert_eq!(on_time["outcome"], "fail", "{name}");
        assert_eq!(
            on_time["cells"][0]["value"], "2024-03-02",
            "{name}: {}",
            on_time["cells"]
        );
    }
}
