//! The wasm-bindgen facade: a few lines per method, everything else is native code.
//! Every failure becomes a JS `Error` whose message names the field; nothing panics on
//! caller input.

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::bulk::{ColChart, ColSeries, Columns};
use crate::data::{
    fields_of, unknown_field, unknown_key, validate, Dataset, Node, RawDataset, DEFAULT_JSON,
};
use crate::i18n::Lang;
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
            let o = Js(options);
            if let Some((path, message)) = unknown_key(&o, "options", fields_of::<Options>()) {
                return Err(js(Error::new(path, message)));
            }
            from_js(o.0, "options").map_err(js)?
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
