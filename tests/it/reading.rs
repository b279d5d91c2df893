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
        r#"rank,status,score,score_max,row,name,contact,experience,dossier,reasons
1,shortlisted,0,0,3,Bina,bina@exemple.ml,pass,pass,"retenu : rang 1, score 0 / 0"
,review,0,0,4,Cheick,cheick@exemple.ml,unknown,pass,Au moins 3 ans d'expérience : à vérifier — Années : « 3 stages » ne se lit pas comme un nombre d'années ; au moins 3 requis
,review,0,0,6,Fanta,fanta@exemple.ml,pass,unknown,"CV et lettre de motivation : à vérifier — Documents : « CV, lettre, diplôme » ; manque : lettre de motivation ; non reconnu : lettre"
,review,0,0,7,Hawa,hawa@exemple.ml,unknown,pass,"Au moins 3 ans d'expérience : à vérifier — Années : « 2 ans chez MSF, 3 ans chez CARE » ne se lit pas comme un nombre d'années ; au moins 3 requis"
,review,0,0,9,Kadi,kadi@exemple.ml,unknown,pass,Au moins 3 ans d'expérience : à vérifier — Années : « < 2 ans » ne se lit pas comme un nombre d'années ; au moins 3 requis
,review,0,0,10,Lamine,lamine@exemple.ml,unknown,pass,Au moins 3 ans d'expérience : à vérifier — Années : « 18 mois (1 an et demi) » ne se lit pas comme un nombre d'années ; au moins 3 requis
,ineligible,0,0,2,Awa,awa@exemple.ml,fail,pass,"Au moins 3 ans d'expérience : Années : « 3 semaines » = 0,06 an ; au moins 3 requis"
,ineligible,0,0,5,Djeneba,djeneba@exemple.ml,fail,pass,"Au moins 3 ans d'expérience : Années : « 2 ans 1/2 » = 2,5 ans ; au moins 3 requis"
,ineligible,0,0,8,Issa,issa@exemple.ml,pass,fail,"CV et lettre de motivation : Documents : « CV, lettre de recommandation » ; manque : lettre de motivation"
,ineligible,0,0,11,Mariam,mariam@exemple.ml,fail,fail,"Au moins 3 ans d'expérience : Années : « 1 an et 1/2 » = 1,5 an ; au moins 3 requis | CV et lettre de motivation : Documents : « CV » ; manque : lettre de motivation"
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
        r#"rank,status,score,score_max,row,name,contact,joignable,reasons
1,shortlisted,0,0,3,Awa Diarra,'+223 76 12 34 56,pass,"retenu : rang 1, score 0 / 0"
2,shortlisted,0,0,4,Bina,11111111,pass,"retenu : rang 2, score 0 / 0"
3,shortlisted,0,0,5,Cheick,11111111,pass,"retenu : rang 3, score 0 / 0"
4,eligible,0,0,6,Djeneba,12345678,pass,"éligible, en réserve : rang 4, score 0 / 0"
5,eligible,0,0,7,Fanta,12345678,pass,"éligible, en réserve : rang 5, score 0 / 0"
6,eligible,0,0,8,Hawa,12345,pass,"éligible, en réserve : rang 6, score 0 / 0"
7,eligible,0,0,9,Issa,12345,pass,"éligible, en réserve : rang 7, score 0 / 0"
8,eligible,0,0,10,Kadi,76 12 34 57 / 66 12 34 57,pass,"éligible, en réserve : rang 8, score 0 / 0"
9,eligible,0,0,11,Lamine,76 12 34 57 / 66 12 34 57,pass,"éligible, en réserve : rang 9, score 0 / 0"
10,eligible,0,0,13,Moussa,0033 6 12 34 56 78,pass,"éligible, en réserve : rang 10, score 0 / 0"
11,eligible,0,0,14,Oumou,Tél : 20 22 12 34,pass,"éligible, en réserve : rang 11, score 0 / 0"
,duplicate,0,0,2,Awa,76123456.0,pass,doublon : la ligne 3 est gardée (même Téléphone)
,duplicate,0,0,12,Mariam,'+33 (0)6 12 34 56 78,pass,doublon : la ligne 13 est gardée (même Téléphone)
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
        r#"rank,status,score,score_max,row,name,contact,comptable,reasons
1,shortlisted,0,0,2,Awa,,pass,"retenu : rang 1, score 0 / 0"
2,shortlisted,0,0,3,Bina,,pass,"retenu : rang 2, score 0 / 0"
3,shortlisted,0,0,4,Cheick,,pass,"retenu : rang 3, score 0 / 0"
4,eligible,0,0,8,Issa,,pass,"éligible, en réserve : rang 4, score 0 / 0"
5,eligible,0,0,10,Lamine,,pass,"éligible, en réserve : rang 5, score 0 / 0"
,review,0,0,5,Djeneba,,unknown,"Licence en comptabilité ou finance : à vérifier — Diplôme : « Licence » ; Domaine : vide ; niveau bac+3, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; aucun domaine d'études reconnu"
,review,0,0,9,Kadi,,unknown,"Licence en comptabilité ou finance : à vérifier — Diplôme : « Master en cours » ; Domaine : « Finance » ; niveau non reconnu, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : finance, banque et assurance"
,review,0,0,12,Moussa,,unknown,"Licence en comptabilité ou finance : à vérifier — Diplôme : « Licence en sociologie et zorglubologie » ; Domaine : vide ; niveau bac+3, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : sociologie, et des mots non reconnus"
,ineligible,0,0,6,Fanta,,fail,"Licence en comptabilité ou finance : Diplôme : « Licence en sociologie » ; Domaine : vide ; niveau bac+3, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : sociologie"
,ineligible,0,0,7,Hawa,,fail,"Licence en comptabilité ou finance : Diplôme : « Brevet de technicien supérieur » ; Domaine : « Comptabilité » ; niveau bac+2, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : comptabilité et fiscalité"
,ineligible,0,0,11,Mariam,,fail,"Licence en comptabilité ou finance : Diplôme : « B.T.S en comptabilité » ; Domaine : vide ; niveau bac+2, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : comptabilité et fiscalité"
,ineligible,0,0,13,Oumou,,fail,"Licence en comptabilité ou finance : Diplôme : « Médecine vétérinaire » ; Domaine : vide ; niveau non reconnu, au moins bac+3 requis ; domaine attendu : comptabilité, finance ; domaine reconnu : médecine vétérinaire"
"#
    );
}
