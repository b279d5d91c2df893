//! Writes a large, realistic Google Forms export for the District Officer posting, for
//! benchmarks: `gen-export ROWS OUT.csv [SEED]`. The same seed gives the same file.
//!
//! It holds what real exports hold: the form's `2024/02/20 3:08:24 PM UTC` timestamps, years
//! written in words and with decimal commas, diplomas with typos, blank cells, document lists
//! split over lines inside quotes, and people who applied twice.

use std::io::{BufWriter, Write};

#[path = "rng.rs"]
mod rng;
use rng::Rng;

const FIRST: &[&str] = &[
    "Aminata",
    "Awa",
    "Fatoumata",
    "Mariam",
    "Oumou",
    "Kadiatou",
    "Aïssata",
    "Hawa",
    "Salimata",
    "Djénéba",
    "Moussa",
    "Mamadou",
    "Ibrahim",
    "Seydou",
    "Boubacar",
    "Oumar",
    "Abdoulaye",
    "Souleymane",
    "Adama",
    "Bakary",
    "Drissa",
    "Lassina",
    "Siaka",
    "Cheick Oumar",
];
const LAST: &[&str] = &[
    "Traoré",
    "Coulibaly",
    "Diarra",
    "Keïta",
    "Konaté",
    "Sangaré",
    "Dembélé",
    "Diallo",
    "Touré",
    "Sidibé",
    "Sanogo",
    "Ouattara",
    "Koné",
    "Doumbia",
    "Berthé",
    "Maïga",
    "Cissé",
    "Kanté",
];
const DEGREES: &[(&str, &str)] = &[
    ("Master en santé publique", "Santé publique"),
    ("Licence en sociologie", "Sociologie"),
    ("Licence en sociolgie", "Sociolgie"),
    ("Doctorat en médecine", "Médecine"),
    ("Technicien Supérieur de Santé", "Santé"),
    (
        "Licence en développement communautaire",
        "Développement communautaire",
    ),
    ("Maîtrise en sociologie", "Sociologie"),
    ("Master 2 Santé communautaire", "Santé communautaire"),
    ("Licence en géographie", "Géographie"),
    ("BTS en comptabilité", "Comptabilité"),
    ("Baccalauréat", ""),
    ("DUT gestion", "Gestion"),
    ("License en anthropologie", "Anthropologie"),
];
const YEARS: &[&str] = &[
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "8",
    "10",
    "3 ans",
    "4ans",
    "5 années",
    "trois ans",
    "deux ans",
    "2 ans et demi",
    "3,5",
    "18 mois",
    "1 an 6 mois",
    "plus de 5 ans",
    "5+",
    "3-5 ans",
    "aucune",
    "néant",
    "quelques années",
    "",
];
const YES_NO: &[&str] = &["Oui", "Non", "Non", "Oui", ""];
const POSTES: &[&str] = &["Bougouni", "Koutiala", "Sikasso"];
const DOCS: &[&str] = &[
    "CV, Lettre de motivation, Attestations de travail, Copie du diplôme",
    "CV, Lettre de motivation, Attestations de travail, Copie du diplôme",
    "CV, Lettre de motivation, Attestations de travail, Copie du diplôme",
    "CV, LM, Attestations de travail, Diplôme",
    "CV, Lettre de motivation",
    "CV\nLettre de motivation\nAttestations de travail\nCopie du diplôme",
];

const HEADER: &str = "\"Horodateur\",\"Adresse e-mail\",\"Prénom\",\"Nom\",\"Téléphone\",\"Poste souhaité\",\"Diplôme le plus élevé\",\"Domaine d'études\",\"Années d'expérience terrain\",\"Années d'expérience en santé communautaire\",\"Expérience au niveau district sanitaire\",\"Expérience avec l'USAID ou un autre bailleur\",\"Expérience au Mali ou en Afrique subsaharienne\",\"Expérience en amélioration de la qualité ou formation clinique\",\"Expérience en constitution et management d'équipes\",\"Documents fournis\",\"Sexe\"";

fn ascii(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'é' | 'è' => Some('e'),
            'ï' => Some('i'),
            ' ' => None,
            c => Some(c.to_ascii_lowercase()),
        })
        .collect()
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(rows), Some(out)) = (args.get(1).and_then(|n| n.parse::<u64>().ok()), args.get(2))
    else {
        eprintln!("usage: gen-export ROWS OUT.csv [SEED]");
        std::process::exit(2);
    };
    let seed = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20240223u64);
    let w = BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    write_export(rows, seed, w)
}

/// Writes a Google Forms export of `rows` candidates, the same for the same seed.
pub fn write_export(rows: u64, seed: u64, mut w: impl Write) -> std::io::Result<()> {
    let mut rng = Rng(seed | 1);
    writeln!(w, "{HEADER}\r")?;
    // 2024-02-05 08:00 UTC, and the deadline a little after 18 days.
    let start = 1_707_120_000u64;
    for i in 0..rows {
        let t = start + rng.next() % (19 * 86_400);
        let (days, secs) = (t / 86_400, t % 86_400);
        let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
        let day = days - 19_757; // days since 2024-02-01
        let h12 = if h % 12 == 0 { 12 } else { h % 12 };
        let ampm = if h < 12 { "AM" } else { "PM" };
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        // About one applicant in forty applies twice with the same address.
        let id = if i > 10 && rng.chance(2) {
            i - 1 - rng.below(10) as u64
        } else {
            i
        };
        let (degree, study) = DEGREES[rng.below(DEGREES.len())];
        let sex = if rng.chance(50) { "Femme" } else { "Homme" };
        // One number per applicant, as people do not share phones: the applicant's number
        // scrambled over the eight digits of a Malian mobile (7x xx xx xx, 6x…, 9x…). The
        // draws that used to pick it are kept, so that the other cells stay as they were.
        for _ in 0..4 {
            rng.below(100);
        }
        let phone = 60_000_000 + (id * 48_271 + 12_345) % 40_000_000;
        write!(
            w,
            "\"2024/02/{:02} {h12}:{m:02}:{s:02} {ampm} UTC\",\"{}.{}{id}@gmail.com\",\"{first}\",\"{last}\",\"{} {:02} {:02} {:02}\",\"{}\",\"{degree}\",\"{study}\",\"{}\",\"{}\",\"{}\",\"{}\",\"{}\",\"{}\",\"{}\",\"{}\",\"{sex}\"\r\n",
            day + 1,
            ascii(first),
            ascii(last),
            phone / 1_000_000,
            phone / 10_000 % 100,
            phone / 100 % 100,
            phone % 100,
            rng.pick(POSTES),
            rng.pick(YEARS),
            rng.pick(YEARS),
            rng.pick(YES_NO),
            rng.pick(YES_NO),
            rng.pick(YES_NO),
            rng.pick(YES_NO),
            rng.pick(YES_NO),
            rng.pick(DOCS),
        )?;
    }
    w.flush()
}
