//! `intake --ocr`: the first page of a scan or an image read by `tesseract` (Debian
//! `tesseract-ocr`, `tesseract-ocr-fra`), a PDF's page first drawn by `pdftoppm` (Debian
//! `poppler-utils`). Each program runs in a scratch folder with a time bound; its failure
//! costs the attachment's text, never the run.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Time one program may take on one attachment: past it, it is stopped.
pub const MAX_TIME: Duration = Duration::from_secs(30);

/// Resolution a PDF's page is drawn at for OCR, in dots per inch.
const DPI: &str = "200";

/// What OCR can read on this machine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tools {
    /// `tesseract` runs.
    pub tesseract: bool,
    /// The languages tesseract is given (`fra+eng`), from those installed.
    pub languages: String,
    /// `pdftoppm` runs.
    pub pdftoppm: bool,
}

/// The tools found on this machine, looked for once.
pub fn tools() -> &'static Tools {
    static TOOLS: OnceLock<Tools> = OnceLock::new();
    TOOLS.get_or_init(|| {
        let output = |program: &str, args: &[&str]| {
            Command::new(program)
                .args(args)
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .output()
                .ok()
                .filter(|o| o.status.success())
        };
        let listed = output("tesseract", &["--list-langs"]);
        let installed = listed
            .as_ref()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default();
        let languages: Vec<&str> = ["fra", "eng"]
            .into_iter()
            .filter(|l| installed.lines().any(|line| line.trim() == *l))
            .collect();
        Tools {
            tesseract: listed.is_some(),
            languages: languages.join("+"),
            // `pdftoppm -v` says its version on stderr, with a status that varies.
            pdftoppm: Command::new("pdftoppm")
                .arg("-v")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok(),
        }
    })
}

/// The text of a PDF's first page, drawn then read.
pub fn pdf(bytes: &[u8]) -> Result<String, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let source = dir.path().join("scan.pdf");
    std::fs::write(&source, bytes).map_err(|e| e.to_string())?;
    let page = dir.path().join("page");
    run(Command::new("pdftoppm")
        .args(["-r", DPI, "-gray", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&source)
        .arg(&page))?;
    read_image(&dir.path().join("page.pgm"))
}

/// The text of an image.
pub fn image(bytes: &[u8]) -> Result<String, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let source = dir.path().join("image");
    std::fs::write(&source, bytes).map_err(|e| e.to_string())?;
    read_image(&source)
}

fn read_image(path: &Path) -> Result<String, String> {
    // tesseract writes `BASE.txt`.
    let base = path.with_file_name("ocr");
    let mut command = Command::new("tesseract");
    command.arg(path).arg(&base);
    let languages = &tools().languages;
    if !languages.is_empty() {
        command.args(["-l", languages]);
    }
    run(&mut command)?;
    std::fs::read_to_string(path.with_file_name("ocr.txt")).map_err(|e| e.to_string())
}

/// Runs `command` to its end, or stops it past [`MAX_TIME`].
fn run(command: &mut Command) -> Result<(), String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => return Err(status.to_string()),
            None if start.elapsed() > MAX_TIME => {
                let _ = child.kill();
                let _ = child.wait();
                let lang = crate::i18n::messages();
                let over = lang.pick("lecture de plus de", "reading over");
                return Err(format!("{over} {} s", MAX_TIME.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}
