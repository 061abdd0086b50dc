//! The limits of src/limits.rs (docs/DATA.md "Limits"): every entry refuses an input
//! just over each one with a `too-large` error that names the limit and the value, and
//! refuses a huge text by its length, before parsing it.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use trade_chart::chart::columns::{ColSeries, Columns};
use trade_chart::data::DEFAULT_JSON;
use trade_chart::limits;
use trade_chart::{Dataset, Error, Options};

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_JSON).unwrap()
}

fn load(v: &Value) -> Result<Dataset, Error> {
    Dataset::from_json(&v.to_string())
}

#[path = "support/limit.rs"]
mod limit;
use limit::assert_limit;

#[test]
fn a_200_mb_text_is_refused_by_its_length_without_parsing() {
    let text = "x".repeat(200 << 20);
    let t = Instant::now();
    let e = Dataset::from_json(&text).unwrap_err();
    let took = t.elapsed();
    assert_limit(&e, limits::JSON_BYTES, "", 200 << 20);
    assert_eq!(
        e.to_string(),
        "209715200 bytes; the limit is 33554432 (32 MB)"
    );
    assert_eq!(
        e.within("data").to_string(),
        "data: 209715200 bytes; the limit is 33554432 (32 MB)"
    );
    // Parsing 200 MB would take seconds; the length check takes nothing.
    assert!(took < Duration::from_millis(50), "{took:?}");
    // The same through every other JSON entry.
    let e = trade_chart::data::json::from_json_text::<Value>(&text).unwrap_err();
    assert_limit(&e, limits::JSON_BYTES, "", 200 << 20);
    let e = Options::from_json(&text).unwrap_err();
    assert_limit(&e, limits::OPTIONS_BYTES, "options", 200 << 20);
}

#[test]
fn json_bytes_one_over() {
    let max = limits::JSON_BYTES.max;
    let pad = |n: usize| format!("{DEFAULT_JSON}{}", " ".repeat(n - DEFAULT_JSON.len()));
    assert!(Dataset::from_json(&pad(max)).is_ok());
    let e = Dataset::from_json(&pad(max + 1)).unwrap_err();
    assert_limit(&e, limits::JSON_BYTES, "", max + 1);
}

#[test]
fn options_bytes_one_over() {
    let max = limits::OPTIONS_BYTES.max;
    let text = |n: usize| format!("{{\"lang\": \"en\"}}{}", " ".repeat(n - 14));
    assert!(Options::from_json(&text(max)).is_ok());
    let e = Options::from_json(&text(max + 1)).unwrap_err();
    assert_limit(&e, limits::OPTIONS_BYTES, "options", max + 1);
}

#[test]
fn text_chars_one_over() {
    let max = limits::TEXT_CHARS.max;
    let mut v = default_value();
    // Characters, not bytes: 2,000 Korean characters are 6,000 bytes and pass.
    v["title"] = json!("한".repeat(max));
    assert!(load(&v).is_ok());
    v["title"] = json!("x".repeat(max + 1));
    let e = load(&v).unwrap_err();
    assert_limit(&e, limits::TEXT_CHARS, "title", max + 1);
    // Deep in the text, at its path; escapes count as one character.
    let mut v = default_value();
    v["series"][2]["observations"][1]["note"] = json!("\u{1}".repeat(max + 1));
    let e = load(&v).unwrap_err();
    assert_limit(
        &e,
        limits::TEXT_CHARS,
        "series[2].observations[1].note",
        max + 1,
    );
}

#[test]
fn series_one_over() {
    let mut v = default_value();
    let first = v["series"][0].clone();
    let series = v["series"].as_array_mut().unwrap();
    while series.len() <= limits::SERIES.max {
        let mut s = first.clone();
        s["id"] = json!(format!("s{}", series.len()));
        series.push(s);
    }
    let e = load(&v).unwrap_err();
    assert_limit(&e, limits::SERIES, "series", limits::SERIES.max + 1);
}

#[test]
fn observations_one_over() {
    let mut v = default_value();
    let before: usize = v["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["observations"].as_array().unwrap().len())
        .sum();
    let obs = v["series"][0]["observations"][0].clone();
    let list = v["series"][0]["observations"].as_array_mut().unwrap();
    list.extend(std::iter::repeat_n(
        obs,
        limits::OBSERVATIONS.max + 1 - before,
    ));
    let e = load(&v).unwrap_err();
    assert_limit(
        &e,
        limits::OBSERVATIONS,
        "series",
        limits::OBSERVATIONS.max + 1,
    );
}

#[test]
fn views_one_over() {
    let mut v = default_value();
    let first = v["views"][0].clone();
    let views = v["views"].as_array_mut().unwrap();
    while views.len() <= limits::VIEWS.max {
        let mut w = first.clone();
        w["id"] = json!(format!("v{}", views.len()));
        views.push(w);
    }
    let e = load(&v).unwrap_err();
    assert_limit(&e, limits::VIEWS, "views", limits::VIEWS.max + 1);
}

#[test]
fn entries_one_over() {
    let mut v = default_value();
    v["notes"] = json!(vec!["A note."; limits::ENTRIES.max + 1]);
    let e = load(&v).unwrap_err();
    assert_limit(&e, limits::ENTRIES, "notes", limits::ENTRIES.max + 1);
}

#[test]
fn categories_one_over() {
    let max = limits::CATEGORIES.max;
    let mut v = default_value();
    let products = v["views"]
        .as_array()
        .unwrap()
        .iter()
        .position(|w| w["x"] == "category")
        .unwrap();
    let sid = v["views"][products]["series"][0]
        .as_str()
        .unwrap()
        .to_string();
    let si = v["series"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s["id"] == sid.as_str())
        .unwrap();
    let template = v["series"][si]["observations"][0].clone();
    let cats = |n: usize| -> Vec<Value> {
        (0..n)
            .map(|k| {
                let mut o = template.clone();
                o.as_object_mut().unwrap().remove("id");
                o["category"] = json!(format!("c{k}"));
                o
            })
            .collect()
    };
    v["series"][si]["observations"] = json!(cats(max + 1));
    // Drop what referred to the old observations.
    v["claims"] = json!([]);
    for w in v["views"].as_array_mut().unwrap() {
        w.as_object_mut().unwrap().remove("change");
        w["claims"] = json!([]);
    }
    for s in v["series"].as_array_mut().unwrap() {
        let list = s["observations"].as_array_mut().unwrap();
        list.retain(|o| o.get("derived").is_none());
    }
    let e = load(&v).unwrap_err();
    assert_limit(
        &e,
        limits::CATEGORIES,
        &format!("views[{products}].x"),
        max + 1,
    );
}

#[test]
fn column_points_one_over() {
    let n = limits::COLUMN_POINTS.max + 1;
    let x: Vec<f64> = vec![0.0; n];
    let series = vec![ColSeries {
        id: "a".into(),
        label: "A".into(),
        y: Vec::new(),
    }];
    let e = Columns::new("t".into(), x, series).unwrap_err();
    assert_limit(&e, limits::COLUMN_POINTS, "columns.x", n);
    let e = Columns::new(
        "x".repeat(2001),
        vec![0.0],
        vec![ColSeries {
            id: "a".into(),
            label: "A".into(),
            y: vec![1.0],
        }],
    )
    .unwrap_err();
    assert_limit(&e, limits::TEXT_CHARS, "columns.title", 2001);
}
