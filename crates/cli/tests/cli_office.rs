//! The `trade-chart` command line with long tables with words (statistics offices' and
//! customs' query exports), run as built: --partner picking the partner's rows,
//! --commodity the product, --flow the direction the file does not say; errors and exit
//! codes. The tables are the made-up fixtures of tests/fixtures/office/.

use std::path::PathBuf;

mod common;
use common::cli::run;
use trade_chart::{Dataset, RawDataset};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/office");

const SOURCE: &str = "Made-up Customs | Invented query export | https://example.invalid/q";

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-office-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(f: &str) -> String {
    format!("{FIXTURES}/{f}")
}

/// A series: its direction and (period, figure).
type Series = (String, Vec<(String, f64)>);

/// Each series as (direction, [(period, figure)]), and the unit.
fn read(out: &PathBuf) -> (Vec<Series>, String, f64) {
    let text = std::fs::read_to_string(out).unwrap();
    Dataset::from_json(&text).unwrap();
    let raw: RawDataset = serde_json::from_str(&text).unwrap();
    let f = raw
        .series
        .iter()
        .map(|s| {
            (
                s.direction.clone(),
                (s.observations.iter())
                    .map(|o| (o.period.clone(), o.value.unwrap()))
                    .collect(),
            )
        })
        .collect();
    (f, raw.unit.currency.clone(), raw.unit.scale)
}

fn p(v: &[(&str, f64)]) -> Vec<(String, f64)> {
    v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
}

#[test]
fn convert_a_customs_export_with_partner_commodity_and_flow() {
    let d = dir("cn");
    let out = d.join("cn-au.json");
    let f = fixture("cn-customs-long.csv");
    let (code, _, err) = run(&[
        "convert",
        &f,
        "--partner",
        "CN=China",
        "--partner",
        "AU=澳大利亚",
        "--commodity",
        "26011100",
        "--flow",
        "美元=AU>CN",
        "--source",
        SOURCE,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        read(&out),
        (
            vec![(
                "AU>CN".into(),
                p(&[
                    ("2023-01", 1_111_111.0),
                    ("2023-02", 1_234_567.0),
                    ("2023-03", 1_300_000.0)
                ])
            )],
            "USD".into(),
            1.0
        )
    );
}

#[test]
fn a_customs_export_without_its_answers_is_one_error_each() {
    let f = fixture("cn-customs-long.csv");
    let (code, _, err) = run(&["check", &f, "--partner", "CN=China", "--source", SOURCE]);
    assert_eq!(code, 1, "{err}");
    // Every answer it lacks in one run: the partner, the product, the flow.
    assert_eq!(
        err.trim_end(),
        format!("{f}:1:2: partner: the table holds 2 partners: give the reporting country, then one of them by its code or its name as the file writes it (--partner CN=China, then --partner CODE=澳大利亚 or --partner 601=Name), largest first:\n  601 澳大利亚 (4 rows)\n  133 韩国 (2 rows)\n\
            {f}:1:4: 商品编码: the table holds 2 products, and a chart is one product's figures (rows are never summed): give one with --commodity CODE, largest first:\n  --commodity 26011100  未烧结铁矿砂 (5 rows)\n  --commodity 26011200  已烧结铁矿砂 (1 row)\n\
            {f}: --flow: the table does not say whether \"美元\" holds imports or exports (no column of flows like IMPORTS/EXPORTS, 수입/수출, 进口/出口): say it with --flow \"美元=PARTNER>CN\" (CN's imports from PARTNER) or --flow \"美元=CN>PARTNER\" (its exports)")
    );
    // Nothing given: the source too, in the long table's words.
    let (code, _, err) = run(&["check", &f]);
    assert_eq!(code, 1, "{err}");
    let paths: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with(&f))
        .map(|l| l[f.len()..].split(": ").nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        paths,
        ["partner", "--source", "商品编码", "--flow"],
        "{err}"
    );
    assert!(
        err.contains(": --source: the table has no sources column"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "check",
        &f,
        "--partner",
        "CN=China",
        "--partner",
        "KR=133",
        "--commodity",
        "26011100",
        "--source",
        SOURCE,
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("--flow: the table does not say whether \"美元\" holds imports or exports"),
        "{err}"
    );
}

#[test]
fn convert_tables_with_flow_words_in_english_korean_and_chinese() {
    let d = dir("flows");
    for (file, a, b, extra, want, unit) in [
        (
            "en-flows.csv",
            "GR=Greece",
            "WLD=World",
            Some("0"),
            vec![
                ("WLD>GR", p(&[("2021", 1_000_001.0), ("2022", 1_100_005.0)])),
                ("GR>WLD", p(&[("2021", 900_003.0), ("2022", 950_007.0)])),
            ],
            ("EUR", 1.0),
        ),
        (
            "ko-flows.csv",
            "KR=한국",
            "JP=일본",
            None,
            vec![
                ("KR>JP", p(&[("2022", 1_000_500.0), ("2023", 1_100_700.0)])),
                ("JP>KR", p(&[("2022", 400_250.0), ("2023", 500_125.0)])),
            ],
            ("USD", 1000.0),
        ),
        (
            "zh-flows.csv",
            "CN=中国",
            "VN=越南",
            Some("85"),
            vec![
                ("CN>VN", p(&[("2022", 2_000.5), ("2023", 2_200.5)])),
                ("VN>CN", p(&[("2022", 1_000.25), ("2023", 1_100.25)])),
            ],
            ("USD", 10_000.0),
        ),
    ] {
        let out = d.join(format!("{file}.json"));
        let f = fixture(file);
        let mut args = vec![
            "convert",
            &f,
            "--partner",
            a,
            "--partner",
            b,
            "--source",
            SOURCE,
        ];
        if let Some(c) = extra {
            args.extend(["--commodity", c]);
        }
        let o = out.to_str().unwrap().to_string();
        args.extend(["-o", &o]);
        let (code, _, err) = run(&args);
        assert_eq!(code, 0, "{file}: {err}");
        let want: Vec<Series> = want.into_iter().map(|(d, v)| (d.to_string(), v)).collect();
        assert_eq!(read(&out), (want, unit.0.to_string(), unit.1), "{file}");
        if file == "en-flows.csv" {
            assert!(
                err.contains(&format!(
                    "warning: {f}:9:1: period: \"2022(1)\": read as 2022"
                )),
                "{err}"
            );
        }
    }
}
