//! `trade-chart bundle` writes the one-file page of `trade_chart_import::publish`, the
//! page the builder's "one HTML file" download writes (through the builder's wasm): the
//! same bytes for the same dataset, script and options.

mod common;
use common::cli::run;
use trade_chart_import::publish::{self, PageOptions};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");

fn fixture(f: &str) -> String {
    format!("{FIXTURES}/{f}")
}

/// A standalone script of one's own (`--script`), written to the test's directory.
fn script(name: &str, text: &str) -> String {
    let d = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-bundle");
    std::fs::create_dir_all(&d).unwrap();
    let p = d.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

const SCRIPT: &str = "window.TradeChart = { v: '</script>' };";

#[test]
fn the_bundle_is_the_builders_page_for_the_same_dataset_and_options() {
    let s = script("standalone.js", SCRIPT);
    let json = std::fs::read_to_string(fixture("kr-jp.json")).unwrap();
    let some = |v: &str| Some(v.to_string());
    for (flags, options) in [
        (vec![], PageOptions::default()),
        (
            vec!["--view", "annual-flows", "--lang", "ko", "--theme", "dark"],
            PageOptions {
                view: some("annual-flows"),
                lang: some("ko"),
                theme: some("dark"),
            },
        ),
        (
            vec!["--lang", "zh-CN"],
            PageOptions {
                lang: some("zh-CN"),
                ..PageOptions::default()
            },
        ),
    ] {
        let kj = fixture("kr-jp.json");
        let mut args = vec!["bundle", kj.as_str(), "--script", s.as_str(), "-o", "-"];
        args.extend(&flags);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{flags:?}: {err}");
        assert_eq!(
            out,
            publish::page(&json, SCRIPT, &options).unwrap(),
            "{flags:?}"
        );
        assert!(out.contains("<\\/script>"), "the script's end tag escaped");
    }
    // From the tables: the page of the dataset `convert` writes.
    let (obs, src) = (fixture("observations.tsv"), fixture("sources.tsv"));
    let (code, converted, err) = run(&["convert", &obs, &src, "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(&["bundle", &obs, &src, "--script", &s, "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        publish::page(&converted, SCRIPT, &PageOptions::default()).unwrap()
    );
}

#[test]
fn a_script_that_cannot_be_inline_is_refused_by_name() {
    let s = script("comment.js", "window.TradeChart = '<!--';");
    let (code, out, err) = run(&["bundle", &fixture("kr-jp.json"), "--script", &s, "-o", "-"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, "");
    assert!(
        err.contains(&format!("{s}: contains \"<!--\": cannot put it inline")),
        "{err}"
    );
}

#[test]
fn the_bundle_is_its_own_iframe_page() {
    // The framed page's script, the very file dist/embed.html loads, in the page's <head>:
    // in an iframe the page reports its height as embed.html does (the builder's iframe
    // snippet points at this file).
    let s = script("standalone-frame.js", SCRIPT);
    let (code, out, err) = run(&["bundle", &fixture("kr-jp.json"), "--script", &s, "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../www/embed/frame-report.min.js"
    ))
    .unwrap();
    let head = &out[..out.find("</head>").unwrap()];
    assert!(
        head.contains(&format!("<script>\n{file}</script>\n")),
        "{head}"
    );
    assert!(head.contains("[data-tc-framed] body { padding: 0; overflow: hidden; }"));
    // Three scripts: the frame's, the data, the chart's.
    assert_eq!(out.matches("</script>").count(), 3);
}
