//! Reading and writing on threads of their own change nothing: a generated export of many
//! batches gives the same bytes with `--single-thread` as without.

use crate::common::run;
use crate::gen_export;

#[test]
fn one_thread_and_two_give_the_same_statuses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("export.csv");
    let file = std::fs::File::create(&path).expect("create");
    gen_export::write_export(30_000, 7, std::io::BufWriter::new(file)).expect("generate");
    let path = path.to_string_lossy().into_owned();
    let posting = "postings/jigi-district-officer.yaml";
    let args = ["screen", posting, &path, "--all", "--format", "csv"];
    let two = run(&args);
    let one = run(&[&args[..], &["--single-thread"]].concat());
    assert_eq!((two.code, one.code), (0, 0), "{}", two.stderr);
    assert_eq!(two.stdout.lines().count(), 30_001, "a header and every row");
    for status in ["shortlisted", "eligible", "ineligible", "duplicate"] {
        assert!(two.stdout.contains(&format!(",{status},")), "{status}");
    }
    assert!(two.stdout == one.stdout, "the outputs differ");
    // Candidates are written on two threads as well: the JSON document is the same.
    let json = [
        "screen",
        posting,
        &path,
        "--all",
        "--format",
        "json",
        "--audit-by",
        "Sexe",
    ];
    let two = run(&json);
    let one = run(&[&json[..], &["--single-thread"]].concat());
    assert_eq!((two.code, one.code), (0, 0), "{}", two.stderr);
    let doc: serde_json::Value = serde_json::from_str(&two.stdout).expect("valid JSON");
    assert_eq!(doc["candidates"].as_array().map(Vec::len), Some(30_000));
    assert!(doc["audit"].is_object(), "the audit is there");
    assert!(two.stdout == one.stdout, "the JSON documents differ");
}

/// An export of `rows` rows whose dates are all ambiguous (`02/03/2024`) but the one of row
/// `evidence`, which shows days first.
fn ambiguous_dates(path: &std::path::Path, rows: usize, evidence: usize) {
    let mut out = String::from("Submitted,Name,Email,Phone,Place,Age,Sanctioned,Motivation\n");
    for r in 2..rows + 2 {
        let date = if r == evidence {
            "25/02/2024".to_string()
        } else {
            format!("{:02}/{:02}/2024", 1 + r % 12, 1 + r % 3)
        };
        out.push_str(&format!(
            "{date},P{r},p{r}@x.ml,76 {:02} {:02} {:02},Kita,25,non,community\n",
            r / 10_000,
            r / 100 % 100,
            r % 100
        ));
    }
    std::fs::write(path, out).expect("write");
}

#[test]
fn dates_whose_order_shows_late_are_read_alike_on_one_thread_and_several() {
    // The posting speaks English: dates are read month first until one shows days first.
    // Batches screened at once learn it at different times; the result must not depend on it.
    let dir = tempfile::tempdir().expect("temp dir");
    let posting = "tests/fixtures/screen/kinds.yaml";
    for evidence in [2, 3_000, 7_900] {
        let path = dir.path().join(format!("dates-{evidence}.csv"));
        ambiguous_dates(&path, 8_000, evidence);
        let path = path.to_string_lossy().into_owned();
        let args = ["screen", posting, &path, "--all", "--format", "csv"];
        let many = run(&args);
        let one = run(&[&args[..], &["--single-thread"]].concat());
        assert_eq!((many.code, one.code), (0, 0), "{}", many.stderr);
        assert!(
            many.stdout == one.stdout,
            "evidence at row {evidence}: outputs differ"
        );
        // Row 4: 05/02/2024, read days first, is 5 February: on time. Row 8: 09/03/2024 is
        // 9 March: late, so ineligible.
        let status = |row: u32| {
            many.stdout
                .lines()
                .find(|l| l.split(',').nth(1) == Some(&row.to_string()))
                .and_then(|l| l.split(',').nth(4).map(str::to_string))
        };
        assert_eq!(
            status(8).as_deref(),
            Some("ineligible"),
            "evidence {evidence}"
        );
        assert_ne!(
            status(4).as_deref(),
            Some("ineligible"),
            "evidence {evidence}"
        );
    }
}

/// A generated export of `rows` rows, without its header when `header` is false.
fn export(rows: u64, seed: u64, header: bool) -> Vec<u8> {
    let mut out = Vec::new();
    gen_export::write_export(rows, seed, &mut out).expect("generate");
    if header {
        return out;
    }
    let body = out.iter().position(|b| *b == b'\n').map_or(0, |i| i + 1);
    out.split_off(body)
}

#[test]
fn broken_rows_among_many_batches_read_alike_on_one_thread_and_several() {
    let dir = tempfile::tempdir().expect("temp dir");
    let posting = "postings/jigi-district-officer.yaml";
    // Rows of every kind between generated ones, far from the first batch.
    let mut bytes = export(3_000, 11, true);
    bytes.extend_from_slice(b"only,two\r\n");
    bytes.extend_from_slice(&b",".repeat(16));
    bytes.extend_from_slice(b"\r\n\r\n");
    let mut bad_bytes = vec![b'x'; 16];
    bad_bytes.push(0xff);
    bytes.extend_from_slice(&[b"\"", &bad_bytes[..], b"\""].concat());
    bytes.extend_from_slice(&b",y".repeat(16));
    bytes.extend_from_slice(b"\r\n");
    bytes.extend_from_slice(&export(3_000, 12, false));
    let path = dir.path().join("broken.csv");
    std::fs::write(&path, &bytes).expect("write");
    let path = path.to_string_lossy().into_owned();
    let args = ["screen", posting, &path, "--all", "--format", "json"];
    let many = run(&args);
    let one = run(&[&args[..], &["--single-thread"]].concat());
    assert_eq!((many.code, one.code), (0, 0), "{}", many.stderr);
    assert!(many.stdout == one.stdout, "the outputs differ");
    let doc: serde_json::Value = serde_json::from_str(&many.stdout).expect("valid JSON");
    assert_eq!(
        doc["summary"]["total"], 6_002,
        "every row but the empty ones"
    );
    assert_eq!(doc["summary"]["unreadable"], 2, "{}", doc["summary"]);
    assert_eq!(doc["inputs"][0]["empty_rows"], 2);

    // A row too long to read stops the reading, at the same row either way.
    let mut bytes = export(3_000, 13, true);
    bytes.extend_from_slice(format!("\"{}\"\n", "y".repeat(17 << 20)).as_bytes());
    bytes.extend_from_slice(&export(100, 14, false));
    let path = dir.path().join("giant.csv");
    std::fs::write(&path, &bytes).expect("write");
    let path = path.to_string_lossy().into_owned();
    let args = ["screen", posting, &path];
    let many = run(&args);
    let one = run(&[&args[..], &["--single-thread"]].concat());
    assert_eq!((many.code, one.code), (2, 2), "{}", many.stderr);
    assert_eq!(many.stderr, one.stderr);
    assert!(many.stderr.contains("ligne 3002"), "{}", many.stderr);
}
