//! What every table reader ends in: its figures gathered into series ([`Acc`], each of a
//! [`Class`]) and made a [`RawDataset`] ([`build`], with [`default_views`]), and the
//! options the tables do not say themselves ([`SheetOptions`], with `--flow`'s
//! [`FlowOption`]). Below sheet.rs, wide.rs and the downloads' readers, which all use it;
//! it uses none of them.

use super::cells::{slug, unique};
use super::numbers;
use trade_chart::data::{
    Currency, Period, PeriodKind, RawBasis, RawDataset, RawObservation, RawPartner, RawSeries,
    RawSource, RawText, RawUnit, RawView,
};

/// What the tables do not say themselves.
#[derive(Debug, Clone, Default)]
pub struct SheetOptions {
    /// The value column's decimal mark, `.` or `,`, when its cells do not show it (every
    /// value like `1,234`) or to insist on one.
    pub decimal: Option<char>,
    /// The unit of every value when the table has no `unit` column: `USD million`, `EUR
    /// thousand`, `억원`, `万元`… (`cells::unit`).
    pub unit: Option<String>,
    /// The partners as `(code, name)`, in order; without them the codes of the directions
    /// (`KR>JP`) are the partners, named by their codes.
    pub partners: Vec<(String, String)>,
    /// The dataset's title; default "Trade between A and B".
    pub title: Option<String>,
    /// The dataset's id; default the two codes, e.g. `kr-jp`.
    pub id: Option<String>,
    /// One source for every figure, for a table without a sources table or column
    /// (`--source "Publisher | Title | URL | date"`: [`super::wide::source_option`]).
    pub source: Option<RawSource>,
    /// What columns of a wide table hold, as the editor sets them (`--flow`:
    /// [`super::wide::flow_option`]); the others are guessed from their headers.
    pub flows: Vec<FlowOption>,
    /// The product to chart from a long table with words of several products (its code
    /// or name as the table writes it: `--commodity`).
    pub commodity: Option<String>,
}

/// A column as `--flow` names it: by its header (compared trimmed, case aside) or, for a
/// header the table repeats, by its 1-based position (`#3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    /// The header as written.
    Header(String),
    /// 1-based.
    Position(usize),
}

/// What `--flow` says a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setting {
    /// Exports of the first code to the second (codes upper-cased).
    Flow(String, String),
    /// Trade both ways.
    TwoWay,
    /// Exports minus imports of the reporting country: checked, not drawn.
    Balance,
    /// Not used.
    Skip,
}

/// One `--flow "HEADER=MEANING"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowOption {
    /// The column.
    pub column: ColumnRef,
    /// What it holds.
    pub setting: Setting,
}

/// The observations table's columns: the field and the headers read as it (compared
/// lowercased, with `_` and `-` as spaces and `(s)` as `s`).
pub const OBSERVATION_COLUMNS: &[(&str, &[&str])] = &[
    (
        "series",
        &["series", "series id", "series name", "series label"],
    ),
    ("direction", &["direction", "flow", "trade flow"]),
    (
        "period",
        &["period", "date", "year", "month", "time", "time period"],
    ),
    ("value", &["value", "amount", "trade value", "figure"]),
    ("unit", &["unit", "units"]),
    ("basis", &["basis", "statistical basis"]),
    ("qualifier", &["qualifier", "qualification"]),
    ("sources", &["sources", "source", "source id", "source ids"]),
    ("note", &["note", "notes", "comment", "comments"]),
    (
        "category",
        &[
            "category",
            "product",
            "commodity",
            "hs code",
            "code",
            "item",
        ],
    ),
    ("id", &["id", "observation id", "obs id"]),
];

/// Cells that mean "no figure": the row is a gap, never a zero.
pub(crate) const GAPS: [&str; 9] = ["#n/a", "n/a", "na", "-", "–", "—", "..", "…", "#value!"];

pub(crate) fn is_id(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c))
}

/// What a series holds, which decides the view it goes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Class {
    Annual,
    Monthly,
    Category,
}

impl Class {
    pub(crate) fn of(period: &Period, category: bool) -> Class {
        match (category, period.kind) {
            (true, _) => Class::Category,
            (false, PeriodKind::Year) => Class::Annual,
            (false, _) => Class::Monthly,
        }
    }

    /// The class in a series' id: `annual`, `monthly`, `products`.
    pub(crate) fn id(self) -> &'static str {
        match self {
            Class::Annual => "annual",
            Class::Monthly => "monthly",
            Class::Category => "products",
        }
    }
}

/// A series as rows arrive.
pub(crate) struct Acc {
    /// The series cell, or empty for the default grouping.
    pub(crate) name: String,
    pub(crate) direction: Option<(String, String)>,
    pub(crate) direction_row: usize,
    pub(crate) basis: String,
    pub(crate) class: Class,
    pub(crate) obs: Vec<(RawObservation, String, i32, Period)>,
    pub(crate) rows: Vec<usize>,
}

/// One unit for the dataset: the one most figures are in (the first met on a tie); the
/// others' values are shifted to it.
fn unit_exponent(series: &[Acc]) -> i32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for (_, _, e, _) in series.iter().flat_map(|s| s.obs.iter()) {
        match counts.iter_mut().find(|(x, _)| x == e) {
            Some(c) => c.1 += 1,
            None => counts.push((*e, 1)),
        }
    }
    counts
        .iter()
        .fold(
            (0, 0),
            |best, &(e, c)| if c > best.1 { (e, c) } else { best },
        )
        .0
}

/// A partner's name: as the options give it, else its code.
fn partner_name(options: &SheetOptions, code: &str) -> String {
    options
        .partners
        .iter()
        .find(|p| p.0 == code)
        .map_or(code, |p| p.1.as_str())
        .to_string()
}

/// The dataset of `series` (each holding its figures, in `currency`) between the partners
/// `codes` (at least two), with these bases (id, label) and sources: what every table
/// reader ends in, of one `product` if it is named. And each series' rows.
pub(crate) fn build(
    series_in: &[Acc],
    bases: Vec<(String, String)>,
    codes: &[String],
    sources: Vec<RawSource>,
    currency: Currency,
    options: &SheetOptions,
    product: Option<&str>,
) -> (RawDataset, Vec<Vec<usize>>) {
    let exp = unit_exponent(series_in);
    let partners: Vec<RawPartner> = codes
        .iter()
        .map(|c| RawPartner {
            code: c.clone(),
            name: RawText::Plain(partner_name(options, c)),
        })
        .collect();
    let (first, second) = (
        codes.first().map_or("", String::as_str),
        codes.get(1).map_or("", String::as_str),
    );
    let (a, b) = (partner_name(options, first), partner_name(options, second));
    let (raw_series, obs_rows) = series(series_in, exp, options);
    let views = default_views(series_in, &raw_series, [(first, &a), (second, &b)], product);
    let dataset = RawDataset {
        schema: 1,
        credit: None,
        id: options
            .id
            .clone()
            .unwrap_or_else(|| format!("{}-{}", slug(first), slug(second))),
        title: RawText::Plain(
            options
                .title
                .clone()
                .unwrap_or_else(|| format!("Trade between {a} and {b}")),
        ),
        partners,
        unit: RawUnit {
            currency: currency.code().into(),
            scale: 10f64.powi(exp),
        },
        bases: bases
            .into_iter()
            .map(|(id, label)| RawBasis {
                id,
                label: RawText::Plain(label),
            })
            .collect(),
        sources,
        series: raw_series,
        claims: Vec::new(),
        annotations: Vec::new(),
        views,
        notes: Vec::new(),
    };
    (dataset, obs_rows)
}

/// The series with ids of their own (the series cell, or its slug, or the direction and
/// class) and labels in words, their values in the dataset's unit (10^`exp` dollars);
/// and each series' rows.
fn series(series: &[Acc], exp: i32, options: &SheetOptions) -> (Vec<RawSeries>, Vec<Vec<usize>>) {
    let mut used: Vec<String> = Vec::new();
    let mut raw_series = Vec::new();
    let mut obs_rows = Vec::new();
    for s in series {
        let words = match &s.direction {
            None => "Two-way trade".to_string(),
            Some((f, t)) => format!(
                "Exports from {} to {}",
                partner_name(options, f),
                partner_name(options, t)
            ),
        };
        let dir_id = match &s.direction {
            None => "two-way".to_string(),
            Some((f, t)) => format!("{}-{}", f.to_lowercase(), t.to_lowercase()),
        };
        let (id, label) = if s.name.is_empty() {
            (format!("{dir_id}-{}", s.class.id()), words)
        } else if is_id(&s.name) {
            (s.name.clone(), words)
        } else {
            let id = slug(&s.name);
            let id = if id.is_empty() { "series".into() } else { id };
            (id, s.name.clone())
        };
        raw_series.push(RawSeries {
            id: unique(&mut used, id),
            label: RawText::Plain(label),
            direction: match &s.direction {
                None => "two-way".into(),
                Some((f, t)) => format!("{f}>{t}"),
            },
            basis: s.basis.clone(),
            observations: s
                .obs
                .iter()
                .map(|(o, canon, e, _)| RawObservation {
                    value: Some(numbers::to_f64(canon, e - exp)),
                    ..o.clone()
                })
                .collect(),
        });
        obs_rows.push(s.rows.clone());
    }
    (raw_series, obs_rows)
}

/// The most bars a monthly view draws (months × series side by side); longer, a line.
pub(crate) const MONTH_BARS: usize = 48;

/// Views from what the data hold, each labelled in words: by year (bars for up to six
/// years, else a line), by month (bars as wide as their months for up to [`MONTH_BARS`]
/// months × series, else a line), by product; two-way
/// totals and the flows each way apart when there are both. No figure is made up.
///
/// `parties` are the two partners (code, name); `product` names the one product the
/// dataset is of, if it is of one: the titles say it, and say the direction when every
/// series of a view goes one way ("Exports from Brazil to China: soybeans, by month").
pub(crate) fn default_views(
    series: &[Acc],
    raw: &[RawSeries],
    parties: [(&str, &str); 2],
    product: Option<&str>,
) -> Vec<RawView> {
    let mut views = Vec::new();
    for class in [Class::Annual, Class::Monthly, Class::Category] {
        // `raw` has one series per accumulator, in the same order
        let members: Vec<(&Acc, &RawSeries)> = (series.iter().zip(raw))
            .filter(|(s, _)| s.class == class)
            .collect();
        if members.is_empty() {
            continue;
        }
        let two_way: Vec<_> = members
            .iter()
            .copied()
            .filter(|(s, _)| s.direction.is_none())
            .collect();
        let flows: Vec<_> = members
            .iter()
            .copied()
            .filter(|(s, _)| s.direction.is_some())
            .collect();
        let groups: Vec<(&str, &str, Vec<_>)> = if two_way.is_empty() || flows.is_empty() {
            vec![("", "", members)]
        } else {
            vec![("-total", "total", two_way), ("-flows", "each way", flows)]
        };
        let (id, by) = match class {
            Class::Annual => ("annual", "year"),
            Class::Monthly => ("monthly", "month"),
            Class::Category => ("products", "product"),
        };
        for (suffix, what, ids) in groups {
            let periods: Vec<&Period> = ids
                .iter()
                .flat_map(|(s, _)| s.obs.iter().map(|o| &o.3))
                .collect();
            let first = periods.iter().map(|p| p.start).min().unwrap_or(0);
            let last = periods.iter().map(|p| p.end).max().unwrap_or(0) - 1;
            let mut years: Vec<i32> = periods.iter().map(|p| p.first_year()).collect();
            years.sort_unstable();
            years.dedup();
            let ym = |m: i32| format!("{}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1);
            let (kind, x, from, to) = match class {
                Class::Annual if years.len() <= 6 => ("bars", None, None, None),
                Class::Annual => (
                    "time-line",
                    None,
                    Some(first.div_euclid(12).to_string()),
                    Some(last.div_euclid(12).to_string()),
                ),
                // Bars while each stays about 3.5 px wide at 360 px (4 years of one series,
                // 2 of two side by side), else a line: 19 years of months drawn as bars
                // would be bars of no width.
                Class::Monthly if (last - first + 1) as usize * ids.len() <= MONTH_BARS => {
                    ("time-bars", None, Some(ym(first)), Some(ym(last)))
                }
                Class::Monthly => ("time-line", None, Some(ym(first)), Some(ym(last))),
                Class::Category => ("bars", Some("category".to_string()), None, None),
            };
            let label = if what.is_empty() {
                format!("By {by}")
            } else {
                format!("By {by}, {what}")
            };
            let ways: Vec<_> = ids.iter().map(|(s, _)| s.direction.clone()).collect();
            let title = view_title(what, class, &ways, parties, product);
            views.push(RawView {
                id: format!("{id}{suffix}"),
                label: RawText::Plain(label),
                title,
                subtitle: None,
                kind: kind.into(),
                series: ids.iter().map(|(_, r)| r.id.clone()).collect(),
                x,
                periods: None,
                from,
                to,
                change: None,
                annotations: Vec::new(),
                notes: Vec::new(),
                sources: Vec::new(),
                claims: Vec::new(),
            });
        }
    }
    views
}

/// A view's title in English, Korean and Chinese: whose trade (both partners', or one
/// way when every series of the view goes one way), the product when the dataset is of
/// one, and what the view is by: "Trade between Greece and World: Food and live animals
/// (0), by year", "Brazil→China 수출: 大豆, 월별", "Brazil对China出口：大豆，按月".
fn view_title(
    what: &str,
    class: Class,
    ways: &[Option<(String, String)>],
    parties: [(&str, &str); 2],
    product: Option<&str>,
) -> RawText {
    let name = |c: &str| {
        let found = parties.iter().find(|p| p.0 == c);
        found.map_or(c.to_string(), |p| p.1.to_string())
    };
    let [(_, a), (_, b)] = parties;
    let one_way = match ways {
        [Some(w), rest @ ..] if rest.iter().all(|r| r.as_ref() == Some(w)) => Some(w),
        _ => None,
    };
    let (en, ko, zh) = match (one_way, what) {
        (Some((f, t)), _) => {
            let (f, t) = (name(f), name(t));
            (
                format!("Exports from {f} to {t}"),
                format!("{f}→{t} 수출"),
                format!("{f}对{t}出口"),
            )
        }
        (None, "total") => (
            format!("Two-way trade between {a} and {b}"),
            format!("{a}–{b} 교역 총액"),
            format!("{a}与{b}双边贸易总额"),
        ),
        (None, "each way") => (
            format!("Exports each way between {a} and {b}"),
            format!("{a}–{b} 양방향 수출"),
            format!("{a}与{b}双向出口"),
        ),
        _ => (
            format!("Trade between {a} and {b}"),
            format!("{a}–{b} 교역"),
            format!("{a}与{b}贸易"),
        ),
    };
    let (by_en, by_ko, by_zh) = match class {
        Class::Annual => ("by year", "연도별", "按年"),
        Class::Monthly => ("by month", "월별", "按月"),
        Class::Category => ("by product", "품목별", "按产品"),
    };
    let of = |sep: &str| product.map_or(String::new(), |p| format!("{sep}{p}"));
    crate::words::words(
        format!("{en}{}, {by_en}", of(": ")),
        format!("{ko}{}, {by_ko}", of(": ")),
        format!("{zh}{}，{by_zh}", of("：")),
    )
}
