//! Rendering through non-canvas backends: a recorder (what would the canvas be asked to
//! draw?) and plotters' SVG backend (the same drawing code, as a file to look at).

mod common;
use common::*;
use plotters::backend::SVGBackend;

fn record(view: &str, w: f64, h: f64, dpr: f64) -> Recorder {
    let c = chart(view, w, h);
    let mut rec = Recorder::new((w * dpr) as u32, (h * dpr) as u32);
    trade_chart::draw(&mut rec, c.scene(), dpr).unwrap();
    rec
}

#[test]
fn draws_within_the_device_canvas_at_any_pixel_ratio() {
    for view in VIEWS {
        for dpr in [1.0, 2.0, 3.0] {
            let (w, h) = (480.0, 380.0);
            let rec = record(view, w, h, dpr);
            assert!(rec.presented);
            let (dw, dh) = ((w * dpr) as i32, (h * dpr) as i32);
            for (x, y) in rec.points() {
                assert!(
                    x >= 0 && x <= dw && y >= 0 && y <= dh,
                    "{view}@{dpr}x: ({x}, {y}) outside {dw}×{dh}"
                );
            }
        }
    }
}

#[test]
fn hidpi_scales_geometry_and_text() {
    let a = record("collapse", 600.0, 320.0, 1.0);
    let b = record("collapse", 600.0, 320.0, 2.0);
    assert_eq!(a.ops.len(), b.ops.len());
    let size = |r: &Recorder| {
        r.ops
            .iter()
            .find_map(|o| {
                if let Op::Text { size, .. } = o {
                    Some(*size)
                } else {
                    None
                }
            })
            .unwrap()
    };
    assert_eq!(size(&b), 2.0 * size(&a));
    // The background covers the whole backing store.
    assert_eq!(
        b.ops[0],
        Op::Rect {
            a: (0, 0),
            b: (1200, 640),
            rgb: (255, 255, 255),
            fill: true
        }
    );
}

#[test]
fn one_bar_per_observation_in_series_colours() {
    let c = chart("balance", 800.0, 400.0);
    let theme = c.theme();
    let mut rec = Recorder::new(800, 400);
    trade_chart::draw(&mut rec, c.scene(), 1.0).unwrap();
    let bars = |rgb: (u8, u8, u8)| {
        rec.ops
            .iter()
            .filter(|o| matches!(o, Op::Rect { rgb: r, fill: true, .. } if *r == rgb))
            .count()
    };
    let imports = theme.series[2];
    let exports = theme.series[1];
    assert_eq!(
        bars((imports.0, imports.1, imports.2)),
        2,
        "imports 2019 + 2020"
    );
    assert_eq!(
        bars((exports.0, exports.1, exports.2)),
        2,
        "exports 2019 + 2020"
    );
    let texts = rec.texts();
    assert!(
        texts.contains(&"$491.06m") && texts.contains(&"$48m"),
        "{texts:?}"
    );
}

#[test]
fn svg_backend_renders_the_same_scene() {
    std::fs::create_dir_all("target/svg").unwrap();
    for view in VIEWS {
        let c = chart(view, 720.0, 400.0);
        let svg = trade_chart::svg(c.scene()).unwrap();
        let rec = record(view, 720.0, 400.0, 1.0);
        for t in rec.texts() {
            let escaped = t
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert!(svg.contains(&escaped), "{view}: {t:?} missing from SVG");
        }
        std::fs::write(format!("target/svg/{view}.svg"), &svg).unwrap();
    }
}

/// Our SVG writer (src/svg.rs) against plotters' own SVG backend, which it replaces in
/// the wasm: the same bytes for every view, language, width and pixel ratio, a dark theme
/// (other colours and opacities) and text that needs escaping.
#[test]
fn our_svg_writer_writes_what_plotters_does() {
    use trade_chart::{Lang, Options};
    let mut raw: serde_json::Value = serde_json::from_str(trade_chart::data::DEFAULT_JSON).unwrap();
    raw["views"][0]["title"] = serde_json::json!({"en": "<Trade> & \"fall\" 'in' 2020"});
    let ds = trade_chart::Dataset::from_json(&raw.to_string()).unwrap();
    let mut compared = 0;
    for view in VIEWS {
        for lang in [Lang::En, Lang::Ko, Lang::Zh] {
            let opts = Options::new(Some(view), Some(lang.code()));
            let mut c = trade_chart::DatasetChart::new(ds.clone(), &opts).unwrap();
            if lang == Lang::Zh {
                c.set_theme(trade_chart::scene::theme::Theme::dark());
            }
            for (w, dpr) in [(360.0, 1.0), (720.0, 2.0), (1024.0, 1.5)] {
                c.resize(w, 400.0).unwrap();
                let size = ((w * dpr) as u32, (400.0 * dpr) as u32);
                let mut theirs = String::new();
                {
                    let mut backend = SVGBackend::with_string(&mut theirs, size);
                    trade_chart::draw(&mut backend, c.scene(), dpr).unwrap();
                }
                let mut ours = trade_chart::render::svg_backend::Svg::new(size);
                trade_chart::draw(&mut ours, c.scene(), dpr).unwrap();
                assert_eq!(ours.finish(), theirs, "{view} {lang:?} {w} {dpr}");
                compared += 1;
            }
        }
    }
    assert_eq!(compared, VIEWS.len() * 9);
}
