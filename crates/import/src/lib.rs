//! Datasets from other formats than the JSON schema.
//! The `tables` feature: natively (the command line) and in the builder's wasm
//! (`trade_chart_web_import`), never in the reader's wasm (built without it).
//!
//! Every reader ends in the same place: a [`RawDataset`](trade_chart::RawDataset) that goes
//! through the same [`validate`](trade_chart::validate) as a JSON dataset, with the errors
//! of its input at their place ([`trade_chart::Location::Cell`] for a table) and a way back
//! from a dataset path to that place ([`sheet::Import::locate`]). This step reads
//! spreadsheet tables ([`sheet`]), UN Comtrade downloads ([`comtrade`]) and Frictionless
//! data packages ([`datapackage`], which also writes any dataset as one); each produces
//! an [`sheet::Import`]. The builder's calls ([`builder`]: its options, the chart text,
//! the story's claims and their verdicts) are plain functions over these, which the
//! builder's wasm (crates/web-import) exports a few lines each; so is the one-file HTML
//! page ([`publish`]), which the command line's `bundle` writes too.

pub mod builder;
mod cells;
pub mod claims;
pub mod comtrade;
pub mod datapackage;
mod not_table;
pub mod numbers;
pub mod periods;
pub mod publish;
pub mod sheet;
pub mod table;
pub mod text;
pub mod views;

pub use not_table::not_a_table;
pub use sheet::{dataset_json, import, to_json, Import, Input, SheetOptions, MAX_ERRORS};

/// Text from a file's bytes: UTF-8 when they are (a byte-order mark is kept for the
/// readers to skip), else Windows-1252 (Latin-1 with the printable characters that
/// Windows puts at 0x80–0x9F), as old Comtrade downloads and Excel's "CSV" write it.
/// The flag says the bytes were not UTF-8, for a warning.
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (std::borrow::Cow::Borrowed(s), false);
    }
    // 0x80–0x9F in Windows-1252; the five it leaves undefined are read as Latin-1's C1.
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    let text = bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH
                .get(usize::from(b - 0x80))
                .copied()
                .unwrap_or(char::from(b)),
            _ => char::from(b),
        })
        .collect();
    (std::borrow::Cow::Owned(text), true)
}
