//! Why candidate files cannot be screened.

use crate::i18n::Lang;
use crate::ingest::{Cause, IngestError};
use std::path::PathBuf;

/// Why the candidate files cannot be screened.
#[derive(Debug)]
pub enum ReadError {
    /// A file cannot be read.
    Ingest(IngestError),
    /// A row no candidate export would hold (a giant cell or row): the file is refused.
    Fatal {
        /// The file.
        path: PathBuf,
        /// The row.
        row: u64,
        /// What is wrong.
        cause: Cause,
    },
    /// A column the posting maps is not in a file's header.
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The field (empty for the audit column).
        field: String,
        /// Its column.
        column: String,
        /// The nearest header, if any is near.
        nearest: Option<String>,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Ingest(e) => e.fmt(f),
            ReadError::Fatal { path, row, cause } => write!(
                f,
                "{}: row {row}: {}",
                path.display(),
                cause.describe(Lang::En)
            ),
            ReadError::MissingColumn {
                path,
                field,
                column,
                nearest,
            } => {
                if field.is_empty() {
                    write!(
                        f,
                        "{}: row 1: the audit column `{column}` is not in the header",
                        path.display()
                    )?;
                } else {
                    write!(
                        f,
                        "{}: row 1: column `{column}` (field `{field}` of the posting) is not in the header",
                        path.display()
                    )?;
                }
                match nearest {
                    Some(n) => write!(f, "; did you mean `{n}`?"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl std::error::Error for ReadError {}

impl From<IngestError> for ReadError {
    fn from(e: IngestError) -> Self {
        ReadError::Ingest(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_names_the_file_the_row_and_the_column() {
        let missing = |field: &str, nearest: Option<&str>| ReadError::MissingColumn {
            path: "c.csv".into(),
            field: field.into(),
            column: "Diplome".into(),
            nearest: nearest.map(str::to_string),
        };
        assert_eq!(
            missing("degree", Some("Diplôme")).to_string(),
            "c.csv: row 1: column `Diplome` (field `degree` of the posting) is not in the header; did you mean `Diplôme`?"
        );
        assert_eq!(
            missing("", None).to_string(),
            "c.csv: row 1: the audit column `Diplome` is not in the header"
        );
        let fatal = ReadError::Fatal {
            path: "c.csv".into(),
            row: 7,
            cause: Cause::Io("more rows than a candidate export holds".into()),
        };
        assert!(fatal.to_string().starts_with("c.csv: row 7: "), "{fatal}");
    }
}
