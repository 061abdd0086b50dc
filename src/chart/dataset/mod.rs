//! The chart's state, without a canvas: dataset, view, hidden series, language,
//! theme, size, and the scene built from them. The wasm facade wraps this; native
//! tests drive it directly.

use crate::chart::hit::{self, Key};
use crate::chart::options::Options;
use crate::chart::present::{self, Capabilities, ClaimInfo, Hover, ItemInfo, Meta, Table};
use crate::chart::state::State;
use crate::data::Dataset;
use crate::error::{Error, ErrorKind, Result};
use crate::scene::layout::{self};
use crate::scene::{self, Scene, SceneInput, Target, Theme};
use crate::select::Selection;
use crate::text::format;
use crate::text::words::Lang;

mod export;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub(crate) mod picture;
mod wording;

/// The social card's size in CSS px: drawn at [`SOCIAL_SCALE`]× it is the 1200×630 px
/// picture that og:image and most social sites ask for, with every label twice the size
/// it has in the page (the card is shown about 500 px wide in a feed).
pub const SOCIAL_CARD: (f64, f64) = (600.0, 315.0);

/// Device pixels per CSS pixel of the social card.
pub const SOCIAL_SCALE: f64 = 2.0;

/// The exported picture's margin, CSS px.
const PAD: f64 = 16.0;

/// The chart's state.
pub struct DatasetChart {
    ds: Dataset,
    view: usize,
    hidden: Vec<bool>,
    width: f64,
    height: f64,
    theme: Theme,
    lang: Lang,
    sel: Selection,
    scene: Scene,
}

impl DatasetChart {
    /// A chart over `ds` with `options`; no size yet (call `resize`). A dataset without
    /// views (which validation never makes) is refused.
    pub fn new(ds: Dataset, options: &Options) -> Result<DatasetChart> {
        let lang = options.language()?.unwrap_or_default();
        if ds.views.is_empty() {
            return Err(Error::expected("views", "at least one view", "none"));
        }
        let view = match &options.view {
            None => 0,
            Some(id) => find_view(&ds, id, "options.view")?,
        };
        let hidden = vec![false; ds.series.len()];
        let sel = Selection::new(&ds, view, &hidden);
        Ok(DatasetChart {
            ds,
            view,
            hidden,
            width: 0.0,
            height: 0.0,
            theme: Theme::default(),
            lang,
            sel,
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

    /// The reader language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    fn input(&self, width: f64, height: f64) -> SceneInput<'_> {
        SceneInput {
            ds: &self.ds,
            sel: &self.sel,
            width,
            height,
            theme: &self.theme,
            lang: self.lang,
        }
    }

    /// After a change of view, series or data: what is shown, then the scene.
    fn reselect(&mut self) {
        self.sel = Selection::new(&self.ds, self.view, &self.hidden);
        self.rebuild();
    }

    fn rebuild(&mut self) {
        if self.width > 0.0 && self.height > 0.0 {
            self.scene = scene::build(&self.input(self.width, self.height));
        }
    }

    /// Sets the CSS size and rebuilds the scene.
    pub fn resize(&mut self, width: f64, height: f64) -> Result<()> {
        layout::check_size(width, height)?;
        self.width = width;
        self.height = height;
        self.rebuild();
        Ok(())
    }

    /// Switches view.
    pub fn set_view(&mut self, id: &str) -> Result<()> {
        self.view = find_view(&self.ds, id, "view")?;
        self.reselect();
        Ok(())
    }

    /// Switches language (`en`, `ko`, `zh`, or a tag starting so).
    pub fn set_lang(&mut self, tag: &str) -> Result<()> {
        self.lang = Lang::require(tag, "lang")?;
        self.rebuild();
        Ok(())
    }

    /// Replaces the colours.
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
        self.rebuild();
    }

    /// The current view's id.
    pub fn view_id(&self) -> &str {
        &self.current().id
    }

    /// The current view.
    // In range: `view` is 0 or an index `view_index` found, and `new` and `set_data`
    // never take a dataset without views; a checked index would need a made-up view.
    #[allow(clippy::indexing_slicing)]
    fn current(&self) -> &crate::data::View {
        &self.ds.views[self.view]
    }

    /// Hides or shows a series of the current view; returns whether it is now visible.
    pub fn toggle_series(&mut self, id: &str) -> Result<bool> {
        let view = self.current();
        let id_of = |s: usize| self.ds.series.get(s).map_or("", |s| s.id.as_str());
        let Some(&s) = view.series.iter().find(|&&s| id_of(s) == id) else {
            let known: Vec<&str> = view.series.iter().map(|&s| id_of(s)).collect();
            return Err(Error::expected_as(
                ErrorKind::UnknownId,
                "series",
                &format!("one of {}", known.join(", ")),
                format!("\"{id}\""),
            ));
        };
        // `hidden` has a flag per series of the dataset
        let visible = self.hidden.get_mut(s).map_or(true, |h| {
            *h = !*h;
            !*h
        });
        self.reselect();
        Ok(visible)
    }

    /// What the reader changed: the view, the hidden series, the language
    /// ([`crate::chart::state::State`], which the full module's copy of this chart restores).
    pub fn state(&self) -> State {
        let hidden = self.ds.series.iter().zip(&self.hidden);
        State {
            view: self.view_id().to_string(),
            hidden: hidden
                .filter(|(_, &h)| h)
                .map(|(s, _)| s.id.clone())
                .collect(),
            lang: self.lang.code().to_string(),
        }
    }

    /// Takes the view, hidden series and language of `state` (what [`DatasetChart::state`] of a
    /// chart over the same dataset gave). An unknown view, series or language is an error
    /// naming it, and nothing changes.
    pub fn restore(&mut self, state: &State) -> Result<()> {
        let view = find_view(&self.ds, &state.view, "state.view")?;
        let lang = Lang::require(&state.lang, "state.lang")?;
        let mut hidden = vec![false; self.ds.series.len()];
        for (i, id) in state.hidden.iter().enumerate() {
            let s = self
                .ds
                .series
                .iter()
                .position(|s| &s.id == id)
                .ok_or_else(|| {
                    Error::expected_as(
                        ErrorKind::UnknownId,
                        format!("state.hidden[{i}]"),
                        "a series id of the dataset",
                        format!("\"{id}\""),
                    )
                })?;
            if let Some(h) = hidden.get_mut(s) {
                *h = true;
            }
        }
        (self.view, self.lang, self.hidden) = (view, lang, hidden);
        self.reselect();
        Ok(())
    }

    /// Replaces the data. The view is kept if the new data has one with the same id. A
    /// dataset without views (which validation never makes) is ignored.
    pub fn set_data(&mut self, ds: Dataset) {
        if ds.views.is_empty() {
            return;
        }
        self.view = ds.view_index(self.view_id()).unwrap_or(0);
        self.hidden = vec![false; ds.series.len()];
        self.ds = ds;
        self.reselect();
    }

    /// The tooltip for the pointer at CSS (x, y), if it is over an item.
    pub fn hover(&self, x: f64, y: f64) -> Option<Hover> {
        self.describe(hit::item_at(&self.scene, x, y)?)
    }

    /// The tooltip for item `index`.
    pub fn describe(&self, index: usize) -> Option<Hover> {
        present::describe(&self.ds, &self.scene, index, self.lang)
    }

    /// Keyboard focus: the item to move to from `from` on `key` (a `KeyboardEvent.key`).
    pub fn navigate(&self, from: Option<usize>, key: &str) -> Option<usize> {
        hit::navigate(&self.scene, from, Key::parse(key)?)
    }

    /// Every drawn item.
    pub fn items(&self) -> Vec<ItemInfo> {
        let lang = self.lang;
        self.scene
            .items
            .iter()
            .filter_map(|it| {
                let (id, series, period, label, value) = match it.target {
                    Target::Obs(r) => {
                        let s = self.ds.series.get(r.series)?;
                        let o = s.observations.get(r.obs)?;
                        (
                            o.id.clone()
                                .unwrap_or_else(|| format!("{}#{}", s.id, r.obs)),
                            s.id.clone(),
                            format::period(&o.period, lang),
                            o.category
                                .as_ref()
                                .map(|c| c.get(lang).to_string())
                                .unwrap_or_default(),
                            format::money_qualified(
                                o.value * self.ds.scale,
                                self.ds.currency,
                                o.qualifier,
                                lang,
                            ),
                        )
                    }
                    Target::Claim(c) => {
                        let c = self.ds.claims.get(c)?;
                        let period = c
                            .period
                            .map(|p| format::period(&p, lang))
                            .unwrap_or_default();
                        (
                            format!("claim:{}", c.id),
                            String::new(),
                            period,
                            String::new(),
                            format::money(c.value * self.ds.scale, self.ds.currency, lang),
                        )
                    }
                    Target::Annotation(a) => {
                        let an = self.ds.annotations.get(a)?;
                        (
                            format!("annotation:{}", an.id),
                            String::new(),
                            format::span(&an.period, an.to.as_ref(), lang),
                            an.label.get(lang).to_string(),
                            String::new(),
                        )
                    }
                };
                Some(ItemInfo {
                    id,
                    series,
                    period,
                    label,
                    value,
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
}

impl crate::Widget for DatasetChart {
    fn capabilities(&self) -> Capabilities {
        Capabilities::DATASET
    }
    fn scene(&self) -> &Scene {
        &self.scene
    }
    fn lang(&self) -> Lang {
        self.lang
    }
    fn resize(&mut self, width: f64, height: f64) -> Result<()> {
        DatasetChart::resize(self, width, height)
    }
    fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.rebuild();
    }
    fn set_theme(&mut self, theme: Theme) {
        self.set_theme(theme)
    }
    fn toggle_series(&mut self, id: &str) -> Result<bool> {
        self.toggle_series(id)
    }
    fn meta(&self) -> Meta {
        self.meta()
    }
    fn hover(&self, x: f64, y: f64) -> Option<Hover> {
        self.hover(x, y)
    }
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn csv(&self) -> String {
        self.csv()
    }
    fn view(&self) -> Option<&str> {
        Some(self.view_id())
    }
    fn set_view(&mut self, id: &str) -> Result<()> {
        self.set_view(id)
    }
    fn set_data(&mut self, ds: Dataset) -> Result<()> {
        self.set_data(ds);
        Ok(())
    }
    fn describe(&self, index: usize) -> Option<Hover> {
        self.describe(index)
    }
    fn navigate(&self, from: Option<usize>, key: &str) -> Option<usize> {
        self.navigate(from, key)
    }
    fn items(&self) -> Vec<ItemInfo> {
        self.items()
    }
    fn table(&self) -> Option<Table> {
        Some(self.table())
    }
    fn claims(&self) -> Option<Vec<ClaimInfo>> {
        Some(self.claims())
    }
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn export_scene(&self, width: f64) -> Option<Scene> {
        Some(self.export_scene(width))
    }
    fn state(&self) -> Option<State> {
        Some(DatasetChart::state(self))
    }
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn restore(&mut self, state: &State) -> Result<()> {
        DatasetChart::restore(self, state)
    }
}

fn find_view(ds: &Dataset, id: &str, path: &str) -> Result<usize> {
    ds.view_index(id).ok_or_else(|| {
        let known: Vec<&str> = ds.views.iter().map(|v| v.id.as_str()).collect();
        Error::expected_as(
            ErrorKind::UnknownId,
            path,
            &format!("one of {}", known.join(", ")),
            format!("\"{id}\""),
        )
    })
}
