//! The text of attachments, read with crates made for each format: PDF (its text layer, with
//! `lopdf`), DOCX and ODT (their XML, with `zip` and `quick-xml`), RTF and plain text. A scan
//! has no text layer; an encrypted, broken or slow document is named with its cause. From the
//! text come the documents an attachment is, and the highest diploma a CV or a diploma names.

use std::io::Read;
use std::time::Duration;

/// Pages of a PDF read at most: a CV's first pages say the diploma.
pub const MAX_PAGES: usize = 3;

/// Characters of text kept at most per attachment.
pub const MAX_CHARS: usize = 200_000;

/// Time the reading of one attachment may take: past it, its text is left unread.
pub const MAX_TIME: Duration = Duration::from_secs(10);

/// Why an attachment's text was not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// A format whose text is not read (an image, a zip…).
    NoText,
    /// A PDF without a text layer: a scan.
    Scanned,
    /// Encrypted, broken, or too slow to read.
    Failed(String),
}

/// The text of an attachment, by its name and content; with `ocr`, a scan's or an image's
/// first page is read by OCR when the tools are installed.
pub fn read(name: &str, bytes: &[u8], ocr: bool) -> Result<String, Unread> {
    match layer(name, bytes) {
        Err(Unread::Scanned) if ocr && super::ocr::tools().pdftoppm => {
            by_ocr(bytes, super::ocr::pdf)
        }
        Err(Unread::NoText) if ocr && is_image(name, bytes) => by_ocr(bytes, super::ocr::image),
        read => read,
    }
}

/// Whether an attachment is an image OCR can read.
pub fn is_image(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_lowercase();
    [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"]
        .iter()
        .any(|e| lower.ends_with(e))
        || bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// The text OCR reads, when tesseract is installed.
fn by_ocr(bytes: &[u8], read: fn(&[u8]) -> Result<String, String>) -> Result<String, Unread> {
    if !super::ocr::tools().tesseract {
        return Err(Unread::Scanned);
    }
    let text = read(bytes).map_err(Unread::Failed)?;
    let text: String = text.chars().take(MAX_CHARS).collect();
    if text.trim().is_empty() {
        return Err(Unread::Scanned);
    }
    Ok(text)
}

/// The text an attachment holds as text: a PDF's text layer, a document's words.
fn layer(name: &str, bytes: &[u8]) -> Result<String, Unread> {
    let lower = name.to_lowercase();
    let kind = if bytes.starts_with(b"%PDF") || lower.ends_with(".pdf") {
        Kind::Pdf
    } else if lower.ends_with(".docx") {
        Kind::Docx
    } else if lower.ends_with(".odt") {
        Kind::Odt
    } else if bytes.starts_with(b"{\\rtf") || lower.ends_with(".rtf") {
        Kind::Rtf
    } else if lower.ends_with(".txt") {
        Kind::Plain
    } else {
        return Err(Unread::NoText);
    };
    let owned = bytes.to_vec();
    let text = bounded(MAX_TIME, move || kind.read(&owned))?;
    let text: String = text.chars().take(MAX_CHARS).collect();
    if text.trim().is_empty() {
        return Err(if kind == Kind::Pdf {
            Unread::Scanned
        } else {
            Unread::NoText
        });
    }
    Ok(text)
}

/// Readers left running past their time at most: past them, attachments' text is not read,
/// so that a mailbox of looping documents cannot keep every core busy.
pub const MAX_STUCK: usize = 4;

/// The readers still running past their time.
#[derive(Debug, Default)]
struct Stuck(std::sync::Mutex<usize>);

/// The process's readers past their time.
static STUCK: Stuck = Stuck(std::sync::Mutex::new(0));

/// Runs `read` on a thread of its own for at most `limit`: a document that makes its reader
/// loop or panic costs its own text, never the run. A reader past its time is left to finish
/// on its own, its result dropped; while [`MAX_STUCK`] are, no other is started.
fn bounded(
    limit: Duration,
    read: impl FnOnce() -> Result<String, Unread> + Send + 'static,
) -> Result<String, Unread> {
    bounded_in(&STUCK, limit, read)
}

fn bounded_in(
    stuck: &'static Stuck,
    limit: Duration,
    read: impl FnOnce() -> Result<String, Unread> + Send + 'static,
) -> Result<String, Unread> {
    let lang = crate::i18n::messages();
    let count = |s: &Stuck| *s.0.lock().unwrap_or_else(|e| e.into_inner());
    if count(stuck) >= MAX_STUCK {
        return Err(Unread::Failed(format!(
            "{MAX_STUCK} {}",
            lang.pick(
                "lectures précédentes dépassent déjà leur temps",
                "earlier readings are still past their time"
            )
        )));
    }
    // Whether the reader finished, and whether it was given up on: under one lock, so that
    // a reader finishing as it is given up on is counted once or not at all.
    let state = std::sync::Arc::new(std::sync::Mutex::new((false, false)));
    let theirs = state.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let text = crate::ingest::guarded(read)
            .map_err(Unread::Failed)
            .and_then(|t| t);
        let _ = tx.send(text);
        let mut st = theirs.lock().unwrap_or_else(|e| e.into_inner());
        st.0 = true;
        if st.1 {
            *stuck.0.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
        }
    });
    rx.recv_timeout(limit).map_err(|_| {
        let mut st = state.lock().unwrap_or_else(|e| e.into_inner());
        if !st.0 {
            st.1 = true;
            *stuck.0.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        }
        let over = lang.pick("lecture de plus de", "reading over");
        Unread::Failed(format!("{over} {} s", limit.as_secs()))
    })?
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Pdf,
    Docx,
    Odt,
    Rtf,
    Plain,
}

impl Kind {
    fn read(self, bytes: &[u8]) -> Result<String, Unread> {
        match self {
            Kind::Pdf => pdf(bytes),
            Kind::Docx => xml_in_zip(bytes, "word/document.xml", "w:p"),
            Kind::Odt => xml_in_zip(bytes, "content.xml", "text:p"),
            Kind::Rtf => Ok(rtf(&String::from_utf8_lossy(bytes))),
            Kind::Plain => Ok(String::from_utf8_lossy(bytes).into_owned()),
        }
    }
}

/// The text layer of a PDF's first pages.
fn pdf(bytes: &[u8]) -> Result<String, Unread> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| Unread::Failed(e.to_string()))?;
    if doc.is_encrypted() {
        let lang = crate::i18n::messages();
        return Err(Unread::Failed(lang.pick("chiffré", "encrypted").into()));
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().take(MAX_PAGES).collect();
    doc.extract_text(&pages)
        .map_err(|e| Unread::Failed(e.to_string()))
}

/// The text of an XML document in a zip (DOCX, ODT): its text nodes, a line per paragraph.
fn xml_in_zip(bytes: &[u8], part: &str, paragraph: &str) -> Result<String, Unread> {
    let failed = |e: String| Unread::Failed(e);
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| failed(e.to_string()))?;
    let entry = zip.by_name(part).map_err(|e| failed(e.to_string()))?;
    // Unzipped past a bound, the rest is not read: a zip bomb stops here.
    let bound = 8 * MAX_CHARS as u64;
    let mut xml = Vec::new();
    entry
        .take(bound)
        .read_to_end(&mut xml)
        .map_err(|e| failed(e.to_string()))?;
    // Cut at the bound, the XML ends mid-tag: the text before the cut is kept.
    let cut = xml.len() as u64 >= bound;
    let xml = String::from_utf8_lossy(&xml);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = String::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Text(t)) => {
                let raw: &str = t.as_ref();
                match quick_xml::escape::unescape(raw) {
                    Ok(text) => out.push_str(&text),
                    Err(_) => out.push_str(raw),
                }
            }
            Ok(quick_xml::events::Event::End(e)) if e.name().as_ref() == paragraph => {
                out.push('\n')
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(_) if cut => break,
            Err(e) => return Err(failed(e.to_string())),
        }
        if out.len() > 4 * MAX_CHARS {
            break;
        }
    }
    Ok(out)
}

/// The words of an RTF file: its control words and groups dropped.
fn rtf(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                    out.push('\\');
                    continue;
                }
                let mut word = String::new();
                while let Some(&n) = chars.peek() {
                    if n.is_ascii_alphanumeric() || n == '-' {
                        word.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if chars.peek() == Some(&' ') {
                    chars.next();
                }
                if word == "par" || word == "line" {
                    out.push('\n');
                }
            }
            '\r' | '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// The documents a text's first lines show.
pub fn documents(text: &str) -> Vec<&'static str> {
    let head: String = text.lines().take(15).collect::<Vec<_>>().join(" ");
    let words = crate::text::fold(&head);
    let mut out = Vec::new();
    let has = |w: &str| words.contains(w);
    if has("curriculum vitae") || words.split_whitespace().next() == Some("cv") {
        out.push("CV");
    }
    if has("lettre de motivation") || has("objet : candidature") || has("objet: candidature") {
        out.push("lettre de motivation");
    }
    if has("diplome") && !has("formation") || has("attestation de reussite") {
        out.push("diplôme");
    }
    if has("attestation de travail") || has("certificat de travail") {
        out.push("attestations de travail");
    }
    out
}

/// The line of `text` that names the highest diploma, as written there.
pub fn highest_diploma(text: &str) -> Option<String> {
    use crate::cells::{self, Context, FieldType, Value, dates};
    let zone = dates::Zone::default();
    let cx = Context {
        phone_country: cells::phone::Plan::mali(),
        known_items: &[],
        separator: None,
        order: dates::Order::DayFirst,
        zone: &zone,
    };
    let mut best: Option<(crate::lexicon::Level, String)> = None;
    for line in text.lines().take(400) {
        let line = line.trim();
        // A label before the diploma (`Formation : Master…`) is not the diploma's.
        let shown = match line.split_once(':') {
            Some((_, rest)) if !rest.trim().is_empty() => rest.trim(),
            _ => line,
        };
        if shown.is_empty() || shown.chars().count() > 120 {
            continue;
        }
        if let Value::Degree(d) = cells::read(FieldType::Degree, shown, &cx)
            && let Some(level) = d.level
            && best.as_ref().is_none_or(|(b, _)| level > *b)
        {
            best = Some((level, shown.to_string()));
        }
    }
    best.map(|(_, line)| line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_past_its_time_or_panicking_costs_its_text_only() {
        let slow = bounded(Duration::from_secs(1), || {
            std::thread::sleep(Duration::from_secs(5));
            Ok("late".into())
        });
        assert!(
            matches!(&slow, Err(Unread::Failed(why)) if why.ends_with(" 1 s")),
            "{slow:?}"
        );
        let panics = bounded(Duration::from_secs(1), || panic!("boom"));
        assert!(matches!(panics, Err(Unread::Failed(_))), "{panics:?}");
    }

    #[test]
    fn readers_past_their_time_are_few() {
        static MINE: Stuck = Stuck(std::sync::Mutex::new(0));
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let wait = std::sync::Arc::new(std::sync::Mutex::new(wait));
        let stuck_reader = || {
            let wait = wait.clone();
            move || {
                let _ = wait.lock().map(|w| w.recv());
                Ok(String::new())
            }
        };
        for _ in 0..MAX_STUCK {
            let late = bounded_in(&MINE, Duration::from_millis(10), stuck_reader());
            assert!(matches!(late, Err(Unread::Failed(_))), "{late:?}");
        }
        // Past the bound, nothing is started, not even a reader that would be quick.
        let refused = bounded_in(&MINE, Duration::from_secs(5), || Ok("vite".into()));
        assert!(
            matches!(&refused, Err(Unread::Failed(why)) if why.contains(&MAX_STUCK.to_string())),
            "{refused:?}"
        );
        // Once they finish, readers are started again.
        for _ in 0..MAX_STUCK {
            let _ = go.send(());
        }
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while *MINE.0.lock().expect("count") > 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(
            bounded_in(&MINE, Duration::from_secs(5), || Ok("vite".into())),
            Ok("vite".into())
        );
    }

    #[test]
    fn only_the_first_pages_of_a_pdf_are_read() {
        use lopdf::{Document, Object, Stream, dictionary};
        let mut doc = Document::with_version("1.4");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let kids: Vec<Object> = (1..=5)
            .map(|n| {
                let text = format!("BT /F1 12 Tf 60 780 Td (PAGE {n}) Tj ET");
                let content = doc.add_object(Stream::new(dictionary! {}, text.into_bytes()));
                doc.add_object(dictionary! {
                    "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                    "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                    "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
                })
                .into()
            })
            .collect();
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 5 }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("saved");
        let text = read("cv.pdf", &bytes, false).expect("text");
        assert!(
            text.contains("PAGE 3") && !text.contains("PAGE 4"),
            "{text}"
        );
    }

    #[test]
    fn the_highest_diploma_is_the_line_that_names_it() {
        let cv = "CURRICULUM VITAE\nAwa Traoré\nFormation : Licence en sociologie\nMaster en santé publique, 2019\nExpérience : 5 ans";
        assert_eq!(
            highest_diploma(cv).as_deref(),
            Some("Master en santé publique, 2019")
        );
        assert_eq!(highest_diploma("Bonjour"), None);
    }

    #[test]
    fn documents_are_recognised_from_their_first_lines() {
        assert_eq!(documents("CURRICULUM VITAE\nAwa"), ["CV"]);
        assert_eq!(
            documents("Objet : candidature au poste"),
            ["lettre de motivation"]
        );
        assert_eq!(documents("DIPLOME\nLicence"), ["diplôme"]);
    }

    #[test]
    fn rtf_keeps_its_words() {
        assert_eq!(rtf("{\\rtf1\\ansi {\\b CV}\\par Awa}"), "CV\nAwa");
    }

    #[test]
    fn a_file_without_text_says_why() {
        assert_eq!(read("photo.jpg", b"\xff\xd8", false), Err(Unread::NoText));
        assert!(matches!(
            read("cv.pdf", b"%PDF-1.4 broken", false),
            Err(Unread::Failed(_))
        ));
        assert!(matches!(
            read("lettre.docx", b"PK not a zip", false),
            Err(Unread::Failed(_))
        ));
    }
}
