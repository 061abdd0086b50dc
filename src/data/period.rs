//! Periods: a year, a month, or a run of months released as one figure.

use std::fmt;

/// A half-open run of months `[start, end)`, counted as `year * 12 + month0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// First month (inclusive).
    pub start: i32,
    /// Month after the last (exclusive).
    pub end: i32,
    /// How it was written, which decides how it is read out.
    pub kind: PeriodKind,
}

/// The granularity a period was given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKind {
    /// `2020`
    Year,
    /// `2020-06`
    Month,
    /// `2020-01/2020-02`: one figure for several months.
    MonthRange,
}

/// Why a period string was rejected (the caller adds the field path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError;

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a period like \"2020\", \"2020-06\" or \"2020-01/2020-02\"")
    }
}

fn digits(s: &str) -> Option<i32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    crate::number::int(s)
}

fn year(s: &str) -> Option<i32> {
    (s.len() == 4).then_some(())?;
    digits(s).filter(|y| (1000..=9999).contains(y))
}

/// `YYYY-MM` → month index.
fn month(s: &str) -> Option<i32> {
    let (y, m) = s.split_once('-')?;
    let m = (m.len() == 2).then(|| digits(m)).flatten()?;
    ((1..=12).contains(&m)).then_some(())?;
    Some(year(y)? * 12 + m - 1)
}

impl Period {
    /// Parses `2020`, `2020-06` or `2020-01/2020-03`.
    pub fn parse(s: &str) -> Result<Period, PeriodError> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            let (a, b) = (month(a).ok_or(PeriodError)?, month(b).ok_or(PeriodError)?);
            if b <= a {
                return Err(PeriodError);
            }
            return Ok(Period {
                start: a,
                end: b + 1,
                kind: PeriodKind::MonthRange,
            });
        }
        if let Some(y) = year(s) {
            return Ok(Period::year(y));
        }
        let m = month(s).ok_or(PeriodError)?;
        Ok(Period {
            start: m,
            end: m + 1,
            kind: PeriodKind::Month,
        })
    }

    /// The calendar year `y`.
    pub fn year(y: i32) -> Period {
        Period {
            start: y * 12,
            end: y * 12 + 12,
            kind: PeriodKind::Year,
        }
    }

    /// Length in months.
    pub fn months(&self) -> i32 {
        self.end - self.start
    }

    /// Whether the two share a month.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// As written in a dataset: `2020`, `2020-06`, `2020-01/2020-02`.
    pub fn iso(&self) -> String {
        let ym = |m: i32| format!("{}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1);
        match self.kind {
            PeriodKind::Year => self.first_year().to_string(),
            PeriodKind::Month => ym(self.start),
            PeriodKind::MonthRange => format!("{}/{}", ym(self.start), ym(self.end - 1)),
        }
    }

    /// The year of the first month.
    pub fn first_year(&self) -> i32 {
        self.start.div_euclid(12)
    }
}

/// A source's publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let ok_year = parts.first().and_then(|y| year(y)).is_some();
    let ok_month = parts.get(1).map_or(true, |m| {
        m.len() == 2 && digits(m).is_some_and(|m| (1..=12).contains(&m))
    });
    let ok_day = parts.get(2).map_or(true, |d| {
        d.len() == 2 && digits(d).is_some_and(|d| (1..=31).contains(&d))
    });
    parts.len() <= 3 && ok_year && ok_month && ok_day
}
