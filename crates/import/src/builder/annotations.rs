//! The editor's annotations (the builder's "Annotations" step): the events of the story
//! on the chart, each a point in time or a span of time, with its label and text (in
//! English, Korean and Chinese), its sources and the views that draw it. They become the
//! dataset's annotations, checked as the dataset checks them, each error at its field
//! (`annotations[k].to`, `k` the editor's place among those sent).

use serde::Deserialize;
use trade_chart::data::Period;
use trade_chart::data::{RawAnnotation, RawDataset, RawText};
use trade_chart::error::{Error, ErrorKind};

use super::editor_text::editor_text;
use crate::annotations::{attach, DataPeriods};
use crate::cells::{slug, unique};

/// An annotation as the editor gives it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationInput {
    /// Its id; blank or absent: made from the English label (`border-closed`), unique
    /// among the annotations.
    #[serde(default)]
    pub id: Option<String>,
    /// When: a period of the data (`2020-01`); a span's first period.
    pub period: String,
    /// A span's last period (inclusive); absent for a point in time.
    #[serde(default)]
    pub to: Option<String>,
    /// The short label drawn on the chart: a string or `{ en, ko, zh }`.
    pub label: RawText,
    /// The sentence read out with the label: a string or `{ en, ko, zh }`.
    pub text: RawText,
    /// Its sources, by the dataset's source ids (at least one).
    #[serde(default)]
    pub sources: Vec<String>,
    /// The views that draw it, by id; absent: every time view that shows it.
    #[serde(default)]
    pub views: Option<Vec<String>>,
}

/// Makes `given` the annotations of `raw` (they replace the dataset's own, and every
/// view's list of them), each attached by [`attach`] to the views it names, or, when it
/// names none, to every time view that shows it (a point inside the view's range, a span
/// overlapping it). Errors at `annotations[k].field`: a blank label, text,
/// period or span end, the dataset's own checks (an unknown source, a period the data
/// cannot read, a span ending before it starts), a view that is not the dataset's or
/// does not show it, and an annotation no view would draw.
pub fn add_annotations(raw: &mut RawDataset, given: &[AnnotationInput]) -> Result<(), Error> {
    let mut used: Vec<String> = given
        .iter()
        .filter_map(|a| a.id.as_deref().map(str::trim).filter(|s| !s.is_empty()))
        .map(str::to_string)
        .collect();
    let mut made = Vec::with_capacity(given.len());
    for (k, a) in given.iter().enumerate() {
        let at = |f: &str| format!("annotations[{k}].{f}");
        let missing = |f: &str, what: &str| {
            Error::expected_as(ErrorKind::MissingField, at(f), what, "nothing")
        };
        let label = editor_text(&a.label, &at("label"))?
            .ok_or_else(|| missing("label", "a short label to draw on the chart"))?;
        let text = editor_text(&a.text, &at("text"))?
            .ok_or_else(|| missing("text", "a sentence about the event"))?;
        let period = a.period.trim();
        if period.is_empty() {
            return Err(missing("period", "a period of the data"));
        }
        let to = match a.to.as_deref().map(str::trim) {
            None => None,
            Some("") => return Err(missing("to", "the span's last period")),
            Some(t) => Some(t.to_string()),
        };
        let id = match a.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => id.to_string(),
            None => {
                let base = slug(english(&label));
                let base = if base.is_empty() {
                    "annotation".to_string()
                } else {
                    base
                };
                unique(&mut used, base)
            }
        };
        made.push(RawAnnotation {
            id,
            period: period.to_string(),
            to,
            label,
            text,
            sources: a
                .sources
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        });
    }
    // Each attached as the annotations table attaches its rows (sources, periods and
    // views checked there, at `annotations[k]`, `k` its place); the step is stricter on
    // two points, for an editor who sees the preview: a view named must show it, and an
    // annotation no view would draw is an error, not a warning.
    raw.annotations.clear();
    for v in &mut raw.views {
        v.annotations.clear();
    }
    let data = DataPeriods::of(raw);
    for (k, (a, annotation)) in given.iter().zip(made).enumerate() {
        let names: Option<Vec<String>> =
            (a.views.as_ref()).map(|n| n.iter().map(|s| s.trim().to_string()).collect());
        if names.as_ref().is_some_and(Vec::is_empty) {
            return Err(Error::expected_as(
                ErrorKind::MissingField,
                format!("annotations[{k}].views"),
                "a view to draw it on (or every time view that shows it)",
                "none",
            ));
        }
        for (m, name) in names.iter().flatten().enumerate() {
            let path = format!("annotations[{k}].views[{m}]");
            let Some(v) = raw.views.iter().find(|v| &v.id == name) else {
                return Err(Error::at(
                    ErrorKind::UnknownId,
                    path,
                    format!("no view {name:?}"),
                ));
            };
            if crate::annotations::shows(v, &annotation) {
                continue;
            }
            // A period that does not read is the period's error, not the view's.
            if Period::parse(&annotation.period).is_ok()
                && (annotation.to.as_deref()).map_or(true, |t| Period::parse(t).is_ok())
            {
                return Err(Error::new(
                    path,
                    format!("view {name:?} does not show it (a bar view, or a time view whose From and To leave it out)"),
                ));
            }
        }
        // The table takes a dataset's one source for a blank cell; the step asks for a
        // tick whenever there is a choice, without listing every source id.
        if annotation.sources.is_empty() && raw.sources.len() != 1 {
            return Err(Error::expected_as(
                ErrorKind::MissingField,
                format!("annotations[{k}].sources"),
                "at least one source, ticked among the dataset's",
                "none",
            ));
        }
        let beyond = data.as_ref().and_then(|d| d.beyond(&annotation));
        let drawn = attach(raw, annotation, names.as_deref())?;
        if drawn.is_empty() {
            return Err(Error::new(
                format!("annotations[{k}].period"),
                match beyond {
                    Some(b) => format!("no time view shows it: {b}; choose a period of the data"),
                    None => "no time view shows it: choose another period, or change a view's From and To".to_string(),
                },
            ));
        }
    }
    Ok(())
}

/// The dataset's own annotations drawn by every view that shows them (after its views
/// were replaced by ones that list none).
pub fn redraw_annotations(raw: &mut RawDataset) {
    let RawDataset {
        annotations, views, ..
    } = raw;
    if annotations.is_empty() {
        return;
    }
    for v in views.iter_mut() {
        v.annotations = (annotations.iter())
            .filter(|a| crate::annotations::shows(v, a))
            .map(|a| a.id.clone())
            .collect();
    }
}

/// A text's English (what an id is made from).
fn english(t: &RawText) -> &str {
    match t {
        RawText::Plain(s) => s,
        RawText::Localized(m) => m.get("en").map_or("", String::as_str),
    }
}
