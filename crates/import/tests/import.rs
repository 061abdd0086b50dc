//! Spreadsheet tables → datasets (src/import/). Every table here is made up for the tests
//! (tests/fixtures/import/README.md): not real trade figures.

use trade_chart::{Dataset, Error, ErrorKind, Location, RawDataset};
use trade_chart_import::{self as import, Import, Input, SheetOptions, MAX_ERRORS};

const SOURCES: &str = "id\tpublisher\ttitle\tdate\turl\n\
    s1\tMade-up Office\tInvented figures\t2021\thttps://example.invalid/s1\n\
    007\tMade-up Agency\tInvented story\t2021-06-15\thttps://example.invalid/007\n";

fn opts() -> SheetOptions {
    SheetOptions {
        partners: vec![
            ("KR".into(), "South Korea".into()),
            ("JP".into(), "Japan".into()),
        ],
        ..SheetOptions::default()
    }
}

fn run(obs: &str, o: &SheetOptions) -> Result<Import, Vec<Error>> {
    import::import(
        Input {
            name: "observations.tsv",
            text: obs,
        },
        Input {
            name: "sources.tsv",
            text: SOURCES,
        },
        o,
    )
}

fn ok(obs: &str) -> Import {
    ok_with(obs, &opts())
}

fn ok_with(obs: &str, o: &SheetOptions) -> Import {
    let imp = run(obs, o).unwrap_or_else(|e| panic!("{}", lines(&e)));
    imp.check().unwrap_or_else(|e| panic!("{e}"));
    imp
}

fn errs(obs: &str, o: &SheetOptions) -> Vec<Error> {
    match run(obs, o) {
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

/// Every observation's value, in order.
fn values(imp: &Import) -> Vec<f64> {
    imp.dataset
        .series
        .iter()
        .flat_map(|s| s.observations.iter().map(|o| o.value.unwrap()))
        .collect()
}

fn periods(imp: &Import) -> Vec<String> {
    imp.dataset
        .series
        .iter()
        .flat_map(|s| s.observations.iter().map(|o| o.period.clone()))
        .collect()
}

/// (row, column, field) of an error in a cell of observations.tsv.
fn cell(e: &Error) -> (usize, usize, String) {
    match e.location() {
        Location::Cell {
            file,
            row,
            column,
            field,
        } => {
            assert_eq!(file.as_deref(), Some("observations.tsv"), "{e}");
            (*row, *column, field.clone().unwrap_or_default())
        }
        other => panic!("not a cell: {other:?} ({e})"),
    }
}

const HEAD: &str = "direction\tperiod\tvalue\tunit\tsources\n";

fn table(values: &[&str]) -> String {
    let mut t = HEAD.to_string();
    for (i, v) in values.iter().enumerate() {
        t.push_str(&format!("KR>JP\t{}\t{v}\tUSD million\ts1\n", 2001 + i));
    }
    t
}

#[test]
fn golden_conversion_of_the_fixture_pair() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import/");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
    let (obs, src) = (read("observations.tsv"), read("sources.tsv"));
    let imp = import::import(
        Input {
            name: "observations.tsv",
            text: &obs,
        },
        Input {
            name: "sources.tsv",
            text: &src,
        },
        &opts(),
    )
    .unwrap_or_else(|e| panic!("{}", lines(&e)));
    let json = import::to_json(&imp.dataset);
    assert_eq!(json, read("kr-jp.json"));
    assert_eq!(imp.gaps, 2);
    // Round trip: the JSON validates as any dataset, and reads back to the same text.
    let ds = Dataset::from_json(&json).unwrap();
    assert_eq!(ds, imp.check().unwrap());
    let again: RawDataset = serde_json::from_str(&json).unwrap();
    assert_eq!(import::to_json(&again), json);
}

#[test]
fn every_number_style() {
    for v in [
        "1234.5",
        "1,234.5",
        "1.234,5",
        "1 234,5",
        "1\u{a0}234,5",
        "1\u{2009}234.5",
        "1\u{202f}234,5",
        " 1234,50 ",
    ] {
        let imp = ok(&table(&[v, "7"]));
        assert_eq!(values(&imp), [1234.5, 7.0], "{v:?}");
    }
    // Millions with groups, one format a column.
    assert_eq!(values(&ok(&table(&["1,234,567", "2.5"]))), [1234567.0, 2.5]);
    assert_eq!(values(&ok(&table(&["1.234.567", "2,5"]))), [1234567.0, 2.5]);
}

#[test]
fn an_ambiguous_column_is_an_error_until_the_decimal_mark_is_given() {
    let t = table(&["1,234", "2,500", "12"]);
    let e = errs(&t, &opts());
    assert_eq!(e.len(), 2, "{}", lines(&e));
    assert_eq!(cell(&e[0]), (2, 3, "value".into()));
    assert_eq!(cell(&e[1]), (3, 3, "value".into()));
    assert!(e[0]
        .to_string()
        .starts_with("observations.tsv:2:3: value: \"1,234\": could be 1234 or 1.234"));
    assert!(e[0].message().contains("--decimal"), "{}", e[0]);
    // Its own code, so a page can ask for the mark without reading the words.
    assert_eq!(e[0].code(), "ambiguous-number");
    let comma = SheetOptions {
        decimal: Some(','),
        ..opts()
    };
    assert_eq!(values(&ok_with(&t, &comma)), [1.234, 2.5, 12.0]);
    let point = SheetOptions {
        decimal: Some('.'),
        ..opts()
    };
    assert_eq!(values(&ok_with(&t, &point)), [1234.0, 2500.0, 12.0]);
    // A given mark that a cell contradicts is an error at that cell.
    let e = errs(&table(&["1.234,5"]), &point);
    assert_eq!(cell(&e[0]), (2, 3, "value".into()));
}

#[test]
fn a_column_mixing_formats_is_an_error() {
    let e = errs(&table(&["1,234.5", "1.234,5", "9.5", "1,234"]), &opts());
    // The less common style (row 3) and the ambiguous cell (row 5) are blamed.
    let rows: Vec<usize> = e.iter().map(|e| cell(e).0).collect();
    assert_eq!(rows, [3, 5], "{}", lines(&e));
    assert!(e[1].to_string().starts_with(
        "observations.tsv:5:3: value: \"1,234\": this column mixes 1,234.5 (row 2: \"1,234.5\") and 1.234,5 (row 3: \"1.234,5\"); give the decimal mark"
    ), "{}", e[1]);
}

#[test]
fn delimiter_detected_tab_comma_semicolon() {
    let tsv = "direction\tperiod\tvalue\tunit\tsources\nKR>JP\t2020\t1.5\tUSD bn\ts1\n";
    let csv = "direction,period,value,unit,sources\nKR>JP,2020,1.5,USD bn,s1\n";
    let semi = "direction;period;value;unit;sources\r\nKR>JP;2020;1,5;USD bn;s1\r\n";
    let want = import::to_json(&ok(tsv).dataset);
    assert_eq!(import::to_json(&ok(csv).dataset), want);
    assert_eq!(import::to_json(&ok(semi).dataset), want);
    // A tab wins over commas in the header (a header cell may hold one).
    let mixed = "direction\tperiod\tvalue, as typed\tunit\tsources\nKR>JP\t2020\t1.5\tUSD bn\ts1\n";
    let imp = run(mixed, &opts()).map_err(|e| lines(&e)).unwrap_err();
    assert!(imp.contains("no value column"), "{imp}");
}

#[test]
fn quoted_fields_and_rows_after_a_line_break_in_quotes() {
    let csv = "\u{feff}direction,period,value,unit,sources,note\r\n\
        KR>JP,2020,\"1,234.5\",USD million,s1,\"Said \"\"about\"\", then\r\nrevised\"\r\n\
        KR>JP,2021,oops,USD million,s1,\r\n";
    let e = errs(csv, &opts());
    // Row 2 spans two lines; the bad cell is on the third row, column 3.
    assert_eq!(cell(&e[0]), (3, 3, "value".into()), "{}", lines(&e));
    let fixed = csv.replace("oops", "\"2,000.5\"");
    let imp = ok(&fixed);
    assert_eq!(values(&imp), [1234.5, 2000.5]);
    let note = imp.dataset.series[0].observations[0].note.clone();
    assert_eq!(
        serde_json::to_string(&note).unwrap(),
        "\"Said \\\"about\\\", then\\nrevised\""
    );
}

#[test]
fn gaps_are_dropped_never_zero() {
    let imp = ok(&table(&["5", "", "#N/A", "n/a", "-", "..", "6"]));
    assert_eq!(values(&imp), [5.0, 6.0]);
    assert_eq!(periods(&imp), ["2001", "2007"]);
    assert_eq!(imp.gaps, 5);
    // A blank row is no row at all.
    assert_eq!(ok(&(table(&["5"]) + "\t\t\t\t\n")).gaps, 0);
    // A zero typed is a zero (the editor's figure), not a gap.
    assert_eq!(values(&ok(&table(&["0", "1"]))), [0.0, 1.0]);
}

#[test]
fn codes_keep_leading_zeros_and_a_year_stays_a_period() {
    let t = "direction\tperiod\tvalue\tunit\tsources\tHS code\n\
        KR>JP\t2020\t5\tUSD\t007\t0303\n\
        KR>JP\t2020\t6\tUSD\ts1;007\t0901\n";
    let imp = ok(t);
    let s = &imp.dataset.series[0];
    let cats: Vec<String> = s
        .observations
        .iter()
        .map(|o| serde_json::to_string(&o.category).unwrap())
        .collect();
    assert_eq!(cats, ["\"0303\"", "\"0901\""]);
    assert_eq!(s.observations[0].sources, ["007"]);
    assert_eq!(s.observations[1].sources, ["s1", "007"]);
    assert_eq!(s.observations[0].period, "2020");
    // Categories make a bars view by category.
    let v = &imp.dataset.views[0];
    assert_eq!((v.id.as_str(), v.kind.as_str()), ("products", "bars"));
    assert_eq!(v.x.as_deref(), Some("category"));
}

#[test]
fn every_period_spelling() {
    let cells = [
        ("2019", "2019"),
        ("2020-01", "2020-01"),
        ("2020-2", "2020-02"),
        ("202003", "2020-03"),
        ("2020M04", "2020-04"),
        ("2020m5", "2020-05"),
        ("Jun 2020", "2020-06"),
        ("July 2020", "2020-07"),
        ("Aug-2020", "2020-08"),
        ("2020-09/2020-10", "2020-09/2020-10"),
    ];
    let mut t = format!("series\t{HEAD}");
    for (p, _) in cells {
        t.push_str(&format!("s\tKR>JP\t{p}\t1\tUSD\ts1\n"));
    }
    // Named series: "s" holds the year and the months (they do not overlap).
    let imp = ok(&t);
    let want: Vec<&str> = cells.iter().map(|c| c.1).collect();
    assert_eq!(periods(&imp), want);
    let e = errs(&t.replace("202003", "2020.3"), &opts());
    assert_eq!(cell(&e[0]), (5, 3, "period".into()));
    assert!(
        e[0].message().contains("expected a period like"),
        "{}",
        e[0]
    );
}

#[test]
fn header_aliases_case_insensitive() {
    let t = "Flow\tYEAR\tAmount\tUnits\tSource_IDs\tProduct\tQualification\tComments\tStatistical basis\tSeries Name\n\
        KR>JP\t2020\t5\tUSD thousand\ts1\tFish\tabout\tA note\tKorean customs\tKorea's fish exports\n";
    let imp = ok(t);
    let s = &imp.dataset.series[0];
    let o = &s.observations[0];
    assert_eq!(s.id, "korea-s-fish-exports");
    assert_eq!(s.basis, "korean-customs");
    assert_eq!(o.qualifier.as_deref(), Some("approx"));
    assert_eq!(imp.dataset.unit.scale, 1000.0);
    assert!(imp.warnings.is_empty(), "{}", lines(&imp.warnings));
    // Lower-case direction codes are upper-cased; "two way" is two-way.
    let imp = ok(&format!(
        "{HEAD}kr > jp\t2020\t5\tUSD\ts1\ntwo way\t2020\t9\tUSD\ts1\n"
    ));
    let dirs: Vec<&str> = imp
        .dataset
        .series
        .iter()
        .map(|s| s.direction.as_str())
        .collect();
    assert_eq!(dirs, ["KR>JP", "two-way"]);
}

#[test]
fn units_convert_exactly_to_the_most_common_one() {
    let t = format!(
        "{HEAD}KR>JP\t2019\t1,234.5\tUSD thousand\ts1\nKR>JP\t2020\t2.5\tUSD million\ts1\n\
         KR>JP\t2021\t3.1\tUSD million\ts1\nKR>JP\t2022\t0.7\tUSD bn\ts1\n"
    );
    let imp = ok(&t);
    assert_eq!(imp.dataset.unit.scale, 1e6);
    assert_eq!(values(&imp), [1.2345, 2.5, 3.1, 700.0]);
}

#[test]
fn default_views_from_what_the_data_hold() {
    let mut t = HEAD.to_string();
    for y in 2000..2010 {
        t.push_str(&format!("KR>JP\t{y}\t{y}\tUSD\ts1\n"));
    }
    t.push_str("KR>JP\t2020-01/2020-02\t5\tUSD\ts1\nKR>JP\t2020-03\t5\tUSD\ts1\n");
    let imp = ok(&t);
    let views: Vec<(&str, &str, &str)> = imp
        .dataset
        .views
        .iter()
        .map(|v| {
            (
                v.id.as_str(),
                v.kind.as_str(),
                v.from.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        views,
        [
            ("annual", "time-line", "2000"),
            ("monthly", "time-bars", "2020-01")
        ]
    );
    assert_eq!(imp.dataset.views[1].to.as_deref(), Some("2020-03"));
    // Two-way figures alone make no flows, and flows alone no total.
    let imp = ok(&format!(
        "{HEAD}KR>JP\t2020\t5\tUSD\ts1\nJP>KR\t2020\t6\tUSD\ts1\n"
    ));
    assert!(imp.dataset.series.iter().all(|s| s.direction != "two-way"));
}

/// A monthly view draws bars up to 48 months × series side by side (each then about
/// 3.5 px wide at 360 px), a line beyond: 19 years of months as bars were bars of no width.
#[test]
fn long_monthly_series_are_a_line() {
    let months = |dirs: &[&str], n: i32| {
        let mut t = HEAD.to_string();
        for m in 0..n {
            for d in dirs {
                let p = format!("{}-{:02}", 2001 + m / 12, m % 12 + 1);
                t.push_str(&format!("{d}\t{p}\t{}\tUSD\ts1\n", 5 + m));
            }
        }
        let imp = ok(&t);
        let v = &imp.dataset.views[0];
        (
            v.kind.clone(),
            v.from.clone().unwrap(),
            v.to.clone().unwrap(),
        )
    };
    let kind = |dirs: &[&str], n: i32| months(dirs, n).0;
    assert_eq!(kind(&["KR>JP"], 48), "time-bars");
    assert_eq!(kind(&["KR>JP"], 49), "time-line");
    assert_eq!(kind(&["KR>JP", "JP>KR"], 24), "time-bars");
    assert_eq!(kind(&["KR>JP", "JP>KR"], 25), "time-line");
    let line = months(&["KR>JP", "JP>KR"], 228);
    assert_eq!(
        line,
        ("time-line".into(), "2001-01".into(), "2019-12".into())
    );
}

#[test]
fn partners_from_the_directions_or_given() {
    let t = format!("{HEAD}KR>JP\t2020\t5\tUSD\ts1\n");
    let imp = ok_with(&t, &SheetOptions::default());
    let names = serde_json::to_string(&imp.dataset.partners).unwrap();
    assert_eq!(
        names,
        r#"[{"code":"KR","name":"KR"},{"code":"JP","name":"JP"}]"#
    );
    assert_eq!(imp.dataset.id, "kr-jp");
    // A third country is an error at its cell.
    let e = errs(
        &format!("{t}KR>CN\t2020\t5\tUSD\ts1\n"),
        &SheetOptions::default(),
    );
    assert_eq!(cell(&e[0]), (3, 1, "direction".into()));
    // Two-way figures alone do not name the partners.
    let e = errs(
        &format!("{HEAD}two-way\t2020\t5\tUSD\ts1\n"),
        &SheetOptions::default(),
    );
    assert!(e[0].message().contains("--partner"), "{}", e[0]);
    ok_with(&format!("{HEAD}two-way\t2020\t5\tUSD\ts1\n"), &opts());
}

#[test]
fn every_error_names_file_row_and_column_and_all_are_reported() {
    let t = format!(
        "{HEAD}KR>JP\t2019\t5\tUSD\ts1\n\
         KR>JP\t2020\tfive\tUSD\ts1\n\
         KR-JP\t2021\t5\tUSD\ts1\n\
         KR>JP\t2022\t5\tEUR\ts1\n\
         KR>JP\t22\t5\tUSD\ts1\n\
         KR>JP\t2023\t5\tUSD\tnope\n\
         KR>JP\t2024\t5\tUSD\t\n\
         KR>JP\t2019\t6\tUSD\ts1\n\
         KR>JP\t2025\t-3\tUSD\ts1\n"
    );
    let e = errs(&t, &opts());
    let got: Vec<(usize, usize, String)> = e.iter().map(cell).collect();
    let want = [
        (3, 3, "value"),
        (4, 1, "direction"),
        (5, 4, "unit"),
        (6, 2, "period"),
        (7, 5, "sources"),
        (8, 5, "sources"),
        (9, 2, "period"),
        (10, 3, "value"),
    ];
    let want: Vec<(usize, usize, String)> = want
        .iter()
        .map(|(r, c, f)| (*r, *c, f.to_string()))
        .collect();
    assert_eq!(got, want, "{}", lines(&e));
    assert_eq!(
        e[0].to_string(),
        "observations.tsv:3:3: value: expected a number like 1234.5, 1,234.5, 1.234,5 or 1 234,5, found \"five\""
    );
    assert_eq!(e[4].kind(), ErrorKind::UnknownId);
    assert_eq!(e[6].kind(), ErrorKind::Overlap);
    // A missing column points past the header's last cell.
    let e = errs(
        "direction\tperiod\tunit\tsources\nKR>JP\t2020\tUSD\ts1\n",
        &opts(),
    );
    assert_eq!(cell(&e[0]), (1, 5, "value".into()));
    assert_eq!(e[0].kind(), ErrorKind::MissingField);
}

#[test]
fn errors_stop_at_the_limit_and_count_the_rest() {
    let bad: Vec<&str> = vec!["x"; MAX_ERRORS + 10];
    let e = errs(&table(&bad), &opts());
    assert_eq!(e.len(), MAX_ERRORS + 1);
    assert_eq!(
        e[MAX_ERRORS].message(),
        "10 more errors not shown (stopped after 50)"
    );
}

#[test]
fn sources_table_errors_at_their_cells() {
    let bad = "ID;Publisher;Headline;Published;Link\n\
        s1;Office;Title;22/02/2021;https://example.invalid/a\n\
        s1;;Title;2021;ftp://x\n";
    let e = import::import(
        Input {
            name: "o.csv",
            text: &table(&["5"]),
        },
        Input {
            name: "sources.csv",
            text: bad,
        },
        &opts(),
    )
    .unwrap_err();
    let at: Vec<String> = e
        .iter()
        .map(|e| e.to_string().split(": ").next().unwrap().to_string())
        .collect();
    assert_eq!(
        at,
        [
            "sources.csv:2:4",
            "sources.csv:3:2",
            "sources.csv:3:5",
            "sources.csv:3:1"
        ],
        "{}",
        lines(&e)
    );
}

#[test]
fn warnings_do_not_stop_the_import() {
    let t = format!("{HEAD}KR>JP\t2020\t5\tUSD\ts1\textra\nKR>JP\t2021\t6\tUSD\n")
        .replace("sources\n", "sources\tRemarks for us\n");
    let t = t.replace("KR>JP\t2021\t6\tUSD\n", "KR>JP\t2021\t6\tUSD\ts1\n");
    let imp = ok(&t);
    // "Remarks for us" is not a known column; row 3 has one cell fewer than the header.
    let w: Vec<String> = imp.warnings.iter().map(Error::to_string).collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(w[0].starts_with("observations.tsv:1:6: \"Remarks for us\": column not used"));
    assert!(w[1].starts_with("observations.tsv:3:6: 5 cells, but 6 columns"));
    // Beyond the last column.
    let imp = ok(&format!("{HEAD}KR>JP\t2020\t5\tUSD\ts1\tstray\n"));
    assert!(imp.warnings[0]
        .to_string()
        .starts_with("observations.tsv:2:6: 6 cells"));
}

#[test]
fn a_dataset_error_after_conversion_points_at_the_row() {
    // Two figures with one observation id: found by validate(), on the dataset.
    let t = "id\tdirection\tperiod\tvalue\tunit\tsources\n\
        a\tKR>JP\t2020\t5\tUSD\ts1\n\
        a\tKR>JP\t2021\t6\tUSD\ts1\n";
    let imp = run(t, &opts()).unwrap();
    let e = imp.check().unwrap_err();
    assert_eq!(cell(&e), (3, 1, "id".into()));
    assert_eq!(e.kind(), ErrorKind::DuplicateId);
    assert_eq!(
        e.to_string(),
        "observations.tsv:3:1: id: duplicate observation id \"a\""
    );
    // Too large once scaled (over 10¹⁷): the value cell.
    let imp = run(
        &table(&["5", "200,000,000"]).replace("million", "bn"),
        &opts(),
    )
    .unwrap();
    let e = imp.check().unwrap_err();
    assert_eq!(cell(&e), (3, 3, "value".into()));
    assert_eq!(e.kind(), ErrorKind::TooLarge);
}

// Periods as editors' tables write them (src/periods.rs): Korean and Chinese years and
// months, `2020.06`, the IMF's `2024M2`, dates on the first of their month, tables
// newest first (a Comtrade download too).

/// An observations table whose period column is headed `period`, one row a period,
/// each figure 1.
fn period_table(period: &str, cells: &[&str]) -> String {
    let mut t = format!("direction\t{period}\tvalue\tunit\tsources\n");
    for p in cells {
        t.push_str(&format!("KR>JP\t{p}\t1\tUSD million\ts1\n"));
    }
    t
}

#[test]
fn korean_chinese_dotted_and_imf_periods() {
    // Each in a table of its own: a year and its months would overlap in one series.
    for (cells, want) in [
        (&["2024년", "2025년"][..], &["2024", "2025"][..]),
        (&["2024年", "2025年"], &["2024", "2025"]),
        (&["2020年6月", "2020年07月"], &["2020-06", "2020-07"]),
        (&["2020년 6월", "2020년 7월"], &["2020-06", "2020-07"]),
        (&["2020.06", "2020.12"], &["2020-06", "2020-12"]),
        (&["2024M02", "2024M12"], &["2024-02", "2024-12"]),
        (&["2024M2", "2024M3"], &["2024-02", "2024-03"]),
    ] {
        let imp = ok(&period_table("period", cells));
        assert_eq!(periods(&imp), want, "{cells:?}");
    }
}

#[test]
fn what_is_not_a_period_is_an_error_at_its_cell_as_before() {
    for bad in ["2020.13", "2020年13月", "2024M13", "2020.1", "2020-06-15"] {
        let e = errs(&period_table("period", &["2020-01", bad]), &opts());
        assert_eq!(e.len(), 1, "{bad}: {}", lines(&e));
        assert_eq!(cell(&e[0]), (3, 2, "period".into()), "{bad}");
        assert_eq!(
            e[0].to_string(),
            format!(
                "observations.tsv:3:2: period: expected a period like 2020, 2020-06, 202006, 2020M06, Jun 2020 or 2020-01/2020-02, found \"{bad}\""
            )
        );
    }
}

#[test]
fn dates_on_the_first_of_their_month_are_months() {
    // Under a month header, newest first.
    let imp = ok(&period_table(
        "Month",
        &["1985-03-01", "1985-02-01", "1985-01-01"],
    ));
    assert_eq!(periods(&imp), ["1985-03", "1985-02", "1985-01"]);
    let v = &imp.dataset.views[0];
    assert_eq!(
        (v.from.as_deref(), v.to.as_deref()),
        (Some("1985-01"), Some("1985-03"))
    );
    // Under any header, when two of them are a month apart.
    let imp = ok(&period_table(
        "date",
        &["2019-12-01", "2020-01-01", "2020-06-01"],
    ));
    assert_eq!(periods(&imp), ["2019-12", "2020-01", "2020-06"]);
    // A yearly series dated by its first day is not taken for January figures.
    let t = period_table("date", &["2019-01-01", "2020-01-01"]);
    let e = errs(&t, &opts());
    assert_eq!(
        e.iter().map(|e| (cell(e).0, cell(e).1)).collect::<Vec<_>>(),
        [(2, 2), (3, 2)],
        "{}",
        lines(&e)
    );
    // Nor is it under a year header.
    assert_eq!(errs(&t.replacen("date", "year", 1), &opts()).len(), 2);
}

#[test]
fn a_column_of_real_dates_stays_an_error_at_each_cell() {
    for header in ["Month", "date", "period"] {
        let e = errs(
            &period_table(header, &["2020-01-01", "2020-02-01", "2020-02-15"]),
            &opts(),
        );
        assert_eq!(
            e.iter().map(|e| (cell(e).0, cell(e).1)).collect::<Vec<_>>(),
            [(2, 2), (3, 2), (4, 2)],
            "{header}: {}",
            lines(&e)
        );
        assert!(
            e[0].message().starts_with("expected a period like"),
            "{}",
            e[0]
        );
    }
}

/// Every view's CSV (the chart's own order) of a checked import.
fn view_csvs(raw: &RawDataset) -> Vec<String> {
    let ds = trade_chart::validate(raw).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<String> = raw.views.iter().map(|v| v.id.clone()).collect();
    let mut chart = trade_chart::DatasetChart::new(ds, &trade_chart::Options::default()).unwrap();
    ids.iter()
        .map(|id| {
            chart.set_view(id).unwrap();
            chart.csv()
        })
        .collect()
}

/// The dataset with its series (and each view's) and bases in the order of their ids:
/// a table's rows in another order make them in another.
fn by_id(raw: &RawDataset) -> RawDataset {
    let mut raw = raw.clone();
    raw.series.sort_by(|a, b| a.id.cmp(&b.id));
    raw.bases.sort_by(|a, b| a.id.cmp(&b.id));
    for v in &mut raw.views {
        v.series.sort();
    }
    raw
}

/// [`by_id`], with each series' observations in ascending periods.
fn ascending(raw: &RawDataset) -> RawDataset {
    let mut raw = by_id(raw);
    for s in &mut raw.series {
        s.observations.sort_by(|a, b| a.period.cmp(&b.period));
    }
    raw
}

/// Two imports of one table, one newest first, hold the same figures and draw the same
/// chart: every view's CSV (in the chart's own order, from observations in the
/// file's) is the same.
fn same_chart(newest: &Import, oldest: &Import) {
    assert_eq!(
        import::to_json(&ascending(&newest.dataset)),
        import::to_json(&ascending(&oldest.dataset))
    );
    assert_eq!(
        view_csvs(&by_id(&newest.dataset)),
        view_csvs(&by_id(&oldest.dataset))
    );
}

/// A table's header line and its data lines reversed (a table newest first).
fn reversed(text: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].reverse();
    lines.join("\n") + "\n"
}

#[test]
fn a_table_newest_first_makes_the_same_chart() {
    let mut t = String::from("direction\tperiod\tvalue\tunit\tsources\n");
    for (m, v) in [(1, "5"), (2, "6.5"), (3, "7"), (4, "3")] {
        t.push_str(&format!("KR>JP\t2020-{m:02}\t{v}\tUSD million\ts1\n"));
        t.push_str(&format!("JP>KR\t2020.{m:02}\t{v}0\tUSD million\ts1\n"));
    }
    for y in 2015..2023 {
        t.push_str(&format!("two-way\t{y}년\t{y}\tUSD million\ts1\n"));
    }
    let (oldest, newest) = (ok(&t), ok(&reversed(&t)));
    assert_eq!(periods(&newest)[0], "2022");
    same_chart(&newest, &oldest);
}

#[test]
fn a_comtrade_download_newest_first_makes_the_same_chart() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/comtrade/plus-monthly-pascal.csv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let o = trade_chart_import::comtrade::ComtradeOptions::default();
    let read = |t: &str| {
        let i = trade_chart_import::comtrade::import("c.csv", t.as_bytes(), &o)
            .unwrap_or_else(|e| panic!("{}", lines(&e)));
        i.check().unwrap_or_else(|e| panic!("{e}"));
        i
    };
    let (oldest, newest) = (read(&text), read(&reversed(&text)));
    assert_ne!(periods(&newest), periods(&oldest));
    same_chart(&newest, &oldest);
}
