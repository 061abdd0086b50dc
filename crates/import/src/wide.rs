//! Wide tables (docs/DATA.md, "Wide tables"): a period column and a column per flow, as
//! statistics offices publish them: `Month;Exports;Imports;Balance`, Korea's K-stat
//! `년,수출금액,수출증감률,…,수입금액,…,수지`. Reached from [`crate::sheet::import`] when
//! [`sniff`] says the observations table is one.
//!
//! Each column's meaning is guessed from its header in English, Korean or Chinese
//! ([`guess`]), or set by the editor (`--flow "HEADER=KR>IT"`, [`flow_option`]). The first
//! partner is the reporting country: its exports are first>second, its imports
//! second>first. Columns that are not money (a weight, a growth rate) are not used, each
//! with a warning. A balance column, and a total column beside both flows, is not drawn:
//! each of its cells is checked against the flows within the rounding of the figures as
//! written, and each row that disagrees is a warning at its cell. The table names no
//! partner or source: `--partner` (twice) and `--source` give them; the unit is `--unit`
//! or what the figure columns' headers name (`수출금액(천달러)`); each one missing is one
//! error naming its option. One basis, "As reported by" the source's publisher: a table
//! is one office's own figures.

use std::collections::HashMap;

use serde::Serialize;

use super::assemble::{build, Acc, Class, SheetOptions, GAPS, OBSERVATION_COLUMNS};
pub use super::assemble::{ColumnRef, FlowOption, Setting};
use super::cells::{
    at, expected, header_unit, norm_header, parse, slug, unit, Cx, Input, Unit, MAX_ERRORS,
    UNIT_EXPECTED,
};
use super::numbers::{self, ColumnDecimal};
use super::office;
use super::periods;
use super::table;
use trade_chart::data::{is_date, Period, RawDataset, RawObservation, RawSource, RawText};
use trade_chart::error::{Error, ErrorKind};

/// `HEADER=KR>IT`, `HEADER=two-way`, `HEADER=balance`, `HEADER=skip`, with `#3` for the
/// third column: the text of `--flow` read, or why not.
pub fn flow_option(text: &str) -> Result<FlowOption, String> {
    let (h, v) = text.rsplit_once('=').ok_or_else(|| {
        format!("expected HEADER=KR>IT, HEADER=two-way or HEADER=skip, found \"{text}\"")
    })?;
    let h = h.trim();
    if h.is_empty() {
        return Err(format!("no header before = in \"{text}\""));
    }
    let column = match h.strip_prefix('#').map(str::parse::<usize>) {
        Some(Ok(k)) if k >= 1 => ColumnRef::Position(k),
        Some(_) => return Err(format!("\"{h}\": a position is #1, #2…")),
        None => ColumnRef::Header(h.to_string()),
    };
    let v = v.trim();
    let setting = match v.to_lowercase().as_str() {
        "two-way" | "two way" | "twoway" | "total" => Setting::TwoWay,
        "balance" => Setting::Balance,
        "skip" | "none" => Setting::Skip,
        _ => {
            let code = |s: &str| {
                let s = s.trim();
                (!s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric()))
                    .then(|| s.to_uppercase())
            };
            match v.split_once('>').map(|(a, b)| (code(a), code(b))) {
                Some((Some(a), Some(b))) if a != b => Setting::Flow(a, b),
                _ => {
                    return Err(format!(
                        "\"{v}\": expected a direction like KR>IT (exports of KR to IT), two-way, balance or skip"
                    ))
                }
            }
        }
    };
    Ok(FlowOption { column, setting })
}

/// `Publisher | Title | URL | date` (the date optional: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`): the text of `--source` read as one source, or why not. Its id is its
/// publisher's slug (`source` when that has no ASCII letter).
pub fn source_option(text: &str) -> Result<RawSource, String> {
    let parts: Vec<&str> = text.split('|').map(str::trim).collect();
    let form = "\"Publisher | Title | URL | date\" (the date optional)";
    if !(3..=4).contains(&parts.len()) {
        return Err(format!(
            "expected {form}, found {} parts in \"{text}\"",
            parts.len()
        ));
    }
    let (publisher, title, url) = (parts[0], parts[1], parts[2]);
    for (what, v) in [("publisher", publisher), ("title", title), ("URL", url)] {
        if v.is_empty() {
            return Err(format!("blank {what}: expected {form}"));
        }
    }
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(format!(
            "expected an http(s) URL as the third part, found \"{url}\""
        ));
    }
    let date = parts.get(3).copied().filter(|d| !d.is_empty());
    if let Some(d) = date {
        if !is_date(d) {
            return Err(format!(
                "expected a date YYYY, YYYY-MM or YYYY-MM-DD as the fourth part, found \"{d}\""
            ));
        }
    }
    let id = slug(publisher);
    Ok(RawSource {
        id: if id.is_empty() { "source".into() } else { id },
        publisher: publisher.to_string(),
        title: title.to_string(),
        date: date.map(str::to_string),
        url: url.to_string(),
        note: None,
    })
}

/// What a column holds, as the reader understood it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Meaning {
    /// The periods.
    Period,
    /// Figures of one direction ([`ColumnUse::direction`]).
    Flow,
    /// Two-way trade, drawn (the table has not both flows to check it against).
    TwoWay,
    /// Exports minus imports: checked against the flows, not drawn.
    Balance,
    /// Exports plus imports beside both flows: checked against them, not drawn.
    Total,
    /// Not used (not money, not figures, or a header that says no flow).
    Unused,
}

/// One column of a wide table as the reader understood it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnUse {
    /// The header as written.
    pub header: String,
    /// 1-based.
    pub position: usize,
    /// What it holds.
    pub meaning: Meaning,
    /// A flow's direction (`KR>IT`).
    pub direction: Option<String>,
    /// Why: `header says 수출`, `--flow`, `cells are periods`, `not money: header says 중량`.
    pub why: String,
}

/// What the reader understood of a wide table: for the builder to show, and to let the
/// editor change (with `--flow`'s settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Understood {
    /// `wide`.
    pub shape: &'static str,
    /// Every column, in order.
    pub columns: Vec<ColumnUse>,
    /// The reporting country's code (the first partner).
    pub reporter: String,
    /// The other partner's code.
    pub partner: String,
    /// The unit as written: `--unit`'s text, or the header that names it.
    pub unit: String,
    /// Its currency (ISO 4217).
    pub currency: String,
    /// Its power of ten: 3 for thousands.
    pub exp: i32,
    /// The source's id.
    pub source: String,
    /// The one basis' label.
    pub basis: String,
}

/// A wide table read: the dataset and the way back to its cells.
pub(crate) struct Wide {
    pub(crate) dataset: RawDataset,
    pub(crate) file: String,
    /// `period` → its column.
    pub(crate) cols: HashMap<&'static str, usize>,
    /// `[series][observation]` → row.
    pub(crate) rows: Vec<Vec<usize>>,
    /// Each series' value column.
    pub(crate) value_cols: Vec<usize>,
    pub(crate) understood: Understood,
}

/// What a header says a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    /// A weight, a quantity, a growth rate or share: not used.
    NotMoney,
    /// Exports minus imports.
    Balance,
    /// Both ways.
    TwoWay,
    /// The reporting country's exports.
    Exports,
    /// The reporting country's imports.
    Imports,
}

/// The English words (whole words, lowercased) and the Korean and Chinese ones (anywhere
/// in the header) of each guess, in the order they are tried: a weight of exports is a
/// weight, a balance of trade a balance, `进出口` both ways before `出口`.
const WORDS: [(Guess, &[&str], &[&str]); 6] = [
    (
        Guess::NotMoney,
        &[
            "weight",
            "weights",
            "quantity",
            "quantities",
            "qty",
            "volume",
            "volumes",
            "tonnes",
            "tons",
            "kg",
            "growth",
            "change",
            "changes",
            "percent",
            "pct",
            "rate",
            "rates",
            "share",
            "yoy",
            "index",
            "price",
            "prices",
        ],
        &[
            "%",
            "중량",
            "수량",
            "물량",
            "증감률",
            "증감",
            "비중",
            "重量",
            "数量",
            "增长",
            "同比",
            "环比",
            "增速",
            "比重",
            "占比",
        ],
    ),
    (
        Guess::Balance,
        &["balance", "surplus", "deficit", "net"],
        &["수지", "差额", "顺差", "逆差", "收支"],
    ),
    (
        Guess::TwoWay,
        &[],
        &["수출입", "교역", "进出口", "贸易总额", "贸易额"],
    ),
    (
        Guess::Exports,
        &["export", "exports", "exported", "exportations"],
        &["수출", "出口"],
    ),
    (
        Guess::Imports,
        &["import", "imports", "imported", "importations"],
        &["수입", "进口"],
    ),
    (
        Guess::TwoWay,
        &["total", "trade", "turnover", "totals"],
        &["합계", "총액", "合计", "总额", "总计"],
    ),
];

/// What `header` says its column holds, and the word that says it.
pub fn guess(header: &str) -> Option<(Guess, &'static str)> {
    let lower = header.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |en: &[&'static str], cjk: &[&'static str]| {
        en.iter()
            .find(|w| words.contains(w))
            .or_else(|| cjk.iter().find(|w| lower.contains(*w)))
            .copied()
    };
    for (g, en, cjk) in WORDS {
        if g == Guess::Exports {
            // Exports and imports named together: both ways.
            let (_, ien, icjk) = WORDS[4];
            if let (Some(e), Some(_)) = (has(en, cjk), has(ien, icjk)) {
                return Some((Guess::TwoWay, e));
            }
        }
        if let Some(w) = has(en, cjk) {
            return Some((g, w));
        }
    }
    None
}

/// The word in `header` that says its column holds periods (`month`, `year`, `년`,
/// `数据年月`…), if any.
pub fn period_word(header: &str) -> Option<&'static str> {
    let lower = header.to_lowercase();
    let en = [
        "month", "year", "period", "date", "time", "yr", "months", "years", "periods",
    ];
    let cjk = [
        "数据年月",
        "期间",
        "日期",
        "时间",
        "年份",
        "月份",
        "기간",
        "시점",
        "연도",
        "년",
        "월",
        "年",
        "月",
    ];
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    en.iter()
        .find(|w| words.contains(w))
        .or_else(|| cjk.iter().find(|w| lower.contains(*w)))
        .copied()
}

/// The header row of `text` (its first line, outside quotes); none for a text over
/// [`trade_chart::limits::TABLE_BYTES`], which the reader refuses anyway.
fn header_row(text: &str) -> Vec<String> {
    if text.len() > trade_chart::limits::TABLE_BYTES.max {
        return Vec::new();
    }
    let mut quoted = false;
    let end = text
        .bytes()
        .position(|b| {
            if b == b'"' {
                quoted = !quoted;
            }
            !quoted && (b == b'\n' || b == b'\r')
        })
        .unwrap_or(text.len());
    table::parse(text.get(..end).unwrap_or(text)).map_or_else(|_| Vec::new(), |t| t.headers)
}

/// Whether `text` is a wide table: `--flow` is given, or its header row has no direction
/// or value column (a long table's) and a header that names a flow, a total or a balance.
pub fn sniff(text: &str, options: &SheetOptions) -> bool {
    if !options.flows.is_empty() {
        return true;
    }
    let headers = header_row(text);
    let long = headers.iter().any(|h| {
        let n = norm_header(h);
        OBSERVATION_COLUMNS.iter().any(|(f, aliases)| {
            matches!(*f, "direction" | "value") && aliases.contains(&n.as_str())
        })
    });
    // A long table with words (crate::office): a period column and a money column whose
    // header names its currency, beside words (partners, products, flows).
    let office = !headers.iter().any(|h| {
        let n = norm_header(h);
        OBSERVATION_COLUMNS
            .iter()
            .any(|(f, aliases)| matches!(*f, "value" | "unit") && aliases.contains(&n.as_str()))
    }) && headers.iter().any(|h| header_unit(h).is_some())
        && headers.iter().any(|h| period_word(h).is_some())
        // Its key columns found in its cells (a flow column is known by them).
        && text.len() <= trade_chart::limits::TABLE_BYTES.max
        && table::parse(text).is_ok_and(|t| office::Keys::find(&t).any());
    office
        || !long
            && headers
                .iter()
                .any(|h| guess(h).is_some_and(|(g, _)| g != Guess::NotMoney))
}

/// How a column is used.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Use {
    Period,
    /// `None`: two-way.
    Flow(Option<(String, String)>),
    Balance,
    Total,
    Unused,
}

/// A column's use and why.
struct Plan {
    use_: Use,
    why: String,
    /// Set by `--flow`.
    given: bool,
}

fn opt_error(cx: &mut Cx, kind: ErrorKind, option: &str, msg: String) {
    cx.error(Error::at(kind, option, msg));
}

/// The options a wide table cannot do without: the two partners, the unit (`None` when
/// not given but a header names one) and one source; each one missing is one error
/// naming its option.
fn required<'s>(
    cx: &mut Cx,
    headers: &[String],
    sources: &'s [RawSource],
    options: &SheetOptions,
    partner_asked: bool,
    table_is: &str,
) -> Option<((String, String), Option<Unit>, &'s RawSource)> {
    let partners = match options.partners.as_slice() {
        [a, b, ..] => Some((a.0.clone(), b.0.clone())),
        // Asked for already, with the table's own partners listed.
        _ if partner_asked => None,
        _ => {
            opt_error(
                cx,
                ErrorKind::MissingField,
                "--partner",
                format!("{table_is} does not name its countries: give both partners as --partner CODE=Name, the reporting country first (its exports are first>second)"),
            );
            None
        }
    };
    // Not given: a header may name it (`수출금액(천달러)`); else it is missing.
    let unit = match &options.unit {
        None if headers.iter().any(|h| header_unit(h).is_some()) => Some(None),
        None => {
            opt_error(
                cx,
                ErrorKind::MissingField,
                "--unit",
                format!("{table_is} has no unit column, and no header names one: give the unit of its figures (--unit \"USD million\", \"EUR thousand\", \"억원\")"),
            );
            None
        }
        Some(u) => {
            let e = unit(u);
            if e.is_none() {
                cx.error(Error::expected("--unit", UNIT_EXPECTED, format!("\"{u}\"")));
            }
            e.map(Some)
        }
    };
    let source = match sources {
        [one] => Some(one),
        [] => {
            opt_error(
                cx,
                ErrorKind::MissingField,
                "--source",
                format!("{table_is} has no sources column: give its source (--source \"Publisher | Title | URL | date\", the date optional)"),
            );
            None
        }
        more => {
            opt_error(
                cx,
                ErrorKind::InvalidValue,
                "--source",
                format!(
                    "{table_is} has one source, and the sources table has {}: give one (--source \"Publisher | Title | URL | date\")",
                    more.len()
                ),
            );
            None
        }
    };
    Some((partners?, unit?, source?))
}

/// The columns `--flow` sets, by 0-based column; each error (an unknown header, a
/// repeated one, a code not the partners' `codes` when both are given) naming `--flow`.
fn given_flows(
    cx: &mut Cx,
    headers: &[String],
    options: &SheetOptions,
    codes: Option<(&str, &str)>,
) -> HashMap<usize, Setting> {
    let mut set = HashMap::new();
    let listed = || {
        headers
            .iter()
            .enumerate()
            .map(|(i, h)| format!("#{} {h}", i + 1))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for f in &options.flows {
        let col = match &f.column {
            ColumnRef::Position(k) if *k <= headers.len() => Some(k - 1),
            ColumnRef::Position(k) => {
                let msg = format!(
                    "#{k}: the table has {} ({})",
                    crate::count(headers.len(), "column", "columns"),
                    listed()
                );
                opt_error(cx, ErrorKind::UnknownField, "--flow", msg);
                None
            }
            ColumnRef::Header(h) => {
                let at: Vec<usize> = (headers.iter().enumerate())
                    .filter(|(_, x)| x.trim().to_lowercase() == h.trim().to_lowercase())
                    .map(|(i, _)| i)
                    .collect();
                match at.as_slice() {
                    [i] => Some(*i),
                    [] => {
                        let msg = format!(
                            "\"{h}\": no column has this header; the headers are {}",
                            listed()
                        );
                        opt_error(cx, ErrorKind::UnknownField, "--flow", msg);
                        None
                    }
                    many => {
                        let msg = format!(
                            "\"{h}\" heads columns {}: name one by its position ({})",
                            many.iter()
                                .map(|i| (i + 1).to_string())
                                .collect::<Vec<_>>()
                                .join(", "),
                            many.iter()
                                .map(|i| format!("#{}", i + 1))
                                .collect::<Vec<_>>()
                                .join(" or ")
                        );
                        opt_error(cx, ErrorKind::DuplicateId, "--flow", msg);
                        None
                    }
                }
            }
        };
        // Checked against the partners given (none given: that error is said alone).
        if let (Setting::Flow(a, b), Some(codes)) = (&f.setting, codes) {
            for c in [a, b] {
                if c != codes.0 && c != codes.1 {
                    let msg = format!(
                        "\"{a}>{b}\": {c} is not a partner; expected {0}>{1} or {1}>{0}",
                        codes.0, codes.1
                    );
                    opt_error(cx, ErrorKind::UnknownId, "--flow", msg);
                    return set;
                }
            }
        }
        if let Some(c) = col {
            if set.insert(c, f.setting.clone()).is_some() {
                let msg = format!("column {} set twice", c + 1);
                opt_error(cx, ErrorKind::DuplicateId, "--flow", msg);
            }
        }
    }
    set
}

/// Whether the cell is a gap: blank, `n/a`, `-`, `..`…
fn is_gap(cell: &str) -> bool {
    cell.is_empty() || GAPS.contains(&cell.to_lowercase().as_str())
}

/// The period column: the first whose header says period and one of whose cells is a
/// period; else the first whose cells are all periods; else the first whose header says
/// period. With why.
fn period_column(table: &table::Table, taken: &HashMap<usize, Setting>) -> Option<(usize, String)> {
    let reads = |c: usize| {
        let col = periods::Column::new(
            table.headers.get(c).map_or("", String::as_str),
            table.rows.iter().map(|r| r.cell(c)),
        );
        let cells: Vec<&str> = (table.rows.iter())
            .map(|r| r.cell(c))
            .filter(|x| !x.is_empty())
            .collect();
        let read = cells.iter().filter(|x| col.read(x).is_some()).count();
        (read, cells.len())
    };
    let free = |c: &usize| !taken.contains_key(c);
    let by_header: Vec<(usize, &'static str)> = (0..table.headers.len())
        .filter(free)
        .filter_map(|c| period_word(&table.headers[c]).map(|w| (c, w)))
        .collect();
    if let Some(&(c, w)) = by_header.iter().find(|(c, _)| reads(*c).0 > 0) {
        return Some((c, format!("header says {w}")));
    }
    if let Some(c) = (0..table.headers.len()).filter(free).find(|&c| {
        let (read, all) = reads(c);
        read > 0 && read == all
    }) {
        return Some((c, "cells are periods".into()));
    }
    by_header
        .first()
        .map(|&(c, w)| (c, format!("header says {w}")))
}

/// A canonical decimal (`-1234.5`) as its digits and number of decimals: (-12345, 1).
fn decimal(canon: &str) -> Option<(i128, u32)> {
    let (neg, body) = match canon.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, canon),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.len() + frac.len() > 30 {
        return None;
    }
    let m: i128 = format!("{int}{frac}").parse().ok()?;
    Some((if neg { -m } else { m }, u32::try_from(frac.len()).ok()?))
}

/// `m` × 10^-`d` as text with `d` decimals.
fn decimal_text(m: i128, d: u32) -> String {
    let digits = m.unsigned_abs().to_string();
    let d = d as usize;
    let sign = if m < 0 { "-" } else { "" };
    if d == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{digits:0>width$}", width = d + 1);
    let (i, f) = padded.split_at(padded.len() - d);
    format!("{sign}{i}.{f}")
}

/// Whether `found` is `a` − `b` (`minus`) or `a` + `b`, within the rounding of the three
/// as written (half a unit of each one's last decimal place, summed); `None` when it
/// agrees, else (the expected figure, the tolerance) as text.
fn disagreement(a: &str, b: &str, found: &str, minus: bool) -> Option<(String, String)> {
    let (a, b, f) = (decimal(a)?, decimal(b)?, decimal(found)?);
    let s = a.1.max(b.1).max(f.1) + 1;
    let at = |(m, d): (i128, u32)| m.checked_mul(10i128.checked_pow(s - d)?);
    let (ai, bi, fi) = (at(a)?, at(b)?, at(f)?);
    let want = if minus {
        ai.checked_sub(bi)?
    } else {
        ai.checked_add(bi)?
    };
    let half = |d: u32| 5 * 10i128.pow(s - 1 - d);
    let tol = half(a.1) + half(b.1) + half(f.1);
    if fi.checked_sub(want)?.unsigned_abs() <= tol.unsigned_abs() {
        return None;
    }
    let shown = a.1.max(b.1);
    let want_text = decimal_text(want / 10i128.pow(s - shown), shown);
    // The tolerance without trailing zeros: 1.5, 0.15.
    let tol_text = decimal_text(tol, s);
    let tol_text = if tol_text.contains('.') {
        tol_text
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    } else {
        tol_text
    };
    Some((want_text, tol_text))
}

/// Reads a wide table with the one source in `sources`; `None` once an error is reported.
pub(crate) fn read(
    cx: &mut Cx,
    input: Input,
    sources: &[RawSource],
    options: &SheetOptions,
) -> Option<Wide> {
    let file = input.name;
    let table = parse(cx, file, input.text)?;
    let headers = &table.headers;
    // A long table with words: its partners listed when --partner does not say which.
    let keys = office::Keys::find(&table);
    // A long table with words asks for every answer it lacks in one run (the partner,
    // the unit, the source, the product, the flow): one missing is said and the table
    // read on as far as the others can be told. A wide table stops after its options.
    let long = keys.any();
    let mut partner_asked = false;
    if keys.partner.any() && options.partners.len() < 2 {
        let rows: Vec<&table::Row> = table.rows.iter().filter(|r| !r.is_blank()).collect();
        partner_asked = office::pick(
            cx,
            file,
            headers,
            rows,
            &keys,
            office::Ask {
                partners: &options.partners,
                commodity: None,
                products: false,
            },
        )
        .is_none();
    }
    // A table of flows as words without a partner column: one country against the world
    // as a whole, or against the partner its title names.
    if keys.flow.is_some() && !keys.partner.any() && options.partners.len() < 2 {
        let msg = "the table names no partner: give both as --partner CODE=Name, the reporting country first (its exports are first>second); for a table of one country against all its partners together, --partner WLD=World".into();
        opt_error(cx, ErrorKind::MissingField, "--partner", msg);
        partner_asked = true;
    }
    let table_is = if long { "the table" } else { "a wide table" };
    let required = required(cx, headers, sources, options, partner_asked, table_is);
    // The partners given, whatever else is missing (the unit, the source).
    let codes = match options.partners.as_slice() {
        [a, b, ..] => Some((a.0.as_str(), b.0.as_str())),
        _ => None,
    };
    let given = given_flows(cx, headers, options, codes);
    let (reporter, partner) = match &required {
        Some(((r, p), ..)) => (r.clone(), p.clone()),
        // Asked for: the codes given so far, else placeholders, in what else is asked.
        None if long => {
            let code = |i: usize, or: &str| {
                (options.partners.get(i)).map_or_else(|| or.to_string(), |p| p.0.clone())
            };
            (code(0, "REPORTER"), code(1, "PARTNER"))
        }
        None => return None,
    };
    if !cx.errors.is_empty() && !long {
        return None;
    }
    // A table of one country against the world (ELSTAT's, by product): the second
    // partner is World as the editor names it; said, never taken for a country.
    if let Some((c, n)) = options
        .partners
        .get(1)
        .filter(|(c, n)| office::is_world(c, n))
    {
        if keys.partner.any() {
            let msg = format!("{c} ({n}) is the world as a whole, an aggregate of areas, not a country: a partner column's rows are one country's (give one of the table's partners)");
            opt_error(cx, ErrorKind::InvalidValue, "--partner", msg);
            return None;
        }
        let msg = format!("{c} ({n}) is the world as a whole, not a country: the chart is {reporter}'s trade with all its partners together, as the table gives it (its title and series name {n})");
        cx.warnings
            .push(Error::at(ErrorKind::InvalidValue, "--partner", msg));
    }
    let exports = Some((reporter.clone(), partner.clone()));
    let imports = Some((partner.clone(), reporter.clone()));

    // Each column's use.
    let Some((pc, period_why)) = period_column(&table, &given) else {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            1,
            0,
            "period",
            format!(
                "no period column: no header says month, year, period, date, 년, 월, 年 or 月, and no column's cells are all periods like 2020, 2020-06 or Jan 2020 (headers: {})",
                headers.join(", ")
            ),
        ));
        return None;
    };
    let rows: Vec<&table::Row> = table.rows.iter().filter(|r| !r.is_blank()).collect();
    // A long table with words: the rows of the second partner and of one product. Its
    // decimal mark is judged from every row (one export, one style).
    let all_rows = rows.clone();
    let (rows, product) = if keys.any() {
        // The partner asked for already: the products of every row listed.
        let pick_keys = if partner_asked {
            office::Keys {
                partner: Default::default(),
                ..keys.clone()
            }
        } else {
            keys.clone()
        };
        office::pick(
            cx,
            file,
            headers,
            rows.clone(),
            &pick_keys,
            office::Ask {
                partners: &options.partners,
                commodity: options.commodity.as_deref(),
                products: true,
            },
        )
        .unwrap_or((rows, None))
    } else {
        (rows, None)
    };
    let key_cols = keys.cols();
    // A money column beside a column of flow words: each row's flow says its direction.
    let by_row = match (keys.money, keys.flow) {
        (Some(m), Some(f)) if !given.contains_key(&m) => Some((m, f)),
        _ => None,
    };
    let numeric = |c: usize| {
        rows.iter()
            .map(|r| r.cell(c))
            .filter(|x| !is_gap(x))
            .all(|x| numbers::style(x).is_some())
    };
    let mut plans: Vec<Plan> = Vec::new();
    for (c, h) in headers.iter().enumerate() {
        let plan = if c == pc {
            Plan {
                use_: Use::Period,
                why: period_why.clone(),
                given: false,
            }
        } else if let Some((_, f)) = by_row.filter(|(m, _)| *m == c) {
            Plan {
                use_: Use::Flow(exports.clone()),
                why: format!("each row's direction from \"{}\"", headers[f]),
                given: false,
            }
        } else if key_cols.contains(&c) && !given.contains_key(&c) {
            let what = if keys.flow == Some(c) {
                "flows: each row's direction"
            } else if keys.partner.cols().any(|k| k == c) {
                "partner: rows picked by --partner"
            } else {
                "product: rows picked by --commodity"
            };
            Plan {
                use_: Use::Unused,
                why: what.into(),
                given: false,
            }
        } else if let Some(s) = given.get(&c) {
            let use_ = match s {
                Setting::Flow(a, b) => Use::Flow(Some((a.clone(), b.clone()))),
                Setting::TwoWay => Use::Flow(None),
                Setting::Balance => Use::Balance,
                Setting::Skip => Use::Unused,
            };
            Plan {
                use_,
                why: "--flow".into(),
                given: true,
            }
        } else {
            let (use_, why) = match guess(h) {
                Some((Guess::Exports, w)) => {
                    (Use::Flow(exports.clone()), format!("header says {w}"))
                }
                Some((Guess::Imports, w)) => {
                    (Use::Flow(imports.clone()), format!("header says {w}"))
                }
                Some((Guess::TwoWay, w)) => (Use::Flow(None), format!("header says {w}")),
                Some((Guess::Balance, w)) => (Use::Balance, format!("header says {w}")),
                Some((Guess::NotMoney, w)) => (Use::Unused, format!("not money: header says {w}")),
                None if h.is_empty() && rows.iter().all(|r| r.cell(c).is_empty()) => {
                    (Use::Unused, "blank".into())
                }
                None if numeric(c) => (Use::Unused, "header says no flow".into()),
                None => (Use::Unused, "not figures".into()),
            };
            Plan {
                use_,
                why,
                given: false,
            }
        };
        plans.push(plan);
    }
    let has = |d: &Option<(String, String)>, plans: &[Plan]| {
        plans.iter().any(|p| p.use_ == Use::Flow(d.clone()))
    };
    let both = has(&exports, &plans) && has(&imports, &plans);
    // A total beside both flows is checked against them, not drawn.
    if both {
        for p in plans.iter_mut().filter(|p| p.use_ == Use::Flow(None)) {
            p.use_ = Use::Total;
        }
    }
    // Warnings for the columns not used, and the balance that cannot be checked.
    for (c, p) in plans.iter().enumerate() {
        let h = &headers[c];
        let msg = match (&p.use_, p.why.as_str()) {
            (Use::Unused, "blank") => continue,
            (Use::Unused, "--flow") => continue,
            (Use::Unused, _) if key_cols.contains(&c) => continue,
            (Use::Unused, "header says no flow") => format!(
                "\"{h}\": column not used: its header says no flow (--flow \"{h}=KR>IT\", \"{h}=two-way\" or \"{h}=skip\" says what it holds)"
            ),
            (Use::Unused, "not figures") => {
                format!("\"{h}\": column not used: its cells are not figures")
            }
            (Use::Unused, why) => format!("\"{h}\": column not used: {why}"),
            (Use::Balance, _) if !both => format!(
                "\"{h}\": balance not checked: the table has not both exports and imports"
            ),
            _ => continue,
        };
        cx.warnings
            .push(at(ErrorKind::UnknownField, file, 1, c, "", msg));
    }
    // One column per direction.
    let mut first_of: HashMap<Option<(String, String)>, usize> = HashMap::new();
    for (c, p) in plans.iter().enumerate() {
        if let Use::Flow(d) = &p.use_ {
            if let Some(first) = first_of.insert(d.clone(), c) {
                let what = d
                    .as_ref()
                    .map_or("two-way".to_string(), |(a, b)| format!("{a}>{b}"));
                let h = &headers[c];
                cx.error(at(
                    ErrorKind::DuplicateId,
                    file,
                    1,
                    c,
                    "",
                    format!(
                        "\"{h}\": a second column of {what} figures (column {} is one): set one with --flow \"#{}=skip\"",
                        first + 1,
                        c + 1
                    ),
                ));
            }
        }
    }
    if first_of.is_empty() && keys.any() {
        if let Some(m) = keys.money {
            let h = &headers[m];
            let msg = format!(
                "the table does not say whether \"{h}\" holds imports or exports (no column of flows like IMPORTS/EXPORTS, 수입/수출, 进口/出口): say it with --flow \"{h}={partner}>{reporter}\" ({reporter}'s imports from {partner}) or --flow \"{h}={reporter}>{partner}\" (its exports)"
            );
            opt_error(cx, ErrorKind::MissingField, "--flow", msg);
            return None;
        }
    }
    if first_of.is_empty() {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            1,
            headers.len(),
            "",
            format!(
                "no column of figures: no header says exports, imports or total (수출, 수입, 出口, 进口…); name them with --flow \"HEADER={reporter}>{partner}\" (headers: {})",
                headers.join(", ")
            ),
        ));
    }
    if !cx.errors.is_empty() {
        return None;
    }
    let (_, given_unit, source) = required?;

    // The unit: --unit, else the one the figure columns' headers name; a header naming
    // another is an error at it (a figure is never read in the wrong unit).
    let named: Vec<(usize, Unit)> = (plans.iter().enumerate())
        .filter(|(_, p)| matches!(p.use_, Use::Flow(_) | Use::Balance | Use::Total))
        .filter_map(|(c, _)| header_unit(&headers[c]).map(|u| (c, u)))
        .collect();
    let (unit_used, unit_text) = match (given_unit, named.first()) {
        (Some(u), _) => (u, options.unit.clone().unwrap_or_default()),
        (None, Some(&(c, u))) => (u, headers[c].clone()),
        (None, None) => {
            opt_error(
                cx,
                ErrorKind::MissingField,
                "--unit",
                "no header of a figure column names a unit: give the unit of its figures (--unit \"USD million\", \"EUR thousand\", \"억원\")".into(),
            );
            return None;
        }
    };
    for &(c, u) in &named {
        if u != unit_used {
            let h = &headers[c];
            let code = |u: Unit| format!("{} ×10^{}", u.currency.code(), u.exp);
            cx.error(at(
                ErrorKind::InvalidValue,
                file,
                1,
                c,
                "unit",
                format!(
                    "\"{h}\": its header says {}, and the table's unit is {} ({unit_text}): a table has one unit",
                    code(u),
                    code(unit_used)
                ),
            ));
        }
    }
    if !cx.errors.is_empty() {
        return None;
    }
    let exp = unit_used.exp;

    // The table's decimal mark, from every figure cell.
    let used: Vec<usize> = (plans.iter().enumerate())
        .filter(|(_, p)| matches!(p.use_, Use::Flow(_) | Use::Balance | Use::Total))
        .map(|(c, _)| c)
        .collect();
    let mut cells: Vec<(usize, usize, &str)> = Vec::new();
    for r in &all_rows {
        for &c in &used {
            let v = r.cell(c);
            if !is_gap(v) {
                cells.push((r.number, c, v));
            }
        }
    }
    let styles: Vec<_> = cells.iter().map(|x| numbers::style(x.2)).collect();
    let mut bad: std::collections::HashSet<(usize, usize)> = std::collections::HashSet::new();
    for (&(n, c, v), s) in cells.iter().zip(&styles) {
        if s.is_none() && options.decimal.is_none() {
            let what = "a number like 1234.5, 1,234.5, 1.234,5 or 1 234,5";
            cx.error(expected(file, n, c, &headers[c], what, v));
            bad.insert((n, c));
        }
    }
    let cell_at = |i: usize| cells.get(i).copied().unwrap_or((0, 0, ""));
    let decimal_mark = match numbers::column_decimal(&styles, options.decimal) {
        ColumnDecimal::Known(d) => Some(d),
        ColumnDecimal::Ambiguous(list) => {
            for (n, c, v) in list.into_iter().map(cell_at) {
                cx.error(at(
                    ErrorKind::AmbiguousNumber,
                    file,
                    n,
                    c,
                    &headers[c],
                    format!(
                        "\"{v}\": could be {} or {}, and no figure of this table shows its decimal mark; give it (--decimal . or --decimal ,)",
                        numbers::canonical(v, '.').unwrap_or_default(),
                        numbers::canonical(v, ',').unwrap_or_default(),
                    ),
                ));
            }
            None
        }
        ColumnDecimal::Mixed {
            point,
            comma,
            blame,
        } => {
            let ((pn, pc_, pv), (cn, cc, cv)) = (cell_at(point), cell_at(comma));
            for (n, c, v) in blame.into_iter().map(cell_at) {
                cx.error(at(
                    ErrorKind::InvalidValue,
                    file,
                    n,
                    c,
                    &headers[c],
                    format!(
                        "\"{v}\": this table mixes 1,234.5 ({pn}:{}: \"{pv}\") and 1.234,5 ({cn}:{}: \"{cv}\"); give the decimal mark (--decimal . or --decimal ,)",
                        pc_ + 1,
                        cc + 1
                    ),
                ));
            }
            None
        }
    };

    // The rows.
    let period_col = periods::Column::new(
        headers.get(pc).map_or("", String::as_str),
        rows.iter().map(|r| office::marker(r.cell(pc)).0),
    );
    let basis = "reported".to_string();
    let mut accs: Vec<Acc> = Vec::new();
    let mut acc_cols: Vec<usize> = Vec::new();
    type Direction = Option<(String, String)>;
    let mut by_key: HashMap<(usize, Direction, Class), usize> = HashMap::new();
    let mut seen: HashMap<(String, Option<office::FlowWord>), usize> = HashMap::new();
    // Periods written with a footnote marker (`2017(1)`): one warning each.
    let mut marked: std::collections::HashSet<String> = std::collections::HashSet::new();
    // Rows whose balance or total disagrees: a warning each, up to MAX_ERRORS, then one
    // counting the rest.
    let mut disagreeing = 0;
    let exports_col = first_of.get(&exports).copied();
    let imports_col = first_of.get(&imports).copied();
    for r in &rows {
        let n = r.number;
        let (p, mark) = office::marker(r.cell(pc));
        let Some((ptext, period)) = period_col
            .read(p)
            .and_then(|s| Period::parse(&s).ok().map(|x| (s, x)))
        else {
            if used.iter().all(|&c| r.cell(c).is_empty()) {
                let msg = format!("\"{p}\": not a period, and the row has no figures: skipped");
                cx.warnings
                    .push(at(ErrorKind::InvalidValue, file, n, pc, "period", msg));
            } else {
                cx.error(expected(file, n, pc, "period", periods::EXPECTED, p));
            }
            continue;
        };
        // The row's flow, in a table with a column of flow words.
        let word = match by_row {
            Some((_, f)) => match office::flow_word(r.cell(f)) {
                Some(w) => Some(w),
                None => {
                    let what = "a flow: IMPORTS or EXPORTS, 수입 or 수출, 进口 or 出口";
                    cx.error(expected(file, n, f, &headers[f], what, r.cell(f)));
                    continue;
                }
            },
            None => None,
        };
        if let Some(first) = seen.insert((ptext.clone(), word), n) {
            let flow = word.map_or(String::new(), |_| {
                format!(" and flow ({})", by_row.map_or("", |(_, f)| r.cell(f)))
            });
            cx.error(at(
                ErrorKind::Overlap,
                file,
                n,
                pc,
                "period",
                format!("\"{p}\": a second row for this period{flow} (row {first})"),
            ));
            continue;
        }
        // A marked period: the marker kept as each figure's note, and said once.
        let raw = r.cell(pc);
        let note = mark.map(|m| {
            format!("The table writes this period \"{raw}\": its marker {m} is a footnote of the source (provisional or revised figures).")
        });
        if let Some(m) = mark {
            if marked.insert(raw.to_string()) {
                let msg = format!(
                    "\"{raw}\": read as {ptext}; its marker {m} (a footnote: provisional or revised figures?) is kept as the note of each figure of this period"
                );
                cx.warnings
                    .push(at(ErrorKind::InvalidValue, file, n, pc, "period", msg));
            }
        }
        let class = Class::of(&period, false);
        let Some(d) = decimal_mark else { continue };
        let mut values: HashMap<usize, String> = HashMap::new();
        for &c in &used {
            let v = r.cell(c);
            let flow = matches!(plans[c].use_, Use::Flow(_));
            if is_gap(v) {
                if flow {
                    cx.gaps += 1;
                }
                continue;
            }
            if bad.contains(&(n, c)) {
                continue;
            }
            let Some(canon) = numbers::canonical(v, d) else {
                let what = format!(
                    "a number with \"{d}\" as its decimal mark, as in the rest of this table"
                );
                cx.error(expected(file, n, c, &headers[c], &what, v));
                continue;
            };
            if flow && canon.starts_with('-') {
                let what = "a figure ≥ 0: a flow is never below zero (only a balance is; a gap is left blank, never written as 0)";
                cx.error(expected(file, n, c, &headers[c], what, v));
                continue;
            }
            values.insert(c, canon);
        }
        // The checks.
        if let (Some(ec), Some(ic)) = (exports_col, imports_col) {
            if let (Some(e), Some(i)) = (values.get(&ec), values.get(&ic)) {
                for &c in &used {
                    let minus = match plans[c].use_ {
                        Use::Balance => true,
                        Use::Total => false,
                        _ => continue,
                    };
                    let Some(found) = values.get(&c) else {
                        continue;
                    };
                    if let Some((want, tol)) = disagreement(e, i, found, minus) {
                        let op = if minus { "−" } else { "+" };
                        let what = format!(
                            "{} {op} {} = {e} {op} {i} = {want} (± {tol}, the rounding of the figures as written)",
                            headers[ec], headers[ic]
                        );
                        let field = if minus { "balance" } else { "total" };
                        if disagreeing < MAX_ERRORS {
                            cx.warnings
                                .push(expected(file, n, c, field, &what, r.cell(c)));
                        }
                        disagreeing += 1;
                    }
                }
            }
        }
        for (&c, canon) in &values {
            let Use::Flow(direction) = &plans[c].use_ else {
                continue;
            };
            let direction = match word {
                Some(office::FlowWord::Exports) if by_row.is_some_and(|(m, _)| m == c) => &exports,
                Some(office::FlowWord::Imports) if by_row.is_some_and(|(m, _)| m == c) => &imports,
                _ => direction,
            };
            let k = *by_key
                .entry((c, direction.clone(), class))
                .or_insert_with(|| {
                    accs.push(Acc {
                        name: String::new(),
                        direction: direction.clone(),
                        direction_row: 1,
                        basis: basis.clone(),
                        class,
                        obs: Vec::new(),
                        rows: Vec::new(),
                    });
                    acc_cols.push(c);
                    accs.len() - 1
                });
            if let Some(acc) = accs.get_mut(k) {
                acc.obs.push((
                    RawObservation {
                        id: None,
                        period: ptext.clone(),
                        category: None,
                        value: None,
                        basis: None,
                        qualifier: None,
                        sources: vec![source.id.clone()],
                        derived: None,
                        note: note.clone().map(RawText::Plain),
                    },
                    canon.clone(),
                    exp,
                    period,
                ));
                acc.rows.push(n);
            }
        }
    }
    if disagreeing > MAX_ERRORS {
        cx.warnings.push(Error::at(
            ErrorKind::InvalidValue,
            "",
            format!(
                "{} more balance or total cells disagree with the flows (stopped after {MAX_ERRORS})",
                disagreeing - MAX_ERRORS
            ),
        ));
    }
    if !cx.errors.is_empty() {
        return None;
    }
    if accs.is_empty() {
        let c = first_of.values().copied().min().unwrap_or(0);
        let msg = "no figures: every row is blank or a gap";
        cx.error(super::cells::no_figures(file, &table.rows, c, msg));
        return None;
    }
    // Series in column order, each oldest first (tables are often newest first).
    let mut order: Vec<usize> = (0..accs.len()).collect();
    order.sort_by_key(|&k| (acc_cols[k], accs[k].class));
    let mut sorted_accs = Vec::new();
    let mut value_cols = Vec::new();
    let mut slots: Vec<Option<Acc>> = accs.into_iter().map(Some).collect();
    for k in order {
        if let Some(mut acc) = slots.get_mut(k).and_then(Option::take) {
            let mut pairs: Vec<_> = acc.obs.into_iter().zip(acc.rows).collect();
            pairs.sort_by_key(|(o, _)| (o.3.start, o.3.end));
            (acc.obs, acc.rows) = pairs.into_iter().unzip();
            sorted_accs.push(acc);
            value_cols.push(acc_cols[k]);
        }
    }
    let label = format!("As reported by {}", source.publisher);
    let codes = [reporter.clone(), partner.clone()];
    // One product of a table of products: named in the title and the views' titles.
    let what = product
        .as_ref()
        .map(|(code, name)| match (code.is_empty(), name.is_empty()) {
            (false, false) => format!("{name} ({code})"),
            (true, _) => name.clone(),
            (false, true) => format!("product {code}"),
        });
    let mut titled = options.clone();
    if let (Some(what), None) = (&what, &options.title) {
        let named = |c: &str| {
            (options.partners.iter())
                .find(|(x, _)| x == c)
                .map_or(c.to_string(), |(_, n)| n.clone())
        };
        titled.title = Some(format!(
            "Trade between {} and {}: {what}",
            named(&reporter),
            named(&partner)
        ));
    }
    let (dataset, obs_rows) = build(
        &sorted_accs,
        vec![(basis, label.clone())],
        &codes,
        vec![source.clone()],
        unit_used.currency,
        &titled,
        what.as_deref(),
    );
    let columns = plans
        .iter()
        .enumerate()
        .map(|(c, p)| {
            let (meaning, direction) = match &p.use_ {
                Use::Period => (Meaning::Period, None),
                Use::Flow(Some((a, b))) => (Meaning::Flow, Some(format!("{a}>{b}"))),
                Use::Flow(None) => (Meaning::TwoWay, None),
                Use::Balance => (Meaning::Balance, None),
                Use::Total => (Meaning::Total, None),
                Use::Unused => (Meaning::Unused, None),
            };
            let why = if p.given || p.use_ != Use::Total {
                p.why.clone()
            } else {
                format!("{}; checked against both flows", p.why)
            };
            ColumnUse {
                header: headers[c].clone(),
                position: c + 1,
                meaning,
                direction,
                why,
            }
        })
        .collect();
    Some(Wide {
        dataset,
        file: file.to_string(),
        cols: HashMap::from([("period", pc)]),
        rows: obs_rows,
        value_cols,
        understood: Understood {
            shape: "wide",
            columns,
            reporter,
            partner,
            unit: unit_text,
            currency: unit_used.currency.code().to_string(),
            exp: unit_used.exp,
            source: source.id.clone(),
            basis: label,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_guessed_in_three_languages() {
        let g = |h: &str| guess(h).map(|x| x.0);
        for (h, want) in [
            ("Exports", Guess::Exports),
            ("Total exports", Guess::Exports),
            ("수출금액", Guess::Exports),
            ("出口额", Guess::Exports),
            ("Imports (USD million)", Guess::Imports),
            ("수입금액", Guess::Imports),
            ("进口", Guess::Imports),
            ("Total trade", Guess::TwoWay),
            ("Exports and imports", Guess::TwoWay),
            ("교역액", Guess::TwoWay),
            ("进出口", Guess::TwoWay),
            ("贸易总额", Guess::TwoWay),
            ("Balance", Guess::Balance),
            ("Trade balance", Guess::Balance),
            ("수지", Guess::Balance),
            ("贸易差额", Guess::Balance),
            ("顺差", Guess::Balance),
            ("수출중량", Guess::NotMoney),
            ("수출증감률", Guess::NotMoney),
            ("出口同比", Guess::NotMoney),
            ("进口增长", Guess::NotMoney),
            ("出口重量", Guess::NotMoney),
            ("수입수량", Guess::NotMoney),
            ("Export weight", Guess::NotMoney),
            ("Exports, % change", Guess::NotMoney),
            ("Import growth", Guess::NotMoney),
            ("Quantity", Guess::NotMoney),
            ("Exports (unit: USD thousand)", Guess::Exports),
        ] {
            assert_eq!(g(h), Some(want), "{h}");
        }
        for h in ["Country", "Month", "Value", "Separate"] {
            assert_eq!(g(h), None, "{h}");
        }
    }

    #[test]
    fn options_read() {
        assert_eq!(
            flow_option("Exports=kr>it"),
            Ok(FlowOption {
                column: ColumnRef::Header("Exports".into()),
                setting: Setting::Flow("KR".into(), "IT".into())
            })
        );
        assert_eq!(
            flow_option("#3=skip").map(|f| f.column),
            Ok(ColumnRef::Position(3))
        );
        assert_eq!(
            flow_option("a=b=two-way").map(|f| f.setting),
            Ok(Setting::TwoWay)
        );
        assert!(flow_option("Exports").is_err());
        assert!(flow_option("#0=skip").is_err());
        assert!(flow_option("Exports=KR>KR").is_err());
        assert!(flow_option("Exports=sideways").is_err());
        let s = source_option(
            "US Census Bureau | Trade in goods with China | https://www.census.gov/x | 2020-01",
        )
        .unwrap();
        assert_eq!(
            (s.id.as_str(), s.title.as_str(), s.date.as_deref()),
            (
                "us-census-bureau",
                "Trade in goods with China",
                Some("2020-01")
            )
        );
        assert_eq!(
            source_option("한국무역협회 | K-stat | https://stat.kita.net")
                .unwrap()
                .id,
            "source"
        );
        assert!(source_option("A | B").is_err());
        assert!(source_option("A | B | ftp://x").is_err());
        assert!(source_option("A | B | https://x | May").is_err());
        assert!(source_option(" | B | https://x").is_err());
    }

    #[test]
    fn checks_within_rounding() {
        assert_eq!(disagreement("1187.5", "8427.5", "-7240.0", true), None);
        assert_eq!(disagreement("4505575", "7899058", "-3393483", true), None);
        // Off by one in integers: rounding.
        assert_eq!(disagreement("10", "4", "7", true), None);
        assert_eq!(
            disagreement("10", "4", "8", true),
            Some(("6".into(), "1.5".into()))
        );
        assert_eq!(disagreement("1.25", "2", "3.5", false), None);
        assert_eq!(
            disagreement("1.25", "2", "4.5", false),
            Some(("3.25".into(), "0.555".into()))
        );
        assert_eq!(decimal_text(-5, 2), "-0.05");
    }
}
