//! The options' JSON text, and a chart of the default dataset made with them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trade_chart::{DatasetChart, Dataset, Options};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(o) = Options::from_json(text) else {
        return;
    };
    let _ = o.language();
    if let Ok(ds) = Dataset::default_dataset() {
        if let Ok(mut c) = DatasetChart::new(ds, &o) {
            let _ = c.resize(320.0, 300.0);
            let _ = c.meta();
        }
    }
});
