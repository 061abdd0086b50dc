//! Annotations on a time axis: a span's band behind the marks, a point's dashed line in
//! front of them, and each one's label placed where it covers no mark and no other label.
//! A label that fits nowhere is left out (as crowded group labels are) and a small
//! numbered key is drawn in its place; the scene lists those (`Scene::keyed`), so a
//! picture can name them under the chart, and hover, focus and the data table name them
//! in the live chart.

use std::ops::Range;

use crate::scene::axis::text;
use crate::scene::layout::{text_width, Rect, FONT};
use crate::scene::marks::{HAlign, Item, Mark, Shape, Target, VAlign};
use crate::scene::theme::{Rgba, Theme};

/// One annotation the view shows, on the plot's x axis.
pub(crate) struct Note<'a> {
    /// Its index in `Dataset::annotations`.
    pub index: usize,
    /// Its label in the reader's language.
    pub label: &'a str,
    /// A point's x (`x0 == x1`), or a span's band clipped to the plot.
    pub x0: f64,
    /// See `x0`.
    pub x1: f64,
    /// A span (a band), not a point (a line).
    pub span: bool,
}

/// How far a label stands off its line or its band's edge, and off anything else, in px.
const GAP: f64 = 4.0;
/// A key's radius, in px.
const KEY_R: f64 = 7.0;
/// The most annotations of a view given a label or a key.
const MOST_LABELS: usize = 40;

/// A span's band's opacity on a light background and on a dark one, where the same alpha
/// shows less. The published picture is drawn in the light theme's and its stylesheet
/// gives the band the theme's (`--tcp-band-opacity`, `www/trade-chart.css`).
pub(crate) const BAND_OPACITY: [f64; 2] = [0.1, 0.16];

/// A span's band: the muted colour, faint, so it reads as a period behind the data in
/// either theme ([`BAND_OPACITY`]; the published picture maps its colour to the page's
/// `--tc-muted` and its opacity to the theme's).
pub(crate) fn band_fill(theme: &Theme) -> Rgba {
    let [on_light, on_dark] = BAND_OPACITY;
    let dark = theme.bg.rough_luminance() < 0.2;
    theme.muted.alpha(if dark { on_dark } else { on_light })
}

/// The spans' bands (`spans`: drawn before the data, so bars and lines stay on top) or
/// the points' dashed lines (drawn after it), from the plot's top to its bottom; returns
/// where they are in `marks` (the labels keep clear of the lines as their own
/// annotations'). One function for both: the reader's wasm carries one loop.
pub(crate) fn draw(
    marks: &mut Vec<Mark>,
    notes: &[Note<'_>],
    plot: Rect,
    theme: &Theme,
    spans: bool,
) -> Range<usize> {
    let from = marks.len();
    for n in notes.iter().filter(|n| n.span == spans) {
        marks.push(if spans {
            Mark::Rect {
                r: Rect::new(n.x0, plot.y0, n.x1, plot.y1),
                fill: band_fill(theme),
            }
        } else {
            Mark::Line {
                a: (n.x0, plot.y0),
                b: (n.x0, plot.y1),
                stroke: theme.fg,
                width: 1.0,
                dash: true,
            }
        });
    }
    from..marks.len()
}

/// Whether two boxes overlap.
fn meet(a: &Rect, b: &Rect) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

/// The box a mark covers, for the labels to keep clear of (a line: the box around it,
/// which for a slanting segment of a line chart is more than it covers, never less; a
/// text: by the same width estimate the layout uses everywhere); `None` for what a label
/// may lie over (a filled box as large as the plot: the background; a bar's frame, whose
/// bar is drawn too; a path, which a dataset's scene does not draw).
fn obstacle(m: &Mark, plot: &Rect) -> Option<Rect> {
    // (Each case as a centre's offsets: one `Rect::new` for all, a small wasm.)
    let (x0, y0, x1, y1) = match *m {
        Mark::Rect { r, .. } if !r.encloses(plot) => (r.x0, r.y0, r.x1, r.y1),
        Mark::Line { a, b, width, .. } => {
            let hw = width / 2.0;
            (
                a.0.min(b.0) - hw,
                a.1.min(b.1) - hw,
                a.0.max(b.0) + hw,
                a.1.max(b.1) + hw,
            )
        }
        Mark::Marker { at, r, shape, .. } => {
            // A circle is as wide as its radius says; the other shapes reach 1.25 × it.
            let e = r * if shape == Shape::Circle { 1.0 } else { 1.25 } + 1.0;
            (at.0 - e, at.1 - e, at.0 + e, at.1 + e)
        }
        Mark::Text {
            at,
            ref text,
            size,
            h,
            v,
            ..
        } => {
            // Left, Center, Right and Top, Middle, Bottom: 0, ½ and all of the box before `at`.
            let w = text_width(text, size);
            let x0 = at.0 - w * f64::from(h as u8) / 2.0;
            let y0 = at.1 - size * f64::from(v as u8) / 2.0;
            (x0, y0, x0 + w, y0 + size)
        }
        _ => return None,
    };
    Some(Rect::new(x0, y0, x1, y1))
}

/// The labels of `notes` (sorted by `x0`; the points' first, then the spans'), each at the
/// first place that is inside the plot
/// across, on the canvas, and clear by [`GAP`] of every mark from `marks[from..]`, of the
/// other annotations' lines (`lines`, in `marks`: see [`draw`]) and of the labels placed
/// before it. The places, in turn: today's row under the plot's top, the row
/// above the plot, then rows down into the plot's upper half; on each row, for a point,
/// right of its line then left of it; for a span, inside its band from the left, inside
/// from the right, right of the band, left of it. A label that fits nowhere gets a numbered
/// key instead, placed the same way on its line or band (numbered as placed: points', then
/// spans', each in time order); returns the annotations keyed, in number order.
///
/// Then each annotation's keyboard and pointer item in each of `rows`: its mark is its
/// line or band; the pointer finds it over the strip at the top of the plot where labels
/// sit (on its line or across its band) and over its label or key, wherever that was
/// placed, so hovering the figures below still finds the figures.
#[allow(clippy::too_many_arguments)]
pub(crate) fn labels(
    marks: &mut Vec<Mark>,
    items: &mut Vec<Item>,
    from: usize,
    lines: Range<usize>,
    notes: &[Note<'_>],
    plot: Rect,
    theme: &Theme,
    rows: &[usize],
) -> Vec<usize> {
    // Each note's items, one per row (at `first + k * rows.len()` for note k): its line or
    // band, found over the strip at the plot's top; its label's or key's box is added to
    // the hit box once placed.
    let first = items.len();
    for n in notes {
        let (w, pad) = if n.span { (0.0, 0.0) } else { (1.0, GAP) };
        let mark = Rect::new(n.x0 - w, plot.y0, n.x1 + w, plot.y1);
        let hit = Rect::new(n.x0 - pad, plot.y0, n.x1 + pad, plot.y0 + FONT + 6.0);
        items.extend(rows.iter().map(|&row| Item {
            target: Target::Annotation(n.index),
            row,
            hit,
            mark,
        }));
    }
    // Obstacles, each with the annotation it belongs to (its key may sit on its own line;
    // `usize::MAX`: none).
    let mut obstacles: Vec<(Rect, usize)> = Vec::new();
    // (Only what reaches the rows below: the lower part of the plot, a bar's texture
    // there, cannot meet a label.)
    let below = plot.y0 + plot.h() * 0.6 + GAP;
    for (i, m) in marks.iter().enumerate().skip(from) {
        if let (false, Some(o)) = (lines.contains(&i), obstacle(m, &plot)) {
            if o.y0 < below {
                obstacles.push((o, usize::MAX));
            }
        }
    }
    for n in notes {
        if !n.span {
            let line = Rect::new(n.x0 - 0.5, plot.y0, n.x0 + 0.5, plot.y1);
            obstacles.push((line, n.index));
        }
    }
    // The rows: under the plot's top, above the plot, then down to 60 % of its height.
    let places = 2 + ((plot.h() * 0.6 - FONT - 1.0) / (FONT + GAP)).clamp(0.0, 24.0) as usize;
    let row_y = |r: usize| match r {
        0 => plot.y0 + 1.0,
        1 => plot.y0 - FONT - GAP,
        _ => plot.y0 + 1.0 + (r - 1) as f64 * (FONT + GAP),
    };
    let free = |r: &Rect, own: usize, obstacles: &[(Rect, usize)]| {
        let inflated = Rect::new(r.x0 - GAP, r.y0 - GAP / 2.0, r.x1 + GAP, r.y1 + GAP / 2.0);
        r.x0 >= plot.x0 - 0.5
            && r.x1 <= plot.x1 + 0.5
            && r.y0 >= 0.0
            && !(obstacles.iter()).any(|(o, by)| *by != own && meet(o, &inflated))
    };
    let mut keyed = Vec::new();
    // The first MOST_LABELS in time order: more would not be read (and a dataset may list
    // thousands), the others are drawn without label or key.
    let (len, labels_at) = (notes.len().min(MOST_LABELS), places * 4);
    // Points first (a point's label has two places on a row, a span's four), then spans:
    // one pass over the notes twice. (Flat loops: the wasm is built at opt-level 3, and
    // nested loops over small arrays are unrolled into copies.)
    for t in 0..2 * len {
        let Some(n) = notes.get(t % len).filter(|n| n.span == (t >= len)) else {
            continue;
        };
        let w = text_width(n.label, FONT);
        // The label's places, row by row, then the key's (on its line or band, or, last,
        // beside its line).
        for c in 0..places * 7 {
            let key = c >= labels_at;
            let (row, slot) = if key {
                ((c - labels_at) / 3, (c - labels_at) % 3 + 4)
            } else {
                (c / 4, c % 4)
            };
            let places = [
                n.x0 + GAP,
                n.x1 - GAP,
                n.x1 + GAP,
                n.x0 - GAP,
                (n.x0 + n.x1) / 2.0,
                n.x0 + KEY_R + 2.0,
                n.x1 - KEY_R - 2.0,
            ];
            let (y, Some(&x)) = (row_y(row), places.get(slot)) else {
                continue;
            };
            let h = if slot % 2 == 0 {
                HAlign::Left
            } else {
                HAlign::Right
            };
            let r = match (key, h) {
                (true, _) => Rect::new(x - KEY_R, y - 1.0, x + KEY_R, y - 1.0 + 2.0 * KEY_R),
                (false, HAlign::Left) => Rect::new(x, y, x + w, y + FONT),
                (false, _) => Rect::new(x - w, y, x, y + FONT),
            };
            if (!key && w <= 0.0) || !free(&r, n.index, &obstacles) {
                continue;
            }
            obstacles.push((r, n.index));
            let per = rows.len();
            for it in items.iter_mut().skip(first + t % len * per).take(per) {
                let h = it.hit;
                it.hit = Rect::new(
                    h.x0.min(r.x0),
                    h.y0.min(r.y0),
                    h.x1.max(r.x1),
                    h.y1.max(r.y1),
                );
            }
            if key {
                keyed.push(n.index);
                key_mark(marks, (x, y + KEY_R - 1.0), keyed.len(), theme);
            } else {
                marks.push(text((x, y), n.label, theme.fg, h, VAlign::Top));
            }
            break;
        }
    }
    keyed
}

/// Key number `k` in a ring centred at `c`, on the background: in the plot where a label
/// was left out, and before its label under an exported picture.
pub(crate) fn key_mark(marks: &mut Vec<Mark>, c: (f64, f64), k: usize, theme: &Theme) {
    marks.push(Mark::Marker {
        at: c,
        r: KEY_R,
        shape: Shape::Circle,
        color: theme.bg,
        hollow: false,
    });
    marks.push(Mark::Marker {
        at: c,
        r: KEY_R - 1.0,
        shape: Shape::Circle,
        color: theme.fg,
        hollow: true,
    });
    marks.push(Mark::Text {
        at: c,
        text: k.to_string(),
        size: 10.0,
        color: theme.fg,
        h: HAlign::Center,
        v: VAlign::Middle,
        bold: true,
    });
}
