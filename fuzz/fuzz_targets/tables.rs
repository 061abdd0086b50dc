//! The spreadsheet tables: observations and sources text (split at the first NUL byte),
//! read, checked and charted.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trade_chart_import::{self as import, Input, SheetOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (obs, src) = text.split_once('\0').unwrap_or((text, ""));
    let options = SheetOptions {
        partners: vec![
            ("KR".into(), "South Korea".into()),
            ("JP".into(), "Japan".into()),
        ],
        ..SheetOptions::default()
    };
    let Ok(imported) = import::import(
        Input {
            name: "observations.tsv",
            text: obs,
        },
        Input {
            name: "sources.tsv",
            text: src,
        },
        &options,
    ) else {
        return;
    };
    common::checked(&imported, data.len());
});
