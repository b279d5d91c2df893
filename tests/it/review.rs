//! The round trip of the rows to review: `review` writes the worksheet, a person fills it in
//! (here the test, in CSV and in an xlsx written with a library), `--verified` applies it;
//! hostile worksheets are refused whole.

use serde_json::Value;
use std::path::Path;

const POSTING: &str = "postings/jigi-district-officer.yaml";
const CANDIDATES: &str = "examples/google-forms-district-officer.csv";

/// Runs `shortlist` in `dir` with the bundled posting and export copied there.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    crate::common::shortlist()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs")
}

fn files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join(POSTING), dir.path().join("annonce.yaml")).expect("posting");
    std::fs::copy(root.join(CANDIDATES), dir.path().join("c.csv")).expect("export");
    dir
}

/// The lines of a CSV worksheet `review` wrote: header, then rows.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).expect("worksheet");
    let text = text.trim_start_matches('\u{feff}');
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.expect("record").iter().map(str::to_string).collect())
        .collect()
}

fn write_csv(path: &Path, rows: &[Vec<String>]) {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_path(path)
        .expect("csv");
    for r in rows {
        w.write_record(r).expect("write");
    }
    w.flush().expect("flush");
}

/// The status of each row in the JSON of `screen --all`.
fn statuses(stdout: &[u8]) -> std::collections::BTreeMap<u64, (String, Value)> {
    let doc: Value = serde_json::from_slice(stdout).expect("json");
    doc["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| {
            (
                c["row"].as_u64().expect("row"),
                (
                    c["status"].as_str().expect("status").to_string(),
                    c["verified"].clone(),
                ),
            )
        })
        .collect()
}

/// Fills the worksheet's lines: Seydou (row 7) has 3 years of community health, Mariam
/// (row 8) one year in the field; a line copied for row 9 keeps Seydou's e-mail, so it no
/// longer fits; the two Lassina Sangaré (rows 41 and 50) are one person.
fn fill(cells: &mut Vec<Vec<String>>, pairs: &mut [Vec<String>]) {
    let col = |head: &[String], name: &str| head.iter().position(|h| h == name).expect(name);
    let head = cells[0].clone();
    let (row, column, verified, by, note) = (
        col(&head, "Ligne"),
        col(&head, "Colonne"),
        col(&head, "Valeur vérifiée"),
        col(&head, "Vérifié par"),
        col(&head, "Note"),
    );
    for line in cells.iter_mut().skip(1) {
        match (line[row].as_str(), line[column].as_str()) {
            ("7", "Années d'expérience en santé communautaire") => {
                line[verified] = "3 ans".into();
                line[by] = "A. Diallo".into();
                line[note] = "CV, page 2".into();
            }
            ("8", "Années d'expérience terrain") => line[verified] = "1 an".into(),
            _ => {}
        }
    }
    let seydou = cells
        .iter()
        .find(|l| l[row] == "7")
        .cloned()
        .expect("row 7");
    let mut moved = seydou;
    moved[row] = "9".into();
    moved[verified] = "5 ans".into();
    cells.push(moved);
    let head = pairs[0].clone();
    let (row, same) = (col(&head, "Ligne"), col(&head, "Même personne ?"));
    for line in pairs.iter_mut().skip(1) {
        if line[row] == "41" || line[row] == "50" {
            line[same] = "même personne".into();
        }
    }
}

fn assert_applied(dir: &Path, verified: &[&str], moved_line: u64) {
    let mut args = vec![
        "screen",
        "annonce.yaml",
        "c.csv",
        "--all",
        "--format",
        "json",
    ];
    for v in verified {
        args.extend(["--verified", v]);
    }
    let before = statuses(&run_in(dir, &args[..6]).stdout);
    let out = run_in(dir, &args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = statuses(&out.stdout);
    assert_eq!(before[&7].0, "review");
    assert!(
        matches!(after[&7].0.as_str(), "shortlisted" | "eligible"),
        "{:?}",
        after[&7]
    );
    assert_eq!(before[&8].0, "review");
    assert_eq!(after[&8].0, "ineligible");
    // The line for row 9 names Seydou's e-mail: not applied.
    assert_eq!(before[&9], after[&9]);
    // One of the two Lassina Sangaré is kept.
    let dups = [&after[&41].0, &after[&50].0];
    assert_eq!(
        dups.iter().filter(|s| **s == "duplicate").count(),
        1,
        "{dups:?}"
    );
    // Nothing else moved but the ranks the changes shift.
    let changed: Vec<u64> = before
        .iter()
        .filter(|(row, (status, _))| after[row].0 != *status)
        .map(|(row, _)| *row)
        .filter(|row| ![7, 8, 41, 50].contains(row))
        .filter(|row| {
            let pair = (before[row].0.as_str(), after[row].0.as_str());
            !matches!(
                pair,
                ("shortlisted", "eligible") | ("eligible", "shortlisted")
            )
        })
        .collect();
    assert!(changed.is_empty(), "{changed:?}");
    let verified = after[&7].1.as_array().expect("verified");
    assert_eq!(verified.len(), 1);
    assert_eq!(
        verified[0]["column"],
        "Années d'expérience en santé communautaire"
    );
    assert_eq!(verified[0]["value"], "3 ans");
    assert_eq!(verified[0]["by"], "A. Diallo");
    assert_eq!(verified[0]["note"], "CV, page 2");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warning = format!(
        "ligne {moved_line} : la ligne 9 de c.csv n'est plus celle de ce candidat (ni son e-mail ni son téléphone) : elle n'est pas appliquée"
    );
    assert!(stderr.contains(&warning), "{stderr}");
}

#[test]
fn a_csv_worksheet_filled_in_changes_exactly_what_it_says() {
    let dir = files();
    let out = run_in(
        dir.path(),
        &["review", "annonce.yaml", "c.csv", "-o", "a-verifier.csv"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "14 cellules à vérifier pour 8 candidatures, 3 groupes de doublons possibles → a-verifier.csv\n"
    );
    let mut cells = read_csv(&dir.path().join("a-verifier.csv"));
    let mut pairs = read_csv(&dir.path().join("a-verifier-doublons.csv"));
    assert_eq!(
        cells[0],
        [
            "Annonce",
            "Fichier",
            "Ligne",
            "Nom",
            "E-mail",
            "Téléphone",
            "Rang si vérifié",
            "Exigence",
            "Colonne",
            "Valeur lue",
            "Valeur vérifiée",
            "Vérifié par",
            "Note"
        ]
    );
    assert_eq!(cells.len(), 1 + 14);
    assert_eq!(pairs.len(), 1 + 6);
    // Most useful first: the rank each would have once verified.
    let ranks: Vec<u32> = cells[1..]
        .iter()
        .map(|l| l[6].parse().expect("rank"))
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    fill(&mut cells, &mut pairs);
    write_csv(&dir.path().join("rempli.csv"), &cells);
    write_csv(&dir.path().join("doublons.csv"), &pairs);
    assert_applied(
        dir.path(),
        &["rempli.csv", "doublons.csv"],
        cells.len() as u64,
    );
    // `explain` says what was verified, by whom and why, and what the file holds.
    let out = run_in(
        dir.path(),
        &[
            "explain",
            "annonce.yaml",
            "c.csv",
            "--row",
            "7",
            "--verified",
            "rempli.csv",
        ],
    );
    let page = String::from_utf8_lossy(&out.stdout);
    let head: Vec<&str> = page.lines().take(4).collect();
    assert_eq!(
        head,
        [
            "Seydou Dembélé — ligne 7 de c.csv",
            "Statut : retenu(e), rang 1 à Bougouni, score 70 / 100",
            "Années d'expérience en santé communautaire : « 3 ans », vérifié par A. Diallo (CV, page 2) ; le",
            "  fichier porte une cellule vide",
        ]
    );
    // The report lists the corrections, and the verification files in its provenance.
    let out = run_in(
        dir.path(),
        &[
            "report",
            "annonce.yaml",
            "c.csv",
            "--verified",
            "rempli.csv",
            "--format",
            "markdown",
        ],
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("## Corrections vérifiées (2)"), "{report}");
    assert!(report.contains("| 7 | Seydou Dembélé | Années d'expérience en santé communautaire |  | 3 ans | A. Diallo | CV, page 2 |"));
    assert!(report.contains("| vérifications | rempli.csv (sha256 "));
}

#[test]
fn an_xlsx_worksheet_filled_in_with_another_library_is_read_back() {
    use calamine::{Reader, open_workbook_auto};
    let dir = files();
    let out = run_in(
        dir.path(),
        &["review", "annonce.yaml", "c.csv", "-o", "a-verifier.xlsx"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book = open_workbook_auto(dir.path().join("a-verifier.xlsx")).expect("xlsx");
    assert_eq!(book.sheet_names(), ["À vérifier", "Doublons possibles"]);
    let sheet = |book: &mut calamine::Sheets<_>, name: &str| -> Vec<Vec<String>> {
        book.worksheet_range(name)
            .expect("sheet")
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    };
    let mut cells = sheet(&mut book, "À vérifier");
    let mut pairs = sheet(&mut book, "Doublons possibles");
    fill(&mut cells, &mut pairs);
    let mut filled = rust_xlsxwriter::Workbook::new();
    for (name, rows) in [("À vérifier", &cells), ("Doublons possibles", &pairs)] {
        let ws = filled.add_worksheet();
        ws.set_name(name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, text).expect("cell");
            }
        }
    }
    filled.save(dir.path().join("rempli.xlsx")).expect("save");
    assert_applied(dir.path(), &["rempli.xlsx"], cells.len() as u64);
}

/// A worksheet with a problem is refused whole, with its line, and nothing is applied.
#[test]
fn hostile_worksheets_are_refused_whole() {
    let dir = files();
    let out = run_in(
        dir.path(),
        &["review", "annonce.yaml", "c.csv", "-o", "a-verifier.csv"],
    );
    assert_eq!(out.status.code(), Some(0));
    let cells = read_csv(&dir.path().join("a-verifier.csv"));
    let refused = |name: &str, rows: &[Vec<String>], message: &str| {
        let path = dir.path().join(name);
        write_csv(&path, rows);
        let out = run_in(
            dir.path(),
            &["screen", "annonce.yaml", "c.csv", "--verified", name],
        );
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty(), "{name}: nothing is written");
        assert_eq!(String::from_utf8_lossy(&out.stderr), message, "{name}");
    };
    let mut bad_value = cells.clone();
    bad_value[1][10] = "beaucoup".into();
    refused(
        "valeur.csv",
        &bad_value,
        "shortlist : erreur : valeur.csv : ligne 2 : la valeur vérifiée « beaucoup » ne se lit pas comme une cellule de la colonne `Années d'expérience en santé communautaire` (`years`) ; écrivez-la comme le tableur l'attend ; rien n'a été appliqué\n",
    );
    let mut unknown = cells.clone();
    unknown[0].push("Salaire".into());
    for line in unknown.iter_mut().skip(1) {
        line.push(String::new());
    }
    refused(
        "colonne.csv",
        &unknown,
        "shortlist : erreur : colonne.csv : la colonne `Salaire` n'est pas une colonne de la feuille de shortlist review ; rien n'a été appliqué\n",
    );
    refused(
        "vide.csv",
        &cells[..1],
        "shortlist : erreur : vide.csv : la feuille de vérification ne contient aucune ligne\n",
    );
    let mut other = cells.clone();
    other[3][0] = "autre-annonce".into();
    other[1][10] = "3 ans".into();
    refused(
        "autre.csv",
        &other,
        "shortlist : erreur : autre.csv : ligne 4 : cette feuille a été faite pour l'annonce `autre-annonce`, pas pour `jigi-keneya-nieta-district-officer-2024` ; rien n'a été appliqué\n",
    );
    // A formula, in a workbook.
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in cells.iter().enumerate().take(3) {
        for (c, text) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, text).expect("cell");
        }
    }
    ws.write_formula(2, 10, "=1+2").expect("formula");
    book.save(dir.path().join("formule.xlsx")).expect("save");
    let out = run_in(
        dir.path(),
        &[
            "screen",
            "annonce.yaml",
            "c.csv",
            "--verified",
            "formule.xlsx",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "shortlist : erreur : formule.xlsx : ligne 3, colonne `Valeur vérifiée` : une formule ; écrivez la valeur elle-même, rien n'a été appliqué\n"
    );
}

/// Rows of one name are possible duplicates in every output: the reason names three of the
/// others at most, however common the name.
#[test]
fn a_common_name_is_named_as_a_possible_duplicate_in_a_few_words() {
    let mut csv = String::from("Submitted,Name,Email,Phone,Place,Age,Sanctioned,Motivation\n");
    for k in 0..6 {
        csv.push_str(&format!(
            "2024-02-2{k},Moussa Traoré,m{k}@x.ml,76 00 00 1{k},Kita,25,non,communauté\n"
        ));
    }
    csv.push_str("2024-02-20,TRAORE moussa,other@x.ml,76 00 00 20,Kita,25,non,communauté\n");
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("c.csv"), csv).expect("write");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let posting = root.join("tests/fixtures/screen/kinds.yaml");
    let out = run_in(
        dir.path(),
        &[
            "screen",
            &posting.to_string_lossy(),
            "c.csv",
            "--all",
            "--format",
            "json",
        ],
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        doc["possible_duplicates"],
        serde_json::json!([[2, 3, 4, 5, 6, 7, 8]])
    );
    let reasons = &doc["candidates"][0]["reasons"];
    assert_eq!(
        reasons.as_array().and_then(|r| r.last()),
        Some(&Value::from(
            "possible duplicate of row 3, row 4, row 5 and 3 other rows (same name): to check"
        ))
    );
}
