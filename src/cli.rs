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
}
