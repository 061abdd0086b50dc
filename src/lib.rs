//! trade-chart: an embeddable, traceable trade chart for news stories.
//!
//! The flow, one module a step: a dataset's JSON text is read and **checked** into a
//! [`Dataset`] (`data`, errors in `error`); a view's **selection** of it, whatever the
//! size, is a [`select::Selection`]; laid out at a size it is a [`Scene`] of marks in CSS
//! px (`scene`, `axis`, `layout`); [`draw`] puts a scene on any plotters backend
//! (`render`); `hit` and `present` turn a pointer or a key into a figure and its words.
//! [`Chart`] (a sourced dataset) and [`bulk::ColChart`] (plain numeric columns) hold the
//! state between calls behind one [`Widget`] contract; only `web` and `canvas` (the
//! wasm-bindgen facade and our canvas backend) need a browser.
#![deny(missing_docs)]
// No panic paths in library code (issue 13): the wasm is built with panic = "abort", so a
// panic traps it. Tests may unwrap. Indexing is checked too; the few `[i]` left are on
// hot paths or provably in range, each allowed where it stands with the reason.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

// data → check
pub mod data;
pub mod error;
#[cfg(feature = "tables")]
pub mod import;
pub mod limits;
mod options;
mod order;
// → select → lay out
mod axis;
mod layout;
pub mod scale;
pub mod scene;
pub mod select;
pub mod theme;
// → draw
#[cfg(all(feature = "import", not(target_arch = "wasm32")))]
pub mod raster;
mod render;
pub mod svg;
// → interact, in the reader's words
mod format;
mod hit;
mod i18n;
mod present;
pub mod state;
// the state the facade drives: a dataset chart, a columns chart, one contract
pub mod bulk;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
mod chart;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(all(target_arch = "wasm32", feature = "tables"))]
pub mod web_import;
mod widget;

pub use chart::{Chart, SOCIAL_CARD, SOCIAL_SCALE};
pub use data::{validate, Dataset, RawDataset};
pub use error::{Error, ErrorKind, Location, Result};
pub use hit::{item_at, navigate, Key};
pub use i18n::{Lang, Ui};
pub use options::Options;
pub use present::{
    describe, facts, Capabilities, ClaimInfo, Facts, Hover, ItemInfo, LegendEntry, Meta, Table,
    ViewInfo,
};
pub use render::{draw, svg, FONT_FAMILY};
pub use scene::{build, Scene, SceneInput};
pub use widget::Widget;

/// The wasm's allocator: talc, smaller than std's dlmalloc and as fast here (Cargo.toml
/// has the measurements). Single-threaded: no atomics in this build.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
