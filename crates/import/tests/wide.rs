//! Wide tables (src/wide.rs): a period column and a column per flow, in English, Korean
//! and Chinese. Every table here is made up (tests/fixtures/wide/README.md): not real
//! trade figures.

use trade_chart::{Error, ErrorKind, Location, RawDataset};
use trade_chart_import::builder;
use trade_chart_import::wide::{flow_option, source_option, ColumnUse, Meaning};
use trade_chart_import::{self as import, Import, Input, SheetOptions};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/wide");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()
}

const SOURCE: &str =
    "Made-up Statistics Office | Invented monthly trade | https://example.invalid/trade | 2024-05";

fn opts(a: (&str, &str), b: (&str, &str), unit: &str) -> SheetOptions {
    SheetOptions {
        partners: vec![(a.0.into(), a.1.into()), (b.0.into(), b.1.into())],
        unit: Some(unit.into()),
        source: Some(source_option(SOURCE).unwrap()),
        ..SheetOptions::default()
    }
}

fn us_cn() -> SheetOptions {
    opts(("US", "United States"), ("CN", "China"), "USD million")
}

fn run(name: &str, text: &str, o: &SheetOptions) -> Result<Import, Vec<Error>> {
    import::import(
        Input { name, text },
        Input {
            name: "sources",
            text: "",
        },
        o,
    )
}

fn ok(name: &str, text: &str, o: &SheetOptions) -> Import {
    let i = run(name, text, o).unwrap_or_else(|e| panic!("{}", lines(&e)));
    i.check().unwrap_or_else(|e| panic!("{e}"));
    i
}

fn errs(name: &str, text: &str, o: &SheetOptions) -> Vec<Error> {
    match run(name, text, o) {
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

/// (row, column, field) of an error in a cell.
fn cell(e: &Error) -> (usize, usize, String) {
    match e.location() {
        Location::Cell {
            row, column, field, ..
        } => (*row, *column, field.clone().unwrap_or_default()),
        other => panic!("not in a cell: {other:?} ({e})"),
    }
}

/// A series: (id, direction, basis, [(period, value)]).
type Figures = (String, String, String, Vec<(String, f64)>);

/// Each series' figures.
fn figures(ds: &RawDataset) -> Vec<Figures> {
    ds.series
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                s.direction.clone(),
                s.basis.clone(),
                s.observations
                    .iter()
                    .map(|o| (o.period.clone(), o.value.unwrap()))
                    .collect(),
            )
        })
        .collect()
}

fn pairs(v: &[(&str, f64)]) -> Vec<(String, f64)> {
    v.iter().map(|(p, x)| (p.to_string(), *x)).collect()
}

fn columns(i: &Import) -> Vec<(String, usize, Meaning, Option<String>, String)> {
    let u = i.understood.as_ref().expect("understood");
    u.columns
        .iter()
        .map(|c: &ColumnUse| {
            (
                c.header.clone(),
                c.position,
                c.meaning,
                c.direction.clone(),
                c.why.clone(),
            )
        })
        .collect()
}

#[test]
fn an_english_monthly_table() {
    let i = ok("en.csv", &fixture("en-monthly.csv"), &us_cn());
    let ds = &i.dataset;
    assert_eq!(
        figures(ds),
        vec![
            (
                "us-cn-monthly".into(),
                "US>CN".into(),
                "reported".into(),
                pairs(&[
                    ("2024-01", 1210.5),
                    ("2024-02", 1198.0),
                    ("2024-04", 1305.2)
                ])
            ),
            (
                "cn-us-monthly".into(),
                "CN>US".into(),
                "reported".into(),
                pairs(&[
                    ("2024-01", 3402.25),
                    ("2024-02", 3100.0),
                    ("2024-03", 2950.5),
                    ("2024-04", 2870.1)
                ])
            ),
        ]
    );
    // The unit, the partners, the one source every figure carries, the one basis.
    assert_eq!((ds.unit.currency.as_str(), ds.unit.scale), ("USD", 1e6));
    let partners: Vec<(&str, String)> = ds
        .partners
        .iter()
        .map(|p| (p.code.as_str(), format!("{:?}", p.name)))
        .collect();
    assert_eq!(partners[0].0, "US");
    assert!(partners[0].1.contains("United States"));
    assert_eq!(ds.sources.len(), 1);
    let s = &ds.sources[0];
    assert_eq!(
        (
            s.id.as_str(),
            s.publisher.as_str(),
            s.title.as_str(),
            s.url.as_str(),
            s.date.as_deref()
        ),
        (
            "made-up-statistics-office",
            "Made-up Statistics Office",
            "Invented monthly trade",
            "https://example.invalid/trade",
            Some("2024-05")
        )
    );
    for o in ds.series.iter().flat_map(|s| &s.observations) {
        assert_eq!(o.sources, ["made-up-statistics-office"]);
    }
    assert_eq!(ds.bases.len(), 1);
    assert!(format!("{:?}", ds.bases[0].label).contains("As reported by Made-up Statistics Office"));
    // The gap is a gap, never a zero; the balance agrees, so no warning.
    assert_eq!(i.gaps, 1);
    assert_eq!(lines(&i.warnings), "");
    assert_eq!(
        columns(&i),
        vec![
            (
                "Month".into(),
                1,
                Meaning::Period,
                None,
                "header says month".into()
            ),
            (
                "Exports".into(),
                2,
                Meaning::Flow,
                Some("US>CN".into()),
                "header says exports".into()
            ),
            (
                "Imports".into(),
                3,
                Meaning::Flow,
                Some("CN>US".into()),
                "header says imports".into()
            ),
            (
                "Balance".into(),
                4,
                Meaning::Balance,
                None,
                "header says balance".into()
            ),
        ]
    );
    let u = i.understood.as_ref().unwrap();
    assert_eq!(
        (u.reporter.as_str(), u.partner.as_str(), u.unit.as_str()),
        ("US", "CN", "USD million")
    );
}

#[test]
fn a_korean_kstat_table_newest_first_with_repeated_headers() {
    let o = opts(("KR", "South Korea"), ("IT", "Italy"), "USD thousand");
    let i = ok("ko.csv", &fixture("ko-annual.csv"), &o);
    assert_eq!(
        figures(&i.dataset),
        vec![
            (
                "kr-it-annual".into(),
                "KR>IT".into(),
                "reported".into(),
                pairs(&[
                    ("2021", 1_212_900.0),
                    ("2022", 1_199_600.0),
                    ("2023", 1_250_000.0)
                ])
            ),
            (
                "it-kr-annual".into(),
                "IT>KR".into(),
                "reported".into(),
                pairs(&[
                    ("2021", 973_500.0),
                    ("2022", 1_005_630.0),
                    ("2023", 980_500.0)
                ])
            ),
        ]
    );
    assert_eq!(i.dataset.unit.scale, 1e3);
    // Growth rates and weights are not money: each a warning at its header.
    let w: Vec<(usize, usize, String)> = i.warnings.iter().map(cell).collect();
    assert_eq!(
        w.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
        [(1, 3), (1, 4), (1, 5), (1, 7), (1, 8), (1, 9)]
    );
    assert_eq!(
        i.warnings[1].to_string(),
        "ko.csv:1:4: \"수출중량\": column not used: not money: header says 중량"
    );
    assert_eq!(
        i.warnings[0].to_string(),
        "ko.csv:1:3: \"수출증감률\": column not used: not money: header says 증감률"
    );
    let c = columns(&i);
    assert_eq!(c[0].4, "header says 년");
    assert_eq!(
        (c[1].2, c[1].4.as_str()),
        (Meaning::Flow, "header says 수출")
    );
    assert_eq!((c[5].2, c[5].3.as_deref()), (Meaning::Flow, Some("IT>KR")));
    assert_eq!(
        (c[9].2, c[9].4.as_str()),
        (Meaning::Balance, "header says 수지")
    );
}

#[test]
fn a_chinese_table_whose_total_is_checked_not_drawn() {
    let o = opts(("CN", "China"), ("KR", "South Korea"), "USD million");
    let i = ok("zh.tsv", &fixture("zh-monthly.tsv"), &o);
    assert_eq!(
        figures(&i.dataset),
        vec![
            (
                "cn-kr-monthly".into(),
                "CN>KR".into(),
                "reported".into(),
                pairs(&[
                    ("2024-01", 3012.1),
                    ("2024-02", 2750.6),
                    ("2024-03", 2903.3)
                ])
            ),
            (
                "kr-cn-monthly".into(),
                "KR>CN".into(),
                "reported".into(),
                pairs(&[
                    ("2024-01", 2218.3),
                    ("2024-02", 2050.4),
                    ("2024-03", 2199.4)
                ])
            ),
        ]
    );
    let c = columns(&i);
    assert_eq!(c[0].4, "header says 时间");
    assert_eq!(c[1].2, Meaning::Total);
    assert_eq!(c[1].4, "header says 进出口; checked against both flows");
    assert_eq!(c[4].2, Meaning::Balance);
    assert_eq!(c[5].2, Meaning::Unused);
    assert_eq!(
        lines(&i.warnings),
        "zh.tsv:1:6: \"出口同比(%)\": column not used: not money: header says %"
    );
    // Alone (no flows to check it against), a two-way column is drawn.
    let two_way = "时间\t进出口\n2024年1月\t5230.4\n2024年2月\t4801.0\n";
    let i = ok("zh.tsv", two_way, &o);
    assert_eq!(
        figures(&i.dataset),
        vec![(
            "two-way-monthly".into(),
            "two-way".into(),
            "reported".into(),
            pairs(&[("2024-01", 5230.4), ("2024-02", 4801.0)])
        )]
    );
}

#[test]
fn a_balance_or_total_that_disagrees_is_a_warning_at_its_cell() {
    // Row 3's balance off by 10, row 4's total; row 5's within the rounding (±1.5 for
    // integers).
    let t = "Year,Exports,Imports,Balance,Total trade\n\
             2020,100,40,60,140\n\
             2021,120,50,80,170\n\
             2022,130,50,80,190\n\
             2023,150,50,101,201\n";
    let o = us_cn();
    let i = ok("t.csv", t, &o);
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(
        w,
        [
            "t.csv:3:4: balance: expected Exports − Imports = 120 − 50 = 70 (± 1.5, the rounding of the figures as written), found \"80\"",
            "t.csv:4:5: total: expected Exports + Imports = 130 + 50 = 180 (± 1.5, the rounding of the figures as written), found \"190\"",
        ]
    );
    // Neither is drawn.
    assert_eq!(i.dataset.series.len(), 2);
    // Decimals: half a unit of each figure's last place.
    let t = "Month;Exports;Imports;Balance\nJan 2020;1,187.5;8,427.5;-7,240.2\nFeb 2020;1,187.5;8,427.5;-7,240.1\n";
    let i = ok("d.csv", t, &o);
    assert_eq!(
        lines(&i.warnings),
        "d.csv:2:4: balance: expected Exports − Imports = 1187.5 − 8427.5 = -7240.0 (± 0.15, the rounding of the figures as written), found \"-7,240.2\""
    );
    assert_eq!(i.warnings[0].kind(), ErrorKind::InvalidValue);
    // Past 50 rows that disagree, one warning counts the rest.
    let mut t = String::from("Year,Exports,Imports,Balance\n");
    for y in 1900..2000 {
        t.push_str(&format!("{y},10,4,0\n"));
    }
    let i = ok("many.csv", &t, &o);
    assert_eq!(i.warnings.len(), 51);
    assert_eq!(
        i.warnings[50].to_string(),
        "50 more balance or total cells disagree with the flows (stopped after 50)"
    );
}

#[test]
fn a_minus_sign_is_an_error_in_a_flow_and_expected_in_a_balance() {
    let t = "Month,Exports,Imports,Balance\n2020-01,-5,10,-15\n2020-02,5,10,-5\n";
    let e = errs("m.csv", t, &us_cn());
    assert_eq!(e.len(), 1, "{}", lines(&e));
    assert_eq!(cell(&e[0]), (2, 2, "Exports".into()));
    assert!(
        e[0].to_string()
            .contains("a flow is never below zero (only a balance is"),
        "{}",
        e[0]
    );
}

#[test]
fn flows_set_by_the_editor() {
    let t = "Period,A,B,C\n2020,10,4,1\n2021,12,5,2\n";
    // No header says a flow: none used, each a warning, and the error says how.
    let e = errs(
        "f.csv",
        t,
        &SheetOptions {
            flows: vec![flow_option("C=skip").unwrap()],
            ..us_cn()
        },
    );
    assert_eq!(e.len(), 1);
    assert_eq!(cell(&e[0]), (1, 5, String::new()));
    assert!(
        e[0].message().starts_with("no column of figures"),
        "{}",
        e[0]
    );
    let o = SheetOptions {
        flows: ["A=us>cn", "b=CN>US", "#4=skip"]
            .iter()
            .map(|f| flow_option(f).unwrap())
            .collect(),
        ..us_cn()
    };
    let i = ok("f.csv", t, &o);
    assert_eq!(
        figures(&i.dataset),
        vec![
            (
                "us-cn-annual".into(),
                "US>CN".into(),
                "reported".into(),
                pairs(&[("2020", 10.0), ("2021", 12.0)])
            ),
            (
                "cn-us-annual".into(),
                "CN>US".into(),
                "reported".into(),
                pairs(&[("2020", 4.0), ("2021", 5.0)])
            ),
        ]
    );
    let c = columns(&i);
    assert_eq!((c[1].4.as_str(), c[3].2), ("--flow", Meaning::Unused));
    assert_eq!(lines(&i.warnings), "");
    // A repeated header by its position; by its name it is an error.
    let t = "년,수출금액,증감,수출금액\n2020년,10,1,10\n";
    let o = |f: &str| SheetOptions {
        flows: vec![flow_option(f).unwrap()],
        ..us_cn()
    };
    let i = ok("r.csv", t, &o("#4=skip"));
    assert_eq!(i.dataset.series.len(), 1);
    let e = errs("r.csv", t, &o("수출금액=skip"));
    assert_eq!(
        lines(&e),
        "--flow: \"수출금액\" heads columns 2, 4: name one by its position (#2 or #4)"
    );
    // Without --flow, the second is an error at its header.
    let e = errs("r.csv", t, &us_cn());
    assert_eq!(cell(&e[0]), (1, 4, String::new()));
    assert!(e[0]
        .message()
        .contains("a second column of US>CN figures (column 2 is one)"));
    // An unknown header names it and lists the headers.
    let e = errs("r.csv", t, &o("Exports=US>CN"));
    assert_eq!(
        lines(&e),
        "--flow: \"Exports\": no column has this header; the headers are #1 년, #2 수출금액, #3 증감, #4 수출금액"
    );
    assert_eq!(e[0].kind(), ErrorKind::UnknownField);
    // A code that is not a partner's.
    let e = errs("r.csv", t, &o("#2=KR>CN"));
    assert_eq!(
        lines(&e),
        "--flow: \"KR>CN\": KR is not a partner; expected US>CN or CN>US"
    );
    // A correct --flow with the source (or the unit) missing: only that is said, the
    // flow checked against the partners given.
    for missing in ["source", "unit"] {
        let mut o = o("#2=CN>US");
        match missing {
            "source" => o.source = None,
            _ => o.unit = None,
        }
        let e = errs("r.csv", t, &o);
        let paths: Vec<&str> = e.iter().map(Error::path).collect();
        assert_eq!(paths, [format!("--{missing}")], "{}", lines(&e));
        let mut o = o.clone();
        o.flows = vec![flow_option("#2=KR>CN").unwrap()];
        let e = errs("r.csv", t, &o);
        assert!(
            lines(&e).contains("KR is not a partner; expected US>CN or CN>US"),
            "{}",
            lines(&e)
        );
    }
}

#[test]
fn partners_unit_and_source_each_one_error_naming_its_option() {
    let t = fixture("en-monthly.csv");
    let none = SheetOptions::default();
    let e = errs("en.csv", &t, &none);
    let paths: Vec<&str> = e.iter().map(Error::path).collect();
    assert_eq!(paths, ["--partner", "--unit", "--source"]);
    assert!(e[0]
        .message()
        .contains("give both partners as --partner CODE=Name, the reporting country first"));
    assert!(e[2]
        .message()
        .contains("--source \"Publisher | Title | URL | date\""));
    // A unit the reader does not know.
    let e = errs(
        "en.csv",
        &t,
        &SheetOptions {
            unit: Some("bananas".into()),
            ..us_cn()
        },
    );
    assert_eq!(
        lines(&e),
        "--unit: expected a unit like USD, USD thousand, EUR million, KRW bn, 천달러, 억원, 万元 or 亿美元, found \"bananas\""
    );
    // One partner is not two.
    let e = errs(
        "en.csv",
        &t,
        &SheetOptions {
            partners: vec![("US".into(), "United States".into())],
            ..us_cn()
        },
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].path(), "--partner");
    // A sources table of one row is the one source too; of two, an error.
    let one =
        "id\tpublisher\ttitle\turl\ns1\tMade-up Office\tInvented\thttps://example.invalid/s1\n";
    let o = SheetOptions {
        source: None,
        ..us_cn()
    };
    let i = import::import(
        Input {
            name: "en.csv",
            text: &t,
        },
        Input {
            name: "sources.tsv",
            text: one,
        },
        &o,
    )
    .unwrap();
    assert_eq!(i.dataset.sources[0].id, "s1");
    let two = format!("{one}s2\tOther\tInvented\thttps://example.invalid/s2\n");
    let e = import::import(
        Input {
            name: "en.csv",
            text: &t,
        },
        Input {
            name: "sources.tsv",
            text: &two,
        },
        &o,
    )
    .unwrap_err();
    assert_eq!(e[0].path(), "--source");
    // Both a sources table and --source: which one is meant?
    let e = import::import(
        Input {
            name: "en.csv",
            text: &t,
        },
        Input {
            name: "sources.tsv",
            text: one,
        },
        &us_cn(),
    )
    .unwrap_err();
    assert_eq!(
        lines(&e),
        "--source: a sources table and --source: give one or the other"
    );
}

#[test]
fn rows_periods_and_numbers_errors_at_their_cells() {
    let t =
        "Month;Exports;Imports\nJan 2020;1,5;2,5\nJan 2020;1;2\nTotal;abc;3\nSource: made up;;\n";
    let e = errs("p.csv", t, &us_cn());
    let cells: Vec<(usize, usize, String)> = e.iter().map(cell).collect();
    assert_eq!(
        cells,
        [
            (4, 2, "Exports".into()),
            (3, 1, "period".into()),
            (4, 1, "period".into()),
        ],
        "{}",
        lines(&e)
    );
    assert_eq!(e[1].kind(), ErrorKind::Overlap);
}

#[test]
fn an_error_the_dataset_check_finds_points_at_the_value_cell() {
    // Over 10^17 in the currency: the check's error, at the cell it came from.
    let t = "Year,Exports,Imports\n2020,1,2\n2021,3,200000000\n";
    let o = SheetOptions {
        unit: Some("USD bn".into()),
        ..us_cn()
    };
    let i = run("big.csv", t, &o).unwrap();
    let e = i.check().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    assert_eq!(cell(&e), (3, 3, "value".into()));
}

#[test]
fn one_source_for_a_long_table() {
    let t = "direction\tperiod\tvalue\tunit\nKR>JP\t2020\t10\tUSD\nJP>KR\t2020\t4\tUSD\n";
    let o = SheetOptions {
        partners: vec![
            ("KR".into(), "South Korea".into()),
            ("JP".into(), "Japan".into()),
        ],
        source: Some(source_option(SOURCE).unwrap()),
        ..SheetOptions::default()
    };
    let i = ok("long.tsv", t, &o);
    assert!(i.understood.is_none());
    assert_eq!(i.dataset.sources.len(), 1);
    for s in &i.dataset.series {
        assert_eq!(s.observations[0].sources, ["made-up-statistics-office"]);
    }
    // With a sources column too: which one is meant?
    let t = "direction\tperiod\tvalue\tunit\tsources\nKR>JP\t2020\t10\tUSD\ts1\n";
    let e = errs("long.tsv", t, &o);
    assert_eq!(cell(&e[0]), (1, 5, "sources".into()));
}

#[test]
fn the_builder_takes_a_wide_table_and_says_what_it_understood() {
    let options = format!(
        r#"{{"partners": [{{"code": "US", "name": "United States"}}, {{"code": "cn", "name": "China"}}],
            "unit": "USD million", "source": "{SOURCE}", "flows": ["Balance=balance"],
            "observationsFile": "en.csv"}}"#
    );
    let r = builder::import_tables(&fixture("en-monthly.csv"), "", None, Some(&options)).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r
        .dataset
        .as_deref()
        .unwrap()
        .contains("\"direction\": \"US>CN\""));
    let u = r.understood.as_ref().unwrap();
    assert_eq!(u.columns[3].why, "--flow");
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["understood"]["columns"][1]["meaning"], "flow");
    assert_eq!(json["understood"]["columns"][1]["direction"], "US>CN");
    assert_eq!(json["understood"]["columns"][3]["meaning"], "balance");
    // And as facts of the "What I read" panel, after the reading's.
    type Fact<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, Option<&'a str>);
    let facts: Vec<Fact> = r
        .facts
        .iter()
        .map(|f| {
            (
                f.key,
                f.label,
                f.subject.as_deref(),
                f.value.as_str(),
                f.note,
            )
        })
        .collect();
    // The panel shows the subject after the label, so the value does not name the column again.
    assert_eq!(
        facts,
        [
            ("reporter", "Reporting country", None, "US", None),
            ("unit", "Unit", None, "USD million", None),
            (
                "column",
                "Column",
                Some("#1 Month"),
                "period (header says month)",
                None
            ),
            (
                "column",
                "Column",
                Some("#2 Exports"),
                "US>CN (header says exports)",
                None
            ),
            (
                "column",
                "Column",
                Some("#3 Imports"),
                "CN>US (header says imports)",
                None
            ),
            (
                "column",
                "Column",
                Some("#4 Balance"),
                "balance (your choice)",
                Some("checked against the flows, not drawn")
            ),
        ]
    );
    // Option errors name the builder's options.
    let r = builder::import_tables(
        &fixture("en-monthly.csv"),
        "",
        None,
        Some(r#"{"unit": "USD"}"#),
    )
    .unwrap();
    let fields: Vec<Option<&str>> = r.errors.iter().map(|e| e.field.as_deref()).collect();
    assert_eq!(fields, [Some("options.partners"), Some("options.source")]);
    // A bad source or flow is a bad option.
    let e = builder::import_tables("", "", None, Some(r#"{"source": "A | B"}"#)).unwrap_err();
    assert_eq!(e.path(), "options.source");
    let e = builder::import_tables("", "", None, Some(r#"{"flows": ["x"]}"#)).unwrap_err();
    assert_eq!(e.path(), "options.flows[0]");
    // A long table's outcome has no `understood`.
    let long = "direction\tperiod\tvalue\tunit\nKR>JP\t2020\t10\tUSD\nJP>KR\t2020\t4\tUSD\n";
    let r = builder::import_tables(
        long,
        "",
        None,
        Some(&format!(r#"{{"source": "{SOURCE}"}}"#)),
    )
    .unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(serde_json::to_value(&r)
        .unwrap()
        .get("understood")
        .is_none());
}

#[test]
fn the_unit_in_other_currencies_or_named_by_the_headers() {
    let no_unit = SheetOptions {
        unit: None,
        ..opts(("KR", "South Korea"), ("CN", "China"), "")
    };
    // Korean headers naming thousands of dollars: no --unit needed.
    let t = "년,수출금액(천달러),수입금액(천달러),수지(천달러)\n2023년,\"1,250.5\",980,270.5\n";
    let i = ok("ko.csv", t, &no_unit);
    assert_eq!(
        (i.dataset.unit.currency.as_str(), i.dataset.unit.scale),
        ("USD", 1e3)
    );
    let u = i.understood.as_ref().unwrap();
    assert_eq!(
        (u.unit.as_str(), u.currency.as_str(), u.exp),
        ("수출금액(천달러)", "USD", 3)
    );
    assert_eq!(i.dataset.series[0].observations[0].value, Some(1250.5));
    // Chinese headers in 万元: yuan, in tens of thousands, never converted.
    let t = "时间\t出口(万元)\t进口(万元)\n2024年1月\t3012.1\t2218.3\n";
    let i = ok("zh.tsv", t, &no_unit);
    assert_eq!(
        (i.dataset.unit.currency.as_str(), i.dataset.unit.scale),
        ("CNY", 1e4)
    );
    assert_eq!(i.dataset.series[1].observations[0].value, Some(2218.3));
    // --unit in another currency.
    let eur = SheetOptions {
        unit: Some("EUR million".into()),
        ..us_cn()
    };
    let i = ok("en.csv", &fixture("en-monthly.csv"), &eur);
    assert_eq!(
        (i.dataset.unit.currency.as_str(), i.dataset.unit.scale),
        ("EUR", 1e6)
    );
    // Headers that disagree with each other or with --unit: an error at the header.
    let t = "Year,Exports (USD thousand),Imports (USD million)\n2020,1,2\n";
    let e = errs("u.csv", t, &no_unit);
    assert_eq!(e.len(), 1, "{}", lines(&e));
    assert_eq!(cell(&e[0]), (1, 3, "unit".into()));
    assert_eq!(
        e[0].message(),
        "\"Imports (USD million)\": its header says USD ×10^6, and the table's unit is USD ×10^3 (Exports (USD thousand)): a table has one unit"
    );
    let t = "Year,Exports (USD thousand),Imports (USD thousand)\n2020,1,2\n";
    let e = errs("u.csv", t, &eur);
    assert_eq!(e.len(), 2, "{}", lines(&e));
    assert_eq!(cell(&e[0]), (1, 2, "unit".into()));
}
