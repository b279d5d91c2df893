//! Candidates from a pipe: `-`, `/dev/stdin`, a FIFO. Read once from the start (no byte
//! lost to a second opening), and a FIFO no program writes to is reported, not waited for.

use crate::common::{run, shortlist};

const POSTING: &str = "postings/jigi-district-officer.yaml";
const CSV: &str = "examples/google-forms-district-officer.csv";

fn piped(args: &[&str]) -> (i32, String, String) {
    let input = std::fs::read(format!("{}/{CSV}", env!("CARGO_MANIFEST_DIR"))).expect("csv");
    let out = shortlist()
        .args(args)
        .write_stdin(input)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A CSV output with the file each line comes from left out: the rest must be the same
/// whichever way the candidates came.
fn without_file(csv: &str) -> String {
    csv.lines()
        .map(|l| l.split_once(',').map_or(l, |(_, rest)| rest))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A FIFO made in `dir`.
fn fifo_in(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let fifo = dir.join(name);
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    fifo
}

#[test]
fn standard_input_reads_as_the_file() {
    let file = run(&["screen", POSTING, CSV, "--format", "csv", "--all"]);
    for name in ["-", "/dev/stdin"] {
        let (code, stdout, stderr) = piped(&["screen", POSTING, name, "--format", "csv", "--all"]);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert_eq!(without_file(&stdout), without_file(&file.stdout), "{name}");
        assert!(
            stdout
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with(&format!("{name},")))
        );
    }
    let inspected = run(&["inspect", CSV]);
    let (code, stdout, _) = piped(&["inspect", "-"]);
    assert_eq!(code, 0);
    // The same columns, counts and types; only the name of the input differs.
    let body = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&stdout), body(&inspected.stdout));
}

#[test]
fn a_fifo_is_read_once_whenever_its_writer_comes() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = fifo_in(dir.path(), "candidates.csv");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            // The writer comes after the reader has opened the FIFO.
            std::thread::sleep(std::time::Duration::from_millis(300));
            let text = std::fs::read(format!("{}/{CSV}", env!("CARGO_MANIFEST_DIR"))).expect("csv");
            std::fs::write(&fifo, text).expect("write the fifo");
        })
    };
    let out = run(&[
        "screen",
        POSTING,
        &fifo.display().to_string(),
        "--format",
        "csv",
        "--all",
    ]);
    writer.join().expect("writer");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let file = run(&["screen", POSTING, CSV, "--format", "csv", "--all"]);
    assert_eq!(without_file(&out.stdout), without_file(&file.stdout));
}

#[test]
fn a_fifo_without_a_writer_is_reported() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = fifo_in(dir.path(), "nobody.csv");
    let started = std::time::Instant::now();
    let name = fifo.display().to_string();
    let out = run(&["screen", POSTING, &name]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!(
            "shortlist : erreur : {name} : le fichier ne peut pas être lu : aucun programme n'a écrit dans ce tube nommé en 10 secondes\n"
        )
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn a_workbook_must_be_a_file() {
    let dir = tempfile::tempdir().expect("dir");
    let book = dir.path().join("b.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    wb.add_worksheet().write_string(0, 0, "Nom").expect("cell");
    wb.save(&book).expect("save");
    let out = shortlist()
        .args(["inspect", "-"])
        .write_stdin(std::fs::read(&book).expect("book"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "shortlist: error: -: cannot read the file: a workbook is read from a file, not a pipe: save it first\n"
    );
}
