//! Why candidate files cannot be screened.

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
    /// Several columns the posting maps are not in a file's header.
    MissingColumns {
        /// The file.
        path: PathBuf,
        /// The first columns of its header, when none of the posting's is there.
        none_of: Option<Vec<String>>,
        /// Each missing column: its field, the column, the nearest header if any is near.
        missing: Vec<(String, String, Option<String>)>,
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
            ReadError::Fatal { path, row, cause } => {
                let lang = crate::i18n::messages();
                f.write_str(&crate::i18n::catalogue::fatal_row(
                    lang,
                    &path.display().to_string(),
                    *row,
                    &cause.describe(lang),
                ))
            }
            ReadError::MissingColumns {
                path,
                none_of: Some(header),
                missing,
            } => {
                let first: Vec<String> = header.iter().map(|h| format!("`{h}`")).collect();
                f.write_str(&crate::i18n::catalogue::no_column_of_the_posting(
                    crate::i18n::messages(),
                    &path.display().to_string(),
                    missing.len(),
                    &first.join(", "),
                ))
            }
            ReadError::MissingColumns { path, missing, .. } => {
                use crate::i18n::catalogue as msg;
                let lang = crate::i18n::messages();
                let list: Vec<String> = missing
                    .iter()
                    .map(|(field, column, nearest)| match nearest {
                        Some(n) => msg::missing_column_item_near(lang, column, field, n),
                        None => msg::missing_column_item(lang, column, field),
                    })
                    .collect();
                let path = path.display().to_string();
                f.write_str(&msg::missing_columns(
                    lang,
                    &path,
                    missing.len(),
                    &list.join(", "),
                ))
            }
            ReadError::MissingColumn {
                path,
                field,
                column,
                nearest,
            } => {
                use crate::i18n::catalogue as msg;
                let lang = crate::i18n::messages();
                let path = path.display().to_string();
                if field.is_empty() {
                    f.write_str(&msg::audit_column_missing(lang, &path, column))?;
                } else {
                    f.write_str(&msg::column_missing(lang, &path, column, field))?;
                }
                match nearest {
                    Some(n) => f.write_str(&msg::did_you_mean(lang, n)),
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
        let several = ReadError::MissingColumns {
            path: "c.csv".into(),
            none_of: None,
            missing: vec![
                ("degree".into(), "Diplome".into(), Some("Diplôme".into())),
                ("years".into(), "Experience".into(), None),
            ],
        };
        assert_eq!(
            several.to_string(),
            "c.csv: row 1: 2 columns the posting maps are not in the header: `Diplome` (field `degree`; did you mean `Diplôme`?), `Experience` (field `years`); shortlist validate POSTING.yaml --against c.csv checks every column of a posting against this file"
        );
        let fatal = ReadError::Fatal {
            path: "c.csv".into(),
            row: 7,
            cause: Cause::Io("more rows than a candidate export holds".into()),
        };
        assert!(fatal.to_string().starts_with("c.csv: row 7: "), "{fatal}");
    }
}
