//! Numbers, money, percentages, periods and dates as each reader's newspaper writes
//! them, in the dataset's currency: "$491.06 million" / "4억9106만 달러" / "4.91亿美元",
//! "€1.2bn" / "12억 유로" / "12亿欧元", "June 2020" /
//! "2020년 6월" / "2020年6月". Integer arithmetic instead of `format!("{:.2}")`: exact,
//! and small in wasm.

pub use crate::data::Currency;
use crate::data::{Period, PeriodKind, Qualifier};
pub use crate::number::{csv_field, decimal, plain};
use crate::number::{decimal_with, push_grouped};
use crate::text::words::{t, Lang, Msg};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whole units, for the 만/억 and 万/亿 systems.
fn whole(x: f64) -> u64 {
    if x.is_finite() && x > 0.0 {
        x.round().min(9.0e18) as u64
    } else {
        0
    }
}

/// Korean: exact, grouped by 억 (10⁸) and 만 (10⁴): 491,060,000 → "4억9106만".
fn korean_number(n: u64) -> String {
    let (eok, man, rest) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
    let mut s = String::new();
    if eok > 0 {
        s.push_str(&eok.to_string());
        s.push('억');
    }
    if man > 0 {
        s.push_str(&man.to_string());
        s.push('만');
    }
    if rest > 0 || s.is_empty() {
        if s.is_empty() {
            push_grouped(&mut s, rest);
        } else {
            s.push_str(&rest.to_string());
        }
    }
    s
}

/// The currencies each language has its own sign or word for: the code, the English
/// sign written before the figure, the Korean and the Chinese word written after it.
/// `¥` alone would not say whose yen or yuan: English writes `CN¥` and `JP¥`, Korean
/// 위안 and 엔, Chinese 元 (the yuan, as China's papers write 亿元) and 日元. Any other
/// code is written as it is, after the figure: "1.2bn CHF", "12억 CHF", "12亿 CHF".
const SIGNS: [(&str, &str, &str, &str); 6] = [
    ("USD", "$", "달러", "美元"),
    ("EUR", "€", "유로", "欧元"),
    ("CNY", "CN¥", "위안", "元"),
    ("JPY", "JP¥", "엔", "日元"),
    ("KRW", "₩", "원", "韩元"),
    ("GBP", "£", "파운드", "英镑"),
];

/// `cur`'s sign in English (`$`) or word in Korean and Chinese (달러, 美元); `None` for a
/// currency written by its code.
fn sign(cur: Currency, lang: Lang) -> Option<&'static str> {
    let &(_, en, ko, zh) = SIGNS.iter().find(|s| s.0 == cur.code())?;
    Some(match lang {
        Lang::En => en,
        Lang::Ko => ko,
        Lang::Zh => zh,
    })
}

/// The currency as a table's value header names it: "US$", "€", "CHF"; "미국 달러",
/// "유로"; "美元", "人民币".
pub fn currency_name(cur: Currency, lang: Lang) -> String {
    let name = match (cur.code(), lang) {
        ("USD", Lang::En) => "US$",
        ("USD", Lang::Ko) => "미국 달러",
        ("CNY", Lang::Ko) => "중국 위안",
        ("JPY", Lang::Ko) => "일본 엔",
        ("CNY", Lang::Zh) => "人民币",
        (code, _) => sign(cur, lang).unwrap_or(code),
    };
    name.to_string()
}

/// A figure `n` (written without its currency) with the currency: English "$n" or
/// "n CHF", Korean "n 달러", Chinese "n美元" or "n CHF".
fn with_currency(n: String, cur: Currency, lang: Lang) -> String {
    match (sign(cur, lang), lang) {
        (Some(s), Lang::En) => format!("{s}{n}"),
        (Some(s), Lang::Zh) => format!("{n}{s}"),
        (Some(s), Lang::Ko) => format!("{n} {s}"),
        (None, _) => format!("{n} {}", cur.code()),
    }
}

/// Money in full: "$491.06 million", "€491.06 million", "491.06 million CHF";
/// "4억9106만 달러", "5억 원"; "4.91亿美元", "4.91亿元".
pub fn money(x: f64, cur: Currency, lang: Lang) -> String {
    let n = match lang {
        Lang::En => {
            let a = x.abs();
            if a >= 1e9 {
                decimal(x / 1e9, 3) + " billion"
            } else if a >= 1e6 {
                decimal(x / 1e6, 3) + " million"
            } else {
                decimal(x, 0)
            }
        }
        Lang::Ko => korean_number(whole(x)),
        Lang::Zh => number_compact(x, 2, lang),
    };
    with_currency(n, cur, lang)
}

/// Money with its qualifier: "about $24 million", "약 2400만 달러", "超过5800万美元".
pub fn money_qualified(x: f64, cur: Currency, q: Qualifier, lang: Lang) -> String {
    let m = money(x, cur, lang);
    match (q, lang) {
        (Qualifier::Exact, _) => m,
        (Qualifier::Approx, Lang::En) => format!("about {m}"),
        (Qualifier::Approx, Lang::Ko) => format!("약 {m}"),
        (Qualifier::Approx, Lang::Zh) => format!("约{m}"),
        (Qualifier::AtLeast, Lang::En) => format!("more than {m}"),
        (Qualifier::AtLeast, Lang::Ko) => format!("{m} 이상"),
        (Qualifier::AtLeast, Lang::Zh) => format!("超过{m}"),
    }
}

/// Short money for axis ticks and bar labels: "$1.5bn", "€1.5bn", "1.5bn CHF"; in
/// Korean and Chinese the number alone, "15억", "15亿" (see [`money_short_named`]).
pub fn money_short(x: f64, cur: Currency, lang: Lang) -> String {
    short_money(compact(x, 2, lang, false), cur, lang)
}

/// Short money that names its currency in every language: "$1.5bn", "15억 유로",
/// "15亿欧元". An axis's top tick.
pub fn money_short_named(x: f64, cur: Currency, lang: Lang) -> String {
    with_currency(number_compact(x, 2, lang), cur, lang)
}

/// Short money with `decimals` places, every one shown when the figure is rounded
/// (2.02e9 with 1 is "€2.0bn", beside "€2.3bn"; 216e6 with 2 is "$216m", exactly):
/// `money_compact(491.06e6, 0, USD, En)` is "$491m". Korean and Chinese write the
/// number alone.
pub fn money_compact(x: f64, decimals: u32, cur: Currency, lang: Lang) -> String {
    short_money(compact(x, decimals, lang, true), cur, lang)
}

/// A short figure `n` as money: with its currency in English, alone in Korean and
/// Chinese.
fn short_money(n: String, cur: Currency, lang: Lang) -> String {
    match lang {
        Lang::En => with_currency(n, cur, lang),
        Lang::Ko | Lang::Zh => n,
    }
}

/// The unit a short figure of size `a` is written in, and its word: 1e9 "bn", 1e6 "m",
/// 1e3 "k" in English; 1e8 억/亿, 1e4 만/万 in Korean and Chinese; else 1 and none.
fn compact_unit(a: f64, lang: Lang) -> (f64, &'static str) {
    let (big, small) = match lang {
        Lang::En => {
            return if a >= 1e9 {
                (1e9, "bn")
            } else if a >= 1e6 {
                (1e6, "m")
            } else if a >= 1e3 {
                (1e3, "k")
            } else {
                (1.0, "")
            }
        }
        Lang::Ko => ("억", "만"),
        Lang::Zh => ("亿", "万"),
    };
    if a >= 1e8 {
        (1e8, big)
    } else if a >= 1e4 {
        (1e4, small)
    } else {
        (1.0, "")
    }
}

/// A plain number, short, with at most `decimals` places: "1.5m" (English), "150만",
/// "150万"; Korean and Chinese below 10⁴ in whole units.
pub fn number_compact(x: f64, decimals: u32, lang: Lang) -> String {
    compact(x, decimals, lang, false)
}

/// [`number_compact`]; with `pad`, a figure the places round shows them all ("2.0").
fn compact(x: f64, decimals: u32, lang: Lang, pad: bool) -> String {
    let (div, suffix) = compact_unit(x.abs(), lang);
    let en = lang == Lang::En;
    let d = if div > 1.0 || en { decimals } else { 0 };
    let mut n = decimal_with(x / div, d, en || div == 1.0);
    if pad && d > 0 && compact_error(x, d, lang) > 1e-9 {
        let shown = n.find('.').map_or(0, |i| n.len() - i - 1);
        if shown == 0 {
            n.push('.');
        }
        for _ in shown..d as usize {
            n.push('0');
        }
    }
    n + suffix
}

/// How far [`number_compact`]`(x, decimals, lang)` reads from `x`, as a share of `x`
/// (0 for 0): 1.46e9 with 0 decimals reads "1bn", 0.32 off.
pub fn compact_error(x: f64, decimals: u32, lang: Lang) -> f64 {
    let (div, _) = compact_unit(x.abs(), lang);
    let d = if div > 1.0 || lang == Lang::En {
        decimals
    } else {
        0
    };
    let f = 10f64.powi(d as i32);
    let shown = (x / div * f).round() / f * div;
    if x == 0.0 {
        0.0
    } else {
        ((shown - x) / x).abs()
    }
}

/// A percentage change with a real minus sign and one decimal: "−80.7%", "+12%".
pub fn percent_change(p: f64) -> String {
    let mut s = String::new();
    if p > 0.0 {
        s.push('+');
    }
    s.push_str(&decimal(p, 1));
    s.push('%');
    s
}

fn month_name(index: i32) -> &'static str {
    MONTHS
        .get(index.rem_euclid(12) as usize)
        .copied()
        .unwrap_or_default()
}

fn month_number(index: i32) -> i32 {
    index.rem_euclid(12) + 1
}

/// A month on an axis: "Jun" / "6월" / "6月", or just "J" / "6" when `narrow`.
pub fn month_axis(index: i32, lang: Lang, narrow: bool) -> String {
    match (lang, narrow) {
        (Lang::En, false) => month_name(index)[..3].to_string(),
        (Lang::En, true) => month_name(index)[..1].to_string(),
        (_, true) => month_number(index).to_string(),
        (Lang::Ko, false) => format!("{}월", month_number(index)),
        (Lang::Zh, false) => format!("{}月", month_number(index)),
    }
}

fn month_year(m: i32, lang: Lang) -> String {
    let y = m.div_euclid(12);
    match lang {
        Lang::En => format!("{} {y}", month_name(m)),
        Lang::Ko => format!("{y}년 {}월", month_number(m)),
        Lang::Zh => format!("{y}年{}月", month_number(m)),
    }
}

/// A period in words: "2020", "June 2020", "January–February 2020"; "2020년 6월",
/// "2020년 1~2월"; "2020年6月", "2020年1–2月".
pub fn period(p: &Period, lang: Lang) -> String {
    period_in(p, lang, "–")
}

/// [`period`], with `dash` between a run's first and last month in English and Chinese
/// (Korean's is always "~").
fn period_in(p: &Period, lang: Lang, dash: &str) -> String {
    let y = p.first_year();
    let last = p.end - 1;
    let same_year = last.div_euclid(12) == y;
    match p.kind {
        PeriodKind::Year if p.months() == 12 => match lang {
            Lang::En => y.to_string(),
            Lang::Ko => format!("{y}년"),
            Lang::Zh => format!("{y}年"),
        },
        PeriodKind::Month | PeriodKind::Year => month_year(p.start, lang),
        PeriodKind::MonthRange => match (lang, same_year) {
            (Lang::En, true) => format!("{}{dash}{} {y}", month_name(p.start), month_name(last)),
            (Lang::Ko, true) => format!("{y}년 {}~{}월", month_number(p.start), month_number(last)),
            (Lang::Zh, true) => {
                format!(
                    "{y}年{}{dash}{}月",
                    month_number(p.start),
                    month_number(last)
                )
            }
            (Lang::Ko, false) => {
                format!("{}~{}", month_year(p.start, lang), month_year(last, lang))
            }
            (_, false) => format!(
                "{}{dash}{}",
                month_year(p.start, lang),
                month_year(last, lang)
            ),
        },
    }
}

/// When an annotation is: its period, or for a span the run of months from its start to
/// its end read as a combined release is ("January to September 2020", "2020년 1~9월",
/// "2020年1–9月"; across years "November 2019 to March 2020"), a span of years from the
/// first to the last ("2018 to 2020", "2018년~2020년", "2018年–2020年"). English says "to"
/// where the figures' periods have a dash: a screen reader may skip the dash.
pub fn span(from: &Period, to: Option<&Period>, lang: Lang) -> String {
    let Some(to) = to.filter(|t| *t != from) else {
        return period(from, lang);
    };
    let dash = match lang {
        Lang::En => " to ",
        Lang::Ko => "~",
        Lang::Zh => "–",
    };
    if from.kind == PeriodKind::Year && to.kind == PeriodKind::Year {
        format!("{}{dash}{}", period(from, lang), period(to, lang))
    } else {
        let run = Period {
            start: from.start,
            end: to.end,
            kind: PeriodKind::MonthRange,
        };
        period_in(&run, lang, dash)
    }
}

/// A short period label for axes: "2020", "Jun", "Jan–Feb", "6월", "1~2월".
pub fn period_short(p: &Period, lang: Lang) -> String {
    match p.kind {
        PeriodKind::Year => p.first_year().to_string(),
        PeriodKind::Month => month_axis(p.start, lang, false),
        PeriodKind::MonthRange => match lang {
            Lang::En => format!(
                "{}–{}",
                month_axis(p.start, lang, false),
                month_axis(p.end - 1, lang, false)
            ),
            Lang::Ko => format!("{}~{}월", month_number(p.start), month_number(p.end - 1)),
            Lang::Zh => format!("{}–{}月", month_number(p.start), month_number(p.end - 1)),
        },
    }
}

/// A source date: "12 February 2021" / "2021년 2월 12일" / "2021年2月12日".
pub fn date(d: Option<&str>, lang: Lang) -> String {
    let Some(d) = d else {
        return t(lang, Msg::DateUnknown).to_string();
    };
    let mut parts = d.split('-');
    let y = parts.next().unwrap_or_default();
    let m: Option<i32> = parts
        .next()
        .and_then(crate::number::int)
        .filter(|m| (1..=12).contains(m));
    let day: Option<i32> = parts.next().and_then(crate::number::int);
    match (lang, m, day) {
        (Lang::En, Some(m), Some(day)) => format!("{day} {} {y}", month_name(m - 1)),
        (Lang::En, Some(m), None) => format!("{} {y}", month_name(m - 1)),
        (Lang::Ko, Some(m), Some(day)) => format!("{y}년 {m}월 {day}일"),
        (Lang::Ko, Some(m), None) => format!("{y}년 {m}월"),
        (Lang::Zh, Some(m), Some(day)) => format!("{y}年{m}月{day}日"),
        (Lang::Zh, Some(m), None) => format!("{y}年{m}月"),
        (Lang::En, None, _) => y.to_string(),
        (Lang::Ko, None, _) => format!("{y}년"),
        (Lang::Zh, None, _) => format!("{y}年"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Period, Qualifier};
    use crate::text::words::Lang::{self, En, Ko, Zh};

    const USD: Currency = Currency::USD;

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    #[test]
    fn a_span_reads_from_its_start_to_its_end_in_each_language() {
        let p = |s: &str| Period::parse(s).unwrap();
        let cases = [
            ("2020-01", None, ["January 2020", "2020년 1월", "2020年1月"]),
            (
                "2020-01",
                Some("2020-01"),
                ["January 2020", "2020년 1월", "2020年1月"],
            ),
            (
                "2020-01",
                Some("2020-09"),
                ["January to September 2020", "2020년 1~9월", "2020年1–9月"],
            ),
            (
                "2019-11",
                Some("2020-03"),
                [
                    "November 2019 to March 2020",
                    "2019년 11월~2020년 3월",
                    "2019年11月–2020年3月",
                ],
            ),
            (
                "2018",
                Some("2020"),
                ["2018 to 2020", "2018년~2020년", "2018年–2020年"],
            ),
            (
                "2020-01/2020-02",
                Some("2020-06"),
                ["January to June 2020", "2020년 1~6월", "2020年1–6月"],
            ),
        ];
        for (from, to, words) in cases {
            let to = to.map(p);
            for (lang, w) in [En, Ko, Zh].into_iter().zip(words) {
                assert_eq!(span(&p(from), to.as_ref(), lang), w, "{from} {to:?}");
            }
        }
    }

    #[test]
    fn money_in_each_currency_as_each_language_writes_it() {
        // (code, value, English full, short; Korean full, short named; Chinese full, short named)
        let table: &[(&str, f64, [&str; 6])] = &[
            (
                "USD",
                1.2e9,
                [
                    "$1.2 billion",
                    "$1.2bn",
                    "12억 달러",
                    "12억 달러",
                    "12亿美元",
                    "12亿美元",
                ],
            ),
            (
                "EUR",
                1.2e9,
                [
                    "€1.2 billion",
                    "€1.2bn",
                    "12억 유로",
                    "12억 유로",
                    "12亿欧元",
                    "12亿欧元",
                ],
            ),
            (
                "CNY",
                1.2e9,
                [
                    "CN¥1.2 billion",
                    "CN¥1.2bn",
                    "12억 위안",
                    "12억 위안",
                    "12亿元",
                    "12亿元",
                ],
            ),
            (
                "JPY",
                1.2e9,
                [
                    "JP¥1.2 billion",
                    "JP¥1.2bn",
                    "12억 엔",
                    "12억 엔",
                    "12亿日元",
                    "12亿日元",
                ],
            ),
            (
                "KRW",
                1.2e9,
                [
                    "₩1.2 billion",
                    "₩1.2bn",
                    "12억 원",
                    "12억 원",
                    "12亿韩元",
                    "12亿韩元",
                ],
            ),
            (
                "GBP",
                250e3,
                [
                    "£250,000",
                    "£250k",
                    "25만 파운드",
                    "25만 파운드",
                    "25万英镑",
                    "25万英镑",
                ],
            ),
            (
                "CHF",
                1.2e9,
                [
                    "1.2 billion CHF",
                    "1.2bn CHF",
                    "12억 CHF",
                    "12억 CHF",
                    "12亿 CHF",
                    "12亿 CHF",
                ],
            ),
            (
                "EUR",
                491.06e6,
                [
                    "€491.06 million",
                    "€491.06m",
                    "4억9106만 유로",
                    "4.91억 유로",
                    "4.91亿欧元",
                    "4.91亿欧元",
                ],
            ),
            (
                "KRW",
                2382.0,
                [
                    "₩2,382",
                    "₩2.38k",
                    "2,382 원",
                    "2,382 원",
                    "2,382韩元",
                    "2,382韩元",
                ],
            ),
        ];
        for &(code, x, [en, en_short, ko, ko_short, zh, zh_short]) in table {
            let c = cur(code);
            assert_eq!(money(x, c, En), en, "{code} {x}");
            assert_eq!(money_short(x, c, En), en_short, "{code} {x}");
            assert_eq!(money_short_named(x, c, En), en_short, "{code} {x}");
            assert_eq!(money(x, c, Ko), ko, "{code} {x}");
            assert_eq!(money_short_named(x, c, Ko), ko_short, "{code} {x}");
            assert_eq!(money(x, c, Zh), zh, "{code} {x}");
            assert_eq!(money_short_named(x, c, Zh), zh_short, "{code} {x}");
        }
        // Ticks and bar labels in Korean and Chinese: the number alone.
        assert_eq!(money_short(1.2e9, cur("EUR"), Ko), "12억");
        assert_eq!(money_short(1.2e9, cur("CNY"), Zh), "12亿");
        assert_eq!(
            money_qualified(24e6, cur("EUR"), Qualifier::Approx, En),
            "about €24 million"
        );
        assert_eq!(
            money_qualified(58e6, cur("KRW"), Qualifier::AtLeast, Ko),
            "5800만 원 이상"
        );
        assert_eq!(
            money_qualified(24e6, cur("CNY"), Qualifier::Approx, Zh),
            "约2400万元"
        );
        assert_eq!(money_compact(491.06e6, 0, cur("JPY"), En), "JP¥491m");
        assert_eq!(money_compact(491.06e6, 0, cur("CHF"), En), "491m CHF");
        let names: &[(&str, [&str; 3])] = &[
            ("USD", ["US$", "미국 달러", "美元"]),
            ("EUR", ["€", "유로", "欧元"]),
            ("CNY", ["CN¥", "중국 위안", "人民币"]),
            ("JPY", ["JP¥", "일본 엔", "日元"]),
            ("KRW", ["₩", "원", "韩元"]),
            ("CHF", ["CHF", "CHF", "CHF"]),
        ];
        for &(code, [en, ko, zh]) in names {
            assert_eq!(currency_name(cur(code), En), en);
            assert_eq!(currency_name(cur(code), Ko), ko);
            assert_eq!(currency_name(cur(code), Zh), zh);
        }
    }

    fn field(s: &str) -> String {
        let mut out = String::new();
        csv_field(&mut out, s);
        out
    }

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        for bad in ["=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"] {
            let f = field(bad);
            assert!(f.starts_with("\"'"), "{bad:?} -> {f:?}");
        }
        assert_eq!(field("=1,2"), "\"'=1,2\"");
    }

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
            assert_eq!(money(usd, USD, En), en, "{usd}");
            assert_eq!(money(usd, USD, Ko), ko, "{usd}");
            assert_eq!(money(usd, USD, Zh), zh, "{usd}");
        }
        assert_eq!(
            money_qualified(24e6, USD, Qualifier::Approx, En),
            "about $24 million"
        );
        assert_eq!(
            money_qualified(58e6, USD, Qualifier::AtLeast, En),
            "more than $58 million"
        );
        assert_eq!(
            money_qualified(24e6, USD, Qualifier::Approx, Ko),
            "약 2400만 달러"
        );
        assert_eq!(
            money_qualified(58e6, USD, Qualifier::AtLeast, Ko),
            "5800만 달러 이상"
        );
        assert_eq!(
            money_qualified(24e6, USD, Qualifier::Approx, Zh),
            "约2400万美元"
        );
        assert_eq!(
            money_qualified(58e6, USD, Qualifier::AtLeast, Zh),
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
            assert_eq!(money_short(usd, USD, En), en);
            assert_eq!(money_short(usd, USD, Ko), ko);
            assert_eq!(money_short(usd, USD, Zh), zh);
        }
        assert_eq!(money_compact(491.06e6, 0, USD, En), "$491m");
        assert_eq!(number_compact(1.5e6, 2, En), "1.5m");
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

    #[test]
    fn plain_numbers_as_display_writes_them() {
        for x in [
            0.0,
            1.0,
            0.5,
            0.85,
            1.0 / 3.0,
            12.0 / 1.24,
            13.5 / 1.24,
            100.0,
            1e-7,
            2.5e-5,
            1.5e20,
            123456.789,
            -0.25,
            -3.0,
            1e23,
            f64::MIN_POSITIVE,
            f64::MAX,
            -0.0,
            1e15,
            1e16,
            1e21,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(super::plain(x), format!("{x}"), "{x:e}");
        }
    }
}
