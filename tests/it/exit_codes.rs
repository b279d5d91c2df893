//! The exit-code contract of SPEC.md, held by every command on every class of bad input:
//! 1 when `validate` finds an invalid posting, 2 for bad usage or input, with a message naming
//! the file; never a panic (3).

use crate::common::run;
use std::path::{Path, PathBuf};

const POSTING: &str = "tests/fixtures/screen/kinds.yaml";
const CSV: &str = "tests/fixtures/screen/kinds.csv";

struct Files {
    _dir: tempfile::TempDir,
    missing: String,
    directory: String,
    unreadable: Option<String>,
    empty: String,
    latin1_csv: String,
    latin1_yaml: String,
    bad_yaml: String,
    invalid: String,
    other_columns: String,
    out_in_missing_dir: String,
    copy_of_csv: String,
}

fn files() -> Files {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.path().join(name), bytes).expect("write");
        at(name)
    };
    std::fs::create_dir(dir.path().join("folder")).expect("dir");
    let unreadable = write("secret.csv", b"a,b\n1,2\n");
    let unreadable = {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let p = PathBuf::from(&unreadable);
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
            // Root reads whatever the permissions say: that class cannot be shown then.
            std::fs::read(&p).is_err().then_some(unreadable)
        }
        #[cfg(not(unix))]
        {
            None
        }
    };
    let copy = at("copy.csv");
    std::fs::copy(CSV, &copy).expect("copy");
    Files {
        missing: at("missing.csv"),
        directory: at("folder"),
        unreadable,
        empty: write("empty.csv", b""),
        latin1_csv: write("latin1.csv", b"Pr\xe9nom;Nom\nA\xefssata;Traor\xe9\n"),
        latin1_yaml: write("latin1.yaml", b"posting:\n  id: x\n  title: Pr\xe9sident\n"),
        bad_yaml: write("bad.yaml", b"posting: [unclosed\n"),
        invalid: write(
            "invalid.yaml",
            b"posting: { id: x, title: y }\nfields: {}\n",
        ),
        other_columns: write("other.csv", b"Nom,Age\nAwa,30\n"),
        out_in_missing_dir: at("no/such/dir/out.csv"),
        copy_of_csv: copy,
        _dir: dir,
    }
}

/// Runs a command and checks its exit code and that stderr names `file`.
fn check(args: &[&str], code: i32, file: &str) {
    let out = run(args);
    assert_eq!(out.code, code, "{args:?}\nstderr: {}", out.stderr);
    assert!(
        out.stderr.contains(file),
        "{args:?}: stderr names {file}: {}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("internal error") && !out.stderr.contains("erreur interne"),
        "{args:?}: {}",
        out.stderr
    );
}

#[test]
fn every_command_on_every_bad_input() {
    let f = files();
    let mut cases: Vec<(Vec<String>, i32, String)> = Vec::new();
    let mut add = |args: &[&str], code: i32, file: &str| {
        cases.push((
            args.iter().map(|s| s.to_string()).collect(),
            code,
            file.to_string(),
        ));
    };
    // Missing files, directories, unreadable files.
    let mut unopenable = vec![f.missing.clone(), f.directory.clone()];
    unopenable.extend(f.unreadable.clone());
    for bad in &unopenable {
        add(&["validate", bad], 2, bad);
        add(&["validate", POSTING, "--against", bad], 2, bad);
        add(&["inspect", bad], 2, bad);
        add(&["screen", bad, CSV], 2, bad);
        add(&["screen", POSTING, bad], 2, bad);
        add(&["report", POSTING, bad, "-o", "r.html"], 2, bad);
        add(&["explain", POSTING, bad, "--row", "2"], 2, bad);
    }
    // Empty files.
    add(&["validate", &f.empty], 1, &f.empty);
    add(&["inspect", &f.empty], 2, &f.empty);
    add(&["screen", &f.empty, CSV], 2, &f.empty);
    add(&["screen", POSTING, &f.empty], 2, &f.empty);
    add(&["explain", POSTING, &f.empty, "--row", "2"], 2, &f.empty);
    // Wrong encodings.
    add(&["validate", &f.latin1_yaml], 1, &f.latin1_yaml);
    add(&["screen", &f.latin1_yaml, CSV], 2, &f.latin1_yaml);
    add(
        &["inspect", &f.latin1_csv, "--encoding", "utf-8"],
        2,
        &f.latin1_csv,
    );
    add(
        &["screen", POSTING, &f.latin1_csv, "--encoding", "utf-8"],
        2,
        &f.latin1_csv,
    );
    // Bad YAML and invalid postings.
    for bad in [&f.bad_yaml, &f.invalid] {
        add(&["validate", bad], 1, bad);
        add(&["screen", bad, CSV], 2, bad);
        add(&["report", bad, CSV, "-o", "r.html"], 2, bad);
        add(&["explain", bad, CSV, "--row", "2"], 2, bad);
    }
    // Unknown columns.
    add(
        &["validate", POSTING, "--against", &f.other_columns],
        1,
        &f.other_columns,
    );
    add(&["screen", POSTING, &f.other_columns], 2, &f.other_columns);
    add(
        &["report", POSTING, &f.other_columns, "-o", "r.html"],
        2,
        &f.other_columns,
    );
    add(
        &["explain", POSTING, &f.other_columns, "--row", "2"],
        2,
        &f.other_columns,
    );
    // Outputs in a missing directory, or onto an input.
    add(
        &["screen", POSTING, CSV, "-o", &f.out_in_missing_dir],
        2,
        &f.out_in_missing_dir,
    );
    add(
        &["report", POSTING, CSV, "-o", &f.out_in_missing_dir],
        2,
        &f.out_in_missing_dir,
    );
    add(
        &["screen", POSTING, &f.copy_of_csv, "-o", &f.copy_of_csv],
        2,
        &f.copy_of_csv,
    );
    add(
        &[
            "report",
            POSTING,
            &f.copy_of_csv,
            "-o",
            &f.copy_of_csv,
            "--format",
            "html",
        ],
        2,
        &f.copy_of_csv,
    );
    add(
        &["screen", POSTING, CSV, "-o", POSTING, "--format", "csv"],
        2,
        POSTING,
    );
    for (args, code, file) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        check(&args, *code, file);
    }
    assert!(cases.len() >= 40, "{} cases", cases.len());
    // Nothing was written where an input was named as the output.
    assert_eq!(
        std::fs::read(&f.copy_of_csv).expect("read"),
        std::fs::read(CSV).expect("read")
    );
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        vec!["frobnicate"],
        vec!["screen"],
        vec!["screen", POSTING, CSV, "--top", "0"],
        vec!["screen", POSTING, CSV, "--format", "pdf"],
        vec!["explain", POSTING, CSV],
        vec!["screen", POSTING, CSV, "--delimiter", "ab"],
    ] {
        let out = run(&args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn an_output_through_a_link_to_an_input_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("c.csv");
    std::fs::copy(CSV, &input).expect("copy");
    let link = dir.path().join("link.csv");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, &link).expect("symlink");
    #[cfg(not(unix))]
    std::fs::copy(CSV, &link).expect("copy");
    let out = run(&[
        "screen",
        POSTING,
        &input.to_string_lossy(),
        "-o",
        &link.to_string_lossy(),
    ]);
    if cfg!(unix) {
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains("this is an input of the command"),
            "{}",
            out.stderr
        );
    }
    assert_eq!(
        std::fs::read(&input).expect("read"),
        std::fs::read(CSV).expect("read")
    );
}

/// Hostile files end in a message and exit 2 within a second, memory bounded.
#[test]
fn resource_limits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, bytes: Vec<u8>| -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    };
    let header = "Submitted,Name,Email,Phone,Place,Age,Sanctioned,Motivation\n";
    let big_cell = write(
        "big-cell.csv",
        format!(
            "{header}2024-02-20,Awa,a@x.ml,76000001,Kita,25,,{}\n",
            "x".repeat(5_000_000)
        )
        .into_bytes(),
    );
    let wide = write(
        "wide.csv",
        (0..200_000)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>()
            .join(",")
            .into_bytes(),
    );
    let giant_row = write(
        "giant-row.csv",
        format!("{header}2024-02-20,\"{}\"\n", "y".repeat(20_000_000)).into_bytes(),
    );
    let laughs = write(
        "laughs.yaml",
        b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n".to_vec(),
    );
    let deep = write(
        "deep.yaml",
        format!(
            "posting: {{id: d, title: d}}\nfields: {{y: {{column: Y, type: yes_no}}}}\nrequirements:\n  - id: deep\n    not: {}{{is_yes: y}}{}\n",
            "{not: ".repeat(10_000),
            "}".repeat(10_000)
        )
        .into_bytes(),
    );
    let cases: [(Vec<&str>, &Path, &str); 5] = [
        (
            vec!["screen", POSTING],
            &big_cell,
            "row 2: column `Motivation` holds a cell of 5000000 bytes, more than the 1048576 allowed",
        ),
        (
            vec!["screen", POSTING],
            &wide,
            "the header has 200000 columns, more than the 10000 a candidate file may have",
        ),
        (vec!["inspect"], &giant_row, "a row longer than 16 MiB"),
        (
            vec!["screen"],
            &laughs,
            "more than 10000 values once its aliases are expanded",
        ),
        (
            vec!["screen"],
            &deep,
            "nesting deeper than 64 levels is not supported",
        ),
    ];
    for (args, file, message) in cases {
        let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let file = file.to_string_lossy().into_owned();
        if args[0] == "screen" && args.len() == 1 {
            args.push(file.clone());
            args.push(CSV.into());
        } else {
            args.push(file.clone());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let start = std::time::Instant::now();
        let out = run(&args);
        let took = start.elapsed();
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains(&file),
            "{args:?} names the file: {}",
            out.stderr
        );
        assert!(
            took < std::time::Duration::from_secs(1),
            "{args:?} took {took:?}"
        );
    }
}

#[test]
fn an_interrupted_write_leaves_the_previous_file_whole() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("many.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&input).expect("create"));
    writeln!(
        f,
        "Submitted,Name,Email,Phone,Place,Age,Sanctioned,Motivation"
    )
    .expect("write");
    for i in 0..200_000 {
        writeln!(
            f,
            "2024-02-20,Awa {i},a{i}@x.ml,76{i:06},Kita,25,,community"
        )
        .expect("write");
    }
    drop(f);
    let output = dir.path().join("out.json");
    std::fs::write(&output, b"the previous shortlist").expect("write");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_shortlist"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["screen", POSTING])
        .arg(&input)
        .args(["--all", "-o"])
        .arg(&output)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = child.kill();
    let _ = child.wait();
    let now = std::fs::read(&output).expect("still there");
    assert!(
        now == b"the previous shortlist"
            || serde_json::from_slice::<serde_json::Value>(&now).is_ok(),
        "the output is the previous file or a complete new one, never a part"
    );
}
