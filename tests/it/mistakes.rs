//! The usual mistakes of a person at the command line, each answered with what to type, in
//! the locale's language (or `--lang`'s, or the language a posting declares once it is
//! read), with exit 2 (1 for `validate`, whose every problem with a posting file is 1).

use crate::common::Test;

const POSTING: &str = "postings/jigi-district-officer.yaml";
const CANDIDATES: &str = "examples/google-forms-district-officer.csv";

/// A test directory holding the bundled posting and export as `annonce.yaml` and `c.csv`.
fn files() -> Test {
    Test::new()
        .copy(POSTING, "annonce.yaml")
        .copy(CANDIDATES, "c.csv")
}

#[test]
fn swapped_arguments_are_recognised() {
    files()
        .args(&["screen", "c.csv", "annonce.yaml"])
        .stderr("shortlist: error: the arguments look swapped: c.csv is a candidates file and annonce.yaml a posting (YAML); the posting comes first: shortlist screen annonce.yaml c.csv\n")
        .code(2)
        .run();
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["report", "c.csv", "annonce.yaml", "-o", "r.html"])
        .stderr("shortlist : erreur : les arguments semblent inversés : c.csv est un fichier de candidatures et annonce.yaml une annonce (YAML) ; l'annonce vient d'abord : shortlist report annonce.yaml c.csv\n")
        .code(2)
        .run();
    files()
        .args(&["explain", "c.csv", "annonce.yaml", "--row", "2", "--lang", "fr"])
        .stderr("shortlist : erreur : les arguments semblent inversés : c.csv est un fichier de candidatures et annonce.yaml une annonce (YAML) ; l'annonce vient d'abord : shortlist explain annonce.yaml c.csv\n")
        .code(2)
        .run();
}

#[test]
fn candidates_where_the_posting_goes() {
    files()
        .args(&["screen", "c.csv", "c.csv"])
        .stderr("shortlist: error: c.csv is a candidates file, not a posting: the posting (YAML) comes first, then the candidates: shortlist screen POSTING.yaml c.csv\n")
        .code(2)
        .run();
    files()
        .env("LC_ALL", "fr_FR.UTF-8")
        .args(&["screen", "c.csv", "c.csv"])
        .stderr("shortlist : erreur : c.csv est un fichier de candidatures, pas une annonce : l'annonce (YAML) vient d'abord, puis les candidatures : shortlist screen ANNONCE.yaml c.csv\n")
        .code(2)
        .run();
}

#[test]
fn a_posting_or_a_document_where_the_candidates_go() {
    files()
        .args(&["screen", "annonce.yaml", "annonce.yaml"])
        .stderr("shortlist: error: annonce.yaml is a posting (YAML), not a candidates file: after the posting, give the spreadsheet of applications (CSV, xlsx, xls or ods)\n")
        .code(2)
        .run();
    files()
        .file("cv.pdf", "%PDF-1.7\n%âãÏÓ\n")
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "annonce.yaml", "cv.pdf"])
        .stderr("shortlist : erreur : cv.pdf est un document PDF, pas un fichier de candidatures : donnez le tableau des candidatures (CSV, xlsx, xls ou ods)\n")
        .code(2)
        .run();
    files()
        .file("lettre.docx", "PK\u{3}\u{4}")
        .args(&["screen", "annonce.yaml", "lettre.docx"])
        .stderr("shortlist: error: lettre.docx is a Word document, not a candidates file: give the spreadsheet of applications (CSV, xlsx, xls or ods)\n")
        .code(2)
        .run();
}

#[test]
fn a_posting_given_to_inspect_or_candidates_to_validate() {
    files()
        .args(&["inspect", "annonce.yaml"])
        .stderr("shortlist: error: annonce.yaml is a posting (YAML), not a candidates file: to check a posting, run shortlist validate annonce.yaml\n")
        .code(2)
        .run();
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["inspect", "annonce.yaml"])
        .stderr("shortlist : erreur : annonce.yaml est une annonce (YAML), pas un fichier de candidatures : pour vérifier une annonce, lancez shortlist validate annonce.yaml\n")
        .code(2)
        .run();
    files()
        .args(&["validate", "c.csv"])
        .stderr("error: c.csv is a candidates file, not a posting: to check a posting against it, run shortlist validate POSTING.yaml --against c.csv\n")
        .code(1)
        .run();
}

#[test]
fn an_old_spreadsheet_extension_is_answered_with_xlsx() {
    files()
        .args(&["screen", "annonce.yaml", "c.csv", "-o", "liste.xls"])
        .stderr("shortlist: error: liste.xls: cannot tell the format from the extension; use .html, .md, .xlsx, .csv, .json or .txt, or say --format (workbooks are written as .xlsx, which Excel and LibreOffice open, not .xls)\n")
        .code(2)
        .run();
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "annonce.yaml", "c.csv", "-o", "liste.ods"])
        .stderr("shortlist : erreur : liste.ods : l'extension ne dit pas le format ; utilisez .html, .md, .xlsx, .csv, .json ou .txt, ou indiquez --format (les classeurs s'écrivent en .xlsx, qu'Excel et LibreOffice ouvrent, pas en .ods)\n")
        .code(2)
        .run();
}

#[test]
fn a_format_that_does_not_match_the_extension_is_refused() {
    files()
        .args(&["report", "annonce.yaml", "c.csv", "--format", "html", "-o", "r.md"])
        .stderr("shortlist: error: --format html and r.md do not name the same format (markdown by its extension): change the extension or drop --format\n")
        .code(2)
        .run();
    files()
        .args(&["screen", "annonce.yaml", "c.csv", "--format", "csv", "-o", "liste.json", "--lang", "fr"])
        .stderr("shortlist : erreur : --format csv et liste.json ne disent pas le même format (json d'après l'extension) : changez l'extension ou ôtez --format\n")
        .code(2)
        .run();
}

#[test]
fn excel_is_refused_for_anything_but_csv() {
    for args in [
        vec!["screen", "annonce.yaml", "c.csv", "--excel"],
        vec![
            "screen",
            "annonce.yaml",
            "c.csv",
            "--excel",
            "--format",
            "json",
        ],
    ] {
        let format = if args.contains(&"json") {
            "json"
        } else {
            "table"
        };
        files()
            .args(&args)
            .stderr(&format!("shortlist: error: --excel writes CSV for French Excel: it goes with --format csv or -o FILE.csv, not with the {format} format\n"))
            .code(2)
            .run();
    }
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "annonce.yaml", "c.csv", "--excel", "-o", "liste.md"])
        .stderr("shortlist : erreur : --excel écrit un CSV pour Excel en français : il va avec --format csv ou -o FICHIER.csv, pas avec le format markdown\n")
        .code(2)
        .run();
    // With CSV, it is what it is for.
    let out = files()
        .args(&[
            "screen",
            "annonce.yaml",
            "c.csv",
            "--excel",
            "--format",
            "csv",
        ])
        .run();
    assert!(out.stdout.starts_with('\u{feff}'), "a BOM first");
}

#[test]
fn wide_is_refused_for_anything_but_the_table() {
    files()
        .args(&["screen", "annonce.yaml", "c.csv", "--wide", "--format", "csv"])
        .stderr("shortlist: error: --wide shows whole reasons in the terminal table: it does not go with the csv format\n")
        .code(2)
        .run();
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "annonce.yaml", "c.csv", "--wide", "-o", "liste.json"])
        .stderr("shortlist : erreur : --wide montre les raisons entières dans le tableau du terminal : il ne va pas avec le format json\n")
        .code(2)
        .run();
}

/// `--audit-by` takes the posting's field name, or a KoboToolbox column by the end of its
/// group path, as the CARE posting's own comment suggests (`--audit-by sexe`).
#[test]
fn the_audit_column_may_be_named_as_a_person_names_it() {
    for asked in ["sexe", "sex", "group_identite/sexe"] {
        let out = Test::new()
            .copy(
                "postings/care-an-ka-jiko-engagement-communautaire.yaml",
                "care.yaml",
            )
            .copy(
                "examples/kobotoolbox-engagement-communautaire.csv",
                "kobo.csv",
            )
            .args(&[
                "screen",
                "care.yaml",
                "kobo.csv",
                "--format",
                "json",
                "--audit-by",
                asked,
            ])
            .run();
        let audit = crate::json::parse(&out.stdout).audit.expect("an audit");
        assert_eq!(audit.column, "group_identite/sexe", "{asked}");
        let groups: Vec<&str> = audit.groups.iter().map(|g| g.group.as_str()).collect();
        assert_eq!(groups.len(), 2, "{asked}: {groups:?}");
    }
}

#[test]
fn every_missing_column_is_named_at_once() {
    let posting = "
posting: { id: t, title: Agent, deadline: 2024-02-23 }
fields:
  degree: { column: Diplôme, type: degree }
  years: { column: Expérience, type: years }
  name: { column: Nom, type: text }
requirements:
  - { id: diplome, degree: { field: degree, min_level: bac+3 } }
  - { id: experience, years: { field: years, min: 2 } }
";
    let run = |lang: &str, stderr: &str| {
        Test::new()
            .posting(posting)
            .file("c.csv", "Nom,Diplome obtenu,Années\nAwa,Licence,3\n")
            .env("LANG", lang)
            .args(&["screen", "posting.yaml", "c.csv"])
            .stderr(stderr)
            .code(2)
            .run();
    };
    run(
        "C.UTF-8",
        "shortlist: error: c.csv: row 1: 2 columns the posting maps are not in the header: `Diplôme` (field `degree`; did you mean `Diplome obtenu`?), `Expérience` (field `years`); shortlist validate POSTING.yaml --against c.csv checks every column of a posting against this file\n",
    );
    run(
        "fr_ML.UTF-8",
        "shortlist : erreur : c.csv : ligne 1 : 2 colonnes de l'annonce manquent dans l'en-tête : `Diplôme` (champ `degree` ; vouliez-vous dire `Diplome obtenu` ?), `Expérience` (champ `years`) ; shortlist validate ANNONCE.yaml --against c.csv vérifie toutes les colonnes d'une annonce sur ce fichier\n",
    );
}

#[test]
fn the_same_file_given_twice_is_refused() {
    files()
        .args(&["screen", "annonce.yaml", "c.csv", "./c.csv"])
        .stderr("shortlist: error: c.csv and ./c.csv are the same file: given twice, every application would be a duplicate of itself; give it once\n")
        .code(2)
        .run();
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["report", "annonce.yaml", "c.csv", "c.csv", "-o", "r.html"])
        .stderr("shortlist : erreur : c.csv et c.csv sont le même fichier : donné deux fois, chaque candidature serait le doublon d'elle-même ; donnez-le une seule fois\n")
        .code(2)
        .run();
}

#[test]
fn another_postings_file_is_named_as_such() {
    Test::new()
        .copy(POSTING, "annonce.yaml")
        .copy("examples/kobotoolbox-engagement-communautaire.csv", "kobo.csv")
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "annonce.yaml", "kobo.csv"])
        .stderr("shortlist : erreur : kobo.csv : ligne 1 : aucune des 16 colonnes de l'annonce n'est dans l'en-tête, qui commence par `start`, `end`, `group_identite/prenom` : ce fichier n'est pas un export pour cette annonce\n")
        .code(2)
        .run();
}

#[test]
fn a_report_is_html_markdown_or_xlsx() {
    files()
        .args(&["report", "annonce.yaml", "c.csv", "-o", "r.csv"])
        .stderr("shortlist: error: r.csv: a report is written as HTML, Markdown or xlsx, not csv: write it to a .html, .md or .xlsx file (screen writes CSV and JSON)\n")
        .code(2)
        .run();
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["report", "annonce.yaml", "c.csv", "--format", "json", "-o", "-"])
        .stderr("shortlist : erreur : un rapport s'écrit en HTML, Markdown ou xlsx, pas en json : écrivez-le dans un fichier .html, .md ou .xlsx (screen écrit le CSV et le JSON)\n")
        .code(2)
        .run();
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["report", "annonce.yaml", "c.csv"])
        .stderr("shortlist : erreur : report a besoin de -o FICHIER (.html, .md ou .xlsx), ou de --format html ou markdown pour l'afficher\n")
        .code(2)
        .run();
    // Markdown is printed when asked for.
    let out = files()
        .args(&["report", "annonce.yaml", "c.csv", "--format", "markdown"])
        .run();
    assert!(
        out.stdout.starts_with("# District Officer"),
        "{}",
        &out.stdout[..80]
    );
}

/// `--top 0` says what `--top` counts and how to see everyone, in either language.
#[test]
fn top_zero_says_what_top_counts() {
    files()
        .args(&["screen", "annonce.yaml", "c.csv", "--top", "0"])
        .stderr("shortlist: error: invalid value '0' for '--top <N>': --top says how many candidates to shortlist per group: a whole number, 1 or more; to see everyone, use --all\n\nFor more information, try '--help'.\n")
        .code(2)
        .run();
    files()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "annonce.yaml", "c.csv", "--top", "0"])
        .stderr("shortlist : erreur : valeur « 0 » invalide pour --top <N> : --top dit combien de candidats retenir par groupe : un nombre entier, 1 ou plus ; pour voir tout le monde, utilisez --all\n\nPour en savoir plus : --help\n")
        .code(2)
        .run();
}

/// `--help` speaks the locale's language, or `--lang`'s.
#[test]
fn help_is_in_french_for_a_french_locale() {
    let help = Test::new()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["--help"])
        .stdout(HELP_FR)
        .run();
    assert_eq!(help.code, 0);
    let english = Test::new().args(&["screen", "--help"]).run();
    assert!(
        english
            .stdout
            .starts_with("Screen candidate files against a posting")
    );
    let asked = Test::new()
        .args(&["screen", "--help", "--lang", "fr"])
        .run();
    assert!(
        asked
            .stdout
            .starts_with("Trie les fichiers de candidatures selon une annonce")
    );
    assert!(
        asked.stdout.contains(
            "\nUtilisation : shortlist screen [OPTIONS] <ANNONCE.yaml> <CANDIDATURES>...\n"
        )
    );
    // An unknown option, in French, with the option meant.
    Test::new()
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "a.yaml", "--topp", "3"])
        .stderr("shortlist : erreur : argument inconnu : --topp ; vouliez-vous dire --top ?\n\nUtilisation : shortlist screen --top <N> <ANNONCE.yaml> <CANDIDATURES>...\n\nPour en savoir plus : --help\n")
        .code(2)
        .run();
}

const HELP_FR: &str = r#"Trie les candidatures à un poste selon les exigences de l'annonce, avec une raison pour chaque
décision.

Utilisation : shortlist <COMMANDE>

Commandes:
  validate  Vérifie des annonces : syntaxe, schéma et sens, tous les problèmes d'un coup avec leur
            ligne.
  screen    Trie les fichiers de candidatures selon une annonce et affiche la liste restreinte
            classée, ou l'écrit avec -o FICHIER / --format.
  report    Écrit le rapport complet : résumé, entonnoir, résultats par règle, liste restreinte,
            chaque décision avec ses raisons, audit d'équité et provenance, en HTML, Markdown ou
            xlsx (-o FICHIER).
  explain   Montre le résultat de chaque règle pour un candidat, avec les cellules lues.
  inspect   Montre comment un fichier de candidatures est lu : encodage, séparateur, lignes, valeurs
            et type de chaque colonne, avec un bloc fields: prêt à coller dans une annonce.
  review    Écrit la feuille des cellules à vérifier et des doublons possibles (.xlsx ou .csv), à
            remplir puis à redonner avec --verified.
  intake    Fait d'une boîte de recrutement (mbox, Maildir, dossier de fichiers .eml) un fichier de
            candidatures, les pièces jointes enregistrées par candidat, les autres messages listés à
            part.
  help      Affiche l'aide de la commande donnée, ou celle-ci.

Options:
  -h, --help     Affiche l'aide
  -V, --version  Affiche la version
"#;

/// A column name holding a comma, unquoted in a flow mapping, is told to be quoted.
#[test]
fn an_unquoted_column_name_with_a_comma_is_told_to_be_quoted() {
    let posting = "posting: { id: t, title: T }
fields:
  logiciels: { column: Logiciels maîtrisés (Excel, TOMPRO...) ?, type: text }
requirements:
  - id: a
    not_blank: [logiciels]
";
    Test::new()
        .posting(posting)
        .args(&["validate", "posting.yaml"])
        .stderr("error: posting.yaml:3:52: `TOMPRO...) ?` is no key of field `logiciels`: it is most likely the end of a column name that holds a comma; put the whole name in quotes: column: \"…, TOMPRO...) ?\"\nposting.yaml: invalid, 1 error\n")
        .code(1)
        .run();
    Test::new()
        .posting(posting)
        .env("LANG", "fr_ML.UTF-8")
        .args(&["validate", "posting.yaml"])
        .stderr("erreur : posting.yaml:3:52 : `TOMPRO...) ?` n'est pas une clé : c'est sans doute la fin d'un nom de colonne qui contient une virgule ; mettez le nom entier entre guillemets : column: \"…, TOMPRO...) ?\"\nposting.yaml : invalide, 1 erreur\n")
        .code(1)
        .run();
}

/// Header problems are told in the messages' language, with the file and the row.
#[test]
fn header_problems_speak_french_too() {
    let posting = "posting: { id: t, title: T }
fields:
  name: { column: Nom, type: text }
requirements:
  - { id: a, not_blank: [name] }
";
    Test::new()
        .posting(posting)
        .file("a.csv", "Nom,Age\nAwa,30\n")
        .file("b.csv", "Nom,Ville\nBina,Kita\n")
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "posting.yaml", "a.csv", "b.csv"])
        .stderr("shortlist : erreur : b.csv : son en-tête diffère de celui de a.csv : la colonne 2 est `Ville` ici et `Age` là\n")
        .code(2)
        .run();
    Test::new()
        .posting(posting)
        .file("c.csv", "Nom,Nom\nAwa,Awa\n")
        .env("LANG", "fr_ML.UTF-8")
        .args(&["screen", "posting.yaml", "c.csv"])
        .stderr("shortlist : erreur : c.csv : ligne 1 (l'en-tête) : la colonne `Nom` figure deux fois (colonnes 1 et 2)\n")
        .code(2)
        .run();
}
