//! UN Comtrade CSV downloads (docs/DATA.md, "UN Comtrade downloads") → a
//! [`RawDataset`](trade_chart::RawDataset), through the same [`Import`] as the spreadsheet tables.
//!
//! Both header styles are read: the current one of comtradeplus.un.org and its API
//! (`flowCode`, `reporterISO`, `partnerISO`, `cmdCode`, `primaryValue`…, in camelCase or
//! PascalCase) and the legacy one of comtrade.un.org (`Trade Flow Code`, `Reporter
//! ISO`, `Commodity Code`, `Trade Value (US$)`…). Headers are compared lowercased with
//! everything but letters and digits left out, so `Trade Value (US$)`, `TradeValueUS`
//! and `tradevalueus` are one column.
//!
//! Kept: the totals over customs procedures (`C00`), modes of transport and supply (`0`)
//! and second partners (`0`); `TOTAL` commodity rows make the headline series, other
//! commodity rows categories (a products view). Flows `M`/`1` (imports) and `X`/`2`
//! (exports) become directions: exports reporter→partner, imports partner→reporter.
//! Re-exports and re-imports (`RX`, `RM`, `3`, `4`) and other flows are left out with a
//! warning. Each reporter's figures are a basis of their own ("reported by China, UN
//! Comtrade", with the valuation: imports CIF, exports FOB): a partner's report of the
//! same flow (its *mirror* figure) is a separate series, never merged into another.

mod areas;
mod dataset;
mod model;
mod pairs;

use std::collections::HashMap;

use crate::pairs::Tally;
pub use crate::pairs::{PairChoice, Party};
use model::{get, Areas, Columns, Country, Figure, Flow, Gathered, Rows, Valuation};
pub use model::{ComtradeOptions, SOURCE_ID, URL};

use super::cells::{self, at, expected, Cx};
use super::numbers;
use super::periods;
use super::sheet::Import;
use super::table::{self, Row};
use trade_chart::data::{is_date, Period, PeriodKind};
use trade_chart::error::{Error, ErrorKind};

/// The columns read, and the headers (normalized: lowercase letters and digits) of each.
const COLUMNS: &[(&str, &[&str])] = &[
    ("type", &["typecode"]),
    ("flow", &["flowcode", "tradeflowcode", "rgcode"]),
    ("flow name", &["flowdesc", "tradeflow", "rgdesc"]),
    ("frequency", &["freqcode"]),
    ("period", &["period"]),
    ("year", &["refyear", "year", "yr"]),
    ("month", &["refmonth"]),
    ("reporter", &["reporteriso", "rtiso", "reporteriso3"]),
    ("reporter code", &["reportercode", "rtcode"]),
    ("reporter name", &["reporterdesc", "reporter", "rttitle"]),
    ("partner", &["partneriso", "ptiso", "partneriso3"]),
    ("partner code", &["partnercode", "ptcode"]),
    ("partner name", &["partnerdesc", "partner", "pttitle"]),
    ("second partner", &["partner2code", "2ndpartnercode"]),
    ("commodity", &["cmdcode", "commoditycode"]),
    ("commodity name", &["cmddesc", "commodity"]),
    ("customs", &["customscode", "customsproccode"]),
    ("transport", &["motcode", "modeoftransportcode"]),
    ("supply", &["moscode", "modeofsupplycode"]),
    // `Value`: the legacy codes-only bulk export's.
    (
        "value",
        &["primaryvalue", "tradevalueus", "tradevalue", "value"],
    ),
    ("reported", &["isreported"]),
    ("cif", &["cifvalue", "ciftradevalueus", "ciftradevalue"]),
    ("fob", &["fobvalue", "fobtradevalueus", "fobtradevalue"]),
];

fn norm(h: &str) -> String {
    h.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether a header row is a Comtrade download's: a flow, a reporter and a trade value.
pub fn is_comtrade(headers: &[String]) -> bool {
    let has = |field: &str| {
        let aliases = COLUMNS
            .iter()
            .find(|c| c.0 == field)
            .map_or(&[][..], |c| c.1);
        headers.iter().any(|h| aliases.contains(&norm(h).as_str()))
    };
    has("flow") && (has("reporter") || has("reporter code")) && has("value")
}

/// Whether `text` (a whole file or its start) begins with a Comtrade header row.
pub fn sniff(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line = text.split(['\n', '\r']).next().unwrap_or("");
    match table::parse(line) {
        Ok(t) => is_comtrade(&t.headers),
        Err(_) => false,
    }
}

/// Whether an area (its code and name as a file writes them) is an aggregate by
/// Comtrade's rules (World, "… nes", the EU…): for the other readers of downloads.
pub(crate) fn is_aggregate_area(code: &str, name: &str) -> bool {
    areas::is_aggregate(code, name)
}

fn flow(code: &str, name: &str) -> Option<(Flow, String)> {
    // The usual codes without a new string (the code is kept for the flows left out).
    match code.trim() {
        "M" | "m" | "1" => return Some((Flow::Import, String::new())),
        "X" | "x" | "2" => return Some((Flow::Export, String::new())),
        _ => {}
    }
    let c = code.trim().to_ascii_uppercase();
    // The 2021 transition files: `Trade Flow Code` 0 and the letter (M, X, RM…) under
    // `Trade Flow`.
    let n = name.trim();
    let letters = !n.is_empty() && n.len() <= 3 && n.chars().all(|ch| ch.is_ascii_alphabetic());
    if (c.is_empty() || c == "0") && letters {
        return match n.to_ascii_uppercase().as_str() {
            "M" => Some((Flow::Import, String::new())),
            "X" => Some((Flow::Export, String::new())),
            other => Some((Flow::Other, other.to_string())),
        };
    }
    let f = match c.as_str() {
        "M" | "1" => Flow::Import,
        "X" | "2" => Flow::Export,
        "" => match n.to_ascii_lowercase().as_str() {
            "import" | "imports" => Flow::Import,
            "export" | "exports" => Flow::Export,
            "" => return None,
            _ => Flow::Other,
        },
        _ if c.chars().all(|ch| ch.is_ascii_alphanumeric()) => Flow::Other,
        _ => return None,
    };
    let c = if c.is_empty() { n.to_string() } else { c };
    Some((f, c))
}

/// What a flow code left out is, for the warning.
fn flow_words(code: &str) -> &'static str {
    match code {
        "RX" | "3" => "re-exports",
        "RM" | "4" => "re-imports",
        "DX" => "domestic exports",
        "FM" => "foreign imports",
        _ => "a flow other than imports (M) and exports (X)",
    }
}

/// Whether a cell of a breakdown column means its total.
fn is_total(field: &str, cell: &str) -> bool {
    let c = cell.trim();
    c.is_empty()
        || match field {
            "customs" => c.eq_ignore_ascii_case("C00"),
            _ => c == "0",
        }
}

/// Reads a Comtrade download. `bytes` that are not UTF-8 are read in the encoding they
/// look written in (Windows-1252 for most: [`crate::encoding`]) with a warning. Every error is returned (up to [`crate::MAX_ERRORS`], then a count), each at its
/// cell.
pub fn import(
    name: &str,
    bytes: &[u8],
    options: &ComtradeOptions,
) -> std::result::Result<Import, Vec<Error>> {
    let text = decoded(name, bytes)?;
    import_text(name, &text, options)
}

/// A Comtrade download's text, as [`import`] reads it: its bytes decoded
/// ([`crate::encoding::decode`]). Bytes over the limit are refused before they are decoded
/// (Windows-1252 text doubles in UTF-8), at row 1, column 1.
pub fn decoded<'b>(name: &str, bytes: &'b [u8]) -> std::result::Result<Decoded<'b>, Vec<Error>> {
    decoded_in(name, bytes, None)
}

/// As [`decoded`], in the encoding the editor named (`--encoding`) when `forced`: bytes
/// it cannot decode are an error ([`crate::encoding::decode_in`]).
pub fn decoded_in<'b>(
    name: &str,
    bytes: &'b [u8],
    forced: Option<crate::encoding::Named>,
) -> std::result::Result<Decoded<'b>, Vec<Error>> {
    if let Err(e) = trade_chart::limits::TABLE_BYTES.check("", bytes.len()) {
        return Err(vec![e.in_cell(Some(name), 1, 1)]);
    }
    let (text, used) = crate::encoding::decode_in(bytes, forced, name).map_err(|e| vec![e])?;
    Ok(Decoded { text, used })
}

/// A download's text ([`decoded`]).
#[derive(Debug)]
pub struct Decoded<'b> {
    /// The text.
    pub text: std::borrow::Cow<'b, str>,
    /// What it was read as.
    pub used: crate::encoding::Used,
}

impl Decoded<'_> {
    /// The warning of a download not in UTF-8 (at `name`'s row 1, column 1), which every
    /// reader of downloads gives: the names with accents are worth a look.
    pub(crate) fn not_utf8(&self, name: &str) -> Option<Error> {
        (!self.used.is_utf8()).then(|| {
            Error::at(
                ErrorKind::InvalidValue,
                "",
                format!(
                    "not UTF-8: read as {}; check the names with accents",
                    self.used.name
                ),
            )
            .in_cell(Some(name), 1, 1)
        })
    }
}

/// [`import`] of a download already [`decoded`].
pub fn import_text(
    name: &str,
    text: &Decoded,
    options: &ComtradeOptions,
) -> std::result::Result<Import, Vec<Error>> {
    import_with_pairs(name, text, options).0
}

/// What a download offers the builder to choose from, whatever the outcome.
#[derive(Debug, Default)]
pub struct Offered {
    /// The pairs of countries, largest two-way trade first; empty when it holds one
    /// pair or none ([`PairChoice`]).
    pub pairs: Vec<PairChoice>,
    /// The products of the pair charted (its figures' commodity codes, first met
    /// first), when they are several; empty otherwise.
    pub products: Vec<Product>,
}

/// A product of a download: what `--commodity` (the builder's `commodity`) takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// The commodity code as written (`85`, `TOTAL`).
    pub code: String,
    /// Its words as the file gives them (`Electrical machinery…`); none for the total.
    pub name: Option<String>,
}

/// [`import_text`], with what the builder offers to choose from whatever the outcome
/// ([`Offered`]): the pairs of countries the download holds, and the products of the
/// pair charted.
pub fn import_with_pairs(
    name: &str,
    text: &Decoded,
    options: &ComtradeOptions,
) -> (std::result::Result<Import, Vec<Error>>, Offered) {
    let mut cx = Cx::default();
    cx.warnings.extend(text.not_utf8(name));
    let mut offered = Offered::default();
    let result = read(&mut cx, name, &text.text, options, &mut offered);
    let result = match result {
        Some(import) if cx.errors.is_empty() => Ok(import),
        _ => Err(cx.into_errors()),
    };
    if offered.pairs.len() < 2 {
        offered.pairs.clear();
    }
    if offered.products.len() < 2 {
        offered.products.clear();
    }
    (result, offered)
}

/// The rows warned about rather than read, one tally a kind: a warning each, not one a row.
#[derive(Default)]
struct Tallies {
    longer: Tally,
    shorter: Tally,
    breakdown: Tally,
    /// Rows whose partner is the reporter itself.
    own: Tally,
    /// Rows of the chosen pair's countries with an aggregate (World…), and the
    /// aggregates' names.
    aggregate: Tally,
    aggregates: Vec<String>,
    /// By flow code, in the order first met.
    left_out: Vec<(String, Tally)>,
}

/// What a data row is, once read.
enum Line {
    /// A breakdown of a figure by customs procedure, transport, supply or second partner.
    Breakdown,
    /// A flow left out (re-exports, re-imports…), by its code.
    LeftOut(String),
    /// A figure for its series.
    Figure(Figure),
    /// A blank value: a gap in the series of this reporter and partner.
    Gap(usize, usize),
    /// A reporter's trade with itself.
    OwnTrade,
    /// Nothing to add: a gap, or a row whose errors are reported.
    Nothing,
}

/// The download read in its phases: whether it is a table at all, the header's columns,
/// the rows into series, the warnings, then the dataset; `None` once an error is
/// reported, as it stops the import.
fn read(
    cx: &mut Cx,
    file: &str,
    text: &str,
    options: &ComtradeOptions,
    offered: &mut Offered,
) -> Option<Import> {
    if let Some(d) = &options.accessed {
        if !(d.len() == 10 && is_date(d)) {
            cx.error(Error::expected(
                "accessed",
                "a date YYYY-MM-DD",
                format!("\"{d}\""),
            ));
        }
    }
    if let Some(e) = super::not_a_table(file, text) {
        cx.error(e);
        return None;
    }
    let table = cells::parse(cx, file, text)?;
    let k = find_columns(cx, file, &table.headers);
    if !cx.errors.is_empty() {
        return None;
    }
    let (mut areas, rows, mut tallies) = read_rows(cx, file, &k, &table.rows, &options.names);
    areas.warn_unknown(cx, file);
    let ranked = pairs::rank(&areas, &rows);
    offered.pairs = ranked.iter().map(|p| p.choice.clone()).collect();
    if rows.figures.is_empty() {
        warn_rows(cx, file, &k, &tallies);
        if cx.errors.is_empty() {
            let msg = "no figures: no row is an import (M) or export (X) with a value";
            cx.error(cells::no_figures(file, &table.rows, k.c("value"), msg));
        }
        return None;
    }
    let chosen = pairs::choose(cx, file, &k, options, &areas, &ranked, &rows);
    let Some((a, b)) = chosen else {
        warn_rows(cx, file, &k, &tallies);
        return None;
    };
    // The rows of the pair; those with an aggregate (World…) counted for a warning.
    let in_pair =
        |f: &Figure| (f.reporter == a && f.partner == b) || (f.reporter == b && f.partner == a);
    for (n, f) in &rows.figures {
        let aggregate = |i: usize| areas.list.get(i).is_some_and(|x| x.aggregate);
        let mine = [a, b].contains(&f.reporter) || [a, b].contains(&f.partner);
        if mine && (aggregate(f.reporter) || aggregate(f.partner)) {
            tallies.aggregate.add(*n);
            for i in [f.reporter, f.partner] {
                if let Some(x) = areas.list.get(i).filter(|x| x.aggregate) {
                    if !tallies.aggregates.contains(&x.name) {
                        tallies.aggregates.push(x.name.clone());
                    }
                }
            }
        }
    }
    cx.gaps += rows
        .gaps
        .iter()
        .filter(|(r, p)| (*r == a && *p == b) || (*r == b && *p == a))
        .count();
    let mut figures: Vec<(usize, Figure)> = rows
        .figures
        .into_iter()
        .filter(|(_, f)| in_pair(f))
        .collect();
    for (_, f) in &figures {
        if !f.cmd.is_empty() && !offered.products.iter().any(|p| p.code == f.cmd) {
            offered.products.push(Product {
                code: f.cmd.clone(),
                name: f.category.clone(),
            });
        }
    }
    let product = pairs::commodity(cx, &options.commodity, &mut figures);
    warn_rows(cx, file, &k, &tallies);
    if !cx.errors.is_empty() {
        return None;
    }
    let mut gathered = Gathered {
        product,
        ..Gathered::default()
    };
    for i in [a, b] {
        if let Some(area) = areas.list.get_mut(i) {
            gathered.countries.push(Country {
                code: std::mem::take(&mut area.code),
                name: std::mem::take(&mut area.name),
            });
        }
    }
    for (n, mut f) in figures {
        f.reporter = usize::from(f.reporter == b);
        f.partner = usize::from(f.partner == b);
        gathered.add(n, f);
    }
    let (dataset, obs_rows) = dataset::make(gathered, options);
    let gaps = cx.gaps;
    Some(Import::from_rows(
        dataset,
        std::mem::take(&mut cx.warnings),
        gaps,
        file,
        import_columns(&k.col),
        obs_rows,
    ))
}

/// The header's columns by field, each missing one a figure needs reported at the
/// header, so that a file that is not a download says what it lacks before any row.
fn find_columns(cx: &mut Cx, file: &str, headers: &[String]) -> Columns {
    let mut col: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let n = norm(h);
        if let Some((field, _)) = COLUMNS.iter().find(|(_, a)| a.contains(&n.as_str())) {
            col.entry(field).or_insert(i);
        }
    }
    let width = headers.len();
    let mut missing = |field: &str, what: &str| {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            1,
            width,
            field,
            format!("no {field} column: a Comtrade download has one (headed {what})"),
        ));
    };
    if !col.contains_key("flow") && !col.contains_key("flow name") {
        missing("flow", "flowCode or Trade Flow Code");
    }
    if !col.contains_key("period") && !col.contains_key("year") {
        missing("period", "period, refYear or Year");
    }
    if !col.contains_key("reporter") && !col.contains_key("reporter code") {
        missing("reporter", "reporterISO or Reporter ISO");
    }
    if !col.contains_key("partner") && !col.contains_key("partner code") {
        missing("partner", "partnerISO or Partner ISO");
    }
    if !col.contains_key("value") && !col.contains_key("cif") && !col.contains_key("fob") {
        missing("value", "primaryValue or Trade Value (US$)");
    }
    Columns::new(col, width)
}

/// Every data row read: its figure kept with its areas, the rows left out or ragged
/// counted for the warnings.
fn read_rows(
    cx: &mut Cx,
    file: &str,
    k: &Columns,
    rows: &[Row],
    names: &[(String, String)],
) -> (Areas, Rows, Tallies) {
    let mut areas = Areas::default();
    let mut out = Rows::default();
    let mut t = Tallies::default();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        if row.cells.len() > k.width {
            t.longer.add(n);
        } else if row.cells.len() < k.width {
            t.shorter.add(n);
        }
        match classify(cx, file, k, row, &mut areas, names) {
            Line::Breakdown => t.breakdown.add(n),
            Line::LeftOut(code) => match t.left_out.iter_mut().find(|(c, _)| *c == code) {
                Some((_, tally)) => tally.add(n),
                None => {
                    let mut tally = Tally::default();
                    tally.add(n);
                    t.left_out.push((code, tally));
                }
            },
            Line::Figure(figure) => out.figures.push((n, figure)),
            Line::Gap(r, p) => out.gaps.push((r, p)),
            Line::OwnTrade => t.own.add(n),
            Line::Nothing => {}
        }
    }
    (areas, out, t)
}

/// One data row read, each error at its cell; an area the row names first is added to
/// `areas`. Every cell is checked before the row is given up, so that one pass
/// reports all of a row's errors.
fn classify(
    cx: &mut Cx,
    file: &str,
    k: &Columns,
    row: &Row,
    areas: &mut Areas,
    names: &[(String, String)],
) -> Line {
    let n = row.number;
    // Breakdowns by customs procedure, transport, supply or second partner: their
    // totals only.
    if k.breakdowns.iter().any(|&(f, c)| !is_total(f, row.cell(c))) {
        return Line::Breakdown;
    }
    let before = cx.errors.len() + cx.dropped;
    let f_cell = get(row, k.flow);
    let Some((fl, fcode)) = flow(f_cell, get(row, k.flow_name)) else {
        let what = "a flow code: M or X (1 or 2 in legacy downloads), or RM, RX…";
        cx.error(expected(file, n, k.flow_column(), "flow", what, f_cell));
        return Line::Nothing;
    };
    if fl == Flow::Other {
        return Line::LeftOut(fcode);
    }
    let rep = areas.of(cx, file, k, row, "reporter", names);
    let par = areas.of(cx, file, k, row, "partner", names);
    // A reporter's trade with itself (its own goods re-imported, as Comtrade records
    // them): not trade between two countries.
    if rep.is_some() && rep == par {
        return Line::OwnTrade;
    }
    let services = get(row, k.kind).trim().eq_ignore_ascii_case("S");
    let Some((canon, valuation)) = value(cx, file, k, row, fl, services) else {
        return match (rep, par) {
            (Some(r), Some(p)) if cx.errors.len() + cx.dropped == before => Line::Gap(r, p),
            _ => Line::Nothing,
        };
    };
    let period = period(cx, file, k, row);
    if cx.errors.len() + cx.dropped > before {
        return Line::Nothing;
    }
    let (Some(canon), Some((period_text, period)), Some(rep), Some(par)) =
        (canon, period, rep, par)
    else {
        return Line::Nothing;
    };
    let reported = get(row, k.reported).trim();
    Line::Figure(Figure {
        flow: fl,
        value: canon,
        valuation,
        period_text,
        period,
        reporter: rep,
        partner: par,
        cmd: get(row, k.commodity).trim().to_string(),
        category: category(k, row, services),
        derived: reported.eq_ignore_ascii_case("false") || reported == "0",
    })
}

/// A row's value: primaryValue, else the CIF (imports) or FOB (exports) value; as a
/// canonical decimal (`None`, reported, when it is not a figure ≥ 0), with the valuation
/// it is in. `None` for a gap: no value in any of them.
fn value(
    cx: &mut Cx,
    file: &str,
    k: &Columns,
    row: &Row,
    fl: Flow,
    services: bool,
) -> Option<(Option<String>, Valuation)> {
    let (cif, fob) = (get(row, k.cif), get(row, k.fob));
    let primary = get(row, k.value);
    let (v, vcol) = if !primary.is_empty() || k.cif.is_none() && k.fob.is_none() {
        (primary, k.c("value"))
    } else if fl == Flow::Import && !cif.is_empty() {
        (cif, k.c("cif"))
    } else if fl == Flow::Export && !fob.is_empty() {
        (fob, k.c("fob"))
    } else {
        ("", k.c("value"))
    };
    if v.is_empty() {
        return None;
    }
    let canon = numbers::canonical(v, '.').filter(|s| !s.starts_with('-'));
    if canon.is_none() {
        let what = "a trade value in US dollars ≥ 0, like 1234567 or 1234567.89";
        cx.error(expected(file, row.number, vcol, "value", what, v));
    }
    // Valuation: the CIF or FOB column the value equals, else the usual one.
    let same = |other: &str| {
        !other.is_empty()
            && canon.is_some()
            && (other == v || numbers::canonical(other, '.') == canon)
    };
    let valuation = if services {
        ("services", false)
    } else if fl == Flow::Import && same(fob) && !same(cif) {
        ("fob", true)
    } else if fl == Flow::Export && same(cif) && !same(fob) {
        ("cif", true)
    } else if fl == Flow::Import {
        ("cif", same(cif))
    } else {
        ("fob", same(fob))
    };
    Some((canon, valuation))
}

/// A row's period, from its period cell or else its year (and month, in a monthly
/// download); `None`, reported, unless it is a year or a month.
fn period(cx: &mut Cx, file: &str, k: &Columns, row: &Row) -> Option<(String, Period)> {
    let p = get(row, k.period);
    let pcol = if p.is_empty() {
        k.c("year")
    } else {
        k.c("period")
    };
    let ptext = if p.is_empty() {
        let (y, m) = (get(row, k.year), get(row, k.month));
        match m.parse::<u32>() {
            Ok(m @ 1..=12) if get(row, k.frequency).eq_ignore_ascii_case("M") => {
                format!("{y}-{m:02}")
            }
            _ => y.to_string(),
        }
    } else {
        p.to_string()
    };
    let period = (ptext.len() == 4 || ptext.len() == 6 || ptext.len() == 7)
        .then(|| periods::normalize(&ptext))
        .flatten()
        .and_then(|s| Period::parse(&s).ok().map(|parsed| (s, parsed)))
        .filter(|(_, p)| matches!(p.kind, PeriodKind::Year | PeriodKind::Month));
    if period.is_none() {
        let what = "a year (2020) or a month (202006)";
        cx.error(expected(file, row.number, pcol, "period", what, &ptext));
    }
    period
}

/// A row's commodity: `None` for TOTAL (the headline; `S` or `200`, all services, in a
/// services download), else the category its figure is of.
fn category(k: &Columns, row: &Row, services: bool) -> Option<String> {
    let cmd = get(row, k.commodity).trim();
    if cmd.is_empty()
        || cmd.eq_ignore_ascii_case("TOTAL")
        || (services && (cmd.eq_ignore_ascii_case("S") || cmd == "200"))
    {
        return None;
    }
    let desc = get(row, k.commodity_name).trim();
    Some(if desc.is_empty() || desc == cmd {
        cmd.to_string()
    } else {
        format!("{cmd} {desc}")
    })
}

/// One warning a kind of row counted, at the first such row: ragged rows, breakdowns,
/// each flow left out.
fn warn_rows(cx: &mut Cx, file: &str, k: &Columns, t: &Tallies) {
    let width = k.width;
    let mut warn = |t: &Tally, col: usize, msg: String| {
        if t.count > 0 {
            cx.warnings
                .push(at(ErrorKind::InvalidValue, file, t.first, col, "", msg));
        }
    };
    warn(
        &t.longer,
        width,
        format!(
            "{} more cells than the {width} columns of the header (Comtrade's downloads end each row with a comma): the cells past the last column are ignored",
            crate::these_rows(t.longer.count, "", (" has", " have")),
        ),
    );
    warn(
        &t.shorter,
        0,
        format!(
            "{} fewer cells than the {width} columns of the header: the missing ones are read as blank",
            crate::these_rows(t.shorter.count, "", (" has", " have")),
        ),
    );
    warn(
        &t.breakdown,
        0,
        format!(
            "{} a figure down by customs procedure, mode of transport or supply, or second partner: left out, their totals (C00, 0) are read",
            crate::these_rows(t.breakdown.count, "", (" breaks", " break")),
        ),
    );
    warn(
        &t.own,
        k.c("partner").max(k.c("partner code")),
        format!(
            "{} a reporter's trade with itself (its own goods re-imported): left out",
            crate::these_rows(t.own.count, "", (" gives", " give")),
        ),
    );
    warn(
        &t.aggregate,
        k.c("partner").max(k.c("partner code")),
        format!(
            "{} with {}, not a country: left out",
            crate::these_rows(t.aggregate.count, "", (" is", " are")),
            t.aggregates.join("; ")
        ),
    );
    for (code, tally) in &t.left_out {
        let fc = k
            .col
            .get("flow")
            .or(k.col.get("flow name"))
            .copied()
            .unwrap_or(0);
        warn(
            tally,
            fc,
            format!(
                "flow {code} ({}): {} left out; only imports (M) and exports (X) are drawn",
                flow_words(code),
                crate::these_rows(tally.count, "", ("", "")),
            ),
        );
    }
}

/// The dataset's unit: millions, thousands or dollars, as the largest figure needs.
fn import_columns(col: &HashMap<&'static str, usize>) -> HashMap<&'static str, usize> {
    let mut cols: HashMap<&'static str, usize> = HashMap::new();
    for (k, field) in [
        ("value", "value"),
        (
            "period",
            if col.contains_key("period") {
                "period"
            } else {
                "year"
            },
        ),
        ("category", "commodity"),
        ("direction", "flow"),
        ("basis", "reporter"),
        ("sources", "reporter"),
    ] {
        if let Some(&i) = col.get(field) {
            cols.insert(k, i);
        }
    }
    cols
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_both_styles() {
        let new: Vec<String> =
            "typeCode,freqCode,period,reporterISO,flowCode,partnerISO,cmdCode,primaryValue"
                .split(',')
                .map(String::from)
                .collect();
        assert!(is_comtrade(&new));
        let legacy: Vec<String> = "Classification,Year,Trade Flow Code,Reporter ISO,Partner ISO,Commodity Code,Trade Value (US$)"
            .split(',')
            .map(String::from)
            .collect();
        assert!(is_comtrade(&legacy));
        assert!(!is_comtrade(&[
            "Direction".into(),
            "Period".into(),
            "Value".into()
        ]));
        assert_eq!(flow("rx", "").unwrap().0, Flow::Other);
        assert_eq!(flow("2", "Export").unwrap().0, Flow::Export);
        assert_eq!(flow("", "Import").unwrap().0, Flow::Import);
    }
}
