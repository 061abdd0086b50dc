//! Golden pictures: for every view of the story data, in three languages and at two
//! widths, the SVG export and the scene's marks and items as text; and the story's time
//! views with a span and a point added for the tests (`span-*`). The reshape of the
//! core must change none of them; any deliberate change of a picture updates
//! them with `GOLDEN=update cargo test --test golden` and shows in the diff.

mod common;
use common::*;
use std::fmt::Write as _;
use std::path::PathBuf;
use trade_chart::{Dataset, DatasetChart, Options};

const WIDTHS: [f64; 2] = [360.0, 1024.0];
const LANGS: [&str; 3] = ["en", "ko", "zh"];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// The chart for `view` in `lang`, resized to `width` at its preferred height.
fn at(view: &str, lang: &str, width: f64) -> DatasetChart {
    let mut c = DatasetChart::new(
        Dataset::default_dataset().unwrap(),
        &Options::new(Some(view), Some(lang)),
    )
    .unwrap();
    c.resize(width, DatasetChart::preferred_height(width))
        .unwrap();
    c
}

/// The scene as text: one line per mark, then one per item.
fn scene_text(c: &DatasetChart) -> String {
    let s = c.scene();
    let mut out = format!("scene {} x {} plot {:?}\n", s.width, s.height, s.plot);
    for m in &s.marks {
        writeln!(out, "{m:?}").unwrap();
    }
    for it in &s.items {
        writeln!(out, "{it:?}").unwrap();
    }
    out
}

/// Everything the chart says in words: meta, items, every tooltip, table, claims, CSV
/// (field by field, so a field added later does not change the text).
fn words(c: &DatasetChart) -> String {
    let mut o = String::new();
    let m = c.meta();
    writeln!(
        o,
        "{} | {} | {} | {:?} | {}",
        m.lang, m.title, m.subtitle, m.notes, m.source_line
    )
    .unwrap();
    writeln!(o, "view {} | claims {} | {}", m.view, m.claims, m.summary).unwrap();
    for v in &m.views {
        writeln!(o, "tab {} {}", v.id, v.label).unwrap();
    }
    for l in &m.legend {
        writeln!(
            o,
            "legend {} {} {} {} {}",
            l.id, l.label, l.color, l.texture, l.visible
        )
        .unwrap();
    }
    writeln!(o, "ui {}", serde_json::to_string(&m.ui).unwrap()).unwrap();
    for it in c.items() {
        let (id, s, p, l, v) = (it.id, it.series, it.period, it.label, it.value);
        writeln!(
            o,
            "item {id} {s} {p} {l} {v} {} {} {} {}",
            it.x, it.y, it.w, it.h
        )
        .unwrap();
    }
    for i in 0..c.scene().items.len() {
        let h = c.describe(i).unwrap();
        writeln!(o, "hover {} {} {} {} {}", h.index, h.x, h.y, h.w, h.h).unwrap();
        writeln!(
            o,
            "  {} | {} | {} | {}",
            h.title, h.series, h.series_id, h.value
        )
        .unwrap();
        writeln!(
            o,
            "  {:?} | {} | {} | {}",
            h.lines, h.source, h.url, h.announce
        )
        .unwrap();
    }
    let t = c.table();
    writeln!(o, "table {} {:?}", t.caption, t.headers).unwrap();
    for r in t.rows {
        writeln!(o, "  {r:?}").unwrap();
    }
    for k in c.claims() {
        writeln!(
            o,
            "claim {} {} | {} {} | {} | {} | {} | {}",
            k.id, k.text, k.status, k.status_label, k.story, k.data, k.note, k.source
        )
        .unwrap();
    }
    o.push_str(&c.csv());
    o
}

fn check(name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = dir().join(name);
    if std::env::var("GOLDEN").as_deref() == Ok("update") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GOLDEN=update writes it)", path.display()));
    if expected != actual {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
        std::fs::write(&out, actual).unwrap();
        failures.push(format!("{name}: differs (actual in {})", out.display()));
    }
}

#[test]
fn every_view_language_and_width_draws_as_before() {
    let mut failures = Vec::new();
    let mut n = 0;
    for view in VIEWS {
        for lang in LANGS {
            for w in WIDTHS {
                let c = at(view, lang, w);
                check(
                    &format!("{view}-{lang}-{w}.scene.txt"),
                    &scene_text(&c),
                    &mut failures,
                );
                check(
                    &format!("{view}-{lang}-{w}.svg"),
                    &c.svg(w).unwrap(),
                    &mut failures,
                );
                n += 2;
                if w == WIDTHS[1] {
                    check(
                        &format!("{view}-{lang}.words.txt"),
                        &words(&c),
                        &mut failures,
                    );
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 75);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A span and points, drawn: the story's time views with a made-up span (and, in the
/// history, a made-up point) beside the story's own point, and a made-up credit line
/// (`common::story_with_span_json`): the scene, the SVG export and the social card.
#[test]
fn a_span_and_a_point_draw_as_before() {
    let mut failures = Vec::new();
    let mut n = 0;
    for view in ["monthly", "history"] {
        for lang in LANGS {
            for w in WIDTHS {
                let c = span_chart(view, lang, w);
                let name = format!("span-{view}-{lang}-{w}");
                check(&format!("{name}.scene.txt"), &scene_text(&c), &mut failures);
                check(&format!("{name}.svg"), &c.svg(w).unwrap(), &mut failures);
                n += 2;
            }
        }
    }
    let c = span_chart("monthly", "en", 360.0);
    check(
        "span-monthly-social.svg",
        &c.social_svg().unwrap(),
        &mut failures,
    );
    assert_eq!(n + 1, 25);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[path = "support/drawn.rs"]
mod drawn;

/// 19 years of months, two series side by side (`support/drawn.rs`'s made-up series,
/// like Japan customs' 2001–2019), drawn in a bars view: lines at 360 and 1024 px, where
/// no bar could be 2 px wide with its gap, the years alone labelling the axis; one series
/// at 1024 px: bars without gaps.
#[test]
fn nineteen_years_of_months_draw_as_before() {
    let json = drawn::long_months(2001, 2019, "time-bars");
    let mut failures = Vec::new();
    for (w, one) in [(360.0, false), (1024.0, false), (1024.0, true)] {
        let ds = Dataset::from_json(&json).unwrap();
        let mut c = DatasetChart::new(ds, &Options::new(Some("monthly"), Some("en"))).unwrap();
        c.resize(w, DatasetChart::preferred_height(w)).unwrap();
        if one {
            c.toggle_series("kp-cn-monthly").unwrap();
        }
        let name = if one {
            "long-monthly-one"
        } else {
            "long-monthly"
        };
        check(
            &format!("{name}-en-{w}.svg"),
            &c.svg(w).unwrap(),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
