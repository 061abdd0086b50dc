//! Shared test helpers: the default chart at a size, and a DrawingBackend that records.
#![allow(dead_code)]

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use trade_chart::scene::Mark;
use trade_chart::{Dataset, DatasetChart, Options, Scene};

pub fn chart(view: &str, width: f64, height: f64) -> DatasetChart {
    let ds = Dataset::default_dataset().unwrap();
    let mut c = DatasetChart::new(ds, &Options::new(Some(view), None)).unwrap();
    c.resize(width, height).unwrap();
    c
}

/// Every text mark of a scene, in drawing order.
pub fn texts(scene: &Scene) -> Vec<&str> {
    scene
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

pub const VIEWS: [&str; 5] = ["collapse", "monthly", "balance", "products", "history"];
pub const WIDTHS: [f64; 6] = [320.0, 360.0, 480.0, 768.0, 1024.0, 1200.0];

/// One recorded drawing call, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Rect {
        a: BackendCoord,
        b: BackendCoord,
        rgb: (u8, u8, u8),
        fill: bool,
    },
    Line {
        a: BackendCoord,
        b: BackendCoord,
        rgb: (u8, u8, u8),
        width: u32,
    },
    Path {
        points: Vec<BackendCoord>,
        rgb: (u8, u8, u8),
    },
    Circle {
        c: BackendCoord,
        r: u32,
        rgb: (u8, u8, u8),
    },
    Polygon {
        points: Vec<BackendCoord>,
        rgb: (u8, u8, u8),
    },
    Text {
        text: String,
        at: BackendCoord,
        size: f64,
    },
}

/// A backend that records calls (like plotters' mocked backend), so tests can assert
/// on what a canvas would have been asked to draw.
pub struct Recorder {
    pub size: (u32, u32),
    pub ops: Vec<Op>,
    pub presented: bool,
}

impl Recorder {
    pub fn new(w: u32, h: u32) -> Self {
        Recorder {
            size: (w, h),
            ops: Vec::new(),
            presented: false,
        }
    }
    pub fn texts(&self) -> Vec<&str> {
        self.ops
            .iter()
            .filter_map(|o| {
                if let Op::Text { text, .. } = o {
                    Some(text.as_str())
                } else {
                    None
                }
            })
            .collect()
    }
    /// Every coordinate the recorder saw.
    pub fn points(&self) -> Vec<BackendCoord> {
        let mut out = Vec::new();
        for o in &self.ops {
            match o {
                Op::Rect { a, b, .. } | Op::Line { a, b, .. } => out.extend([*a, *b]),
                Op::Path { points, .. } | Op::Polygon { points, .. } => {
                    out.extend(points.iter().copied())
                }
                Op::Circle { c, .. } => out.push(*c),
                Op::Text { at, .. } => out.push(*at),
            }
        }
        out
    }
}

#[derive(Debug)]
pub struct Never;
impl std::fmt::Display for Never {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("never")
    }
}
impl std::error::Error for Never {}

impl DrawingBackend for Recorder {
    type ErrorType = Never;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Never>> {
        self.presented = true;
        Ok(())
    }
    fn draw_pixel(
        &mut self,
        _: BackendCoord,
        _: BackendColor,
    ) -> Result<(), DrawingErrorKind<Never>> {
        panic!("draw_pixel: text or shapes fell back to pixels");
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Line {
            a,
            b,
            rgb: s.color().rgb,
            width: s.stroke_width(),
        });
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Rect {
            a,
            b,
            rgb: s.color().rgb,
            fill,
        });
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Path {
            points: path.into_iter().collect(),
            rgb: s.color().rgb,
        });
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Circle {
            c,
            r,
            rgb: s.color().rgb,
        });
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Polygon {
            points: path.into_iter().collect(),
            rgb: s.color().rgb,
        });
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        at: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Never>> {
        self.ops.push(Op::Text {
            text: text.to_string(),
            at,
            size: style.size(),
        });
        Ok(())
    }
}
