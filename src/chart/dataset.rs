//! The chart's state, without a canvas: dataset, view, hidden series, language,
//! theme, size, and the scene built from them. The wasm facade wraps this; native
//! tests drive it directly.

use crate::chart::hit::{self, Key};
use crate::chart::options::Options;
use crate::chart::present::{
    self, Capabilities, ClaimInfo, Hover, ItemInfo, LegendEntry, Meta, Table, ViewInfo,
};
use crate::chart::state::State;
use crate::data::{Check, ClaimStatus, Dataset, FigureKind, Groups, Op, ViewKind};
use crate::error::{Error, ErrorKind, Result};
use crate::scene::layout::{self, wrap, Rect};
use crate::scene::{self, HAlign, Mark, Scene, SceneInput, Target, Texture, Theme, VAlign};
use crate::select::Selection;
use crate::text::format;
use crate::text::words::{self, t, Lang, Msg, Ui};

/// The social card's size in CSS px: drawn at [`SOCIAL_SCALE`]× it is the 1200×630 px
/// picture that og:image and most social sites ask for, with every label twice the size
/// it has in the page (the card is shown about 500 px wide in a feed).
pub const SOCIAL_CARD: (f64, f64) = (600.0, 315.0);

/// Device pixels per CSS pixel of the social card.
pub const SOCIAL_SCALE: f64 = 2.0;

/// The exported picture's margin, CSS px.
const PAD: f64 = 16.0;

/// The chart's state.
pub struct Chart {
    ds: Dataset,
    view: usize,
    hidden: Vec<bool>,
    width: f64,
    height: f64,
    theme: Theme,
    lang: Lang,
    sel: Selection,
    scene: Scene,
}

impl Chart {
    /// A chart over `ds` with `options`; no size yet (call `resize`). A dataset without
    /// views (which validation never makes) is refused.
    pub fn new(ds: Dataset, options: &Options) -> Result<Chart> {
        let lang = options.language()?.unwrap_or_default();
        if ds.views.is_empty() {
            return Err(Error::expected("views", "at least one view", "none"));
        }
        let view = match &options.view {
            None => 0,
            Some(id) => find_view(&ds, id, "options.view")?,
        };
        let hidden = vec![false; ds.series.len()];
        let sel = Selection::new(&ds, view, &hidden);
        Ok(Chart {
            ds,
            view,
            hidden,
            width: 0.0,
            height: 0.0,
            theme: Theme::default(),
            lang,
            sel,
            scene: Scene::default(),
        })
    }

    /// The dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.ds
    }

    /// The current scene.
    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    /// The colours.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The reader language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    fn input(&self, width: f64, height: f64) -> SceneInput<'_> {
        SceneInput {
            ds: &self.ds,
            sel: &self.sel,
            width,
            height,
            theme: &self.theme,
            lang: self.lang,
        }
    }

    /// After a change of view, series or data: what is shown, then the scene.
    fn reselect(&mut self) {
        self.sel = Selection::new(&self.ds, self.view, &self.hidden);
        self.rebuild();
    }

    fn rebuild(&mut self) {
        if self.width > 0.0 && self.height > 0.0 {
            self.scene = scene::build(&self.input(self.width, self.height));
        }
    }

    /// Sets the CSS size and rebuilds the scene.
    pub fn resize(&mut self, width: f64, height: f64) -> Result<()> {
        layout::check_size(width, height)?;
        self.width = width;
        self.height = height;
        self.rebuild();
        Ok(())
    }

    /// Switches view.
    pub fn set_view(&mut self, id: &str) -> Result<()> {
        self.view = find_view(&self.ds, id, "view")?;
        self.reselect();
        Ok(())
    }

    /// Switches language (`en`, `ko`, `zh`, or a tag starting so).
    pub fn set_lang(&mut self, tag: &str) -> Result<()> {
        self.lang = Lang::require(tag, "lang")?;
        self.rebuild();
        Ok(())
    }

    /// Replaces the colours.
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
        self.rebuild();
    }

    /// The current view's id.
    pub fn view_id(&self) -> &str {
        &self.current().id
    }

    /// The current view.
    // In range: `view` is 0 or an index `view_index` found, and `new` and `set_data`
    // never take a dataset without views; a checked index would need a made-up view.
    #[allow(clippy::indexing_slicing)]
    fn current(&self) -> &crate::data::View {
        &self.ds.views[self.view]
    }

    /// Hides or shows a series of the current view; returns whether it is now visible.
    pub fn toggle_series(&mut self, id: &str) -> Result<bool> {
        let view = self.current();
        let id_of = |s: usize| self.ds.series.get(s).map_or("", |s| s.id.as_str());
        let Some(&s) = view.series.iter().find(|&&s| id_of(s) == id) else {
            let known: Vec<&str> = view.series.iter().map(|&s| id_of(s)).collect();
            return Err(Error::expected_as(
                ErrorKind::UnknownId,
                "series",
                &format!("one of {}", known.join(", ")),
                format!("\"{id}\""),
            ));
        };
        // `hidden` has a flag per series of the dataset
        let visible = self.hidden.get_mut(s).map_or(true, |h| {
            *h = !*h;
            !*h
        });
        self.reselect();
        Ok(visible)
    }

    /// What the reader changed: the view, the hidden series, the language
    /// ([`crate::chart::state::State`], which the full module's copy of this chart restores).
    pub fn state(&self) -> State {
        let hidden = self.ds.series.iter().zip(&self.hidden);
        State {
            view: self.view_id().to_string(),
            hidden: hidden
                .filter(|(_, &h)| h)
                .map(|(s, _)| s.id.clone())
                .collect(),
            lang: self.lang.code().to_string(),
        }
    }

    /// Takes the view, hidden series and language of `state` (what [`Chart::state`] of a
    /// chart over the same dataset gave). An unknown view, series or language is an error
    /// naming it, and nothing changes.
    pub fn restore(&mut self, state: &State) -> Result<()> {
        let view = find_view(&self.ds, &state.view, "state.view")?;
        let lang = Lang::require(&state.lang, "state.lang")?;
        let mut hidden = vec![false; self.ds.series.len()];
        for (i, id) in state.hidden.iter().enumerate() {
            let s = self
                .ds
                .series
                .iter()
                .position(|s| &s.id == id)
                .ok_or_else(|| {
                    Error::expected_as(
                        ErrorKind::UnknownId,
                        format!("state.hidden[{i}]"),
                        "a series id of the dataset",
                        format!("\"{id}\""),
                    )
                })?;
            if let Some(h) = hidden.get_mut(s) {
                *h = true;
            }
        }
        (self.view, self.lang, self.hidden) = (view, lang, hidden);
        self.reselect();
        Ok(())
    }

    /// Replaces the data. The view is kept if the new data has one with the same id. A
    /// dataset without views (which validation never makes) is ignored.
    pub fn set_data(&mut self, ds: Dataset) {
        if ds.views.is_empty() {
            return;
        }
        self.view = ds.view_index(self.view_id()).unwrap_or(0);
        self.hidden = vec![false; ds.series.len()];
        self.ds = ds;
        self.reselect();
    }

    /// The tooltip for the pointer at CSS (x, y), if it is over an item.
    pub fn hover(&self, x: f64, y: f64) -> Option<Hover> {
        self.describe(hit::item_at(&self.scene, x, y)?)
    }

    /// The tooltip for item `index`.
    pub fn describe(&self, index: usize) -> Option<Hover> {
        present::describe(&self.ds, &self.scene, index, self.lang)
    }

    /// Keyboard focus: the item to move to from `from` on `key` (a `KeyboardEvent.key`).
    pub fn navigate(&self, from: Option<usize>, key: &str) -> Option<usize> {
        hit::navigate(&self.scene, from, Key::parse(key)?)
    }

    /// Every drawn item.
    pub fn items(&self) -> Vec<ItemInfo> {
        let lang = self.lang;
        self.scene
            .items
            .iter()
            .filter_map(|it| {
                let (id, series, period, label, value) = match it.target {
                    Target::Obs(r) => {
                        let s = self.ds.series.get(r.series)?;
                        let o = s.observations.get(r.obs)?;
                        (
                            o.id.clone()
                                .unwrap_or_else(|| format!("{}#{}", s.id, r.obs)),
                            s.id.clone(),
                            format::period(&o.period, lang),
                            o.category
                                .as_ref()
                                .map(|c| c.get(lang).to_string())
                                .unwrap_or_default(),
                            format::money_qualified(o.value * self.ds.scale, o.qualifier, lang),
                        )
                    }
                    Target::Claim(c) => {
                        let c = self.ds.claims.get(c)?;
                        let period = c
                            .period
                            .map(|p| format::period(&p, lang))
                            .unwrap_or_default();
                        (
                            format!("claim:{}", c.id),
                            String::new(),
                            period,
                            String::new(),
                            format::money(c.value * self.ds.scale, lang),
                        )
                    }
                };
                Some(ItemInfo {
                    id,
                    series,
                    period,
                    label,
                    value,
                    x: it.hit.x0,
                    y: it.hit.y0,
                    w: it.hit.w(),
                    h: it.hit.h(),
                })
            })
            .collect()
    }

    /// Height for a width.
    pub fn preferred_height(width: f64) -> f64 {
        layout::preferred_height(width)
    }

    /// Titles, tabs, legend, notes, sources, summary and labels for the current view.
    pub fn meta(&self) -> Meta {
        let ds = &self.ds;
        let lang = self.lang;
        let view = self.current();
        let many = view.series.len() > 1;
        let legend = view
            .series
            .iter()
            .enumerate()
            .filter_map(|(k, &s)| {
                let series = ds.series.get(s)?;
                Some(LegendEntry {
                    id: series.id.clone(),
                    label: series.label.get(lang).to_string(),
                    color: scene::series_color(&self.theme, series.direction).css(),
                    texture: if many {
                        Texture::for_slot(k).name()
                    } else {
                        Texture::Solid.name()
                    },
                    visible: !self.hidden.get(s).copied().unwrap_or(false),
                })
            })
            .collect();
        let (used, bases) = (&self.sel.sources, &self.sel.bases);
        let mut publishers: Vec<&str> = Vec::new();
        for name in used.iter().filter_map(|&s| ds.sources.get(s)) {
            let name = name.publisher.as_str();
            if !publishers.contains(&name) {
                publishers.push(name);
            }
        }
        let mut notes: Vec<String> = view.notes.iter().map(|n| n.get(lang).to_string()).collect();
        if bases.len() > 1 && view.kind != ViewKind::TimeLine {
            let names: Vec<&str> = (bases.iter().filter_map(|&b| ds.bases.get(b)))
                .map(|b| b.label.get(lang))
                .collect();
            notes.push(format!(
                "{} {}.",
                t(lang, Msg::DifferentBases),
                names.join(", ")
            ));
        }
        notes.extend(ds.notes.iter().map(|n| n.get(lang).to_string()));
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        Meta {
            kind: "dataset",
            can: Capabilities::DATASET,
            lang: lang.code(),
            title: view.title.get(lang).to_string(),
            subtitle: view
                .subtitle
                .as_ref()
                .map(|s| s.get(lang).to_string())
                .unwrap_or_default(),
            notes,
            source_line: if publishers.is_empty() {
                String::new()
            } else {
                format!("{}{sep}{}", t(lang, Msg::Sources), publishers.join("; "))
            },
            view: view.id.clone(),
            views: ds
                .views
                .iter()
                .map(|v| ViewInfo {
                    id: v.id.clone(),
                    label: v.label.get(lang).to_string(),
                })
                .collect(),
            legend,
            summary: self.summary(),
            claims: ds.claims.len(),
            ui: Ui::new(lang),
        }
    }

    /// A sentence on what the current view shows, computed from the data.
    pub fn summary(&self) -> String {
        let ds = &self.ds;
        let lang = self.lang;
        let view = self.current();
        let money = |v: f64| format::money(v * ds.scale, lang);
        if let Some((a, b)) = view.change {
            if let (Some(oa), Some(ob)) = (ds.obs(a), ds.obs(b)) {
                let pct = format::decimal(((ob.value - oa.value) / oa.value * 100.0).abs(), 1);
                let fell = ob.value < oa.value;
                let (pa, pb) = (
                    format::period(&oa.period, lang),
                    format::period(&ob.period, lang),
                );
                let partner = |i: usize| ds.partners.get(i).map_or("", |p| p.name.get(lang));
                let (na, nb) = (partner(0), partner(1));
                let label = ds.series.get(a.series).map_or("", |s| s.label.get(lang));
                let (va, vb) = (money(oa.value), money(ob.value));
                return words::change_sentence(
                    lang,
                    words::Change {
                        label,
                        between: (na, nb),
                        fell,
                        pct: &pct,
                        from: (&va, &pa),
                        to: (&vb, &pb),
                    },
                );
            }
        }
        let mut parts = Vec::new();
        for sh in &self.sel.series {
            let s = sh.series;
            let items: Vec<_> = self.sel.of(ds, sh).map(|(_, _, o)| o).collect();
            let Some(max) = items.iter().max_by(|a, b| a.value.total_cmp(&b.value)) else {
                continue;
            };
            let min = items
                .iter()
                .min_by(|a, b| a.value.total_cmp(&b.value))
                .unwrap_or(max);
            let name = |o: &crate::data::Observation| match &o.category {
                Some(c) => c.get(lang).to_string(),
                None => format::period(&o.period, lang),
            };
            let label = ds.series.get(s).map_or("", |s| s.label.get(lang));
            let (hi, lo) = (money(max.value), money(min.value));
            parts.push(words::extremes_sentence(
                lang,
                label,
                (&hi, &name(max)),
                (&lo, &name(min)),
            ));
        }
        let n = self.sel.obs().count();
        let title = view.title.get(lang);
        let categories = match (&view.groups, view.kind) {
            (Groups::Categories(c), ViewKind::Bars) => Some(c.len()),
            _ => None,
        };
        words::summary_sentence(lang, title, n, categories, &parts)
    }

    /// The figures of the current view as a table (what "Show data" opens).
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let headers = [
            Msg::Period,
            Msg::Series,
            Msg::Value,
            Msg::Basis,
            Msg::Source,
            Msg::Note,
        ]
        .iter()
        .map(|&m| t(lang, m).to_string())
        .collect();
        let rows = self
            .sel
            .obs()
            .filter_map(|r| present::facts(&self.ds, r, lang))
            .map(|f| {
                let note = f.table_note(lang);
                vec![f.title, f.series, f.value, f.basis, f.source, note]
            })
            .collect();
        Table {
            caption: self.current().title.get(lang).to_string(),
            headers,
            rows,
        }
    }

    /// The figures of the current view as CSV, one row per figure, with its sources.
    pub fn csv(&self) -> String {
        let ds = &self.ds;
        let lang = self.lang;
        let mut out = String::from(
            "period,period_label,series_id,series,direction,category,value_usd,qualifier,basis,derived_formula,note,source_publishers,source_dates,source_urls\n",
        );
        for r in self.sel.obs() {
            let (Some(s), Some(o)) = (ds.series.get(r.series), ds.obs(r)) else {
                continue;
            };
            let direction = match s.direction {
                crate::data::Direction::TwoWay => "two-way".to_string(),
                crate::data::Direction::Flow { from, to } => {
                    let code = |i: usize| ds.partners.get(i).map_or("", |p| p.code.as_str());
                    format!("{}>{}", code(from), code(to))
                }
            };
            let formula = o.derived.as_ref().map_or(String::new(), |d| {
                let ids: Vec<String> =
                    d.of.iter()
                        .filter_map(|r| ds.obs(*r))
                        .map(|i| i.id.clone().unwrap_or_default())
                        .collect();
                let op = if d.op == Op::Sum { " + " } else { " - " };
                ids.join(op)
            });
            let src = |f: &dyn Fn(&crate::data::Source) -> String| {
                o.sources
                    .iter()
                    .filter_map(|&i| ds.sources.get(i))
                    .map(f)
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            let fields = [
                o.period.iso(),
                format::period(&o.period, lang),
                s.id.clone(),
                s.label.get(lang).to_string(),
                direction,
                o.category
                    .as_ref()
                    .map(|c| c.get(lang).to_string())
                    .unwrap_or_default(),
                format::decimal(o.value * ds.scale, 0).replace(',', ""),
                match o.qualifier {
                    crate::data::Qualifier::Exact => "",
                    crate::data::Qualifier::Approx => "approx",
                    crate::data::Qualifier::AtLeast => "at_least",
                }
                .to_string(),
                (ds.bases.get(o.basis)).map_or(String::new(), |b| b.label.get(lang).to_string()),
                formula,
                o.note
                    .as_ref()
                    .map(|n| n.get(lang).to_string())
                    .unwrap_or_default(),
                src(&|s| s.publisher.clone()),
                src(&|s| s.date.clone().unwrap_or_default()),
                src(&|s| s.url.clone()),
            ];
            for (k, f) in fields.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                format::csv_field(&mut out, f);
            }
            out.push('\n');
        }
        out
    }

    /// The story's claims with their verdicts.
    pub fn claims(&self) -> Vec<ClaimInfo> {
        let ds = &self.ds;
        let lang = self.lang;
        ds.claims
            .iter()
            .map(|c| {
                let story = match c.kind {
                    FigureKind::Money => format::money(c.value * ds.scale, lang),
                    FigureKind::Percent => format::percent_change(c.value),
                };
                let data = match c.check {
                    Some((Check::Equals(r), v)) => {
                        let when = ds
                            .obs(r)
                            .map(|o| format::period(&o.period, lang))
                            .unwrap_or_default();
                        format!("{} ({when})", format::money(v * ds.scale, lang))
                    }
                    Some((Check::Change(..), v)) => format::percent_change(v),
                    None => String::new(),
                };
                ClaimInfo {
                    id: c.id.clone(),
                    text: c.text.get(lang).to_string(),
                    status: match c.status {
                        ClaimStatus::Agrees => "agrees",
                        ClaimStatus::Unsupported => "unsupported",
                        ClaimStatus::Unverified => "unverified",
                    },
                    status_label: present::status_text(c.status, lang).to_string(),
                    badge: words::badge(c.status),
                    story,
                    data,
                    note: c
                        .note
                        .as_ref()
                        .map(|n| n.get(lang).to_string())
                        .unwrap_or_default(),
                    source: ds
                        .sources
                        .get(c.source)
                        .map(|s| s.publisher.clone())
                        .unwrap_or_default(),
                }
            })
            .collect()
    }

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
        let lines: Vec<String> = meta
            .notes
            .iter()
            .chain(std::iter::once(&meta.source_line))
            .flat_map(|n| wrap(n, 11.0, inner, 6))
            .collect();
        let fy = text_lines(
            &mut foot,
            lines,
            top + chart_h + 8.0,
            (11.0, th.muted, false),
            15.0,
        );
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
        }
    }

    /// The current view as a social card (og:image): [`SOCIAL_CARD`] CSS px, to be drawn
    /// at [`SOCIAL_SCALE`]× (1200×630 device px). The title larger (two lines at most), the
    /// subtitle when there is room, the key, the chart fitted to what is left and the
    /// sources line at the foot; the notes are left out (the story carries them).
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    pub fn social_scene(&self) -> Scene {
        let (width, height) = SOCIAL_CARD;
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
        let chart_h = (foot_top - 8.0 - top).floor().max(60.0);
        let chart = scene::build(&self.input(width - 2.0 * PAD, chart_h));
        let mut foot = Vec::new();
        text_lines(
            &mut foot,
            sources,
            top + chart_h + 8.0,
            (11.0, th.muted, false),
            15.0,
        );
        self.place(width, height, head, chart, top, foot)
    }

    /// The current view as an SVG document (plotters' SVG backend, the same drawing code
    /// as the canvas), `width` CSS px wide.
    pub fn svg(&self, width: f64) -> Result<String> {
        crate::render::svg(&self.export_scene(width))
    }

    /// The social card ([`Chart::social_scene`]) as an SVG document, [`SOCIAL_CARD`] CSS
    /// px; rasterised at [`SOCIAL_SCALE`]× it is the 1200×630 og:image.
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    pub fn social_svg(&self) -> Result<String> {
        crate::render::svg(&self.social_scene())
    }
}

impl crate::Widget for Chart {
    fn capabilities(&self) -> Capabilities {
        Capabilities::DATASET
    }
    fn scene(&self) -> &Scene {
        &self.scene
    }
    fn language(&self) -> Lang {
        self.lang
    }
    fn resize(&mut self, width: f64, height: f64) -> Result<()> {
        Chart::resize(self, width, height)
    }
    fn relang(&mut self, lang: Lang) {
        self.lang = lang;
        self.rebuild();
    }
    fn retheme(&mut self, theme: Theme) {
        self.set_theme(theme)
    }
    fn toggle(&mut self, id: &str) -> Result<bool> {
        self.toggle_series(id)
    }
    fn info(&self) -> Meta {
        self.meta()
    }
    fn pointer(&self, x: f64, y: f64) -> Option<Hover> {
        self.hover(x, y)
    }
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn to_csv(&self) -> String {
        self.csv()
    }
    fn current_view(&self) -> Option<&str> {
        Some(self.view_id())
    }
    fn switch_view(&mut self, id: &str) -> Result<()> {
        self.set_view(id)
    }
    fn replace_data(&mut self, ds: Dataset) -> Result<()> {
        self.set_data(ds);
        Ok(())
    }
    fn focus(&self, index: usize) -> Option<Hover> {
        self.describe(index)
    }
    fn step(&self, from: Option<usize>, key: &str) -> Option<usize> {
        self.navigate(from, key)
    }
    fn figures(&self) -> Vec<ItemInfo> {
        self.items()
    }
    fn as_table(&self) -> Option<Table> {
        Some(self.table())
    }
    fn checked_claims(&self) -> Option<Vec<ClaimInfo>> {
        Some(self.claims())
    }
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn picture(&self, width: f64) -> Option<Scene> {
        Some(self.export_scene(width))
    }
    fn state(&self) -> Option<State> {
        Some(Chart::state(self))
    }
    #[cfg(any(feature = "full", not(target_arch = "wasm32")))]
    fn restore(&mut self, state: &State) -> Result<()> {
        Chart::restore(self, state)
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

fn find_view(ds: &Dataset, id: &str, path: &str) -> Result<usize> {
    ds.view_index(id).ok_or_else(|| {
        let known: Vec<&str> = ds.views.iter().map(|v| v.id.as_str()).collect();
        Error::expected_as(
            ErrorKind::UnknownId,
            path,
            &format!("one of {}", known.join(", ")),
            format!("\"{id}\""),
        )
    })
}
