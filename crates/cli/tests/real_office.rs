//! The command line, as built, on the long tables with words of docs/REAL-FILES.md: China
//! customs' GBK query export (the encoding guessed, the partner by its name as the file
//! writes it, the product and the flow given) and ELSTAT's table of flows as words.
//! Figures read off the files by hand (docs/REAL-FILES.md).

#[path = "../../../tests/support/real.rs"]
mod real;

mod common;
use common::cli::run;
use trade_chart::{Dataset, RawDataset};

fn out(name: &str) -> std::path::PathBuf {
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-real-office");
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

fn figure(raw: &RawDataset, direction: &str, period: &str) -> f64 {
    (raw.series.iter())
        .find(|s| s.direction == direction)
        .and_then(|s| s.observations.iter().find(|o| o.period == period))
        .and_then(|o| o.value)
        .unwrap_or_else(|| panic!("no {direction} {period}"))
}

fn dataset(p: &std::path::Path) -> RawDataset {
    let text = std::fs::read_to_string(p).unwrap();
    Dataset::from_json(&text).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn china_customs_gbk_export_to_a_chart_of_imports_from_brazil() {
    let Some(f) = real::path("cn-customs-soybean-imports-2024-gbk.csv") else {
        return;
    };
    let f = f.to_str().unwrap().to_string();
    let o = out("cn-br.json");
    let (code, _, err) = run(&[
        "convert",
        &f,
        "--partner",
        "CN=China",
        "--partner",
        "BR=巴西",
        "--commodity",
        "12019019",
        "--flow",
        "人民币=BR>CN",
        "--source",
        "General Administration of Customs of China | Customs statistics query | http://stats.customs.gov.cn/",
        "-o",
        o.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("read as GBK"), "{err}");
    let raw = dataset(&o);
    assert_eq!((raw.unit.currency.as_str(), raw.unit.scale), ("CNY", 1.0));
    // Line 3: 202401, 巴西: 16,536,067,327 yuan.
    assert_eq!(figure(&raw, "BR>CN", "2024-01"), 16_536_067_327.0);
    // Without --flow: one error asking for it.
    let (code, _, err) = run(&[
        "check",
        &f,
        "--partner",
        "CN=China",
        "--partner",
        "BR=巴西",
        "--commodity",
        "12019019",
        "--source",
        "GACC | Customs | http://stats.customs.gov.cn/",
    ]);
    assert_eq!(code, 1);
    let errors: Vec<&str> = err.lines().filter(|l| !l.starts_with("warning")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].contains("--flow: the table does not say whether \"人民币\""));
}

#[test]
fn elstat_flows_as_words_food_section() {
    let Some(f) = real::path("gr-elstat-sitc-eur.csv") else {
        return;
    };
    let f = f.to_str().unwrap().to_string();
    let o = out("gr.json");
    let (code, _, err) = run(&[
        "convert",
        &f,
        "--partner",
        "GR=Greece",
        "--partner",
        "WLD=World",
        "--commodity",
        "0",
        "--source",
        "Hellenic Statistical Authority | Trade by SITC section | https://www.statistics.gr/",
        "-o",
        o.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let raw = dataset(&o);
    assert_eq!((raw.unit.currency.as_str(), raw.unit.scale), ("EUR", 1.0));
    // Line 2 and line 15.
    assert_eq!(figure(&raw, "WLD>GR", "2013"), 2_057_335_528.0);
    assert_eq!(figure(&raw, "GR>WLD", "2013"), 1_460_095_811.0);
    assert!(err.contains("\"2017(1)\": read as 2017"), "{err}");
}

#[test]
fn china_customs_a_correct_flow_without_a_source_asks_only_for_the_source() {
    let Some(f) = real::path("cn-customs-soybean-imports-2024-gbk.csv") else {
        return;
    };
    let f = f.to_str().unwrap().to_string();
    let (code, _, err) = run(&[
        "check",
        &f,
        "--partner",
        "CN=China",
        "--partner",
        "410=Brazil",
        "--commodity",
        "12019019",
        "--flow",
        "人民币=410>CN",
    ]);
    assert_eq!(code, 1, "{err}");
    let errors: Vec<&str> = err.lines().filter(|l| !l.starts_with("warning")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].starts_with(&format!("{f}: --source: ")), "{err}");
    // A code that is not a partner given is still refused.
    let (code, _, err) = run(&[
        "check",
        &f,
        "--partner",
        "CN=China",
        "--partner",
        "410=Brazil",
        "--commodity",
        "12019019",
        "--flow",
        "人民币=502>CN",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("\"502>CN\": 502 is not a partner; expected CN>410 or 410>CN"),
        "{err}"
    );
}
