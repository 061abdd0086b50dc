//! Unit cells and headers in any ISO 4217 currency with the scale words of English,
//! Korean and Chinese (`trade_chart_import::unit`, `header_unit`), and a table in euros
//! or in 万元 imported as a dataset in that currency, never converted.

use trade_chart::data::Currency;
use trade_chart_import::{header_unit, import, unit, Input, SheetOptions, Unit};

fn u(code: &str, exp: i32) -> Option<Unit> {
    Some(Unit {
        currency: Currency::parse(code).unwrap(),
        exp,
    })
}

#[test]
fn unit_cells_in_three_languages() {
    let table: &[(&str, Option<Unit>)] = &[
        ("USD", u("USD", 0)),
        ("USD thousand", u("USD", 3)),
        ("US$ million", u("USD", 6)),
        ("$bn", u("USD", 9)),
        ("million US dollars", u("USD", 6)),
        ("thousands of US dollars", u("USD", 3)),
        ("in EUR million", u("EUR", 6)),
        ("EUR thousand", u("EUR", 3)),
        ("eur", u("EUR", 0)),
        ("thousand euros", u("EUR", 3)),
        ("euro", u("EUR", 0)),
        ("€ million", u("EUR", 6)),
        ("CNY", u("CNY", 0)),
        ("KRW million", u("KRW", 6)),
        ("KRW trillion", u("KRW", 12)),
        ("CHF '000", u("CHF", 3)),
        ("million XDR", u("XDR", 6)),
        ("yen", u("JPY", 0)),
        ("JP¥ bn", u("JPY", 9)),
        ("won", u("KRW", 0)),
        ("₩ million", u("KRW", 6)),
        ("yuan", u("CNY", 0)),
        ("RMB", u("CNY", 0)),
        ("RMB million", u("CNY", 6)),
        ("CN¥", u("CNY", 0)),
        ("천달러", u("USD", 3)),
        ("백만달러", u("USD", 6)),
        ("백만 달러", u("USD", 6)),
        ("억달러", u("USD", 8)),
        ("억원", u("KRW", 8)),
        ("천원", u("KRW", 3)),
        ("백만원", u("KRW", 6)),
        ("십억원", u("KRW", 9)),
        ("조원", u("KRW", 12)),
        ("만원", u("KRW", 4)),
        ("원", u("KRW", 0)),
        ("천만원", u("KRW", 7)),
        ("만 유로", u("EUR", 4)),
        ("万元", u("CNY", 4)),
        ("亿元", u("CNY", 8)),
        ("元", u("CNY", 0)),
        ("亿美元", u("USD", 8)),
        ("万美元", u("USD", 4)),
        ("千美元", u("USD", 3)),
        ("百万美元", u("USD", 6)),
        ("人民币", u("CNY", 0)),
        ("人民币元", u("CNY", 0)),
        ("万元人民币", None),
        ("亿日元", u("JPY", 8)),
        ("万欧元", u("EUR", 4)),
        // Not units: no currency, an unknown code, two currencies, two scales, a ¥
        // that does not say whose.
        ("", None),
        ("thousand", None),
        ("억", None),
        ("ABC million", None),
        ("USD EUR", None),
        ("USD thousand million", None),
        ("¥", None),
        ("dollars", None),
        ("HK$", None),
        ("USD per tonne", None),
    ];
    for &(cell, expected) in table {
        assert_eq!(unit(cell), expected, "{cell:?}");
    }
}

#[test]
fn units_named_in_column_headers() {
    let table: &[(&str, Option<Unit>)] = &[
        ("VALUE IN EURO", u("EUR", 0)),
        ("Value (EUR)", u("EUR", 0)),
        ("Value (EUR thousand)", u("EUR", 3)),
        ("Exports (US$ thousand)", u("USD", 3)),
        ("Trade value in million USD", u("USD", 6)),
        ("수출금액(천달러)", u("USD", 3)),
        ("수출금액 천달러", u("USD", 3)),
        ("수입액(억원)", u("KRW", 8)),
        ("出口额（万元）", u("CNY", 4)),
        ("进口金额(亿美元)", u("USD", 8)),
        ("金额：人民币", u("CNY", 0)),
        // A code counts only in capitals: `all` is a word, not Albania's lek.
        ("Exports to all partners", None),
        ("Exports", None),
        ("Month", None),
        ("Value (EUR, USD)", None),
    ];
    for &(header, expected) in table {
        assert_eq!(header_unit(header), expected, "{header:?}");
    }
}

const SOURCES: &str = "id\tpublisher\ttitle\turl\tdate\n\
    s1\tA made-up statistics office\tInvented trade figures\thttps://example.org/made-up\t2024-01-15\n";

fn imported(obs: &str, options: &SheetOptions) -> trade_chart::data::RawDataset {
    let imp = import(
        Input {
            name: "observations.tsv",
            text: obs,
        },
        Input {
            name: "sources.tsv",
            text: SOURCES,
        },
        options,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    imp.dataset
}

fn partners() -> SheetOptions {
    SheetOptions {
        partners: vec![
            ("DE".into(), "Germany".into()),
            ("FR".into(), "France".into()),
        ],
        ..SheetOptions::default()
    }
}

#[test]
fn a_table_in_euros_is_a_dataset_in_euros() {
    let obs = "direction\tperiod\tvalue\tunit\tsources\n\
        DE>FR\t2022\t1,250\tEUR million\ts1\n\
        DE>FR\t2023\t1.5\tEUR bn\ts1\n";
    let d = imported(obs, &partners());
    assert_eq!(d.unit.currency, "EUR");
    assert_eq!(d.unit.scale, 1e6);
    let values: Vec<Option<f64>> = d.series[0].observations.iter().map(|o| o.value).collect();
    assert_eq!(values, [Some(1250.0), Some(1500.0)]);
}

#[test]
fn a_table_in_wan_yuan_by_option() {
    let obs = "direction\tperiod\tvalue\tsources\n\
        DE>FR\t2022\t12,345.5\ts1\n";
    let options = SheetOptions {
        unit: Some("万元".into()),
        ..partners()
    };
    let d = imported(obs, &options);
    assert_eq!(d.unit.currency, "CNY");
    assert_eq!(d.unit.scale, 1e4);
    assert_eq!(d.series[0].observations[0].value, Some(12345.5));
}

#[test]
fn two_currencies_in_one_table_are_an_error_at_the_cell() {
    let obs = "direction\tperiod\tvalue\tunit\tsources\n\
        DE>FR\t2022\t1\tEUR\ts1\n\
        DE>FR\t2023\t1\tUSD\ts1\n";
    let e = import(
        Input {
            name: "observations.tsv",
            text: obs,
        },
        Input {
            name: "sources.tsv",
            text: SOURCES,
        },
        &partners(),
    )
    .map(|_| ())
    .expect_err("two currencies accepted");
    let first = e.first().expect("an error").to_string();
    assert_eq!(
        first,
        "observations.tsv:3:4: unit: \"USD\": USD here, EUR in row 2: a dataset is in one currency, never converted"
    );
}
