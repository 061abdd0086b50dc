//! Numbers as a spreadsheet types them: `1234.5`, `1,234.5`, `1.234,5`, `1 234,5` (with
//! a space, a no-break space or a thin space between groups). A column holds one number
//! format: [`column_decimal`] finds its decimal mark from the cells that show it, and a
//! column where no cell does (every value like `1,234`) or where cells disagree is an
//! error that asks for the mark, never a guess.
//!
//! Numbers come out as canonical decimal text (`1234.5`), so a change of unit is a shift
//! of the decimal point ([`to_f64`] reads `1234.5e-3` exactly as typed), not a
//! multiplication that rounds.

/// The characters taken as group separators besides `.` and `,`: space, no-break space,
/// narrow no-break space and thin space.
const SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// What one cell says about its column's decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// No `.` or `,`: readable with either mark.
    Plain,
    /// The decimal mark is certainly this one (`1,234.5` → `.`; `1,5` → `,`).
    Decimal(char),
    /// One `.` or `,` followed by exactly three digits (`1,234`): a decimal mark or a
    /// thousands separator, the cell cannot tell.
    Ambiguous,
}

/// The cell's style, or `None` when it is not a number in any format.
pub fn style(cell: &str) -> Option<Style> {
    let s: String = cell.chars().filter(|c| !SPACES.contains(c)).collect();
    let spaced = s.len() != cell.len();
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let (dots, commas) = (body.matches('.').count(), body.matches(',').count());
    let other = |c: char| if c == '.' { ',' } else { '.' };
    let guess = match (dots, commas) {
        (0, 0) => Style::Plain,
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            if dots + commas > 1 {
                Style::Decimal(other(sep))
            } else {
                let (int, frac) = body.split_once(sep)?;
                if frac.len() != 3 || int.is_empty() || int == "0" || int.len() > 3 || spaced {
                    Style::Decimal(sep)
                } else {
                    Style::Ambiguous
                }
            }
        }
        _ => {
            let last = body.rfind(['.', ','])?;
            Style::Decimal(body[last..].chars().next()?)
        }
    };
    // The guess must read the cell; a cell no mark reads is not a number.
    match guess {
        Style::Decimal(d) => canonical(cell, d).map(|_| guess),
        _ => canonical(cell, '.')
            .or_else(|| canonical(cell, ','))
            .map(|_| guess),
    }
}

/// The cell as canonical decimal text (`-1234.5`) with `decimal` as its decimal mark and
/// the other mark or spaces between groups of three digits; `None` if it does not read so.
pub fn canonical(cell: &str, decimal: char) -> Option<String> {
    let group = if decimal == '.' { ',' } else { '.' };
    let (sign, body) = match cell.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", cell.strip_prefix('+').unwrap_or(cell)),
    };
    let (int, frac) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int.split(|c| c == group || SPACES.contains(&c)).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let grouped = groups.len() > 1;
    let ints_ok = groups
        .iter()
        .enumerate()
        .all(|(i, g)| digits(g) && (!grouped || if i == 0 { g.len() <= 3 } else { g.len() == 3 }));
    if !ints_ok || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    let mut out = format!("{sign}{}", groups.concat());
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// Canonical decimal text times 10^`exp`, correctly rounded to the nearest f64.
pub fn to_f64(canonical: &str, exp: i32) -> f64 {
    format!("{canonical}e{exp}").parse().unwrap_or(f64::NAN)
}

/// How a column's decimal mark was settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnDecimal {
    /// The mark to read every cell with.
    Known(char),
    /// No cell tells, and some are ambiguous: the indices of the ambiguous cells.
    Ambiguous(Vec<usize>),
    /// Cells disagree: the index of the first cell of each style, and the cells to
    /// report: those of the less common style (on a tie, the later one) and the
    /// ambiguous ones.
    Mixed {
        /// First cell read with `.`.
        point: usize,
        /// First cell read with `,`.
        comma: usize,
        /// The cells to report.
        blame: Vec<usize>,
    },
}

/// The decimal mark of a column from its cells' styles (`None`: not a number, reported
/// on its own). A mark given by the caller wins.
pub fn column_decimal(styles: &[Option<Style>], given: Option<char>) -> ColumnDecimal {
    if let Some(d) = given {
        return ColumnDecimal::Known(d);
    }
    let of = |d: char| -> Vec<usize> {
        (styles.iter().enumerate())
            .filter(|&(_, s)| *s == Some(Style::Decimal(d)))
            .map(|(i, _)| i)
            .collect()
    };
    let ambiguous: Vec<usize> = (styles.iter().enumerate())
        .filter(|&(_, s)| *s == Some(Style::Ambiguous))
        .map(|(i, _)| i)
        .collect();
    let (point, comma) = (of('.'), of(','));
    match (point.first(), comma.first()) {
        (Some(_), None) => ColumnDecimal::Known('.'),
        (None, Some(_)) => ColumnDecimal::Known(','),
        (None, None) if ambiguous.is_empty() => ColumnDecimal::Known('.'),
        (None, None) => ColumnDecimal::Ambiguous(ambiguous),
        (Some(&p), Some(&c)) => {
            // The less common style; on a tie, the one that starts later (the first
            // figure of a column sets its format, as an editor reads it).
            let mut blame = if comma.len() < point.len() || (comma.len() == point.len() && c > p) {
                comma.clone()
            } else {
                point.clone()
            };
            blame.extend(ambiguous);
            blame.sort_unstable();
            ColumnDecimal::Mixed {
                point: p,
                comma: c,
                blame,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles() {
        assert_eq!(style("1234.5"), Some(Style::Decimal('.')));
        assert_eq!(style("1,234.5"), Some(Style::Decimal('.')));
        assert_eq!(style("1.234,5"), Some(Style::Decimal(',')));
        assert_eq!(style("1 234,5"), Some(Style::Decimal(',')));
        assert_eq!(style("1\u{a0}234,5"), Some(Style::Decimal(',')));
        assert_eq!(style("1\u{2009}234.5"), Some(Style::Decimal('.')));
        assert_eq!(style("1,234,567"), Some(Style::Decimal('.')));
        assert_eq!(style("1.234.567"), Some(Style::Decimal(',')));
        assert_eq!(style("0,125"), Some(Style::Decimal(',')));
        assert_eq!(style("1234,567"), Some(Style::Decimal(',')));
        assert_eq!(style("1,234"), Some(Style::Ambiguous));
        assert_eq!(style("1.234"), Some(Style::Ambiguous));
        assert_eq!(style("1234"), Some(Style::Plain));
        assert_eq!(style("1 234"), Some(Style::Plain));
        assert_eq!(style("12,34.5"), None);
        assert_eq!(style("1.2.3,4"), None);
        assert_eq!(style("abc"), None);
        assert_eq!(style("$5"), None);
    }

    #[test]
    fn canonical_text() {
        assert_eq!(canonical("1,234.5", '.').as_deref(), Some("1234.5"));
        assert_eq!(canonical("1.234,5", ',').as_deref(), Some("1234.5"));
        assert_eq!(canonical("1\u{202f}234,5", ',').as_deref(), Some("1234.5"));
        assert_eq!(canonical("-3", '.').as_deref(), Some("-3"));
        assert_eq!(canonical("1.234,5", '.'), None);
        assert_eq!(to_f64("1234.5", -3), 1.2345);
        assert_eq!(to_f64("491.06", 0), 491.06);
    }
}
