//! The chart's views from a table (docs/DATA.md, "The views table"): one row per view,
//! `id | kind | series | label | title | x | from | to | periods | change`, replacing the
//! views made from the data. Like the text table it goes on top of any import; its
//! labels and titles are English, and the text table gives them in Korean and Chinese
//! (`view.<id>.label`…), as for any view.

use std::collections::HashMap;

use serde::Deserialize;

use super::cells::{at, cell, col as column_of, expected, list, row_id, table_of, Cx, Given};
use super::periods;
use trade_chart::data::{RawDataset, RawText, RawView};
use trade_chart::error::ErrorKind;

/// The views table's columns, as the other tables' (headers compared lowercased, `_` and
/// `-` as spaces).
pub const VIEW_COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["id", "view", "view id"]),
    ("kind", &["kind", "type", "chart", "chart type"]),
    ("series", &["series", "series id", "series ids"]),
    ("label", &["label", "tab", "tab label"]),
    ("title", &["title", "headline"]),
    ("x", &["x", "by", "bars by"]),
    ("from", &["from", "start", "first period"]),
    ("to", &["to", "end", "last period"]),
    ("periods", &["periods"]),
    ("change", &["change"]),
];

/// A view as the fields of a views table's row (the builder's views editor sends them
/// so): each field is the text of its cell, read by the same checks
/// ([`crate::Import::with_view_fields`]); an absent one is blank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ViewFields {
    /// The view's id.
    pub id: String,
    /// `bars`, `time-bars` or `time-line`.
    pub kind: String,
    /// Series ids separated by `;`.
    pub series: String,
    /// The tab label (English).
    pub label: String,
    /// The headline (English).
    pub title: String,
    /// `period` or `category` (bars only).
    pub x: String,
    /// A time view's first period.
    pub from: String,
    /// A time view's last period.
    pub to: String,
    /// Bars' periods separated by `;`.
    pub periods: String,
    /// Change views, separated by `;`.
    pub change: String,
}

impl ViewFields {
    /// The cells, in the order of [`VIEW_COLUMNS`].
    pub(crate) fn cells(&self) -> Vec<&str> {
        vec![
            &self.id,
            &self.kind,
            &self.series,
            &self.label,
            &self.title,
            &self.x,
            &self.from,
            &self.to,
            &self.periods,
            &self.change,
        ]
    }
}

/// Reads the views table (its text or its rows' fields); when it has no error, its views replace the dataset's. The
/// rows of the views, in order, and the table's columns, for errors found later.
/// `blank_title`: the headline of a row whose title cell is blank (the builder's: the
/// chart's title); `None`: a blank title is an error, as on the command line.
pub(crate) fn apply(
    cx: &mut Cx,
    dataset: &mut RawDataset,
    given: Given,
    blank_title: Option<&RawText>,
) -> (Vec<usize>, HashMap<&'static str, usize>) {
    let name = given.name().to_string();
    let file = name.as_str();
    let all = ["id", "kind", "series", "label", "title"];
    let required: &[&'static str] = if blank_title.is_some() {
        &all[..4]
    } else {
        &all
    };
    // the column stays required: a table without it is not a views table
    let Some((table, cols)) = table_of(cx, given, VIEW_COLUMNS, &all) else {
        return (Vec::new(), HashMap::new());
    };
    let series_ids: Vec<&str> = dataset.series.iter().map(|s| s.id.as_str()).collect();
    let mut views = Vec::new();
    let mut rows = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        let before = cx.errors.len() + cx.dropped;
        let id = row_id(cx, file, &cols, row, required, &mut ids, "view");
        let k = cell(&cols, row, "kind");
        let kind = match k.to_lowercase().replace(['_', ' '], "-").as_str() {
            "" => None,
            "bars" | "bar" | "columns" => Some("bars"),
            "time-bars" | "time-bar" => Some("time-bars"),
            "time-line" | "line" | "lines" => Some("time-line"),
            _ => {
                let what = "bars, time-bars or time-line";
                cx.error(expected(file, n, column_of(&cols, "kind"), "kind", what, k));
                None
            }
        };
        let series = list(cell(&cols, row, "series"));
        for s in &series {
            if !series_ids.contains(&s.as_str()) {
                cx.error(at(
                    ErrorKind::UnknownId,
                    file,
                    n,
                    column_of(&cols, "series"),
                    "series",
                    format!(
                        "unknown series \"{s}\": the dataset's are {}",
                        series_ids.join(", ")
                    ),
                ));
            }
        }
        let x = cell(&cols, row, "x").to_lowercase();
        let x = match x.as_str() {
            "" => None,
            "period" | "periods" | "time" => Some("period".to_string()),
            "category" | "categories" | "product" | "products" => Some("category".to_string()),
            _ => {
                let c = cols.get("x").copied().unwrap_or(0);
                let what = "period or category (or blank)";
                cx.error(expected(file, n, c, "x", what, cell(&cols, row, "x")));
                None
            }
        };
        let mut period = |f: &str| -> Option<String> {
            let p = cell(&cols, row, f);
            if p.is_empty() {
                return None;
            }
            let norm = periods::normalize(p);
            if norm.is_none() {
                let c = cols.get(f).copied().unwrap_or(0);
                cx.error(expected(file, n, c, f, periods::EXPECTED, p));
            }
            norm
        };
        let (from, to) = (period("from"), period("to"));
        let mut ps = Vec::new();
        for p in list(cell(&cols, row, "periods")) {
            match periods::normalize(&p) {
                Some(s) => ps.push(s),
                None => {
                    let c = cols.get("periods").copied().unwrap_or(0);
                    cx.error(expected(file, n, c, "periods", periods::EXPECTED, &p));
                }
            }
        }
        let change = list(cell(&cols, row, "change"));
        if cx.errors.len() + cx.dropped > before {
            continue;
        }
        let Some(kind) = kind else { continue };
        rows.push(n);
        views.push(RawView {
            id: id.to_string(),
            label: RawText::Plain(cell(&cols, row, "label").to_string()),
            title: match (cell(&cols, row, "title"), blank_title) {
                ("", Some(t)) => t.clone(),
                (t, _) => RawText::Plain(t.to_string()),
            },
            subtitle: None,
            kind: kind.to_string(),
            series,
            x,
            periods: (!ps.is_empty()).then_some(ps),
            from,
            to,
            change: (!change.is_empty()).then_some(change),
            annotations: Vec::new(),
            notes: Vec::new(),
            sources: Vec::new(),
            claims: Vec::new(),
        });
    }
    if views.is_empty() && cx.errors.is_empty() {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            table.rows.last().map_or(2, |r| r.number + 1),
            0,
            "id",
            "no views: every row is blank".into(),
        ));
    }
    if cx.errors.is_empty() {
        dataset.views = views;
    }
    (rows, cols)
}
