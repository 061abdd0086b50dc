//! The dataset's JSON reader (`src/data/json.rs`: a walk over a parsed tree, which keeps
//! serde's derived readers out of the reader's wasm) against serde's derived reader (still
//! compiled with the `tables` feature) as the oracle: the same `RawDataset` for every
//! dataset we ship, and the same error, word for word and path for path, for every one
//! of about 2,000 single faults: each value of the story's dataset replaced by a value
//! of every other JSON type, each member removed, an unknown member added to each object.

use serde_json::{json, Value};
use trade_chart::data::json::from_json_text;
use trade_chart::data::DEFAULT_JSON;
use trade_chart::RawDataset;

/// The derived reader's verdict and ours, as comparable text.
fn both(text: &str) -> (Result<Value, String>, Result<Value, String>) {
    let show = |r: Result<RawDataset, trade_chart::Error>| {
        r.map(|raw| serde_json::to_value(raw).unwrap())
            .map_err(|e| format!("{} [{}]", e, e.code()))
    };
    (
        show(from_json_text::<RawDataset>(text)),
        show(RawDataset::from_json_text(text)),
    )
}

#[test]
fn every_dataset_we_ship_reads_the_same() {
    let cn_ru = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/cn-ru/cn-ru.json"
    ))
    .unwrap();
    for text in [DEFAULT_JSON, cn_ru.as_str()] {
        let (derived, walked) = both(text);
        assert!(walked.is_ok(), "{walked:?}");
        assert_eq!(derived, walked);
    }
}

/// Every path to a value in `v`, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_single_fault_gives_the_same_error() {
    let base: Value = serde_json::from_str(DEFAULT_JSON).unwrap();
    let mut paths = Vec::new();
    pointers(&base, String::new(), &mut paths);
    // The first two elements of every list stand for the rest (every list's element is
    // read by the same code): a couple of hundred paths instead of about 4,000: 15 s instead of 2 min in a debug build.
    paths.retain(|p| {
        p.split('/')
            .all(|seg| seg.parse::<usize>().map_or(true, |i| i < 2))
    });
    let replacements = [
        json!(null),
        json!(true),
        json!(7),
        json!(-1),
        json!(4294967296u64),
        json!(1.5),
        json!("x"),
        json!({ "en": 5 }),
        json!({}),
    ];
    let mut cases = 0;
    let mut check = |v: &Value, what: &str| {
        let text = v.to_string();
        let (derived, walked) = both(&text);
        assert_eq!(derived, walked, "{what}");
        cases += 1;
    };
    for p in &paths {
        for r in &replacements {
            let mut v = base.clone();
            let was = v.pointer(p).unwrap().clone();
            // serde's derived readers also take a struct written as an array of its
            // fields; ours refuses it (tested below), so no array replaces an object.
            *v.pointer_mut(p).unwrap() = r.clone();
            if was.is_object() && r.is_array() {
                continue;
            }
            check(&v, &format!("{p} = {r}"));
        }
        // the member removed
        let (parent, key) = p.rsplit_once('/').unwrap();
        let mut v = base.clone();
        let holder = if parent.is_empty() {
            &mut v
        } else {
            v.pointer_mut(parent).unwrap()
        };
        match holder {
            Value::Object(m) => {
                m.remove(key);
            }
            Value::Array(a) => {
                a.remove(key.parse::<usize>().unwrap());
            }
            _ => unreachable!(),
        }
        check(&v, &format!("{p} removed"));
        // an unknown member in each object
        if base.pointer(p).unwrap().is_object() {
            let mut v = base.clone();
            let o = v.pointer_mut(p).unwrap().as_object_mut().unwrap();
            if !o.keys().all(|k| ["en", "ko", "zh"].contains(&k.as_str())) {
                o.insert("zz".into(), json!(1));
                check(&v, &format!("{p}/zz added"));
            }
        }
    }
    let mut v = base.clone();
    v.as_object_mut().unwrap().insert("zz".into(), json!(1));
    check(&v, "/zz added");
    assert!(cases > 2_000, "{cases} cases");
}

#[test]
fn what_ours_does_differently() {
    // A struct written as an array of its fields: serde's derived reader takes it.
    let mut v: Value = serde_json::from_str(DEFAULT_JSON).unwrap();
    v["partners"][0] = json!(["KP", "North Korea"]);
    let e = RawDataset::from_json_text(&v.to_string()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "partners[0]: invalid type: sequence, expected struct RawPartner"
    );
    assert!(from_json_text::<RawDataset>(&v.to_string()).is_ok());
    // Syntax errors keep their line and column either way.
    let e = RawDataset::from_json_text("{\n  \"schema\": 1,\n  \"id\": }").unwrap_err();
    assert_eq!(
        (e.code(), e.row(), e.column()),
        ("json-syntax", Some(3), Some(9))
    );
}
