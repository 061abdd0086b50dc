//! The formatters (money, periods, dates, percentages) through the public API, in the
//! three languages: a one-observation dataset whose value (8 bytes, as f64) and period and
//! claim figure (the rest, as text) come from the input, and the same value as a column.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use serde_json::json;
use trade_chart::chart::columns::{ColumnsChart, ColSeries, Columns, ValueFormat};
use trade_chart::{DatasetChart, Dataset, Lang, Options, Widget};

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (head, rest) = data.split_at(8);
    let value = f64::from_le_bytes(head.try_into().unwrap_or([0; 8]));
    let text = String::from_utf8_lossy(rest);
    let (period, date) = text.split_once('|').unwrap_or((&text, "2021-06-15"));
    let ds = json!({
        "schema": 1, "id": "f", "title": "F",
        "partners": [{"code": "AA", "name": "A"}, {"code": "BB", "name": "B"}],
        "unit": {"currency": "USD", "scale": 1},
        "bases": [{"id": "b", "label": "B"}],
        "sources": [{"id": "s", "publisher": "P", "title": "T", "date": date, "url": "https://example.invalid/"}],
        "series": [{"id": "x", "label": "X", "direction": "two-way", "basis": "b",
            "observations": [{"id": "o", "period": period, "value": value.abs(), "sources": ["s"]},
                             {"id": "p", "period": "1999", "value": 1, "sources": ["s"]}]}],
        "claims": [{"id": "c", "text": "C", "figure": {"kind": "percent", "value": value},
            "status": "unverified", "source": "s", "period": period}],
        "views": [
            {"id": "t", "label": "T", "title": "T", "kind": "time-line", "series": ["x"],
             "from": "1999", "to": period, "change": ["p", "o"], "claims": ["c"]},
            {"id": "b", "label": "B", "title": "B", "kind": "bars", "series": ["x"]}
        ]
    });
    if let Ok(ds) = Dataset::from_json(&ds.to_string()) {
        if let Ok(mut c) = DatasetChart::new(ds, &Options::default()) {
            for lang in [Lang::En, Lang::Ko, Lang::Zh] {
                Widget::set_lang(&mut c, lang);
                let _ = c.resize(640.0, 300.0);
                let _ = c.table();
                let _ = c.summary();
                let _ = c.claims();
                let _ = c.describe(0);
                let _ = c.describe(1);
                let _ = c.meta();
            }
        }
    }
    for format in ["usd", "number", "percent"] {
        let cols = Columns::new(
            "F".into(),
            vec![0.0, 1.0],
            vec![ColSeries {
                id: "a".into(),
                label: "A".into(),
                y: vec![value, value.abs()],
            }],
        );
        if let (Ok(cols), Ok(f)) = (cols, ValueFormat::parse(format)) {
            let mut c = ColumnsChart::new(cols.with_format(f), Lang::En);
            for lang in [Lang::En, Lang::Ko, Lang::Zh] {
                Widget::set_lang(&mut c, lang);
                let _ = c.resize(320.0, 200.0);
                let _ = c.hover(10.0, 100.0);
                let _ = c.hover(310.0, 100.0);
                let _ = c.csv();
                let _ = Widget::meta(&c);
            }
        }
    }
});
