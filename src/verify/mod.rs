//! What a person verified of the rows to review: the worksheet `review` writes (its columns,
//! in French and English), read back once filled in. Each filled line of cells replaces one
//! candidate's cell; each "same person" line joins two rows of one name. A worksheet is
//! checked whole before anything of it is applied: a formula, an unknown column, a value that
//! cannot be read or a worksheet of another posting is an error naming its line.

mod worksheet;

pub use worksheet::{Table, read_tables};

use crate::i18n::Lang;
use crate::i18n::catalogue as msg;
use crate::posting::{FieldId, Posting};
use std::path::{Path, PathBuf};

/// The columns of the sheet of cells to verify, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellColumn {
    /// The posting's id.
    Posting,
    /// The candidate file.
    File,
    /// The candidate's row.
    Row,
    /// The candidate's name.
    Name,
    /// The candidate's e-mail.
    Email,
    /// The candidate's phone.
    Phone,
    /// The rank the candidate would have if every unknown requirement passed.
    Rank,
    /// The requirement that could not be decided.
    Requirement,
    /// The column of the cell.
    Column,
    /// What the cell says.
    Read,
    /// The value a person verified: to fill in.
    Verified,
    /// Who verified it: to fill in.
    By,
    /// Why, or where it was found: to fill in.
    Note,
}

/// The columns of the sheet of cells, in order.
pub const CELL_COLUMNS: [CellColumn; 13] = [
    CellColumn::Posting,
    CellColumn::File,
    CellColumn::Row,
    CellColumn::Name,
    CellColumn::Email,
    CellColumn::Phone,
    CellColumn::Rank,
    CellColumn::Requirement,
    CellColumn::Column,
    CellColumn::Read,
    CellColumn::Verified,
    CellColumn::By,
    CellColumn::Note,
];

impl CellColumn {
    /// The column's header in `lang`.
    pub fn header(self, lang: Lang) -> &'static str {
        let (fr, en) = self.headers();
        lang.pick(fr, en)
    }

    fn headers(self) -> (&'static str, &'static str) {
        match self {
            CellColumn::Posting => ("Annonce", "Posting"),
            CellColumn::File => ("Fichier", "File"),
            CellColumn::Row => ("Ligne", "Row"),
            CellColumn::Name => ("Nom", "Name"),
            CellColumn::Email => ("E-mail", "E-mail"),
            CellColumn::Phone => ("Téléphone", "Phone"),
            CellColumn::Rank => ("Rang si vérifié", "Rank if verified"),
            CellColumn::Requirement => ("Exigence", "Requirement"),
            CellColumn::Column => ("Colonne", "Column"),
            CellColumn::Read => ("Valeur lue", "Value read"),
            CellColumn::Verified => ("Valeur vérifiée", "Verified value"),
            CellColumn::By => ("Vérifié par", "Verified by"),
            CellColumn::Note => ("Note", "Note"),
        }
    }
}

/// The columns of the sheet of possible duplicates, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairColumn {
    /// The posting's id.
    Posting,
    /// The group of rows of one name.
    Group,
    /// The candidate file.
    File,
    /// The candidate's row.
    Row,
    /// The candidate's name.
    Name,
    /// The candidate's e-mail.
    Email,
    /// The candidate's phone.
    Phone,
    /// The row's status.
    Status,
    /// `même personne` or `personnes différentes`: to fill in.
    Same,
    /// Who decided: to fill in.
    By,
    /// Why: to fill in.
    Note,
}

/// The columns of the sheet of possible duplicates, in order.
pub const PAIR_COLUMNS: [PairColumn; 11] = [
    PairColumn::Posting,
    PairColumn::Group,
    PairColumn::File,
    PairColumn::Row,
    PairColumn::Name,
    PairColumn::Email,
    PairColumn::Phone,
    PairColumn::Status,
    PairColumn::Same,
    PairColumn::By,
    PairColumn::Note,
];

impl PairColumn {
    /// The column's header in `lang`.
    pub fn header(self, lang: Lang) -> &'static str {
        let (fr, en) = self.headers();
        lang.pick(fr, en)
    }

    fn headers(self) -> (&'static str, &'static str) {
        match self {
            PairColumn::Posting => ("Annonce", "Posting"),
            PairColumn::Group => ("Groupe", "Group"),
            PairColumn::File => ("Fichier", "File"),
            PairColumn::Row => ("Ligne", "Row"),
            PairColumn::Name => ("Nom", "Name"),
            PairColumn::Email => ("E-mail", "E-mail"),
            PairColumn::Phone => ("Téléphone", "Phone"),
            PairColumn::Status => ("Statut", "Status"),
            PairColumn::Same => ("Même personne ?", "Same person?"),
            PairColumn::By => ("Vérifié par", "Verified by"),
            PairColumn::Note => ("Note", "Note"),
        }
    }
}

/// The answer of the duplicates sheet that says two rows are one applicant, in `lang`.
pub fn same_person(lang: Lang) -> &'static str {
    lang.pick("même personne", "same person")
}

/// The answer of the duplicates sheet that says two rows are two applicants, in `lang`.
pub fn different_people(lang: Lang) -> &'static str {
    lang.pick("personnes différentes", "different people")
}

/// Where a line of a verification file is: the file and its line (its spreadsheet row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Index of the verification file.
    pub file: usize,
    /// Its row in the worksheet (the header is 1).
    pub line: u64,
}

/// Who a line is about: a candidate file's name, a row, and the contact that must still be
/// the row's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The candidate file as the worksheet names it.
    pub file: String,
    /// Its row.
    pub row: u64,
    /// The e-mail the worksheet gives, folded; empty for none.
    pub email: String,
    /// The digits of the phone the worksheet gives; empty for none.
    pub phone: String,
}

/// A cell a person verified.
#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    /// Where it is written.
    pub at: Line,
    /// The candidate.
    pub candidate: Candidate,
    /// The column of the cell.
    pub column: String,
    /// The fields that read this column.
    pub fields: Vec<FieldId>,
    /// What the cell said, as the worksheet shows it.
    pub old: String,
    /// The verified value.
    pub value: String,
    /// Who verified it.
    pub by: String,
    /// Why, or where it was found.
    pub note: String,
}

/// Rows of one name that a person says are one applicant, or two.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Where it is written.
    pub at: Line,
    /// The group of rows of one name, as the worksheet numbers it.
    pub group: String,
    /// The candidate.
    pub candidate: Candidate,
    /// One person (`true`) or different people.
    pub same: bool,
    /// Who decided.
    pub by: String,
    /// Why.
    pub note: String,
}

/// A verification file read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// Its path.
    pub path: PathBuf,
    /// Its SHA-256, in hex.
    pub sha256: String,
}

/// Everything the verification files say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Verified {
    /// The files.
    pub sources: Vec<Source>,
    /// The cells verified.
    pub corrections: Vec<Correction>,
    /// The rows of one name decided.
    pub decisions: Vec<Decision>,
}

impl Verified {
    /// Whether nothing was verified.
    pub fn is_empty(&self) -> bool {
        self.corrections.is_empty() && self.decisions.is_empty()
    }

    /// The path of verification file `k`, as its messages name it.
    pub fn path(&self, k: usize) -> String {
        self.sources
            .get(k)
            .map(|s| s.path.display().to_string())
            .unwrap_or_default()
    }
}

/// Why a verification file cannot be used; nothing of it is applied.
#[derive(Debug)]
pub enum VerifyError {
    /// The file cannot be read.
    Read(PathBuf, String),
    /// A cell holds a formula.
    Formula(PathBuf, u64, String),
    /// A header that is none of the worksheet's.
    UnknownColumn(PathBuf, String),
    /// A column the worksheet needs is missing.
    MissingColumn(PathBuf, String),
    /// No line at all.
    Empty(PathBuf),
    /// A line written for another posting.
    OtherPosting(PathBuf, u64, String, String),
    /// A verified value the field cannot read: the value, its column, the field's type.
    BadValue(PathBuf, u64, String, String, &'static str),
    /// A line that names no column of the posting, or no row.
    BadLine(PathBuf, u64, String),
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lang = crate::i18n::messages();
        let p = |p: &Path| p.display().to_string();
        f.write_str(&match self {
            VerifyError::Read(path, why) => msg::verified_unreadable(lang, &p(path), why),
            VerifyError::Formula(path, line, column) => {
                msg::verified_formula(lang, &p(path), *line, column)
            }
            VerifyError::UnknownColumn(path, column) => {
                msg::verified_unknown_column(lang, &p(path), column)
            }
            VerifyError::MissingColumn(path, column) => {
                msg::verified_missing_column(lang, &p(path), column)
            }
            VerifyError::Empty(path) => msg::verified_empty(lang, &p(path)),
            VerifyError::OtherPosting(path, line, found, want) => {
                msg::verified_other_posting(lang, &p(path), *line, found, want)
            }
            VerifyError::BadValue(path, line, value, column, kind) => {
                msg::verified_bad_value(lang, &p(path), *line, value, column, kind)
            }
            VerifyError::BadLine(path, line, why) => msg::at_line(lang, &p(path), *line, why),
        })
    }
}

impl std::error::Error for VerifyError {}

/// Which sheet a table is, by its header.
enum Kind {
    Cells,
    Pairs,
}

/// A header's column among the known ones, in either language, case and accents aside.
fn known<T: Copy>(
    header: &str,
    columns: &[T],
    headers: impl Fn(T) -> (&'static str, &'static str),
) -> Option<T> {
    let h = crate::text::fold(header);
    columns.iter().copied().find(|&c| {
        let (fr, en) = headers(c);
        crate::text::fold(fr) == h || crate::text::fold(en) == h
    })
}

/// Reads and checks the verification files for `posting`: every line is checked before
/// any is kept, and any problem is an error naming the file and the line.
pub fn load(posting: &Posting, paths: &[PathBuf]) -> Result<Verified, VerifyError> {
    let mut out = Verified::default();
    for (k, path) in paths.iter().enumerate() {
        let bytes = std::fs::read(path).map_err(|e| {
            VerifyError::Read(
                path.clone(),
                crate::i18n::io_why(crate::i18n::messages(), &e),
            )
        })?;
        use sha2::Digest;
        let sha256 = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        out.sources.push(Source {
            path: path.clone(),
            sha256,
        });
        let tables = read_tables(path)?;
        if tables.iter().all(|t| t.rows.is_empty()) {
            return Err(VerifyError::Empty(path.clone()));
        }
        for table in tables
            .iter()
            .filter(|t| !t.header.iter().all(|h| h.trim().is_empty()))
        {
            let kind = if table
                .header
                .iter()
                .any(|h| known(h, &[CellColumn::Verified], CellColumn::headers).is_some())
            {
                Kind::Cells
            } else if table
                .header
                .iter()
                .any(|h| known(h, &[PairColumn::Same], PairColumn::headers).is_some())
            {
                Kind::Pairs
            } else {
                let first = table.header.first().cloned().unwrap_or_default();
                return Err(VerifyError::UnknownColumn(path.clone(), first));
            };
            match kind {
                Kind::Cells => cells(posting, k, path, table, &mut out.corrections)?,
                Kind::Pairs => pairs(posting, k, path, table, &mut out.decisions)?,
            }
        }
    }
    Ok(out)
}

/// The place of each known column in a table's header; an unknown header is an error.
fn columns<T: Copy + PartialEq>(
    path: &Path,
    table: &Table,
    all: &[T],
    headers: impl Fn(T) -> (&'static str, &'static str) + Copy,
    required: &[T],
) -> Result<Vec<Option<usize>>, VerifyError> {
    let mut at = vec![None; all.len()];
    for (i, h) in table.header.iter().enumerate() {
        if h.trim().is_empty() {
            continue;
        }
        match known(h, all, headers) {
            Some(c) => {
                let k = all.iter().position(|x| *x == c).unwrap_or(0);
                at[k] = Some(i);
            }
            None => return Err(VerifyError::UnknownColumn(path.into(), h.clone())),
        }
    }
    for r in required {
        let k = all.iter().position(|x| x == r).unwrap_or(0);
        if at[k].is_none() {
            let (fr, en) = headers(*r);
            let name = crate::i18n::messages().pick(fr, en);
            return Err(VerifyError::MissingColumn(path.into(), name.into()));
        }
    }
    Ok(at)
}

/// A cell of a line by its column, trimmed; what `review` neutralised for Excel is undone.
fn cell(row: &[String], at: Option<usize>) -> &str {
    let text = at.and_then(|i| row.get(i)).map_or("", |s| s.trim());
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

/// Who a line is about.
fn candidate(
    path: &Path,
    line: u64,
    row: &[String],
    at: [Option<usize>; 4],
) -> Result<Candidate, VerifyError> {
    let number = cell(row, at[1]);
    let row_number = number
        .parse::<f64>()
        .ok()
        .filter(|n| n.fract() == 0.0 && *n >= 2.0);
    let Some(row_number) = row_number else {
        let why = msg::verified_bad_row(crate::i18n::messages(), number);
        return Err(VerifyError::BadLine(path.into(), line, why));
    };
    Ok(Candidate {
        file: cell(row, at[0]).to_string(),
        row: row_number as u64,
        email: cell(row, at[2]).to_lowercase(),
        phone: cell(row, at[3])
            .chars()
            .filter(char::is_ascii_digit)
            .collect(),
    })
}

/// The posting a line was written for must be this one.
fn same_posting(
    posting: &Posting,
    path: &Path,
    line: u64,
    written: &str,
) -> Result<(), VerifyError> {
    if !written.is_empty() && written != posting.meta.id {
        return Err(VerifyError::OtherPosting(
            path.into(),
            line,
            written.into(),
            posting.meta.id.clone(),
        ));
    }
    Ok(())
}

fn cells(
    posting: &Posting,
    k: usize,
    path: &Path,
    table: &Table,
    out: &mut Vec<Correction>,
) -> Result<(), VerifyError> {
    use CellColumn as C;
    let at = columns(
        path,
        table,
        &CELL_COLUMNS,
        C::headers,
        &[C::Posting, C::File, C::Row, C::Column, C::Verified],
    )?;
    let of = |c: C| at[CELL_COLUMNS.iter().position(|x| *x == c).unwrap_or(0)];
    let engine = crate::engine::Engine::new(posting);
    for (line, row) in &table.rows {
        same_posting(posting, path, *line, cell(row, of(C::Posting)))?;
        let value = cell(row, of(C::Verified));
        if value.is_empty() {
            continue;
        }
        let column = cell(row, of(C::Column));
        let fields: Vec<FieldId> = (0..posting.fields.len())
            .filter(|&f| crate::text::fold(&posting.fields[f].column) == crate::text::fold(column))
            .collect();
        if fields.is_empty() {
            let why = msg::verified_no_such_column(crate::i18n::messages(), column);
            return Err(VerifyError::BadLine(path.into(), *line, why));
        }
        for &f in &fields {
            if let crate::cells::Value::Unknown(_) = read_value(&engine, f, value) {
                let kind = posting.fields[f].kind.name();
                return Err(VerifyError::BadValue(
                    path.into(),
                    *line,
                    value.into(),
                    column.into(),
                    kind,
                ));
            }
        }
        out.push(Correction {
            at: Line {
                file: k,
                line: *line,
            },
            candidate: candidate(
                path,
                *line,
                row,
                [of(C::File), of(C::Row), of(C::Email), of(C::Phone)],
            )?,
            column: posting.fields[fields[0]].column.clone(),
            fields,
            old: cell(row, of(C::Read)).into(),
            value: value.into(),
            by: cell(row, of(C::By)).into(),
            note: cell(row, of(C::Note)).into(),
        });
    }
    Ok(())
}

fn pairs(
    posting: &Posting,
    k: usize,
    path: &Path,
    table: &Table,
    out: &mut Vec<Decision>,
) -> Result<(), VerifyError> {
    use PairColumn as P;
    let at = columns(
        path,
        table,
        &PAIR_COLUMNS,
        P::headers,
        &[P::Posting, P::Group, P::File, P::Row, P::Same],
    )?;
    let of = |c: P| at[PAIR_COLUMNS.iter().position(|x| *x == c).unwrap_or(0)];
    for (line, row) in &table.rows {
        same_posting(posting, path, *line, cell(row, of(P::Posting)))?;
        let answer = crate::text::fold(cell(row, of(P::Same)));
        if answer.is_empty() {
            continue;
        }
        let same = match answer.as_str() {
            "meme personne" | "same person" | "oui" | "yes" => true,
            "personnes differentes" | "different people" | "non" | "no" => false,
            _ => {
                let why = msg::verified_bad_answer(crate::i18n::messages(), cell(row, of(P::Same)));
                return Err(VerifyError::BadLine(path.into(), *line, why));
            }
        };
        out.push(Decision {
            at: Line {
                file: k,
                line: *line,
            },
            group: cell(row, of(P::Group)).into(),
            candidate: candidate(
                path,
                *line,
                row,
                [of(P::File), of(P::Row), of(P::Email), of(P::Phone)],
            )?,
            same,
            by: cell(row, of(P::By)).into(),
            note: cell(row, of(P::Note)).into(),
        });
    }
    Ok(())
}

/// A verified value read as a cell of field `f` is (dates day first, as in French).
fn read_value(engine: &crate::engine::Engine, f: FieldId, text: &str) -> crate::cells::Value {
    use crate::cells::{self, Context, dates};
    let posting = engine.posting();
    let field = &posting.fields[f];
    let plan = cells::phone::Plan::of(&posting.meta.phone_country)
        .unwrap_or_else(cells::phone::Plan::mali);
    let known = engine.known_items(f);
    let zone = field.timezone.unwrap_or(posting.meta.timezone);
    let cx = Context {
        phone_country: plan,
        known_items: &known,
        separator: field.separator.as_deref(),
        order: dates::Order::DayFirst,
        zone: &zone,
    };
    cells::read(field.kind, text, &cx)
}

/// Whether a row's contact is the one a line names: the same e-mail, or the same phone (its
/// last eight digits, the subscriber's number whatever the country code); a line naming no
/// contact fits a row with none.
pub fn fits(candidate: &Candidate, email: &str, phone: &str) -> bool {
    let email = email.trim().to_lowercase();
    let phone: String = phone.chars().filter(char::is_ascii_digit).collect();
    let tail = |d: &str| d.get(d.len().saturating_sub(8)..).unwrap_or("").to_string();
    if candidate.email.is_empty() && candidate.phone.is_empty() {
        return email.is_empty() && phone.is_empty();
    }
    (!candidate.email.is_empty() && candidate.email == email)
        || (candidate.phone.len() >= 8 && tail(&candidate.phone) == tail(&phone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_fits_its_row_by_email_or_phone() {
        let c = |email: &str, phone: &str| Candidate {
            file: "c.csv".into(),
            row: 2,
            email: email.into(),
            phone: phone.into(),
        };
        assert!(fits(&c("awa@x.ml", ""), " AWA@x.ml ", ""));
        assert!(fits(&c("", "22376123456"), "", "76 12 34 56"));
        assert!(fits(
            &c("awa@x.ml", "22376123456"),
            "other@x.ml",
            "+223 76 12 34 56"
        ));
        assert!(!fits(&c("awa@x.ml", ""), "moussa@x.ml", "76 12 34 56"));
        assert!(fits(&c("", ""), "", ""));
        assert!(!fits(&c("", ""), "awa@x.ml", ""));
    }

    #[test]
    fn headers_are_known_in_both_languages() {
        assert_eq!(
            known("valeur verifiee", &CELL_COLUMNS, CellColumn::headers),
            Some(CellColumn::Verified)
        );
        assert_eq!(
            known("Verified value", &CELL_COLUMNS, CellColumn::headers),
            Some(CellColumn::Verified)
        );
        assert_eq!(known("Salaire", &CELL_COLUMNS, CellColumn::headers), None);
    }
}
