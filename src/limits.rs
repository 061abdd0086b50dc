//! The limits every entry enforces: a dataset's JSON text, the
//! spreadsheet tables, a Comtrade download, a data package and plain columns. Each is
//! checked **before** the memory it guards is spent: the length of a text before it is
//! parsed, the rows of a table while they are read (reading stops at the limit), the
//! length of every JSON string in one scan of the text before serde allocates any. Going
//! over one is an error of kind [`crate::ErrorKind::TooLarge`] that names the limit and the
//! value found: `data: 209715200 bytes; the limit is 20971520 (20 MB)`.
//!
//! The numbers are far above any real chart (the default dataset is 25 KB, 7 series,
//! 60 observations) and low enough that a browser tab survives the worst input that
//! passes them: docs/DATA.md "Limits" lists them with their reasons.

use crate::error::{Error, Result};

/// One limit: the largest value accepted, what it counts and how people read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The largest value accepted (the value itself passes).
    pub max: usize,
    /// What is counted, plural: `bytes`, `series`, `characters`.
    pub unit: &'static str,
    /// The limit as people say it, e.g. `20 MB`; empty when the number says it all.
    pub label: &'static str,
}

impl Limit {
    /// `Ok` when `found` ≤ the limit, else a [`crate::ErrorKind::TooLarge`] error at `path`:
    /// `path: 209715200 bytes; the limit is 20971520 (20 MB)`.
    pub fn check(&self, path: impl Into<String>, found: usize) -> Result<()> {
        if found <= self.max {
            return Ok(());
        }
        Err(self.error(path, found))
    }

    /// The error for `found` (which the caller knows is over the limit).
    pub fn error(&self, path: impl Into<String>, found: usize) -> Error {
        Error::too_large(path, found, self.max, self.unit, self.label)
    }
}

/// A dataset's JSON text (and a data package's descriptor, and any JSON text read by
/// [`crate::data::json::from_json_text`]): 32 MB. The default dataset is 25 KB; the largest
/// the other limits allow in practice, a UN Comtrade download of 10⁵ rows converted, is
/// 23 MB as the importers write it (pretty-printed, ~230 bytes an observation; 20 MB, the
/// limit before, refused it in the reader after the builder had accepted it), and
/// serde_json's model of 32 MB stays well under 200 MB of wasm memory. The importers
/// refuse a dataset whose text would be over it (`import::dataset_json`, feature `tables`).
pub const JSON_BYTES: Limit = Limit {
    max: 32 << 20,
    unit: "bytes",
    label: "32 MB",
};

/// The options' JSON text: 64 KB. Options are a handful of short fields.
pub const OPTIONS_BYTES: Limit = Limit {
    max: 64 << 10,
    unit: "bytes",
    label: "64 KB",
};

/// A table's text (the observations or the sources table, a data package's CSV, a
/// Comtrade download, as bytes): 64 MB. A Comtrade bulk download is wide (some 50
/// columns, ~500 bytes a row), so 10⁵ rows take ~50 MB; the tables hold less per row.
pub const TABLE_BYTES: Limit = Limit {
    max: 64 << 20,
    unit: "bytes",
    label: "64 MB",
};

/// Rows of one table, the header (and blank rows) included: the observations limit and
/// one header row. Reading stops at the first row over it.
pub const TABLE_ROWS: Limit = Limit {
    max: OBSERVATIONS.max + 1,
    unit: "rows",
    label: "",
};

/// Any string: an id, a label, a title, a note, a URL, a table cell: 2,000 characters
/// (Unicode scalar values). The longest text a chart shows is a note of a few sentences;
/// 2,000 characters is a page. JSON escapes count as the character they stand for.
pub const TEXT_CHARS: Limit = Limit {
    max: 2000,
    unit: "characters",
    label: "",
};

/// Series in a dataset: 100. A legend of more is unreadable, and a view draws its series
/// side by side.
pub const SERIES: Limit = Limit {
    max: 100,
    unit: "series",
    label: "",
};

/// Observations in a dataset, all series together: 10⁵. A monthly series over 100 years
/// (the longest time view) is 1,200 figures; 10⁵ is 80 such series. Validation builds
/// maps over them and checks overlaps per series, so the cost grows with this.
pub const OBSERVATIONS: Limit = Limit {
    max: 100_000,
    unit: "observations",
    label: "",
};

/// Categories a bar view groups by: 500. At the largest chart size (20,000 CSS px) a
/// group is then 40 px wide; and finding them is linear in the categories so far.
pub const CATEGORIES: Limit = Limit {
    max: 500,
    unit: "categories",
    label: "",
};

/// Views in a dataset: 50 (each one a tab).
pub const VIEWS: Limit = Limit {
    max: 50,
    unit: "views",
    label: "",
};

/// Entries of any other list of a dataset: bases, sources, claims, annotations, notes,
/// a view's series, periods, notes, claims, annotations or sources, an observation's
/// sources or a formula's inputs: 10,000 each.
pub const ENTRIES: Limit = Limit {
    max: 10_000,
    unit: "entries",
    label: "",
};

/// Points of a chart of plain columns, per series (and of its x): 10⁷. 10⁶ points draw
/// at interactive speed (BENCHMARKS.md); 10⁷ × 9 columns × 8 bytes is 720 MB, near what
/// a wasm32 module can address at all. Checked on the JS array's length, before copying.
pub const COLUMN_POINTS: Limit = Limit {
    max: 10_000_000,
    unit: "points",
    label: "10⁷",
};

/// Every limit, for documentation and tests: its name and value.
pub const ALL: &[(&str, Limit)] = &[
    ("JSON_BYTES", JSON_BYTES),
    ("OPTIONS_BYTES", OPTIONS_BYTES),
    ("TABLE_BYTES", TABLE_BYTES),
    ("TABLE_ROWS", TABLE_ROWS),
    ("TEXT_CHARS", TEXT_CHARS),
    ("SERIES", SERIES),
    ("OBSERVATIONS", OBSERVATIONS),
    ("CATEGORIES", CATEGORIES),
    ("VIEWS", VIEWS),
    ("ENTRIES", ENTRIES),
    ("COLUMN_POINTS", COLUMN_POINTS),
];

/// Checks `s` against [`TEXT_CHARS`] at `path` (counting stops just past the limit).
pub fn check_text(path: &dyn Fn() -> String, s: &str) -> Result<()> {
    if s.len() <= TEXT_CHARS.max {
        return Ok(());
    }
    let n = s.chars().take(TEXT_CHARS.max + 1).count();
    if n > TEXT_CHARS.max {
        return Err(TEXT_CHARS.error(path(), s.chars().count()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::json::check_json_strings;
    use crate::ErrorKind;

    #[test]
    fn message_names_limit_and_value() {
        let e = JSON_BYTES.check("data", 200 << 20).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooLarge);
        assert_eq!(
            e.to_string(),
            "data: 209715200 bytes; the limit is 33554432 (32 MB)"
        );
        assert_eq!(e.found(), Some("209715200 bytes"));
        assert!(JSON_BYTES.check("data", 32 << 20).is_ok());
        assert!(JSON_BYTES.check("data", (32 << 20) + 1).is_err());
        let e = SERIES.check("series", 101).unwrap_err();
        assert_eq!(e.to_string(), "series: 101 series; the limit is 100");
    }

    #[test]
    fn json_strings_counted_in_characters() {
        let ok = format!("{{\"a\": \"{}\"}}", "é".repeat(2000));
        assert!(check_json_strings(&ok).is_ok());
        let escaped = format!("{{\"a\": \"{}\"}}", "\\u00e9".repeat(2000));
        assert!(check_json_strings(&escaped).is_ok());
        let over = format!("{{\"a\": [\"x\", \"{}\"]}}", "\\\"".repeat(2001));
        let e = check_json_strings(&over).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooLarge);
        assert_eq!(e.path(), "a[1]");
        assert!(e.message().starts_with("2001 characters"), "{e}");
        // An unterminated string is the parser's to report.
        assert!(check_json_strings("\"abc\\").is_ok());
    }
}
