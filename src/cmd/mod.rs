//! One module per command: wiring from arguments to the library and back to the terminal.

pub mod explain;
pub mod inspect;
pub mod intake;
pub mod review;
pub mod screen;
pub mod validate;

use crate::i18n::catalogue as msg;
use crate::ingest::{Options, Source};
use crate::posting::Posting;
use anyhow::{Context, bail};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Loads a posting for a command that uses it: any error ends the command (exit 2) after
/// every problem is printed; warnings are printed and the posting used (notes are for
/// `validate`).
pub fn load_posting(path: &Path, quiet: bool) -> anyhow::Result<(Posting, String)> {
    let bytes = crate::posting::read_file(path)
        .with_context(|| msg::cannot_read(crate::i18n::messages(), &path.display().to_string()))?;
    let loaded = crate::posting::parse_in_its_language(&bytes);
    let name = path.display().to_string();
    let shown = |d: &&crate::diag::Diagnostic| {
        d.is_error() || (!quiet && d.severity == crate::diag::Severity::Warning)
    };
    for d in loaded.diagnostics.iter().filter(shown) {
        eprintln!("{}", d.display(&name));
    }
    match loaded.posting {
        Some(p) => Ok((p, hex(&Sha256::digest(&bytes)))),
        None => {
            let n = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
            let lang = crate::i18n::messages();
            let errors = lang.count(n, ("erreur", "erreurs"), ("error", "errors"));
            bail!(msg::posting_invalid(lang, &name, &errors))
        }
    }
}

/// Refuses the arguments of a command that takes a posting, then candidate files, when they
/// are given the other way round or are not what they should be, saying what to type.
pub fn check_arguments(
    command: &str,
    posting: &Path,
    candidates: &[PathBuf],
) -> anyhow::Result<()> {
    use crate::ingest::kind::{Looks, looks};
    let lang = crate::i18n::messages();
    let shown = |p: &Path| p.display().to_string();
    let kinds: Vec<Looks> = candidates.iter().map(|c| looks(c)).collect();
    if looks(posting) == Looks::Candidates {
        match kinds.iter().position(|k| *k == Looks::Posting) {
            Some(k) => bail!(msg::swapped_arguments(
                lang,
                command,
                &shown(posting),
                &shown(&candidates[k])
            )),
            None => bail!(msg::candidates_for_posting(lang, command, &shown(posting))),
        }
    }
    for (k, later) in candidates.iter().enumerate() {
        let same = |earlier: &PathBuf| {
            resolve(earlier) == resolve(later)
                || file_id(later).is_some_and(|id| file_id(earlier) == Some(id))
        };
        // A pipe read twice is not the same rows twice: only files are compared.
        if crate::ingest::is_pipe(later) {
            continue;
        }
        if let Some(earlier) = candidates[..k].iter().find(|e| same(e)) {
            bail!(msg::file_given_twice(lang, &shown(earlier), &shown(later)));
        }
    }
    for (path, kind) in candidates.iter().zip(&kinds) {
        match kind {
            Looks::Posting => bail!(msg::posting_for_candidates(lang, &shown(path))),
            Looks::Document(what) => bail!(msg::document_for_candidates(lang, &shown(path), what)),
            Looks::Candidates | Looks::Unknown => {}
        }
    }
    Ok(())
}

/// When a report is made: now, or `SOURCE_DATE_EPOCH` (seconds since 1970) when set, so that
/// the same inputs make the same report byte for byte.
pub fn report_time() -> chrono::DateTime<chrono::Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(chrono::Utc::now)
}

/// The extension of `path`, in lower case (`""` for none).
pub fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Writes `bytes` to `path` as `-o` does: atomically for a file, through for a stream.
pub fn write_output(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let cannot = || msg::cannot_write(crate::i18n::messages(), &path.display().to_string());
    let target = crate::output::Target::of(path).with_context(cannot)?;
    target
        .write(false, |out: &mut dyn Write| out.write_all(bytes))
        .with_context(cannot)
}

/// Tells, on stderr, each line of `--verified` that was not applied and why.
pub fn warn_verified(s: &crate::screen::Screening, quiet: bool) {
    if quiet {
        return;
    }
    let lang = crate::i18n::messages();
    for w in &s.verify_warnings {
        eprintln!(
            "{}{}{}",
            msg::severity_warning(lang),
            lang.pick(" : ", ": "),
            crate::text::escape::escaped(w)
        );
    }
}

/// Opens the candidate files and reads their headers.
pub fn open_candidates(paths: &[PathBuf], options: &Options) -> anyhow::Result<Vec<Source>> {
    Ok(crate::ingest::open_all(paths, options)?)
}

/// The SHA-256 of each file, in hex, for provenance.
pub fn hash_files(paths: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    paths
        .iter()
        .map(|p| {
            hash_file(p).with_context(|| {
                msg::cannot_read(crate::i18n::messages(), &p.display().to_string())
            })
        })
        .collect()
}

fn hash_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    // A pipe was read once, by the screening: it has no hash to give.
    if crate::ingest::is_pipe(path) {
        return Ok(String::new());
    }
    let mut hasher = Sha256::new();
    let mut file = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Refuses an output path that is one of the inputs (also through a symbolic or hard link, or
/// `./`).
pub fn refuse_overwrite(output: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    if output.as_os_str() == "-" {
        return Ok(());
    }
    let resolved = resolve(output);
    let file = file_id(output);
    for input in inputs {
        let same_file = file.is_some() && file == file_id(input);
        if resolve(input) == resolved || same_file {
            bail!(msg::output_is_an_input(
                crate::i18n::messages(),
                &output.display().to_string()
            ));
        }
    }
    Ok(())
}

/// The device and inode of an existing regular file: two names of one file share them.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    m.is_file().then(|| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<(u64, u64)> {
    None
}

/// The absolute path of a file that may not exist yet, links resolved.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let parent = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = parent.canonicalize().unwrap_or(parent);
    match path.file_name() {
        Some(name) => dir.join(name),
        None => dir,
    }
}

/// Input worth a progress bar: more than this many bytes.
const PROGRESS_BYTES: u64 = 8 << 20;

/// A progress bar on stderr for `total` bytes of input when they are many, on a terminal
/// only: never in pipes, files or CI logs, and not with `--quiet`.
pub fn progress_bar(
    total: u64,
    quiet: bool,
    lang: crate::i18n::Lang,
) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if quiet || total < PROGRESS_BYTES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    let template = format!(
        "{} {{bar:40}} {{bytes}}/{{total_bytes}} ({{eta}})",
        lang.pick("lecture", "reading")
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    Some(bar)
}
