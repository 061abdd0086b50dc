//! UN Comtrade downloads → datasets (src/import/comtrade.rs). Every file here is made up
//! for the tests (tests/fixtures/comtrade/README.md): Comtrade's layout, invented figures.

use trade_chart::{Dataset, Error, RawDataset};
use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::Import;

/// The English of a text.
trait En {
    fn english(&self) -> &str;
}

impl En for trade_chart::data::RawText {
    fn english(&self) -> &str {
        match self {
            trade_chart::data::RawText::Plain(t) => t,
            trade_chart::data::RawText::Localized(m) => m.get("en").map_or("", |s| s),
        }
    }
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/comtrade");

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

fn import(name: &str, o: &ComtradeOptions) -> Result<Import, Vec<Error>> {
    comtrade::import(name, &read(name), o)
}

fn ok(name: &str) -> (Import, Dataset) {
    let i = import(
        name,
        &ComtradeOptions {
            accessed: Some("2024-05-02".into()),
            ..ComtradeOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let d = i.check().unwrap_or_else(|e| panic!("{name}: {e}"));
    (i, d)
}

fn series<'a>(raw: &'a RawDataset, id: &str) -> &'a trade_chart::data::RawSeries {
    raw.series
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no series {id} in {:?}", ids(raw)))
}

fn ids(raw: &RawDataset) -> Vec<&str> {
    raw.series.iter().map(|s| s.id.as_str()).collect()
}

fn values(s: &trade_chart::data::RawSeries) -> Vec<(String, Option<String>, f64)> {
    s.observations
        .iter()
        .map(|o| {
            (
                o.period.clone(),
                o.category.as_ref().map(|c| c.english().to_string()),
                o.value.unwrap(),
            )
        })
        .collect()
}

fn warnings(i: &Import) -> Vec<String> {
    i.warnings.iter().map(Error::to_string).collect()
}

#[test]
fn current_headers_totals_and_commodities_directions_and_flows_left_out() {
    let (i, d) = ok("plus-annual.csv");
    let raw = &i.dataset;
    assert_eq!(
        raw.partners
            .iter()
            .map(|p| p.code.as_str())
            .collect::<Vec<_>>(),
        ["CHN", "PRK"]
    );
    assert_eq!(raw.unit.scale, 1e6);
    // Exports of the reporter: reporter → partner; its imports: partner → reporter.
    let x = series(raw, "chn-prk-annual");
    assert_eq!(x.direction, "CHN>PRK");
    assert_eq!(
        values(x),
        [
            ("2019".into(), None, 2573.4001125),
            ("2020".into(), None, 488.97052)
        ]
    );
    let m = series(raw, "prk-chn-annual");
    assert_eq!(m.direction, "PRK>CHN");
    assert_eq!(values(m)[1], ("2020".into(), None, 48.026117));
    // Commodity rows are categories, in a products view; the blank value is a gap.
    let p = series(raw, "chn-prk-products");
    assert_eq!(
        values(p),
        [
            (
                "2020".into(),
                Some("27 Mineral fuels, mineral oils and products of their distillation".into()),
                120.5003
            ),
            ("2020".into(), Some("10 Cereals".into()), 61.00025)
        ]
    );
    assert_eq!(i.gaps, 1);
    assert_eq!(raw.series.len(), 3);
    let views: Vec<&str> = d.views.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(views, ["annual", "products"]);
    // Bases: whose report, and the valuation.
    assert_eq!(x.basis, "comtrade-chn-fob");
    assert_eq!(m.basis, "comtrade-chn-cif");
    let label = |id: &str| {
        raw.bases
            .iter()
            .find(|b| b.id == id)
            .unwrap()
            .label
            .english()
            .to_string()
    };
    assert!(label("comtrade-chn-cif").starts_with("Reported by China, UN Comtrade; valued CIF"));
    assert!(label("comtrade-chn-fob").contains("FOB"));
    // The source row of the download.
    let s = &raw.sources[0];
    assert_eq!(
        (s.id.as_str(), s.publisher.as_str(), s.url.as_str()),
        ("un-comtrade", "UN Comtrade", "https://comtradeplus.un.org/")
    );
    assert_eq!(s.date.as_deref(), Some("2024-05-02"));
    assert_eq!(
        s.title,
        "Trade between China and Dem. People's Rep. of Korea as reported by China, 2019–2020 (UN Comtrade download)"
    );
    // Warnings: the ragged row, the breakdowns, RX and RM.
    let w = warnings(&i);
    assert_eq!(w.len(), 4, "{w:#?}");
    assert!(
        w[0].starts_with(
            "plus-annual.csv:5:48: 1 row (this one) has more cells than the 47 columns"
        ),
        "{w:#?}"
    );
    assert!(
        w[1].starts_with("plus-annual.csv:8:1: 2 rows (this one first) break a figure down"),
        "{w:#?}"
    );
    assert!(
        w[2].starts_with("plus-annual.csv:6:10: flow RX (re-exports): 1 row (this one) left out"),
        "{w:#?}"
    );
    assert!(
        w[3].starts_with("plus-annual.csv:7:10: flow RM (re-imports)"),
        "{w:#?}"
    );
}

#[test]
fn no_accessed_date_is_no_date() {
    let i = import("plus-annual.csv", &ComtradeOptions::default()).unwrap();
    assert_eq!(i.dataset.sources[0].date, None);
    assert_eq!(i.dataset.sources[0].note, None);
    i.check().unwrap();
    let e = import(
        "plus-annual.csv",
        &ComtradeOptions {
            accessed: Some("May 2024".into()),
            ..ComtradeOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "accessed: expected a date YYYY-MM-DD, found \"May 2024\""
    );
}

#[test]
fn pascal_case_headers_and_monthly_periods() {
    let (i, d) = ok("plus-monthly-pascal.csv");
    let x = series(&i.dataset, "chn-prk-monthly");
    assert_eq!(
        x.observations
            .iter()
            .map(|o| o.period.as_str())
            .collect::<Vec<_>>(),
        ["2020-01", "2020-02", "2020-03"]
    );
    assert_eq!(series(&i.dataset, "prk-chn-monthly").observations.len(), 2);
    assert_eq!(d.views[0].id, "monthly");
    assert!(i.warnings.is_empty(), "{:?}", warnings(&i));
}

#[test]
fn legacy_headers_monthly_and_legacy_flow_codes() {
    let (i, _) = ok("legacy-monthly.csv");
    let raw = &i.dataset;
    assert_eq!(ids(raw), ["chn-prk-monthly", "prk-chn-monthly"]);
    assert_eq!(
        series(raw, "chn-prk-monthly").observations[1].period,
        "2020-02"
    );
    let w = warnings(&i);
    assert_eq!(w.len(), 2, "{w:#?}");
    assert!(
        w[0].starts_with("legacy-monthly.csv:5:7: flow 3 (re-exports)"),
        "{w:#?}"
    );
    assert!(
        w[1].starts_with("legacy-monthly.csv:6:7: flow 4 (re-imports)"),
        "{w:#?}"
    );
}

#[test]
fn latin1_is_read_with_a_warning() {
    let bytes = read("legacy-latin1.csv");
    assert!(std::str::from_utf8(&bytes).is_err());
    let (i, _) = ok("legacy-latin1.csv");
    assert_eq!(i.dataset.partners[0].name.english(), "Côte d'Ivoire");
    assert_eq!(i.dataset.partners[0].code, "CIV");
    let w = warnings(&i);
    assert!(
        w[0].starts_with("legacy-latin1.csv:1:1: not UTF-8: read as Windows-1252"),
        "{w:#?}"
    );
    assert_eq!(series(&i.dataset, "civ-fra-annual").observations.len(), 2);
}

#[test]
fn a_mirror_figure_is_another_basis_in_its_own_series() {
    let (i, d) = ok("mirror.csv");
    let raw = &i.dataset;
    assert_eq!(
        ids(raw),
        [
            "chn-prk-annual-by-chn",
            "prk-chn-annual-by-chn",
            "chn-prk-annual-by-prk",
            "prk-chn-annual-by-prk"
        ]
    );
    // The same flow, China → North Korea, as each side reports it: two series, two bases.
    let (own, mirror) = (
        series(raw, "chn-prk-annual-by-chn"),
        series(raw, "chn-prk-annual-by-prk"),
    );
    assert_eq!(own.direction, mirror.direction);
    assert_eq!(own.basis, "comtrade-chn-fob");
    // North Korea's import is valued FOB: its value is the FOB column's.
    assert_eq!(mirror.basis, "comtrade-prk-fob");
    assert_eq!(values(mirror), [("2019".into(), None, 2401.0)]);
    assert!(mirror
        .label
        .english()
        .ends_with("as reported by Dem. People's Rep. of Korea (mirror figures)"));
    assert!(raw.notes[1].english().contains("never merged"));
    // Stated in the source's title and the notes; the chart's view shows both bases.
    assert!(raw.sources[0]
        .title
        .contains("as reported by China and Dem. People's Rep. of Korea"));
    assert_eq!(d.views.len(), 1);
    assert_eq!(d.bases.len(), 3);
}

#[test]
fn errors_at_file_row_column_all_reported() {
    // Row 5, China's exports to South Korea, is another pair: no error of its own
    // (tests/import_comtrade_pairs.rs).
    let e = import("errors.csv", &ComtradeOptions::default()).unwrap_err();
    let lines: Vec<String> = e.iter().map(Error::to_string).collect();
    assert_eq!(
        lines,
        [
            "errors.csv:2:44: value: expected a trade value in US dollars ≥ 0, like 1234567 or 1234567.89, found \"2.57 bn\"",
            "errors.csv:3:44: value: expected a trade value in US dollars ≥ 0, like 1234567 or 1234567.89, found \"-5\"",
            "errors.csv:4:6: period: expected a year (2020) or a month (202006), found \"20190101\"",
            "errors.csv:6:10: flow: expected a flow code: M or X (1 or 2 in legacy downloads), or RM, RX…, found \"?\"",
        ]
    );
    assert!(e.iter().all(|e| e.row().is_some() && e.column().is_some()));
}

#[test]
fn a_validation_error_points_at_its_row() {
    // Two TOTAL rows for one period and flow: the overlap validation finds is at row 3.
    let text = String::from_utf8(read("plus-monthly-pascal.csv")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.push(lines[1]);
    let doubled = lines.join("\n");
    let i = comtrade::import(
        "doubled.csv",
        doubled.as_bytes(),
        &ComtradeOptions::default(),
    )
    .unwrap();
    let e = i.check().unwrap_err();
    assert_eq!(e.code(), "overlap");
    assert_eq!((e.row(), e.column()), (Some(7), Some(6)), "{e}");
    assert!(e.to_string().starts_with("doubled.csv:7:6: period:"), "{e}");
}

#[test]
fn detected_by_headers() {
    assert!(comtrade::sniff(&String::from_utf8_lossy(&read(
        "plus-annual.csv"
    ))));
    assert!(comtrade::sniff(&String::from_utf8_lossy(&read(
        "legacy-latin1.csv"
    ))));
    assert!(!comtrade::sniff(
        "Direction\tPeriod\tValue\tUnit\tSources\n"
    ));
}

// The time of 10⁵ rows is a benchmark, not a test: `cargo bench --bench comtrade`
// (benches/comtrade.rs).

/// The largest download the limits let through (10⁵ rows, the observations' limit), as
/// benches/comtrade.rs makes it: converted, its dataset text is over 20 MB (the JSON limit
/// before, which made the builder accept a dataset the chart then refused) and the chart
/// takes it; `dataset_json` is what the builder and `convert` give.
#[test]
fn the_largest_download_converts_to_a_dataset_the_chart_takes() {
    let text = String::from_utf8(read("plus-monthly-pascal.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let template = lines.next().unwrap();
    let mut big = format!("{header}\n");
    let rows = trade_chart::limits::OBSERVATIONS.max;
    for n in 0..rows {
        let (y, m, c) = (1900 + n / 1200, 1 + (n / 100) % 12, n % 100);
        big.push_str(
            &template
                .replace(",202001,", &format!(",{y}{m:02},"))
                .replace(",TOTAL,", &format!(",{c:02},"))
                .replace(",231510007,", &format!(",{},", 1000 + n)),
        );
        big.push('\n');
    }
    let i = comtrade::import("big.csv", big.as_bytes(), &ComtradeOptions::default())
        .unwrap_or_else(|e| panic!("{:?}", &e[..e.len().min(3)]));
    i.check().unwrap();
    let json = trade_chart_import::dataset_json(&i.dataset).unwrap();
    assert!(json.len() > 20 << 20, "{} bytes", json.len());
    let d = Dataset::from_json(&json).unwrap();
    assert_eq!(
        d.series.iter().map(|s| s.observations.len()).sum::<usize>(),
        rows
    );
}
