//! `shortlist review POSTING CANDIDATES... -o FILE`: the worksheet of the cells to verify
//! and of the possible duplicates, to fill in and give back with `--verified`.

use super::{load_posting, open_candidates, refuse_overwrite};
use crate::cli::ReviewArgs;
use crate::exit::Exit;
use crate::i18n::catalogue as msg;
use crate::output::worksheet;
use crate::screen::{Request, Screening, View};
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

/// Screens, then writes the worksheet as `.xlsx` (two sheets) or `.csv` (the possible
/// duplicates beside it, in `NAME-doublons.csv` or `NAME-duplicates.csv`).
pub fn run(args: &ReviewArgs) -> anyhow::Result<Exit> {
    if let Some(lang) = args.lang {
        crate::i18n::give_messages(lang);
    }
    super::check_arguments("review", &args.posting, &args.candidates)?;
    let extension = super::extension(&args.output);
    if !matches!(extension.as_str(), "xlsx" | "csv") {
        bail!(msg::review_format(
            crate::i18n::messages(),
            &args.output.display().to_string()
        ));
    }
    let (posting, sha) = load_posting(&args.posting, args.quiet)?;
    let lang = args.lang.unwrap_or(posting.meta.language);
    let duplicates_path = (extension == "csv").then(|| duplicates_file(&args.output, lang));
    let inputs: Vec<&Path> = args
        .candidates
        .iter()
        .chain(&args.verified)
        .chain([&args.posting])
        .map(PathBuf::as_path)
        .collect();
    for out in [Some(&args.output), duplicates_path.as_ref()]
        .into_iter()
        .flatten()
    {
        refuse_overwrite(out, &inputs)?;
    }
    let verified = crate::verify::load(&posting, &args.verified)?;
    let options = args.input.options()?;
    let sources = open_candidates(&args.candidates, &options)?;
    let s = Screening::run(
        &posting,
        sources,
        Request {
            posting_sha256: sha,
            view: View {
                lang,
                blind: false,
                all: true,
                written_in: None,
            },
            verified: std::sync::Arc::new(verified),
            ..Request::default()
        },
    )?;
    s.unchanged()?;
    super::warn_verified(&s, args.quiet);
    let lines = worksheet::lines(&s);
    // The worksheet shows rows read again from their files: not if one changed since.
    s.read_again_whole()?;
    let (cell_head, pair_head) = worksheet::headers(lang);
    if extension == "xlsx" {
        let bytes = worksheet::xlsx(&lines, lang)
            .with_context(|| msg::cannot_build_workbook(crate::i18n::messages()))?;
        super::write_output(&args.output, &bytes)?;
    } else {
        super::write_output(&args.output, &worksheet::csv(&cell_head, &lines.cells)?)?;
        if let Some(path) = &duplicates_path
            && !lines.pairs.is_empty()
        {
            super::write_output(path, &worksheet::csv(&pair_head, &lines.pairs)?)?;
        }
    }
    if !args.quiet {
        let groups = s.possible_duplicates.len();
        let people = s.counts()[2];
        eprintln!(
            "{}",
            crate::text::escape::escaped(&msg::review_written(
                crate::i18n::messages(),
                &crate::i18n::messages().count(
                    lines.cells.len(),
                    ("cellule", "cellules"),
                    ("cell", "cells")
                ),
                &crate::i18n::messages().count(
                    people,
                    ("candidature", "candidatures"),
                    ("application", "applications")
                ),
                &crate::i18n::messages().count(groups, ("groupe", "groupes"), ("group", "groups")),
                &args.output.display().to_string(),
            ))
        );
    }
    Ok(Exit::Success)
}

/// Where the possible duplicates go beside a CSV worksheet: `a-verifier-doublons.csv`.
fn duplicates_file(path: &Path, lang: crate::i18n::Lang) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(
        "{stem}-{}.csv",
        lang.pick("doublons", "duplicates")
    ))
}
