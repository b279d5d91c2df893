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
