//! Numbers, money, percentages, periods and dates as each reader's newspaper writes
//! them: "$491.06 million" / "4억9106만 달러" / "4.91亿美元", "June 2020" /
//! "2020년 6월" / "2020年6月". Integer arithmetic instead of `format!("{:.2}")`: exact,
//! and small in wasm.

use crate::data::{Period, PeriodKind, Qualifier};
use crate::i18n::{t, Lang, Msg};

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

/// Appends `n` with thousands separators.
fn push_grouped(out: &mut String, n: u64) {
    let digits = n.to_string();
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
}

/// `x` rounded to at most `max_decimals` places, trailing zeros dropped, thousands grouped.
pub fn decimal(x: f64, max_decimals: u32) -> String {
    decimal_with(x, max_decimals, true)
}

/// As [`decimal`], with or without thousands separators (none within 만/万 units: "4800만").
fn decimal_with(x: f64, max_decimals: u32, grouped: bool) -> String {
    let mut out = String::new();
    if !x.is_finite() {
        out.push('–');
        return out;
    }
    let d = max_decimals.min(9);
    let factor = 10u64.pow(d);
    let scaled = (x.abs() * factor as f64).round();
    if scaled >= 9.0e18 {
        out.push('∞');
        return out;
    }
    let scaled = scaled as u64;
    if x < 0.0 && scaled != 0 {
        out.push('−');
    }
    if grouped {
        push_grouped(&mut out, scaled / factor);
    } else {
        out.push_str(&(scaled / factor).to_string());
    }
    let mut frac = scaled % factor;
    if frac != 0 {
        let mut width = d as usize;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        out.push('.');
        let f = frac.to_string();
        for _ in f.len()..width {
            out.push('0');
        }
        out.push_str(&f);
    }
    out
}

/// Whole dollars, for the 만/억 and 万/亿 systems.
fn whole(usd: f64) -> u64 {
    if usd.is_finite() && usd > 0.0 {
        usd.round().min(9.0e18) as u64
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

/// Chinese: 亿 (10⁸) or 万 (10⁴) with at most `decimals` places: 491,060,000 → "4.91亿".
fn chinese_number(usd: f64, decimals: u32) -> String {
    let a = usd.abs();
    if a >= 1e8 {
        format!("{}亿", decimal_with(usd / 1e8, decimals, false))
    } else if a >= 1e4 {
        format!("{}万", decimal_with(usd / 1e4, decimals, false))
    } else {
        decimal(usd, 0)
    }
}

/// Money in full: "$491.06 million", "4억9106만 달러", "4.91亿美元".
pub fn money(usd: f64, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let a = usd.abs();
            let mut s = String::from("$");
            if a >= 1e9 {
                s.push_str(&decimal(usd / 1e9, 3));
                s.push_str(" billion");
            } else if a >= 1e6 {
                s.push_str(&decimal(usd / 1e6, 3));
                s.push_str(" million");
            } else {
                s.push_str(&decimal(usd, 0));
            }
            s
        }
        Lang::Ko => format!("{} 달러", korean_number(whole(usd))),
        Lang::Zh => format!("{}美元", chinese_number(usd, 2)),
    }
}

/// Money with its qualifier: "about $24 million", "약 2400만 달러", "超过5800万美元".
pub fn money_qualified(usd: f64, q: Qualifier, lang: Lang) -> String {
    let m = money(usd, lang);
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

/// Short money for axis ticks and bar labels: "$1.5bn", "15억", "15亿".
pub fn money_short(usd: f64, lang: Lang) -> String {
    money_compact(usd, 2, lang)
}

/// Short money with at most `decimals` places: `money_compact(491.06e6, 0, En)` is "$491m".
pub fn money_compact(usd: f64, decimals: u32, lang: Lang) -> String {
    let a = usd.abs();
    match lang {
        Lang::En => {
            let (div, suffix) = if a >= 1e9 {
                (1e9, "bn")
            } else if a >= 1e6 {
                (1e6, "m")
            } else if a >= 1e3 {
                (1e3, "k")
            } else {
                (1.0, "")
            };
            format!("${}{suffix}", decimal(usd / div, decimals))
        }
        Lang::Ko => {
            if a >= 1e8 {
                format!("{}억", decimal_with(usd / 1e8, decimals, false))
            } else if a >= 1e4 {
                format!("{}만", decimal_with(usd / 1e4, decimals, false))
            } else {
                decimal(usd, 0)
            }
        }
        Lang::Zh => chinese_number(usd, decimals),
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
    MONTHS[index.rem_euclid(12) as usize]
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
            (Lang::En, true) => format!("{}–{} {y}", month_name(p.start), month_name(last)),
            (Lang::Ko, true) => format!("{y}년 {}~{}월", month_number(p.start), month_number(last)),
            (Lang::Zh, true) => format!("{y}年{}–{}月", month_number(p.start), month_number(last)),
            (Lang::Ko, false) => {
                format!("{}~{}", month_year(p.start, lang), month_year(last, lang))
            }
            (_, false) => format!("{}–{}", month_year(p.start, lang), month_year(last, lang)),
        },
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
        .and_then(|m| m.parse().ok())
        .filter(|m| (1..=12).contains(m));
    let day: Option<i32> = parts.next().and_then(|d| d.parse().ok());
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
