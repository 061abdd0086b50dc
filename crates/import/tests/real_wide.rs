//! The wide tables of docs/REAL-FILES.md (shape 1), read as editors will give them: the
//! partners, unit and source the files do not say given as options. Every figure
//! asserted was read off the file by hand (docs/REAL-FILES.md gives the lines); each
//! file's balance column, where it has one, agrees with its flows on every row (no
//! warning but the columns that are not money). Japan's table is in thousands of yen.

#[path = "../../../tests/support/real.rs"]
mod real;

use trade_chart::{Error, RawDataset};
use trade_chart_import::wide::{source_option, Meaning};
use trade_chart_import::{self as import, Import, Input, SheetOptions};

fn options(a: (&str, &str), b: (&str, &str), unit: &str, source: &str) -> SheetOptions {
    SheetOptions {
        partners: vec![(a.0.into(), a.1.into()), (b.0.into(), b.1.into())],
        unit: Some(unit.into()),
        source: Some(source_option(source).unwrap()),
        ..SheetOptions::default()
    }
}

fn run(name: &str, bytes: &[u8], o: &SheetOptions) -> Result<Import, Vec<Error>> {
    let (text, _) = import::decode(bytes);
    import::import(
        Input { name, text: &text },
        Input {
            name: "sources",
            text: "",
        },
        o,
    )
}

fn ok(name: &str, bytes: &[u8], o: &SheetOptions) -> Import {
    let i = run(name, bytes, o).unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(Error::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    i.check().unwrap_or_else(|e| panic!("{e}"));
    i
}

/// The figure of the series of `direction` for `period`.
fn figure(ds: &RawDataset, direction: &str, period: &str) -> f64 {
    let s = ds
        .series
        .iter()
        .find(|s| s.direction == direction)
        .unwrap_or_else(|| panic!("no {direction} series"));
    s.observations
        .iter()
        .find(|o| o.period == period)
        .and_then(|o| o.value)
        .unwrap_or_else(|| panic!("no {direction} figure for {period}"))
}

/// Every figure cites the one source, and the series have the one basis.
fn sourced(ds: &RawDataset, id: &str, publisher: &str) {
    assert_eq!(ds.sources.len(), 1);
    assert_eq!(
        (ds.sources[0].id.as_str(), ds.sources[0].publisher.as_str()),
        (id, publisher)
    );
    for s in &ds.series {
        assert_eq!(s.basis, "reported");
        for o in &s.observations {
            assert_eq!(o.sources, [id]);
        }
    }
    assert_eq!(ds.bases.len(), 1);
    assert!(format!("{:?}", ds.bases[0].label).contains(&format!("As reported by {publisher}")));
}

#[test]
fn kstat_korea_italy_annual_cp949() {
    let name = "kr-kstat-italy-annual-cp949.csv";
    let Some(bytes) = real::read(name) else {
        return;
    };
    let o = options(
        ("KR", "South Korea"),
        ("IT", "Italy"),
        "USD thousand",
        "Korea International Trade Association | K-stat: trade with Italy | https://stat.kita.net",
    );
    let i = ok(name, &bytes, &o);
    let ds = &i.dataset;
    assert_eq!((ds.unit.currency.as_str(), ds.unit.scale), ("USD", 1e3));
    assert_eq!(ds.series.len(), 2);
    // Line 2 (2025), line 7 (2020), line 62 (1965): Korea's exports to and imports
    // from Italy.
    for (period, exports, imports) in [
        ("2025", 4_505_575.0, 7_899_058.0),
        ("2020", 3_221_111.0, 6_650_955.0),
        ("1965", 1_193.0, 2_178.0),
    ] {
        assert_eq!(figure(ds, "KR>IT", period), exports, "{period}");
        assert_eq!(figure(ds, "IT>KR", period), imports, "{period}");
    }
    // 61 years each, oldest first.
    for s in &ds.series {
        assert_eq!(s.observations.len(), 61);
        assert_eq!(s.observations[0].period, "1965");
        assert_eq!(s.observations[60].period, "2025");
    }
    sourced(
        ds,
        "korea-international-trade-association",
        "Korea International Trade Association",
    );
    // The growth rates (수출증감률, twice each) and weights are not used; the balance
    // (수지) agrees with the flows on all 61 rows: no other warning.
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(w.len(), 6, "{w:#?}");
    assert!(
        w.iter().all(|l| l.contains("column not used: not money")),
        "{w:#?}"
    );
    let u = i.understood.as_ref().unwrap();
    let meanings: Vec<Meaning> = u.columns.iter().map(|c| c.meaning).collect();
    use Meaning::*;
    assert_eq!(
        meanings,
        [Period, Flow, Unused, Unused, Unused, Flow, Unused, Unused, Unused, Balance]
    );
    assert_eq!(u.columns[1].why, "header says 수출");
    assert_eq!(u.columns[5].why, "header says 수입");
    assert_eq!(u.columns[9].why, "header says 수지");
}

#[test]
fn us_census_china_monthly_semicolon() {
    let name = "us-census-china-monthly-semicolon.csv";
    let Some(bytes) = real::read(name) else {
        return;
    };
    let o = options(
        ("US", "United States"),
        ("CN", "China"),
        "USD million",
        "U.S. Census Bureau | Trade in Goods with China | https://www.census.gov/foreign-trade/balance/c5700.html",
    );
    let i = ok(name, &bytes, &o);
    let ds = &i.dataset;
    assert_eq!((ds.unit.currency.as_str(), ds.unit.scale), ("USD", 1e6));
    // Line 2 (January 2001), line 228 (November 2019).
    assert_eq!(figure(ds, "US>CN", "2001-01"), 1187.5);
    assert_eq!(figure(ds, "CN>US", "2001-01"), 8427.5);
    assert_eq!(figure(ds, "US>CN", "2019-11"), 10103.2);
    assert_eq!(figure(ds, "CN>US", "2019-11"), 36172.9);
    for s in &ds.series {
        assert_eq!(s.observations.len(), 228);
    }
    sourced(ds, "u-s-census-bureau", "U.S. Census Bureau");
    // The balance agrees with the flows on every row, within its one decimal; one cell
    // changed by 10 is the one warning.
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    assert_eq!(i.gaps, 0);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let changed = text.replacen(";-7,240.0", ";-7,250.0", 1);
    assert_ne!(changed, text);
    let i = ok(name, changed.as_bytes(), &o);
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(
        w,
        [format!("{name}:2:4: balance: expected Exports − Imports = 1187.5 − 8427.5 = -7240.0 (± 0.15, the rounding of the figures as written), found \"-7,250.0\"")]
    );
}

#[test]
fn kosis_korea_china_monthly() {
    let name = "kr-kosis-china-monthly.csv";
    let Some(bytes) = real::read(name) else {
        return;
    };
    let o = options(
        ("KR", "South Korea"),
        ("CN", "China"),
        "USD thousand",
        "Statistics Korea | KOSIS: exports and imports by country | https://kosis.kr",
    );
    let i = ok(name, &bytes, &o);
    let ds = &i.dataset;
    assert_eq!(ds.unit.scale, 1e3);
    // Line 2 (2001.01), line 229 (2019.12).
    assert_eq!(figure(ds, "KR>CN", "2001-01"), 1_239_083.0);
    assert_eq!(figure(ds, "CN>KR", "2001-01"), 999_763.0);
    assert_eq!(figure(ds, "KR>CN", "2019-12"), 12_296_986.0);
    assert_eq!(figure(ds, "CN>KR", "2019-12"), 9_023_873.0);
    sourced(ds, "statistics-korea", "Statistics Korea");
    // The partner's name column is not figures: one warning at its header.
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(
        w,
        [format!(
            "{name}:1:1: \"Country\": column not used: its cells are not figures"
        )]
    );
    let u = i.understood.as_ref().unwrap();
    assert_eq!(u.columns[1].why, "header says date");
}

/// In yen, thousands: Japan's exports to and imports from China, months written
/// `2001/01`. The currency is the file's, never converted.
#[test]
fn japan_customs_in_thousands_of_yen() {
    let name = "jp-customs-china-monthly-jpy-thousand.csv";
    let Some(bytes) = real::read(name) else {
        return;
    };
    let o = options(
        ("JP", "Japan"),
        ("CN", "China"),
        "JPY thousand",
        "Ministry of Finance Japan | Trade statistics: Japan and China | https://www.customs.go.jp",
    );
    let i = ok(name, &bytes, &o);
    let ds = &i.dataset;
    assert_eq!((ds.unit.currency.as_str(), ds.unit.scale), ("JPY", 1e3));
    // Line 2 (2001/01), line 228 (2019/11).
    assert_eq!(figure(ds, "JP>CN", "2001-01"), 231_700_220.0);
    assert_eq!(figure(ds, "CN>JP", "2001-01"), 586_529_635.0);
    assert_eq!(figure(ds, "JP>CN", "2019-11"), 1_310_094_421.0);
    assert_eq!(figure(ds, "CN>JP", "2019-11"), 1_578_414_093.0);
    sourced(ds, "ministry-of-finance-japan", "Ministry of Finance Japan");
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    // Without --unit: one error asking for it (the file names none).
    let o = SheetOptions { unit: None, ..o };
    let e = run(name, &bytes, &o).expect_err("an error");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].path(), "--unit");
}
