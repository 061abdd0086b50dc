//! trade-chart: an embeddable, traceable trade chart for news stories.
//!
//! The dataset (`data`) is validated into checked types; a view of it at a size becomes
//! a `Scene` of marks in CSS pixels (`scene`); `render` draws a scene on any plotters
//! backend; `hit` maps a pointer to a data item and its tooltip; `Chart` holds the state
//! between calls. Only `web` (the wasm-bindgen facade) needs a browser.
#![deny(missing_docs)]

mod axis;
pub mod bulk;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
mod chart;
pub mod data;
pub mod error;
pub mod format;
mod hit;
pub mod i18n;
pub mod layout;
mod present;
mod render;
pub mod scale;
pub mod scene;
pub mod select;
pub mod theme;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use chart::{Chart, Options};
pub use data::{validate, Dataset, RawDataset};
pub use error::{Error, Result};
pub use hit::{item_at, navigate, Key};
pub use i18n::Lang;
pub use present::{
    describe, facts, Capabilities, ClaimInfo, Facts, Hover, ItemInfo, LegendEntry, Meta, Table,
    ViewInfo,
};
pub use render::{draw, FONT_FAMILY};
pub use scene::{build, Scene, SceneInput};

/// The wasm's allocator: talc, smaller than std's dlmalloc and as fast here (Cargo.toml
/// has the measurements). Single-threaded: no atomics in this build.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
