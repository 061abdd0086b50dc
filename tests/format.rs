//! Formatting against a table of expected strings.

use trade_chart::data::{Period, Qualifier};
use trade_chart::format::*;

#[test]
fn money_reads_like_a_newspaper() {
    for (usd, expected) in [
        (491.06e6, "$491.06 million"),
        (539.06e6, "$539.06 million"),
        (48e6, "$48 million"),
        (96.8e6, "$96.8 million"),
        (2.79e9, "$2.79 billion"),
        (1027.72e6, "$1.028 billion"),
        (65.865e6, "$65.865 million"),
        (10.73e6, "$10.73 million"),
        (2382.0, "$2,382"),
        (148_000.0, "$148,000"),
        (6.54e9, "$6.54 billion"),
        (0.0, "$0"),
    ] {
        assert_eq!(money(usd), expected, "{usd}");
    }
    assert_eq!(
        money_qualified(24e6, Qualifier::Approx),
        "about $24 million"
    );
    assert_eq!(
        money_qualified(58e6, Qualifier::AtLeast),
        "more than $58 million"
    );
}

#[test]
fn short_money_for_axes() {
    for (usd, expected) in [
        (0.0, "$0"),
        (500e6, "$500m"),
        (1.5e9, "$1.5bn"),
        (2e9, "$2bn"),
        (250e3, "$250k"),
        (539.06e6, "$539.06m"),
        (2.79e9, "$2.79bn"),
    ] {
        assert_eq!(money_short(usd), expected);
    }
}

#[test]
fn decimals_round_half_up_and_trim() {
    assert_eq!(decimal(4.751, 1), "4.8");
    assert_eq!(decimal(25.929999999, 2), "25.93");
    assert_eq!(decimal(1234567.0, 0), "1,234,567");
    assert_eq!(decimal(0.05, 2), "0.05");
    assert_eq!(decimal(-80.678, 1), "−80.7");
    assert_eq!(decimal(f64::NAN, 2), "–");
    assert_eq!(percent_change(-80.678853), "−80.7%");
    assert_eq!(percent_change(12.0), "+12%");
}

#[test]
fn periods_in_words() {
    let p = |s| Period::parse(s).unwrap();
    assert_eq!(period(&p("2020")), "2020");
    assert_eq!(period(&p("2020-06")), "June 2020");
    assert_eq!(period(&p("2020-01/2020-02")), "January–February 2020");
    assert_eq!(period(&p("2020-11/2021-02")), "November 2020–February 2021");
    assert_eq!(period_short(&p("2020-01/2020-02")), "Jan–Feb");
    assert_eq!(period_short(&p("2020-06")), "Jun");
    assert_eq!(date(Some("2021-02-12")), "12 February 2021");
    assert_eq!(date(Some("2020-03")), "March 2020");
    assert_eq!(date(None), "date not known");
}

#[test]
fn period_parsing_rejects_nonsense() {
    for bad in [
        "",
        "20",
        "2020-1",
        "2020-00",
        "2020-13",
        "2020-03/2020-01",
        "2020-03/2020-03",
        "abcd",
        "2020-06-01",
        "99999",
    ] {
        assert!(Period::parse(bad).is_err(), "{bad:?} accepted");
    }
    assert_eq!(Period::parse("2020-01/2020-02").unwrap().months(), 2);
    assert_eq!(Period::parse("2020").unwrap().months(), 12);
}
