//! Small postings and files written for the test, run with the [`Test`] builder: whole
//! outputs for cases the examples do not hold.

use crate::common::Test;
use crate::json::{self, Outcome, Status, Summary};

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
            "rank,status,score,score_max,row,name,contact,diplome,experience,annees,reasons
1,shortlisted,10,10,2,Awa Traoré,,pass,pass,pass,\"retenu : rang 1, score 10 / 10\"
,review,0,10,3,Moussa Diarra,,pass,unknown,unknown,experience : à vérifier — Expérience : « environ 4 ans » ne se lit pas comme un nombre d'années ; au moins 2 requis
,ineligible,10,10,4,Fatoumata Koné,,fail,pass,pass,\"Licence au moins : Diplôme : « BAC » ; niveau bac, au moins bac+3 requis\"
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
            "rank,status,score,score_max,row,name,contact,pa,pb,pc,pd,reasons
1,shortlisted,46.67,100,3,C-3,,pass,pass,pass,fail,\"shortlisted: rank 1, score 46.67 / 100\"
2,shortlisted,46.67,100,2,C-2,,pass,pass,pass,pass,\"shortlisted: rank 2, score 46.67 / 100\"
",
        )
        .run();
}
