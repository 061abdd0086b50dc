//! Draws a [`Scene`] on any plotters `DrawingBackend` (canvas in the browser, SVG or a
//! recorder in tests). The only module that knows plotters.

pub mod svg_backend;

use plotters::backend::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{RGBAColor, ShapeStyle};
use plotters_backend::{BackendColor, BackendTextStyle, DrawingErrorKind, FontFamily, FontStyle};

use crate::scene::{HAlign, Mark, Rgba, Scene, Shape, VAlign};

/// The font stack for every label.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

fn color(c: Rgba) -> RGBAColor {
    RGBAColor(c.0, c.1, c.2, c.3)
}

fn style(c: Rgba, filled: bool, width: f64) -> ShapeStyle {
    ShapeStyle {
        color: color(c),
        filled,
        stroke_width: (width.round() as u32).max(1),
    }
}

/// A label's text style, as every backend here reads it (family, size, weight, colour,
/// anchor). Not plotters' `TextStyle`: its fonts measure text themselves, which in the wasm
/// means plotters' web font code (a DOM span per measurement, a `style` attribute, core's
/// float formatting); our backends measure and draw text on their own and never ask.
struct Label {
    size: f64,
    bold: bool,
    color: BackendColor,
    anchor: Pos,
}

impl BackendTextStyle for Label {
    type FontError = std::fmt::Error;
    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT_FAMILY)
    }
    fn layout_box(&self, _: &str) -> Result<((i32, i32), (i32, i32)), std::fmt::Error> {
        Err(std::fmt::Error) // no backend of ours asks: each measures its own text
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: (i32, i32),
        _: F,
    ) -> Result<Result<(), E>, std::fmt::Error> {
        Err(std::fmt::Error) // each backend draws its own text
    }
}

/// Device pixels per CSS pixel as drawn: the page's `devicePixelRatio` up to 4 (a
/// backing store beyond that only costs memory), 1 when it is not a positive number.
pub fn device_ratio(dpr: f64) -> f64 {
    if dpr.is_finite() && dpr > 0.0 {
        dpr.min(4.0)
    } else {
        1.0
    }
}

/// `scene` as an SVG document (`svg.rs`, a plotters backend: the same drawing code as the
/// canvas).
pub fn svg(scene: &Scene) -> crate::Result<String> {
    let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
    let mut backend = crate::render::svg_backend::Svg::new(size);
    draw(&mut backend, scene, 1.0)
        .map_err(|e| crate::Error::at(crate::error::ErrorKind::Render, "svg", e.to_string()))?;
    Ok(backend.finish())
}

/// Draws `scene` scaled by `dpr` (device pixels per CSS pixel).
pub fn draw<DB: DrawingBackend>(
    backend: &mut DB,
    scene: &Scene,
    dpr: f64,
) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
    let k = device_ratio(dpr);
    let p = |x: f64, y: f64| ((x * k).round() as i32, (y * k).round() as i32);
    backend.ensure_prepared()?;
    for m in &scene.marks {
        match m {
            Mark::Rect { r, fill } => {
                backend.draw_rect(p(r.x0, r.y0), p(r.x1, r.y1), &style(*fill, true, 1.0), true)?;
            }
            Mark::Frame { r, stroke } => {
                backend.draw_rect(
                    p(r.x0, r.y0),
                    p(r.x1, r.y1),
                    &style(*stroke, false, k),
                    false,
                )?;
            }
            Mark::Line {
                a,
                b,
                stroke,
                width,
                dash,
            } => {
                let s = style(*stroke, false, width * k);
                if *dash {
                    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                    let len = (dx * dx + dy * dy).sqrt();
                    let (on, period) = (4.0, 7.0);
                    let mut t = 0.0;
                    // Non-finite or absurdly long lines are skipped, never looped over.
                    let len = if len.is_finite() && len / period < 20_000.0 {
                        len
                    } else {
                        0.0
                    };
                    while t < len {
                        let t1 = (t + on).min(len);
                        let (f0, f1) = (t / len, t1 / len);
                        backend.draw_line(
                            p(a.0 + dx * f0, a.1 + dy * f0),
                            p(a.0 + dx * f1, a.1 + dy * f1),
                            &s,
                        )?;
                        t += period;
                    }
                } else {
                    backend.draw_line(p(a.0, a.1), p(b.0, b.1), &s)?;
                }
            }
            Mark::Path {
                points,
                stroke,
                width,
            } => {
                backend.draw_path(
                    points.iter().map(|&(x, y)| p(x, y)),
                    &style(*stroke, false, width * k),
                )?;
            }
            Mark::Marker {
                at,
                r,
                shape,
                color: c,
                hollow,
            } => {
                // Hollow markers (derived figures, claims) are outlined, two pixels wide.
                let s = if *hollow {
                    style(*c, false, 2.0 * k)
                } else {
                    style(*c, true, 1.0)
                };
                let (x, y, r) = (at.0, at.1, *r);
                let poly: Vec<(i32, i32)> = match shape {
                    Shape::Circle => {
                        backend.draw_circle(p(x, y), (r * k).round() as u32, &s, !*hollow)?;
                        continue;
                    }
                    Shape::Square => {
                        let q = r * 0.9;
                        vec![
                            p(x - q, y - q),
                            p(x + q, y - q),
                            p(x + q, y + q),
                            p(x - q, y + q),
                        ]
                    }
                    Shape::Triangle => vec![
                        p(x, y - r * 1.15),
                        p(x + r * 1.1, y + r * 0.8),
                        p(x - r * 1.1, y + r * 0.8),
                    ],
                    Shape::Diamond => vec![
                        p(x, y - r * 1.25),
                        p(x + r * 1.1, y),
                        p(x, y + r * 1.25),
                        p(x - r * 1.1, y),
                    ],
                    Shape::TriangleDown => vec![
                        p(x, y + r * 1.15),
                        p(x + r * 1.1, y - r * 0.8),
                        p(x - r * 1.1, y - r * 0.8),
                    ],
                };
                match (*hollow, poly.first().copied()) {
                    (true, Some(first)) => {
                        backend.draw_path(poly.into_iter().chain(std::iter::once(first)), &s)?
                    }
                    _ => backend.fill_polygon(poly, &s)?,
                }
            }
            Mark::Text {
                at,
                text,
                size,
                color: c,
                h,
                v,
                bold,
            } => {
                let anchor = Pos::new(
                    match h {
                        HAlign::Left => HPos::Left,
                        HAlign::Center => HPos::Center,
                        HAlign::Right => HPos::Right,
                    },
                    match v {
                        VAlign::Top => VPos::Top,
                        VAlign::Middle => VPos::Center,
                        VAlign::Bottom => VPos::Bottom,
                    },
                );
                let c = color(*c);
                let ts = Label {
                    size: size * k,
                    bold: *bold,
                    color: BackendColor {
                        alpha: c.3,
                        rgb: (c.0, c.1, c.2),
                    },
                    anchor,
                };
                backend.draw_text(text, &ts, p(at.0, at.1))?;
            }
        }
    }
    backend.present()?;
    Ok(())
}
