//! Which column of a candidate file each of the posting's fields reads.

use super::ReadError;
use crate::ingest::{Source, column_index};
use crate::posting::Posting;
use crate::text::fold;

/// The column of each posting field in `source`'s header; every missing one at once.
pub(super) fn map_columns(posting: &Posting, source: &Source) -> Result<Vec<usize>, ReadError> {
    let mut columns = Vec::with_capacity(posting.fields.len());
    let mut missing = Vec::new();
    for f in &posting.fields {
        match column_index(&source.header, &f.column) {
            Some(c) => columns.push(c),
            None => missing.push((
                f.name.clone(),
                f.column.clone(),
                crate::suggest::closest_text(&f.column, source.header.iter().map(String::as_str))
                    .map(str::to_string),
            )),
        }
    }
    match missing.len() {
        0 => Ok(columns),
        1 => {
            let (field, column, nearest) = missing.remove(0);
            Err(ReadError::MissingColumn {
                path: source.path.clone(),
                field,
                column,
                nearest,
            })
        }
        n => Err(ReadError::MissingColumns {
            path: source.path.clone(),
            // Not one column found: another posting's file; its first columns say which.
            none_of: (n == posting.fields.len())
                .then(|| source.header.iter().take(3).cloned().collect()),
            missing,
        }),
    }
}

/// The column `--audit-by` names, in the files whose headers are `headers`: a column of
/// every file, else the column of the posting's field of that name, else the one column
/// whose last part of a KoboToolbox group path (`group_identite/sexe`) it is; else the
/// text as given, which the reading reports as missing.
pub fn audit_column(posting: &Posting, headers: &[&[String]], asked: &str) -> String {
    if headers.iter().all(|h| column_index(h, asked).is_some()) {
        return asked.to_string();
    }
    if let Some(field) = posting.fields.iter().find(|f| fold(&f.name) == fold(asked)) {
        return field.column.clone();
    }
    let want = fold(asked);
    let mut ends: Vec<&String> = headers
        .iter()
        .flat_map(|h| h.iter())
        .filter(|c| {
            c.rsplit_once('/')
                .is_some_and(|(_, last)| fold(last) == want)
        })
        .collect();
    ends.sort();
    ends.dedup();
    match ends.as_slice() {
        [one] => (*one).clone(),
        _ => asked.to_string(),
    }
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
    fn every_missing_column_is_named_with_the_nearest_header() {
        let dir = tempfile::tempdir().expect("dir");
        let path = file(
            dir.path(),
            "c.csv",
            "Horodateur,Nom,Email,Poste,Diplôme obtenu,Experiences\n",
        );
        let p = posting(POSTING);
        match map_columns(&p, &source(&path)) {
            Err(ReadError::MissingColumns {
                missing,
                none_of: None,
                ..
            }) => {
                let near = |s: &str| Some(s.to_string());
                assert_eq!(
                    missing,
                    [
                        ("degree".into(), "Diplome".into(), near("Diplôme obtenu")),
                        ("years".into(), "Experience".into(), near("Experiences")),
                    ]
                );
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

    #[test]
    fn the_audit_column_is_a_column_a_field_or_the_end_of_a_group_path() {
        let p = posting(POSTING);
        let header: Vec<String> = ["Horodateur", "group_identite/sexe", "Poste", "Nom"]
            .iter()
            .map(|h| h.to_string())
            .collect();
        let headers = [header.as_slice()];
        assert_eq!(audit_column(&p, &headers, "Poste"), "Poste");
        assert_eq!(audit_column(&p, &headers, "poste"), "poste");
        // The field `station` reads the column `Poste`.
        assert_eq!(audit_column(&p, &[&header[..1]], "station"), "Poste");
        assert_eq!(audit_column(&p, &headers, "sexe"), "group_identite/sexe");
        assert_eq!(audit_column(&p, &headers, "Sexe"), "group_identite/sexe");
        assert_eq!(audit_column(&p, &headers, "âge"), "âge");
    }
}
