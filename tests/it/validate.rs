//! `shortlist validate`: every problem of a posting, with its position, and the exit codes.

use crate::common::run;

const DIR: &str = "tests/fixtures/postings";

/// Validates one fixture and returns (exit code, stderr).
fn validate(name: &str) -> (i32, String) {
    let out = run(&["validate", &format!("{DIR}/{name}")]);
    (out.code, out.stderr)
}

fn assert_invalid(name: &str, expected_errors: &[&str]) {
    let (code, stderr) = validate(name);
    let path = format!("{DIR}/{name}");
    let mut want: Vec<String> = expected_errors
        .iter()
        .map(|e| format!("error: {path}:{e}"))
        .collect();
    let n = expected_errors.len();
    want.push(format!(
        "{path}: invalid, {n} error{}",
        if n == 1 { "" } else { "s" }
    ));
    assert_eq!(stderr, want.join("\n") + "\n", "stderr of {name}");
    assert_eq!(code, 1, "exit code of {name}");
}

#[test]
fn bundled_postings_are_valid() {
    let out = run(&[
        "validate",
        "postings/jigi-district-officer.yaml",
        "postings/care-an-ka-jiko-engagement-communautaire.yaml",
    ]);
    // The JIGI posting asks « engagement communautaire », which no field of study names.
    assert_eq!(
        out.stderr,
        "remarque : postings/jigi-district-officer.yaml:91:55 : le domaine `engagement communautaire` n'est pas un domaine d'études connu : il sera reconnu par ses mots seulement\n"
    );
    assert_eq!(
        out.stdout,
        "postings/jigi-district-officer.yaml : valide — 5 exigences, 8 préférences, 16 champs, date limite 23 février 2024 à 12h00 (heure de Bamako)\n\
         postings/care-an-ka-jiko-engagement-communautaire.yaml : valide — 8 exigences, 4 préférences, 15 champs, date limite 21 septembre 2022\n"
    );
    assert_eq!(out.code, 0);
}

#[test]
fn summary_follows_lang() {
    let out = run(&["validate", "--lang", "en", &format!("{DIR}/minimal.yaml")]);
    assert_eq!(
        out.stdout,
        "tests/fixtures/postings/minimal.yaml: valid — 3 requirements, 0 preferences, 3 fields, deadline 23 February 2024\n"
    );
    assert_eq!(out.code, 0);
}

#[test]
fn misspelt_key() {
    assert_invalid(
        "misspelt-key.yaml",
        &["11:30: unknown key `min_levle` in rule `diplome`; did you mean `min_level`?"],
    );
}

#[test]
fn unknown_rule_kind() {
    assert_invalid(
        "unknown-kind.yaml",
        &["13:5: unknown rule kind `year` in rule `experience`; did you mean `years`?"],
    );
}

#[test]
fn undeclared_field() {
    assert_invalid(
        "undeclared-field.yaml",
        &[
            "13:21: `years` reads field `yaers`, which is not declared in `fields`; did you mean `years`?",
        ],
    );
}

#[test]
fn type_mismatch() {
    assert_invalid(
        "type-mismatch.yaml",
        &[
            "13:21: `years` needs a field of type `years`, but `degree` is of type `degree` (line 7)",
        ],
    );
}

#[test]
fn duplicate_id() {
    assert_invalid(
        "duplicate-id.yaml",
        &["12:9: duplicate rule id `diplome` (first used at line 10)"],
    );
}

#[test]
fn negative_weight() {
    assert_invalid(
        "negative-weight.yaml",
        &["18:13: preference `bonus`: `weight` must be a positive number, not -5"],
    );
}

#[test]
fn unknown_level() {
    assert_invalid(
        "bad-level.yaml",
        &[
            "11:41: `bac+9` is not a degree level; levels are `def`, `bac`, `bac+2`, `bac+3`, `bac+4`, `bac+5` or `doctorat`, or a diploma name such as `licence`",
        ],
    );
}

#[test]
fn impossible_date() {
    assert_invalid(
        "bad-date.yaml",
        &["4:13: `deadline`: `2024-02-30` is not a real date"],
    );
}

#[test]
fn tab_indentation() {
    assert_invalid(
        "tab-indent.yaml",
        &["8:1: a tab is used for indentation; YAML indents with spaces only"],
    );
}

#[test]
fn duplicate_keys() {
    assert_invalid(
        "duplicate-key.yaml",
        &["4:3: duplicate key `id` (first written at line 2)"],
    );
}

#[test]
fn empty_file() {
    let (code, stderr) = validate("empty.yaml");
    assert_eq!(
        stderr,
        "error: tests/fixtures/postings/empty.yaml: the file is empty; a posting needs at least `posting:`, `fields:` and one rule\n\
         tests/fixtures/postings/empty.yaml: invalid, 1 error\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn binary_file() {
    assert_invalid(
        "not-yaml.yaml",
        &["1:1: the file is not UTF-8 text; is it a posting? (save it as UTF-8)"],
    );
}

#[test]
fn anchors_and_aliases_share_a_list() {
    let (code, stderr) = validate("aliases.yaml");
    assert_eq!((code, stderr.as_str()), (0, ""));
}

#[test]
fn years_over_sixty() {
    assert_invalid(
        "years-over-sixty.yaml",
        &[
            "8:33: `years.min` is 61: no cell is read as more than 60 years",
            "10:33: `years.min` is 12345678901234568000000000: no cell is read as more than 60 years",
            "14:45: `years.full_at` is 80: no cell is read as more than 60 years",
        ],
    );
}

#[test]
fn a_look_alike_letter_is_shown_by_its_code() {
    // `tіtle` with a Cyrillic і.
    assert_invalid(
        "look-alike-key.yaml",
        &[
            "2:3: missing key `title` in `posting`",
            "3:3: unknown key `t\\u{456}tle` in `posting`; did you mean `title`?",
        ],
    );
}

#[test]
fn a_nul_byte_is_reported_where_it_stands() {
    assert_invalid(
        "nul-byte.yaml",
        &["3:12: a NUL byte: the file is not a YAML text file"],
    );
}

#[test]
fn prose_file() {
    assert_invalid(
        "prose.yaml",
        &["1:1: the top level must be a mapping with `posting:`, `fields:`, `requirements:` …"],
    );
}

#[test]
fn on_time_without_deadline() {
    assert_invalid(
        "no-deadline.yaml",
        &["14:14: `on_time` compares with `posting.deadline`, but the posting has no deadline"],
    );
}

#[test]
fn every_problem_at_once() {
    assert_invalid(
        "many-problems.yaml",
        &[
            "4:13: `openings` must be at least 1",
            "5:13: `Africa/Bamko` is not a time zone; write an IANA name such as `Africa/Bamako`, or an offset such as `UTC` or `+01:00`; did you mean `Africa/Bamako`?",
            "6:3: unknown key `langage` in `posting`; did you mean `language`?",
            "9:36: `degre` is not a valid value in field `degree`; did you mean `degree`?",
            "10:52: field `years`: `blank` applies to `yes_no` fields, and `years` is `years`",
            "16:45: `full_at` (1) is below `min` (2); credit grows from `min` up to `full_at`",
            "18:5: `yes` is not a rule kind in rule `usaid`; write `is_yes: FIELD` (YAML 1.1 tools read `yes` as a boolean)",
            "19:13: requirement `usaid` has a `weight`; requirements must pass and carry no points (move it to `preferences`)",
            "20:5: this rule has no `id`; every top-level rule needs one",
            "23:5: preference `bonus` needs a `weight` (its points)",
            "25:5: rule `deux` has two rule kinds, `is_yes` and `is_no`; a rule has exactly one (combine rules with `all_of` or `any_of`)",
            "30:9: `shortlist.size` must be at least 1",
            "31:8: `shortlist.per` reads field `lieu`, which is not declared in `fields`",
            "32:15: `tie_break`: the order is `asc` or `desc`, not `down`",
        ],
    );
}

#[test]
fn yaml11_booleans_warn_where_text_is_meant() {
    let out = run(&["validate", &format!("{DIR}/yaml11-booleans.yaml")]);
    assert_eq!(
        out.stderr,
        "warning: tests/fixtures/postings/yaml11-booleans.yaml:11:39: unquoted `yes` is read as the text \"yes\", but YAML 1.1 tools read it as a boolean; quote it: `'yes'`\n\
         warning: tests/fixtures/postings/yaml11-booleans.yaml:11:44: unquoted `no` is read as the text \"no\", but YAML 1.1 tools read it as a boolean; quote it: `'no'`\n"
    );
    assert_eq!(out.code, 0, "warnings leave the posting valid");
}

#[test]
fn invalid_yaml_from_the_test_suite_is_rejected_with_a_line() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/yaml-test-suite");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus") {
        let path = entry.expect("entry").path().join("in.yaml");
        if !path.exists() {
            continue;
        }
        seen += 1;
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .expect("inside");
        let rel = rel.to_string_lossy();
        let out = run(&["validate", &rel]);
        assert_eq!(out.code, 1, "{rel}: {}", out.stderr);
        let first = out.stderr.lines().next().unwrap_or_default();
        let prefix = format!("error: {rel}:");
        let rest = first
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{rel}: {first}"));
        let mut parts = rest.splitn(3, ':');
        let line: usize = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
        assert!(line >= 1, "{rel}: no line in {first}");
    }
    assert!(seen >= 20, "the corpus holds the suite's invalid documents");
}

#[test]
fn against_a_matching_header() {
    let out = run(&[
        "validate",
        &format!("{DIR}/minimal.yaml"),
        "--against",
        "tests/fixtures/candidates/minimal.csv",
    ]);
    assert_eq!(out.stderr, "");
    assert_eq!(out.code, 0);
}

#[test]
fn against_a_header_missing_a_column() {
    let out = run(&[
        "validate",
        &format!("{DIR}/minimal.yaml"),
        "--against",
        "tests/fixtures/candidates/minimal-cp1252.csv",
    ]);
    assert_eq!(
        out.stderr,
        "error: tests/fixtures/postings/minimal.yaml:8:20: column `Expérience` of field `years` is not in the header of tests/fixtures/candidates/minimal-cp1252.csv; did you mean `Expérience pro`?\n\
         tests/fixtures/postings/minimal.yaml: invalid, 1 error\n"
    );
    assert_eq!(out.code, 1);
}

#[test]
fn unreadable_files_exit_2() {
    let out = run(&["validate", "postings/nope.yaml"]);
    assert!(
        out.stderr
            .starts_with("error: postings/nope.yaml: cannot read the file: "),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 2);

    let out = run(&["validate", "postings"]);
    assert!(
        out.stderr
            .starts_with("error: postings: cannot read the file: "),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 2);

    let out = run(&[
        "validate",
        &format!("{DIR}/minimal.yaml"),
        "--against",
        "examples/nope.csv",
    ]);
    assert!(
        out.stderr
            .starts_with("error: examples/nope.csv: cannot read the file: "),
        "{}",
        out.stderr
    );
    assert_eq!(out.code, 2);
}

#[test]
fn bad_usage_exits_2() {
    let out = run(&["validate"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("POSTING.yaml"), "{}", out.stderr);
}

/// Writes `text` to a temporary posting and validates it, timing the run.
fn validate_text(text: &str) -> (crate::common::Output, std::time::Duration) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.yaml");
    std::fs::write(&path, text).expect("write");
    let start = std::time::Instant::now();
    let out = run(&["validate", &path.to_string_lossy()]);
    (out, start.elapsed())
}

#[test]
fn hostile_postings_end_quickly_with_a_message() {
    let laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    let deep_rules = format!(
        "posting: {{id: d, title: d}}\nfields: {{y: {{column: Y, type: yes_no}}}}\nrequirements:\n  - id: deep\n    not: {}{{is_yes: y}}{}\n",
        "{not: ".repeat(10_000),
        "}".repeat(10_000)
    );
    let deep_flow = format!("a: {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
    let big = format!(
        "posting:\n  id: big\n  title: \"{}\"\n",
        "x".repeat(2 * 1024 * 1024)
    );
    for (name, text, message) in [
        (
            "billion laughs",
            laughs.to_string(),
            "more than 10000 values once its aliases are expanded",
        ),
        (
            "deep rules",
            deep_rules,
            "nesting deeper than 64 levels is not supported",
        ),
        (
            "deep flow",
            deep_flow,
            "nesting deeper than 64 levels is not supported",
        ),
        (
            "big file",
            big,
            "more than the 1048576 bytes (1 MiB) a posting may have",
        ),
    ] {
        let (out, took) = validate_text(&text);
        assert_eq!(out.code, 1, "{name}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{name}: {}", out.stderr);
        assert!(
            took < std::time::Duration::from_secs(1),
            "{name} took {took:?}"
        );
    }
}

/// A device that never ends is read up to the limit only, under a 512 MB address-space cap.
#[cfg(unix)]
#[test]
fn endless_devices_are_read_up_to_the_limit() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 524288; exec {} validate {device}",
                env!("CARGO_BIN_EXE_shortlist")
            ))
            .output()
            .expect("sh");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{device}: {stderr}");
        assert_eq!(
            stderr,
            format!(
                "error: {device}: the file is more than the 1048576 bytes (1 MiB) a posting may have\n{device}: invalid, 1 error\n"
            )
        );
        let screen = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v 524288; exec {} screen {device} examples/google-forms-district-officer.csv",
                env!("CARGO_BIN_EXE_shortlist")
            ))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("sh");
        assert_eq!(screen.status.code(), Some(2), "{device}");
    }
}

#[test]
fn a_phone_country_must_be_a_calling_code() {
    assert_invalid(
        "unknown-phone-country.yaml",
        &["4:18: `phone_country` is a country calling code such as `+223`, not `+999`"],
    );
}

#[test]
fn a_subject_that_is_no_known_field_is_a_note_of_validate() {
    let (code, stderr) = validate("unknown-subject.yaml");
    assert_eq!(
        stderr,
        "note: tests/fixtures/postings/unknown-subject.yaml:8:57: subject `gouvernance locale` is no known field of study: it will be matched by its words only\n"
    );
    assert_eq!(code, 0);
}

/// Each row keeps an outcome per requirement and preference: a posting has at most 100 of
/// them, so that memory does not grow as rules × rows.
#[test]
fn a_posting_has_at_most_a_hundred_rules() {
    let rules = |n: usize| -> String {
        let mut text = String::from(
            "posting: {id: many, title: Many}\nfields: {ok: {column: OK, type: yes_no}}\nrequirements:\n  - id: r\n    is_yes: ok\npreferences:\n",
        );
        for k in 1..n {
            text.push_str(&format!("  - id: p{k}\n    weight: 1\n    is_yes: ok\n"));
        }
        text
    };
    let (out, _) = validate_text(&rules(100));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let (out, _) = validate_text(&rules(101));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains(":7:3: the posting has 101 requirements and preferences, more than the 100 a posting may have"),
        "{}",
        out.stderr
    );
}

/// A posting's problems, all at once, in French: each says what to write.
#[test]
fn every_problem_is_told_in_french() {
    let out = crate::common::shortlist()
        .env("LANG", "fr_ML.UTF-8")
        .args(["validate", &format!("{DIR}/many-problems.yaml")])
        .output()
        .expect("runs");
    let at = |e: &str| format!("erreur : {DIR}/many-problems.yaml:{e}");
    let want = [
        at("4:13 : `openings` doit valoir au moins 1"),
        at(
            "5:13 : `Africa/Bamko` n'est pas un fuseau horaire ; écrivez un nom IANA comme `Africa/Bamako`, ou un décalage comme `UTC` ou `+01:00` ; vouliez-vous dire `Africa/Bamako` ?",
        ),
        at("6:3 : clé inconnue `langage` dans `posting` ; vouliez-vous dire `language` ?"),
        at(
            "9:36 : `degre` n'est pas une valeur possible dans le champ `degree` ; vouliez-vous dire `degree` ?",
        ),
        at(
            "10:52 : champ `years` : `blank` s'applique aux champs de type `yes_no`, et `years` est de type `years`",
        ),
        at(
            "16:45 : `full_at` (1) est inférieur à `min` (2) ; les points croissent de `min` jusqu'à `full_at`",
        ),
        at(
            "18:5 : `yes` n'est pas un type de règle dans la règle `usaid` ; écrivez `is_yes: CHAMP` (les outils YAML 1.1 lisent `yes` comme un booléen)",
        ),
        at(
            "19:13 : l'exigence `usaid` a un `weight` ; une exigence doit être remplie et ne donne pas de points (déplacez-la dans `preferences`)",
        ),
        at("20:5 : cette règle n'a pas d'`id` ; chaque règle de premier niveau en a besoin"),
        at("23:5 : la préférence `bonus` a besoin d'un `weight` (ses points)"),
        at(
            "25:5 : la règle `deux` a deux types de règle, `is_yes` et `is_no` ; une règle en a exactement un (combinez des règles avec `all_of` ou `any_of`)",
        ),
        at("30:9 : `shortlist.size` doit valoir au moins 1"),
        at("31:8 : `shortlist.per` lit le champ `lieu`, qui n'est pas déclaré dans `fields`"),
        at("32:15 : `tie_break` : l'ordre est `asc` ou `desc`, pas `down`"),
        format!("{DIR}/many-problems.yaml : invalide, 14 erreurs"),
    ];
    assert_eq!(String::from_utf8_lossy(&out.stderr), want.join("\n") + "\n");
    assert_eq!(out.status.code(), Some(1));
}

/// Messages speak the `language` a posting declares, whatever the locale; `--lang` speaks
/// over both.
#[test]
fn a_posting_speaks_its_own_language_unless_told_otherwise() {
    let posting = "posting:\n  id: p\n  title: Agent\n  language: fr\nfields:\n  d: { column: Diplôme, type: degre }\nrequirements:\n  - id: d\n    not_blank: d\n";
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("annonce.yaml");
    std::fs::write(&path, posting).expect("write");
    let path = path.to_str().expect("path");
    let french = run(&["validate", path]);
    assert_eq!(
        french.stderr,
        format!(
            "erreur : {path}:6:31 : `degre` n'est pas une valeur possible dans le champ `d` ; vouliez-vous dire `degree` ?\n\
             {path} : invalide, 1 erreur\n"
        )
    );
    let english = run(&["validate", path, "--lang", "en"]);
    assert_eq!(
        english.stderr,
        format!(
            "error: {path}:6:31: `degre` is not a valid value in field `d`; did you mean `degree`?\n\
             {path}: invalid, 1 error\n"
        )
    );
    let screen = run(&["screen", path, "examples/google-forms-district-officer.csv"]);
    assert_eq!(
        screen.stderr,
        format!(
            "erreur : {path}:6:31 : `degre` n'est pas une valeur possible dans le champ `d` ; vouliez-vous dire `degree` ?\n\
             shortlist : erreur : {path} : l'annonce n'est pas valide (1 erreur) ; shortlist validate {path} en donne le détail\n"
        )
    );
    assert_eq!((french.code, english.code, screen.code), (1, 1, 2));
}
