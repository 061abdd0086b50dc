//! trade-chart's core: an embeddable, traceable trade chart for news stories.
//!
//! The flow, one folder a step, each using only the steps before it:
//!
//! - foundations: [`error`] (where and what went wrong, with a stable code), [`limits`]
//!   (the sizes an input may have), [`number`] (numbers as text, without a language);
//! - [`data`]: a dataset's JSON text read and **checked** into a [`Dataset`] (and the
//!   languages its texts come in, [`Lang`]);
//! - [`select`]: what a view shows, whatever the size ([`select::Selection`]);
//! - [`text`]: the widget's own words and the reader's number, money and period formats;
//! - [`scene`]: laid out at a size, a [`Scene`] of marks in CSS px (axes, layout, scales,
//!   the theme's colours);
//! - [`render`]: [`draw`] puts a scene on any plotters backend; [`svg`] writes it as SVG;
//! - [`chart`]: the state between calls — [`DatasetChart`] (a sourced dataset) and
//!   [`chart::ColumnsChart`] (plain numeric columns) behind one [`Widget`] contract, hit
//!   testing, and what the shell is sent ([`Meta`], [`Hover`], [`Table`]…).
//!
//! The browser facade (crates/web), the builder's wasm (crates/web-import), the importers
//! (crates/import) and the command line (crates/cli) build on this crate.
#![deny(missing_docs)]
// No panic paths in library code: the wasm is built with panic = "abort", so a panic traps
// it. Tests may unwrap. Indexing is checked too; the few `[i]` left are on hot paths or
// provably in range, each allowed where it stands with the reason.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod error;
pub mod limits;
pub mod number;

pub mod chart;
pub mod data;
pub mod render;
pub mod scene;
pub mod select;
pub mod text;

pub use chart::{
    describe, facts, item_at, navigate, Capabilities, ClaimInfo, DatasetChart, Facts, Hover,
    ItemInfo, Key, LegendEntry, Meta, Options, Table, ViewInfo, Widget, SOCIAL_CARD, SOCIAL_SCALE,
};
pub use data::{validate, Dataset, Lang, RawDataset};
pub use error::{Error, ErrorKind, Location, Result};
pub use render::{draw, svg, FONT_FAMILY};
pub use scene::{build, Scene, SceneInput};
pub use text::Ui;
