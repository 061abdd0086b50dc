//! Numbers, money, percentages and periods as a news reader expects them
//! ("$491.06 million", "$2.79 billion", "−80.7%", "June 2020").
//! Written with integer arithmetic instead of `format!("{:.2}")`: exact, and small in wasm.

use crate::data::{Period, PeriodKind, Qualifier};

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
    let mut out = String::new();
    if !x.is_finite() {
        out.push('–');
        return out;
    }
    let factor = 10u64.pow(max_decimals.min(9));
    let scaled = (x.abs() * factor as f64).round();
    if scaled >= 9.0e18 {
        out.push('∞');
        return out;
    }
    let scaled = scaled as u64;
    if x < 0.0 && scaled != 0 {
        out.push('−');
    }
    push_grouped(&mut out, scaled / factor);
    let mut frac = scaled % factor;
    if frac != 0 {
        let mut width = max_decimals.min(9) as usize;
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

/// Money in full words: "$491.06 million", "$2.79 billion", "$1.028 billion", "$2,382".
pub fn money(usd: f64) -> String {
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

/// Money with its qualifier: "about $24 million", "more than $58 million".
pub fn money_qualified(usd: f64, q: Qualifier) -> String {
    let m = money(usd);
    match q {
        Qualifier::Exact => m,
        Qualifier::Approx => format!("about {m}"),
        Qualifier::AtLeast => format!("more than {m}"),
    }
}

/// Short money for axis ticks and bar labels: "$0", "$500m", "$1.5bn", "$250k".
pub fn money_short(usd: f64) -> String {
    money_compact(usd, 2)
}

/// Short money with at most `decimals` places: `money_compact(491.06e6, 0)` is "$491m".
pub fn money_compact(usd: f64, decimals: u32) -> String {
    let a = usd.abs();
    let (div, suffix) = if a >= 1e9 {
        (1e9, "bn")
    } else if a >= 1e6 {
        (1e6, "m")
    } else if a >= 1e3 {
        (1e3, "k")
    } else {
        (1.0, "")
    };
    let mut s = String::from("$");
    s.push_str(&decimal(usd / div, decimals));
    s.push_str(suffix);
    s
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

/// Short month name ("Jan").
pub fn month_short(index: i32) -> &'static str {
    &month_name(index)[..3]
}

/// A period in words: "2020", "June 2020", "January–February 2020 (one release)".
pub fn period(p: &Period) -> String {
    let y = p.first_year();
    match p.kind {
        PeriodKind::Year if p.months() == 12 => y.to_string(),
        PeriodKind::Month | PeriodKind::Year => format!("{} {y}", month_name(p.start)),
        PeriodKind::MonthRange => {
            let last = p.end - 1;
            let ly = last.div_euclid(12);
            if ly == y {
                format!("{}–{} {y}", month_name(p.start), month_name(last))
            } else {
                format!("{} {y}–{} {ly}", month_name(p.start), month_name(last))
            }
        }
    }
}

/// A short period label for axes: "2020", "Jun", "Jan–Feb".
pub fn period_short(p: &Period) -> String {
    match p.kind {
        PeriodKind::Year => p.first_year().to_string(),
        PeriodKind::Month => month_short(p.start).to_string(),
        PeriodKind::MonthRange => format!("{}–{}", month_short(p.start), month_short(p.end - 1)),
    }
}

/// A source date as "9 February 2021", "March 2020", "2014", or "undated".
pub fn date(d: Option<&str>) -> String {
    let Some(d) = d else {
        return "date not known".to_string();
    };
    let mut parts = d.split('-');
    let y = parts.next().unwrap_or_default();
    let m: Option<i32> = parts.next().and_then(|m| m.parse().ok());
    let day: Option<i32> = parts.next().and_then(|d| d.parse().ok());
    match (m, day) {
        (Some(m), Some(day)) => format!("{day} {} {y}", month_name(m - 1)),
        (Some(m), None) => format!("{} {y}", month_name(m - 1)),
        _ => y.to_string(),
    }
}
