//! The `trade-chart` command line, run as built: exit codes and output of each
//! subcommand. The tables are the made-up fixtures of tests/fixtures/import/.

use std::path::PathBuf;

mod common;
use common::cli::run;
use trade_chart::Dataset;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");

fn run_owned(args: &[String]) -> (i32, String, String) {
    run(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// A fresh directory for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(f: &str) -> String {
    format!("{FIXTURES}/{f}")
}

#[test]
fn check_a_table_with_its_sources_beside_it_and_json() {
    let obs = fixture("observations.tsv");
    let (code, out, err) = run(&["check", &obs, &fixture("kr-jp.json")]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{obs}: ok: 4 series, 10 observations, 2 sources, 3 views (2 gaps, 0 warnings)"
            ),
            format!(
                "{}: ok: 4 series, 10 observations, 2 sources, 3 views",
                fixture("kr-jp.json")
            ),
        ]
    );
    // The embedded default dataset checks too.
    let kp = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/kp-cn.json");
    assert_eq!(run(&["check", kp]).0, 0);
}

#[test]
fn check_reports_every_bad_cell_as_file_row_column() {
    let d = dir("bad");
    let obs = d.join("obs.csv");
    std::fs::write(
        &obs,
        "direction,period,value,unit,sources\n\
         KR>JP,2020,\"1,234.5\",USD million,s1\n\
         KR>JP,2021,lots,USD million,s1\n\
         KR>JP,20211,5,USD million,s1\n",
    )
    .unwrap();
    let sources = d.join("refs.csv");
    std::fs::write(
        &sources,
        "id,publisher,title,url\ns1,Made-up Office,Invented,https://example.invalid/x\n",
    )
    .unwrap();
    let (o, s) = (obs.to_str().unwrap(), sources.to_str().unwrap());
    let (code, out, err) = run(&["check", o, "--sources", s]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert_eq!(
        lines[0],
        format!("{o}:3:3: value: expected a number like 1234.5, 1,234.5, 1.234,5 or 1 234,5, found \"lots\"")
    );
    assert!(lines[1].starts_with(&format!("{o}:4:2: period: ")), "{err}");
    // Without a sources table: an error naming the file, exit 1.
    let (code, _, err) = run(&["check", o]);
    assert_eq!(code, 1);
    assert!(err.starts_with(&format!("{o}: no sources table")), "{err}");
}

#[test]
fn check_reports_json_errors_with_their_path() {
    let d = dir("json");
    let bad = d.join("bad.json");
    let text = std::fs::read_to_string(fixture("kr-jp.json"))
        .unwrap()
        .replacen("28420.5", "-28420.5", 1);
    std::fs::write(&bad, text).unwrap();
    let b = bad.to_str().unwrap();
    let (code, _, err) = run(&["check", b]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim(),
        format!(
            "{b}: series[0].observations[0].value: expected a finite number ≥ 0, found -28420.5"
        )
    );
}

#[test]
fn convert_writes_the_dataset_json_which_validates() {
    let d = dir("convert");
    let out = d.join("dataset.json");
    let (code, _, err) = run(&[
        "convert",
        &fixture("observations.tsv"),
        &fixture("sources.tsv"),
        "--partner",
        "KR=South Korea",
        "--partner",
        "JP=Japan",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let json = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        json,
        std::fs::read_to_string(fixture("kr-jp.json")).unwrap()
    );
    Dataset::from_json(&json).unwrap();
    // JSON in, JSON out: the same dataset.
    let again = d.join("again.json");
    let (code, _, _) = run(&[
        "convert",
        out.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&again).unwrap(), json);
    // An ambiguous column: exit 1 and nothing written; --decimal resolves it.
    let amb = d.join("amb.tsv");
    std::fs::write(
        &amb,
        "direction\tperiod\tvalue\tunit\tsources\nKR>JP\t2020\t1,234\tUSD\tdemo-stats\n",
    )
    .unwrap();
    let srcs = fixture("sources.tsv");
    let target = d.join("amb.json");
    let args = |extra: &[&'static str]| {
        let mut a = vec!["convert", amb.to_str().unwrap(), "--sources", &srcs];
        a.extend_from_slice(extra);
        a.extend_from_slice(&["-o", target.to_str().unwrap()]);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let (code, _, err) = run_owned(&args(&[]));
    assert_eq!(code, 1);
    assert!(
        err.contains("amb.tsv:2:3: value: \"1,234\": could be"),
        "{err}"
    );
    assert!(!target.exists());
    let (code, _, err) = run_owned(&args(&["--decimal", ","]));
    assert_eq!(code, 0, "{err}");
    let ds = Dataset::from_json(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(ds.series[0].observations[0].value, 1.234);
}

#[test]
fn render_draws_a_view_as_svg() {
    let d = dir("render");
    let out = d.join("chart.svg");
    let o = out.to_str().unwrap();
    let (code, _, err) = run(&[
        "render",
        &fixture("kr-jp.json"),
        "--view",
        "annual-flows",
        "--width",
        "640",
        "-o",
        o,
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg width=\"640\""), "{}", &svg[..80]);
    assert!(svg.contains("Exports each way between South Korea and Japan, by year"));
    assert!(svg.contains("Made-up Statistics Office"));
    // The same picture as the library's Chart::svg.
    let ds = Dataset::from_json(&std::fs::read_to_string(fixture("kr-jp.json")).unwrap()).unwrap();
    let chart = trade_chart::Chart::new(ds, &trade_chart::Options::new(Some("annual-flows"), None))
        .unwrap();
    assert_eq!(svg, chart.svg(640.0).unwrap());
    // From the table directly, dark, in Korean.
    let (code, _, err) = run(&[
        "render",
        &fixture("observations.tsv"),
        "--view",
        "monthly",
        "--theme",
        "dark",
        "--lang",
        "ko",
        "-o",
        o,
    ]);
    assert_eq!(code, 0, "{err}");
    let dark = std::fs::read_to_string(&out).unwrap();
    let background = dark.lines().nth(1).unwrap();
    assert!(
        background.starts_with("<rect") && !background.contains("#FFFFFF"),
        "not dark: {background}"
    );
    // An unknown view is an error in the dataset's terms: exit 1.
    let (code, _, err) = run(&["render", &fixture("kr-jp.json"), "--view", "nope", "-o", o]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("--view: expected one of annual-total"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let kj = fixture("kr-jp.json");
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["check"][..],
        &["check", &kj, "--bogus"][..],
        &["convert", &kj][..],
        &["render", &kj, "-o", "x.svg"][..],
        &[
            "render",
            &kj,
            "--view",
            "annual-total",
            "--theme",
            "blue",
            "-o",
            "x.svg",
        ][..],
        &["check", &kj, "--decimal", "x"][..],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(!err.is_empty(), "{args:?}");
    }
    for (cmd, first) in [
        ("check", "usage: trade-chart check"),
        ("convert", "usage: trade-chart convert"),
        ("render", "usage: trade-chart render"),
    ] {
        let (code, out, _) = run(&[cmd, "--help"]);
        assert_eq!(code, 0);
        assert!(out.starts_with(first), "{out}");
        assert!(out.contains("--decimal"), "{out}");
    }
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("trade-chart check FILE"));
}
