//! Copies a CSV file into the first sheet of an `.xlsx` workbook, every cell as text, in
//! constant memory: `to-xlsx IN.csv OUT.xlsx`. For the benchmark of reading workbooks.

use rust_xlsxwriter::Workbook;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: to-xlsx IN.csv OUT.xlsx");
        std::process::exit(2);
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(input)?;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory()?;
    let mut record = csv::StringRecord::new();
    let mut row: u32 = 0;
    while reader.read_record(&mut record)? {
        for (column, cell) in record.iter().enumerate() {
            sheet.write_string(row, u16::try_from(column)?, cell)?;
        }
        row += 1;
    }
    book.save(output)?;
    Ok(())
}
