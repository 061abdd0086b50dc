//! A file given as a table that is not one: what a site sends in place of the data
//! (an error message in JSON or in words, a web page), or a JSON document. Found before
//! the header is matched against any columns, so that it is one error quoting the file's
//! first line ([`ErrorKind::NotATable`]) rather than a column missing for each field.
//!
//! Only what no table of figures looks like is taken for one: text starting as JSON
//! (`{`, or `[` when the whole text is JSON) or as markup (`<!DOCTYPE html>`, `<html>`,
//! `<?xml …?>`); or words where a header row would be (a first line without a tab that
//! reads as a sentence: one cell of several words, a `: `, a closing `.`, `!`, `?` or
//! `…`, or a cell of six words or more) with no figure in any line after it.

use super::numbers;
use super::table;
use trade_chart::error::{Error, ErrorKind};

/// How many characters of the first line an error quotes.
pub const QUOTED_CHARS: usize = 80;

/// The error for `text` (a file named `name`) when it is not a table of figures, at its
/// first non-blank line, column 1; `None` when it may be one (a table's own errors are
/// for the reader to find, a text over [`trade_chart::limits::TABLE_BYTES`] among them).
pub fn not_a_table(name: &str, text: &str) -> Option<Error> {
    if text.len() > trade_chart::limits::TABLE_BYTES.max {
        return None;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (row, first) = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .find(|(_, l)| !l.is_empty())?;
    let what = if first.starts_with('{') || (first.starts_with('[') && is_json(text)) {
        "JSON, perhaps an error message saved in place of the data (a dataset in JSON is given as a .json file)"
    } else if is_markup(first) {
        let head: String = text.chars().take(1024).collect::<String>().to_lowercase();
        if head.contains("<html") || head.contains("<!doctype html") {
            "a web page (HTML): save the file the page offers, not the page"
        } else {
            "markup (XML or HTML), not a delimited table"
        }
    } else if reads_as_words(first) && !text.lines().skip(row).any(|l| has_figure(l, first)) {
        "text, perhaps an error message saved in place of the data"
    } else {
        return None;
    };
    Some(
        Error::at(
            ErrorKind::NotATable,
            "",
            format!(
                "not a table of figures but {what}; its first line: \"{}\"",
                quote(first)
            ),
        )
        .in_cell(Some(name), row, 1),
    )
}

/// `line` cut to [`QUOTED_CHARS`] characters, `…` marking the cut.
fn quote(line: &str) -> String {
    let mut chars = line.chars();
    let mut out: String = chars.by_ref().take(QUOTED_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

fn is_json(text: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(text.trim_start_matches('\u{feff}')).is_ok()
}

/// `<!DOCTYPE …`, `<html`, `<?xml`, `<!-- …`: a tag, not a header cell.
fn is_markup(first: &str) -> bool {
    let mut c = first.chars();
    c.next() == Some('<')
        && c.next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?')
}

/// Whether a first line reads as a sentence rather than a header row.
fn reads_as_words(first: &str) -> bool {
    if first.contains('\t') {
        return false;
    }
    let delimiter = table::detect_delimiter(first);
    let cells: Vec<&str> = first.split(delimiter).map(str::trim).collect();
    let words = |c: &str| c.split_whitespace().count();
    (cells.len() == 1 && words(first) > 1)
        || first.contains(": ")
        || first.ends_with(['.', '!', '?', '…'])
        || cells.iter().any(|c| words(c) >= 6)
}

/// Whether a line after the first holds a number in any cell (split as the first line
/// is): a table's figures, or its years.
fn has_figure(line: &str, first: &str) -> bool {
    let delimiter = table::detect_delimiter(first);
    line.split(delimiter)
        .map(|c| c.trim().trim_matches('"').trim())
        .any(|c| !c.is_empty() && numbers::style(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::not_a_table;

    fn message(text: &str) -> Option<String> {
        not_a_table("f.csv", text).map(|e| e.to_string())
    }

    #[test]
    fn tables_are_left_to_their_readers() {
        for t in [
            "",
            "\n\n",
            "direction,period,value,unit,sources\n",
            "direction\tperiod\tvalue\nKR>JP\t2020\t1\n",
            "Month,Exports,Imports,Balance\n1985-01-01,1.5,2,-0.5\n",
            // A title line with a colon, then the table's figures.
            "Trade with Japan (unit: USD thousand)\nyear,exports\n2020,5\n",
            "value\n",
            "[unit: USD] year,value\n2020,5\n",
        ] {
            assert_eq!(message(t), None, "{t:?}");
        }
    }

    #[test]
    fn each_kind_quotes_its_first_line() {
        let m = message("\u{feff}{\"error\": \"made up\"}\n").unwrap();
        assert!(
            m.starts_with("f.csv:1:1: not a table of figures but JSON"),
            "{m}"
        );
        assert!(
            m.ends_with("its first line: \"{\"error\": \"made up\"}\""),
            "{m}"
        );
        let m = message("[\n  {\"a\": 1}\n]\n").unwrap();
        assert!(m.contains("but JSON") && m.ends_with("\"[\""), "{m}");
        let m = message("\n  <!DOCTYPE html>\n<html><body>Oops</body></html>\n").unwrap();
        assert!(
            m.starts_with("f.csv:2:1: not a table of figures but a web page (HTML)"),
            "{m}"
        );
        assert!(m.ends_with("\"<!DOCTYPE html>\""), "{m}");
        let m = message("<?xml version=\"1.0\"?>\n<data/>\n").unwrap();
        assert!(m.contains("but markup (XML or HTML)"), "{m}");
        for t in [
            "Too many requests: try again later\n",
            "Request refused, the query is too large.\n",
            "Service unavailable\n",
            "Sorry, something went wrong.\nPlease try again, or write to us.\n",
        ] {
            let m = message(t).unwrap_or_else(|| panic!("{t:?}"));
            assert!(m.contains("but text, perhaps an error message"), "{m}");
            assert!(
                m.ends_with(&format!("\"{}\"", t.lines().next().unwrap())),
                "{m}"
            );
        }
    }

    #[test]
    fn a_long_first_line_is_cut() {
        let line = format!("Made-up failure: {}", "é".repeat(200));
        let m = message(&line).unwrap();
        let quoted = m.split("its first line: \"").nth(1).unwrap();
        assert_eq!(quoted.chars().count(), 80 + 2, "{quoted}");
        assert!(quoted.ends_with("é…\""), "{quoted}");
    }
}
