//! The wasm-bindgen facade: a line or two per method over [`trade_chart::Widget`], which both chart
//! kinds implement. Every failure becomes a JS `Error` whose message names the field;
//! nothing panics on caller input.
//!
//! Two builds of it (Cargo.toml, feature `full`): the reader's **core**
//! (`pkg/trade_chart_bg.wasm`: a dataset chart's drawing, hover, keyboard, views, legend,
//! language, theme, table and claims) and the **full** module
//! (`pkg/trade_chart_full_bg.wasm`, `--features full`: the core plus the CSV, SVG and PNG
//! exports, `Chart.restore(state)`, and charts of numeric columns), which the shell loads
//! when a reader first asks for an export or a page makes a columns chart.

#![cfg(target_arch = "wasm32")]

pub mod canvas;

use plotters_backend::DrawingErrorKind;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

#[cfg(feature = "full")]
use trade_chart::chart::columns::{ColSeries, Columns, ValueFormat};
use trade_chart::chart::options::Options;
use trade_chart::chart::widget::{unsupported, Widget};
#[cfg(feature = "full")]
use trade_chart::chart::ColumnsChart;
use trade_chart::data::Dataset;
use trade_chart::error::{Error, ErrorKind};
use trade_chart::render::device_ratio;
use trade_chart::scene::theme::{self, THEME_KEYS};
use trade_chart::Lang;
pub use trade_chart_js::{js, to_js};

/// A drawing failure (no 2D context, a canvas error): code `render`, path `canvas`.
fn canvas_error(message: String) -> JsValue {
    js(Error::at(ErrorKind::Render, "canvas", message))
}

/// JSON text from the shell, which turns a JS object into JSON once (with NaN and
/// ±Infinity as strings, so they fail validation by name instead of becoming gaps).
/// `None` for undefined or null.
fn json_text(v: &JsValue, path: &str) -> Result<Option<String>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| {
        Error::expected_as(ErrorKind::InvalidType, path, "JSON text", "another type")
    })
}

/// Parses and validates `data`. The wasm carries no dataset of its own: the story's
/// (data/kp-cn.json, 10 KB gzipped) is what the shell sends when a page gives none, so
/// the charts of every other story do not download it.
fn dataset(data: &JsValue) -> Result<Dataset, Error> {
    let text = json_text(data, "data")?.ok_or_else(|| {
        Error::expected_as(
            ErrorKind::MissingField,
            "data",
            "a dataset's JSON text",
            "none",
        )
    })?;
    Dataset::from_json(&text).map_err(|e| e.within("data"))
}

fn options(v: &JsValue) -> Result<Options, Error> {
    Ok(match json_text(v, "options")? {
        Some(text) => Options::from_json(&text)?,
        None => Options::default(),
    })
}

fn or_null<T: serde::Serialize>(v: Option<T>) -> JsValue {
    v.map_or(JsValue::NULL, |v| to_js(&v))
}

/// A JS array of numbers (or a typed array) as f64s; `null` is a gap (NaN).
#[cfg(feature = "full")]
fn numbers(v: &JsValue, path: &str) -> Result<Vec<f64>, Error> {
    // The length is checked before anything is copied into the wasm's memory.
    let points = trade_chart::limits::COLUMN_POINTS;
    if let Some(a) = v.dyn_ref::<js_sys::Float64Array>() {
        points.check(path, a.length() as usize)?;
        return Ok(a.to_vec());
    }
    if js_sys::ArrayBuffer::is_view(v) {
        let a = js_sys::Float64Array::new(v);
        points.check(path, a.length() as usize)?;
        return Ok(a.to_vec());
    }
    if !js_sys::Array::is_array(v) {
        return Err(Error::expected(
            path,
            "an array or typed array of numbers",
            "another type",
        ));
    }
    let arr = js_sys::Array::from(v);
    points.check(path, arr.length() as usize)?;
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

/// Checks `create()`'s options (JSON text; `data` and `columns` as `true` when given):
/// an `Error` naming a bad one, else the theme they ask for (`auto` when none), which is
/// all the shell still needs from them before the chart is made.
#[wasm_bindgen]
pub fn check_options(text: &str) -> Result<String, JsValue> {
    let o = Options::from_json(text).map_err(js)?;
    Ok(o.theme.unwrap_or_else(|| "auto".into()))
}

/// The tag itself (trimmed) when it names a language the chart speaks (`en`, `ko`, `zh`,
/// `ko-KR`…), else undefined (the shell then falls back to English).
#[wasm_bindgen]
pub fn lang_tag(tag: &str) -> Option<String> {
    Lang::parse(tag).map(|_| tag.trim().to_string())
}

/// The colour names the page sets as `--tc-<key>` custom properties.
#[wasm_bindgen]
pub fn theme_keys() -> JsValue {
    to_js(&THEME_KEYS)
}

/// A chart drawn on one canvas.
#[wasm_bindgen]
pub struct Chart {
    core: Box<dyn Widget>,
    canvas: HtmlCanvasElement,
    dpr: f64,
}

impl Chart {
    fn paint(&self) -> Result<(), JsValue> {
        draw_on(&self.canvas, self.core.scene(), self.dpr)
    }
}

fn draw_on(
    canvas: &HtmlCanvasElement,
    scene: &trade_chart::Scene,
    dpr: f64,
) -> Result<(), JsValue> {
    if scene.marks.is_empty() {
        return Ok(());
    }
    let mut backend =
        crate::canvas::Canvas2d::new(canvas).ok_or_else(|| canvas_error("no 2d context".into()))?;
    trade_chart::draw(&mut backend, scene, dpr).map_err(|e| {
        // plotters' own words for its error (its Display), without its `write!`
        canvas_error(match e {
            DrawingErrorKind::DrawingError(e) => ["Drawing backend error: canvas: ", &e.0].concat(),
            DrawingErrorKind::FontError(e) => ["Font loading error: ", &e.to_string()].concat(),
        })
    })
}

#[wasm_bindgen]
impl Chart {
    /// Parses and validates `data` (JSON text) and
    /// `options` (JSON text, see [`check_options`]).
    #[wasm_bindgen(constructor)]
    pub fn new(
        canvas: HtmlCanvasElement,
        data: JsValue,
        options: JsValue,
    ) -> Result<Chart, JsValue> {
        let ds = dataset(&data).map_err(js)?;
        let options = self::options(&options).map_err(js)?;
        let core = trade_chart::DatasetChart::new(ds, &options).map_err(js)?;
        Ok(Chart {
            core: Box::new(core),
            canvas,
            dpr: 1.0,
        })
    }

    /// A line chart over numeric columns: `x` (non-decreasing) and one array of values
    /// per series (`null`/NaN for a gap), decimated with M4 when drawn; `format` says
    /// what the values are: `usd` (the default), `number` or `percent`.
    // Each column crosses as its own typed array (no copy into one JS object first).
    #[cfg(feature = "full")]
    #[allow(clippy::too_many_arguments)]
    pub fn from_columns(
        canvas: HtmlCanvasElement,
        title: String,
        x: JsValue,
        ids: Vec<String>,
        labels: Vec<String>,
        values: js_sys::Array,
        lang: Option<String>,
        format: Option<String>,
    ) -> Result<Chart, JsValue> {
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
            let path = format!("columns.series[{k}].values");
            let y = numbers(&values.get(k as u32), &path).map_err(js)?;
            series.push(ColSeries { id, label, y });
        }
        let format = match format.as_deref() {
            None => ValueFormat::Usd,
            Some(f) => ValueFormat::parse(f).map_err(js)?,
        };
        let cols = Columns::new(title, x, series)
            .map_err(js)?
            .with_format(format);
        let lang = Options::new(None, lang.as_deref()).language().map_err(js)?;
        Ok(Chart {
            core: Box::new(ColumnsChart::new(cols, lang.unwrap_or_default())),
            canvas,
            dpr: 1.0,
        })
    }

    /// The chart's height in CSS px for a container `css_width` wide (taller than wide on
    /// phones, 2:1 on desktops); the shell uses it unless `create()` was given a `height`.
    pub fn preferred_height(&self, css_width: f64) -> f64 {
        trade_chart::scene::layout::preferred_height(css_width)
    }

    /// Sizes the backing store (`css × dpr`, the page's devicePixelRatio up to 4, 1 when
    /// it is not a positive number) and redraws.
    pub fn resize(&mut self, css_width: f64, css_height: f64, dpr: f64) -> Result<(), JsValue> {
        self.core.resize(css_width, css_height).map_err(js)?;
        self.dpr = device_ratio(dpr);
        self.canvas.set_width((css_width * self.dpr).round() as u32);
        self.canvas
            .set_height((css_height * self.dpr).round() as u32);
        self.paint()
    }

    /// Switches view and redraws.
    pub fn set_view(&mut self, id: &str) -> Result<(), JsValue> {
        self.core.set_view(id).map_err(js)?;
        self.paint()
    }

    /// Hides or shows a series; returns whether it is now visible.
    pub fn toggle_series(&mut self, id: &str) -> Result<bool, JsValue> {
        let visible = self.core.toggle_series(id).map_err(js)?;
        self.paint()?;
        Ok(visible)
    }

    /// Replaces the dataset (JSON text; the old one stays on error).
    pub fn set_data(&mut self, data: JsValue) -> Result<(), JsValue> {
        if !self.core.capabilities().views {
            return Err(js(unsupported("data", "dataset")));
        }
        let ds = dataset(&data).map_err(js)?;
        self.core.set_data(ds).map_err(js)?;
        self.paint()
    }

    /// Draws the current scene on the canvas again, changing nothing (every call that
    /// changes the picture already redraws): the shell calls it when a web font of the
    /// page arrives, so text drawn in a fallback face is drawn again in it.
    pub fn render(&self) -> Result<(), JsValue> {
        self.paint()
    }

    /// The item under CSS (x, y): highlight box and tooltip texts, or null.
    pub fn hover(&self, x: f64, y: f64) -> JsValue {
        or_null(self.core.hover(x, y))
    }

    /// The tooltip for item `index` (keyboard navigation), or null.
    pub fn describe(&self, index: usize) -> JsValue {
        or_null(self.core.describe(index))
    }

    /// Titles, tabs, legend, notes, sources, summary and what the chart can do (`can`).
    pub fn meta(&self) -> JsValue {
        to_js(&self.core.meta())
    }

    /// Every drawn item with its hit box (none for columns: they are hovered by x).
    pub fn items(&self) -> JsValue {
        to_js(&self.core.items())
    }

    /// The current view id ("" without views).
    #[wasm_bindgen(getter)]
    pub fn view(&self) -> String {
        self.core.view().unwrap_or_default().to_string()
    }

    /// The reader language (`en`, `ko`, `zh`).
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.core.lang().code().to_string()
    }

    /// Switches language (`en`, `ko`, `zh` or a tag starting so) and redraws.
    pub fn set_lang(&mut self, tag: &str) -> Result<(), JsValue> {
        self.core.set_lang(Lang::require(tag, "lang").map_err(js)?);
        self.paint()
    }

    /// Sets colours from CSS strings keyed as [`theme_keys`] (what `getComputedStyle`
    /// gives), picks the light or dark base palette from them, redraws, and returns
    /// `"dark"` or `"light"`.
    pub fn set_theme(&mut self, colors: JsValue) -> Result<String, JsValue> {
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
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (&**k, &**v)).collect();
        let (theme, dark) = theme::from_page(&pairs).map_err(js)?;
        self.core.set_theme(theme);
        self.paint()?;
        Ok(if dark { "dark" } else { "light" }.to_string())
    }

    /// Keyboard focus: the item index to move to from `from` (-1: none yet) on `key`
    /// (a `KeyboardEvent.key`), or -1 when the key does not move focus.
    pub fn navigate(&self, from: i32, key: &str) -> i32 {
        self.core
            .navigate(usize::try_from(from).ok(), key)
            .map_or(-1, |i| i as i32)
    }

    /// The current view's figures as a table: `{caption, headers[], rows[][]}`, or null.
    pub fn table(&self) -> JsValue {
        or_null(self.core.table())
    }

    /// The current view's figures as CSV, with their sources.
    #[cfg(feature = "full")]
    pub fn csv(&self) -> String {
        self.core.csv()
    }

    /// What the reader changed — `{"view", "hidden": [series ids], "lang"}` as JSON text
    /// ([`trade_chart::chart::state::State`]) — for the full module's copy of this chart; undefined
    /// for columns.
    pub fn state(&self) -> Option<String> {
        self.core.state().map(|s| s.to_json())
    }

    /// Takes the view, hidden series and language of another chart's [`Chart::state`]
    /// (JSON text) over the same dataset: an export then shows what the reader sees.
    #[cfg(feature = "full")]
    pub fn restore(&mut self, state: &str) -> Result<(), JsValue> {
        let state = trade_chart::chart::state::State::from_json(state).map_err(js)?;
        self.core.restore(&state).map_err(js)
    }

    /// The story's claims with their verdicts (none for columns).
    pub fn claims(&self) -> JsValue {
        to_js(&self.core.claims().unwrap_or_default())
    }

    /// The current view as an SVG document, `width` CSS px wide, title and sources included.
    #[cfg(feature = "full")]
    pub fn svg(&self, width: f64) -> Result<String, JsValue> {
        let scene = self.export_scene(width)?;
        trade_chart::render::svg(&scene).map_err(js)
    }

    /// Draws the current view with its title and sources on `canvas` (for the PNG
    /// download), `width` CSS px wide at `dpr`; returns the CSS height.
    #[cfg(feature = "full")]
    pub fn render_export(
        &self,
        canvas: HtmlCanvasElement,
        width: f64,
        dpr: f64,
    ) -> Result<f64, JsValue> {
        let scene = self.export_scene(width)?;
        let dpr = device_ratio(dpr);
        canvas.set_width((scene.width * dpr).round() as u32);
        canvas.set_height((scene.height * dpr).round() as u32);
        draw_on(&canvas, &scene, dpr)?;
        Ok(scene.height)
    }
}

#[cfg(feature = "full")]
impl Chart {
    fn export_scene(&self, width: f64) -> Result<trade_chart::Scene, JsValue> {
        self.core
            .export_scene(width)
            .ok_or_else(|| js(unsupported("export", "picture export")))
    }
}
