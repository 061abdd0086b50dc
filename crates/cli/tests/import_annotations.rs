//! The command line's `--annotations FILE` and `--credit TEXT` (src/annotations.rs), on
//! spreadsheet tables and on a dataset's JSON. The tables are made up for the tests
//! (tests/fixtures/import/README.md): not real trade figures.

mod common;

use common::cli::run;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn fx(f: &str) -> String {
    format!("{ROOT}/tests/fixtures/import/{f}")
}

fn tmp(name: &str, text: &str) -> String {
    let p = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn annotations_and_credit_go_into_the_dataset() {
    let text = tmp(
        "ann-text.tsv",
        "key\ten\tko\tzh\nannotation.slump.label\tSlump\t부진\t低迷\ncredit\tChart: Made-up Desk\t그래픽: 가상 데스크\t制图：虚构编辑部\n",
    );
    let (code, out, err) = run(&[
        "convert",
        &fx("observations.tsv"),
        "--views",
        &fx("views.tsv"),
        "--annotations",
        &fx("annotations.tsv"),
        "--credit",
        "Chart: overwritten by the text table",
        "--text",
        &text,
        "-o",
        "-",
    ]);
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["annotations"][0]["id"], "strike");
    assert_eq!(d["annotations"][0]["period"], "2021-03");
    assert!(d["annotations"][0].get("to").is_none());
    assert_eq!(d["annotations"][1]["to"], "2021-04");
    assert_eq!(d["annotations"][1]["label"]["ko"], "부진");
    assert_eq!(
        d["views"][1]["annotations"],
        serde_json::json!(["strike", "slump"])
    );
    assert_eq!(d["credit"]["en"], "Chart: Made-up Desk");
    assert_eq!(d["credit"]["zh"], "制图：虚构编辑部");
    // --credit alone: the English line.
    let (code, out, err) = run(&[
        "convert",
        &fx("observations.tsv"),
        "--credit",
        "Chart: Made-up Desk",
        "-o",
        "-",
    ]);
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["credit"], "Chart: Made-up Desk");
}

#[test]
fn on_a_json_dataset_the_table_replaces_its_annotations() {
    let table = tmp(
        "ann-kp.tsv",
        "id\tperiod\tto\tlabel\ttext\tsources\n\
         lockdown\t2020-01\t2020-09\tLockdown\tA made-up span for the test.\twalltrace-2021-02-22\n",
    );
    let (code, out, err) = run(&[
        "convert",
        &format!("{ROOT}/data/kp-cn.json"),
        "--annotations",
        &table,
        "-o",
        "-",
    ]);
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["annotations"].as_array().unwrap().len(), 1);
    // Drawn on the time views whose range it overlaps: monthly (2020) and history.
    let on: Vec<&str> = (d["views"].as_array().unwrap().iter())
        .filter(|v| v["annotations"].as_array().is_some_and(|a| !a.is_empty()))
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(on, ["monthly", "history"]);
}

#[test]
fn errors_are_at_their_cells_exit_1() {
    let table = tmp(
        "ann-bad.tsv",
        "id\tperiod\tlabel\ttext\tsources\n\
         a\t2021-03\tA\tAa.\t\n",
    );
    let (code, _, err) = run(&["check", &fx("observations.tsv"), "--annotations", &table]);
    assert_eq!(code, 1);
    assert_eq!(
        err.trim_end(),
        format!("{table}:2:5: sources: blank: name the sources this annotation rests on (the one source is taken only when the dataset has one; it has 2: demo-stats, demo-news)")
    );
}

#[test]
fn check_counts_the_annotations_and_names_a_credit_line() {
    let obs = fx("observations.tsv");
    let (code, out, err) = run(&[
        "check",
        &obs,
        "--views",
        &fx("views.tsv"),
        "--annotations",
        &fx("annotations.tsv"),
        "--credit",
        "Chart: Made-up Desk",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{obs}: ok: 4 series, 10 observations, 2 sources, 2 views, 2 annotations, a credit line (2 gaps, 0 warnings)\n")
    );
    // Without them: none counted, no credit line named.
    let (code, out, err) = run(&["check", &obs, "--views", &fx("views.tsv")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!("{obs}: ok: 4 series, 10 observations, 2 sources, 2 views, 0 annotations (2 gaps, 0 warnings)\n")
    );
}
