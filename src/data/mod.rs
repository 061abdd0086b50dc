//! The dataset: the JSON model, its validation into checked types, derived values
//! and the claim check.

mod derive;
mod model;
mod period;
mod validate;

pub use model::*;
pub use period::{is_date, Period, PeriodKind};
pub use validate::{validate, MAX_USD};

use crate::i18n::Lang;

/// The default dataset (North Korea–China), in the same schema users give.
pub const DEFAULT_JSON: &str = include_str!("../../data/kp-cn.json");

/// Reader-facing text in each language it was given in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    /// English (also the fallback).
    pub en: String,
    /// Korean.
    pub ko: Option<String>,
    /// Chinese (simplified).
    pub zh: Option<String>,
}

impl Text {
    /// The text in `lang`, or English.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ko => self.ko.as_deref().unwrap_or(&self.en),
            Lang::Zh => self.zh.as_deref().unwrap_or(&self.en),
        }
    }

    /// The same text for all languages.
    pub fn plain(s: &str) -> Text {
        Text {
            en: s.to_string(),
            ko: None,
            zh: None,
        }
    }
}

/// One trading partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Partner {
    /// ISO code.
    pub code: String,
    /// Name.
    pub name: Text,
}

/// A cited publication.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Identifier.
    pub id: String,
    /// Publisher.
    pub publisher: String,
    /// Headline or description.
    pub title: String,
    /// Publication date if known.
    pub date: Option<String>,
    /// Address.
    pub url: String,
    /// Note.
    pub note: Option<String>,
}

/// A statistical basis.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: Text,
}

/// Which way goods went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Both ways added up.
    TwoWay,
    /// Exports of partner `from` to partner `to` (indices into `partners`).
    Flow {
        /// Exporter.
        from: usize,
        /// Importer.
        to: usize,
    },
}

/// How the source words a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// As printed.
    Exact,
    /// "about".
    Approx,
    /// "more than".
    AtLeast,
}

/// Where an observation lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ObsRef {
    /// Index into `Dataset::series`.
    pub series: usize,
    /// Index into that series' observations.
    pub obs: usize,
}

/// A formula's operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The sum of the inputs.
    Sum,
    /// The first input minus the others.
    Difference,
}

/// How a derived value was computed.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The operation.
    pub op: Op,
    /// Its inputs, in order.
    pub of: Vec<ObsRef>,
}

/// One checked figure. Every field is resolved: nothing is inherited at read time.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Identifier, if any.
    pub id: Option<String>,
    /// When.
    pub period: Period,
    /// Product or category.
    pub category: Option<Text>,
    /// The figure in the dataset's unit (computed for derived ones).
    pub value: f64,
    /// Index into `Dataset::bases`.
    pub basis: usize,
    /// As the source words it.
    pub qualifier: Qualifier,
    /// Indices into `Dataset::sources` (empty only for derived values).
    pub sources: Vec<usize>,
    /// The formula, for derived values.
    pub derived: Option<Derived>,
    /// Note.
    pub note: Option<Text>,
}

/// A checked series.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Identifier.
    pub id: String,
    /// Legend label.
    pub label: Text,
    /// Direction of every observation in it.
    pub direction: Direction,
    /// The observations, in the order given.
    pub observations: Vec<Observation>,
}

/// What kind of number a claim gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// Money in the dataset's unit.
    Money,
    /// A percentage change.
    Percent,
}

/// A claim's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStatus {
    /// Sourced data agree (checked at load).
    Agrees,
    /// Sourced data contradict it (checked at load when a check is given).
    Unsupported,
    /// No independent source.
    Unverified,
}

/// What a claim was compared with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Check {
    /// Equality with an observation's value.
    Equals(ObsRef),
    /// The percentage change from the first to the second.
    Change(ObsRef, ObsRef),
}

/// A checked claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Identifier.
    pub id: String,
    /// The claim in our words.
    pub text: Text,
    /// Money or percent.
    pub kind: FigureKind,
    /// The figure as the story prints it.
    pub value: f64,
    /// The verdict.
    pub status: ClaimStatus,
    /// The comparison, with the value computed from the data.
    pub check: Option<(Check, f64)>,
    /// Index into sources.
    pub source: usize,
    /// Why.
    pub note: Option<Text>,
    /// The period it is about, if it is drawn.
    pub period: Option<Period>,
}

/// A checked annotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// Identifier.
    pub id: String,
    /// When.
    pub period: Period,
    /// Drawn label.
    pub label: Text,
    /// Sentence.
    pub text: Text,
    /// Indices into sources.
    pub sources: Vec<usize>,
}

/// How a view draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// Bars side by side per period or category.
    Bars,
    /// Bars as wide as their period on a time axis.
    TimeBars,
    /// A line over time, broken at gaps.
    TimeLine,
}

/// The groups along the x axis of a `Bars` view.
#[derive(Debug, Clone, PartialEq)]
pub enum Groups {
    /// One group per period, in this order.
    Periods(Vec<Period>),
    /// One group per category (its English text), in order of first appearance.
    Categories(Vec<String>),
}

/// A checked view.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// Identifier.
    pub id: String,
    /// Tab label.
    pub label: Text,
    /// Headline.
    pub title: Text,
    /// Line under the headline.
    pub subtitle: Option<Text>,
    /// How it draws.
    pub kind: ViewKind,
    /// Series indices in legend order.
    pub series: Vec<usize>,
    /// For `Bars`: the x groups.
    pub groups: Groups,
    /// For time views: `[start, end)` in months.
    pub range: (i32, i32),
    /// The change drawn between two observations.
    pub change: Option<(ObsRef, ObsRef)>,
    /// Annotation indices.
    pub annotations: Vec<usize>,
    /// Notes.
    pub notes: Vec<Text>,
    /// Sources of figures quoted in the notes (indices).
    pub sources: Vec<usize>,
    /// Claims drawn on this view (indices).
    pub claims: Vec<usize>,
}

/// A checked dataset: every reference resolved, every derived value computed,
/// every claim checked. Built only by [`validate`].
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Identifier.
    pub id: String,
    /// Fallback headline.
    pub title: Text,
    /// The two partners.
    pub partners: Vec<Partner>,
    /// Currency code.
    pub currency: String,
    /// Multiplier of every value.
    pub scale: f64,
    /// Bases.
    pub bases: Vec<Basis>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Series.
    pub series: Vec<Series>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Annotations.
    pub annotations: Vec<Annotation>,
    /// Views.
    pub views: Vec<View>,
    /// Notes under every view.
    pub notes: Vec<Text>,
}

impl Dataset {
    /// The observation `r` points at.
    pub fn obs(&self, r: ObsRef) -> Option<&Observation> {
        self.series.get(r.series)?.observations.get(r.obs)
    }

    /// The view with this id.
    pub fn view_index(&self, id: &str) -> Option<usize> {
        self.views.iter().position(|v| v.id == id)
    }

    /// The default dataset.
    pub fn default_dataset() -> crate::Result<Dataset> {
        Dataset::from_json(DEFAULT_JSON)
    }

    /// Parses and validates a JSON text: the one way in, natively and in the browser
    /// (where the shell hands over `JSON.stringify(data)`). serde_json rejects unknown
    /// fields (`deny_unknown_fields`) and the error names the field (`error::path_at`).
    pub fn from_json(text: &str) -> crate::Result<Dataset> {
        let found = match text.trim_start().as_bytes().first() {
            Some(b'{') => None,
            Some(b'[') => Some("an array"),
            Some(b'"') => Some("a string"),
            Some(b't' | b'f') => Some("a boolean"),
            Some(b'n') => Some("null"),
            Some(_) => Some("a number"),
            None => Some("nothing"),
        };
        if let Some(found) = found {
            return Err(crate::Error::expected_as(
                crate::error::ErrorKind::InvalidType,
                "",
                "an object in the trade-chart dataset schema",
                found,
            ));
        }
        let raw: RawDataset = crate::error::from_json_text(text)?;
        validate(&raw)
    }
}
