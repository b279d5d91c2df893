//! The `shortlist` binary: parse the command line, run, print the error chain, exit.

use clap::Parser;
use shortlist::cli::Cli;
use shortlist::exit::{self, Exit};
use std::process::ExitCode;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("shortlist: internal error: {info}");
        std::process::exit(Exit::Internal as i32);
    }));
    let cli = Cli::parse();
    match shortlist::run(cli) {
        Ok(code) => code.into(),
        Err(err) if exit::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("shortlist: error: {err:#}");
            exit::code_for(&err).into()
        }
    }
}
