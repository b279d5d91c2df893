//! `shortlist intake MAILBOX... -o FILE`: a recruitment mailbox turned into a candidates
//! file, with the messages that are not applications listed apart.

use super::refuse_overwrite;
use crate::cli::IntakeArgs;
use crate::exit::Exit;
use crate::i18n::{Lang, catalogue as msg};
use crate::intake::{Intake, Options};
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
    let lang = args.lang.unwrap_or_else(crate::i18n::messages);
    let extension = super::extension(&args.output);
    if !matches!(extension.as_str(), "csv" | "xlsx") {
        bail!(msg::intake_format(
            crate::i18n::messages(),
            &args.output.display().to_string()
        ));
    }
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
    let inputs: Vec<&Path> = args.mailboxes.iter().map(PathBuf::as_path).collect();
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
    let options = Options {
        to: args.to.clone(),
        attachments: Some(attachments.clone()),
        lang,
    };
    let intake = crate::intake::read(&args.mailboxes, &options);
    let (rows, rejects) = tables(&intake, lang);
    if extension == "xlsx" {
        let bytes = xlsx(&rows, &rejects, lang)
            .with_context(|| msg::cannot_build_workbook(crate::i18n::messages()))?;
        super::write_output(&args.output, &bytes)?;
    } else {
        super::write_output(
            &args.output,
            &crate::output::worksheet::csv(&columns(lang), &rows)?,
        )?;
        if let Some(path) = &rejects_path {
            super::write_output(
                path,
                &crate::output::worksheet::csv(&reject_columns(lang), &rejects)?,
            )?;
        }
    }
    if !args.quiet {
        let m = crate::i18n::messages();
        for a in &intake.applications {
            for why in &a.unsaved {
                eprintln!(
                    "{}{}{}",
                    msg::severity_warning(m),
                    m.pick(" : ", ": "),
                    crate::text::escape::escaped(&msg::intake_unsaved(m, &a.email, why))
                );
            }
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
    Ok(Exit::Success)
}

/// The rows of the candidates file and of the rest.
fn tables(intake: &Intake, lang: Lang) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let rows = intake
        .applications
        .iter()
        .map(|a| {
            vec![
                a.received.clone(),
                a.sent.clone(),
                a.name.clone(),
                a.email.clone(),
                a.phone.clone(),
                a.subject.clone(),
                a.attachments.join(", "),
                a.documents.join(", "),
                a.diploma.clone(),
                a.folder.clone(),
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
    (rows, rejects)
}

/// The candidates file as a workbook: the applications, then the other messages.
fn xlsx(
    rows: &[Vec<String>],
    rejects: &[Vec<String>],
    lang: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let head = rust_xlsxwriter::Format::new().set_bold();
    let mut book = rust_xlsxwriter::Workbook::new();
    type Sheet<'a> = (&'a str, &'a [&'a str], &'a [Vec<String>]);
    let sheets: [Sheet; 2] = [
        (
            lang.pick("Candidatures", "Applications"),
            &columns(lang),
            rows,
        ),
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
