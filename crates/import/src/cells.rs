//! What every table reader shares: an input file, the reading context that gathers
//! errors at their cells (`Cx`), header matching (`columns`), and cell helpers (a cell
//! by its field, a row's id, a unit word, an id made from a name). The observations,
//! sources, text, views and claims readers all build on it; it uses none of them.

use std::collections::HashMap;

use super::table::{self, Row, Table};
use trade_chart::data::Currency;
use trade_chart::error::{Error, ErrorKind, Location};

/// At most this many errors are reported per import; the rest are counted.
pub const MAX_ERRORS: usize = 50;

/// A table's text and the name it is reported under (usually its file name).
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Shown in front of every location: `observations.tsv:14:4`.
    pub name: &'a str,
    /// The whole table (TSV or CSV).
    pub text: &'a str,
}

/// What an import collects as it goes (the spreadsheet and the Comtrade readers).
#[derive(Default)]
pub(crate) struct Cx {
    pub(crate) errors: Vec<Error>,
    pub(crate) dropped: usize,
    pub(crate) warnings: Vec<Error>,
    pub(crate) gaps: usize,
}

impl Cx {
    /// Keeps `e`, up to [`MAX_ERRORS`]; past that only counts it.
    pub(crate) fn error(&mut self, e: Error) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(e);
        } else {
            self.dropped += 1;
        }
    }

    /// The errors kept, then one line counting those past [`MAX_ERRORS`].
    pub(crate) fn into_errors(self) -> Vec<Error> {
        let mut errors = self.errors;
        if self.dropped > 0 {
            errors.push(Error::at(
                ErrorKind::InvalidValue,
                "",
                format!(
                    "{} more errors not shown (stopped after {MAX_ERRORS})",
                    self.dropped
                ),
            ));
        }
        errors
    }
}

/// An error of `kind` in the cell at `row` and 0-based column `col` of `file`.
pub(crate) fn at(
    kind: ErrorKind,
    file: &str,
    row: usize,
    col: usize,
    field: &str,
    msg: String,
) -> Error {
    Error::at(kind, field, msg).in_cell(Some(file), row, col + 1)
}

/// A table without a figure (`msg` says why), just past its last row, in the value
/// column `col`: where a figure would go.
pub(crate) fn no_figures(file: &str, rows: &[Row], col: usize, msg: &str) -> Error {
    let row = rows.last().map_or(2, |r| r.number + 1);
    at(ErrorKind::MissingField, file, row, col, "value", msg.into())
}

/// "expected X, found "cell"" in a cell.
pub(crate) fn expected(
    file: &str,
    row: usize,
    col: usize,
    field: &str,
    what: &str,
    cell: &str,
) -> Error {
    Error::expected(field, what, format!("\"{cell}\"")).in_cell(Some(file), row, col + 1)
}

/// The column of `field`, for an error's place (0 when the table has none: `columns`
/// checks the required ones are there).
pub(crate) fn col(cols: &HashMap<&'static str, usize>, field: &str) -> usize {
    cols.get(field).copied().unwrap_or(0)
}

/// A `;`-separated cell as its items, trimmed, blanks left out (the tables' lists: a
/// view's series, an annotation's sources and views).
pub(crate) fn list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The cell of `field` in `row` ("" when the table has no such column).
pub(crate) fn cell<'r>(cols: &HashMap<&'static str, usize>, row: &'r Row, field: &str) -> &'r str {
    cols.get(field).map_or("", |&c| row.cell(c))
}

/// One row of a views or claims table (`what`: "view", "claim"): an error for each
/// `required` cell left blank, and one for an id an earlier row already has. Its id.
pub(crate) fn row_id<'r>(
    cx: &mut Cx,
    file: &str,
    cols: &HashMap<&'static str, usize>,
    row: &'r Row,
    required: &[&'static str],
    ids: &mut HashMap<String, usize>,
    what: &str,
) -> &'r str {
    let n = row.number;
    for &f in required {
        if cell(cols, row, f).is_empty() {
            let msg = format!("blank: every {what} needs its {f}");
            cx.error(at(ErrorKind::MissingField, file, n, col(cols, f), f, msg));
        }
    }
    let id = cell(cols, row, "id");
    if !id.is_empty() {
        if let Some(first) = ids.insert(id.to_string(), n) {
            let msg = format!("\"{id}\": a second {what} with this id (row {first})");
            cx.error(at(
                ErrorKind::DuplicateId,
                file,
                n,
                col(cols, "id"),
                "id",
                msg,
            ));
        }
    }
    id
}

pub(crate) fn norm_header(h: &str) -> String {
    let h = h.to_lowercase().replace("(s)", "s");
    h.split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Each error in a cell of `input` given the span of that cell's text in it
/// ([`trade_chart::Error::span`], found by [`table::spans`]), so that an editor can select
/// it without reading the table again. The others are left as they are.
pub(crate) fn place_spans(errors: Vec<Error>, input: Input) -> Vec<Error> {
    let mine = |e: &Error| match e.location() {
        Location::Cell {
            file: Some(f),
            row,
            column,
            ..
        } if f == input.name => Some((*row, *column)),
        _ => None,
    };
    let wanted: Vec<(usize, usize)> = errors.iter().filter_map(mine).collect();
    if wanted.is_empty() {
        return errors;
    }
    let mut spans = table::spans(input.text, &wanted).into_iter();
    errors
        .into_iter()
        .map(|e| match mine(&e) {
            Some(_) => e.with_span(spans.next().flatten()),
            None => e,
        })
        .collect()
}

/// The table in `text`; `None` with the error at its cell when it cannot be read (an
/// unclosed quote, or over a limit).
pub(crate) fn parse<'a>(cx: &mut Cx, file: &str, text: &'a str) -> Option<Table<'a>> {
    table::parse(text)
        .map_err(|e| {
            let unclosed = "a quoted cell is never closed (a \" without its closing \")";
            cx.error(e.into_error(file, unclosed));
        })
        .ok()
}

/// A table as a reader takes it: its text, or its rows as fields (what the builder's
/// editors hold, sent so rather than written as a table only to be read back). Both go
/// through the same checks, and the errors of fields are placed as in the table they
/// would make: row k + 2 for the k-th (after a header row), each field in its column.
#[derive(Debug, Clone)]
pub enum Given<'a> {
    /// A table's text (TSV or CSV).
    Text(Input<'a>),
    /// Rows of fields, each row's cells in the order of the table's columns.
    Fields {
        /// The name errors give the table.
        name: &'a str,
        /// The rows.
        rows: Vec<Vec<&'a str>>,
    },
}

impl Given<'_> {
    /// The name errors give the table.
    pub fn name(&self) -> &str {
        match self {
            Given::Text(input) => input.name,
            Given::Fields { name, .. } => name,
        }
    }
}

/// The table `given` and its columns by field, as [`columns`] reads a table's text; rows
/// of fields have `spec`'s columns, in its order.
pub(crate) fn table_of<'a>(
    cx: &mut Cx,
    given: Given<'a>,
    spec: &[(&'static str, &[&str])],
    required: &[&str],
) -> Option<(Table<'a>, HashMap<&'static str, usize>)> {
    let rows = match given {
        Given::Text(input) => return columns(cx, input, spec, required),
        Given::Fields { rows, .. } => rows,
    };
    let table = Table {
        delimiter: '\t',
        headers: spec.iter().map(|(f, _)| (*f).to_string()).collect(),
        rows: rows
            .into_iter()
            .enumerate()
            .map(|(k, cells)| Row {
                number: k + 2,
                cells: cells.into_iter().map(std::borrow::Cow::Borrowed).collect(),
            })
            .collect(),
    };
    let cols = spec.iter().enumerate().map(|(i, (f, _))| (*f, i)).collect();
    Some((table, cols))
}

/// A parsed table and its columns by field; `None` (with errors reported) if it cannot
/// be read or lacks a required column.
pub(crate) fn columns<'a>(
    cx: &mut Cx,
    input: Input<'a>,
    spec: &[(&'static str, &[&str])],
    required: &[&str],
) -> Option<(Table<'a>, HashMap<&'static str, usize>)> {
    let file = input.name;
    let table = parse(cx, file, input.text)?;
    if table.headers.iter().all(|h| h.is_empty()) {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            1,
            0,
            "",
            format!(
                "no header row: expected column names such as {}",
                required.join(", ")
            ),
        ));
        return None;
    }
    let mut cols: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in table.headers.iter().enumerate() {
        let name = norm_header(h);
        match spec
            .iter()
            .find(|(_, aliases)| aliases.contains(&name.as_str()))
        {
            Some((field, _)) => {
                if let Some(first) = cols.insert(field, i) {
                    cx.error(at(
                        ErrorKind::DuplicateId,
                        file,
                        1,
                        i,
                        field,
                        format!(
                            "\"{h}\": a second {field} column (the first is column {})",
                            first + 1
                        ),
                    ));
                }
            }
            None if h.is_empty() => {}
            None => cx.warnings.push(at(
                ErrorKind::UnknownField,
                file,
                1,
                i,
                "",
                format!(
                    "\"{h}\": column not used (known: {})",
                    spec.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", ")
                ),
            )),
        }
    }
    let mut ok = true;
    for &field in required {
        if !cols.contains_key(field) {
            let aliases = spec
                .iter()
                .find(|(f, _)| *f == field)
                .map_or(&[][..], |s| s.1);
            cx.error(at(
                ErrorKind::MissingField,
                file,
                1,
                table.headers.len(),
                field,
                format!(
                    "no {field} column: add one (headed {})",
                    aliases
                        .iter()
                        .map(|a| format!("\"{a}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
            ok = false;
        }
    }
    // Ragged rows: warned about, read as far as they go.
    let width = table.headers.len();
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let extra = row.cells.get(width..).unwrap_or_default();
        if extra.iter().any(|c| !c.trim().is_empty()) {
            cx.warnings.push(at(
                ErrorKind::InvalidValue,
                file,
                row.number,
                width,
                "",
                format!(
                    "{}, but {width} columns in the header: the cells past the last column are ignored",
                    crate::count(row.cells.len(), "cell", "cells")
                ),
            ));
        } else if row.cells.len() < width {
            cx.warnings.push(at(
                ErrorKind::InvalidValue,
                file,
                row.number,
                row.cells.len(),
                "",
                format!(
                    "{}, but {width} columns in the header: the missing ones are read as blank",
                    crate::count(row.cells.len(), "cell", "cells")
                ),
            ));
        }
    }
    ok.then_some((table, cols))
}

/// What a unit says: the currency figures are in and the power of ten they count in
/// (`EUR thousand`: EUR, 3; `억원`: KRW, 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// The currency, never converted.
    pub currency: Currency,
    /// Figures count in 10^`exp` of it.
    pub exp: i32,
}

/// The expected form of a unit, for errors.
pub(crate) const UNIT_EXPECTED: &str =
    "a unit like USD, USD thousand, EUR million, KRW bn, 천달러, 억원, 万元 or 亿美元";

/// Korean and Chinese scale words written before a currency word (longest first, so
/// that 천만 is 10⁷ and not 천 then 만): 千/천 10³, 万/萬/만 10⁴, 百万/백만 10⁶,
/// 千万/천만 10⁷, 亿/億/억 10⁸, 十亿/십억 10⁹, 조 10¹².
const CJK_SCALES: [(&str, i32); 16] = [
    ("百万", 6),
    ("백만", 6),
    ("千万", 7),
    ("천만", 7),
    ("十亿", 9),
    ("십억", 9),
    ("千", 3),
    ("천", 3),
    ("万", 4),
    ("萬", 4),
    ("만", 4),
    ("亿", 8),
    ("億", 8),
    ("억", 8),
    ("조", 12),
    ("兆", 12),
];

/// Currency words (lowercase), each matched whole (美元 is not 元).
const CURRENCY_WORDS: [(&str, &str); 25] = [
    ("人民币元", "CNY"),
    ("renminbi", "CNY"),
    ("미국달러", "USD"),
    ("人民币", "CNY"),
    ("미달러", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("rmb", "CNY"),
    ("yen", "JPY"),
    ("won", "KRW"),
    ("달러", "USD"),
    ("유로", "EUR"),
    ("위안", "CNY"),
    ("美元", "USD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("韩元", "KRW"),
    ("英镑", "GBP"),
    ("円", "JPY"),
    ("元", "CNY"),
    ("원", "KRW"),
    ("엔", "JPY"),
    ("유로화", "EUR"),
    ("파운드", "GBP"),
];

/// English scale words (lowercase).
fn scale_word(w: &str) -> Option<i32> {
    match w {
        "thousand" | "thousands" | "k" | "th" | "'000" | "000s" | "1000" => Some(3),
        "million" | "millions" | "mn" | "mln" | "m" | "mio" => Some(6),
        "billion" | "billions" | "bn" | "bln" | "b" => Some(9),
        "trillion" | "trillions" | "tn" => Some(12),
        _ => None,
    }
}

/// One word of a unit: a currency, a scale, or a CJK scale and currency written
/// together (`천달러`, `亿美元`); `codes_any_case` reads `eur` as EUR (a unit cell),
/// else only `EUR` (a header, where `all` or `top` are words).
fn unit_word(w: &str, codes_any_case: bool) -> Option<(Option<Currency>, Option<i32>)> {
    let lower = w.to_lowercase();
    if let Some(e) = scale_word(&lower) {
        return Some((None, Some(e)));
    }
    if w.len() == 3 && (codes_any_case || w.bytes().all(|b| b.is_ascii_uppercase())) {
        if let Some(c) = Currency::parse(&w.to_ascii_uppercase()) {
            return Some((Some(c), None));
        }
    }
    let (scale, rest) = match CJK_SCALES.iter().find(|(p, _)| lower.starts_with(p)) {
        Some(&(p, e)) => (Some(e), &lower[p.len()..]),
        None => (None, lower.as_str()),
    };
    if rest.is_empty() {
        return scale.map(|e| (None, Some(e)));
    }
    let code = CURRENCY_WORDS
        .iter()
        .find(|(word, _)| *word == rest)
        .map(|&(_, code)| code)?;
    Some((Currency::parse(code), scale))
}

/// The words of a unit, the signs made words first: `US$`, `$` USD, `€` EUR, `£` GBP,
/// `₩` KRW, `CN¥` CNY, `JP¥` JPY (a `¥` alone does not say whose: not read).
fn unit_words(text: &str) -> Vec<String> {
    let mut s = text.to_string();
    for (sign, code) in [
        ("US$", " USD "),
        ("us$", " USD "),
        ("CN¥", " CNY "),
        ("JP¥", " JPY "),
        ("$", " USD "),
        ("€", " EUR "),
        ("£", " GBP "),
        ("₩", " KRW "),
        ("￦", " KRW "),
    ] {
        s = s.replace(sign, code);
    }
    let mut words: Vec<String> = Vec::new();
    let split = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '(' | ')' | '（' | '）' | '[' | ']' | ':' | '：' | '/'
            )
    };
    for w in s.split(split).filter(|w| !w.is_empty()) {
        // "US dollars": one word, USD.
        let dollars = w.eq_ignore_ascii_case("dollars") || w.eq_ignore_ascii_case("dollar");
        match words.last_mut() {
            Some(us) if dollars && us.eq_ignore_ascii_case("us") => *us = "USD".into(),
            _ => words.push(w.to_string()),
        }
    }
    words
}

/// The unit of `words`: one currency (named once or more, always the same) and at
/// most one scale; `strict` refuses any other word.
fn unit_of(words: &[String], strict: bool, codes_any_case: bool) -> Option<Unit> {
    let (mut currency, mut exp) = (None, None);
    // "thousands of US dollars", "in EUR million": words that say nothing of the unit.
    let filler = |w: &str| ["in", "of"].iter().any(|f| w.eq_ignore_ascii_case(f));
    for w in words.iter().filter(|w| !filler(w)) {
        match unit_word(w, codes_any_case) {
            Some((c, e)) => {
                if let Some(c) = c {
                    if currency.is_some_and(|had| had != c) {
                        return None;
                    }
                    currency = Some(c);
                }
                if let Some(e) = e {
                    if exp.is_some() {
                        return None;
                    }
                    exp = Some(e);
                }
            }
            None if strict => return None,
            None => {}
        }
    }
    Some(Unit {
        currency: currency?,
        exp: exp.unwrap_or(0),
    })
}

/// A unit cell → its currency and the power of ten it counts in: any ISO 4217 code
/// (`EUR`, `krw`), a sign (`$`, `US$`, `€`, `£`, `₩`, `CN¥`, `JP¥`) or a word (`euro`,
/// `euros`, `yen`, `won`, `yuan`, `RMB`, `달러`, `원`, `美元`, `元`, `人民币`…), with at
/// most one scale word in English (`thousand`, `k`, `'000`, `million`, `mn`, `bn`,
/// `trillion`), Korean or Chinese (천 만 백만 천만 억 십억 조, 千 万 百万 千万 亿 十亿),
/// in either order, spaced or not: `EUR thousand`, `million KRW`, `천달러`, `억원`,
/// `万元`, `亿美元`. `None` for anything else, or two currencies.
pub fn unit(cell: &str) -> Option<Unit> {
    unit_of(&unit_words(cell), true, true)
}

/// The unit a column header names, for tables whose header carries it: `VALUE IN
/// EURO`, `Value (EUR)`, `Exports (US$ thousand)`, `수출금액(천달러)`, `出口额（万元）`.
/// Its other words are passed over; a code counts only in capitals (`ALL` is the lek,
/// `all` a word). `None` when the header names no currency, or two.
pub fn header_unit(header: &str) -> Option<Unit> {
    // A unit in brackets wins: "Value (EUR)" is the bracket's alone.
    let inner = header
        .split(['(', '（', '['])
        .skip(1)
        .filter_map(|part| part.split([')', '）', ']']).next());
    for part in inner {
        if let Some(u) = unit_of(&unit_words(part), true, false) {
            return Some(u);
        }
    }
    let words = unit_words(header);
    // Korean and Chinese headers run words together (`수출금액천달러`): a word not in
    // ASCII may end in a unit.
    let words: Vec<String> = words
        .into_iter()
        .map(|w| {
            if w.is_ascii() {
                return w;
            }
            let tail = (0..w.len())
                .filter(|&i| w.is_char_boundary(i))
                .find(|&i| i > 0 && unit_word(&w[i..], false).is_some_and(|u| u.0.is_some()));
            match tail {
                Some(i) if unit_word(&w, false).is_none() => w[i..].to_string(),
                _ => w,
            }
        })
        .collect();
    unit_of(&words, false, false)
}

/// An id made from a name (a series', an observation's series and period): its ASCII
/// letters and digits lowercased, every other run of characters one `-`, none at either
/// end: `Korea's exports` → `korea-s-exports`. Every id an importer makes is one, made
/// unique by [`unique`].
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// `id`, or (when `used` has it) `id-2`, `id-3`…: an id no series before it has; kept in
/// `used`.
pub(crate) fn unique(used: &mut Vec<String>, id: String) -> String {
    let mut unique = id.clone();
    let mut k = 2;
    while used.contains(&unique) {
        unique = format!("{id}-{k}");
        k += 1;
    }
    used.push(unique.clone());
    unique
}

/// `"series[3].x"` with `prefix` `"series["` → `(3, ".x")`.
pub(crate) fn index<'a>(path: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(prefix)?;
    let (n, rest) = rest.split_once(']')?;
    Some((n.parse().ok()?, rest))
}

/// `".value"` → `value`; `".sources[0]"` → `sources`.
pub(crate) fn field_of(rest: &str) -> &str {
    let rest = rest.trim_start_matches('.');
    let end = rest.find(['.', '[']).unwrap_or(rest.len());
    &rest[..end]
}
