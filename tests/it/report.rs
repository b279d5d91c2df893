//! `shortlist report`: every section and figure against the JSON of the same screening, in
//! French and English; hostile candidate text; the workbook read back by another reader.

use crate::common::run;
use serde_json::Value;

const PAIRS: [(&str, &str); 4] = [
    (
        "postings/jigi-district-officer.yaml",
        "examples/google-forms-district-officer.csv",
    ),
    (
        "postings/jigi-district-officer.yaml",
        "examples/excel-district-officer.csv",
    ),
    (
        "postings/care-an-ka-jiko-engagement-communautaire.yaml",
        "examples/kobotoolbox-engagement-communautaire.csv",
    ),
    (
        "postings/care-an-ka-jiko-engagement-communautaire.yaml",
        "examples/kobotoolbox-engagement-communautaire.xlsx",
    ),
];
const KINDS: &str = "tests/fixtures/screen/kinds.yaml";
const HOSTILE: &str = "tests/fixtures/screen/hostile-html.csv";

fn json(posting: &str, file: &str, lang: &str) -> Value {
    let out = run(&[
        "screen", posting, file, "--all", "--format", "json", "--lang", lang,
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    crate::json::parse(&out.stdout);
    serde_json::from_str(&out.stdout).expect("json")
}

fn report(
    posting: &str,
    file: &str,
    ext: &str,
    extra: &[&str],
) -> (String, std::path::PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(format!("report.{ext}"));
    let mut args = vec!["report", posting, file, "-o"];
    let p = path.to_string_lossy().to_string();
    args.push(&p);
    args.extend(extra);
    let out = run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = if ext == "xlsx" {
        String::new()
    } else {
        std::fs::read_to_string(&path).expect("written")
    };
    (text, path, dir)
}

#[test]
fn reports_match_the_screening_in_both_languages() {
    for (posting, file) in PAIRS {
        for lang in ["fr", "en"] {
            let doc = json(posting, file, lang);
            let summary = &doc["summary"];
            for ext in ["html", "md"] {
                let (text, _, _dir) = report(posting, file, ext, &["--lang", lang]);
                let fr = lang == "fr";
                for heading in if fr {
                    [
                        "Résumé",
                        "Le poste et ses règles",
                        "Résultats par règle",
                        "Scores des éligibles",
                        "Liste restreinte",
                        "À vérifier",
                        "Non éligibles",
                        "Doublons",
                        "Lignes illisibles",
                        "Provenance",
                    ]
                } else {
                    [
                        "Summary",
                        "The posting and its rules",
                        "Results by rule",
                        "Scores of the eligible",
                        "Shortlist",
                        "To review",
                        "Ineligible",
                        "Duplicates",
                        "Unreadable rows",
                        "Provenance",
                    ]
                } {
                    assert!(
                        text.contains(heading),
                        "{file} {lang} {ext}: section {heading}"
                    );
                }
                // The counts by status, as the JSON has them.
                let total = summary["total"].as_u64().expect("total");
                let line = if fr {
                    format!("{total} candidatures")
                } else {
                    format!("{total} applications")
                };
                assert!(text.contains(&line), "{file} {lang} {ext}: {line}");
                let count = |s: &str| summary[s].as_u64().unwrap_or(0);
                let (rev, inel, dup, unr) = (
                    count("review"),
                    count("ineligible"),
                    count("duplicate"),
                    count("unreadable"),
                );
                for (heading, n) in if fr {
                    [
                        ("À vérifier", rev),
                        ("Non éligibles", inel),
                        ("Doublons", dup),
                        ("Lignes illisibles", unr),
                    ]
                } else {
                    [
                        ("To review", rev),
                        ("Ineligible", inel),
                        ("Duplicates", dup),
                        ("Unreadable rows", unr),
                    ]
                } {
                    let pattern = format!("({n})");
                    assert!(
                        text.lines()
                            .any(|l| l.contains(heading) && l.contains(&pattern)),
                        "{file} {lang} {ext}: {heading} {pattern}"
                    );
                }
                // Every shortlisted candidate is named; every input is traced by its hash.
                for c in doc["candidates"].as_array().expect("list") {
                    if c["status"] == "shortlisted" {
                        let name = c["name"].as_str().expect("name");
                        let shown = if ext == "html" {
                            name.replace('\'', "&#39;")
                        } else {
                            name.to_string()
                        };
                        assert!(text.contains(&shown), "{file} {lang} {ext}: {name}");
                    }
                }
                for input in doc["inputs"].as_array().expect("inputs") {
                    assert!(
                        text.contains(input["sha256"].as_str().expect("hash")),
                        "{file} {ext}: input hash"
                    );
                }
                assert!(text.contains(doc["posting"]["sha256"].as_str().expect("hash")));
                // The per-rule table holds the JSON's counts, each rule by its label.
                for r in doc["rules"].as_array().expect("rules") {
                    let (id, label, pass, fail, unknown) = (
                        r["id"].as_str().expect("id"),
                        r["label"].as_str().expect("label"),
                        &r["pass"],
                        &r["fail"],
                        &r["unknown"],
                    );
                    let row = if ext == "html" {
                        format!(
                            "<tr><td>{}</td><td class=\"num\">{pass}</td><td class=\"num\">{fail}</td><td class=\"num\">{unknown}</td></tr>",
                            label.replace('\'', "&#39;")
                        )
                    } else {
                        format!("| {} | {pass} | {fail} | {unknown} |", md(label))
                    };
                    assert!(text.contains(&row), "{file} {lang} {ext}: {row}");
                    // No rule is named by its id where it has a label.
                    if label != id {
                        let shown = if ext == "html" {
                            format!(">{id}<")
                        } else {
                            format!("| {} |", md(id))
                        };
                        assert!(!text.contains(&shown), "{file} {lang} {ext}: {id}");
                    }
                }
            }
        }
    }
}

/// Text as the Markdown report escapes it.
fn md(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '|' | '`' | '*' | '_' | '[' | ']' | '\\' | '#' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[test]
fn html_is_self_contained_and_printable() {
    let (html, _, _dir) = report(PAIRS[0].0, PAIRS[0].1, "html", &["--audit-by", "Sexe"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for banned in ["<script", "http://", "https://", "<link", "@import", "src="] {
        assert!(
            !html.contains(banned),
            "no {banned}: the page needs nothing outside itself"
        );
    }
    assert!(html.contains("@page { size: A4"));
    // Page numbers and the date at the foot of every printed page; a place to sign.
    assert!(
        html.contains(r#"@bottom-right { content: "Page " counter(page) " sur " counter(pages);"#)
    );
    assert!(html.contains("@bottom-left { content: \"Rapport établi le"));
    assert!(html.contains("<h2>Comité de recrutement</h2>"));
    assert!(html.contains("<table class=\"signatures\">"));
    assert!(html.contains("<table class=\"matrix\">"));
    assert!(html.contains("td.nowrap { white-space: nowrap; }"));
    assert!(
        html.contains(
            "tr, svg, table.signatures { page-break-inside: avoid; break-inside: avoid; }"
        )
    );
    assert!(html.contains("thead { display: table-header-group; }"));
    assert_eq!(
        html.matches("<svg").count(),
        3,
        "funnel, rules and histogram"
    );
    assert!(html.contains("Audit d&#39;équité par « Sexe »"));
    assert!(html.contains("règle des quatre cinquièmes"));
}

#[test]
fn blind_reports_name_nobody() {
    let doc = json(PAIRS[0].0, PAIRS[0].1, "fr");
    let (html, _, _dir) = report(PAIRS[0].0, PAIRS[0].1, "html", &["--blind"]);
    for c in doc["candidates"].as_array().expect("list") {
        let name = c["name"].as_str().expect("name");
        assert!(!html.contains(name), "{name} is hidden");
        if let Some(contact) = c["contact"].as_str() {
            assert!(!html.contains(contact), "{contact} is hidden");
        }
    }
    assert!(html.contains("C-2"));
}

#[test]
fn hostile_text_stays_text() {
    let (html, _, _dir) = report(KINDS, HOSTILE, "html", &["--top", "8"]);
    for banned in [
        "<script",
        "<img",
        "<a ",
        "javascript:alert(1)\"",
        "</table><h1>",
        "<b>",
        "\u{202e}",
    ] {
        assert!(
            !html.contains(banned),
            "{banned:?} must not reach the page as markup"
        );
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;/table&gt;&lt;h1&gt;pwn&lt;/h1&gt;"));
    let (md, _, _dir2) = report(KINDS, HOSTILE, "md", &["--top", "8"]);
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!md.contains("<script"));
}

/// The text of one part of an xlsx file (a zip of XML files).
fn xlsx_part(path: &std::path::Path, part: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).expect("xlsx");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut text = String::new();
    zip.by_name(part)
        .expect("part")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

#[test]
fn the_workbook_reads_back_with_types() {
    use calamine::{Data, Reader, open_workbook_auto};
    let (_, path, _dir) = report(KINDS, HOSTILE, "xlsx", &["--top", "8", "--lang", "en"]);
    let mut book = open_workbook_auto(&path).expect("an xlsx another reader opens");
    let sheets = ["Shortlist", "All applications", "To review", "Rules"];
    assert_eq!(book.sheet_names(), sheets);
    let all = book.worksheet_range("All applications").expect("sheet");
    let rows: Vec<_> = all.rows().collect();
    assert_eq!(rows.len(), 9, "header and 8 candidates");
    let head: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        head[..11],
        [
            "File",
            "Row",
            "Duty station",
            "Rank",
            "Status",
            "Score",
            "Maximum score",
            "Name",
            "E-mail",
            "Phone",
            "Received (UTC)"
        ]
    );
    assert_eq!(head.last().map(String::as_str), Some("Reasons"));
    assert!(
        matches!(rows[1][3], Data::Float(_)),
        "rank: {:?}",
        rows[1][3]
    );
    assert!(matches!(rows[1][5], Data::Float(_)), "score is a number");
    assert!(
        matches!(rows[1][10], Data::DateTime(_)),
        "received is a date: {:?}",
        rows[1][10]
    );
    assert_eq!(rows[1][4], Data::String("shortlisted".into()));
    let marks: Vec<String> = rows[1..].iter().map(|r| r[11].to_string()).collect();
    assert!(
        marks
            .iter()
            .all(|m| ["✓", "✗", "?", ""].contains(&m.as_str())),
        "{marks:?}"
    );
    let names: Vec<String> = rows[1..].iter().map(|r| r[7].to_string()).collect();
    assert!(
        names.contains(&"=HYPERLINK(\"http://x\",\"y\")".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"@SUM(A1:A2)".to_string()));
    for sheet in sheets {
        let formulas = book.worksheet_formula(sheet).expect("formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula in {sheet}"
        );
    }
    // Each sheet prints on landscape A4, as wide as the page, its header on every page.
    let workbook = xlsx_part(&path, "xl/workbook.xml");
    for (k, sheet) in sheets.iter().enumerate() {
        let xml = xlsx_part(&path, &format!("xl/worksheets/sheet{}.xml", k + 1));
        assert!(xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{sheet}");
        assert!(
            xml.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#),
            "{sheet}"
        );
        assert!(
            xml.contains(r#"<pane ySplit="1" topLeftCell="A2""#),
            "{sheet} frozen"
        );
        let titles = format!(r#"<definedName name="_xlnm.Print_Titles" localSheetId="{k}">"#);
        assert!(workbook.contains(&titles), "{sheet} repeats its header");
    }
    let screen_xlsx = {
        let p = path.with_file_name("screen.xlsx");
        let out = run(&["screen", KINDS, HOSTILE, "-o", &p.to_string_lossy()]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        p
    };
    assert!(open_workbook_auto(&screen_xlsx).is_ok());
    let out = run(&["screen", KINDS, HOSTILE, "--format", "xlsx"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "shortlist: error: an xlsx workbook is not for the terminal: write it with -o FILE.xlsx (or -o - to a pipe)\n"
    );
}

/// The workbook of the bundled posting, in French: a shortlist sheet per duty station, the
/// matrix of every application, the rows to review, the rules by their labels.
#[test]
fn the_workbook_speaks_french_with_a_sheet_per_group() {
    use calamine::{Data, Reader, open_workbook_auto};
    let (_, path, _dir) = report(PAIRS[0].0, PAIRS[0].1, "xlsx", &[]);
    let mut book = open_workbook_auto(&path).expect("xlsx");
    assert_eq!(
        book.sheet_names(),
        [
            "Liste – Bougouni",
            "Liste – Koutiala",
            "Liste – Sikasso",
            "Toutes les candidatures",
            "À vérifier",
            "Règles"
        ]
    );
    let sikasso = book.worksheet_range("Liste – Sikasso").expect("sheet");
    let rows: Vec<_> = sikasso.rows().collect();
    assert_eq!(rows.len(), 4, "header and 3 shortlisted");
    assert_eq!(rows[0][0], Data::String("Rang".into()));
    assert_eq!(
        rows[0][7],
        Data::String(
            "Diplôme en médecine, développement communautaire, sociologie ou santé publique".into()
        )
    );
    assert_eq!(rows[1][2], Data::String("Aminata Traoré".into()));
    assert_eq!(rows[1][5], Data::Float(100.0));
    assert_eq!(
        rows[1][7],
        Data::Float(15.0),
        "points of the first preference"
    );
    let review = book.worksheet_range("À vérifier").expect("sheet");
    assert_eq!(review.rows().count(), 1 + 8);
    let rules = book.worksheet_range("Règles").expect("sheet");
    let rows: Vec<_> = rules.rows().collect();
    assert_eq!(rows[0][1], Data::String("Règle".into()));
    assert_eq!(rows[1][0], Data::String("exigence".into()));
    assert_eq!(rows[1][7], Data::String("diplome".into()));
    let all = book
        .worksheet_range("Toutes les candidatures")
        .expect("sheet");
    let statuses: std::collections::BTreeSet<String> =
        all.rows().skip(1).map(|r| r[4].to_string()).collect();
    assert_eq!(
        statuses.into_iter().collect::<Vec<_>>(),
        [
            "doublon",
            "non éligible",
            "retenu(e)",
            "à vérifier",
            "éligible"
        ]
    );
}

#[test]
fn report_needs_an_output_file() {
    let out = run(&["report", KINDS, HOSTILE]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "shortlist: error: report needs -o FILE (.html, .md or .xlsx), or --format html or markdown to print it\n"
    );
}

#[test]
fn audit_in_json() {
    let doc = json(PAIRS[0].0, PAIRS[0].1, "fr");
    assert!(doc["audit"].is_null());
    let out = run(&[
        "screen",
        PAIRS[0].0,
        PAIRS[0].1,
        "--format",
        "json",
        "--audit-by",
        "sexe",
    ]);
    let doc: Value = serde_json::from_str(&out.stdout).expect("json");
    let groups = doc["audit"]["groups"].as_array().expect("groups");
    let total: u64 = groups
        .iter()
        .map(|g| g["applicants"].as_u64().unwrap_or(0))
        .sum();
    let s = &doc["summary"];
    let people = s["total"].as_u64().unwrap_or(0)
        - s["duplicate"].as_u64().unwrap_or(0)
        - s["unreadable"].as_u64().unwrap_or(0);
    assert_eq!(total, people, "every applicant is in one group");
    let shortlisted: u64 = groups
        .iter()
        .map(|g| g["shortlisted"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(shortlisted, s["shortlisted"].as_u64().unwrap_or(0));
    let best = groups
        .iter()
        .filter_map(|g| g["impact_ratio"].as_f64())
        .fold(0.0, f64::max);
    assert_eq!(best, 1.0);
    for g in groups {
        let flagged = g["impact_ratio"].as_f64().is_some_and(|r| r < 0.8);
        assert_eq!(g["flagged"].as_bool(), Some(flagged));
    }
    assert_eq!(
        doc["audit"]["requirements"].as_array().map(Vec::len),
        Some(5)
    );
    let out = run(&["screen", PAIRS[0].0, PAIRS[0].1, "--audit-by", "Genre"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "shortlist : erreur : examples/google-forms-district-officer.csv : ligne 1 : la colonne d'audit `Genre` n'est pas dans l'en-tête\n"
    );
}

/// `--audit-by` over a column of distinct values takes time linear in the rows: one hash
/// lookup per applicant, not a search through the groups seen.
#[test]
fn audit_of_distinct_groups_is_linear() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("many.csv");
    let mut text = String::from("Horodateur,Diplôme,Expérience,Groupe\n");
    for i in 0..60_000 {
        text.push_str(&format!("2024-02-20,Licence,{},g{i}\n", i % 7));
    }
    std::fs::write(&csv, text).expect("write");
    let started = std::time::Instant::now();
    let out = run(&[
        "screen",
        "tests/fixtures/postings/minimal.yaml",
        &csv.display().to_string(),
        "--audit-by",
        "Groupe",
        "--format",
        "json",
    ]);
    let took = started.elapsed();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(
        doc["audit"]["groups"].as_array().map(Vec::len),
        Some(60_000)
    );
    // Searching the groups seen took 19 s here (debug build); hashing them takes 3.
    assert!(took < std::time::Duration::from_secs(15), "took {took:?}");
}

#[test]
fn a_report_is_no_terminal_table() {
    let out = run(&[
        "report",
        KINDS,
        HOSTILE,
        "-o",
        "/tmp/shortlist-report-test.txt",
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "shortlist: error: /tmp/shortlist-report-test.txt: a report is written as HTML, Markdown or xlsx, not table: write it to a .html, .md or .xlsx file (screen writes CSV and JSON)\n"
    );
    assert!(!std::path::Path::new("/tmp/shortlist-report-test.txt").exists());
}

/// The whole Markdown report of a small screening, in both languages, as `tests/expected/`
/// holds it: every section, the matrix with the reason beneath each ✗ and ?, the date it was
/// made (`SOURCE_DATE_EPOCH`), the committee's signatures.
#[test]
fn the_markdown_report_is_whole_in_both_languages() {
    for lang in ["fr", "en"] {
        let out = crate::common::shortlist()
            .env("SOURCE_DATE_EPOCH", "1796558400")
            .args([
                "report",
                KINDS,
                "tests/fixtures/screen/kinds.csv",
                "--format",
                "markdown",
                "--lang",
                lang,
            ])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0));
        let expected = std::fs::read_to_string(format!("tests/expected/report-kinds.{lang}.md"))
            .expect("expected report")
            .replace(
                "shortlist VERSION",
                concat!("shortlist ", env!("CARGO_PKG_VERSION")),
            );
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{lang}");
    }
}

/// A report of a 100,000-row export lists at most 2,000 rows per section, says where the rest
/// is, and is made in seconds (a debug build takes about 3 s on two cores).
#[test]
fn a_report_of_a_large_export_is_bounded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("export.csv");
    let file = std::fs::File::create(&csv).expect("create");
    crate::gen_export::write_export(100_000, 3, std::io::BufWriter::new(file)).expect("generate");
    let html = dir.path().join("report.html");
    let started = std::time::Instant::now();
    let out = run(&[
        "report",
        PAIRS[0].0,
        &csv.to_string_lossy(),
        "-o",
        &html.to_string_lossy(),
    ]);
    let took = started.elapsed();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(took.as_secs() < 60, "{took:?}");
    let text = std::fs::read_to_string(&html).expect("report");
    assert!(text.len() < 8 << 20, "{} bytes", text.len());
    let rows = text.matches("<tr>").count();
    // Reserve, review, ineligible, duplicates, unreadable, possible duplicates.
    assert!(rows < 6 * 2_000 + 200, "{rows} rows");
    assert!(
        text.contains("le rapport en montre les 2\u{202f}000 premières. La liste complète est dans le classeur"),
        "the cut is said"
    );
    assert!(text.contains("100\u{202f}000 candidatures"));
}
