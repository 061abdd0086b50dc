//! The wasm-bindgen facade: a few lines per method, everything else is native code.
//! Every failure becomes a JS `Error` whose message names the field; nothing panics on
//! caller input.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::bulk::{ColChart, ColSeries, Columns};
use crate::data::{Dataset, DEFAULT_JSON};
use crate::i18n::Lang;
use crate::theme::Theme;
use crate::{Error, Options};

fn js(e: Error) -> JsError {
    JsError::new(&e.to_string())
}

/// JSON text for a JS value: a string is taken as JSON text already (the shell sends
/// `JSON.stringify(data)`, which turns NaN and ±Infinity into strings that then fail
/// validation by name); anything else goes through `JSON.stringify` here.
fn json_text(v: &JsValue, path: &str) -> Result<String, Error> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if v.is_function() || v.is_symbol() || v.is_bigint() {
        return Err(Error::expected(path, "an object", "another type"));
    }
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| Error::new(path, "cannot be read as JSON (a cycle, or a BigInt?)"))
}

/// Parses and validates `data`, or the embedded default when it is undefined or null.
fn dataset(data: JsValue) -> Result<Dataset, Error> {
    if data.is_undefined() || data.is_null() {
        return Dataset::from_json(DEFAULT_JSON).map_err(|e| e.within("data"));
    }
    Dataset::from_json(&json_text(&data, "data")?).map_err(|e| e.within("data"))
}

/// A Rust value as a JS value: serde_json writes it, `JSON.parse` reads it (one
/// boundary crossing, and no second serde format in the wasm).
fn to_js<T: serde::Serialize>(v: &T) -> JsValue {
    serde_json::to_string(v)
        .ok()
        .and_then(|s| js_sys::JSON::parse(&s).ok())
        .unwrap_or(JsValue::NULL)
}

/// What a facade chart shows: a sourced dataset, or plain numeric columns.
enum Core {
    Data(crate::Chart),
    Cols(ColChart),
}

/// A chart drawn on one canvas.
#[wasm_bindgen]
pub struct Chart {
    core: Core,
    canvas: HtmlCanvasElement,
    dpr: f64,
}

fn no_views() -> JsError {
    js(Error::new(
        "view",
        "this chart was made from columns: it has no views or dataset",
    ))
}

/// A JS array of numbers (or a typed array) as f64s; `null` is a gap (NaN).
fn numbers(v: &JsValue, path: &str) -> Result<Vec<f64>, Error> {
    if let Some(a) = v.dyn_ref::<js_sys::Float64Array>() {
        return Ok(a.to_vec());
    }
    if js_sys::ArrayBuffer::is_view(v) {
        return Ok(js_sys::Float64Array::new(v).to_vec());
    }
    if !js_sys::Array::is_array(v) {
        return Err(Error::expected(
            path,
            "an array or typed array of numbers",
            "another type",
        ));
    }
    let arr = js_sys::Array::from(v);
    let mut out = Vec::with_capacity(arr.length() as usize);
    for (i, e) in arr.iter().enumerate() {
        match e.as_f64() {
            Some(x) => out.push(x),
            None if e.is_null() || e.is_undefined() => out.push(f64::NAN),
            None => {
                return Err(Error::expected(
                    format!("{path}[{i}]"),
                    "a number or null",
                    "another type",
                ))
            }
        }
    }
    Ok(out)
}

impl Chart {
    fn paint(&self) -> Result<(), JsError> {
        let scene = self.scene();
        if scene.marks.is_empty() {
            return Ok(());
        }
        let mut backend = crate::canvas::Canvas2d::new(&self.canvas)
            .ok_or_else(|| JsError::new("canvas: no 2d context"))?;
        crate::draw(&mut backend, scene, self.dpr)
            .map_err(|e| JsError::new(&format!("canvas: {e}")))
    }

    fn scene(&self) -> &crate::Scene {
        match &self.core {
            Core::Data(c) => c.scene(),
            Core::Cols(c) => c.scene(),
        }
    }

    fn data(&mut self) -> Result<&mut crate::Chart, JsError> {
        match &mut self.core {
            Core::Data(c) => Ok(c),
            Core::Cols(_) => Err(no_views()),
        }
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
            let text = json_text(&options, "options").map_err(js)?;
            crate::error::from_json_text(&text).map_err(|e| js(e.within("options")))?
        };
        let core = crate::Chart::new(ds, &options).map_err(js)?;
        Ok(Chart {
            core: Core::Data(core),
            canvas,
            dpr: 1.0,
        })
    }

    /// A line chart over numeric columns: `x` (non-decreasing) and one array of values
    /// (US dollars, `null`/NaN for a gap) per series, decimated with M4 when drawn.
    pub fn from_columns(
        canvas: HtmlCanvasElement,
        title: String,
        x: JsValue,
        ids: Vec<String>,
        labels: Vec<String>,
        values: js_sys::Array,
        lang: Option<String>,
    ) -> Result<Chart, JsError> {
        let x = numbers(&x, "columns.x").map_err(js)?;
        if ids.len() != values.length() as usize || labels.len() != ids.len() {
            return Err(js(Error::expected(
                "columns.series",
                "an id, a label and values for every series",
                "different counts",
            )));
        }
        let mut series = Vec::with_capacity(ids.len());
        for (k, (id, label)) in ids.into_iter().zip(labels).enumerate() {
            let y = numbers(
                &values.get(k as u32),
                &format!("columns.series[{k}].values"),
            )
            .map_err(js)?;
            series.push(ColSeries { id, label, y });
        }
        let cols = Columns::new(title, x, series).map_err(js)?;
        let lang = match lang.as_deref() {
            None => Lang::En,
            Some(tag) => Lang::require(tag, "options.lang").map_err(js)?,
        };
        Ok(Chart {
            core: Core::Cols(ColChart::new(cols, lang)),
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
        match &mut self.core {
            Core::Data(c) => c.resize(css_width, css_height),
            Core::Cols(c) => c.resize(css_width, css_height),
        }
        .map_err(js)?;
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
        self.data()?.set_view(id).map_err(js)?;
        self.paint()
    }

    /// Hides or shows a series; returns whether it is now visible.
    pub fn toggle_series(&mut self, id: &str) -> Result<bool, JsError> {
        let visible = match &mut self.core {
            Core::Data(c) => c.toggle_series(id),
            Core::Cols(c) => c.toggle_series(id),
        }
        .map_err(js)?;
        self.paint()?;
        Ok(visible)
    }

    /// Replaces the dataset (the old one stays on error).
    pub fn set_data(&mut self, data: JsValue) -> Result<(), JsError> {
        let ds = dataset(data).map_err(js)?;
        self.data()?.set_data(ds);
        self.paint()
    }

    /// Redraws.
    pub fn render(&self) -> Result<(), JsError> {
        self.paint()
    }

    /// The item under CSS (x, y): highlight box and tooltip texts, or null.
    pub fn hover(&self, x: f64, y: f64) -> JsValue {
        let h = match &self.core {
            Core::Data(c) => c.hover(x, y),
            Core::Cols(c) => c.hover(x, y),
        };
        h.map_or(JsValue::NULL, |h| to_js(&h))
    }

    /// The tooltip for item `index` (keyboard navigation), or null.
    pub fn describe(&self, index: usize) -> JsValue {
        match &self.core {
            Core::Data(c) => c.describe(index).map_or(JsValue::NULL, |h| to_js(&h)),
            Core::Cols(_) => JsValue::NULL,
        }
    }

    /// Titles, tabs, legend, notes, sources and summary of the current view.
    pub fn meta(&self) -> JsValue {
        match &self.core {
            Core::Data(c) => to_js(&c.meta()),
            Core::Cols(c) => {
                let cols = c.columns();
                let lang = c.lang();
                let summary = format!("{}: {} × {}", cols.title, cols.series.len(), cols.x.len());
                to_js(&crate::Meta {
                    lang: lang.code(),
                    title: cols.title.clone(),
                    subtitle: String::new(),
                    notes: Vec::new(),
                    source_line: String::new(),
                    view: String::new(),
                    views: Vec::new(),
                    legend: c.legend(),
                    summary,
                    claims: 0,
                    ui: crate::i18n::Ui::new(lang),
                })
            }
        }
    }

    /// Every drawn item with its hit box (none for columns: they are hovered by x).
    pub fn items(&self) -> JsValue {
        match &self.core {
            Core::Data(c) => to_js(&c.items()),
            Core::Cols(_) => js_sys::Array::new().into(),
        }
    }

    /// The current view id.
    #[wasm_bindgen(getter)]
    pub fn view(&self) -> String {
        match &self.core {
            Core::Data(c) => c.view_id().to_string(),
            Core::Cols(_) => String::new(),
        }
    }

    /// The reader language (`en`, `ko`, `zh`).
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        match &self.core {
            Core::Data(c) => c.lang().code().to_string(),
            Core::Cols(c) => c.lang().code().to_string(),
        }
    }

    /// Switches language (`en`, `ko`, `zh` or a tag starting so) and redraws.
    pub fn set_lang(&mut self, tag: &str) -> Result<(), JsError> {
        match &mut self.core {
            Core::Data(c) => c.set_lang(tag).map_err(js)?,
            Core::Cols(c) => c.set_lang(Lang::require(tag, "lang").map_err(js)?),
        }
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
        match &mut self.core {
            Core::Data(c) => c.set_theme(theme),
            Core::Cols(c) => c.set_theme(theme),
        }
        self.paint()
    }

    /// Keyboard focus: the item index to move to from `from` (-1: none yet) on `key`
    /// (a `KeyboardEvent.key`), or -1 when the key does not move focus.
    pub fn navigate(&self, from: i32, key: &str) -> i32 {
        match &self.core {
            Core::Data(c) => c
                .navigate(usize::try_from(from).ok(), key)
                .map_or(-1, |i| i as i32),
            Core::Cols(_) => -1,
        }
    }

    /// The current view's figures as a table: `{caption, headers[], rows[][]}`.
    pub fn table(&self) -> JsValue {
        match &self.core {
            Core::Data(c) => to_js(&c.table()),
            Core::Cols(_) => JsValue::NULL,
        }
    }

    /// The current view's figures as CSV, with their sources.
    pub fn csv(&self) -> String {
        match &self.core {
            Core::Data(c) => c.csv(),
            Core::Cols(c) => c.csv(),
        }
    }

    /// The story's claims with their verdicts.
    pub fn claims(&self) -> JsValue {
        match &self.core {
            Core::Data(c) => to_js(&c.claims()),
            Core::Cols(_) => js_sys::Array::new().into(),
        }
    }

    /// The current view as an SVG document, `width` CSS px wide, title and sources included.
    pub fn svg(&self, width: f64) -> Result<String, JsError> {
        match &self.core {
            Core::Data(c) => c.svg(width).map_err(js),
            Core::Cols(_) => Err(no_views()),
        }
    }

    /// Draws the current view with its title and sources on `canvas` (for the PNG
    /// download), `width` CSS px wide at `dpr`; returns the CSS height.
    pub fn render_export(
        &self,
        canvas: HtmlCanvasElement,
        width: f64,
        dpr: f64,
    ) -> Result<f64, JsError> {
        let Core::Data(c) = &self.core else {
            return Err(no_views());
        };
        let scene = c.export_scene(width);
        let dpr = if dpr.is_finite() && dpr > 0.0 {
            dpr.min(4.0)
        } else {
            2.0
        };
        canvas.set_width((scene.width * dpr).round() as u32);
        canvas.set_height((scene.height * dpr).round() as u32);
        let mut backend = crate::canvas::Canvas2d::new(&canvas)
            .ok_or_else(|| JsError::new("canvas: no 2d context"))?;
        crate::draw(&mut backend, &scene, dpr)
            .map_err(|e| JsError::new(&format!("canvas: {e}")))?;
        Ok(scene.height)
    }
}
