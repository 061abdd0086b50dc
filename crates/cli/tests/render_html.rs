//! `trade-chart render --format html` (or `-o FILE.html`): the `<trade-chart>` element with
//! its published picture and the dataset inline, as the server render writes it
//! (`trade_chart::chart::render_element`).

mod common;
use common::cli::run;

const STORY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/kp-cn.json");

#[test]
fn the_element_is_the_server_renders_for_the_same_options() {
    let (code, out, err) = run(&[
        "render", STORY, "--view", "balance", "--lang", "ko", "--theme", "dark", "--format",
        "html", "-o", "-",
    ]);
    assert_eq!(code, 0, "{err}");
    let data = std::fs::read_to_string(STORY).unwrap();
    let o = trade_chart::Options {
        view: Some("balance".into()),
        lang: Some("ko".into()),
        theme: Some("dark".into()),
        ..Default::default()
    };
    // The dataset as the command line writes it (checked and written again), then the same element.
    let start = out.find("<script type=\"application/json\">").unwrap() + 32;
    let end = out.rfind("</script></trade-chart>").unwrap();
    let json = out[start..end].replace("\\u003c", "<");
    assert_eq!(
        out,
        format!(
            "{}\n",
            trade_chart::chart::render_element_with(&json, &o).unwrap()
        )
    );
    assert!(out.starts_with("<trade-chart view=\"balance\" lang=\"ko\" theme=\"dark\"><template shadowrootmode=\"open\"><div class=\"tc-box\" data-tc-pictured><style>"));
    assert!(out.contains("data-tc-theme=\"dark\" lang=\"ko\" data-tc-picture=\"\">"));
    // The same dataset inline (as `convert` writes it: the same views and series).
    let ids = |v: &serde_json::Value, k: &str| -> Vec<String> {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect()
    };
    let a: serde_json::Value = serde_json::from_str(&json).unwrap();
    let b: serde_json::Value = serde_json::from_str(&data).unwrap();
    for k in ["views", "series", "sources"] {
        assert_eq!(ids(&a, k), ids(&b, k), "{k}");
    }
    assert!(trade_chart::Dataset::from_json(&json).is_ok());
}

#[test]
fn html_is_chosen_by_the_extension_and_refuses_what_a_picture_for_every_width_has_no_use_for() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-render-html");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("chart.html");
    let f = file.to_str().unwrap();
    let (code, _, err) = run(&["render", STORY, "--view", "collapse", "-o", f]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<trade-chart view=\"collapse\"><template shadowrootmode=\"open\">"));
    for extra in [["--width", "500"], ["--scale", "2"]] {
        let (code, _, err) = run(&[
            "render", STORY, "--view", "collapse", extra[0], extra[1], "-o", f,
        ]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("not for html"), "{err}");
    }
    let (code, _, err) = run(&["render", STORY, "--view", "nope", "-o", f]);
    assert_eq!(code, 1);
    assert!(err.contains("--view: expected one of collapse"), "{err}");
}
