//! Delimited text as spreadsheets write it: TSV as pasted from Excel, LibreOffice or
//! Google Sheets, or CSV with `,` or `;`. The delimiter is detected from the header row
//! (a tab wins, then whichever of `;` and `,` it holds more of); fields may be quoted as
//! in RFC 4180 (`"a ""b"", c"`, line breaks inside quotes); lines end in LF or CRLF; a
//! UTF-8 byte-order mark is skipped.
//!
//! Hand-rolled rather than csv-core: about a hundred lines, and it counts rows as a
//! spreadsheet shows them (a blank line is a row), which error locations need.
//!
//! A cell borrows its text from the table's text unless it was quoted (its `""` and line
//! ends rewritten): a 10⁵-row Comtrade download of 47 columns is 4.7 million cells, and
//! one allocation each was half the time of its import (benches/comtrade.rs).

use std::borrow::Cow;
use std::collections::HashMap;

/// One table: its header cells and its data rows, each with the 1-based row number an
/// editor sees (the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table<'a> {
    /// The delimiter found: `\t`, `,` or `;`.
    pub delimiter: char,
    /// The header row's cells, as written (trimmed).
    pub headers: Vec<String>,
    /// Data rows after the header, blank ones included (as empty lists).
    pub rows: Vec<Row<'a>>,
}

/// A data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// 1-based, the header row being 1; a quoted line break does not start a new row.
    pub number: usize,
    /// The cells, as written (quotes removed, not trimmed): borrowed from the text unless
    /// quoted.
    pub cells: Vec<Cow<'a, str>>,
}

impl Row<'_> {
    /// The cell in 0-based column `i`, trimmed (also of no-break spaces); "" past the end.
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", |c| {
            // Most cells start and end in a visible ASCII character: nothing to trim.
            let b = c.as_bytes();
            match (b.first(), b.last()) {
                (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => c,
                _ => c.trim_matches(|ch: char| ch.is_whitespace()),
            }
        })
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A quoted field that is never closed: the row where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnclosedQuote {
    /// 1-based row of the opening quote.
    pub row: usize,
    /// 1-based column.
    pub column: usize,
}

/// Why a table could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseError {
    /// A quoted field that is never closed.
    Unclosed(UnclosedQuote),
    /// Over one of [`trade_chart::limits`]: the text ([`trade_chart::limits::TABLE_BYTES`], at row 1
    /// column 1), its rows ([`trade_chart::limits::TABLE_ROWS`], at the first row over) or a
    /// cell's length ([`trade_chart::limits::TEXT_CHARS`]). `error` is of kind
    /// [`trade_chart::ErrorKind::TooLarge`]; `row` and `column` (1-based) say where to put it
    /// ([`trade_chart::Error::in_cell`]).
    TooLarge {
        /// 1-based row.
        row: usize,
        /// 1-based column.
        column: usize,
        /// The error.
        error: trade_chart::Error,
    },
}

impl ParseError {
    /// The error, in a cell of `file`, with `unclosed` as the message of an unclosed quote.
    pub fn into_error(self, file: &str, unclosed: &str) -> trade_chart::Error {
        match self {
            ParseError::Unclosed(q) => trade_chart::Error::at(
                trade_chart::ErrorKind::InvalidValue,
                "",
                unclosed.to_string(),
            )
            .in_cell(Some(file), q.row, q.column),
            ParseError::TooLarge { row, column, error } => error.in_cell(Some(file), row, column),
        }
    }
}

/// The delimiter of a table whose first line is `header`: tab if it has one, else the
/// more frequent of `;` and `,` outside quotes (`,` on a tie, tab when neither occurs).
pub fn detect_delimiter(header: &str) -> char {
    let (mut tabs, mut semis, mut commas, mut quoted) = (0, 0, 0, false);
    for ch in header.chars() {
        match ch {
            '"' => quoted = !quoted,
            '\t' if !quoted => tabs += 1,
            ';' if !quoted => semis += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if tabs > 0 {
        '\t'
    } else if semis > commas {
        ';'
    } else if commas > 0 {
        ','
    } else {
        '\t'
    }
}

/// Reads a whole table. Empty text is a table with no headers and no rows. Text over
/// [`trade_chart::limits::TABLE_BYTES`] is refused unread; reading stops at the first row over
/// [`trade_chart::limits::TABLE_ROWS`] or cell over [`trade_chart::limits::TEXT_CHARS`].
pub fn parse(text: &str) -> Result<Table<'_>, ParseError> {
    if let Err(error) = trade_chart::limits::TABLE_BYTES.check("", text.len()) {
        return Err(ParseError::TooLarge {
            row: 1,
            column: 1,
            error,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.split(['\n', '\r']).next().unwrap_or("");
    let delimiter = detect_delimiter(first_line);
    let mut records = records(text, delimiter, None)?;
    if records.is_empty() {
        return Ok(Table {
            delimiter,
            headers: Vec::new(),
            rows: Vec::new(),
        });
    }
    let header = records.remove(0);
    Ok(Table {
        delimiter,
        headers: header.cells.iter().map(|c| c.trim().to_string()).collect(),
        rows: records,
    })
}

/// Splits `text` into rows of cells (RFC 4180 quoting, LF or CRLF or a lone CR). Rows
/// are counted as a spreadsheet shows them: a blank line is a row, a line break inside
/// quotes is not.
/// A finished row, unless it is one too many.
fn push_row<'a>(
    rows: &mut Vec<Row<'a>>,
    cells: Vec<Cow<'a, str>>,
    row: usize,
) -> Result<(), ParseError> {
    if let Err(error) = trade_chart::limits::TABLE_ROWS.check("", row) {
        return Err(ParseError::TooLarge {
            row,
            column: 1,
            error,
        });
    }
    rows.push(Row { number: row, cells });
    Ok(())
}

/// The index of the first byte of `b` from `i` on that `stop`s, or `b.len()`.
fn next(b: &[u8], i: usize, stop: impl Fn(u8) -> bool) -> usize {
    let rest = b.get(i..).unwrap_or_default();
    rest.iter()
        .position(|&c| stop(c))
        .map_or(b.len(), |k| i + k)
}

/// Where a cell is in the text (byte offsets), as [`records`] reads it.
#[derive(Clone, Copy)]
struct Place {
    /// 1-based row.
    row: usize,
    /// 1-based column.
    column: usize,
    /// The cell's text: between its quotes when quoted, else all of it.
    span: (usize, usize),
    /// Where the cell ends (at its delimiter or line break).
    end: usize,
}

/// The rows of `text`; `at`, when given, is told where each cell is as it is read, and
/// reading stops (with the rows so far) when it answers `false`. (A `dyn` rather than a
/// type parameter: one reader in the wasm, not one for [`parse`] and one for [`spans`].)
fn records<'t>(
    text: &'t str,
    delim: char,
    mut at: Option<&mut dyn FnMut(Place) -> bool>,
) -> Result<Vec<Row<'t>>, ParseError> {
    // A finished cell (after `before` others in its row), checked against the text limit
    // (bytes first, which are never fewer than the characters).
    let finish = |before: usize, cell: &str, row: usize| {
        if cell.len() > trade_chart::limits::TEXT_CHARS.max {
            if let Err(error) = trade_chart::limits::check_text(&String::new, cell) {
                return Err(ParseError::TooLarge {
                    row,
                    column: before + 1,
                    error,
                });
            }
        }
        Ok(())
    };
    // Byte by byte: the delimiter, quotes and line ends are ASCII, which never occur
    // inside a UTF-8 sequence, so runs between them are whole slices. An unquoted cell is
    // one slice of the text (a `"` inside it is kept as written), `text[start..i]`; a cell
    // that opens with a quote is built in `owned`, and what follows its closing quote is
    // added to it.
    let d = u8::try_from(delim).unwrap_or(b'\t');
    let b = text.as_bytes();
    let mut rows = Vec::new();
    // The cells of a row: as many as the row before had, to start with.
    let mut width = 0;
    let mut cells: Vec<Cow<'_, str>> = Vec::new();
    let mut owned: Option<String> = None;
    // The text between the quotes of a quoted cell.
    let mut inside: Option<(usize, usize)> = None;
    let mut start = 0;
    let mut row = 1;
    let mut i = 0;
    // Whether the row so far has any character.
    let mut any = false;
    // The cell that ends at `end`.
    // Where the cell after `before` others, from `start` to `end`, is.
    let place = |row, before: usize, inside: Option<(usize, usize)>, start, end| Place {
        row,
        column: before + 1,
        span: inside.unwrap_or((start, end)),
        end,
    };
    let mut told = |p: Place| match at.as_mut() {
        Some(at) => at(p),
        None => true,
    };
    let take = |owned: &mut Option<String>, start: usize, end: usize| match owned.take() {
        Some(o) => Cow::Owned(o),
        None => Cow::Borrowed(&text[start..end]),
    };
    while i < b.len() {
        any = true;
        let run = i;
        i = next(b, i, |c| c == d || c == b'\n' || c == b'\r' || c == b'"');
        if let Some(o) = owned.as_mut() {
            o.push_str(&text[run..i]);
        }
        let Some(&c) = b.get(i) else {
            break;
        };
        match c {
            b'"' if owned
                .as_deref()
                .unwrap_or(&text[start..i])
                .trim()
                .is_empty() =>
            {
                let mut cell = String::new();
                let quote_at = UnclosedQuote {
                    row,
                    column: cells.len() + 1,
                };
                i += 1;
                let open = i;
                loop {
                    let s = i;
                    i = next(b, i, |c| c == b'"' || c == b'\r');
                    cell.push_str(&text[s..i]);
                    let Some(&q) = b.get(i) else {
                        return Err(ParseError::Unclosed(quote_at));
                    };
                    if q == b'\r' {
                        i += 1;
                        if b.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                        cell.push('\n');
                    } else if b.get(i + 1) == Some(&b'"') {
                        cell.push('"');
                        i += 2;
                    } else {
                        inside = Some((open, i));
                        i += 1;
                        break;
                    }
                }
                owned = Some(cell);
            }
            b'"' => {
                if let Some(o) = owned.as_mut() {
                    o.push('"');
                }
                i += 1;
            }
            b'\r' | b'\n' => {
                if !told(place(row, cells.len(), inside.take(), start, i)) {
                    return Ok(rows);
                }
                let cell = take(&mut owned, start, i);
                if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
                finish(cells.len(), &cell, row)?;
                cells.push(cell);
                width = width.max(cells.len());
                let next = Vec::with_capacity(width);
                push_row(&mut rows, std::mem::replace(&mut cells, next), row)?;
                row += 1;
                any = false;
                start = i;
            }
            _ => {
                if !told(place(row, cells.len(), inside.take(), start, i)) {
                    return Ok(rows);
                }
                let cell = take(&mut owned, start, i);
                finish(cells.len(), &cell, row)?;
                cells.push(cell);
                i += 1;
                start = i;
            }
        }
    }
    if any {
        if !told(place(row, cells.len(), inside.take(), start, b.len())) {
            return Ok(rows);
        }
        let cell = take(&mut owned, start, b.len());
        finish(cells.len(), &cell, row)?;
        cells.push(cell);
        push_row(&mut rows, cells, row)?;
    }
    Ok(rows)
}

/// Where the cells at `wanted` (1-based row and column, as errors give them) are in
/// `text`, in the units of [`trade_chart::Error::span`] (UTF-16, a CRLF as one, the
/// byte-order mark as none): each cell's text (a quoted cell's between its quotes); a
/// column past its row's last cell, the empty span at the row's end; a row past the
/// table's last, `None`, but for the empty line after a final line break. Read by the
/// same reader as [`parse`], up to the last row wanted; a cell it cannot reach (after an
/// unclosed quote) is `None`.
pub fn spans(text: &str, wanted: &[(usize, usize)]) -> Vec<Option<(usize, usize)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(last) = wanted.iter().map(|w| w.0).max() else {
        return Vec::new();
    };
    let delimiter = detect_delimiter(text.split(['\n', '\r']).next().unwrap_or(""));
    let mut found: Vec<Option<(usize, usize)>> = vec![None; wanted.len()];
    // The cells wanted, by row.
    let mut by_row: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, w) in wanted.iter().enumerate() {
        by_row.entry(w.0).or_default().push(k);
    }
    // The end of the last cell read in each row wanted.
    let mut row_end: HashMap<usize, usize> = HashMap::new();
    let mut rows_read = 0;
    // A table over a limit stops the reader; the cells before it are placed.
    let mut at = |p: Place| {
        if p.row > last {
            return false;
        }
        rows_read = p.row;
        if let Some(ks) = by_row.get(&p.row) {
            row_end.insert(p.row, p.end);
            for &k in ks {
                if wanted[k].1 == p.column {
                    found[k] = Some(p.span);
                }
            }
        }
        true
    };
    let _ = records(text, delimiter, Some(&mut at));
    // After a final line break (or in empty text), the empty line that follows.
    let trailing = text.is_empty() || text.ends_with(['\n', '\r']);
    for (k, w) in wanted.iter().enumerate() {
        if found[k].is_none() {
            let end = row_end
                .get(&w.0)
                .copied()
                .or_else(|| (trailing && w.0 == rows_read + 1).then_some(text.len()));
            found[k] = end.map(|e| (e, e));
        }
    }
    let mut offsets: Vec<usize> = found.iter().flatten().flat_map(|&(s, e)| [s, e]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let units = utf16_units(text, &offsets);
    let unit = |b: usize| offsets.binary_search(&b).map_or(0, |k| units[k]);
    found
        .into_iter()
        .map(|f| f.map(|(s, e)| (unit(s), unit(e))))
        .collect()
}

/// The byte offsets `at` (ascending, each at a character boundary) of `text` in UTF-16
/// code units, a CRLF counting as one unit.
fn utf16_units(text: &str, at: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(at.len());
    let mut units = 0;
    let mut next = at.iter().peekable();
    let b = text.as_bytes();
    for (i, ch) in text.char_indices() {
        while next.next_if(|&&a| a <= i).is_some() {
            out.push(units);
        }
        if next.peek().is_none() {
            return out;
        }
        if !(ch == '\r' && b.get(i + 1) == Some(&b'\n')) {
            units += ch.len_utf16();
        }
    }
    out.resize(at.len(), units);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter("a\tb,c;d"), '\t');
        assert_eq!(detect_delimiter("a;b;c"), ';');
        assert_eq!(detect_delimiter("a,b,c"), ',');
        assert_eq!(detect_delimiter("\"a;b\",c"), ',');
        assert_eq!(detect_delimiter("value"), '\t');
    }

    #[test]
    fn quoting_and_line_ends() {
        let t = parse("\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n\r\nlast,1").unwrap();
        assert_eq!(t.headers, ["a", "b"]);
        assert_eq!(t.rows[0].cells, ["x, \"y\"", "two\nlines"]);
        assert_eq!(t.rows[0].number, 2);
        assert!(t.rows[1].is_blank());
        assert_eq!(t.rows[1].number, 3);
        assert_eq!(t.rows[2].number, 4);
        assert_eq!(t.rows[2].cell(1), "1");
        assert_eq!(
            parse("a\n\"open").unwrap_err(),
            ParseError::Unclosed(UnclosedQuote { row: 2, column: 1 })
        );
    }

    #[test]
    fn spans_are_the_cells_text_as_a_textarea_counts_it() {
        // (row, column) → span, in UTF-16 units with a CRLF as one and no BOM.
        let t = "\u{feff}a,b\r\n\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n\r\n𠀀 한,1\r\n";
        let shown: Vec<u16> = t[3..].replace("\r\n", "\n").encode_utf16().collect();
        let text =
            |s: Option<(usize, usize)>| s.map(|(a, b)| String::from_utf16(&shown[a..b]).unwrap());
        let wanted = [
            (1, 2),
            (2, 1),
            (2, 2),
            (3, 1),
            (4, 1),
            (4, 2),
            (4, 3),
            (5, 1),
            (5, 2),
            (6, 1),
        ];
        let got: Vec<Option<String>> = spans(t, &wanted).into_iter().map(text).collect();
        let want = [
            Some("b"),
            Some("x, \"\"y\"\""),
            Some("two\nlines"),
            Some(""),
            Some("𠀀 한"),
            Some("1"),
            Some(""),
            Some(""),
            Some(""),
            None,
        ];
        assert_eq!(got, want.map(|w| w.map(str::to_string)));
        // past a row's last cell: its end; the line after a final break: the text's end
        let s = spans(t, &[(4, 3), (5, 2)]);
        assert_eq!(s, [Some((34, 34)), Some((35, 35))]);
        // a lone CR is one line break, and one unit
        assert_eq!(spans("a\rbc", &[(2, 1)]), [Some((2, 4))]);
        // no final break: no row after the last; an unclosed quote: its cell unplaced
        assert_eq!(spans("a\nb", &[(3, 1)]), [None]);
        assert_eq!(spans("a\n\"b", &[(1, 1), (2, 1)]), [Some((0, 1)), None]);
        assert_eq!(spans("", &[(1, 1)]), [Some((0, 0))]);
    }
}
