//! Tables in other currencies than US dollars through the built `trade-chart`: a
//! made-up table in euros (a unit column of `EUR million`, `EUR bn`) and one in 万元
//! (`--unit 万元`) convert to datasets in EUR and CNY, never converted, and render to
//! pictures whose axes name the currency. Every figure here is invented.

use std::path::PathBuf;

mod common;
use common::cli::run;
use trade_chart::Dataset;

/// A fresh directory holding `observations.tsv` and a made-up `sources.tsv`.
fn tables(name: &str, observations: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("currency-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("observations.tsv"), observations).unwrap();
    std::fs::write(
        d.join("sources.tsv"),
        "ID\tPublisher\tTitle\tDate\tURL\n\
         made-up\tMade-up Statistics Office\tInvented trade figures (for the tests)\t2024-01\thttps://example.invalid/stats\n",
    )
    .unwrap();
    d
}

fn convert(d: &std::path::Path, extra: &[&str]) -> Dataset {
    let obs = d.join("observations.tsv");
    let json = d.join("dataset.json");
    let mut args = vec![
        "convert",
        obs.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    Dataset::from_json(&std::fs::read_to_string(json).unwrap()).unwrap()
}

fn render(d: &std::path::Path, view: &str, extra: &[&str]) -> String {
    let obs = d.join("observations.tsv");
    let svg = d.join("chart.svg");
    let mut args = vec![
        "render",
        obs.to_str().unwrap(),
        "--view",
        view,
        "-o",
        svg.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    std::fs::read_to_string(svg).unwrap()
}

#[test]
fn a_table_in_euros_charts_in_euros() {
    let d = tables(
        "eur",
        "Direction\tPeriod\tValue\tUnit\tSources\n\
         DE>FR\t2021\t1,250.5\tEUR million\tmade-up\n\
         DE>FR\t2022\t1.5\tEUR bn\tmade-up\n\
         FR>DE\t2021\t980.25\tEUR million\tmade-up\n\
         FR>DE\t2022\t1,020\tEUR million\tmade-up\n",
    );
    let partners = ["--partner", "DE=Germany", "--partner", "FR=France"];
    let ds = convert(&d, &partners);
    assert_eq!(ds.currency.code(), "EUR");
    assert_eq!(ds.scale, 1e6);
    let values: Vec<f64> = ds.series[0].observations.iter().map(|o| o.value).collect();
    assert_eq!(values, [1250.5, 1500.0]);
    let view = ds.views[0].id.clone();
    let svg = render(&d, &view, &partners);
    // The axis's ticks, each line of the picture's text its own.
    let lines: Vec<&str> = svg.lines().collect();
    assert!(lines.contains(&"€1.75bn"), "no € on the axis");
    assert!(lines.contains(&"€1.5bn"), "no € on the bar's label");
    assert!(!svg.contains('$'), "dollars in a chart in euros");
    let ko = render(&d, &view, &[&partners[..], &["--lang", "ko"]].concat());
    let lines: Vec<&str> = ko.lines().collect();
    assert!(
        lines.contains(&"17.5억 유로"),
        "the Korean axis's top tick does not name the euro"
    );
    assert!(lines.contains(&"15억"), "the other ticks are numbers alone");
}

#[test]
fn a_table_in_wan_yuan_charts_in_yuan() {
    let d = tables(
        "cny",
        "Direction\tPeriod\tValue\tSources\n\
         CN>KR\t2021\t12,345.6\tmade-up\n\
         CN>KR\t2022\t15,000.5\tmade-up\n",
    );
    let options = [
        "--unit",
        "万元",
        "--partner",
        "CN=China",
        "--partner",
        "KR=South Korea",
    ];
    let ds = convert(&d, &options);
    assert_eq!(ds.currency.code(), "CNY");
    assert_eq!(ds.scale, 1e4);
    assert_eq!(ds.series[0].observations[1].value, 15000.5);
    let view = ds.views[0].id.clone();
    let zh = render(&d, &view, &[&options[..], &["--lang", "zh"]].concat());
    let lines: Vec<&str> = zh.lines().collect();
    assert!(
        lines.contains(&"1.75亿元"),
        "the Chinese axis's top tick does not name the yuan"
    );
    assert!(!zh.contains("美元"));
    let en = render(&d, &view, &options);
    assert!(
        en.lines().any(|l| l == "CN¥175m"),
        "no CN¥ on the English axis"
    );
}
