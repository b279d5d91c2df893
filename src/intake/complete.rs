//! `intake --posting`: the posting's columns that e-mail cannot fill, added empty for the
//! officer to type in, and which rows are worth typing: not those that already fail a
//! requirement e-mail can check (late, a missing document, a wrong subject), nor a submission
//! another of the same person replaces.

use crate::i18n::Lang;
use crate::posting::Posting;
use crate::rank::Status;
use crate::screen::{Request, Screening};

/// The language of intake's columns the posting maps: the one whose columns it names most,
/// else its own.
pub fn columns_language(posting: &Posting, columns: impl Fn(Lang) -> Vec<String>) -> Lang {
    let named = |lang: Lang| {
        let ours: Vec<String> = columns(lang).iter().map(|c| crate::text::fold(c)).collect();
        posting
            .fields
            .iter()
            .filter(|f| ours.contains(&crate::text::fold(&f.column)))
            .count()
    };
    let (fr, en) = (named(Lang::Fr), named(Lang::En));
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Fr,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => posting.meta.language,
    }
}

/// The posting's columns that are not among `columns`, in the posting's order, each once.
pub fn missing_columns(posting: &Posting, columns: &[String]) -> Vec<String> {
    let mut have: Vec<String> = columns.iter().map(|c| crate::text::fold(c)).collect();
    let mut out = Vec::new();
    for f in &posting.fields {
        let folded = crate::text::fold(&f.column);
        if !have.contains(&folded) {
            have.push(folded);
            out.push(f.column.clone());
        }
    }
    out
}

/// Whether each row is worth typing in: false for the rows the posting already rules out
/// (a requirement fails, or another submission of the same person is kept). The rows are
/// screened as the candidates file they make, so the answer is `screen`'s.
pub fn worth_typing(
    posting: &Posting,
    header: &[String],
    rows: &[Vec<String>],
) -> anyhow::Result<Vec<bool>> {
    let file = tempfile::Builder::new().suffix(".csv").tempfile()?;
    let mut writer = csv::Writer::from_writer(file.as_file());
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row)?;
    }
    writer.flush()?;
    drop(writer);
    let source = crate::ingest::Source::open(file.path(), &crate::ingest::Options::default())?;
    let request = Request {
        sequential: true,
        ..Request::default()
    };
    let screening = Screening::run(posting, vec![source], request)?;
    let mut worth = vec![true; rows.len()];
    // Data rows start on the spreadsheet's row 2.
    for (i, decision) in screening.decisions.iter().enumerate() {
        let k = screening.row(i).saturating_sub(2) as usize;
        if let Some(slot) = worth.get_mut(k) {
            *slot = !matches!(decision.status, Status::Ineligible | Status::Duplicate);
        }
    }
    Ok(worth)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting() -> Posting {
        let yaml = "posting:\n  id: p\n  title: T\n  deadline: 2024-02-23T12:00:00Z\n  timezone: UTC\n  language: fr\n\
fields:\n  submitted_at: { column: reçu le, type: datetime }\n  email: { column: adresse e-mail, type: email }\n  \
documents: { column: documents, type: list }\n  years: { column: Années d'expérience, type: years }\n\
candidate:\n  contact: [email]\n  submitted_at: submitted_at\n  duplicates: { by: [email], keep: latest }\n\
requirements:\n  - id: delai\n    label: Délai\n    on_time: submitted_at\n  - id: dossier\n    label: Dossier\n    \
includes: { field: documents, items: [CV, lettre de motivation] }\n  - id: ans\n    label: Ans\n    years: { field: years, min: 3 }\n";
        crate::posting::parse(yaml.as_bytes())
            .posting
            .expect("posting")
    }

    fn header() -> Vec<String> {
        ["reçu le", "adresse e-mail", "documents"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn the_columns_email_cannot_fill_are_added_once() {
        let p = posting();
        assert_eq!(missing_columns(&p, &header()), ["Années d'expérience"]);
        let ours = |lang: Lang| match lang {
            Lang::Fr => header(),
            Lang::En => ["received", "e-mail address", "documents"]
                .map(String::from)
                .to_vec(),
        };
        assert_eq!(columns_language(&p, ours), Lang::Fr);
    }

    #[test]
    fn rows_already_out_are_not_worth_typing() {
        let p = posting();
        let mut header = header();
        header.push("Années d'expérience".into());
        let row = |at: &str, who: &str, docs: &str| {
            vec![
                at.to_string(),
                who.to_string(),
                docs.to_string(),
                String::new(),
            ]
        };
        let rows = [
            // On time and complete: its years are worth typing.
            row("2024-02-20T10:00:00Z", "a@x.ml", "CV, lettre de motivation"),
            // Late by a minute.
            row("2024-02-23T12:01:00Z", "b@x.ml", "CV, lettre de motivation"),
            // No letter.
            row("2024-02-20T10:00:00Z", "c@x.ml", "CV"),
            // Sent again later, on time: the first is replaced.
            row("2024-02-20T10:00:00Z", "d@x.ml", "CV, lettre de motivation"),
            row("2024-02-21T10:00:00Z", "d@x.ml", "CV, lettre de motivation"),
            // A file the reader could not place: the dossier is unknown, so worth typing.
            row(
                "2024-02-20T10:00:00Z",
                "e@x.ml",
                "CV, à identifier :\nscan0001.pdf",
            ),
            // After a cell of two lines, rows are still told apart by record.
            row("2024-02-23T12:01:00Z", "f@x.ml", "CV, lettre de motivation"),
        ];
        assert_eq!(
            worth_typing(&p, &header, &rows).expect("screened"),
            [true, false, false, false, true, true, false]
        );
    }
}
