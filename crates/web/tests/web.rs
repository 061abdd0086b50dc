//! The wasm facade in a real browser (wasm-bindgen-test-runner + headless Chromium):
//! it draws on a real canvas, and bad input is an `Error`, never a panic.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use trade_chart_web::Chart;

wasm_bindgen_test_configure!(run_in_browser);

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&c).unwrap();
    c
}

fn pixels(c: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, c.width() as f64, c.height() as f64)
        .unwrap()
        .data()
        .0
}

/// Pixels within a small distance of `rgb`.
fn count(px: &[u8], rgb: (u8, u8, u8)) -> usize {
    px.chunks(4)
        .filter(|p| {
            (p[0] as i32 - rgb.0 as i32).abs() < 8
                && (p[1] as i32 - rgb.1 as i32).abs() < 8
                && (p[2] as i32 - rgb.2 as i32).abs() < 8
                && p[3] > 200
        })
        .count()
}

fn message(e: JsValue) -> String {
    let e: js_sys::Error = e.dyn_into().expect("an Error object");
    e.message().into()
}

/// A property of a thrown `Error` (`code`, `path`, `row`…), as a string or a number.
fn prop(e: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(e, &k.into()).unwrap()
}

fn json(s: &str) -> JsValue {
    js_sys::JSON::parse(s).unwrap()
}

/// JSON text as the shell sends data and options.
/// The story's dataset, as the shell sends it when a page gives none.
fn story() -> JsValue {
    text(trade_chart::data::DEFAULT_JSON)
}

/// No data at all is an error naming `data` (the wasm has no dataset of its own).
#[wasm_bindgen_test]
fn no_data_is_an_error() {
    let e = Chart::new(canvas(), JsValue::UNDEFINED, JsValue::UNDEFINED)
        .err()
        .unwrap();
    let get = |k: &str| js_sys::Reflect::get(&e, &k.into()).unwrap().as_string();
    assert_eq!(get("code").as_deref(), Some("missing-field"));
    assert_eq!(get("path").as_deref(), Some("data"));
}

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

#[wasm_bindgen_test]
fn draws_every_view_on_a_real_canvas_at_2x() {
    let c = canvas();
    let mut chart = Chart::new(c.clone(), story(), JsValue::UNDEFINED).unwrap();
    chart.resize(600.0, 300.0, 2.0).unwrap();
    assert_eq!((c.width(), c.height()), (1200, 600));
    let px = pixels(&c);
    // Two-way bars in their colour: the 2019 bar alone is thousands of device pixels.
    assert!(count(&px, (42, 92, 154)) > 5_000, "two-way bars not drawn");
    assert!(
        count(&px, (255, 255, 255)) > 100_000,
        "background not drawn"
    );
    let mut last = px;
    for view in ["monthly", "balance", "products", "history", "collapse"] {
        chart.set_view(view).unwrap();
        assert_eq!(chart.view(), view);
        let px = pixels(&c);
        assert_ne!(px, last, "{view} drew nothing new");
        last = px;
    }
    chart.set_view("balance").unwrap();
    let px = pixels(&c);
    assert!(count(&px, (196, 80, 27)) > 2_000, "imports bars missing");
    assert!(count(&px, (13, 122, 114)) > 100, "exports bars missing");
    // Hover returns the tooltip (that it never repaints is checked end to end by counting draw calls).
    let items: js_sys::Array = chart.items().dyn_into().unwrap();
    assert_eq!(items.length(), 4);
    let first = items.get(0);
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap();
    let (x, w) = (
        get(&first, "x").as_f64().unwrap(),
        get(&first, "w").as_f64().unwrap(),
    );
    let hover = chart.hover(x + w / 2.0, 200.0);
    assert!(get(&hover, "value")
        .as_string()
        .unwrap()
        .ends_with("billion"));
    assert!(chart.hover(1.0, 1.0).is_null());
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_naming_the_field() {
    let cases = [
        (r#"{"schema":1}"#, "data.id: missing field `id`"),
        ("5", "data: expected an object"),
        ("[]", "data: expected an object"),
    ];
    for (data, expected) in cases {
        let e = Chart::new(canvas(), text(data), JsValue::UNDEFINED)
            .err()
            .expect("rejected");
        let m = message(e);
        assert!(m.starts_with(expected), "{m}");
    }
    // A negative value deep inside the default data.
    let mut raw: serde_json_like::Value = serde_json_like::default();
    raw.set_value(-3.0);
    let e = Chart::new(canvas(), raw.to_js(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(
        (
            prop(&e, "code"),
            prop(&e, "path"),
            prop(&e, "expected"),
            prop(&e, "found")
        ),
        (
            JsValue::from_str("invalid-value"),
            JsValue::from_str("data.series[0].observations[0].value"),
            JsValue::from_str("a finite number ≥ 0"),
            JsValue::from_str("-3")
        )
    );
    assert_eq!(
        message(e),
        "data.series[0].observations[0].value: expected a finite number ≥ 0, found -3"
    );
    // A syntax error carries its line and column.
    let e = Chart::new(canvas(), text("{\n  \"id\": ]"), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(prop(&e, "code"), "json-syntax");
    assert_eq!(
        (prop(&e, "row"), prop(&e, "column")),
        (JsValue::from(2), JsValue::from(9))
    );
    // A string where a number belongs.
    let e = Chart::new(canvas(), raw.with_string_value(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    let m = message(e);
    assert!(
        m.starts_with("data.series[0].observations[0].value: invalid type"),
        "{m}"
    );

    let e = Chart::new(canvas(), story(), text(r#"{"view":"pie"}"#))
        .err()
        .unwrap();
    assert!(message(e).starts_with("options.view: expected one of collapse"));
    let e = Chart::new(canvas(), story(), text(r#"{"colour":"red"}"#))
        .err()
        .unwrap();
    // One whitelist of options (options.rs), so the same words as create() says them.
    assert!(message(e).starts_with("options.colour: unknown option; expected one of view"));
    // Data and options cross as JSON text, which the shell writes once.
    let e = Chart::new(canvas(), json(r#"{"schema":1}"#), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert_eq!(message(e), "data: expected JSON text, found another type");
    // A typo deep in the data is caught too (serde-wasm-bindgen alone would ignore it).
    let typo = text(&trade_chart::data::DEFAULT_JSON.replacen("\"period\"", "\"periode\"", 1));
    let m = message(
        Chart::new(canvas(), typo, JsValue::UNDEFINED)
            .err()
            .unwrap(),
    );
    assert!(
        m.starts_with("data.series[0].observations[0].periode: unknown field `periode`"),
        "{m}"
    );

    let c = canvas();
    let mut chart = Chart::new(c.clone(), story(), JsValue::UNDEFINED).unwrap();
    assert!(message(chart.resize(0.0, 300.0, 1.0).unwrap_err()).starts_with("container.width"));
    chart.resize(400.0, 300.0, 1.0).unwrap();
    let before = pixels(&c);
    assert!(message(chart.set_view("nope").unwrap_err()).starts_with("view: expected one of"));
    assert!(
        message(chart.set_data(text(r#"{"schema":1}"#)).unwrap_err())
            .starts_with("data.id: missing field")
    );
    // The old chart is still there and still answers.
    assert_eq!(pixels(&c), before);
    assert_eq!(chart.view(), "collapse");
    assert!(!chart.meta().is_null());
}

/// Just enough JSON editing for these tests, on the JS side (no serde_json in the wasm).
mod serde_json_like {
    use wasm_bindgen::JsValue;
    pub struct Value(JsValue);
    pub fn default() -> Value {
        Value(js_sys::JSON::parse(trade_chart::data::DEFAULT_JSON).unwrap())
    }
    fn first_obs(v: &JsValue) -> JsValue {
        let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap();
        let series = js_sys::Reflect::get_u32(&get(v, "series"), 0).unwrap();
        js_sys::Reflect::get_u32(&get(&series, "observations"), 0).unwrap()
    }
    impl Value {
        pub fn set_value(&mut self, x: f64) {
            js_sys::Reflect::set(&first_obs(&self.0), &"value".into(), &x.into()).unwrap();
        }
        pub fn with_string_value(&self) -> JsValue {
            js_sys::Reflect::set(&first_obs(&self.0), &"value".into(), &"lots".into()).unwrap();
            self.to_js()
        }
        /// As JSON text, as the shell sends it.
        pub fn to_js(&self) -> JsValue {
            js_sys::JSON::stringify(&self.0).unwrap().into()
        }
    }
}

#[wasm_bindgen_test]
fn readers_api_in_the_browser() {
    let c = canvas();
    let mut chart = Chart::new(
        c.clone(),
        story(),
        text(r#"{"view":"balance","lang":"ko-KR"}"#),
    )
    .unwrap();
    chart.resize(600.0, 320.0, 1.0).unwrap();
    assert_eq!(chart.lang(), "ko");
    let get = |o: &JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).unwrap();
    let first = chart.navigate(-1, "ArrowRight");
    assert_eq!(first, 0);
    let hover = chart.describe(chart.navigate(first, "ArrowRight") as usize);
    assert!(get(&hover, "announce")
        .as_string()
        .unwrap()
        .contains("2020년"));
    assert_eq!(chart.navigate(first, "a"), -1);
    chart.set_lang("zh").unwrap();
    let meta = chart.meta();
    assert_eq!(get(&meta, "lang").as_string().unwrap(), "zh");
    assert!(message(chart.set_lang("fr").unwrap_err()).starts_with("lang:"));
    // A dark theme from CSS colour strings reaches the canvas background.
    let base = chart
        .set_theme(json(r#"{"bg":"rgb(10, 20, 30)"}"#))
        .unwrap();
    assert_eq!(base, "dark", "Rust picks the base from the background");
    let px = pixels(&c);
    assert_eq!(&px[0..3], &[10, 20, 30]);
    let e = message(chart.set_theme(json(r#"{"fg":"blurple"}"#)).unwrap_err());
    assert_eq!(e, "theme.fg: expected a CSS colour, found \"blurple\"");
    // Downloads (the full module's): SVG text, PNG drawn on another canvas with title and sources.
    #[cfg(feature = "full")]
    {
        let svg = chart.svg(600.0).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("朝鲜"));
        let out = canvas();
        let h = chart.render_export(out.clone(), 600.0, 2.0).unwrap();
        assert_eq!(out.width(), 1200);
        assert_eq!(out.height(), (h * 2.0).round() as u32);
        assert!(chart.csv().starts_with("period,period_label,series_id"));
    }
    let table = chart.table();
    assert_eq!(js_sys::Array::from(&get(&table, "rows")).length(), 4);
}

/// The backend caches the font it last set; measuring text in another font must not leave
/// the context in that font while the cache says otherwise.
#[wasm_bindgen_test]
fn measuring_text_leaves_the_drawing_font() {
    use plotters::style::{IntoFont, TextStyle};
    use plotters_backend::DrawingBackend;
    use trade_chart_web::canvas::Canvas2d;
    let c = canvas();
    c.set_width(200);
    c.set_height(60);
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let mut backend = Canvas2d::new(&c).unwrap();
    let drawing = TextStyle::from(("serif", 20).into_font());
    let measured = TextStyle::from(("monospace", 31).into_font());
    backend.draw_text("a", &drawing, (5, 5)).unwrap();
    let font = ctx.font();
    let (w, h) = backend.estimate_text_size("mmmm", &measured).unwrap();
    assert!(w > 40 && h == 31, "measured in the asked font: {w}×{h}");
    backend.draw_text("b", &drawing, (40, 5)).unwrap();
    assert_eq!(ctx.font(), font);
}

/// The core's `state()`: what the reader changed, as JSON text; the full
/// module's copy of the chart restores it and exports what the live chart shows.
#[wasm_bindgen_test]
fn state_says_what_the_reader_changed() {
    let mut chart = Chart::new(canvas(), story(), text(r#"{"view":"balance"}"#)).unwrap();
    chart.resize(600.0, 320.0, 1.0).unwrap();
    chart.toggle_series("kp-cn-annual").unwrap();
    chart.set_lang("ko").unwrap();
    assert_eq!(
        chart.state().unwrap(),
        r#"{"view":"balance","hidden":["kp-cn-annual"],"lang":"ko"}"#
    );
    #[cfg(feature = "full")]
    {
        let mut copy = Chart::new(canvas(), story(), text("{}")).unwrap();
        copy.restore(&chart.state().unwrap()).unwrap();
        assert_eq!(copy.state(), chart.state());
        assert_eq!(copy.csv(), chart.csv());
        assert_eq!(copy.svg(600.0).unwrap(), chart.svg(600.0).unwrap());
        let e = copy
            .restore(r#"{"view":"nope","hidden":[],"lang":"en"}"#)
            .unwrap_err();
        assert_eq!(prop(&e, "code").as_string().unwrap(), "unknown-id");
        assert_eq!(prop(&e, "path").as_string().unwrap(), "state.view");
        assert_eq!(copy.state(), chart.state(), "a bad state changes nothing");
    }
}
