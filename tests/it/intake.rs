//! `shortlist intake`: a recruitment mailbox made into a candidates file. The mailbox is
//! written here, message by message: applications, the officer's reply, an automatic reply, a
//! delivery failure, a message to another address, hostile attachment names.

use std::path::Path;

const RECRUITER: &str = "recrutement@ong-jigi.org";

/// A message with attachments (name, text), as a mail program writes it.
fn message(headers: &str, body: &str, attachments: &[(&str, &str)]) -> String {
    let mut out = String::from(headers);
    if attachments.is_empty() {
        out.push_str("Content-Type: text/plain; charset=utf-8\n\n");
        out.push_str(body);
        out.push('\n');
        return out;
    }
    out.push_str("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"BOUNDARY\"\n\n");
    out.push_str("--BOUNDARY\nContent-Type: text/plain; charset=utf-8\n\n");
    out.push_str(body);
    out.push('\n');
    for (name, bytes) in attachments {
        out.push_str(&format!(
            "--BOUNDARY\nContent-Type: application/octet-stream; name=\"{name}\"\nContent-Disposition: attachment; filename=\"{name}\"\nContent-Transfer-Encoding: 7bit\n\n{bytes}\n"
        ));
    }
    out.push_str("--BOUNDARY--\n");
    out
}

/// A small mailbox: three applications and four messages that are not.
fn mailbox() -> String {
    let messages = [
        message(
            &format!(
                "From: \"Awa Traoré\" <awa.traore@gmail.com>\nTo: {RECRUITER}\nSubject: Candidature District Officer\nDate: Fri, 16 Feb 2024 10:00:00 +0000\nReceived: from mx by ong-jigi.org; Fri, 16 Feb 2024 10:00:05 +0000\nMessage-ID: <1@gmail.com>\n"
            ),
            "Bonjour,\nveuillez trouver mon dossier.\nAwa Traoré\nTél : 76 12 34 56",
            &[
                ("CV_Awa_Traore.pdf", "%PDF-1.4 cv"),
                ("Lettre de motivation.docx", "PK lettre"),
            ],
        ),
        message(
            &format!(
                "From: {RECRUITER}\nTo: awa.traore@gmail.com\nSubject: Re: Candidature District Officer\nDate: Fri, 16 Feb 2024 11:00:00 +0000\n"
            ),
            "Bien reçu.",
            &[],
        ),
        message(
            &format!(
                "From: \"Moussa Diarra\" <moussa@yahoo.fr>\nTo: {RECRUITER}\nSubject: =?UTF-8?B?Q2FuZGlkYXR1cmUgw6AgbCdvZmZyZQ==?=\nDate: Fri, 23 Feb 2024 12:01:00 +0000\nMessage-ID: <2@yahoo.fr>\n"
            ),
            "Mon dossier.",
            &[
                ("../../etc/passwd", "root"),
                ("CON.pdf", "%PDF diplome"),
                ("\u{202e}fdp.exe", "MZ"),
            ],
        ),
        message(
            &format!(
                "From: \"Auto\" <moussa@yahoo.fr>\nTo: {RECRUITER}\nSubject: Réponse automatique : absent\nAuto-Submitted: auto-replied\nDate: Fri, 23 Feb 2024 12:02:00 +0000\n"
            ),
            "Je suis absent.",
            &[],
        ),
        message(
            &format!(
                "From: MAILER-DAEMON@ong-jigi.org\nTo: {RECRUITER}\nSubject: Undelivered Mail Returned to Sender\nDate: Fri, 23 Feb 2024 12:03:00 +0000\n"
            ),
            "Delivery failed.",
            &[],
        ),
        message(
            "From: \"Fanta Keïta\" <fanta@outlook.fr>\nTo: autre@ong-jigi.org\nSubject: Facture\nDate: Fri, 23 Feb 2024 12:04:00 +0000\n",
            "Voici la facture.",
            &[],
        ),
        message(
            &format!(
                "From: Fanta Keita <fanta@outlook.fr>\nTo: \"Recrutement\" <{RECRUITER}>\nSubject: Candidature\nDate: Thu, 22 Feb 2024 09:00:00 +0100\nMessage-ID: <3@outlook.fr>\n"
            ),
            "Sans pièce jointe.",
            &[],
        ),
    ];
    messages
        .iter()
        .map(|m| format!("From sender@example Mon Jan  1 00:00:00 2024\n{m}\n"))
        .collect()
}

fn files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("boite.mbox"), mailbox()).expect("mbox");
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    crate::common::shortlist()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .expect("written")
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
}

/// Every file under `dir`, relative to it, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).expect("under").display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_mailbox_becomes_a_candidates_file_and_every_message_is_accounted_for() {
    let dir = files();
    let out = run_in(
        dir.path(),
        &[
            "intake",
            "boite.mbox",
            "-o",
            "candidatures.csv",
            "--to",
            RECRUITER,
            "--lang",
            "fr",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "avertissement : candidature de awa.traore@gmail.com : CV_Awa_Traore.pdf : texte non lu (« couldn't parse input »)\n\
         avertissement : candidature de awa.traore@gmail.com : Lettre de motivation.docx : texte non lu (« invalid Zip archive: Could not find EOCD »)\n\
         avertissement : candidature de moussa@yahoo.fr : CON.pdf : texte non lu (« couldn't parse input »)\n\
         remarque : 3 pièces jointes à identifier (colonne documents) : ni le nom ni le texte ne disent quel document c'est\n\
         7 messages lus : 3 candidatures, 4 autres messages → candidatures.csv\n"
    );
    assert_eq!(
        read(&dir.path().join("candidatures.csv")),
        "reçu le;envoyé le;nom;adresse e-mail;téléphone;objet;pièces jointes;documents;diplôme;dossier;message-id\n\
         2024-02-16T10:00:05Z;2024-02-16T10:00:00Z;Awa Traoré;awa.traore@gmail.com;76 12 34 56;Candidature District Officer;CV_Awa_Traore.pdf, Lettre de motivation.docx;CV, lettre de motivation;;candidatures-pieces/0002-awa-traore;1@gmail.com\n\
         2024-02-23T12:01:00Z;2024-02-23T12:01:00Z;Moussa Diarra;moussa@yahoo.fr;;Candidature à l'offre;../../etc/passwd, CON.pdf, \u{202e}fdp.exe;à identifier : ../../etc/passwd, CON.pdf, \u{202e}fdp.exe;;candidatures-pieces/0003-moussa-diarra;2@yahoo.fr\n\
         2024-02-22T09:00:00+01:00;2024-02-22T09:00:00+01:00;Fanta Keita;fanta@outlook.fr;;Candidature;;aucune pièce jointe;;;3@outlook.fr\n"
    );
    assert_eq!(
        read(&dir.path().join("candidatures.rejets.csv")),
        "message;expéditeur;objet;raison\n\
         boite.mbox, message 2;recrutement@ong-jigi.org;Re: Candidature District Officer;envoyé depuis l'adresse du recrutement\n\
         boite.mbox, message 4;moussa@yahoo.fr;Réponse automatique : absent;réponse automatique\n\
         boite.mbox, message 5;mailer-daemon@ong-jigi.org;Undelivered Mail Returned to Sender;échec de distribution\n\
         boite.mbox, message 6;fanta@outlook.fr;Facture;pas adressé à l'adresse du recrutement\n"
    );
    // Every attachment in its applicant's folder, under a safe name; nothing outside.
    assert_eq!(
        tree(&dir.path().join("candidatures-pieces")),
        [
            "0002-awa-traore/CV_Awa_Traore.pdf",
            "0002-awa-traore/Lettre de motivation.docx",
            "0003-moussa-diarra/_._etc_passwd",
            "0003-moussa-diarra/_CON.pdf",
            "0003-moussa-diarra/_fdp.exe",
        ]
    );
    assert!(!dir.path().join("etc").exists());
    // The candidates file is an ordinary one: `inspect` reads it.
    let out = run_in(dir.path(), &["inspect", "candidatures.csv", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("3 candidate rows"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A message that is not one, or too broken to read, is listed, and the run goes on.
#[test]
fn broken_messages_are_listed_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("vide.eml"), "\n\n").expect("write");
    std::fs::write(
        dir.path().join("ok.eml"),
        "From: a@x.ml\nTo: b@x.ml\nSubject: Candidature\nDate: Fri, 16 Feb 2024 10:00:00 +0000\n\nCorps\n",
    )
    .expect("write");
    let out = run_in(
        dir.path(),
        &["intake", ".", "-o", "../c.xlsx", "--lang", "en", "-q"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(dir.path().join("../c.xlsx")).expect("xlsx");
    assert_eq!(book.sheet_names(), ["Applications", "Other messages"]);
    let apps = book.worksheet_range("Applications").expect("sheet");
    assert_eq!(apps.rows().count(), 2);
    let others = book.worksheet_range("Other messages").expect("sheet");
    let rows: Vec<Vec<String>> = others
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[1][0].ends_with("vide.eml"), "{rows:?}");
    assert!(rows[1][3].starts_with("unreadable: "), "{rows:?}");
    std::fs::remove_file(dir.path().join("../c.xlsx")).ok();
}

/// Runs intake on a bundled mailbox with its posting's intake version, in `dir`.
fn intake_example(dir: &Path, mailbox: &str, to: &str, posting: &str, extra: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Copied beside the output, the mailbox is named as the officer would name it.
    std::fs::copy(root.join("examples").join(mailbox), dir.join(mailbox)).expect("copy");
    let posting = root.join("postings").join(posting);
    let mut args = vec![
        "intake",
        mailbox,
        "--to",
        to,
        "--posting",
        posting.to_str().expect("utf-8"),
        "-o",
        "c.csv",
    ];
    args.extend(extra);
    let out = run_in(dir, &args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The expected file `name` of `tests/expected/intake/`.
fn expected(name: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    read(&root.join("tests/expected/intake").join(name))
}

const JIGI: &str = "jigi-district-officer-courriel.yaml";
const CARE: &str = "care-an-ka-jiko-engagement-communautaire-courriel.yaml";

/// Intake of the bundled JIGI mailbox with its posting, in `dir`.
fn jigi_intake(dir: &Path, extra: &[&str]) -> String {
    intake_example(
        dir,
        "boite-recrutement.mbox",
        "recrutement.jigi@gmail.com",
        JIGI,
        extra,
    )
}

/// Intake of the bundled CARE mailbox with its posting, in `dir`.
fn care_intake(dir: &Path, extra: &[&str]) -> String {
    intake_example(
        dir,
        "boite-an-ka-jiko.mbox",
        "recrutement.ankajiko@gmail.com",
        CARE,
        extra,
    )
}

/// The bundled JIGI mailbox (`scripts/make-mailbox.py`): the whole candidates file with the
/// posting's columns to type in, the other messages, the counts and the attachment tree.
#[test]
fn the_bundled_mailbox_becomes_the_candidates_file_an_officer_completes() {
    let dir = tempfile::tempdir().expect("dir");
    let stderr = jigi_intake(dir.path(), &[]);
    assert_eq!(
        stderr,
        "remarque : 1 pièce jointe à identifier (colonne documents) : ni le nom ni le texte ne disent quel document c'est ; --ocr lit la première page des scans et des images avec tesseract\n\
         26 messages lus : 22 candidatures, 4 autres messages → c.csv\n"
    );
    assert_eq!(
        read(&dir.path().join("c.csv")),
        expected("boite-recrutement.csv")
    );
    assert_eq!(
        read(&dir.path().join("c.rejets.csv")),
        expected("boite-recrutement.rejets.csv")
    );
    assert_eq!(
        tree(&dir.path().join("c-pieces")).join("\n") + "\n",
        expected("boite-recrutement.pieces.txt")
    );
}

/// Screens `c.csv` in `dir` with the posting, and gives each row's name, status and the ids
/// of the requirements it fails.
fn screened(dir: &Path, posting: &str) -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let posting = root.join("postings").join(posting);
    let out = run_in(
        dir,
        &[
            "screen",
            posting.to_str().expect("utf-8"),
            "c.csv",
            "--all",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut rows: Vec<(u64, (String, String, String))> = json["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| {
            let failed: Vec<&str> = c["rules"]
                .as_array()
                .map(|r| {
                    r.iter()
                        .filter(|x| x["kind"] == "requirement" && x["outcome"] == "fail")
                        .filter_map(|x| x["id"].as_str())
                        .collect()
                })
                .unwrap_or_default();
            (
                c["row"].as_u64().expect("row"),
                (
                    c["name"].as_str().unwrap_or_default().to_string(),
                    c["status"].as_str().expect("status").to_string(),
                    failed.join(" "),
                ),
            )
        })
        .collect();
    rows.sort();
    rows.into_iter().map(|(_, r)| r).collect()
}

fn owned(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

/// The JIGI posting's intake version decides what e-mail can tell, as a careful officer
/// would: late by a minute, a missing letter or diploma, no attachment and a diploma below
/// the posting's are out; a resubmission keeps the latest on-time one; a scan nothing could
/// read waits for a person; everyone else waits for the years the officer types in. Once
/// typed, the shortlist follows.
#[test]
fn the_jigi_intake_posting_screens_the_mailbox_as_an_officer_would() {
    let dir = tempfile::tempdir().expect("dir");
    jigi_intake(dir.path(), &["-q"]);
    let review = |name| (name, "review", "");
    assert_eq!(
        screened(dir.path(), JIGI),
        owned(&[
            review("Aminata Traoré"),
            review("Moussa Coulibaly"),
            ("Fatoumata Diarra", "ineligible", "dossier"),
            review("Ibrahim Keïta"),
            // Sent again complete two days later: that one is kept.
            ("Mariam Dao", "duplicate", "dossier"),
            ("Seydou Dembélé", "ineligible", "dossier"),
            review("Kadiatou Sidibé"),
            ("Oumar Touré", "ineligible", "diplome"),
            // Its diploma is a scan without text: the dossier is not known to be incomplete.
            review("Adama Konaté"),
            review("Rokia Sanogo"),
            review("Boubacar Maïga"),
            review("Salimata Cissé"),
            review("youssouf.diallo@gmail.com"),
            review("Modibo Samaké"),
            review("Assitan Bagayoko"),
            review("Mariam Dao"),
            // Sent again after the deadline: the on-time one is kept.
            ("Ibrahim Keïta", "duplicate", "delai"),
            // Received at 12:00:00 exactly: on time.
            review("Nana Kanté"),
            // Received at 12:01.
            ("Bakary Sangaré", "ineligible", "delai"),
            ("Awa Sangaré", "ineligible", "dossier"),
            // The zip's names count; its CV is not read, so no diploma is known.
            review("Drissa Ouattara"),
            review("Hawa Koné"),
        ])
    );
    // `à compléter` says the same.
    let file = read(&dir.path().join("c.csv"));
    let worth: Vec<&str> = file
        .lines()
        .skip(1)
        .map(|l| l.rsplit(';').next().unwrap_or(""))
        .collect();
    assert_eq!(
        worth,
        [
            "oui", "oui", "non", "oui", "non", "non", "oui", "non", "oui", "oui", "oui", "oui",
            "oui", "oui", "oui", "oui", "non", "oui", "non", "non", "oui", "oui"
        ]
    );
    // The officer types the location and years of three of them: they are shortlisted.
    let header: Vec<&str> = file.lines().next().expect("header").split(';').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let typed: Vec<String> = file
        .lines()
        .map(|line| {
            let mut cells: Vec<String> = line.split(';').map(String::from).collect();
            let years = match cells[2].as_str() {
                "Aminata Traoré" => Some(("Sikasso", "7", "5")),
                "Kadiatou Sidibé" => Some(("Sikasso", "8", "6")),
                "Nana Kanté" => Some(("Bougouni", "4", "3")),
                _ => None,
            };
            if let Some((place, field, chw)) = years {
                cells[at("Poste souhaité")] = place.into();
                cells[at("Années d'expérience terrain")] = field.into();
                cells[at("Années d'expérience en santé communautaire")] = chw.into();
            }
            cells.join(";")
        })
        .collect();
    std::fs::write(dir.path().join("c.csv"), typed.join("\n")).expect("typed");
    let after = screened(dir.path(), JIGI);
    let shortlisted: Vec<&str> = after
        .iter()
        .filter(|r| r.1 == "shortlisted")
        .map(|r| r.0.as_str())
        .collect();
    assert_eq!(
        shortlisted,
        ["Aminata Traoré", "Kadiatou Sidibé", "Nana Kanté"]
    );
}

/// The CARE posting's intake version reads the subject rule on `objet`: the post named in
/// other letters passes, another subject fails, and so does a message received after the
/// whole of 21 September in Bamako.
#[test]
fn the_care_intake_posting_reads_the_subject_rule() {
    let dir = tempfile::tempdir().expect("dir");
    care_intake(dir.path(), &["-q"]);
    let review = |name| (name, "review", "");
    assert_eq!(
        screened(dir.path(), CARE),
        owned(&[
            review("Mamadou Traoré"),
            review("Aïssata Coulibaly"),
            ("Sory Diakité", "ineligible", "objet"),
            ("Fanta Konaré", "ineligible", "objet"),
            ("Abdoulaye Berthé", "ineligible", "delai"),
            review("Kadidia Togola"),
        ])
    );
}

/// With `--ocr` and tesseract installed, the scanned diploma is read: the dossier is
/// complete. Where tesseract is missing the test says it was skipped, unless
/// `SHORTLIST_REQUIRE_OCR` is set (CI installs it).
#[test]
fn ocr_reads_the_scanned_diploma_when_tesseract_is_installed() {
    let installed = std::process::Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        assert!(
            std::env::var_os("SHORTLIST_REQUIRE_OCR").is_none(),
            "SHORTLIST_REQUIRE_OCR is set but tesseract is not installed"
        );
        eprintln!("skipped: tesseract is not installed (Debian tesseract-ocr, tesseract-ocr-fra)");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let stderr = jigi_intake(dir.path(), &["--ocr"]);
    assert_eq!(
        stderr,
        "26 messages lus : 22 candidatures, 4 autres messages → c.csv\n"
    );
    let file = read(&dir.path().join("c.csv"));
    let adama = file
        .lines()
        .find(|l| l.contains("Adama Konaté"))
        .expect("row");
    assert!(
        adama.contains(" scan0001.pdf;CV, attestations de travail, diplôme, lettre de motivation;Licence en sociologie;"),
        "{adama}"
    );
}

/// The HTML report on a candidates file from intake links each candidate to their
/// attachment folder, from wherever it is written; a blind report links nobody.
#[test]
fn the_report_links_each_candidate_to_their_attachment_folder() {
    let dir = tempfile::tempdir().expect("dir");
    jigi_intake(dir.path(), &["-q"]);
    std::fs::create_dir(dir.path().join("rapports")).expect("dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let posting = root.join("postings").join(JIGI);
    let posting = posting.to_str().expect("utf-8");
    let report = |extra: &[&str]| {
        let mut args = vec!["report", posting, "c.csv", "-o", "rapports/r.html", "-q"];
        args.extend(extra);
        let out = run_in(dir.path(), &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(dir.path().join("rapports/r.html")).expect("report")
    };
    let html = report(&[]);
    let link = "<a href=\"../c-pieces/0002-aminata-traore/\">Aminata Traoré</a>";
    assert!(html.contains(link), "{html}");
    assert!(
        dir.path()
            .join("rapports/../c-pieces/0002-aminata-traore/Diplome.pdf")
            .is_file()
    );
    // Awa Sangaré sent no attachment: no folder, no link.
    assert!(html.contains("<td>Awa Sangaré</td>"), "{html}");
    std::fs::remove_file(dir.path().join("rapports/r.html")).expect("removed");
    assert!(!report(&["--blind"]).contains("<a href=\"../c-pieces"));
}

/// A message of the hostile mailbox: `headers`, then a body of `parts` when there are some.
fn mime(headers: &str, parts: &[String]) -> String {
    let mut m = format!(
        "From: Candidat <candidat@x.ml>\nTo: {RECRUITER}\nDate: Fri, 16 Feb 2024 10:00:00 +0000\n{headers}"
    );
    if parts.is_empty() {
        m.push_str("\nCorps.\n");
    } else {
        m.push_str("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n");
        for p in parts {
            m.push_str("--B\n");
            m.push_str(p);
            m.push('\n');
        }
        m.push_str("--B--\n");
    }
    m
}

/// `bytes` in base64 (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (k, b)| n | u32::from(*b) << (16 - 8 * k));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(DIGITS[(n >> (18 - 6 * k) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// An attachment part named `name` holding `bytes`.
fn attached(name: &str, bytes: &[u8]) -> String {
    let body = base64(bytes);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).expect("ascii"))
        .collect();
    format!(
        "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"{name}\"\nContent-Transfer-Encoding: base64\n\n{}",
        lines.join("\n")
    )
}

/// Hostile messages each give a row or a listed reject with its cause: malformed MIME, an
/// unknown charset, a header of 1 MB, 10,000 attachments, a zip bomb, encrypted and
/// looping PDFs, an attachment over 25 MB. Never a panic, a hang, or a file outside the
/// attachments folder.
#[test]
fn hostile_messages_each_give_a_row_or_a_listed_reject() {
    let dir = tempfile::tempdir().expect("dir");
    let fixture = |name: &str| {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/intake")
                .join(name),
        )
        .expect("fixture")
    };
    let many: Vec<String> = (0..10_000)
        .map(|k| format!("Content-Type: text/plain\nContent-Disposition: attachment; filename=\"f{k}.txt\"\n\nx"))
        .collect();
    let head = format!(
        "From: Candidat <candidat@x.ml>\nTo: {RECRUITER}\nDate: Fri, 16 Feb 2024 10:00:00 +0000\n"
    );
    let messages = [
        // A multipart without a boundary, and one whose boundary never comes.
        format!(
            "{head}Subject: Sans frontière\nMIME-Version: 1.0\nContent-Type: multipart/mixed\n\n--X\nContent-Type: text/plain\n\nCorps\n--X--\n"
        ),
        format!(
            "{head}Subject: Frontière absente\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=NOPE\n\n--AUTRE\nCorps\n"
        ),
        // An unknown charset, in a header and in the body.
        format!(
            "{head}Subject: =?x-inconnu?Q?Candidature_=E9t=E9?=\nMIME-Version: 1.0\nContent-Type: text/plain; charset=x-inconnu\n\nCandidature \u{e9}t\u{e9}\n"
        ),
        mime(
            &format!("Subject: En-tête énorme\nX-Long: {}\n", "a".repeat(1 << 20)),
            &[],
        ),
        mime("Subject: Dix mille pièces\n", &many),
        mime(
            "Subject: Pièces piégées\n",
            &[
                attached("bombe.docx", &fixture("bombe.docx")),
                attached("bombe.zip", &fixture("bombe.docx")),
                attached("chiffre.pdf", &fixture("chiffre.pdf")),
                attached("boucle.pdf", &fixture("boucle.pdf")),
                attached("cycle.pdf", &fixture("cycle.pdf")),
            ],
        ),
        mime(
            "Subject: Trop lourde\n",
            &[attached("video.mp4", &vec![0u8; 26 << 20])],
        ),
    ];
    let mbox: String = messages
        .iter()
        .map(|m| format!("From sender@example Mon Jan  1 00:00:00 2024\n{m}\n"))
        .collect();
    std::fs::write(dir.path().join("boite.mbox"), mbox).expect("mbox");
    let out = run_in(
        dir.path(),
        &[
            "intake",
            "boite.mbox",
            "--to",
            RECRUITER,
            "-o",
            "c.csv",
            "--lang",
            "fr",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for told in [
        "candidature de candidat@x.ml : 9\u{202f}900 pièces de plus, non enregistrées\n",
        "candidature de candidat@x.ml : chiffre.pdf : texte non lu (« chiffré »)\n",
        "candidature de candidat@x.ml : cycle.pdf : texte non lu (« reference cycle with object ID 3 0 »)\n",
        "candidature de candidat@x.ml : video.mp4 : 27\u{202f}262\u{202f}976 octets, trop grande : non enregistrée\n",
        "7 messages lus : 7 candidatures, 0 autre message → c.csv\n",
    ] {
        assert!(stderr.contains(told), "{told}\n{stderr}");
    }
    let file = read(&dir.path().join("c.csv"));
    let subjects: Vec<&str> = file
        .lines()
        .skip(1)
        .map(|l| l.split(';').nth(5).unwrap_or(""))
        .collect();
    assert_eq!(
        subjects,
        [
            "Sans frontière",
            "Frontière absente",
            // Bytes of an unknown charset are shown as such, never guessed.
            "Candidature \u{fffd}t\u{fffd}",
            "En-tête énorme",
            "Dix mille pièces",
            "Pièces piégées",
            "Trop lourde"
        ]
    );
    // The zip bomb's first paragraph is read, the rest never unzipped; its names count.
    let trapped = file
        .lines()
        .find(|l| l.contains("Pièces piégées"))
        .expect("row");
    assert!(
        trapped.contains(";CV, à identifier : bombe.zip, chiffre.pdf, boucle.pdf, cycle.pdf;"),
        "{trapped}"
    );
    let tree = tree(&dir.path().join("c-pieces"));
    assert_eq!(
        tree.iter()
            .filter(|p| p.starts_with("0006-candidat/"))
            .count(),
        100
    );
    assert_eq!(
        tree.iter()
            .filter(|p| p.starts_with("0007-candidat/"))
            .collect::<Vec<_>>(),
        [
            "0007-candidat/bombe.docx",
            "0007-candidat/bombe.zip",
            "0007-candidat/boucle.pdf",
            "0007-candidat/chiffre.pdf",
            "0007-candidat/cycle.pdf"
        ]
    );
    assert!(!tree.iter().any(|p| p.starts_with("0008-")), "{tree:?}");
}

/// A 5 GB mbox (sparse here) is read in bounded memory: its endless message is listed as too
/// large, and the messages around it are read.
#[test]
fn a_five_gigabyte_mbox_is_read_message_by_message() {
    use std::io::{Seek, SeekFrom, Write};
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("boite.mbox");
    let mut f = std::fs::File::create(&path).expect("mbox");
    f.write_all(b"From x Mon Jan 1 00:00:00 2024\nFrom: a@x.ml\nSubject: un\nDate: Fri, 16 Feb 2024 10:00:00 +0000\n\ncorps\nFrom y Mon Jan 1 00:00:00 2024\nFrom: b@x.ml\nSubject: deux\n\n")
        .expect("write");
    f.seek(SeekFrom::Start(5 << 30)).expect("seek");
    f.write_all(b"\nFrom z Mon Jan 1 00:00:00 2024\nFrom: c@x.ml\nSubject: trois\nDate: Fri, 16 Feb 2024 10:00:00 +0000\n\ncorps\n")
        .expect("write");
    drop(f);
    let out = run_in(
        dir.path(),
        &["intake", "boite.mbox", "-o", "c.csv", "--lang", "fr"],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "3 messages lus : 2 candidatures, 1 autre message → c.csv\n"
    );
    assert_eq!(
        read(&dir.path().join("c.rejets.csv")),
        "message;expéditeur;objet;raison\n\
         boite.mbox, message 2;;;illisible : message de 5\u{202f}368\u{202f}708\u{202f}989 octets, trop grand\n"
    );
}

/// A large mailbox shows a progress bar on a terminal (here a pseudo-terminal made by
/// `script`), and none in a pipe.
#[test]
fn a_large_mailbox_shows_a_progress_bar_on_a_terminal_only() {
    let dir = tempfile::tempdir().expect("dir");
    let message = format!(
        "From x Mon Jan 1 00:00:00 2024\nFrom: a@x.ml\nSubject: s\nDate: Fri, 16 Feb 2024 10:00:00 +0000\n\n{}\n",
        "corps ".repeat(2000)
    );
    std::fs::write(dir.path().join("boite.mbox"), message.repeat(1000)).expect("mbox");
    let piped = run_in(
        dir.path(),
        &["intake", "boite.mbox", "-o", "a.csv", "--lang", "fr"],
    );
    assert_eq!(
        String::from_utf8_lossy(&piped.stderr),
        "1\u{202f}000 messages lus : 1\u{202f}000 candidatures, 0 autre message → a.csv\n"
    );
    let command = format!(
        "{} intake boite.mbox -o b.csv --lang fr",
        env!("CARGO_BIN_EXE_shortlist")
    );
    let Ok(out) = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .output()
    else {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    };
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("lecture ░"), "{shown}");
    assert!(shown.contains("1\u{202f}000 messages lus"), "{shown}");
}
