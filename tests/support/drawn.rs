//! What every time view must draw, whatever its length and width (tests/long_months.rs
//! on a made-up series, crates/cli/tests/real_long_months.rs on Japan customs' 19 years
//! of months): no rectangle of no width, a visible mark for every value, the x axis's
//! labels apart and inside the canvas, and no negative width in the picture's markup.
#![allow(dead_code)]

use trade_chart::chart::PictureOptions;
use trade_chart::scene::{text_width, HAlign, Mark, Rect, Target};
use trade_chart::DatasetChart;

/// Panics, naming `what`, unless `c`'s scene and picture draw every value truthfully.
pub fn every_value_drawn(c: &DatasetChart, what: &str) {
    let s = c.scene();
    // 1. No rectangle of no width (or a negative one) among the marks or the items.
    for m in &s.marks {
        if let Mark::Rect { r, .. } | Mark::Frame { r, .. } = m {
            assert!(r.w() > 0.0, "{what}: a rect {r:?} of width {}", r.w());
        }
    }
    // 2. Every value an item whose mark is drawn: a bar (a rect of that box), or a point
    // of a line (a segment's end or a marker at the mark's centre).
    let obs: Vec<_> = (s.items.iter())
        .filter(|it| matches!(it.target, Target::Obs(_)))
        .collect();
    let ds = c.dataset();
    let view = ds.views.iter().find(|v| v.id == c.view_id()).unwrap();
    let legend = c.meta().legend;
    let visible = |i: usize| (legend.iter()).any(|l| l.id == ds.series[i].id && l.visible);
    let shown: usize = (view.series.iter())
        .filter(|&&i| visible(i))
        .map(|&i| {
            (ds.series[i].observations.iter())
                .filter(|o| o.period.start >= view.range.0 && o.period.end <= view.range.1)
                .count()
        })
        .sum();
    assert_eq!(obs.len(), shown, "{what}: an item for every value");
    let near = |p: (f64, f64), q: (f64, f64)| (p.0 - q.0).abs() < 0.01 && (p.1 - q.1).abs() < 0.01;
    for it in &obs {
        let m = it.mark;
        assert!(m.w() > 0.0, "{what}: {:?} marked by {m:?}", it.target);
        let centre = (m.cx(), (m.y0 + m.y1) / 2.0);
        let drawn = s.marks.iter().any(|mk| match mk {
            Mark::Rect { r, .. } => *r == m,
            Mark::Line { a, b, .. } => near(*a, centre) || near(*b, centre),
            Mark::Marker { at, .. } => near(*at, centre),
            _ => false,
        });
        assert!(drawn, "{what}: {:?} has no mark drawn", it.target);
    }
    // 3. The x axis's labels (under the plot): apart in their line, inside the canvas.
    let mut boxes: Vec<(f64, Rect, &str)> = Vec::new();
    for m in &s.marks {
        if let Mark::Text {
            at, text, size, h, ..
        } = m
        {
            if at.1 <= s.plot.y1 || at.1 > s.plot.y1 + 40.0 {
                continue;
            }
            let w = text_width(text, *size);
            let x0 = match h {
                HAlign::Left => at.0,
                HAlign::Center => at.0 - w / 2.0,
                HAlign::Right => at.0 - w,
            };
            let b = Rect::new(x0, at.1, x0 + w, at.1 + size);
            assert!(
                b.x0 >= 0.0 && b.x1 <= s.width,
                "{what}: label {text:?} {b:?} outside the canvas {}",
                s.width
            );
            for (y, o, t) in &boxes {
                let apart = *y != at.1 || o.x1 <= b.x0 || b.x1 <= o.x0;
                assert!(apart, "{what}: label {text:?} {b:?} over {t:?} {o:?}");
            }
            boxes.push((at.1, b, text));
        }
    }
    assert!(!boxes.is_empty(), "{what}: no x labels");
    // 4. The published picture (its SVG at a few widths) has no negative width.
    let pic = c.picture(&PictureOptions::default()).unwrap();
    assert!(
        !pic.contains("width=\"-"),
        "{what}: a negative width in the picture"
    );
}

/// The story's data with its two monthly series made `y0`–`y1` long (every month, values
/// made up, the story's own months kept) and its monthly view drawing them all as `kind`,
/// without its claims and annotations: a long monthly series like Japan customs' 19 years.
pub fn long_months(y0: i32, y1: i32, kind: &str) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../data/kp-cn.json")).unwrap();
    let source = v["sources"][0]["id"].clone();
    for (k, s) in v["series"].as_array_mut().unwrap().iter_mut().enumerate() {
        let id = s["id"].as_str().unwrap().to_string();
        if id != "cn-kp-monthly" && id != "kp-cn-monthly" {
            continue;
        }
        let obs = s["observations"].as_array_mut().unwrap();
        let taken: Vec<String> = (obs.iter())
            .map(|o| o["period"].as_str().unwrap().to_string())
            .collect();
        for y in y0..=y1 {
            for m in 1..=12 {
                let p = format!("{y}-{m:02}");
                // Jan–Feb released together in the story: its months are taken too.
                if taken.iter().any(|t| t.starts_with(&format!("{y}-"))) {
                    continue;
                }
                let value = 40.0 + ((y * 12 + m + k as i32 * 5) % 23) as f64 * 3.0;
                obs.push(serde_json::json!({"period": p, "value": value, "sources": [source]}));
            }
        }
    }
    for view in v["views"].as_array_mut().unwrap() {
        if view["id"] == "monthly" {
            view["kind"] = kind.into();
            view["series"] = serde_json::json!(["cn-kp-monthly", "kp-cn-monthly"]);
            view["from"] = format!("{y0}-01").into();
            view["to"] = format!("{y1}-12").into();
            view["claims"] = serde_json::json!([]);
            view["annotations"] = serde_json::json!([]);
        }
    }
    v.to_string()
}
