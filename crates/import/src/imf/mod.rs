//! IMF Direction of Trade Statistics (DOTS, now "International Trade in Goods by partner
//! country", IMTS) time-series CSV downloads (docs/DATA.md, "IMF Direction of Trade
//! downloads") → a [`RawDataset`](trade_chart::RawDataset), through the same [`Import`] as
//! the other readers.
//!
//! The layout: `Country Name, Country Code, Indicator Name, Indicator Code, Counterpart
//! Country Name, Counterpart Country Code, Attribute`, then one column a period (`2019`,
//! `2019Q1`, `2024M2`). Each series is two rows: its `Value` row (the figures) and its
//! `Status` row (a flag a figure may have: `e` estimated…; never a number, kept as a note
//! on that figure). Indicators: `TXG_FOB_USD` the country's exports (FOB),
//! `TMG_CIF_USD` its imports (CIF), `TMG_FOB_USD` its imports valued FOB; `TBG_USD` the
//! balance, not drawn but checked against exports minus imports (CIF). Each reporting
//! country's figures are a basis of their own, as in Comtrade downloads: a partner's
//! report of the same flow (its mirror figure) is never merged into the reporter's. A
//! file of several pairs of countries needs `--pair`, as a Comtrade download does
//! (`crate::pairs`).

mod areas;
mod dataset;
mod model;

use std::collections::HashMap;

use crate::cells::{self, at, expected, Cx};
use crate::comtrade::Decoded;
use crate::numbers;
use crate::pairs::{self, Area, PairChoice, Place, Tally};
use crate::sheet::Import;
use crate::table::{self, Row};
use model::{Figure, Indicator, PeriodColumn};
pub use model::{ImfOptions, SOURCE_ID, URL};
use trade_chart::data::{is_date, Period, PeriodKind};
use trade_chart::error::{Error, ErrorKind};

/// The columns read, and their headers (lowercase letters and digits only).
const COLUMNS: &[(&str, &str)] = &[
    ("country name", "countryname"),
    ("country", "countrycode"),
    ("indicator name", "indicatorname"),
    ("indicator", "indicatorcode"),
    ("counterpart name", "counterpartcountryname"),
    ("counterpart", "counterpartcountrycode"),
    ("attribute", "attribute"),
    ("scale", "scale"),
];

fn norm(h: &str) -> String {
    h.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether a header row is an IMF DOTS time-series file's: a country code, an indicator
/// code, a counterpart country code and an attribute.
pub fn is_imf(headers: &[String]) -> bool {
    let has = |h: &str| headers.iter().any(|x| norm(x) == h);
    has("countrycode") && has("indicatorcode") && has("counterpartcountrycode") && has("attribute")
}

/// Whether `text` (a whole file or its start) begins with an IMF DOTS header row.
pub fn sniff(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line = text.split(['\n', '\r']).next().unwrap_or("");
    match table::parse(line) {
        Ok(t) => is_imf(&t.headers),
        Err(_) => false,
    }
}

/// A period header → (the dataset's spelling, whether it is a quarter): `2019`,
/// `2024M2` (or `2024M02`), `2019Q1` (the months it spans: `2019-01/2019-03`).
fn period_header(h: &str) -> Option<(String, bool)> {
    let h = h.trim();
    let year = |s: &str| {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if let Some(y) = year(h) {
        return Some((y.to_string(), false));
    }
    let (y, rest) = (h.get(..4)?, h.get(4..)?);
    let y = year(y)?;
    let digits = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    if let Some(m) = rest.strip_prefix(['M', 'm']) {
        let m = digits(m).filter(|m| (1..=12).contains(m))?;
        return Some((format!("{y}-{m:02}"), false));
    }
    let q = digits(rest.strip_prefix(['Q', 'q'])?).filter(|q| (1..=4).contains(q))?;
    let first = (q - 1) * 3 + 1;
    Some((format!("{y}-{first:02}/{y}-{:02}", first + 2), true))
}

/// A scale word or power of ten (the `Scale` column's cell, or the indicator's name) →
/// the power of ten its figures are in.
fn scale_of(word: &str) -> Option<i32> {
    let w = word.trim().to_ascii_lowercase();
    match w.as_str() {
        "" | "units" | "unit" | "ones" => Some(0),
        "thousands" | "thousand" => Some(3),
        "millions" | "million" => Some(6),
        "billions" | "billion" => Some(9),
        // SDMX's unit multiplier: the power of ten.
        _ => w.parse::<i32>().ok().filter(|e| (0..=12).contains(e)),
    }
}

/// The scale an indicator's name says (`…, Millions of US Dollars`), 0 when none.
fn name_scale(name: &str) -> i32 {
    let n = name.to_ascii_lowercase();
    if n.contains("billions") {
        9
    } else if n.contains("millions") {
        6
    } else if n.contains("thousands") {
        3
    } else {
        0
    }
}

/// The rows warned about rather than read.
#[derive(Default)]
struct Tallies {
    longer: Tally,
    shorter: Tally,
    own: Tally,
    aggregate: Tally,
    aggregates: Vec<String>,
    /// Other indicators, by code: (code, name, rows).
    indicators: Vec<(String, String, Tally)>,
    /// Other attributes than Value and Status, by name.
    attributes: Vec<(String, Tally)>,
    /// Status rows with no Value row of their series.
    lone_status: Tally,
}

/// Reads an IMF DOTS file. `bytes` that are not UTF-8 are read in the encoding they
/// look written in ([`crate::encoding`]) with a warning. Every error is returned (up
/// to [`crate::MAX_ERRORS`], then a count), each at its cell.
pub fn import(name: &str, bytes: &[u8], options: &ImfOptions) -> Result<Import, Vec<Error>> {
    let text = crate::comtrade::decoded(name, bytes)?;
    import_text(name, &text, options)
}

/// [`import`] of a file already decoded ([`crate::comtrade::decoded_in`]).
pub fn import_text(name: &str, text: &Decoded, options: &ImfOptions) -> Result<Import, Vec<Error>> {
    import_with_pairs(name, text, options).0
}

/// [`import_text`], with the pairs of countries the file holds, largest two-way trade
/// first (empty when it holds one pair or none), whatever the outcome: what the builder
/// offers to choose from.
pub fn import_with_pairs(
    name: &str,
    text: &Decoded,
    options: &ImfOptions,
) -> (Result<Import, Vec<Error>>, Vec<PairChoice>) {
    let mut cx = Cx::default();
    cx.warnings.extend(text.not_utf8(name));
    let mut pairs = Vec::new();
    let result = read(&mut cx, name, &text.text, options, &mut pairs);
    let result = match result {
        Some(import) if cx.errors.is_empty() => Ok(import),
        _ => Err(cx.into_errors()),
    };
    if pairs.len() < 2 {
        pairs.clear();
    }
    (result, pairs)
}

/// The header's columns by field, and the period columns.
struct Columns {
    col: HashMap<&'static str, usize>,
    width: usize,
    periods: Vec<PeriodColumn>,
}

impl Columns {
    fn c(&self, field: &str) -> usize {
        self.col.get(field).copied().unwrap_or(0)
    }

    fn get<'r>(&self, row: &'r Row, field: &str) -> &'r str {
        self.col.get(field).map_or("", |&c| row.cell(c))
    }
}

/// The areas met, by the code the file writes them with.
#[derive(Default)]
pub(crate) struct Areas {
    pub(crate) list: Vec<Area>,
    by_key: HashMap<String, usize>,
}

impl Areas {
    /// The area of a code and name, added when new; `None`, reported, for a code that
    /// is not one.
    #[allow(clippy::too_many_arguments)]
    fn of(
        &mut self,
        cx: &mut Cx,
        file: &str,
        row: usize,
        col: usize,
        field: &str,
        code: &str,
        name: &str,
        names: &[(String, String)],
    ) -> Option<usize> {
        if code.is_empty()
            || !code
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '-')
        {
            let what = format!("the {field}'s IMF code (111, 924, or US, CN)");
            cx.error(expected(file, row, col, field, &what, code));
            return None;
        }
        if let Some(&i) = self.by_key.get(code) {
            return Some(i);
        }
        let given = names.iter().find(|(c, _)| c.eq_ignore_ascii_case(code));
        let name = match given {
            Some((_, n)) => n.clone(),
            None if name.is_empty() => code.to_string(),
            None => name.to_string(),
        };
        let aggregate = areas::is_aggregate(code, &name);
        self.list.push(Area {
            key: code.to_string(),
            number: String::new(),
            code: code.to_string(),
            name,
            aggregate,
        });
        self.by_key.insert(code.to_string(), self.list.len() - 1);
        Some(self.list.len() - 1)
    }
}

/// What [`read`] gathered of the rows: figures of the flows, the balance's, the gaps
/// (by reporter and partner).
#[derive(Default)]
struct Rows {
    flows: Vec<Figure>,
    balance: Vec<Figure>,
    gaps: Vec<(usize, usize)>,
}

/// The file read in its phases; `None` once an error is reported, as it stops the import.
fn read(
    cx: &mut Cx,
    file: &str,
    text: &str,
    options: &ImfOptions,
    pairs_out: &mut Vec<PairChoice>,
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
    if let Some(e) = crate::not_a_table(file, text) {
        cx.error(e);
        return None;
    }
    let table = cells::parse(cx, file, text)?;
    let k = find_columns(cx, file, &table.headers);
    if !cx.errors.is_empty() {
        return None;
    }
    let (areas, mut rows, mut tallies) = read_rows(cx, file, &k, &table.rows, &options.names);
    if !cx.errors.is_empty() {
        warn_rows(cx, file, &k, &tallies);
        return None;
    }
    let ranked = pairs::rank(
        &areas.list,
        rows.flows
            .iter()
            .map(|f| (f.row, f.reporter, f.partner, f.dollars())),
    );
    *pairs_out = ranked.iter().map(|p| p.choice.clone()).collect();
    if rows.flows.is_empty() {
        warn_rows(cx, file, &k, &tallies);
        let msg = "no figures: no Value row of exports (TXG_FOB_USD) or imports (TMG_CIF_USD, TMG_FOB_USD) has a value";
        cx.error(cells::no_figures(file, &table.rows, k.c("attribute"), msg));
        return None;
    }
    let place = Place {
        file,
        reporter: k.c("country"),
        partner: k.c("counterpart"),
        first_row: rows.flows.first().map_or(2, |f| f.row),
        codes: "its Country Code or Counterpart Country Code as the file writes it",
    };
    let Some((a, b)) = pairs::choose(cx, &place, options.pair.as_deref(), &areas.list, &ranked)
    else {
        warn_rows(cx, file, &k, &tallies);
        return None;
    };
    let pair = |r: usize, p: usize| (r == a && p == b) || (r == b && p == a);
    let aggregate = |i: usize| areas.list.get(i).is_some_and(|x| x.aggregate);
    let mut last = 0;
    for f in rows.flows.iter().chain(&rows.balance) {
        let mine = [a, b].contains(&f.reporter) || [a, b].contains(&f.partner);
        if mine && (aggregate(f.reporter) || aggregate(f.partner)) && f.row != last {
            last = f.row;
            tallies.aggregate.add(f.row);
            for i in [f.reporter, f.partner] {
                if let Some(x) = areas.list.get(i).filter(|x| x.aggregate) {
                    if !tallies.aggregates.contains(&x.name) {
                        tallies.aggregates.push(x.name.clone());
                    }
                }
            }
        }
    }
    cx.gaps += rows.gaps.iter().filter(|(r, p)| pair(*r, *p)).count();
    let keep = |f: &mut Figure| {
        if !pair(f.reporter, f.partner) {
            return false;
        }
        f.reporter = usize::from(f.reporter == b);
        f.partner = usize::from(f.partner == b);
        true
    };
    rows.flows.retain_mut(keep);
    rows.balance.retain_mut(keep);
    warn_rows(cx, file, &k, &tallies);
    let checked = dataset::check_balance(cx, file, &k.periods, &rows.flows, &rows.balance);
    let countries: Vec<(String, String)> = [a, b]
        .iter()
        .filter_map(|&i| areas.list.get(i))
        .map(|x| (x.code.clone(), x.name.clone()))
        .collect();
    let (dataset, obs_rows) = dataset::make(&countries, &k.periods, rows.flows, checked, options);
    let mut cols: HashMap<&'static str, usize> = HashMap::new();
    cols.insert("direction", k.c("indicator"));
    cols.insert("basis", k.c("country"));
    cols.insert("sources", k.c("country"));
    Some(Import::from_rows(
        dataset,
        std::mem::take(&mut cx.warnings),
        cx.gaps,
        file,
        cols,
        obs_rows,
    ))
}

/// The header's columns, each missing one reported at the header; the period columns
/// (months win over quarters: a file with both draws the months, with a warning).
fn find_columns(cx: &mut Cx, file: &str, headers: &[String]) -> Columns {
    let mut col: HashMap<&'static str, usize> = HashMap::new();
    let mut periods = Vec::new();
    let mut quarters = Vec::new();
    let mut others = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let n = norm(h);
        if let Some((field, _)) = COLUMNS.iter().find(|(_, x)| *x == n) {
            col.entry(field).or_insert(i);
        } else if let Some((text, quarter)) = period_header(h) {
            let Ok(period) = Period::parse(&text) else {
                continue;
            };
            let pc = PeriodColumn {
                col: i,
                text,
                period,
                header: h.trim().to_string(),
            };
            if quarter {
                quarters.push(pc);
            } else {
                periods.push(pc);
            }
        } else if !h.trim().is_empty() {
            others.push((i, h.trim().to_string()));
        }
    }
    let width = headers.len();
    for (field, what) in [
        ("country", "Country Code"),
        ("indicator", "Indicator Code"),
        ("counterpart", "Counterpart Country Code"),
        ("attribute", "Attribute"),
    ] {
        if !col.contains_key(field) {
            cx.error(at(
                ErrorKind::MissingField,
                file,
                1,
                width,
                field,
                format!("no {field} column: an IMF DOTS file has one (headed {what})"),
            ));
        }
    }
    let months = periods.iter().any(|p| p.period.kind == PeriodKind::Month);
    if months && !quarters.is_empty() {
        let q = quarters.first().map_or(0, |q| q.col);
        cx.warnings.push(at(
            ErrorKind::InvalidValue,
            file,
            1,
            q,
            "",
            format!(
                "{} quarterly columns (this one first) left out: the file's months are drawn, of which the quarters are sums",
                quarters.len()
            ),
        ));
    } else {
        periods.append(&mut quarters);
    }
    periods.sort_by_key(|p| p.col);
    for (i, h) in others {
        cx.warnings.push(at(
            ErrorKind::InvalidValue,
            file,
            1,
            i,
            "",
            format!("column \"{h}\" is not a period (2019, 2019Q1, 2024M2) nor a column of the IMF's layout: left out"),
        ));
    }
    if periods.is_empty() && cx.errors.is_empty() {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            1,
            width,
            "period",
            "no period columns: an IMF DOTS file has one a year (2019), quarter (2019Q1) or month (2024M2) after Attribute".into(),
        ));
    }
    Columns {
        col,
        width,
        periods,
    }
}

/// Every data row read: figures kept with their areas and statuses, the rows left out
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
    // (reporter, partner, indicator) → the Value row's number and where its figures
    // start in `out` (flows or balance), for its Status row.
    let mut series: HashMap<(usize, usize, Indicator), (usize, usize)> = HashMap::new();
    let mut statuses: Vec<(usize, usize, Indicator, &Row)> = Vec::new();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        if row.cells.len() > k.width {
            t.longer.add(n);
        } else if row.cells.len() < k.width {
            t.shorter.add(n);
        }
        let attribute = k.get(row, "attribute");
        let value_row = attribute.eq_ignore_ascii_case("value");
        if !value_row && !attribute.eq_ignore_ascii_case("status") {
            match t.attributes.iter_mut().find(|(a, _)| a == attribute) {
                Some((_, tally)) => tally.add(n),
                None => {
                    let mut tally = Tally::default();
                    tally.add(n);
                    t.attributes.push((attribute.to_string(), tally));
                }
            }
            continue;
        }
        let code = k.get(row, "indicator");
        let Some(indicator) = Indicator::of(code) else {
            if code.is_empty() {
                let what = "an indicator code (TXG_FOB_USD, TMG_CIF_USD, TMG_FOB_USD, TBG_USD)";
                cx.error(expected(file, n, k.c("indicator"), "indicator", what, code));
            } else if value_row {
                match t.indicators.iter_mut().find(|(c, _, _)| c == code) {
                    Some((_, _, tally)) => tally.add(n),
                    None => {
                        let mut tally = Tally::default();
                        tally.add(n);
                        let name = k.get(row, "indicator name").to_string();
                        t.indicators.push((code.to_string(), name, tally));
                    }
                }
            }
            continue;
        };
        let rep = areas.of(
            cx,
            file,
            n,
            k.c("country"),
            "country",
            k.get(row, "country"),
            k.get(row, "country name"),
            names,
        );
        let par = areas.of(
            cx,
            file,
            n,
            k.c("counterpart"),
            "counterpart",
            k.get(row, "counterpart"),
            k.get(row, "counterpart name"),
            names,
        );
        let (Some(rep), Some(par)) = (rep, par) else {
            continue;
        };
        if !value_row {
            if rep != par {
                statuses.push((rep, par, indicator, row));
            }
            continue;
        }
        if rep == par {
            t.own.add(n);
            continue;
        }
        let exp = match k.col.get("scale").map(|&c| row.cell(c)) {
            Some(s) if !s.is_empty() => match scale_of(s) {
                Some(e) => e,
                None => {
                    let what =
                        "a scale: Units, Thousands, Millions, Billions, or a power of ten (6)";
                    cx.error(expected(file, n, k.c("scale"), "scale", what, s));
                    continue;
                }
            },
            _ => name_scale(k.get(row, "indicator name")),
        };
        let list = if indicator == Indicator::Balance {
            &mut out.balance
        } else {
            &mut out.flows
        };
        if let Some(&(first, _)) = series.get(&(rep, par, indicator)) {
            cx.error(at(
                ErrorKind::InvalidValue,
                file,
                n,
                k.c("indicator"),
                "indicator",
                format!(
                    "a second Value row of {} for this country and counterpart (the first is row {first}): one row a series",
                    indicator.code()
                ),
            ));
            continue;
        }
        series.insert((rep, par, indicator), (n, list.len()));
        for (pi, p) in k.periods.iter().enumerate() {
            let cell = row.cell(p.col);
            if cell.is_empty() {
                if indicator != Indicator::Balance {
                    out.gaps.push((rep, par));
                }
                continue;
            }
            let canon = numbers::canonical(cell, '.');
            let ok = match &canon {
                None => false,
                Some(c) => indicator == Indicator::Balance || !c.starts_with('-'),
            };
            let Some(value) = canon.filter(|_| ok) else {
                let what = if indicator == Indicator::Balance {
                    "a balance in US dollars, like -1234567.89 (a blank cell is a gap)"
                } else {
                    "a value in US dollars ≥ 0, like 1234567.89 (a blank cell is a gap; only the balance TBG_USD is negative)"
                };
                cx.error(expected(file, n, p.col, "value", what, cell));
                continue;
            };
            list.push(Figure {
                row: n,
                col: p.col,
                reporter: rep,
                partner: par,
                indicator,
                value,
                exp,
                period: pi,
                status: None,
            });
        }
    }
    // Each Status row's flags onto its series' figures, by column.
    for (rep, par, indicator, row) in statuses {
        let Some(&(_, start)) = series.get(&(rep, par, indicator)) else {
            t.lone_status.add(row.number);
            continue;
        };
        let list = if indicator == Indicator::Balance {
            &mut out.balance
        } else {
            &mut out.flows
        };
        for f in list.iter_mut().skip(start) {
            if f.reporter != rep || f.partner != par || f.indicator != indicator {
                break;
            }
            let s = row.cell(f.col);
            if !s.is_empty() {
                f.status = Some(s.to_string());
            }
        }
    }
    (areas, out, t)
}

/// One warning a kind of row counted, at the first such row.
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
            "{} more cells than the {width} columns of the header: the cells past the last column are ignored",
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
        &t.own,
        k.c("counterpart"),
        format!(
            "{} a country's trade with itself: left out",
            crate::these_rows(t.own.count, "", (" gives", " give")),
        ),
    );
    warn(
        &t.aggregate,
        k.c("counterpart"),
        format!(
            "{} with {}, not a country: left out",
            crate::these_rows(t.aggregate.count, "", (" is", " are")),
            t.aggregates.join("; ")
        ),
    );
    warn(
        &t.lone_status,
        k.c("attribute"),
        format!(
            "{} no Value row of their series: left out",
            crate::these_rows(t.lone_status.count, "Status", (" has", " have")),
        ),
    );
    for (code, name, tally) in &t.indicators {
        let named = if name.is_empty() {
            String::new()
        } else {
            format!(" ({name})")
        };
        warn(
            tally,
            k.c("indicator"),
            format!(
                "indicator {code}{named}: {} left out; exports TXG_FOB_USD and imports TMG_CIF_USD, TMG_FOB_USD are drawn, the balance TBG_USD checked",
                crate::these_rows(tally.count, "", ("", "")),
            ),
        );
    }
    for (attribute, tally) in &t.attributes {
        warn(
            tally,
            k.c("attribute"),
            format!(
                "attribute \"{attribute}\": {} left out; only Value rows are figures, and Status rows their flags",
                crate::these_rows(tally.count, "", ("", "")),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_periods() {
        assert!(sniff("\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"Counterpart Country Name\",\"Counterpart Country Code\",\"Attribute\",\"2024M2\",\n"));
        assert!(!sniff(
            "typeCode,freqCode,period,reporterISO,flowCode,partnerISO,cmdCode,primaryValue"
        ));
        assert_eq!(period_header("2024M2"), Some(("2024-02".into(), false)));
        assert_eq!(period_header("2024M12"), Some(("2024-12".into(), false)));
        assert_eq!(period_header("2019"), Some(("2019".into(), false)));
        assert_eq!(
            period_header("2019Q4"),
            Some(("2019-10/2019-12".into(), true))
        );
        assert_eq!(period_header("2019Q5"), None);
        assert_eq!(period_header("2024M13"), None);
        assert_eq!(period_header("Scale"), None);
        assert_eq!(scale_of("Millions"), Some(6));
        assert_eq!(scale_of("6"), Some(6));
        assert_eq!(scale_of("lots"), None);
        assert_eq!(
            name_scale("Goods, Value of Exports, Free on board (FOB), Millions of US Dollars"),
            6
        );
        assert_eq!(
            name_scale("Goods, Value of Exports, Free on board (FOB), US Dollars"),
            0
        );
    }
}
