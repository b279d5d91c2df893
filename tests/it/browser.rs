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
    let (Some(chromium), Some(pdfinfo), Some(pdftotext)) = (
        tool(&["chromium", "chromium-browser", "google-chrome"]),
        tool(&["pdfinfo"]),
        tool(&["pdftotext"]),
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
    let out = run(&[
        "report",
        posting,
        candidates,
        "-o",
        &html.to_string_lossy(),
        "--audit-by",
        "Sexe",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
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
}
