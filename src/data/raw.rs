//! The dataset schema as it is written in JSON (docs/DATA.md). These types only
//! describe the shape; `validate` turns them into a checked [`super::Dataset`].

use std::collections::BTreeMap;

#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
use serde::Deserialize;
use serde::Serialize;

use super::json::{invalid_type, At, Fields, FromJson, Json};
use crate::error::Result;

/// Reader-facing text: a plain string, or one per language
/// (`{"en": "…", "ko": "…", "zh": "…"}`; `en` is the fallback and required).
///
/// Read by hand rather than with `#[serde(untagged)]`, which buffers every value into
/// serde's private `Content` tree and tries each variant in turn: more code in the wasm,
/// slower, and a vaguer error ("did not match any variant").
#[derive(Debug, Clone, PartialEq)]
pub enum RawText {
    /// The same text for every reader.
    Plain(String),
    /// By language tag.
    Localized(BTreeMap<String, String>),
}

#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string, or an object of strings by language")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<RawText, E> {
                Ok(RawText::Plain(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(
                self,
                v: String,
            ) -> std::result::Result<RawText, E> {
                Ok(RawText::Plain(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> std::result::Result<RawText, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(RawText::Localized(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl FromJson for RawText {
    fn from_json(v: &Json, at: &At) -> Result<Self> {
        match v {
            Json::Str(s) => Ok(RawText::Plain(s.clone())),
            Json::Obj(members) => {
                let mut out = BTreeMap::new();
                for (k, v) in members {
                    out.insert(k.clone(), String::from_json(v, &At::Key(at, k))?);
                }
                Ok(RawText::Localized(out))
            }
            _ => Err(invalid_type(
                at,
                v,
                "a string, or an object of strings by language",
            )),
        }
    }
}

impl Serialize for RawText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            RawText::Plain(t) => s.serialize_str(t),
            RawText::Localized(m) => m.serialize(s),
        }
    }
}

/// A whole dataset: one pair of countries, their figures, where each comes from,
/// the claims of a story checked against them, and the views to show.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawDataset {
    /// Schema version; this crate reads version 1.
    pub schema: u32,
    /// A short identifier, e.g. `kp-cn`.
    pub id: String,
    /// The chart's headline when a view has none of its own.
    pub title: RawText,
    /// The two trading partners, by ISO code and name. Directions name these codes.
    pub partners: Vec<RawPartner>,
    /// What the numbers count.
    pub unit: RawUnit,
    /// The statistical bases figures may rest on (customs, an agency's estimate…).
    pub bases: Vec<RawBasis>,
    /// Everything cited.
    pub sources: Vec<RawSource>,
    /// Series of observations.
    pub series: Vec<RawSeries>,
    /// Statements from the story, checked against the observations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<RawClaim>,
    /// Dated events drawn on time views.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<RawAnnotation>,
    /// The views a reader can switch between, in tab order.
    pub views: Vec<RawView>,
    /// Notes shown under every view.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<RawText>,
    /// The newsroom's credit line ("Chart: The Border Desk"), shown under the chart beside
    /// the sources and in every export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<RawText>,
}

/// One trading partner.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawPartner {
    /// ISO 3166 alpha-2 code, e.g. `KP`.
    pub code: String,
    /// Name as readers know it, e.g. `North Korea`.
    pub name: RawText,
}

/// The unit of every `value`: `currency` times `scale` (e.g. USD × 1,000,000).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawUnit {
    /// A known ISO 4217 code (`USD`, `EUR`, `KRW`…): every value is in it, never converted.
    pub currency: String,
    /// The multiplier, e.g. `1000000` when values are written in millions.
    pub scale: f64,
}

/// A statistical basis, e.g. China's customs figures.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawBasis {
    /// Identifier used by series and observations.
    pub id: String,
    /// Shown to readers.
    pub label: RawText,
}

/// A cited publication.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawSource {
    /// Identifier used by observations, claims and annotations.
    pub id: String,
    /// Who published it.
    pub publisher: String,
    /// Headline or short description (our words where the headline is unknown).
    pub title: String,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `null` where no copy shows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where to read it (`http://` or `https://`).
    pub url: String,
    /// Anything a reader should know about the source (e.g. whose data it reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A series: observations sharing a direction and (by default) a basis.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawSeries {
    /// Identifier used by views.
    pub id: String,
    /// Legend label.
    pub label: RawText,
    /// `"two-way"` or `"XX>YY"` (exports of XX to YY), with the partners' codes.
    pub direction: String,
    /// Default basis of the observations (a `bases` id).
    pub basis: String,
    /// At least one figure (validation refuses an empty list); a gap is left out, never 0.
    pub observations: Vec<RawObservation>,
}

/// One figure.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawObservation {
    /// Needed when a derived value, claim or view refers to this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `2020`, `2020-06`, or a combined release `2020-01/2020-02`.
    pub period: String,
    /// A product or category, for breakdowns (e.g. `Tungsten`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<RawText>,
    /// The figure in the dataset's unit; absent for derived observations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Overrides the series' basis for this figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// `approx` ("about") or `at_least` ("more than"), as the source words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Source ids; required unless the figure is derived.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// How a derived figure is computed from others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<RawFormula>,
    /// Anything a reader should know about this figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<RawText>,
}

/// A formula over other observations' values.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawFormula {
    /// `sum` (all of `of`) or `difference` (the first minus the rest).
    pub op: String,
    /// At least two observation ids, in order (`difference` subtracts the rest from the first).
    pub of: Vec<String>,
}

/// A statement from the story, checked against the data.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawClaim {
    /// Never empty, unique among claims; a view's `claims` names it to draw the claim.
    pub id: String,
    /// The claim in our words.
    pub text: RawText,
    /// The figure the story gives.
    pub figure: RawFigure,
    /// `agrees`, `unsupported` or `unverified`; validation checks it against `check`.
    pub status: String,
    /// What to compare the figure with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<RawCheck>,
    /// Where the claim appears (a source id: the story).
    pub source: String,
    /// The period the claim is about, to draw it on time views.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Why it has the status it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<RawText>,
}

/// A claimed number: money in the dataset's unit, or a percentage change.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawFigure {
    /// `money` or `percent`.
    pub kind: String,
    /// As printed (its decimals set the tolerance of the check).
    pub value: f64,
}

/// What a claim is compared with.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawCheck {
    /// The claim's money figure should equal this observation's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    /// The claim's percentage should equal the change from the first to the second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Vec<String>>,
}

/// A dated event (a point in time) or a span of time (`period` … `to`).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawAnnotation {
    /// Identifier used by views.
    pub id: String,
    /// When (a period, as for observations); the first period of a span.
    pub period: String,
    /// The last period of a span (inclusive); none for a point in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// A short label drawn on the chart.
    pub label: RawText,
    /// A sentence about the event, read out with the label and its sources.
    pub text: RawText,
    /// Source ids, at least one.
    pub sources: Vec<String>,
}

/// One view (tab).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct RawView {
    /// Identifier (`options.view`).
    pub id: String,
    /// Tab label.
    pub label: RawText,
    /// Headline for this view.
    pub title: RawText,
    /// Line under the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<RawText>,
    /// `bars` (groups of bars side by side, by period or category), `time-bars` (bars as
    /// wide as their period)
    /// or `time-line` (a line over time).
    pub kind: String,
    /// Series ids, in legend order.
    pub series: Vec<String>,
    /// `period` (default) or `category`: what the bars of a `bars` view stand for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    /// For `bars` by period: which periods, in order (default: all, in order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periods: Option<Vec<String>>,
    /// For time views: the first period shown (required there, with `to`; ignored on `bars`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// For time views: the last period shown, through its end; at most 100 years after
    /// `from` starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Two observation ids: the change from the first to the second is drawn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Vec<String>>,
    /// Annotation ids drawn on this view.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<String>,
    /// Notes for this view.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<RawText>,
    /// Source ids for figures quoted in `notes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Claim ids drawn on this (time) view next to the data they are checked against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<String>,
}

/// The reader of each type (`json.rs`): its members in declaration order (serde's
/// "expected one of" lists them so), each required (`req`), optional (`opt`: missing or
/// `null`) or a list that may be missing (`list`).
macro_rules! from_json {
    ($ty:ident { $($f:ident: $how:ident),* $(,)? }) => {
        impl FromJson for $ty {
            fn from_json(v: &Json, at: &At) -> Result<Self> {
                let f = Fields::of(v, at, concat!("struct ", stringify!($ty)), &[$(stringify!($f)),*])?;
                Ok($ty { $($f: f.$how(stringify!($f))?),* })
            }
        }
    };
}

from_json!(RawDataset {
    schema: req,
    id: req,
    title: req,
    partners: req,
    unit: req,
    bases: req,
    sources: req,
    series: req,
    claims: list,
    annotations: list,
    views: req,
    notes: list,
    credit: opt,
});
from_json!(RawPartner {
    code: req,
    name: req
});
from_json!(RawUnit {
    currency: req,
    scale: req
});
from_json!(RawBasis {
    id: req,
    label: req
});
from_json!(RawSource {
    id: req,
    publisher: req,
    title: req,
    date: opt,
    url: req,
    note: opt
});
from_json!(RawSeries {
    id: req,
    label: req,
    direction: req,
    basis: req,
    observations: req
});
from_json!(RawObservation {
    id: opt,
    period: req,
    category: opt,
    value: opt,
    basis: opt,
    qualifier: opt,
    sources: list,
    derived: opt,
    note: opt,
});
from_json!(RawFormula { op: req, of: req });
from_json!(RawClaim {
    id: req,
    text: req,
    figure: req,
    status: req,
    check: opt,
    source: req,
    period: opt,
    note: opt,
});
from_json!(RawFigure {
    kind: req,
    value: req
});
from_json!(RawCheck {
    equals: opt,
    change: opt
});
from_json!(RawAnnotation {
    id: req,
    period: req,
    to: opt,
    label: req,
    text: req,
    sources: req
});
from_json!(RawView {
    id: req,
    label: req,
    title: req,
    subtitle: opt,
    kind: req,
    series: req,
    x: opt,
    periods: opt,
    from: opt,
    to: opt,
    change: opt,
    annotations: list,
    notes: list,
    sources: list,
    claims: list,
});

impl RawDataset {
    /// Reads a dataset's JSON text into its schema types, unchecked (`validate` checks
    /// them): errors name the field path, in serde's words.
    pub fn from_json_text(text: &str) -> Result<RawDataset> {
        RawDataset::from_json(&super::json::parse(text)?, &At::Root)
    }
}
