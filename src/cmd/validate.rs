//! `shortlist validate POSTING... [--against CANDIDATES]`.

use crate::cli::ValidateArgs;
use crate::diag::Diagnostic;
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::ingest;
use crate::posting::{self, Posting};
use crate::text::escape::escaped;
use anyhow::Context;
use std::io::Write;

/// Checks each posting, prints every problem, and a summary line for each valid one.
pub fn run(args: &ValidateArgs) -> anyhow::Result<Exit> {
    if let Some(lang) = args.lang {
        crate::i18n::give_messages(lang);
    }
    let options = args.input.options()?;
    let header = match &args.against {
        Some(path) => match ingest::Source::open(path, &options) {
            Ok(source) => Some((path.display().to_string(), source.header)),
            Err(e) => {
                eprintln!("{}", error_line(&e.to_string()));
                return Ok(Exit::BadInput);
            }
        },
        None => None,
    };
    let mut dry_runs = String::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut exit = Exit::Success;
    // Each posting's problems are told in its own language, unless `--lang` chose one.
    let locale = crate::i18n::messages();
    for path in &args.postings {
        crate::i18n::set_posting_messages(locale);
        let name = path.display().to_string();
        if ingest::kind::looks(path) == ingest::kind::Looks::Candidates {
            let why =
                crate::i18n::catalogue::candidates_to_validate(crate::i18n::messages(), &name);
            eprintln!("{}", error_line(&why));
            // Not a valid posting, as any other file that is not one.
            exit = exit.max(Exit::Invalid);
            continue;
        }
        let bytes = match posting::read_file(path) {
            Ok(b) => b,
            Err(e) => {
                let lang = crate::i18n::messages();
                let why = format!(
                    "{}{}{}",
                    crate::i18n::catalogue::cannot_read(lang, &name),
                    lang.pick(" : ", ": "),
                    crate::i18n::io_why(lang, &e)
                );
                eprintln!("{}", error_line(&why));
                exit = exit.max(Exit::BadInput);
                continue;
            }
        };
        let loaded = posting::parse_in_its_language(&bytes);
        let mut diags = loaded.diagnostics;
        if let (Some(p), Some((file, h))) = (&loaded.posting, &header) {
            diags.extend(check_columns(p, file, h));
            crate::diag::sort(&mut diags);
        }
        for d in &diags {
            eprintln!("{}", d.display(&name));
        }
        match loaded.posting {
            Some(p) if !diags.iter().any(Diagnostic::is_error) => {
                let lang = args.lang.unwrap_or(p.meta.language);
                writeln!(out, "{}", summary(&name, &p, lang)).with_context(|| {
                    crate::i18n::catalogue::cannot_write_stdout(crate::i18n::messages())
                })?;
                if let Some(against) = &args.against {
                    dry_runs.clear();
                    match dry_run(&p, against, &options, lang, &mut dry_runs) {
                        Ok(empty) => {
                            for d in empty {
                                eprintln!("{}", d.display(&name));
                            }
                            out.write_all(dry_runs.as_bytes()).with_context(|| {
                                crate::i18n::catalogue::cannot_write_stdout(crate::i18n::messages())
                            })?;
                        }
                        Err(e) => {
                            let lang = crate::i18n::messages();
                            eprintln!("{}", error_line(&crate::i18n::error_chain(lang, &e)));
                            exit = exit.max(Exit::BadInput);
                        }
                    }
                }
            }
            _ => {
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let lang = crate::i18n::messages();
                eprintln!(
                    "{}{}{}",
                    escaped(&name),
                    lang.pick(" : invalide, ", ": invalid, "),
                    lang.count(errors, ("erreur", "erreurs"), ("error", "errors"))
                );
                exit = exit.max(Exit::Invalid);
            }
        }
    }
    Ok(exit)
}

/// An error for every field whose column is not in `header`, with the nearest header.
pub fn check_columns(p: &Posting, file: &str, header: &[String]) -> Vec<Diagnostic> {
    p.fields
        .iter()
        .filter(|f| ingest::column_index(header, &f.column).is_none())
        .map(|f| {
            let lang = crate::i18n::messages();
            let hint = crate::suggest::closest_text(&f.column, header.iter().map(String::as_str))
                .map(|h| crate::i18n::catalogue::did_you_mean(lang, h))
                .unwrap_or_default();
            let message =
                crate::i18n::catalogue::column_not_in_header(lang, &f.column, &f.name, file, &hint);
            Diagnostic::error(Some(f.column_pos), message)
        })
        .collect()
}

/// Screens `against` with the posting and writes how many rows each requirement passes,
/// fails and cannot read; returns a warning for each requirement that passes no row.
fn dry_run(
    p: &Posting,
    against: &std::path::Path,
    options: &ingest::Options,
    lang: Lang,
    out: &mut String,
) -> anyhow::Result<Vec<Diagnostic>> {
    use crate::engine::Outcome;
    use std::fmt::Write as _;
    let source = ingest::Source::open(against, options)?;
    let view = crate::screen::View {
        lang,
        blind: true,
        all: true,
        written_in: None,
    };
    let s = crate::screen::Screening::run(
        p,
        vec![source],
        crate::screen::Request {
            view,
            ..Default::default()
        },
    )?;
    let readable: Vec<&crate::rank::Decision> = s
        .decisions
        .iter()
        .filter(|d| d.status != crate::rank::Status::Unreadable)
        .collect();
    // Each requirement is counted over the rows the report counts: readable, and one row
    // per person.
    let duplicates = readable
        .iter()
        .filter(|d| d.status == crate::rank::Status::Duplicate)
        .count();
    let counted: Vec<&crate::rank::Decision> = readable
        .iter()
        .copied()
        .filter(|d| d.status != crate::rank::Status::Duplicate)
        .collect();
    let _ = writeln!(
        out,
        "  {}{}{}, {}, {}{}",
        against.display(),
        lang.pick(" : ", ": "),
        lang.count(
            s.len(),
            ("ligne de candidat", "lignes de candidats"),
            ("candidate row", "candidate rows")
        ),
        lang.count(
            s.len() - readable.len(),
            ("illisible", "illisibles"),
            ("unreadable", "unreadable")
        ),
        lang.count(
            duplicates,
            ("doublon", "doublons"),
            ("duplicate", "duplicates")
        ),
        match lang {
            crate::i18n::Lang::Fr => format!(
                " ; chaque exigence est comptée sur les {} autres",
                counted.len()
            ),
            crate::i18n::Lang::En => format!(
                "; each requirement is counted over the {} others",
                counted.len()
            ),
        }
    );
    let width = p
        .requirements
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(0);
    let mut warnings = Vec::new();
    for (k, r) in p.requirements.iter().enumerate() {
        let count = |o: Outcome| {
            counted
                .iter()
                .filter(|d| d.requirement(k) == Some(o))
                .count()
        };
        let (pass, fail, unknown) = (
            count(Outcome::Pass),
            count(Outcome::Fail),
            count(Outcome::Unknown),
        );
        // French conjugates for the number: `1 passe`, `2 passent`.
        let _ = writeln!(
            out,
            "  {:<width$}  {}, {}, {}",
            r.id,
            lang.count(pass, ("passe", "passent"), ("pass", "pass")),
            lang.count(fail, ("échoue", "échouent"), ("fail", "fail")),
            lang.count(
                unknown,
                ("à vérifier", "à vérifier"),
                ("to review", "to review")
            ),
        );
        if pass == 0 && !counted.is_empty() {
            let message = crate::i18n::catalogue::requirement_passes_no_row(
                crate::i18n::messages(),
                &r.id,
                &against.display().to_string(),
            );
            warnings.push(Diagnostic::warning(Some(r.pos), message));
        }
    }
    Ok(warnings)
}

/// An error of `validate` that is not about a place in a posting, escaped for the terminal.
fn error_line(message: &str) -> String {
    let lang = crate::i18n::messages();
    format!(
        "{}{}{}",
        crate::i18n::catalogue::severity_error(lang),
        lang.pick(" : ", ": "),
        escaped(message)
    )
}

fn summary(name: &str, p: &Posting, lang: Lang) -> String {
    let n = |count: usize, fr: &str, en: &str| -> String {
        lang.count(count, (fr, &format!("{fr}s")), (en, &format!("{en}s")))
    };
    let deadline = match &p.meta.deadline {
        Some(d) => format!(
            "{} {}",
            lang.pick("date limite", "deadline"),
            crate::output::when::deadline(d, &p.meta.timezone, lang)
        ),
        None => lang.pick("sans date limite", "no deadline").into(),
    };
    format!(
        "{name}{}{} — {}, {}, {}, {deadline}",
        lang.pick(" : ", ": "),
        lang.pick("valide", "valid"),
        n(p.requirements.len(), "exigence", "requirement"),
        n(p.preferences.len(), "préférence", "preference"),
        n(p.fields.len(), "champ", "field"),
    )
}
