//! Attachments saved per applicant, with names made safe: nothing is ever written outside
//! the attachments folder. The documents an attachment is are recognised from its name.

use std::path::{Path, PathBuf};

/// Characters a saved file's name keeps at most, its extension included.
const MAX_NAME_CHARS: usize = 80;

/// Names Windows reserves for devices, which a file may not have whatever its extension.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A name safe as one file name on every system: no path separator, no `..`, no control or
/// bidirectional character, no reserved device name, no leading dot; cut when long. Never
/// empty.
pub fn safe_name(written: &str) -> String {
    let cleaned: String = written
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            // Direction overrides and isolates turn `exe.pdf` into what reads as `fdp.exe`.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => '_',
            c => c,
        })
        .collect();
    let mut name = cleaned.trim().trim_start_matches(['.', ' ']).to_string();
    while name.contains("..") {
        name = name.replace("..", ".");
    }
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        name = format!("_{name}");
    }
    if name.chars().count() > MAX_NAME_CHARS {
        let (stem, ext) = match name.rsplit_once('.') {
            Some((s, e)) if e.chars().count() <= 8 => (s.to_string(), format!(".{e}")),
            _ => (name.clone(), String::new()),
        };
        let keep = MAX_NAME_CHARS - ext.chars().count();
        name = stem.chars().take(keep).collect::<String>() + &ext;
    }
    let name = name.trim_end_matches([' ', '.']).to_string();
    if name.is_empty() {
        "piece".into()
    } else {
        name
    }
}

/// A name as a folder's words: lower case, ASCII letters and digits, hyphens between words.
fn slug(name: &str) -> String {
    let folded = crate::text::fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    words.join("-")
}

/// The folder of one applicant's attachments, made when the first is saved.
pub struct Folder {
    path: PathBuf,
    name: String,
    saved: Vec<String>,
}

impl Folder {
    /// The folder of the applicant at candidates-file row `row`: `0002-aminata-traore`.
    pub fn new(dir: &Path, row: usize, name: &str) -> Self {
        let slug = slug(name);
        let name = if slug.is_empty() {
            format!("{row:04}")
        } else {
            format!("{row:04}-{slug}")
        };
        Folder {
            path: dir.join(&name),
            name,
            saved: Vec::new(),
        }
    }

    /// Its name, under the attachments folder.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether an attachment was saved in it.
    pub fn used(&self) -> bool {
        !self.saved.is_empty()
    }

    /// Saves an attachment under a safe name, numbered when the name is taken.
    pub fn save(&mut self, written: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(&self.path)?;
        let base = safe_name(written);
        let mut name = base.clone();
        let mut k = 2;
        while self.saved.iter().any(|s| s.eq_ignore_ascii_case(&name)) {
            name = match base.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem} ({k}).{ext}"),
                None => format!("{base} ({k})"),
            };
            k += 1;
        }
        let path = self.path.join(&name);
        // `safe_name` leaves no separator: the file is in the folder, whatever was written.
        debug_assert_eq!(path.parent(), Some(self.path.as_path()));
        std::fs::write(&path, bytes)?;
        self.saved.push(name);
        Ok(path)
    }
}

/// Names a zip's directory lists at most: past them, the rest are not looked at.
const MAX_ZIP_NAMES: usize = 1_000;

/// The file names a zip archive holds, read from its directory only (nothing is unzipped);
/// none when it is not a zip.
pub fn zip_names(bytes: &[u8]) -> Vec<String> {
    match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(archive) => archive
            .file_names()
            .take(MAX_ZIP_NAMES)
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The documents a file's name shows, by the words people name them with.
pub fn documents(file_name: &str) -> Vec<&'static str> {
    let folded = crate::text::fold(file_name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A word, or its longer forms (`diplomes`); `a-b` is two words in a row.
    let has = |w: &str| {
        let parts: Vec<&str> = w.split('-').collect();
        words.windows(parts.len()).any(|run| {
            run.iter()
                .zip(&parts)
                .all(|(x, p)| x == p || (p.len() > 4 && x.starts_with(p)))
        })
    };
    // A letter of recommendation is a reference, not the letter of motivation.
    if has("recommandation") || has("recommendation") {
        return vec!["références"];
    }
    let mut out = Vec::new();
    let kinds: &[(&str, &[&str])] = &[
        ("CV", &["cv", "curriculum", "resume"]),
        (
            "lettre de motivation",
            &["motivation", "lettre", "lm", "cover"],
        ),
        ("demande manuscrite", &["manuscrite", "demande"]),
        (
            "diplôme",
            &[
                "diplome",
                "diploma",
                "licence",
                "master",
                "attestation-de-reussite",
            ],
        ),
        (
            "attestations de travail",
            &["attestation", "attestations", "certificat-de-travail"],
        ),
        ("références", &["references", "reference"]),
        (
            "pièce d'identité",
            &["cni", "identite", "passeport", "passport", "nina"],
        ),
        ("casier judiciaire", &["casier"]),
        ("certificat de nationalité", &["nationalite"]),
    ];
    // An `attestation de réussite` is a diploma's, not an employer's.
    let passed = has("attestation-de-reussite");
    for (kind, words) in kinds {
        if words.iter().any(|w| has(w)) && !(passed && *kind == "attestations de travail") {
            out.push(*kind);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_become_one_safe_file_name() {
        assert_eq!(safe_name("../../etc/passwd"), "_._etc_passwd");
        assert_eq!(safe_name("CON.pdf"), "_CON.pdf");
        assert_eq!(safe_name("nul"), "_nul");
        assert_eq!(safe_name("\u{202e}gpj.exe"), "_gpj.exe");
        assert_eq!(safe_name(".bashrc"), "bashrc");
        assert_eq!(safe_name("   "), "piece");
        assert_eq!(safe_name("a\u{0}b\nc.pdf"), "a_b_c.pdf");
        let long = format!("{}.pdf", "x".repeat(300));
        let cut = safe_name(&long);
        assert_eq!(cut.chars().count(), MAX_NAME_CHARS);
        assert!(cut.ends_with(".pdf"));
        for name in ["../x", "..", "a/../../b", "C:\\Windows\\x"] {
            let safe = safe_name(name);
            assert!(
                !safe.contains('/') && !safe.contains('\\') && !safe.contains(".."),
                "{safe}"
            );
        }
    }

    #[test]
    fn documents_are_recognised_from_file_names() {
        assert_eq!(documents("CV_Aminata_Traore.pdf"), ["CV"]);
        assert_eq!(
            documents("Lettre de motivation.docx"),
            ["lettre de motivation"]
        );
        assert_eq!(documents("diplôme-licence.pdf"), ["diplôme"]);
        assert_eq!(
            documents("Attestations_travail.pdf"),
            ["attestations de travail"]
        );
        assert!(documents("photo.jpg").is_empty());
        assert_eq!(documents("Diplomes.pdf"), ["diplôme"]);
        assert_eq!(documents("attestation de réussite.pdf"), ["diplôme"]);
        assert_eq!(documents("Lettre de recommandation.pdf"), ["références"]);
    }

    #[test]
    fn equal_names_are_numbered_in_the_applicants_folder() {
        let dir = tempfile::tempdir().expect("dir");
        let mut f = Folder::new(dir.path(), 2, "Aminata Traoré");
        assert_eq!(f.name(), "0002-aminata-traore");
        let a = f.save("cv.pdf", b"a").expect("save");
        let b = f.save("CV.pdf", b"b").expect("save");
        let c = f.save("../cv.pdf", b"c").expect("save");
        assert_eq!(a, dir.path().join("0002-aminata-traore/cv.pdf"));
        assert_eq!(b, dir.path().join("0002-aminata-traore/CV (2).pdf"));
        assert!(c.starts_with(dir.path().join("0002-aminata-traore")));
    }
}
