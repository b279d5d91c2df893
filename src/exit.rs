//! The exit codes of SPEC.md, as one type.

use std::process::ExitCode;

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Success, also when nobody is eligible.
    Success = 0,
    /// `validate` found an invalid posting.
    Invalid = 1,
    /// Bad usage or bad input: a file missing or unreadable, an invalid posting given to
    /// another command, an unknown column.
    BadInput = 2,
    /// A bug in the tool.
    Internal = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// An error that is the tool's fault, not the input's: exit code 3.
#[derive(Debug)]
pub struct InternalError(pub String);

impl std::fmt::Display for InternalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::catalogue::internal_error(
            crate::i18n::messages(),
            &self.0,
        ))
    }
}

impl std::error::Error for InternalError {}

/// The exit code for an error that ended a command.
pub fn code_for(err: &anyhow::Error) -> Exit {
    if err.chain().any(|c| c.is::<InternalError>()) {
        Exit::Internal
    } else {
        Exit::BadInput
    }
}

/// Whether the error is only the reader of our output going away (`shortlist … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
