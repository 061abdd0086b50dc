//! The story's annotations: events at a point in time (`2020-01`) or spans of time
//! (`2020-01` … `2020-09`) drawn on the time views, each with its sources.
//!
//! [`attach`] puts one annotation into a dataset and onto the views that draw it (the
//! command line's annotations table and the builder's annotation step both use it);
//! `apply` reads the annotations table (docs/DATA.md, "The annotations table"): one row
//! per annotation, `id | period | to | label | text | sources | views`. Like the claims
//! table it goes on top of any import; the text table gives the labels and texts in
//! Korean and Chinese (`annotation.<id>.label|text`).

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::cells::{
    at, cell, col as column_of, expected, field_of, index, list, row_id, table_of, Cx, Given,
};
use super::periods;
use trade_chart::data::{Period, RawAnnotation, RawDataset, RawText, RawView};
use trade_chart::error::{Error, ErrorKind, Location, Result};
use trade_chart::select::annotation_shown;

/// The annotations table's columns, as the other tables' (headers compared lowercased,
/// `_` and `-` as spaces).
pub const ANNOTATION_COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["id", "annotation", "annotation id", "event"]),
    ("period", &["period", "date", "from", "start", "when"]),
    ("to", &["to", "end", "until", "last period"]),
    ("label", &["label", "short label", "chart label"]),
    ("text", &["text", "description", "tooltip", "sentence"]),
    ("sources", &["sources", "source", "source id", "source ids"]),
    ("views", &["views", "view", "drawn on"]),
];

/// An annotation as the fields of an annotations table's row (the builder's annotation
/// step sends them so): each field is the text of its cell, read by the same checks
/// ([`crate::Import::with_annotation_fields`]); an absent one is blank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnnotationFields {
    /// The annotation's id.
    pub id: String,
    /// Its period, or a span's first period.
    pub period: String,
    /// A span's last period (inclusive); blank for a point in time.
    pub to: String,
    /// The short label drawn on the chart (English).
    pub label: String,
    /// The sentence of the tooltip (English).
    pub text: String,
    /// Source ids separated by `;`; blank: the dataset's one source.
    pub sources: String,
    /// View ids separated by `;`; blank: every time view that shows it.
    pub views: String,
}

impl AnnotationFields {
    /// The cells, in the order of [`ANNOTATION_COLUMNS`].
    pub(crate) fn cells(&self) -> Vec<&str> {
        vec![
            &self.id,
            &self.period,
            &self.to,
            &self.label,
            &self.text,
            &self.sources,
            &self.views,
        ]
    }
}

/// Whether a view is a time view (the views that draw annotations).
fn is_time(v: &RawView) -> bool {
    v.kind != "bars"
}

/// The months a time view shows, `[start, end)`, when its `from` and `to` are periods.
fn range(v: &RawView) -> Option<(i32, i32)> {
    let from = Period::parse(v.from.as_deref()?).ok()?;
    let to = Period::parse(v.to.as_deref()?).ok()?;
    Some((from.start, to.end))
}

/// Whether time view `v` shows annotation `a`: a point when its period lies in the view's
/// range, a span when it overlaps it (as the chart's selection decides). False for a
/// bars view, or when a period does not parse.
pub fn shows(v: &RawView, a: &RawAnnotation) -> bool {
    let (Some((start, end)), Ok(p)) = (range(v), Period::parse(&a.period)) else {
        return false;
    };
    if !is_time(v) {
        return false;
    }
    match a.to.as_deref().map(Period::parse) {
        None => annotation_shown((start, end), &p, None),
        Some(Ok(to)) => annotation_shown((start, end), &p, Some(&to)),
        Some(Err(_)) => false,
    }
}

/// The months the data cover, from their first period to their last (as written), for
/// saying why no view shows an annotation beyond them.
pub(crate) struct DataPeriods {
    start: i32,
    first: String,
    end: i32,
    last: String,
}

impl DataPeriods {
    /// The first and last of every observation's period that reads; `None` without one.
    pub(crate) fn of(d: &RawDataset) -> Option<DataPeriods> {
        let mut out: Option<DataPeriods> = None;
        for o in d.series.iter().flat_map(|s| &s.observations) {
            let Ok(p) = Period::parse(&o.period) else {
                continue;
            };
            let r = out.get_or_insert_with(|| DataPeriods {
                start: p.start,
                first: o.period.clone(),
                end: p.end,
                last: o.period.clone(),
            });
            if p.start < r.start {
                (r.start, r.first) = (p.start, o.period.clone());
            }
            if p.end > r.end {
                (r.end, r.last) = (p.end, o.period.clone());
            }
        }
        out
    }

    /// Why no view can show `a`: "the data end at 2019-12" when it begins after the
    /// data's last period, "the data begin at 2021-01" when it ends before their first;
    /// `None` when it meets the data (or a period does not read).
    pub(crate) fn beyond(&self, a: &RawAnnotation) -> Option<String> {
        let p = Period::parse(&a.period).ok()?;
        let end = match a.to.as_deref() {
            Some(t) => Period::parse(t).ok()?.end,
            None => p.end,
        };
        if p.start >= self.end {
            Some(format!("the data end at {}", self.last))
        } else if end <= self.start {
            Some(format!("the data begin at {}", self.first))
        } else {
            None
        }
    }
}

/// Puts `annotation` into `dataset` and onto the views that draw it; the ids of those
/// views, in the dataset's order.
///
/// - An annotation with the same id is replaced (and taken off every view first), so
///   editing one is attaching it again.
/// - Blank `sources`: the dataset's one source; an error when it has several or none.
/// - `views`: the ids of the views that draw it, each a time view of the dataset;
///   `None`: every time view that shows its period (overlaps its span), possibly none.
///
/// Errors are at the dataset path the annotation takes (`annotations[2].sources`;
/// `annotations[2].views` for a view), with a stable code; the dataset is left as it was.
pub fn attach(
    dataset: &mut RawDataset,
    annotation: RawAnnotation,
    views: Option<&[String]>,
) -> Result<Vec<String>> {
    let known = Known::of(dataset);
    place(dataset, annotation, views, &known, false)
}

/// The dataset's source and view ids, looked up once for a table of many annotations.
struct Known {
    sources: HashSet<String>,
    views: HashMap<String, usize>,
}

impl Known {
    fn of(d: &RawDataset) -> Known {
        Known {
            sources: d.sources.iter().map(|s| s.id.clone()).collect(),
            views: (d.views.iter().enumerate())
                .map(|(i, v)| (v.id.clone(), i))
                .collect(),
        }
    }
}

/// [`attach`]; `fresh`: the id is new and no view lists it (the table's rows, read into a
/// dataset without annotations, their ids checked unique), so nothing is searched or
/// replaced: a table of n rows costs n, not n².
fn place(
    dataset: &mut RawDataset,
    mut annotation: RawAnnotation,
    views: Option<&[String]>,
    known: &Known,
    fresh: bool,
) -> Result<Vec<String>> {
    let slot = if fresh {
        dataset.annotations.len()
    } else {
        (dataset.annotations.iter())
            .position(|a| a.id == annotation.id)
            .unwrap_or(dataset.annotations.len())
    };
    let ap = |f: &str| format!("annotations[{slot}].{f}");
    if annotation.id.trim().is_empty() {
        return Err(Error::at(
            ErrorKind::MissingField,
            ap("id"),
            "blank: every annotation needs its id",
        ));
    }
    // The first dozen ids, and how many more.
    let listed = |ids: Vec<&str>| match ids.len() {
        0 => "none".to_string(),
        n if n > 12 => format!("{} and {} more", ids[..12].join(", "), n - 12),
        _ => ids.join(", "),
    };
    let source_ids = || listed(dataset.sources.iter().map(|s| s.id.as_str()).collect());
    if annotation.sources.is_empty() {
        match dataset.sources.as_slice() {
            [one] => annotation.sources.push(one.id.clone()),
            all => {
                return Err(Error::at(
                    ErrorKind::MissingField,
                    ap("sources"),
                    format!(
                        "blank: name the sources this annotation rests on (the one source is taken only when the dataset has one; it has {}: {})",
                        all.len(),
                        source_ids()
                    ),
                ))
            }
        }
    }
    for s in &annotation.sources {
        if !known.sources.contains(s) {
            return Err(Error::at(
                ErrorKind::UnknownId,
                ap("sources"),
                format!("unknown source \"{s}\": the dataset's are {}", source_ids()),
            ));
        }
    }
    let what = "a period like 2020, 2020-06 or 2020-01/2020-02";
    let from = Period::parse(&annotation.period)
        .map_err(|_| Error::expected(ap("period"), what, format!("\"{}\"", annotation.period)))?;
    if let Some(t) = &annotation.to {
        let to =
            Period::parse(t).map_err(|_| Error::expected(ap("to"), what, format!("\"{t}\"")))?;
        if to.start < from.start || to.end < from.end {
            return Err(Error::expected(
                ap("to"),
                &format!("a period not before `period` ({})", annotation.period),
                format!("\"{t}\""),
            ));
        }
    }
    let on: Vec<usize> = match views {
        Some(ids) => {
            let mut on = Vec::new();
            for id in ids {
                let Some(&i) = known.views.get(id) else {
                    return Err(Error::at(
                        ErrorKind::UnknownId,
                        ap("views"),
                        format!(
                            "unknown view \"{id}\": the dataset's are {}",
                            listed(dataset.views.iter().map(|v| v.id.as_str()).collect())
                        ),
                    ));
                };
                if !dataset.views.get(i).is_some_and(is_time) {
                    return Err(Error::expected(
                        ap("views"),
                        "a time view (time-bars or time-line): a bars view draws no annotations",
                        format!("\"{id}\" (bars)"),
                    ));
                }
                if !on.contains(&i) {
                    on.push(i);
                }
            }
            on.sort_unstable();
            on
        }
        None => (dataset.views.iter().enumerate())
            .filter(|(_, v)| shows(v, &annotation))
            .map(|(i, _)| i)
            .collect(),
    };
    let id = annotation.id.clone();
    if !fresh {
        for v in &mut dataset.views {
            v.annotations.retain(|a| a != &id);
        }
    }
    match dataset.annotations.get_mut(slot) {
        Some(a) => *a = annotation,
        None => dataset.annotations.push(annotation),
    }
    let mut drawn = Vec::new();
    for i in on {
        if let Some(v) = dataset.views.get_mut(i) {
            v.annotations.push(id.clone());
            drawn.push(v.id.clone());
        }
    }
    Ok(drawn)
}

/// Takes the annotation `id` out of `dataset` and off its views; whether there was one.
pub fn remove(dataset: &mut RawDataset, id: &str) -> bool {
    let before = dataset.annotations.len();
    dataset.annotations.retain(|a| a.id != id);
    for v in &mut dataset.views {
        v.annotations.retain(|a| a != id);
    }
    dataset.annotations.len() != before
}

/// Reads the annotations table (its text or its rows' fields); when it has no error, its
/// annotations replace the dataset's (and the views' lists of them); a table of blank
/// rows leaves none. A row whose annotation no view draws is a warning. The rows of the annotations, in order, and the
/// table's columns, for errors found later.
pub(crate) fn apply(
    cx: &mut Cx,
    dataset: &mut RawDataset,
    given: Given,
) -> (Vec<usize>, HashMap<&'static str, usize>) {
    let name = given.name().to_string();
    let file = name.as_str();
    let required = ["id", "period", "label", "text"];
    let Some((table, cols)) = table_of(cx, given, ANNOTATION_COLUMNS, &required) else {
        return (Vec::new(), HashMap::new());
    };
    let mut work = dataset.clone();
    work.annotations.clear();
    for v in &mut work.views {
        v.annotations.clear();
    }
    let known = Known::of(&work);
    let data = DataPeriods::of(&work);
    let mut rows = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        let before = cx.errors.len() + cx.dropped;
        let id = row_id(cx, file, &cols, row, &required, &mut ids, "annotation");
        let mut period = |f: &str| -> Option<String> {
            let p = cell(&cols, row, f);
            if p.is_empty() {
                return None;
            }
            let norm = periods::normalize(p);
            if norm.is_none() {
                cx.error(expected(
                    file,
                    n,
                    column_of(&cols, f),
                    f,
                    periods::EXPECTED,
                    p,
                ));
            }
            norm
        };
        let (from, to) = (period("period"), period("to"));
        if cx.errors.len() + cx.dropped > before {
            continue;
        }
        let Some(from) = from else { continue };
        let views = list(cell(&cols, row, "views"));
        let annotation = RawAnnotation {
            id: id.to_string(),
            period: from,
            to,
            label: RawText::Plain(cell(&cols, row, "label").to_string()),
            text: RawText::Plain(cell(&cols, row, "text").to_string()),
            sources: list(cell(&cols, row, "sources")),
        };
        let given_views = (!views.is_empty()).then_some(views.as_slice());
        match place(&mut work, annotation, given_views, &known, true) {
            Ok(drawn) => {
                rows.push(n);
                // Why no view shows it, when the data do not reach it (`: the data end at
                // 2019-12`), for the warnings below.
                let beyond = || {
                    (data.as_ref().zip(work.annotations.last()))
                        .and_then(|(d, a)| d.beyond(a))
                        .map_or(String::new(), |b| format!(": {b}"))
                };
                if drawn.is_empty() {
                    let f = if given_views.is_some() {
                        "views"
                    } else {
                        "period"
                    };
                    let why = format!(
                        "\"{id}\" is drawn on no view: no time view shows {}{}",
                        cell(&cols, row, "period"),
                        beyond()
                    );
                    cx.warnings.push(at(
                        ErrorKind::InvalidValue,
                        file,
                        n,
                        column_of(&cols, f),
                        f,
                        why,
                    ));
                } else if let Some(v) = given_views {
                    let a = work.annotations.last();
                    for vid in v {
                        let shown = work
                            .views
                            .iter()
                            .find(|x| &x.id == vid)
                            .zip(a)
                            .is_some_and(|(x, a)| shows(x, a));
                        if !shown {
                            cx.warnings.push(at(
                                ErrorKind::InvalidValue,
                                file,
                                n,
                                column_of(&cols, "views"),
                                "views",
                                format!(
                                    "view \"{vid}\" does not show {}: \"{id}\" is not drawn there{}",
                                    cell(&cols, row, "period"),
                                    beyond()
                                ),
                            ));
                        }
                    }
                }
            }
            Err(e) => {
                let field = e.path().rsplit('.').next().unwrap_or("id").to_string();
                cx.error(e.relocated(Location::Cell {
                    file: Some(file.to_string()),
                    row: n,
                    column: column_of(&cols, &field) + 1,
                    field: Some(field),
                }));
            }
        }
    }
    if cx.errors.is_empty() {
        *dataset = work;
    }
    (rows, cols)
}

/// `e` at a dataset path of an annotation (`annotations[2].label.ko`) moved to its cell
/// of the annotations table (`rows`: the row of each annotation).
pub(crate) fn locate(
    path: &str,
    file: &str,
    rows: &[usize],
    cols: &HashMap<&'static str, usize>,
) -> Option<Location> {
    let (a, rest) = index(path, "annotations[")?;
    let row = *rows.get(a)?;
    let field = field_of(rest);
    let (field, col) = cols
        .get_key_value(field)
        .map_or((field.to_string(), 0), |(k, c)| (k.to_string(), *c));
    Some(Location::Cell {
        file: Some(file.to_string()),
        row,
        column: col + 1,
        field: Some(field),
    })
}
