//! Where `-o` writes: a regular file replaced atomically, a device or a FIFO written through,
//! a symbolic link's target replaced, `-` for standard output; never an input, under any name;
//! and no temporary file left behind when a signal ends the run.

use crate::common::{run, shortlist};
use std::path::Path;

const POSTING: &str = "postings/jigi-district-officer.yaml";
const CSV: &str = "examples/google-forms-district-officer.csv";

fn abs(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(p)
        .display()
        .to_string()
}

/// The example export copied `n` times into `dir`, each copy with e-mails of its own: a file
/// long enough that writing its output takes a while.
fn copies(dir: &Path, n: usize) -> std::path::PathBuf {
    let big = dir.join("big.csv");
    let text = std::fs::read_to_string(abs(CSV)).expect("csv");
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    let rows: Vec<&str> = lines.collect();
    let mut out = String::from(header);
    out.push('\n');
    for k in 0..n {
        for r in &rows {
            out.push_str(&r.replacen('@', &format!("{k}@"), 1));
            out.push('\n');
        }
    }
    std::fs::write(&big, out).expect("write");
    big
}

/// `screen --all` of `input` to `target`, once it is writing its temporary output.
fn writing_all(input: &Path, target: &Path) -> std::process::Child {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_shortlist"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "screen",
            POSTING,
            &input.display().to_string(),
            "--all",
            "-o",
        ])
        .arg(target)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let dir = target.parent().expect("a directory");
    let start = std::time::Instant::now();
    while !temporary_in(dir) && start.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert!(temporary_in(dir), "the output was being written");
    child
}

/// Whether a temporary output file is in `dir`.
fn temporary_in(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
}

#[test]
fn a_dash_is_standard_output_for_every_format() {
    let csv = run(&["screen", POSTING, CSV, "--format", "csv", "-o", "-"]);
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    let plain = run(&["screen", POSTING, CSV, "--format", "csv"]);
    assert_eq!(csv.stdout, plain.stdout);
    assert_eq!(csv.stderr, "");
    // A workbook too, for a pipe.
    let out = shortlist()
        .args(["screen", POSTING, CSV, "--format", "xlsx", "-o", "-"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "a zip archive");
    let report = run(&["report", POSTING, CSV, "--format", "html", "-o", "-"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert!(
        report.stdout.starts_with("<!DOCTYPE html>"),
        "{}",
        &report.stdout[..40]
    );
}

/// Devices are reached through links in a directory of the test's own: a regression would
/// replace the link, not the machine's `/dev/null`.
#[test]
fn a_device_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("dir");
    let null = dir.path().join("null");
    std::os::unix::fs::symlink("/dev/null", &null).expect("symlink");
    let report_to = |target: &Path| {
        let target = target.display().to_string();
        run(&[
            "report", POSTING, CSV, "-o", &target, "--format", "markdown",
        ])
    };
    let out = report_to(&null);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        std::fs::symlink_metadata(&null)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::metadata("/dev/null")
            .expect("null")
            .file_type()
            .is_char_device()
    );
    // The run's standard output, a pipe here, through `/proc/self/fd/1`: the report arrives.
    let stdout = dir.path().join("stdout");
    std::os::unix::fs::symlink("/proc/self/fd/1", &stdout).expect("symlink");
    let out = report_to(&stdout);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("# "),
        "{}",
        &out.stdout[..out.stdout.len().min(80)]
    );
    assert!(
        std::fs::symlink_metadata(&stdout)
            .expect("link")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_fifo_is_written_through() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("out.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the fifo"))
    };
    let out = run(&["screen", POSTING, CSV, "-o", &fifo.display().to_string()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Had the FIFO been replaced, the reader would wait for a writer forever: one comes and
    // goes, without blocking (O_NONBLOCK), so that the test fails instead of hanging.
    use std::os::unix::fs::OpenOptionsExt;
    let _ = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(0o4000)
        .open(&fifo);
    let got = reader.join().expect("reader");
    assert!(
        got.starts_with("file,row,group,rank,status,"),
        "{}",
        &got[..got.len().min(60)]
    );
    use std::os::unix::fs::FileTypeExt;
    let m = std::fs::metadata(&fifo).expect("fifo");
    assert!(m.file_type().is_fifo(), "the FIFO is still a FIFO");
}

#[test]
fn a_symbolic_link_keeps_pointing_at_its_replaced_target() {
    let dir = tempfile::tempdir().expect("dir");
    let target = dir.path().join("real.csv");
    std::fs::write(&target, "old").expect("write");
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let out = run(&["screen", POSTING, CSV, "-o", &link.display().to_string()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let m = std::fs::symlink_metadata(&link).expect("link");
    assert!(m.file_type().is_symlink(), "the link is still a link");
    let written = std::fs::read_to_string(&target).expect("target");
    assert!(
        written.starts_with("file,row,group,rank,status,"),
        "{written}"
    );
}

#[test]
fn a_hard_link_to_an_input_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let input = dir.path().join("candidates.csv");
    std::fs::copy(abs(CSV), &input).expect("copy");
    let twin = dir.path().join("twin.csv");
    std::fs::hard_link(&input, &twin).expect("hard link");
    let before = std::fs::read(&input).expect("input");
    let twin_name = twin.display().to_string();
    let out = run(&[
        "screen",
        POSTING,
        &input.display().to_string(),
        "-o",
        &twin_name,
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!(
            "shortlist: error: {twin_name}: this is an input of the command; write the output to another file\n"
        )
    );
    assert_eq!(std::fs::read(&input).expect("input"), before);
}

#[test]
fn a_signal_leaves_no_temporary_file() {
    // Enough candidates that writing them takes a while: the signal comes while the temporary
    // file is there.
    let dir = tempfile::tempdir().expect("dir");
    let big = copies(dir.path(), 600);
    let outputs = tempfile::tempdir().expect("dir");
    for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let target = outputs.path().join("all.json");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_shortlist"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["screen", POSTING, &big.display().to_string(), "-o"])
            .arg(&target)
            .arg("--format")
            .arg("json")
            .arg("--all")
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        let temporary = || temporary_in(outputs.path());
        let start = std::time::Instant::now();
        while !temporary() && start.elapsed() < std::time::Duration::from_secs(60) {
            if child.try_wait().expect("wait").is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(
            temporary(),
            "the output was being written when SIG{signal} came"
        );
        let number = match signal {
            "TERM" => libc::SIGTERM,
            "INT" => libc::SIGINT,
            _ => libc::SIGHUP,
        };
        let pid = libc::pid_t::try_from(child.id()).expect("a pid");
        // SAFETY: a signal to our own child, which is not reaped yet.
        unsafe { libc::kill(pid, number) };
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(code), "SIG{signal}");
        assert!(!temporary(), "SIG{signal} left a temporary file");
        let _ = std::fs::remove_file(&target);
    }
}

/// A candidate file cut short while the output is written (its rows are read again then)
/// gives no output and exit 2, not rows without names.
#[test]
fn an_input_changed_while_written_leaves_no_output() {
    let dir = tempfile::tempdir().expect("dir");
    let big = copies(dir.path(), 150);
    let outputs = tempfile::tempdir().expect("dir");
    let target = outputs.path().join("all.csv");
    let child = writing_all(&big, &target);
    let temporary = || temporary_in(outputs.path());
    // Cut in place, as an editor or a sync tool may.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .and_then(|f| f.set_len(1000))
        .expect("truncate");
    let done = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(2), "{stderr}");
    // The posting is French, and so are its messages.
    assert!(stderr.contains("a changé"), "{stderr}");
    assert!(!target.exists(), "no output");
    assert!(!temporary(), "no temporary file");
}

/// A candidate file rewritten in place while the output is written, with its size and
/// modification time kept, is caught by the cells read again: no output, exit 2.
#[test]
fn an_input_rewritten_in_place_to_the_same_size_leaves_no_output() {
    let dir = tempfile::tempdir().expect("dir");
    let big = copies(dir.path(), 150);
    let outputs = tempfile::tempdir().expect("dir");
    let target = outputs.path().join("all.csv");
    let child = writing_all(&big, &target);
    // Same bytes but one letter in every row, same size, same modification time, while the
    // run is stopped: it never sees the file otherwise than before or after.
    let signal = |sig: &str| {
        std::process::Command::new("kill")
            .args([sig, &child.id().to_string()])
            .status()
            .expect("kill")
    };
    signal("-STOP");
    let modified = std::fs::metadata(&big)
        .and_then(|m| m.modified())
        .expect("mtime");
    let text = std::fs::read_to_string(&big).expect("read");
    std::fs::write(&big, text.replace('a', "A")).expect("rewrite");
    std::fs::File::options()
        .write(true)
        .open(&big)
        .and_then(|f| f.set_modified(modified))
        .expect("mtime");
    signal("-CONT");
    let done = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(2), "{stderr}");
    // Found by the row's cells, or before them by the file's change time, whichever the
    // reading meets first.
    assert!(
        stderr.contains("n'est plus ce qu'elle était") || stderr.contains("le fichier a changé"),
        "{stderr}"
    );
    assert!(!target.exists(), "no output");
}
