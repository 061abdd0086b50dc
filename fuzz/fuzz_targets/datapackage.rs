//! A data package (Frictionless): the descriptor, the observations CSV and the sources CSV,
//! split at NUL bytes; a resource whose path names sources gets the third part, any other
//! the second. Read, checked and charted.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trade_chart_import::datapackage;

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |&b| b == 0);
    let descriptor = parts.next().unwrap_or_default();
    let observations = parts.next().map(<[u8]>::to_vec);
    let sources = parts.next().map(<[u8]>::to_vec);
    let Ok(descriptor) = std::str::from_utf8(descriptor) else {
        return;
    };
    let resolve = |path: &str| {
        let part = if path.contains("source") { &sources } else { &observations };
        part.clone()
            .map(|b| (path.to_string(), b))
            .ok_or_else(|| format!("{path}: not in the package"))
    };
    let Ok(imported) = datapackage::import("datapackage.json", descriptor, &resolve) else {
        return;
    };
    common::checked(&imported, data.len());
});
