//! The parse floor: reads a CSV file with the csv crate, record by record, and counts the
//! rows. What screening costs beyond this is the tool's own work. `parse-floor FILE`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse-floor FILE");
        std::process::exit(2);
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_path(path)?;
    let mut record = csv::ByteRecord::new();
    let mut rows = 0u64;
    while reader.read_byte_record(&mut record)? {
        rows += 1;
    }
    println!("{rows}");
    Ok(())
}
