//! `shortlist explain POSTING CANDIDATES --row N` (or `--email ADDR`).

use super::{load_posting, open_candidates};
use crate::cli::ExplainArgs;
use crate::exit::Exit;
use crate::screen::{Entry, Request, Screening, View};
use anyhow::{Context, bail};
use std::io::Write;

/// Prints every rule's outcome for the candidates named.
pub fn run(args: &ExplainArgs) -> anyhow::Result<Exit> {
    if let Some(lang) = args.lang {
        crate::i18n::give_messages(lang);
    }
    super::check_arguments("explain", &args.posting, &args.candidates)?;
    let (posting, sha) = load_posting(&args.posting, false)?;
    let verified = crate::verify::load(&posting, &args.verified)?;
    let options = args.input.options()?;
    let sources = open_candidates(&args.candidates, &options)?;
    let lang = args.lang.unwrap_or(posting.meta.language);
    let view = View {
        lang,
        blind: false,
        all: true,
        written_in: None,
    };
    let s = Screening::run(
        &posting,
        sources,
        Request {
            posting_sha256: sha,
            view,
            verified: std::sync::Arc::new(verified),
            ..Request::default()
        },
    )?;
    s.unchanged()?;
    super::warn_verified(&s, false);
    let matches: Vec<usize> = (0..s.len())
        .filter(|&i| match (args.row, &args.email) {
            (Some(row), _) => s.row(i) == row,
            (None, Some(email)) => match &s.entry(i) {
                Entry::Candidate { cells, .. } => posting.fields.iter().enumerate().any(|(f, field)| {
                    field.kind == crate::posting::FieldType::Email
                        && matches!(cells.value(f), crate::cells::Value::Email(e) if e.as_str() == email.trim().to_lowercase())
                }),
                Entry::Unreadable { .. } => false,
            },
            (None, None) => false,
        })
        .collect();
    if matches.is_empty() {
        match (args.row, &args.email) {
            (Some(row), _) => bail!(crate::i18n::catalogue::no_candidate_at_row(
                crate::i18n::messages(),
                row,
                if s.is_empty() { 2 } else { s.row(0) },
                if s.is_empty() { 2 } else { s.row(s.len() - 1) }
            )),
            _ => bail!(crate::i18n::catalogue::no_candidate_with_email(
                crate::i18n::messages(),
                args.email.as_deref().unwrap_or("")
            )),
        }
    }
    let width = crate::text::terminal::width().unwrap_or(crate::text::terminal::PIPED_WIDTH);
    let mut out = String::new();
    for i in matches {
        crate::output::explanation::write(&s, i, lang, width, &mut out);
    }
    // The rows shown were read again from their files: not if one changed since.
    s.read_again_whole()?;
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(out.as_bytes())
        .with_context(|| crate::i18n::catalogue::cannot_write_stdout(crate::i18n::messages()))?;
    Ok(Exit::Success)
}
