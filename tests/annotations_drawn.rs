//! Annotations as drawn: a span's band over exactly its months, behind the data, in the
//! theme's colours; every label clear of every mark and every other label at every width
//! from 320 px; a label that fits nowhere left out for a numbered key, named again under
//! an exported picture; the credit line beside the sources everywhere the sources are.

mod common;
use common::*;
use trade_chart::scene::{text_width, HAlign, Mark, Rect, Rgba, Scene, Shape, Theme, VAlign};
use trade_chart::{Dataset, DatasetChart, Options};

/// The band's fill in a theme: its muted colour, faint (less so on a dark background).
fn band_fill(theme: &Theme) -> Rgba {
    let dark = *theme == Theme::dark();
    theme.muted.alpha(if dark { 0.16 } else { 0.1 })
}

/// The bands of a scene (boxes filled in the theme's band colour).
fn bands(s: &Scene, theme: &Theme) -> Vec<(usize, Rect)> {
    (s.marks.iter().enumerate())
        .filter_map(|(i, m)| match m {
            Mark::Rect { r, fill } if *fill == band_fill(theme) => Some((i, *r)),
            _ => None,
        })
        .collect()
}

fn chart_of(v: &serde_json::Value, view: &str, lang: &str, width: f64) -> DatasetChart {
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let mut c = DatasetChart::new(ds, &Options::new(Some(view), Some(lang))).unwrap();
    c.resize(width, DatasetChart::preferred_height(width))
        .unwrap();
    c
}

/// The x of month `m` on the current view's axis, as the view's range maps to the plot.
fn month_x(c: &DatasetChart, m: i32) -> f64 {
    let view = &c.dataset().views[c
        .dataset()
        .views
        .iter()
        .position(|v| v.id == c.view_id())
        .unwrap()];
    let (a, b) = view.range;
    let p = c.scene().plot;
    p.x0 + (m - a) as f64 / (b - a) as f64 * p.w()
}

fn month(s: &str) -> i32 {
    let (y, m) = s.split_once('-').unwrap();
    y.parse::<i32>().unwrap() * 12 + m.parse::<i32>().unwrap() - 1
}

#[test]
fn a_span_is_a_band_over_exactly_its_months_behind_the_data() {
    let light = Theme::light();
    for view in ["monthly", "history"] {
        for w in [320.0, 360.0, 777.0, 1024.0, 1280.0] {
            let c = span_chart(view, "en", w);
            let s = c.scene();
            let found = bands(s, &light);
            assert_eq!(found.len(), 1, "{view}@{w}: {found:?}");
            let (at, r) = found[0];
            // "2020-01" … "2020-09": from January's start to September's end.
            assert!(
                (r.x0 - month_x(&c, month("2020-01"))).abs() < 1e-9,
                "{view}@{w}: {r:?}"
            );
            assert!(
                (r.x1 - month_x(&c, month("2020-10"))).abs() < 1e-9,
                "{view}@{w}: {r:?}"
            );
            assert_eq!((r.y0, r.y1), (s.plot.y0, s.plot.y1), "{view}@{w}");
            // Behind every figure's mark: drawn before the first of them, after the grid.
            let first_data = (s.marks.iter())
                .position(|m| match m {
                    Mark::Rect { fill, .. } => light.series.contains(fill),
                    Mark::Line { stroke, width, .. } => {
                        light.series.contains(stroke) && *width == 2.0
                    }
                    Mark::Marker { color, .. } => light.series.contains(color),
                    _ => false,
                })
                .unwrap();
            assert!(
                at < first_data,
                "{view}@{w}: band at {at}, data from {first_data}"
            );
            let last_grid = (s.marks.iter())
                .rposition(|m| matches!(m, Mark::Line { stroke, .. } if *stroke == light.grid))
                .unwrap();
            assert!(at > last_grid, "{view}@{w}");
        }
    }
}

#[test]
fn a_span_is_clipped_to_the_view_and_one_outside_it_is_not_drawn() {
    let light = Theme::light();
    let set = |from: &'static str, to: &'static str| {
        story_with_span(move |v| {
            let a = v["annotations"].as_array_mut().unwrap();
            let span = a.iter_mut().find(|a| a["id"] == "test-span").unwrap();
            span["period"] = from.into();
            span["to"] = to.into();
        })
    };
    // From June 2019 to March 2020 in a view of 2020: from the plot's left edge to March's end.
    let c = chart_of(&set("2019-06", "2020-03"), "monthly", "en", 360.0);
    let b = bands(c.scene(), &light);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].1.x0, c.scene().plot.x0);
    assert!((b[0].1.x1 - month_x(&c, month("2020-04"))).abs() < 1e-9);
    // From November 2020 to 2021: to the plot's right edge.
    let c = chart_of(&set("2020-11", "2021-06"), "monthly", "en", 360.0);
    let b = bands(c.scene(), &light);
    assert!((b[0].1.x0 - month_x(&c, month("2020-11"))).abs() < 1e-9);
    assert_eq!(b[0].1.x1, c.scene().plot.x1);
    // Wholly before the view: nothing drawn, nothing keyed.
    let c = chart_of(&set("2018-01", "2018-06"), "monthly", "en", 360.0);
    assert!(bands(c.scene(), &light).is_empty());
    assert!(!texts(c.scene()).contains(&"Test span"));
    assert!(c.scene().keyed.is_empty());
}

#[test]
fn the_band_follows_the_theme_and_the_picture_maps_it_to_the_page() {
    let mut c = span_chart("monthly", "en", 360.0);
    c.set_theme(Theme::dark());
    let dark = Theme::dark();
    assert_eq!(bands(c.scene(), &dark).len(), 1);
    assert_ne!(band_fill(&dark), band_fill(&Theme::light()));
    // The published picture draws it in the light theme's muted colour, which its
    // stylesheet replaces by the page's (`--tc-muted`), at each of its widths.
    let html = c.picture(&Default::default()).unwrap();
    let band = "opacity=\"0.1\" fill=\"#54545A\"";
    assert_eq!(html.matches(band).count(), 4, "{html}");
    assert!(trade_chart::chart::picture_css().contains(
        ".tc-picture-img [fill=\"#54545A\"] { fill: var(--tc-muted, var(--tcp-muted)); }"
    ));
    // The point's line and both labels are in every drawing too.
    for label in ["Border closed", "Test span"] {
        assert_eq!(html.matches(&format!("\n{label}\n")).count(), 4, "{label}");
    }
}

/// What a mark covers: boxes, and points along lines (every px), for the overlap check.
fn cover(m: &Mark) -> (Vec<Rect>, Vec<(f64, f64)>) {
    match m {
        Mark::Rect { r, .. } | Mark::Frame { r, .. } => (vec![*r], vec![]),
        Mark::Line { a, b, .. } => (vec![], along(&[*a, *b])),
        Mark::Path { points, .. } => (vec![], along(points)),
        Mark::Marker { at, r, shape, .. } => {
            let e = if *shape == Shape::Circle {
                *r
            } else {
                r * 1.25
            };
            (
                vec![Rect::new(at.0 - e, at.1 - e, at.0 + e, at.1 + e)],
                vec![],
            )
        }
        Mark::Text { .. } => (text_rect(m).into_iter().collect(), vec![]),
    }
}

fn along(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let n = ((b.0 - a.0).hypot(b.1 - a.1)).ceil().max(1.0) as usize;
        for k in 0..=n {
            let t = k as f64 / n as f64;
            out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        }
    }
    out
}

fn text_rect(m: &Mark) -> Option<Rect> {
    let Mark::Text {
        at,
        text,
        size,
        h,
        v,
        ..
    } = m
    else {
        return None;
    };
    let w = text_width(text, *size);
    let x0 = match h {
        HAlign::Left => at.0,
        HAlign::Center => at.0 - w / 2.0,
        HAlign::Right => at.0 - w,
    };
    let y0 = match v {
        VAlign::Top => at.1,
        VAlign::Middle => at.1 - size / 2.0,
        VAlign::Bottom => at.1 - size,
    };
    Some(Rect::new(x0, y0, x0 + w, y0 + size))
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

fn inside(r: &Rect, p: (f64, f64)) -> bool {
    p.0 > r.x0 && p.0 < r.x1 && p.1 > r.y0 && p.1 < r.y1
}

/// Every annotation label and key of `c`'s scene is on the canvas, inside the plot across,
/// and covers no other mark (but the grid, the background and the bands); every annotation
/// the view shows is labelled or keyed. Returns how many were keyed.
fn check_clear(c: &DatasetChart, what: &str) -> usize {
    let s = c.scene();
    let ds = c.dataset();
    let theme = Theme::light();
    let view = ds.views.iter().find(|v| v.id == c.view_id()).unwrap();
    let labels: Vec<&str> = (view.annotations.iter())
        .map(|&a| ds.annotations[a].label.get(c.lang()))
        .collect();
    // The marks to check: annotation labels, and keys (a ring, and its number).
    let ours: Vec<usize> = (s.marks.iter().enumerate())
        .filter(|(_, m)| match m {
            Mark::Text { text, size, .. } => {
                labels.contains(&text.as_str()) || (*size == 10.0 && text.parse::<usize>().is_ok())
            }
            Mark::Marker { r, .. } => *r == 7.0 || *r == 6.0,
            _ => false,
        })
        .map(|(i, _)| i)
        .collect();
    let canvas = Rect::new(0.0, 0.0, s.width, s.height);
    let mut drawn = 0;
    for &i in &ours {
        let m = &s.marks[i];
        let (boxes, _) = cover(m);
        let b = boxes[0];
        assert!(canvas.encloses(&b), "{what}: {m:?} off the canvas");
        assert!(
            b.x0 >= s.plot.x0 - 0.5 && b.x1 <= s.plot.x1 + 0.5,
            "{what}: {m:?} outside the plot"
        );
        if let Mark::Text { text, .. } = m {
            drawn += usize::from(labels.contains(&text.as_str()));
        }
        for (j, other) in s.marks.iter().enumerate() {
            let key_part = |k: usize| match (&s.marks[k], m) {
                (
                    Mark::Marker { at, .. } | Mark::Text { at, .. },
                    Mark::Marker { at: c, .. } | Mark::Text { at: c, .. },
                ) => at == c,
                _ => false,
            };
            let background = matches!(other, Mark::Rect { r, fill } if r.encloses(&s.plot) || *fill == band_fill(&theme));
            let grid = matches!(other, Mark::Line { stroke, .. } if *stroke == theme.grid);
            // A key sits on its own point's line.
            let own_line = matches!(other, Mark::Line { a, b: e, dash: true, .. }
                if a.0 == e.0 && matches!(m, Mark::Marker { at, .. } | Mark::Text { at, .. } if at.0 == a.0));
            if j == i || background || grid || own_line || (ours.contains(&j) && key_part(j)) {
                continue;
            }
            let (oboxes, points) = cover(other);
            for ob in &oboxes {
                assert!(!overlap(&b, ob), "{what}: {m:?} covers {other:?}");
            }
            for p in points {
                assert!(!inside(&b, p), "{what}: {m:?} covers {other:?} at {p:?}");
            }
        }
    }
    assert_eq!(
        drawn + s.keyed.len(),
        labels.len(),
        "{what}: labelled {drawn}, keyed {:?}",
        s.keyed
    );
    s.keyed.len()
}

#[test]
fn annotation_labels_never_cover_a_mark_or_a_label_from_320_px() {
    let long = story_with_span(|v| {
        let a = v["annotations"].as_array_mut().unwrap();
        let span = a.iter_mut().find(|a| a["id"] == "test-span").unwrap();
        span["label"]["en"] =
            "A made-up label far too long to fit beside anything on a narrow chart".into();
    });
    let mut keyed = 0;
    for (name, data) in [("span", story_with_span(|_| {})), ("long", long)] {
        for view in ["monthly", "history"] {
            for lang in ["en", "ko", "zh"] {
                let mut w = 320.0;
                while w <= 1280.0 {
                    let c = chart_of(&data, view, lang, w);
                    keyed += check_clear(&c, &format!("{name} {view} {lang} @{w}"));
                    w += 8.0;
                }
            }
        }
    }
    // The long label leaves room for a key at the narrow widths (checked above too).
    assert!(keyed > 0);
}

#[test]
fn a_label_that_fits_nowhere_becomes_a_numbered_key_named_under_the_picture() {
    let label = "A made-up label far too long to fit beside anything on a narrow chart";
    let data = story_with_span(|v| {
        let a = v["annotations"].as_array_mut().unwrap();
        let span = a.iter_mut().find(|a| a["id"] == "test-span").unwrap();
        span["label"]["en"] = label.into();
    });
    let span = |c: &DatasetChart| {
        c.dataset()
            .annotations
            .iter()
            .position(|a| a.id == "test-span")
            .unwrap()
    };
    for w in [320.0, 360.0] {
        let c = chart_of(&data, "monthly", "en", w);
        let s = c.scene();
        assert_eq!(s.keyed, vec![span(&c)], "@{w}");
        assert!(!texts(s).contains(&label), "@{w}");
        assert!(texts(s).contains(&"Border closed"), "@{w}");
        // Key 1: a ring with its number, on the band.
        let band = bands(s, &Theme::light())[0].1;
        let key = (s.marks.iter())
            .find_map(|m| match m {
                Mark::Text {
                    at,
                    text,
                    size,
                    bold: true,
                    ..
                } if text == "1" && *size == 10.0 => Some(*at),
                _ => None,
            })
            .unwrap();
        assert!(key.0 > band.x0 && key.0 < band.x1, "@{w}: {key:?} {band:?}");
        assert!(s.marks.iter().any(
            |m| matches!(m, Mark::Marker { at, r, hollow: true, .. } if *at == key && *r == 6.0)
        ));
        // The exported picture names it under the chart: the key again, and the label.
        let e = c.export_scene(w);
        let t = texts(&e);
        let at = t
            .iter()
            .position(|x| x.starts_with("A made-up label"))
            .unwrap();
        assert_eq!(t[at - 1], "1", "@{w}: {t:?}");
        assert!(e.marks.iter().any(|m| matches!(m, Mark::Text { at: (_, y), text, .. } if text.starts_with("A made-up") && *y > e.plot.y1)));
        assert!(c.svg(w).unwrap().contains("A made-up label"), "@{w}");
    }
    // The social card names it too.
    let c = chart_of(&data, "monthly", "en", 360.0);
    let card = c.social_scene();
    if !card.keyed.is_empty() {
        assert!(texts(&card)
            .iter()
            .any(|t| t.starts_with("A made-up label")));
    }
    // Wide enough, the label is drawn and nothing is keyed.
    let c = chart_of(&data, "monthly", "en", 1280.0);
    assert!(c.scene().keyed.is_empty());
    assert!(texts(c.scene()).contains(&label));
    assert!(!texts(&c.export_scene(1280.0)).contains(&"1"));
}

#[test]
fn the_credit_line_stands_beside_the_sources_in_three_languages_and_every_picture() {
    let expect = [
        ("en", "Chart: Test Desk · Sources: "),
        ("ko", "차트: 시험 데스크 · 출처: "),
        ("zh", "图表：测试编辑部 · 来源："),
    ];
    for (lang, start) in expect {
        let c = span_chart("monthly", lang, 360.0);
        let line = c.meta().source_line;
        assert!(line.starts_with(start), "{lang}: {line}");
        // The export and the social card draw the line wrapped: its first words are there.
        let first = start.split(' ').next().unwrap();
        assert!(
            texts(&c.export_scene(360.0))
                .iter()
                .any(|t| t.starts_with(first)),
            "{lang}"
        );
        assert!(
            texts(&c.social_scene())
                .iter()
                .any(|t| t.starts_with(first)),
            "{lang}"
        );
        let html = c.picture(&Default::default()).unwrap();
        assert!(
            html.contains(&format!(
                "<p class=\"tc-source\">{}</p>",
                trade_chart::chart::escape_html(&line)
            )),
            "{lang}"
        );
    }
    // Without a credit, the sources alone as before; a credit alone when nothing is cited.
    let c = chart("monthly", 360.0, 320.0);
    assert!(c.meta().source_line.starts_with("Sources: "));
}

#[test]
fn a_view_with_hundreds_of_annotations_labels_forty_at_most() {
    let data = story_with_span(|v| {
        let source = v["sources"][0]["id"].clone();
        let (list, ids): (Vec<_>, Vec<_>) = (0..500)
            .map(|i| {
                let id = format!("many-{i}");
                let a = serde_json::json!({
                    "id": id,
                    "period": format!("2020-{:02}", i % 12 + 1),
                    "label": {"en": format!("Made-up {i}")},
                    "text": {"en": "Made up for the test."},
                    "sources": [source]
                });
                (a, serde_json::Value::from(id))
            })
            .unzip();
        v["annotations"].as_array_mut().unwrap().extend(list);
        let views = v["views"].as_array_mut().unwrap();
        let monthly = views.iter_mut().find(|w| w["id"] == "monthly").unwrap();
        monthly["annotations"].as_array_mut().unwrap().extend(ids);
    });
    for w in [320.0, 1280.0] {
        let c = chart_of(&data, "monthly", "en", w);
        let s = c.scene();
        let labels = texts(s).iter().filter(|t| t.starts_with("Made-up")).count();
        assert!(
            labels + s.keyed.len() <= 40,
            "@{w}: {labels} + {}",
            s.keyed.len()
        );
        // Every line is drawn, labelled or not.
        let lines = (s.marks.iter())
            .filter(|m| matches!(m, Mark::Line { dash: true, stroke, .. } if *stroke == Theme::light().fg))
            .count();
        assert_eq!(lines, 501, "@{w}");
    }
}
