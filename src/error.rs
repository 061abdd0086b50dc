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

/// Reads `T` from JSON text. A syntax error keeps its line and column; any error also
/// names the field where it happened (`series[0].observations[3].value: invalid type: …`),
/// found by re-reading the text up to serde_json's error position ([`path_at`]), so no
/// path-tracking wrapper is compiled into every deserializer.
pub fn from_json_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut *de).and_then(|v| de.end().map(|_| v));
    value.map_err(|e| {
        let mut message = e.to_string();
        if e.is_data() {
            if let Some(i) = message.rfind(" at line ") {
                message.truncate(i);
            }
        }
        if e.line() == 0 {
            return Error::from_serde(String::new(), &message);
        }
        let line_start: usize = text
            .split_inclusive('\n')
            .take(e.line() - 1)
            .map(str::len)
            .sum();
        Error::from_serde(path_at(text, line_start + e.column()), &message)
    })
}

/// The JSON path (`series[0].observations[3].value`) of the innermost value open or
/// just read at byte `pos` of `text`: a small scanner over brackets, keys, commas and
/// strings (the text was valid JSON up to there, or serde_json would have stopped sooner).
pub fn path_at(text: &str, pos: usize) -> String {
    enum Frame {
        Obj { key: Option<String>, want_key: bool },
        Arr { index: usize },
    }
    let bytes = text.as_bytes();
    let end = pos.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Obj {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::Arr { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Obj { want_key, .. }) = stack.last_mut() {
                    *want_key = false;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Obj { want_key, .. }) => *want_key = true,
                Some(Frame::Arr { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Obj { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        let raw = &text[start..i.min(text.len())];
                        *key = Some(
                            serde_json::from_str(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Obj { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Obj { key: None, .. } => {}
            Frame::Arr { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}
