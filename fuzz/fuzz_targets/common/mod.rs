//! What every target does with a chart it could make: lay it out at three widths, draw
//! each into the SVG export (src/svg.rs, a plotters backend: the same drawing code as the canvas), point at it,
//! step through it with the keys, and ask for its words in the three languages.
#![allow(dead_code)]

use trade_chart::{Dataset, Lang, Options, Widget};

/// Widths in CSS px: a sliver, a phone, a desktop column.
pub const WIDTHS: [f64; 3] = [1.0, 320.0, 1200.0];

pub fn exercise<W: Widget>(w: &mut W, lang: Lang) {
    w.set_lang(lang);
    for width in WIDTHS {
        if w.resize(width, 300.0).is_err() {
            continue;
        }
        let scene = w.scene();
        let _ = trade_chart::svg(scene);
        let n = scene.items.len();
        for i in 0..n.min(64) {
            let _ = w.describe(i);
        }
        for key in ["ArrowRight", "ArrowLeft", "Home", "End", "ArrowUp", "x"] {
            let _ = w.navigate(None, key);
            let _ = w.navigate(Some(0), key);
            let _ = w.navigate(Some(n), key);
        }
        for (x, y) in [
            (0.0, 0.0),
            (width / 2.0, 150.0),
            (width - 1.0, 299.0),
            (-5.0, 1e9),
        ] {
            let _ = w.hover(x, y);
        }
    }
    for lang in [Lang::En, Lang::Ko, Lang::Zh] {
        w.set_lang(lang);
        let _ = w.meta();
        let _ = w.csv();
        let _ = w.table();
        let _ = w.claims();
        let _ = w.items();
        let _ = w.export_scene(640.0).map(|s| trade_chart::svg(&s));
    }
}

/// A language by a number (the input's length), so every target meets all three.
pub fn lang(n: usize) -> Lang {
    [Lang::En, Lang::Ko, Lang::Zh][n % 3]
}

/// A checked dataset as a chart: every view, then every series hidden in turn.
pub fn chart(ds: Dataset, n: usize) {
    let views: Vec<String> = ds.views.iter().map(|v| v.id.clone()).collect();
    let series: Vec<String> = ds.series.iter().map(|s| s.id.clone()).collect();
    let Ok(mut c) = trade_chart::DatasetChart::new(ds, &Options::default()) else {
        return;
    };
    for v in &views {
        if c.set_view(v).is_ok() {
            exercise(&mut c, lang(n));
        }
    }
    for s in series.iter().take(8) {
        let _ = c.toggle_series(s);
        let _ = c.resize(320.0, 300.0);
        let _ = c.hover(160.0, 150.0);
    }
    let _ = c.summary();
}

/// An import's dataset written as JSON, checked, and charted (or its error located at
/// its cell): what every table reader's target does with what it read.
pub fn checked(imported: &trade_chart_import::Import, n: usize) {
    let _ = trade_chart_import::to_json(&imported.dataset);
    match imported.check() {
        Ok(ds) => chart(ds, n),
        Err(e) => {
            let _ = imported.locate(e);
        }
    }
}
