//! `intake`: a recruitment mailbox turned into a candidates file. Each message is an
//! application (a row), or is listed apart with why it is not one (the officer's own reply, an
//! automatic reply, a delivery failure, a message to another address), or could not be read:
//! every message is accounted for. Attachments are saved per applicant under a folder, their
//! names made safe; the documents they hold are recognised from their file names.

pub mod attachments;
pub mod complete;
pub mod mailbox;
pub mod ocr;
pub mod text;

use crate::i18n::Lang;
use mail_parser::{MessageParser, MimeHeaders};
use std::path::PathBuf;

/// Attachments of one message saved at most: past them, the message is listed with its
/// cause and the rest unsaved.
pub const MAX_ATTACHMENTS: usize = 100;

/// Bytes an attachment may have to be saved (SPEC: 25 MB).
pub const MAX_ATTACHMENT_BYTES: usize = 25 << 20;

/// One application: a message with what it tells of its sender.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Application {
    /// When the recruitment mailbox received it (the newest `Received:`, else `Date:`), ISO
    /// 8601 with its offset.
    pub received: String,
    /// `Date:`, ISO 8601.
    pub sent: String,
    /// The sender's display name.
    pub name: String,
    /// The sender's address.
    pub email: String,
    /// A phone number the body gives, when it gives one (several that differ give none).
    pub phone: String,
    /// The subject.
    pub subject: String,
    /// The attachments' names, as written.
    pub attachments: Vec<String>,
    /// The documents the attachments are, by their names and their first lines.
    pub documents: Vec<&'static str>,
    /// The highest diploma the CV or a diploma names, as written there.
    pub diploma: String,
    /// The folder its attachments were saved in, relative to the attachments folder.
    pub folder: String,
    /// `Message-ID`.
    pub message_id: String,
    /// Attachments whose document nothing told: a person must look at them.
    pub unidentified: Vec<String>,
    /// How many of them are scans or images, which OCR could read.
    pub scans: usize,
    /// Attachments not saved, or whose text was not read, and why.
    pub unsaved: Vec<String>,
}

/// Why a message is not an application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotApplication {
    /// Sent from the recruitment address: the officer's own message.
    FromRecruiter,
    /// An automatic reply (out of office…).
    AutoReply,
    /// A delivery failure report.
    DeliveryFailure,
    /// Not addressed to the recruitment address.
    NotAddressed,
    /// Not a message: MIME that cannot be parsed, or a file of something else.
    Unreadable(String),
}

impl NotApplication {
    /// Why, in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            NotApplication::FromRecruiter => lang
                .pick(
                    "envoyé depuis l'adresse du recrutement",
                    "sent from the recruitment address",
                )
                .into(),
            NotApplication::AutoReply => lang.pick("réponse automatique", "automatic reply").into(),
            NotApplication::DeliveryFailure => lang
                .pick("échec de distribution", "delivery failure")
                .into(),
            NotApplication::NotAddressed => lang
                .pick(
                    "pas adressé à l'adresse du recrutement",
                    "not addressed to the recruitment address",
                )
                .into(),
            NotApplication::Unreadable(why) => {
                format!("{}{why}", lang.pick("illisible : ", "unreadable: "))
            }
        }
    }
}

/// A message that is not an application: where it is, its sender and subject if known, why.
#[derive(Clone, Debug, PartialEq)]
pub struct Reject {
    /// Where it is in the mailbox.
    pub at: String,
    /// Its sender, if it has one.
    pub from: String,
    /// Its subject, if it has one.
    pub subject: String,
    /// Why it is not an application.
    pub why: NotApplication,
}

/// What a mailbox holds: its applications, and the rest.
#[derive(Debug, Default)]
pub struct Intake {
    /// The applications, in mailbox order.
    pub applications: Vec<Application>,
    /// The messages that are not applications.
    pub rejects: Vec<Reject>,
}

impl Intake {
    /// Messages read: applications and the rest.
    pub fn messages(&self) -> usize {
        self.applications.len() + self.rejects.len()
    }
}

/// How to read a mailbox.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The recruitment address: its own messages are not applications, and with `only_to`
    /// messages not sent to it are not either.
    pub to: Option<String>,
    /// Where attachments are saved; none saves none.
    pub attachments: Option<PathBuf>,
    /// The language of the folder names' words and of reasons.
    pub lang: Lang,
    /// Read the first page of scans and images with `tesseract`, when it is installed.
    pub ocr: bool,
    /// A progress bar to advance by the bytes of each message read, if any.
    pub progress: Option<indicatif::ProgressBar>,
}

/// Reads every message of the mailboxes at `paths`.
pub fn read(paths: &[PathBuf], options: &Options) -> Intake {
    let parser = MessageParser::default();
    let mut out = Intake::default();
    for item in mailbox::messages(paths) {
        if let Some(bar) = &options.progress {
            bar.inc(match &item.bytes {
                Ok(b) => b.len() as u64,
                Err(mailbox::Unread::TooLarge(n)) => *n,
                Err(mailbox::Unread::Io(_)) => 0,
            });
        }
        let at = place(&item.at);
        let bytes = match item.bytes {
            Ok(b) => b,
            Err(why) => {
                let why = match why {
                    mailbox::Unread::TooLarge(n) => format!(
                        "{} {} {}",
                        options.lang.pick("message de", "a message of"),
                        options.lang.int(n as usize),
                        options.lang.pick("octets, trop grand", "bytes, too large")
                    ),
                    mailbox::Unread::Io(e) => e,
                };
                out.rejects.push(Reject {
                    at,
                    from: String::new(),
                    subject: String::new(),
                    why: NotApplication::Unreadable(why),
                });
                continue;
            }
        };
        let row = out.applications.len() + 2;
        match application(&parser, &bytes, options, row) {
            Ok(a) => out.applications.push(a),
            Err((from, subject, why)) => out.rejects.push(Reject {
                at,
                from,
                subject,
                why,
            }),
        }
    }
    if let Some(bar) = &options.progress {
        bar.finish_and_clear();
    }
    out
}

/// Where a message is, in words.
fn place(p: &mailbox::Place) -> String {
    // `message` is the word in both languages.
    match p {
        mailbox::Place::Mbox(path, n) => format!("{}, message {n}", path.display()),
        mailbox::Place::File(path) => path.display().to_string(),
    }
}

/// One message as an application, or its sender, subject and why it is not one. `row` is the
/// row it would have in the candidates file, which names its attachments' folder.
fn application(
    parser: &MessageParser,
    bytes: &[u8],
    options: &Options,
    row: usize,
) -> Result<Application, (String, String, NotApplication)> {
    let unreadable = |why: &str| {
        (
            String::new(),
            String::new(),
            NotApplication::Unreadable(why.into()),
        )
    };
    let Some(m) = parser.parse(bytes) else {
        return Err(unreadable(options.lang.pick(
            "sa structure MIME ne se lit pas",
            "its MIME structure cannot be parsed",
        )));
    };
    let sender = m.from().and_then(|a| a.first());
    let email = sender
        .and_then(|a| a.address())
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let subject = m.subject().unwrap_or_default().trim().to_string();
    if email.is_empty() && subject.is_empty() && m.date().is_none() {
        return Err(unreadable(options.lang.pick(
            "ni expéditeur, ni objet, ni date : ce n'est pas un message",
            "no sender, subject nor date: this is not a message",
        )));
    }
    let reject = |why| Err((email.clone(), subject.clone(), why));
    let to = options.to.as_deref().map(|t| t.trim().to_lowercase());
    if to.as_ref().is_some_and(|to| email == *to) {
        return reject(NotApplication::FromRecruiter);
    }
    if is_delivery_failure(&m, &email) {
        return reject(NotApplication::DeliveryFailure);
    }
    if is_auto_reply(&m, &subject) {
        return reject(NotApplication::AutoReply);
    }
    if let Some(to) = &to {
        let addressed = [m.to(), m.cc(), m.bcc()]
            .into_iter()
            .flatten()
            .flat_map(|a| a.iter())
            .any(|a| {
                a.address()
                    .is_some_and(|x| x.trim().eq_ignore_ascii_case(to))
            });
        if !addressed {
            return reject(NotApplication::NotAddressed);
        }
    }
    let received = m
        .received()
        .and_then(|r| r.date())
        .or_else(|| m.date().cloned());
    let name = sender
        .and_then(|a| a.name())
        .map(|n| n.trim().trim_matches('"').trim().to_string())
        .unwrap_or_default();
    let mut app = Application {
        received: received.map(|d| d.to_rfc3339()).unwrap_or_default(),
        sent: m.date().map(|d| d.to_rfc3339()).unwrap_or_default(),
        name: if name.is_empty() { email.clone() } else { name },
        email,
        phone: phone_in(m.body_text(0).as_deref().unwrap_or_default()),
        subject,
        message_id: m.message_id().unwrap_or_default().to_string(),
        ..Application::default()
    };
    let mut saver = options
        .attachments
        .as_ref()
        .map(|dir| attachments::Folder::new(dir, row, &app.name));
    let mut diplomas: Vec<String> = Vec::new();
    for (k, part) in m.attachments().enumerate() {
        let written = part.attachment_name().unwrap_or_default().to_string();
        let shown = if written.trim().is_empty() {
            format!("{} {}", options.lang.pick("pièce", "attachment"), k + 1)
        } else {
            written.clone()
        };
        if k >= MAX_ATTACHMENTS {
            app.unsaved.push(format!(
                "{} {}",
                options.lang.int(m.attachments().count() - MAX_ATTACHMENTS),
                options.lang.pick(
                    "pièces de plus, non enregistrées",
                    "more attachments, not saved"
                )
            ));
            break;
        }
        let mut kinds = attachments::documents(&shown);
        if let Some(inner) = part.message() {
            // A message attached: its own attachments' names count too.
            for p in inner.attachments() {
                kinds.extend(attachments::documents(
                    p.attachment_name().unwrap_or_default(),
                ));
            }
        }
        let contents = part.contents();
        if crate::text::fold(&shown).ends_with(".zip") {
            // The names a zip holds count; its content is never extracted.
            for inner in attachments::zip_names(contents) {
                kinds.extend(attachments::documents(&inner));
            }
        }
        let mut scan = false;
        if contents.len() <= MAX_ATTACHMENT_BYTES {
            match text::read(&shown, contents, options.ocr) {
                Ok(t) => {
                    let in_text = text::documents(&t);
                    let cv_or_diploma = in_text
                        .iter()
                        .chain(&kinds)
                        .any(|k| matches!(*k, "CV" | "diplôme"));
                    kinds.extend(in_text);
                    if cv_or_diploma && let Some(d) = text::highest_diploma(&t) {
                        diplomas.push(d);
                    }
                }
                Err(text::Unread::Failed(why)) => app.unsaved.push(format!(
                    "{shown}{}{} (« {why} »)",
                    options.lang.pick(" : ", ": "),
                    options.lang.pick("texte non lu", "text not read")
                )),
                Err(text::Unread::Scanned) => scan = true,
                Err(text::Unread::NoText) => scan = text::is_image(&shown, contents),
            }
        }
        // An image the HTML body shows (a signature's logo) is no document of the dossier.
        let inline_image = part.content_id().is_some()
            && part
                .content_type()
                .is_some_and(|ct| ct.c_type.eq_ignore_ascii_case("image"));
        if kinds.is_empty() && !inline_image {
            app.unidentified.push(shown.clone());
            app.scans += usize::from(scan);
        }
        app.documents.extend(kinds);
        if contents.len() > MAX_ATTACHMENT_BYTES {
            app.unsaved.push(format!(
                "{shown}{}{} {}",
                options.lang.pick(" : ", ": "),
                options.lang.int(contents.len()),
                options.lang.pick(
                    "octets, trop grande : non enregistrée",
                    "bytes, too large: not saved"
                )
            ));
        } else if let Some(saver) = &mut saver
            && let Err(e) = saver.save(&written, contents)
        {
            app.unsaved.push(format!(
                "{shown}{}{} ({e})",
                options.lang.pick(" : ", ": "),
                options.lang.pick("non enregistrée", "not saved")
            ));
        }
        app.attachments.push(shown);
    }
    app.documents.sort_unstable();
    app.documents.dedup();
    app.diploma = text::highest_diploma(&diplomas.join("\n")).unwrap_or_default();
    if let Some(saver) = saver.filter(|s| s.used()) {
        app.folder = saver.name().to_string();
    }
    Ok(app)
}

/// Whether a message reports a failed delivery.
fn is_delivery_failure(m: &mail_parser::Message, from: &str) -> bool {
    let local = from.split('@').next().unwrap_or_default();
    let report = m.content_type().is_some_and(|ct| {
        ct.c_type.eq_ignore_ascii_case("multipart")
            && ct
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    report || matches!(local, "mailer-daemon" | "postmaster")
}

/// Whether a message is an automatic reply: `Auto-Submitted` other than `no`, or a subject
/// that says so.
fn is_auto_reply(m: &mail_parser::Message, subject: &str) -> bool {
    let header = |name: &str| m.header_raw(name).map(|v| v.trim().to_lowercase());
    if header("Auto-Submitted").is_some_and(|v| v != "no") {
        return true;
    }
    if header("X-Autoreply").is_some() || header("X-Autorespond").is_some() {
        return true;
    }
    let s = crate::text::fold(subject);
    [
        "reponse automatique",
        "automatic reply",
        "auto reply",
        "autoreply",
        "out of office",
        "absence du bureau",
        "absent du bureau",
    ]
    .iter()
    .any(|w| s.starts_with(w) || s.contains(&format!(": {w}")))
}

/// The one phone number a message's text gives: runs of digits, spaces, dots and dashes of
/// 8 to 15 digits, read as phone cells; none when none is, or when they differ.
fn phone_in(text: &str) -> String {
    let mut found: Vec<String> = Vec::new();
    let mut run = String::new();
    let plan = crate::cells::phone::Plan::mali();
    let flush = |run: &mut String, found: &mut Vec<String>| {
        let digits = run.chars().filter(char::is_ascii_digit).count();
        if (8..=15).contains(&digits)
            && let Ok(p) = crate::cells::phone::parse(run.trim(), plan)
        {
            let shown = run.trim().to_string();
            if !found
                .iter()
                .any(|f| crate::cells::phone::parse(f, plan) == Ok(p))
            {
                found.push(shown);
            }
        }
        run.clear();
    };
    for c in text.chars().take(1 << 16) {
        if c.is_ascii_digit()
            || (c == '+' && run.trim().is_empty())
            || (!run.is_empty() && matches!(c, ' ' | '.' | '-'))
        {
            run.push(c);
        } else {
            flush(&mut run, &mut found);
        }
    }
    flush(&mut run, &mut found);
    if found.len() == 1 {
        found.remove(0)
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_phone_number_is_found_and_several_are_none() {
        assert_eq!(
            phone_in("Cordialement,\nAwa\nTél : 76 12 34 56"),
            "76 12 34 56"
        );
        assert_eq!(phone_in("+223 76 12 34 56 ou 76123456"), "+223 76 12 34 56");
        assert_eq!(phone_in("76 12 34 56 ou 66 00 00 01"), "");
        assert_eq!(phone_in("né en 1990, 3 ans"), "");
    }
}
