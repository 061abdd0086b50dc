//! The limits (src/limits.rs, docs/DATA.md "Limits") at the importers: a table, a Comtrade
//! download and a dataset text just over each are refused with the limit and the value.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use trade_chart::data::DEFAULT_JSON;
use trade_chart::limits;
use trade_chart::{Error, ErrorKind};

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_JSON).unwrap()
}

#[path = "../../../tests/support/limit.rs"]
mod limit;
use limit::assert_limit;

use trade_chart::Location;
use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::{self as import, Input, SheetOptions};

const SOURCES: &str = "id\tpublisher\ttitle\tdate\turl\n\
    s1\tMade-up Office\tInvented figures\t2021\thttps://example.invalid/s1\n";

fn sheet(obs: &str) -> Vec<Error> {
    import::import(
        Input {
            name: "observations.tsv",
            text: obs,
        },
        Input {
            name: "sources.tsv",
            text: SOURCES,
        },
        &SheetOptions::default(),
    )
    .err()
    .unwrap()
}

fn cell(e: &Error) -> (usize, usize) {
    match e.location() {
        Location::Cell { row, column, .. } => (*row, *column),
        l => panic!("{l:?}"),
    }
}

/// What an importer writes is pretty-printed: a dataset whose compact text the chart
/// takes can come out over JSON_BYTES, and `dataset_json` (the builder's imports,
/// `checkDataset`, `setChartText`, `convert`, `bundle`) refuses it with the limit and
/// the length it would have had, instead of handing over a text the chart refuses.
#[test]
fn a_dataset_that_pretty_prints_over_the_json_limit() {
    let mut v = default_value();
    let series = &mut v["series"][0];
    let template = series["observations"][0].clone();
    let sources: Vec<Value> = (0..40).map(|_| json!("a")).collect();
    let observations: Vec<Value> = (0..45_000)
        .map(|i| {
            let mut o = template.clone();
            o["period"] = json!(format!("{}", 1000 + i));
            o["sources"] = json!(sources);
            o
        })
        .collect();
    series["observations"] = json!(observations);
    let compact = v.to_string();
    assert!(compact.len() < limits::JSON_BYTES.max, "{}", compact.len());
    let raw: trade_chart::RawDataset = serde_json::from_str(&compact).unwrap();
    let pretty = import::to_json(&raw).len();
    assert!(pretty > limits::JSON_BYTES.max, "{pretty}");
    let e = import::dataset_json(&raw).unwrap_err();
    assert_limit(&e, limits::JSON_BYTES, "dataset", pretty);
    // Two thirds of it is a text the chart takes.
    let mut small = raw.clone();
    small.series[0].observations.truncate(30_000);
    let text = import::dataset_json(&small).unwrap();
    assert!(text.len() <= limits::JSON_BYTES.max);
}

#[test]
fn table_bytes_one_over() {
    let n = limits::TABLE_BYTES.max + 1;
    let t = Instant::now();
    let errors = sheet(&"a".repeat(n));
    assert!(t.elapsed() < Duration::from_secs(1));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_limit(&errors[0], limits::TABLE_BYTES, "", n);
    assert!(errors[0].to_string().starts_with("observations.tsv:1:1: "));
    // Comtrade: by the bytes, before decoding them.
    let bytes = vec![0xe9u8; n];
    let errors = comtrade::import("c.csv", &bytes, &ComtradeOptions::default())
        .err()
        .unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_limit(&errors[0], limits::TABLE_BYTES, "", n);
}

#[test]
fn table_rows_one_over_stop_reading() {
    let max = limits::TABLE_ROWS.max;
    // Blank rows count: a spreadsheet shows them.
    let text = format!("series\tperiod\tvalue\tsources\n{}", "\n".repeat(max));
    let errors = sheet(&text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_limit(&errors[0], limits::TABLE_ROWS, "", max + 1);
    assert_eq!(cell(&errors[0]), (max + 1, 1));
    // Comtrade rows likewise.
    let text = format!("flow,reporter,partner,period,value\n{}", "\n".repeat(max));
    let errors = comtrade::import("c.csv", text.as_bytes(), &ComtradeOptions::default())
        .err()
        .unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e.kind() == ErrorKind::TooLarge && cell(e) == (max + 1, 1)),
        "{errors:?}"
    );
}

#[test]
fn a_cell_one_over_the_text_limit() {
    let max = limits::TEXT_CHARS.max;
    let ok = format!(
        "series\tperiod\tvalue\tsources\tnote\na\t2020\t1\ts1\t{}\n",
        "é".repeat(max)
    );
    let errors = sheet(&ok);
    assert!(
        errors.iter().all(|e| e.kind() != ErrorKind::TooLarge),
        "{errors:?}"
    );
    let over = format!(
        "series\tperiod\tvalue\tsources\tnote\na\t2020\t1\ts1\t\"{}\"\n",
        "x".repeat(max + 1)
    );
    let errors = sheet(&over);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_limit(&errors[0], limits::TEXT_CHARS, "", max + 1);
    assert_eq!(cell(&errors[0]), (2, 5));
}
