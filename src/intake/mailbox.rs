//! Mailboxes as a stream of messages: an mbox file (Gmail Takeout, Thunderbird), a Maildir, a
//! folder of `.eml` files, or one `.eml` file, told apart by what they hold. One message is in
//! memory at a time, and a message larger than [`MAX_MESSAGE_BYTES`] is skipped as such: a
//! 5 GB mbox is read in bounded memory.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Bytes a message may have: larger ones are listed as unreadable, unread.
pub const MAX_MESSAGE_BYTES: usize = 64 << 20;

/// A message of a mailbox, or why it cannot be read.
#[derive(Debug)]
pub struct Item {
    /// Where it is: the mailbox and its place in it (`boite.mbox, message 12`), or its file.
    pub at: Place,
    /// Its bytes, or what kept them from being read.
    pub bytes: Result<Vec<u8>, Unread>,
}

/// Where a message is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The `n`th message of an mbox file, from 1.
    Mbox(PathBuf, u64),
    /// A file of its own (`.eml`, or a Maildir's).
    File(PathBuf),
}

/// Why a message was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum Unread {
    /// Larger than [`MAX_MESSAGE_BYTES`].
    TooLarge(u64),
    /// The file could not be read.
    Io(String),
}

/// The messages of the mailboxes at `paths`, in order: each mailbox's messages in file
/// order, a folder's files by name.
pub fn messages(paths: &[PathBuf]) -> impl Iterator<Item = Item> + '_ {
    paths.iter().flat_map(|p| mailbox(p))
}

/// Bytes of the mailboxes at `paths`: their files', a folder's message files'.
pub fn size(paths: &[PathBuf]) -> u64 {
    let len = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    paths
        .iter()
        .map(|p| {
            if p.is_dir() {
                folder(p).iter().map(|f| len(f)).sum()
            } else {
                len(p)
            }
        })
        .sum()
}

/// The messages of one mailbox.
fn mailbox(path: &Path) -> Box<dyn Iterator<Item = Item>> {
    if path.is_dir() {
        return Box::new(folder(path).into_iter().map(|p| one_file(&p)));
    }
    match File::open(path) {
        Ok(file) => {
            let mut reader = BufReader::with_capacity(1 << 16, file);
            let is_mbox = reader
                .fill_buf()
                .map(|head| head.starts_with(b"From "))
                .unwrap_or(false);
            if is_mbox {
                Box::new(Mbox {
                    path: path.to_path_buf(),
                    reader,
                    number: 0,
                    pending: None,
                    done: false,
                })
            } else {
                Box::new(std::iter::once(one_file(path)))
            }
        }
        Err(e) => Box::new(std::iter::once(Item {
            at: Place::File(path.to_path_buf()),
            bytes: Err(Unread::Io(e.to_string())),
        })),
    }
}

/// The message files of a folder: a Maildir's `cur/` and `new/`, else the folder's files
/// (and its sub-folders'), sorted by name; hidden files left out.
fn folder(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let hidden = e.file_name().to_string_lossy().starts_with('.');
            let Ok(kind) = e.file_type() else { continue };
            if hidden || kind.is_symlink() {
                continue;
            }
            // A Maildir's `tmp/` holds messages still being delivered.
            if kind.is_dir() && e.file_name() != "tmp" {
                stack.push(path);
            } else if kind.is_file() {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A message that is a file of its own.
fn one_file(path: &Path) -> Item {
    let at = Place::File(path.to_path_buf());
    let bytes = File::open(path).and_then(|f| {
        let mut bytes = Vec::new();
        f.take(MAX_MESSAGE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    });
    let bytes = match bytes {
        Ok(b) if b.len() > MAX_MESSAGE_BYTES => {
            let size = std::fs::metadata(path).map_or(b.len() as u64, |m| m.len());
            Err(Unread::TooLarge(size))
        }
        Ok(b) => Ok(b),
        Err(e) => Err(Unread::Io(e.to_string())),
    };
    Item { at, bytes }
}

/// The messages of an mbox: each starts at a `From ` line; `>From ` in a body is unquoted.
struct Mbox {
    path: PathBuf,
    reader: BufReader<File>,
    number: u64,
    /// The message being gathered: its bytes, or its size once past the limit.
    pending: Option<Result<Vec<u8>, u64>>,
    done: bool,
}

impl Mbox {
    fn item(&self, gathered: Result<Vec<u8>, u64>) -> Item {
        Item {
            at: Place::Mbox(self.path.clone(), self.number),
            bytes: gathered.map_err(Unread::TooLarge),
        }
    }
}

impl Iterator for Mbox {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let mut line = Vec::with_capacity(256);
        loop {
            if self.done {
                return None;
            }
            line.clear();
            // A line is read whole only up to the limit: a mailbox of one endless line is
            // read in bounded memory too.
            let read = (&mut self.reader)
                .take(MAX_MESSAGE_BYTES as u64 + 1)
                .read_until(b'\n', &mut line);
            match read {
                Ok(0) => {
                    self.done = true;
                    let last = self.pending.take()?;
                    return Some(self.item(last));
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    self.number += 1;
                    return Some(Item {
                        at: Place::Mbox(self.path.clone(), self.number),
                        bytes: Err(Unread::Io(e.to_string())),
                    });
                }
            }
            if line.starts_with(b"From ") {
                let finished = self.pending.replace(Ok(Vec::new()));
                let item = finished.map(|f| self.item(f));
                self.number += 1;
                if item.is_some() {
                    return item;
                }
                continue;
            }
            let body: &[u8] = match line.iter().position(|&c| c != b'>') {
                Some(i) if i > 0 && line[i..].starts_with(b"From ") => &line[1..],
                _ => &line,
            };
            // Text before the first `From ` line is not a message.
            if let Some(pending) = &mut self.pending {
                match pending {
                    Ok(bytes) if bytes.len() + body.len() <= MAX_MESSAGE_BYTES => {
                        bytes.extend_from_slice(body);
                    }
                    Ok(bytes) => {
                        let size = (bytes.len() + body.len()) as u64;
                        *pending = Err(size);
                    }
                    Err(size) => *size += body.len() as u64,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_mbox_is_split_at_its_from_lines() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("boite.mbox");
        std::fs::write(
            &path,
            "From a@x Mon Jan 1 00:00:00 2024\nSubject: un\n\nligne\n>From here\n\nFrom b@x Mon Jan 1 00:00:00 2024\nSubject: deux\n\ncorps\n",
        )
        .expect("write");
        let items: Vec<Item> = messages(std::slice::from_ref(&path)).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].at, Place::Mbox(path.clone(), 1));
        assert_eq!(
            items[0].bytes.as_deref().ok(),
            Some(&b"Subject: un\n\nligne\nFrom here\n\n"[..])
        );
        assert_eq!(items[1].at, Place::Mbox(path, 2));
    }

    #[test]
    fn a_folder_is_read_file_by_file_in_name_order() {
        let dir = tempfile::tempdir().expect("dir");
        for name in ["b.eml", "a.eml", ".cache"] {
            std::fs::write(dir.path().join(name), format!("Subject: {name}\n\n")).expect("write");
        }
        std::fs::create_dir(dir.path().join("tmp")).expect("dir");
        std::fs::write(dir.path().join("tmp/c.eml"), "Subject: c\n\n").expect("write");
        let items: Vec<Item> = messages(&[dir.path().to_path_buf()]).collect();
        let names: Vec<String> = items
            .iter()
            .map(|i| match &i.at {
                Place::File(p) => p.file_name().unwrap_or_default().to_string_lossy().into(),
                Place::Mbox(..) => String::new(),
            })
            .collect();
        assert_eq!(names, ["a.eml", "b.eml"]);
    }
}
