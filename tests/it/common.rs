//! Helpers shared by the integration tests: run the built binary from the crate root, so
//! that paths in its messages read as a user would type them; or, with [`Test`], in a
//! temporary directory of its own files with a clean environment.

use assert_cmd::Command;

/// The `shortlist` binary, run from the crate root, with colours off.
pub fn shortlist() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shortlist"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env("NO_COLOR", "1");
    // Messages in English, whatever the machine's locale, unless a test says otherwise.
    for var in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
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
/// KiB, read from `/proc/<pid>/status` (`VmHWM`, the high-water mark of its own memory) while it
/// runs. The kernel's `ru_maxrss` would not do: it keeps the spawning process's size, and this
/// test binary is large.
#[cfg(target_os = "linux")]
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
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        // A high-water mark: any reading after the peak gives the peak.
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            let hwm = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
            peak = peak.max(hwm.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    let output = Output {
        code: status.code().unwrap_or(-1),
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    };
    (output, peak)
}

/// One run of `shortlist` in a temporary directory with a clean environment: the files it
/// needs are written there, and what it must print and how it must end are said up front,
/// then checked whole.
///
/// ```ignore
/// Test::new()
///     .posting(YAML)
///     .file("c.csv", CSV)
///     .args(&["screen", "posting.yaml", "c.csv", "--format", "csv"])
///     .stdout(EXPECTED)
///     .run();
/// ```
pub struct Test {
    dir: tempfile::TempDir,
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdout: Option<String>,
    stderr: Option<String>,
    code: i32,
}

impl Test {
    /// A run in a new, empty directory that must end with exit 0 and print nothing on stderr
    /// unless told otherwise.
    pub fn new() -> Self {
        Test {
            dir: tempfile::tempdir().expect("a temporary directory"),
            args: Vec::new(),
            env: Vec::new(),
            stdout: None,
            stderr: Some(String::new()),
            code: 0,
        }
    }

    /// Writes the posting as `posting.yaml`.
    pub fn posting(self, yaml: &str) -> Self {
        self.file("posting.yaml", yaml)
    }

    /// Writes `text` as the file `name` of the directory.
    pub fn file(self, name: &str, text: &str) -> Self {
        std::fs::write(self.dir.path().join(name), text).expect("write a file");
        self
    }

    /// The command line, after `shortlist`.
    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| (*a).to_string()));
        self
    }

    /// Sets an environment variable (the environment is otherwise empty).
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.env.push((name.to_string(), value.to_string()));
        self
    }

    /// Copies a file of the repository into the directory, under `name`.
    pub fn copy(self, from: &str, name: &str) -> Self {
        let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(from);
        std::fs::copy(from, self.dir.path().join(name)).expect("copy a file");
        self
    }

    /// What stdout must be, whole.
    pub fn stdout(mut self, text: &str) -> Self {
        self.stdout = Some(text.to_string());
        self
    }

    /// What stderr must be, whole.
    pub fn stderr(mut self, text: &str) -> Self {
        self.stderr = Some(text.to_string());
        self
    }

    /// The exit code it must end with.
    pub fn code(mut self, code: i32) -> Self {
        self.code = code;
        self
    }

    /// Runs it, checks what was said, and gives what it printed.
    pub fn run(self) -> Output {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_shortlist"))
            .args(&self.args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("NO_COLOR", "1")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .output()
            .expect("the binary runs");
        let out = Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        let line = self.args.join(" ");
        if let Some(want) = &self.stderr {
            assert_eq!(&out.stderr, want, "stderr of `shortlist {line}`");
        }
        if let Some(want) = &self.stdout {
            assert_eq!(&out.stdout, want, "stdout of `shortlist {line}`");
        }
        assert_eq!(
            out.code, self.code,
            "exit code of `shortlist {line}`: {}",
            out.stderr
        );
        out
    }
}
