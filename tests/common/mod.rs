//! Helpers shared by the integration tests: run the built binary from the crate root, so
//! that paths in its messages read as a user would type them.

#![allow(dead_code)]

use assert_cmd::Command;

/// The `shortlist` binary, run from the crate root, with colours off.
pub fn shortlist() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shortlist"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// What a run printed and how it ended.
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `shortlist` with `args` and captures everything.
pub fn run(args: &[&str]) -> Output {
    let out = shortlist().args(args).output().expect("the binary runs");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `shortlist` with `args` and returns what it printed with its peak resident memory in
/// KiB, as the kernel counted it for this one process (`wait4`).
#[cfg(unix)]
#[allow(clippy::zombie_processes, reason = "the child is reaped by `wait4`")]
pub fn run_measured(args: &[&str]) -> (Output, u64) {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_shortlist"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).expect("read a pipe");
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills; the child is ours and not yet reaped.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
    assert_eq!(reaped, pid, "wait4");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let output = Output {
        code,
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    };
    (output, u64::try_from(usage.ru_maxrss).unwrap_or(0))
}
