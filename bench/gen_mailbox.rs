//! Writes a recruitment mailbox for benchmarks: `gen-mailbox APPLICATIONS OUT.mbox [SEED]`.
//! Each application carries three PDFs (a CV, a letter, work certificates) with a text layer
//! and a scanned-looking image stream that gives them a real size (about 60 KB each); one
//! message in twenty is something else (an automatic reply, the officer's reply). The same
//! seed gives the same file.

use std::io::{BufWriter, Write};

#[path = "rng.rs"]
mod rng;
use rng::Rng;

const FIRST: &[&str] = &[
    "Aminata",
    "Awa",
    "Fatoumata",
    "Mariam",
    "Kadiatou",
    "Hawa",
    "Moussa",
    "Ibrahim",
    "Seydou",
    "Oumar",
    "Adama",
    "Bakary",
    "Drissa",
    "Boubacar",
    "Modibo",
    "Salif",
];
const LAST: &[&str] = &[
    "Traoré",
    "Coulibaly",
    "Diarra",
    "Keïta",
    "Dao",
    "Dembélé",
    "Sidibé",
    "Touré",
    "Konaté",
    "Sangaré",
    "Ouattara",
    "Koné",
    "Maïga",
    "Cissé",
    "Samaké",
    "Bagayoko",
];
const DIPLOMAS: &[&str] = &[
    "Doctorat en medecine",
    "Master en sante publique",
    "Licence en sociologie",
    "Maitrise en developpement communautaire",
    "Technicien superieur de sante",
    "BTS en comptabilite",
    "Licence en economie",
];

/// A one-page PDF with `lines` in its text layer and `filler` bytes of image stream.
fn pdf(lines: &[String], filler: usize, rng: &mut Rng) -> Vec<u8> {
    let text: String = lines
        .iter()
        .map(|l| format!("({}) '", l.replace(['(', ')', '\\'], " ")))
        .collect::<Vec<_>>()
        .join(" ");
    let content =
        format!("BT /F1 11 Tf 60 780 Td 14 TL {text} ET q 200 0 0 100 60 500 cm /Im1 Do Q");
    let image: Vec<u8> = (0..filler).map(|_| rng.next() as u8).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>".to_vec(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend(content.as_bytes());
    stream.extend(b"\nendstream");
    objects.push(stream);
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    let side = ((filler as f64).sqrt() as usize).max(1);
    let mut img = format!(
        "<< /Type /XObject /Subtype /Image /Width {side} /Height {} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n",
        filler / side,
        filler
    )
    .into_bytes();
    img.extend(&image);
    img.extend(b"\nendstream");
    objects.push(img);
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (k, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", k + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// `bytes` in base64, in lines of 76 characters.
fn base64(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + bytes.len() / 57 + 4);
    for (k, chunk) in bytes.chunks(3).enumerate() {
        if k > 0 && k.is_multiple_of(19) {
            out.push('\n');
        }
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(DIGITS[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(count), Some(path)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: gen-mailbox APPLICATIONS OUT.mbox [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42u64);
    let mut rng = Rng(seed | 1);
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    let mut written = 0;
    let mut k = 0usize;
    while written < count {
        k += 1;
        let day = 1 + k % 28;
        let (hour, minute) = (k % 24, k % 60);
        let date = format!("Thu, {day:02} Feb 2024 {hour:02}:{minute:02}:00 +0000");
        writeln!(
            out,
            "From sender@example Thu Feb {day:02} {hour:02}:{minute:02}:00 2024"
        )?;
        if k.is_multiple_of(20) {
            // Not an application: an automatic reply.
            write!(
                out,
                "From: Absent <absent{k}@exemple.ml>\nTo: recrutement.jigi@gmail.com\nSubject: Réponse automatique : absent\nAuto-Submitted: auto-replied\nDate: {date}\n\nJe suis absent.\n\n"
            )?;
            continue;
        }
        written += 1;
        let (first, last) = (rng.pick(FIRST), rng.pick(LAST));
        let diploma = rng.pick(DIPLOMAS);
        let years = 1 + rng.below(12);
        let phone = format!(
            "7{} {:02} {:02} {:02}",
            rng.below(10),
            rng.below(100),
            rng.below(100),
            rng.below(100)
        );
        let cv = pdf(
            &[
                "CURRICULUM VITAE".into(),
                format!("{first} {last}"),
                format!("Formation : {diploma}"),
                format!("Experience : {years} ans de terrain"),
            ],
            50_000 + rng.below(20_000),
            &mut rng,
        );
        let letter = pdf(
            &[
                "Lettre de motivation".into(),
                "Objet : candidature au poste de District Officer".into(),
                format!("{first} {last}"),
            ],
            50_000 + rng.below(20_000),
            &mut rng,
        );
        let work = pdf(
            &["ATTESTATION DE TRAVAIL".into(), format!("{first} {last}")],
            50_000 + rng.below(20_000),
            &mut rng,
        );
        let address = format!(
            "{}.{}{k}@gmail.com",
            first.to_lowercase(),
            last.to_lowercase().replace(['é', 'ï', 'è'], "e")
        );
        write!(
            out,
            "From: {first} {last} <{address}>\nTo: recrutement.jigi@gmail.com\nSubject: Candidature au poste de District Officer\nDate: {date}\nReceived: by mx.google.com; {date}\nMessage-ID: <{k}@exemple.ml>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b{k}\"\n\n--b{k}\nContent-Type: text/plain; charset=utf-8\n\nVeuillez trouver mon dossier.\n{first} {last}\nTél : {phone}\n"
        )?;
        for (name, bytes) in [
            (format!("CV_{last}.pdf"), cv),
            ("Lettre de motivation.pdf".to_string(), letter),
            ("Attestations de travail.pdf".to_string(), work),
        ] {
            write!(
                out,
                "--b{k}\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"{name}\"\nContent-Transfer-Encoding: base64\n\n{}\n",
                base64(&bytes)
            )?;
        }
        writeln!(out, "--b{k}--\n")?;
    }
    out.flush()
}
