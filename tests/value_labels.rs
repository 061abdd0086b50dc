//! Bar value labels: one precision for every label of a view (the most of 2, 1, 0 places
//! that fits every bar), all of its places shown for a rounded figure, and no labels
//! where that precision would read a figure more than 5 % off (1.46bn as "1bn").

use serde_json::{json, Value};
use trade_chart::data::DEFAULT_JSON;
use trade_chart::scene::Mark;
use trade_chart::{Dataset, DatasetChart, Options};

/// The story's balance view over eight years, its figures (US$ million) the ELSTAT
/// file's kind: 1–2.4 billion, none a whole number of tenths.
const FIGURES: [(&str, [f64; 2]); 8] = [
    ("2004", [2057.34, 1460.1]),
    ("2007", [2020.91, 1463.6]),
    ("2011", [2092.12, 1516.05]),
    ("2012", [2108.68, 1655.19]),
    ("2018", [2279.04, 1707.3]),
    ("2019", [2301.19, 1892.57]),
    ("2020", [2281.02, 1460.95]),
    ("2022", [2396.33, 1123.48]),
];

fn chart(lang: &str) -> DatasetChart {
    let mut v: Value = serde_json::from_str(DEFAULT_JSON).unwrap();
    for s in v["series"].as_array_mut().unwrap() {
        let k = match s["id"].as_str() {
            Some("cn-kp-annual") => 0,
            Some("kp-cn-annual") => 1,
            _ => continue,
        };
        for o in s["observations"].as_array_mut().unwrap() {
            if let Some((_, f)) = FIGURES.iter().find(|(p, _)| o["period"] == json!(p)) {
                o["value"] = json!(f[k]);
                o.as_object_mut().unwrap().remove("qualifier");
            }
        }
    }
    v["claims"] = json!([]); // the story's claims are of its own figures
    for view in v["views"].as_array_mut().unwrap() {
        view["claims"] = json!([]);
        if view["id"] == "balance" {
            view["periods"] = json!(FIGURES.iter().map(|f| f.0).collect::<Vec<_>>());
        }
    }
    let ds = Dataset::from_json(&v.to_string()).unwrap();
    let mut c = DatasetChart::new(ds, &Options::new(Some("balance"), None)).unwrap();
    c.set_lang(lang).unwrap();
    c
}

/// The value labels drawn (bold 12 px texts), sorted.
fn labels(c: &DatasetChart) -> Vec<String> {
    let mut out: Vec<String> = (c.scene().marks.iter())
        .filter_map(|m| match m {
            Mark::Text {
                text,
                bold: true,
                size,
                ..
            } if *size == 12.0 => Some(text.clone()),
            _ => None,
        })
        .collect();
    out.sort();
    out
}

/// Every figure as a label with `d` places, all shown ("$2.0bn"), sorted.
/// A figure's digits written as a label.
type Write = fn(String) -> String;

fn expected(d: usize, unit: f64, write: Write) -> Vec<String> {
    let mut out: Vec<String> = (FIGURES.iter())
        .flat_map(|(_, f)| f.iter())
        .map(|v| write(format!("{:.*}", d, v * 1e6 / unit)))
        .collect();
    out.sort();
    out
}

#[test]
fn one_precision_for_every_label_never_a_misleading_one() {
    let cases: [(&str, f64, Write); 2] = [
        ("en", 1e9, |n| format!("${n}bn")),
        ("ko", 1e8, |n| format!("{n}억")),
    ];
    for (lang, unit, write) in cases {
        let mut seen = [false; 3];
        for w in (280..=1400).step_by(20) {
            let mut c = chart(lang);
            c.resize(w as f64, 480.0).unwrap();
            let got = labels(&c);
            if got.is_empty() {
                continue;
            }
            let d = (0..3)
                .find(|&d| got == expected(d, unit, write))
                .unwrap_or_else(|| {
                    panic!("{lang} {w} px: labels of mixed or wrong precision {got:?}")
                });
            seen[d] = true;
        }
        // English at 0 places would read 1.46bn as "$1bn": never drawn; Korean's 억 at
        // 0 places is at most 0.5 % off these figures.
        assert!(!seen[0] || lang == "ko", "{lang}: {seen:?}");
        assert!(seen[1] || seen[2], "{lang}: never labelled {seen:?}");
    }
    // A width where two places do not fit and one does: "$2.0bn", not "$2bn" beside "$2.3bn".
    let mut c = chart("en");
    let w = (280..=1400)
        .step_by(20)
        .find(|&w| {
            c.resize(w as f64, 480.0).unwrap();
            labels(&c) == expected(1, 1e9, |n| format!("${n}bn"))
        })
        .expect("one place at some width");
    c.resize(w as f64, 480.0).unwrap();
    assert!(
        labels(&c).contains(&"$2.0bn".to_string()),
        "{:?}",
        labels(&c)
    );
}

#[test]
fn format_compact_error_and_padding() {
    use trade_chart::text::format::{compact_error, money_compact, Currency};
    use trade_chart::text::words::Lang;
    assert!((compact_error(1.46e9, 0, Lang::En) - 0.46 / 1.46).abs() < 1e-12);
    assert_eq!(compact_error(0.0, 0, Lang::En), 0.0);
    assert_eq!(compact_error(216e6, 0, Lang::En), 0.0);
    let eur = Currency::parse("EUR").unwrap();
    assert_eq!(money_compact(2.0209e9, 1, eur, Lang::En), "€2.0bn");
    assert_eq!(money_compact(2.2996e9, 2, eur, Lang::En), "€2.30bn");
    assert_eq!(money_compact(216e6, 2, eur, Lang::En), "€216m");
    assert_eq!(money_compact(20.209e8, 1, eur, Lang::Ko), "20.2억");
    assert_eq!(money_compact(20.0209e8, 1, eur, Lang::Zh), "20.0亿");
    // Korean and Chinese below 10⁴ are whole units: never padded.
    assert_eq!(money_compact(1234.5, 2, eur, Lang::Ko), "1,235");
}
