//! Our canvas backend for plotters (browser only). plotters-canvas formats a colour
//! string for every primitive, measures text through the DOM and rounds to whole device
//! pixels without devicePixelRatio; this one sets a style only when it changes and
//! measures text with `measureText`. Paths are traced with moveTo/lineTo: a Path2D
//! built from an SVG string (tried) cost more in formatting and parsing than the calls.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A failed canvas call.
#[derive(Debug)]
pub struct CanvasError(pub String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canvas: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

fn err(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(
        e.as_string().unwrap_or_else(|| "drawing failed".into()),
    ))
}

/// A colour as a comparable key (alpha in thousandths).
type Key = (u8, u8, u8, u16);

fn key(c: BackendColor) -> Key {
    (
        c.rgb.0,
        c.rgb.1,
        c.rgb.2,
        (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u16,
    )
}

fn css(k: Key) -> String {
    if k.3 >= 1000 {
        format!("rgb({},{},{})", k.0, k.1, k.2)
    } else {
        format!(
            "rgba({},{},{},{})",
            k.0,
            k.1,
            k.2,
            trade_chart::number::decimal(k.3 as f64 / 1000.0, 3)
        )
    }
}

/// The CSS font of a plotters text style.
fn font_of<T: BackendTextStyle>(style: &T) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        trade_chart::number::plain(style.size()),
        style.family().as_str()
    )
}

/// The 2D context of one canvas, with the last styles set on it.
pub struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    fill: Option<Key>,
    stroke: Option<(Key, u32)>,
    font: String,
    align: (u8, u8),
}

impl Canvas2d {
    /// The backend for `canvas` at its current backing-store size.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas2d> {
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Canvas2d {
            ctx,
            size: (canvas.width(), canvas.height()),
            fill: None,
            stroke: None,
            font: String::new(),
            align: (9, 9),
        })
    }

    fn set_fill(&mut self, c: BackendColor) {
        let k = key(c);
        if self.fill != Some(k) {
            self.ctx.set_fill_style_str(&css(k));
            self.fill = Some(k);
        }
    }

    fn set_stroke<S: BackendStyle>(&mut self, s: &S) {
        let k = (key(s.color()), s.stroke_width());
        if self.stroke != Some(k) {
            self.ctx.set_stroke_style_str(&css(k.0));
            self.ctx.set_line_width(k.1 as f64);
            self.stroke = Some(k);
        }
    }

    /// Traces the points as the current path (closed when `close`); false when empty.
    /// moveTo/lineTo per point: cheaper than formatting and parsing an SVG path string
    /// (in a profile, a page's first Path2D parse cost about 11 ms).
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>, close: bool) -> bool {
        let mut any = false;
        self.ctx.begin_path();
        for (x, y) in points {
            if any {
                self.ctx.line_to(x as f64, y as f64);
            } else {
                self.ctx.move_to(x as f64, y as f64);
                any = true;
            }
        }
        if any && close {
            self.ctx.close_path();
        }
        any
    }
}

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if color.alpha > 0.0 {
            self.set_fill(color);
            self.ctx.fill_rect(point.0 as f64, point.1 as f64, 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.set_stroke(s);
        // Horizontal and vertical lines on half pixels stay crisp.
        let half = if s.stroke_width() % 2 == 1 { 0.5 } else { 0.0 };
        let (mut a, mut b) = ((a.0 as f64, a.1 as f64), (b.0 as f64, b.1 as f64));
        if a.0 == b.0 {
            a.0 += half;
            b.0 += half;
        }
        if a.1 == b.1 {
            a.1 += half;
            b.1 += half;
        }
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (
            ul.0 as f64,
            ul.1 as f64,
            (br.0 - ul.0) as f64,
            (br.1 - ul.1) as f64,
        );
        if fill {
            self.set_fill(s.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.set_stroke(s);
            self.ctx.stroke_rect(x + 0.5, y + 0.5, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        if self.trace(path, false) {
            self.set_stroke(s);
            self.ctx.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        if self.trace(path, true) {
            self.set_fill(s.color());
            self.ctx.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        self.ctx.begin_path();
        self.ctx
            .arc(c.0 as f64, c.1 as f64, r as f64, 0.0, std::f64::consts::TAU)
            .map_err(err)?;
        if fill {
            self.set_fill(s.color());
            self.ctx.fill();
        } else {
            self.set_stroke(s);
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let align = (anchor.h_pos as u8, anchor.v_pos as u8);
        if self.align != align {
            self.ctx.set_text_align(match anchor.h_pos {
                HPos::Left => "left",
                HPos::Center => "center",
                HPos::Right => "right",
            });
            self.ctx.set_text_baseline(match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            });
            self.align = align;
        }
        let font = font_of(style);
        if self.font != font {
            self.ctx.set_font(&font);
            self.font = font;
        }
        self.set_fill(color);
        self.ctx
            .fill_text(text, pos.0 as f64, pos.1 as f64)
            .map_err(err)
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        // Measured in the asked font, then the context is back in the font the cache says
        // it has: the next draw_text in that font skips setting it.
        let font = font_of(style);
        self.ctx.set_font(&font);
        let m = self.ctx.measure_text(text);
        if !self.font.is_empty() && self.font != font {
            self.ctx.set_font(&self.font);
        }
        let m = m.map_err(err)?;
        Ok((m.width().ceil() as u32, style.size().ceil() as u32))
    }
}
