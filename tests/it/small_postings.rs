//! Small postings and files written for the test, run with the [`Test`] builder: whole
//! outputs for cases the examples do not hold.

use crate::common::Test;
use crate::json::{self, CellValue, Degree, Outcome, RowRef, Status, StudyField, Summary};

const POSTING: &str = "
posting: { id: agent, title: Agent de terrain, deadline: 2024-02-23T12:00:00Z }
fields:
  at: { column: Horodateur, type: datetime }
  name: { column: Nom, type: text }
  degree: { column: Diplôme, type: degree }
  years: { column: Expérience, type: years }
candidate: { name: name, submitted_at: at }
requirements:
  - id: diplome
    label: Licence au moins
    degree: { field: degree, min_level: bac+3 }
  - id: experience
    years: { field: years, min: 2 }
preferences:
  - id: annees
    weight: 10
    years: { field: years, min: 2, full_at: 7 }
";

const CANDIDATES: &str = "Horodateur,Nom,Diplôme,Expérience
20/02/2024 10:00,Awa Traoré,Master en santé publique,7 ans
21/02/2024 11:00,Moussa Diarra,Licence,environ 4 ans
22/02/2024 09:30,Fatoumata Koné,BAC,10
";

#[test]
fn three_candidates_get_one_status_each_with_their_reasons() {
    Test::new()
        .posting(POSTING)
        .file("c.csv", CANDIDATES)
        .args(&["screen", "posting.yaml", "c.csv", "--all", "--format", "csv"])
        .stdout(
            "file,row,group,rank,status,score,score_max,name,email,phone,submitted_at,diplome,experience,annees,reasons
c.csv,2,,1,shortlisted,10,10,Awa Traoré,,,2024-02-20T10:00:00Z,pass,pass,10,\"rang 1, score 10 / 10\"
c.csv,3,,,review,0,10,Moussa Diarra,,,2024-02-21T11:00:00Z,pass,unknown,0,experience : à vérifier — Expérience : « environ 4 ans » ne se lit pas comme un nombre d'années ; au moins 2 requis
c.csv,4,,,ineligible,10,10,Fatoumata Koné,,,2024-02-22T09:30:00Z,fail,pass,10,\"Licence au moins : Diplôme : « BAC » ; niveau bac, au moins bac+3 requis\"
",
        )
        .run();
}

#[test]
fn the_json_output_has_the_shape_of_spec() {
    let out = Test::new()
        .posting(POSTING)
        .file("c.csv", CANDIDATES)
        .args(&[
            "screen",
            "posting.yaml",
            "c.csv",
            "--all",
            "--format",
            "json",
        ])
        .run();
    let doc = json::parse(&out.stdout);
    assert_eq!(
        doc.summary,
        Summary {
            total: 3,
            shortlisted: 1,
            eligible: 0,
            review: 1,
            ineligible: 1,
            duplicate: 0,
            unreadable: 0,
        }
    );
    let statuses: Vec<Status> = doc.candidates.iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [Status::Shortlisted, Status::Review, Status::Ineligible]
    );
    let outcomes: Vec<Vec<Outcome>> = doc
        .candidates
        .iter()
        .map(|c| c.rules.iter().map(|r| r.outcome).collect())
        .collect();
    assert_eq!(
        outcomes[1],
        [Outcome::Pass, Outcome::Unknown, Outcome::Unknown]
    );
    assert_eq!(doc.rules[0].label.as_deref(), Some("Licence au moins"));
    assert_eq!(doc.inputs[0].path, "c.csv");
    assert_eq!(
        doc.posting.deadline.as_deref(),
        Some("2024-02-23T12:00:00Z")
    );
    assert!(doc.audit.is_none());
}

#[test]
fn the_audit_in_json_has_the_shape_of_spec() {
    let out = Test::new()
        .posting(POSTING)
        .file("c.csv", CANDIDATES)
        .args(&[
            "screen",
            "posting.yaml",
            "c.csv",
            "--format",
            "json",
            "--audit-by",
            "Diplôme",
        ])
        .run();
    let audit = json::parse(&out.stdout).audit.expect("an audit");
    assert_eq!(audit.column, "Diplôme");
    assert_eq!(audit.groups.len(), 3);
    assert_eq!(audit.requirements.len(), 2);
}

#[test]
fn a_misspelt_key_is_named_with_its_line() {
    Test::new()
        .posting(&POSTING.replace("min_level", "min_levle"))
        .args(&["validate", "posting.yaml"])
        .stderr(
            "error: posting.yaml:12:30: unknown key `min_levle` in rule `diplome`; did you mean `min_level`?\nposting.yaml: invalid, 1 error\n",
        )
        .code(1)
        .run();
}

/// Two candidates whose points add up to the same score (20/3 + 20 + 20 and 80/3 + 20) tie,
/// and the posting's next tie-break decides between them, not the rounding of the sums.
#[test]
fn equal_scores_go_to_the_next_tie_break() {
    let posting = "
posting: { id: t, title: Agent, deadline: 2024-02-23 }
fields:
  a: { column: A, type: years }
  b: { column: B, type: years }
  c: { column: C, type: yes_no }
  d: { column: D, type: yes_no }
preferences:
  - { id: pa, weight: 20, years: { field: a, min: 0, full_at: 3 } }
  - { id: pb, weight: 40, years: { field: b, min: 0, full_at: 3 } }
  - { id: pc, weight: 20, is_yes: c }
  - { id: pd, weight: 20, is_yes: d }
shortlist: { size: 2, tie_break: [score desc, b desc] }
";
    Test::new()
        .posting(posting)
        .file("c.csv", "A,B,C,D\n1,0,oui,oui\n0,2,oui,non\n")
        .args(&[
            "screen",
            "posting.yaml",
            "c.csv",
            "--format",
            "csv",
            "--lang",
            "en",
        ])
        .stdout(
            "file,row,group,rank,status,score,score_max,name,email,phone,submitted_at,pa,pb,pc,pd,reasons
c.csv,3,,1,shortlisted,46.67,100,C-3,,,,0,26.67,20,0,\"rank 1, score 46.67 / 100\"
c.csv,2,,2,shortlisted,46.67,100,C-2,,,,6.67,0,20,20,\"rank 2, score 46.67 / 100\"
",
        )
        .run();
}

/// Each rule of the JSON carries the cells it read as data: the text as written and the
/// typed reading, `null` when blank or not understood; a duplicate names the row kept.
#[test]
fn json_rules_carry_the_cells_they_read_as_data() {
    let posting = "
posting: { id: t, title: T, deadline: 2024-02-23T12:00:00Z, timezone: Africa/Bamako }
fields:
  at: { column: Horodateur, type: datetime }
  name: { column: Nom, type: text }
  mail: { column: Email, type: email }
  tel: { column: Tél, type: phone }
  degree: { column: Diplôme, type: degree }
  years: { column: Expérience, type: years }
  moto: { column: Moto, type: yes_no }
  docs: { column: Pièces, type: list }
  age: { column: Âge, type: number }
candidate:
  name: name
  contact: [mail, tel]
  submitted_at: at
  duplicates: { by: [mail], keep: latest }
requirements:
  - { id: diplome, degree: { field: degree, min_level: bac+3 } }
  - { id: annees, years: { field: years, min: 2 } }
  - { id: moto, is_yes: moto }
  - { id: pieces, includes: { field: docs, items: [cv] } }
  - { id: age, number: { field: age, min: 18 } }
  - { id: joignable, not_blank: [mail, tel] }
  - { id: delai, on_time: at }
";
    let candidates = "Horodateur,Nom,Email,Tél,Diplôme,Expérience,Moto,Pièces,Âge
20/02/2024 10:00,Awa,AWA@x.ml,76 12 34 56,Licence en sociologie,3 ans,oui,\"CV, lettre\",30
21/02/2024 11:00,Awa T.,awa@x.ml,,Master,environ 4 ans,,CV,vingt
";
    let out = Test::new()
        .posting(posting)
        .file("c.csv", candidates)
        .args(&[
            "screen",
            "posting.yaml",
            "c.csv",
            "--all",
            "--format",
            "json",
        ])
        .run();
    let doc = json::parse(&out.stdout);
    let cells = |row: u64| -> Vec<(String, String, String, CellValue)> {
        let c = doc.candidates.iter().find(|c| c.row == row).expect("row");
        c.rules
            .iter()
            .flat_map(|r| {
                r.cells.iter().map(|c| {
                    (
                        r.id.clone(),
                        c.field.clone(),
                        c.raw.clone(),
                        c.value.clone(),
                    )
                })
            })
            .collect()
    };
    let text = |s: &str| CellValue::Text(s.to_string());
    let row = |id: &str, field: &str, raw: &str, value: CellValue| {
        (id.to_string(), field.to_string(), raw.to_string(), value)
    };
    assert_eq!(
        cells(2),
        [
            row(
                "diplome",
                "degree",
                "Licence en sociologie",
                CellValue::Degree(Degree {
                    level: Some("bac+3".into()),
                    fields: vec![StudyField {
                        code: "0314a".into(),
                        name: "sociology".into()
                    }]
                })
            ),
            row("annees", "years", "3 ans", CellValue::Number(3.0)),
            row("moto", "moto", "oui", CellValue::YesNo(true)),
            row(
                "pieces",
                "docs",
                "CV, lettre",
                CellValue::Items(vec!["cv".into()])
            ),
            row("age", "age", "30", CellValue::Number(30.0)),
            row("joignable", "mail", "AWA@x.ml", text("awa@x.ml")),
            row("joignable", "tel", "76 12 34 56", text("+22376123456")),
            row(
                "delai",
                "at",
                "20/02/2024 10:00",
                text("2024-02-20T10:00:00Z")
            ),
        ]
    );
    let awa = doc.candidates.iter().find(|c| c.row == 3).expect("row 3");
    assert_eq!(awa.submitted_at.as_deref(), Some("2024-02-21T11:00:00Z"));
    assert!(awa.duplicate_of.is_none());
    let unknown: Vec<_> = cells(3)
        .into_iter()
        .filter(|c| c.3 == CellValue::Unknown(()))
        .map(|c| c.1)
        .collect();
    assert_eq!(unknown, ["years", "moto", "age", "tel"]);
    let first = doc.candidates.iter().find(|c| c.row == 2).expect("row 2");
    assert_eq!(
        first.duplicate_of,
        Some(RowRef {
            file: "c.csv".into(),
            row: 3
        })
    );
    assert!(doc.possible_duplicates.is_empty());
}

/// More candidates than an Excel sheet holds: the xlsx output says to write CSV.
#[test]
fn more_candidates_than_a_sheet_holds_are_sent_to_csv() {
    let mut rows = String::from("Horodateur,Nom,Diplôme,Expérience\n");
    for k in 0..1_048_576 {
        rows.push_str(&format!("20/02/2024 10:00,C{k},Licence,3\n"));
    }
    Test::new()
        .posting(POSTING)
        .file("c.csv", &rows)
        .args(&["screen", "posting.yaml", "c.csv", "--all", "-o", "c.xlsx", "--lang", "fr"])
        .stderr(
            "shortlist : erreur : 1\u{202f}048\u{202f}576 candidats : plus que les 1\u{202f}048\u{202f}575 lignes qu'une feuille Excel peut tenir ; écrivez-les en CSV (-o FICHIER.csv, avec --excel pour Excel)\n",
        )
        .code(2)
        .run();
}
