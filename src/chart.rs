//! The chart's state, without a canvas: dataset, view, hidden series, size, and the
//! scene built from them. The wasm facade wraps this; native tests drive it directly.

use serde::{Deserialize, Serialize};

use crate::data::{Dataset, Direction, Groups, ViewKind};
use crate::error::{Error, Result};
use crate::format;
use crate::hit::{self, Hover};
use crate::layout;
use crate::scene::{self, Rgba, Scene, SceneInput, Theme};

/// Options a caller may pass; unknown fields are rejected so typos surface.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// The view to open with (a view id).
    #[serde(default)]
    pub view: Option<String>,
    /// Reader language: `en`.
    #[serde(default)]
    pub lang: Option<String>,
}

/// A tab.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ViewInfo {
    /// Id.
    pub id: String,
    /// Label.
    pub label: String,
}

/// A legend entry (a series of the current view).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LegendEntry {
    /// Series id.
    pub id: String,
    /// Label.
    pub label: String,
    /// CSS colour.
    pub color: String,
    /// Shown?
    pub visible: bool,
}

/// Everything the shell writes around the canvas.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Meta {
    /// Headline.
    pub title: String,
    /// Line under it.
    pub subtitle: String,
    /// Unit line.
    pub unit: String,
    /// Notes for this view.
    pub notes: Vec<String>,
    /// "Sources: …".
    pub source_line: String,
    /// Current view id.
    pub view: String,
    /// Tabs.
    pub views: Vec<ViewInfo>,
    /// Legend.
    pub legend: Vec<LegendEntry>,
    /// A sentence on what the view shows (the canvas's accessible description).
    pub summary: String,
}

/// A drawn item, for tests and keyboard navigation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemInfo {
    /// Observation id or "series#index".
    pub id: String,
    /// Series id.
    pub series: String,
    /// Period as written in words.
    pub period: String,
    /// Category, if any.
    pub label: String,
    /// Value in words.
    pub value: String,
    /// Hit box (CSS px).
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// See `x`.
    pub w: f64,
    /// See `x`.
    pub h: f64,
}

/// The chart's state.
pub struct Chart {
    ds: Dataset,
    view: usize,
    hidden: Vec<bool>,
    width: f64,
    height: f64,
    theme: Theme,
    scene: Scene,
}

fn css(c: Rgba) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

impl Chart {
    /// A chart over `ds` with `options`; no size yet (call `resize`).
    pub fn new(ds: Dataset, options: &Options) -> Result<Chart> {
        if let Some(lang) = &options.lang {
            if lang != "en" {
                return Err(Error::expected(
                    "options.lang",
                    "\"en\"",
                    format!("\"{lang}\""),
                ));
            }
        }
        let view = match &options.view {
            None => 0,
            Some(id) => find_view(&ds, id, "options.view")?,
        };
        let hidden = vec![false; ds.series.len()];
        Ok(Chart {
            ds,
            view,
            hidden,
            width: 0.0,
            height: 0.0,
            theme: Theme::default(),
            scene: Scene::default(),
        })
    }

    /// The dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.ds
    }

    /// The current scene.
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// The colours.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    fn rebuild(&mut self) {
        if self.width > 0.0 && self.height > 0.0 {
            self.scene = scene::build(&SceneInput {
                ds: &self.ds,
                view: self.view,
                hidden: &self.hidden,
                width: self.width,
                height: self.height,
                theme: &self.theme,
            });
        }
    }

    /// Sets the CSS size and rebuilds the scene.
    pub fn resize(&mut self, width: f64, height: f64) -> Result<()> {
        for (name, v) in [("width", width), ("height", height)] {
            if !(v.is_finite() && v >= 1.0) {
                return Err(Error::expected(
                    format!("container.{name}"),
                    "a size of at least 1 px",
                    v,
                ));
            }
            if v > 20_000.0 {
                return Err(Error::expected(
                    format!("container.{name}"),
                    "at most 20000 px",
                    v,
                ));
            }
        }
        self.width = width;
        self.height = height;
        self.rebuild();
        Ok(())
    }

    /// Switches view.
    pub fn set_view(&mut self, id: &str) -> Result<()> {
        self.view = find_view(&self.ds, id, "view")?;
        self.rebuild();
        Ok(())
    }

    /// The current view's id.
    pub fn view_id(&self) -> &str {
        &self.ds.views[self.view].id
    }

    /// Hides or shows a series of the current view; returns whether it is now visible.
    pub fn toggle_series(&mut self, id: &str) -> Result<bool> {
        let view = &self.ds.views[self.view];
        let Some(&s) = view.series.iter().find(|&&s| self.ds.series[s].id == id) else {
            let known: Vec<&str> = view
                .series
                .iter()
                .map(|&s| self.ds.series[s].id.as_str())
                .collect();
            return Err(Error::expected(
                "series",
                &format!("one of {}", known.join(", ")),
                format!("\"{id}\""),
            ));
        };
        self.hidden[s] = !self.hidden[s];
        self.rebuild();
        Ok(!self.hidden[s])
    }

    /// Replaces the data. The view is kept if the new data has one with the same id.
    pub fn set_data(&mut self, ds: Dataset) {
        self.view = ds.view_index(self.view_id()).unwrap_or(0);
        self.hidden = vec![false; ds.series.len()];
        self.ds = ds;
        self.rebuild();
    }

    /// The tooltip for the pointer at CSS (x, y), if it is over an item.
    pub fn hover(&self, x: f64, y: f64) -> Option<Hover> {
        hit::describe(&self.ds, &self.scene, hit::item_at(&self.scene, x, y)?)
    }

    /// The tooltip for item `index`.
    pub fn describe(&self, index: usize) -> Option<Hover> {
        hit::describe(&self.ds, &self.scene, index)
    }

    /// Every drawn item.
    pub fn items(&self) -> Vec<ItemInfo> {
        self.scene
            .items
            .iter()
            .filter_map(|it| {
                let s = self.ds.series.get(it.obs.series)?;
                let o = s.observations.get(it.obs.obs)?;
                Some(ItemInfo {
                    id: o
                        .id
                        .clone()
                        .unwrap_or_else(|| format!("{}#{}", s.id, it.obs.obs)),
                    series: s.id.clone(),
                    period: format::period(&o.period),
                    label: o.category.clone().unwrap_or_default(),
                    value: format::money_qualified(o.value * self.ds.scale, o.qualifier),
                    x: it.hit.x0,
                    y: it.hit.y0,
                    w: it.hit.w(),
                    h: it.hit.h(),
                })
            })
            .collect()
    }

    /// Height for a width.
    pub fn preferred_height(width: f64) -> f64 {
        layout::preferred_height(width)
    }

    /// Titles, tabs, legend, notes and sources for the current view.
    pub fn meta(&self) -> Meta {
        let ds = &self.ds;
        let view = &ds.views[self.view];
        let legend = view
            .series
            .iter()
            .map(|&s| LegendEntry {
                id: ds.series[s].id.clone(),
                label: ds.series[s].label.clone(),
                color: css(self.theme.direction(ds.series[s].direction)),
                visible: !self.hidden[s],
            })
            .collect();
        // Sources actually behind what this view draws, in order of first use.
        let mut used: Vec<usize> = Vec::new();
        let mut bases: Vec<usize> = Vec::new();
        for it in &self.scene.items {
            if let Some(o) = ds.obs(it.obs) {
                for &s in &o.sources {
                    if !used.contains(&s) {
                        used.push(s);
                    }
                }
                if !bases.contains(&o.basis) {
                    bases.push(o.basis);
                }
            }
        }
        for &s in &view.sources {
            if !used.contains(&s) {
                used.push(s);
            }
        }
        let publishers: Vec<&str> = {
            let mut p: Vec<&str> = Vec::new();
            for &s in &used {
                let name = ds.sources[s].publisher.as_str();
                if !p.contains(&name) {
                    p.push(name);
                }
            }
            p
        };
        let mut notes = view.notes.clone();
        if bases.len() > 1 && view.kind != ViewKind::TimeLine {
            let names: Vec<&str> = bases.iter().map(|&b| ds.bases[b].label.as_str()).collect();
            notes.push(format!(
                "Figures here rest on different bases ({}); hover a bar to see which.",
                names.join(", ")
            ));
        }
        notes.extend(ds.notes.iter().cloned());
        Meta {
            title: view.title.clone(),
            subtitle: view.subtitle.clone().unwrap_or_default(),
            unit: format!("{} (current prices)", ds.currency),
            notes,
            source_line: if publishers.is_empty() {
                String::new()
            } else {
                format!("Sources: {}", publishers.join("; "))
            },
            view: view.id.clone(),
            views: ds
                .views
                .iter()
                .map(|v| ViewInfo {
                    id: v.id.clone(),
                    label: v.label.clone(),
                })
                .collect(),
            legend,
            summary: self.summary(),
        }
    }

    /// A sentence on what the current view shows, computed from the data.
    pub fn summary(&self) -> String {
        let ds = &self.ds;
        let view = &ds.views[self.view];
        if let Some((a, b)) = view.change {
            if let (Some(oa), Some(ob)) = (ds.obs(a), ds.obs(b)) {
                let pct = (ob.value - oa.value) / oa.value * 100.0;
                let verb = if pct < 0.0 { "fell" } else { "rose" };
                let label = &ds.series[a.series].label;
                return format!(
                    "{label} between {} and {} {verb} {}%, from {} in {} to {} in {}.",
                    ds.partners[0].name,
                    ds.partners[1].name,
                    format::decimal(pct.abs(), 1),
                    format::money(oa.value * ds.scale),
                    format::period(&oa.period),
                    format::money(ob.value * ds.scale),
                    format::period(&ob.period),
                );
            }
        }
        let mut parts = Vec::new();
        for &s in &view.series {
            if self.hidden[s] {
                continue;
            }
            let items: Vec<_> = self
                .scene
                .items
                .iter()
                .filter(|it| it.obs.series == s)
                .filter_map(|it| ds.obs(it.obs))
                .collect();
            let Some(max) = items.iter().max_by(|a, b| a.value.total_cmp(&b.value)) else {
                continue;
            };
            let min = items
                .iter()
                .min_by(|a, b| a.value.total_cmp(&b.value))
                .unwrap_or(max);
            let name = |o: &crate::data::Observation| match &o.category {
                Some(c) => c.clone(),
                None => format::period(&o.period),
            };
            parts.push(format!(
                "{}: highest {} ({}), lowest {} ({})",
                ds.series[s].label,
                format::money(max.value * ds.scale),
                name(max),
                format::money(min.value * ds.scale),
                name(min)
            ));
        }
        let what = match (&view.groups, view.kind) {
            (Groups::Categories(c), ViewKind::Bars) => format!("{} categories", c.len()),
            _ => format!("{} figures", self.scene.items.len()),
        };
        format!("{}. {what}. {}.", view.title, parts.join("; "))
    }

    /// The direction colour of a series (for tests).
    pub fn series_color(&self, d: Direction) -> Rgba {
        self.theme.direction(d)
    }
}

fn find_view(ds: &Dataset, id: &str, path: &str) -> Result<usize> {
    ds.view_index(id).ok_or_else(|| {
        let known: Vec<&str> = ds.views.iter().map(|v| v.id.as_str()).collect();
        Error::expected(
            path,
            &format!("one of {}", known.join(", ")),
            format!("\"{id}\""),
        )
    })
}
