//! One error type for every failure a caller can cause: it says where (a field path
//! such as `series[2].observations[4].value`) and what (expected vs found).

use std::fmt;

/// An error that names the place it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: String,
    message: String,
}

impl Error {
    /// An error at `path` (a field path, or a short subject such as `options.view`).
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            path: path.into(),
            message: message.into(),
        }
    }

    /// "expected X, found Y" at `path`.
    pub fn expected(path: impl Into<String>, expected: &str, found: impl fmt::Display) -> Self {
        Error::new(path, format!("expected {expected}, found {found}"))
    }

    /// An error from a serde deserializer at `path` (already prefixed with its root,
    /// e.g. `data.series[0]`): strips the JS `Error: ` prefix and moves a missing
    /// field's name into the path (`data.series[0].label: missing field`).
    pub fn from_serde(path: String, message: &str) -> Self {
        let message = message.strip_prefix("Error: ").unwrap_or(message);
        if let Some(rest) = message.strip_prefix("missing field `") {
            if let Some((field, tail)) = rest.split_once('`') {
                let path = if path.is_empty() {
                    field.to_string()
                } else {
                    format!("{path}.{field}")
                };
                return Error::new(path, format!("missing field `{field}`{tail}"));
            }
        }
        Error::new(path, message)
    }

    /// The field path, e.g. `data.series[0].observations[3].value`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong there.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same error one level further out (`series[0]` → `data.series[0]`).
    pub fn within(mut self, prefix: &str) -> Self {
        self.path = if self.path.is_empty() {
            prefix.to_string()
        } else if self.path.starts_with('[') {
            format!("{prefix}{}", self.path)
        } else {
            format!("{prefix}.{}", self.path)
        };
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand used across the crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Reads `T` from JSON text. A syntax error keeps its line and column; a type error
/// names the field instead (`series[0].observations[3].value: invalid type: …`).
pub fn from_json_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        let inner = e.inner();
        let mut message = inner.to_string();
        if inner.is_data() {
            if let Some(i) = message.rfind(" at line ") {
                message.truncate(i);
            }
        }
        Error::from_serde(path, &message)
    })?;
    de.end()
        .map_err(|e| Error::new("", format!("not one JSON value: {e}")))?;
    Ok(value)
}
