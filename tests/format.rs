//! Formatting against tables of expected strings, in English, Korean and Chinese.

use trade_chart::data::{Period, Qualifier};
use trade_chart::format::*;
use trade_chart::Lang::{self, En, Ko, Zh};

#[test]
fn money_reads_like_each_readers_newspaper() {
    let table: &[(f64, &str, &str, &str)] = &[
        (491.06e6, "$491.06 million", "4억9106만 달러", "4.91亿美元"),
        (539.06e6, "$539.06 million", "5억3906만 달러", "5.39亿美元"),
        (48e6, "$48 million", "4800만 달러", "4800万美元"),
        (96.8e6, "$96.8 million", "9680만 달러", "9680万美元"),
        (2.79e9, "$2.79 billion", "27억9000만 달러", "27.9亿美元"),
        (
            1027.72e6,
            "$1.028 billion",
            "10억2772만 달러",
            "10.28亿美元",
        ),
        (
            65.865e6,
            "$65.865 million",
            "6586만5000 달러",
            "6586.5万美元",
        ),
        (10.73e6, "$10.73 million", "1073만 달러", "1073万美元"),
        (2382.0, "$2,382", "2,382 달러", "2,382美元"),
        (148_000.0, "$148,000", "14만8000 달러", "14.8万美元"),
        (6.54e9, "$6.54 billion", "65억4000만 달러", "65.4亿美元"),
        (0.0, "$0", "0 달러", "0美元"),
    ];
    for &(usd, en, ko, zh) in table {
        assert_eq!(money(usd, En), en, "{usd}");
        assert_eq!(money(usd, Ko), ko, "{usd}");
        assert_eq!(money(usd, Zh), zh, "{usd}");
    }
    assert_eq!(
        money_qualified(24e6, Qualifier::Approx, En),
        "about $24 million"
    );
    assert_eq!(
        money_qualified(58e6, Qualifier::AtLeast, En),
        "more than $58 million"
    );
    assert_eq!(
        money_qualified(24e6, Qualifier::Approx, Ko),
        "약 2400만 달러"
    );
    assert_eq!(
        money_qualified(58e6, Qualifier::AtLeast, Ko),
        "5800만 달러 이상"
    );
    assert_eq!(money_qualified(24e6, Qualifier::Approx, Zh), "约2400万美元");
    assert_eq!(
        money_qualified(58e6, Qualifier::AtLeast, Zh),
        "超过5800万美元"
    );
}

#[test]
fn short_money_for_axes_and_labels() {
    let table: &[(f64, &str, &str, &str)] = &[
        (0.0, "$0", "0", "0"),
        (500e6, "$500m", "5억", "5亿"),
        (1.5e9, "$1.5bn", "15억", "15亿"),
        (250e3, "$250k", "25만", "25万"),
        (539.06e6, "$539.06m", "5.39억", "5.39亿"),
        (2.79e9, "$2.79bn", "27.9억", "27.9亿"),
        (48e6, "$48m", "4800만", "4800万"),
    ];
    for &(usd, en, ko, zh) in table {
        assert_eq!(money_short(usd, En), en);
        assert_eq!(money_short(usd, Ko), ko);
        assert_eq!(money_short(usd, Zh), zh);
    }
    assert_eq!(money_compact(491.06e6, 0, En), "$491m");
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
    let table: &[(&str, Lang, &str)] = &[
        ("2020", En, "2020"),
        ("2020", Ko, "2020년"),
        ("2020", Zh, "2020年"),
        ("2020-06", En, "June 2020"),
        ("2020-06", Ko, "2020년 6월"),
        ("2020-06", Zh, "2020年6月"),
        ("2020-01/2020-02", En, "January–February 2020"),
        ("2020-01/2020-02", Ko, "2020년 1~2월"),
        ("2020-01/2020-02", Zh, "2020年1–2月"),
        ("2020-11/2021-02", En, "November 2020–February 2021"),
        ("2020-11/2021-02", Ko, "2020년 11월~2021년 2월"),
        ("2020-11/2021-02", Zh, "2020年11月–2021年2月"),
    ];
    for &(s, lang, expected) in table {
        assert_eq!(period(&p(s), lang), expected, "{s} {lang:?}");
    }
    assert_eq!(period_short(&p("2020-01/2020-02"), En), "Jan–Feb");
    assert_eq!(period_short(&p("2020-06"), En), "Jun");
    assert_eq!(period_short(&p("2020-06"), Ko), "6월");
    assert_eq!(period_short(&p("2020-06"), Zh), "6月");
    assert_eq!(month_axis(24245, En, true), "J");
    assert_eq!(month_axis(24245, Ko, true), "6");
    assert_eq!(date(Some("2021-02-12"), En), "12 February 2021");
    assert_eq!(date(Some("2021-02-12"), Ko), "2021년 2월 12일");
    assert_eq!(date(Some("2021-02-12"), Zh), "2021年2月12日");
    assert_eq!(date(Some("2020-03"), En), "March 2020");
    assert_eq!(date(None, En), "date not known");
    assert_eq!(date(None, Ko), "날짜 미상");
    assert_eq!(p("2020-01/2020-02").iso(), "2020-01/2020-02");
    assert_eq!(p("2020-06").iso(), "2020-06");
    assert_eq!(p("2020").iso(), "2020");
}

#[test]
fn language_tags() {
    assert_eq!(Lang::parse("ko-KR"), Some(Ko));
    assert_eq!(Lang::parse("zh-Hans-CN"), Some(Zh));
    assert_eq!(Lang::parse("en_GB"), Some(En));
    assert_eq!(Lang::parse("fr"), None);
    assert_eq!(Lang::parse(""), None);
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
