//! The dataset made from the figures of the pair of countries chosen: partners, one
//! basis a reporter and valuation, the series, views, the source row, notes; and the
//! balance (`TBG_USD`) checked against exports minus imports.

use std::collections::HashMap;

use super::model::{Figure, ImfOptions, Indicator, PeriodColumn, SOURCE_ID, URL};
use crate::assemble::{self, Acc, Class};
use crate::cells::{self, at, slug, Cx};
use crate::numbers;
use trade_chart::data::{
    PeriodKind, RawBasis, RawDataset, RawObservation, RawPartner, RawSeries, RawSource, RawText,
    RawUnit,
};
use trade_chart::error::ErrorKind;
use trade_chart::number::plain;

/// What the balance check found: how many balance figures it could check (both flows
/// there) and how many of them disagree.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Checked {
    pub(crate) checked: usize,
    pub(crate) disagree: usize,
}

/// Half a unit of a figure's last written digit, in dollars: its rounding.
fn half_unit(f: &Figure) -> f64 {
    let decimals = f.value.split_once('.').map_or(0, |(_, d)| d.len());
    let e = f.exp - i32::try_from(decimals).unwrap_or(i32::MAX);
    0.5 * 10f64.powi(e)
}

/// Each balance figure of the pair against the reporter's exports minus its imports
/// (CIF) of the same period, within the three figures' rounding; one warning a balance
/// row that disagrees, at its first such cell.
pub(crate) fn check_balance(
    cx: &mut Cx,
    file: &str,
    periods: &[PeriodColumn],
    flows: &[Figure],
    balance: &[Figure],
) -> Checked {
    let by: HashMap<(usize, Indicator, usize), &Figure> = flows
        .iter()
        .map(|f| ((f.reporter, f.indicator, f.period), f))
        .collect();
    let mut out = Checked::default();
    // Row → (count, first cell, its words).
    let mut rows: Vec<(usize, usize, usize, String)> = Vec::new();
    for b in balance {
        let (Some(x), Some(m)) = (
            by.get(&(b.reporter, Indicator::Exports, b.period)),
            by.get(&(b.reporter, Indicator::ImportsCif, b.period)),
        ) else {
            continue;
        };
        out.checked += 1;
        let (bv, xv, mv) = (b.dollars(), x.dollars(), m.dollars());
        let tolerance = half_unit(b) + half_unit(x) + half_unit(m) + 1e-9 * (xv.abs() + mv.abs());
        if (bv - (xv - mv)).abs() <= tolerance {
            continue;
        }
        out.disagree += 1;
        match rows.iter_mut().find(|r| r.0 == b.row) {
            Some(r) => r.1 += 1,
            None => {
                let header = periods.get(b.period).map_or("", |p| p.header.as_str());
                let words = format!(
                    "{header}: balance {} US dollars, exports minus imports {} − {} = {}",
                    plain(bv),
                    plain(xv),
                    plain(mv),
                    plain(xv - mv)
                );
                rows.push((b.row, 1, b.col, words));
            }
        }
    }
    for (row, count, col, words) in rows {
        cx.warnings.push(at(
            ErrorKind::InvalidValue,
            file,
            row,
            col,
            "",
            format!(
                "the balance (TBG_USD) disagrees with exports (TXG_FOB_USD) minus imports (TMG_CIF_USD) beyond their rounding in {} {words}); the balance is not drawn",
                if count == 1 { "1 period (this one,".to_string() } else { format!("{count} periods (this one first,") }
            ),
        ));
    }
    out
}

/// The dataset's unit: millions, thousands or dollars, as the largest figure needs.
fn unit_exponent(max_value: f64) -> i32 {
    if max_value >= 1e7 {
        6
    } else if max_value >= 1e4 {
        3
    } else {
        0
    }
}

/// A status flag in words, for its figure's note.
fn status_note(s: &str) -> String {
    let words = match s.trim().to_ascii_lowercase().as_str() {
        "e" => Some("estimated"),
        "p" => Some("provisional"),
        "f" => Some("forecast"),
        "b" => Some("break in series"),
        "i" => Some("imputed"),
        _ => None,
    };
    match words {
        Some(w) => format!("IMF DOTS status \"{s}\": {w}"),
        None => format!("IMF DOTS status \"{s}\""),
    }
}

/// A series as figures arrive.
struct Building {
    acc: Acc,
    reporter: usize,
    indicator: Indicator,
}

/// The dataset from the pair's figures (`countries`: the two, code and name, reporters
/// 0 and 1 of the figures), and each series' rows.
pub(crate) fn make(
    countries: &[(String, String)],
    periods: &[PeriodColumn],
    flows: Vec<Figure>,
    checked: Checked,
    options: &ImfOptions,
) -> (RawDataset, Vec<Vec<usize>>) {
    let code = |i: usize| countries.get(i).map_or("", |c| c.0.as_str());
    let name = |i: usize| countries.get(i).map_or("", |c| c.1.as_str());
    let max = flows.iter().map(Figure::dollars).fold(0.0, f64::max);
    let exp = unit_exponent(max);
    let mut reporters: Vec<usize> = Vec::new();
    let mut valuations: Vec<(usize, &'static str)> = Vec::new();
    let mut series: Vec<Building> = Vec::new();
    let mut flagged = false;
    for f in flows {
        let Some(p) = periods.get(f.period) else {
            continue;
        };
        let class = Class::of(&p.period, false);
        if !reporters.contains(&f.reporter) {
            reporters.push(f.reporter);
        }
        let v = (f.reporter, f.indicator.valuation());
        if !valuations.contains(&v) {
            valuations.push(v);
        }
        let (from, to) = match f.indicator {
            Indicator::Exports => (f.reporter, f.partner),
            _ => (f.partner, f.reporter),
        };
        let i = match series.iter().position(|s| {
            s.reporter == f.reporter && s.indicator == f.indicator && s.acc.class == class
        }) {
            Some(i) => i,
            None => {
                series.push(Building {
                    acc: Acc {
                        name: String::new(),
                        direction: Some((code(from).to_string(), code(to).to_string())),
                        direction_row: f.row,
                        basis: format!(
                            "imf-{}-{}",
                            slug(code(f.reporter)),
                            f.indicator.valuation()
                        ),
                        class,
                        obs: Vec::new(),
                        rows: Vec::new(),
                    },
                    reporter: f.reporter,
                    indicator: f.indicator,
                });
                series.len() - 1
            }
        };
        flagged |= f.status.is_some();
        let Some(b) = series.get_mut(i) else {
            continue;
        };
        b.acc.obs.push((
            RawObservation {
                id: None,
                period: p.text.clone(),
                category: None,
                value: Some(numbers::to_f64(&f.value, f.exp - exp)),
                basis: None,
                qualifier: None,
                sources: vec![SOURCE_ID.to_string()],
                derived: None,
                note: f.status.as_deref().map(|s| RawText::Plain(status_note(s))),
            },
            f.value,
            f.exp,
            p.period,
        ));
        b.acc.rows.push(f.row);
    }
    let several = reporters.len() > 1;
    let mut used = Vec::new();
    let mut raw_series = Vec::new();
    let mut obs_rows = Vec::new();
    for b in &mut series {
        let (f, t) = b.acc.direction.clone().unwrap_or_default();
        let (r, other) = (b.reporter, 1 - b.reporter.min(1));
        let mut label = match b.indicator {
            Indicator::Exports => format!("Exports from {} to {}", name(r), name(other)),
            Indicator::ImportsFob => {
                format!("Imports of {} from {}, valued FOB", name(r), name(other))
            }
            _ => format!("Imports of {} from {}", name(r), name(other)),
        };
        label.push_str(&format!(", as reported by {}", name(r)));
        if several && reporters.first() != Some(&r) {
            label.push_str(" (mirror figures)");
        }
        let mut id = format!("{}-{}-{}", slug(&f), slug(&t), b.acc.class.id());
        if several {
            id.push_str(&format!("-by-{}", slug(code(r))));
        }
        if b.indicator == Indicator::ImportsFob {
            id.push_str("-fob");
        }
        raw_series.push(RawSeries {
            id: cells::unique(&mut used, id),
            label: RawText::Plain(label),
            direction: format!("{f}>{t}"),
            basis: b.acc.basis.clone(),
            observations: b.acc.obs.iter().map(|o| o.0.clone()).collect(),
        });
        obs_rows.push(b.acc.rows.clone());
    }
    let accs: Vec<Acc> = series.into_iter().map(|b| b.acc).collect();
    let (a, b) = (name(0), name(1));
    let parties = [(code(0), a), (code(1), b)];
    let mut views = assemble::default_views(&accs, &raw_series, parties, None);
    // Quarters are month ranges in the dataset: their view says quarter, not month.
    let quarters = accs
        .iter()
        .filter(|s| s.class == Class::Monthly)
        .flat_map(|s| s.obs.iter())
        .all(|o| o.3.kind == PeriodKind::MonthRange);
    if quarters {
        for v in views.iter_mut().filter(|v| v.id.starts_with("monthly")) {
            for t in [&mut v.label, &mut v.title] {
                let texts: Vec<&mut String> = match t {
                    RawText::Plain(s) => vec![s],
                    RawText::Localized(m) => m.values_mut().collect(),
                };
                for s in texts {
                    *s = s
                        .replace("By month", "By quarter")
                        .replace("by month", "by quarter")
                        .replace("월별", "분기별")
                        .replace("按月", "按季度");
                }
            }
        }
    }
    let by: Vec<&str> = reporters.iter().map(|&r| name(r)).collect();
    let about = format!("Trade between {a} and {b}");
    let mut years: Vec<i32> = accs
        .iter()
        .flat_map(|s| s.obs.iter().map(|o| o.3.first_year()))
        .collect();
    years.sort_unstable();
    let span = match (years.first(), years.last()) {
        (Some(f), Some(l)) if f != l => format!("{f}–{l}"),
        (Some(f), _) => f.to_string(),
        _ => String::new(),
    };
    let bases = valuations
        .iter()
        .map(|&(r, v)| {
            let how = if v == "cif" {
                "imports valued CIF (cost, insurance and freight to the border)"
            } else {
                "valued FOB (free on board at the border)"
            };
            RawBasis {
                id: format!("imf-{}-{v}", slug(code(r))),
                label: RawText::Plain(format!(
                    "Reported by {}, IMF Direction of Trade Statistics (DOTS); {how}",
                    name(r)
                )),
            }
        })
        .collect();
    let mut notes = vec![RawText::Plain(
        "IMF Direction of Trade Statistics (DOTS), in US dollars: each reporting country values its exports FOB (free on board, TXG_FOB_USD) and its imports CIF (with the cost of insurance and freight to its border, TMG_CIF_USD; TMG_FOB_USD is imports valued FOB); one side's imports therefore run above the other side's exports of the same goods.".to_string(),
    )];
    if several {
        notes.push(RawText::Plain(format!(
            "{} both report this trade. Each report is a basis of its own and drawn as separate series: a partner's report of the same flow (its mirror figure) is never merged into the reporter's.",
            by.join(" and ")
        )));
    }
    if flagged {
        notes.push(RawText::Plain(
            "A figure the file flags in its Status row (e: estimated, p: provisional…) carries the flag as its note.".to_string(),
        ));
    }
    if checked.checked > 0 {
        notes.push(RawText::Plain(format!(
            "The file's trade balance (TBG_USD) is not drawn: it was checked against exports minus imports (CIF) in {}, of which {} beyond rounding.",
            crate::count(checked.checked, "period", "periods"),
            if checked.disagree == 1 { "1 disagrees".to_string() } else { format!("{} disagree", checked.disagree) }
        )));
    }
    let dataset = RawDataset {
        schema: 1,
        credit: None,
        id: options
            .id
            .clone()
            .unwrap_or_else(|| format!("{}-{}", slug(code(0)), slug(code(1)))),
        title: RawText::Plain(
            options
                .title
                .clone()
                .unwrap_or_else(|| format!("{about} (IMF DOTS)")),
        ),
        partners: countries
            .iter()
            .map(|(c, n)| RawPartner {
                code: c.clone(),
                name: RawText::Plain(n.clone()),
            })
            .collect(),
        unit: RawUnit {
            currency: "USD".into(),
            scale: 10f64.powi(exp),
        },
        bases,
        sources: vec![RawSource {
            id: SOURCE_ID.into(),
            publisher: "International Monetary Fund (IMF)".into(),
            title: format!(
                "Direction of Trade Statistics (DOTS): {about} as reported by {}, {span} (IMF download)",
                by.join(" and ")
            ),
            date: options.accessed.clone(),
            url: URL.into(),
            note: options.accessed.as_ref().map(|d| {
                format!("Downloaded on {d}; the IMF revises DOTS figures as countries report.")
            }),
        }],
        series: raw_series,
        claims: Vec::new(),
        annotations: Vec::new(),
        views,
        notes,
    };
    (dataset, obs_rows)
}
