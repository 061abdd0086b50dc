//! The dataset made from the figures of the pair of countries chosen: partners, one
//! basis a reporter and valuation, the series, views, the source row, notes.

use super::model::{ComtradeOptions, Flow, Gathered, SOURCE_ID, URL};
use crate::cells::{self, slug};
use crate::numbers;
use crate::sheet::{self, Acc};
use trade_chart::data::{
    RawBasis, RawDataset, RawObservation, RawPartner, RawSeries, RawSource, RawText, RawUnit,
};

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

/// The dataset from the figures of a pair of countries: partners, one basis a reporter
/// and valuation, the series, views, the source row, notes; and each series' rows.
pub(crate) fn make(mut g: Gathered, options: &ComtradeOptions) -> (RawDataset, Vec<Vec<usize>>) {
    let exp = unit_exponent(g.max_value);
    let (bases, basis_ids) = bases(&g);
    let (raw_series, obs_rows) = series(&mut g, &basis_ids, exp);
    let accs: Vec<Acc> = std::mem::take(&mut g.series)
        .into_iter()
        .map(|b| b.acc)
        .collect();
    let (a, b) = (g.name(0), g.name(1));
    let parties = [(g.code(0), a.as_str()), (g.code(1), b.as_str())];
    let views = sheet::default_views(&accs, &raw_series, parties, g.product.as_deref());
    let by = g.reporters.iter().map(|&r| g.name(r)).collect::<Vec<_>>();
    let services = g.valuations.iter().all(|v| v.1 == "services");
    let what = if services {
        "Trade in services"
    } else {
        "Trade"
    };
    let about = match &g.product {
        Some(p) => format!("{what} between {a} and {b}: {p}"),
        None => format!("{what} between {a} and {b}"),
    };
    let dataset = RawDataset {
        schema: 1,
        credit: None,
        id: options
            .id
            .clone()
            .unwrap_or_else(|| format!("{}-{}", slug(g.code(0)), slug(g.code(1)))),
        title: RawText::Plain(
            options
                .title
                .clone()
                .unwrap_or_else(|| format!("{about} (UN Comtrade)")),
        ),
        partners: g
            .countries
            .iter()
            .map(|x| RawPartner {
                code: x.code.clone(),
                name: RawText::Plain(x.name.clone()),
            })
            .collect(),
        unit: RawUnit {
            currency: "USD".into(),
            scale: 10f64.powi(exp),
        },
        bases,
        sources: vec![RawSource {
            id: SOURCE_ID.into(),
            publisher: "UN Comtrade".into(),
            title: source_title(&accs, &about, &by),
            date: options.accessed.clone(),
            url: URL.into(),
            note: options
                .accessed
                .as_ref()
                .map(|d| format!("Downloaded on {d}; Comtrade revises its figures as reporters send corrections.")),
        }],
        series: raw_series,
        claims: Vec::new(),
        annotations: Vec::new(),
        views,
        notes: notes(&by, services),
    };
    (dataset, obs_rows)
}

/// One basis a reporter and valuation, labelled in words (a reporter's figures are a
/// basis of their own); and their ids, in the order of `g.valuations`.
fn bases(g: &Gathered) -> (Vec<RawBasis>, Vec<String>) {
    let mut bases = Vec::new();
    let mut basis_ids = Vec::new();
    for (rep, val, _seen, derived) in &g.valuations {
        let id = format!("comtrade-{}-{val}", slug(g.code(*rep)));
        let rep = g.name(*rep);
        let (en, ko, zh) = match *val {
            "cif" => (
                "valued CIF (cost, insurance and freight to the border)",
                "CIF 기준(국경까지의 운임·보험료 포함)",
                "按到岸价（CIF，含至边境的运费和保险费）计",
            ),
            "services" => (
                "trade in services (EBOPS), not valued at a border",
                "서비스 교역(EBOPS), 국경 가격이 아님",
                "服务贸易（EBOPS），不按边境价格计",
            ),
            _ => (
                "valued FOB (free on board at the border)",
                "FOB 기준(국경에서의 본선 인도 가격)",
                "按离岸价（FOB，边境船上交货价）计",
            ),
        };
        let mut en = format!("Reported by {rep}, UN Comtrade; {en}");
        let mut ko = format!("{rep} 보고, UN Comtrade; {ko}");
        let mut zh = format!("{rep}报告，UN Comtrade；{zh}");
        if *derived {
            // isReported false: UN Comtrade's estimate, said without the field's name.
            en.push_str(&format!(
                "; some figures estimated by UN Comtrade, not reported by {rep}"
            ));
            ko.push_str(&format!(
                "; 일부 수치는 {rep} 보고가 아닌 UN Comtrade 추정치"
            ));
            zh.push_str(&format!("；部分数字由UN Comtrade估算，并非{rep}报告"));
        }
        bases.push(RawBasis {
            id: id.clone(),
            label: crate::words::words(en, ko, zh),
        });
        basis_ids.push(id);
    }
    (bases, basis_ids)
}

/// The series labelled in words and given ids of their own, their values in the
/// dataset's unit (10^`exp` dollars); and each series' rows. The observations are moved
/// out: the accumulators keep only the periods, which the views need.
fn series(g: &mut Gathered, basis_ids: &[String], exp: i32) -> (Vec<RawSeries>, Vec<Vec<usize>>) {
    let several = g.reporters.len() > 1;
    let mut used: Vec<String> = Vec::new();
    let mut raw_series = Vec::new();
    let mut obs_rows = Vec::new();
    let mut series = std::mem::take(&mut g.series);
    for b in &mut series {
        let vi: usize = b.acc.basis.parse().unwrap_or(0);
        b.acc.basis = basis_ids.get(vi).cloned().unwrap_or_default();
        let (f, t) = b.acc.direction.clone().unwrap_or_default();
        let fi = g.countries.iter().position(|x| x.code == f).unwrap_or(0);
        let ti = g.countries.iter().position(|x| x.code == t).unwrap_or(1);
        let services = g.valuations.get(vi).is_some_and(|v| v.1 == "services");
        let (exports, imports) = if services {
            ("Services exports", "Services imports")
        } else {
            ("Exports", "Imports")
        };
        let mut label = format!("{exports} from {} to {}", g.name(fi), g.name(ti));
        if b.flow == Flow::Import {
            label = format!("{imports} of {} from {}", g.name(ti), g.name(fi));
        }
        label.push_str(&format!(", as reported by {}", g.name(b.reporter)));
        if several && g.reporters.first() != Some(&b.reporter) {
            label.push_str(" (mirror figures)");
        }
        let mut id = format!("{}-{}-{}", slug(&f), slug(&t), b.acc.class.id());
        if several {
            id.push_str(&format!("-by-{}", slug(g.code(b.reporter))));
        }
        raw_series.push(RawSeries {
            id: cells::unique(&mut used, id),
            label: RawText::Plain(label),
            direction: format!("{f}>{t}"),
            basis: b.acc.basis.clone(),
            observations: b
                .acc
                .obs
                .iter_mut()
                .map(|(o, canon, e, _)| RawObservation {
                    value: Some(numbers::to_f64(canon, *e - exp)),
                    id: o.id.take(),
                    period: std::mem::take(&mut o.period),
                    category: o.category.take(),
                    basis: o.basis.take(),
                    qualifier: o.qualifier.take(),
                    sources: std::mem::take(&mut o.sources),
                    derived: o.derived.take(),
                    note: o.note.take(),
                })
                .collect(),
        });
        obs_rows.push(b.acc.rows.clone());
    }
    g.series = series;
    (raw_series, obs_rows)
}

/// The source row's title: the pair, who reported the figures, and the years they span.
fn source_title(accs: &[Acc], about: &str, by: &[String]) -> String {
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
    format!(
        "{about} as reported by {}, {span} (UN Comtrade download)",
        by.join(" and ")
    )
}

/// The dataset's notes: how Comtrade values the figures, and, when both countries
/// report (`by`: the reporters' names), that their reports are kept apart.
fn notes(by: &[String], services: bool) -> Vec<RawText> {
    let mut notes = vec![RawText::Plain(if services {
        "Comtrade's primary value in US dollars, trade in services (EBOPS): services cross no border, so they have no CIF or FOB valuation; each reporter's figures are its own.".to_string()
    } else {
        "Comtrade's primary value in US dollars: each reporter values its imports CIF (with the cost of insurance and freight to its border) and its exports FOB (free on board), as is usual, unless the download says otherwise; one side's imports therefore run above the other side's exports of the same goods.".to_string()
    })];
    if by.len() > 1 {
        notes.push(RawText::Plain(format!(
            "{} both report this trade. Each report is a basis of its own and drawn as separate series: a partner's report of the same flow (its mirror figure) is never merged into the reporter's.",
            by.join(" and ")
        )));
    }
    notes
}
