//! One error type for every failure a caller can cause, shaped like rust-csv's: a kind
//! with a stable code ([`ErrorKind::code`], listed in docs/DATA.md), a location
//! ([`Location`]: a field path such as `series[2].observations[4].value`, a line and
//! column in JSON text, or a table cell), what was expected and what was found when
//! that is known, and a message. `Display` is the one line a reader sees:
//! `series[2].observations[4].value: expected a finite number ≥ 0, found -3`.

use std::fmt;

/// What went wrong, as a stable code for programs (the message is for people and may
/// be reworded; the code is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not JSON: a syntax error, trailing characters, or it ends too soon.
    /// Located as [`Location::Text`].
    JsonSyntax,
    /// A required field is absent (or `null` where a value is required).
    MissingField,
    /// A field the schema does not know: a typo never passes silently.
    UnknownField,
    /// A value of the wrong JSON type, e.g. a number where text belongs.
    InvalidType,
    /// A value of the right type that is not accepted there: an empty string, a
    /// negative figure, a malformed period, an unknown `kind`. The default kind.
    InvalidValue,
    /// A reference to an id that is not defined (a source, basis, series, observation,
    /// annotation or claim).
    UnknownId,
    /// An id given twice in one list (or the two partners with the same code).
    DuplicateId,
    /// Two figures of one series for the same or overlapping periods.
    Overlap,
    /// A figure or range beyond a limit: more than 10¹⁷ in the dataset's currency, a time view over 100 years,
    /// an input over one of [`crate::limits`] (its size, a count, a string's length).
    TooLarge,
    /// A derived figure that cannot be computed: its formula refers to itself, or its
    /// inputs give a negative or unbounded result.
    Formula,
    /// A claim whose status contradicts its check against the data.
    ClaimCheck,
    /// A chart size that cannot be drawn (zero, not finite, or over 20,000 CSS px).
    Size,
    /// Something this version does not support: another schema version, a language
    /// other than English, Korean and Chinese, a call a chart of columns cannot answer.
    Unsupported,
    /// Drawing failed: no 2D context for the canvas, or the SVG writer failed.
    Render,
    /// A table's number column whose cells could be read with either decimal mark
    /// (every value like `1,234`): the editor must say which.
    AmbiguousNumber,
    /// A file given as a table that is not one: a saved error message, a web page,
    /// a JSON document. One error, quoting its first line.
    NotATable,
    /// A download of several pairs of countries (a UN Comtrade file of one reporter
    /// against every partner, or of several reporters) read without saying which pair
    /// to chart: one error listing the pairs, each as the option's value to give.
    ManyPairs,
}

impl ErrorKind {
    /// Every kind, in the order docs/DATA.md lists their codes.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::JsonSyntax,
        ErrorKind::MissingField,
        ErrorKind::UnknownField,
        ErrorKind::InvalidType,
        ErrorKind::InvalidValue,
        ErrorKind::UnknownId,
        ErrorKind::DuplicateId,
        ErrorKind::Overlap,
        ErrorKind::TooLarge,
        ErrorKind::Formula,
        ErrorKind::ClaimCheck,
        ErrorKind::Size,
        ErrorKind::Unsupported,
        ErrorKind::Render,
        ErrorKind::AmbiguousNumber,
        ErrorKind::NotATable,
        ErrorKind::ManyPairs,
    ];

    /// The stable kebab-case code JS sees as `error.code`, e.g. `"missing-field"`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::JsonSyntax => "json-syntax",
            ErrorKind::MissingField => "missing-field",
            ErrorKind::UnknownField => "unknown-field",
            ErrorKind::InvalidType => "invalid-type",
            ErrorKind::InvalidValue => "invalid-value",
            ErrorKind::UnknownId => "unknown-id",
            ErrorKind::DuplicateId => "duplicate-id",
            ErrorKind::Overlap => "overlap",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::Formula => "formula",
            ErrorKind::ClaimCheck => "claim-check",
            ErrorKind::Size => "invalid-size",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::Render => "render",
            ErrorKind::AmbiguousNumber => "ambiguous-number",
            ErrorKind::NotATable => "not-a-table",
            ErrorKind::ManyPairs => "many-pairs",
        }
    }

    /// The kind of a serde error message, by the words serde starts it with.
    fn of_serde(message: &str) -> ErrorKind {
        if message.starts_with("missing field") {
            ErrorKind::MissingField
        } else if message.starts_with("unknown field") {
            ErrorKind::UnknownField
        } else if message.starts_with("invalid type") {
            ErrorKind::InvalidType
        } else {
            ErrorKind::InvalidValue
        }
    }
}

/// Where an error is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// Nowhere in particular (e.g. the whole input is of the wrong type).
    None,
    /// A field path (`data.series[0].observations[3].value`) or an option's name
    /// (`options.view`, `theme.bg`).
    Path(String),
    /// A position in JSON text (a syntax error): the path of the innermost value open
    /// there, and serde_json's 1-based line and column.
    Text {
        /// The field path at that position (empty at the top level).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column, in bytes.
        column: usize,
    },
    /// A cell of a table (CSV/TSV): shown as `file:row:column`, or `row R, column C`
    /// without a file name. Only the editors' tools place one, so the reader's wasm does
    /// not carry it (nor its words).
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    Cell {
        /// The file's name, when known.
        file: Option<String>,
        /// 1-based row, counting the header row as the first, as an editor shows lines.
        row: usize,
        /// 1-based column.
        column: usize,
        /// The column's field name or path, when known.
        field: Option<String>,
    },
}

impl Location {
    /// The field path part of the location ("" when there is none).
    fn path(&self) -> &str {
        match self {
            Location::None => "",
            Location::Path(p) | Location::Text { path: p, .. } => p,
            #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
            Location::Cell { field, .. } => field.as_deref().unwrap_or(""),
        }
    }

    /// `p` as a path location, [`Location::None`] when empty.
    fn of_path(p: String) -> Location {
        if p.is_empty() {
            Location::None
        } else {
            Location::Path(p)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    location: Location,
    expected: Option<String>,
    found: Option<String>,
    message: String,
    /// Where a cell's text is in its input ([`Error::span`]); only the editors' tools
    /// place it, so the reader's wasm does not carry it.
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    span: Option<(usize, usize)>,
}

/// An error that says what went wrong ([`Error::code`]), where ([`Error::location`]) and
/// why ([`Error::message`]). Boxed, so a `Result` stays one pointer wide on success paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

impl Error {
    /// An error of `kind` at `location`.
    pub fn located(kind: ErrorKind, location: Location, message: impl Into<String>) -> Self {
        Error::make(kind, location, message.into())
    }

    // The constructors' one body: the generic ones only convert their arguments, so the
    // wasm carries one copy of each body, not one per argument type.
    fn make(kind: ErrorKind, location: Location, message: String) -> Self {
        Error(Box::new(Inner {
            kind,
            location,
            expected: None,
            found: None,
            message,
            #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
            span: None,
        }))
    }

    /// An error of `kind` at `path` (a field path, or an option's name such as
    /// `options.view`; empty for none).
    pub fn at(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::make(kind, Location::of_path(path.into()), message.into())
    }

    /// An [`ErrorKind::InvalidValue`] error at `path`; prefer [`Error::at`] with the kind
    /// that fits.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::at(ErrorKind::InvalidValue, path, message)
    }

    /// "expected X, found Y" at `path`, of kind [`ErrorKind::InvalidValue`], with
    /// [`Error::expectation`] and [`Error::found`] set.
    pub fn expected(path: impl Into<String>, expected: &str, found: impl fmt::Display) -> Self {
        Error::expected_as(ErrorKind::InvalidValue, path, expected, found)
    }

    /// As [`Error::expected`], of another kind (e.g. [`ErrorKind::TooLarge`]).
    pub fn expected_as(
        kind: ErrorKind,
        path: impl Into<String>,
        expected: &str,
        found: impl fmt::Display,
    ) -> Self {
        Error::expected_found(kind, path.into(), expected, found.to_string())
    }

    fn expected_found(kind: ErrorKind, path: String, expected: &str, found: String) -> Self {
        let mut e = Error::at(kind, path, format!("expected {expected}, found {found}"));
        e.0.expected = Some(expected.to_string());
        e.0.found = Some(found);
        e
    }

    /// `{found} {unit}; the limit is {max} ({label})` at `path`, of kind
    /// [`ErrorKind::TooLarge`] (the `({label})` only when `label` is not empty), with
    /// [`Error::expectation`] `at most {max} {unit}` and [`Error::found`] `{found} {unit}`.
    /// The limits are in [`crate::limits`].
    pub fn too_large(
        path: impl Into<String>,
        found: usize,
        max: usize,
        unit: &str,
        label: &str,
    ) -> Self {
        Error::too_large_at(path.into(), found, max, unit, label)
    }

    fn too_large_at(path: String, found: usize, max: usize, unit: &str, label: &str) -> Self {
        let label = if label.is_empty() {
            String::new()
        } else {
            format!(" ({label})")
        };
        let mut e = Error::at(
            ErrorKind::TooLarge,
            path,
            format!("{found} {unit}; the limit is {max}{label}"),
        );
        e.0.expected = Some(format!("at most {max} {unit}"));
        e.0.found = Some(format!("{found} {unit}"));
        e
    }

    /// `unknown {what} "{id}"` at `path` ([`ErrorKind::UnknownId`]); `found` is the
    /// quoted id.
    pub fn unknown_id(path: impl Into<String>, what: &str, id: &str) -> Self {
        Error::unknown_id_at(path.into(), what, id)
    }

    fn unknown_id_at(path: String, what: &str, id: &str) -> Self {
        let mut e = Error::at(
            ErrorKind::UnknownId,
            path,
            format!("unknown {what} \"{id}\""),
        );
        e.0.found = Some(format!("\"{id}\""));
        e
    }

    /// `duplicate {what} "{id}"` at `path` ([`ErrorKind::DuplicateId`]), e.g. `what` =
    /// `"id"` or `"observation id"`; `found` is the quoted id.
    pub fn duplicate_id(path: impl Into<String>, what: &str, id: &str) -> Self {
        Error::duplicate_id_at(path.into(), what, id)
    }

    fn duplicate_id_at(path: String, what: &str, id: &str) -> Self {
        let mut e = Error::at(
            ErrorKind::DuplicateId,
            path,
            format!("duplicate {what} \"{id}\""),
        );
        e.0.found = Some(format!("\"{id}\""));
        e
    }

    /// An error from a serde deserializer at `path` (already prefixed with its root,
    /// e.g. `data.series[0]`): strips the JS `Error: ` prefix, takes its kind from
    /// serde's words (`missing field` → [`ErrorKind::MissingField`], `unknown field`,
    /// `invalid type`, anything else [`ErrorKind::InvalidValue`]) and moves a missing
    /// field's name into the path (`data.series[0].label: missing field`).
    pub fn from_serde(path: String, message: &str) -> Self {
        let message = message.strip_prefix("Error: ").unwrap_or(message);
        let kind = ErrorKind::of_serde(message);
        if let Some(rest) = message.strip_prefix("missing field `") {
            if let Some((field, tail)) = rest.split_once('`') {
                let path = if path.is_empty() {
                    field.to_string()
                } else {
                    format!("{path}.{field}")
                };
                return Error::at(kind, path, format!("missing field `{field}`{tail}"));
            }
        }
        Error::at(kind, path, message)
    }

    /// The same error in a table cell: the location becomes [`Location::Cell`] and the
    /// path so far (if any) its field; kind, expected, found and message are kept.
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    pub fn in_cell(mut self, file: Option<&str>, row: usize, column: usize) -> Self {
        let field = self.path();
        let field = (!field.is_empty()).then(|| field.to_string());
        self.0.location = Location::Cell {
            file: file.map(str::to_string),
            row,
            column,
            field,
        };
        self.forget_span();
        self
    }

    /// The same error at another location; kind, expected, found and message are kept
    /// (the table import moves a dataset error to the cell it came from).
    pub fn relocated(mut self, location: Location) -> Self {
        self.0.location = location;
        self.forget_span();
        self
    }

    /// A new location's cell is not the old one's.
    fn forget_span(&mut self) {
        #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
        {
            self.0.span = None;
        }
    }

    /// For an error in a table cell, where the cell's text is in the table's text, once
    /// the table reader has placed it (`trade_chart_import::table::spans`): its
    /// start and end in UTF-16 code units, a CRLF line break counting as one and a
    /// leading byte-order mark as none. Those are the offsets of the cell in a browser
    /// textarea holding the text (`setSelectionRange`, `String.prototype.slice`), which
    /// keeps its line breaks as LF and gets its text from a decoder that drops the mark.
    /// The quotes of a quoted cell are outside it; a column past a row's last cell is the
    /// empty span at the row's end. `None` until placed, and for other locations.
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    pub fn span(&self) -> Option<(usize, usize)> {
        self.0.span
    }

    /// The same error with the span of its cell ([`Error::span`]).
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    pub fn with_span(mut self, span: Option<(usize, usize)>) -> Self {
        self.0.span = span;
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The kind's stable code, e.g. `"missing-field"` (JS: `error.code`).
    pub fn code(&self) -> &'static str {
        self.0.kind.code()
    }

    /// Where it went wrong: a field path, a position in JSON text, a table cell, or none.
    /// [`Error::path`], [`Error::row`] and [`Error::column`] read it.
    pub fn location(&self) -> &Location {
        &self.0.location
    }

    /// The field path, e.g. `data.series[0].observations[3].value` ("" for none; for a
    /// cell, its field) (JS: `error.path`).
    pub fn path(&self) -> &str {
        self.0.location.path()
    }

    /// The 1-based line in JSON text, or row of a table cell (JS: `error.row`).
    pub fn row(&self) -> Option<usize> {
        match self.0.location {
            Location::Text { line, .. } => Some(line),
            #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
            Location::Cell { row, .. } => Some(row),
            _ => None,
        }
    }

    /// The 1-based column in JSON text or in a table (JS: `error.column`).
    pub fn column(&self) -> Option<usize> {
        match self.0.location {
            Location::Text { column, .. } => Some(column),
            #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
            Location::Cell { column, .. } => Some(column),
            _ => None,
        }
    }

    /// What was expected there, when the error says (`"a finite number ≥ 0"`) (JS:
    /// `error.expected`). Named so because [`Error::expected`] is the constructor.
    pub fn expectation(&self) -> Option<&str> {
        self.0.expected.as_deref()
    }

    /// What was found instead, as the message shows it (strings quoted: `"\"x\""`).
    pub fn found(&self) -> Option<&str> {
        self.0.found.as_deref()
    }

    /// What is wrong there (the text after the location in `Display`).
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The same error one level further out (`series[0]` → `data.series[0]`); kind,
    /// expected, found, line and column are kept.
    pub fn within(mut self, prefix: &str) -> Self {
        let join = |path: &str| {
            if path.is_empty() {
                prefix.to_string()
            } else if path.starts_with('[') {
                format!("{prefix}{path}")
            } else {
                format!("{prefix}.{path}")
            }
        };
        match &mut self.0.location {
            Location::None => self.0.location = Location::of_path(prefix.to_string()),
            Location::Path(p) | Location::Text { path: p, .. } => *p = join(p),
            #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
            Location::Cell { field, .. } => *field = Some(join(field.as_deref().unwrap_or(""))),
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
        if let Location::Cell {
            file, row, column, ..
        } = &self.0.location
        {
            match file {
                Some(file) => write!(f, "{file}:{row}:{column}: ")?,
                None => write!(f, "row {row}, column {column}: ")?,
            }
        }
        let path = self.path();
        if path.is_empty() {
            f.write_str(&self.0.message)
        } else {
            write!(f, "{path}: {}", self.0.message)
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand used across the crate.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::ErrorKind;

    /// `ErrorKind::ALL` lists every kind once, in declaration order: this match has no
    /// wildcard, so a new kind does not compile until it is numbered here (and so
    /// reminds whoever adds it to list it in `ALL` and docs/DATA.md).
    #[test]
    fn all_lists_every_kind() {
        let ordinal = |k: ErrorKind| match k {
            ErrorKind::JsonSyntax => 0,
            ErrorKind::MissingField => 1,
            ErrorKind::UnknownField => 2,
            ErrorKind::InvalidType => 3,
            ErrorKind::InvalidValue => 4,
            ErrorKind::UnknownId => 5,
            ErrorKind::DuplicateId => 6,
            ErrorKind::Overlap => 7,
            ErrorKind::TooLarge => 8,
            ErrorKind::Formula => 9,
            ErrorKind::ClaimCheck => 10,
            ErrorKind::Size => 11,
            ErrorKind::Unsupported => 12,
            ErrorKind::Render => 13,
            ErrorKind::AmbiguousNumber => 14,
            ErrorKind::NotATable => 15,
            ErrorKind::ManyPairs => 16,
        };
        assert_eq!(ErrorKind::ALL.len(), 17);
        for (i, &k) in ErrorKind::ALL.iter().enumerate() {
            assert_eq!(ordinal(k), i, "{k:?}");
        }
    }
}
