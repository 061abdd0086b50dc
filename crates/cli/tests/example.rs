//! The real example in examples/cn-ru/ (published China customs figures, each with its
//! source): the tables check, convert to the committed JSON's dataset, and every view
//! renders, as SVG and PNG.

use std::path::PathBuf;
use std::process::Command;

use trade_chart::Dataset;

const BIN: &str = env!("CARGO_BIN_EXE_trade-chart");
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cn-ru");

fn run(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(BIN).args(args).output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn tmp(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("example");
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

#[test]
fn example_tables_check_convert_and_render() {
    let obs = format!("{DIR}/observations.tsv");
    let json = format!("{DIR}/cn-ru.json");
    let (code, out, err) = run(&["check", &obs, &json]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "no warnings: {err}");
    assert_eq!(out.lines().count(), 2, "{out}");

    // The committed JSON is what `convert` makes of the tables (as the README says).
    let converted = tmp("cn-ru.json");
    let (code, _, err) = run(&[
        "convert",
        &obs,
        "--partner",
        "CN=China",
        "--partner",
        "RU=Russia",
        "--title",
        "China–Russia trade, China customs figures",
        "--id",
        "cn-ru",
        "-o",
        converted.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let made = Dataset::from_json(&std::fs::read_to_string(&converted).unwrap()).unwrap();
    let committed = Dataset::from_json(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(
        made, committed,
        "examples/cn-ru/cn-ru.json is stale: convert again"
    );

    // Every source is a real, cited one: a publisher and an https address.
    for s in &committed.sources {
        assert!(s.url.starts_with("https://"), "{}", s.url);
        assert!(!s.url.contains("example.invalid"), "{}", s.url);
    }
    // Every view draws, in each language, as SVG and PNG.
    for view in committed.views.iter().map(|v| v.id.clone()) {
        for lang in ["en", "ko", "zh"] {
            let svg = tmp(&format!("{view}-{lang}.svg"));
            let (code, _, err) = run(&[
                "render",
                &json,
                "--view",
                &view,
                "--lang",
                lang,
                "-o",
                svg.to_str().unwrap(),
            ]);
            assert_eq!(code, 0, "{view} {lang}: {err}");
            let text = std::fs::read_to_string(&svg).unwrap();
            assert!(text.contains("<rect"), "{view} {lang}: nothing drawn");
        }
        let png = tmp(&format!("{view}.png"));
        let (code, _, err) = run(&["render", &obs, "--view", &view, "-o", png.to_str().unwrap()]);
        assert_eq!(code, 0, "{view}: {err}");
        assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    }
}
