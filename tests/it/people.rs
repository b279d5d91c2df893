//! What people read, whole: the table on a terminal of 80 and 120 columns (reasons shortened
//! to fit) and piped (nothing cut), and `explain` in French and English.

use crate::common::run;

const KINDS: &str = "tests/fixtures/screen/kinds.yaml";
const KINDS_CSV: &str = "tests/fixtures/screen/kinds.csv";
const JIGI: &str = "postings/jigi-district-officer.yaml";
const GOOGLE: &str = "examples/google-forms-district-officer.csv";

/// `shortlist args` with a terminal of `columns` columns as its standard output, through
/// `script`; what it printed, line ends as written to a file.
fn on_terminal(columns: usize, args: &[&str]) -> String {
    let command = std::iter::once(env!("CARGO_BIN_EXE_shortlist"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("COLUMNS", columns.to_string())
        .env("NO_COLOR", "1")
        .output()
        .expect("script runs (util-linux)");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n")
}

#[test]
fn the_table_fits_a_terminal_of_80_columns() {
    assert_eq!(
        on_terminal(80, &["screen", KINDS, KINDS_CSV, "--all", "--lang", "fr"]),
        r#"Relais communautaire
┌──────┬───────┬──────────┬───────┬──────────────┬─────────────────────────────┐
│ rang ┆ ligne ┆ nom      ┆ score ┆ statut       ┆ raison                      │
╞══════╪═══════╪══════════╪═══════╪══════════════╪═════════════════════════════╡
│ 1    ┆ 2     ┆ Awa      ┆ 1 / 1 ┆ retenu(e)    ┆ toutes les exigences sont…  │
│ 2    ┆ 12    ┆ Jeneba   ┆ 1 / 1 ┆ éligible     ┆ toutes les exigences sont…  │
│ 3    ┆ 3     ┆ Bina     ┆ 0 / 1 ┆ éligible     ┆ toutes les exigences sont…  │
│      ┆ 8     ┆ Gaoussou ┆ 0 / 1 ┆ à vérifier   ┆ age : Age : « vingt » ne s… │
│      ┆ 4     ┆ Cheick   ┆ 0 / 1 ┆ non éligible ┆ place : Place : « Ségou »…  │
│      ┆ 5     ┆ Dado     ┆ 0 / 1 ┆ non éligible ┆ reachable : vide : Email,…  │
│      ┆ 6     ┆ Ema      ┆ 0 / 1 ┆ non éligible ┆ age : Age : « 40 » ; entre… │
│      ┆ 7     ┆ Fanta    ┆ 0 / 1 ┆ non éligible ┆ clean : condition à ne pas… │
│      ┆ 10    ┆ Hawa     ┆ 0 / 1 ┆ non éligible ┆ on_time : Submitted : « 20… │
│      ┆ 9     ┆ Awa T.   ┆ 0 / 1 ┆ doublon      ┆ la ligne 2 est gardée (mêm… │
│      ┆ 11    ┆ C-11     ┆ 0 / 1 ┆ illisible    ┆ la ligne a 3 cellules alor… │
└──────┴───────┴──────────┴───────┴──────────────┴─────────────────────────────┘
11 candidatures : 1 retenue, 2 éligibles, 1 à vérifier, 5 non éligibles, 1
doublon, 1 illisible
"#
    );
}

#[test]
fn the_table_fits_a_terminal_of_120_columns() {
    assert_eq!(
        on_terminal(120, &["screen", KINDS, KINDS_CSV, "--all", "--lang", "en"]),
        r#"Relais communautaire
┌──────┬─────┬──────────┬───────┬─────────────┬────────────────────────────────────────────────────────────────────────┐
│ rank ┆ row ┆ name     ┆ score ┆ status      ┆ reason                                                                 │
╞══════╪═════╪══════════╪═══════╪═════════════╪════════════════════════════════════════════════════════════════════════╡
│ 1    ┆ 2   ┆ Awa      ┆ 1 / 1 ┆ shortlisted ┆ meets every requirement                                                │
│ 2    ┆ 12  ┆ Jeneba   ┆ 1 / 1 ┆ eligible    ┆ meets every requirement                                                │
│ 3    ┆ 3   ┆ Bina     ┆ 0 / 1 ┆ eligible    ┆ meets every requirement                                                │
│      ┆ 8   ┆ Gaoussou ┆ 0 / 1 ┆ to review   ┆ age: Age: "vingt" does not read as a number; between 18 and 35 requir… │
│      ┆ 4   ┆ Cheick   ┆ 0 / 1 ┆ ineligible  ┆ place: Place: "Ségou"; expected: Kita; Kayes                           │
│      ┆ 5   ┆ Dado     ┆ 0 / 1 ┆ ineligible  ┆ reachable: blank: Email, Phone                                         │
│      ┆ 6   ┆ Ema      ┆ 0 / 1 ┆ ineligible  ┆ age: Age: "40"; between 18 and 35 required                             │
│      ┆ 7   ┆ Fanta    ┆ 0 / 1 ┆ ineligible  ┆ clean: must not be met: Sanctioned: "oui"; "yes" required              │
│      ┆ 10  ┆ Hawa     ┆ 0 / 1 ┆ ineligible  ┆ on_time: Submitted: "2024-03-02" = 2 March 2024; deadline 1 March 202… │
│      ┆ 9   ┆ Awa T.   ┆ 0 / 1 ┆ duplicate   ┆ row 2 is kept (same Email)                                             │
│      ┆ 11  ┆ C-11     ┆ 0 / 1 ┆ unreadable  ┆ the row has 3 cells where the header has 8 columns                     │
└──────┴─────┴──────────┴───────┴─────────────┴────────────────────────────────────────────────────────────────────────┘
11 applications: 1 shortlisted, 2 eligible, 1 to review, 5 ineligible, 1 duplicate, 1 unreadable
"#
    );
}

#[test]
fn wide_shows_every_reason_whole_on_a_terminal() {
    let wide = on_terminal(80, &["screen", KINDS, KINDS_CSV, "--all", "--wide"]);
    let piped = run(&["screen", KINDS, KINDS_CSV, "--all"]);
    assert_eq!(wide, piped.stdout);
}

#[test]
fn the_table_piped_cuts_nothing() {
    let out = run(&["screen", JIGI, GOOGLE, "--all"]);
    assert_eq!(out.code, 0);
    // The late candidate's reason keeps the deadline and how late she was.
    let late = out
        .stdout
        .lines()
        .find(|l| l.contains("Fatoumata Diarra"))
        .expect("row 4");
    assert!(
        late.trim_end_matches(['│', ' ']).ends_with(
            "date limite 23 février 2024 à 12h00 (heure de Bamako) ; hors délai de 5 minutes"
        ),
        "{late}"
    );
    assert!(!out.stdout.contains('…'), "nothing shortened");
}

#[test]
fn explain_in_french() {
    let out = run(&["explain", JIGI, GOOGLE, "--row", "21"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        r#"Rokia Diarra — ligne 21 de examples/google-forms-district-officer.csv
Statut : à vérifier, score 60 / 100 (Bougouni)

Exigences
  ? Diplôme en médecine, TSS, développement communautaire ou sociologie, ou diplôme équivalent avec
    au moins 2 ans d'expérience
    l'une des conditions suivantes :
    ? Diplôme le plus élevé : « BT santé » ; Domaine d'études : « Santé » ; domaine attendu :
      médecine, technicien supérieur de santé, développement communautaire, sociologie ; domaine
      reconnu : santé (moins précis que médecine, technicien supérieur de santé)
    ✗ toutes les conditions suivantes :
      ✗ Diplôme le plus élevé : « BT santé » ; niveau bac, au moins bac+3 requis
      ✓ Années d'expérience terrain : « neuf ans » = 9 ans ; au moins 2 requis
  ✓ Au moins 3 ans d'expérience professionnelle sur le terrain
    Années d'expérience terrain : « neuf ans » = 9 ans ; au moins 3 requis
  ✓ Au moins 2 ans d'expérience en santé communautaire ou gestion des services de santé publique
    Années d'expérience en santé communautaire : « 4 ans » = 4 ans ; au moins 2 requis
  ✓ Candidature reçue au plus tard le 23 février 2024 à 12h00 GMT
    Horodateur : « 2024/02/16 5:40:23 AM UTC » = 16 février 2024 à 5h40 (heure de Bamako) ; date
    limite 23 février 2024 à 12h00 (heure de Bamako)
  ✓ Dossier complet (CV, lettre de motivation, attestations de travail, copie du diplôme)
    Documents fournis : « CV, Lettre de motivation, Attestations de travail, Copie du diplôme » ;
    requis : CV ; lettre de motivation ; attestations de travail ; copie du diplôme

Préférences
  ? Diplôme en médecine, développement communautaire, sociologie ou santé publique — 0 point sur 15
    Diplôme le plus élevé : « BT santé » ; Domaine d'études : « Santé » ; domaine attendu :
    médecine, développement communautaire, sociologie, santé publique ; domaine reconnu : santé
    (moins précis que médecine, santé publique)
  ✗ Maîtrise en santé publique, santé communautaire ou engagement communautaire et redevabilité —
    0 point sur 15
    Diplôme le plus élevé : « BT santé » ; Domaine d'études : « Santé » ; niveau bac, au moins bac+4
    requis ; domaine attendu : santé publique, santé communautaire, engagement communautaire ;
    domaine reconnu : santé (moins précis que santé publique, santé communautaire)
  ✓ Expérience de terrain au-delà du minimum (pleine valeur à 8 ans) — 25 points sur 25
    Années d'expérience terrain : « neuf ans » = 9 ans ; au moins 3 requis
  ✗ Expérience de terrain au niveau du district — 0 point sur 10
    Expérience au niveau district sanitaire : « Non » ; « oui » requis
  ✓ Expérience avec l'USAID ou d'autres bailleurs de fonds — 10 points sur 10
    Expérience avec l'USAID ou un autre bailleur : « Oui » ; « oui » requis
  ✓ Expérience au Mali ou en Afrique subsaharienne — 10 points sur 10
    Expérience au Mali ou en Afrique subsaharienne : « Oui » ; « oui » requis
  ✓ Expérience en amélioration de la qualité et formation clinique des prestataires —
    10 points sur 10
    Expérience en amélioration de la qualité ou formation clinique : « Oui » ; « oui » requis
  ✓ Expérience dans la constitution et le management des équipes — 5 points sur 5
    Expérience en constitution et management d'équipes : « Oui » ; « oui » requis

"#
    );
}

#[test]
fn explain_in_english_on_a_terminal_of_80_columns() {
    assert_eq!(
        on_terminal(80, &["explain", JIGI, GOOGLE, "--row", "4", "--lang", "en"]),
        r#"Fatoumata Diarra — row 4 of examples/google-forms-district-officer.csv
Status: ineligible, score 70 / 100 (Bougouni)

Requirements
  ✓ Diplôme en médecine, TSS, développement communautaire ou sociologie, ou
    diplôme équivalent avec au moins 2 ans d'expérience
    one of the following:
    ✓ Diplôme le plus élevé: "Doctorat en médecine"; Domaine d'études:
      "Médecine"; subject wanted: médecine, technicien supérieur de santé,
      développement communautaire, sociologie
    ✓ all of the following:
      ✓ Diplôme le plus élevé: "Doctorat en médecine"; level doctorat, at least
        bac+3 required
      ✓ Années d'expérience terrain: "6 ans" = 6 years; at least 2 required
  ✓ Au moins 3 ans d'expérience professionnelle sur le terrain
    Années d'expérience terrain: "6 ans" = 6 years; at least 3 required
  ✓ Au moins 2 ans d'expérience en santé communautaire ou gestion des services
    de santé publique
    Années d'expérience en santé communautaire: "4 ans" = 4 years; at least 2
    required
  ✗ Candidature reçue au plus tard le 23 février 2024 à 12h00 GMT
    Horodateur: "2024/02/23 12:05:00 PM UTC" = 23 February 2024, 12:05 (Bamako
    time); deadline 23 February 2024, 12:00 (Bamako time); 5 minutes late
  ✓ Dossier complet (CV, lettre de motivation, attestations de travail, copie du
    diplôme)
    Documents fournis: "CV, Lettre de motivation, Attestations de travail, Copie
    du diplôme"; required: CV; lettre de motivation; attestations de travail;
    copie du diplôme

Preferences
  ✓ Diplôme en médecine, développement communautaire, sociologie ou santé
    publique — 15 of 15 points
    Diplôme le plus élevé: "Doctorat en médecine"; Domaine d'études: "Médecine";
    subject wanted: médecine, développement communautaire, sociologie, santé
    publique
  ✗ Maîtrise en santé publique, santé communautaire ou engagement communautaire
    et redevabilité — 0 of 15 points
    Diplôme le plus élevé: "Doctorat en médecine"; Domaine d'études: "Médecine";
    level doctorat, at least bac+4 required; subject wanted: santé publique,
    santé communautaire, engagement communautaire; field recognised: medicine
  ✓ Expérience de terrain au-delà du minimum (pleine valeur à 8 ans) —
    15 of 25 points
    Années d'expérience terrain: "6 ans" = 6 years; at least 3 required
  ✓ Expérience de terrain au niveau du district — 10 of 10 points
    Expérience au niveau district sanitaire: "Oui"; "yes" required
  ✓ Expérience avec l'USAID ou d'autres bailleurs de fonds — 10 of 10 points
    Expérience avec l'USAID ou un autre bailleur: "Oui"; "yes" required
  ✓ Expérience au Mali ou en Afrique subsaharienne — 10 of 10 points
    Expérience au Mali ou en Afrique subsaharienne: "Oui"; "yes" required
  ✓ Expérience en amélioration de la qualité et formation clinique des
    prestataires — 10 of 10 points
    Expérience en amélioration de la qualité ou formation clinique: "Oui"; "yes"
    required
  ✗ Expérience dans la constitution et le management des équipes — 0 of 5 points
    Expérience en constitution et management d'équipes: "Non"; "yes" required

"#
    );
}

/// `inspect` fits its table to the terminal; piped, it cuts nothing.
#[test]
fn inspect_fits_a_terminal_of_80_columns() {
    let shown = on_terminal(80, &["inspect", GOOGLE, "--lang", "fr"]);
    let table: Vec<&str> = shown
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
        .collect();
    assert!(table.len() > 10, "{shown}");
    for line in &table {
        assert_eq!(unicode_width::UnicodeWidthStr::width(*line), 80, "{line}");
    }
    let piped = run(&["inspect", GOOGLE, "--lang", "fr"]);
    assert!(
        piped
            .stdout
            .contains("│ Expérience en amélioration de la qualité ou formation clinique ┆"),
        "{}",
        piped.stdout
    );
}
