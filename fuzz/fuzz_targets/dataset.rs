//! A dataset's JSON text: parse → validate → select → lay out at three widths → draw
//! into the SVG backend, with every view, the pointer, the keys and three languages.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trade_chart::Dataset;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ds) = Dataset::from_json(text) {
        common::chart(ds, data.len());
    }
});
