//! Workbooks under attack: a cell placed far away, a part that claims to unzip to gigabytes.
//! Each is read within the limits of a candidate file, in bounded memory, or refused.

use crate::common::run;

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

/// Runs `shortlist` with its address space capped at `mib` MiB: a read that would take more
/// memory fails instead of swapping the machine.
#[cfg(unix)]
fn run_capped(mib: u64, args: &[&str]) -> crate::common::Output {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {}; exec \"$0\" \"$@\"", mib * 1024))
        .arg(env!("CARGO_BIN_EXE_shortlist"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("sh");
    crate::common::Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
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
    let far = far.display().to_string();
    let out = run_capped(
        2048,
        &["screen", MINIMAL, &far, "--format", "json", "--all"],
    );
    let took = started.elapsed();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
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
        "shortlist : erreur : examples/google-forms-district-officer.csv : le fichier ne peut pas être lu : --sheet Feuil1 désigne une feuille de classeur, et ce fichier est un CSV\n"
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

/// A workbook named `name` in `dir` whose first sheet holds `rows` (each its number and its
/// cells from column A) as inline strings: what no writer of workbooks makes.
fn crafted_sheet(dir: &std::path::Path, name: &str, rows: &[(u32, &[&str])]) -> std::path::PathBuf {
    let book = dir.join("book.xlsx");
    workbook(&book, &[]);
    let rows: String = rows
        .iter()
        .map(|(r, cells)| {
            let cells: String = cells
                .iter()
                .zip('A'..)
                .map(|(t, c)| format!("<c r=\"{c}{r}\" t=\"inlineStr\"><is><t>{t}</t></is></c>"))
                .collect();
            format!("<row r=\"{r}\">{cells}</row>")
        })
        .collect();
    let sheet = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData></worksheet>"
    );
    let crafted = dir.join(name);
    with_sheet(&book, &sheet, &crafted);
    crafted
}

/// A cell of 2 MB (Excel holds 32,767 characters; a hand-made file holds anything) ends the
/// reading with an error naming its row and column, as in a CSV file.
#[test]
fn a_cell_past_the_limit_ends_the_reading_at_its_row() {
    let dir = tempfile::tempdir().expect("dir");
    let huge = "A".repeat(2_000_000);
    let crafted = crafted_sheet(
        dir.path(),
        "huge-cell.xlsx",
        &[
            (1, &["Horodateur", "Diplôme", "Expérience"]),
            (2, &["2024-02-20", "Licence", "3"]),
            (3, &["2024-02-20", &huge, "3"]),
        ],
    );
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
    let out = run(&[
        "inspect",
        "tests/fixtures/workbooks/calamine-issues.xlsb",
        "--lang",
        "fr",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        r#"tests/fixtures/workbooks/calamine-issues.xlsb
classeur, feuille « datatypes », 5 lignes de candidats (0 vide, 0 illisible)

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

/// An OpenDocument spreadsheet of one sheet, `Feuille1`, holding the rows given as XML.
fn ods(path: &std::path::Path, rows: &str) {
    use std::io::Write;
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Feuille1\">{rows}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    let mut writer = zip::ZipWriter::new(std::fs::File::create(path).expect("ods"));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = stored.compression_method(zip::CompressionMethod::Deflated);
    for (name, text, options) in [
        (
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            stored,
        ),
        ("content.xml", content.as_str(), deflated),
        ("META-INF/manifest.xml", manifest, deflated),
    ] {
        writer.start_file(name, options).expect("start");
        writer.write_all(text.as_bytes()).expect("write");
    }
    writer.finish().expect("finish");
}

/// An `.ods` row of text cells.
fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|c| format!("<table:table-cell office:value-type=\"string\"><text:p>{c}</text:p></table:table-cell>"))
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

/// The header and candidate rows every workbook below starts with.
fn ods_candidates() -> String {
    [
        ods_row(&["Horodateur", "Diplôme", "Expérience"]),
        ods_row(&["2024-02-20", "Licence", "3"]),
        ods_row(&["2024-02-21", "Master", "5 ans"]),
    ]
    .concat()
}

/// An `.ods` is read as every workbook is, rows repeated by `number-rows-repeated` included.
#[test]
fn an_ods_workbook_is_read_with_its_repeated_rows() {
    let dir = tempfile::tempdir().expect("dir");
    let book = dir.path().join("candidatures.ods");
    let repeated = ods_row(&["2024-02-22", "Doctorat", "1"]).replace(
        "<table:table-row>",
        "<table:table-row table:number-rows-repeated=\"3\">",
    );
    ods(&book, &format!("{}{repeated}", ods_candidates()));
    let name = book.display().to_string();
    let out = run(&["screen", MINIMAL, &name, "--format", "csv", "--all"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<String> = out
        .stdout
        .lines()
        .skip(1)
        .map(|l| {
            let fields: Vec<&str> = l.split(',').collect();
            format!("{},{}", fields[4], fields[1])
        })
        .collect();
    assert_eq!(
        rows,
        [
            "shortlisted,2",
            "shortlisted,3",
            "ineligible,4",
            "ineligible,5",
            "ineligible,6",
        ],
        "{}",
        out.stdout
    );
}

/// A `.xls` (BIFF8, as Excel 97–2003 writes it) is read as every workbook is.
#[test]
fn an_xls_workbook_is_read() {
    let out = run(&[
        "inspect",
        "tests/fixtures/workbooks/candidates.xls",
        "--lang",
        "fr",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "tests/fixtures/workbooks/candidates.xls\nclasseur, feuille « Candidatures », 2 lignes de candidats (0 vide, 0 illisible)\n"
        ),
        "{}",
        out.stdout
    );
}

/// A cell at XFD1048576 of an `.ods`, which calamine would lay out as a rectangle of 17
/// billion cells, is refused from the XML alone, in no time and little memory.
#[cfg(unix)]
#[test]
fn an_ods_cell_far_away_is_refused_before_the_sheet_is_laid_out() {
    let dir = tempfile::tempdir().expect("dir");
    let book = dir.path().join("loin.ods");
    let far = "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>\
               <table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/>\
               <table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>";
    ods(&book, &format!("{}{far}", ods_candidates()));
    let name = book.display().to_string();
    let started = std::time::Instant::now();
    let out = run_capped(512, &["screen", MINIMAL, &name]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "shortlist: error: {name}: sheet `Feuille1` spans rows 1 to 1048574 and columns A to XFD, 17179836416 cells: a .ods workbook is read whole, and its sheets may span 2000000 cells in all; delete the cells far from the table, or save the workbook as .xlsx or CSV\n"
        )
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

/// Rows that each reach the last column are refused as soon as the cells calamine would
/// gather for them pass the limit, before it gathers them (10,000 such rows took 12 GB).
#[cfg(unix)]
#[test]
fn ods_rows_reaching_the_last_column_are_refused_before_they_are_gathered() {
    let dir = tempfile::tempdir().expect("dir");
    let book = dir.path().join("large.ods");
    let wide = "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>a</text:p></table:table-cell>\
                <table:table-cell table:number-columns-repeated=\"16382\"/>\
                <table:table-cell office:value-type=\"string\"><text:p>b</text:p></table:table-cell></table:table-row>";
    ods(
        &book,
        &format!("{}{}", ods_candidates(), wide.repeat(10_000)),
    );
    let name = book.display().to_string();
    let out = run_capped(512, &["screen", MINIMAL, &name]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "shortlist: error: {name}: sheet `Feuille1` spans rows 1 to 123 and columns A to XFD, 2015232 cells: a .ods workbook is read whole, and its sheets may span 2000000 cells in all; delete the cells far from the table, or save the workbook as .xlsx or CSV\n"
        )
    );
}

/// An `.ods` of 600,000 repeated candidate rows, within the limit, is read whole in less than
/// 300 MiB: its cells are given out from calamine's sheet, not copied into rows first
/// (measured: 232 MB at its peak, against 372 MB copied).
#[cfg(target_os = "linux")]
#[test]
fn a_large_ods_within_the_limit_is_read_in_bounded_memory() {
    let dir = tempfile::tempdir().expect("dir");
    let book = dir.path().join("many.ods");
    let repeated = ods_row(&["2024-02-22", "Licence", "3"]).replace(
        "<table:table-row>",
        "<table:table-row table:number-rows-repeated=\"600000\">",
    );
    ods(&book, &format!("{}{repeated}", ods_candidates()));
    let name = book.display().to_string();
    let (out, peak) = crate::common::run_measured(&["screen", MINIMAL, &name, "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(doc["summary"]["total"], 600_002, "{}", doc["summary"]);
    assert_eq!(doc["inputs"][0]["encoding"], "ods");
    assert!(peak < 300 * 1024, "peak {peak} KiB");
}

/// A `.xls` whose sheets have a cell at IV65536 (each 16.7 million cells laid out, 537 MB)
/// is refused from its records alone, before calamine lays any out.
#[cfg(unix)]
#[test]
fn xls_sheets_spanning_more_than_the_limit_are_refused() {
    let out = run_capped(
        2048,
        &["inspect", "tests/fixtures/workbooks/far-sheets.xls"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "shortlist: error: tests/fixtures/workbooks/far-sheets.xls: sheet `Loin 1` spans rows 1 to 65536 and columns A to IV, 16777216 cells: a .xls workbook is read whole, and its sheets may span 2000000 cells in all; delete the cells far from the table, or save the workbook as .xlsx or CSV\n"
    );
}

/// A `.xls` whose list of sheets points past the end of its data is refused as damaged
/// (calamine would slice past the end and stop the process).
#[test]
fn a_xls_sheet_entry_past_the_end_is_refused_as_damaged() {
    let out = run(&[
        "inspect",
        "tests/fixtures/workbooks/damaged-sheet-entry.xls",
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "shortlist: error: tests/fixtures/workbooks/damaged-sheet-entry.xls: the workbook is damaged: sheet `Candidatures` starts past the end of its data\n"
    );
}

/// A workbook is read as what its content is, whatever its name says: an `.ods` saved as
/// `.xlsx`, a `.xls` named `.xlsx`.
#[test]
fn a_workbook_is_read_as_its_content_says() {
    let dir = tempfile::tempdir().expect("dir");
    let ods_named_xlsx = dir.path().join("candidatures.xlsx");
    ods(&ods_named_xlsx, &ods_candidates());
    let xls_named_xlsx = dir.path().join("ancien.xlsx");
    std::fs::copy("tests/fixtures/workbooks/candidates.xls", &xls_named_xlsx).expect("copy");
    for (book, kind) in [(ods_named_xlsx, "ods"), (xls_named_xlsx, "xls")] {
        let name = book.display().to_string();
        let out = run(&["screen", MINIMAL, &name, "--format", "json"]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
        assert_eq!(doc["inputs"][0]["encoding"], kind);
        assert_eq!(doc["summary"]["shortlisted"], 2, "{}", doc["summary"]);
    }
}

/// A row past Excel's 1,048,576 (no spreadsheet writes one; a hand-made file can) ends the
/// reading there with an error: a workbook's rows are kept in memory, and so are bounded.
#[test]
fn a_row_past_the_last_of_a_sheet_ends_the_reading() {
    let dir = tempfile::tempdir().expect("dir");
    let crafted = crafted_sheet(
        dir.path(),
        "past.xlsx",
        &[
            (1, &["Horodateur", "Diplôme", "Expérience"]),
            (2, &["2024-02-20", "Licence", "3"]),
            (1_048_577, &["2024-02-20"]),
        ],
    );
    let name = crafted.display().to_string();
    let out = run(&["screen", MINIMAL, &name]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "shortlist: error: {name}: row 1048577: the file could not be read past this row: row 1048577 is past the 1048576 rows a sheet may have\n"
        )
    );
}

/// A `.xls` whose records are shorter than their kind (a fuzz finding: calamine indexes past
/// their end and panics) is reported as damaged, with exit 2, not as an internal error.
#[test]
fn a_xls_record_cut_short_is_a_damaged_workbook() {
    let dir = tempfile::tempdir().expect("dir");
    let book = dir.path().join("abime.xls");
    std::fs::copy(
        "tests/fixtures/fuzz/workbook/crash-ecacbb241a471871e887cb268aefc0ec4f2267e7",
        &book,
    )
    .expect("copy");
    let name = book.display().to_string();
    let out = run(&["screen", MINIMAL, &name]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "shortlist: error: {name}: the workbook is damaged and cannot be read (range end index 4 out of range for slice of length 3)\n"
        )
    );
}
