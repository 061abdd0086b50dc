//! Numbers as text without a language: exact decimals with thousands grouping, core's
//! `f64` Display written without core's float formatting (`plain`), CSV fields. Below
//! every other module (data messages, the SVG writer and the canvas use it), so it knows
//! nothing of languages or data.

/// Appends `n` with thousands separators.
pub(crate) fn push_grouped(out: &mut String, n: u64) {
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
pub(crate) fn decimal_with(x: f64, max_decimals: u32, grouped: bool) -> String {
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

/// Appends one CSV field: quoted when it holds a comma, a quote or a line break (RFC
/// 4180), and, when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return,
/// prefixed with `'` so a spreadsheet opening the download reads text, not a formula
/// (OWASP's advice on CSV injection). Only text goes through here: the numbers written
/// beside it are never negative or are written as they are.
pub fn csv_field(out: &mut String, s: &str) {
    let guard = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if guard || s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        if guard {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Formatting against tables of expected strings, in English, Korean and Chinese.
/// `x` as core's `Display` writes an `f64` (shortest digits that read back as `x`, no
/// exponent, no `.0` on whole numbers), from ryu's digits (serde_json's writer).
pub fn plain(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        };
    }
    let s = serde_json::to_string(&x).unwrap_or_default();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    // ryu: "1.0", "0.5", "1e-7", "1.5e20": digits with a point, then an exponent
    let (mantissa, exp) = match s.split_once('e') {
        Some((m, e)) => (m, int(e).unwrap_or(0)),
        None => (s, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = int.chars().chain(frac.chars()).collect();
    let point = int.len() as i32 + exp; // where the point goes in `digits`
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat('0').take(point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat('0').take(point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    // trailing zeros of a fraction (ryu's "1.0"), leading zeros of a whole part ("0" kept)
    if out.contains('.') {
        while out.ends_with('0') {
            out.pop();
        }
        if out.ends_with('.') {
            out.pop();
        }
    }
    let body = out.trim_start_matches('-');
    let trimmed = body.trim_start_matches('0');
    let body = if trimmed.is_empty() || trimmed.starts_with('.') {
        format!("0{trimmed}")
    } else {
        trimmed.to_string()
    };
    if neg && body != "0" {
        format!("-{body}")
    } else if neg {
        "-0".into()
    } else {
        body
    }
}

/// `str::parse::<i32>` written out, with the same answers (an optional `+` or `-`, then
/// ASCII digits; None for anything else and on overflow): core's generic integer parser
/// is larger in the wasm than this.
pub fn int(s: &str) -> Option<i32> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: i32 = 0;
    for b in digits.bytes() {
        let d = i32::from(b.wrapping_sub(b'0'));
        if d > 9 {
            return None;
        }
        n = n.checked_mul(10)?;
        n = if neg {
            n.checked_sub(d)?
        } else {
            n.checked_add(d)?
        };
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn int_answers_as_str_parse() {
        for s in [
            "",
            "+",
            "-",
            "0",
            "7",
            "-7",
            "+7",
            "007",
            "2020",
            "-0",
            "12a",
            "a12",
            " 1",
            "1 ",
            "+-1",
            "--1",
            "1.0",
            "1e3",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "99999999999",
            "٣",
        ] {
            assert_eq!(super::int(s), s.parse::<i32>().ok(), "{s:?}");
        }
    }
}
