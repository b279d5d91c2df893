//! Workbooks under attack: a cell placed far away, a part that claims to unzip to gigabytes.
//! Each is read within the limits of a candidate file, in bounded memory, or refused.

mod common;
use common::run;

const MINIMAL: &str = "tests/fixtures/postings/minimal.yaml";

/// A workbook with the header, one candidate, and `extra` cells written where they say.
fn workbook(path: &std::path::Path, extra: &[(u32, u16, &str)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["Horodateur", "Diplôme", "Expérience"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    for (c, v) in ["2024-02-20", "Licence", "3"].iter().enumerate() {
        ws.write_string(1, c as u16, *v).expect("cell");
    }
    for (r, c, v) in extra {
        ws.write_string(*r, *c, *v).expect("cell");
    }
    book.save(path).expect("save");
}

/// A cell at XFD1048576, the last of a sheet, takes neither the sheet's size in memory nor
/// more than a few seconds: its row is unreadable (outside the header's columns), the rows
/// between are empty.
#[cfg(unix)]
#[test]
fn a_cell_at_the_end_of_the_sheet_costs_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let far = dir.path().join("far.xlsx");
    workbook(&far, &[(1_048_575, 16_383, "x")]);
    let started = std::time::Instant::now();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 2097152; exec {} screen {MINIMAL} {} --format json --all",
            env!("CARGO_BIN_EXE_shortlist"),
            far.display()
        ))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sh");
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["summary"]["unreadable"], 1, "{}", doc["summary"]);
    assert_eq!(doc["inputs"][0]["empty_rows"], 1_048_573);
    assert!(took < std::time::Duration::from_secs(60), "took {took:?}");
}

/// A part that says it unzips to 4 GB is refused before anything is unzipped.
#[test]
fn a_zip_bomb_is_refused_before_it_is_unzipped() {
    let dir = tempfile::tempdir().expect("dir");
    let book = dir.path().join("book.xlsx");
    workbook(&book, &[]);
    let mut bytes = std::fs::read(&book).expect("read");
    // The uncompressed size of the first part, in its central directory entry (offset 24).
    let at = bytes
        .windows(4)
        .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
        .expect("a central directory");
    bytes[at + 24..at + 28].copy_from_slice(&0xffff_fff0u32.to_le_bytes());
    let bomb = dir.path().join("bomb.xlsx");
    std::fs::write(&bomb, bytes).expect("write");
    let out = run(&["screen", MINIMAL, &bomb.display().to_string()]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("bytes, more than the 1073741824 a workbook may hold"),
        "{}",
        out.stderr
    );
}

/// `--sheet` names a sheet of a workbook: given with a CSV file, it is an error, not ignored.
#[test]
fn a_sheet_asked_of_a_csv_file_is_an_error() {
    let out = run(&[
        "screen",
        "postings/jigi-district-officer.yaml",
        "examples/google-forms-district-officer.csv",
        "--sheet",
        "Feuil1",
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "shortlist: error: examples/google-forms-district-officer.csv: cannot read the file: --sheet Feuil1 names a sheet of a workbook, and this is a CSV file\n"
    );
}

/// `book` with its first sheet's XML replaced by `sheet`: what no writer of workbooks makes.
fn with_sheet(book: &std::path::Path, sheet: &str, out: &std::path::Path) {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::fs::File::open(book).expect("book")).expect("zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).expect("out"));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().expect("name").to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        if name == "xl/worksheets/sheet1.xml" {
            bytes = sheet.as_bytes().to_vec();
        }
        writer.start_file(name, options).expect("start");
        writer.write_all(&bytes).expect("write");
    }
    writer.finish().expect("finish");
}

/// A cell of 2 MB (Excel holds 32,767 characters; a hand-made file holds anything) ends the
/// reading with an error naming its row and column, as in a CSV file.
#[test]
fn a_cell_past_the_limit_ends_the_reading_at_its_row() {
    let dir = tempfile::tempdir().expect("dir");
    let book = dir.path().join("book.xlsx");
    workbook(&book, &[]);
    let inline = |r: u32, c: char, t: &str| {
        format!("<c r=\"{c}{r}\" t=\"inlineStr\"><is><t>{t}</t></is></c>")
    };
    let huge = "A".repeat(2_000_000);
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\
         <row r=\"1\">{}{}{}</row><row r=\"2\">{}{}{}</row><row r=\"3\">{}{}{}</row></sheetData></worksheet>",
        inline(1, 'A', "Horodateur"),
        inline(1, 'B', "Diplôme"),
        inline(1, 'C', "Expérience"),
        inline(2, 'A', "2024-02-20"),
        inline(2, 'B', "Licence"),
        inline(2, 'C', "3"),
        inline(3, 'A', "2024-02-20"),
        inline(3, 'B', &huge),
        inline(3, 'C', "3"),
    );
    let crafted = dir.path().join("huge-cell.xlsx");
    with_sheet(&book, &sheet, &crafted);
    let name = crafted.display().to_string();
    let out = run(&["screen", MINIMAL, &name]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!(
            "shortlist: error: {name}: row 3: column `Diplôme` holds a cell of 2000000 bytes, more than the 1048576 allowed\n"
        )
    );
}

/// An `.xlsb` workbook is read cell by cell too, as an `.xlsx` is.
#[test]
fn a_binary_workbook_is_read_cell_by_cell() {
    let out = run(&["inspect", "tests/fixtures/workbooks/calamine-issues.xlsb"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        r#"tests/fixtures/workbooks/calamine-issues.xlsb
classeur, feuille « datatypes », 5 lignes de candidats (0 vides, 0 illisibles)

┌─────────┬──────────┬──────────────────┬──────┐
│ colonne ┆ remplies ┆ exemples         ┆ type │
╞═════════╪══════════╪══════════════════╪══════╡
│ 1       ┆ 5/5      ┆ 1.5 | ab | false ┆ text │
└─────────┴──────────┴──────────────────┴──────┘

fields:
  c_1: { column: '1', type: text }
"#
    );
}
