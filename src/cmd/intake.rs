//! `shortlist intake MAILBOX... -o FILE`: a recruitment mailbox turned into a candidates
//! file, with the messages that are not applications listed apart.

use super::refuse_overwrite;
use crate::cli::IntakeArgs;
use crate::exit::Exit;
use crate::i18n::{Lang, catalogue as msg};
use crate::intake::{Intake, Options, complete};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// The columns of the candidates file, in `lang`.
pub fn columns(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Fr => [
            "reçu le",
            "envoyé le",
            "nom",
            "adresse e-mail",
            "téléphone",
            "objet",
            "pièces jointes",
            "documents",
            "diplôme",
            "dossier",
            "message-id",
        ],
        Lang::En => [
            "received",
            "sent",
            "name",
            "e-mail address",
            "phone",
            "subject",
            "attachments",
            "documents",
            "diploma",
            "folder",
            "message-id",
        ],
    }
}

/// The columns of the messages that are not applications, in `lang`.
fn reject_columns(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Fr => ["message", "expéditeur", "objet", "raison"],
        Lang::En => ["message", "sender", "subject", "reason"],
    }
}

/// Reads the mailboxes and writes the candidates file, and the rest beside it.
pub fn run(args: &IntakeArgs) -> anyhow::Result<Exit> {
    if let Some(lang) = args.lang {
        crate::i18n::give_messages(lang);
    }
    let extension = super::extension(&args.output);
    if !matches!(extension.as_str(), "csv" | "xlsx") {
        bail!(msg::intake_format(
            crate::i18n::messages(),
            &args.output.display().to_string()
        ));
    }
    let posting = match &args.posting {
        Some(path) => Some(super::load_posting(path, args.quiet)?.0),
        None => None,
    };
    let lang = args
        .lang
        .or_else(|| {
            let ours = |l: Lang| columns(l).map(String::from).to_vec();
            posting
                .as_ref()
                .map(|p| complete::columns_language(p, ours))
        })
        .unwrap_or_else(crate::i18n::messages);
    let stem = args
        .output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let beside = |name: String| args.output.with_file_name(name);
    let attachments = args
        .attachments
        .clone()
        .unwrap_or_else(|| beside(format!("{stem}-{}", lang.pick("pieces", "attachments"))));
    let rejects_path = (extension == "csv")
        .then(|| beside(format!("{stem}.{}.csv", lang.pick("rejets", "rejects"))));
    let mut inputs: Vec<&Path> = args.mailboxes.iter().map(PathBuf::as_path).collect();
    inputs.extend(args.posting.as_deref());
    for out in [Some(&args.output), rejects_path.as_ref()]
        .into_iter()
        .flatten()
    {
        refuse_overwrite(out, &inputs)?;
    }
    for mailbox in &args.mailboxes {
        if !mailbox.exists() {
            bail!(msg::cannot_read(
                crate::i18n::messages(),
                &mailbox.display().to_string()
            ));
        }
    }
    if args.ocr && !args.quiet {
        let tools = crate::intake::ocr::tools();
        let m = crate::i18n::messages();
        let missing = [
            (!tools.tesseract).then(|| msg::intake_no_tesseract(m)),
            (tools.tesseract && !tools.pdftoppm).then(|| msg::intake_no_pdftoppm(m)),
        ];
        for line in missing.into_iter().flatten() {
            eprintln!("{}{}{line}", msg::severity_warning(m), m.pick(" : ", ": "));
        }
    }
    let options = Options {
        to: args.to.clone(),
        attachments: Some(attachments.clone()),
        lang,
        ocr: args.ocr,
        progress: super::progress_bar(
            crate::intake::mailbox::size(&args.mailboxes),
            args.quiet,
            crate::i18n::messages(),
        ),
    };
    let intake = crate::intake::read(&args.mailboxes, &options);
    let (mut header, mut rows, rejects) = tables(&intake, lang, &folder_base(args, &attachments));
    if let Some(posting) = &posting {
        let added = complete::missing_columns(posting, &header);
        for row in &mut rows {
            row.resize(header.len() + added.len(), String::new());
        }
        header.extend(added);
        let worth = complete::worth_typing(posting, &header, &rows)
            .with_context(|| msg::cannot_build_workbook(crate::i18n::messages()))?;
        header.push(lang.pick("à compléter", "to fill in").into());
        for (row, worth) in rows.iter_mut().zip(worth) {
            let word = if worth { ("oui", "yes") } else { ("non", "no") };
            row.push(lang.pick(word.0, word.1).into());
        }
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    if extension == "xlsx" {
        let bytes = xlsx(&header, &rows, &rejects, lang)
            .with_context(|| msg::cannot_build_workbook(crate::i18n::messages()))?;
        super::write_output(&args.output, &bytes)?;
    } else {
        super::write_output(
            &args.output,
            &crate::output::worksheet::csv(&header, &rows)?,
        )?;
        if let Some(path) = &rejects_path {
            super::write_output(
                path,
                &crate::output::worksheet::csv(&reject_columns(lang), &rejects)?,
            )?;
        }
    }
    if !args.quiet {
        tell(&intake, args);
    }
    Ok(Exit::Success)
}

/// Tells on stderr what was not saved or not read, what is left to identify, and the counts.
fn tell(intake: &Intake, args: &IntakeArgs) {
    let m = crate::i18n::messages();
    let warning = |line: &str| {
        eprintln!(
            "{}{}{}",
            msg::severity_warning(m),
            m.pick(" : ", ": "),
            crate::text::escape::escaped(line)
        )
    };
    for a in &intake.applications {
        for why in &a.unsaved {
            warning(&msg::intake_unsaved(m, &a.email, why));
        }
    }
    let unidentified: usize = intake
        .applications
        .iter()
        .map(|a| a.unidentified.len())
        .sum();
    if unidentified > 0 {
        let count = m.count(
            unidentified,
            ("pièce jointe", "pièces jointes"),
            ("attachment", "attachments"),
        );
        let mut line = msg::intake_unidentified(m, &count);
        let scans: usize = intake.applications.iter().map(|a| a.scans).sum();
        if !args.ocr && scans > 0 {
            line = format!("{line}{}{}", m.pick(" ; ", "; "), msg::intake_try_ocr(m));
        }
        eprintln!("{}{}{line}", msg::severity_note(m), m.pick(" : ", ": "));
    }
    let line = msg::intake_counts(
        m,
        &m.count(
            intake.messages(),
            ("message lu", "messages lus"),
            ("message read", "messages read"),
        ),
        &m.count(
            intake.applications.len(),
            ("candidature", "candidatures"),
            ("application", "applications"),
        ),
        &m.count(
            intake.rejects.len(),
            ("autre message", "autres messages"),
            ("other message", "other messages"),
        ),
        &args.output.display().to_string(),
    );
    eprintln!("{}", crate::text::escape::escaped(&line));
}

/// What the `dossier` column writes before each folder's name: the attachments folder as seen
/// from the candidates file's folder, so that a report on the file finds it.
fn folder_base(args: &IntakeArgs, attachments: &Path) -> String {
    let beside = args.output.parent().unwrap_or(Path::new(""));
    let shown = match attachments.strip_prefix(beside) {
        Ok(inside) if !beside.as_os_str().is_empty() || attachments.is_relative() => {
            inside.to_path_buf()
        }
        _ => std::path::absolute(attachments).unwrap_or_else(|_| attachments.to_path_buf()),
    };
    format!("{}/", shown.display())
}

/// The header and rows of the candidates file, and the rows of the rest. `folders` is what
/// each folder's name is written after.
fn tables(
    intake: &Intake,
    lang: Lang,
    folders: &str,
) -> (Vec<String>, Vec<Vec<String>>, Vec<Vec<String>>) {
    let header = columns(lang).map(String::from).to_vec();
    let rows = intake
        .applications
        .iter()
        .map(|a| {
            let mut documents = a.documents.join(", ");
            if a.attachments.is_empty() {
                // Said, not left blank: the list reader reads it as a dossier of nothing.
                documents = lang.pick("aucune pièce jointe", "no attachment").into();
            }
            if !a.unidentified.is_empty() {
                // Words the list reader cannot place: a dossier with them is not known
                // complete or incomplete until a person looks.
                if !documents.is_empty() {
                    documents.push_str(", ");
                }
                documents.push_str(&format!(
                    "{}{}",
                    lang.pick("à identifier : ", "to identify: "),
                    a.unidentified.join(", ")
                ));
            }
            vec![
                a.received.clone(),
                a.sent.clone(),
                a.name.clone(),
                a.email.clone(),
                a.phone.clone(),
                a.subject.clone(),
                a.attachments.join(", "),
                documents,
                a.diploma.clone(),
                if a.folder.is_empty() {
                    String::new()
                } else {
                    format!("{folders}{}", a.folder)
                },
                a.message_id.clone(),
            ]
        })
        .collect();
    let rejects = intake
        .rejects
        .iter()
        .map(|r| {
            vec![
                r.at.clone(),
                r.from.clone(),
                r.subject.clone(),
                r.why.describe(lang),
            ]
        })
        .collect();
    (header, rows, rejects)
}

/// The candidates file as a workbook: the applications, then the other messages.
fn xlsx(
    header: &[&str],
    rows: &[Vec<String>],
    rejects: &[Vec<String>],
    lang: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let head = rust_xlsxwriter::Format::new().set_bold();
    let mut book = rust_xlsxwriter::Workbook::new();
    type Sheet<'a> = (&'a str, &'a [&'a str], &'a [Vec<String>]);
    let sheets: [Sheet; 2] = [
        (lang.pick("Candidatures", "Applications"), header, rows),
        (
            lang.pick("Autres messages", "Other messages"),
            &reject_columns(lang),
            rejects,
        ),
    ];
    for (name, heads, lines) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        for (c, h) in heads.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &head)?;
            ws.set_column_width(c as u16, 22)?;
        }
        for (r, line) in lines.iter().enumerate() {
            for (c, text) in line.iter().enumerate() {
                if !text.is_empty() {
                    ws.write_string(r as u32 + 1, c as u16, crate::text::printable(text))?;
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}
