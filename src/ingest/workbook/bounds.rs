//! What a workbook may cost before it is read: the size its zipped parts unzip to, and the
//! cells of the sheets that calamine reads whole (`.xls`, `.ods`).

use crate::i18n::catalogue as msg;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// Bytes a workbook's parts may hold once unzipped, all together: a few megabytes of zip
/// must not become gigabytes.
pub const MAX_UNZIPPED_BYTES: u64 = 1 << 30;

/// Bytes a workbook's shared strings may hold once unzipped: they are read whole.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 256 << 20;

/// Refuses a zipped workbook whose parts say they unzip to more than the limits (a zip
/// bomb), and tells its kind from its parts.
fn check_unzipped(path: &Path) -> Result<Kind, String> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(Kind::Unknown);
    };
    // Not a zip after all: calamine says what it is.
    let Ok(mut archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return Ok(Kind::Unknown);
    };
    let mut total: u64 = 0;
    let mut kind = Kind::Unknown;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(i) else {
            continue;
        };
        let size = entry.size();
        let name = entry.name().unwrap_or_default();
        match name.as_ref() {
            "content.xml" => kind = Kind::Ods,
            "xl/workbook.bin" => kind = Kind::Xlsb,
            "xl/workbook.xml" => kind = Kind::Xlsx,
            _ => {}
        }
        if name.ends_with("sharedStrings.xml") && size > MAX_SHARED_STRINGS_BYTES {
            return Err(msg::shared_strings_too_big(
                crate::i18n::messages(),
                size,
                MAX_SHARED_STRINGS_BYTES,
            ));
        }
        total = total.saturating_add(size);
    }
    if total > MAX_UNZIPPED_BYTES {
        return Err(msg::unzips_too_big(
            crate::i18n::messages(),
            total,
            MAX_UNZIPPED_BYTES,
        ));
    }
    Ok(kind)
}

/// Cells the sheets of a `.xls` or `.ods` workbook may span, all together: calamine reads
/// such a workbook whole, every sheet at once, at about 130 bytes a cell of each sheet's
/// rectangle (measured: an `.ods` of 5M cells peaks at 632 MB), so the limit keeps a read
/// near 250 MB.
pub const MAX_WHOLE_CELLS: u64 = 2_000_000;

/// The first bytes of a compound file, the container of a `.xls`.
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What a workbook is, from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    /// Calamine is left to tell.
    Unknown,
}

/// Refuses a workbook that would cost more than the limits to read, judged from the file
/// before calamine reads it, and says what it is: by its content, whatever its name says.
pub(super) fn check(path: &Path) -> Result<Kind, String> {
    let mut magic = [0u8; 8];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut magic));
    match read {
        Ok(8) if magic == CFB_MAGIC => check_xls(path).map(|()| Kind::Xls),
        Ok(n) if n >= 2 && magic.starts_with(b"PK") => {
            let kind = check_unzipped(path)?;
            if kind == Kind::Ods {
                check_ods(path)?;
            }
            Ok(kind)
        }
        // Unreadable, or neither.
        _ => Ok(Kind::Unknown),
    }
}

/// The rectangle a sheet's cells span, as calamine lays it out: from the first row and
/// column holding a value to the last.
#[derive(Default, Clone, Copy)]
struct Span {
    rows: Option<(u64, u64)>,
    columns: Option<(u64, u64)>,
}

impl Span {
    fn add(&mut self, row: u64, first: u64, last: u64) {
        let rows = self.rows.get_or_insert((row, row));
        *rows = (rows.0.min(row), rows.1.max(row));
        let columns = self.columns.get_or_insert((first, last));
        *columns = (columns.0.min(first), columns.1.max(last));
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.columns) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1).saturating_mul(c1 - c0 + 1),
            _ => 0,
        }
    }

    /// Why a sheet with this span is refused, `cells` being what it costs.
    fn refusal(&self, sheet: &str, kind: &str, cells: u64) -> String {
        let (r0, r1) = self.rows.unwrap_or_default();
        let (c0, c1) = self.columns.unwrap_or_default();
        let lang = crate::i18n::messages();
        let rows = msg::from_to(lang, &(r0 + 1).to_string(), &(r1 + 1).to_string());
        let columns = msg::from_to(lang, &column_name(c0), &column_name(c1));
        msg::sheet_span_too_big(lang, sheet, &rows, &columns, cells, kind, MAX_WHOLE_CELLS)
    }
}

/// A column's letters, as a spreadsheet names it: 0 is A, 26 is AA.
fn column_name(index: u64) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let d = (n - 1) % 26;
        letters.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    letters.iter().rev().map(|&b| char::from(b)).collect()
}

/// The rows and columns calamine gives a sheet of an `.ods`, at most.
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;

/// A sheet of an `.ods` as it is scanned.
struct OdsSheet {
    name: String,
    span: Span,
    /// The next row's index, repeated rows counted.
    next: u64,
    /// The cells calamine gathers before laying the sheet out: each row up to its last
    /// value, a repeated row once.
    gathered: u64,
}

/// A row of an `.ods` as it is scanned.
struct OdsRow {
    repeats: u64,
    /// The next cell's column, repeated cells counted.
    column: u64,
    /// The first and last columns holding a value.
    values: Option<(u64, u64)>,
}

/// Refuses an `.ods` whose sheets span more than [`MAX_WHOLE_CELLS`], counting rows and
/// cells repeated by `number-rows-repeated` and `number-columns-repeated` as calamine will
/// lay them out, without laying them out.
fn check_ods(path: &Path) -> Result<(), String> {
    use quick_xml::events::Event;
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Ok(());
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut skipped = Vec::new();
    let mut total: u64 = 0;
    let mut sheet: Option<OdsSheet> = None;
    let mut row: Option<OdsRow> = None;
    loop {
        let event = match xml.read_event_into(&mut buf) {
            Ok(event) => event,
            // Damaged XML: calamine says where.
            Err(_) => return Ok(()),
        };
        match event {
            Event::Eof => return Ok(()),
            Event::Start(e) if e.name().as_ref() == "table:table" && sheet.is_none() => {
                if let Some(name) = attribute(&e, "table:name") {
                    sheet = Some(OdsSheet {
                        name,
                        span: Span::default(),
                        next: 0,
                        gathered: 0,
                    });
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(done) = sheet.take() {
                    total = total.saturating_add(done.span.cells());
                }
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(sheet) = &sheet {
                    let repeats = number(&e, "table:number-rows-repeated");
                    row = Some(OdsRow {
                        repeats: repeats.min(ODS_MAX_ROWS.saturating_sub(sheet.next)),
                        column: 0,
                        values: None,
                    });
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if let (Some(sheet), Some(done)) = (&mut sheet, row.take()) {
                    if let Some((first, last)) = done.values {
                        let at = sheet.next;
                        sheet.span.add(at, first, last);
                        sheet.span.add(at + done.repeats.max(1) - 1, first, last);
                        sheet.gathered = sheet.gathered.saturating_add(last + 1);
                    }
                    sheet.next = sheet.next.saturating_add(done.repeats);
                    let cells = sheet.span.cells().max(sheet.gathered);
                    if total.saturating_add(cells) > MAX_WHOLE_CELLS {
                        return Err(sheet.span.refusal(&sheet.name, ".ods", cells));
                    }
                }
            }
            Event::Start(ref e) | Event::Empty(ref e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                if let Some(OdsRow { column, values, .. }) = &mut row {
                    let repeats = number(e, "table:number-columns-repeated")
                        .min(ODS_MAX_COLUMNS.saturating_sub(*column));
                    // Conservative: a cell with any value or formula counts, even an empty
                    // string.
                    let holds = e.attributes().flatten().any(|a| {
                        matches!(
                            a.key.as_ref(),
                            "office:value"
                                | "office:string-value"
                                | "office:date-value"
                                | "office:time-value"
                                | "office:boolean-value"
                                | "office:value-type"
                                | "table:formula"
                        )
                    });
                    if holds && repeats > 0 {
                        let last = *column + repeats - 1;
                        let (first, _) = values.unwrap_or((*column, last));
                        *values = Some((first, last));
                    }
                    *column += repeats;
                }
                if let Event::Start(e) = &event {
                    let end = e.to_end().into_owned();
                    if xml.read_to_end_into(end.name(), &mut skipped).is_err() {
                        return Ok(());
                    }
                }
            }
            _ => {}
        }
        buf.clear();
    }
}

/// An attribute's value, unescaped.
fn attribute(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    let a = e.try_get_attribute(key).ok().flatten()?;
    let value = a
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .unwrap_or(a.value.clone());
    Some(value.into_owned())
}

/// A repeat count: 1 when absent or unreadable (calamine then says what is wrong).
fn number(e: &quick_xml::events::BytesStart<'_>, key: &str) -> u64 {
    attribute(e, key)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

/// Refuses a `.xls` whose sheets span more than [`MAX_WHOLE_CELLS`], or whose list of sheets
/// points outside its data, reading only where its cells stand.
fn check_xls(path: &Path) -> Result<(), String> {
    // A compound file whose sector chains do not hold together would send calamine round
    // a loop of sectors, growing without end.
    let mut compound = cfb::open(path)
        .map_err(|e| msg::workbook_damaged(crate::i18n::messages(), &e.to_string()))?;
    let stream = match compound.open_stream("/Workbook") {
        Ok(s) => s,
        Err(_) => match compound.open_stream("/Book") {
            Ok(s) => s,
            Err(_) => return Ok(()),
        },
    };
    let length = stream.len();
    let mut stream = BufReader::new(stream);
    let mut data = Vec::new();
    // The workbook's globals come first: each BoundSheet8 names a sheet and where its
    // records start.
    let mut sheets: Vec<(u64, String)> = Vec::new();
    loop {
        match record(&mut stream, &mut data)? {
            Some(0x0085) => {
                if data.len() < 8 {
                    return Err(msg::sheet_entry_too_short(crate::i18n::messages()));
                }
                let at = u64::from(u32::from_le_bytes([data[0], data[1], data[2], data[3]]));
                let name =
                    sheet_name(&data[6..]).unwrap_or_else(|| format!("{}", sheets.len() + 1));
                if at >= length {
                    return Err(msg::sheet_past_the_end(crate::i18n::messages(), &name));
                }
                sheets.push((at, name));
            }
            Some(0x000A) | None => break,
            Some(_) => {}
        }
    }
    let mut spans: std::collections::HashMap<u64, Span> = std::collections::HashMap::new();
    let mut total: u64 = 0;
    for (at, name) in &sheets {
        let span = match spans.get(at) {
            Some(span) => *span,
            None => {
                if stream.seek(SeekFrom::Start(*at)).is_err() {
                    return Ok(());
                }
                let span = xls_span(&mut stream, &mut data)?;
                spans.insert(*at, span);
                span
            }
        };
        total = total.saturating_add(span.cells());
        if total > MAX_WHOLE_CELLS {
            return Err(span.refusal(name, ".xls", span.cells()));
        }
    }
    Ok(())
}

/// The next record of a BIFF stream: its type, its data in `data`; `None` at the end.
fn record<R: BufRead>(stream: &mut R, data: &mut Vec<u8>) -> Result<Option<u16>, String> {
    let damaged =
        |e: std::io::Error| msg::workbook_damaged(crate::i18n::messages(), &e.to_string());
    if stream.fill_buf().map_err(damaged)?.is_empty() {
        return Ok(None);
    }
    let mut head = [0u8; 4];
    stream.read_exact(&mut head).map_err(damaged)?;
    let kind = u16::from_le_bytes([head[0], head[1]]);
    let len = u16::from_le_bytes([head[2], head[3]]);
    data.clear();
    stream
        .take(u64::from(len))
        .read_to_end(data)
        .map_err(damaged)?;
    if data.len() < usize::from(len) {
        return Err(msg::last_record_cut(crate::i18n::messages()));
    }
    Ok(Some(kind))
}

/// A sheet's name in a BoundSheet8 entry (a short string, Latin-1 or UTF-16).
fn sheet_name(data: &[u8]) -> Option<String> {
    let (&count, rest) = data.split_first()?;
    let (&flags, chars) = rest.split_first()?;
    let count = usize::from(count);
    let name = if flags & 1 == 1 {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(count)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(count).map(|&b| char::from(b)).collect()
    };
    Some(name.replace('\0', ""))
}

/// The span of the cells of the sheet whose records start here, walked as calamine walks
/// them: from the sheet's BOF to its EOF, skipping the substreams (charts) nested in it.
fn xls_span<R: BufRead>(stream: &mut R, data: &mut Vec<u8>) -> Result<Span, String> {
    let mut span = Span::default();
    let mut seen_bof = false;
    let mut nested = 0usize;
    while let Some(kind) = record(stream, data)? {
        if nested > 0 {
            match kind {
                0x0809 => nested += 1,
                0x000A => nested -= 1,
                _ => {}
            }
            continue;
        }
        let at = |i: usize| u64::from(u16::from_le_bytes([data[i], data[i + 1]]));
        match kind {
            0x0809 if seen_bof => nested += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            // Number, Label, RString, BoolErr, RK, LabelSst, Formula: row and column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if data.len() >= 4 => {
                span.add(at(0), at(2), at(2));
            }
            // MulRk: a row, its first column, and its last column at the end.
            0x00BD if data.len() >= 6 => {
                let (first, last) = (at(2), at(data.len() - 2));
                if first <= last {
                    span.add(at(0), first, last);
                }
            }
            _ => {}
        }
    }
    Ok(span)
}
