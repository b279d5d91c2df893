//! `shortlist` screens job applicants against a posting's rules.
//!
//! The data flows one way:
//!
//! ```text
//! posting.yaml ──► posting::parse ──► Posting (validated, typed rules)
//! candidates ────► ingest ──► header and rows ──► cells ──► typed values
//! ```
//!
//! Only `cmd` touches files and the terminal; everything else works on values.

pub mod audit;
pub mod cells;
pub mod cli;
mod cmd;
pub mod diag;
pub mod engine;
pub mod exit;
pub mod i18n;
pub mod ingest;
pub mod inspect;
pub mod intake;
pub mod lexicon;
pub mod output;
pub mod posting;
pub mod rank;
pub mod screen;
pub mod store;
pub mod suggest;
pub mod text;
pub mod verify;

use cli::{Cli, Command};
use exit::Exit;

/// Runs one command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    match cli.command {
        Command::Validate(args) => cmd::validate::run(&args),
        Command::Inspect(args) => cmd::inspect::run(&args),
        Command::Screen(args) => cmd::screen::run(&args),
        Command::Report(args) => cmd::screen::report(&args),
        Command::Explain(args) => cmd::explain::run(&args),
        Command::Review(args) => cmd::review::run(&args),
        Command::Intake(args) => cmd::intake::run(&args),
    }
}
