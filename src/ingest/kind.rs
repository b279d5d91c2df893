//! What a file given on the command line is, from its name and first bytes: a posting, a
//! candidates file, or a document (a CV, a letter), so that arguments given in the wrong
//! place are recognised and said so.

use std::path::Path;

/// What a file looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looks {
    /// A posting: YAML with a `posting:` key.
    Posting,
    /// A spreadsheet of applications: CSV or a workbook.
    Candidates,
    /// A document of the kind named (`PDF`, `Word`…), not a spreadsheet.
    Document(&'static str),
    /// Anything else, or what cannot be read without consuming it (a pipe).
    Unknown,
}

/// What the file at `path` looks like; a pipe or a device is not read.
pub fn looks(path: &Path) -> Looks {
    use std::io::Read;
    let name = path.to_string_lossy();
    if super::is_pipe(path) || super::is_device(path) {
        return Looks::Unknown;
    }
    let mut head = Vec::with_capacity(1024);
    if let Ok(file) = std::fs::File::open(path) {
        let _ = file.take(1024).read_to_end(&mut head);
    }
    looks_of(&name, &head)
}

/// What a file named `name` whose first bytes are `head` looks like; an empty file, nothing
/// yet (what reads it says it is empty).
pub fn looks_of(name: &str, head: &[u8]) -> Looks {
    if head.is_empty() {
        return Looks::Unknown;
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "doc" | "docx" => return Looks::Document("Word"),
        "odt" => return Looks::Document("OpenDocument"),
        "rtf" => return Looks::Document("RTF"),
        _ => {}
    }
    if head.starts_with(b"%PDF") {
        return Looks::Document("PDF");
    }
    if head.starts_with(b"{\\rtf") {
        return Looks::Document("RTF");
    }
    let zip = head.starts_with(b"PK\x03\x04");
    let compound = head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if zip || compound {
        return Looks::Candidates;
    }
    if matches!(extension.as_str(), "yaml" | "yml") || starts_as_posting(head) {
        return Looks::Posting;
    }
    match extension.as_str() {
        "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Looks::Candidates,
        _ => Looks::Unknown,
    }
}

/// Whether text opens as a posting does: its first key, after comments and blank lines,
/// is `posting:`.
fn starts_as_posting(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim_end)
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l != &"---")
        .is_some_and(|l| l.starts_with("posting:"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_is_told_by_its_name_or_its_first_bytes() {
        assert_eq!(looks_of("p.yaml", b"posting:\n"), Looks::Posting);
        assert_eq!(
            looks_of("annonce", b"# JIGI\n\nposting:\n  id: x\n"),
            Looks::Posting
        );
        assert_eq!(looks_of("p.YML", b"id: x"), Looks::Posting);
        assert_eq!(looks_of("vide.csv", b""), Looks::Unknown);
        assert_eq!(looks_of("c.csv", b"Nom,Email\n"), Looks::Candidates);
        assert_eq!(looks_of("c.dat", b"PK\x03\x04rest"), Looks::Candidates);
        assert_eq!(
            looks_of("c", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1]),
            Looks::Candidates
        );
        assert_eq!(looks_of("cv.pdf", b"%PDF-1.7"), Looks::Document("PDF"));
        assert_eq!(looks_of("cv.csv", b"%PDF-1.7"), Looks::Document("PDF"));
        assert_eq!(looks_of("cv.docx", b"PK\x03\x04"), Looks::Document("Word"));
        assert_eq!(looks_of("notes", b"hello"), Looks::Unknown);
        assert_eq!(looks_of("c.csv", b"Nom\n"), Looks::Candidates);
    }
}
