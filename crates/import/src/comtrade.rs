//! UN Comtrade CSV downloads (docs/DATA.md, "UN Comtrade downloads") → a
//! [`RawDataset`], through the same [`Import`] as the spreadsheet tables.
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

use std::collections::HashMap;

use super::cells::{self, at, expected, slug, Cx};
use super::numbers;
use super::periods;
use super::sheet::{self, Acc, Class, Import};
use super::table::{self, Row};
use trade_chart::data::{
    is_date, Period, PeriodKind, RawBasis, RawDataset, RawObservation, RawPartner, RawSeries,
    RawSource, RawText, RawUnit,
};
use trade_chart::error::{Error, ErrorKind};

/// The publisher's site, the url of the source row every download makes.
pub const URL: &str = "https://comtradeplus.un.org/";

/// The id of that source row.
pub const SOURCE_ID: &str = "un-comtrade";

/// What a download does not say itself.
#[derive(Debug, Clone, Default)]
pub struct ComtradeOptions {
    /// When the file was downloaded (`YYYY-MM-DD`): the source's date. None: no date.
    pub accessed: Option<String>,
    /// The dataset's title; default "Trade between A and B (UN Comtrade)".
    pub title: Option<String>,
    /// The dataset's id; default the two codes, e.g. `chn-prk`.
    pub id: Option<String>,
}

/// The columns read, and the headers (normalized: lowercase letters and digits) of each.
const COLUMNS: &[(&str, &[&str])] = &[
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
    ("value", &["primaryvalue", "tradevalueus", "tradevalue"]),
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

/// A flow, as its code says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Flow {
    Import,
    Export,
    /// Left out with a warning: re-exports, re-imports, and the rest.
    Other,
}

fn flow(code: &str, name: &str) -> Option<(Flow, String)> {
    // The usual codes without a new string (the code is kept for the flows left out).
    match code.trim() {
        "M" | "m" | "1" => return Some((Flow::Import, String::new())),
        "X" | "x" | "2" => return Some((Flow::Export, String::new())),
        _ => {}
    }
    let c = code.trim().to_ascii_uppercase();
    let f = match c.as_str() {
        "M" | "1" => Flow::Import,
        "X" | "2" => Flow::Export,
        "" => match name.trim().to_ascii_lowercase().as_str() {
            "import" | "imports" => Flow::Import,
            "export" | "exports" => Flow::Export,
            "" => return None,
            _ => Flow::Other,
        },
        _ if c.chars().all(|ch| ch.is_ascii_alphanumeric()) => Flow::Other,
        _ => return None,
    };
    let c = if c.is_empty() {
        name.trim().to_string()
    } else {
        c
    };
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

/// A country as the rows name it.
struct Country {
    code: String,
    name: String,
}

/// Reads a Comtrade download. `bytes` that are not UTF-8 are read in the encoding they
/// look written in (Windows-1252 for most: [`crate::encoding`]) with a warning. Every error is returned (up to [`sheet::MAX_ERRORS`], then a count), each at its
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

/// As [`decoded`], in the encoding the editor named (`--encoding`) when `forced`.
pub fn decoded_in<'b>(
    name: &str,
    bytes: &'b [u8],
    forced: Option<crate::encoding::Named>,
) -> std::result::Result<Decoded<'b>, Vec<Error>> {
    if let Err(e) = trade_chart::limits::TABLE_BYTES.check("", bytes.len()) {
        return Err(vec![e.in_cell(Some(name), 1, 1)]);
    }
    let (text, used) = crate::encoding::decode(bytes, forced);
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

/// [`import`] of a download already [`decoded`].
pub fn import_text(
    name: &str,
    text: &Decoded,
    options: &ComtradeOptions,
) -> std::result::Result<Import, Vec<Error>> {
    let mut cx = Cx::default();
    if !text.used.is_utf8() {
        cx.warnings.push(
            Error::at(
                ErrorKind::InvalidValue,
                "",
                format!(
                    "not UTF-8: read as {}; check the names with accents",
                    text.used.name
                ),
            )
            .in_cell(Some(name), 1, 1),
        );
    }
    let result = read(&mut cx, name, &text.text, options);
    match result {
        Some(import) if cx.errors.is_empty() => Ok(import),
        _ => Err(cx.into_errors()),
    }
}

/// Rows counted under one heading, for one warning: how many and the first.
#[derive(Default)]
struct Tally {
    count: usize,
    first: usize,
}

impl Tally {
    fn add(&mut self, row: usize) {
        if self.count == 0 {
            self.first = row;
        }
        self.count += 1;
    }
}

/// The rows warned about rather than read, one tally a kind: a warning each, not one a row.
#[derive(Default)]
struct Tallies {
    longer: Tally,
    shorter: Tally,
    breakdown: Tally,
    /// By flow code, in the order first met.
    left_out: Vec<(String, Tally)>,
}

/// A series as rows arrive, with its reporter.
struct Building {
    acc: Acc,
    reporter: usize,
    flow: Flow,
}

/// Where a country is named, each with the column an error points at: its ISO code, its
/// Comtrade code, its name.
type CountryColumns = [(Option<usize>, usize); 3];

/// The header's columns by field, with the indices the rows are read by looked up once
/// for the file rather than once a row, as downloads run long.
struct Columns {
    /// Field → 0-based column, for errors' places and the import's way back to cells.
    col: HashMap<&'static str, usize>,
    /// How many columns the header has.
    width: usize,
    flow: Option<usize>,
    flow_name: Option<usize>,
    frequency: Option<usize>,
    period: Option<usize>,
    year: Option<usize>,
    month: Option<usize>,
    commodity: Option<usize>,
    commodity_name: Option<usize>,
    value: Option<usize>,
    cif: Option<usize>,
    fob: Option<usize>,
    reporter: CountryColumns,
    partner: CountryColumns,
    /// The breakdown columns the header has: of their rows only the totals are read.
    breakdowns: Vec<(&'static str, usize)>,
}

impl Columns {
    /// The indices of the columns found (`col`) in a header of `width` columns.
    fn new(col: HashMap<&'static str, usize>, width: usize) -> Columns {
        let ix = |field: &str| col.get(field).copied();
        let c = |field: &str| col.get(field).copied().unwrap_or(0);
        let country = |iso: &str, code: &str, name: &str| {
            [(ix(iso), c(iso)), (ix(code), c(code)), (ix(name), 0)]
        };
        Columns {
            width,
            flow: ix("flow"),
            flow_name: ix("flow name"),
            frequency: ix("frequency"),
            period: ix("period"),
            year: ix("year"),
            month: ix("month"),
            commodity: ix("commodity"),
            commodity_name: ix("commodity name"),
            value: ix("value"),
            cif: ix("cif"),
            fob: ix("fob"),
            reporter: country("reporter", "reporter code", "reporter name"),
            partner: country("partner", "partner code", "partner name"),
            breakdowns: ["customs", "transport", "supply", "second partner"]
                .into_iter()
                .filter_map(|f| Some((f, ix(f)?)))
                .collect(),
            col,
        }
    }

    /// The column of `field`, for an error's place (0 when the header has none).
    fn c(&self, field: &str) -> usize {
        self.col.get(field).copied().unwrap_or(0)
    }

    /// The column of the flow, for an error's place: its code's, else its name's.
    fn flow_column(&self) -> usize {
        if self.col.contains_key("flow") {
            self.c("flow")
        } else {
            self.c("flow name")
        }
    }
}

/// The cell of `column` in `row` ("" when the header has no such column).
fn get<'r>(row: &'r Row, column: Option<usize>) -> &'r str {
    column.map_or("", |c| row.cell(c))
}

/// What a data row is, once read.
enum Line {
    /// A breakdown of a figure by customs procedure, transport, supply or second partner.
    Breakdown,
    /// A flow left out (re-exports, re-imports…), by its code.
    LeftOut(String),
    /// A figure for its series.
    Figure(Figure),
    /// Nothing to add: a gap, or a row whose errors are reported.
    Nothing,
}

/// The valuation a figure is in (`cif` or `fob`), and whether a column of the download
/// showed it.
type Valuation = (&'static str, bool);

/// One row's figure, read and checked.
struct Figure {
    flow: Flow,
    /// The value as a canonical decimal, in US dollars.
    value: String,
    valuation: Valuation,
    period_text: String,
    period: Period,
    reporter: usize,
    partner: usize,
    /// The commodity, for a row other than the total.
    category: Option<String>,
}

/// The figures gathered from the rows, with the countries, reporters and valuations
/// they name: what the dataset is made of.
#[derive(Default)]
struct Gathered {
    countries: Vec<Country>,
    /// Indices into `countries`, in the order first met.
    reporters: Vec<usize>,
    series: Vec<Building>,
    /// (reporter, from, valuation, class) → index into `series`.
    by_key: HashMap<(usize, usize, usize, Class), usize>,
    /// (reporter, `cif` or `fob`, shown by a column).
    valuations: Vec<(usize, &'static str, bool)>,
    max_value: f64,
}

/// The download read in its phases: whether it is a table at all, the header's columns,
/// the rows into series, the warnings, then the dataset; `None` once an error is
/// reported, as it stops the import.
fn read(cx: &mut Cx, file: &str, text: &str, options: &ComtradeOptions) -> Option<Import> {
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
    let (gathered, tallies) = read_rows(cx, file, &k, &table.rows);
    warn_rows(cx, file, &k, &tallies);
    if !cx.errors.is_empty() {
        return None;
    }
    if gathered.series.is_empty() {
        let msg = "no figures: no row is an import (M) or export (X) with a value";
        cx.error(cells::no_figures(file, &table.rows, k.c("value"), msg));
        return None;
    }
    if gathered.countries.len() != 2 {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            1,
            k.c("partner"),
            "partner",
            "one country only: a dataset is a pair of countries".into(),
        ));
        return None;
    }
    let (dataset, obs_rows) = make_dataset(gathered, options);
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

/// Every data row read: its figure gathered into its series, the rows left out or
/// ragged counted for the warnings.
fn read_rows(cx: &mut Cx, file: &str, k: &Columns, rows: &[Row]) -> (Gathered, Tallies) {
    let mut gathered = Gathered::default();
    let mut t = Tallies::default();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        if row.cells.len() > k.width {
            t.longer.add(n);
        } else if row.cells.len() < k.width {
            t.shorter.add(n);
        }
        match classify(cx, file, k, row, &mut gathered.countries) {
            Line::Breakdown => t.breakdown.add(n),
            Line::LeftOut(code) => match t.left_out.iter_mut().find(|(c, _)| *c == code) {
                Some((_, tally)) => tally.add(n),
                None => {
                    let mut tally = Tally::default();
                    tally.add(n);
                    t.left_out.push((code, tally));
                }
            },
            Line::Figure(figure) => gathered.add(n, figure),
            Line::Nothing => {}
        }
    }
    (gathered, t)
}

/// One data row read, each error at its cell; a country the row names first is added to
/// `countries`. Every cell is checked before the row is given up, so that one pass
/// reports all of a row's errors.
fn classify(cx: &mut Cx, file: &str, k: &Columns, row: &Row, countries: &mut Vec<Country>) -> Line {
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
    let Some((canon, valuation)) = value(cx, file, k, row, fl) else {
        cx.gaps += 1;
        return Line::Nothing;
    };
    let period = period(cx, file, k, row);
    let rep = country(cx, file, k, row, countries, "reporter");
    let par = country(cx, file, k, row, countries, "partner");
    if let (Some(r), Some(p)) = (rep, par) {
        if r == p {
            let what = "a partner other than the reporter";
            let key = countries.get(r).map_or("", |c| c.code.as_str());
            cx.error(expected(file, n, k.c("partner"), "partner", what, key));
        }
    }
    if cx.errors.len() + cx.dropped > before {
        return Line::Nothing;
    }
    let (Some(canon), Some((period_text, period)), Some(rep), Some(par)) =
        (canon, period, rep, par)
    else {
        return Line::Nothing;
    };
    Line::Figure(Figure {
        flow: fl,
        value: canon,
        valuation,
        period_text,
        period,
        reporter: rep,
        partner: par,
        category: category(k, row),
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
    let valuation = if fl == Flow::Import && same(fob) && !same(cif) {
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

/// The row's reporter or partner (`field`) as an index into `countries`, added there when
/// new; `None`, reported, for a code that is not one or a third country.
fn country(
    cx: &mut Cx,
    file: &str,
    k: &Columns,
    row: &Row,
    countries: &mut Vec<Country>,
    field: &'static str,
) -> Option<usize> {
    let [(k_iso, iso_col), (k_code, code_col), (k_name, _)] = if field == "reporter" {
        k.reporter
    } else {
        k.partner
    };
    let n = row.number;
    let iso = get(row, k_iso);
    let (key, kcol) = if !iso.is_empty() {
        (iso, iso_col)
    } else {
        (get(row, k_code), code_col)
    };
    if key.is_empty() || !key.chars().all(|ch| ch.is_ascii_alphanumeric()) {
        let what = format!("the {field}'s ISO code (CHN) or Comtrade code (156)");
        cx.error(expected(file, n, kcol, field, &what, key));
        return None;
    }
    // ISO codes compared upper-cased (without a new string per row).
    if let Some(i) = countries
        .iter()
        .position(|x| x.code.eq_ignore_ascii_case(key))
    {
        return Some(i);
    }
    let key = key.to_ascii_uppercase();
    if let [a, b] = countries.as_slice() {
        let what = format!(
            "{} or {}: a dataset is one pair of countries",
            a.code, b.code
        );
        cx.error(expected(file, n, kcol, field, &what, &key));
        return None;
    }
    let name = get(row, k_name);
    countries.push(Country {
        name: if name.is_empty() {
            key.clone()
        } else {
            name.to_string()
        },
        code: key,
    });
    Some(countries.len() - 1)
}

/// A row's commodity: `None` for TOTAL (the headline), else the category its figure is of.
fn category(k: &Columns, row: &Row) -> Option<String> {
    let cmd = get(row, k.commodity);
    if cmd.is_empty() || cmd.eq_ignore_ascii_case("TOTAL") {
        return None;
    }
    let desc = get(row, k.commodity_name);
    Some(if desc.is_empty() || desc == cmd {
        cmd.to_string()
    } else {
        format!("{cmd} {desc}")
    })
}

impl Gathered {
    /// Row `n`'s figure added to its series (by reporter, direction, valuation and
    /// class), the series made on its first figure.
    fn add(&mut self, n: usize, f: Figure) {
        let Gathered {
            countries,
            reporters,
            series,
            by_key,
            valuations,
            max_value,
        } = self;
        let (rep, par, valuation) = (f.reporter, f.partner, f.valuation);
        let (from, to) = match f.flow {
            Flow::Export => (rep, par),
            _ => (par, rep),
        };
        let class = Class::of(&f.period, f.category.is_some());
        let vi = match (valuations.iter_mut().enumerate())
            .find(|(_, v)| v.0 == rep && v.1 == valuation.0)
        {
            Some((i, v)) => {
                v.2 |= valuation.1;
                i
            }
            None => {
                valuations.push((rep, valuation.0, valuation.1));
                valuations.len() - 1
            }
        };
        if !reporters.contains(&rep) {
            reporters.push(rep);
        }
        let code = |i: usize| countries.get(i).map_or(String::new(), |c| c.code.clone());
        let si = *by_key.entry((rep, from, vi, class)).or_insert_with(|| {
            series.push(Building {
                acc: Acc {
                    name: String::new(),
                    direction: Some((code(from), code(to))),
                    direction_row: n,
                    basis: format!("{vi}"),
                    class,
                    obs: Vec::new(),
                    rows: Vec::new(),
                },
                reporter: rep,
                flow: f.flow,
            });
            series.len() - 1
        });
        let value = numbers::to_f64(&f.value, 0);
        *max_value = max_value.max(value);
        // `by_key` holds indices into `series`, which only grows
        let Some(Building { acc, .. }) = series.get_mut(si) else {
            return;
        };
        acc.obs.push((
            RawObservation {
                id: None,
                period: f.period_text,
                category: f.category.map(RawText::Plain),
                value: None,
                basis: None,
                qualifier: None,
                sources: vec![SOURCE_ID.to_string()],
                derived: None,
                note: None,
            },
            f.value,
            0,
            f.period,
        ));
        acc.rows.push(n);
    }

    /// The name of country `i` ("" when there is none).
    fn name(&self, i: usize) -> String {
        self.countries
            .get(i)
            .map_or(String::new(), |c| c.name.clone())
    }

    /// The code of country `i` ("" when there is none).
    fn code(&self, i: usize) -> &str {
        self.countries.get(i).map_or("", |c| c.code.as_str())
    }
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
            "{} rows (this one first) have more cells than the {width} columns of the header (Comtrade's downloads end each row with a comma): the cells past the last column are ignored",
            t.longer.count
        ),
    );
    warn(
        &t.shorter,
        0,
        format!(
            "{} rows (this one first) have fewer cells than the {width} columns of the header: the missing ones are read as blank",
            t.shorter.count
        ),
    );
    warn(
        &t.breakdown,
        0,
        format!(
            "{} rows (this one first) break a figure down by customs procedure, mode of transport or supply, or second partner: left out, their totals (C00, 0) are read",
            t.breakdown.count
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
                "flow {code} ({}): {} rows (this one first) left out; only imports (M) and exports (X) are drawn",
                flow_words(code),
                tally.count
            ),
        );
    }
}

/// The dataset's unit: millions, thousands or dollars, as the largest figure needs.
fn unit_exponent(max_value: f64) -> i32 {
    if max_value >= 1e7 {
        6
    } else if max_value >= 1e4 {
        3
    } else {
        0
    }
}

/// The dataset from the figures of a pair of countries: partners, one basis a reporter
/// and valuation, the series, views, the source row, notes; and each series' rows.
fn make_dataset(mut g: Gathered, options: &ComtradeOptions) -> (RawDataset, Vec<Vec<usize>>) {
    let exp = unit_exponent(g.max_value);
    let (bases, basis_ids) = bases(&g);
    let (raw_series, obs_rows) = series(&mut g, &basis_ids, exp);
    let accs: Vec<Acc> = std::mem::take(&mut g.series)
        .into_iter()
        .map(|b| b.acc)
        .collect();
    let (a, b) = (g.name(0), g.name(1));
    let views = sheet::default_views(&accs, &raw_series, &a, &b);
    let by = g.reporters.iter().map(|&r| g.name(r)).collect::<Vec<_>>();
    let dataset = RawDataset {
        schema: 1,
        id: options
            .id
            .clone()
            .unwrap_or_else(|| format!("{}-{}", slug(g.code(0)), slug(g.code(1)))),
        title: RawText::Plain(
            options
                .title
                .clone()
                .unwrap_or_else(|| format!("Trade between {a} and {b} (UN Comtrade)")),
        ),
        partners: g
            .countries
            .iter()
            .map(|x| RawPartner {
                code: x.code.clone(),
                name: RawText::Plain(x.name.clone()),
            })
            .collect(),
        unit: RawUnit {
            currency: "USD".into(),
            scale: 10f64.powi(exp),
        },
        bases,
        sources: vec![RawSource {
            id: SOURCE_ID.into(),
            publisher: "UN Comtrade".into(),
            title: source_title(&accs, &a, &b, &by),
            date: options.accessed.clone(),
            url: URL.into(),
            note: options
                .accessed
                .as_ref()
                .map(|d| format!("Downloaded on {d}; Comtrade revises its figures as reporters send corrections.")),
        }],
        series: raw_series,
        claims: Vec::new(),
        annotations: Vec::new(),
        views,
        notes: notes(&by),
    };
    (dataset, obs_rows)
}

/// One basis a reporter and valuation, labelled in words (a reporter's figures are a
/// basis of their own); and their ids, in the order of `g.valuations`.
fn bases(g: &Gathered) -> (Vec<RawBasis>, Vec<String>) {
    let mut bases = Vec::new();
    let mut basis_ids = Vec::new();
    for (rep, val, _seen) in &g.valuations {
        let id = format!("comtrade-{}-{val}", slug(g.code(*rep)));
        let what = if *val == "cif" {
            "CIF (cost, insurance and freight to the border)"
        } else {
            "FOB (free on board at the border)"
        };
        bases.push(RawBasis {
            id: id.clone(),
            label: RawText::Plain(format!(
                "Reported by {}, UN Comtrade; valued {what}",
                g.name(*rep)
            )),
        });
        basis_ids.push(id);
    }
    (bases, basis_ids)
}

/// The series labelled in words and given ids of their own, their values in the
/// dataset's unit (10^`exp` dollars); and each series' rows. The observations are moved
/// out: the accumulators keep only the periods, which the views need.
fn series(g: &mut Gathered, basis_ids: &[String], exp: i32) -> (Vec<RawSeries>, Vec<Vec<usize>>) {
    let several = g.reporters.len() > 1;
    let mut used: Vec<String> = Vec::new();
    let mut raw_series = Vec::new();
    let mut obs_rows = Vec::new();
    let mut series = std::mem::take(&mut g.series);
    for b in &mut series {
        let vi: usize = b.acc.basis.parse().unwrap_or(0);
        b.acc.basis = basis_ids.get(vi).cloned().unwrap_or_default();
        let (f, t) = b.acc.direction.clone().unwrap_or_default();
        let fi = g.countries.iter().position(|x| x.code == f).unwrap_or(0);
        let ti = g.countries.iter().position(|x| x.code == t).unwrap_or(1);
        let mut label = format!("Exports from {} to {}", g.name(fi), g.name(ti));
        if b.flow == Flow::Import {
            label = format!("Imports of {} from {}", g.name(ti), g.name(fi));
        }
        label.push_str(&format!(", as reported by {}", g.name(b.reporter)));
        if several && g.reporters.first() != Some(&b.reporter) {
            label.push_str(" (mirror figures)");
        }
        let mut id = format!("{}-{}-{}", slug(&f), slug(&t), b.acc.class.id());
        if several {
            id.push_str(&format!("-by-{}", slug(g.code(b.reporter))));
        }
        raw_series.push(RawSeries {
            id: cells::unique(&mut used, id),
            label: RawText::Plain(label),
            direction: format!("{f}>{t}"),
            basis: b.acc.basis.clone(),
            observations: b
                .acc
                .obs
                .iter_mut()
                .map(|(o, canon, e, _)| RawObservation {
                    value: Some(numbers::to_f64(canon, *e - exp)),
                    id: o.id.take(),
                    period: std::mem::take(&mut o.period),
                    category: o.category.take(),
                    basis: o.basis.take(),
                    qualifier: o.qualifier.take(),
                    sources: std::mem::take(&mut o.sources),
                    derived: o.derived.take(),
                    note: o.note.take(),
                })
                .collect(),
        });
        obs_rows.push(b.acc.rows.clone());
    }
    g.series = series;
    (raw_series, obs_rows)
}

/// The source row's title: the pair, who reported the figures, and the years they span.
fn source_title(accs: &[Acc], a: &str, b: &str, by: &[String]) -> String {
    let mut years: Vec<i32> = accs
        .iter()
        .flat_map(|s| s.obs.iter().map(|o| o.3.first_year()))
        .collect();
    years.sort_unstable();
    let span = match (years.first(), years.last()) {
        (Some(f), Some(l)) if f != l => format!("{f}–{l}"),
        (Some(f), _) => f.to_string(),
        _ => String::new(),
    };
    format!(
        "Trade between {a} and {b} as reported by {}, {span} (UN Comtrade download)",
        by.join(" and ")
    )
}

/// The dataset's notes: how Comtrade values the figures, and, when both countries
/// report (`by`: the reporters' names), that their reports are kept apart.
fn notes(by: &[String]) -> Vec<RawText> {
    let mut notes = vec![RawText::Plain(
        "Comtrade's primary value in US dollars: each reporter values its imports CIF (with the cost of insurance and freight to its border) and its exports FOB (free on board), as is usual, unless the download says otherwise; one side's imports therefore run above the other side's exports of the same goods.".to_string(),
    )];
    if by.len() > 1 {
        notes.push(RawText::Plain(format!(
            "{} both report this trade. Each report is a basis of its own and drawn as separate series: a partner's report of the same flow (its mirror figure) is never merged into the reporter's.",
            by.join(" and ")
        )));
    }
    notes
}

/// The dataset's fields → the download's columns they came from, for an error found
/// later in the dataset to point at its cell.
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
