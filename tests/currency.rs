//! A dataset in another currency than US dollars: everything a reader sees names it —
//! the axis, the tooltip, the table's header, the CSV's value column, the summary, the
//! claims, the picture and the social card — and the figures are never converted.

mod common;
use serde_json::{json, Value};
use trade_chart::data::DEFAULT_JSON;
use trade_chart::{Dataset, DatasetChart, Options};

fn chart_in(currency: &str, lang: &str, view: &str) -> DatasetChart {
    let mut v: Value = serde_json::from_str(DEFAULT_JSON).unwrap();
    v["unit"]["currency"] = json!(currency);
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let mut c = DatasetChart::new(ds, &Options::new(Some(view), None)).unwrap();
    c.set_lang(lang).unwrap();
    c.resize(1024.0, 480.0).unwrap();
    c
}

/// The tooltip's value of the figure with this id.
fn tooltip(c: &DatasetChart, id: &str) -> String {
    let i = c.items().iter().position(|i| i.id == id).expect("drawn");
    c.describe(i).expect("described").value
}

/// The value axis's tick labels: the texts at the plot's left edge, top to bottom.
fn ticks(c: &DatasetChart) -> Vec<String> {
    let s = c.scene();
    let mut t: Vec<(f64, String)> = s
        .marks
        .iter()
        .filter_map(|m| match m {
            trade_chart::scene::Mark::Text { at, text, .. } if at.0 < s.plot.x0 => {
                Some((at.1, text.clone()))
            }
            _ => None,
        })
        .collect();
    t.sort_by(|a, b| a.0.total_cmp(&b.0));
    t.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn the_axis_and_tooltip_name_the_currency_in_each_language() {
    // (currency, language, the top tick, the 2020 imports' tooltip)
    let table = [
        ("USD", "en", "$3bn", "$491.06 million"),
        ("EUR", "en", "€3bn", "€491.06 million"),
        ("CNY", "en", "CN¥3bn", "CN¥491.06 million"),
        ("JPY", "en", "JP¥3bn", "JP¥491.06 million"),
        ("KRW", "en", "₩3bn", "₩491.06 million"),
        ("CHF", "en", "3bn CHF", "491.06 million CHF"),
        ("USD", "ko", "30억 달러", "4억9106만 달러"),
        ("EUR", "ko", "30억 유로", "4억9106만 유로"),
        ("KRW", "ko", "30억 원", "4억9106만 원"),
        ("CNY", "ko", "30억 위안", "4억9106만 위안"),
        ("CHF", "ko", "30억 CHF", "4억9106만 CHF"),
        ("USD", "zh", "30亿美元", "4.91亿美元"),
        ("EUR", "zh", "30亿欧元", "4.91亿欧元"),
        ("CNY", "zh", "30亿元", "4.91亿元"),
        ("JPY", "zh", "30亿日元", "4.91亿日元"),
        ("KRW", "zh", "30亿韩元", "4.91亿韩元"),
    ];
    for (currency, lang, top, value) in table {
        let c = chart_in(currency, lang, "balance");
        let t = ticks(&c);
        assert_eq!(
            t.first().map(String::as_str),
            Some(top),
            "{currency} {lang}: {t:?}"
        );
        assert_eq!(tooltip(&c, "cnkp-2020"), value, "{currency} {lang}");
    }
}

#[test]
fn the_table_csv_summary_claims_and_pictures_name_the_currency() {
    let c = chart_in("EUR", "en", "balance");
    assert_eq!(c.table().headers[2], "Value (€)");
    assert!(c.table().rows.iter().any(|r| r[2] == "€491.06 million"));
    let csv = c.csv();
    let header = csv.lines().next().unwrap();
    assert!(header.contains(",value_eur,"), "{header}");
    // Never converted: the CSV's figure is the dataset's, in euros.
    assert!(csv.contains(",491060000,"), "{csv}");
    assert!(
        c.summary().contains('€') && !c.summary().contains('$'),
        "{}",
        c.summary()
    );
    for claim in c.claims() {
        assert!(!claim.story.contains('$'), "{}", claim.story);
    }
    assert!(c.claims().iter().any(|cl| cl.story.starts_with('€')));
    let svg = c.svg(800.0).unwrap();
    assert!(svg.contains("€3bn") && !svg.contains("$3bn"));
    let card = c.social_svg().unwrap();
    assert!(
        card.contains('€') && !card.contains("$"),
        "the social card in dollars"
    );

    let ko = chart_in("KRW", "ko", "balance");
    assert_eq!(ko.table().headers[2], "금액(원)");
    assert!(ko.summary().contains(" 원"), "{}", ko.summary());
    let zh = chart_in("CNY", "zh", "balance");
    assert_eq!(zh.table().headers[2], "金额（人民币）");
    assert!(zh.csv().lines().next().unwrap().contains(",value_cny,"));
    let usd = chart_in("USD", "en", "balance");
    assert_eq!(usd.table().headers[2], "Value (US$)");
    assert!(usd.csv().lines().next().unwrap().contains(",value_usd,"));
}
