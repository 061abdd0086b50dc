//! The dataset chart as a picture: the current view laid out with its title, subtitle,
//! notes and sources for the PNG and SVG downloads, and the social card.

use super::{DatasetChart, PAD};
use crate::error::Result;
use crate::scene::layout::{self, wrap, Rect};
use crate::scene::{self, HAlign, Mark, Scene, Texture, VAlign};

impl DatasetChart {
    /// The current view as a standalone picture `width` CSS px wide: title and subtitle
    /// above, the chart, notes and sources below. The PNG and SVG downloads draw this.
    pub fn export_scene(&self, width: f64) -> Scene {
        let width = width.clamp(layout::MIN_WIDTH, 4000.0);
        let meta = self.meta();
        let pad = PAD;
        let inner = width - 2.0 * pad;
        let th = &self.theme;
        let mut head: Vec<Mark> = Vec::new();
        let title = wrap(&meta.title, 18.0, inner, 3);
        let y = text_lines(&mut head, title, pad, (18.0, th.fg, true), 24.0);
        let subtitle = wrap(&meta.subtitle, 13.0, inner, 3);
        let y = text_lines(&mut head, subtitle, y, (13.0, th.muted, false), 18.0);
        let y = self.key(&mut head, y, width);
        let top = y + 6.0;
        // The chart is inset like the text, so its axis labels do not touch the edge.
        let chart_w = width - 2.0 * pad;
        let chart_h = layout::preferred_height(chart_w);
        let chart = scene::build(&self.input(chart_w, chart_h));
        let mut foot: Vec<Mark> = Vec::new();
        let y = self.keys(&mut foot, &chart.keyed, top + chart_h + 8.0, inner);
        let lines: Vec<String> = meta
            .notes
            .iter()
            .chain(std::iter::once(&meta.source_line))
            .flat_map(|n| wrap(n, 11.0, inner, 6))
            .collect();
        let fy = text_lines(&mut foot, lines, y, (11.0, th.muted, false), 15.0);
        let height = fy + pad - 4.0;
        self.place(width, height, head, chart, top, foot)
    }

    /// The picture's key to the series, from `y` down (when the view has more than one);
    /// returns the y below it. Inlined: the wasm's code stays byte for byte what it was
    /// before the social card (measured after wasm-opt).
    #[inline(always)]
    fn key(&self, head: &mut Vec<Mark>, mut y: f64, width: f64) -> f64 {
        let pad = PAD;
        let th = &self.theme;
        // A key to the series when the view has more than one: without it a downloaded
        // picture does not say which bars are which (the page has the legend above the
        // canvas; the picture has only itself).
        let view = self.current();
        if view.series.len() > 1 && !self.sel.series.is_empty() {
            let mut x = pad;
            y += 2.0;
            for sh in &self.sel.series {
                let Some(s) = self.ds.series.get(sh.series) else {
                    continue;
                };
                let label = s.label.get(self.lang);
                let w = 18.0 + layout::text_width(label, 12.0) + 16.0;
                if x + w > width - pad && x > pad {
                    x = pad;
                    y += 18.0;
                }
                let swatch = Rect::new(x, y + 1.0, x + 12.0, y + 13.0);
                let color = scene::series_color(th, s.direction);
                scene::textured(head, swatch, color, Texture::for_slot(sh.slot), th.bg);
                head.push(Mark::Text {
                    at: (x + 18.0, y + 7.0),
                    text: label.to_string(),
                    size: 12.0,
                    color: th.fg,
                    h: HAlign::Left,
                    v: VAlign::Middle,
                    bold: false,
                });
                x += w;
            }
            y += 18.0;
        }
        y
    }

    /// Under a picture's chart, from `y` down, the annotations the chart drew as numbered
    /// keys (their labels did not fit): each key again, with its label beside it. Returns
    /// the y below them.
    fn keys(&self, foot: &mut Vec<Mark>, keyed: &[usize], mut y: f64, inner: f64) -> f64 {
        let th = &self.theme;
        for (k, a) in keyed.iter().enumerate() {
            let Some(an) = self.ds.annotations.get(*a) else {
                continue;
            };
            scene::annotate::key_mark(foot, (PAD + 7.0, y + 7.0), k + 1, th);
            for line in wrap(an.label.get(self.lang), 11.0, inner - 22.0, 3) {
                foot.push(Mark::Text {
                    at: (PAD + 20.0, y + 7.0),
                    text: line,
                    size: 11.0,
                    color: th.fg,
                    h: HAlign::Left,
                    v: VAlign::Middle,
                    bold: false,
                });
                y += 15.0;
            }
            y += 3.0;
        }
        y
    }

    /// A picture (the export or the social card): its background, the head, the chart
    /// moved to (`PAD`, `top`), the foot.
    fn place(
        &self,
        width: f64,
        height: f64,
        head: Vec<Mark>,
        mut chart: Scene,
        top: f64,
        foot: Vec<Mark>,
    ) -> Scene {
        let pad = PAD;
        let th = &self.theme;
        let mut marks = vec![Mark::Rect {
            r: Rect::new(0.0, 0.0, width, height),
            fill: th.bg,
        }];
        marks.extend(head);
        // Its own background is the picture's: leave it out, move the rest into place.
        for m in chart.marks.iter_mut().skip(1) {
            shift(m, pad, top);
        }
        marks.extend(chart.marks.into_iter().skip(1));
        marks.extend(foot);
        let moved = |r: Rect| Rect::new(r.x0 + pad, r.y0 + top, r.x1 + pad, r.y1 + top);
        for it in chart.items.iter_mut() {
            it.hit = moved(it.hit);
            it.mark = moved(it.mark);
        }
        let plot = moved(chart.plot);
        Scene {
            width,
            height,
            plot,
            marks,
            items: chart.items,
            keyed: chart.keyed,
        }
    }

    /// The current view as a social card (og:image): [`super::SOCIAL_CARD`] CSS px, to be drawn
    /// at [`super::SOCIAL_SCALE`]× (1200×630 device px). The title larger (two lines at most), the
    /// subtitle when there is room, the key, the chart fitted to what is left and the
    /// sources line at the foot; the notes are left out (the story carries them).
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    pub fn social_scene(&self) -> Scene {
        let (width, height) = super::SOCIAL_CARD;
        let meta = self.meta();
        let inner = width - 2.0 * PAD;
        let th = &self.theme;
        let sources = wrap(&meta.source_line, 11.0, inner, 2);
        let foot_top = height - PAD + 4.0 - 15.0 * sources.len() as f64;
        // The head with `subtitle` lines of subtitle at most; the y below it.
        let make_head = |subtitle: usize| {
            let mut head = Vec::new();
            let title = wrap(&meta.title, 21.0, inner, 2);
            let y = text_lines(&mut head, title, PAD, (21.0, th.fg, true), 27.0);
            let lines = wrap(&meta.subtitle, 13.0, inner, subtitle);
            let y = text_lines(&mut head, lines, y, (13.0, th.muted, false), 18.0);
            let y = self.key(&mut head, y, width);
            (head, y + 6.0)
        };
        // A card too short for its chart loses the subtitle.
        let (mut head, mut top) = make_head(1);
        if foot_top - 8.0 - top < 150.0 {
            (head, top) = make_head(0);
        }
        let mut chart_h = (foot_top - 8.0 - top).floor().max(60.0);
        let mut chart = scene::build(&self.input(width - 2.0 * PAD, chart_h));
        // Annotations drawn as keys are named under the chart: room for them, taken from
        // the chart, which is laid out again at that height.
        if !chart.keyed.is_empty() {
            let mut probe = Vec::new();
            let keys = self.keys(&mut probe, &chart.keyed, 0.0, inner);
            chart_h = (chart_h - keys).max(60.0);
            chart = scene::build(&self.input(width - 2.0 * PAD, chart_h));
        }
        let mut foot = Vec::new();
        let y = self.keys(&mut foot, &chart.keyed, top + chart_h + 8.0, inner);
        text_lines(&mut foot, sources, y, (11.0, th.muted, false), 15.0);
        self.place(width, height, head, chart, top, foot)
    }

    /// The current view as an SVG document (plotters' SVG backend, the same drawing code
    /// as the canvas), `width` CSS px wide.
    pub fn svg(&self, width: f64) -> Result<String> {
        crate::render::svg(&self.export_scene(width))
    }

    /// The social card ([`DatasetChart::social_scene`]) as an SVG document, [`super::SOCIAL_CARD`] CSS
    /// px; rasterised at [`super::SOCIAL_SCALE`]× it is the 1200×630 og:image.
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    pub fn social_svg(&self) -> Result<String> {
        crate::render::svg(&self.social_scene())
    }
}

/// Lines of a picture's text, left-aligned at the margin from `y` down, `step` px apart,
/// in `(size, colour, bold)`; returns the y below the last.
fn text_lines(
    marks: &mut Vec<Mark>,
    lines: Vec<String>,
    mut y: f64,
    (size, color, bold): (f64, crate::scene::theme::Rgba, bool),
    step: f64,
) -> f64 {
    for text in lines {
        marks.push(Mark::Text {
            at: (PAD, y),
            text,
            size,
            color,
            h: HAlign::Left,
            v: VAlign::Top,
            bold,
        });
        y += step;
    }
    y
}

/// Moves a mark by (`dx`, `dy`).
fn shift(m: &mut Mark, dx: f64, dy: f64) {
    let mv = |p: &mut (f64, f64)| {
        p.0 += dx;
        p.1 += dy;
    };
    match m {
        Mark::Rect { r, .. } | Mark::Frame { r, .. } => {
            *r = Rect::new(r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy)
        }
        Mark::Line { a, b, .. } => {
            mv(a);
            mv(b);
        }
        Mark::Path { points, .. } => points.iter_mut().for_each(mv),
        Mark::Marker { at, .. } | Mark::Text { at, .. } => mv(at),
    }
}
