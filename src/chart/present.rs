//! What the shell is sent, in the reader's language: the structs that cross to JS
//! (meta, legend, tooltip, table, claims) and the facts of one figure they are made of.
//! Everything a reader reads about a figure comes from [`facts`], once.

use serde::Serialize;

use crate::data::{Check, ClaimStatus, Dataset, ObsRef, Op};
use crate::scene::{Item, Rect, Scene, Target};
use crate::text::format;
use crate::text::words::{self, t, Lang, Msg, Ui};

/// A tab.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ViewInfo {
    /// The view's id (`views[i].id`): the tab's `data-view`, what `set_view` takes.
    pub id: String,
    /// The tab's text (`views[i].label`) in the reader's language.
    pub label: String,
}

/// A legend entry (a series of the current view).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LegendEntry {
    /// The series' id: the legend button's `data-series`, what `toggle_series` takes.
    pub id: String,
    /// The series' label in the reader's language: the legend button's text, and the
    /// tooltip's series line.
    pub label: String,
    /// The series' colour as `rgb(r,g,b)` (alpha dropped), for the swatch.
    pub color: String,
    /// `solid`, `stripes` or `dots`: the bars' fill, so series differ by more than colour.
    pub texture: &'static str,
    /// False while the reader has hidden the series (`toggle_series`); the shell writes it
    /// to the button's `aria-pressed`.
    pub visible: bool,
}

/// Everything the shell writes around the canvas.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Meta {
    /// `dataset` (sourced figures) or `columns` (plain numeric series).
    pub kind: &'static str,
    /// What the chart can do: the shell shows only these controls.
    pub can: Capabilities,
    /// `en`, `ko` or `zh`, the language of every text here; the shell sets it as the
    /// figure's `lang` attribute.
    pub lang: &'static str,
    /// The current view's title (for columns, the title given, possibly empty); the shell
    /// shows it above the chart and makes it the canvas's `aria-label`.
    pub title: String,
    /// The view's subtitle, "" when it has none (always for columns).
    pub subtitle: String,
    /// Notes for this view.
    pub notes: Vec<String>,
    /// The line under the chart: the dataset's credit, if any, and "Sources: …" beside it
    /// ("Chart: The Border Desk · Sources: …").
    pub source_line: String,
    /// The newsroom's credit line (`Dataset::credit`) in the reader's language, "" when
    /// the dataset has none; the shell shows it under the chart beside the source line.
    pub credit: String,
    /// Current view id.
    pub view: String,
    /// Every view of the dataset, in tab order; empty for columns (the shell hides the tabs).
    pub views: Vec<ViewInfo>,
    /// The current view's series in legend order, hidden ones included (`visible: false`).
    pub legend: Vec<LegendEntry>,
    /// A sentence on what the view shows (the canvas's accessible description).
    pub summary: String,
    /// How many claims the dataset has, whatever their status (0 for columns); the shell
    /// shows "Check the story's claims" only when it is above 0.
    pub claims: usize,
    /// The widget's own labels.
    pub ui: Ui,
}

/// A drawn item, for tests and keyboard navigation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemInfo {
    /// Observation id, "series#index", "claim:id" or "annotation:id" (an annotation is an
    /// item in every series' row, so its id comes once per row).
    pub id: String,
    /// Series id ("" for a claim and an annotation).
    pub series: String,
    /// Period in words (an annotation's time, a span's from its start to its end).
    pub period: String,
    /// The figure's category in the reader's language; "" without one and for claims; an
    /// annotation's label.
    pub label: String,
    /// Value in words ("" for an annotation).
    pub value: String,
    /// Left edge of the hit box (the pointer target: the figure's column from the plot's top
    /// to its bottom, or a 16 px square on a claim), in CSS px from the canvas's left.
    pub x: f64,
    /// Top edge of the hit box, CSS px from the canvas's top (the plot's top but for claims).
    pub y: f64,
    /// Width of the hit box in CSS px: a bar's width with half the gap on each side, or the
    /// width of the figure's period on time views; 16 for a claim.
    pub w: f64,
    /// Height of the hit box in CSS px: the plot's height; 16 for a claim.
    pub h: f64,
}

/// A data table for the current view: a caption, headers and rows of text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Table {
    /// Caption (the view's title).
    pub caption: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// One row per figure shown, in reading order.
    pub rows: Vec<Vec<String>>,
    /// The annotations the view draws, as a table of their own (caption "Marked on the
    /// chart"; when, label, details, source), in time order; none when it draws none.
    pub annotations: Option<Box<Table>>,
}

/// A claim of the story, with its verdict, for the claims list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimInfo {
    /// The claim's id (`claims[i].id`); the shell sets it as the item's `data-claim`.
    pub id: String,
    /// The claim in words.
    pub text: String,
    /// `agrees`, `unsupported` or `unverified`.
    pub status: &'static str,
    /// The verdict in words.
    pub status_label: String,
    /// The verdict's glyph (✓, ✗ or ?), as on the chart.
    pub badge: &'static str,
    /// The figure as the story gives it.
    pub story: String,
    /// What the data give: the observation's value and period for `equals`, the computed
    /// change for `change`; "" without a check (`unverified`).
    pub data: String,
    /// Why it has its verdict (`claims[i].note`), in the reader's language; "" when none
    /// (never for `unsupported`, which validation requires to have one).
    pub note: String,
    /// The publisher of the claim's `source` (the story it is from).
    pub source: String,
}

/// What a chart can do beyond drawing, hovering and CSV: the shell shows only the
/// controls for these.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Capabilities {
    /// Tabs (`set_view`) and a dataset to replace (`set_data`).
    pub views: bool,
    /// "Show data" (`table`).
    pub table: bool,
    /// The claim check (`claims`).
    pub claims: bool,
    /// PNG and SVG of the view with its title and sources (`svg`, `render_export`).
    pub export: bool,
    /// Keyboard focus moving between figures (`navigate`, `describe`, `items`).
    pub navigate: bool,
}

impl Capabilities {
    /// A sourced dataset: everything.
    pub const DATASET: Capabilities = Capabilities {
        views: true,
        table: true,
        claims: true,
        export: true,
        navigate: true,
    };
    /// Plain numeric columns: drawing, hover, legend and CSV only.
    pub const COLUMNS: Capabilities = Capabilities {
        views: false,
        table: false,
        claims: false,
        export: false,
        navigate: false,
    };
}

/// The facts of one observation in words: what the tooltip, the table, the live region
/// and the exports say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// Period (with the category first, if any): "June 2020".
    pub title: String,
    /// Series label.
    pub series: String,
    /// Series id.
    pub series_id: String,
    /// "$491.06 million", "about $24 million".
    pub value: String,
    /// The statistical basis' label.
    pub basis: String,
    /// For a derived figure: its terms, e.g. "$1.23M + $4.56M".
    pub formula: Option<String>,
    /// The observation's note.
    pub note: Option<String>,
    /// "Yonhap News Agency, 12 February 2021" (every source, `; `-separated).
    pub source: String,
    /// The first source's address (empty for derived figures).
    pub url: String,
    /// The first source's publisher (or "computed from the sourced figures").
    pub publisher: String,
}

impl Facts {
    /// The tooltip's lines under the value: the basis, the formula of a derived
    /// figure, the note.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines = vec![format!("{}: {}", t(lang, Msg::Basis), self.basis)];
        if let Some(f) = &self.formula {
            lines.push(format!("{}: {f}", t(lang, Msg::Derived)));
        }
        lines.extend(self.note.clone());
        lines
    }

    /// The table's note column: the formula and the note.
    pub fn table_note(&self, lang: Lang) -> String {
        self.lines(lang).get(1..).unwrap_or_default().join(" ")
    }
}

/// The facts of observation `r`, or `None` if `r` is not in `ds`.
pub fn facts(ds: &Dataset, r: ObsRef, lang: Lang) -> Option<Facts> {
    let series = ds.series.get(r.series)?;
    let o = series.observations.get(r.obs)?;
    let sep = if lang == Lang::En { ", " } else { " · " };
    let mut title = format::period(&o.period, lang);
    if let Some(c) = &o.category {
        title = format!("{}{sep}{title}", c.get(lang));
    }
    let formula = o.derived.as_ref().map(|d| {
        let op = match d.op {
            Op::Sum => " + ",
            Op::Difference => " − ",
        };
        let mut out = String::new();
        for i in d.of.iter().filter_map(|r| ds.obs(*r)) {
            if !out.is_empty() {
                out.push_str(op);
            }
            out.push_str(&format::money_short(i.value * ds.scale, ds.currency, lang));
        }
        out
    });
    let first = o.sources.first().and_then(|&i| ds.sources.get(i));
    Some(Facts {
        title,
        series: series.label.get(lang).to_string(),
        series_id: series.id.clone(),
        value: format::money_qualified(o.value * ds.scale, ds.currency, o.qualifier, lang),
        basis: ds
            .bases
            .get(o.basis)
            .map(|b| b.label.get(lang))
            .unwrap_or_default()
            .to_string(),
        formula,
        note: o.note.as_ref().map(|n| n.get(lang).to_string()),
        source: if o.sources.is_empty() {
            t(lang, Msg::ComputedFromSourced).to_string()
        } else {
            cites(ds, &o.sources, lang)
        },
        url: first.map(|s| s.url.clone()).unwrap_or_default(),
        publisher: first
            .map_or(t(lang, Msg::ComputedFromSourced), |s| s.publisher.as_str())
            .to_string(),
    })
}

/// What the tooltip shows for an item, plus where to put the highlight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hover {
    /// Index in `Scene::items`, as `describe` takes it (for columns: the point's index in
    /// `x`).
    pub index: usize,
    /// Left edge of the highlight box: the drawn mark's box (not the wider hit box; for
    /// columns an 8 px square on the nearest point), in CSS px from the canvas's left.
    pub x: f64,
    /// Top edge of the highlight box, CSS px from the canvas's top.
    pub y: f64,
    /// Width of the highlight box in CSS px.
    pub w: f64,
    /// Height of the highlight box in CSS px, at least 2 (so a zero-height bar still shows one).
    pub h: f64,
    /// Period (and category) in words: "June 2020"; an annotation's time, a span's as
    /// "January to September 2020".
    pub title: String,
    /// Series label (or "The story says" for a claim; "" for an annotation).
    pub series: String,
    /// Series id (empty for a claim).
    pub series_id: String,
    /// The value in words: "$491.06 million", "about $24 million"; an annotation's label.
    pub value: String,
    /// Basis, formula, notes; an annotation's text.
    pub lines: Vec<String>,
    /// "Yonhap News Agency, 12 February 2021".
    pub source: String,
    /// The first source's address (empty for derived figures); the shell does not show it.
    pub url: String,
    /// One sentence for screen readers.
    pub announce: String,
}

/// An annotation in words: what its tooltip, the live region, the data table, the CSV
/// and the summary say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// When: "January 2020", a span "January to September 2020" ([`format::span`]).
    pub when: String,
    /// Its short label, as drawn.
    pub label: String,
    /// Its sentence.
    pub text: String,
    /// Every source cited as a figure's are ("Walltrace, 22 February 2021"), `; `-separated.
    pub source: String,
    /// Its sources' publishers, in order, each once, `; `-separated.
    pub publishers: String,
    /// Whether it has more than one publisher.
    pub many: bool,
    /// The first source's address.
    pub url: String,
}

/// Annotation `a` of `ds` in words, or `None` if `a` is not in `ds`.
pub fn note(ds: &Dataset, a: usize, lang: Lang) -> Option<Note> {
    let an = ds.annotations.get(a)?;
    let publishers = publishers(ds, &an.sources);
    Some(Note {
        when: format::span(&an.period, an.to.as_ref(), lang),
        label: an.label.get(lang).to_string(),
        text: an.text.get(lang).to_string(),
        source: cites(ds, &an.sources, lang),
        many: publishers.len() > 1,
        publishers: publishers.join("; "),
        url: (an.sources.first())
            .and_then(|&i| ds.sources.get(i))
            .map(|s| s.url.clone())
            .unwrap_or_default(),
    })
}

/// The publishers of `sources` (indices into `ds.sources`), in order, each once.
pub fn publishers<'a>(ds: &'a Dataset, sources: &[usize]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for s in sources.iter().filter_map(|&i| ds.sources.get(i)) {
        if !out.contains(&s.publisher.as_str()) {
            out.push(&s.publisher);
        }
    }
    out
}

/// Every source of `sources` cited ([`cite`]), `; `-separated.
fn cites(ds: &Dataset, sources: &[usize], lang: Lang) -> String {
    let mut out = String::new();
    for c in sources.iter().filter_map(|&i| cite(ds, i, lang)) {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(&c);
    }
    out
}

fn cite(ds: &Dataset, i: usize, lang: Lang) -> Option<String> {
    let s = ds.sources.get(i)?;
    Some(format!(
        "{}, {}",
        s.publisher,
        format::date(s.date.as_deref(), lang)
    ))
}

/// The text of a claim's verdict.
pub fn status_text(status: ClaimStatus, lang: Lang) -> &'static str {
    t(
        lang,
        match status {
            ClaimStatus::Agrees => Msg::Agrees,
            ClaimStatus::Unsupported => Msg::Unsupported,
            ClaimStatus::Unverified => Msg::Unverified,
        },
    )
}

/// What the tooltip says about `target` ([`describe`] of it as the one item of a scene, at
/// no place): the published picture writes it for each of its hit regions
/// (`chart/dataset/picture.rs`). Not a second [`describe`], so the reader's core, which
/// never calls this, is built from the same code as before.
pub fn tooltip(ds: &Dataset, target: Target, lang: Lang) -> Option<Hover> {
    let item = Item {
        target,
        row: 0,
        hit: Rect::default(),
        mark: Rect::default(),
    };
    let scene = Scene {
        items: vec![item],
        ..Scene::default()
    };
    describe(ds, &scene, 0, lang)
}

/// The tooltip for item `index` of `scene`.
pub fn describe(ds: &Dataset, scene: &Scene, index: usize, lang: Lang) -> Option<Hover> {
    let item = scene.items.get(index)?;
    let mark = item.mark;
    let sep = if lang == Lang::En { ", " } else { " · " };
    let mut hover = Hover {
        index,
        x: mark.x0,
        y: mark.y0,
        w: mark.w(),
        h: mark.h().max(2.0),
        title: String::new(),
        series: String::new(),
        series_id: String::new(),
        value: String::new(),
        lines: Vec::new(),
        source: String::new(),
        url: String::new(),
        announce: String::new(),
    };
    match item.target {
        Target::Obs(obs) => {
            let f = facts(ds, obs, lang)?;
            let (dsep, derived) = match f.formula {
                Some(_) => (sep, t(lang, Msg::Derived)),
                None => ("", ""),
            };
            hover.announce = [
                &f.title,
                sep,
                &f.series,
                sep,
                &f.value,
                sep,
                &f.basis,
                dsep,
                derived,
                sep,
                &f.publisher,
            ]
            .concat();
            hover.lines = f.lines(lang);
            hover.title = f.title;
            hover.series = f.series;
            hover.series_id = f.series_id;
            hover.value = f.value;
            hover.source = f.source;
            hover.url = f.url;
        }
        Target::Claim(c) => {
            let claim = ds.claims.get(c)?;
            hover.title = claim
                .period
                .map(|p| format::period(&p, lang))
                .unwrap_or_default();
            hover.series = t(lang, Msg::StorySays).to_string();
            hover.value = format::money(claim.value * ds.scale, ds.currency, lang);
            let status = status_text(claim.status, lang);
            hover.lines.push(status.to_string());
            hover.lines.push(claim.text.get(lang).to_string());
            if let Some((Check::Equals(r), v)) = claim.check {
                let when = ds
                    .obs(r)
                    .map(|o| format::period(&o.period, lang))
                    .unwrap_or_default();
                hover.lines.push(format!(
                    "{}: {} ({when})",
                    t(lang, Msg::DataSay),
                    format::money(v * ds.scale, ds.currency, lang)
                ));
            }
            if let Some(n) = &claim.note {
                hover.lines.push(n.get(lang).to_string());
            }
            hover.source = cite(ds, claim.source, lang).unwrap_or_default();
            hover.url = ds
                .sources
                .get(claim.source)
                .map(|s| s.url.clone())
                .unwrap_or_default();
            hover.announce = [
                &hover.title,
                sep,
                &hover.series,
                sep,
                &hover.value,
                sep,
                status,
            ]
            .concat();
        }
        Target::Annotation(a) => {
            let n = note(ds, a, lang)?;
            hover.announce =
                words::annotation_sentence(lang, &n.label, &n.when, &n.text, &n.publishers, n.many);
            hover.title = n.when;
            hover.value = n.label;
            hover.lines.push(n.text);
            hover.source = n.source;
            hover.url = n.url;
        }
    }
    Some(hover)
}
