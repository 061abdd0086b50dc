//! The SVG export's plotters backend: what plotters' own `SVGBackend` (plotters-svg 0.3.7)
//! writes for the calls `render::draw` makes, element for element and byte for byte
//! (`tests/golden/*.svg` were written by it), through the same `DrawingBackend` trait as
//! the canvas. Ours because plotters' writes its two fractional numbers (an opacity, a
//! font size) with core's float `Display`, which brings core's float formatting (about
//! 16 KB of the reader's wasm) for nothing else: here they go through serde_json's
//! shortest round-trip writer (ryu), which the wasm already holds for its JSON, in
//! `Display`'s notation.

use std::fmt::{self, Write as _};

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};

/// An SVG document being written; [`Svg::finish`] gives it.
pub struct Svg {
    out: String,
    size: (u32, u32),
}

type Drawn = Result<(), DrawingErrorKind<fmt::Error>>;

impl Svg {
    /// A document `size` px wide and high.
    pub fn new(size: (u32, u32)) -> Svg {
        let (w, h) = size;
        let mut out = String::new();
        // (no attribute value here needs escaping)
        let _ = writeln!(
            out,
            "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">"
        );
        Svg { out, size }
    }

    /// The document, closed.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }

    /// `<tag a="v" …/>`, values escaped.
    fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: Option<&str>) {
        let o = &mut self.out;
        o.push('<');
        o.push_str(tag);
        for (k, v) in attrs {
            o.push(' ');
            o.push_str(k);
            o.push_str("=\"");
            escape(o, v);
            o.push('"');
        }
        match text {
            None => o.push_str("/>\n"),
            Some(t) => {
                o.push_str(">\n");
                escape(o, t);
                o.push_str("\n</");
                o.push_str(tag);
                o.push_str(">\n");
            }
        }
    }
}

fn escape(o: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c => o.push(c),
        }
    }
}

fn hex(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    let mut s = String::with_capacity(7);
    s.push('#');
    for v in [r, g, b] {
        for d in [v >> 4, v & 15] {
            if let Some(&h) = b"0123456789ABCDEF".get(usize::from(d)) {
                s.push(char::from(h));
            }
        }
    }
    s
}

impl DrawingBackend for Svg {
    type ErrorType = fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        Ok(())
    }

    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Drawn {
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (p.0.to_string(), p.1.to_string());
        let (op, fill) = (crate::text::format::plain(c.alpha), hex(c));
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", "1"),
                ("height", "1"),
                ("stroke", "none"),
                ("opacity", &op),
                ("fill", &fill),
            ],
            None,
        );
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let [x1, y1, x2, y2] = [a.0, a.1, b.0, b.1].map(|v| v.to_string());
        self.element(
            "line",
            &[
                ("opacity", &crate::text::format::plain(c.alpha)),
                ("stroke", &hex(c)),
                ("stroke-width", &s.stroke_width().to_string()),
                ("x1", &x1),
                ("y1", &y1),
                ("x2", &x2),
                ("y2", &y2),
            ],
            None,
        );
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (fill, stroke) = if fill {
            (hex(c), "none".to_string())
        } else {
            ("none".to_string(), hex(c))
        };
        let [x, y, w, h] = [a.0, a.1, b.0 - a.0, b.1 - a.1].map(|v| v.to_string());
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", &w),
                ("height", &h),
                ("opacity", &crate::text::format::plain(c.alpha)),
                ("fill", &fill),
                ("stroke", &stroke),
            ],
            None,
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.element(
            "polyline",
            &[
                ("fill", "none"),
                ("opacity", &crate::text::format::plain(c.alpha)),
                ("stroke", &hex(c)),
                ("stroke-width", &s.stroke_width().to_string()),
                ("points", &points(path)),
            ],
            None,
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.element(
            "polygon",
            &[
                ("opacity", &crate::text::format::plain(c.alpha)),
                ("fill", &hex(c)),
                ("points", &points(path)),
            ],
            None,
        );
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        r: u32,
        s: &S,
        fill: bool,
    ) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let (stroke, fill) = if fill {
            ("none".to_string(), hex(c))
        } else {
            (hex(c), "none".to_string())
        };
        let [cx, cy] = [center.0, center.1].map(|v| v.to_string());
        self.element(
            "circle",
            &[
                ("cx", &cx),
                ("cy", &cy),
                ("r", &r.to_string()),
                ("opacity", &crate::text::format::plain(c.alpha)),
                ("fill", &fill),
                ("stroke", &stroke),
                ("stroke-width", &s.stroke_width().to_string()),
            ],
            None,
        );
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, s: &T, pos: BackendCoord) -> Drawn {
        let c = s.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match s.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match s.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let family = s.family();
        let [x, y] = [pos.0, pos.1].map(|v| v.to_string());
        let (size, op, fill) = (
            crate::text::format::plain(s.size() / 1.24),
            crate::text::format::plain(c.alpha),
            hex(c),
        );
        let mut attrs = vec![
            ("x", x.as_str()),
            ("y", &y),
            ("dy", dy),
            ("text-anchor", anchor),
            ("font-family", family.as_str()),
            ("font-size", &size),
            ("opacity", &op),
            ("fill", &fill),
        ];
        // render::draw writes normal and bold upright text only
        if let FontStyle::Bold = s.style() {
            attrs.push(("font-weight", "bold"));
        }
        self.element("text", &attrs, Some(text));
        Ok(())
    }
}

fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut s = String::new();
    for (x, y) in path {
        let _ = write!(s, "{x},{y} ");
    }
    s
}
