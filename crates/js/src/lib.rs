//! What both of trade-chart's wasm modules (the reader's, crates/web; the builder's,
//! crates/web-import) need at the JS boundary: a Rust error as a JS `Error` that keeps its
//! code and place, a Rust value as a JS object, and the allocator.
#![cfg(target_arch = "wasm32")]

use trade_chart::Error;
use wasm_bindgen::JsValue;

/// The wasm's allocator: talc, smaller than std's dlmalloc and as fast here (Cargo.toml
/// has the measurements). Single-threaded: no atomics in this build.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A JS `Error` whose message is the error's text, with its stable `code`, its `path`,
/// and `row`/`column`, `expected`/`found` where they apply.
pub fn js(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(k), &v);
    };
    set("code", e.code().into());
    set("path", e.path().into());
    if let Some(r) = e.row() {
        set("row", (r as f64).into());
    }
    if let Some(c) = e.column() {
        set("column", (c as f64).into());
    }
    if let Some(x) = e.expectation() {
        set("expected", x.into());
    }
    if let Some(x) = e.found() {
        set("found", x.into());
    }
    err.into()
}

/// A Rust value as a JS value: serde_json writes it, `JSON.parse` reads it (one
/// boundary crossing, and no second serde format in the wasm).
pub fn to_js<T: serde::Serialize>(v: &T) -> JsValue {
    serde_json::to_string(v)
        .ok()
        .and_then(|s| js_sys::JSON::parse(&s).ok())
        .unwrap_or(JsValue::NULL)
}
