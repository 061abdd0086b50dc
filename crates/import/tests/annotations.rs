//! The annotations table and `annotations::attach` (src/annotations.rs): points and spans
//! on the views that draw them, their sources, their errors at their cells, their Korean
//! and Chinese through the text table. The tables are made up for the tests
//! (tests/fixtures/import/README.md): not real trade figures.

use trade_chart::data::{RawAnnotation, RawText};
use trade_chart::{Error, ErrorKind, RawDataset};
use trade_chart_import::annotations::{self, AnnotationFields};
use trade_chart_import::{self as import, Import, Input, SheetOptions};

const OBS: &str = include_str!("../../../tests/fixtures/import/observations.tsv");
const SRC: &str = include_str!("../../../tests/fixtures/import/sources.tsv");
const VIEWS: &str = include_str!("../../../tests/fixtures/import/views.tsv");
const ANNOTATIONS: &str = include_str!("../../../tests/fixtures/import/annotations.tsv");

fn tables() -> Import {
    let opts = SheetOptions {
        partners: vec![
            ("KR".into(), "South Korea".into()),
            ("JP".into(), "Japan".into()),
        ],
        ..SheetOptions::default()
    };
    import::import(
        Input {
            name: "observations.tsv",
            text: OBS,
        },
        Input {
            name: "sources.tsv",
            text: SRC,
        },
        &opts,
    )
    .unwrap()
    .with_views(Input {
        name: "views.tsv",
        text: VIEWS,
    })
    .unwrap()
}

fn with(table: &str) -> Result<Import, Vec<Error>> {
    tables().with_annotations(Input {
        name: "annotations.tsv",
        text: table,
    })
}

fn lines(errors: &[Error]) -> Vec<String> {
    errors
        .iter()
        .map(|e| format!("{} [{}]", e, e.code()))
        .collect()
}

#[test]
fn the_fixture_puts_a_point_and_a_span_on_the_time_view() {
    let imp = with(ANNOTATIONS).unwrap();
    let d = &imp.dataset;
    assert_eq!(d.annotations.len(), 2);
    let (strike, slump) = (&d.annotations[0], &d.annotations[1]);
    assert_eq!(strike.id, "strike");
    assert_eq!(strike.period, "2021-03", "Mar 2021 read as a period");
    assert_eq!(strike.to, None);
    assert_eq!(strike.sources, ["demo-news"]);
    assert_eq!(slump.period, "2021-02");
    assert_eq!(slump.to.as_deref(), Some("2021-04"));
    assert_eq!(slump.sources, ["demo-stats", "demo-news"]);
    assert!(matches!(&slump.label, RawText::Plain(s) if s == "Slump"));
    // Blank views: every time view that shows it (months, Jan–Jun 2021); never the bars.
    assert!(d.views[0].annotations.is_empty(), "flows is a bars view");
    assert_eq!(d.views[1].annotations, ["strike", "slump"]);
    assert!(imp.warnings.is_empty(), "{:?}", imp.warnings);
    let ds = imp.check().unwrap();
    assert_eq!(ds.annotations.len(), 2);
    assert!(ds.annotations[1].to.is_some());
}

#[test]
fn errors_are_at_their_cells_with_their_codes() {
    let table = "id\tperiod\tto\tlabel\ttext\tsources\tviews\n\
        a\t2021-13\t\tA\tAa.\tdemo-news\t\n\
        b\t2021-03\t2021-01\tB\tBb.\tdemo-news\t\n\
        c\t2021-03\t\tC\tCc.\t\t\n\
        d\t2021-03\t\tD\tDd.\tnope\t\n\
        e\t2021-03\t\tE\tEe.\tdemo-news\tflows\n\
        f\t2021-03\t\tF\tFf.\tdemo-news\twhat\n\
        a\t2021-03\t\t\tAa.\tdemo-news\t\n";
    let e = with(table).unwrap_err();
    assert_eq!(
        lines(&e),
        [
            "annotations.tsv:2:2: period: expected a period like 2020, 2020-06, 202006, 2020M06, Jun 2020 or 2020-01/2020-02, found \"2021-13\" [invalid-value]",
            "annotations.tsv:3:3: to: expected a period not before `period` (2021-03), found \"2021-01\" [invalid-value]",
            "annotations.tsv:4:6: sources: blank: name the sources this annotation rests on (the one source is taken only when the dataset has one; it has 2: demo-stats, demo-news) [missing-field]",
            "annotations.tsv:5:6: sources: unknown source \"nope\": the dataset's are demo-stats, demo-news [unknown-id]",
            "annotations.tsv:6:7: views: expected a time view (time-bars or time-line): a bars view draws no annotations, found \"flows\" (bars) [invalid-value]",
            "annotations.tsv:7:7: views: unknown view \"what\": the dataset's are flows, months [unknown-id]",
            "annotations.tsv:8:4: label: blank: every annotation needs its label [missing-field]",
            "annotations.tsv:8:1: id: \"a\": a second annotation with this id (row 2) [duplicate-id]",
        ]
    );
}

#[test]
fn a_missing_column_is_an_error_at_the_header() {
    let e = with("id\tperiod\tlabel\nx\t2021-03\tX\n").unwrap_err();
    assert_eq!(e.len(), 1, "{:?}", lines(&e));
    assert_eq!(e[0].kind(), ErrorKind::MissingField);
    assert!(
        e[0].to_string().starts_with("annotations.tsv:1:"),
        "{}",
        e[0]
    );
    assert!(e[0].to_string().contains("text"), "{}", e[0]);
}

#[test]
fn one_drawn_nowhere_is_a_warning_at_its_cell() {
    // The data run from 2019 to 2021; the time view shows 2021-01 … 2021-06. Beyond the
    // data the warning says where they end or begin; within them, only that no view shows it.
    let table = "id\tperiod\tto\tlabel\ttext\tsources\tviews\n\
        late\t2030-01\t\tLate\tAfter the data.\tdemo-news\t\n\
        early\t2021-01\t\tEarly\tIn the data.\tdemo-news\tmonths\n\
        before\t2017-03\t2018-12\tBefore\tA span before the data.\tdemo-news\t\n\
        inside\t2020-03\t\tInside\tIn the data, not in the view.\tdemo-news\t\n\
        named\t2031\t\tNamed\tAfter the data, on a view named.\tdemo-news\tmonths\n";
    let imp = with(table).unwrap();
    let w: Vec<String> = imp.warnings.iter().map(Error::to_string).collect();
    assert_eq!(
        w,
        [
            "annotations.tsv:2:2: period: \"late\" is drawn on no view: no time view shows 2030-01: the data end at 2021",
            "annotations.tsv:4:2: period: \"before\" is drawn on no view: no time view shows 2017-03: the data begin at 2019",
            "annotations.tsv:5:2: period: \"inside\" is drawn on no view: no time view shows 2020-03",
            "annotations.tsv:6:7: views: view \"months\" does not show 2031: \"named\" is not drawn there: the data end at 2021",
        ]
    );
    // A view named draws it (the table's choice), though it shows nothing there.
    assert_eq!(imp.dataset.views[1].annotations, ["early", "named"]);
    imp.check().unwrap();
}

#[test]
fn a_span_overlapping_the_view_is_drawn_and_one_outside_is_not() {
    // months shows 2021-01 … 2021-06.
    let table = "id\tperiod\tto\tlabel\ttext\tsources\n\
        over\t2020-10\t2021-01\tOver\tEnds in the view.\tdemo-news\n\
        before\t2020-01\t2020-12\tBefore\tEnds before it.\tdemo-news\n\
        years\t2019\t2021\tYears\tWhole years.\tdemo-news\n";
    let imp = with(table).unwrap();
    assert_eq!(imp.dataset.views[1].annotations, ["over", "years"]);
}

#[test]
fn blank_sources_take_the_one_source() {
    let mut d: RawDataset = tables().dataset;
    d.sources.truncate(1);
    let a = RawAnnotation {
        id: "one".into(),
        period: "2021-02".into(),
        to: None,
        label: RawText::Plain("One".into()),
        text: RawText::Plain("With the one source.".into()),
        sources: Vec::new(),
    };
    assert_eq!(annotations::attach(&mut d, a, None).unwrap(), ["months"]);
    assert_eq!(d.annotations[0].sources, ["demo-stats"]);
}

#[test]
fn attach_again_replaces_and_remove_takes_off_every_view() {
    let mut d = tables().dataset;
    let point = |period: &str| RawAnnotation {
        id: "ev".into(),
        period: period.into(),
        to: None,
        label: RawText::Plain("Event".into()),
        text: RawText::Plain("An event.".into()),
        sources: vec!["demo-news".into()],
    };
    assert_eq!(
        annotations::attach(&mut d, point("2021-02"), None).unwrap(),
        ["months"]
    );
    // Moved out of the view's range: replaced in place, drawn nowhere.
    let drawn = annotations::attach(&mut d, point("2022-02"), None).unwrap();
    assert!(drawn.is_empty());
    assert_eq!(d.annotations.len(), 1);
    assert_eq!(d.annotations[0].period, "2022-02");
    assert!(d.views[1].annotations.is_empty());
    // Named views are drawn on even when out of range (the selection clips it).
    let drawn = annotations::attach(&mut d, point("2021-05"), Some(&["months".to_string()]));
    assert_eq!(drawn.unwrap(), ["months"]);
    assert_eq!(d.views[1].annotations, ["ev"]);
    // An error leaves the dataset as it was, at the annotation's path.
    let mut bad = point("2021-05");
    bad.sources = vec!["nope".into()];
    let e = annotations::attach(&mut d, bad, None).unwrap_err();
    assert_eq!(e.path(), "annotations[0].sources");
    assert_eq!(e.kind(), ErrorKind::UnknownId);
    assert_eq!(d.annotations[0].sources, ["demo-news"]);
    assert!(annotations::remove(&mut d, "ev"));
    assert!(d.annotations.is_empty() && d.views[1].annotations.is_empty());
    assert!(!annotations::remove(&mut d, "ev"));
}

#[test]
fn the_text_table_gives_korean_and_chinese_and_the_credit_line() {
    let text = "key\ten\tko\tzh\n\
        annotation.slump.label\tSlump\t부진\t低迷\n\
        annotation.strike.text\tA made-up strike.\t가상의 파업.\t虚构的罢工。\n\
        credit\tChart: Made-up Desk\t그래픽: 가상 데스크\t制图：虚构编辑部\n";
    let imp = with(ANNOTATIONS)
        .unwrap()
        .with_text(Input {
            name: "text.tsv",
            text,
        })
        .unwrap();
    let ds = imp.check().unwrap();
    assert_eq!(ds.annotations[1].label.ko.as_deref(), Some("부진"));
    assert_eq!(ds.annotations[1].label.zh.as_deref(), Some("低迷"));
    assert_eq!(ds.annotations[0].text.zh.as_deref(), Some("虚构的罢工。"));
    let credit = ds.credit.unwrap();
    assert_eq!(credit.en, "Chart: Made-up Desk");
    assert_eq!(credit.ko.as_deref(), Some("그래픽: 가상 데스크"));
    // An unknown annotation in a key is an error at its cell.
    let e = with(ANNOTATIONS)
        .unwrap()
        .with_text(Input {
            name: "text.tsv",
            text: "key\ten\nannotation.nope.label\tX\n",
        })
        .unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "text.tsv:2:1: key: unknown annotation \"nope\" in \"annotation.nope.label\": the dataset's are strike, slump"
    );
}

#[test]
fn an_error_check_finds_later_points_at_the_row() {
    // Validation's own error about an annotation's field lands on the annotations table.
    let mut imp = with(ANNOTATIONS).unwrap();
    imp.dataset.annotations[1].label = RawText::Plain(String::new());
    let e = imp.check().unwrap_err();
    assert_eq!(
        e.to_string().split(": ").next(),
        Some("annotations.tsv:3:4"),
        "{e}"
    );
}

#[test]
fn fields_read_as_the_table_rows() {
    let fields = [AnnotationFields {
        id: "f".into(),
        period: "2021-02".into(),
        to: "2021-03".into(),
        label: "F".into(),
        text: "From fields.".into(),
        sources: "demo-news".into(),
        views: String::new(),
    }];
    let imp = tables()
        .with_annotation_fields("annotations", &fields)
        .unwrap();
    assert_eq!(imp.dataset.views[1].annotations, ["f"]);
    let bad = [AnnotationFields {
        sources: String::new(),
        ..fields[0].clone()
    }];
    let e = tables()
        .with_annotation_fields("annotations", &bad)
        .unwrap_err();
    assert!(
        e[0].to_string()
            .starts_with("annotations:2:6: sources: blank"),
        "{}",
        e[0]
    );
}

#[test]
fn a_table_at_the_row_limit_reads_in_linear_time() {
    // 10⁵ rows (a table's limit), each on the time view: read without searching the rows
    // before it (which would take minutes). Validation then refuses more than 10,000.
    let mut table = String::from("id\tperiod\tlabel\ttext\tsources\n");
    for i in 0..100_000 {
        table.push_str(&format!("a{i}\t2021-02\tA\tAn event.\tdemo-news\n"));
    }
    let start = std::time::Instant::now();
    let imp = with(&table).unwrap();
    let took = start.elapsed();
    assert_eq!(imp.dataset.annotations.len(), 100_000);
    assert_eq!(imp.dataset.views[1].annotations.len(), 100_000);
    assert!(took.as_secs() < 20, "{took:?}");
    let e = imp.check().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}");
}
