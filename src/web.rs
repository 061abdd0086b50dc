//! The wasm-bindgen facade: a few lines per method, everything else is native code.
//! Every failure becomes a JS `Error` whose message names the field; nothing panics on
//! caller input.

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::data::{
    fields_of, unknown_field, unknown_key, validate, Dataset, Node, RawDataset, DEFAULT_JSON,
};
use crate::theme::Theme;
use crate::{Error, Options};

fn js(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Deserializes a JS value, naming the failing field under `root` ("data.series[0].id").
fn from_js<T: DeserializeOwned>(v: JsValue, root: &str) -> Result<T, Error> {
    let de = serde_wasm_bindgen::Deserializer::from(v);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." {
            root.to_string()
        } else {
            format!("{root}.{path}")
        };
        Error::from_serde(path, &e.inner().to_string())
    })
}

/// A JS value as a tree the schema walk can read.
struct Js(JsValue);

impl Node for Js {
    fn keys(&self) -> Option<Vec<String>> {
        if !self.0.is_object() || js_sys::Array::is_array(&self.0) {
            return None;
        }
        let obj: &js_sys::Object = self.0.unchecked_ref();
        Some(
            js_sys::Object::keys(obj)
                .iter()
                .filter_map(|k| k.as_string())
                .collect(),
        )
    }
    fn get(&self, key: &str) -> Option<Self> {
        let v = js_sys::Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined()).then_some(Js(v))
    }
    fn elements(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(&self.0)
            .then(|| js_sys::Array::from(&self.0).iter().map(Js).collect())
    }
}

fn dataset(data: JsValue) -> Result<Dataset, Error> {
    let data = if data.is_undefined() || data.is_null() {
        js_sys::JSON::parse(DEFAULT_JSON)
            .map_err(|_| Error::new("data", "the embedded dataset is not JSON"))?
    } else {
        data
    };
    if !data.is_object() || js_sys::Array::is_array(&data) {
        return Err(Error::expected(
            "data",
            "an object in the trade-chart dataset schema",
            "another type",
        ));
    }
    let data = Js(data);
    if let Some((path, message)) = unknown_field(&data, "data") {
        return Err(Error::new(path, message));
    }
    let raw: RawDataset = from_js(data.0, "data")?;
    validate(&raw).map_err(|e| e.within("data"))
}

fn to_js<T: serde::Serialize>(v: &T) -> JsValue {
    serde_wasm_bindgen::to_value(v).unwrap_or(JsValue::NULL)
}

/// A chart drawn on one canvas.
#[wasm_bindgen]
pub struct Chart {
    core: crate::Chart,
    canvas: HtmlCanvasElement,
    dpr: f64,
}

impl Chart {
    fn paint(&self) -> Result<(), JsError> {
        if self.core.scene().marks.is_empty() {
            return Ok(());
        }
        let mut backend = plotters_canvas::CanvasBackend::with_canvas_object(self.canvas.clone())
            .ok_or_else(|| JsError::new("canvas: no 2d context"))?;
        crate::draw(&mut backend, self.core.scene(), self.dpr)
            .map_err(|e| JsError::new(&format!("canvas: {e}")))
    }
}

#[wasm_bindgen]
impl Chart {
    /// Parses and validates `data` (or the embedded default when undefined) and `options`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        canvas: HtmlCanvasElement,
        data: JsValue,
        options: JsValue,
    ) -> Result<Chart, JsError> {
        let ds = dataset(data).map_err(js)?;
        let options: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            let o = Js(options);
            if let Some((path, message)) = unknown_key(&o, "options", fields_of::<Options>()) {
                return Err(js(Error::new(path, message)));
            }
            from_js(o.0, "options").map_err(js)?
        };
        let core = crate::Chart::new(ds, &options).map_err(js)?;
        Ok(Chart {
            core,
            canvas,
            dpr: 1.0,
        })
    }

    /// Height for a CSS width.
    pub fn preferred_height(&self, css_width: f64) -> f64 {
        crate::Chart::preferred_height(css_width)
    }

    /// Sizes the backing store (`css × dpr`) and redraws.
    pub fn resize(&mut self, css_width: f64, css_height: f64, dpr: f64) -> Result<(), JsError> {
        self.core.resize(css_width, css_height).map_err(js)?;
        self.dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr.min(4.0)
        } else {
            1.0
        };
        self.canvas.set_width((css_width * self.dpr).round() as u32);
        self.canvas
            .set_height((css_height * self.dpr).round() as u32);
        self.paint()
    }

    /// Switches view and redraws.
    pub fn set_view(&mut self, id: &str) -> Result<(), JsError> {
        self.core.set_view(id).map_err(js)?;
        self.paint()
    }

    /// Hides or shows a series; returns whether it is now visible.
    pub fn toggle_series(&mut self, id: &str) -> Result<bool, JsError> {
        let visible = self.core.toggle_series(id).map_err(js)?;
        self.paint()?;
        Ok(visible)
    }

    /// Replaces the dataset (the old one stays on error).
    pub fn set_data(&mut self, data: JsValue) -> Result<(), JsError> {
        let ds = dataset(data).map_err(js)?;
        self.core.set_data(ds);
        self.paint()
    }

    /// Redraws.
    pub fn render(&self) -> Result<(), JsError> {
        self.paint()
    }

    /// The item under CSS (x, y): highlight box and tooltip texts, or null.
    pub fn hover(&self, x: f64, y: f64) -> JsValue {
        self.core.hover(x, y).map_or(JsValue::NULL, |h| to_js(&h))
    }

    /// The tooltip for item `index` (keyboard navigation), or null.
    pub fn describe(&self, index: usize) -> JsValue {
        self.core
            .describe(index)
            .map_or(JsValue::NULL, |h| to_js(&h))
    }

    /// Titles, tabs, legend, notes, sources and summary of the current view.
    pub fn meta(&self) -> JsValue {
        to_js(&self.core.meta())
    }

    /// Every drawn item with its hit box.
    pub fn items(&self) -> JsValue {
        to_js(&self.core.items())
    }

    /// The current view id.
    #[wasm_bindgen(getter)]
    pub fn view(&self) -> String {
        self.core.view_id().to_string()
    }

    /// The reader language (`en`, `ko`, `zh`).
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.core.lang().code().to_string()
    }

    /// Switches language (`en`, `ko`, `zh` or a tag starting so) and redraws.
    pub fn set_lang(&mut self, tag: &str) -> Result<(), JsError> {
        self.core.set_lang(tag).map_err(js)?;
        self.paint()
    }

    /// Sets colours from CSS strings keyed `bg`, `fg`, `muted`, `grid`, `axis`, `two-way`,
    /// `flow-a`, `flow-b`, `claim` (what `getComputedStyle` gives), over the `base` theme
    /// (`"light"` or `"dark"`), and redraws.
    pub fn set_theme(&mut self, base: &str, colors: JsValue) -> Result<(), JsError> {
        let base = match base {
            "dark" => Theme::dark(),
            "light" | "" => Theme::light(),
            other => {
                return Err(js(Error::expected(
                    "theme",
                    "\"light\" or \"dark\"",
                    format!("\"{other}\""),
                )))
            }
        };
        let mut pairs: Vec<(String, String)> = Vec::new();
        if colors.is_object() {
            let obj: &js_sys::Object = colors.unchecked_ref();
            for entry in js_sys::Object::entries(obj).iter() {
                let kv = js_sys::Array::from(&entry);
                if let (Some(k), Some(v)) = (kv.get(0).as_string(), kv.get(1).as_string()) {
                    pairs.push((k, v));
                }
            }
        }
        let theme = Theme::from_pairs(&base, pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(js)?;
        self.core.set_theme(theme);
        self.paint()
    }

    /// Keyboard focus: the item index to move to from `from` (-1: none yet) on `key`
    /// (a `KeyboardEvent.key`), or -1 when the key does not move focus.
    pub fn navigate(&self, from: i32, key: &str) -> i32 {
        let from = usize::try_from(from).ok();
        self.core.navigate(from, key).map_or(-1, |i| i as i32)
    }

    /// The current view's figures as a table: `{caption, headers[], rows[][]}`.
    pub fn table(&self) -> JsValue {
        to_js(&self.core.table())
    }

    /// The current view's figures as CSV, with their sources.
    pub fn csv(&self) -> String {
        self.core.csv()
    }

    /// The story's claims with their verdicts.
    pub fn claims(&self) -> JsValue {
        to_js(&self.core.claims())
    }

    /// The current view as an SVG document, `width` CSS px wide, title and sources included.
    pub fn svg(&self, width: f64) -> Result<String, JsError> {
        self.core.svg(width).map_err(js)
    }

    /// Draws the current view with its title and sources on `canvas` (for the PNG
    /// download), `width` CSS px wide at `dpr`; returns the CSS height.
    pub fn render_export(
        &self,
        canvas: HtmlCanvasElement,
        width: f64,
        dpr: f64,
    ) -> Result<f64, JsError> {
        let scene = self.core.export_scene(width);
        let dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr.min(4.0)
        } else {
            2.0
        };
        canvas.set_width((scene.width * dpr).round() as u32);
        canvas.set_height((scene.height * dpr).round() as u32);
        let mut backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| JsError::new("canvas: no 2d context"))?;
        crate::draw(&mut backend, &scene, dpr)
            .map_err(|e| JsError::new(&format!("canvas: {e}")))?;
        Ok(scene.height)
    }
}
