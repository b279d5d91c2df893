//! The messages a person reads on stderr, each in French and English, in one place: a third
//! language is one more arm per message here.
//!
//! Each message is a function of the language and its arguments. [`messages!`] makes them,
//! and will not take a message without both languages; its test writes each in both with
//! sample arguments and fails when a French text is the English one.

use super::Lang;

/// Defines each message as `pub fn name(lang, args…) -> String`, with sample arguments for
/// the test that every message is written in each language.
macro_rules! messages {
    ($(
        $(#[$doc:meta])*
        fn $name:ident($($arg:ident: $ty:ty),*) [$($sample:expr),*] {
            fr: $fr:literal,
            en: $en:literal $(,)?
        }
    )*) => {
        $(
            $(#[$doc])*
            pub fn $name(lang: Lang, $($arg: $ty),*) -> String {
                match lang {
                    Lang::Fr => format!($fr),
                    Lang::En => format!($en),
                }
            }
        )*

        /// Every message in `lang`, with sample arguments, by name.
        #[cfg(test)]
        fn every(lang: Lang) -> Vec<(&'static str, String)> {
            vec![$((stringify!($name), $name(lang, $($sample),*))),*]
        }
    };
}

messages! {
    /// What starts an error on stderr.
    fn error_prefix() [] {
        fr: "shortlist : erreur :",
        en: "shortlist: error:",
    }

    /// The posting and the candidates given the other way round.
    fn swapped_arguments(command: &str, posting: &str, candidates: &str)
        ["screen", "c.csv", "p.yaml"]
    {
        fr: "les arguments semblent inversés : {posting} est un fichier de candidatures et {candidates} une annonce (YAML) ; l'annonce vient d'abord : shortlist {command} {candidates} {posting}",
        en: "the arguments look swapped: {posting} is a candidates file and {candidates} a posting (YAML); the posting comes first: shortlist {command} {candidates} {posting}",
    }

    /// A candidates file given where the posting goes.
    fn candidates_for_posting(command: &str, path: &str) ["screen", "c.csv"] {
        fr: "{path} est un fichier de candidatures, pas une annonce : l'annonce (YAML) vient d'abord, puis les candidatures : shortlist {command} ANNONCE.yaml {path}",
        en: "{path} is a candidates file, not a posting: the posting (YAML) comes first, then the candidates: shortlist {command} POSTING.yaml {path}",
    }

    /// A posting given where candidates go.
    fn posting_for_candidates(path: &str) ["p.yaml"] {
        fr: "{path} est une annonce (YAML), pas un fichier de candidatures : après l'annonce, donnez le tableau des candidatures (CSV, xlsx, xls ou ods)",
        en: "{path} is a posting (YAML), not a candidates file: after the posting, give the spreadsheet of applications (CSV, xlsx, xls or ods)",
    }

    /// A document (a CV, a letter) given where candidates go.
    fn document_for_candidates(path: &str, kind: &str) ["cv.pdf", "PDF"] {
        fr: "{path} est un document {kind}, pas un fichier de candidatures : donnez le tableau des candidatures (CSV, xlsx, xls ou ods)",
        en: "{path} is a {kind} document, not a candidates file: give the spreadsheet of applications (CSV, xlsx, xls or ods)",
    }

    /// A posting given to `inspect`, which reads candidate files.
    fn posting_to_inspect(path: &str) ["p.yaml"] {
        fr: "{path} est une annonce (YAML), pas un fichier de candidatures : pour vérifier une annonce, lancez shortlist validate {path}",
        en: "{path} is a posting (YAML), not a candidates file: to check a posting, run shortlist validate {path}",
    }

    /// A candidates file given to `validate`, which checks postings.
    fn candidates_to_validate(path: &str) ["c.csv"] {
        fr: "{path} est un fichier de candidatures, pas une annonce : pour vérifier une annonce sur ce fichier, lancez shortlist validate ANNONCE.yaml --against {path}",
        en: "{path} is a candidates file, not a posting: to check a posting against it, run shortlist validate POSTING.yaml --against {path}",
    }

    /// An output file whose extension names no format.
    fn unknown_extension(path: &str, hint: &str) ["liste.pdf", ""] {
        fr: "{path} : l'extension ne dit pas le format ; utilisez .html, .md, .xlsx, .csv, .json ou .txt, ou indiquez --format{hint}",
        en: "{path}: cannot tell the format from the extension; use .html, .md, .xlsx, .csv, .json or .txt, or say --format{hint}",
    }

    /// The hint for an older spreadsheet extension.
    fn write_xlsx_instead(extension: &str) ["xls"] {
        fr: " (les classeurs s'écrivent en .xlsx, qu'Excel et LibreOffice ouvrent, pas en .{extension})",
        en: " (workbooks are written as .xlsx, which Excel and LibreOffice open, not .{extension})",
    }

    /// `--format` and the output's extension name two formats.
    fn format_against_extension(format: &str, path: &str, named: &str) ["csv", "liste.json", "json"] {
        fr: "--format {format} et {path} ne disent pas le même format ({named} d'après l'extension) : changez l'extension ou ôtez --format",
        en: "--format {format} and {path} do not name the same format ({named} by its extension): change the extension or drop --format",
    }

    /// `--excel` given for an output that is not CSV.
    fn excel_without_csv(format: &str) ["json"] {
        fr: "--excel écrit un CSV pour Excel en français : il va avec --format csv ou -o FICHIER.csv, pas avec le format {format}",
        en: "--excel writes CSV for French Excel: it goes with --format csv or -o FILE.csv, not with the {format} format",
    }

    /// A file cannot be opened or read; why follows.
    fn cannot_read(path: &str) ["c.csv"] {
        fr: "{path} : le fichier ne peut pas être lu",
        en: "{path}: cannot read the file",
    }

    /// Why: the file does not exist.
    fn io_not_found() [] {
        fr: "il n'existe pas",
        en: "it does not exist",
    }

    /// Why: the file may not be read.
    fn io_permission() [] {
        fr: "son accès est refusé",
        en: "permission denied",
    }

    /// Why: the path is a folder.
    fn io_directory() [] {
        fr: "c'est un dossier, pas un fichier",
        en: "it is a folder, not a file",
    }

    /// A candidates file that holds nothing but blank lines.
    fn no_header_row(path: &str) ["c.csv"] {
        fr: "{path} : le fichier n'a pas de ligne d'en-tête",
        en: "{path}: the file holds no header row",
    }

    /// A field's column name holds a comma and is not quoted, so its end reads as a key.
    fn column_name_with_comma(rest: &str, context: &str) ["TOMPRO...) ?", "field `logiciels`"] {
        fr: "`{rest}` n'est pas une clé : c'est sans doute la fin d'un nom de colonne qui contient une virgule ; mettez le nom entier entre guillemets : column: \"…, {rest}\"",
        en: "`{rest}` is no key of {context}: it is most likely the end of a column name that holds a comma; put the whole name in quotes: column: \"…, {rest}\"",
    }

    /// Where a header is unusable, and why.
    fn header_row(path: &str, row: u64, why: &str) ["c.csv", 1, "the header row is empty"] {
        fr: "{path} : ligne {row} (l'en-tête) : {why}",
        en: "{path}: row {row} (the header): {why}",
    }

    /// A header of more columns than a candidate file may have.
    fn header_too_wide(count: usize, most: usize) [20000, 16384] {
        fr: "l'en-tête a {count} colonnes, plus que les {most} qu'un fichier de candidatures peut avoir",
        en: "the header has {count} columns, more than the {most} a candidate file may have",
    }

    /// A header row of nothing but blank cells.
    fn header_empty() [] {
        fr: "la ligne d'en-tête est vide",
        en: "the header row is empty",
    }

    /// A column of the header without a name.
    fn column_without_name(column: usize) [3] {
        fr: "la colonne {column} n'a pas de nom",
        en: "column {column} has no name",
    }

    /// A column name given twice in a header.
    fn column_twice(name: &str, first: usize, second: usize) ["Nom", 2, 5] {
        fr: "la colonne `{name}` figure deux fois (colonnes {first} et {second})",
        en: "column `{name}` appears twice (columns {first} and {second})",
    }

    /// Two candidate files whose headers differ at a column.
    fn header_differs(other: &str, column: usize, here: &str, there: &str) ["a.csv", 2, "Nom", "Prénom"] {
        fr: "son en-tête diffère de celui de {other} : la colonne {column} est `{here}` ici et `{there}` là",
        en: "its header differs from {other}'s: column {column} is `{here}` here and `{there}` there",
    }

    /// Two candidate files whose headers have different numbers of columns.
    fn header_width_differs(here: usize, other: &str, there: usize) [5, "a.csv", 6] {
        fr: "son en-tête a {here} colonnes et celui de {other} en a {there}",
        en: "its header has {here} columns and {other}'s has {there}",
    }

    /// A subject of a `degree` rule that is no field of study the lexicon knows.
    fn unknown_subject(subject: &str) ["zorglubologie"] {
        fr: "le domaine `{subject}` n'est pas un domaine d'études connu : il sera reconnu par ses mots seulement",
        en: "subject `{subject}` is no known field of study: it will be matched by its words only",
    }

    /// What starts a diagnostic of a posting, by its severity.
    fn severity_error() [] {
        fr: "erreur",
        en: "error",
    }

    /// What starts a warning.
    fn severity_warning() [] {
        fr: "avertissement",
        en: "warning",
    }

    /// What starts a note.
    fn severity_note() [] {
        fr: "remarque",
        en: "note",
    }

    /// `--top` was given 0 or what is not a number.
    fn top_at_least_one() [] {
        fr: "--top dit combien de candidats retenir par groupe : un nombre entier, 1 ou plus ; pour voir tout le monde, utilisez --all",
        en: "--top says how many candidates to shortlist per group: a whole number, 1 or more; to see everyone, use --all",
    }

    /// `--wide` was given for an output that is not the terminal table.
    fn wide_without_table(format: &str) ["csv"] {
        fr: "--wide montre les raisons entières dans le tableau du terminal : il ne va pas avec le format {format}",
        en: "--wide shows whole reasons in the terminal table: it does not go with the {format} format",
    }

    /// Several columns a posting maps are missing from a file's header (`count` ≥ 2).
    fn missing_columns(path: &str, count: usize, list: &str) ["c.csv", 2, "`A`, `B`"] {
        fr: "{path} : ligne 1 : {count} colonnes de l'annonce manquent dans l'en-tête : {list} ; shortlist validate ANNONCE.yaml --against {path} vérifie toutes les colonnes d'une annonce sur ce fichier",
        en: "{path}: row 1: {count} columns the posting maps are not in the header: {list}; shortlist validate POSTING.yaml --against {path} checks every column of a posting against this file",
    }

    /// One of them: its column and field.
    fn missing_column_item(column: &str, field: &str) ["Diplome", "degree"] {
        fr: "`{column}` (champ `{field}`)",
        en: "`{column}` (field `{field}`)",
    }

    /// One of them, with the header nearest to it.
    fn missing_column_item_near(column: &str, field: &str, nearest: &str) ["Diplome", "degree", "Diplôme"] {
        fr: "`{column}` (champ `{field}` ; vouliez-vous dire `{nearest}` ?)",
        en: "`{column}` (field `{field}`; did you mean `{nearest}`?)",
    }

    /// The same candidates file given twice.
    fn file_given_twice(first: &str, second: &str) ["c.csv", "./c.csv"] {
        fr: "{first} et {second} sont le même fichier : donné deux fois, chaque candidature serait le doublon d'elle-même ; donnez-le une seule fois",
        en: "{first} and {second} are the same file: given twice, every application would be a duplicate of itself; give it once",
    }

    /// None of the columns a posting maps is in a file's header: another posting's file.
    fn no_column_of_the_posting(path: &str, count: usize, header: &str) ["c.csv", 16, "`A`, `B`"] {
        fr: "{path} : ligne 1 : aucune des {count} colonnes de l'annonce n'est dans l'en-tête, qui commence par {header} : ce fichier n'est pas un export pour cette annonce",
        en: "{path}: row 1: none of the {count} columns the posting maps is in the header, which starts with {header}: this file is not an export for this posting",
    }

    /// `report` without a file to write, nor a format to print.
    fn report_needs_output() [] {
        fr: "report a besoin de -o FICHIER (.html, .md ou .xlsx), ou de --format html ou markdown pour l'afficher",
        en: "report needs -o FILE (.html, .md or .xlsx), or --format html or markdown to print it",
    }

    /// `report` asked for a format a report is not written in; `path` is the output file,
    /// with its separator (`r.csv: `), or nothing.
    fn report_format(path: &str, format: &str) ["r.csv: ", "csv"] {
        fr: "{path}un rapport s'écrit en HTML, Markdown ou xlsx, pas en {format} : écrivez-le dans un fichier .html, .md ou .xlsx (screen écrit le CSV et le JSON)",
        en: "{path}a report is written as HTML, Markdown or xlsx, not {format}: write it to a .html, .md or .xlsx file (screen writes CSV and JSON)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_written_in_each_language() {
        let (fr, en) = (every(Lang::Fr), every(Lang::En));
        assert_eq!(fr.len(), en.len());
        for ((name, fr), (_, en)) in fr.iter().zip(&en) {
            assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{name}");
            assert_ne!(fr, en, "{name} is the same in French and English");
        }
    }
}
