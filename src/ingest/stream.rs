//! Candidates from a pipe: `-` (standard input), a FIFO or a device. Such input is read once,
//! from the start, and never opened again; a FIFO that no program writes to is reported.

use std::io::{self, Read};
use std::path::Path;
use std::time::Duration;

/// How long a FIFO is waited for a program that writes to it.
pub const FIFO_WAIT: Duration = Duration::from_secs(10);

/// Whether `path` is `-`, a FIFO or a device: read once, not as a file.
pub fn is_pipe(path: &Path) -> bool {
    path.as_os_str() == "-" || is_device(path)
}

/// Whether a FIFO, a socket or a device (links followed) is at `path`: neither a regular
/// file nor a directory.
#[cfg(unix)]
pub fn is_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| {
        let t = m.file_type();
        t.is_fifo() || t.is_char_device() || t.is_block_device() || t.is_socket()
    })
}

#[cfg(not(unix))]
pub fn is_device(_path: &Path) -> bool {
    false
}

/// The input at `path` when it is a pipe rather than a file; none for a file.
pub fn open(path: &Path) -> io::Result<Option<Box<dyn Read + Send>>> {
    if path.as_os_str() == "-" {
        return Ok(Some(Box::new(io::stdin())));
    }
    special(path)
}

#[cfg(unix)]
fn special(path: &Path) -> io::Result<Option<Box<dyn Read + Send>>> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    let kind = meta.file_type();
    if kind.is_fifo() {
        // Opened without waiting for a writer (O_NONBLOCK): the reads wait, up to a bound.
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(0o4000)
            .open(path)?;
        return Ok(Some(Box::new(Fifo {
            file,
            started: false,
            waited: Duration::ZERO,
        })));
    }
    if kind.is_char_device() || kind.is_socket() {
        return Ok(Some(Box::new(std::fs::File::open(path)?)));
    }
    Ok(None)
}

#[cfg(not(unix))]
fn special(_path: &Path) -> io::Result<Option<Box<dyn Read + Send>>> {
    Ok(None)
}

/// A FIFO opened without blocking: reads wait for data, and for a writer up to [`FIFO_WAIT`].
struct Fifo {
    file: std::fs::File,
    /// Whether a writer has sent anything yet.
    started: bool,
    waited: Duration,
}

impl Read for Fifo {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let pause = Duration::from_millis(2);
        loop {
            match self.file.read(buf) {
                // No writer yet: it may come.
                Ok(0) if !self.started && !buf.is_empty() => {
                    if self.waited >= FIFO_WAIT {
                        return Err(io::Error::other(
                            crate::i18n::catalogue::fifo_without_writer(
                                crate::i18n::messages(),
                                FIFO_WAIT.as_secs(),
                            ),
                        ));
                    }
                    std::thread::sleep(pause);
                    self.waited += pause;
                }
                Ok(n) => {
                    self.started |= n > 0;
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => std::thread::sleep(pause),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}
