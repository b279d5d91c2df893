//! `shortlist screen POSTING CANDIDATES...`.

use super::{hash_files, load_posting, open_candidates, refuse_overwrite};
use crate::cli::ScreenArgs;
use crate::exit::Exit;
use crate::output::{self, CsvStyle, Format};
use crate::screen::{Request, Screening, View};
use anyhow::{Context, bail};
use std::io::{IsTerminal, Write};

/// Screens, then prints or writes the result.
pub fn run(args: &ScreenArgs) -> anyhow::Result<Exit> {
    run_as(args, false)
}

/// Screens and writes the full report to `-o FILE`, or prints it in HTML or Markdown.
pub fn report(args: &ScreenArgs) -> anyhow::Result<Exit> {
    if let Some(lang) = args.lang {
        crate::i18n::give_messages(lang);
    }
    if args.output.is_none() && !matches!(args.format, Some(Format::Html | Format::Markdown)) {
        bail!(crate::i18n::catalogue::report_needs_output(
            crate::i18n::messages()
        ));
    }
    run_as(args, true)
}

/// The format to write: `--format`, else the output's extension, else the table; refused
/// when they disagree, or when `--excel` is given for anything but CSV.
fn output_format(args: &ScreenArgs) -> anyhow::Result<Format> {
    use crate::i18n::catalogue as msg;
    let lang = crate::i18n::messages();
    let path = args.output.as_ref().filter(|p| p.as_os_str() != "-");
    let named = path.map(|p| (p, Format::from_path(p)));
    let format = match (args.format, named) {
        (Some(f), Some((p, Some(g)))) if f != g => bail!(msg::format_against_extension(
            lang,
            f.name(),
            &p.display().to_string(),
            g.name()
        )),
        (Some(f), _) => f,
        (None, Some((_, Some(g)))) => g,
        (None, Some((p, None))) => {
            let extension = p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            let hint = match extension.as_str() {
                "xls" | "xlsm" | "xlsb" | "ods" => msg::write_xlsx_instead(lang, &extension),
                _ => String::new(),
            };
            bail!(msg::unknown_extension(
                lang,
                &p.display().to_string(),
                &hint
            ))
        }
        (None, None) => Format::Table,
    };
    if args.excel && format != Format::Csv {
        bail!(msg::excel_without_csv(lang, format.name()));
    }
    if args.wide && format != Format::Table {
        bail!(msg::wide_without_table(lang, format.name()));
    }
    Ok(format)
}

fn run_as(args: &ScreenArgs, report: bool) -> anyhow::Result<Exit> {
    if let Some(lang) = args.lang {
        crate::i18n::give_messages(lang);
    }
    let command = if report { "report" } else { "screen" };
    super::check_arguments(command, &args.posting, &args.candidates)?;
    let format = output_format(args)?;
    if report && !matches!(format, Format::Html | Format::Markdown | Format::Xlsx) {
        let lang = crate::i18n::messages();
        let path = match args.output.as_ref().filter(|p| p.as_os_str() != "-") {
            Some(p) => format!("{}{} ", p.display(), lang.pick(" :", ":")),
            None => String::new(),
        };
        bail!(crate::i18n::catalogue::report_format(
            lang,
            &path,
            format.name()
        ));
    }
    if let Some(out) = &args.output {
        let mut inputs: Vec<&std::path::Path> = vec![args.posting.as_path()];
        inputs.extend(args.candidates.iter().map(|c| c.as_path()));
        refuse_overwrite(out, &inputs)?;
        if let Some(dir) = out
            .parent()
            .filter(|d| !d.as_os_str().is_empty() && !d.is_dir())
        {
            bail!(crate::i18n::catalogue::no_such_directory(
                crate::i18n::messages(),
                &out.display().to_string(),
                &dir.display().to_string()
            ));
        }
    }
    let (posting, sha) = load_posting(&args.posting, args.quiet)?;
    let as_of = match &args.as_of {
        Some(text) => Some(
            crate::cells::dates::parse_deadline(text, &posting.meta.timezone)
                .map(|d| d.at)
                .map_err(|_| {
                    anyhow::anyhow!(crate::i18n::catalogue::bad_as_of(
                        crate::i18n::messages(),
                        text
                    ))
                })?,
        ),
        None => None,
    };
    let verified = crate::verify::load(&posting, &args.verified)?;
    let options = args.input.options()?;
    let sources = open_candidates(&args.candidates, &options)?;
    // `--audit-by` may name a field, or a column by the end of its group path.
    let audit_column = args.audit_by.as_ref().map(|asked| {
        let headers: Vec<&[String]> = sources.iter().map(|s| s.header.as_slice()).collect();
        crate::screen::audit_column(&posting, &headers, asked)
    });
    // Only the formats that name the files' hashes wait for them, hashed beside the reading.
    let hashing = format.shows_provenance().then(|| {
        let paths = args.candidates.clone();
        std::thread::spawn(move || hash_files(&paths))
    });
    let total = args
        .candidates
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let progress = super::progress_bar(total, args.quiet, view_lang(args, &posting));
    let view = View {
        lang: args.lang.unwrap_or(posting.meta.language),
        blind: args.blind,
        all: args.all,
        // A report's links to attachment folders start where it is written.
        written_in: args
            .output
            .as_ref()
            .filter(|o| o.as_os_str() != "-")
            .and_then(|o| o.parent())
            .map(|d| {
                if d.as_os_str().is_empty() {
                    std::path::Path::new(".")
                } else {
                    d
                }
                .to_path_buf()
            }),
    };
    let mut screening = Screening::run(
        &posting,
        sources,
        Request {
            posting_sha256: sha,
            top: args.top,
            as_of,
            view,
            audit_column,
            progress,
            sequential: args.single_thread,
            verified: std::sync::Arc::new(verified),
        },
    )?;
    screening.unchanged()?;
    super::warn_verified(&screening, args.quiet);
    let made = super::report_time();
    if let Some(hashing) = hashing {
        let hashes = hashing
            .join()
            .map_err(|_| crate::exit::InternalError("the hashing thread stopped".into()))??;
        for (input, hash) in screening.inputs.iter_mut().zip(hashes) {
            input.sha256 = hash;
        }
    }
    let colour = args.output.is_none()
        && format == Format::Table
        && !args.no_color
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal();
    let workbook = match format {
        Format::Xlsx
            if args.output.is_none()
                || (args.output.as_deref() == Some(std::path::Path::new("-"))
                    && std::io::stdout().is_terminal()) =>
        {
            bail!(crate::i18n::catalogue::xlsx_on_terminal(
                crate::i18n::messages()
            ))
        }
        Format::Xlsx if screening.len() > output::xlsx::MAX_ROWS => {
            let lang = crate::i18n::messages();
            bail!(crate::i18n::catalogue::xlsx_too_many_rows(
                lang,
                &lang.count(
                    screening.len(),
                    ("candidat", "candidats"),
                    ("candidate", "candidates")
                ),
                &lang.int(output::xlsx::MAX_ROWS)
            ))
        }
        Format::Xlsx => {
            let (bytes, cuts) = output::xlsx::build(&screening).with_context(|| {
                crate::i18n::catalogue::cannot_build_workbook(crate::i18n::messages())
            })?;
            if !args.quiet {
                for cut in cuts {
                    let lang = crate::i18n::messages();
                    eprintln!(
                        "{}{}{}",
                        crate::i18n::catalogue::severity_warning(lang),
                        lang.pick(" : ", ": "),
                        crate::text::escape::escaped(&cut)
                    );
                }
            }
            Some(bytes)
        }
        _ => None,
    };
    let write_format = |out: &mut dyn Write| -> std::io::Result<()> {
        match format {
            Format::Table => output::table::write(
                &screening,
                output::table::Layout {
                    colour,
                    width: (args.output.is_none() && !args.wide)
                        .then(crate::text::terminal::width)
                        .flatten(),
                },
                out,
            ),
            Format::Csv => output::csv::write(&screening, CsvStyle { excel: args.excel }, out),
            Format::Json => {
                let mut escaped = crate::text::escape::Escaping::new(out);
                output::json::write(&screening, &mut escaped)?;
                escaped.finish().map(|_| ())
            }
            Format::Markdown if report => output::markdown::write_report(&screening, made, out),
            Format::Markdown => output::markdown::write(&screening, out),
            Format::Html => output::html::write(&screening, made, out),
            Format::Xlsx => out.write_all(workbook.as_deref().unwrap_or_default()),
        }
    };
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        write_format(out)?;
        // Rows are read again from their files as they are written: a file changed since
        // it was screened leaves no output.
        screening.read_again_whole()
    };
    match &args.output {
        Some(path) => {
            let cannot_write = || {
                crate::i18n::catalogue::cannot_write(
                    crate::i18n::messages(),
                    &path.display().to_string(),
                )
            };
            let target = output::Target::of(path).with_context(cannot_write)?;
            target.write(colour, write).with_context(cannot_write)?;
            if !args.quiet && target != output::Target::Stdout {
                let line = format!("{} → {}", screening.summary_line(), path.display());
                eprintln!("{}", crate::text::escape::escaped(&line));
            }
        }
        None => output::Target::Stdout
            .write(colour, write)
            .with_context(
                || crate::i18n::catalogue::cannot_write_stdout(crate::i18n::messages()),
            )?,
    }
    Ok(Exit::Success)
}

fn view_lang(args: &ScreenArgs, posting: &crate::posting::Posting) -> crate::i18n::Lang {
    args.lang.unwrap_or(posting.meta.language)
}
