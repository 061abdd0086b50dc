//! One contract for both chart kinds — a sourced dataset ([`crate::DatasetChart`]) and plain
//! numeric columns ([`crate::chart::ColumnsChart`]) — so the wasm facade is a line per
//! method and the shell asks `meta().can` instead of guessing what a chart can do.

use crate::chart::present::{Capabilities, ClaimInfo, Hover, ItemInfo, Meta, Table};
use crate::chart::state::State;
use crate::data::Dataset;
use crate::error::{Error, ErrorKind, Result};
use crate::scene::theme::Theme;
use crate::scene::Scene;
use crate::text::words::Lang;

/// What a chart the facade drives can be asked. Methods a kind of chart does not have
/// (see [`Widget::capabilities`]) answer `None`, nothing, or an error naming the call.
pub trait Widget {
    /// What it can do beyond drawing, hovering, its legend and CSV.
    fn capabilities(&self) -> Capabilities;
    /// The scene at the current size (empty before the first `resize`).
    fn scene(&self) -> &Scene;
    /// The reader language.
    fn lang(&self) -> Lang;
    /// Sets the CSS size and lays out again.
    fn resize(&mut self, width: f64, height: f64) -> Result<()>;
    /// Switches the reader language.
    fn set_lang(&mut self, lang: Lang);
    /// Replaces the colours.
    fn set_theme(&mut self, theme: Theme);
    /// Hides or shows a series; returns whether it is now visible.
    fn toggle_series(&mut self, id: &str) -> Result<bool>;
    /// Everything the shell writes around the canvas.
    fn meta(&self) -> Meta;
    /// The tooltip for the pointer at CSS (x, y), if it is over a figure.
    fn hover(&self, x: f64, y: f64) -> Option<Hover>;
    /// The figures as CSV (the full module and native code only: the reader's core
    /// wasm leaves the exports to the full module).
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn csv(&self) -> String;

    /// The current view's id (`None` without views).
    fn view(&self) -> Option<&str> {
        None
    }
    /// Switches view.
    fn set_view(&mut self, _id: &str) -> Result<()> {
        Err(unsupported("view", "views"))
    }
    /// Replaces the dataset.
    fn set_data(&mut self, _ds: Dataset) -> Result<()> {
        Err(unsupported("data", "a dataset"))
    }
    /// The tooltip for item `index` (keyboard focus).
    fn describe(&self, _index: usize) -> Option<Hover> {
        None
    }
    /// The item keyboard focus moves to from `from` on `key`.
    fn navigate(&self, _from: Option<usize>, _key: &str) -> Option<usize> {
        None
    }
    /// Every drawn figure with its hit box.
    fn items(&self) -> Vec<ItemInfo> {
        Vec::new()
    }
    /// The current view as a table.
    fn table(&self) -> Option<Table> {
        None
    }
    /// The story's claims with their verdicts.
    fn claims(&self) -> Option<Vec<ClaimInfo>> {
        None
    }
    /// The current view as a picture with its title and sources, `width` CSS px wide.
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn export_scene(&self, _width: f64) -> Option<Scene> {
        None
    }
    /// What the reader changed (view, hidden series, language), for the full module's
    /// copy of the chart; `None` for columns (they live in the full module).
    fn state(&self) -> Option<State> {
        None
    }
    /// Takes the view, hidden series and language of a [`Widget::state`].
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn restore(&mut self, _state: &State) -> Result<()> {
        Err(unsupported("state", "views"))
    }
}

/// The error for a call a chart made from columns cannot answer.
pub fn unsupported(path: &str, what: &str) -> Error {
    Error::at(
        ErrorKind::Unsupported,
        path,
        format!("this chart was made from columns: it has no {what}"),
    )
}
