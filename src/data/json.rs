//! The reader of the dataset's and the options' JSON: serde_json parses the text into a
//! [`Json`] tree, and the `FromJson` impls in `model.rs` and `options.rs` walk it into
//! the `Raw*` types, naming the field path of anything wrong in serde's own words
//! (``series[0].label: invalid type: integer `5`, expected a string, or an object of
//! strings by language``; `missing field`, `unknown field`, `duplicate field`).
//!
//! Why not `#[derive(Deserialize)]` (which the `tables` feature still compiles, for the
//! data-package reader, and which `tests/json_reader.rs` holds this reader to, message
//! for message): in the reader's wasm the derived readers cost about 25 KB gzip. Each
//! one is instantiated for serde_json's deserializer, sequences and options once per
//! type, and serde's error words come with core's float `Display` and the Unicode tables
//! of `str`'s `Debug`. A tree walked by a few small functions needs none of that.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::limits::TEXT_CHARS;

/// A JSON value, as serde_json reads it (numbers as it types them, object members in
/// their order, duplicates kept so that they can be refused).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A non-negative integer.
    Uint(u64),
    /// A negative integer.
    Int(i64),
    /// A number with a fraction or an exponent.
    Float(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object's members, in order.
    Obj(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Json, D::Error> {
        // Every method serde_json's `deserialize_any` calls is here, so no default (which
        // would format an "invalid type" error) is ever compiled.
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<E>(self, v: bool) -> std::result::Result<Json, E> {
                Ok(Json::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<Json, E> {
                Ok(if v < 0 {
                    Json::Int(v)
                } else {
                    Json::Uint(v as u64)
                })
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<Json, E> {
                Ok(Json::Uint(v))
            }
            fn visit_f64<E>(self, v: f64) -> std::result::Result<Json, E> {
                Ok(Json::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Json, E> {
                Ok(Json::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Json, E> {
                Ok(Json::Str(v))
            }
            fn visit_unit<E>(self) -> std::result::Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_none<E>(self) -> std::result::Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> std::result::Result<Json, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(Json::Arr(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> std::result::Result<Json, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = a.next_key::<Json>()? {
                    let key = match k {
                        Json::Str(s) => s,
                        _ => String::new(), // JSON keys are strings: not reached
                    };
                    v.push((key, a.next_value()?));
                }
                Ok(Json::Obj(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// Where a value is, for an error's path; the path is only written when an error is.
#[derive(Clone, Copy)]
pub enum At<'a> {
    /// The document (or the options) itself.
    Root,
    /// A member of the object at the first.
    Key(&'a At<'a>, &'a str),
    /// An element of the array at the first.
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// `series[0].observations[3].value` ("" for the root).
    pub fn path(&self) -> String {
        match self {
            At::Root => String::new(),
            At::Key(up, k) => {
                let mut p = up.path();
                if !p.is_empty() {
                    p.push('.');
                }
                p.push_str(k);
                p
            }
            At::Index(up, i) => format!("{}[{i}]", up.path()),
        }
    }
}

/// What serde calls the value found (``integer `5` ``, `string "x"`, `map`…).
fn unexpected(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("boolean `{b}`"),
        Json::Uint(n) => format!("integer `{n}`"),
        Json::Int(n) => format!("integer `{n}`"),
        // serde_json's own float writer (ryu), as its errors print floats
        Json::Float(x) => format!(
            "floating point `{}`",
            serde_json::to_string(x).unwrap_or_default()
        ),
        Json::Str(s) => format!("string {}", serde_json::to_string(s).unwrap_or_default()),
        Json::Arr(_) => "sequence".into(),
        Json::Obj(_) => "map".into(),
    }
}

/// `invalid type: <found>, expected <expected>` at `at`.
pub fn invalid_type(at: &At, v: &Json, expected: &str) -> Error {
    Error::from_serde(
        at.path(),
        &format!("invalid type: {}, expected {expected}", unexpected(v)),
    )
}

/// A value read from a [`Json`] tree; errors name `at`'s path.
pub trait FromJson: Sized {
    /// Reads one value.
    fn from_json(v: &Json, at: &At) -> Result<Self>;
}

impl FromJson for String {
    fn from_json(v: &Json, at: &At) -> Result<Self> {
        match v {
            Json::Str(s) => Ok(s.clone()),
            _ => Err(invalid_type(at, v, "a string")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(v: &Json, at: &At) -> Result<Self> {
        match *v {
            Json::Uint(n) => Ok(n as f64),
            Json::Int(n) => Ok(n as f64),
            Json::Float(x) => Ok(x),
            _ => Err(invalid_type(at, v, "f64")),
        }
    }
}

impl FromJson for u32 {
    fn from_json(v: &Json, at: &At) -> Result<Self> {
        let bad = |n: &dyn fmt::Display| {
            Error::from_serde(
                at.path(),
                &format!("invalid value: integer `{n}`, expected u32"),
            )
        };
        match *v {
            Json::Uint(n) => u32::try_from(n).map_err(|_| bad(&n)),
            Json::Int(n) => Err(bad(&n)),
            _ => Err(invalid_type(at, v, "u32")),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: &Json, at: &At) -> Result<Self> {
        match *v {
            Json::Bool(b) => Ok(b),
            _ => Err(invalid_type(at, v, "a boolean")),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json, at: &At) -> Result<Self> {
        match v {
            Json::Arr(items) => items
                .iter()
                .enumerate()
                .map(|(i, x)| T::from_json(x, &At::Index(at, i)))
                .collect(),
            _ => Err(invalid_type(at, v, "a sequence")),
        }
    }
}

/// An object's members, checked against the fields a type has.
pub struct Fields<'a> {
    at: &'a At<'a>,
    members: &'a [(String, Json)],
}

impl<'a> Fields<'a> {
    /// `v` as an object of `what` (serde's name for it, `struct RawSource`) with no member
    /// outside `known` and none twice.
    pub fn of(v: &'a Json, at: &'a At<'a>, what: &str, known: &[&str]) -> Result<Fields<'a>> {
        let Json::Obj(members) = v else {
            return Err(invalid_type(at, v, what));
        };
        for (i, (k, _)) in members.iter().enumerate() {
            let here = || At::Key(at, k).path();
            if !known.contains(&k.as_str()) {
                return Err(Error::from_serde(here(), &unknown_field(k, known)));
            }
            if members.iter().take(i).any(|(seen, _)| seen == k) {
                return Err(Error::from_serde(here(), &format!("duplicate field `{k}`")));
            }
        }
        Ok(Fields { at, members })
    }

    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A field that must be there.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T> {
        match self.get(key) {
            Some(v) => T::from_json(v, &At::Key(self.at, key)),
            None => Err(Error::from_serde(
                self.at.path(),
                &format!("missing field `{key}`"),
            )),
        }
    }

    /// A field that may be missing or `null`.
    pub fn opt<T: FromJson>(&self, key: &str) -> Result<Option<T>> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(None),
            Some(v) => T::from_json(v, &At::Key(self.at, key)).map(Some),
        }
    }

    /// A list that may be missing (then empty; `null` is not a list).
    pub fn list<T: FromJson>(&self, key: &str) -> Result<Vec<T>> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) => Vec::from_json(v, &At::Key(self.at, key)),
        }
    }
}

/// serde's words for a member the type does not have.
fn unknown_field(k: &str, known: &[&str]) -> String {
    if known.is_empty() {
        return format!("unknown field `{k}`, there are no fields");
    }
    // `a`; `a` or `b`; one of `a`, `b`, `c` (pushed: no list of quoted names to join)
    let mut out = format!("unknown field `{k}`, expected ");
    if known.len() > 2 {
        out.push_str("one of ");
    }
    for (i, n) in known.iter().enumerate() {
        if i > 0 {
            out.push_str(if known.len() == 2 { " or " } else { ", " });
        }
        out.push_str(&["`", n, "`"].concat());
    }
    out
}

/// Parses JSON text into a tree (syntax errors with their line and column, the size
/// limits first: [`crate::data::json::from_json_text`]).
pub fn parse(text: &str) -> Result<Json> {
    crate::data::json::from_json_text(text)
}

/// Reads `T` from JSON text. A syntax error ([`ErrorKind::JsonSyntax`]) keeps its line
/// and column ([`Location::Text`]); any error also names the field where it happened
/// (`series[0].observations[3].value: invalid type: …`), found by re-reading the text up
/// to serde_json's error position ([`path_at`]), so no path-tracking wrapper is compiled
/// into every deserializer.
///
/// Text over [`crate::limits::JSON_BYTES`], or with a string over
/// [`crate::limits::TEXT_CHARS`], is refused before it is parsed ([`ErrorKind::TooLarge`]).
pub fn from_json_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    crate::limits::JSON_BYTES.check("", text.len())?;
    crate::data::json::check_json_strings(text)?;
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
        let path = path_at(text, line_start + e.column());
        if e.is_syntax() || e.is_eof() {
            let location = Location::Text {
                path,
                line: e.line(),
                column: e.column(),
            };
            return Error::located(ErrorKind::JsonSyntax, location, message);
        }
        Error::from_serde(path, &message)
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
        let Some(&b) = bytes.get(i) else { break };
        match b {
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
                while let Some(&c) = bytes.get(i).filter(|&&c| c != b'"') {
                    i += if c == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Obj { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        let raw = &text[start..i.min(text.len())];
                        // unescaped by serde_json (read as any value: reading a String
                        // would compile serde's "invalid type" words into the wasm)
                        *key = Some(match serde_json::from_str(&format!("\"{raw}\"")) {
                            Ok(crate::data::json::Json::Str(k)) => k,
                            _ => raw.to_string(),
                        });
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

/// Checks the length of every string in JSON `text` (keys too) against [`TEXT_CHARS`]
/// in one pass over its bytes, before anything is parsed: a string over the limit is an
/// error at its path ([`crate::data::json::path_at`]). Escapes count as one character each
/// (`\u00e9` is `é`; a surrogate pair counts two). Text that is not valid JSON passes
/// here and fails in the parser.
pub fn check_json_strings(text: &str) -> Result<()> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b.get(i) != Some(&b'"') {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut chars = 0usize;
        while let Some(&c) = b.get(i) {
            match c {
                b'"' => break,
                b'\\' => i += if b.get(i + 1) == Some(&b'u') { 6 } else { 2 },
                // A UTF-8 continuation byte is part of the character before it.
                0x80..=0xbf => {
                    i += 1;
                    continue;
                }
                _ => i += 1,
            }
            chars += 1;
        }
        if chars > TEXT_CHARS.max {
            let path = crate::data::json::path_at(text, start);
            return Err(TEXT_CHARS.error(path, chars));
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_words() {
        let root = At::Root;
        let s = At::Key(&root, "series");
        let i = At::Index(&s, 2);
        let v = At::Key(&i, "value");
        assert_eq!(v.path(), "series[2].value");
        let e = f64::from_json(&Json::Str("12".into()), &v).unwrap_err();
        assert_eq!(
            e.to_string(),
            "series[2].value: invalid type: string \"12\", expected f64"
        );
        assert_eq!(e.code(), "invalid-type");
        let e = u32::from_json(&Json::Int(-1), &root).unwrap_err();
        assert_eq!(e.to_string(), "invalid value: integer `-1`, expected u32");
        let e = u32::from_json(&Json::Float(1.0), &root).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid type: floating point `1.0`, expected u32"
        );
        assert_eq!(
            unknown_field("x", &["a"]),
            "unknown field `x`, expected `a`"
        );
        assert_eq!(
            unknown_field("x", &["a", "b"]),
            "unknown field `x`, expected `a` or `b`"
        );
        assert_eq!(
            unknown_field("x", &["a", "b", "c"]),
            "unknown field `x`, expected one of `a`, `b`, `c`"
        );
        assert_eq!(
            unknown_field("x", &[]),
            "unknown field `x`, there are no fields"
        );
    }

    #[test]
    fn members_are_checked_once_each() {
        let v = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        let e = Fields::of(&v, &At::Root, "struct T", &["a", "b"])
            .err()
            .unwrap();
        assert_eq!(e.to_string(), "a: duplicate field `a`");
        let v = parse(r#"{"a": 1}"#).unwrap();
        let f = Fields::of(&v, &At::Root, "struct T", &["a", "b"]).unwrap();
        let e = f.req::<f64>("b").unwrap_err();
        assert_eq!(
            (e.to_string().as_str(), e.code()),
            ("b: missing field `b`", "missing-field")
        );
        assert_eq!(f.opt::<f64>("b").unwrap(), None);
        assert_eq!(f.list::<f64>("b").unwrap(), Vec::<f64>::new());
    }
}
