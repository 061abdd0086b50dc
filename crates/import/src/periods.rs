//! Periods as spreadsheets write them, to the dataset's spelling: `2020`, `2020년`,
//! `2020年`; `2020-06`, `2020-6`, `202006`, `2020.06`, `2020/06` (Japan's customs),
//! `2020M06`, `2020M6` (IMF's),
//! `2020年6月`, `2020년 6월`, `Jun 2020`, `June 2020`, `Jun-2020`; and a release of
//! several months as two of those joined by `/` (`2020-01/2020-02`, `Jan 2020/Feb 2020`).
//! A year stays text: it is a period, never a number.
//!
//! A column of dates (`1985-01-01`) holds months written as their first day when its
//! header says month (`Month`, `월`, `月`) or when its dates are all on the 1st and two
//! of them a month apart ([`Column`]); otherwise a date is not a period, as before.

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

/// A year written with the Korean or Chinese word for it: `2025년`, `2025年`.
fn cjk_year(s: &str) -> Option<u32> {
    year(s.trim().strip_suffix(['년', '年'])?.trim_end())
}

/// A month written with the Korean or Chinese words: `2020年6月`, `2020년 06월`.
fn cjk_month(s: &str) -> Option<(u32, u32)> {
    let m = s.strip_suffix(['월', '月'])?;
    let (y, m) = m.split_once(['년', '年'])?;
    Some((year(y.trim())?, month_number(m.trim())?))
}

/// One month in any accepted spelling, as `YYYY-MM`.
fn month(s: &str) -> Option<String> {
    let s = s.trim();
    let (y, m) = if let Some(ym) = cjk_month(s) {
        ym
    } else if let Some((y, m)) = s.split_once('.').filter(|(y, _)| year(y).is_some()) {
        // `2020.06`; never `2020.6`, which a spreadsheet also makes of `2020.60`, nor
        // `2020.1`, which is January or October (`2020.10` as a number).
        (year(y)?, month_number(m).filter(|_| m.len() == 2)?)
    } else if let Some((y, m)) = s
        .split_once('/')
        .filter(|(y, m)| year(y).is_some() && m.len() == 2)
    {
        // `2020/06`: two digits, as `2020.06`.
        (year(y)?, month_number(m)?)
    } else if let Some((y, m)) = s.split_once('-') {
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
    if let Some(y) = year(s).or_else(|| cjk_year(s)) {
        return Some(y.to_string());
    }
    if let Some((a, b)) = s.split_once('/') {
        if let (Some(a), Some(b)) = (month(a), month(b)) {
            return Some(format!("{a}/{b}"));
        }
    }
    month(s)
}

/// `YYYY-MM-DD` → (year, month, day), for [`Column`]; `None` for anything else.
fn date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (y, m, d) = (s.get(..4)?, s.get(5..7)?, s.get(8..)?);
    let day = d
        .bytes()
        .all(|c| c.is_ascii_digit())
        .then(|| d.parse::<u32>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))?;
    Some((year(y)?, month_number(m)?, day))
}

/// Whether a column's header says its periods are months: `Month`, `Reference month`,
/// `월`, `기준월`, `月`, `年月`. (`Period`, `Date` and `Year` say nothing of the kind.)
pub fn month_header(header: &str) -> bool {
    header.to_lowercase().contains("month") || header.contains(['월', '月'])
}

/// How the cells of one period column are read: as [`normalize`] reads a cell, and, when
/// the column's dates are months written as their first day, `1985-01-01` as `1985-01`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Column {
    /// Whether a date on the 1st of its month is read as that month.
    pub dates_are_months: bool,
}

impl Column {
    /// The column headed `header` with these cells. Its dates (`YYYY-MM-DD`) are months
    /// when every one of them is on the 1st, and either the header says month
    /// ([`month_header`]) or two of them are a month apart: a yearly or quarterly series
    /// dated by its first day (`1985-01-01`, `1986-01-01`) is not taken for January
    /// figures. A date on another day (a column of real dates) leaves every date of the
    /// column unread, as before. The cells may come in any order (newest first too).
    pub fn new<'a>(header: &str, cells: impl IntoIterator<Item = &'a str>) -> Column {
        let mut months: Vec<u32> = Vec::new();
        for cell in cells {
            match date(cell.trim()) {
                Some((y, m, 1)) => months.push(y * 12 + m - 1),
                Some(_) => return Column::default(),
                None => {}
            }
        }
        months.sort_unstable();
        months.dedup();
        let monthly = months.windows(2).any(|w| w[1] - w[0] == 1);
        Column {
            dates_are_months: !months.is_empty() && (monthly || month_header(header)),
        }
    }

    /// A cell's period in the dataset's spelling, or `None` ([`normalize`]).
    pub fn read(&self, cell: &str) -> Option<String> {
        normalize(cell).or_else(|| {
            let (y, m, d) = date(cell.trim()).filter(|_| self.dates_are_months)?;
            (d == 1).then(|| format!("{y}-{m:02}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{normalize, Column};

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
            // As Korean, Chinese, Korean statistics' and the IMF's tables write them.
            ("2025년", "2025"),
            ("2025年", "2025"),
            (" 2025 年 ", "2025"),
            ("2020年6月", "2020-06"),
            ("2020年06月", "2020-06"),
            ("2020年12月", "2020-12"),
            ("2020년 6월", "2020-06"),
            ("2020년6월", "2020-06"),
            ("2020.06", "2020-06"),
            ("2020.12", "2020-12"),
            ("2001/01", "2001-01"),
            ("2019/11", "2019-11"),
            ("2024M2", "2024-02"),
            ("2024M02", "2024-02"),
            ("2024M12", "2024-12"),
            ("2020.01/2020.02", "2020-01/2020-02"),
            ("2020年1月/2020年2月", "2020-01/2020-02"),
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
            // Not months, or not surely which.
            "2020.13",
            "2020.00",
            "2020.1",
            "2020.6",
            "2020.060",
            "20.06",
            "2020年13月",
            "2020年0月",
            "2020년 13월",
            "2020年6",
            "6月",
            "2020月",
            "20年",
            "2024M13",
            "2024M0",
            "2024M",
            "1985-01-01",
            "2001/1",
            "2001/13",
            "2001/2002",
            "2001-01/",
        ] {
            assert_eq!(normalize(bad), None, "{bad}");
        }
    }

    /// A column's cells read with its header.
    fn read(header: &str, cells: &[&str]) -> Vec<Option<String>> {
        let c = Column::new(header, cells.iter().copied());
        cells.iter().map(|x| c.read(x)).collect()
    }

    fn some(v: &[&str]) -> Vec<Option<String>> {
        v.iter().map(|s| Some(s.to_string())).collect()
    }

    #[test]
    fn dates_on_the_first_are_months_under_a_month_header_or_a_month_apart() {
        // A month-like header: even one date, even all in January.
        for header in [
            "Month",
            "month",
            "Reference month",
            "월",
            "기준월",
            "月份",
            "年月",
        ] {
            assert_eq!(
                read(header, &["1985-01-01", "1986-01-01"]),
                some(&["1985-01", "1986-01"]),
                "{header}"
            );
        }
        // Any header, the dates a month apart somewhere; newest first, gaps, other
        // spellings in the column.
        let cells = [
            "1985-04-01",
            "1985-03-01",
            "1984-12-01",
            "1985-01-01",
            "1984-06",
        ];
        assert_eq!(
            read("Date", &cells),
            some(&["1985-04", "1985-03", "1984-12", "1985-01", "1984-06"])
        );
        assert_eq!(
            read("", &["2020-01-01", "2020-02-01"]),
            some(&["2020-01", "2020-02"])
        );
    }

    #[test]
    fn real_dates_stay_unread() {
        let none = |n: usize| vec![None::<String>; n];
        // A mix of the 1st and other days, whatever the header.
        for header in ["Month", "Date", "Period"] {
            assert_eq!(
                read(header, &["2020-01-01", "2020-02-01", "2020-02-15"]),
                none(3),
                "{header}"
            );
        }
        // All on the 1st but no month apart and no month header: a yearly or quarterly
        // series dated by its first day, or a single date.
        for cells in [
            &["1985-01-01", "1986-01-01", "1987-01-01"][..],
            &["2020-01-01", "2020-04-01", "2020-07-01", "2020-10-01"],
            &["2020-06-01"],
            &["2020-06-01", "2020-06-01"],
        ] {
            for header in ["Date", "Period", "Year", "observation_date"] {
                assert_eq!(read(header, cells), none(cells.len()), "{header} {cells:?}");
            }
        }
        // Not dates at all.
        assert_eq!(
            read("Month", &["2020-13-01", "2020-01-32", "2020-1-01"]),
            none(3)
        );
        // The cells every column reads are read all the same.
        assert_eq!(
            read("Date", &["2020-06-15", "2020-06"]),
            vec![None, Some("2020-06".into())]
        );
    }
}
