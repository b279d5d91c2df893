//! The messages a person reads on stderr, each in French and English, in one place: this
//! folder, with the problems of a posting file in [`posting`]. A third language is one more
//! arm per message here.
//!
//! Each message is a function of the language and its arguments. [`messages!`] makes them,
//! and will not take a message without both languages; its test writes each in both with
//! sample arguments and fails when a French text is the English one.

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
            pub fn $name(lang: $crate::i18n::Lang, $($arg: $ty),*) -> String {
                match lang {
                    $crate::i18n::Lang::Fr => format!($fr),
                    $crate::i18n::Lang::En => format!($en),
                }
            }
        )*

        #[cfg(test)]
        #[test]
        fn every_message_is_written_in_each_language() {
            for (name, fr, en) in [$((
                stringify!($name),
                $name($crate::i18n::Lang::Fr, $($sample),*),
                $name($crate::i18n::Lang::En, $($sample),*),
            )),*] {
                assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{name}");
                assert_ne!(fr, en, "{name} is the same in French and English");
            }
        }
    };
}

mod posting;
pub use posting::*;

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

    /// A workbook calamine cannot open; its words follow.
    fn workbook_unreadable(why: &str) ["invalid zip"] {
        fr: "le classeur ne peut pas être lu (le lecteur dit : « {why} »)",
        en: "cannot read the workbook: {why}",
    }

    /// A workbook damaged in a way found before reading it.
    fn workbook_damaged(why: &str) ["bad sector"] {
        fr: "le classeur est endommagé (« {why} »)",
        en: "the workbook is damaged: {why}",
    }

    /// A workbook whose reading broke down.
    fn workbook_broke(why: &str) ["index out of bounds"] {
        fr: "le classeur est endommagé et ne peut pas être lu (« {why} »)",
        en: "the workbook is damaged and cannot be read ({why})",
    }

    /// A `.xls` whose list of sheets is cut short.
    fn sheet_entry_too_short() [] {
        fr: "le classeur est endommagé : une entrée de sa liste de feuilles est trop courte",
        en: "the workbook is damaged: a sheet's entry is too short",
    }

    /// A `.xls` sheet that starts past the end of the data.
    fn sheet_past_the_end(sheet: &str) ["Feuil1"] {
        fr: "le classeur est endommagé : la feuille `{sheet}` commence après la fin de ses données",
        en: "the workbook is damaged: sheet `{sheet}` starts past the end of its data",
    }

    /// A `.xls` whose last record is cut short.
    fn last_record_cut() [] {
        fr: "le classeur est endommagé : son dernier enregistrement est tronqué",
        en: "the workbook is damaged: its last record is cut short",
    }

    /// The sheet named by `--sheet` is not in the workbook.
    fn no_such_sheet(sheet: &str, sheets: &str, hint: &str) ["Reponses", "`Feuil1`", ""] {
        fr: "le classeur n'a pas de feuille `{sheet}` ; ses feuilles sont {sheets}{hint}",
        en: "the workbook has no sheet `{sheet}`; its sheets are {sheets}{hint}",
    }

    /// A workbook without sheets.
    fn no_sheet() [] {
        fr: "le classeur n'a aucune feuille",
        en: "the workbook has no sheet",
    }

    /// A sheet calamine cannot read; its words follow.
    fn sheet_unreadable(sheet: &str, why: &str) ["Feuil1", "bad XML"] {
        fr: "la feuille `{sheet}` ne peut pas être lue (le lecteur dit : « {why} »)",
        en: "cannot read sheet `{sheet}`: {why}",
    }

    /// Shared strings that unzip past the bound.
    fn shared_strings_too_big(size: u64, most: u64) [900000000, 268435456] {
        fr: "ses textes partagés font {size} octets une fois décompressés, plus que les {most} qu'un classeur peut contenir",
        en: "its shared strings unzip to {size} bytes, more than the {most} a workbook may hold",
    }

    /// A workbook that unzips past the bound.
    fn unzips_too_big(size: u64, most: u64) [900000000, 536870912] {
        fr: "il fait {size} octets une fois décompressé, plus que les {most} qu'un classeur peut contenir",
        en: "it unzips to {size} bytes, more than the {most} a workbook may hold",
    }

    /// A sheet of a workbook read whole that spans too many cells.
    fn sheet_span_too_big(sheet: &str, rows: &str, columns: &str, cells: u64, kind: &str, most: u64)
        ["Feuil1", "1 to 1048576", "A to XFD", 17179869184, ".xls", 50000000]
    {
        fr: "la feuille `{sheet}` s'étend des lignes {rows} et des colonnes {columns}, soit {cells} cellules : un classeur {kind} se lit en entier, et ses feuilles peuvent s'étendre sur {most} cellules en tout ; supprimez les cellules éloignées du tableau, ou enregistrez le classeur en .xlsx ou en CSV",
        en: "sheet `{sheet}` spans rows {rows} and columns {columns}, {cells} cells: a {kind} workbook is read whole, and its sheets may span {most} cells in all; delete the cells far from the table, or save the workbook as .xlsx or CSV",
    }

    /// From one row or column to another: `2 à 90`, `2 to 90`.
    fn from_to(first: &str, last: &str) ["2", "90"] {
        fr: "{first} à {last}",
        en: "{first} to {last}",
    }

    /// A row of a sheet after a later one.
    fn row_out_of_order(row: u64, previous: u64) [3, 7] {
        fr: "la ligne {row} vient après la ligne {previous} dans la feuille, ce qu'Excel n'écrit jamais ainsi",
        en: "row {row} stands after row {previous} in the sheet, which is not how Excel writes it",
    }

    /// A row past the rows a sheet may have.
    fn row_past_the_last(row: u64, most: u64) [1048577, 1048576] {
        fr: "la ligne {row} est au-delà des {most} lignes qu'une feuille peut avoir",
        en: "row {row} is past the {most} rows a sheet may have",
    }

    /// A cell larger than a cell may be, in the header.
    fn header_cell_too_big(row: u64, bytes: usize, most: usize) [1, 2000000, 1048576] {
        fr: "ligne {row} : une cellule de {bytes} octets, plus que les {most} permis",
        en: "row {row}: a cell of {bytes} bytes, more than the {most} allowed",
    }

    /// A row longer than a candidate's row may be.
    fn row_too_long(mib: usize) [16] {
        fr: "une ligne de plus de {mib} Mio : ce n'est pas un export de candidatures",
        en: "a row longer than {mib} MiB: this is not a candidate export",
    }

    /// A problem at a row before the header was read.
    fn at_row(row: u64, why: &str) [1, "too long"] {
        fr: "ligne {row} : {why}",
        en: "row {row}: {why}",
    }

    /// `explain --row` names a row that holds no candidate.
    fn no_candidate_at_row(row: u64, first: u64, last: u64) [999, 2, 73] {
        fr: "aucune candidature à la ligne {row} : les candidatures vont de la ligne {first} à la ligne {last}",
        en: "no candidate at row {row}: data rows are {first} to {last}",
    }

    /// `explain --email` names an address no candidate gave.
    fn no_candidate_with_email(email: &str) ["awa@x.ml"] {
        fr: "aucune candidature ne donne l'adresse e-mail `{email}`",
        en: "no candidate has the e-mail address `{email}`",
    }

    /// The column of `--audit-by` is not in a file's header.
    fn audit_column_missing(path: &str, column: &str) ["c.csv", "Genre"] {
        fr: "{path} : ligne 1 : la colonne d'audit `{column}` n'est pas dans l'en-tête",
        en: "{path}: row 1: the audit column `{column}` is not in the header",
    }

    /// A column the posting maps is not in a file's header.
    fn column_missing(path: &str, column: &str, field: &str) ["c.csv", "Diplome", "degree"] {
        fr: "{path} : ligne 1 : la colonne `{column}` (champ `{field}` de l'annonce) n'est pas dans l'en-tête",
        en: "{path}: row 1: column `{column}` (field `{field}` of the posting) is not in the header",
    }

    /// A row that ends the reading of a file.
    fn fatal_row(path: &str, row: u64, why: &str) ["c.csv", 7, "a cell of 2000000 bytes"] {
        fr: "{path} : ligne {row} : {why}",
        en: "{path}: row {row}: {why}",
    }

    /// `--as-of` that does not read as a date.
    fn bad_as_of(text: &str) ["demain"] {
        fr: "--as-of : `{text}` ne se lit pas comme une date ; écrivez 2024-02-23T12:00:00Z",
        en: "--as-of: cannot read `{text}`; write 2024-02-23T12:00:00Z",
    }

    /// `--encoding` that names no encoding.
    fn bad_encoding(label: &str) ["klingon"] {
        fr: "--encoding : `{label}` n'est pas un encodage (essayez utf-8, windows-1252, utf-16le)",
        en: "--encoding: `{label}` is not an encoding (try utf-8, windows-1252, utf-16le)",
    }

    /// `--delimiter` of more than one character.
    fn bad_delimiter(label: &str) ["ab"] {
        fr: "--delimiter : `{label}` n'est pas un caractère unique (ni `tab`)",
        en: "--delimiter: `{label}` is not one character (or `tab`)",
    }

    /// Candidates more than an xlsx sheet holds.
    fn xlsx_too_many_rows(candidates: &str, most: &str) ["1 200 000 candidats", "1 048 575"] {
        fr: "{candidates} : plus que les {most} lignes qu'une feuille Excel peut tenir ; écrivez-les en CSV (-o FICHIER.csv, avec --excel pour Excel)",
        en: "{candidates}: more than the {most} rows an Excel sheet can hold; write them as CSV (-o FILE.csv, with --excel for Excel)",
    }

    /// An xlsx output asked for on a terminal.
    fn xlsx_on_terminal() [] {
        fr: "un classeur xlsx ne s'affiche pas dans le terminal : écrivez-le avec -o FICHIER.xlsx (ou -o - vers un tube)",
        en: "an xlsx workbook is not for the terminal: write it with -o FILE.xlsx (or -o - to a pipe)",
    }

    /// An output file that cannot be written; why follows.
    fn cannot_write(path: &str) ["liste.csv"] {
        fr: "{path} : le fichier ne peut pas être écrit",
        en: "{path}: cannot write the file",
    }

    /// An output that is a link to nowhere.
    fn dangling_link() [] {
        fr: "le lien ne mène à aucun fichier : écrivez vers le chemin de sa cible",
        en: "the link points to no file: write to its target's path",
    }

    /// `--sheet` given for a CSV file.
    fn sheet_of_a_csv(sheet: &str) ["Feuil1"] {
        fr: "--sheet {sheet} désigne une feuille de classeur, et ce fichier est un CSV",
        en: "--sheet {sheet} names a sheet of a workbook, and this is a CSV file",
    }

    /// A workbook given through a pipe.
    fn workbook_from_pipe() [] {
        fr: "un classeur se lit dans un fichier, pas dans un tube : enregistrez-le d'abord",
        en: "a workbook is read from a file, not a pipe: save it first",
    }

    /// A FIFO no program wrote to.
    fn fifo_without_writer(seconds: u64) [10] {
        fr: "aucun programme n'a écrit dans ce tube nommé en {seconds} secondes",
        en: "no program wrote to this FIFO within {seconds} seconds",
    }

    /// A file that changed between the screening and the writing of an output.
    fn file_changed_since() [] {
        fr: "le fichier a changé depuis qu'il a été examiné ; relancez l'examen",
        en: "the file changed after it was screened; screen it again",
    }

    /// A file that changed during the screening.
    fn file_changed_during() [] {
        fr: "le fichier a changé pendant l'examen ; relancez-le",
        en: "the file changed while it was screened; screen it again",
    }

    /// A row that is not what it was when screened.
    fn row_changed(row: u64) [12] {
        fr: "la ligne {row} n'est plus ce qu'elle était lors de l'examen : le fichier a changé ; relancez l'examen",
        en: "row {row} is no longer what it was when screened: the file changed; screen it again",
    }

    /// Nothing was written, after a file changed.
    fn nothing_written(why: &str) ["the file changed"] {
        fr: "{why} ; rien n'a été écrit",
        en: "{why}; no output was written",
    }

    /// A text too long for a cell of Excel, cut.
    fn xlsx_text_cut(sheet: &str, row: u32, column: &str, chars: usize, most: usize) ["Tous", 12, "Raisons", 40000, 32767] {
        fr: "feuille `{sheet}`, ligne {row}, colonne `{column}` : un texte de {chars} caractères est coupé aux {most} d'Excel",
        en: "sheet `{sheet}`, row {row}, column `{column}`: a text of {chars} characters is cut to Excel's {most}",
    }

    /// The terminal or the pipe could not be written to; why follows.
    fn cannot_write_stdout() [] {
        fr: "la sortie standard ne peut pas être écrite",
        en: "cannot write to stdout",
    }

    /// The workbook could not be made; why follows.
    fn cannot_build_workbook() [] {
        fr: "le classeur ne peut pas être construit",
        en: "cannot build the workbook",
    }

    /// A fault of the tool, not of the input: what to report follows.
    fn internal_error(what: &str) ["hashing failed"] {
        fr: "erreur interne (à signaler) : {what}",
        en: "internal error (please report it): {what}",
    }

    /// A verification file that cannot be read; why follows.
    fn verified_unreadable(path: &str, why: &str) ["a-verifier.xlsx", "it does not exist"] {
        fr: "{path} : la feuille de vérification ne peut pas être lue : {why}",
        en: "{path}: cannot read the verification worksheet: {why}",
    }

    /// A formula in a verification file.
    fn verified_formula(path: &str, line: u64, column: &str) ["a-verifier.xlsx", 4, "Valeur vérifiée"] {
        fr: "{path} : ligne {line}, colonne `{column}` : une formule ; écrivez la valeur elle-même, rien n'a été appliqué",
        en: "{path}: row {line}, column `{column}`: a formula; write the value itself; nothing was applied",
    }

    /// A column a verification file should not have.
    fn verified_unknown_column(path: &str, column: &str) ["a-verifier.csv", "Salaire"] {
        fr: "{path} : la colonne `{column}` n'est pas une colonne de la feuille de shortlist review ; rien n'a été appliqué",
        en: "{path}: column `{column}` is no column of the worksheet of shortlist review; nothing was applied",
    }

    /// A column a verification file lacks.
    fn verified_missing_column(path: &str, column: &str) ["a-verifier.csv", "Ligne"] {
        fr: "{path} : il manque la colonne `{column}` de la feuille de shortlist review ; rien n'a été appliqué",
        en: "{path}: the column `{column}` of the worksheet of shortlist review is missing; nothing was applied",
    }

    /// A verification file without a line.
    fn verified_empty(path: &str) ["a-verifier.csv"] {
        fr: "{path} : la feuille de vérification ne contient aucune ligne",
        en: "{path}: the verification worksheet holds no line",
    }

    /// A verification file of another posting.
    fn verified_other_posting(path: &str, line: u64, found: &str, want: &str) ["a-verifier.csv", 2, "autre", "jigi"] {
        fr: "{path} : ligne {line} : cette feuille a été faite pour l'annonce `{found}`, pas pour `{want}` ; rien n'a été appliqué",
        en: "{path}: row {line}: this worksheet was made for posting `{found}`, not `{want}`; nothing was applied",
    }

    /// A verified value its field cannot read.
    fn verified_bad_value(path: &str, line: u64, value: &str, column: &str, kind: &str) ["a-verifier.csv", 3, "environ 4", "Années", "years"] {
        fr: "{path} : ligne {line} : la valeur vérifiée « {value} » ne se lit pas comme une cellule de la colonne `{column}` (`{kind}`) ; écrivez-la comme le tableur l'attend ; rien n'a été appliqué",
        en: "{path}: row {line}: the verified value \"{value}\" does not read as a cell of column `{column}` (`{kind}`); write it as the spreadsheet expects; nothing was applied",
    }

    /// A problem at a line of a file.
    fn at_line(path: &str, line: u64, why: &str) ["a-verifier.csv", 3, "no row"] {
        fr: "{path} : ligne {line} : {why}",
        en: "{path}: row {line}: {why}",
    }

    /// A line whose row is not a row number.
    fn verified_bad_row(row: &str) ["douze"] {
        fr: "« {row} » n'est pas un numéro de ligne ; rien n'a été appliqué",
        en: "\"{row}\" is not a row number; nothing was applied",
    }

    /// A line naming a column the posting does not read.
    fn verified_no_such_column(column: &str) ["Salaire"] {
        fr: "l'annonce ne lit pas de colonne `{column}` ; rien n'a été appliqué",
        en: "the posting reads no column `{column}`; nothing was applied",
    }

    /// An answer of the duplicates sheet that is neither.
    fn verified_bad_answer(answer: &str) ["peut-être"] {
        fr: "« {answer} » : écrivez « même personne » ou « personnes différentes » ; rien n'a été appliqué",
        en: "\"{answer}\": write \"same person\" or \"different people\"; nothing was applied",
    }

    /// A verification file longer than any made by hand.
    fn verified_too_long(most: usize) [100000] {
        fr: "plus de {most} lignes : ce n'est pas une feuille remplie à la main",
        en: "more than {most} lines: this is no worksheet filled in by hand",
    }

    /// A line that no longer fits the row it names.
    fn verified_line_moved(path: &str, line: u64, file: &str, row: u64) ["a-verifier.csv", 3, "c.csv", 12] {
        fr: "{path} : ligne {line} : la ligne {row} de {file} n'est plus celle de ce candidat (ni son e-mail ni son téléphone) : elle n'est pas appliquée",
        en: "{path}: row {line}: row {row} of {file} is no longer this candidate's (neither the e-mail nor the phone): it is not applied",
    }

    /// A line whose row is in no candidate file.
    fn verified_line_nowhere(path: &str, line: u64, file: &str, row: u64) ["a-verifier.csv", 3, "c.csv", 12] {
        fr: "{path} : ligne {line} : aucune ligne {row} de {file} parmi les candidatures lues : elle n'est pas appliquée",
        en: "{path}: row {line}: no row {row} of {file} among the applications read: it is not applied",
    }

    /// `review` asked for a worksheet in a format it does not write.
    fn review_format(path: &str) ["a-verifier.pdf"] {
        fr: "{path} : la feuille de vérification s'écrit en .xlsx ou en .csv",
        en: "{path}: the verification worksheet is written as .xlsx or .csv",
    }

    /// What `review` wrote.
    fn review_written(cells: &str, applications: &str, groups: &str, path: &str) ["8 cellules", "8 candidatures", "3 groupes", "a-verifier.xlsx"] {
        fr: "{cells} à vérifier pour {applications}, {groups} de doublons possibles → {path}",
        en: "{cells} to verify for {applications}, {groups} of possible duplicates → {path}",
    }

    /// An output in a folder that does not exist.
    fn no_such_directory(path: &str, directory: &str) ["r/liste.csv", "r"] {
        fr: "{path} : le dossier {directory} n'existe pas",
        en: "{path}: the directory {directory} does not exist",
    }

    /// An output that is one of the command's inputs.
    fn output_is_an_input(path: &str) ["c.csv"] {
        fr: "{path} : c'est un fichier que la commande lit ; écrivez le résultat dans un autre fichier",
        en: "{path}: this is an input of the command; write the output to another file",
    }

    /// `intake` asked for a file in a format it does not write.
    fn intake_format(path: &str) ["candidatures.pdf"] {
        fr: "{path} : le fichier de candidatures s'écrit en .csv ou en .xlsx",
        en: "{path}: the candidates file is written as .csv or .xlsx",
    }

    /// An attachment `intake` did not save, or whose text it did not read.
    fn intake_unsaved(sender: &str, why: &str) ["awa@x.ml", "cv.pdf: too large"] {
        fr: "candidature de {sender} : {why}",
        en: "application of {sender}: {why}",
    }

    /// `intake --ocr` where tesseract is not installed.
    fn intake_no_tesseract() [] {
        fr: "--ocr : tesseract n'est pas installé (paquets Debian tesseract-ocr et tesseract-ocr-fra) : les scans et les images ne sont pas lus",
        en: "--ocr: tesseract is not installed (Debian packages tesseract-ocr and tesseract-ocr-fra): scans and images are not read",
    }

    /// `intake --ocr` where pdftoppm is not installed.
    fn intake_no_pdftoppm() [] {
        fr: "--ocr : pdftoppm n'est pas installé (paquet Debian poppler-utils) : les PDF numérisés ne sont pas lus",
        en: "--ocr: pdftoppm is not installed (Debian package poppler-utils): scanned PDFs are not read",
    }

    /// Attachments `intake` could not tell the document of.
    fn intake_unidentified(attachments: &str) ["2 pièces jointes"] {
        fr: "{attachments} à identifier (colonne documents) : ni le nom ni le texte ne disent quel document c'est",
        en: "{attachments} to identify (documents column): neither the name nor the text tells which document it is",
    }

    /// How `intake` could read more of them.
    fn intake_try_ocr() [] {
        fr: "--ocr lit la première page des scans et des images avec tesseract",
        en: "--ocr reads the first page of scans and images with tesseract",
    }

    /// What `intake` read.
    fn intake_counts(messages: &str, applications: &str, others: &str, path: &str) ["12 messages lus", "9 candidatures", "3 autres messages", "c.csv"] {
        fr: "{messages} : {applications}, {others} → {path}",
        en: "{messages}: {applications}, {others} → {path}",
    }
}
