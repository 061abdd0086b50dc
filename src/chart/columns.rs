//! Large numeric series given as columns (typed arrays from JS): one x column and
//! one y column per series, drawn as lines decimated with M4 — the first, last,
//! smallest and largest point of every pixel column (Jugel et al., VLDB 2014), which
//! draws the same picture as all the points. For data far beyond what a sourced
//! dataset holds (benchmarks, long machine-made series); no per-point sources here.

use crate::error::{Error, Result};
use crate::scene::axis::{baseline, plot_box, tick_target, y_axis};
use crate::scene::layout::{self, Rect, FONT};
use crate::scene::scale::{nice_ticks, Linear};
use crate::scene::theme::Theme;
use crate::scene::{HAlign, Mark, Scene, VAlign};
use crate::text::format;
use crate::text::words::Lang;

/// One series: y values aligned with the x column; NaN is a gap, never drawn as 0.
#[derive(Debug, Clone, PartialEq)]
pub struct ColSeries {
    /// Identifier (legend toggles).
    pub id: String,
    /// Legend label.
    pub label: String,
    /// Values in US dollars; NaN for a gap.
    pub y: Vec<f64>,
}

/// Columns: a shared, non-decreasing x and the series.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// The title given to `from_columns`, possibly empty (not checked): `Meta::title` and the
    /// start of the summary. Not drawn on the canvas.
    pub title: String,
    /// x values (any unit, e.g. seconds), non-decreasing.
    pub x: Vec<f64>,
    /// The series.
    pub series: Vec<ColSeries>,
    /// Largest value of each series (computed once: hover must not scan the data).
    pub max: Vec<f64>,
    /// How values are written on the axis and in the tooltip.
    pub format: ValueFormat,
}

/// What the values of a columns chart are, so the axis and the tooltip write them so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueFormat {
    /// US dollars, as the dataset charts write them ("$1.5bn", "15억", "15亿").
    #[default]
    Usd,
    /// Plain numbers in the reader's way ("1.5m", "150만", "150万").
    Number,
    /// Per cent ("12.5%").
    Percent,
}

impl ValueFormat {
    /// From `columns.format`: `usd`, `number` or `percent`.
    pub fn parse(s: &str) -> Result<ValueFormat> {
        match s {
            "usd" => Ok(ValueFormat::Usd),
            "number" => Ok(ValueFormat::Number),
            "percent" => Ok(ValueFormat::Percent),
            _ => Err(Error::expected(
                "columns.format",
                "\"usd\", \"number\" or \"percent\"",
                format!("\"{s}\""),
            )),
        }
    }

    /// An axis tick.
    fn short(self, v: f64, lang: Lang) -> String {
        match self {
            ValueFormat::Usd => format::money_short(v, format::Currency::USD, lang),
            ValueFormat::Number => format::number_compact(v, 2, lang),
            ValueFormat::Percent => format!("{}%", format::decimal(v, 1)),
        }
    }

    /// A value in the tooltip.
    fn full(self, v: f64, lang: Lang) -> String {
        match self {
            ValueFormat::Usd => format::money(v, format::Currency::USD, lang),
            ValueFormat::Number => format::decimal(v, 3),
            ValueFormat::Percent => format!("{}%", format::decimal(v, 2)),
        }
    }
}

impl Columns {
    /// Checks lengths, order and values; errors name `columns.…` fields.
    /// More than [`crate::limits::COLUMN_POINTS`] values in x or a series is
    /// [`crate::ErrorKind::TooLarge`].
    pub fn new(title: String, x: Vec<f64>, series: Vec<ColSeries>) -> Result<Columns> {
        crate::limits::COLUMN_POINTS.check("columns.x", x.len())?;
        crate::limits::check_text(&|| "columns.title".into(), &title)?;
        if x.is_empty() {
            return Err(Error::expected(
                "columns.x",
                "at least one value",
                "an empty array",
            ));
        }
        if series.is_empty() || series.len() > 8 {
            return Err(Error::expected(
                "columns.series",
                "1 to 8 series",
                series.len(),
            ));
        }
        let mut prev = f64::NEG_INFINITY;
        if let Some(i) = chunked(&x, |c| bad_x(c, &mut prev)) {
            return Err(Error::expected(
                format!("columns.x[{i}]"),
                "finite, non-decreasing numbers",
                x.get(i)
                    .map_or(String::new(), |&v| crate::text::format::plain(v)),
            ));
        }
        let mut max = Vec::with_capacity(series.len());
        for (k, s) in series.iter().enumerate() {
            crate::limits::check_text(&|| format!("columns.series[{k}].id"), &s.id)?;
            crate::limits::check_text(&|| format!("columns.series[{k}].label"), &s.label)?;
            if s.y.len() != x.len() {
                return Err(Error::expected(
                    format!("columns.series[{k}].values"),
                    &format!("{} values, as many as x", x.len()),
                    s.y.len(),
                ));
            }
            let mut m = 0.0;
            if let Some(i) = chunked(&s.y, |c| scan_y(c, &mut m)) {
                return Err(Error::expected(
                    format!("columns.series[{k}].values[{i}]"),
                    "a finite number ≥ 0 (NaN for a gap)",
                    s.y.get(i)
                        .map_or(String::new(), |&v| crate::text::format::plain(v)),
                ));
            }
            max.push(m);
        }
        Ok(Columns {
            title,
            x,
            series,
            max,
            format: ValueFormat::Usd,
        })
    }

    /// The same columns, their values written as `format` says.
    pub fn with_format(mut self, format: ValueFormat) -> Columns {
        self.format = format;
        self
    }
}

/// Long loops run in chunks of this many values, each chunk one call of a small
/// non-inlined function. V8 first runs wasm in its baseline compiler and swaps in
/// optimised code only between calls (there is no on-stack replacement for wasm), so
/// one call over 10^6 values would run unoptimised to the end; chunked, all but the
/// first few chunks run optimised (Columns::new at 10^6 points × 2: 62 ms → 5 ms in a
/// profile; BENCHMARKS.md).
const CHUNK: usize = 1 << 13;

/// Runs `f` over `v` in chunks; the first `Some(i)` (an index within the chunk) is
/// returned as an index into `v`.
fn chunked<T>(v: &[T], mut f: impl FnMut(&[T]) -> Option<usize>) -> Option<usize> {
    for (k, c) in v.chunks(CHUNK).enumerate() {
        if let Some(i) = f(c) {
            return Some(k * CHUNK + i);
        }
    }
    None
}

/// The first value that is not finite or smaller than the one before.
#[inline(never)]
fn bad_x(x: &[f64], prev: &mut f64) -> Option<usize> {
    for (i, &v) in x.iter().enumerate() {
        if !v.is_finite() || v < *prev {
            return Some(i);
        }
        *prev = v;
    }
    None
}

/// The first value outside [0, MAX_USD] (NaN is a gap, not an error); raises `max`.
#[inline(never)]
fn scan_y(y: &[f64], max: &mut f64) -> Option<usize> {
    for (i, &v) in y.iter().enumerate() {
        if v.is_nan() {
            continue;
        }
        if !(0.0..=crate::data::MAX_AMOUNT).contains(&v) {
            return Some(i);
        }
        if v > *max {
            *max = v;
        }
    }
    None
}

/// M4's running state: the pixel column being gathered and the paths so far.
struct M4<'a> {
    x: &'a [f64],
    xs: &'a Linear,
    ys: &'a Linear,
    col: i64,
    /// First, min, max, last of the current column as (index, y).
    pts: [(usize, f64); 4],
    path: Vec<(f64, f64)>,
    paths: Vec<Vec<(f64, f64)>>,
}

impl M4<'_> {
    fn flush(&mut self) {
        if self.col == i64::MIN {
            return;
        }
        let mut pts = self.pts;
        sort4(&mut pts);
        let mut prev = usize::MAX;
        for (i, v) in pts {
            // `i` is an index of a value seen, so of x too
            if let Some(&x) = self.x.get(i).filter(|_| i != prev) {
                self.path.push((self.xs.map(x), self.ys.map(v)));
                prev = i;
            }
        }
        self.col = i64::MIN;
    }

    /// Values `lo..` (`y` from there), all in pixel column `c`.
    #[inline(never)]
    fn column(&mut self, lo: usize, y: &[f64], c: i64) {
        let (Some(&first), Some(&last)) = (y.first(), y.last()) else {
            return;
        };
        let (mut min, mut max, mut nan) = ((0, f64::INFINITY), (0, f64::NEG_INFINITY), false);
        for (i, &v) in y.iter().enumerate() {
            // Comparisons with NaN are false: a gap never becomes an extreme.
            if v < min.1 {
                min = (i, v);
            }
            if v > max.1 {
                max = (i, v);
            }
            nan |= v.is_nan();
        }
        if nan {
            // a gap inside the column: value by value
            return self.chunk(lo, self.x.get(lo..).unwrap_or_default(), y);
        }
        self.flush();
        self.col = c;
        self.pts = [
            (lo, first),
            (lo + min.0, min.1),
            (lo + max.0, max.1),
            (lo + y.len() - 1, last),
        ];
    }

    /// Values `lo..` (`x` and `y` from there), value by value.
    #[inline(never)]
    fn chunk(&mut self, lo: usize, x: &[f64], y: &[f64]) {
        for (k, (&xv, &v)) in x.iter().zip(y).enumerate() {
            let i = lo + k;
            if v.is_nan() {
                self.flush();
                if !self.path.is_empty() {
                    self.paths.push(std::mem::take(&mut self.path));
                }
                continue;
            }
            let c = self.xs.map(xv).floor() as i64;
            if c != self.col {
                self.flush();
                self.col = c;
                self.pts = [(i, v); 4];
            } else {
                if v < self.pts[1].1 {
                    self.pts[1] = (i, v);
                }
                if v > self.pts[2].1 {
                    self.pts[2] = (i, v);
                }
                self.pts[3] = (i, v);
            }
        }
    }
}

/// Sorts the four of a column by index: an insertion sort (no sort of core's for one
/// array of four).
// In range: `j` runs from 1..4 down to 1 over an array of four.
#[allow(clippy::indexing_slicing)]
fn sort4(pts: &mut [(usize, f64); 4]) {
    for i in 1..pts.len() {
        let mut j = i;
        while j > 0 && pts[j - 1].0 > pts[j].0 {
            pts.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// M4 over `x`, `y`: at most four points (first, lowest, highest, last) per pixel column,
/// in order; a NaN starts a new path (a gap stays a gap).
pub fn m4(x: &[f64], y: &[f64], xs: &Linear, ys: &Linear) -> Vec<Vec<(f64, f64)>> {
    let n = x.len().min(y.len());
    let (x, y) = (
        x.get(..n).unwrap_or_default(),
        y.get(..n).unwrap_or_default(),
    );
    let mut m = M4 {
        x,
        xs,
        ys,
        col: i64::MIN,
        pts: [(0, 0.0); 4],
        path: Vec::new(),
        paths: Vec::new(),
    };
    if xs.r1 > xs.r0 && xs.d1 > xs.d0 {
        // x is non-decreasing, so each pixel column is one index range: find its end by
        // binary search and scan the range in a tight loop (no per-value mapping).
        let col = |v: f64| xs.map(v).floor() as i64;
        let mut lo = 0;
        while let Some(&v) = x.get(lo) {
            let c = col(v);
            // Gallop from lo (the range is near: cache-friendly), then bisect the bracket.
            let mut step = 1;
            while x.get(lo + step).is_some_and(|&v| col(v) <= c) {
                step *= 2;
            }
            let end = (lo + step).min(n);
            let run = x.get(lo..end).unwrap_or_default();
            let hi = (lo + run.partition_point(|&v| col(v) <= c)).max(lo + 1);
            if let Some(s) = y.get(lo..hi) {
                m.column(lo, s, c);
            }
            lo = hi;
        }
    } else {
        for (k, (xc, yc)) in x.chunks(CHUNK).zip(y.chunks(CHUNK)).enumerate() {
            m.chunk(k * CHUNK, xc, yc);
        }
    }
    m.flush();
    if !m.path.is_empty() {
        m.paths.push(m.path);
    }
    m.paths
}

/// Round ticks inside `[lo, hi]` (for an x axis that does not start at zero).
pub fn range_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return vec![lo];
    }
    let span = nice_ticks(hi - lo, target);
    let step = span.get(1).copied().unwrap_or(hi - lo);
    if step.is_nan() || step <= 0.0 {
        return vec![lo];
    }
    let first = (lo / step).ceil() * step;
    (0..=100)
        .map(|k| first + k as f64 * step)
        .take_while(|v| *v <= hi + step * 1e-9)
        .collect()
}

/// The largest value among the visible series.
fn visible_max(cols: &Columns, hidden: &[bool]) -> f64 {
    cols.max
        .iter()
        .enumerate()
        .filter(|&(k, _)| !hidden.get(k).copied().unwrap_or(false))
        .map(|(_, &m)| m)
        .fold(0.0, f64::max)
}

/// The scene for columns at a size: axes, one decimated path per visible series.
pub fn build(
    cols: &Columns,
    hidden: &[bool],
    width: f64,
    height: f64,
    theme: &Theme,
    lang: Lang,
) -> Scene {
    let mut marks = vec![Mark::Rect {
        r: Rect::new(0.0, 0.0, width, height),
        fill: theme.bg,
    }];
    let ticks = nice_ticks(visible_max(cols, hidden) * 1.04, tick_target(height));
    let labels: Vec<String> = ticks.iter().map(|&t| cols.format.short(t, lang)).collect();
    let plot = plot_box(width, height, &labels, 1, 12.0);
    let ys = y_axis(&mut marks, plot, &ticks, &labels, theme);
    let xs = x_scale(cols, &plot);
    let xticks = range_ticks(xs.d0, xs.d1, (plot.w() / 90.0).clamp(2.0, 10.0) as usize);
    for &t in &xticks {
        marks.push(Mark::Text {
            at: (xs.map(t), plot.y1 + 5.0),
            text: format::decimal(t, 2),
            size: FONT,
            color: theme.fg,
            h: HAlign::Center,
            v: VAlign::Top,
            bold: false,
        });
    }
    // Dense lines are 1 CSS px: a software rasteriser strokes a 1 px line on its hairline
    // path, several times faster than a 2 px one (measured in Chromium: 1000 vertices
    // 5 ms against 36 ms), and at more than a point per two pixels a thicker line only
    // merges into a band. Sparse lines keep 1.5 px, easier to follow.
    let line_width = if cols.x.len() as f64 > plot.w() / 2.0 {
        1.0
    } else {
        1.5
    };
    let visible =
        (cols.series.iter().enumerate()).filter(|&(k, _)| !hidden.get(k).copied().unwrap_or(false));
    for (k, s) in visible {
        let color = theme.nth_series(k);
        for points in m4(&cols.x, &s.y, &xs, &ys) {
            marks.push(Mark::Path {
                points,
                stroke: color,
                width: line_width,
            });
        }
    }
    baseline(&mut marks, plot, theme);
    Scene {
        width,
        height,
        plot,
        marks,
        items: Vec::new(),
        keyed: Vec::new(),
    }
}

/// The point under a pointer: the nearest x (binary search), then the visible series
/// nearest in y. Returns (index, series, x px, y px).
pub fn nearest(
    cols: &Columns,
    hidden: &[bool],
    plot: &Rect,
    height: f64,
    px: f64,
    py: f64,
) -> Option<(usize, usize, f64, f64)> {
    if !plot.contains(px, py) {
        return None;
    }
    let xs = x_scale(cols, plot);
    let xv = xs.invert(px);
    let i = cols.x.partition_point(|&v| v < xv);
    let before = i.checked_sub(1).and_then(|p| Some((p, *cols.x.get(p)?)));
    let i = match (before, cols.x.get(i)) {
        (Some((p, pv)), Some(&n)) if (xv - pv) <= (n - xv) => p,
        (Some((p, _)), None) => p,
        _ => i,
    };
    let &x = cols.x.get(i)?;
    let ys = y_scale(cols, hidden, plot, height);
    (cols.series.iter().enumerate())
        .filter(|&(k, _)| !hidden.get(k).copied().unwrap_or(false))
        .filter_map(|(k, s)| Some((k, *s.y.get(i)?)))
        .filter(|(_, y)| !y.is_nan())
        .min_by(|(_, a), (_, b)| (ys.map(*a) - py).abs().total_cmp(&(ys.map(*b) - py).abs()))
        .map(|(k, y)| (i, k, xs.map(x), ys.map(y)))
}

/// The x scale of a columns chart: the data's range (one unit wide around a single x).
fn x_scale(cols: &Columns, plot: &Rect) -> Linear {
    // `Columns::new` refuses an empty x
    let (x0, x1) = (cols.x.first(), cols.x.last());
    let (x0, x1) = (x0.copied().unwrap_or(0.0), x1.copied().unwrap_or(0.0));
    let (x0, x1) = if x1 > x0 {
        (x0, x1)
    } else {
        (x0 - 0.5, x0 + 0.5)
    };
    Linear::new(x0, x1, plot.x0, plot.x1)
}

/// The y scale `build` draws with: zero to the last tick above the visible maximum.
fn y_scale(cols: &Columns, hidden: &[bool], plot: &Rect, height: f64) -> Linear {
    let top = nice_ticks(visible_max(cols, hidden) * 1.04, tick_target(height))
        .last()
        .copied()
        .unwrap_or(1.0);
    Linear::new(0.0, top, plot.y1, plot.y0)
}

impl crate::Widget for ColumnsChart {
    fn capabilities(&self) -> crate::Capabilities {
        crate::Capabilities::COLUMNS
    }
    fn scene(&self) -> &Scene {
        &self.scene
    }
    fn lang(&self) -> Lang {
        self.lang
    }
    fn resize(&mut self, width: f64, height: f64) -> Result<()> {
        ColumnsChart::resize(self, width, height)
    }
    fn set_lang(&mut self, lang: Lang) {
        self.set_lang(lang)
    }
    fn set_theme(&mut self, theme: Theme) {
        self.set_theme(theme)
    }
    fn toggle_series(&mut self, id: &str) -> Result<bool> {
        self.toggle_series(id)
    }
    fn meta(&self) -> crate::Meta {
        self.meta()
    }
    fn hover(&self, x: f64, y: f64) -> Option<crate::Hover> {
        self.hover(x, y)
    }
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn csv(&self) -> String {
        self.csv()
    }
}

/// A chart over columns: the state the facade keeps (size, hidden series, theme, language).
pub struct ColumnsChart {
    cols: Columns,
    hidden: Vec<bool>,
    width: f64,
    height: f64,
    theme: Theme,
    lang: Lang,
    scene: Scene,
}

impl ColumnsChart {
    /// A chart over `cols`; no size yet.
    pub fn new(cols: Columns, lang: Lang) -> ColumnsChart {
        let hidden = vec![false; cols.series.len()];
        ColumnsChart {
            cols,
            hidden,
            width: 0.0,
            height: 0.0,
            theme: Theme::default(),
            lang,
            scene: Scene::default(),
        }
    }

    fn rebuild(&mut self) {
        if self.width > 0.0 && self.height > 0.0 {
            self.scene = build(
                &self.cols,
                &self.hidden,
                self.width,
                self.height,
                &self.theme,
                self.lang,
            );
        }
    }

    /// The current scene.
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// The columns.
    pub fn columns(&self) -> &Columns {
        &self.cols
    }

    /// Sets the CSS size (same bounds as the dataset chart).
    pub fn resize(&mut self, width: f64, height: f64) -> Result<()> {
        layout::check_size(width, height)?;
        self.width = width;
        self.height = height;
        self.rebuild();
        Ok(())
    }

    /// Hides or shows a series; returns whether it is now visible.
    pub fn toggle_series(&mut self, id: &str) -> Result<bool> {
        let k = self
            .cols
            .series
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| {
                Error::expected_as(
                    crate::error::ErrorKind::UnknownId,
                    "series",
                    "a series id of the columns",
                    format!("\"{id}\""),
                )
            })?;
        // `hidden` has a flag per series
        let visible = self.hidden.get_mut(k).map_or(true, |h| {
            *h = !*h;
            !*h
        });
        self.rebuild();
        Ok(visible)
    }

    /// Replaces the colours and redraws; series take `theme.series` in turn (the fourth
    /// series the first colour again).
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
        self.rebuild();
    }

    /// Language of numbers and labels.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.rebuild();
    }

    /// Reader language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The point under the pointer.
    pub fn hover(&self, px: f64, py: f64) -> Option<crate::Hover> {
        let (i, k, cx, cy) = nearest(
            &self.cols,
            &self.hidden,
            &self.scene.plot,
            self.height,
            px,
            py,
        )?;
        let s = self.cols.series.get(k)?;
        let (&x, &y) = (self.cols.x.get(i)?, s.y.get(i)?);
        let title = format::decimal(x, 3);
        let value = self.cols.format.full(y, self.lang);
        Some(crate::Hover {
            index: i,
            x: cx - 4.0,
            y: cy - 4.0,
            w: 8.0,
            h: 8.0,
            announce: format!("{title}, {}, {value}", s.label),
            title,
            series: s.label.clone(),
            series_id: s.id.clone(),
            value,
            lines: Vec::new(),
            source: String::new(),
            url: String::new(),
        })
    }

    /// Titles, legend and summary: no views, notes, sources or claims.
    pub fn meta(&self) -> crate::Meta {
        let lang = self.lang;
        crate::Meta {
            kind: "columns",
            can: crate::Capabilities::COLUMNS,
            lang: lang.code(),
            title: self.cols.title.clone(),
            subtitle: String::new(),
            notes: Vec::new(),
            source_line: String::new(),
            credit: String::new(),
            view: String::new(),
            views: Vec::new(),
            legend: self.legend(),
            summary: crate::text::words::columns_sentence(
                lang,
                &self.cols.title,
                self.cols.series.len(),
                self.cols.x.len(),
            ),
            claims: 0,
            ui: crate::text::words::Ui::new(lang),
        }
    }

    /// Legend entries (id, label, colour, visible).
    pub fn legend(&self) -> Vec<crate::LegendEntry> {
        self.cols
            .series
            .iter()
            .enumerate()
            .map(|(k, s)| crate::LegendEntry {
                id: s.id.clone(),
                label: s.label.clone(),
                color: self.theme.nth_series(k).css(),
                texture: "solid",
                visible: !self.hidden.get(k).copied().unwrap_or(false),
            })
            .collect()
    }

    /// All points as CSV: x, then one column per series (empty for a gap).
    pub fn csv(&self) -> String {
        let mut out = String::from("x");
        for s in &self.cols.series {
            out.push(',');
            format::csv_field(&mut out, &s.id);
        }
        out.push('\n');
        for (i, x) in self.cols.x.iter().enumerate() {
            out.push_str(&format::decimal(*x, 6).replace(',', ""));
            for s in &self.cols.series {
                out.push(',');
                // every series has as many values as x (`Columns::new`)
                if let Some(&y) = s.y.get(i).filter(|y| !y.is_nan()) {
                    out.push_str(&format::decimal(y, 6).replace(',', ""));
                }
            }
            out.push('\n');
        }
        out
    }
}
