//! The builder's annotation step and credit line (`setChartText`'s `annotations` and
//! `credit`), natively: what tests/e2e/builder-annotations.test.mjs sees through the
//! builder's wasm. The fixture pair's dataset is made up (tests/fixtures/import/README.md);
//! its one time view, `monthly`, shows 2021-01 to 2021-05.

use serde_json::json;
use trade_chart::data::{RawAnnotation, RawText};
use trade_chart::RawDataset;
use trade_chart_import::builder::{self, Issue, Outcome};

fn fixture(path: &str) -> String {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");
    std::fs::read_to_string(format!("{root}{path}")).unwrap()
}

fn kr_jp() -> String {
    fixture("tests/fixtures/import/kr-jp.json")
}

fn chart_text(dataset: &str, options: serde_json::Value) -> Outcome {
    builder::set_chart_text(dataset, Some(&options.to_string())).unwrap()
}

fn parsed(o: &Outcome) -> RawDataset {
    let text = o.dataset.as_deref().unwrap_or_else(|| panic!("{o:#?}"));
    serde_json::from_str(text).unwrap()
}

fn one_error(o: &Outcome) -> &Issue {
    assert_eq!(o.dataset, None);
    assert_eq!(o.errors.len(), 1, "{:#?}", o.errors);
    &o.errors[0]
}

/// An issue's code, file, row and field.
type Place<'a> = (
    &'static str,
    Option<&'a str>,
    Option<usize>,
    Option<&'a str>,
);

fn place(e: &Issue) -> Place<'_> {
    (e.code, e.file.as_deref(), e.row, e.field.as_deref())
}

/// The views' ids and the annotations each draws.
fn drawn(d: &RawDataset) -> Vec<(&str, Vec<&str>)> {
    d.views
        .iter()
        .map(|v| {
            (
                v.id.as_str(),
                v.annotations.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

fn span() -> serde_json::Value {
    json!({ "period": "2021-01", "to": "2021-02", "label": "Export curbs",
            "text": "Made up for the test: curbs on three chemicals.", "sources": ["demo-news"] })
}

#[test]
fn a_span_and_a_point_become_the_dataset_s_annotations_drawn_by_every_time_view_that_shows_them() {
    let point = json!({ "period": "2021-04/2021-05", "label": { "en": "Talks", "ko": "회담", "zh": "会谈" },
        "text": "Made up: talks resume.", "sources": ["demo-stats", " demo-news "] });
    let r = chart_text(&kr_jp(), json!({ "annotations": [span(), point] }));
    assert_eq!(r.errors, []);
    let d = parsed(&r);
    assert_eq!(
        serde_json::to_value(&d.annotations).unwrap(),
        json!([
            { "id": "export-curbs", "period": "2021-01", "to": "2021-02", "label": "Export curbs",
              "text": "Made up for the test: curbs on three chemicals.", "sources": ["demo-news"] },
            { "id": "talks", "period": "2021-04/2021-05",
              "label": { "en": "Talks", "ko": "회담", "zh": "会谈" },
              "text": "Made up: talks resume.", "sources": ["demo-stats", "demo-news"] }
        ])
    );
    // the bar views draw none; the one time view both, in the editor's order
    assert_eq!(
        drawn(&d),
        [
            ("annual-total", vec![]),
            ("annual-flows", vec![]),
            ("monthly", vec!["export-curbs", "talks"])
        ]
    );
    // reordered: the views list them in the new order; two with one label get two ids
    let mut twice = span();
    twice["period"] = json!("2021-02");
    twice["to"] = serde_json::Value::Null;
    let r = chart_text(&kr_jp(), json!({ "annotations": [twice, span()] }));
    let d = parsed(&r);
    let ids: Vec<&str> = d.annotations.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["export-curbs", "export-curbs-2"]);
    assert_eq!(d.annotations[0].to, None);
    assert_eq!(
        drawn(&d)[2],
        ("monthly", vec!["export-curbs", "export-curbs-2"])
    );
    // the chart draws them: the monthly view's SVG has both labels
    let ds = trade_chart::Dataset::from_json(r.dataset.as_deref().unwrap()).unwrap();
    let chart =
        trade_chart::DatasetChart::new(ds, &trade_chart::Options::new(Some("monthly"), None))
            .unwrap();
    let svg = chart.svg(640.0).unwrap();
    assert_eq!(svg.matches("Export curbs").count(), 2, "{svg}");
}

#[test]
fn an_annotation_s_views_are_the_ones_the_editor_names_and_an_id_given_is_kept() {
    let mut a = span();
    a["id"] = json!("curbs");
    a["views"] = json!(["monthly"]);
    let d = parsed(&chart_text(&kr_jp(), json!({ "annotations": [a] })));
    assert_eq!(d.annotations[0].id, "curbs");
    assert_eq!(drawn(&d)[2], ("monthly", vec!["curbs"]));
}

#[test]
fn the_editor_s_annotations_replace_the_dataset_s_own_and_none_given_leaves_them() {
    let story = fixture("data/kp-cn.json");
    let own = |d: &RawDataset| -> Vec<(String, Vec<String>)> {
        d.views
            .iter()
            .filter(|v| !v.annotations.is_empty())
            .map(|v| (v.id.clone(), v.annotations.clone()))
            .collect()
    };
    let before: RawDataset = serde_json::from_str(&story).unwrap();
    assert_eq!(before.annotations.len(), 1);
    // nothing given (or only a title): the story's annotation as it was
    let same = parsed(&chart_text(&story, json!({ "title": "The border" })));
    let json = |a: &Vec<RawAnnotation>| serde_json::to_value(a).unwrap();
    assert_eq!(json(&same.annotations), json(&before.annotations));
    assert_eq!(own(&same), own(&before));
    // an empty list: none, and no view lists one
    let none = parsed(&chart_text(&story, json!({ "annotations": [] })));
    assert!(none.annotations.is_empty());
    assert_eq!(own(&none), []);
    // the editor's: the border closure kept (its id) on one view, and a span 2020-01 … 2020-09
    let kept = json!({ "id": "border-closed", "period": "2020-01", "label": "Border closed",
        "text": "North Korea closed its border.", "sources": ["walltrace-2021-02-22"], "views": ["history"] });
    let lockdown = json!({ "period": "2020-01", "to": "2020-09", "label": "Lockdown",
        "text": "The border stayed shut.", "sources": ["kbs-2020-09-16"] });
    let d = parsed(&chart_text(
        &story,
        json!({ "annotations": [kept, lockdown] }),
    ));
    assert_eq!(
        own(&d),
        [
            ("monthly".to_string(), vec!["lockdown".to_string()]),
            (
                "history".to_string(),
                vec!["border-closed".to_string(), "lockdown".to_string()]
            )
        ]
    );
}

#[test]
fn a_bad_annotation_is_an_issue_at_its_annotation_and_field() {
    let with = |f: &str, v: serde_json::Value| {
        let mut a = span();
        a[f] = v;
        chart_text(&kr_jp(), json!({ "annotations": [span(), a] }))
    };
    let cases: Vec<(Outcome, Place, &str)> = vec![
        (
            with("to", json!("")),
            (
                "missing-field",
                Some("annotations"),
                Some(2),
                Some("annotations[1].to"),
            ),
            "the span's last period",
        ),
        (
            with("to", json!("2020")),
            (
                "invalid-value",
                Some("annotations"),
                Some(2),
                Some("annotations[1].to"),
            ),
            "not before `period` (2021-01)",
        ),
        (
            with("period", json!("")),
            (
                "missing-field",
                Some("annotations"),
                Some(2),
                Some("annotations[1].period"),
            ),
            "a period of the data",
        ),
        (
            with("label", json!(" ")),
            (
                "missing-field",
                Some("annotations"),
                Some(2),
                Some("annotations[1].label"),
            ),
            "a short label",
        ),
        (
            with("text", json!({ "ko": "한국어만" })),
            (
                "missing-field",
                Some("annotations"),
                Some(2),
                Some("annotations[1].text.en"),
            ),
            "the English text too",
        ),
        (
            with("sources", json!([])),
            (
                "missing-field",
                Some("annotations"),
                Some(2),
                Some("annotations[1].sources"),
            ),
            "at least one source, ticked",
        ),
        (
            with("sources", json!(["kita-2024"])),
            (
                "unknown-id",
                Some("annotations"),
                Some(2),
                Some("annotations[1].sources"),
            ),
            "kita-2024",
        ),
        (
            with("views", json!(["annual-total"])),
            (
                "invalid-value",
                Some("annotations"),
                Some(2),
                Some("annotations[1].views[0]"),
            ),
            "does not show it",
        ),
        (
            with("views", json!(["weekly"])),
            (
                "unknown-id",
                Some("annotations"),
                Some(2),
                Some("annotations[1].views[0]"),
            ),
            "no view \"weekly\"",
        ),
        (
            with("views", json!([])),
            (
                "missing-field",
                Some("annotations"),
                Some(2),
                Some("annotations[1].views"),
            ),
            "a view to draw it on",
        ),
    ];
    for (r, want, says) in &cases {
        let e = one_error(r);
        assert_eq!(place(e), *want, "{e:#?}");
        assert!(e.message.contains(says), "{}", e.message);
        assert!(e.text.starts_with("annotations: "), "{}", e.text);
    }
    // a period no time view shows: drawn nowhere, said at its period
    let mut a = span();
    a["period"] = json!("2019");
    a["to"] = serde_json::Value::Null;
    let r = chart_text(&kr_jp(), json!({ "annotations": [a] }));
    let e = one_error(&r);
    assert_eq!(
        place(e),
        (
            "invalid-value",
            Some("annotations"),
            Some(1),
            Some("annotations[0].period")
        )
    );
    assert_eq!(
        e.message,
        "no time view shows it: choose another period, or change a view's From and To"
    );
    // beyond the data (2019 … 2021): it says where they end or begin
    for (period, to, says) in [
        ("2022-03", None, "the data end at 2021"),
        ("2017-01", Some("2018-12"), "the data begin at 2019"),
    ] {
        let mut a = span();
        a["period"] = json!(period);
        a["to"] = json!(to);
        let r = chart_text(&kr_jp(), json!({ "annotations": [a] }));
        let e = one_error(&r);
        assert_eq!(place(e).3, Some("annotations[0].period"));
        assert_eq!(
            e.message,
            format!("no time view shows it: {says}; choose a period of the data")
        );
    }
    // a period the data cannot read
    let mut a = span();
    a["period"] = json!("Jan 2021");
    let e = one_error(&chart_text(&kr_jp(), json!({ "annotations": [a] }))).clone();
    assert_eq!(
        place(&e),
        (
            "invalid-value",
            Some("annotations"),
            Some(1),
            Some("annotations[0].period")
        )
    );
    // a field the model does not have: named at its annotation, as a claim's is
    let mut a = span();
    a["colour"] = json!("red");
    let r = chart_text(&kr_jp(), json!({ "annotations": [a] }));
    assert_eq!(
        place(one_error(&r)),
        (
            "unknown-field",
            Some("annotations"),
            Some(1),
            Some("annotations[0].colour")
        )
    );
}

#[test]
fn the_credit_line_is_the_dataset_s_in_one_language_or_three() {
    let d = parsed(&chart_text(
        &kr_jp(),
        json!({ "credit": " Chart: The Made-up Desk " }),
    ));
    assert_eq!(
        d.credit,
        Some(RawText::Plain("Chart: The Made-up Desk".into()))
    );
    let three = json!({ "credit": { "en": "Chart: The Desk", "ko": "차트: 데스크", "zh": "" } });
    let d = parsed(&chart_text(&kr_jp(), three));
    let RawText::Localized(m) = d.credit.as_ref().unwrap() else {
        panic!("{:?}", d.credit)
    };
    assert_eq!(
        m.iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect::<Vec<_>>(),
        [("en", "Chart: The Desk"), ("ko", "차트: 데스크")]
    );
    // blank: the dataset as it was
    assert_eq!(
        chart_text(&kr_jp(), json!({ "credit": "  " })).dataset,
        Some(kr_jp())
    );
    // Korean without English: at the credit line's English
    let r = chart_text(&kr_jp(), json!({ "credit": { "ko": "차트: 데스크" } }));
    assert_eq!(
        place(one_error(&r)),
        ("missing-field", Some("credit"), None, Some("credit.en"))
    );
    // over the length limit: at the credit line
    let long = "x".repeat(trade_chart::limits::TEXT_CHARS.max + 1);
    let r = chart_text(&kr_jp(), json!({ "credit": long }));
    assert_eq!(one_error(&r).file.as_deref(), Some("credit"));
}

#[test]
fn the_editor_s_views_draw_the_dataset_s_own_annotations_where_they_show_them() {
    // the story's views as the builder sends them once edited: the views table's fields,
    // which list no annotations; the border closure (2020-01) is drawn again by the time
    // views that show it
    let story = fixture("data/kp-cn.json");
    let views = json!([
        { "id": "monthly", "kind": "time-bars", "series": "kp-cn-monthly; cn-kp-monthly",
          "label": "2020 by month", "from": "2020-01", "to": "2020-12" },
        { "id": "late", "kind": "time-line", "series": "kp-cn-annual", "label": "Since 2021",
          "from": "2021", "to": "2023" },
        { "id": "history", "kind": "time-line", "series": "kp-cn-annual", "label": "Since 2004",
          "from": "2004", "to": "2023" },
    ]);
    let r = chart_text(&story, json!({ "views": views }));
    assert_eq!(r.errors, []);
    let d = parsed(&r);
    assert_eq!(
        drawn(&d),
        [
            ("monthly", vec!["border-closed"]),
            ("late", vec![]),
            ("history", vec!["border-closed"])
        ]
    );
}
