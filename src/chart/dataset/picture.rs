//! The dataset chart's published picture: the figure the shell builds (`www/shell/dom.js`,
//! `panels.js`: title, subtitle, tabs, legend, the plot, the tools, notes and sources) as
//! static HTML, with the plot drawn as SVG by the same selection, layout and drawing as
//! the canvas, at a few widths. A page shows it at its first paint, and a reader without
//! JavaScript reads it (the sources line, the data in a `<details>` table, the summary for
//! screen readers); the shell takes it over when the wasm has loaded
//! (`www/shell/picture.js`). The stylesheet shows the drawing made for the container's
//! width and gives the plot the height the shell will give the canvas
//! ([`picture_css`], the same rule as [`layout::preferred_height`]), so nothing moves then.

use std::fmt::Write as _;

use super::DatasetChart;
use crate::chart::present;
use crate::error::Result;
use crate::scene::theme::{Rgba, THEME_KEYS};
use crate::scene::{self, layout, Mark, Target, Theme};

/// The published drawings: each is shown from a container width (CSS px) up to the next
/// one's, drawn at its own width and scaled to the plot's box (its aspect kept). The breaks
/// follow the height rule ([`layout::HEIGHT_RULE`]): below 440 px the box is 0.9 × the
/// width high (the 360 px drawing has that shape); from 440 px it is 380 px high (about
/// 1.3:1 at 500); from 560 px 2:1 (720); from 960 px 480 px high (1120). The story's
/// drawings change their ticks and labels at 311–509 px, at 560, 669, 746 and 779 px
/// (tests/picture.rs measures it), so a drawing is never far from the layout the wasm
/// will draw.
pub const PICTURE_WIDTHS: [PictureWidth; 4] = [
    PictureWidth {
        from: 0,
        drawn: 360,
    },
    PictureWidth {
        from: 440,
        drawn: 500,
    },
    PictureWidth {
        from: 560,
        drawn: 720,
    },
    PictureWidth {
        from: 960,
        drawn: 1120,
    },
];

/// One published drawing: shown for containers from `from` px wide, drawn `drawn` px wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureWidth {
    /// The narrowest container (CSS px) it is shown in.
    pub from: u32,
    /// The width it is drawn at (CSS px); its height is the height rule's for that width.
    pub drawn: u32,
}

/// How to write the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct PictureOptions {
    /// The prefix of its ids (the description's, the tabs'…): unique in the page when the
    /// picture is in the page's own DOM; any in a shadow root.
    pub id: String,
    /// A `<style>` with the widget's stylesheet before the figure, so the picture is laid
    /// out without the shell (and without JavaScript). Off for a page that links
    /// `trade-chart.css` itself (a strict CSP refuses inline styles).
    pub style: bool,
    /// A fixed height for the plot (create()'s `height` option), in CSS px: the drawings
    /// are made that high and the plot's box is (rounded as the shell rounds it); `None`:
    /// the height rule's.
    pub height: Option<f64>,
    /// create()'s `theme` (`auto`, `light` or `dark`; `None` is `auto`): the figure's
    /// `data-tc-theme`, as the shell writes it, so the stylesheet gives the picture the
    /// palette the chart will have.
    pub theme: Option<String>,
}

impl Default for PictureOptions {
    fn default() -> Self {
        PictureOptions {
            id: "tc0-".into(),
            style: true,
            height: None,
            theme: None,
        }
    }
}

/// The palette's colours by name (`THEME_KEYS`, in their order) as the light theme has
/// them: the picture is drawn in these, and the stylesheet puts the page's own palette
/// (`--tc-<key>`, else the theme's `--tcp-<key>`) in their place ([`picture_css`]), as
/// the shell gives the canvas the page's colours.
fn palette() -> [(&'static str, Rgba); 9] {
    let t = Theme::light();
    let [a, b, c] = t.series;
    let colours = [t.bg, t.fg, t.muted, t.grid, t.axis, a, b, c, t.claim];
    let mut out = [("", t.bg); 9];
    for ((slot, key), colour) in out.iter_mut().zip(THEME_KEYS).zip(colours) {
        *slot = (key, colour);
    }
    out
}

/// A colour as the SVG writer writes it (`#RRGGBB`).
fn hex(c: Rgba) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The widget's stylesheet (`www/trade-chart.css`), as the packaged shell carries it:
/// comments out, one rule part a line.
pub fn stylesheet() -> String {
    let css = include_str!("../../../www/trade-chart.css");
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find("*/") {
            Some(end) => &rest[start + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The picture's rules that follow the layout: the plot's height for the container's
/// width ([`layout::HEIGHT_RULE`] in CSS: the width floored to a whole px as the shell
/// measures it, times the factor, clamped, rounded to a whole px as the shell rounds it),
/// the page's palette in place of the light theme's colours the drawings are made in,
/// a span's band's opacity for the theme, and which drawing ([`PICTURE_WIDTHS`]) each
/// width shows. `100cqw` comes out a hair under the container's width in Chromium
/// (409.99… for 410), so 0.005 px is added before flooring: less than the 1/64 px a
/// layout width can differ by. `www/trade-chart.css` holds
/// exactly this text (a test checks), so a page that links the stylesheet has it too.
pub fn picture_css() -> String {
    let mut css = String::new();
    let height = |s: &layout::HeightStep| {
        format!(
            ".tc-picture-img {{ height: round(nearest, clamp({}px, round(down, 100cqw + 0.005px, 1px) * {}, {}px), 1px); }}",
            s.min, s.factor, s.max
        )
    };
    for (i, s) in layout::HEIGHT_RULE.iter().enumerate() {
        if i == 0 {
            let _ = writeln!(css, "{}", height(s));
        } else {
            let _ = writeln!(
                css,
                "@container (width >= {}px) {{ {} }}",
                s.from,
                height(s)
            );
        }
    }
    for (key, colour) in palette() {
        let h = hex(colour);
        let _ = writeln!(
            css,
            ".tc-picture-img [fill=\"{h}\"] {{ fill: var(--tc-{key}, var(--tcp-{key})); }} .tc-picture-img [stroke=\"{h}\"] {{ stroke: var(--tc-{key}, var(--tcp-{key})); }} .tc-swatch[data-tc-color=\"{key}\"] {{ background-color: var(--tc-{key}, var(--tcp-{key})); }}"
        );
    }
    // A span's band, drawn in the light theme's muted colour and opacity (the only mark
    // with both): the theme's opacity, as the canvas has it (`--tcp-band-opacity`, set
    // with the palette in `www/trade-chart.css`).
    let [light, _] = scene::annotate::BAND_OPACITY;
    let _ = writeln!(
        css,
        ".tc-picture-img [fill=\"{}\"][opacity=\"{}\"] {{ opacity: var(--tcp-band-opacity); }}",
        hex(Theme::light().muted),
        crate::number::plain(light)
    );
    for (i, w) in PICTURE_WIDTHS.iter().enumerate() {
        let next = PICTURE_WIDTHS.get(i + 1).map(|n| n.from);
        let range = match (w.from, next) {
            (0, Some(to)) => format!("(width < {to}px)"),
            (from, Some(to)) => format!("({from}px <= width < {to}px)"),
            (from, None) => format!("(width >= {from}px)"),
        };
        let _ = writeln!(
            css,
            "@container {range} {{ .tc-picture-img > svg[data-tc-from=\"{}\"] {{ display: block; }} }}",
            w.from
        );
    }
    css
}

/// The figure's height around the plot (its title, subtitle, tabs, legend, tools, notes and
/// sources; its margins apart) by the container's width, for the reservation a chart
/// without a picture gets before it is made ([`reserve_css`]): the story's opening view in
/// English as Chromium lays it out with the system's sans-serif (measured at every whole
/// px from 280 to 1300). `(from, px)`: from that content width (CSS px) on. Another
/// dataset's texts wrap at other widths; the difference is what moves when its chart comes.
pub const RESERVE_TEXTS: [(u32, f64); 10] = [
    (0, 451.8),
    (281, 413.8),
    (341, 397.0),
    (389, 361.0),
    (396, 340.0),
    (478, 318.44),
    (485, 301.64),
    (515, 263.64),
    (645, 227.64),
    (683, 210.84),
];

/// What stands for a chart without a picture until it is made, so that the page does not
/// move when it comes: a `::before` block with the figure's margins and its height at the
/// container's width (the plot by [`layout::HEIGHT_RULE`], the texts by
/// [`RESERVE_TEXTS`]), on `<trade-chart>` before it is defined, a `[data-trade-chart]`
/// before create() has it, the element create() was given (`data-tc-box`, set at once), a
/// lazy chart waiting (`data-tc-pending`) and the element's own box (`.tc-box`), each only
/// while it holds no figure, and never one marked `data-tc-pictured` in its start tag: the
/// markup that writes a picture into an element marks it, because Chromium does not update
/// `:has()` for children the parser is still adding (a figure streamed in several chunks
/// would show under the stand-in's height until its end, then jump up: issue 22's 0.85
/// layout shift on a slow network). A percentage padding is of the container's width, so no query
/// container is needed (one would keep the figure's margins from collapsing as they will);
/// a step at width `b` is `clamp(0px, (100% - (b - 1)px) * 1000, d)`. `--tc-reserve` sets
/// the height instead. In a shadow root the picture's stylesheet drops the stand-in of its
/// host (`:host::before`): a server-rendered `<trade-chart>` has its picture there.
/// `www/trade-chart.css` holds exactly this text (a test checks).
pub fn reserve_css() -> String {
    let who = ":is(trade-chart:not(:defined), [data-trade-chart]:not([data-tc-box]), [data-tc-box=\"\"], [data-tc-pending], .tc-box):not(:has(> figure.tc), [data-tc-pictured])";
    let px = |v: f64| format!("{}px", crate::number::plain(v));
    let clamp = |s: &layout::HeightStep| {
        format!(
            "clamp({}, 100% * {}, {})",
            px(s.min),
            crate::number::plain(s.factor),
            px(s.max)
        )
    };
    // The plot: each step of the height rule from its width on, up to the next one's.
    let mut plot = String::new();
    let steps = layout::HEIGHT_RULE;
    for (i, s) in steps.iter().enumerate() {
        let mut term = clamp(s);
        if i > 0 {
            term = format!("min({term}, (100% - {}) * 1000)", px(s.from - 1.0));
        }
        if let Some(next) = steps.get(i + 1) {
            term = format!("min({term}, ({} - 100%) * 1000)", px(next.from));
        }
        if !plot.is_empty() {
            plot.push_str(", ");
        }
        plot.push_str(&term);
    }
    let plot = if steps.len() > 1 {
        format!("max({plot})")
    } else {
        plot
    };
    let mut texts = px(RESERVE_TEXTS[0].1);
    for (prev, (from, v)) in RESERVE_TEXTS.iter().zip(RESERVE_TEXTS.iter().skip(1)) {
        let d = v - prev.1;
        let sign = if d < 0.0 { '-' } else { '+' };
        let _ = write!(
            texts,
            " {sign} clamp(0px, (100% - {}) * 1000, {})",
            px(f64::from(*from) - 1.0),
            px((d.abs() * 100.0).round() / 100.0)
        );
    }
    format!(
        "{who} {{ display: block; }}\n\
{who}::before {{ content: \"\"; display: block; margin: 22.5px 0; padding-top: var(--tc-reserve, calc({plot} + {texts})); }}\n\
:host(trade-chart)::before {{ content: none !important; }}\n"
    )
}

/// `s` as text in an element or a double- or single-quoted attribute value (the
/// picture's markup, and the one-file page the importers write: `trade_chart_import::publish`).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A view id as the shell writes it in a tab's id (`[^\w-]` as `_`).
fn id_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

impl DatasetChart {
    /// The current view's drawing `width` CSS px wide at the height rule's height, as the
    /// canvas draws it, as an SVG element for the picture: sized by the stylesheet, hidden
    /// from screen readers (the plot's description says what it shows).
    pub fn picture_svg(&self, width: f64, from: u32, height: Option<f64>) -> Result<String> {
        let height = height.unwrap_or_else(|| layout::preferred_height(width).round());
        // In the light theme's colours, which the stylesheet maps to the page's palette.
        let light = Theme::light();
        let mut input = self.input(width, height);
        input.theme = &light;
        let mut scene = scene::build(&input);
        // Our SVG writer, as plotters' own, writes a text's size divided by 1.24 (the
        // downloads keep that); the picture must show the canvas's sizes.
        for m in &mut scene.marks {
            if let Mark::Text { size, .. } = m {
                *size *= 1.24;
            }
        }
        let svg = crate::render::svg(&scene)?;
        let body = svg
            .split_once('\n')
            .map(|(_, b)| b)
            .unwrap_or("")
            .trim_end();
        let body = body.strip_suffix("</svg>").unwrap_or(body);
        Ok(format!(
            "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" data-tc-from=\"{from}\" aria-hidden=\"true\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">\n{body}{}</svg>",
            self.picture_hits(&scene),
            w = scene.width.ceil(),
            h = scene.height.ceil(),
        ))
    }

    /// The drawing's hit regions, last in it (over the marks): one transparent rectangle per
    /// item, the item's hit box as the live chart's hover has it (whole px), so the shell
    /// can answer a hover before the wasm has taken the picture over (`www/shell/picture.js`).
    /// Each carries its tooltip's place among the picture's tooltips (`data-i`: a figure's,
    /// an annotation's, once though the scene has it once per row, and a claim's;
    /// [`DatasetChart::picture_tips`]); a figure's is its row in the data table, as the
    /// pictures before the tooltips had it, so an older shell still shows the figures' rows
    /// (and no other's: their places are past the table's end). Figures first, then
    /// annotations, then claims: the later wins where they overlap, as
    /// [`crate::chart::hit::item_at`] has it.
    fn picture_hits(&self, scene: &scene::Scene) -> String {
        let tips = self.tip_targets();
        let (mut figures, mut marks, mut claims) = (String::new(), String::new(), String::new());
        let mut seen = Vec::new();
        for it in &scene.items {
            let Some(k) = tips.iter().position(|&t| t == it.target) else {
                continue;
            };
            let out = match it.target {
                Target::Obs(_) => &mut figures,
                Target::Annotation(_) if seen.contains(&k) => continue,
                Target::Annotation(_) => {
                    seen.push(k);
                    &mut marks
                }
                Target::Claim(_) => &mut claims,
            };
            let [x0, y0, x1, y1] = [it.hit.x0, it.hit.y0, it.hit.x1, it.hit.y1].map(f64::round);
            let _ = write!(
                out,
                "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" data-i=\"{k}\"/>",
                x1 - x0,
                y1 - y0
            );
        }
        format!("<g class=\"tc-hits\" fill=\"none\" pointer-events=\"all\">{figures}{marks}{claims}</g>")
    }

    /// What the picture's tooltips are about, in their order (a hit region's `data-i`): the
    /// view's figures (as the data table has them), its annotations, its claims.
    fn tip_targets(&self) -> Vec<Target> {
        let figures = self.table_facts().map(|(r, _)| Target::Obs(r));
        let notes = self.table_notes().map(|(a, _)| Target::Annotation(a));
        let claims = self.sel.claims.iter().map(|&c| Target::Claim(c));
        figures.chain(notes).chain(claims).collect()
    }

    /// The picture's tooltips, for the shell's hover before the wasm has taken the picture
    /// over: what the live tooltip says about each of [`DatasetChart::tip_targets`]
    /// ([`present::tooltip`], the words [`present::describe`] gives the live one), in a
    /// `<template>` (not shown, not read, not laid out). One `<div>` a tooltip, its series'
    /// id (`data-s`, for its legend swatch) and a `<p>` for each of its title, series,
    /// value, lines and source (empty ones too: the shell reads them by place).
    fn picture_tips(&self, o: &mut String) {
        o.push_str("<template class=\"tc-tips\">");
        for target in self.tip_targets() {
            let Some(h) = present::tooltip(&self.ds, target, self.lang) else {
                o.push_str("<div></div>");
                continue;
            };
            o.push_str("<div");
            if !h.series_id.is_empty() {
                let _ = write!(o, " data-s=\"{}\"", escape_html(&h.series_id));
            }
            o.push('>');
            let parts = [&h.title, &h.series, &h.value];
            for p in parts.into_iter().chain(&h.lines).chain([&h.source]) {
                let _ = write!(o, "<p>{}</p>", escape_html(p));
            }
            o.push_str("</div>");
        }
        o.push_str("</template>");
    }

    /// The picture: the stylesheet (with `options.style`) and the figure as the shell
    /// builds it for the current view, language and theme, its plot drawn at each of
    /// [`PICTURE_WIDTHS`]. Nothing between the figure's elements (no text nodes the shell's
    /// figure does not have). `data-tc-picture` on the figure tells the shell to take it over.
    pub fn picture(&self, options: &PictureOptions) -> Result<String> {
        let meta = self.meta();
        let ui = &meta.ui;
        let id = escape_html(&options.id);
        let mut o = String::new();
        if options.style {
            o.push_str("<style>");
            o.push_str(&stylesheet());
            o.push_str("</style>");
        }
        let theme = options
            .theme
            .as_deref()
            .filter(|t| matches!(*t, "light" | "dark"))
            .unwrap_or("auto");
        let _ = write!(
            o,
            "<figure class=\"tc\" data-state=\"ready\" part=\"figure\" data-tc-theme=\"{theme}\" lang=\"{}\" data-tc-picture=\"\">",
            meta.lang
        );
        o.push_str("<div class=\"tc-sizer\" aria-hidden=\"true\"></div>");
        let _ = write!(
            o,
            "<figcaption class=\"tc-head\" part=\"head\"><p class=\"tc-title\" part=\"title\">{}</p><p class=\"tc-subtitle\" part=\"subtitle\">{}</p></figcaption>",
            escape_html(&meta.title),
            escape_html(&meta.subtitle)
        );
        // The tabs as they will be (the shell hides them for a chart without views).
        let _ = write!(
            o,
            "<div class=\"tc-tabs\" role=\"tablist\" part=\"tabs\" aria-label=\"{}\">",
            escape_html(ui.views)
        );
        for v in &meta.views {
            let selected = v.id == meta.view;
            let _ = write!(
                o,
                "<button type=\"button\" role=\"tab\" data-view=\"{}\" id=\"{id}tab-{}\" aria-controls=\"{id}plot\" aria-selected=\"{selected}\"{}>{}</button>",
                escape_html(&v.id),
                escape_html(&id_part(&v.id)),
                if selected { "" } else { " tabindex=\"-1\"" },
                escape_html(&v.label)
            );
        }
        o.push_str("</div>");
        let _ = write!(
            o,
            "<div class=\"tc-legend\" role=\"group\" part=\"legend\" aria-label=\"{}\">",
            escape_html(ui.legend)
        );
        for s in &meta.legend {
            // The series' colour as the page's palette gives it (the swatch the shell
            // writes has the colour the page resolves): named, for the stylesheet's rule
            // (no style attribute, which a strict CSP refuses); a colour outside the
            // palette as a style attribute.
            let color = match palette().into_iter().find(|(_, c)| c.css() == s.color) {
                Some((key, _)) => format!(" data-tc-color=\"{key}\""),
                None => format!(" style=\"background-color: {}\"", escape_html(&s.color)),
            };
            let _ = write!(
                o,
                "<button type=\"button\" data-series=\"{}\" aria-pressed=\"{}\"><span class=\"tc-swatch\" aria-hidden=\"true\" data-texture=\"{}\"{color}></span>{}</button>",
                escape_html(&s.id),
                s.visible,
                s.texture,
                escape_html(&s.label)
            );
        }
        o.push_str("</div>");
        let label = if meta.title.is_empty() {
            ui.chart
        } else {
            &meta.title
        };
        // A fixed height as the shell gives it the canvas (Math.round of a positive one).
        let fixed = options
            .height
            .filter(|h| h.is_finite() && *h > 0.0)
            .map(|h| (h + 0.5).floor().clamp(1.0, 20_000.0));
        // Marked, not styled: the drawings are made that high, and the stylesheet lets them
        // keep their own height (no style attribute, which a strict CSP refuses).
        let style = if fixed.is_some() {
            " data-tc-fixed=\"\""
        } else {
            ""
        };
        let _ = write!(
            o,
            "<div class=\"tc-plot\" role=\"tabpanel\" id=\"{id}plot\" part=\"plot\" aria-labelledby=\"{id}tab-{}\"><div class=\"tc-picture-img\" role=\"img\" tabindex=\"0\" aria-label=\"{}\" aria-describedby=\"{id}desc\" part=\"canvas\"{style}>",
            escape_html(&id_part(&meta.view)),
            escape_html(label)
        );
        for w in PICTURE_WIDTHS {
            o.push_str(&self.picture_svg(f64::from(w.drawn), w.from, fixed)?);
        }
        o.push_str("</div>");
        self.picture_tips(&mut o);
        o.push_str("</div>");
        let _ = write!(
            o,
            "<p class=\"tc-sr\" id=\"{id}desc\">{}</p>",
            escape_html(&meta.summary)
        );
        // The tools as they will be (inert until the shell takes over; hidden without scripts).
        let _ = write!(
            o,
            "<div class=\"tc-tools\" part=\"tools\"><button class=\"tc-toggle tc-show-data\" type=\"button\" aria-expanded=\"false\">{}</button>",
            escape_html(ui.show_data)
        );
        if meta.claims > 0 {
            let _ = write!(
                o,
                "<button class=\"tc-toggle tc-show-claims\" type=\"button\" aria-expanded=\"false\">{}</button>",
                escape_html(ui.claims)
            );
        }
        let _ = write!(
            o,
            "<div class=\"tc-download\" role=\"group\" aria-labelledby=\"{id}dl\"><span class=\"tc-download-label\" id=\"{id}dl\">{}</span><button type=\"button\" data-format=\"csv\">CSV</button><button type=\"button\" data-format=\"png\">PNG</button><button type=\"button\" data-format=\"svg\">SVG</button></div></div>",
            escape_html(ui.download)
        );
        self.picture_data(&mut o, ui.show_data);
        let _ = write!(
            o,
            "<footer class=\"tc-foot\" part=\"foot\"><p class=\"tc-notes\">{}</p><p class=\"tc-source\">{}</p></footer></figure>",
            escape_html(&meta.notes.join("\n")),
            escape_html(&meta.source_line)
        );
        Ok(o)
    }

    /// For readers without scripts (the stylesheet shows it only then): the view's figures
    /// as a table, the annotations it draws as a second one, and its sources with their
    /// links, in a `<details>`.
    fn picture_data(&self, o: &mut String, summary: &str) {
        let t = self.table();
        let _ = write!(
            o,
            "<details class=\"tc-nojs\"><summary>{}</summary><div class=\"tc-data\">",
            escape_html(summary)
        );
        for t in std::iter::once(&t).chain(t.annotations.as_deref()) {
            let _ = write!(
                o,
                "<table><caption>{}</caption><thead><tr>",
                escape_html(&t.caption)
            );
            for h in &t.headers {
                let _ = write!(o, "<th scope=\"col\">{}</th>", escape_html(h));
            }
            o.push_str("</tr></thead><tbody>");
            for row in &t.rows {
                o.push_str("<tr>");
                for (i, c) in row.iter().enumerate() {
                    if i == 0 {
                        let _ = write!(o, "<th scope=\"row\">{}</th>", escape_html(c));
                    } else {
                        let _ = write!(o, "<td>{}</td>", escape_html(c));
                    }
                }
                o.push_str("</tr>");
            }
            o.push_str("</tbody></table>");
        }
        o.push_str("</div><ul class=\"tc-nojs-sources\">");
        for s in self
            .sel
            .sources
            .iter()
            .filter_map(|&i| self.ds.sources.get(i))
        {
            let mut text = s.publisher.clone();
            if !s.title.is_empty() {
                text.push_str(": ");
                text.push_str(&s.title);
            }
            if let Some(d) = &s.date {
                text.push_str(", ");
                text.push_str(d);
            }
            let _ = write!(
                o,
                "<li><a href=\"{}\">{}</a></li>",
                escape_html(&s.url),
                escape_html(&text)
            );
        }
        o.push_str("</ul></details>");
    }
}

/// `<trade-chart>` as a page rendered on the server writes it (`trade-chart/server`'s
/// `render`): create()'s options as its attributes, the picture in a declarative shadow
/// root (`<template shadowrootmode="open">`: laid out before any script, and without one;
/// the element takes it over), the dataset inline. `data`: the dataset's JSON text;
/// `options`: create()'s options as JSON text (`view`, `lang`, `theme`, `height`,
/// `loading`; the others are refused here), checked as create() checks them.
pub fn render_element(data: &str, options: &str) -> Result<String> {
    render_element_styled(data, options, false)
}

/// [`render_element`], or with `page_style` the picture for a page whose CSP refuses inline
/// styles (`trade-chart/server`'s `style: 'page'`): no `<style>` and no declarative shadow
/// root, the figure a child of the element, styled by the page's own `<link>` to
/// `trade-chart.css` (which holds the first paint back; a `<link>` in a shadow root does
/// not, and the picture was painted unstyled first), its ids made unique from the data
/// and the options; the element moves it into its shadow root when it is defined.
pub fn render_element_styled(data: &str, options: &str, page_style: bool) -> Result<String> {
    let o = crate::chart::options::Options::from_json(options)?;
    if !page_style {
        return element(data, &o, None);
    }
    // FNV-1a of the data and the options: the same chart gets the same ids.
    let mut h: u32 = 0x811c_9dc5;
    for b in data.bytes().chain([0]).chain(options.bytes()) {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    element(data, &o, Some(&format!("tc{h:08x}-")))
}

/// [`render_element`] with the options read already (the command line's `render --format
/// html`).
pub fn render_element_with(data: &str, o: &crate::chart::options::Options) -> Result<String> {
    element(data, o, None)
}

/// `light`: the id prefix of a picture in the element's light DOM, without a `<style>`
/// ([`render_element_styled`]); none: in a declarative shadow root with its `<style>`.
fn element(data: &str, o: &crate::chart::options::Options, light: Option<&str>) -> Result<String> {
    for (name, v) in [
        ("title", o.title.is_some()),
        ("data", o.data.is_some()),
        ("columns", o.columns.is_some()),
    ] {
        if v {
            return Err(crate::Error::at(
                crate::ErrorKind::Unsupported,
                format!("options.{name}"),
                "not an option of a server render (the dataset is its first argument)",
            ));
        }
    }
    let ds = crate::Dataset::from_json(data.trim_start_matches('\u{feff}'))
        .map_err(|e| e.within("data"))?;
    let chart = DatasetChart::new(ds, o)?;
    let picture = chart.picture(&PictureOptions {
        id: light.unwrap_or("tc0-").into(),
        style: light.is_none(),
        height: o.height,
        theme: o.theme.clone(),
    })?;
    let mut attrs = String::new();
    let height = o.height.map(crate::number::plain);
    for (name, v) in [
        ("view", o.view.as_deref()),
        ("lang", o.lang.as_deref()),
        ("theme", o.theme.as_deref()),
        ("height", height.as_deref()),
        ("loading", o.loading.as_deref()),
    ] {
        if let Some(v) = v {
            let _ = write!(attrs, " {name}=\"{}\"", escape_html(v));
        }
    }
    // The dataset as JSON text inside <script type="application/json">: every `<` as
    // `\u003c` (the rule of crates/import's publish.rs: in JSON a `<` is only in a string,
    // where `\u003c` is the same character).
    let json = data.trim().replace('<', "\\u003c");
    Ok(if light.is_some() {
        format!("<trade-chart{attrs} data-tc-pictured>{picture}<script type=\"application/json\">{json}</script></trade-chart>")
    } else {
        format!("<trade-chart{attrs}><template shadowrootmode=\"open\"><div class=\"tc-box\" data-tc-pictured>{picture}</div></template><script type=\"application/json\">{json}</script></trade-chart>")
    })
}
