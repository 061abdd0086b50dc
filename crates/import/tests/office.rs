//! Long tables with words (src/office.rs, read by src/wide.rs): statistics offices' and
//! customs' query exports, one row per period × partner × product (× flow), the figures
//! in one money column whose header names the currency. Every table here is made up
//! (tests/fixtures/office/README.md): not real trade figures.

use trade_chart::data::RawText;
use trade_chart::{Error, ErrorKind, Location, RawDataset};
use trade_chart_import::wide::{flow_option, source_option, Meaning};
use trade_chart_import::{self as import, Import, Input, SheetOptions};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/office");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()
}

const SOURCE: &str = "Made-up Customs | Invented query export | https://example.invalid/q | 2024";

fn opts(partners: &[(&str, &str)]) -> SheetOptions {
    SheetOptions {
        partners: partners
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect(),
        source: Some(source_option(SOURCE).unwrap()),
        ..SheetOptions::default()
    }
}

fn run(name: &str, o: &SheetOptions) -> Result<Import, Vec<Error>> {
    let text = fixture(name);
    import::import(
        Input { name, text: &text },
        Input {
            name: "sources",
            text: "",
        },
        o,
    )
}

fn ok(name: &str, o: &SheetOptions) -> Import {
    let i = run(name, o).unwrap_or_else(|e| panic!("{}", lines(&e)));
    i.check().unwrap_or_else(|e| panic!("{e}"));
    i
}

fn errs(name: &str, o: &SheetOptions) -> Vec<Error> {
    match run(name, o) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e,
    }
}

fn lines(errors: &[Error]) -> String {
    errors
        .iter()
        .map(Error::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A series: its direction and (period, figure, note).
type Series = (String, Vec<(String, f64, Option<String>)>);

/// Each series as its direction and (period, figure, note).
fn figures(ds: &RawDataset) -> Vec<Series> {
    ds.series
        .iter()
        .map(|s| {
            (
                s.direction.clone(),
                s.observations
                    .iter()
                    .map(|o| {
                        let note = o.note.as_ref().map(|n| match n {
                            RawText::Plain(t) => t.clone(),
                            other => format!("{other:?}"),
                        });
                        (o.period.clone(), o.value.unwrap(), note)
                    })
                    .collect(),
            )
        })
        .collect()
}

/// A text in English, Korean and Chinese.
fn titles(t: &RawText) -> [&str; 3] {
    let RawText::Localized(m) = t else {
        panic!("in one language: {t:?}")
    };
    ["en", "ko", "zh"].map(|l| m.get(l).map_or("", String::as_str))
}

fn plain(t: &RawText) -> &str {
    match t {
        RawText::Plain(s) => s,
        _ => panic!("not plain"),
    }
}

fn customs(second: (&str, &str)) -> SheetOptions {
    let mut o = opts(&[("CN", "China"), second]);
    o.commodity = Some("26011100".into());
    o.flows = vec![flow_option(&format!("美元={}>CN", second.0)).unwrap()];
    o
}

#[test]
fn customs_export_one_partner_by_name_one_product_the_flow_said() {
    let i = ok("cn-customs-long.csv", &customs(("AU", "澳大利亚")));
    let ds = &i.dataset;
    assert_eq!(
        figures(ds),
        vec![(
            "AU>CN".to_string(),
            vec![
                ("2023-01".to_string(), 1_111_111.0, None),
                ("2023-02".to_string(), 1_234_567.0, None),
                ("2023-03".to_string(), 1_300_000.0, None),
            ]
        )]
    );
    // The currency from the value column's header (美元: US dollars, in units).
    assert_eq!((ds.unit.currency.as_str(), ds.unit.scale), ("USD", 1.0));
    assert_eq!(
        plain(&ds.title),
        "Trade between China and 澳大利亚: 未烧结铁矿砂 (26011100)"
    );
    // Its one view is of one product, one way: its title says both, in each language.
    assert_eq!(
        titles(&ds.views[0].title),
        [
            "Exports from 澳大利亚 to China: 未烧结铁矿砂 (26011100), by month",
            "澳大利亚→China 수출: 未烧结铁矿砂 (26011100), 월별",
            "澳大利亚对China出口：未烧结铁矿砂 (26011100)，按月",
        ]
    );
    assert_eq!(plain(&ds.bases[0].label), "As reported by Made-up Customs");
    assert_eq!(ds.sources[0].id, "made-up-customs");
    let s = &ds.series[0];
    assert!(s
        .observations
        .iter()
        .all(|o| o.sources == ["made-up-customs"]));
    // The quantity columns are not money: a warning each; the key columns none.
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(w.len(), 4, "{w:?}");
    assert_eq!(
        w[0],
        "cn-customs-long.csv:1:6: \"第一数量\": column not used: not money: header says 数量"
    );
    let u = i.understood.as_ref().unwrap();
    let m: Vec<(usize, Meaning, &str)> = (u.columns.iter())
        .map(|c| (c.position, c.meaning, c.why.as_str()))
        .collect();
    assert_eq!(
        m[1],
        (2, Meaning::Unused, "partner: rows picked by --partner")
    );
    assert_eq!(
        m[3],
        (4, Meaning::Unused, "product: rows picked by --commodity")
    );
    assert_eq!(m[9], (10, Meaning::Flow, "--flow"));
}

#[test]
fn customs_partner_by_its_code() {
    let i = ok("cn-customs-long.csv", &customs(("601", "Australia")));
    let f = figures(&i.dataset);
    assert_eq!(f[0].0, "601>CN");
    assert_eq!(f[0].1[0].1, 1_111_111.0);
    // Korea's rows by its name: its own figures.
    let i = ok("cn-customs-long.csv", &customs(("KR", "韩国")));
    let f = figures(&i.dataset);
    assert_eq!(
        f[0].1.iter().map(|x| x.1).collect::<Vec<_>>(),
        vec![222_222.0, 234_567.0]
    );
}

#[test]
fn customs_several_partners_without_the_answer_listed_largest_first() {
    let e = errs("cn-customs-long.csv", &opts(&[("CN", "China")]));
    // The partner, and in the same run the product (of every row) and the flow the
    // table also lacks.
    assert_eq!(e.len(), 3, "{}", lines(&e));
    assert!(
        e[1].to_string()
            .starts_with("cn-customs-long.csv:1:4: 商品编码: the table holds 2 products"),
        "{}",
        lines(&e)
    );
    assert_eq!(e[0].kind(), ErrorKind::ManyPairs);
    assert!(matches!(
        e[0].location(),
        Location::Cell {
            row: 1,
            column: 2,
            ..
        }
    ));
    assert_eq!(
        e[0].to_string(),
        "cn-customs-long.csv:1:2: partner: the table holds 2 partners: give the reporting country, then one of them by its code or its name as the file writes it (--partner CN=China, then --partner CODE=澳大利亚 or --partner 601=Name), largest first:\n  601 澳大利亚 (4 rows)\n  133 韩国 (2 rows)"
    );
    // A second partner the table does not hold: listed too.
    let e = errs("cn-customs-long.csv", &customs(("BR", "Brazil")));
    assert_eq!(e[0].kind(), ErrorKind::ManyPairs);
    assert!(e[0].to_string().contains("(BR=Brazil) is none of them"));
}

#[test]
fn customs_several_products_without_commodity_and_no_flow() {
    let mut o = customs(("AU", "澳大利亚"));
    o.commodity = None;
    let e = errs("cn-customs-long.csv", &o);
    assert_eq!(
        lines(&e),
        "cn-customs-long.csv:1:4: 商品编码: the table holds 2 products, and a chart is one product's figures (rows are never summed): give one with --commodity CODE, largest first:\n  --commodity 26011100  未烧结铁矿砂 (3 rows)\n  --commodity 26011200  已烧结铁矿砂 (1 row)"
    );
    o.commodity = Some("2601".into());
    let e = errs("cn-customs-long.csv", &o);
    assert_eq!(e[0].kind(), ErrorKind::UnknownId);
    assert!(e[0]
        .to_string()
        .starts_with("--commodity: \"2601\": no product"));
    // The file does not say imports or exports: one error asking for it.
    let mut o = customs(("AU", "澳大利亚"));
    o.flows.clear();
    let e = errs("cn-customs-long.csv", &o);
    assert_eq!(
        lines(&e),
        "--flow: the table does not say whether \"美元\" holds imports or exports (no column of flows like IMPORTS/EXPORTS, 수입/수출, 进口/出口): say it with --flow \"美元=AU>CN\" (CN's imports from AU) or --flow \"美元=CN>AU\" (its exports)"
    );
}

#[test]
fn english_flow_words_one_section_against_the_world() {
    let mut o = opts(&[("GR", "Greece"), ("WLD", "World")]);
    o.commodity = Some("0".into());
    let i = ok("en-flows.csv", &o);
    let note = "The table writes this period \"2022(1)\": its marker (1) is a footnote of the source (provisional or revised figures).";
    let p = |v: [(&str, f64, bool); 2]| {
        v.map(|(a, b, n)| (a.to_string(), b, n.then(|| note.to_string())))
            .to_vec()
    };
    assert_eq!(
        figures(&i.dataset),
        vec![
            (
                "WLD>GR".to_string(),
                p([("2021", 1_000_001.0, false), ("2022", 1_100_005.0, true)])
            ),
            (
                "GR>WLD".to_string(),
                p([("2021", 900_003.0, false), ("2022", 950_007.0, true)])
            ),
        ]
    );
    let ds = &i.dataset;
    assert_eq!((ds.unit.currency.as_str(), ds.unit.scale), ("EUR", 1.0));
    assert_eq!(
        plain(&ds.title),
        "Trade between Greece and World: Food and live animals (0)"
    );
    // Both ways, one product: the view's title names the product.
    assert_eq!(
        titles(&ds.views[0].title)[0],
        "Trade between Greece and World: Food and live animals (0), by year"
    );
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(
        w,
        vec![
            "--partner: WLD (World) is the world as a whole, not a country: the chart is GR's trade with all its partners together, as the table gives it (its title and series name World)".to_string(),
            "en-flows.csv:9:1: period: \"2022(1)\": read as 2022; its marker (1) (a footnote: provisional or revised figures?) is kept as the note of each figure of this period".to_string(),
        ]
    );
    // Both sections without --commodity: never summed, one error listing them.
    let o = opts(&[("GR", "Greece"), ("WLD", "World")]);
    let e = errs("en-flows.csv", &o);
    assert_eq!(e.len(), 1);
    assert!(e[0]
        .to_string()
        .contains("\n  --commodity 0  Food and live animals (4 rows)\n  --commodity 1  Beverages and tobacco (4 rows)"));
}

#[test]
fn korean_flow_words_one_product_thousand_dollars() {
    let i = ok("ko-flows.csv", &opts(&[("KR", "한국"), ("JP", "일본")]));
    let f = figures(&i.dataset);
    let note = "The table writes this period \"2023(p)\": its marker (p) is a footnote of the source (provisional or revised figures).";
    assert_eq!(f[0].0, "KR>JP");
    assert_eq!(
        f[0].1,
        vec![
            ("2022".to_string(), 1_000_500.0, None),
            ("2023".to_string(), 1_100_700.0, Some(note.to_string()))
        ]
    );
    assert_eq!(f[1].0, "JP>KR");
    assert_eq!(f[1].1[1].1, 500_125.0);
    assert_eq!(
        (i.dataset.unit.currency.as_str(), i.dataset.unit.scale),
        ("USD", 1000.0)
    );
}

#[test]
fn chinese_flow_words_the_tables_total_row() {
    let i = ok("zh-flows.csv", &opts(&[("CN", "中国"), ("VN", "越南")]));
    let ds = &i.dataset;
    assert_eq!(
        plain(&ds.title),
        "Trade between 中国 and 越南: 总值 (TOTAL)"
    );
    assert_eq!(
        (ds.unit.currency.as_str(), ds.unit.scale),
        ("USD", 10_000.0)
    );
    let f = figures(ds);
    assert_eq!(
        (f[0].0.as_str(), f[0].1[0].1, f[0].1[1].1),
        ("CN>VN", 5_000.5, 5_500.5)
    );
    assert_eq!(
        (f[1].0.as_str(), f[1].1[0].1, f[1].1[1].1),
        ("VN>CN", 3_000.25, 3_300.75)
    );
    // One chapter by --commodity.
    let mut o = opts(&[("CN", "中国"), ("VN", "越南")]);
    o.commodity = Some("85".into());
    let f = figures(&ok("zh-flows.csv", &o).dataset);
    assert_eq!((f[0].1[0].1, f[1].1[1].1), (2_000.5, 1_100.25));
}

#[test]
fn a_flow_cell_that_is_no_flow_is_an_error_at_it() {
    let text = fixture("ko-flows.csv").replace("2022,수입", "2022,수지");
    let e = import::import(
        Input {
            name: "ko.csv",
            text: &text,
        },
        Input {
            name: "sources",
            text: "",
        },
        &opts(&[("KR", "한국"), ("JP", "일본")]),
    )
    .unwrap_err();
    // 수지 is no flow word: the column is no longer one of flows, so the table does
    // not say the direction.
    assert_eq!(e[0].kind(), ErrorKind::MissingField, "{}", lines(&e));
}

#[test]
fn flows_as_words_without_the_partners_one_error_naming_world() {
    let e = errs("en-flows.csv", &opts(&[("GR", "Greece")]));
    assert_eq!(
        lines(&e),
        "--partner: the table names no partner: give both as --partner CODE=Name, the reporting country first (its exports are first>second); for a table of one country against all its partners together, --partner WLD=World\nen-flows.csv:1:3: SITC_1: the table holds 2 products, and a chart is one product's figures (rows are never summed): give one with --commodity CODE, largest first:\n  --commodity 0  Food and live animals (4 rows)\n  --commodity 1  Beverages and tobacco (4 rows)"
    );
}

#[test]
fn a_long_table_asks_for_every_missing_answer_in_one_run() {
    // Nothing given: the partner (its list), the source, the product (its list) and the
    // flow, each once, in one run, as a wide table asks (not one a run).
    let e = errs("cn-customs-long.csv", &SheetOptions::default());
    let what: Vec<(&str, String)> = e
        .iter()
        .map(|e| {
            (
                e.path(),
                e.message().lines().next().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(e.len(), 4, "{}", lines(&e));
    assert!(
        what[0].1.starts_with("the table holds 2 partners"),
        "{what:#?}"
    );
    assert_eq!(
        what[1],
        (
            "--source",
            "the table has no sources column: give its source (--source \"Publisher | Title | URL | date\", the date optional)".to_string()
        )
    );
    assert!(
        what[2].1.starts_with("the table holds 2 products"),
        "{what:#?}"
    );
    assert_eq!(what[3].0, "--flow", "{what:#?}");
    assert!(
        what[3]
            .1
            .contains("say it with --flow \"美元=PARTNER>REPORTER\""),
        "{what:#?}"
    );
    // Its words are a long table's, never "a wide table".
    assert!(!lines(&e).contains("wide table"), "{}", lines(&e));
    // The partners given: the flow's example names them.
    let mut o = opts(&[("CN", "China"), ("AU", "澳大利亚")]);
    o.source = None;
    let e = errs("cn-customs-long.csv", &o);
    let paths: Vec<&str> = e.iter().map(Error::path).collect();
    assert_eq!(paths.len(), 3, "{}", lines(&e));
    assert_eq!(
        (paths[0], paths[2]),
        ("--source", "--flow"),
        "{}",
        lines(&e)
    );
    assert!(lines(&e).contains("--flow \"美元=AU>CN\""), "{}", lines(&e));
}
