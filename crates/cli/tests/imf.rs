//! `trade-chart` as built, on made-up IMF Direction of Trade (DOTS) downloads
//! (tests/fixtures/imf/): recognised by their header, the many-pairs error's list
//! exactly, `--pair`, `--format imf`.

mod common;
use common::cli::run;
use trade_chart::Dataset;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/imf");

fn fixture(f: &str) -> String {
    format!("{FIXTURES}/{f}")
}

#[test]
fn without_pair_one_error_lists_the_pairs_to_type() {
    let f = fixture("dots-annual-many.csv");
    let (code, out, err) = run(&["check", &f]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "{f}:1:2: pair: 4 pairs of countries in one download; a chart is one pair: choose it with --pair (largest two-way trade first):
  --pair 542,924  Korea, Rep. of and China, P.R.: Mainland
  --pair 542,158  Korea, Rep. of and Japan
  --pair 158,924  Japan and China, P.R.: Mainland
  --pair 542,111  Korea, Rep. of and United States
Left out, as they are not countries: World; Advanced Economies; Emerging and Developing Asia
"
        )
    );
}

#[test]
fn with_pair_each_reporters_figures_on_its_basis() {
    let f = fixture("dots-annual-many.csv");
    let (code, out, err) = run(&["check", &f, "--pair", "542,158"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{f}: ok: 4 series, 8 observations, 1 source, 1 view, 0 annotations (0 gaps, 1 warning)\n")
    );
    assert_eq!(
        err,
        format!("warning: {f}:16:6: 3 rows (this one first) are with World; Advanced Economies; Emerging and Developing Asia, not a country: left out\n")
    );
    let (code, json, err) = run(&[
        "convert",
        &f,
        "--pair",
        "Korea, Rep. of,Japan",
        "--accessed",
        "2024-05-02",
        "-o",
        "-",
    ]);
    assert_eq!(code, 0, "{err}");
    Dataset::from_json(&json).unwrap();
    let raw: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        raw["unit"],
        serde_json::json!({"currency": "USD", "scale": 1000000.0})
    );
    let got: Vec<(String, String, String, f64, f64)> = raw["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["direction"].as_str().unwrap().to_string(),
                s["basis"].as_str().unwrap().to_string(),
                s["observations"][0]["value"].as_f64().unwrap(),
                s["observations"][1]["value"].as_f64().unwrap(),
            )
        })
        .collect();
    let row = |id: &str, d: &str, b: &str, x: f64, y: f64| {
        (id.to_string(), d.to_string(), b.to_string(), x, y)
    };
    assert_eq!(
        got,
        [
            row(
                "542-158-annual-by-542",
                "542>158",
                "imf-542-fob",
                28000.0,
                25000.0
            ),
            row(
                "158-542-annual-by-542",
                "158>542",
                "imf-542-cif",
                47000.0,
                46000.0
            ),
            row(
                "158-542-annual-by-158",
                "158>542",
                "imf-158-fob",
                46000.0,
                43000.0
            ),
            row(
                "542-158-annual-by-158",
                "542>158",
                "imf-158-cif",
                29000.0,
                26000.0
            ),
        ]
    );
    assert_eq!(
        raw["series"][2]["observations"][1]["note"],
        "IMF DOTS status \"e\": estimated"
    );
    assert_eq!(raw["sources"][0]["date"], "2024-05-02");
}

#[test]
fn one_pair_needs_no_option_and_format_imf_forces_the_reader() {
    let f = fixture("dots-monthly.csv");
    let (code, out, err) = run(&["check", &f]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{f}: ok: 5 series, 14 observations, 1 source, 1 view, 0 annotations (1 gap, 2 warnings)\n")
    );
    assert_eq!(
        err,
        format!("warning: {f}:8:6: 1 row (this one) is with World, not a country: left out
warning: {f}:6:10: the balance (TBG_USD) disagrees with exports (TXG_FOB_USD) minus imports (TMG_CIF_USD) beyond their rounding in 1 period (this one, 2024M3: balance -1800000000 US dollars, exports minus imports 2600000000 − 4300000000 = -1700000000); the balance is not drawn
")
    );
    // A Comtrade download forced through the IMF reader: its columns are missing.
    let c = format!("{FIXTURES}/../comtrade/plus-annual.csv");
    let (code, _, err) = run(&["check", &c, "--format", "imf"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("country: no country column: an IMF DOTS file has one (headed Country Code)"),
        "{err}"
    );
}

#[test]
fn the_help_names_the_format() {
    let (code, out, _) = run(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("[possible values: tsv, csv, comtrade, imf, datapackage, json]"),
        "{out}"
    );
    assert!(
        out.contains("Comtrade or IMF DOTS download of several"),
        "{out}"
    );
}
