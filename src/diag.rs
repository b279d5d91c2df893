//! Diagnostics: a problem found in an input file, with its position and an optional hint.
//!
//! `validate` prints every diagnostic of a posting at once; other commands print the errors
//! and stop. The rendering is `severity: file:line:column: message`, so that editors and
//! terminals can jump to the place.

use crate::text::escape::escaped;
use std::fmt;

/// A 1-based line and column in a text file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Line, counted from 1.
    pub line: usize,
    /// Column in characters, counted from 1.
    pub col: usize,
}

impl Pos {
    /// A position from a 1-based line and column.
    pub fn new(line: usize, col: usize) -> Self {
        Pos { line, col }
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A hint for whoever writes the posting, shown by `validate` only.
    Note,
    /// Worth knowing; the posting stays valid.
    Warning,
    /// The posting cannot be used.
    Error,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where it is; `None` for a problem with the file as a whole.
    pub pos: Option<Pos>,
    /// What is wrong, naming the key or rule in backticks.
    pub message: String,
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            pos,
            message: message.into(),
        }
    }

    /// A warning at a position.
    pub fn warning(pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            pos,
            message: message.into(),
        }
    }

    /// A note at a position.
    pub fn note(pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            pos,
            message: message.into(),
        }
    }

    /// Whether this diagnostic makes the file unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic for `file`.
    pub fn display<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        DisplayDiag { diag: self, file }
    }
}

struct DisplayDiag<'a> {
    diag: &'a Diagnostic,
    file: &'a str,
}

impl fmt::Display for DisplayDiag<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::catalogue as msg;
        let lang = crate::i18n::messages();
        let label = match self.diag.severity {
            Severity::Error => msg::severity_error(lang),
            Severity::Warning => msg::severity_warning(lang),
            Severity::Note => msg::severity_note(lang),
        };
        let colon = lang.pick(" : ", ": ");
        match self.diag.pos {
            Some(p) => write!(
                f,
                "{label}{colon}{}:{}:{}{colon}",
                escaped(self.file),
                p.line,
                p.col
            )?,
            None => write!(f, "{label}{colon}{}{colon}", escaped(self.file))?,
        }
        f.write_str(&escaped(&self.diag.message))
    }
}

/// The diagnostics of one file, in file order, errors before warnings at the same place.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        a.pos
            .cmp(&b.pos)
            .then(b.severity.cmp(&a.severity))
            .then(a.message.cmp(&b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_position_and_severity() {
        let d = Diagnostic::error(Some(Pos::new(3, 5)), "unknown key `x`");
        assert_eq!(
            d.display("p.yaml").to_string(),
            "error: p.yaml:3:5: unknown key `x`"
        );
        let w = Diagnostic::warning(None, "empty");
        assert_eq!(w.display("p.yaml").to_string(), "warning: p.yaml: empty");
    }

    #[test]
    fn sorts_by_position() {
        let mut v = vec![
            Diagnostic::warning(Some(Pos::new(2, 1)), "b"),
            Diagnostic::error(Some(Pos::new(1, 1)), "a"),
            Diagnostic::error(Some(Pos::new(2, 1)), "c"),
        ];
        sort(&mut v);
        let msgs: Vec<_> = v.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs, ["a", "c", "b"]);
    }
}
