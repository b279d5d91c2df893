//! The `shortlist` binary: parse the command line, run, print the error chain, exit.

use shortlist::cli::Cli;
use shortlist::exit::{self, Exit};
use std::process::ExitCode;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        // A damaged workbook: the reading catches it and says so.
        if shortlist::ingest::panics_are_caught() {
            return;
        }
        let lang = shortlist::i18n::messages();
        eprintln!(
            "{} {}",
            shortlist::i18n::catalogue::error_prefix(lang),
            shortlist::i18n::catalogue::internal_error(lang, &info.to_string())
        );
        std::process::exit(Exit::Internal as i32);
    }));
    // SIGINT, SIGTERM and SIGHUP remove the output being written, then end as the shell
    // expects (128 + the signal's number).
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ]) {
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                shortlist::output::remove_temporaries_and_exit(128 + signal);
            }
        });
    }
    // Messages speak the locale's language until a command says otherwise (`--lang`).
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|l| !l.is_empty()));
    if let Some(locale) = locale {
        shortlist::i18n::set_messages(shortlist::i18n::Lang::of_locale(&locale));
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(lang) = shortlist::i18n::command_line::lang_of_args(&args) {
        shortlist::i18n::give_messages(lang);
    }
    let lang = shortlist::i18n::messages();
    let parsed = shortlist::i18n::command_line::command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) =>
        {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprint!("{}", shortlist::i18n::command_line::usage_error(&e, lang));
            return ExitCode::from(Exit::BadInput as u8);
        }
    };
    match shortlist::run(cli) {
        Ok(code) => code.into(),
        Err(err) if exit::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // A file's header or name may hold what a terminal would obey.
            let message = shortlist::i18n::error_chain(shortlist::i18n::messages(), &err);
            eprintln!(
                "{} {}",
                shortlist::i18n::catalogue::error_prefix(shortlist::i18n::messages()),
                shortlist::text::escape::escaped(&message)
            );
            exit::code_for(&err).into()
        }
    }
}
