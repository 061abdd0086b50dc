//! `trade-chart` as built, on UN Comtrade downloads of several pairs of countries and
//! Comtrade's other shapes: `--pair`, `--commodity`, `--partner CODE=NAME`; the
//! many-pairs error's list exactly. The files are the made-up fixtures of
//! tests/fixtures/comtrade/.

mod common;
use common::cli::run;
use trade_chart::Dataset;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/comtrade");

fn fixture(f: &str) -> String {
    format!("{FIXTURES}/{f}")
}

#[test]
fn without_pair_one_error_lists_the_pairs_to_type() {
    let f = fixture("plus-many-pairs.csv");
    let (code, out, err) = run(&["check", &f]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "{f}:1:5: pair: 12 pairs of countries in one download; a chart is one pair: choose it with --pair (largest two-way trade first):
  --pair KOR,CHN  Rep. of Korea and China
  --pair KOR,USA  Rep. of Korea and USA
  --pair KOR,JPN  Rep. of Korea and Japan
  --pair KOR,VNM  Rep. of Korea and Viet Nam
  --pair KOR,DEU  Rep. of Korea and Germany
  --pair KOR,AUS  Rep. of Korea and Australia
  --pair KOR,MYS  Rep. of Korea and Malaysia
  --pair KOR,IDN  Rep. of Korea and Indonesia
  --pair KOR,IND  Rep. of Korea and India
  --pair KOR,MEX  Rep. of Korea and Mexico
  … and 2 more
Left out, as they are not countries: World; Areas, nes
"
        )
    );
}

#[test]
fn with_pair_both_reporters_figures_each_its_basis() {
    let f = fixture("plus-many-pairs.csv");
    let (code, out, err) = run(&["check", &f, "--pair", "KOR,JPN"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{f}: ok: 4 series, 4 observations, 1 source, 1 view, 0 annotations (0 gaps, 1 warning)\n")
    );
    assert_eq!(
        err,
        format!("warning: {f}:2:10: 4 rows (this one first) are with World; Areas, nes, not a country: left out\n")
    );
    let (code, json, err) = run(&["convert", &f, "--pair", "Rep. of Korea,Japan", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    Dataset::from_json(&json).unwrap();
    let raw: serde_json::Value = serde_json::from_str(&json).unwrap();
    let got: Vec<(String, String, f64)> = raw["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["basis"].as_str().unwrap().to_string(),
                s["observations"][0]["value"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "kor-jpn-annual-by-kor".into(),
                "comtrade-kor-fob".into(),
                30000.0
            ),
            (
                "jpn-kor-annual-by-kor".into(),
                "comtrade-kor-cif".into(),
                45000.0
            ),
            (
                "jpn-kor-annual-by-jpn".into(),
                "comtrade-jpn-fob".into(),
                44000.0
            ),
            (
                "kor-jpn-annual-by-jpn".into(),
                "comtrade-jpn-cif".into(),
                31000.0
            ),
        ]
    );
    // An aggregate is refused with its reason.
    let (code, _, err) = run(&["check", &f, "--pair", "KOR,World"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "pair: World (W00) is an aggregate of areas, not a country: a chart is the trade between two countries\n"
    );
}

#[test]
fn commodity_and_partner_names_on_the_command_line() {
    let f = fixture("codes-only.csv");
    let (code, json, err) = run(&["convert", &f, "--commodity", "03", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    let ds = Dataset::from_json(&json).unwrap();
    assert_eq!(ds.series[0].id, "ind-usa-annual");
    assert_eq!(ds.series[0].observations[1].value, 251.0);
    let f = fixture("codes-only-unknown.csv");
    let (code, _, err) = run(&["check", &f]);
    assert_eq!(code, 0);
    assert!(err.contains("give one with --partner 998=NAME"), "{err}");
    let (code, json, err) = run(&["convert", &f, "--partner", "998=Somewhere", "-o", "-"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(json.contains("\"name\": \"Somewhere\""), "{json}");
}

#[test]
fn the_help_names_the_new_options() {
    let (code, out, _) = run(&["check", "--help"]);
    assert_eq!(code, 0);
    for words in ["--pair <A,B>", "--commodity <CODE>", "many-pairs"] {
        assert!(out.contains(words), "{words}: {out}");
    }
}
