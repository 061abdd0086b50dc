//! The editor's annotations (the builder's "Annotations" step): the events of the story
//! on the chart, each a point in time or a span of time, with its label and text (in
//! English, Korean and Chinese), its sources and the views that draw it. They become the
//! dataset's annotations, checked as the dataset checks them, each error at its field
//! (`annotations[k].to`, `k` the editor's place among those sent).

use serde::Deserialize;
use trade_chart::data::{RawAnnotation, RawDataset, RawText};
use trade_chart::error::{Error, ErrorKind};
use trade_chart::select::Selection;

use super::editor_text::editor_text;
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
/// view's list of them), each attached to the views it names, or, when it names none, to
/// every time view that shows it (what [`Selection`] draws: a point inside the view's
/// range, a span overlapping it). Errors at `annotations[k].field`: a blank label, text,
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
    // Every annotation listed by every view, checked: the selection then says which view
    // shows which (the rule the chart draws by, in one place).
    let ids: Vec<String> = made.iter().map(|a| a.id.clone()).collect();
    raw.annotations = made;
    let shows = showing(raw)?;
    let mut drawn_by: Vec<Vec<String>> = vec![Vec::new(); raw.views.len()];
    for (k, a) in given.iter().enumerate() {
        let shown_on = |v: usize| shows.get(v).is_some_and(|s| s.contains(&k));
        match &a.views {
            None => {
                let all: Vec<usize> = (0..raw.views.len()).filter(|&v| shown_on(v)).collect();
                if all.is_empty() {
                    return Err(Error::new(
                        format!("annotations[{k}].period"),
                        "no time view shows it: choose another period, or change a view's From and To",
                    ));
                }
                all.into_iter()
                    .for_each(|v| drawn_by[v].push(ids[k].clone()));
            }
            Some(names) if names.is_empty() => {
                return Err(Error::expected_as(
                    ErrorKind::MissingField,
                    format!("annotations[{k}].views"),
                    "a view to draw it on (or every time view that shows it)",
                    "none",
                ))
            }
            Some(names) => {
                for (m, name) in names.iter().enumerate() {
                    let path = format!("annotations[{k}].views[{m}]");
                    let Some(v) = raw.views.iter().position(|v| v.id == name.trim()) else {
                        return Err(Error::at(
                            ErrorKind::UnknownId,
                            path,
                            format!("no view {:?}", name.trim()),
                        ));
                    };
                    if !shown_on(v) {
                        return Err(Error::new(
                            path,
                            format!("view {name:?} does not show it (a bar view, or a time view whose From and To leave it out)"),
                        ));
                    }
                    if !drawn_by[v].contains(&ids[k]) {
                        drawn_by[v].push(ids[k].clone());
                    }
                }
            }
        }
    }
    for (v, list) in raw.views.iter_mut().zip(drawn_by) {
        v.annotations = list;
    }
    Ok(())
}

/// Which annotations (by index) each view of `raw` shows, as the chart's selection says
/// when every view lists every annotation; `raw`'s views are left listing all of them.
fn showing(raw: &mut RawDataset) -> Result<Vec<Vec<usize>>, Error> {
    let ids: Vec<String> = raw.annotations.iter().map(|a| a.id.clone()).collect();
    for v in &mut raw.views {
        v.annotations.clone_from(&ids);
    }
    let checked = trade_chart::validate(raw)?;
    Ok((0..checked.views.len())
        .map(|v| Selection::new(&checked, v, &[]).annotations)
        .collect())
}

/// The dataset's own annotations drawn by every view that shows them (after its views
/// were replaced by ones that list none). A dataset that does not check is left as it
/// was, for its check to report.
pub fn redraw_annotations(raw: &mut RawDataset) {
    if raw.annotations.is_empty() {
        return;
    }
    let before: Vec<Vec<String>> = raw.views.iter().map(|v| v.annotations.clone()).collect();
    let Ok(shows) = showing(raw) else {
        for (v, list) in raw.views.iter_mut().zip(before) {
            v.annotations = list;
        }
        return;
    };
    let ids: Vec<String> = raw.annotations.iter().map(|a| a.id.clone()).collect();
    for (v, shown) in raw.views.iter_mut().zip(shows) {
        v.annotations = shown
            .into_iter()
            .filter_map(|k| ids.get(k).cloned())
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
