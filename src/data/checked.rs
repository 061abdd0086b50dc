//! The checked dataset: what `validate` makes of the raw model, and every later step
//! reads. Ids are resolved to indices, periods parsed, units kept in the dataset's currency.

use crate::data::currency::Currency;
use crate::data::lang::Lang;
use crate::data::period::Period;

/// The largest figure accepted, in the dataset's currency: 10¹⁷, room for a country's
/// whole trade in won, yen or dong (Korea's two-way trade is about 1.9 × 10¹⁵ won; world
/// trade about 3 × 10¹³ US dollars), and far below 9 × 10¹⁸, where whole-number formatting
/// stops (`number::decimal`).
pub const MAX_AMOUNT: f64 = 1e17;

/// Reader-facing text in each language it was given in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    /// English (also the fallback).
    pub en: String,
    /// Korean (`ko`), if the dataset gives it; Korean readers get `en` without it.
    pub ko: Option<String>,
    /// Chinese, simplified (`zh`), if given; Chinese readers get `en` without it.
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
    /// `partners[i].code`, e.g. `KP` (ISO 3166 alpha-2 by convention; validation only
    /// requires it non-empty and different from the other partner's). Directions such as
    /// `"KP>CN"` name it.
    pub code: String,
    /// The name readers see, e.g. in a view's change summary ("between North Korea and China").
    pub name: Text,
}

/// A cited publication.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// `sources[i].id`: never empty and unique among sources (validation refuses both).
    /// Observations, claims, annotations and views cite the source by it.
    pub id: String,
    /// Who published it (never empty): the source line ("Sources: …"), the tooltip's
    /// citation, the claims list and the CSV name the source by it.
    pub publisher: String,
    /// Headline or description.
    pub title: String,
    /// Publication date if known.
    pub date: Option<String>,
    /// `sources[i].url`, starting `http://` or `https://` (validation checks). The first
    /// source's goes into the tooltip data (`Hover::url`); the CSV lists every one.
    pub url: String,
    /// `sources[i].note`, one language, as written (e.g. whose data it reports). Kept, but
    /// not shown by this version.
    pub note: Option<String>,
}

/// A statistical basis.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// `bases[i].id`, e.g. `customs`: never empty, unique among bases. Series and
    /// observations name their basis by it.
    pub id: String,
    /// Shown to readers: the tooltip's and table's "Basis", the key above a line view,
    /// the note on other views that mix bases, and the CSV.
    pub label: Text,
}

/// Which way goods went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Both ways added up.
    TwoWay,
    /// Exports of partner `from` to partner `to` (indices into `partners`).
    Flow {
        /// Index of the exporting partner (`XX` in `"XX>YY"`).
        from: usize,
        /// Index of the importing partner (`YY`); never equal to `from`.
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
    /// The months the figure covers (`2020`, `2020-06`, `2020-01/2020-02`); no two figures
    /// of a series with the same category overlap (validation refuses it).
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
    /// `observations[j].note`: the tooltip's last line, and the table's and CSV's note column.
    pub note: Option<Text>,
}

/// A checked series.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// `series[i].id`: never empty, unique among series. Views list series by it; the
    /// legend's `data-series` and `toggle_series` use it.
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
    /// `claims[i].id`: never empty, unique among claims. Views draw a claim by it; its
    /// item's id is `claim:<id>`.
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
    /// Why it has its verdict (`claims[i].note`): required for `Unsupported` (validation
    /// refuses one without), optional otherwise. Shown in the tooltip and the claims list.
    pub note: Option<Text>,
    /// The period it is about, if it is drawn.
    pub period: Option<Period>,
}

/// A checked annotation.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// `annotations[i].id`: never empty, unique among annotations. Views list the
    /// annotations they draw by it.
    pub id: String,
    /// When: a point in time is drawn as a dashed vertical line at the middle of this
    /// period; a span starts here.
    pub period: Period,
    /// The last period of a span (inclusive, never before `period`), drawn as a band from
    /// `period.start` to `to.end`; none for a point in time.
    pub to: Option<Period>,
    /// Drawn label.
    pub label: Text,
    /// `annotations[i].text`, a sentence about the event, read out with the label.
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
    /// `views[i].id`: never empty, unique among views. `options.view`, `set_view` and the
    /// tabs' `data-view` use it.
    pub id: String,
    /// Tab label.
    pub label: Text,
    /// `views[i].title`: the shell's title line and the canvas's `aria-label`, the table's
    /// caption, the export's heading, and the first words of the summary (unless the view
    /// has a `change`, whose sentence replaces it).
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
    /// The view's own notes (`views[i].notes`); `meta().notes` adds a line on mixed bases
    /// (except on line views) and the dataset's `notes` after them.
    pub notes: Vec<Text>,
    /// Sources of figures quoted in the notes (indices).
    pub sources: Vec<usize>,
    /// Claims drawn on this view (indices).
    pub claims: Vec<usize>,
}

/// A checked dataset: every reference resolved, every derived value computed,
/// every claim checked. Built only by [`crate::data::validate()`].
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The top-level `id`, e.g. `kp-cn`: never empty (validation refuses an empty id).
    /// Not shown to readers.
    pub id: String,
    /// Fallback headline.
    pub title: Text,
    /// The two partners.
    pub partners: Vec<Partner>,
    /// `unit.currency`: every figure is in it, never converted.
    pub currency: Currency,
    /// Multiplier of every value.
    pub scale: f64,
    /// The statistical bases, in the order given. `Observation::basis` indexes them, and
    /// a basis's index picks its marker shape on line views (`Shape::for_basis`).
    pub bases: Vec<Basis>,
    /// Every cited publication, in the order given; observations, claims, annotations and
    /// views hold indices into it.
    pub sources: Vec<Source>,
    /// At least one (validation refuses none), in the order given. A series' colour
    /// follows its direction, not its place here.
    pub series: Vec<Series>,
    /// The story's claims, each checked at load; possibly none. The claims list shows every
    /// one; time views draw those they list.
    pub claims: Vec<Claim>,
    /// Dated events, possibly none; drawn only on the time views that list them.
    pub annotations: Vec<Annotation>,
    /// At least one, in tab order; the first is shown unless `options.view` names another.
    pub views: Vec<View>,
    /// Notes under every view.
    pub notes: Vec<Text>,
    /// The newsroom's credit line, if given.
    pub credit: Option<Text>,
}
