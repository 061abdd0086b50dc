//! Layout and scene at several widths: bars from zero, one mark per observation,
//! everything inside the canvas and the plot.

mod common;
use common::*;
use trade_chart::data::{Groups, ViewKind};
use trade_chart::scene::Rect;
use trade_chart::scene::{Mark, Target};
use trade_chart::DatasetChart;

fn shown_count(c: &trade_chart::DatasetChart) -> usize {
    let ds = c.dataset();
    let view = ds.views.iter().find(|v| v.id == c.view_id()).unwrap();
    view.series
        .iter()
        .map(|&s| {
            ds.series[s]
                .observations
                .iter()
                .filter(|o| match (view.kind, &view.groups) {
                    (ViewKind::Bars, Groups::Periods(ps)) => ps.contains(&o.period),
                    (ViewKind::Bars, Groups::Categories(_)) => true,
                    _ => o.period.start >= view.range.0 && o.period.end <= view.range.1,
                })
                .count()
        })
        .sum()
}

#[test]
fn height_follows_width() {
    assert_eq!(DatasetChart::preferred_height(0.0), 0.0);
    assert!(
        DatasetChart::preferred_height(320.0) >= 260.0
            && DatasetChart::preferred_height(320.0) <= 380.0
    );
    assert_eq!(DatasetChart::preferred_height(1200.0), 480.0);
    assert_eq!(DatasetChart::preferred_height(800.0), 400.0);
}

#[test]
fn every_view_lays_out_at_every_width() {
    for view in VIEWS {
        for w in WIDTHS {
            let h = DatasetChart::preferred_height(w);
            let c = chart(view, w, h);
            let s = c.scene();
            let canvas = Rect::new(0.0, 0.0, w, h);
            assert!(
                s.plot.w() > 100.0 && s.plot.h() > 100.0,
                "{view}@{w}: plot {:?}",
                s.plot
            );
            assert!(canvas.encloses(&s.plot), "{view}@{w}");
            // One item (bar or point) per shown observation, plus the story's claims drawn
            // and the annotation in each series' row.
            let count = |f: fn(&Target) -> bool| s.items.iter().filter(|it| f(&it.target)).count();
            let claims = count(|t| matches!(t, Target::Claim(_)));
            let notes = count(|t| matches!(t, Target::Annotation(_)));
            assert_eq!(
                s.items.len() - claims - notes,
                shown_count(&c),
                "{view}@{w}"
            );
            assert_eq!(claims, if view == "monthly" { 2 } else { 0 }, "{view}@{w}");
            let rows = match view {
                "monthly" => 3,
                "history" => 1,
                _ => 0,
            };
            assert_eq!(notes, rows, "{view}@{w}");
            for it in &s.items {
                assert!(
                    s.plot.encloses(&it.hit),
                    "{view}@{w}: hit {:?} outside plot {:?}",
                    it.hit,
                    s.plot
                );
                assert!(
                    s.plot.encloses(&it.mark) || view == "history",
                    "{view}@{w}: mark outside plot"
                );
            }
            // Nothing is drawn outside the canvas; text anchors lie inside it.
            for m in &s.marks {
                match m {
                    Mark::Rect { r, .. } | Mark::Frame { r, .. } => {
                        assert!(canvas.encloses(r), "{view}@{w}: {m:?}")
                    }
                    Mark::Line { a, b, .. } => {
                        assert!(
                            canvas.contains(a.0, a.1) && canvas.contains(b.0, b.1),
                            "{view}@{w}: {m:?}"
                        )
                    }
                    Mark::Marker { at, .. } | Mark::Text { at, .. } => {
                        assert!(canvas.contains(at.0, at.1), "{view}@{w}: {m:?}")
                    }
                    Mark::Path { points, .. } => {
                        assert!(points.iter().all(|p| canvas.contains(p.0, p.1)))
                    }
                }
            }
            // Text fits horizontally (estimated widths).
            for m in &s.marks {
                if let Mark::Text {
                    at, text, size, h, ..
                } = m
                {
                    let tw = trade_chart::scene::text_width(text, *size);
                    let (l, r) = match h {
                        trade_chart::scene::HAlign::Left => (at.0, at.0 + tw),
                        trade_chart::scene::HAlign::Center => (at.0 - tw / 2.0, at.0 + tw / 2.0),
                        trade_chart::scene::HAlign::Right => (at.0 - tw, at.0),
                    };
                    assert!(
                        l >= -1.0 && r <= w + 1.0,
                        "{view}@{w}: {text:?} spans {l}..{r}"
                    );
                }
            }
        }
    }
}

#[test]
fn bars_start_at_zero_and_scale_with_value() {
    for view in ["collapse", "balance", "products", "monthly"] {
        let c = chart(view, 800.0, 400.0);
        let s = c.scene();
        let ds = c.dataset();
        let mut ratio: Option<f64> = None;
        let mut compared = 0;
        for it in s.items.iter().filter(|it| it.obs().is_some()) {
            assert_eq!(
                it.mark.y1, s.plot.y1,
                "{view}: bar does not start at the baseline"
            );
            let v = ds.obs(it.obs().unwrap()).unwrap().value;
            if it.mark.h() > 20.0 {
                let r = it.mark.h() / v;
                if let Some(r0) = ratio {
                    assert!(
                        (r / r0 - 1.0f64).abs() < 0.02,
                        "{view}: bar heights not proportional"
                    );
                    compared += 1;
                }
                ratio = Some(r);
            }
        }
        // Every view has two bars tall enough to compare (else the check checked nothing).
        assert!(compared >= 1, "{view}: no two bars compared");
    }
}

#[test]
fn the_combined_release_is_one_two_month_bar() {
    let c = chart("monthly", 1200.0, 480.0);
    let s = c.scene();
    let ds = c.dataset();
    let width_of = |id: &str| {
        s.items
            .iter()
            .find(|it| {
                it.obs()
                    .and_then(|r| ds.obs(r))
                    .and_then(|o| o.id.as_deref())
                    == Some(id)
            })
            .map(|it| it.mark.w())
            .unwrap()
    };
    let janfeb = width_of("tw-2020-0102");
    let march = width_of("tw-2020-03");
    assert!(
        (janfeb / march - 2.0).abs() < 0.2,
        "Jan–Feb {janfeb} vs March {march}"
    );
    // The border closure annotation is drawn.
    assert!(s
        .marks
        .iter()
        .any(|m| matches!(m, Mark::Text { text, .. } if text == "Border closed")));
    // Derived December is hatched: lines drawn inside its bar.
    let dec = s
        .items
        .iter()
        .find(|it| {
            it.obs()
                .and_then(|r| ds.obs(r))
                .and_then(|o| o.id.as_deref())
                == Some("tw-2020-12")
        })
        .unwrap();
    let hatch = s.marks.iter().filter(|m| matches!(m, Mark::Line { a, b, .. } if dec.mark.contains(a.0, a.1) && dec.mark.contains(b.0, b.1) && a.0 != b.0 && a.1 != b.1)).count();
    assert!(hatch >= 1, "December (derived) is not hatched");
}

#[test]
fn the_collapse_shows_the_computed_change() {
    let c = chart("collapse", 600.0, 320.0);
    let texts = texts(c.scene());
    assert!(texts.contains(&"−80.7%"), "{texts:?}");
    assert!(
        texts.contains(&"$2.79bn") && texts.contains(&"$539.06m"),
        "{texts:?}"
    );
    assert!(texts.contains(&"2019") && texts.contains(&"2020"));
}

#[test]
fn history_breaks_the_line_at_gaps_and_marks_bases() {
    let c = chart("history", 1200.0, 480.0);
    let s = c.scene();
    let ds = c.dataset();
    let pts: Vec<f64> = (s.items.iter().filter(|it| it.obs().is_some()))
        .map(|it| it.mark.cx())
        .collect();
    let solid_or_dashed: Vec<(f64, f64)> = s
        .marks
        .iter()
        .filter_map(|m| {
            if let Mark::Line { a, b, width, .. } = m {
                (*width == 2.0).then_some((a.0, b.0))
            } else {
                None
            }
        })
        .collect();
    // 2004 and 2007 are both drawn, but no segment joins them (2005–06 are gaps).
    let x_of = |year: &str| {
        let p = trade_chart::data::Period::parse(year).unwrap();
        s.items
            .iter()
            .find(|it| it.obs().and_then(|r| ds.obs(r)).map(|o| o.period) == Some(p))
            .unwrap()
            .mark
            .cx()
    };
    let (x04, x07, x09, x10) = (x_of("2004"), x_of("2007"), x_of("2009"), x_of("2010"));
    assert!(!solid_or_dashed
        .iter()
        .any(|&(a, b)| (a - x04).abs() < 0.5 && (b - x07).abs() < 0.5));
    assert!(solid_or_dashed
        .iter()
        .any(|&(a, b)| (a - x09).abs() < 0.5 && (b - x10).abs() < 0.5));
    assert_eq!(pts.len(), 16);
    // Different bases get different marker shapes, and the key names them.
    let shapes: std::collections::HashSet<String> = s
        .marks
        .iter()
        .filter_map(|m| {
            if let Mark::Marker { shape, .. } = m {
                Some(format!("{shape:?}"))
            } else {
                None
            }
        })
        .collect();
    assert!(shapes.len() >= 3, "{shapes:?}");
    let texts = texts(s);
    assert!(texts.contains(&"China customs") && texts.contains(&"KOTRA estimate"));
}

#[test]
fn hiding_a_series_removes_its_marks_and_rescales() {
    let mut c = chart("monthly", 800.0, 400.0);
    let before = c.scene().items.len();
    let visible = c.toggle_series("two-way-monthly").unwrap();
    assert!(!visible);
    let after = c.scene().items.len();
    // Its 11 figures, and the border's annotation in its row.
    assert_eq!(before - after, 12);
    assert!(c.scene().items.iter().all(|it| it
        .obs()
        .map_or("claim", |r| c.dataset().series[r.series].id.as_str())
        != "two-way-monthly"));
    assert!(c
        .meta()
        .legend
        .iter()
        .any(|l| l.id == "two-way-monthly" && !l.visible));
    for id in ["cn-kp-monthly", "kp-cn-monthly"] {
        c.toggle_series(id).unwrap();
    }
    assert!(
        c.scene().items.iter().all(|it| it.obs().is_none()),
        "only the story's claim is left"
    );
    assert!(c.scene().marks.iter().any(
        |m| matches!(m, Mark::Text { text, .. } if text.starts_with("All series are hidden"))
    ));
}

#[test]
fn the_basis_key_never_overlaps_the_plot() {
    for w in WIDTHS {
        let c = chart("history", w, DatasetChart::preferred_height(w));
        let s = c.scene();
        let key_texts: Vec<f64> = s
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { at, text, .. }
                    if c.dataset().bases.iter().any(|b| &b.label.en == text) =>
                {
                    Some(at.1)
                }
                _ => None,
            })
            .collect();
        assert!(!key_texts.is_empty());
        for y in key_texts {
            assert!(
                y + 8.0 <= s.plot.y0,
                "@{w}: key row at {y} overlaps plot top {}",
                s.plot.y0
            );
        }
    }
}

#[test]
fn narrow_bars_get_labels_rounded_alike() {
    let texts = |w: f64| -> Vec<String> {
        texts(chart("balance", w, DatasetChart::preferred_height(w)).scene())
            .into_iter()
            .map(String::from)
            .collect()
    };
    assert!(texts(1200.0).contains(&"$491.06m".to_string()));
    // Too narrow for two places: every label with one, not "$2.59bn" beside "$491m".
    let narrow = texts(320.0);
    for label in ["$2.6bn", "$491.1m", "$216m", "$48m"] {
        assert!(narrow.contains(&label.to_string()), "{narrow:?}");
    }
}

#[test]
fn a_combined_release_gets_one_label_and_a_bracket() {
    let c = chart("monthly", 800.0, 400.0);
    let s = c.scene();
    let labels: Vec<&str> = s
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { at, text, .. } if at.1 > s.plot.y1 && at.1 < s.plot.y1 + 10.0 => {
                Some(text.as_str())
            }
            _ => None,
        })
        .collect();
    assert!(labels.contains(&"Jan–Feb"), "{labels:?}");
    assert!(
        !labels.contains(&"Jan") && !labels.contains(&"Feb"),
        "{labels:?}"
    );
    assert!(labels.contains(&"Mar"));
    // The bracket spans both months under the baseline.
    let bracket = s.marks.iter().any(|m| matches!(m, Mark::Line { a, b, .. } if a.1 == b.1 && a.1 > s.plot.y1 && b.0 - a.0 > 60.0));
    assert!(bracket);
}

/// The story's products view with 96 more products (as a Comtrade download by HS chapter
/// has): too many for every group's label, so only every k-th group is labelled, on one
/// line cut to 120 px, and no two labels overlap at any width; every bar keeps its item
/// (hover, focus and the table name the unlabelled ones).
#[test]
fn crowded_bars_label_every_kth_group_without_overlap() {
    crowded_bars(None);
}

/// The first group's label, as long as a label may be, would leave the canvas on the left
/// at every width: it is moved in, not left out.
#[test]
fn crowded_bars_move_a_long_first_label_in() {
    crowded_bars(Some(
        "01 Live animals, with a chapter name much longer than the band",
    ));
}

fn crowded_bars(first: Option<&str>) {
    use trade_chart::scene::text_width;
    let mut v: serde_json::Value = serde_json::from_str(trade_chart::data::DEFAULT_JSON).unwrap();
    let series = v["series"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["id"] == "kp-cn-products-2020")
        .unwrap();
    let sources = series["observations"][0]["sources"].clone();
    let obs = series["observations"].as_array_mut().unwrap();
    let first_name = match first {
        Some(name) => {
            let old = obs[0]["category"]["en"].as_str().unwrap().to_string();
            assert_eq!(old, "Ferro-alloys", "the first group");
            obs[0]["category"] = serde_json::json!({ "en": name });
            name.chars().take(8).collect::<String>()
        }
        None => "Ferro-alloys".to_string(),
    };
    for i in 0..96 {
        obs.push(serde_json::json!({
            "period": "2020", "id": format!("p-extra-{i}"), "value": 0.1 + i as f64 / 100.0,
            "sources": sources,
            "category": { "en": format!("{:02} Articles of a chapter with a long name, number {i}", i + 4) }
        }));
    }
    let ds = trade_chart::Dataset::from_json(&v.to_string()).unwrap();
    for w in WIDTHS {
        let h = DatasetChart::preferred_height(w);
        let mut c = DatasetChart::new(
            ds.clone(),
            &trade_chart::Options::new(Some("products"), None),
        )
        .unwrap();
        c.resize(w, h).unwrap();
        let s = c.scene();
        // the group labels: text under the plot, centred
        let mut labels: Vec<(f64, f64, &str)> = s
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text {
                    at,
                    text,
                    h: trade_chart::scene::HAlign::Center,
                    ..
                } if at.1 > s.plot.y1 => Some((at.0, text_width(text, 12.0), text.as_str())),
                _ => None,
            })
            .collect();
        labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(
            labels.len() >= 2 && labels.len() < 100,
            "@{w}: {} labels",
            labels.len()
        );
        assert!(
            labels[0].2.starts_with(&first_name),
            "@{w}: the first group is labelled, not {:?}",
            labels[0].2
        );
        for pair in labels.windows(2) {
            let [(xa, wa, ta), (xb, wb, tb)] = pair else {
                unreachable!()
            };
            assert!(
                xa + wa / 2.0 < xb - wb / 2.0,
                "@{w}: {ta:?} overlaps {tb:?}"
            );
        }
        for (x, width, t) in &labels {
            assert!(*width <= 120.0 + 1e-9, "@{w}: {t:?} is {width} px");
            assert!(
                x - width / 2.0 >= 0.0 && x + width / 2.0 <= w,
                "@{w}: {t:?} outside the canvas"
            );
        }
        assert!(
            labels.iter().any(|l| l.2.ends_with('…')),
            "@{w}: long names are cut"
        );
        assert_eq!(s.items.len(), 100, "@{w}: one item a bar");
    }
}
