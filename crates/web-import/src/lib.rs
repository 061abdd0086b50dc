//! The builder's imports in the browser (the second wasm only:
//! `pkg/trade_chart_import_bg.wasm`, which `pkg/import.js` loads on first use; the
//! reader's wasm is built without them). Each export is a few lines: the JS values in,
//! the call of [`trade_chart_import::builder`] (the readers the command line runs, the
//! same check, the builder's chart text and claims, all tested natively), and its answer
//! out as one plain object (serde_json, as the rest of the facade):
//! `{ dataset, errors, warnings, gaps }` ([`trade_chart_import::builder::Outcome`]). Bad options are not data
//! errors: they throw, as `create()`'s do, as a JS `Error` with the error's code and place.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;

use trade_chart::error::{Error, ErrorKind};
use trade_chart_import::{builder, publish};
use trade_chart_js::{js, to_js};

/// The options argument: JSON text, or undefined/null for none.
fn text_or_none(v: &JsValue) -> Result<Option<String>, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| {
        js(Error::expected_as(
            ErrorKind::InvalidType,
            "options",
            "JSON text",
            "another type",
        ))
    })
}

/// An observations table and its sources table (or a wide table, its sources "" with the
/// `source` option), and optionally the chart's text table → `{ dataset, errors, warnings,
/// gaps }`, and `understood` for a wide table ([`builder::import_tables`]). Throws only for
/// bad options.
#[wasm_bindgen]
pub fn import_tables(
    observations: &str,
    sources: &str,
    text: Option<String>,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let options = text_or_none(&options)?;
    builder::import_tables(observations, sources, text.as_deref(), options.as_deref())
        .map(|o| to_js(&o))
        .map_err(js)
}

/// A UN Comtrade download's bytes → `{ dataset, errors, warnings, gaps }`
/// ([`builder::import_comtrade`]). Throws only for bad options.
#[wasm_bindgen]
pub fn import_comtrade(bytes: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let options = text_or_none(&options)?;
    builder::import_comtrade(bytes, options.as_deref())
        .map(|o| to_js(&o))
        .map_err(js)
}

/// An IMF Direction of Trade (DOTS) download's bytes → `{ dataset, errors, warnings,
/// gaps, pairs }` ([`builder::import_imf`]). Throws only for bad options.
#[wasm_bindgen]
pub fn import_imf(bytes: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let options = text_or_none(&options)?;
    builder::import_imf(bytes, options.as_deref())
        .map(|o| to_js(&o))
        .map_err(js)
}

/// A download, read by its header row: an IMF DOTS file or a UN Comtrade download
/// ([`builder::import_download`]). Throws only for bad options.
#[wasm_bindgen]
pub fn import_download(bytes: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let options = text_or_none(&options)?;
    builder::import_download(bytes, options.as_deref())
        .map(|o| to_js(&o))
        .map_err(js)
}

/// A file's size against the limit of what it is (`table`, `json`), before it is read →
/// `null` when within, else the import's answer with the too-large error
/// ([`builder::check_file_size`]). Throws for a bad `what`, `size` or options.
#[wasm_bindgen]
pub fn check_file_size(what: &str, size: f64, options: JsValue) -> Result<JsValue, JsValue> {
    let options = text_or_none(&options)?;
    builder::check_file_size(what, size, options.as_deref())
        .map(|o| o.map_or(JsValue::NULL, |o| to_js(&o)))
        .map_err(js)
}

/// A dataset's JSON text checked as the chart checks it → `{ dataset, errors, warnings,
/// gaps }` ([`builder::check_dataset`]). Throws only for bad options.
#[wasm_bindgen]
pub fn check_dataset(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = text_or_none(&options)?;
    builder::check_dataset(text, options.as_deref())
        .map(|o| to_js(&o))
        .map_err(js)
}

/// A checked dataset's JSON text with the editor's chart text, views and claims applied
/// and checked again → `{ dataset, errors, warnings, gaps }` ([`builder::set_chart_text`]:
/// the options, and where each error is placed). Throws for bad options, or a `dataset`
/// that is not a dataset.
#[wasm_bindgen]
pub fn set_chart_text(dataset: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options = text_or_none(&options)?;
    builder::set_chart_text(dataset, options.as_deref())
        .map(|o| to_js(&o))
        .map_err(js)
}

/// A dataset's JSON text → its social card as an SVG document ([`builder::social_card`]).
/// Options: `view`, `lang`, `theme`. Throws for a dataset that does not check or a bad
/// option.
#[wasm_bindgen]
pub fn social_card(dataset: &str, options: JsValue) -> Result<String, JsValue> {
    let options = text_or_none(&options)?;
    builder::social_card(dataset, options.as_deref()).map_err(js)
}

/// A dataset's JSON text → its data package as `{ descriptor, observations, sources,
/// files }`, `files` every file as `{ name, text }` ([`builder::to_datapackage`]). Throws for a dataset that does not check.
#[wasm_bindgen]
pub fn to_datapackage(dataset: &str) -> Result<JsValue, JsValue> {
    builder::to_datapackage(dataset)
        .map(|p| to_js(&p))
        .map_err(js)
}

/// A dataset's JSON text and the reader's standalone script's text → the one-file HTML
/// page, the command line's `bundle` ([`publish::page`]). Options: `view`, `lang`,
/// `theme`. Throws for a dataset that does not check, a bad option or a script that
/// cannot be inline.
#[wasm_bindgen]
pub fn one_file_page(dataset: &str, script: &str, options: JsValue) -> Result<String, JsValue> {
    let options = text_or_none(&options)?;
    publish::PageOptions::read(options.as_deref())
        .and_then(|o| publish::page(dataset, script, &o))
        .map_err(js)
}

/// A file's first bytes and whether the whole file is UTF-8 (the page's `TextDecoder`
/// says) → `{ label, bom, candidates, sample }`: the encoding when the bytes alone say,
/// else the labels to decode the first `sample` bytes in ([`builder::encoding_plan`]).
#[wasm_bindgen]
pub fn encoding_plan(head: &[u8], utf8: bool) -> JsValue {
    to_js(&builder::encoding_plan(head, utf8))
}

/// The candidates' decodings as JSON text (`[{ label, text | null }]`) → `{ label, name }`,
/// the likeliest, as the command line chooses ([`builder::choose_encoding`]). Throws for
/// text that is not such a list.
#[wasm_bindgen]
pub fn choose_encoding(decodings: &str) -> Result<JsValue, JsValue> {
    builder::choose_encoding(decodings)
        .map(|c| to_js(&c))
        .map_err(js)
}

/// The "What I read" panel → `{ items: [{ key, label, value, note, choices, chosen }] }`
/// ([`builder::what_i_read`]). Options: `kind`, `text`, `encoding`, `guessed`. Throws for
/// bad options.
#[wasm_bindgen]
pub fn what_i_read(options: &str) -> Result<JsValue, JsValue> {
    builder::what_i_read(options).map(|r| to_js(&r)).map_err(js)
}

/// `<trade-chart>` with the chart's published picture and the dataset inline, for a page
/// rendered on the server (`trade-chart/server`'s `render`, in Node): `data` the dataset's
/// JSON text, `options` create()'s options as JSON text
/// (`trade_chart::chart::render_element`). In this wasm, not the reader's: the picture's
/// code and stylesheet stay out of what a reader downloads.
#[wasm_bindgen]
pub fn render_element(
    data: &str,
    options: &str,
    page_style: Option<bool>,
) -> Result<String, JsValue> {
    trade_chart::chart::render_element_styled(data, options, page_style.unwrap_or(false))
        .map_err(js)
}
