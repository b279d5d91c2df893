//! Cell parsers: one value type per field type, each reading a cell into a value or an
//! unknown with its reason.

pub mod dates;
