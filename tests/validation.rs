//! Bad data is rejected with an error that names the field, and never panics.

use serde_json::{json, Value};
use trade_chart::data::{Dataset, DEFAULT_JSON};

fn base() -> Value {
    serde_json::from_str(DEFAULT_JSON).unwrap()
}

fn load(v: &Value) -> Result<Dataset, trade_chart::Error> {
    Dataset::from_json(&v.to_string())
}

fn err(v: &Value) -> String {
    match load(v) {
        Ok(_) => panic!("accepted invalid data"),
        Err(e) => e.to_string(),
    }
}

fn with(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = base();
    f(&mut v);
    v
}

#[test]
fn the_default_dataset_is_valid() {
    load(&base()).unwrap();
}

#[test]
fn errors_name_the_field() {
    let cases: Vec<(Value, &str)> = vec![
        (
            with(|v| {
                v.as_object_mut().unwrap().remove("sources");
            }),
            "missing field `sources`",
        ),
        (
            with(|v| v["series"][0]["observations"][3]["value"] = json!("lots")),
            "series[0].observations[3].value",
        ),
        (
            with(|v| v["series"][0]["observations"][3]["value"] = json!(-3)),
            "series[0].observations[3].value: expected a finite number ≥ 0, found -3",
        ),
        (
            with(|v| {
                v["series"][0]["observations"][3]
                    .as_object_mut()
                    .unwrap()
                    .remove("value");
            }),
            "series[0].observations[3].value: expected a number",
        ),
        (
            with(|v| v["series"][0]["observations"][3]["value"] = json!(null)),
            "series[0].observations[3].value: expected a number",
        ),
        (
            with(|v| v["series"][1]["observations"] = json!([])),
            "series[1].observations: expected at least one observation",
        ),
        (
            with(|v| v["series"][0]["observations"][0]["sources"] = json!(["nobody"])),
            "series[0].observations[0].sources[0]: unknown source \"nobody\"",
        ),
        (
            with(|v| v["series"][0]["observations"][0]["period"] = json!("2020-13")),
            "series[0].observations[0].period: expected a period",
        ),
        (
            with(|v| v["series"][0]["observations"][1]["period"] = json!("2004")),
            "series[0].observations[1].period: a second figure for \"2004\"",
        ),
        (
            with(|v| v["series"][0]["observations"][0]["valu"] = json!(1)),
            "unknown field `valu`",
        ),
        (
            with(|v| v["series"][0]["direction"] = json!("KP>US")),
            "series[0].direction: expected \"two-way\" or \"XX>YY\"",
        ),
        (
            with(|v| v["sources"][2]["url"] = json!("ftp://x")),
            "sources[2].url: expected an http(s) URL",
        ),
        (
            with(|v| v["sources"][2]["id"] = json!("walltrace-2021-02-22")),
            "sources[2].id: duplicate id",
        ),
        (
            with(|v| v["views"][0]["kind"] = json!("pie")),
            "views[0].kind: expected \"bars\", \"time-bars\" or \"time-line\", found \"pie\"",
        ),
        (
            with(|v| v["views"][0]["series"] = json!(["nope"])),
            "views[0].series[0]: unknown series \"nope\"",
        ),
        (
            with(|v| v["views"] = json!([])),
            "views: expected at least one view",
        ),
        (
            with(|v| v["schema"] = json!(2)),
            "schema: expected 1, found 2",
        ),
        (
            with(|v| v["claims"][0]["figure"]["value"] = json!(540)),
            "claims[0].status: \"agrees\", but the data give 539.06",
        ),
        (
            with(|v| v["claims"][4]["status"] = json!("agrees")),
            "claims[4].status: \"agrees\", but the data give",
        ),
        (
            with(|v| v["unit"]["scale"] = json!(0)),
            "unit.scale: expected a positive number",
        ),
    ];
    for (v, expected) in cases {
        let e = err(&v);
        assert!(
            e.contains(expected),
            "got {e:?}, expected it to contain {expected:?}"
        );
    }
}

#[test]
fn derived_figures_are_checked() {
    // A derived figure may not carry a value of its own.
    let e = err(&with(|v| {
        v["series"][0]["observations"][5]["value"] = json!(5900)
    }));
    assert!(
        e.contains("series[0].observations[5].value: a derived figure has no value"),
        "{e}"
    );
    // A formula that refers to itself is rejected, not looped on.
    let e = err(&with(|v| {
        v["series"][0]["observations"][5]["derived"]["of"] = json!(["tw-2012", "cnkp-2012"])
    }));
    assert!(
        e.contains("series[0].observations[5].derived.of: the formula refers to itself"),
        "{e}"
    );
    // A difference that goes negative means inconsistent inputs.
    let e = err(&with(|v| {
        v["series"][6]["observations"][0]["value"] = json!(100)
    }));
    assert!(e.contains("derived: the formula gives"), "{e}");
}

/// A tiny deterministic generator, so the hostile-input test needs no crate.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(v: &mut Value, rng: &mut Rng) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let k = &keys[rng.below(keys.len())];
            if rng.below(4) == 0 {
                m.remove(k);
            } else {
                mutate(m.get_mut(k).unwrap(), rng);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = rng.below(a.len());
            match rng.below(5) {
                0 => {
                    a.remove(i);
                }
                1 => {
                    let c = a[i].clone();
                    a.push(c);
                }
                _ => mutate(&mut a[i], rng),
            }
        }
        _ => {
            *v = match rng.below(8) {
                0 => json!(-1.5),
                1 => json!(0),
                2 => json!(1e308),
                3 => json!(""),
                4 => json!(null),
                5 => json!("2020-01/2019-12"),
                6 => json!([]),
                _ => json!({}),
            }
        }
    }
}

#[test]
fn hostile_mutations_never_panic_and_always_explain() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut rejected = 0;
    for _ in 0..3000 {
        let mut v = base();
        for _ in 0..(1 + rng.below(3)) {
            mutate(&mut v, &mut rng);
        }
        match std::panic::catch_unwind(|| load(&v)) {
            Err(_) => panic!("panicked on {v}"),
            Ok(Err(e)) => {
                rejected += 1;
                assert!(!e.to_string().is_empty());
            }
            Ok(Ok(ds)) => {
                // Whatever is accepted must lay out and hit-test without panicking.
                for view in 0..ds.views.len() {
                    let hidden = vec![false; ds.series.len()];
                    let theme = trade_chart::scene::Theme::default();
                    let scene = trade_chart::build(&trade_chart::SceneInput {
                        ds: &ds,
                        view,
                        hidden: &hidden,
                        width: 320.0,
                        height: 300.0,
                        theme: &theme,
                    });
                    for i in 0..scene.items.len() {
                        trade_chart::describe(&ds, &scene, i).unwrap();
                    }
                }
            }
        }
    }
    assert!(rejected > 1000, "only {rejected} mutations rejected");
}

#[test]
fn unknown_fields_are_found_by_the_schema_walk_too() {
    // The walk the browser uses (serde-wasm-bindgen ignores unknown keys), run on JSON here.
    use trade_chart::data::unknown_field;
    assert_eq!(unknown_field(&base(), "data"), None);
    let v = with(|v| v["series"][2]["observations"][1]["valu"] = json!(1));
    let (path, msg) = unknown_field(&v, "data").unwrap();
    assert_eq!(path, "data.series[2].observations[1].valu");
    assert!(
        msg.starts_with("unknown field `valu`, expected one of `id`, `period`"),
        "{msg}"
    );
    let v = with(|v| v["claims"][0]["figure"]["unit"] = json!("USD"));
    assert_eq!(
        unknown_field(&v, "data").unwrap().0,
        "data.claims[0].figure.unit"
    );
    let v = with(|v| v["colour"] = json!("red"));
    assert_eq!(unknown_field(&v, "").unwrap().0, "colour");
    assert_eq!(
        trade_chart::data::fields_of::<trade_chart::data::RawUnit>(),
        &["currency", "scale"]
    );
}
