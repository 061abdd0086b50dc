//! What the dataset chart says about its current view, in the reader's language: the
//! texts around the canvas (`meta`), the summary a screen reader hears, the data table,
//! the CSV download and the story's claims with their verdicts.

use super::DatasetChart;
use crate::chart::present::{self, Capabilities, ClaimInfo, LegendEntry, Meta, Table, ViewInfo};
use crate::data::{Check, ClaimStatus, FigureKind, Groups, ObsRef, Op, ViewKind};
use crate::scene::{self, Texture};
use crate::text::format;
use crate::text::words::{self, t, Lang, Msg, Ui};

impl DatasetChart {
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
        let credit = (ds.credit.as_ref())
            .map(|c| c.get(lang).to_string())
            .unwrap_or_default();
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
            source_line: source_line(&credit, &publishers, lang),
            credit,
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

    /// A sentence on what the current view shows, computed from the data, then one on
    /// what it marks ("Marked on the chart: Border closed (January 2020).").
    pub fn summary(&self) -> String {
        let lang = self.lang;
        let mut out = self.figures_summary();
        let (space, colon, open, close, sep, stop) = match lang {
            Lang::Zh => ("", "：", "（", "）", "；", "。"),
            Lang::Ko => (" ", ": ", "(", ")", "; ", "."),
            Lang::En => (" ", ": ", " (", ")", "; ", "."),
        };
        let mut lead = [space, t(lang, Msg::Marked), colon];
        for &a in &self.sel.annotations {
            let Some(an) = self.ds.annotations.get(a) else {
                continue;
            };
            let when = format::span(&an.period, an.to.as_ref(), lang);
            let label = an.label.get(lang);
            out.push_str(&[lead[0], lead[1], lead[2], label, open, &when, close].concat());
            lead = [sep, "", ""];
        }
        if lead[0] == sep {
            out.push_str(stop);
        }
        out
    }

    fn figures_summary(&self) -> String {
        let ds = &self.ds;
        let lang = self.lang;
        let view = self.current();
        let money = |v: f64| format::money(v * ds.scale, ds.currency, lang);
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
        .map(|&m| match m {
            Msg::Value => words::value_header(lang, &format::currency_name(self.ds.currency, lang)),
            m => t(lang, m).to_string(),
        })
        .collect();
        let rows = self
            .table_facts()
            .map(|(_, f)| {
                let note = f.table_note(lang);
                vec![f.title, f.series, f.value, f.basis, f.source, note]
            })
            .collect();
        Table {
            caption: self.current().title.get(lang).to_string(),
            headers,
            rows,
            annotations: self.annotations_table().map(Box::new),
        }
    }

    /// The observations of the table's rows, in its order, with their facts: the
    /// picture's hit regions name their row by its place here.
    pub(crate) fn table_facts(&self) -> impl Iterator<Item = (ObsRef, present::Facts)> + '_ {
        (self.sel.obs()).filter_map(|r| Some((r, present::facts(&self.ds, r, self.lang)?)))
    }

    /// The annotations of the annotations table's rows, in its order, with their words.
    pub(crate) fn table_notes(&self) -> impl Iterator<Item = (usize, present::Note)> + '_ {
        (self.sel.annotations.iter())
            .filter_map(|&a| Some((a, present::note(&self.ds, a, self.lang)?)))
    }

    /// The annotations the view draws as a table: when, label, details, source.
    fn annotations_table(&self) -> Option<Table> {
        let lang = self.lang;
        let rows: Vec<Vec<String>> = self
            .table_notes()
            .map(|(_, n)| vec![n.when, n.label, n.text, n.source])
            .collect();
        (!rows.is_empty()).then(|| Table {
            caption: t(lang, Msg::Marked).to_string(),
            headers: vec![
                t(lang, Msg::Period).to_string(),
                t(lang, Msg::Label).to_string(),
                t(lang, Msg::Details).to_string(),
                t(lang, Msg::Source).to_string(),
            ],
            rows,
            annotations: None,
        })
    }

    /// The figures of the current view as CSV, one row per figure, with its sources.
    pub fn csv(&self) -> String {
        let ds = &self.ds;
        let lang = self.lang;
        // The value column names the currency: `value_usd`, `value_eur`.
        let mut out =
            String::from("period,period_label,series_id,series,direction,category,value_");
        out.push_str(&ds.currency.code().to_ascii_lowercase());
        out.push_str(
            ",qualifier,basis,derived_formula,note,source_publishers,source_dates,source_urls",
        );
        out.push_str(",annotation_id,annotation_to,annotation_label,annotation_text\n");
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
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ];
            csv_row(&mut out, &fields);
        }
        // Then the annotations the view draws, in time order: rows of their own, marked by
        // their `annotation_*` columns, with no series and no value.
        for &a in &self.sel.annotations {
            let Some(an) = ds.annotations.get(a) else {
                continue;
            };
            let src = |f: &dyn Fn(&crate::data::Source) -> String| {
                (an.sources.iter().filter_map(|&i| ds.sources.get(i)))
                    .map(f)
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            let none = String::new;
            let fields = [
                an.period.iso(),
                format::span(&an.period, an.to.as_ref(), lang),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                src(&|s| s.publisher.clone()),
                src(&|s| s.date.clone().unwrap_or_default()),
                src(&|s| s.url.clone()),
                an.id.clone(),
                an.to.map(|p| p.iso()).unwrap_or_default(),
                an.label.get(lang).to_string(),
                an.text.get(lang).to_string(),
            ];
            csv_row(&mut out, &fields);
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
                    FigureKind::Money => format::money(c.value * ds.scale, ds.currency, lang),
                    FigureKind::Percent => format::percent_change(c.value),
                };
                let data = match c.check {
                    Some((Check::Equals(r), v)) => {
                        let when = ds
                            .obs(r)
                            .map(|o| format::period(&o.period, lang))
                            .unwrap_or_default();
                        format!(
                            "{} ({when})",
                            format::money(v * ds.scale, ds.currency, lang)
                        )
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
}

/// The line under the chart: the newsroom's credit (`credit`, as the editor wrote it, or
/// "") and "Sources: …" beside it, joined by " · "; either alone when the other is missing.
fn source_line(credit: &str, publishers: &[&str], lang: Lang) -> String {
    let mut out = credit.to_string();
    if !publishers.is_empty() {
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        let dot = if out.is_empty() { "" } else { " · " };
        out.push_str(&[dot, t(lang, Msg::Sources), sep, &publishers.join("; ")].concat());
    }
    out
}

/// One CSV row: the fields, quoted where they need it, then a newline.
fn csv_row(out: &mut String, fields: &[String]) {
    for (k, f) in fields.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        format::csv_field(out, f);
    }
    out.push('\n');
}
