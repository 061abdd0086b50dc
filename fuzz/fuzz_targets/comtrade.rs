//! A UN Comtrade download (any bytes: UTF-8 or read as Windows-1252), read, checked and
//! charted; and read again with a pair and a commodity chosen (`--pair`, `--commodity`).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trade_chart_import::comtrade::{self, ComtradeOptions};

fuzz_target!(|data: &[u8]| {
    let _ = comtrade::sniff(&String::from_utf8_lossy(data));
    let chosen = ComtradeOptions {
        pair: Some("CHN,Rep. of Korea".into()),
        commodity: Some("85".into()),
        ..ComtradeOptions::default()
    };
    if let Ok(imported) = comtrade::import("comtrade.csv", data, &chosen) {
        common::checked(&imported, data.len());
    }
    let Ok(imported) = comtrade::import("comtrade.csv", data, &ComtradeOptions::default()) else {
        return;
    };
    common::checked(&imported, data.len());
});
