//! Writing a screening out: one module per format, each a `write` to any `io::Write`.

pub mod csv;
pub mod explain;
pub mod explanation;
pub mod html;
pub mod json;
pub mod markdown;
pub mod report;
pub mod table;
pub mod when;
pub mod words;
pub mod worksheet;
pub mod xlsx;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// One line per candidate, for spreadsheets.
    Csv,
    /// Everything, for other programs.
    Json,
    /// A Markdown table (`screen`) or the Markdown report (`report`).
    Markdown,
    /// The report as one HTML page.
    Html,
    /// An Excel workbook: shortlist, all candidates, rules.
    Xlsx,
}

impl Format {
    /// The format a file name's extension calls for.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "xlsx" => Some(Format::Xlsx),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }

    /// Its name on the command line (`--format csv`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
        }
    }

    /// Whether the output names the input files' hashes (the table and CSV do not).
    pub fn shows_provenance(self) -> bool {
        !matches!(self, Format::Table | Format::Csv)
    }
}

/// Options of the CSV writer.
#[derive(Clone, Copy, Debug, Default)]
pub struct CsvStyle {
    /// French Excel: UTF-8 with BOM, `;`, CRLF, decimal commas.
    pub excel: bool,
}

/// Where `-o` sends an output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `-o -`: standard output.
    Stdout,
    /// A device, a FIFO, a socket or a path under `/dev` or `/proc` (`/dev/stdout`): written
    /// as a stream, never replaced.
    Stream(PathBuf),
    /// A regular file, replaced atomically; a symbolic link stands for its target.
    File(PathBuf),
}

impl Target {
    /// Where `-o path` writes.
    pub fn of(path: &Path) -> io::Result<Target> {
        if path.as_os_str() == "-" {
            return Ok(Target::Stdout);
        }
        if path.starts_with("/dev") || path.starts_with("/proc") || crate::ingest::is_device(path) {
            return Ok(Target::Stream(path.to_path_buf()));
        }
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            // The link stays; its target is replaced.
            let target = path.canonicalize().map_err(|e| {
                io::Error::new(
                    e.kind(),
                    crate::i18n::catalogue::dangling_link(crate::i18n::messages()),
                )
            })?;
            return Ok(Target::File(target));
        }
        Ok(Target::File(path.to_path_buf()))
    }

    /// Writes what `write` gives to this target. On a terminal, what it would obey is shown
    /// escaped, unless `styled`: the table's colours, whose cells are made printable.
    pub fn write(
        &self,
        styled: bool,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        match self {
            Target::Stdout => {
                let stdout = io::stdout();
                let terminal = io::IsTerminal::is_terminal(&stdout);
                let mut lock = io::BufWriter::with_capacity(1 << 16, stdout.lock());
                if terminal && !styled {
                    // What a terminal would obey is shown, not obeyed.
                    let mut safe = crate::text::escape::Escaping::new(&mut lock);
                    write(&mut safe)?;
                    safe.finish()?;
                } else {
                    write(&mut lock)?;
                }
                lock.flush()
            }
            Target::Stream(path) => {
                let file = std::fs::OpenOptions::new().write(true).open(path)?;
                let mut out = io::BufWriter::with_capacity(1 << 16, file);
                write(&mut out)?;
                out.flush()
            }
            Target::File(path) => write_atomic(path, write),
        }
    }
}

/// Temporary outputs being written, removed by [`remove_temporaries_and_exit`] when a signal ends the
/// process.
static TEMPORARIES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A temporary output listed in [`TEMPORARIES`] while it lives.
struct Listed(PathBuf);

impl Listed {
    /// Lists `path`, then makes it with `create`, the list locked all along: a signal that
    /// comes meanwhile waits, then finds the file.
    fn create<T>(path: &Path, create: impl FnOnce() -> io::Result<T>) -> io::Result<(Listed, T)> {
        let mut list = TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner());
        list.push(path.to_path_buf());
        let listed = Listed(path.to_path_buf());
        match create() {
            Ok(made) => Ok((listed, made)),
            Err(e) => {
                list.pop();
                std::mem::forget(listed);
                Err(e)
            }
        }
    }
}

impl Drop for Listed {
    fn drop(&mut self) {
        let mut list = TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner());
        list.retain(|p| *p != self.0);
    }
}

/// Removes the temporary outputs being written and ends the process with `code`: for
/// SIGINT, SIGTERM or SIGHUP. The list stays locked until the end, so that no temporary
/// output is made after the others are removed.
pub fn remove_temporaries_and_exit(code: i32) -> ! {
    let list = TEMPORARIES.lock().unwrap_or_else(|e| e.into_inner());
    for path in list.iter() {
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(code)
}

/// Writes to `path` atomically: `write` fills a temporary file in the same directory, which
/// is then renamed into place, so that an interrupted write leaves the previous file whole.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    // Named here, so that it is listed as it is made (a signal finds it whenever it comes);
    // the process id and a counter keep names apart.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!(".tmp-shortlist-{}-{n}", std::process::id());
    let (_listed, tmp) = Listed::create(&dir.join(&name), || {
        tempfile::Builder::new()
            .prefix(&name)
            .rand_bytes(0)
            .tempfile_in(dir)
    })?;
    let mut buffered = io::BufWriter::with_capacity(1 << 16, tmp);
    write(&mut buffered)?;
    let tmp = buffered.into_inner().map_err(|e| e.into_error())?;
    // A temporary file is private; the output is an ordinary file, as the one it replaces.
    let permissions = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => ordinary_permissions(tmp.as_file())?,
    };
    tmp.as_file().set_permissions(permissions)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn ordinary_permissions(_file: &std::fs::File) -> io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn ordinary_permissions(file: &std::fs::File) -> io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// A cell from a candidate made safe for spreadsheets: text that Excel would run as a formula
/// (`=`, `+`, `-`, `@`, tab or carriage return first, also after spaces) gets a leading `'`.
pub fn neutralise(s: &str) -> String {
    neutralised(s).into_owned()
}

/// Whether a spreadsheet would read `s` as a formula.
fn formula_like(s: &str) -> bool {
    // Spreadsheets also read the full-width and small forms of the signs, and skip spaces and
    // invisible characters before them.
    let first = s
        .trim_start_matches([
            ' ', '\u{a0}', '\u{200b}', '\u{2060}', '\u{feff}', '\u{3000}',
        ])
        .chars()
        .next();
    let sign = matches!(
        first,
        Some(
            '=' | '+'
                | '-'
                | '@'
                | '\t'
                | '\r'
                | '＝'
                | '＋'
                | '－'
                | '＠'
                | '﹦'
                | '﹢'
                | '﹣'
                | '﹫'
                | '\u{2212}'
        )
    );
    s.starts_with(['\t', '\r']) || sign
}

/// [`neutralise`], borrowing the text when it needs no prefix (most cells).
pub fn neutralised(s: &str) -> std::borrow::Cow<'_, str> {
    if formula_like(s) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Candidates rendered at a time by one thread.
const CHUNK: usize = 256;

/// Renders the listed candidates of `s` in chunks with `render` and gives the results to
/// `write` in order: on two threads when there are enough candidates for it to pay (and the
/// screening is not held to one thread), each with a state of its own made by `state`.
pub fn for_each_rendered<S, R>(
    s: &crate::screen::Screening,
    state: impl Fn() -> S + Sync,
    render: &R,
    mut write: impl FnMut(&[u8]) -> std::io::Result<()>,
) -> std::io::Result<()>
where
    R: Fn(&[usize], &mut S) -> std::io::Result<Vec<u8>> + Sync,
{
    let listed = s.listed();
    let chunks: Vec<&[usize]> = listed.chunks(CHUNK).collect();
    // As many threads as the screening has slots to read rows again: none waits for another.
    let threads = if s.sequential {
        1
    } else {
        crate::screen::READ_SLOTS
    };
    if threads < 2 || chunks.len() < 8 {
        let mut st = state();
        for chunk in &chunks {
            write(&render(chunk, &mut st)?)?;
        }
        return Ok(());
    }
    let (chunks, state) = (&chunks, &state);
    std::thread::scope(|scope| {
        let mut receivers = Vec::new();
        for worker in 0..threads {
            let (tx, rx) = std::sync::mpsc::sync_channel::<std::io::Result<Vec<u8>>>(2);
            receivers.push(rx);
            scope.spawn(move || {
                let mut st = state();
                for chunk in chunks.iter().skip(worker).step_by(threads) {
                    // The writer stopped (an error): nothing more to render.
                    if tx.send(render(chunk, &mut st)).is_err() {
                        return;
                    }
                }
            });
        }
        for n in 0..chunks.len() {
            let buf = receivers[n % threads]
                .recv()
                .map_err(|_| std::io::Error::other("a rendering thread stopped"))??;
            write(&buf)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(neutralise("  +1"), "'  +1");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        for formula in [
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
            "﹦1+1",
            "\u{200b}=1+1",
            "\u{feff}=1+1",
            "\u{a0}=1+1",
            "\u{2212}1",
        ] {
            assert_eq!(neutralise(formula), format!("'{formula}"), "{formula:?}");
        }
        assert_eq!(neutralise("Awa = 1"), "Awa = 1");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("\rx"), "'\rx");
        assert_eq!(neutralise("Awa Traoré"), "Awa Traoré");
        assert_eq!(Format::from_path(Path::new("a/out.CSV")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("out")), None);
    }
}
