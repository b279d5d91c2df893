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
         7 messages lus : 3 candidatures, 4 autres messages → candidatures.csv\n"
    );
    assert_eq!(
        read(&dir.path().join("candidatures.csv")),
        "reçu le;envoyé le;nom;adresse e-mail;téléphone;objet;pièces jointes;documents;diplôme;dossier;message-id\n\
         2024-02-16T10:00:05Z;2024-02-16T10:00:00Z;Awa Traoré;awa.traore@gmail.com;76 12 34 56;Candidature District Officer;CV_Awa_Traore.pdf, Lettre de motivation.docx;CV, lettre de motivation;;0002-awa-traore;1@gmail.com\n\
         2024-02-23T12:01:00Z;2024-02-23T12:01:00Z;Moussa Diarra;moussa@yahoo.fr;;Candidature à l'offre;../../etc/passwd, CON.pdf, \u{202e}fdp.exe;;;0003-moussa-diarra;2@yahoo.fr\n\
         2024-02-22T09:00:00+01:00;2024-02-22T09:00:00+01:00;Fanta Keita;fanta@outlook.fr;;Candidature;;;;;3@outlook.fr\n"
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

/// The bundled mailbox (`scripts/make-mailbox.py`): every message accounted for, a zip's
/// names counted as documents, a file name in Latin-1 decoded.
#[test]
fn the_bundled_mailbox_is_read_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mailbox = root.join("examples/boite-recrutement.mbox");
    let out = run_in(
        dir.path(),
        &[
            "intake",
            &mailbox.to_string_lossy(),
            "--to",
            "recrutement.jigi@gmail.com",
            "-o",
            "c.csv",
            "--lang",
            "fr",
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "16 messages lus : 13 candidatures, 3 autres messages → c.csv\n"
    );
    let rows = read(&dir.path().join("c.csv"));
    assert!(
        rows.contains(";dossier_Ouattara.zip;CV, lettre de motivation;;0013-drissa-ouattara;"),
        "{rows}"
    );
    // The diploma read in the CV's text layer.
    assert!(
        rows.contains(";CV_Koné.pdf;CV;Licence en sociologie;0014-hawa-kone;"),
        "{rows}"
    );
    assert!(
        rows.contains(";CV_Traoré.pdf, Lettre de motivation.docx, Diplome.pdf;CV, diplôme, lettre de motivation;Doctorat en médecine;0002-aminata-traore;"),
        "{rows}"
    );
    assert!(
        dir.path()
            .join("c-pieces/0014-hawa-kone/CV_Koné.pdf")
            .is_file()
    );
    let rejects = read(&dir.path().join("c.rejets.csv"));
    assert_eq!(rejects.lines().count(), 1 + 3, "{rejects}");
}
