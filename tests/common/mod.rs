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

/// The story's data with a span added for the tests (made up: "2020-01" … "2020-09",
/// labelled as a test, citing the story's first source) in the monthly and history
/// views, a made-up point in the history view, and a made-up credit line.
/// data/kp-cn.json itself carries no invented event.
pub fn story_with_span_json() -> String {
    story_with_span(|_| {}).to_string()
}

/// [`story_with_span_json`] as a JSON tree, changed by `edit` (a test's own variant).
pub fn story_with_span(edit: impl FnOnce(&mut serde_json::Value)) -> serde_json::Value {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../data/kp-cn.json")).unwrap();
    let source = v["sources"][0]["id"].clone();
    v["annotations"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "test-span",
            "period": "2020-01",
            "to": "2020-09",
            "label": {"en": "Test span", "ko": "시험 구간", "zh": "测试区间"},
            "text": {
                "en": "A span made up for the tests.",
                "ko": "시험용으로 만든 구간입니다.",
                "zh": "为测试编造的区间。"
            },
            "sources": [source]
        }));
    // A point near the history's highest figures, where a label beside the line would
    // run over the line and its markers at narrow widths.
    v["annotations"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "test-point",
            "period": "2012-06",
            "label": {"en": "Test point", "ko": "시험 지점", "zh": "测试点"},
            "text": {
                "en": "A point made up for the tests.",
                "ko": "시험용으로 만든 지점입니다.",
                "zh": "为测试编造的时间点。"
            },
            "sources": [source]
        }));
    for view in v["views"].as_array_mut().unwrap() {
        let id = view["id"].as_str().map(str::to_string);
        let list = view.get_mut("annotations").and_then(|l| l.as_array_mut());
        match (id.as_deref(), list) {
            (Some("monthly"), Some(list)) => list.push("test-span".into()),
            (Some("history"), Some(list)) => {
                list.push("test-span".into());
                list.push("test-point".into());
            }
            _ => {}
        }
    }
    v["credit"] = serde_json::json!({
        "en": "Chart: Test Desk",
        "ko": "차트: 시험 데스크",
        "zh": "图表：测试编辑部"
    });
    edit(&mut v);
    v
}

/// [`story_with_span_json`] as a chart of `view` in `lang`, `width` px wide at its
/// preferred height.
pub fn span_chart(view: &str, lang: &str, width: f64) -> DatasetChart {
    let ds = Dataset::from_json(&story_with_span_json()).unwrap();
    let mut c = DatasetChart::new(ds, &Options::new(Some(view), Some(lang))).unwrap();
    c.resize(width, DatasetChart::preferred_height(width))
        .unwrap();
    c
}
