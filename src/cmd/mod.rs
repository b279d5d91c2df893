//! One module per command: wiring from arguments to the library and back to the terminal.

pub mod inspect;
pub mod validate;
