//! Periods as spreadsheets write them, to the dataset's spelling: `2020`; `2020-06`,
//! `2020-6`, `202006`, `2020M06`, `2020M6`, `Jun 2020`, `June 2020`, `Jun-2020`; and a
//! release of several months as two of those joined by `/` (`2020-01/2020-02`,
//! `Jan 2020/Feb 2020`). A year stays text: it is a period, never a number.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// What the period column accepts, for error messages.
pub const EXPECTED: &str =
    "a period like 2020, 2020-06, 202006, 2020M06, Jun 2020 or 2020-01/2020-02";

fn year(s: &str) -> Option<u32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn month_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|m| (1..=12).contains(m))
}

fn month_name(s: &str) -> Option<u32> {
    let s = s.trim_end_matches('.').to_ascii_lowercase();
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = MONTHS
        .iter()
        .position(|m| *m == s)
        .or_else(|| full.iter().position(|m| *m == s))
        .or_else(|| (s == "sept").then_some(8))?;
    Some(i as u32 + 1)
}

/// One month in any accepted spelling, as `YYYY-MM`.
fn month(s: &str) -> Option<String> {
    let s = s.trim();
    let (y, m) = if let Some((y, m)) = s.split_once('-') {
        match (year(y), month_number(m)) {
            (Some(y), Some(m)) => (y, m),
            // Jun-2020
            _ => (year(m.trim())?, month_name(y.trim())?),
        }
    } else if let Some((y, m)) = s.split_once(['M', 'm']).filter(|(y, _)| year(y).is_some()) {
        (year(y)?, month_number(m)?)
    } else if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        (year(&s[..4])?, month_number(&s[4..])?)
    } else {
        let (a, b) = s.split_once(char::is_whitespace)?;
        (year(b.trim())?, month_name(a)?)
    };
    Some(format!("{y}-{m:02}"))
}

/// The period in the dataset's spelling (`2020`, `2020-06`, `2020-01/2020-02`), or `None`.
/// Whether a range runs forward is left to the dataset's own check.
pub fn normalize(cell: &str) -> Option<String> {
    let s = cell.trim();
    if let Some(y) = year(s) {
        return Some(y.to_string());
    }
    if let Some((a, b)) = s.split_once('/') {
        return Some(format!("{}/{}", month(a)?, month(b)?));
    }
    month(s)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn spellings() {
        for (cell, want) in [
            ("2020", "2020"),
            ("2020-06", "2020-06"),
            ("2020-6", "2020-06"),
            ("202006", "2020-06"),
            ("2020M06", "2020-06"),
            ("2020m6", "2020-06"),
            ("Jun 2020", "2020-06"),
            ("June 2020", "2020-06"),
            ("jun. 2020", "2020-06"),
            ("Jun-2020", "2020-06"),
            ("Sept 2020", "2020-09"),
            ("2020-01/2020-02", "2020-01/2020-02"),
            ("Jan 2020/Feb 2020", "2020-01/2020-02"),
        ] {
            assert_eq!(normalize(cell).as_deref(), Some(want), "{cell}");
        }
        for bad in [
            "20",
            "2020-13",
            "202013",
            "Jun 20",
            "2,020",
            "2020.0",
            "2020-06-01",
            "",
        ] {
            assert_eq!(normalize(bad), None, "{bad}");
        }
    }
}
