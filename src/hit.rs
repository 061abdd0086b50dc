//! Pointer → data item, keyboard → next item, and item → what the tooltip and the
//! screen reader say.

use serde::Serialize;

use crate::data::{Check, ClaimStatus, Dataset, Op};
use crate::format;
use crate::i18n::{t, Lang, Msg};
use crate::scene::{Item, Scene, Target};

/// The item under a pointer at CSS (x, y). A claim's small box wins over the data
/// columns it sits on; among columns, the one whose mark centre is nearest.
pub fn item_at(scene: &Scene, x: f64, y: f64) -> Option<usize> {
    let inside = |it: &&Item| it.hit.contains(x, y);
    let claim = scene
        .items
        .iter()
        .position(|it| matches!(it.target, Target::Claim(_)) && inside(&it));
    claim.or_else(|| {
        scene
            .items
            .iter()
            .enumerate()
            .filter(|(_, it)| inside(it))
            .min_by(|(_, a), (_, b)| {
                // Nearest in x; on a tie (points of several series in one column), nearest in y.
                let d = |it: &Item| {
                    (
                        (it.mark.cx() - x).abs(),
                        ((it.mark.y0 + it.mark.y1) / 2.0 - y).abs(),
                    )
                };
                let (da, db) = (d(a), d(b));
                da.0.total_cmp(&db.0).then(da.1.total_cmp(&db.1))
            })
            .map(|(i, _)| i)
    })
}

/// A key a reader pressed on the focused chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Next item in the row.
    Right,
    /// Previous item in the row.
    Left,
    /// The row above (the previous series), nearest in x.
    Up,
    /// The row below (the next series), nearest in x.
    Down,
    /// First item in the row.
    Home,
    /// Last item in the row.
    End,
}

impl Key {
    /// From `KeyboardEvent.key`.
    pub fn parse(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowRight" => Key::Right,
            "ArrowLeft" => Key::Left,
            "ArrowUp" => Key::Up,
            "ArrowDown" => Key::Down,
            "Home" => Key::Home,
            "End" => Key::End,
            _ => return None,
        })
    }
}

/// The item focus moves to from `from` (none yet: the first item) on `key`.
/// Items are in reading order (row by row, left to right), as `scene::build` leaves them.
pub fn navigate(scene: &Scene, from: Option<usize>, key: Key) -> Option<usize> {
    let items = &scene.items;
    if items.is_empty() {
        return None;
    }
    let Some(cur) = from.filter(|&i| i < items.len()) else {
        return Some(if key == Key::End {
            items
                .iter()
                .rposition(|it| it.row == items[0].row)
                .unwrap_or(0)
        } else {
            0
        });
    };
    let row = items[cur].row;
    let in_row = |r: usize| {
        items
            .iter()
            .enumerate()
            .filter(move |(_, it)| it.row == r)
            .map(|(i, _)| i)
    };
    let rows: Vec<usize> = {
        let mut r: Vec<usize> = items.iter().map(|it| it.row).collect();
        r.dedup();
        r
    };
    let nearest_in = |r: usize| {
        let x = items[cur].mark.cx();
        in_row(r).min_by(|&a, &b| {
            (items[a].mark.cx() - x)
                .abs()
                .total_cmp(&(items[b].mark.cx() - x).abs())
        })
    };
    let here = rows.iter().position(|&r| r == row).unwrap_or(0);
    Some(match key {
        Key::Right => in_row(row).find(|&i| i > cur).unwrap_or(cur),
        Key::Left => in_row(row).rfind(|&i| i < cur).unwrap_or(cur),
        Key::Home => in_row(row).next().unwrap_or(cur),
        Key::End => in_row(row).next_back().unwrap_or(cur),
        Key::Up => here
            .checked_sub(1)
            .and_then(|k| rows.get(k))
            .and_then(|&r| nearest_in(r))
            .unwrap_or(cur),
        Key::Down => rows
            .get(here + 1)
            .and_then(|&r| nearest_in(r))
            .unwrap_or(cur),
    })
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
    /// Series label (or "The story says" for a claim).
    pub series: String,
    /// Series id (empty for a claim).
    pub series_id: String,
    /// The value in words: "$491.06 million", "about $24 million".
    pub value: String,
    /// Basis, formula, notes.
    pub lines: Vec<String>,
    /// "Yonhap News Agency, 12 February 2021".
    pub source: String,
    /// The first source's address (empty for derived figures).
    pub url: String,
    /// One sentence for screen readers.
    pub announce: String,
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
            let series = ds.series.get(obs.series)?;
            let o = series.observations.get(obs.obs)?;
            hover.title = format::period(&o.period, lang);
            if let Some(c) = &o.category {
                hover.title = format!("{}{sep}{}", c.get(lang), hover.title);
            }
            let basis = ds
                .bases
                .get(o.basis)
                .map(|b| b.label.get(lang))
                .unwrap_or_default();
            hover
                .lines
                .push(format!("{}: {basis}", t(lang, Msg::Basis)));
            if let Some(d) = &o.derived {
                let op = match d.op {
                    Op::Sum => " + ",
                    Op::Difference => " − ",
                };
                let terms: Vec<String> =
                    d.of.iter()
                        .filter_map(|r| ds.obs(*r))
                        .map(|i| format::money_short(i.value * ds.scale, lang))
                        .collect();
                hover
                    .lines
                    .push(format!("{}: {}", t(lang, Msg::Derived), terms.join(op)));
            }
            if let Some(n) = &o.note {
                hover.lines.push(n.get(lang).to_string());
            }
            hover.source = if o.sources.is_empty() {
                t(lang, Msg::ComputedFromSourced).to_string()
            } else {
                o.sources
                    .iter()
                    .filter_map(|&i| cite(ds, i, lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            hover.url = o
                .sources
                .first()
                .and_then(|i| ds.sources.get(*i))
                .map(|s| s.url.clone())
                .unwrap_or_default();
            hover.series = series.label.get(lang).to_string();
            hover.series_id = series.id.clone();
            hover.value = format::money_qualified(o.value * ds.scale, o.qualifier, lang);
            let publisher = o
                .sources
                .first()
                .and_then(|&i| ds.sources.get(i))
                .map_or(t(lang, Msg::ComputedFromSourced), |s| s.publisher.as_str());
            let derived = if o.derived.is_some() {
                format!("{sep}{}", t(lang, Msg::Derived))
            } else {
                String::new()
            };
            hover.announce = format!(
                "{}{sep}{}{sep}{}{sep}{basis}{derived}{sep}{publisher}",
                hover.title, hover.series, hover.value
            );
        }
        Target::Claim(c) => {
            let claim = ds.claims.get(c)?;
            hover.title = claim
                .period
                .map(|p| format::period(&p, lang))
                .unwrap_or_default();
            hover.series = t(lang, Msg::StorySays).to_string();
            hover.value = format::money(claim.value * ds.scale, lang);
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
                    format::money(v * ds.scale, lang)
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
            hover.announce = format!(
                "{}{sep}{}{sep}{}{sep}{status}",
                hover.title, hover.series, hover.value
            );
        }
    }
    Some(hover)
}
