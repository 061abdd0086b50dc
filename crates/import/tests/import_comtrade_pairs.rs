//! UN Comtrade downloads of several pairs of countries, and Comtrade's other shapes:
//! legacy flow letters, the codes-only export, services, several products
//! (src/comtrade/). Every file here is made up (tests/fixtures/comtrade/README.md).

use trade_chart::data::{RawDataset, RawSeries, RawText};
use trade_chart::Error;
use trade_chart_import::builder;
use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::Import;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/comtrade");

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

fn import(name: &str, o: &ComtradeOptions) -> Result<Import, Vec<Error>> {
    comtrade::import(name, &read(name), o)
}

fn pair(p: &str) -> ComtradeOptions {
    ComtradeOptions {
        pair: Some(p.into()),
        ..ComtradeOptions::default()
    }
}

fn commodity(c: &str) -> ComtradeOptions {
    ComtradeOptions {
        commodity: Some(c.into()),
        ..ComtradeOptions::default()
    }
}

/// The import, checked as the chart checks it.
fn ok(name: &str, o: &ComtradeOptions) -> Import {
    let i = import(name, o).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    i.check().unwrap_or_else(|e| panic!("{name}: {e}"));
    i
}

fn en(t: &RawText) -> &str {
    match t {
        RawText::Plain(t) => t,
        RawText::Localized(m) => m.get("en").map_or("", |s| s),
    }
}

/// A series as the tests compare it: id, direction, basis, label, and its figures
/// (period, category, value).
type Series = (
    String,
    String,
    String,
    String,
    Vec<(String, Option<String>, f64)>,
);

/// Each series of the dataset.
fn series(raw: &RawDataset) -> Vec<Series> {
    raw.series
        .iter()
        .map(|s: &RawSeries| {
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
                            o.category.as_ref().map(|c| en(c).to_string()),
                            o.value.unwrap(),
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

fn bases(raw: &RawDataset) -> Vec<(String, String)> {
    raw.bases
        .iter()
        .map(|b| (b.id.clone(), en(&b.label).to_string()))
        .collect()
}

fn warnings(i: &Import) -> Vec<String> {
    i.warnings.iter().map(Error::to_string).collect()
}

fn errors(e: &[Error]) -> Vec<String> {
    e.iter().map(Error::to_string).collect()
}

fn s(v: &str) -> String {
    v.to_string()
}

/// The many-pairs error, as `trade-chart check` prints it.
const MANY_PAIRS: &str = "plus-many-pairs.csv:1:5: pair: 12 pairs of countries in one download; a chart is one pair: choose it with --pair (largest two-way trade first):
  --pair KOR,CHN  Rep. of Korea and China
  --pair KOR,USA  Rep. of Korea and USA
  --pair KOR,JPN  Rep. of Korea and Japan
  --pair KOR,VNM  Rep. of Korea and Viet Nam
  --pair KOR,DEU  Rep. of Korea and Germany
  --pair KOR,AUS  Rep. of Korea and Australia
  --pair KOR,MYS  Rep. of Korea and Malaysia
  --pair KOR,IDN  Rep. of Korea and Indonesia
  --pair KOR,IND  Rep. of Korea and India
  --pair KOR,MEX  Rep. of Korea and Mexico
  … and 2 more
Left out, as they are not countries: World; Areas, nes";

#[test]
fn several_pairs_without_pair_is_one_error_listing_them_largest_first() {
    let e = import("plus-many-pairs.csv", &ComtradeOptions::default()).unwrap_err();
    assert_eq!(errors(&e), [MANY_PAIRS]);
    assert_eq!(e[0].code(), "many-pairs");
    assert_eq!((e[0].row(), e[0].column()), (Some(1), Some(5)));
}

#[test]
fn the_pair_both_directions_as_both_reporters_give_them_each_its_basis() {
    // By codes, by names, by Comtrade's numbers, in any case: one dataset.
    for p in ["KOR,JPN", "Rep. of Korea,Japan", "410,392", "kor, japan"] {
        let i = ok("plus-many-pairs.csv", &pair(p));
        let raw = &i.dataset;
        assert_eq!(
            raw.partners
                .iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>(),
            ["KOR", "JPN"],
            "{p}"
        );
        assert_eq!(
            en(&raw.title),
            "Trade between Rep. of Korea and Japan (UN Comtrade)"
        );
        assert_eq!(raw.unit.scale, 1e6);
        assert_eq!(
            series(raw),
            [
                (s("kor-jpn-annual-by-kor"), s("KOR>JPN"), s("comtrade-kor-fob"),
                 s("Exports from Rep. of Korea to Japan, as reported by Rep. of Korea"),
                 vec![(s("2023"), None, 30000.0)]),
                (s("jpn-kor-annual-by-kor"), s("JPN>KOR"), s("comtrade-kor-cif"),
                 s("Imports of Rep. of Korea from Japan, as reported by Rep. of Korea"),
                 vec![(s("2023"), None, 45000.0)]),
                (s("jpn-kor-annual-by-jpn"), s("JPN>KOR"), s("comtrade-jpn-fob"),
                 s("Exports from Japan to Rep. of Korea, as reported by Japan (mirror figures)"),
                 vec![(s("2023"), None, 44000.0)]),
                (s("kor-jpn-annual-by-jpn"), s("KOR>JPN"), s("comtrade-jpn-cif"),
                 s("Imports of Japan from Rep. of Korea, as reported by Japan (mirror figures)"),
                 vec![(s("2023"), None, 31000.0)]),
            ],
            "{p}"
        );
        assert_eq!(
            bases(raw),
            [
                (s("comtrade-kor-fob"), s("Reported by Rep. of Korea, UN Comtrade; valued FOB (free on board at the border)")),
                (s("comtrade-kor-cif"), s("Reported by Rep. of Korea, UN Comtrade; valued CIF (cost, insurance and freight to the border)")),
                (s("comtrade-jpn-fob"), s("Reported by Japan, UN Comtrade; valued FOB (free on board at the border)")),
                // Japan's import row says isReported false: said in words, not the field's name.
                (s("comtrade-jpn-cif"), s("Reported by Japan, UN Comtrade; valued CIF (cost, insurance and freight to the border); some figures estimated by UN Comtrade, not reported by Japan")),
            ]
        );
        // In Korean and Chinese too.
        let jpn_cif = raw
            .bases
            .iter()
            .find(|b| b.id == "comtrade-jpn-cif")
            .unwrap();
        let RawText::Localized(m) = &jpn_cif.label else {
            panic!("the basis in one language: {:?}", jpn_cif.label)
        };
        assert_eq!(
            m["ko"],
            "Japan 보고, UN Comtrade; CIF 기준(국경까지의 운임·보험료 포함); 일부 수치는 Japan 보고가 아닌 UN Comtrade 추정치"
        );
        assert_eq!(
            m["zh"],
            "Japan报告，UN Comtrade；按到岸价（CIF，含至边境的运费和保险费）计；部分数字由UN Comtrade估算，并非Japan报告"
        );
        assert!(!m.values().any(|t| t.contains("isReported")), "{m:?}");
        // Korea's rows with World and Areas, nes, and Japan's with World.
        assert_eq!(
            warnings(&i),
            ["plus-many-pairs.csv:2:10: 4 rows (this one first) are with World; Areas, nes, not a country: left out"]
        );
    }
    // The pair in the other order names the countries in that order.
    let i = ok("plus-many-pairs.csv", &pair("JPN,KOR"));
    assert_eq!(i.dataset.partners[0].code, "JPN");
    // The largest pair: two years of Korea's own reports only.
    let i = ok("plus-many-pairs.csv", &pair("KOR,CHN"));
    let got = series(&i.dataset);
    assert_eq!(
        got[0].4,
        [(s("2023"), None, 120000.0), (s("2022"), None, 115000.0)]
    );
    assert_eq!(
        got[1].4,
        [(s("2023"), None, 110000.0), (s("2022"), None, 105000.0)]
    );
    assert_eq!(got.len(), 2);
}

#[test]
fn a_pair_that_is_not_two_of_the_files_countries_is_refused_with_a_reason() {
    let e = |p: &str| errors(&import("plus-many-pairs.csv", &pair(p)).unwrap_err());
    assert_eq!(
        e("KOR,W00"),
        ["pair: World (W00) is an aggregate of areas, not a country: a chart is the trade between two countries"]
    );
    // the world by another of its codes than the file's (WLD for W00) is the file's World
    for world in ["KOR,WLD", "KOR,0", "KOR,world"] {
        assert_eq!(
            e(world),
            ["pair: World (W00) is an aggregate of areas, not a country: a chart is the trade between two countries"],
            "{world}"
        );
    }
    assert_eq!(
        e("Rep. of Korea,Areas, nes"),
        ["pair: Areas, nes (_X) is an aggregate of areas, not a country: a chart is the trade between two countries"]
    );
    assert_eq!(
        e("KOR,XYZ"),
        ["pair: expected a country the file names (its code as reporterISO/partnerISO or reporterCode writes it, or its name), found \"XYZ\""]
    );
    assert_eq!(
        e("KOR"),
        ["pair: expected two countries as A,B (their codes or names as the file writes them: CHN,KOR), found \"KOR\""]
    );
    assert_eq!(
        e("KOR,kor"),
        ["pair: expected two different countries, found \"KOR,kor\""]
    );
    // Two countries of the file, but no figure between them.
    let got = e("CHN,USA");
    assert!(
        got[0].starts_with("pair: the file has no figures between China and USA; it holds:\n  --pair KOR,CHN  Rep. of Korea and China\n"),
        "{got:?}"
    );
}

#[test]
fn legacy_headers_with_flow_letters_totals_only_re_exports_left_out() {
    let i = ok("legacy-letters.csv", &ComtradeOptions::default());
    let raw = &i.dataset;
    assert_eq!(
        en(&raw.title),
        "Trade between Chile and Peru: 252310 Cement clinkers (made-up figures) (UN Comtrade)"
    );
    assert_eq!(raw.unit.scale, 1e3);
    assert_eq!(
        series(raw),
        [
            (
                s("chl-per-annual"),
                s("CHL>PER"),
                s("comtrade-chl-fob"),
                s("Exports from Chile to Peru, as reported by Chile"),
                vec![(s("2019"), None, 5200.0), (s("2020"), None, 4800.0)]
            ),
            (
                s("per-chl-annual"),
                s("PER>CHL"),
                s("comtrade-chl-cif"),
                s("Imports of Chile from Peru, as reported by Chile"),
                vec![(s("2019"), None, 1300.0), (s("2020"), None, 1250.0)]
            ),
        ]
    );
    // The C01 row (customs procedure) and the sea row (mode 2100) are never added.
    assert_eq!(
        warnings(&i),
        [
            "legacy-letters.csv:4:1: 2 rows (this one first) break a figure down by customs procedure, mode of transport or supply, or second partner: left out, their totals (C00, 0) are read",
            "legacy-letters.csv:7:14: 1 row (this one) is with World, not a country: left out",
            "legacy-letters.csv:6:7: flow RX (re-exports): 1 row (this one) left out; only imports (M) and exports (X) are drawn",
            "legacy-letters.csv:10:7: flow RM (re-imports): 1 row (this one) left out; only imports (M) and exports (X) are drawn",
        ]
    );
}

#[test]
fn codes_only_numbers_named_by_comtrades_list_then_isos() {
    // 699 is India and 842 the USA in Comtrade's list (ISO: 356 and 840).
    let i = ok("codes-only.csv", &ComtradeOptions::default());
    let raw = &i.dataset;
    assert_eq!(
        raw.partners
            .iter()
            .map(|p| (p.code.as_str(), en(&p.name)))
            .collect::<Vec<_>>(),
        [("IND", "India"), ("USA", "USA")]
    );
    // Two products and no total: a products view; H3 (2010) and H4 (2012) one series.
    assert_eq!(
        series(raw),
        [
            (
                s("ind-usa-products"),
                s("IND>USA"),
                s("comtrade-ind-fob"),
                s("Exports from India to USA, as reported by India"),
                vec![
                    (s("2010"), Some(s("03")), 245.0),
                    (s("2010"), Some(s("07")), 61.0),
                    (s("2012"), Some(s("03")), 251.0),
                    (s("2012"), Some(s("07")), 66.0)
                ]
            ),
            (
                s("usa-ind-products"),
                s("USA>IND"),
                s("comtrade-ind-cif"),
                s("Imports of India from USA, as reported by India"),
                vec![
                    (s("2010"), Some(s("03")), 39.0),
                    (s("2010"), Some(s("07")), 7.0),
                    (s("2012"), Some(s("03")), 42.0)
                ]
            ),
        ]
    );
    assert!(i.warnings.is_empty(), "{:?}", warnings(&i));
    // One product: its time series.
    let i = ok("codes-only.csv", &commodity("03"));
    assert_eq!(
        en(&i.dataset.title),
        "Trade between India and USA: commodity 03 (UN Comtrade)"
    );
    let got = series(&i.dataset);
    assert_eq!(got[0].0, "ind-usa-annual");
    assert_eq!(
        got[0].4,
        [(s("2010"), None, 245.0), (s("2012"), None, 251.0)]
    );
    assert_eq!(got[1].4, [(s("2010"), None, 39.0), (s("2012"), None, 42.0)]);
}

#[test]
fn an_unknown_code_keeps_its_number_with_a_warning_until_named() {
    let i = ok("codes-only-unknown.csv", &ComtradeOptions::default());
    assert_eq!(i.dataset.partners[1].code, "998");
    assert_eq!(en(&i.dataset.partners[1].name), "998");
    assert_eq!(
        warnings(&i),
        ["codes-only-unknown.csv:2:4: area 998: a code neither Comtrade's nor ISO's lists name; it keeps its number as its name (give one with --partner 998=NAME)"]
    );
    let named = ComtradeOptions {
        names: vec![(s("998"), s("Somewhere"))],
        ..ComtradeOptions::default()
    };
    let i = ok("codes-only-unknown.csv", &named);
    assert_eq!(en(&i.dataset.partners[1].name), "Somewhere");
    assert!(i.warnings.is_empty());
    assert_eq!(series(&i.dataset)[0].1, "IND>998");
    assert_eq!(series(&i.dataset)[0].4, [(s("2010"), None, 1000.0)]);
}

#[test]
fn services_are_labelled_as_services_and_not_valued_cif_or_fob() {
    let i = ok("plus-services.csv", &ComtradeOptions::default());
    let raw = &i.dataset;
    assert_eq!(
        en(&raw.title),
        "Trade in services between Germany and France (UN Comtrade)"
    );
    assert_eq!(
        bases(raw),
        [(s("comtrade-deu-services"), s("Reported by Germany, UN Comtrade; trade in services (EBOPS), not valued at a border"))]
    );
    assert_eq!(
        series(raw),
        [
            (
                s("deu-fra-annual"),
                s("DEU>FRA"),
                s("comtrade-deu-services"),
                s("Services exports from Germany to France, as reported by Germany"),
                vec![
                    (s("2021"), None, 21000.00000025),
                    (s("2022"), None, 22500.0)
                ]
            ),
            (
                s("fra-deu-annual"),
                s("FRA>DEU"),
                s("comtrade-deu-services"),
                s("Services imports of Germany from France, as reported by Germany"),
                vec![
                    (s("2021"), None, 18000.0),
                    (s("2022"), None, 19500.00000075)
                ]
            ),
        ]
    );
    assert!(en(&raw.notes[0]).contains("no CIF or FOB valuation"));
    assert_eq!(
        raw.sources[0].title,
        "Trade in services between Germany and France as reported by Germany, 2021–2022 (UN Comtrade download)"
    );
}

#[test]
fn several_products_a_products_view_or_the_one_commodity_asked_for() {
    let i = ok("plus-products.csv", &ComtradeOptions::default());
    let got = series(&i.dataset);
    assert_eq!(
        got[0].4,
        [(s("2021"), None, 56000.0), (s("2022"), None, 60000.0)]
    );
    // H5 in 2021, H6 in 2022, with another description: one category all the same.
    let e85 = "85 Electrical machinery and equipment (made-up figures)";
    assert_eq!(
        got[1].4,
        [
            (s("2021"), Some(s(e85)), 21000.0),
            (s("2021"), Some(s("84 Machinery (made-up figures)")), 6000.0),
            (s("2022"), Some(s(e85)), 23500.0),
            (s("2022"), Some(s("84 Machinery (made-up figures)")), 6400.0),
        ]
    );
    assert_eq!(got[2].4, [(s("2022"), Some(s(e85)), 15000.0)]);
    let i = ok("plus-products.csv", &commodity("85"));
    assert_eq!(
        en(&i.dataset.title),
        format!("Trade between Rep. of Korea and Viet Nam: {e85} (UN Comtrade)")
    );
    let got = series(&i.dataset);
    assert_eq!(
        (got[0].0.as_str(), &got[0].4[..]),
        (
            "kor-vnm-annual",
            &[(s("2021"), None, 21000.0), (s("2022"), None, 23500.0)][..]
        )
    );
    assert_eq!(got[1].4, [(s("2022"), None, 15000.0)]);
    let e = import("plus-products.csv", &commodity("99")).unwrap_err();
    assert_eq!(
        errors(&e),
        ["commodity: expected a commodity code of the pair's 7 figures (TOTAL, 85, 84), found \"99\""]
    );
}

#[test]
fn the_builder_gets_the_pairs_as_data_and_takes_the_pair_as_an_option() {
    let bytes = read("plus-many-pairs.csv");
    let r = builder::import_comtrade(&bytes, Some(r#"{"file": "plus-many-pairs.csv"}"#)).unwrap();
    assert_eq!(r.dataset, None);
    assert_eq!(r.errors[0].code, "many-pairs");
    assert_eq!(r.errors[0].text, MANY_PAIRS);
    let listed: Vec<(&str, &str, &str, usize, f64)> = r
        .pairs
        .iter()
        .map(|p| {
            (
                p.pair.as_str(),
                p.first.name.as_str(),
                p.second.name.as_str(),
                p.rows,
                p.trade,
            )
        })
        .collect();
    assert_eq!(listed.len(), 12);
    assert_eq!(
        listed[..4],
        [
            ("KOR,CHN", "Rep. of Korea", "China", 4, 450e9),
            ("KOR,USA", "Rep. of Korea", "USA", 2, 170e9),
            ("KOR,JPN", "Rep. of Korea", "Japan", 4, 150e9),
            ("KOR,VNM", "Rep. of Korea", "Viet Nam", 2, 70e9),
        ]
    );
    assert_eq!(listed[11].0, "KOR,CAN");
    // The page's choice: the dataset, and the same list to change it.
    let r = builder::import_comtrade(&bytes, Some(r#"{"pair": "KOR,JPN"}"#)).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert!(r.dataset.unwrap().contains("\"KOR>JPN\""));
    assert_eq!(r.pairs.len(), 12);
    // As JSON: `pairs` only when there is a choice.
    let json = serde_json::to_string(&r.pairs[0]).unwrap();
    assert_eq!(
        json,
        r#"{"pair":"KOR,CHN","first":{"code":"KOR","name":"Rep. of Korea"},"second":{"code":"CHN","name":"China"},"rows":4,"trade":450000000000.0}"#
    );
    let one = builder::import_comtrade(&read("plus-annual.csv"), None).unwrap();
    assert!(one.pairs.is_empty());
    assert!(!serde_json::to_string(&one).unwrap().contains("pairs"));
}

#[test]
fn a_country_named_by_iso_code_in_one_row_and_by_number_in_another_is_one() {
    let text = "period,reporterCode,reporterISO,reporterDesc,flowCode,partnerCode,partnerISO,partnerDesc,primaryValue
2023,410,KOR,Rep. of Korea,X,392,JPN,Japan,30000000000
2023,392,,,X,410,,,44000000000
";
    let i = comtrade::import("mixed.csv", text.as_bytes(), &ComtradeOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let got = series(&i.dataset);
    assert_eq!(
        got.iter().map(|s| s.1.as_str()).collect::<Vec<_>>(),
        ["KOR>JPN", "JPN>KOR"]
    );
    assert_eq!(got[1].4, [(s("2023"), None, 44000.0)]);
}
