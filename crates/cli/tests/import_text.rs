//! The text table (src/import/text.rs): the chart's title, notes and labels in English,
//! Korean and Chinese, put into a dataset from any import, natively and through the
//! command line. The tables are made up for the tests (tests/fixtures/import/README.md):
//! not real trade figures.

mod common;

use std::path::PathBuf;

use common::cli::run;
use trade_chart::data::RawText;
use trade_chart::{Dataset, DatasetChart, Error, ErrorKind, Options};
use trade_chart_import::{self as import, Import, Input, SheetOptions};

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");
const OBS: &str = include_str!("../../../tests/fixtures/import/observations.tsv");
const SRC: &str = include_str!("../../../tests/fixtures/import/sources.tsv");
const TEXT: &str = include_str!("../../../tests/fixtures/import/text.tsv");

fn opts() -> SheetOptions {
    SheetOptions {
        partners: vec![
            ("KR".into(), "South Korea".into()),
            ("JP".into(), "Japan".into()),
        ],
        ..SheetOptions::default()
    }
}

fn tables() -> Import {
    import::import(
        Input {
            name: "observations.tsv",
            text: OBS,
        },
        Input {
            name: "sources.tsv",
            text: SRC,
        },
        &opts(),
    )
    .unwrap()
}

fn with_text(text: &str) -> Result<Import, Vec<Error>> {
    tables().with_text(Input {
        name: "text.tsv",
        text,
    })
}

fn errs(text: &str) -> Vec<Error> {
    match with_text(text) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e,
    }
}

fn loc(e: &Error) -> (Option<usize>, Option<usize>) {
    (e.row(), e.column())
}

fn texts(chart: &DatasetChart) -> String {
    chart.svg(800.0).unwrap()
}

#[test]
fn korean_and_chinese_text_round_trips_into_the_dataset() {
    let imp = with_text(TEXT).unwrap();
    let d = &imp.dataset;
    let RawText::Localized(title) = &d.title else {
        panic!("{:?}", d.title)
    };
    assert_eq!(title["en"], "South Korea–Japan trade (made-up figures)");
    assert_eq!(title["ko"], "한일 교역 (가상 수치)");
    assert_eq!(title["zh"], "韩日贸易（虚构数据）");
    assert_eq!(d.notes.len(), 1);
    let flows = d.views.iter().find(|v| v.id == "annual-flows").unwrap();
    assert_eq!(
        serde_json::to_value(&flows.title).unwrap(),
        serde_json::json!({"en": "Exports each way, by year", "ko": "연도별 양국 수출", "zh": "按年份的双向出口"})
    );
    // The subtitle row goes to every view without one of its own.
    let monthly = d.views.iter().find(|v| v.id == "monthly").unwrap();
    assert_eq!(
        serde_json::to_value(&monthly.subtitle).unwrap(),
        serde_json::json!({"en": "Korea's exports, monthly", "ko": "한국의 월별 수출"})
    );
    assert_eq!(
        serde_json::to_value(&flows.subtitle).unwrap()["zh"],
        "测试用虚构数据"
    );
    // English only: plain text.
    assert_eq!(monthly.label, RawText::Plain("By month".into()));
    let checked = imp.check().unwrap();

    // Through JSON and back (what `convert` writes), then drawn in each language.
    let json = import::to_json(&imp.dataset);
    let back = Dataset::from_json(&json).unwrap();
    assert_eq!(back, checked);
    let draw = |lang: &str, view: &str| {
        let c = DatasetChart::new(back.clone(), &Options::new(Some(view), Some(lang))).unwrap();
        texts(&c)
    };
    let ko = draw("ko", "annual-flows");
    for t in [
        "연도별 양국 수출",
        "테스트용 가상 수치",
        "한국의 대일 수출",
        "일본의 대한 수출",
    ] {
        assert!(ko.contains(t), "{t} not in the Korean SVG");
    }
    let zh = draw("zh", "annual-flows");
    for t in [
        "按年份的双向出口",
        "韩国对日本出口",
        "为测试编造的数据，并非真实贸易数据。",
    ] {
        assert!(zh.contains(t), "{t} not in the Chinese SVG");
    }
    let en = draw("en", "annual-flows");
    assert!(en.contains("Exports each way, by year"));
    assert!(!en.contains("연도별"));
}

#[test]
fn a_text_table_without_korean_or_chinese_falls_back_to_english() {
    let imp =
        with_text("key,en\ntitle,Made-up trade\nview.annual-flows.title,Each way (made up)\n")
            .unwrap();
    assert_eq!(imp.dataset.title, RawText::Plain("Made-up trade".into()));
    let d = imp.check().unwrap();
    for lang in ["ko", "zh"] {
        let c =
            DatasetChart::new(d.clone(), &Options::new(Some("annual-flows"), Some(lang))).unwrap();
        let svg = texts(&c);
        assert!(svg.contains("Each way (made up)"), "{lang}");
    }
    // A blank Korean cell falls back too, per row.
    let imp =
        with_text("Key\tEN\tKO\tZH\nview.annual-flows.title\tMade-up trade\t\t虚构贸易\n").unwrap();
    let d = imp.check().unwrap();
    let c = DatasetChart::new(d.clone(), &Options::new(Some("annual-flows"), Some("ko"))).unwrap();
    assert!(texts(&c).contains("Made-up trade"));
    let c = DatasetChart::new(d, &Options::new(Some("annual-flows"), Some("zh"))).unwrap();
    assert!(texts(&c).contains("虚构贸易"));
}

#[test]
fn headers_are_case_insensitive_with_aliases() {
    for header in [
        "KEY\tEnglish\tKorean\tChinese",
        "Field\ten\tko\tzh",
        "key\ttext\t한국어\t中文",
    ] {
        let imp = with_text(&format!("{header}\ntitle\tMade up\t가상\t虚构\n")).unwrap();
        let RawText::Localized(t) = &imp.dataset.title else {
            panic!("{header}")
        };
        assert_eq!(
            (t["ko"].as_str(), t["zh"].as_str()),
            ("가상", "虚构"),
            "{header}"
        );
    }
}

#[test]
fn errors_name_file_row_and_column() {
    let e = errs(
        "key\ten\tko\n\
         title\tMade up\t가상\n\
         titel\tTypo\t\n\
         series.nowhere.label\tNo such series\t\n\
         view.annual-flows.title\t\t연도별\n\
         title\tAgain\t\n\
         \tNo key\t\n",
    );
    let lines: Vec<String> = e.iter().map(Error::to_string).collect();
    assert_eq!(e.len(), 5, "{lines:#?}");
    assert_eq!(loc(&e[0]), (Some(3), Some(1)));
    assert_eq!(e[0].kind(), ErrorKind::UnknownField);
    assert!(lines[0].starts_with("text.tsv:3:1: "), "{}", lines[0]);
    assert!(lines[0].contains("unknown key \"titel\": expected one of title, subtitle, note"));
    assert_eq!(loc(&e[1]), (Some(4), Some(1)));
    assert_eq!(e[1].kind(), ErrorKind::UnknownId);
    assert!(
        lines[1].contains("kr-jp-annual"),
        "lists the series: {}",
        lines[1]
    );
    assert_eq!(loc(&e[2]), (Some(5), Some(2)));
    assert_eq!(e[2].kind(), ErrorKind::MissingField);
    assert_eq!(loc(&e[3]), (Some(6), Some(1)));
    assert_eq!(e[3].kind(), ErrorKind::DuplicateId);
    assert!(lines[3].contains("(row 2)"));
    assert_eq!(loc(&e[4]), (Some(7), Some(1)));

    // No key or en column.
    let e = errs("name\tenglish\ntitle\tx\n");
    assert_eq!(e[0].kind(), ErrorKind::MissingField);
    assert!(e[0].to_string().starts_with("text.tsv:1:"), "{}", e[0]);

    // An error the dataset check finds in a text is at its cell: an over-long Korean title.
    let long = "가".repeat(20_000);
    let imp = with_text(
        &format!("key\ten\tko\ttitle\tMade up\t{long}\n").replace("ko\ttitle", "ko\ntitle"),
    );
    let e = match imp {
        Err(e) => e[0].clone(),
        Ok(i) => i.check().unwrap_err(),
    };
    assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}");
    assert_eq!(loc(&e), (Some(2), Some(3)), "{e}");
}

fn tmp(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("import-text");
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

#[test]
fn the_command_line_takes_a_text_table() {
    let obs = format!("{FIX}/observations.tsv");
    let text = format!("{FIX}/text.tsv");
    let partners = ["--partner", "KR=South Korea", "--partner", "JP=Japan"];
    // --text, and a table headed key and en among the inputs: the same.
    for args in [vec!["--text", text.as_str()], vec![text.as_str()]] {
        let svg = tmp("ko.svg");
        let mut a = vec!["render", obs.as_str()];
        a.extend(&args);
        a.extend(partners);
        a.extend([
            "--view",
            "annual-flows",
            "--lang",
            "ko",
            "-o",
            svg.to_str().unwrap(),
        ]);
        let (code, _, err) = run(&a);
        assert_eq!(code, 0, "{err}");
        let svg = std::fs::read_to_string(&svg).unwrap();
        for t in [
            "연도별 양국 수출",
            "한국의 대일 수출",
            "테스트용으로 만든 수치로",
        ] {
            assert!(svg.contains(t), "{t}");
        }
    }
    // convert writes the text; check, render and bundle take it onto a JSON dataset too.
    let json = tmp("kr-jp.json");
    let mut a = vec!["convert", obs.as_str(), "--text", text.as_str()];
    a.extend(partners);
    a.extend(["-o", json.to_str().unwrap()]);
    let (code, _, err) = run(&a);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&json).unwrap();
    assert!(written.contains("\"ko\": \"한일 교역 (가상 수치)\""));
    let plain = format!("{FIX}/kr-jp.json");
    let svg = tmp("zh.svg");
    let (code, _, err) = run(&[
        "render",
        &plain,
        "--text",
        &text,
        "--view",
        "annual-flows",
        "--lang",
        "zh",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&svg)
        .unwrap()
        .contains("按年份的双向出口"));
    let (code, out, err) = run(&["check", &plain, "--text", &text]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ok: 4 series"), "{out}");

    // Errors as file:row:column, exit 1.
    let bad = tmp("bad-text.csv");
    std::fs::write(
        &bad,
        "key,en\ntitle,Made up\nview.yearly.title,No such view\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", &plain, "--text", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{}:3:1: ", bad.display())), "{err}");
    assert!(err.contains("unknown view \"yearly\""), "{err}");
    // Two text tables: a usage error.
    let (code, _, err) = run(&["check", &plain, &text, "--text", &text]);
    assert_eq!(code, 2, "{err}");
}

const VIEWS: &str = include_str!("../../../tests/fixtures/import/views.tsv");

fn with_views(views: &str) -> Result<Import, Vec<Error>> {
    tables().with_views(Input {
        name: "views.tsv",
        text: views,
    })
}

#[test]
fn a_views_table_replaces_the_default_views_and_takes_the_text_table() {
    let imp = with_views(VIEWS)
        .unwrap()
        .with_text(Input {
            name: "text.tsv",
            text: "key\ten\tko\tzh\nview.flows.title\tExports each way (made up)\t양국 수출 (가상)\t双向出口（虚构）\n",
        })
        .unwrap();
    let ids: Vec<&str> = imp.dataset.views.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["flows", "months"]);
    let months = &imp.dataset.views[1];
    assert_eq!(months.kind, "time-bars");
    assert_eq!(
        (months.from.as_deref(), months.to.as_deref()),
        (Some("2021-01"), Some("2021-06"))
    );
    assert_eq!(
        imp.dataset.views[0].series,
        ["kr-jp-annual", "jp-kr-annual"]
    );
    let d = imp.check().unwrap();
    let c = DatasetChart::new(d, &Options::new(Some("flows"), Some("ko"))).unwrap();
    assert!(texts(&c).contains("양국 수출 (가상)"));
}

#[test]
fn views_table_errors_name_file_row_and_column() {
    let e = match with_views(
        "id\tkind\tseries\tlabel\ttitle\tfrom\n\
         a\tpie\tkr-jp-annual\tA\tA view\t\n\
         b\tbars\tkr-jp-annual; nope\tB\tB view\t\n\
         c\tline\tkr-jp-annual\tC\tC view\t2020-13\n\
         a\tbars\tkr-jp-annual\t\tA again\t\n",
    ) {
        Err(e) => e,
        Ok(_) => panic!("expected errors"),
    };
    let got: Vec<(Option<usize>, Option<usize>, ErrorKind)> =
        e.iter().map(|e| (e.row(), e.column(), e.kind())).collect();
    assert_eq!(
        got,
        [
            (Some(2), Some(2), ErrorKind::InvalidValue),
            (Some(3), Some(3), ErrorKind::UnknownId),
            (Some(4), Some(6), ErrorKind::InvalidValue),
            (Some(5), Some(4), ErrorKind::MissingField),
            (Some(5), Some(1), ErrorKind::DuplicateId),
        ],
        "{e:#?}"
    );
    assert!(
        e[0].to_string().starts_with("views.tsv:2:2: kind: "),
        "{}",
        e[0]
    );
    // What validation finds (a time line without its first period) is at the view's row.
    let imp =
        with_views("id\tkind\tseries\tlabel\ttitle\tto\nc\tline\tkr-jp-annual\tC\tC view\t2021\n")
            .unwrap();
    let e = imp.check().unwrap_err();
    assert_eq!(e.row(), Some(2), "{e}");
    assert!(e.to_string().starts_with("views.tsv:2:"), "{e}");
}

#[test]
fn the_builders_views_table_takes_a_blank_title_as_the_charts() {
    let title = RawText::Plain("The chart's title".into());
    let views = "id\tkind\tseries\tlabel\ttitle\nflows\tbars\tkr-jp-annual\tEach way\t\nown\tbars\tjp-kr-annual\tOwn\tIts own\n";
    let imp = tables()
        .with_views_titled(
            Input {
                name: "views",
                text: views,
            },
            Some(&title),
        )
        .unwrap();
    assert_eq!(imp.dataset.views[0].title, title);
    assert_eq!(imp.dataset.views[1].title, RawText::Plain("Its own".into()));
    imp.check().unwrap();
    // on the command line (no title given) a blank title stays an error, at its cell
    let e = match with_views(views) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert_eq!(
        e.iter().map(|e| (e.row(), e.column())).collect::<Vec<_>>(),
        [(Some(2), Some(5))]
    );
    // the title column is still required
    let e = match tables().with_views_titled(
        Input {
            name: "views",
            text: "id\tkind\tseries\tlabel\nflows\tbars\tkr-jp-annual\tEach way\n",
        },
        Some(&title),
    ) {
        Err(e) => e,
        Ok(_) => panic!("expected an error"),
    };
    assert!(e[0].to_string().contains("title"), "{}", e[0]);
}

#[test]
fn the_command_line_takes_a_views_table() {
    let obs = format!("{FIX}/observations.tsv");
    let views = format!("{FIX}/views.tsv");
    let text = tmp("views-text.tsv");
    std::fs::write(
        &text,
        "key,en,zh\nview.months.title,Korea's exports by month (made up),韩国月度出口（虚构）\n",
    )
    .unwrap();
    let (code, out, err) = run(&[
        "check",
        &obs,
        "--views",
        &views,
        "--partner",
        "KR=South Korea",
        "--partner",
        "JP=Japan",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 views"), "{out}");
    let svg = tmp("months-zh.svg");
    let (code, _, err) = run(&[
        "render",
        &obs,
        "--views",
        &views,
        "--text",
        text.to_str().unwrap(),
        "--partner",
        "KR=South Korea",
        "--partner",
        "JP=Japan",
        "--view",
        "months",
        "--lang",
        "zh",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&svg)
        .unwrap()
        .contains("韩国月度出口（虚构）"));
    let bad = tmp("bad-views.tsv");
    std::fs::write(
        &bad,
        "id\tkind\tseries\tlabel\ttitle\nx\tbars\tnope\tX\tX view\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", &obs, "--views", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "{}:2:3: series: unknown series \"nope\"",
            bad.display()
        )),
        "{err}"
    );
}

/// Made-up tables with observation ids, for claims checked against them.
fn with_ids() -> Import {
    import::import(
        Input {
            name: "observations.tsv",
            text: "direction\tperiod\tvalue\tunit\tsources\tid\n\
                   KR>JP\t2019\t100\tUSD million\ts1\tkj-2019\n\
                   KR>JP\t2020\t80\tUSD million\ts1\tkj-2020\n\
                   JP>KR\t2020\t50\tUSD million\ts1\t\n",
        },
        Input {
            name: "sources.tsv",
            text: "id\tpublisher\ttitle\turl\n\
                   s1\tMade-up Office\tInvented figures\thttps://example.invalid/s1\n\
                   story\tMade-up News\tInvented story\thttps://example.invalid/story\n",
        },
        &opts(),
    )
    .unwrap()
}

fn with_claims(claims: &str) -> Result<Import, Vec<Error>> {
    with_ids().with_claims(Input {
        name: "claims.tsv",
        text: claims,
    })
}

const CLAIMS: &str = "ID\tText\tKind\tFigure\tUnit\tStatus\tCheck\tSource\tPeriod\tNote\n\
    c-drop\tKorea's exports fell 20%\tpercent\t-20%\t\tagrees\tkj-2019; kj-2020\tstory\t2020\t\n\
    c-2020\tKorea sold $80 million\tmoney\t80,000\tUSD thousand\tagrees\tkj-2020\tstory\t2020\t\n\
    c-more\tKorea sold $95 million\tmoney\t95\t\tunsupported\tkj-2020\tstory\t\tThe customs figure is 80\n";

#[test]
fn a_claims_table_is_checked_against_the_data() {
    let imp = with_claims(CLAIMS)
        .unwrap()
        .with_text(Input {
            name: "text.tsv",
            text: "key\ten\tko\tzh\nclaim.c-drop.text\tKorea's exports fell 20%\t한국의 수출이 20% 감소\t韩国出口下降20%\n",
        })
        .unwrap();
    let c = &imp.dataset.claims;
    assert_eq!(c.len(), 3);
    assert_eq!(
        (c[0].figure.kind.as_str(), c[0].figure.value),
        ("percent", -20.0)
    );
    assert_eq!(
        c[0].check.as_ref().unwrap().change.as_deref(),
        Some(&["kj-2019".to_string(), "kj-2020".to_string()][..])
    );
    // 80,000 USD thousand is 80 in the dataset's unit (USD million).
    assert_eq!(c[1].figure.value, 80.0);
    assert_eq!(
        c[1].check.as_ref().unwrap().equals.as_deref(),
        Some("kj-2020")
    );
    assert_eq!(
        serde_json::to_value(&c[0].text).unwrap()["ko"],
        "한국의 수출이 20% 감소"
    );
    let d = imp.check().unwrap();
    assert_eq!(d.claims.len(), 3);

    // A status the data contradict: the check's error is at the claim's row.
    let bad = CLAIMS.replace("95\t\tunsupported", "95\t\tagrees");
    let e = with_claims(&bad).unwrap().check().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ClaimCheck, "{e}");
    assert_eq!(e.row(), Some(4), "{e}");
    assert!(e.to_string().starts_with("claims.tsv:4:"), "{e}");

    // Errors in the table, at their cells.
    let e = match with_claims(
        "id\ttext\tkind\tfigure\tstatus\tsource\tviews\n\
         a\tA\tpie\t1\tagrees\tstory\t\n\
         b\tB\tmoney\tlots\tagrees\tstory\t\n\
         c\tC\tmoney\t1\tmaybe\tstory\tnowhere\n",
    ) {
        Err(e) => e,
        Ok(_) => panic!("expected errors"),
    };
    let got: Vec<(Option<usize>, Option<usize>)> =
        e.iter().map(|e| (e.row(), e.column())).collect();
    assert_eq!(
        got,
        [
            (Some(2), Some(3)),
            (Some(3), Some(4)),
            (Some(4), Some(5)),
            (Some(4), Some(7))
        ],
        "{e:#?}"
    );
}

#[test]
fn an_id_with_capitals_is_named_exactly_and_the_keys_fixed_parts_in_any_case() {
    // A view, a claim and an annotation whose ids have capitals (made up).
    let imp = with_ids()
        .with_views(Input {
            name: "views.tsv",
            text: "id\tkind\tseries\tlabel\ttitle\n\
                   Flows\tbars\tkr-jp-annual; jp-kr-annual\tEach way\tEach way (made up)\n\
                   Years\ttime-bars\tkr-jp-annual\tBy year\tBy year (made up)\n",
        })
        .unwrap()
        .with_claims(Input {
            name: "claims.tsv",
            text: "id\ttext\tkind\tfigure\tstatus\tcheck\tsource\n\
                   C-2020\tKorea sold $80 million\tmoney\t80\tagrees\tkj-2020\tstory\n",
        })
        .unwrap()
        .with_annotations(Input {
            name: "annotations.tsv",
            text: "id\tperiod\tlabel\ttext\tsources\n\
                   COVID\t2020\tPandemic\tMade up for the test.\tstory\n",
        })
        .unwrap();
    let text = "key\ten\tko\n\
                View.Years.LABEL\tBy year\t연도별\n\
                CLAIM.C-2020.Text\tKorea sold $80 million\t한국 8천만 달러\n\
                annotation.COVID.label\tPandemic\t팬데믹\n\
                Annotation.COVID.Text\tMade up for the test.\t시험용 가상\n";
    let imp = imp
        .with_text(Input {
            name: "text.tsv",
            text,
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
    let ko = |t: &RawText| serde_json::to_value(t).unwrap()["ko"].clone();
    let d = &imp.dataset;
    assert_eq!(ko(&d.views[1].label), "연도별");
    assert_eq!(ko(&d.claims[0].text), "한국 8천만 달러");
    assert_eq!(ko(&d.annotations[0].label), "팬데믹");
    assert_eq!(ko(&d.annotations[0].text), "시험용 가상");
    // The id in another case is not the dataset's: an error naming the ids there are.
    for (key, says) in [
        (
            "view.years.label",
            "unknown view \"years\" in \"view.years.label\": the dataset's are Flows, Years",
        ),
        (
            "claim.c-2020.text",
            "unknown claim \"c-2020\" in \"claim.c-2020.text\": the dataset's are C-2020",
        ),
        (
            "annotation.covid.label",
            "unknown annotation \"covid\" in \"annotation.covid.label\": the dataset's are COVID",
        ),
    ] {
        let e = match imp.clone().with_text(Input {
            name: "text.tsv",
            text: &format!("key\ten\n{key}\tX\n"),
        }) {
            Ok(_) => panic!("{key}: expected an error"),
            Err(e) => e,
        };
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].kind(), ErrorKind::UnknownId);
        assert_eq!(e[0].to_string(), format!("text.tsv:2:1: key: {says}"));
    }
}
