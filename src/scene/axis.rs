//! The axes both chart kinds draw: the plot box beside the tick labels, the y grid and
//! labels, the baseline.

use crate::scene::layout::{self, text_width, Rect, FONT};
use crate::scene::marks::{HAlign, Mark, VAlign};
use crate::scene::scale::Linear;
use crate::scene::theme::{Rgba, Theme};

/// About one y tick per 55 px, two to six.
pub(crate) fn tick_target(height: f64) -> usize {
    ((height - 60.0) / 55.0).clamp(2.0, 6.0) as usize
}

/// The plot box: room on the left for the widest tick label, `bottom_lines` of labels
/// below, `top` px above. Never laid out smaller than [`layout::MIN_WIDTH`] × 120.
pub(crate) fn plot_box(
    width: f64,
    height: f64,
    tick_labels: &[String],
    bottom_lines: usize,
    top: f64,
) -> Rect {
    let label_w = tick_labels
        .iter()
        .map(|l| text_width(l, FONT))
        .fold(0.0, f64::max);
    let (w, h) = (width.max(layout::MIN_WIDTH), height.max(120.0));
    Rect::new(
        (label_w + 10.0).max(28.0),
        top,
        w - 10.0,
        h - 8.0 - bottom_lines as f64 * (FONT + 3.0),
    )
}

/// The plot's bottom edge in the axis colour (drawn over the bars' feet).
pub(crate) fn baseline(marks: &mut Vec<Mark>, plot: Rect, theme: &Theme) {
    marks.push(Mark::Line {
        a: (plot.x0, plot.y1),
        b: (plot.x1, plot.y1),
        stroke: theme.axis,
        width: 1.0,
        dash: false,
    });
}

/// Grid lines and tick labels for a y axis from 0 to the last tick; returns the scale.
pub(crate) fn y_axis(
    marks: &mut Vec<Mark>,
    plot: Rect,
    ticks: &[f64],
    labels: &[String],
    theme: &Theme,
) -> Linear {
    let top = ticks.last().copied().unwrap_or(1.0);
    let y = Linear::new(0.0, top, plot.y1, plot.y0);
    for (&tk, label) in ticks.iter().zip(labels) {
        let py = y.map(tk);
        if tk > 0.0 {
            marks.push(Mark::Line {
                a: (plot.x0, py),
                b: (plot.x1, py),
                stroke: theme.grid,
                width: 1.0,
                dash: false,
            });
        }
        marks.push(text(
            (plot.x0 - 6.0, py),
            label.clone(),
            theme.muted,
            HAlign::Right,
            VAlign::Middle,
        ));
    }
    y
}

/// A label in the axis font.
pub(crate) fn text(
    at: (f64, f64),
    s: impl Into<String>,
    color: Rgba,
    h: HAlign,
    v: VAlign,
) -> Mark {
    Mark::Text {
        at,
        text: s.into(),
        size: FONT,
        color,
        h,
        v,
        bold: false,
    }
}
