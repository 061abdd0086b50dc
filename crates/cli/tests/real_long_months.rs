//! The command line, as built, on Japan customs' 19 years of months (docs/REAL-FILES.md,
//! `jp-customs-china-monthly-jpy-thousand.csv`, 2001–2019, two flows): its monthly view
//! is a line, and drawn as a line or as bars at 320 to 1280 px, in English and Korean,
//! every value has a mark, no rectangle has no width, the x labels stand apart inside
//! the canvas and the picture has no negative width (on main: 398 of 456 bars of width
//! ≤ 0 at 800 px, all 456 at 360 px, "JanJanJan…" under them).

#[path = "../../../tests/support/real.rs"]
mod real;

#[path = "../../../tests/support/drawn.rs"]
mod drawn;

mod common;
use common::cli::run;
use trade_chart::{Dataset, DatasetChart, Options};

#[test]
fn japan_customs_nineteen_years_of_months_draw_every_value() {
    let Some(f) = real::path("jp-customs-china-monthly-jpy-thousand.csv") else {
        return;
    };
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-real-long");
    std::fs::create_dir_all(&d).unwrap();
    let o = d.join("jp.json");
    let (code, _, err) = run(&[
        "convert",
        f.to_str().unwrap(),
        "--partner",
        "JP=Japan",
        "--partner",
        "CN=China",
        "--unit",
        "JPY thousand",
        "--source",
        "Ministry of Finance Japan | Trade statistics | https://www.customs.go.jp/toukei | 2019-12-20",
        "-o",
        o.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&o).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let view = &json["views"][0];
    assert_eq!(
        (&view["id"], &view["kind"], &view["from"], &view["to"]),
        (
            &"monthly".into(),
            &"time-line".into(),
            &"2001-01".into(),
            &"2019-12".into()
        ),
        "{view}"
    );
    let line = text.clone();
    // An editor may still ask for bars: the bars view draws every value too.
    json["views"][0]["kind"] = "time-bars".into();
    let bars = json.to_string();
    for (kind, text) in [("line", &line), ("bars", &bars)] {
        for lang in ["en", "ko"] {
            for w in [320.0, 360.0, 800.0, 1280.0] {
                let ds = Dataset::from_json(text).unwrap();
                let mut c =
                    DatasetChart::new(ds, &Options::new(Some("monthly"), Some(lang))).unwrap();
                c.resize(w, DatasetChart::preferred_height(w)).unwrap();
                let obs = c.scene().items.len();
                assert!(obs >= 456, "{kind} {lang} @{w}: {obs} items");
                drawn::every_value_drawn(&c, &format!("JP {kind} {lang} @{w}"));
            }
        }
    }
}
