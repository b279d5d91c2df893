//! The copy floor: reads a CSV file with the csv crate and writes every record again with it,
//! to a file or `/dev/null`. Run on an output of every candidate, it is what writing those
//! bytes as CSV costs before any line is made. `copy-floor FILE OUT`.

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (Some(path), Some(out)) = (std::env::args().nth(1), std::env::args().nth(2)) else {
        eprintln!("usage: copy-floor FILE OUT");
        std::process::exit(2);
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)?;
    let file = std::io::BufWriter::with_capacity(1 << 16, std::fs::File::create(out)?);
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(file);
    let mut record = csv::ByteRecord::new();
    let mut rows = 0u64;
    while reader.read_byte_record(&mut record)? {
        writer.write_byte_record(&record)?;
        rows += 1;
    }
    writer.into_inner().map_err(|e| e.into_error())?.flush()?;
    println!("{rows}");
    Ok(())
}
