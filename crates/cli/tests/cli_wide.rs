//! The `trade-chart` command line with wide tables (a period column and a column per
//! flow), run as built: --partner, --unit, --source and --flow; errors naming the option
//! they want; exit codes. The tables are the made-up fixtures of tests/fixtures/wide/.

use std::path::PathBuf;

mod common;
use common::cli::run;
use trade_chart::{Dataset, RawDataset};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/wide");

const SOURCE: &str = "Made-up Statistics Office | Invented trade | https://example.invalid/trade";

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-wide-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(f: &str) -> String {
    format!("{FIXTURES}/{f}")
}

#[test]
fn convert_a_korean_wide_table_with_its_partners_unit_source_and_a_flow() {
    let d = dir("ko");
    let out = d.join("kr-it.json");
    let f = fixture("ko-annual.csv");
    let (code, _, err) = run(&[
        "convert",
        &f,
        "--partner",
        "KR=South Korea",
        "--partner",
        "IT=Italy",
        "--unit",
        "USD thousand",
        "--source",
        &format!("{SOURCE} | 2024"),
        // The balance skipped: not checked, no warning for it.
        "--flow",
        "수지=skip",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    // The six columns that are not money, each a warning at its header.
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(warnings.len(), 6, "{err}");
    assert_eq!(
        warnings[0],
        format!("warning: {f}:1:3: \"수출증감률\": column not used: not money: header says 증감률")
    );
    let text = std::fs::read_to_string(&out).unwrap();
    Dataset::from_json(&text).unwrap();
    let raw: RawDataset = serde_json::from_str(&text).unwrap();
    let figures: Vec<(String, Vec<(String, f64)>)> = raw
        .series
        .iter()
        .map(|s| {
            (
                s.direction.clone(),
                s.observations
                    .iter()
                    .map(|o| (o.period.clone(), o.value.unwrap()))
                    .collect(),
            )
        })
        .collect();
    let p = |v: [(&str, f64); 3]| v.map(|(a, b)| (a.to_string(), b)).to_vec();
    assert_eq!(
        figures,
        vec![
            (
                "KR>IT".into(),
                p([
                    ("2021", 1_212_900.0),
                    ("2022", 1_199_600.0),
                    ("2023", 1_250_000.0)
                ])
            ),
            (
                "IT>KR".into(),
                p([
                    ("2021", 973_500.0),
                    ("2022", 1_005_630.0),
                    ("2023", 980_500.0)
                ])
            ),
        ]
    );
    assert_eq!(raw.unit.scale, 1e3);
    assert_eq!(raw.sources[0].publisher, "Made-up Statistics Office");
    assert_eq!(raw.sources[0].date.as_deref(), Some("2024"));
    assert_eq!(
        raw.series[0].observations[0].sources,
        ["made-up-statistics-office"]
    );
}

#[test]
fn check_and_render_an_english_wide_table() {
    let f = fixture("en-monthly.csv");
    let args = [
        "--partner",
        "US=United States",
        "--partner",
        "CN=China",
        "--unit",
        "USD million",
        "--source",
        SOURCE,
    ];
    let mut check = vec!["check", f.as_str()];
    check.extend(args);
    let (code, out, err) = run(&check);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{f}: ok: 2 series, 7 observations, 1 source, 1 view, 0 annotations (1 gap, 0 warnings)\n")
    );
    let d = dir("en");
    let svg = d.join("en.svg");
    let mut render = vec![
        "render",
        f.as_str(),
        "--view",
        "monthly",
        "-o",
        svg.to_str().unwrap(),
    ];
    render.extend(args);
    let (code, _, err) = run(&render);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("Made-up Statistics Office"),
        "the source line"
    );
}

#[test]
fn what_a_wide_table_lacks_is_one_error_per_option() {
    let f = fixture("en-monthly.csv");
    // Nothing given: the partners, the unit and the source, each one line, exit 1.
    let (code, _, err) = run(&["check", &f]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].starts_with(&format!(
        "{f}: --partner: a wide table does not name its countries"
    )));
    assert!(lines[1].starts_with(&format!("{f}: --unit: ")));
    assert!(lines[2].starts_with(&format!(
        "{f}: --source: a wide table has no sources column"
    )));
    // A --flow naming no column: the headers listed.
    let (code, _, err) = run(&[
        "check",
        &f,
        "--partner",
        "US",
        "--partner",
        "CN",
        "--unit",
        "USD",
        "--source",
        SOURCE,
        "--flow",
        "Exprts=US>CN",
    ]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err,
        format!("{f}: --flow: \"Exprts\": no column has this header; the headers are #1 Month, #2 Exports, #3 Imports, #4 Balance\n")
    );
    // Options that do not read are usage errors (exit 2).
    let (code, _, err) = run(&["check", &f, "--flow", "Exports"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--flow"), "{err}");
    let (code, _, err) = run(&["check", &f, "--source", "Office | Title"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("\"Publisher | Title | URL | date\""), "{err}");
    let (code, _, err) = run(&["check", &f, "--source", SOURCE, "--sources", &f]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--source and --sources"), "{err}");
    let d = dir("both");
    let sources = d.join("sources.tsv");
    std::fs::write(&sources, "id\tpublisher\ttitle\turl\n").unwrap();
    let (code, _, err) = run(&["check", &f, sources.to_str().unwrap(), "--source", SOURCE]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--source and a sources table"), "{err}");
}
