//! IMF Direction of Trade Statistics (DOTS) time-series downloads (src/imf/): Value and
//! Status rows, each reporter's figures its own basis, the balance checked, the pair of
//! countries chosen. Every file here is made up (tests/fixtures/imf/README.md).

use trade_chart::data::{RawDataset, RawText};
use trade_chart::Error;
use trade_chart_import::builder;
use trade_chart_import::imf::{self, ImfOptions};
use trade_chart_import::Import;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/imf");

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

fn pair(p: &str) -> ImfOptions {
    ImfOptions {
        pair: Some(p.into()),
        ..ImfOptions::default()
    }
}

/// The import, checked as the chart checks it.
fn ok(name: &str, bytes: &[u8], o: &ImfOptions) -> Import {
    let i = imf::import(name, bytes, o).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    i.check().unwrap_or_else(|e| panic!("{name}: {e}"));
    i
}

fn errors(name: &str, bytes: &[u8], o: &ImfOptions) -> Vec<String> {
    match imf::import(name, bytes, o) {
        Ok(_) => panic!("{name}: no error"),
        Err(e) => e.iter().map(Error::to_string).collect(),
    }
}

fn en(t: &RawText) -> &str {
    match t {
        RawText::Plain(t) => t,
        RawText::Localized(m) => m.get("en").map_or("", |s| s),
    }
}

/// A series as the tests compare it: id, direction, basis, label, and its figures
/// (period, value, note).
type Series = (
    String,
    String,
    String,
    String,
    Vec<(String, f64, Option<String>)>,
);

fn series(raw: &RawDataset) -> Vec<Series> {
    raw.series
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                s.direction.clone(),
                s.basis.clone(),
                en(&s.label).to_string(),
                s.observations
                    .iter()
                    .map(|o| {
                        (
                            o.period.clone(),
                            o.value.unwrap(),
                            o.note.as_ref().map(|n| en(n).to_string()),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

fn s(
    id: &str,
    dir: &str,
    basis: &str,
    label: &str,
    figures: &[(&str, f64, Option<&str>)],
) -> Series {
    (
        id.into(),
        dir.into(),
        basis.into(),
        label.into(),
        figures
            .iter()
            .map(|(p, v, n)| (p.to_string(), *v, n.map(String::from)))
            .collect(),
    )
}

#[test]
fn monthly_both_reporters_each_its_basis_statuses_as_notes() {
    let i = ok(
        "dots-monthly.csv",
        &read("dots-monthly.csv"),
        &ImfOptions::default(),
    );
    let d = &i.dataset;
    assert_eq!(
        en(&d.title),
        "Trade between Korea, Rep. of and Japan (IMF DOTS)"
    );
    assert_eq!(d.id, "kr-jp");
    assert_eq!((d.unit.currency.as_str(), d.unit.scale), ("USD", 1e6));
    let partners: Vec<(&str, &str)> = d
        .partners
        .iter()
        .map(|p| (p.code.as_str(), en(&p.name)))
        .collect();
    assert_eq!(partners, [("KR", "Korea, Rep. of"), ("JP", "Japan")]);
    let bases: Vec<(&str, &str)> = d
        .bases
        .iter()
        .map(|b| (b.id.as_str(), en(&b.label)))
        .collect();
    assert_eq!(
        bases,
        [
            ("imf-kr-fob", "Reported by Korea, Rep. of, IMF Direction of Trade Statistics (DOTS); valued FOB (free on board at the border)"),
            ("imf-kr-cif", "Reported by Korea, Rep. of, IMF Direction of Trade Statistics (DOTS); imports valued CIF (cost, insurance and freight to the border)"),
            ("imf-jp-fob", "Reported by Japan, IMF Direction of Trade Statistics (DOTS); valued FOB (free on board at the border)"),
            ("imf-jp-cif", "Reported by Japan, IMF Direction of Trade Statistics (DOTS); imports valued CIF (cost, insurance and freight to the border)"),
        ]
    );
    let e = Some("IMF DOTS status \"e\": estimated");
    let p = Some("IMF DOTS status \"p\": provisional");
    assert_eq!(
        series(d),
        [
            s(
                "kr-jp-monthly-by-kr",
                "KR>JP",
                "imf-kr-fob",
                "Exports from Korea, Rep. of to Japan, as reported by Korea, Rep. of",
                &[
                    ("2024-01", 2500.0, None),
                    // 2345678901.25 dollars, exactly, in millions.
                    ("2024-02", 2345.67890125, None),
                    ("2024-03", 2600.0, e),
                ]
            ),
            s(
                "jp-kr-monthly-by-kr",
                "JP>KR",
                "imf-kr-cif",
                "Imports of Korea, Rep. of from Japan, as reported by Korea, Rep. of",
                // 2024M2 is blank: a gap, not a zero.
                &[("2024-01", 4100.0, None), ("2024-03", 4300.0, None)]
            ),
            s(
                "jp-kr-monthly-by-jp",
                "JP>KR",
                "imf-jp-fob",
                "Exports from Japan to Korea, Rep. of, as reported by Japan (mirror figures)",
                &[
                    ("2024-01", 4000.0, None),
                    ("2024-02", 4200.0, p),
                    ("2024-03", 4250.0, None)
                ]
            ),
            s(
                "kr-jp-monthly-by-jp",
                "KR>JP",
                "imf-jp-cif",
                "Imports of Japan from Korea, Rep. of, as reported by Japan (mirror figures)",
                &[
                    ("2024-01", 2700.0, None),
                    ("2024-02", 2600.0, None),
                    ("2024-03", 2800.0, None)
                ]
            ),
            s(
                "kr-jp-monthly-by-jp-fob",
                "KR>JP",
                "imf-jp-fob",
                "Imports of Japan from Korea, Rep. of, valued FOB, as reported by Japan (mirror figures)",
                &[
                    ("2024-01", 2550.0, None),
                    ("2024-02", 2450.0, None),
                    ("2024-03", 2650.0, None)
                ]
            ),
        ]
    );
    assert_eq!(i.gaps, 1);
    let src = &d.sources[0];
    assert_eq!(
        (src.id.as_str(), src.publisher.as_str(), src.url.as_str()),
        (
            "imf-dots",
            "International Monetary Fund (IMF)",
            "https://data.imf.org/en/datasets/IMF.STA:IMTS"
        )
    );
    assert_eq!(src.title, "Direction of Trade Statistics (DOTS): Trade between Korea, Rep. of and Japan as reported by Korea, Rep. of and Japan, 2024 (IMF download)");
    let warnings: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(
        warnings,
        [
            "dots-monthly.csv:8:6: 1 row (this one) is with World, not a country: left out",
            "dots-monthly.csv:6:10: the balance (TBG_USD) disagrees with exports (TXG_FOB_USD) minus imports (TMG_CIF_USD) beyond their rounding in 1 period (this one, 2024M3: balance -1800000000 US dollars, exports minus imports 2600000000 − 4300000000 = -1700000000); the balance is not drawn",
        ]
    );
    let notes: Vec<&str> = d.notes.iter().map(en).collect();
    assert_eq!(notes[3], "The file's trade balance (TBG_USD) is not drawn: it was checked against exports minus imports (CIF) in 2 periods, of which 1 disagrees beyond rounding.");
    assert!(notes[1].starts_with("Korea, Rep. of and Japan both report this trade."));
    // The balance is never a series.
    assert!(d.series.iter().all(|s| !en(&s.label).contains("alance")));
}

#[test]
fn many_pairs_is_one_error_listing_them_largest_first() {
    let bytes = read("dots-annual-many.csv");
    let text = trade_chart_import::comtrade::decoded("dots-annual-many.csv", &bytes).unwrap();
    let (result, pairs) =
        imf::import_with_pairs("dots-annual-many.csv", &text, &ImfOptions::default());
    let errors = result.err().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind().code(), "many-pairs");
    assert_eq!(
        errors[0].to_string(),
        "dots-annual-many.csv:1:2: pair: 4 pairs of countries in one download; a chart is one pair: choose it with --pair (largest two-way trade first):
  --pair 542,924  Korea, Rep. of and China, P.R.: Mainland
  --pair 542,158  Korea, Rep. of and Japan
  --pair 158,924  Japan and China, P.R.: Mainland
  --pair 542,111  Korea, Rep. of and United States
Left out, as they are not countries: World; Advanced Economies; Emerging and Developing Asia"
    );
    // Ranked by the two-way sum (the balance not counted): 483, 290, 276, 265 billion.
    let got: Vec<(&str, usize, f64)> = pairs
        .iter()
        .map(|p| (p.pair.as_str(), p.rows, p.trade))
        .collect();
    assert_eq!(
        got,
        [
            ("542,924", 4, 483e9),
            ("542,158", 8, 290e9),
            ("158,924", 2, 276e9),
            ("542,111", 4, 265e9)
        ]
    );
}

#[test]
fn pair_chosen_by_code_or_name_both_directions_both_reporters() {
    let bytes = read("dots-annual-many.csv");
    let a = ok("dots-annual-many.csv", &bytes, &pair("542,158"));
    let b = ok(
        "dots-annual-many.csv",
        &bytes,
        &pair("Japan,Korea, Rep. of"),
    );
    let e = Some("IMF DOTS status \"e\": estimated");
    let expected = [
        s(
            "542-158-annual-by-542",
            "542>158",
            "imf-542-fob",
            "Exports from Korea, Rep. of to Japan, as reported by Korea, Rep. of",
            &[("2019", 28000.0, None), ("2020", 25000.0, None)],
        ),
        s(
            "158-542-annual-by-542",
            "158>542",
            "imf-542-cif",
            "Imports of Korea, Rep. of from Japan, as reported by Korea, Rep. of",
            &[("2019", 47000.0, None), ("2020", 46000.0, None)],
        ),
        s(
            "158-542-annual-by-158",
            "158>542",
            "imf-158-fob",
            "Exports from Japan to Korea, Rep. of, as reported by Japan (mirror figures)",
            &[("2019", 46000.0, None), ("2020", 43000.0, e)],
        ),
        s(
            "542-158-annual-by-158",
            "542>158",
            "imf-158-cif",
            "Imports of Japan from Korea, Rep. of, as reported by Japan (mirror figures)",
            &[("2019", 29000.0, None), ("2020", 26000.0, None)],
        ),
    ];
    assert_eq!(series(&a.dataset), expected);
    // The pair named the other way round: the same series, in the order the file's rows
    // give them; the partners (and the title) in the order the option names them.
    assert_eq!(series(&b.dataset), expected);
    assert_eq!(
        en(&a.dataset.title),
        "Trade between Korea, Rep. of and Japan (IMF DOTS)"
    );
    assert_eq!(
        en(&b.dataset.title),
        "Trade between Japan and Korea, Rep. of (IMF DOTS)"
    );
    assert_eq!(b.dataset.id, "158-542");
    let warnings: Vec<String> = a.warnings.iter().map(Error::to_string).collect();
    assert_eq!(
        warnings,
        ["dots-annual-many.csv:16:6: 3 rows (this one first) are with World; Advanced Economies; Emerging and Developing Asia, not a country: left out"]
    );
    // Korea's balance agrees with its exports minus imports in both years.
    let notes: Vec<&str> = a.dataset.notes.iter().map(en).collect();
    assert!(notes.contains(&"The file's trade balance (TBG_USD) is not drawn: it was checked against exports minus imports (CIF) in 2 periods, of which 0 disagree beyond rounding."));
    // Annual figures of two years: bars.
    assert_eq!(a.dataset.views[0].kind, "bars");
}

#[test]
fn pair_errors_aggregates_and_pairs_the_file_lacks() {
    let bytes = read("dots-annual-many.csv");
    assert_eq!(
        errors("f.csv", &bytes, &pair("542,001")),
        ["pair: World (001) is an aggregate of areas, not a country: a chart is the trade between two countries"]
    );
    assert_eq!(
        errors("f.csv", &bytes, &pair("Advanced Economies,158")),
        ["pair: Advanced Economies (110) is an aggregate of areas, not a country: a chart is the trade between two countries"]
    );
    let e = errors("f.csv", &bytes, &pair("158,111"));
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with(
            "pair: the file has no figures between Japan and United States; it holds:\n  --pair 542,924"
        ),
        "{}",
        e[0]
    );
    assert_eq!(
        errors("f.csv", &bytes, &pair("542,Atlantis")),
        ["pair: expected a country the file names (its Country Code or Counterpart Country Code as the file writes it, or its name), found \"Atlantis\""]
    );
}

/// A made-up file from its rows (header first), lines joined with LF.
fn file(lines: &[&str]) -> Vec<u8> {
    let mut s = lines.join("\n");
    s.push('\n');
    s.into_bytes()
}

const HEAD: &str = "Country Name,Country Code,Indicator Name,Indicator Code,Counterpart Country Name,Counterpart Country Code,Attribute";

#[test]
fn a_status_is_never_a_number_and_cells_are_checked_where_they_are() {
    let bytes = file(&[
        &format!("{HEAD},2019,2020"),
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Value,-5,lots",
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Status,12,e",
        "Korea,542,Balance,TBG_USD,Japan,158,Value,-7,x",
    ]);
    assert_eq!(
        errors("t.csv", &bytes, &ImfOptions::default()),
        [
            "t.csv:2:8: value: expected a value in US dollars ≥ 0, like 1234567.89 (a blank cell is a gap; only the balance TBG_USD is negative), found \"-5\"",
            "t.csv:2:9: value: expected a value in US dollars ≥ 0, like 1234567.89 (a blank cell is a gap; only the balance TBG_USD is negative), found \"lots\"",
            "t.csv:4:9: value: expected a balance in US dollars, like -1234567.89 (a blank cell is a gap), found \"x\"",
        ]
    );
    // The status row's "12" is a flag, kept as a note: never a figure.
    let bytes = file(&[
        &format!("{HEAD},2019,2020"),
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Value,5000,6000",
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Status,12,",
    ]);
    let i = ok("t.csv", &bytes, &ImfOptions::default());
    assert_eq!(
        series(&i.dataset)[0].4,
        [
            (
                "2019".to_string(),
                5000.0,
                Some("IMF DOTS status \"12\"".to_string())
            ),
            ("2020".to_string(), 6000.0, None)
        ]
    );
    // Figures under ten thousand dollars: in dollars.
    assert_eq!(i.dataset.unit.scale, 1.0);
}

#[test]
fn the_scale_the_file_says_is_read() {
    // A Scale column, and an indicator's name in millions.
    let bytes = file(&[
        &format!("{HEAD},Scale,2019"),
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Value,Millions,28000.5",
        "Korea,542,\"Goods, Value of Imports, CIF, Millions of US Dollars\",TMG_CIF_USD,Japan,158,Value,,47000",
        "Korea,542,Imports FOB,TMG_FOB_USD,Japan,158,Value,Units,46000000000",
    ]);
    let i = ok("t.csv", &bytes, &ImfOptions::default());
    let got: Vec<f64> = i
        .dataset
        .series
        .iter()
        .map(|s| s.observations[0].value.unwrap())
        .collect();
    assert_eq!(got, [28000.5, 47000.0, 46000.0]);
    assert_eq!(i.dataset.unit.scale, 1e6);
    let bytes = file(&[
        &format!("{HEAD},Scale,2019"),
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Value,Lots,1",
    ]);
    assert_eq!(
        errors("t.csv", &bytes, &ImfOptions::default()),
        ["t.csv:2:8: scale: expected a scale: Units, Thousands, Millions, Billions, or a power of ten (6), found \"Lots\""]
    );
}

#[test]
fn quarters_are_month_ranges_unless_the_file_has_months() {
    let bytes = file(&[
        &format!("{HEAD},2019Q1,2019Q2"),
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Value,7000,8000",
    ]);
    let i = ok("t.csv", &bytes, &ImfOptions::default());
    let periods: Vec<&str> = i.dataset.series[0]
        .observations
        .iter()
        .map(|o| o.period.as_str())
        .collect();
    assert_eq!(periods, ["2019-01/2019-03", "2019-04/2019-06"]);
    assert_eq!(en(&i.dataset.views[0].label), "By quarter");
    let bytes = file(&[
        &format!("{HEAD},2019Q1,2019M1,2019M2,2019M3,2019"),
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Value,7000,2000,2000,3000,30000",
    ]);
    let i = ok("t.csv", &bytes, &ImfOptions::default());
    let got: Vec<(&str, usize)> = i
        .dataset
        .series
        .iter()
        .map(|s| (s.id.as_str(), s.observations.len()))
        .collect();
    assert_eq!(got, [("542-158-monthly", 3), ("542-158-annual", 1)]);
    assert_eq!(
        i.warnings[0].to_string(),
        "t.csv:1:8: 1 quarterly columns (this one first) left out: the file's months are drawn, of which the quarters are sums"
    );
}

#[test]
fn other_indicators_and_missing_columns() {
    let bytes = file(&[
        &format!("{HEAD},2019,"),
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Value,7000,",
        "Korea,542,Exports in SDR,TXG_FOB_XDR,Japan,158,Value,5000,",
    ]);
    let i = ok("t.csv", &bytes, &ImfOptions::default());
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(w, ["t.csv:3:4: indicator TXG_FOB_XDR (Exports in SDR): 1 row (this one) left out; exports TXG_FOB_USD and imports TMG_CIF_USD, TMG_FOB_USD are drawn, the balance TBG_USD checked"]);
    let bytes = file(&["Country Code,Indicator Code,2019", "542,TXG_FOB_USD,1"]);
    assert_eq!(
        errors("t.csv", &bytes, &ImfOptions::default()),
        [
            "t.csv:1:4: counterpart: no counterpart column: an IMF DOTS file has one (headed Counterpart Country Code)",
            "t.csv:1:4: attribute: no attribute column: an IMF DOTS file has one (headed Attribute)",
        ]
    );
}

#[test]
fn the_builder_gets_the_pairs_to_choose_from() {
    let bytes = read("dots-annual-many.csv");
    let o = builder::import_imf(&bytes, None).unwrap();
    assert!(o.dataset.is_none());
    let got: Vec<&str> = o.pairs.iter().map(|p| p.pair.as_str()).collect();
    assert_eq!(got, ["542,924", "542,158", "158,924", "542,111"]);
    assert_eq!(o.errors[0].code, "many-pairs");
    let o = builder::import_imf(&bytes, Some(r#"{"pair":"542,158","file":"dots.csv"}"#)).unwrap();
    assert!(o.dataset.is_some(), "{:?}", o.errors);
    assert_eq!(o.pairs.len(), 4);
    // What it understood, for the "What I read" panel: the pair chosen (a select of the
    // four), who reports, in what unit.
    let facts: Vec<(&str, &str)> = o.facts.iter().map(|f| (f.key, f.value.as_str())).collect();
    assert_eq!(
        o.facts[0].choices.len(),
        5,
        "none chosen, then the four pairs"
    );
    assert_eq!(o.facts[0].chosen.as_deref(), Some("542,158"));
    assert_eq!(
        facts,
        [
            ("pair", "Korea, Rep. of and Japan"),
            ("reporter", "Korea, Rep. of (542); Japan (158)"),
            ("unit", "USD million")
        ]
    );
    assert!(builder::import_imf(&bytes, Some(r#"{"commodity":"85"}"#)).is_err());
}

#[test]
fn the_builder_tells_an_imf_download_by_its_header() {
    // importDownload: the IMF's header → the IMF reader; a Comtrade download → Comtrade's.
    let bytes = read("dots-annual-many.csv");
    let o = builder::import_download(&bytes, Some(r#"{"pair":"542,158"}"#)).unwrap();
    assert!(o.dataset.unwrap().contains("imf-542-fob"));
    let comtrade = std::fs::read(format!("{FIXTURES}/../comtrade/plus-annual.csv")).unwrap();
    let o = builder::import_download(&comtrade, None).unwrap();
    assert!(o.dataset.unwrap().contains("un-comtrade"));
    // "What I read" names the format.
    let first = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    let r =
        builder::what_i_read(&serde_json::json!({ "kind": "comtrade", "text": first }).to_string())
            .unwrap();
    assert_eq!(r.items[0].value, "IMF Direction of Trade (DOTS) download");
}

#[test]
fn partner_names_given_replace_the_files() {
    let o = ImfOptions {
        pair: Some("542,158".into()),
        names: vec![("542".into(), "South Korea".into())],
        ..ImfOptions::default()
    };
    let i = ok("dots-annual-many.csv", &read("dots-annual-many.csv"), &o);
    assert_eq!(en(&i.dataset.partners[0].name), "South Korea");
    assert_eq!(
        en(&i.dataset.series[0].label),
        "Exports from South Korea to Japan, as reported by South Korea"
    );
}

#[test]
fn a_status_row_before_its_value_row_and_a_byte_order_mark() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(file(&[
        &format!("{HEAD},2019,2020"),
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Status,,e",
        "Korea,542,Exports,TXG_FOB_USD,Japan,158,Value,5000,6000",
        // A flag on a gap flags nothing: the gap stays a gap.
        "Korea,542,Imports,TMG_CIF_USD,Japan,158,Value,,7000",
        "Korea,542,Imports,TMG_CIF_USD,Japan,158,Status,e,",
    ]));
    let i = ok("t.csv", &bytes, &ImfOptions::default());
    let got: Vec<Vec<(String, f64, Option<String>)>> =
        series(&i.dataset).into_iter().map(|s| s.4).collect();
    assert_eq!(
        got,
        [
            vec![
                ("2019".to_string(), 5000.0, None),
                (
                    "2020".to_string(),
                    6000.0,
                    Some("IMF DOTS status \"e\": estimated".to_string())
                )
            ],
            vec![("2020".to_string(), 7000.0, None)],
        ]
    );
    assert_eq!(i.gaps, 1);
}
