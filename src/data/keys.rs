//! Rejects unknown fields in a JS object before it is deserialized. serde's
//! `deny_unknown_fields` does this for JSON text, but serde-wasm-bindgen only reads the
//! fields a struct names, so in the browser a typo (`"valu"`) would pass silently.
//! The field lists come from the serde derives themselves (a probe deserializer), so
//! they cannot drift from the model.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::forward_to_deserialize_any;

use super::model::*;

/// A JSON-like tree: `serde_json::Value` natively, `JsValue` in the browser.
pub trait Node: Sized {
    /// Own keys, if this is a plain object (not an array).
    fn keys(&self) -> Option<Vec<String>>;
    /// A member of an object.
    fn get(&self, key: &str) -> Option<Self>;
    /// Elements, if this is an array.
    fn elements(&self) -> Option<Vec<Self>>;
}

#[derive(Debug)]
struct Fields(&'static [&'static str]);

impl std::fmt::Display for Fields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("probe")
    }
}
impl std::error::Error for Fields {}
impl de::Error for Fields {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Fields(&[])
    }
}

/// A deserializer that only reports which fields a struct asks for.
struct Probe;

impl<'de> Deserializer<'de> for Probe {
    type Error = Fields;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Fields> {
        Err(Fields(&[]))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Fields> {
        Err(Fields(fields))
    }
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The field names of a derived struct.
pub fn fields_of<T: Deserialize<'static>>() -> &'static [&'static str] {
    match T::deserialize(Probe) {
        Err(Fields(f)) => f,
        Ok(_) => &[],
    }
}

#[derive(Clone, Copy)]
enum Ty {
    Dataset,
    Partner,
    Unit,
    Basis,
    Source,
    Series,
    Observation,
    Formula,
    Claim,
    Figure,
    Check,
    Annotation,
    View,
}

impl Ty {
    fn fields(self) -> &'static [&'static str] {
        match self {
            Ty::Dataset => fields_of::<RawDataset>(),
            Ty::Partner => fields_of::<RawPartner>(),
            Ty::Unit => fields_of::<RawUnit>(),
            Ty::Basis => fields_of::<RawBasis>(),
            Ty::Source => fields_of::<RawSource>(),
            Ty::Series => fields_of::<RawSeries>(),
            Ty::Observation => fields_of::<RawObservation>(),
            Ty::Formula => fields_of::<RawFormula>(),
            Ty::Claim => fields_of::<RawClaim>(),
            Ty::Figure => fields_of::<RawFigure>(),
            Ty::Check => fields_of::<RawCheck>(),
            Ty::Annotation => fields_of::<RawAnnotation>(),
            Ty::View => fields_of::<RawView>(),
        }
    }

    /// Nested objects: (field, type, is a list).
    fn children(self) -> &'static [(&'static str, Ty, bool)] {
        match self {
            Ty::Dataset => &[
                ("partners", Ty::Partner, true),
                ("unit", Ty::Unit, false),
                ("bases", Ty::Basis, true),
                ("sources", Ty::Source, true),
                ("series", Ty::Series, true),
                ("claims", Ty::Claim, true),
                ("annotations", Ty::Annotation, true),
                ("views", Ty::View, true),
            ],
            Ty::Series => &[("observations", Ty::Observation, true)],
            Ty::Observation => &[("derived", Ty::Formula, false)],
            Ty::Claim => &[("figure", Ty::Figure, false), ("check", Ty::Check, false)],
            _ => &[],
        }
    }
}

/// `Some((path, message))` for the first key no field of the schema names.
fn walk<N: Node>(node: &N, path: &str, ty: Ty) -> Option<(String, String)> {
    let keys = node.keys()?;
    let known = ty.fields();
    for k in &keys {
        if !known.contains(&k.as_str()) {
            let expected: Vec<String> = known.iter().map(|f| format!("`{f}`")).collect();
            return Some((
                join(path, k),
                format!(
                    "unknown field `{k}`, expected one of {}",
                    expected.join(", ")
                ),
            ));
        }
    }
    for &(field, child, list) in ty.children() {
        let Some(v) = node.get(field) else { continue };
        let p = join(path, field);
        if list {
            for (i, e) in v.elements().unwrap_or_default().iter().enumerate() {
                if let Some(found) = walk(e, &format!("{p}[{i}]"), child) {
                    return Some(found);
                }
            }
        } else if let Some(found) = walk(&v, &p, child) {
            return Some(found);
        }
    }
    None
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// The first unknown field anywhere in a dataset object: `(path, message)`.
pub fn unknown_field<N: Node>(root: &N, path: &str) -> Option<(String, String)> {
    walk(root, path, Ty::Dataset)
}

/// The first key of a flat object that `known` does not list.
pub fn unknown_key<N: Node>(node: &N, path: &str, known: &[&str]) -> Option<(String, String)> {
    let k = node
        .keys()?
        .into_iter()
        .find(|k| !known.contains(&k.as_str()))?;
    Some((join(path, &k), format!("unknown field `{k}`")))
}

#[cfg(not(target_arch = "wasm32"))]
impl Node for serde_json::Value {
    fn keys(&self) -> Option<Vec<String>> {
        self.as_object().map(|m| m.keys().cloned().collect())
    }
    fn get(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }
    fn elements(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
}
