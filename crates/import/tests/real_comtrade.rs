//! The real UN Comtrade downloads of docs/REAL-FILES.md (every `comtrade-*.csv`): the
//! pair chosen with `--pair` (`ComtradeOptions::pair`), the product with `--commodity`,
//! and the figures docs/REAL-FILES.md read off each file by hand, asserted exactly with
//! their direction and basis. Files of one reporter against World only, or of the EU as
//! reporter, have no pair of two countries: their error is asserted.

#[path = "../../../tests/support/real.rs"]
mod real;

use trade_chart::data::{RawDataset, RawText};
use trade_chart::Error;
use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::Import;

fn en(t: &RawText) -> &str {
    match t {
        RawText::Plain(t) => t,
        RawText::Localized(m) => m.get("en").map_or("", |s| s),
    }
}

fn options(pair: Option<&str>, commodity: Option<&str>) -> ComtradeOptions {
    ComtradeOptions {
        pair: pair.map(String::from),
        commodity: commodity.map(String::from),
        ..ComtradeOptions::default()
    }
}

/// The file imported and checked; `None` where the real files are absent.
fn ok(name: &str, o: &ComtradeOptions) -> Option<Import> {
    let bytes = real::read(name)?;
    let i = comtrade::import(name, &bytes, o).unwrap_or_else(|e| panic!("{name}: {e:#?}"));
    i.check().unwrap_or_else(|e| panic!("{name}: {e}"));
    Some(i)
}

fn failed(name: &str, o: &ComtradeOptions) -> Option<Vec<String>> {
    let bytes = real::read(name)?;
    let e = comtrade::import(name, &bytes, o)
        .err()
        .unwrap_or_else(|| panic!("{name} imported"));
    Some(e.iter().map(Error::to_string).collect())
}

/// Series by direction: (its basis, its label, its figures (period, value)).
fn by_direction(raw: &RawDataset, direction: &str) -> (String, String, Vec<(String, f64)>) {
    let s = raw
        .series
        .iter()
        .find(|s| s.direction == direction)
        .unwrap_or_else(|| panic!("no series {direction}"));
    (
        s.basis.clone(),
        en(&s.label).to_string(),
        s.observations
            .iter()
            .map(|o| (o.period.clone(), o.value.unwrap()))
            .collect(),
    )
}

fn basis_label(raw: &RawDataset, id: &str) -> String {
    en(&raw.bases.iter().find(|b| b.id == id).unwrap().label).to_string()
}

const PLUS: &str = "comtrade-plus-3-reporters-all-partners-cp1252.csv";

#[test]
fn plus_many_partners_without_pair_lists_the_pairs() {
    let Some(e) = failed(PLUS, &ComtradeOptions::default()) else {
        return;
    };
    assert_eq!(e.len(), 1, "{e:#?}");
    let lines: Vec<&str> = e[0].lines().collect();
    assert_eq!(
        lines[..4],
        [
            "comtrade-plus-3-reporters-all-partners-cp1252.csv:1:8: pair: 222 pairs of countries in one download; a chart is one pair: choose it with --pair (largest two-way trade first):",
            "  --pair CHN,USA  China and USA",
            "  --pair CHN,KOR  China and Rep. of Korea",
            "  --pair CHN,JPN  China and Japan",
        ]
    );
    assert_eq!(lines[11], "  … and 212 more");
    // Line 2, China's imports from World, 2,715,997,517,261: an aggregate, never a pair.
    assert_eq!(
        lines[12],
        "Left out, as they are not countries: World; LAIA, nes; Other Asia, nes; Other Europe, nes; Other Africa, nes; North America and Central America, nes; Areas, nes"
    );
}

#[test]
fn plus_china_korea_and_cote_divoire_imports_cif_exports_fob() {
    let Some(i) = ok(PLUS, &options(Some("CHN,KOR"), None)) else {
        return;
    };
    let raw = &i.dataset;
    assert_eq!(raw.unit.scale, 1e6);
    // Line 102: China M from Rep. of Korea 199,667,117,880 (CIF); line 321: X 162,621,428,186.
    assert_eq!(
        by_direction(raw, "KOR>CHN"),
        (
            "comtrade-chn-cif".into(),
            "Imports of China from Rep. of Korea, as reported by China".into(),
            vec![("2022".into(), 199_667.117_88)]
        )
    );
    assert_eq!(
        by_direction(raw, "CHN>KOR"),
        (
            "comtrade-chn-fob".into(),
            "Exports from China to Rep. of Korea, as reported by China".into(),
            vec![("2022".into(), 162_621.428_186)]
        )
    );
    // The file's isReported is false on China's rows: said in the basis.
    assert_eq!(
        basis_label(raw, "comtrade-chn-cif"),
        "Reported by China, UN Comtrade; valued CIF (cost, insurance and freight to the border); some figures estimated by UN Comtrade, not reported by China"
    );
    // Lines 95 and 314, by name as the file writes them (Windows-1252 decoded).
    let i = ok(PLUS, &options(Some("China,Côte d'Ivoire"), None)).unwrap();
    let raw = &i.dataset;
    assert_eq!(en(&raw.partners[1].name), "Côte d'Ivoire");
    assert_eq!(
        by_direction(raw, "CIV>CHN").2,
        [("2022".into(), 970.219_283)]
    );
    assert_eq!(
        by_direction(raw, "CHN>CIV").2,
        [("2022".into(), 3_490.895_902)]
    );
    // Line 441: Germany's imports from World are not a pair.
    assert_eq!(
        failed(PLUS, &options(Some("DEU,World"), None)).unwrap(),
        ["pair: World (W00) is an aggregate of areas, not a country: a chart is the trade between two countries"]
    );
}

#[test]
fn services_germany_turkiye_labelled_as_services() {
    let name = "comtrade-plus-services-germany-cp1252.csv";
    let Some(i) = ok(name, &options(Some("DEU,Türkiye"), None)) else {
        return;
    };
    let raw = &i.dataset;
    assert_eq!(
        en(&raw.title),
        "Trade in services between Germany and Türkiye (UN Comtrade)"
    );
    // Line 56: Germany's services imports from Türkiye, 5,150,460,849.33.
    assert_eq!(
        by_direction(raw, "TUR>DEU"),
        (
            "comtrade-deu-services".into(),
            "Services imports of Germany from Türkiye, as reported by Germany".into(),
            vec![("2022".into(), 5_150.460_849_33)]
        )
    );
    assert_eq!(
        basis_label(raw, "comtrade-deu-services"),
        "Reported by Germany, UN Comtrade; trade in services (EBOPS), not valued at a border"
    );
    // Lines 4 and 62 (Germany against World, 462,002,972,391.27 and 429,320,555,110.59),
    // and lines 2–3 (China against World): aggregates, left out with a warning.
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert!(
        w.contains(&format!(
            "{name}:4:13: 2 rows (this one first) are with World, not a country: left out"
        )),
        "{w:#?}"
    );
    let e = failed(name, &ComtradeOptions::default()).unwrap();
    assert!(
        e[0].ends_with("Left out, as they are not countries: World"),
        "{e:?}"
    );
    assert!(e[0].contains("57 pairs of countries"), "{e:?}");
}

#[test]
fn legacy_indonesia_china_flows_1_and_2_re_imports_left_out() {
    let name = "comtrade-legacy-indonesia-many-partners.csv";
    let Some(i) = ok(name, &options(Some("IDN,CHN"), None)) else {
        return;
    };
    let raw = &i.dataset;
    // One commodity (2401) and no total: its series, named in the title.
    assert_eq!(
        en(&raw.title),
        "Trade between Indonesia and China: 2401 Tobacco, unmanufactured; tobacco refuse (UN Comtrade)"
    );
    // Line 248: 2019 imports from China 183,796,172; line 249: exports 1,060.
    let m = by_direction(raw, "CHN>IDN");
    assert_eq!(m.0, "comtrade-idn-cif");
    assert!(m.2.contains(&("2019".into(), 183.796_172)), "{m:?}");
    let x = by_direction(raw, "IDN>CHN");
    assert_eq!(x.0, "comtrade-idn-fob");
    assert!(x.2.contains(&("2019".into(), 0.001_06)), "{x:?}");
    assert_eq!(x.2.len(), 5);
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert!(
        w.contains(&format!("{name}:444:7: flow 4 (re-imports): 2 rows (this one first) left out; only imports (M) and exports (X) are drawn")),
        "{w:#?}"
    );
    // Line 237: 2019 exports to Belgium 40,912,724.
    let i = ok(name, &options(Some("Indonesia,Belgium"), None)).unwrap();
    let x = by_direction(&i.dataset, "IDN>BEL");
    assert!(x.2.contains(&("2019".into(), 40.912_724)), "{x:?}");
}

#[test]
fn legacy_files_of_aggregates_only_have_no_pair() {
    // The EU-28 as reporter (lines 2 and 712: imports from World, 179,910,819 and
    // 123,839,799, C00; line 709 the same under C01), and reporters against World only
    // (line 2: Australia's exports to World, 58,552; line 348 its imports, mode 0).
    let Some(e) = failed(
        "comtrade-legacy-mx-eu28-imports.csv",
        &ComtradeOptions::default(),
    ) else {
        return;
    };
    assert_eq!(
        e,
        ["comtrade-legacy-mx-eu28-imports.csv:2:14: partner: no pair of two countries: every figure is with an area that is not a country (EU-28; World; Other Europe, nes; Areas, nes; Other Asia, nes; Other Africa, nes); a chart is the trade between two countries"]
    );
    let e = failed(
        "comtrade-legacy-mx-many-reporters-cement.csv",
        &ComtradeOptions::default(),
    )
    .unwrap();
    assert_eq!(
        e,
        ["comtrade-legacy-mx-many-reporters-cement.csv:2:14: partner: no pair of two countries: every figure is with an area that is not a country (World); a chart is the trade between two countries"]
    );
    let e = failed(
        "comtrade-legacy-mx-eu28-imports.csv",
        &options(Some("EU-28,Côte d'Ivoire"), None),
    )
    .unwrap();
    assert_eq!(
        e,
        ["pair: EU-28 (EUR) is an aggregate of areas, not a country: a chart is the trade between two countries"]
    );
}

#[test]
fn codes_only_india_china_by_commodity() {
    let name = "comtrade-codes-only-india-china-2010.csv";
    let Some(i) = ok(name, &options(None, Some("03"))) else {
        return;
    };
    let raw = &i.dataset;
    // 699 and 156: India and China (Comtrade's code for India, ISO's for China).
    assert_eq!(
        raw.partners
            .iter()
            .map(|p| (p.code.as_str(), en(&p.name)))
            .collect::<Vec<_>>(),
        [("IND", "India"), ("CHN", "China")]
    );
    assert_eq!(
        en(&raw.title),
        "Trade between India and China: commodity 03 (UN Comtrade)"
    );
    // Line 6: exports of HS 03 245,867,739 (flow 2); line 7: imports 397,798 (flow 1).
    assert_eq!(
        by_direction(raw, "IND>CHN"),
        (
            "comtrade-ind-fob".into(),
            "Exports from India to China, as reported by India".into(),
            vec![("2010".into(), 245.867_739)]
        )
    );
    assert_eq!(
        by_direction(raw, "CHN>IND"),
        (
            "comtrade-ind-cif".into(),
            "Imports of India from China, as reported by India".into(),
            vec![("2010".into(), 0.397_798)]
        )
    );
    // Line 67: imports of HS 07, 73,371,685.
    let i = ok(name, &options(None, Some("07"))).unwrap();
    assert_eq!(
        by_direction(&i.dataset, "CHN>IND").2,
        [("2010".into(), 73.371_685)]
    );
}

#[test]
fn api_codes_only_one_series_across_h3_h4_h5_h6_totals_only() {
    let name = "comtrade-api-codes-only-china-imports-8542.csv";
    let Some(i) = ok(name, &ComtradeOptions::default()) else {
        return;
    };
    let raw = &i.dataset;
    assert_eq!(
        en(&raw.title),
        "Trade between China and USA: commodity 8542 (UN Comtrade)"
    );
    assert_eq!(raw.series.len(), 1);
    let (basis, label, figures) = by_direction(raw, "USA>CHN");
    assert_eq!(basis, "comtrade-chn-cif");
    assert_eq!(label, "Imports of China from USA, as reported by China");
    assert_eq!(figures.len(), 15);
    // Lines 2 (2010, H3), 39 (2015, H4), 167 (2017, H5), 172 (2022, H6); the partner2Code
    // breakdowns of 2015–2017 never added to them.
    for (period, value) in [
        ("2010", 7_903.767_147),
        ("2015", 11_369.627_279),
        ("2017", 10_211.618_367),
        ("2022", 12_181.956_717),
    ] {
        assert!(
            figures.contains(&(period.into(), value)),
            "{period}: {figures:?}"
        );
    }
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert_eq!(
        w,
        [format!("{name}:7:1: 158 rows (this one first) break a figure down by customs procedure, mode of transport or supply, or second partner: left out, their totals (C00, 0) are read")]
    );
}
