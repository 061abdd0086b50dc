//! The long tables with words of docs/REAL-FILES.md, read as editors will give them:
//! China customs' query export (GBK, the value column headed 人民币, partners by code and
//! name, the flow not in the file) and ELSTAT's table by SITC section (flows as words,
//! `2017(1)` provisional years, Greece against the world). Every figure asserted was read
//! off the file by hand (docs/REAL-FILES.md gives the lines).

#[path = "../../../tests/support/real.rs"]
mod real;

use trade_chart::data::RawText;
use trade_chart::{Error, ErrorKind, RawDataset};
use trade_chart_import::wide::{flow_option, source_option};
use trade_chart_import::{self as import, Import, Input, SheetOptions};

const CUSTOMS: &str = "cn-customs-soybean-imports-2024-gbk.csv";
const ELSTAT: &str = "gr-elstat-sitc-eur.csv";

fn options(partners: &[(&str, &str)], source: &str) -> SheetOptions {
    SheetOptions {
        partners: partners
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect(),
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

/// The figure of the series of `direction` for `period`, and its note.
fn figure(ds: &RawDataset, direction: &str, period: &str) -> (f64, Option<String>) {
    let s = ds
        .series
        .iter()
        .find(|s| s.direction == direction)
        .unwrap_or_else(|| panic!("no {direction} series"));
    let o = s
        .observations
        .iter()
        .find(|o| o.period == period)
        .unwrap_or_else(|| panic!("no {direction} figure for {period}"));
    let note = o.note.as_ref().map(|n| match n {
        RawText::Plain(t) => t.clone(),
        other => format!("{other:?}"),
    });
    (o.value.unwrap(), note)
}

const GACC: &str =
    "General Administration of Customs of China | Customs statistics query | http://stats.customs.gov.cn/";

fn customs(second: (&str, &str)) -> SheetOptions {
    let mut o = options(&[("CN", "China"), second], GACC);
    o.commodity = Some("12019019".into());
    o.flows = vec![flow_option(&format!("人民币={}>CN", second.0)).unwrap()];
    o
}

#[test]
fn china_customs_soybean_imports_by_partner_name_and_code() {
    let Some(bytes) = real::read(CUSTOMS) else {
        return;
    };
    // Line 3: 202401, 410 巴西: 16,536,067,327 yuan, China's imports from Brazil.
    let i = ok(CUSTOMS, &bytes, &customs(("BR", "巴西")));
    let ds = &i.dataset;
    assert_eq!((ds.unit.currency.as_str(), ds.unit.scale), ("CNY", 1.0));
    assert_eq!(figure(ds, "BR>CN", "2024-01"), (16_536_067_327.0, None));
    assert_eq!(ds.series.len(), 1);
    assert_eq!(
        ds.sources[0].id,
        "general-administration-of-customs-of-china"
    );
    // Line 2: 202401, 402 阿根廷, by its customs code.
    let i = ok(CUSTOMS, &bytes, &customs(("402", "Argentina")));
    assert_eq!(
        figure(&i.dataset, "402>CN", "2024-01"),
        (639_240_426.0, None)
    );
    // Line 37: 202412, 美国.
    let i = ok(CUSTOMS, &bytes, &customs(("US", "美国")));
    assert_eq!(
        figure(&i.dataset, "US>CN", "2024-12"),
        (14_187_976_530.0, None)
    );
}

#[test]
fn china_customs_without_the_answers_one_error_each() {
    let Some(bytes) = real::read(CUSTOMS) else {
        return;
    };
    // No second partner: the partners listed, largest first; and in the same run the
    // products (of every row) and the flow, which the file does not say either.
    let e = run(CUSTOMS, &bytes, &options(&[("CN", "China")], GACC)).unwrap_err();
    assert_eq!(e.len(), 3, "{e:?}");
    assert_eq!(e[0].kind(), ErrorKind::ManyPairs);
    assert!(
        e[1].to_string().contains("the table holds 2 products"),
        "{}",
        e[1]
    );
    assert!(
        e[2].to_string()
            .starts_with("--flow: the table does not say whether \"人民币\""),
        "{}",
        e[2]
    );
    let text = e[0].to_string();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
    assert!(at("410 巴西") < at("502 美国") && at("502 美国") < at("402 阿根廷"));
    // No flow: the file does not say imports or exports.
    let mut o = customs(("BR", "巴西"));
    o.flows.clear();
    let e = run(CUSTOMS, &bytes, &o).unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0]
        .to_string()
        .starts_with("--flow: the table does not say whether \"人民币\" holds imports or exports"));
}

const ELSTAT_SOURCE: &str =
    "Hellenic Statistical Authority (ELSTAT) | Trade by SITC section | https://www.statistics.gr/";

#[test]
fn elstat_food_section_greece_and_the_world_in_euros() {
    let Some(bytes) = real::read(ELSTAT) else {
        return;
    };
    let mut o = options(&[("GR", "Greece"), ("WLD", "World")], ELSTAT_SOURCE);
    o.commodity = Some("0".into());
    let i = ok(ELSTAT, &bytes, &o);
    let ds = &i.dataset;
    assert_eq!((ds.unit.currency.as_str(), ds.unit.scale), ("EUR", 1.0));
    // Line 2: 2013 IMPORTS, SITC 0: 2,057,335,528 euros; line 15: 2013 EXPORTS.
    assert_eq!(figure(ds, "WLD>GR", "2013"), (2_057_335_528.0, None));
    assert_eq!(figure(ds, "GR>WLD", "2013"), (1_460_095_811.0, None));
    // The provisional years keep their marker as a note, and a warning says it.
    let (_, note) = figure(ds, "GR>WLD", "2017");
    assert_eq!(
        note.as_deref(),
        Some("The table writes this period \"2017(1)\": its marker (1) is a footnote of the source (provisional or revised figures).")
    );
    let w: Vec<String> = i.warnings.iter().map(Error::to_string).collect();
    assert!(
        w.iter().any(|x| x.contains("\"2017(1)\": read as 2017")),
        "{w:?}"
    );
    assert!(
        w.iter().any(|x| x.contains("\"2018(1)\": read as 2018")),
        "{w:?}"
    );
    assert!(
        w[0].starts_with("--partner: WLD (World) is the world as a whole"),
        "{w:?}"
    );
    // Ten sections, never summed: without --commodity, one error listing them.
    let o = options(&[("GR", "Greece"), ("WLD", "World")], ELSTAT_SOURCE);
    let e = run(ELSTAT, &bytes, &o).unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0].to_string().contains("the table holds 10 products"));
}
