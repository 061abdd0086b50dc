//! A long monthly series (19 years, two series side by side, like Japan customs'
//! 2001–2019) at 320 to 1280 px: every value drawn, never a bar of no width; the axis's
//! labels apart and inside the canvas, in every language.

#[path = "support/drawn.rs"]
mod drawn;
use drawn::{every_value_drawn, long_months};
use trade_chart::scene::{Mark, Target};
use trade_chart::{Dataset, DatasetChart, Options};

fn chart(json: &str, lang: &str, width: f64) -> DatasetChart {
    let ds = Dataset::from_json(json).unwrap();
    let mut c = DatasetChart::new(ds, &Options::new(Some("monthly"), Some(lang))).unwrap();
    c.resize(width, DatasetChart::preferred_height(width))
        .unwrap();
    c
}

const WIDTHS: [f64; 6] = [320.0, 360.0, 480.0, 800.0, 1024.0, 1280.0];

#[test]
fn nineteen_years_of_months_draw_every_value_at_every_width() {
    for kind in ["time-bars", "time-line"] {
        let json = long_months(2001, 2019, kind);
        for lang in ["en", "ko", "zh"] {
            for w in WIDTHS {
                let c = chart(&json, lang, w);
                every_value_drawn(&c, &format!("{kind} {lang} @{w}"));
            }
        }
    }
}

#[test]
fn bars_lose_their_gaps_then_become_a_line_as_months_narrow() {
    let json = long_months(2001, 2019, "time-bars");
    // Whether every value is a bar, whether none is, and the narrowest bar.
    let bars = |w: f64, both: bool| {
        let mut c = chart(&json, "en", w);
        if !both {
            c.toggle_series("kp-cn-monthly").unwrap();
        }
        every_value_drawn(&c, &format!("both {both} @{w}"));
        let s = c.scene();
        let items: Vec<_> = (s.items.iter())
            .filter(|it| matches!(it.target, Target::Obs(_)))
            .collect();
        assert!(items.len() > 200, "{}", items.len());
        let bars: Vec<_> = (items.iter())
            .filter(|it| {
                s.marks
                    .iter()
                    .any(|m| matches!(m, Mark::Rect { r, .. } if *r == it.mark))
            })
            .map(|it| it.mark)
            .collect();
        let min = bars.iter().map(|r| r.w()).fold(f64::MAX, f64::min);
        (bars.len() == items.len(), bars.is_empty(), min)
    };
    // One series, 1280 and 800 px: a bar for every value, with no gap, at least 2 px.
    for w in [1280.0, 800.0] {
        let (all, _, min) = bars(w, false);
        assert!(all && min >= 2.0, "{w}: {min}");
    }
    // One series at 360 px (months 1.3 px wide), two side by side at any of these widths
    // (their bars would be under 2 px with gaps): a line through every value.
    assert!(bars(360.0, false).1);
    for w in WIDTHS {
        assert!(bars(w, true).1, "{w}");
    }
}

#[test]
fn the_last_year_label_stays_inside_the_canvas() {
    // 61 years as a line at 360 px: one label every 10 years, 2025 at the right edge.
    let json = long_months(1965, 2025, "time-line");
    let c = chart(&json, "en", 360.0);
    every_value_drawn(&c, "1965–2025 line @360");
    let texts = c.scene().marks.iter().filter_map(|m| match m {
        Mark::Text { text, .. } => Some(text.as_str()),
        _ => None,
    });
    assert!(
        texts.clone().any(|t| t == "2025"),
        "{:?}",
        texts.collect::<Vec<_>>()
    );
}
