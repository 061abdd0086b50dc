//! Bad data is rejected with an error that names the field, and never panics.

mod common;

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
            with(|v| {
                v["series"][1]["observations"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("period");
            }),
            "series[1].observations[0].period: missing field `period`",
        ),
        (
            with(|v| v["series"][0]["label"] = json!(5)),
            "series[0].label: invalid type: integer `5`, expected a string, or an object of strings by language",
        ),
        (
            with(|v| v["series"][0]["label"] = json!({"en": "A", "ko": 5})),
            "series[0].label.ko: invalid type: integer `5`, expected a string",
        ),
        (
            with(|v| v["sources"][1]["publisher"] = json!(7)),
            "sources[1].publisher: invalid type: integer `7`",
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
            "series[0].observations[0].valu: unknown field `valu`",
        ),
        (
            with(|v| v["series"][0]["observations"][0]["value"] = json!("12")),
            "series[0].observations[0].value: invalid type: string \"12\"",
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
            *v = match rng.below(14) {
                0 => json!(-1.5),
                1 => json!(0),
                2 => json!(1e308),
                3 => json!(""),
                4 => json!(null),
                5 => json!("2020-01/2019-12"),
                6 => json!([]),
                7 => json!(5e-324),
                8 => json!(1.75e308),
                9 => json!(1e-300),
                10 => json!("1000-01"),
                11 => json!("9999-12"),
                12 => json!({"en": "x", "ko": "y"}),
                _ => json!({}),
            }
        }
    }
}

/// Lays out, hit-tests and draws every view of `ds` at a few sizes, as the browser would.
fn exercise(ds: &Dataset) {
    for view in 0..ds.views.len() {
        for (w, h) in [(240.0, 120.0), (320.0, 300.0), (1200.0, 480.0)] {
            let hidden = vec![false; ds.series.len()];
            let theme = trade_chart::scene::Theme::default();
            let sel = trade_chart::select::Selection::new(ds, view, &hidden);
            let inp = trade_chart::SceneInput {
                ds,
                sel: &sel,
                width: w,
                height: h,
                theme: &theme,
                lang: trade_chart::Lang::Ko,
            };
            let scene = trade_chart::build(&inp);
            assert!(scene.marks.len() < 50_000, "{} marks", scene.marks.len());
            for i in 0..scene.items.len() {
                trade_chart::describe(ds, &scene, i, trade_chart::Lang::En).unwrap();
            }
            let mut rec = common::Recorder::new(w as u32, h as u32);
            trade_chart::draw(&mut rec, &scene, 2.0).unwrap();
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
                if std::panic::catch_unwind(|| exercise(&ds)).is_err() {
                    panic!("accepted data that panics when drawn: {v}");
                }
            }
        }
    }
    assert!(rejected > 1000, "only {rejected} mutations rejected");
}

/// The inputs the review found: extreme but finite values and huge ranges.
#[test]
fn extreme_values_are_rejected_or_drawn() {
    let tiny = with(|v| v["series"][0]["observations"][0]["value"] = json!(5e-324));
    match load(&tiny) {
        Ok(ds) => exercise(&ds),
        Err(e) => assert!(e.to_string().contains("value"), "{e}"),
    }
    let e = err(&with(|v| {
        v["series"][0]["observations"][3]["value"] = json!(1.75e308)
    }));
    assert!(
        e.starts_with("series[0].observations[3].value: expected at most"),
        "{e}"
    );
    // A derived figure that overflows (over 10¹⁷ once scaled) is rejected too.
    let e = err(&with(|v| {
        v["series"][1]["observations"][3]["value"] = json!(6e10);
        v["series"][2]["observations"][3]["value"] = json!(6e10);
    }));
    assert!(e.contains("derived"), "{e}");
    // A time view over millennia is refused, not drawn with 100,000 labels.
    let e = err(&with(|v| {
        v["views"][1]["from"] = json!("1000-01");
        v["views"][1]["to"] = json!("9999-12");
    }));
    assert!(
        e.starts_with("views[1].to: expected a range of at most"),
        "{e}"
    );
    // A long but allowed monthly range draws thinned labels.
    let ds = load(&with(|v| {
        v["views"][1]["from"] = json!("2018-01");
        v["views"][1]["to"] = json!("2021-12");
    }))
    .unwrap();
    exercise(&ds);
}

#[test]
fn json_text_errors_say_what_and_where() {
    for (text, expected) in [
        (
            "5",
            "expected an object in the trade-chart dataset schema, found a number",
        ),
        (
            "[]",
            "expected an object in the trade-chart dataset schema, found an array",
        ),
        (
            "<!doctype html><h1>Not found</h1>",
            "expected an object in the trade-chart dataset schema, found markup (an HTML or XML page?)",
        ),
        (
            "Not found",
            "expected an object in the trade-chart dataset schema, found text that is not JSON",
        ),
        (
            "",
            "expected an object in the trade-chart dataset schema, found nothing",
        ),
        ("{\"schema\": 1,", "EOF while parsing"),
    ] {
        let e = Dataset::from_json(text).expect_err(text).to_string();
        assert!(e.contains(expected), "{text:?}: {e}");
    }
    let twice = format!("{} 1", trade_chart::data::DEFAULT_JSON);
    let e = Dataset::from_json(&twice).unwrap_err().to_string();
    assert!(e.starts_with("trailing characters at line"), "{e}");
    // A syntax error keeps its position; a type error names the field instead.
    let e = Dataset::from_json("{\"schema\": 1, \"id\": }")
        .unwrap_err()
        .to_string();
    assert!(e.contains("at line 1 column"), "{e}");
    let e = Dataset::from_json("{\"schema\": \"one\"}")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("schema: invalid type") && !e.contains("at line"),
        "{e}"
    );
}

#[test]
fn path_at_names_the_innermost_value() {
    use trade_chart::data::json::path_at;
    let t = r#"{"a": [1, {"b\"q": 2, "c": [3, 4]}], "d": {}}"#;
    let at = |s: &str| t.find(s).unwrap() + s.len();
    assert_eq!(path_at(t, at("[1")), "a[0]");
    assert_eq!(path_at(t, at(r#""b\"q""#)), "a[1].b\"q");
    assert_eq!(path_at(t, at(": 2")), "a[1].b\"q");
    assert_eq!(path_at(t, at("[3, 4")), "a[1].c[1]");
    assert_eq!(path_at(t, at("4]")), "a[1].c");
    assert_eq!(path_at(t, at("4]}")), "a[1]");
    assert_eq!(path_at(t, at("\"d\": {")), "d");
    assert_eq!(path_at(t, t.len()), "");
}

#[test]
fn an_annotation_span_ends_at_or_after_its_start() {
    let span = with(|v| {
        v["annotations"][0]["to"] = json!("2020-09");
        v["credit"] = json!({"en": "Chart: The Border Desk", "ko": "차트: 국경 데스크"});
    });
    let ds = load(&span).unwrap();
    let a = &ds.annotations[0];
    assert_eq!(
        (a.period.start, a.to.unwrap().end),
        (2020 * 12, 2020 * 12 + 9)
    );
    assert_eq!(
        ds.credit.as_ref().unwrap().get(trade_chart::Lang::Ko),
        "차트: 국경 데스크"
    );
    let e = err(&with(|v| v["annotations"][0]["to"] = json!("2019-12")));
    assert!(
        e.contains("annotations[0].to")
            && e.contains("not before `period` (2020-01)")
            && e.contains("2019-12"),
        "{e}"
    );
    let e = err(&with(|v| v["annotations"][0]["to"] = json!("soon")));
    assert!(e.contains("annotations[0].to"), "{e}");
    let e = err(&with(|v| v["credit"] = json!("")));
    assert!(e.contains("credit"), "{e}");
}

#[test]
fn a_span_is_drawn_where_it_overlaps_the_view() {
    use trade_chart::select::Selection;
    // A span that starts before every view's first month still shows on it.
    let ds = load(&with(|v| {
        v["annotations"][0]["period"] = json!("1990-01");
        v["annotations"][0]["to"] = json!("2020-03");
    }))
    .unwrap();
    let shown = |ds: &Dataset| {
        (0..ds.views.len())
            .filter(|&i| {
                !Selection::new(ds, i, &vec![false; ds.series.len()])
                    .annotations
                    .is_empty()
            })
            .count()
    };
    assert!(shown(&ds) >= 1);
    // The same start as a point is outside every view's range.
    let point = load(&with(|v| v["annotations"][0]["period"] = json!("1990-01"))).unwrap();
    assert_eq!(shown(&point), 0);
}
