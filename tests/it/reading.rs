//! Cells as candidates type them, read end to end: every reader reads the whole cell, or
//! sends the candidate to review; never a value the cell does not say.

use crate::common::run;

const MESSY: &str = "tests/fixtures/reading/messy.yaml";
const MESSY_CSV: &str = "tests/fixtures/reading/messy.csv";

/// Every candidate of `csv` screened against `yaml`, as CSV.
fn everyone(yaml: &str, csv: &str) -> crate::common::Output {
    run(&["screen", yaml, csv, "--all", "--format", "csv"])
}

#[test]
fn messy_cells_and_mixed_line_ends_are_read_whole() {
    // The file mixes LF, CRLF and lone CR line ends: ten candidates, none merged.
    let out = run(&["screen", MESSY, MESSY_CSV, "--all", "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        r#"file,row,group,rank,status,score,score_max,name,email,phone,submitted_at,experience,dossier,reasons
tests/fixtures/reading/messy.csv,3,,1,shortlisted,0,0,Bina,bina@exemple.ml,,,pass,pass,"rang 1, score 0 / 0"
tests/fixtures/reading/messy.csv,4,,,review,0,0,Cheick,cheick@exemple.ml,,,unknown,pass,Au moins 3 ans d'expérience : à vérifier — Années : « 3 stages » ne se lit pas comme un nombre d'années ; au moins 3 requis
tests/fixtures/reading/messy.csv,6,,,review,0,0,Fanta,fanta@exemple.ml,,,pass,unknown,"CV et lettre de motivation : à vérifier — Documents : « CV, lettre, diplôme » ; manque : lettre de motivation ; non reconnu : lettre"
tests/fixtures/reading/messy.csv,7,,,review,0,0,Hawa,hawa@exemple.ml,,,unknown,pass,"Au moins 3 ans d'expérience : à vérifier — Années : « 2 ans chez MSF, 3 ans chez CARE » ne se lit pas comme un nombre d'années ; au moins 3 requis"
tests/fixtures/reading/messy.csv,9,,,review,0,0,Kadi,kadi@exemple.ml,,,unknown,pass,Au moins 3 ans d'expérience : à vérifier — Années : « < 2 ans » ne se lit pas comme un nombre d'années ; au moins 3 requis
tests/fixtures/reading/messy.csv,10,,,review,0,0,Lamine,lamine@exemple.ml,,,unknown,pass,Au moins 3 ans d'expérience : à vérifier — Années : « 18 mois (1 an et demi) » ne se lit pas comme un nombre d'années ; au moins 3 requis
tests/fixtures/reading/messy.csv,2,,,ineligible,0,0,Awa,awa@exemple.ml,,,fail,pass,"Au moins 3 ans d'expérience : Années : « 3 semaines » = 0,06 an ; au moins 3 requis"
tests/fixtures/reading/messy.csv,5,,,ineligible,0,0,Djeneba,djeneba@exemple.ml,,,fail,pass,"Au moins 3 ans d'expérience : Années : « 2 ans 1/2 » = 2,5 ans ; au moins 3 requis"
tests/fixtures/reading/messy.csv,8,,,ineligible,0,0,Issa,issa@exemple.ml,,,pass,fail,"CV et lettre de motivation : Documents : « CV, lettre de recommandation » ; manque : lettre de motivation"
tests/fixtures/reading/messy.csv,11,,,ineligible,0,0,Mariam,mariam@exemple.ml,,,fail,fail,"Au moins 3 ans d'expérience : Années : « 1 an et 1/2 » = 1,5 an ; au moins 3 requis | CV et lettre de motivation : Documents : « CV » ; manque : lettre de motivation"
"#
    );
}

#[test]
fn one_number_in_any_form_is_one_person_and_placeholders_are_nobody() {
    // `76123456.0` (a spreadsheet's float) and `+223 76 12 34 56` are one number, as are
    // `+33 (0)6 …` and `0033 6 …`; `11111111`, `12345678`, `12345` and two numbers in one
    // cell identify nobody, so the rows that share them stay apart.
    let out = everyone(
        "tests/fixtures/reading/phones.yaml",
        "tests/fixtures/reading/phones.csv",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        r#"file,row,group,rank,status,score,score_max,name,email,phone,submitted_at,joignable,reasons
tests/fixtures/reading/phones.csv,3,,1,shortlisted,0,0,Awa Diarra,,+22376123456,2024-02-11,pass,"rang 1, score 0 / 0"
tests/fixtures/reading/phones.csv,4,,2,shortlisted,0,0,Bina,,11111111,2024-02-12,pass,"rang 2, score 0 / 0"
tests/fixtures/reading/phones.csv,5,,3,shortlisted,0,0,Cheick,,11111111,2024-02-13,pass,"rang 3, score 0 / 0"
tests/fixtures/reading/phones.csv,6,,4,eligible,0,0,Djeneba,,12345678,2024-02-14,pass,"en réserve : rang 4, score 0 / 0"
tests/fixtures/reading/phones.csv,7,,5,eligible,0,0,Fanta,,12345678,2024-02-15,pass,"en réserve : rang 5, score 0 / 0"
tests/fixtures/reading/phones.csv,8,,6,eligible,0,0,Hawa,,12345,2024-02-16,pass,"en réserve : rang 6, score 0 / 0"
tests/fixtures/reading/phones.csv,9,,7,eligible,0,0,Issa,,12345,2024-02-17,pass,"en réserve : rang 7, score 0 / 0"
tests/fixtures/reading/phones.csv,10,,8,eligible,0,0,Kadi,,76 12 34 57 / 66 12 34 57,2024-02-18,pass,"en réserve : rang 8, score 0 / 0"
tests/fixtures/reading/phones.csv,11,,9,eligible,0,0,Lamine,,76 12 34 57 / 66 12 34 57,2024-02-19,pass,"en réserve : rang 9, score 0 / 0"
tests/fixtures/reading/phones.csv,13,,10,eligible,0,0,Moussa,,+33612345678,2024-02-21,pass,"en réserve : rang 10, score 0 / 0"
tests/fixtures/reading/phones.csv,14,,11,eligible,0,0,Oumou,,+22320221234,2024-02-22,pass,"en réserve : rang 11, score 0 / 0"
tests/fixtures/reading/phones.csv,2,,,duplicate,0,0,Awa,,+22376123456,2024-02-10,pass,la ligne 3 est gardée (même Téléphone)
tests/fixtures/reading/phones.csv,12,,,duplicate,0,0,Mariam,,+33612345678,2024-02-20,pass,la ligne 13 est gardée (même Téléphone)
"#
    );
}

#[test]
fn diplomas_are_read_for_their_level_and_their_fields_of_study() {
    // Fields of study after ISCED-F 2013: word forms and diplomas that imply a field pass;
    // `Licence` with a blank field, a diploma not obtained, or a word nobody knows beside a
    // field elsewhere are unknown; `médecine vétérinaire` is not medicine.
    let out = everyone(
        "tests/fixtures/reading/degrees.yaml",
        "tests/fixtures/reading/degrees.csv",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        r#"file,row,group,rank,status,score,score_max,name,email,phone,submitted_at,comptable,reasons
tests/fixtures/reading/degrees.csv,2,,1,shortlisted,0,0,Awa,,,,pass,"rang 1, score 0 / 0"
tests/fixtures/reading/degrees.csv,3,,2,shortlisted,0,0,Bina,,,,pass,"rang 2, score 0 / 0"
tests/fixtures/reading/degrees.csv,4,,3,shortlisted,0,0,Cheick,,,,pass,"rang 3, score 0 / 0"
tests/fixtures/reading/degrees.csv,8,,4,eligible,0,0,Issa,,,,pass,"en réserve : rang 4, score 0 / 0"
tests/fixtures/reading/degrees.csv,10,,5,eligible,0,0,Lamine,,,,pass,"en réserve : rang 5, score 0 / 0"
tests/fixtures/reading/degrees.csv,5,,,review,0,0,Djeneba,,,,unknown,"Licence en comptabilité ou finance : à vérifier — Diplôme : « Licence » ; Domaine : vide ; niveau bac+3, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; aucun domaine d'études reconnu"
tests/fixtures/reading/degrees.csv,9,,,review,0,0,Kadi,,,,unknown,"Licence en comptabilité ou finance : à vérifier — Diplôme : « Master en cours » ; Domaine : « Finance » ; niveau non reconnu, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : finance, banque et assurance"
tests/fixtures/reading/degrees.csv,12,,,review,0,0,Moussa,,,,unknown,"Licence en comptabilité ou finance : à vérifier — Diplôme : « Licence en sociologie et zorglubologie » ; Domaine : vide ; niveau bac+3, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : sociologie, et des mots non reconnus"
tests/fixtures/reading/degrees.csv,6,,,ineligible,0,0,Fanta,,,,fail,"Licence en comptabilité ou finance : Diplôme : « Licence en sociologie » ; Domaine : vide ; niveau bac+3, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : sociologie"
tests/fixtures/reading/degrees.csv,7,,,ineligible,0,0,Hawa,,,,fail,"Licence en comptabilité ou finance : Diplôme : « Brevet de technicien supérieur » ; Domaine : « Comptabilité » ; niveau bac+2, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : comptabilité et fiscalité"
tests/fixtures/reading/degrees.csv,11,,,ineligible,0,0,Mariam,,,,fail,"Licence en comptabilité ou finance : Diplôme : « B.T.S en comptabilité » ; Domaine : vide ; niveau bac+2, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : comptabilité et fiscalité"
tests/fixtures/reading/degrees.csv,13,,,ineligible,0,0,Oumou,,,,fail,"Licence en comptabilité ou finance : Diplôme : « Médecine vétérinaire » ; Domaine : vide ; niveau non reconnu, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : médecine vétérinaire"
"#
    );
}
