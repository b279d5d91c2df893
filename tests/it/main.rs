//! The integration tests, in one binary: each module drives the built `shortlist` on files
//! (or the library on whole inputs) and asserts whole outputs. `common` holds the helpers and
//! the [`common::Test`] builder; `json` the typed shape of the JSON output.

mod common;
/// The benchmark's generator of exports, for the tests of large inputs.
#[allow(dead_code)]
#[path = "../../bench/gen_export.rs"]
mod gen_export;
mod json;

mod browser;
mod exit_codes;
mod french;
mod fuzz_regressions;
mod inspect;
mod intake;
mod mistakes;
mod output_safety;
#[cfg(unix)]
mod output_targets;
mod parallel;
mod people;
#[cfg(unix)]
mod pipes;
mod posting_props;
mod reader_props;
mod reading;
mod readme;
mod report;
mod review;
mod screen;
mod screen_props;
mod small_postings;
mod validate;
mod workbook_limits;
