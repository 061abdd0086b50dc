//! Safe exports: what a dataset says cannot become a spreadsheet formula in the CSV,
//! markup in the SVG, or a link that is not http(s).

use trade_chart::data::DEFAULT_JSON;
use trade_chart::{Dataset, DatasetChart, Options};

fn chart_of(json: &str, view: &str) -> DatasetChart {
    let ds = Dataset::from_json(json).unwrap();
    DatasetChart::new(ds, &Options::new(Some(view), None)).unwrap()
}

#[test]
fn a_label_that_looks_like_a_formula_is_text_in_the_csv() {
    let json = DEFAULT_JSON.replacen(
        "\"en\": \"Two-way trade\"",
        "\"en\": \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"",
        1,
    );
    let csv = chart_of(&json, "collapse").csv();
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","),
        "{row}"
    );
    assert!(!csv
        .lines()
        .any(|l| l.split(',').any(|f| f.starts_with('='))));
}

#[test]
fn markup_in_the_data_is_text_in_the_svg() {
    let json = DEFAULT_JSON.replacen(
        "\"en\": \"North Korea's trade with China collapsed in 2020\"",
        "\"en\": \"<script>alert(1)</script> & \\\"quoted\\\" 'a'\"",
        1,
    );
    let svg = chart_of(&json, "collapse").svg(800.0).unwrap();
    assert!(!svg.contains("<script"), "{svg}");
    assert!(
        svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"),
        "{svg}"
    );
}

#[test]
fn only_http_addresses_are_accepted_as_sources() {
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "ftp://x.example/a",
        "//x.example",
    ] {
        let json = DEFAULT_JSON.replacen(
            "\"url\": \"https://walltrace.com/2021/02/report-in-2020-north-koreas-trade-with-china-dropped-80-percent/\"",
            &format!("\"url\": \"{bad}\""),
            1,
        );
        let e = Dataset::from_json(&json).unwrap_err();
        assert!(e.path().ends_with(".url"), "{bad}: {e}");
    }
}

/// A downloaded picture of a view with several series says which is which: a key of the
/// visible series (with their swatches) under the subtitle; a hidden series is not in it.
#[test]
fn an_exported_picture_keys_its_series() {
    let texts = |c: &DatasetChart| -> Vec<String> {
        c.export_scene(800.0)
            .marks
            .into_iter()
            .filter_map(|m| match m {
                trade_chart::scene::Mark::Text { text, .. } => Some(text),
                _ => None,
            })
            .collect()
    };
    let mut c = chart_of(DEFAULT_JSON, "balance");
    let t = texts(&c);
    for label in [
        "North Korea's imports from China",
        "North Korea's exports to China",
    ] {
        assert!(t.iter().any(|x| x == label), "{label} missing from {t:?}");
    }
    c.toggle_series("kp-cn-annual").unwrap();
    let t = texts(&c);
    assert!(
        !t.iter().any(|x| x == "North Korea's exports to China"),
        "{t:?}"
    );
    // One series: no key (the subtitle says what it is).
    let t = texts(&chart_of(DEFAULT_JSON, "collapse"));
    assert!(!t.iter().any(|x| x == "Two-way trade"), "{t:?}");
}
