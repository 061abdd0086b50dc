//! The `trade-chart` command line with UN Comtrade downloads and data packages, run as
//! built: formats detected or given, --accessed, convert --to datapackage, exit codes.
//! The Comtrade files are the made-up fixtures of tests/fixtures/comtrade/.

use std::path::PathBuf;

mod common;
use common::cli::run;
use trade_chart::Dataset;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/comtrade");

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-formats-{name}"));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(f: &str) -> String {
    format!("{FIXTURES}/{f}")
}

#[test]
fn check_a_comtrade_download_detected_by_its_headers() {
    let f = fixture("plus-annual.csv");
    let (code, out, err) = run(&["check", &f]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{f}: ok: 3 series, 6 observations, 1 source, 2 views, 0 annotations (1 gap, 4 warnings)\n")
    );
    assert!(
        err.contains("warning: ") && err.contains("flow RX (re-exports)"),
        "{err}"
    );
    // Given as an option too; a legacy Latin-1 download.
    let f = fixture("legacy-latin1.csv");
    let (code, _, err) = run(&["check", "--format", "comtrade", &f]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn convert_a_comtrade_download_with_its_accessed_date() {
    let d = dir("comtrade");
    let out = d.join("kp.json");
    let (code, _, err) = run(&[
        "convert",
        &fixture("mirror.csv"),
        "--accessed",
        "2024-05-02",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    let ds = Dataset::from_json(&text).unwrap();
    assert_eq!(ds.series.len(), 4);
    assert!(text.contains("\"date\": \"2024-05-02\""));
    // Errors: every one at file:row:column, exit 1, nothing written.
    let bad = d.join("bad.json");
    let (code, _, err) = run(&[
        "convert",
        &fixture("errors.csv"),
        "-o",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    // Four: row 5 is another pair of countries, not an error of its own.
    assert_eq!(err.lines().count(), 4, "{err}");
    assert!(
        err.starts_with(&format!("{}:2:44: value:", fixture("errors.csv"))),
        "{err}"
    );
    assert!(!bad.exists());
    // Usage errors: exit 2.
    let (code, _, err) = run(&["check", &fixture("mirror.csv"), "--accessed", "May 2024"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = run(&["check", &fixture("mirror.csv"), "--format", "xlsx"]);
    assert_eq!(code, 2);
}

#[test]
fn convert_to_a_data_package_and_back() {
    let d = dir("package");
    let pkg = d.join("pkg");
    let (code, _, err) = run(&[
        "convert",
        &fixture("plus-annual.csv"),
        "--to",
        "datapackage",
        "-o",
        pkg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    for f in ["datapackage.json", "observations.csv", "sources.csv"] {
        assert!(pkg.join(f).is_file(), "{f}");
    }
    // The package is found by its directory or its descriptor.
    let (code, out, err) = run(&["check", pkg.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(": ok: 3 series, 6 observations, 1 source, 2 views, 0 annotations"),
        "{out}"
    );
    let json = d.join("back.json");
    let descriptor = pkg.join("datapackage.json");
    let (code, _, err) = run(&[
        "convert",
        descriptor.to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let direct = d.join("direct.json");
    let (code, _, _) = run(&[
        "convert",
        &fixture("plus-annual.csv"),
        "-o",
        direct.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        std::fs::read_to_string(&direct).unwrap()
    );
    // The default dataset too.
    let kp = d.join("kp-cn");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/kp-cn.json");
    let (code, _, err) = run(&[
        "convert",
        data,
        "--to",
        "datapackage",
        "-o",
        kp.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["check", "--format", "datapackage", kp.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // -o - is no directory: a usage error.
    let (code, _, _) = run(&["convert", data, "--to", "datapackage", "-o", "-"]);
    assert_eq!(code, 2);
    // A broken package: exit 1, the cell named.
    std::fs::write(
        kp.join("observations.csv"),
        "series,period,value,sources\nnope,2020,1,x\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", kp.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("observations.csv:2:1: series: expected a series of the package"),
        "{err}"
    );
}

#[test]
fn format_and_to_take_only_their_values_naming_them_when_wrong() {
    let f = fixture("mirror.csv");
    // The inputs' --format of check, convert and bundle, and convert's --to: exit 2 with
    // the flag and the values it takes.
    for (args, flag, values) in [
        (
            &["check", &f, "--format", "xlsx"][..],
            "'--format <F>'",
            "tsv, csv, comtrade, imf, datapackage, json",
        ),
        (
            &["convert", &f, "--to", "xlsx", "-o", "x.json"][..],
            "'--to <FORMAT>'",
            "json, datapackage",
        ),
        // render's --format is the picture's.
        (
            &[
                "render", &f, "--view", "v", "--format", "comtrade", "-o", "-",
            ][..],
            "'--format <FORMAT>'",
            "svg, png",
        ),
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(
            err.contains(flag) && err.contains(values),
            "{args:?}: {err}"
        );
    }
    // A date that is not one: named with what it takes.
    let (code, _, err) = run(&["check", &f, "--accessed", "2024-5-2"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--accessed") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
}

#[test]
fn check_a_file_that_is_not_a_table_is_one_error_quoting_its_first_line() {
    let d = dir("not-a-table");
    // Made up: a saved error message (JSON, words), a web page.
    for (file, text, what, first) in [
        (
            "download.csv",
            "{\"error\":\"Made-up limit: ask for fewer partners\"}\n",
            "JSON, perhaps an error message saved in place of the data (a dataset in JSON is given as a .json file)",
            "{\"error\":\"Made-up limit: ask for fewer partners\"}",
        ),
        (
            "download.txt",
            "Made-up limit: ask for fewer partners, periods or products\n",
            "text, perhaps an error message saved in place of the data",
            "Made-up limit: ask for fewer partners, periods or products",
        ),
        (
            "page.tsv",
            "<!DOCTYPE html>\n<html><body>Made-up portal</body></html>\n",
            "a web page (HTML): save the file the page offers, not the page",
            "<!DOCTYPE html>",
        ),
    ] {
        let f = d.join(file).display().to_string();
        std::fs::write(&f, text).unwrap();
        let want = format!("{f}:1:1: not a table of figures but {what}; its first line: \"{first}\"\n");
        // Detected (no sources table beside it), or given as a table or a download.
        for format in [None, Some("csv"), Some("comtrade")] {
            let mut args = vec!["check", f.as_str()];
            args.extend(format.iter().flat_map(|f| ["--format", f]));
            let (code, out, err) = run(&args);
            assert_eq!((code, out.as_str(), err.as_str()), (1, "", want.as_str()), "{args:?}");
        }
    }
}
