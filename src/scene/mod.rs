//! What to draw, in CSS pixels: a flat list of marks plus the hit boxes of the data
//! items. Built from the dataset, the view and the size; drawn by `render`, hit-tested
//! by `hit`. Pure: no plotters, no DOM.

pub(crate) mod annotate;
pub mod axis;
pub mod layout;
mod marks;
pub mod scale;
pub mod theme;

use crate::data::{Groups, ObsRef, Observation, Period, Qualifier, ViewKind};
use crate::text::format;
use crate::text::words::{badge, t, Lang, Msg};
use annotate::Note;
use axis::{baseline, plot_box, text, tick_target, y_axis};
use layout::{fit, wrap, FONT};
use scale::{nice_ticks, Linear};

pub use layout::{text_width, Rect};
pub use marks::*;

/// The widest a group label of a crowded bar chart may be, in px (then cut with "…").
const LABEL_MAX: f64 = 120.0;
/// How far two neighbouring group labels may overlap by [`text_width`]'s estimate before
/// the bars count as crowded, in px: the estimate runs 5–10 % over a real sans-serif, so
/// labels that overlap by this much in it still stand apart on screen (the story's
/// products view at 360 px does, and keeps its four labels).
const CROWD_SLACK: f64 = 6.0;
/// The narrowest bar a time axis draws, in CSS px (see `build_time_bars`).
const MIN_BAR: f64 = 2.0;
pub use theme::{Rgba, Theme};

struct Builder<'a> {
    inp: &'a SceneInput<'a>,
    /// The selection's view, resolved once (`build` stops when it is out of range).
    view: &'a crate::data::View,
    scene: Scene,
}

/// Diagonal hatching clipped to `r`, spaced `gap` px: the mark of a derived figure.
fn hatch(r: &Rect, gap: f64) -> Vec<((f64, f64), (f64, f64))> {
    let mut out = Vec::new();
    let finite = [r.x0, r.y0, r.x1, r.y1, gap].iter().all(|v| v.is_finite());
    if !finite || r.w() <= 0.0 || r.h() <= 0.0 || gap <= 0.0 || (r.w() + r.h()) / gap > 4000.0 {
        return out;
    }
    // Lines x - y = c (going up to the right), c from x0 - y1 to x1 - y0.
    let mut c = r.x0 - r.y1 + gap;
    while c < r.x1 - r.y0 {
        // Points on the line inside r: x in [max(x0, c + y0), min(x1, c + y1)].
        let xa = r.x0.max(c + r.y0);
        let xb = r.x1.min(c + r.y1);
        if xb > xa {
            out.push(((xa, xa - c), (xb, xb - c)));
        }
        c += gap;
    }
    out
}

impl<'a> Builder<'a> {
    fn view(&self) -> &'a crate::data::View {
        self.view
    }

    /// The colour of series `s`, an index from the selection (the theme's fg were it
    /// out of range).
    fn color_of(&self, s: usize) -> Rgba {
        let theme = self.inp.theme;
        (self.inp.ds.series.get(s)).map_or(theme.fg, |s| series_color(theme, s.direction))
    }

    /// The label of basis `bi`, an index from the selection (empty were it out of range).
    fn basis_label(&self, bi: usize) -> &'a str {
        let lang = self.lang();
        self.inp.ds.bases.get(bi).map_or("", |b| b.label.get(lang))
    }

    fn lang(&self) -> Lang {
        self.inp.lang
    }

    /// Visible series of the view with their slot (place in the view, for texture and row).
    fn visible_series(&self) -> Vec<(usize, usize)> {
        self.inp
            .sel
            .series
            .iter()
            .map(|sh| (sh.slot, sh.series))
            .collect()
    }

    /// A value in the dataset's currency (its unit times its scale).
    fn amount(&self, v: f64) -> f64 {
        v * self.inp.ds.scale
    }

    fn currency(&self) -> format::Currency {
        self.inp.ds.currency
    }

    /// The observations this view shows for series `s`, in reading order.
    fn shown(&self, s: usize) -> impl Iterator<Item = (usize, &'a Observation)> + 'a {
        let (ds, sel) = (self.inp.ds, self.inp.sel);
        sel.series
            .iter()
            .filter(move |sh| sh.series == s)
            .flat_map(move |sh| sel.of(ds, sh).map(|(i, _, o)| (i, o)))
    }

    /// Claims of this view drawn on its time axis.
    fn shown_claims(&self) -> Vec<usize> {
        self.inp.sel.claims.clone()
    }

    fn max_value(&self, series: &[(usize, usize)]) -> f64 {
        let data = series
            .iter()
            .flat_map(|&(_, s)| self.shown(s).map(|(_, o)| o.value))
            .fold(0.0, f64::max);
        let claims = self
            .shown_claims()
            .iter()
            .filter_map(|&c| self.inp.ds.claims.get(c))
            .map(|c| c.value)
            .fold(0.0, f64::max);
        if data > 0.0 {
            data.max(claims)
        } else {
            data
        }
    }

    fn push(&mut self, m: Mark) {
        self.scene.marks.push(m);
    }

    /// Tick labels in the reader's language. Korean and Chinese ticks are numbers
    /// alone ("15억") but the top one, which names the currency, US dollars too ("15억
    /// 달러", "15亿欧元"), so the axis never leaves a reader to guess dollars, won or
    /// yuan. English ticks always carry it ("$1.5bn", "€1.5bn").
    fn tick_labels(&self, ticks: &[f64]) -> Vec<String> {
        let (cur, lang) = (self.currency(), self.lang());
        let top = ticks.len().saturating_sub(1);
        ticks
            .iter()
            .enumerate()
            .map(|(k, &tk)| {
                if k == top {
                    format::money_short_named(self.amount(tk), cur, lang)
                } else {
                    format::money_short(self.amount(tk), cur, lang)
                }
            })
            .collect()
    }

    /// Y axis: grid, tick labels. Returns the scale.
    fn y_axis(&mut self, plot: Rect, ticks: &[f64]) -> Linear {
        let labels = self.tick_labels(ticks);
        y_axis(&mut self.scene.marks, plot, ticks, &labels, self.inp.theme)
    }

    fn baseline(&mut self, plot: Rect) {
        baseline(&mut self.scene.marks, plot, self.inp.theme);
    }

    /// Plot box for the given tick labels and bottom label lines.
    fn plot_rect(&self, ticks: &[f64], bottom_lines: usize, top: f64) -> Rect {
        plot_box(
            self.inp.width,
            self.inp.height,
            &self.tick_labels(ticks),
            bottom_lines,
            top,
        )
    }

    fn tick_target(&self) -> usize {
        tick_target(self.inp.height)
    }

    /// A bar for observation `o` in box `r` (already from zero to its value).
    fn bar(&mut self, r: Rect, o: &Observation, color: Rgba, texture: Texture) {
        let bg = self.inp.theme.bg;
        if o.derived.is_some() {
            self.push(Mark::Rect {
                r,
                fill: color.alpha(0.18),
            });
            for (a, b) in hatch(&r, 5.0) {
                self.push(Mark::Line {
                    a,
                    b,
                    stroke: color,
                    width: 1.0,
                    dash: false,
                });
            }
            self.push(Mark::Frame { r, stroke: color });
        } else {
            textured(&mut self.scene.marks, r, color, texture, bg);
        }
        if o.qualifier == Qualifier::AtLeast {
            // "more than": an open-ended cap above the bar.
            self.push(Mark::Marker {
                at: (r.cx(), r.y0 - 5.0),
                r: 3.5,
                shape: Shape::Triangle,
                color,
                hollow: false,
            });
        }
    }

    /// A bar's label with `decimals` places at most ("≈" or ">" before a qualified one).
    fn value_label(&self, o: &Observation, decimals: u32) -> String {
        let prefix = match o.qualifier {
            Qualifier::Exact => "",
            Qualifier::Approx => "≈",
            Qualifier::AtLeast => ">",
        };
        let (x, cur, lang) = (self.amount(o.value), self.currency(), self.lang());
        format!("{prefix}{}", format::money_compact(x, decimals, cur, lang))
    }

    /// The places every bar label of the view is written with, one for all so no two
    /// labels are rounded differently: the most of 2, 1 and 0 at which every label fits
    /// `width`. None (no labels; the axis and the tooltip tell the figures) when none fits,
    /// or when some label would then read more than 5 % off its figure (€1.46bn as
    /// "€1bn"): a bar labelled wrong misleads more than one unlabelled.
    fn label_decimals(&self, obs: &[&Observation], width: f64) -> Option<u32> {
        let fits =
            |d: u32| (obs.iter()).all(|o| text_width(&self.value_label(o, d), FONT) <= width);
        let d = [2, 1, 0].into_iter().find(|&d| fits(d))?;
        let lang = self.lang();
        (obs.iter())
            .all(|o| format::compact_error(self.amount(o.value), d, lang) <= 0.05)
            .then_some(d)
    }

    /// The view's annotations on its x axis, in time order: a point at its period's
    /// middle, a span from its first period's start to its last's end, clipped to the view.
    fn notes(&self, x: &Linear) -> Vec<Note<'a>> {
        let (ds, lang) = (self.inp.ds, self.lang());
        let (a, b) = self.view().range;
        let mut notes: Vec<Note<'a>> = Vec::new();
        for &i in &self.inp.sel.annotations {
            let Some(an) = ds.annotations.get(i) else {
                continue;
            };
            let p = an.period;
            let (x0, x1) = match an.to {
                Some(to) => (x.map(p.start.max(a) as f64), x.map(to.end.min(b) as f64)),
                None => {
                    let px = x.map((p.start + p.end) as f64 / 2.0);
                    (px, px)
                }
            };
            // In time order already: the selection's (a span at its start, a point at its
            // middle, which is where x0 is, clipped spans first).
            notes.push(Note {
                index: i,
                label: an.label.get(lang),
                x0,
                x1,
                span: an.to.is_some(),
            });
        }
        notes
    }

    /// The story's claims at their period: a hollow diamond in the claim colour, labelled.
    fn claims(&mut self, plot: Rect, x: &Linear, y: &Linear) {
        let ds = self.inp.ds;
        let theme = self.inp.theme;
        let row = self.view().series.len();
        for (k, c) in self.shown_claims().into_iter().enumerate() {
            let Some(claim) = ds.claims.get(c) else {
                continue;
            };
            let Some(p) = claim.period else { continue };
            let at = (
                x.map((p.start + p.end) as f64 / 2.0),
                y.map(claim.value).max(plot.y0 + 6.0),
            );
            self.push(Mark::Marker {
                at,
                r: 5.5,
                shape: Shape::Diamond,
                color: theme.claim,
                hollow: true,
            });
            let verdict = badge(claim.status);
            let label = format!(
                "{}: {} {verdict}",
                t(self.lang(), Msg::Story),
                format::money_short(self.amount(claim.value), self.currency(), self.lang())
            );
            // The label sits in the free band under the top of the plot (below an
            // annotation's label), one row per claim, with a leader down to the diamond,
            // so it never runs over the bars.
            let label_y = plot.y0 + 22.0 + k as f64 * (FONT + 6.0);
            let right = at.0 + 4.0 + text_width(&label, FONT) <= plot.x1;
            let (tx, h) = if right {
                (at.0 + 4.0, HAlign::Left)
            } else {
                (at.0 - 4.0, HAlign::Right)
            };
            if at.1 - 8.0 > label_y + FONT / 2.0 + 2.0 {
                self.push(Mark::Line {
                    a: (at.0, label_y + FONT / 2.0 + 2.0),
                    b: (at.0, at.1 - 8.0),
                    stroke: theme.claim,
                    width: 1.0,
                    dash: true,
                });
            }
            self.push(Mark::Text {
                at: (tx, label_y),
                text: label,
                size: FONT,
                color: theme.claim,
                h,
                v: VAlign::Middle,
                bold: true,
            });
            let mark = Rect::new(at.0 - 8.0, at.1 - 8.0, at.0 + 8.0, at.1 + 8.0);
            self.scene.items.push(Item {
                target: Target::Claim(c),
                row,
                hit: mark,
                mark,
            });
        }
    }

    /// A bar view: the group labels under the plot (crowded ones thinned), the bars and
    /// their value labels, the change between two figures, the baseline.
    fn build_bars(&mut self) {
        let view = self.view();
        let vis = self.visible_series();
        let ticks = nice_ticks(self.max_value(&vis) * 1.04, self.tick_target());
        let n_groups = match &view.groups {
            Groups::Periods(p) => p.len(),
            Groups::Categories(c) => c.len(),
        }
        .max(1);
        // Group labels, wrapped to the band width of a plot with one line of labels.
        let probe = self.plot_rect(&ticks, 1, 24.0);
        let (labels, crowded) = self.group_labels(probe.w() / n_groups as f64);
        let lines = labels.iter().map(Vec::len).max().unwrap_or(1);
        let plot = self.plot_rect(&ticks, lines, 24.0);
        self.scene.plot = plot;
        let y = self.y_axis(plot, &ticks);
        let band = plot.w() / n_groups as f64;
        self.draw_group_labels(plot, band, &labels, crowded);
        let tops = self.draw_bars(plot, &y, band, &vis);
        self.change_marker(&tops);
        self.baseline(plot);
    }

    /// Each group's name in the reader's language: a period as written short, a category
    /// by its text in the dataset (each found once).
    fn group_names(&self) -> Vec<String> {
        let lang = self.lang();
        match &self.view().groups {
            Groups::Periods(ps) => ps.iter().map(|p| format::period_short(p, lang)).collect(),
            Groups::Categories(cs) => {
                // Each category's text once, in order of first appearance (a category
                // recurs in every series and period: scanning every observation per group
                // was groups × observations).
                let mut texts: Vec<(&str, &str)> = Vec::new();
                for c in self
                    .inp
                    .ds
                    .series
                    .iter()
                    .flat_map(|s| s.observations.iter())
                    .filter_map(|o| o.category.as_ref())
                {
                    let new = !texts.iter().any(|(en, _)| *en == c.en);
                    if new && cs.contains(&c.en) {
                        texts.push((c.en.as_str(), c.get(lang)));
                        if texts.len() >= cs.len() {
                            break; // every group's text found (usually in the first series)
                        }
                    }
                }
                cs.iter()
                    .map(|en| {
                        texts
                            .iter()
                            .find(|(e, _)| e == en)
                            .map_or_else(|| en.to_string(), |(_, t)| t.to_string())
                    })
                    .collect()
            }
        }
    }

    /// The lines of each group's label for bands `band` px wide, and whether the groups
    /// are too many for neighbouring labels to stay apart (a Comtrade download by HS
    /// chapter has ~100). Crowded: one line each, cut to LABEL_MAX px, and only every k-th
    /// group labelled, so labels never collide; the others are named by hover, focus and
    /// the data table.
    fn group_labels(&self, band: f64) -> (Vec<Vec<String>>, bool) {
        let categories = matches!(self.view().groups, Groups::Categories(_));
        let names = self.group_names();
        let labels: Vec<Vec<String>> = if categories {
            names.iter().map(|n| wrap(n, FONT, band - 4.0, 2)).collect()
        } else {
            names.iter().map(|n| vec![n.clone()]).collect()
        };
        let widths: Vec<f64> = labels
            .iter()
            .map(|l| l.iter().map(|x| text_width(x, FONT)).fold(0.0, f64::max))
            .collect();
        let crowded = widths
            .windows(2)
            .any(|w| matches!(w, [a, b] if (a + b) / 2.0 > band + CROWD_SLACK));
        if !crowded {
            return (labels, false);
        }
        let one: Vec<String> = if categories {
            names.iter().map(|n| fit(n, FONT, LABEL_MAX)).collect()
        } else {
            names
        };
        let widest = one.iter().map(|l| text_width(l, FONT)).fold(0.0, f64::max);
        // every k-th band holds a label and a gap
        let k = ((widest + 8.0) / band.max(1.0)).ceil().max(1.0) as usize;
        let thinned = one
            .into_iter()
            .enumerate()
            .map(|(g, l)| if g % k == 0 { vec![l] } else { Vec::new() })
            .collect();
        (thinned, true)
    }

    /// The group labels under the plot, centred on their bands. A crowded chart's, left to
    /// right: one that would leave the canvas is moved in, up to 2 px from its edge, and
    /// one that would then come within 6 px of the last label drawn is left out (so the
    /// first group is always named).
    fn draw_group_labels(&mut self, plot: Rect, band: f64, labels: &[Vec<String>], crowded: bool) {
        let fg = self.inp.theme.fg;
        let mut right = f64::NEG_INFINITY;
        for (g, label) in labels.iter().enumerate() {
            let mut cx = plot.x0 + band * (g as f64 + 0.5);
            if crowded {
                if label.is_empty() {
                    continue;
                }
                let half = label
                    .iter()
                    .map(|l| text_width(l, FONT))
                    .fold(0.0, f64::max)
                    / 2.0;
                cx = cx.min(self.inp.width - half - 2.0).max(half + 2.0);
                if cx - half < right + 6.0 || cx + half > self.inp.width {
                    continue;
                }
                right = cx + half;
            }
            for (k, line) in label.iter().enumerate() {
                let at = (cx, plot.y1 + 5.0 + k as f64 * (FONT + 3.0));
                self.push(text(at, line.clone(), fg, HAlign::Center, VAlign::Top));
            }
        }
    }

    /// The bars of the visible series side by side in each group's band, their value
    /// labels and hit boxes; returns each bar's figure and box (for the change marker).
    fn draw_bars(
        &mut self,
        plot: Rect,
        y: &Linear,
        band: f64,
        vis: &[(usize, usize)],
    ) -> Vec<(ObsRef, Rect)> {
        let view = self.view();
        let n = vis.len().max(1) as f64;
        let gap = 3.0;
        let bar_w = ((band * 0.7 - gap * (n - 1.0)) / n).clamp(2.0, 90.0);
        let fg = self.inp.theme.fg;
        let (ds, sel) = (self.inp.ds, self.inp.sel);
        // Every bar the loop below draws: `vis` is the selection's series.
        let labelled: Vec<&Observation> = (sel.series.iter())
            .flat_map(|sh| sel.of(ds, sh))
            .filter_map(|(_, g, o)| g.map(|_| o))
            .collect();
        let decimals = self.label_decimals(&labelled, bar_w + gap + 2.0);
        let mut tops: Vec<(ObsRef, Rect)> = Vec::new();
        for (k, &(slot, s)) in vis.iter().enumerate() {
            let color = self.color_of(s);
            let texture = if view.series.len() > 1 {
                Texture::for_slot(slot)
            } else {
                Texture::Solid
            };
            let Some(sh) = sel.series.iter().find(|sh| sh.series == s) else {
                continue;
            };
            for (oi, g, o) in sel.of(ds, sh) {
                let Some(g) = g else { continue };
                let x0 = plot.x0
                    + band * g as f64
                    + (band - (bar_w * n + gap * (n - 1.0))) / 2.0
                    + k as f64 * (bar_w + gap);
                let top = y.map(o.value).min(plot.y1 - 1.0);
                let r = Rect::new(x0, top, x0 + bar_w, plot.y1);
                self.bar(r, o, color, texture);
                if let Some(d) = decimals {
                    self.push(Mark::Text {
                        at: (r.cx(), r.y0 - 4.0),
                        text: self.value_label(o, d),
                        size: FONT,
                        color: fg,
                        h: HAlign::Center,
                        v: VAlign::Bottom,
                        bold: true,
                    });
                }
                let obs = ObsRef { series: s, obs: oi };
                tops.push((obs, r));
                let hit = Rect::new(x0 - gap / 2.0, plot.y0, x0 + bar_w + gap / 2.0, plot.y1);
                self.scene.items.push(Item {
                    target: Target::Obs(obs),
                    row: slot,
                    hit,
                    mark: r,
                });
            }
        }
        tops
    }

    /// The change between the view's two figures (e.g. −80.7%), when both are drawn: a
    /// dashed line from the first bar's top across to the second, and the per cent.
    fn change_marker(&mut self, tops: &[(ObsRef, Rect)]) {
        let Some((a, b)) = self.view().change else {
            return;
        };
        let ds = self.inp.ds;
        let theme = self.inp.theme;
        let find = |r: ObsRef| tops.iter().find(|(o, _)| *o == r).map(|(_, rect)| *rect);
        if let (Some(ra), Some(rb), Some(oa), Some(ob)) = (find(a), find(b), ds.obs(a), ds.obs(b)) {
            let pct = (ob.value - oa.value) / oa.value * 100.0;
            let (ya, yb) = (ra.y0, rb.y0);
            self.push(Mark::Line {
                a: (ra.x1, ya),
                b: (rb.cx(), ya),
                stroke: theme.muted,
                width: 1.0,
                dash: true,
            });
            self.push(Mark::Line {
                a: (rb.cx(), ya),
                b: (rb.cx(), yb - 22.0),
                stroke: theme.muted,
                width: 1.0,
                dash: false,
            });
            let at = (rb.cx() + 6.0, (ya + yb - 22.0) / 2.0);
            self.push(Mark::Text {
                at,
                text: format::percent_change(pct),
                size: 16.0,
                color: theme.fg,
                h: HAlign::Left,
                v: VAlign::Middle,
                bold: true,
            });
        }
    }

    /// The month labels' form and step for months `month_w` px wide: names, initials,
    /// every 3rd, 6th or 12th month, the first that leaves every label its room; none when
    /// none does (then the years alone label the axis).
    fn month_step(&self, month_w: f64) -> Option<(bool, i32)> {
        let (a, b) = self.view().range;
        let lang = self.lang();
        let fits = |narrow: bool, step: i32| {
            (a..b).all(|m| {
                text_width(&format::month_axis(m, lang, narrow), FONT) + 4.0
                    <= month_w * step as f64
            })
        };
        [(false, 1), (true, 1), (false, 3), (false, 6), (false, 12)]
            .into_iter()
            .find(|&(n, k)| fits(n, k))
    }

    /// X labels for a month axis: month names, initials, or every k-th month (`step`,
    /// from [`Self::month_step`]), so labels never collide, with the year under each
    /// January; without month labels, the years alone, every 1, 2, 5, 10… years as their
    /// width needs. No label runs past the canvas or over the one before it.
    fn month_labels(&mut self, plot: Rect, x: &Linear, step: Option<(bool, i32)>) {
        let (a, b) = self.view().range;
        let month_w = x.map(1.0) - x.map(0.0);
        let theme = self.inp.theme;
        let lang = self.lang();
        // Months released together (Jan–Feb) get one label and a bracket under the bars,
        // so no bar of the combined figure reads as one month's.
        let mut combined: Vec<Period> = self
            .visible_series()
            .iter()
            .flat_map(|&(_, si)| self.shown(si).map(|(_, o)| o.period))
            .filter(|p| p.months() > 1 && p.kind != crate::data::PeriodKind::Year)
            .collect();
        crate::data::order::sort_by_key(&mut combined, crate::data::order::period_key);
        combined.dedup();
        for p in &combined {
            let (x0, x1) = (x.map(p.start as f64) + 2.0, x.map(p.end as f64) - 2.0);
            let y = plot.y1 + 3.0;
            self.push(Mark::Line {
                a: (x0, y),
                b: (x1, y),
                stroke: theme.muted,
                width: 1.0,
                dash: false,
            });
            for xe in [x0, x1] {
                self.push(Mark::Line {
                    a: (xe, plot.y1),
                    b: (xe, y),
                    stroke: theme.muted,
                    width: 1.0,
                    dash: false,
                });
            }
            let label = format::period_short(p, lang);
            if step.is_some() && text_width(&label, FONT) <= x1 - x0 + 8.0 {
                self.push(text(
                    ((x0 + x1) / 2.0, plot.y1 + 5.0),
                    label,
                    theme.fg,
                    HAlign::Center,
                    VAlign::Top,
                ));
            }
        }
        let year_y = plot.y1 + 5.0 + if step.is_some() { FONT + 3.0 } else { 0.0 };
        let need = text_width("2000", FONT) + 8.0;
        let every = [1, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|k| month_w * 12.0 * f64::from(*k) >= need)
            .unwrap_or(1000);
        let mut year_end = f64::MIN;
        for m in a..b {
            let in_combined = combined.iter().any(|p| p.start <= m && m < p.end);
            if let Some((narrow, _)) = step.filter(|&(_, k)| m.rem_euclid(12) % k == 0) {
                let label = format::month_axis(m, lang, narrow);
                let half = text_width(&label, FONT) / 2.0;
                let cx = x.map(m as f64 + 0.5).min(plot.x1 + 9.0 - half);
                if !in_combined {
                    self.push(text(
                        (cx, plot.y1 + 5.0),
                        label,
                        theme.fg,
                        HAlign::Center,
                        VAlign::Top,
                    ));
                }
            }
            let yr = m.div_euclid(12);
            if (m.rem_euclid(12) == 0 || m == a) && yr % every == 0 {
                let year = yr.to_string();
                let (yx, w) = (x.map(m as f64), text_width(&year, FONT));
                if yx + w <= plot.x1 + 8.0 && yx >= year_end {
                    year_end = yx + w + 4.0;
                    self.push(text(
                        (yx, year_y),
                        year,
                        theme.muted,
                        HAlign::Left,
                        VAlign::Top,
                    ));
                }
            }
        }
    }

    /// X labels for a year axis, every `step` years so they never collide.
    fn year_labels(&mut self, plot: Rect, x: &Linear) {
        let (a, b) = self.view().range;
        let year_w = x.map(12.0) - x.map(0.0);
        let need = text_width("2000", FONT) + 8.0;
        let step = [1, 2, 4, 5, 10, 20]
            .into_iter()
            .find(|s| year_w * *s as f64 >= need)
            .unwrap_or(50);
        let theme = self.inp.theme;
        let (y0, y1) = (a.div_euclid(12), (b - 1).div_euclid(12));
        for yr in y0..=y1 {
            if (yr - y0) % step != 0 {
                continue;
            }
            let label = yr.to_string();
            let half = text_width(&label, FONT) / 2.0;
            // The last label kept inside the canvas, shifted left (by less than the step's
            // room to spare: it stays clear of the one before).
            let cx = x.map(yr as f64 * 12.0 + 6.0).min(plot.x1 + 9.0 - half);
            self.push(text(
                (cx, plot.y1 + 5.0),
                label,
                theme.fg,
                HAlign::Center,
                VAlign::Top,
            ));
        }
    }

    fn build_time_bars(&mut self) {
        let vis = self.visible_series();
        let ticks = nice_ticks(self.max_value(&vis) * 1.04, self.tick_target());
        let (a, b) = self.view().range;
        // The plot's width does not depend on its label lines: the month labels' step is
        // chosen on it, and the years take the first line when no month label fits.
        let probe = self.plot_rect(&ticks, 1, 24.0);
        let step = self.month_step(probe.w() / (b - a).max(1) as f64);
        let plot = self.plot_rect(&ticks, 1 + usize::from(step.is_some()), 24.0);
        self.scene.plot = plot;
        let y = self.y_axis(plot, &ticks);
        let x = Linear::new(a as f64, b as f64, plot.x0, plot.x1);
        let notes = self.notes(&x);
        annotate::draw(&mut self.scene.marks, &notes, plot, self.inp.theme, true);
        let from = self.scene.marks.len();
        let month_w = x.map(1.0) - x.map(0.0);
        let n = vis.len().max(1) as f64;
        let many = self.view().series.len() > 1;
        // Bars narrower than MIN_BAR with their gaps lose the gaps when they are one
        // series' (several side by side without gaps would run into stripes); narrower even
        // so, or several, the values are drawn as lines, every one a point on them: never
        // a bar of no width.
        let gaps = month_w * 0.76 / n - 1.0 >= MIN_BAR;
        let lines = !gaps && (n > 1.0 || month_w < MIN_BAR);
        if lines {
            self.draw_lines(plot, &x, &y, &vis);
        }
        for (k, &(slot, s)) in vis.iter().enumerate().filter(|_| !lines) {
            let color = self.color_of(s);
            let texture = if many {
                Texture::for_slot(slot)
            } else {
                Texture::Solid
            };
            let (inset, gap) = if gaps { (0.5, 0.12) } else { (0.0, 0.0) };
            for (oi, o) in self.shown(s).collect::<Vec<_>>() {
                let pad = month_w * gap * o.period.months() as f64; // widths stay proportional to duration
                let (s0, s1) = (
                    x.map(o.period.start as f64) + pad,
                    x.map(o.period.end as f64) - pad,
                );
                let w = (s1 - s0) / n;
                let x0 = s0 + w * k as f64;
                let top = y.map(o.value).min(plot.y1 - 1.0);
                let r = Rect::new(x0 + inset, top, x0 + w - inset, plot.y1);
                self.bar(r, o, color, texture);
                let obs = ObsRef { series: s, obs: oi };
                self.scene.items.push(Item {
                    target: Target::Obs(obs),
                    row: slot,
                    hit: Rect::new(x0, plot.y0, x0 + w, plot.y1),
                    mark: r,
                });
            }
        }
        self.annotated(plot, &x, &y, &notes, from);
        self.month_labels(plot, &x, step);
        self.baseline(plot);
    }

    /// The bases the visible series of this view use, in basis order.
    fn bases_shown(&self) -> Vec<usize> {
        let mut b = self.inp.sel.bases.clone();
        crate::data::order::sort_by_key(&mut b, |&x| crate::data::order::usize_key(x));
        b
    }

    /// Positions of the basis key entries (marker x, row y) laid out in rows from
    /// `x0` to `x1`, and the y below the last row.
    fn key_layout(&self, bases: &[usize], x0: f64, x1: f64) -> (Vec<(f64, f64)>, f64) {
        let (mut x, mut y) = (x0, 8.0);
        let mut out = Vec::with_capacity(bases.len());
        for &bi in bases {
            let w = 14.0 + text_width(self.basis_label(bi), FONT) + 14.0;
            if x + w > x1 && x > x0 {
                x = x0;
                y += FONT + 6.0;
            }
            out.push((x, y));
            x += w;
        }
        (out, y + FONT)
    }

    /// Each visible series as a line through its values, a segment only between adjacent
    /// periods (a gap stays a gap), dashed where the basis changes. A marker on every
    /// value, unless the values stand closer than a marker is wide: then only on a value
    /// no segment reaches and on a derived one, so a dense line stays a line.
    fn draw_lines(&mut self, plot: Rect, x: &Linear, y: &Linear, vis: &[(usize, usize)]) {
        for &(slot, s) in vis {
            let color = self.color_of(s);
            let mut pts: Vec<(usize, &Observation)> = self.shown(s).collect();
            crate::data::order::sort_by_key(&mut pts, |(_, o)| {
                crate::data::order::period_key(&o.period)
            });
            let at = |o: &Observation| {
                (
                    x.map((o.period.start + o.period.end) as f64 / 2.0),
                    y.map(o.value),
                )
            };
            for w in pts.windows(2) {
                let &[(_, p), (_, q)] = w else { continue };
                if p.period.end == q.period.start {
                    self.push(Mark::Line {
                        a: at(p),
                        b: at(q),
                        stroke: color,
                        width: 2.0,
                        dash: p.basis != q.basis,
                    });
                }
            }
            for (i, &(oi, o)) in pts.iter().enumerate() {
                let c = at(o);
                let (c0, c1) = (x.map(o.period.start as f64), x.map(o.period.end as f64));
                let adj = |p: &Observation, q: &Observation| p.period.end == q.period.start;
                let before = i.checked_sub(1).and_then(|j| pts.get(j));
                let joined = before.is_some_and(|p| adj(p.1, o))
                    || pts.get(i + 1).is_some_and(|q| adj(o, q.1));
                if c1 - c0 >= 10.0 || !joined || o.derived.is_some() {
                    self.push(Mark::Marker {
                        at: c,
                        r: 4.0,
                        shape: Shape::for_basis(o.basis),
                        color,
                        hollow: o.derived.is_some(),
                    });
                }
                let mark = Rect::new(c.0 - 6.0, c.1 - 6.0, c.0 + 6.0, c.1 + 6.0);
                let target = Target::Obs(ObsRef { series: s, obs: oi });
                self.scene.items.push(Item {
                    target,
                    row: slot,
                    hit: Rect::new(c0, plot.y0, c1, plot.y1),
                    mark,
                });
            }
        }
    }

    fn build_time_line(&mut self) {
        let vis = self.visible_series();
        let ticks = nice_ticks(self.max_value(&vis) * 1.04, self.tick_target());
        let bases = self.bases_shown();
        let probe = self.plot_rect(&ticks, 1, 0.0);
        let (key, key_bottom) = self.key_layout(&bases, probe.x0, probe.x1);
        let plot = self.plot_rect(&ticks, 1, key_bottom + 14.0);
        self.scene.plot = plot;
        let y = self.y_axis(plot, &ticks);
        let (a, b) = self.view().range;
        let x = Linear::new(a as f64, b as f64, plot.x0, plot.x1);
        let theme = self.inp.theme;
        let notes = self.notes(&x);
        annotate::draw(&mut self.scene.marks, &notes, plot, theme, true);
        let from = self.scene.marks.len();
        self.draw_lines(plot, &x, &y, &vis);
        // Key: which marker is which basis, above the plot.
        for (&bi, &(kx, ky)) in bases.iter().zip(&key) {
            self.push(Mark::Marker {
                at: (kx + 5.0, ky),
                r: 4.0,
                shape: Shape::for_basis(bi),
                color: theme.muted,
                hollow: false,
            });
            self.push(text(
                (kx + 14.0, ky),
                self.basis_label(bi),
                theme.muted,
                HAlign::Left,
                VAlign::Middle,
            ));
        }
        self.annotated(plot, &x, &y, &notes, from);
        self.year_labels(plot, &x);
        self.baseline(plot);
    }
}

impl Builder<'_> {
    /// After a time view's data: the points' dashed lines, the claims, then the
    /// annotations' labels or keys (clear of every mark from `marks[from..]`) and their
    /// keyboard and pointer items, in every visible series' row (the claims' row when
    /// every series is hidden).
    fn annotated(&mut self, plot: Rect, x: &Linear, y: &Linear, notes: &[Note<'_>], from: usize) {
        let theme = self.inp.theme;
        let lines = annotate::draw(&mut self.scene.marks, notes, plot, theme, false);
        self.claims(plot, x, y);
        let mut rows = Vec::new();
        for sh in &self.inp.sel.series {
            rows.push(sh.slot);
        }
        if rows.is_empty() {
            rows.push(self.view().series.len());
        }
        let scene = &mut self.scene;
        let (marks, items) = (&mut scene.marks, &mut scene.items);
        scene.keyed = annotate::labels(marks, items, from, lines, notes, plot, theme, &rows);
    }
}

/// Builds the scene for a view at a size.
pub fn build(inp: &SceneInput<'_>) -> Scene {
    let scene = Scene {
        width: inp.width,
        height: inp.height,
        ..Scene::default()
    };
    let Some(view) = inp.ds.views.get(inp.sel.view) else {
        return scene;
    };
    let mut b = Builder { inp, view, scene };
    b.push(Mark::Rect {
        r: Rect::new(0.0, 0.0, inp.width, inp.height),
        fill: inp.theme.bg,
    });
    match b.view().kind {
        ViewKind::Bars => b.build_bars(),
        ViewKind::TimeBars => b.build_time_bars(),
        ViewKind::TimeLine => b.build_time_line(),
    }
    if b.visible_series().is_empty() {
        let p = b.scene.plot;
        let msg = t(inp.lang, Msg::AllHidden);
        b.push(text(
            (p.cx(), (p.y0 + p.y1) / 2.0),
            msg,
            inp.theme.muted,
            HAlign::Center,
            VAlign::Middle,
        ));
    }
    // Reading order for keyboards and screen readers: row by row, left to right.
    crate::data::order::sort_by_key(&mut b.scene.items, |p| {
        (crate::data::order::usize_key(p.row) << 64) | crate::data::order::f64_key(p.reading_x())
    });
    b.scene
}
