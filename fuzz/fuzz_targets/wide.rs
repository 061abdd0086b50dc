//! Wide tables (a period column and a column per flow): the table's text, then after the
//! first NUL byte `--flow` settings, one a line (those that do not read are left out);
//! read with the partners, unit and source a wide table needs, checked and charted.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trade_chart_import::wide::{flow_option, source_option};
use trade_chart_import::{self as import, Input, SheetOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (table, flows) = text.split_once('\0').unwrap_or((text, ""));
    let options = SheetOptions {
        partners: vec![
            ("KR".into(), "South Korea".into()),
            ("IT".into(), "Italy".into()),
        ],
        unit: Some("USD thousand".into()),
        source: source_option("Made-up Office | Invented | https://example.invalid").ok(),
        flows: flows.lines().filter_map(|l| flow_option(l).ok()).collect(),
        ..SheetOptions::default()
    };
    let _ = import::wide::sniff(table, &options);
    let Ok(imported) = import::import(
        Input {
            name: "wide.csv",
            text: table,
        },
        Input {
            name: "sources",
            text: "",
        },
        &options,
    ) else {
        return;
    };
    common::checked(&imported, data.len());
});
