//! Annotations for every reader who does not look at the picture: keyboard order, the
//! live region and tooltip, the data table, the CSV, the summary, and the credit line,
//! in English, Korean and Chinese.

use serde_json::{json, Value};
use trade_chart::data::DEFAULT_JSON;
use trade_chart::{Dataset, DatasetChart, Options};

/// The story's dataset with an invented span (January to September 2020, a made-up
/// label and text for this test, sourced to the story) on the monthly view, and an
/// invented credit line.
fn with_span() -> Dataset {
    let mut v: Value = serde_json::from_str(DEFAULT_JSON).unwrap();
    v["annotations"].as_array_mut().unwrap().push(json!({
        "id": "test-span",
        "period": "2020-01",
        "to": "2020-09",
        "label": {"en": "Test span", "ko": "시험 구간", "zh": "测试区间"},
        "text": {"en": "An invented span for tests.", "ko": "시험용으로 만든 구간입니다.", "zh": "测试用的虚构区间。"},
        "sources": ["walltrace-2021-02-22", "yonhap-2021-02-12"]
    }));
    v["credit"] =
        json!({"en": "Chart: Test Desk", "ko": "그래픽: 시험 데스크", "zh": "制图：测试组"});
    let views = v["views"].as_array_mut().unwrap();
    let monthly = views.iter_mut().find(|w| w["id"] == "monthly").unwrap();
    monthly["annotations"]
        .as_array_mut()
        .unwrap()
        .push(json!("test-span"));
    Dataset::from_json(&v.to_string()).unwrap()
}

fn chart(ds: Dataset, view: &str, lang: &str) -> DatasetChart {
    let mut c = DatasetChart::new(ds, &Options::new(Some(view), Some(lang))).unwrap();
    c.resize(800.0, 400.0).unwrap();
    c
}

fn story(view: &str, lang: &str) -> DatasetChart {
    chart(Dataset::default_dataset().unwrap(), view, lang)
}

fn find(c: &DatasetChart, id: &str) -> usize {
    c.items()
        .iter()
        .position(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn id_at(c: &DatasetChart, i: Option<usize>) -> String {
    c.items()[i.unwrap()].id.clone()
}

#[test]
fn keyboard_meets_the_annotation_in_time_order_among_the_figures() {
    let c = story("monthly", "en");
    // Its line is at the middle of January, left of the January–February figure's middle:
    // the first stop of every row, before the figures it explains.
    let first = c.navigate(None, "ArrowRight");
    assert_eq!(id_at(&c, first), "annotation:border-closed");
    let next = c.navigate(first, "ArrowRight");
    assert_eq!(id_at(&c, next), "tw-2020-0102");
    assert_eq!(c.navigate(next, "ArrowLeft"), first);
    assert_eq!(
        id_at(&c, c.navigate(next, "Home")),
        "annotation:border-closed"
    );
    // In every series' row: Down from it is the same annotation in the next row, Down from
    // a figure a figure.
    let rows: Vec<String> = (c.items().into_iter())
        .filter(|i| i.id == "annotation:border-closed")
        .map(|i| i.period)
        .collect();
    assert_eq!(rows, vec!["January 2020"; 3]);
    let down = c.navigate(first, "ArrowDown");
    assert_eq!(id_at(&c, down), "annotation:border-closed");
    assert_ne!(down, first);
    assert_eq!(id_at(&c, c.navigate(next, "ArrowDown")), "cnkp-2020-0102");

    // The history line: between 2019 and 2020.
    let h = story("history", "en");
    let note = find(&h, "annotation:border-closed");
    assert_eq!(id_at(&h, h.navigate(Some(note), "ArrowLeft")), "tw-2019");
    assert_eq!(id_at(&h, h.navigate(Some(note), "ArrowRight")), "tw-2020");

    // Bar views draw no annotations and have none to reach.
    for view in ["collapse", "balance", "products"] {
        let c = story(view, "en");
        assert!(
            c.items().iter().all(|i| !i.id.starts_with("annotation:")),
            "{view}"
        );
        assert!(c.table().annotations.is_none(), "{view}");
    }
}

#[test]
fn the_live_region_reads_label_time_text_and_source_in_three_languages() {
    let cases = [
        (
            "en",
            "January 2020",
            "Border closed",
            "North Korea closed its border with China in January 2020 against the coronavirus; reports differ on the exact day.",
            "Walltrace, 22 February 2021",
            "Border closed, January 2020. North Korea closed its border with China in January 2020 against the coronavirus; reports differ on the exact day. Source: Walltrace",
        ),
        (
            "ko",
            "2020년 1월",
            "국경 봉쇄",
            "북한은 코로나19에 대응해 2020년 1월 중국과의 국경을 닫았습니다. 정확한 날짜는 보도마다 다릅니다.",
            "Walltrace, 2021년 2월 22일",
            "국경 봉쇄, 2020년 1월. 북한은 코로나19에 대응해 2020년 1월 중국과의 국경을 닫았습니다. 정확한 날짜는 보도마다 다릅니다. 출처: Walltrace",
        ),
        (
            "zh",
            "2020年1月",
            "边境关闭",
            "朝鲜于2020年1月因新冠疫情关闭了中朝边境；具体日期说法不一。",
            "Walltrace, 2021年2月22日",
            "边境关闭，2020年1月。朝鲜于2020年1月因新冠疫情关闭了中朝边境；具体日期说法不一。来源：Walltrace",
        ),
    ];
    for (lang, when, label, text, source, announce) in cases {
        let c = story("monthly", lang);
        let i = find(&c, "annotation:border-closed");
        let h = c.describe(i).unwrap();
        assert_eq!(
            (h.title.as_str(), h.value.as_str(), h.series.as_str()),
            (when, label, ""),
            "{lang}"
        );
        assert_eq!(h.lines, vec![text.to_string()], "{lang}");
        assert_eq!(h.source, source, "{lang}");
        assert_eq!(h.announce, announce, "{lang}");
        assert_eq!(
            h.url,
            "https://walltrace.com/2021/02/report-in-2020-north-koreas-trade-with-china-dropped-80-percent/"
        );
        // The highlight is the dashed line, the whole plot high.
        let it = &c.scene().items[i];
        assert_eq!((h.x, h.w, h.h), (it.mark.x0, 2.0, c.scene().plot.h()));
        let info = &c.items()[i];
        assert_eq!((info.period.as_str(), info.label.as_str()), (when, label));
    }
}

#[test]
fn a_span_reads_from_its_start_to_its_end_with_every_source() {
    let cases = [
        (
            "en",
            "January to September 2020",
            "Test span, January to September 2020. An invented span for tests. Sources: Walltrace; Yonhap News Agency",
            "Walltrace, 22 February 2021; Yonhap News Agency, 12 February 2021",
        ),
        (
            "ko",
            "2020년 1~9월",
            "시험 구간, 2020년 1~9월. 시험용으로 만든 구간입니다. 출처: Walltrace; Yonhap News Agency",
            "Walltrace, 2021년 2월 22일; Yonhap News Agency, 2021년 2월 12일",
        ),
        (
            "zh",
            "2020年1–9月",
            "测试区间，2020年1–9月。测试用的虚构区间。来源：Walltrace; Yonhap News Agency",
            "Walltrace, 2021年2月22日; Yonhap News Agency, 2021年2月12日",
        ),
    ];
    for (lang, when, announce, source) in cases {
        let c = chart(with_span(), "monthly", lang);
        // It starts with the view, at the plot's left edge: the row's first stop, before the
        // border's line in the middle of January.
        let first = c.navigate(None, "ArrowRight");
        assert_eq!(id_at(&c, first), "annotation:test-span", "{lang}");
        assert_eq!(
            id_at(&c, c.navigate(first, "ArrowRight")),
            "annotation:border-closed"
        );
        let h = c.describe(first.unwrap()).unwrap();
        assert_eq!((h.title.as_str(), h.announce.as_str()), (when, announce));
        assert_eq!(h.source, source);
        // The highlight is its band: January to the end of September, inside the plot.
        let s = c.scene();
        assert_eq!(h.x, s.plot.x0, "{lang}");
        assert!(h.x + h.w < s.plot.x1, "{lang}");
    }
}

#[test]
fn the_pointer_finds_an_annotation_at_its_label_and_the_figures_below_it() {
    let c = chart(with_span(), "monthly", "en");
    let s = c.scene();
    let point = find(&c, "annotation:border-closed");
    let span = find(&c, "annotation:test-span");
    let line = s.items[point].mark.cx();
    let y = s.plot.y0 + 8.0;
    // On the point's label (which is over the span's band too): the point.
    let at = trade_chart::item_at(s, line + 10.0, y).unwrap();
    assert_eq!(c.items()[at].id, "annotation:border-closed");
    // On the band's strip away from the line: the span.
    let at = trade_chart::item_at(s, s.items[span].mark.x1 - 20.0, y).unwrap();
    assert_eq!(c.items()[at].id, "annotation:test-span");
    // Lower down, a figure: the annotations never hide the bars from the pointer.
    let at = trade_chart::item_at(s, line, s.plot.y1 - 2.0).unwrap();
    assert!(!c.items()[at].id.starts_with("annotation:"));
    // Hovering does not rebuild the scene.
    let before = s.clone();
    c.hover(line + 10.0, y).unwrap();
    assert_eq!(c.scene(), &before);
}

#[test]
fn the_data_table_lists_the_annotations_in_a_table_of_their_own() {
    let cases = [
        (
            "en",
            "Marked on the chart",
            ["Period", "Label", "Details", "Source"],
            ["January 2020", "Border closed", "North Korea closed its border with China in January 2020 against the coronavirus; reports differ on the exact day.", "Walltrace, 22 February 2021"],
        ),
        (
            "ko",
            "그래프 표시 사항",
            ["기간", "표시", "설명", "출처"],
            ["2020년 1월", "국경 봉쇄", "북한은 코로나19에 대응해 2020년 1월 중국과의 국경을 닫았습니다. 정확한 날짜는 보도마다 다릅니다.", "Walltrace, 2021년 2월 22일"],
        ),
        (
            "zh",
            "图中标注",
            ["时间", "标注", "说明", "来源"],
            ["2020年1月", "边境关闭", "朝鲜于2020年1月因新冠疫情关闭了中朝边境；具体日期说法不一。", "Walltrace, 2021年2月22日"],
        ),
    ];
    for (lang, caption, headers, row) in cases {
        let c = story("monthly", lang);
        let t = c.table();
        let figures = t.rows.len();
        let a = t.annotations.expect("a table of annotations");
        assert_eq!(a.caption, caption);
        assert_eq!(a.headers, headers);
        assert_eq!(a.rows, vec![row.map(String::from).to_vec()]);
        assert!(a.annotations.is_none());
        assert_eq!(figures, 29, "{lang}: the figures' table is as it was");
    }
    // In time order, a span with both its sources.
    let t = chart(with_span(), "monthly", "en")
        .table()
        .annotations
        .unwrap();
    let firsts: Vec<&str> = t.rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(firsts, ["Test span", "Border closed"]);
    assert_eq!(t.rows[0][0], "January to September 2020");
    assert_eq!(
        t.rows[0][3],
        "Walltrace, 22 February 2021; Yonhap News Agency, 12 February 2021"
    );
}

#[test]
fn the_csv_lists_the_annotations_after_the_figures_in_rows_marked_as_theirs() {
    let c = chart(with_span(), "monthly", "en");
    let csv = c.csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "period,period_label,series_id,series,direction,category,value_usd,qualifier,basis,\
         derived_formula,note,source_publishers,source_dates,source_urls,\
         annotation_id,annotation_to,annotation_label,annotation_text"
    );
    assert_eq!(lines.len(), 1 + 29 + 2);
    // Figures first, each with empty annotation columns.
    assert!(lines[1..30].iter().all(|l| l.ends_with(",,,,")), "{csv}");
    assert!(lines[1].starts_with("2020-01/2020-02,January–February 2020,two-way-monthly,"));
    assert_eq!(
        lines[30],
        "2020-01,January to September 2020,,,,,,,,,,Walltrace | Yonhap News Agency,\
         2021-02-22 | 2021-02-12,https://walltrace.com/2021/02/report-in-2020-north-koreas-trade-with-china-dropped-80-percent/ \
         | https://en.yna.co.kr/view/AEN20210209007800325,test-span,2020-09,Test span,An invented span for tests."
    );
    assert_eq!(
        lines[31],
        "2020-01,January 2020,,,,,,,,,,Walltrace,2021-02-22,\
         https://walltrace.com/2021/02/report-in-2020-north-koreas-trade-with-china-dropped-80-percent/,\
         border-closed,,Border closed,North Korea closed its border with China in January 2020 \
         against the coronavirus; reports differ on the exact day."
    );
    // Every row has the header's number of fields (a comma inside quotes is not one).
    let fields = |l: &str| {
        let (mut n, mut quoted) = (1, false);
        for ch in l.chars() {
            match ch {
                '"' => quoted = !quoted,
                ',' if !quoted => n += 1,
                _ => {}
            }
        }
        n
    };
    assert!(lines.iter().all(|l| fields(l) == 18), "{csv}");
    // In Korean and Chinese the words are the reader's.
    let ko = chart(with_span(), "monthly", "ko").csv();
    assert!(ko.contains("\n2020-01,2020년 1~9월,,"), "{ko}");
    assert!(ko.ends_with(",border-closed,,국경 봉쇄,북한은 코로나19에 대응해 2020년 1월 중국과의 국경을 닫았습니다. 정확한 날짜는 보도마다 다릅니다.\n"));
    let zh = chart(with_span(), "monthly", "zh").csv();
    assert!(zh.contains("\n2020-01,2020年1–9月,,"), "{zh}");
    assert!(zh.ends_with(
        ",border-closed,,边境关闭,朝鲜于2020年1月因新冠疫情关闭了中朝边境；具体日期说法不一。\n"
    ));
    // A view without annotations: the figures alone.
    let bars = story("collapse", "en").csv();
    assert!(bars.lines().skip(1).all(|l| l.ends_with(",,,,")), "{bars}");
}

#[test]
fn the_summary_mentions_what_the_chart_marks() {
    let cases = [
        ("en", " Marked on the chart: Border closed (January 2020)."),
        ("ko", " 그래프 표시 사항: 국경 봉쇄(2020년 1월)."),
        ("zh", "。图中标注：边境关闭（2020年1月）。"),
    ];
    for (lang, end) in cases {
        let s = story("monthly", lang).meta().summary;
        assert!(s.ends_with(end), "{lang}: {s}");
        assert!(!story("collapse", lang).meta().summary.contains(end.trim()));
    }
    let s = chart(with_span(), "history", "en").summary();
    assert!(
        s.ends_with(" Marked on the chart: Border closed (January 2020)."),
        "{s}"
    );
    let s = chart(with_span(), "monthly", "en").summary();
    assert!(
        s.ends_with(" Marked on the chart: Test span (January to September 2020); Border closed (January 2020)."),
        "{s}"
    );
}

#[test]
fn the_credit_line_is_read_beside_the_sources() {
    for (lang, credit) in [
        ("en", "Chart: Test Desk"),
        ("ko", "그래픽: 시험 데스크"),
        ("zh", "制图：测试组"),
    ] {
        let m = chart(with_span(), "collapse", lang).meta();
        assert_eq!(m.credit, credit);
        assert!(!m.source_line.is_empty());
    }
    assert_eq!(story("collapse", "en").meta().credit, "");
}
