//! Long tables with words (a customs or statistics office's export: partner, product and
//! flow columns beside one money column): the table's text, then after the first NUL
//! byte the second partner (`CODE=NAME`) on the first line, `--commodity` on the second
//! and `--flow` settings on the rest (those that do not read are left out); read with a
//! source, checked and charted.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trade_chart_import::wide::{flow_option, source_option};
use trade_chart_import::{self as import, Input, SheetOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (table, asked) = text.split_once('\0').unwrap_or((text, ""));
    let mut lines = asked.lines();
    let second = lines.next().unwrap_or("AR=阿根廷");
    let (code, name) = second.split_once('=').unwrap_or((second, second));
    let commodity = lines.next().filter(|c| !c.is_empty()).map(str::to_string);
    let mut partners = vec![("CN".to_string(), "China".to_string())];
    if !code.trim().is_empty() {
        partners.push((code.trim().to_string(), name.trim().to_string()));
    }
    let options = SheetOptions {
        partners,
        source: source_option("Made-up Customs | Invented | https://example.invalid").ok(),
        flows: lines.filter_map(|l| flow_option(l).ok()).collect(),
        commodity,
        ..SheetOptions::default()
    };
    let _ = import::wide::sniff(table, &options);
    let Ok(imported) = import::import(
        Input {
            name: "office.csv",
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
