//! An IMF Direction of Trade (DOTS) download (any bytes), read, checked and charted;
//! and read again with a pair chosen (`--pair`).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trade_chart_import::imf::{self, ImfOptions};

fuzz_target!(|data: &[u8]| {
    let _ = imf::sniff(&String::from_utf8_lossy(data));
    let chosen = ImfOptions {
        pair: Some("542,Korea, Rep. of".into()),
        ..ImfOptions::default()
    };
    if let Ok(imported) = imf::import("imf.csv", data, &chosen) {
        common::checked(&imported, data.len());
    }
    let Ok(imported) = imf::import("imf.csv", data, &ImfOptions::default()) else {
        return;
    };
    common::checked(&imported, data.len());
});
