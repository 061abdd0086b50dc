//! Pointer → data item, and data item → what the tooltip says.

use serde::Serialize;

use crate::data::{Dataset, Op};
use crate::format;
use crate::scene::{Item, Scene};

/// The item under a pointer at CSS (x, y): the hit column that contains it, the one
/// whose mark centre is nearest when columns touch. `None` outside every column.
pub fn item_at(scene: &Scene, x: f64, y: f64) -> Option<usize> {
    scene
        .items
        .iter()
        .enumerate()
        .filter(|(_, it)| it.hit.contains(x, y))
        .min_by(|(_, a), (_, b)| {
            let da = (a.mark.cx() - x).abs();
            let db = (b.mark.cx() - x).abs();
            da.total_cmp(&db)
        })
        .map(|(i, _)| i)
}

/// What the tooltip shows for an item, plus where to put the highlight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hover {
    /// Index in `Scene::items`.
    pub index: usize,
    /// Highlight box (CSS px).
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// See `x`.
    pub w: f64,
    /// See `x`.
    pub h: f64,
    /// Period (and category) in words: "June 2020".
    pub title: String,
    /// Series label.
    pub series: String,
    /// Series id.
    pub series_id: String,
    /// The value in words: "$491.06 million", "about $24 million".
    pub value: String,
    /// Basis, formula, notes.
    pub lines: Vec<String>,
    /// "Yonhap News Agency, 12 February 2021".
    pub source: String,
    /// The first source's address (empty for derived figures).
    pub url: String,
}

/// The tooltip for item `index` of `scene`.
pub fn describe(ds: &Dataset, scene: &Scene, index: usize) -> Option<Hover> {
    let Item { obs, mark, .. } = scene.items.get(index)?;
    let series = ds.series.get(obs.series)?;
    let o = series.observations.get(obs.obs)?;
    let mut title = format::period(&o.period);
    if let Some(c) = &o.category {
        title = format!("{c}, {title}");
    }
    let mut lines = Vec::new();
    if let Some(b) = ds.bases.get(o.basis) {
        lines.push(format!("Basis: {}", b.label));
    }
    if let Some(d) = &o.derived {
        let sep = match d.op {
            Op::Sum => " + ",
            Op::Difference => " − ",
        };
        let terms: Vec<String> =
            d.of.iter()
                .filter_map(|r| ds.obs(*r))
                .map(|i| format::money_short(i.value * ds.scale))
                .collect();
        lines.push(format!("Derived, not reported: {}", terms.join(sep)));
    }
    if let Some(n) = &o.note {
        lines.push(n.clone());
    }
    let cite = |i: &usize| {
        ds.sources
            .get(*i)
            .map(|s| format!("{}, {}", s.publisher, format::date(s.date.as_deref())))
    };
    let source = if o.sources.is_empty() {
        "Computed from the sourced figures".to_string()
    } else {
        o.sources
            .iter()
            .filter_map(cite)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let url = o
        .sources
        .first()
        .and_then(|i| ds.sources.get(*i))
        .map(|s| s.url.clone())
        .unwrap_or_default();
    Some(Hover {
        index,
        x: mark.x0,
        y: mark.y0,
        w: mark.w(),
        h: mark.h().max(2.0),
        title,
        series: series.label.clone(),
        series_id: series.id.clone(),
        value: format::money_qualified(o.value * ds.scale, o.qualifier),
        lines,
        source,
        url,
    })
}
