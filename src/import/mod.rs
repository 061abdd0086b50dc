//! Datasets from other formats than the JSON schema (issue 10, "Editors' own data").
//! Native only for now (the `import` feature, off in the wasm build): nothing here is
//! in the reader's wasm.
//!
//! Every reader ends in the same place: a [`RawDataset`](crate::RawDataset) that goes
//! through the same [`validate`](crate::validate) as a JSON dataset, with the errors
//! of its input at their place ([`crate::Location::Cell`] for a table) and a way back
//! from a dataset path to that place ([`sheet::Import::locate`]). This step reads
//! spreadsheet tables ([`sheet`]); later readers (Comtrade, data packages) add a module
//! beside it and produce an [`sheet::Import`] too.

pub mod numbers;
pub mod periods;
pub mod sheet;
pub mod table;

pub use sheet::{import, to_json, Import, Input, SheetOptions, MAX_ERRORS};
