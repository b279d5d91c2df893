//! Reading and writing on threads of their own change nothing: a generated export of many
//! batches gives the same bytes with `--single-thread` as without.

mod common;
use common::run;

#[allow(dead_code)]
#[path = "../bench/gen_export.rs"]
mod gen_export;

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
    let json = ["screen", posting, &path, "--all", "--format", "json"];
    let two = run(&json);
    let one = run(&[&json[..], &["--single-thread"]].concat());
    assert_eq!((two.code, one.code), (0, 0), "{}", two.stderr);
    let doc: serde_json::Value = serde_json::from_str(&two.stdout).expect("valid JSON");
    assert_eq!(doc["candidates"].as_array().map(Vec::len), Some(30_000));
    assert!(two.stdout == one.stdout, "the JSON documents differ");
}
