//! The state between calls: a sourced dataset's chart ([`DatasetChart`]) and a chart of numeric
//! columns ([`ColumnsChart`]), one contract for both ([`Widget`]), hit testing ([`hit`]),
//! what the shell is sent ([`present`]), the reader's state ([`state`]) and `create()`'s
//! options ([`options`]).

pub mod columns;
mod dataset;
pub mod hit;
pub mod options;
pub mod present;
pub mod state;
pub mod widget;

pub use columns::ColumnsChart;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub use dataset::picture::{
    escape_html, picture_css, render_element, render_element_styled, render_element_with,
    reserve_css, stylesheet, PictureOptions, PictureWidth, PICTURE_WIDTHS, RESERVE_TEXTS,
};
pub use dataset::{DatasetChart, SOCIAL_CARD, SOCIAL_SCALE};
pub use hit::{item_at, navigate, Key};
pub use options::Options;
pub use present::{
    describe, facts, Capabilities, ClaimInfo, Facts, Hover, ItemInfo, LegendEntry, Meta, Table,
    ViewInfo,
};
pub use widget::Widget;
