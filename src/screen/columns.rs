//! Which column of a candidate file each of the posting's fields reads.

use super::ReadError;
use crate::ingest::{Source, column_index};
use crate::posting::Posting;

/// The column of each posting field in `source`'s header.
pub(super) fn map_columns(posting: &Posting, source: &Source) -> Result<Vec<usize>, ReadError> {
    posting
        .fields
        .iter()
        .map(|f| {
            column_index(&source.header, &f.column).ok_or_else(|| ReadError::MissingColumn {
                path: source.path.clone(),
                field: f.name.clone(),
                column: f.column.clone(),
                nearest: crate::suggest::closest_text(
                    &f.column,
                    source.header.iter().map(String::as_str),
                )
                .map(str::to_string),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{HEADER, POSTING, file, posting, source};
    use super::*;

    #[test]
    fn each_field_reads_its_column_wherever_it_stands() {
        let dir = tempfile::tempdir().expect("dir");
        let path = file(
            dir.path(),
            "c.csv",
            "Experience,Diplome,Poste,Email,Nom,Horodateur,Autre\n",
        );
        let p = posting(POSTING);
        assert_eq!(
            map_columns(&p, &source(&path)).expect("mapped"),
            [5, 4, 3, 2, 1, 0]
        );
        let path = file(dir.path(), "d.csv", &format!("{HEADER}\n"));
        assert_eq!(
            map_columns(&p, &source(&path)).expect("mapped"),
            [0, 1, 2, 3, 4, 5]
        );
    }

    #[test]
    fn a_missing_column_is_named_with_the_nearest_header() {
        let dir = tempfile::tempdir().expect("dir");
        let path = file(
            dir.path(),
            "c.csv",
            "Horodateur,Nom,Email,Poste,Diplôme obtenu,Experiences\n",
        );
        let p = posting(POSTING);
        match map_columns(&p, &source(&path)) {
            Err(ReadError::MissingColumn {
                field,
                column,
                nearest,
                ..
            }) => {
                assert_eq!(field, "degree");
                assert_eq!(column, "Diplome");
                assert_eq!(nearest.as_deref(), Some("Diplôme obtenu"));
            }
            other => panic!("{other:?}"),
        }
        let path = file(
            dir.path(),
            "d.csv",
            "Horodateur,Nom,Email,Poste,Diplome,Experiences\n",
        );
        match map_columns(&p, &source(&path)) {
            Err(ReadError::MissingColumn { nearest, .. }) => {
                assert_eq!(nearest.as_deref(), Some("Experiences"));
            }
            other => panic!("{other:?}"),
        }
    }
}
