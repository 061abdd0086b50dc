//! Datasets from other formats than the JSON schema.
//! The `tables` feature: natively (the command line) and in the builder's wasm
//! (`trade_chart_web_import`), never in the reader's wasm (built without it).
//!
//! Every reader ends in the same place: a [`RawDataset`](trade_chart::RawDataset) that goes
//! through the same [`validate`](trade_chart::validate) as a JSON dataset, with the errors
//! of its input at their place ([`trade_chart::Location::Cell`] for a table) and a way back
//! from a dataset path to that place ([`sheet::Import::locate`]). This step reads
//! spreadsheet tables ([`sheet`]), UN Comtrade downloads ([`comtrade`]), IMF Direction of
//! Trade files ([`imf`]; the pair of countries chosen as Comtrade's is: `pairs`) and Frictionless
//! data packages ([`datapackage`], which also writes any dataset as one); each produces
//! an [`sheet::Import`]. The builder's calls ([`builder`]: its options, the chart text,
//! the story's claims and their verdicts) are plain functions over these, which the
//! builder's wasm (crates/web-import) exports a few lines each; so is the one-file HTML
//! page ([`publish`]), which the command line's `bundle` writes too.

pub mod annotations;
mod assemble;
pub mod builder;
mod cells;
pub mod claims;
pub mod comtrade;
pub mod datapackage;
pub mod encoding;
pub mod imf;
mod not_table;
pub mod numbers;
mod office;
mod pairs;
pub mod periods;
pub mod publish;
pub mod sheet;
pub mod table;
pub mod text;
pub mod views;
pub mod wide;
mod words;

pub use cells::{header_unit, unit, Unit};
pub use not_table::not_a_table;
pub use sheet::{dataset_json, import, to_json, Import, Input, SheetOptions, MAX_ERRORS};

/// Text from a file's bytes, in the encoding they were written in ([`encoding::decode`]:
/// a byte-order mark, else UTF-8 when they are, else the guess). The flag says the bytes
/// were not UTF-8, for a warning.
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    let (text, used) = encoding::decode(bytes, None);
    (text, !used.is_utf8())
}

/// `n` and its noun, singular for one: `count(1, "row", "rows")` is "1 row".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The rows a warning is about, at the first of them, and the verb after: "1 row (this
/// one) has", "3 rows (this one first) have" (`verbs`: the singular's and the plural's,
/// each with its leading space, or empty).
pub(crate) fn these_rows(n: usize, what: &str, verbs: (&str, &str)) -> String {
    let what = if what.is_empty() {
        String::new()
    } else {
        format!("{what} ")
    };
    if n == 1 {
        format!("1 {what}row (this one){}", verbs.0)
    } else {
        format!("{n} {what}rows (this one first){}", verbs.1)
    }
}
