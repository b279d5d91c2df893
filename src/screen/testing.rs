//! A small posting and candidate files written on the fly, for the tests of the screening.

use crate::ingest::{Options, Source};
use crate::posting::Posting;
use std::path::{Path, PathBuf};

/// A posting of a degree, years, a submission time, a name and an e-mail, shortlisting two
/// per duty station.
pub(crate) const POSTING: &str = "
posting: { id: t, title: Agent, deadline: 2024-02-23T12:00:00Z }
fields:
  at: { column: Horodateur, type: datetime }
  name: { column: Nom, type: text }
  email: { column: Email, type: email }
  station: { column: Poste, type: text }
  degree: { column: Diplome, type: degree }
  years: { column: Experience, type: years }
candidate:
  name: name
  contact: [email]
  submitted_at: at
  duplicates: { by: [email], keep: latest }
requirements:
  - id: diplome
    degree: { field: degree, min_level: bac+3 }
  - id: experience
    years: { field: years, min: 2 }
shortlist: { size: 2, per: station }
";

/// The header of files for [`POSTING`].
pub(crate) const HEADER: &str = "Horodateur,Nom,Email,Poste,Diplome,Experience";

/// The posting `yaml`, which must be valid.
pub(crate) fn posting(yaml: &str) -> Posting {
    let loaded = crate::posting::parse(yaml.as_bytes());
    loaded
        .posting
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics))
}

/// `text` written to `name` in `dir`.
pub(crate) fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write a candidate file");
    path
}

/// The file at `path` opened for reading.
pub(crate) fn source(path: &Path) -> Source {
    Source::open(path, &Options::default()).expect("open a candidate file")
}

/// A file of `rows` candidates for [`POSTING`], varied enough to fill every status.
pub(crate) fn candidates(rows: usize) -> String {
    let mut text = format!("{HEADER}\n");
    let degrees = [
        "Licence",
        "Master en santé publique",
        "BAC",
        "",
        "DUT",
        "Doctorat",
    ];
    let years = ["3", "1", "5 ans", "environ 4", "", "10"];
    let stations = ["Sikasso", "Bamako", "Kayes"];
    for i in 0..rows {
        text.push_str(&format!(
            "{:02}/02/2024 10:{:02},Candidat {i},c{}@example.org,{},{},{}\n",
            1 + i % 28,
            i % 60,
            i % (rows / 2 + 1),
            stations[i % 3],
            degrees[i % 6],
            years[(i / 6) % 6],
        ));
    }
    text
}
