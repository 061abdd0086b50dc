//! The marks a scene is made of (rectangles, lines, points, texts in CSS px), the data
//! items' hit boxes, and the scene itself: what the layout makes and `render` draws.

use crate::data::{Dataset, Direction, ObsRef};
use crate::scene::layout::Rect;
use crate::scene::theme::{Rgba, Theme};
use crate::select::Selection;
use crate::Lang;

/// How a bar is filled, so series differ by more than colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texture {
    /// Plain fill.
    Solid,
    /// Fill with light horizontal stripes.
    Stripes,
    /// Fill with light dots.
    Dots,
}

impl Texture {
    /// The texture of the `k`-th series of a view.
    pub fn for_slot(k: usize) -> Texture {
        match k % 3 {
            0 => Texture::Solid,
            1 => Texture::Stripes,
            _ => Texture::Dots,
        }
    }

    /// The name the shell uses for the legend swatch.
    pub fn name(self) -> &'static str {
        match self {
            Texture::Solid => "solid",
            Texture::Stripes => "stripes",
            Texture::Dots => "dots",
        }
    }
}

/// Marker shapes. On line views a figure's marker shows its basis ([`Shape::for_basis`],
/// which cycles through the first four); claims are diamonds, and a bar whose figure is
/// "more than" carries a triangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// ●
    Circle,
    /// ■
    Square,
    /// ▲
    Triangle,
    /// ◆
    Diamond,
    /// ▼ (drawable, but nothing in this version chooses it)
    TriangleDown,
}

impl Shape {
    /// The shape for basis number `i`.
    pub fn for_basis(i: usize) -> Shape {
        match i % 4 {
            0 => Shape::Circle,
            1 => Shape::Square,
            2 => Shape::Triangle,
            _ => Shape::Diamond,
        }
    }
}

/// Horizontal text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    /// Text starts at x.
    Left,
    /// Text is centred on x.
    Center,
    /// Text ends at x.
    Right,
}

/// Vertical text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    /// Top of the text at y.
    Top,
    /// Middle at y.
    Middle,
    /// Bottom at y.
    Bottom,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A filled box.
    Rect {
        /// The box in CSS px, filled edge to edge (no outline).
        r: Rect,
        /// Fill colour; its alpha is kept (a derived figure's bar is its series colour at 0.18).
        fill: Rgba,
    },
    /// A box outline.
    Frame {
        /// The box in CSS px whose edges are stroked.
        r: Rect,
        /// Outline colour; the outline is 1 CSS px wide.
        stroke: Rgba,
    },
    /// A straight line, optionally dashed.
    Line {
        /// Start point (x, y) in CSS px; a dashed line's first dash starts here.
        a: (f64, f64),
        /// End point (x, y) in CSS px.
        b: (f64, f64),
        /// Line colour (alpha kept).
        stroke: Rgba,
        /// Width in CSS px.
        width: f64,
        /// Drawn as 4 CSS px dashes with 3 px gaps: annotations, claim leaders, the change
        /// line, and a line segment where the basis changes.
        dash: bool,
    },
    /// A polyline.
    Path {
        /// Vertices (x, y) in CSS px, joined in order; the path is not closed.
        points: Vec<(f64, f64)>,
        /// Line colour (alpha kept).
        stroke: Rgba,
        /// Width in CSS px.
        width: f64,
    },
    /// A data marker.
    Marker {
        /// Centre (x, y) in CSS px.
        at: (f64, f64),
        /// Radius in CSS px (4 for a figure, 5.5 for a claim, 3.5 for the "more than" cap);
        /// squares, triangles and diamonds are sized from it.
        r: f64,
        /// The glyph (on line views, the figure's basis: see [`Shape`]).
        shape: Shape,
        /// Fill colour, or the outline's when `hollow`.
        color: Rgba,
        /// Outline only, 2 CSS px wide: derived figures and claims.
        hollow: bool,
    },
    /// A label.
    Text {
        /// Anchor point (x, y) in CSS px; `h` and `v` say which point of the text sits here.
        at: (f64, f64),
        /// One line of text, drawn as is (callers wrap long text before making marks).
        text: String,
        /// Size in CSS px.
        size: f64,
        /// Text colour (alpha kept).
        color: Rgba,
        /// Horizontal anchor.
        h: HAlign,
        /// Vertical anchor.
        v: VAlign,
        /// Bold weight (value labels, the change, claim labels, export titles); else normal.
        bold: bool,
    },
}

/// What a data item on screen stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An observation.
    Obs(ObsRef),
    /// A story's claim (index into `Dataset::claims`), drawn against the data.
    Claim(usize),
    /// An annotation (index into `Dataset::annotations`): an event or a span of time. It
    /// is an item in every series' row, where its time falls among the figures.
    Annotation(usize),
}

/// A data item on screen: what it is and where a pointer finds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What it stands for.
    pub target: Target,
    /// Keyboard row: the series' place in the view (claims come after the series).
    pub row: usize,
    /// Pointer target (a column through the item, so small bars are easy to hit).
    pub hit: Rect,
    /// The drawn mark's box, for the highlight.
    pub mark: Rect,
}

/// Everything drawn for one view at one size.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    /// CSS width.
    pub width: f64,
    /// CSS height.
    pub height: f64,
    /// The plot area (inside the axes).
    pub plot: Rect,
    /// Marks in paint order.
    pub marks: Vec<Mark>,
    /// Data items in reading order: row by row, left to right.
    pub items: Vec<Item>,
    /// The annotations (indices into `Dataset::annotations`) whose label did not fit and
    /// that are drawn as numbered keys instead, key 1 first.
    pub keyed: Vec<usize>,
}

impl Item {
    /// The observation, if the item is one.
    pub fn obs(&self) -> Option<ObsRef> {
        match self.target {
            Target::Obs(r) => Some(r),
            Target::Claim(_) | Target::Annotation(_) => None,
        }
    }

    /// Where the item stands in its row's reading order: the middle of its mark, but an
    /// annotation's left edge (a point's line, a span's start), so a reader meets the event
    /// before the figures of its period and a span where it begins.
    pub fn reading_x(&self) -> f64 {
        match self.target {
            Target::Annotation(_) => self.mark.x0,
            _ => self.mark.cx(),
        }
    }
}

/// A filled box in a series' colour and texture (light stripes or dots in `bg` over the
/// fill): a bar, or a legend swatch in an exported picture.
pub(crate) fn textured(marks: &mut Vec<Mark>, r: Rect, color: Rgba, texture: Texture, bg: Rgba) {
    marks.push(Mark::Rect { r, fill: color });
    match texture {
        Texture::Solid => {}
        Texture::Stripes => {
            let mut y = r.y1 - 3.0;
            while y > r.y0 + 1.0 && r.w() > 3.0 {
                marks.push(Mark::Line {
                    a: (r.x0 + 1.0, y),
                    b: (r.x1 - 1.0, y),
                    stroke: bg.alpha(0.7),
                    width: 1.0,
                    dash: false,
                });
                y -= 4.0;
            }
        }
        Texture::Dots => {
            let mut y = r.y1 - 3.0;
            let mut row = 0;
            while y > r.y0 + 2.0 && r.w() > 4.0 {
                let mut x = r.x0 + if row % 2 == 0 { 2.5 } else { 5.0 };
                while x < r.x1 - 1.5 {
                    marks.push(Mark::Rect {
                        r: Rect::new(x - 0.75, y - 0.75, x + 0.75, y + 0.75),
                        fill: bg.alpha(0.8),
                    });
                    x += 5.0;
                }
                y -= 4.0;
                row += 1;
            }
        }
    }
}

/// A series' colour follows its direction of trade, so a flow keeps its colour across
/// views: two-way, the first partner's exports, the second partner's.
pub fn series_color(theme: &Theme, d: Direction) -> Rgba {
    match d {
        Direction::TwoWay => theme.series[0],
        Direction::Flow { from: 0, .. } => theme.series[1],
        Direction::Flow { .. } => theme.series[2],
    }
}

/// What to lay out (a view's selection of the data) and how big.
pub struct SceneInput<'a> {
    /// The checked dataset the view belongs to.
    pub ds: &'a Dataset,
    /// What the view shows.
    pub sel: &'a Selection,
    /// CSS width.
    pub width: f64,
    /// CSS height.
    pub height: f64,
    /// The palette: the page's colours once `set_theme` has run, else `Theme::light()`.
    pub theme: &'a Theme,
    /// The language of every label and number drawn.
    pub lang: Lang,
}
