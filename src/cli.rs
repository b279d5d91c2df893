//! The command line: `shortlist <command> …`. Doc comments here are the `--help` text.

use crate::i18n::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Screen job applicants against a posting's requirements, with a reason for every decision.
#[derive(Debug, Parser)]
#[command(name = "shortlist", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check posting files: syntax, schema and meaning, every problem at once with its line.
    Validate(ValidateArgs),
    /// Screen candidate files against a posting and print the ranked shortlist, or write it
    /// with `-o FILE` / `--format`.
    Screen(ScreenArgs),
    /// Write the full report: summary, funnel, per-rule results, shortlist, every decision
    /// with its reasons, fairness audit and provenance, as HTML, Markdown or xlsx (`-o FILE`).
    Report(ScreenArgs),
    /// Show every rule's outcome for one candidate, with the cells it read.
    Explain(ExplainArgs),
    /// Show how a candidate file is read: encoding, delimiter, rows, and each column's values
    /// and type, with a `fields:` block ready to paste into a posting.
    Inspect(InspectArgs),
    /// Write the worksheet of the cells to verify and of the possible duplicates (.xlsx or
    /// .csv), to fill in and give back with `--verified`.
    Review(ReviewArgs),
    /// Turn a recruitment mailbox (mbox, Maildir, a folder of .eml files) into a candidates
    /// file, the attachments saved per applicant, the other messages listed apart.
    Intake(IntakeArgs),
}

/// Arguments of `intake`.
#[derive(Debug, clap::Args)]
pub struct IntakeArgs {
    /// Mailboxes: mbox files, Maildir folders, folders of .eml files, .eml files.
    #[arg(required = true, value_name = "MAILBOX")]
    pub mailboxes: Vec<PathBuf>,
    /// The candidates file to write: .csv (the other messages beside it) or .xlsx.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Where to save the attachments (default: beside the output, `NAME-pieces/`).
    #[arg(long, value_name = "DIR")]
    pub attachments: Option<PathBuf>,
    /// The recruitment address: its own messages are not applications, nor are messages
    /// not sent to it.
    #[arg(long, value_name = "ADDRESS")]
    pub to: Option<String>,
    /// A posting whose fields read these columns: its other columns are added empty, and
    /// `à compléter` says which rows are worth typing in.
    #[arg(long, value_name = "POSTING.yaml")]
    pub posting: Option<PathBuf>,
    /// Read the first page of scans and images with tesseract, when it is installed.
    #[arg(long)]
    pub ocr: bool,
    /// Language of the columns (default: the posting's columns', else the locale's).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// The posting (YAML).
    #[arg(value_name = "POSTING.yaml")]
    pub posting: PathBuf,
    /// Candidate files with the same columns (CSV or .xlsx).
    #[arg(required = true, value_name = "CANDIDATES")]
    pub candidates: Vec<PathBuf>,
    /// The worksheet to write: .xlsx, or .csv (the possible duplicates beside it).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Language of the worksheet (default: the posting's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Worksheets filled in already: what they settled is not asked again.
    #[arg(long, value_name = "FILE")]
    pub verified: Vec<PathBuf>,
    /// Nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// How to read the candidate files.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Arguments of `screen`.
#[derive(Debug, clap::Args)]
pub struct ScreenArgs {
    /// The posting (YAML).
    #[arg(value_name = "POSTING.yaml")]
    pub posting: PathBuf,
    /// Candidate files with the same columns (CSV or .xlsx).
    #[arg(required = true, value_name = "CANDIDATES")]
    pub candidates: Vec<PathBuf>,
    /// How many to shortlist (per group with `shortlist.per`), instead of the posting's size.
    #[arg(long, value_name = "N", value_parser = shortlist_size)]
    pub top: Option<u32>,
    /// Output format (default: from the extension of `-o`, else a table).
    #[arg(long, value_enum)]
    pub format: Option<crate::output::Format>,
    /// Write to this file instead of the terminal (atomically; never over an input).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of labels and reasons (default: the posting's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Replace names and contact details by `C-<row>` in every output.
    #[arg(long)]
    pub blind: bool,
    /// List every candidate, not only the shortlist.
    #[arg(long)]
    pub all: bool,
    /// CSV for French Excel: UTF-8 with BOM, `;` delimiter, CRLF, decimal commas.
    #[arg(long)]
    pub excel: bool,
    /// No colours (also when `NO_COLOR` is set).
    #[arg(long)]
    pub no_color: bool,
    /// On a terminal, show reasons whole, however wide the lines get.
    #[arg(long)]
    pub wide: bool,
    /// Nothing on stderr but errors: no progress bar, warnings or summary line.
    #[arg(short, long)]
    pub quiet: bool,
    /// Read and screen on one thread: slower, with the same result.
    #[arg(long)]
    pub single_thread: bool,
    /// The instant the screening speaks of (default: the deadline, else the latest submission).
    #[arg(long, value_name = "DATETIME")]
    pub as_of: Option<String>,
    /// Selection rates by the groups of this column (never used for scoring).
    #[arg(long, value_name = "COLUMN")]
    pub audit_by: Option<String>,
    /// Cells and possible duplicates a person verified: a worksheet of `shortlist review`,
    /// filled in (.xlsx or .csv; may be given several times).
    #[arg(long, value_name = "FILE")]
    pub verified: Vec<PathBuf>,
    /// How to read the candidate files.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["row", "email"])))]
pub struct ExplainArgs {
    /// The posting (YAML).
    #[arg(value_name = "POSTING.yaml")]
    pub posting: PathBuf,
    /// Candidate files with the same columns (CSV or .xlsx).
    #[arg(required = true, value_name = "CANDIDATES")]
    pub candidates: Vec<PathBuf>,
    /// The candidate's spreadsheet row number (the header is row 1).
    #[arg(long, value_name = "N")]
    pub row: Option<u64>,
    /// The candidate's e-mail address.
    #[arg(long, value_name = "ADDR")]
    pub email: Option<String>,
    /// Language of labels and reasons (default: the posting's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Cells and possible duplicates a person verified: a worksheet of `shortlist review`,
    /// filled in (.xlsx or .csv; may be given several times).
    #[arg(long, value_name = "FILE")]
    pub verified: Vec<PathBuf>,
    /// How to read the candidate files.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Arguments of `inspect`.
#[derive(Debug, clap::Args)]
pub struct InspectArgs {
    /// The candidate file (CSV or .xlsx).
    #[arg(value_name = "CANDIDATES")]
    pub candidates: PathBuf,
    /// Language of the labels (default: the locale's, French or English).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// How to read the candidate file.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Posting files (YAML).
    #[arg(required = true, value_name = "POSTING.yaml")]
    pub postings: Vec<PathBuf>,
    /// Also check that every column a posting maps is in this candidate file's header.
    #[arg(long, value_name = "CANDIDATES")]
    pub against: Option<PathBuf>,
    /// Language of the summary (default: each posting's `language`).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// How to read the candidate file.
    #[command(flatten)]
    pub input: InputArgs,
}

/// How to read candidate files, when detection gets it wrong.
#[derive(Debug, Default, clap::Args)]
pub struct InputArgs {
    /// The delimiter of CSV files: `,` `;` `|` or `tab` (default: detected).
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// The encoding of CSV files: `utf-8`, `windows-1252`, `utf-16le`… (default: detected).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,
    /// The sheet of an .xlsx workbook (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

impl InputArgs {
    /// The reading options these arguments ask for.
    pub fn options(&self) -> anyhow::Result<crate::ingest::Options> {
        let encoding = match &self.encoding {
            Some(label) => Some(crate::ingest::encoding_for_label(label).ok_or_else(|| {
                anyhow::anyhow!(crate::i18n::catalogue::bad_encoding(
                    crate::i18n::messages(),
                    label
                ))
            })?),
            None => None,
        };
        let delimiter = match &self.delimiter {
            Some(label) => Some(crate::ingest::delimiter_for_label(label).ok_or_else(|| {
                anyhow::anyhow!(crate::i18n::catalogue::bad_delimiter(
                    crate::i18n::messages(),
                    label
                ))
            })?),
            None => None,
        };
        Ok(crate::ingest::Options {
            encoding,
            delimiter,
            sheet: self.sheet.clone(),
        })
    }
}

/// Reads `--top`: a number of candidates, 1 or more.
fn shortlist_size(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(crate::i18n::catalogue::top_at_least_one(
            crate::i18n::messages(),
        )),
    }
}
