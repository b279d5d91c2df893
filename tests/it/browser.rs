//! The HTML report in a real browser: headless Chromium prints it to PDF, which must make A4
//! pages holding the shortlist's names. Skipped when Chromium or poppler is not installed,
//! unless `SHORTLIST_REQUIRE_BROWSER` is set (as `.ci/run` does, after installing them).

use crate::common::run;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names
        .iter()
        .flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n)))
        .find(|p| p.is_file())
}

fn tool(names: &[&str]) -> Option<PathBuf> {
    let found = which(names);
    if found.is_none() && std::env::var_os("SHORTLIST_REQUIRE_BROWSER").is_some() {
        panic!(
            "{} is required (SHORTLIST_REQUIRE_BROWSER is set) but not installed",
            names[0]
        );
    }
    found
}

fn output(program: &Path, args: &[&str]) -> String {
    let out = assert_cmd::Command::new(program)
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_html_report_prints_to_a4_pages_in_a_real_browser() {
    let (Some(chromium), Some(pdfinfo), Some(pdftotext), Some(pdftoppm)) = (
        tool(&["chromium", "chromium-browser", "google-chrome"]),
        tool(&["pdfinfo"]),
        tool(&["pdftotext"]),
        tool(&["pdftoppm"]),
    ) else {
        // Straight to stdout, past the test harness's capture: a skipped test must not pass
        // for a run one.
        use std::io::Write;
        let _ = writeln!(
            std::io::stdout(),
            "the_html_report_prints_to_a4_pages_in_a_real_browser: SKIPPED, Chromium and poppler-utils are not installed"
        );
        return;
    };
    let posting = "postings/jigi-district-officer.yaml";
    let candidates = "examples/google-forms-district-officer.csv";
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("report.html");
    let pdf = dir.path().join("report.pdf");
    let out = crate::common::shortlist()
        .env("SOURCE_DATE_EPOCH", "1796558400")
        .args([
            "report",
            posting,
            candidates,
            "-o",
            &html.to_string_lossy(),
            "--audit-by",
            "Sexe",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let profile = dir.path().join("profile");
    let status = assert_cmd::Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", html.display()),
        ])
        .timeout(Duration::from_secs(120))
        .output()
        .expect("chromium runs");
    assert!(
        status.status.success(),
        "chromium: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "the PDF is not empty ({size} bytes)");
    let info = output(&pdfinfo, &[&pdf.to_string_lossy()]);
    assert!(info.contains("(A4)"), "A4 pages: {info}");
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert!(pages >= 2, "{pages} pages");
    let text = output(&pdftotext, &[&pdf.to_string_lossy(), "-"]);
    for error_page in ["ERR_", "This site can", "Aw, Snap", "not available"] {
        assert!(
            !text.contains(error_page),
            "the browser showed an error page: {error_page}"
        );
    }
    let json = run(&["screen", posting, candidates, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let names: Vec<&str> = doc["candidates"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(names.len(), 9);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for name in names {
        assert!(flat.contains(name), "{name} is printed");
    }
    assert!(flat.contains("Liste restreinte"));
    // Every page says its number and the report's date at its foot.
    let pages_text: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages_text.len() as u32, pages);
    for (k, page) in pages_text.iter().enumerate() {
        let number = format!("Page {} sur {pages}", k + 1);
        assert!(page.contains(&number), "page {}: {number}", k + 1);
        assert!(
            page.contains("Rapport établi le 6 décembre 2026 à 12h00 (heure de Bamako)"),
            "page {}: the date",
            k + 1
        );
    }
    // The committee signs.
    for words in [
        "Comité de recrutement",
        "nom et prénom",
        "fonction",
        "signature",
    ] {
        assert!(flat.contains(words), "{words}");
    }
    // The matrix's header names each requirement by its label.
    let rules = &doc["rules"];
    let matrix_page = pages_text
        .iter()
        .position(|p| p.contains("Grille de sélection"))
        .expect("the matrix");
    let matrix: String = pages_text[matrix_page..(matrix_page + 2).min(pages_text.len())].concat();
    let matrix = &matrix[matrix.find("Grille de sélection").unwrap_or(0)..];
    for r in rules.as_array().expect("rules") {
        if r["kind"] != "requirement" {
            continue;
        }
        let label = r["label"].as_str().expect("label");
        for word in label.split_whitespace() {
            assert!(
                matrix.contains(word),
                "the matrix header holds `{label}`: {word}"
            );
        }
    }
    // No rule is named by its id where it has a label.
    let labels: String = rules
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["label"].as_str())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let words: std::collections::HashSet<&str> = flat
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .collect();
    for r in rules.as_array().expect("rules") {
        let id = r["id"].as_str().expect("id");
        if !labels
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == id)
        {
            assert!(!words.contains(id), "rule id `{id}` is printed");
        }
    }
    // The first page and the matrix's, as pictures (`docs/` shows the same two).
    for (page, name) in [(1, "first"), (matrix_page + 1, "matrix")] {
        let prefix = dir.path().join(name);
        let n = page.to_string();
        let status = assert_cmd::Command::new(&pdftoppm)
            .args(["-f", &n, "-l", &n, "-r", "60", "-png", "-singlefile"])
            .arg(&pdf)
            .arg(&prefix)
            .timeout(Duration::from_secs(120))
            .output()
            .expect("pdftoppm runs");
        assert!(status.status.success(), "pdftoppm");
        let png = std::fs::read(prefix.with_extension("png")).expect("a PNG");
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "{name} page"
        );
    }
}
