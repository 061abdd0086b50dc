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

use super::cells::{at, expected, slug, unique_id, Cx};
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

/// Reads a Comtrade download. `bytes` that are not UTF-8 are read as Windows-1252 with
/// a warning. Every error is returned (up to [`sheet::MAX_ERRORS`], then a count), each at its
/// cell.
pub fn import(
    name: &str,
    bytes: &[u8],
    options: &ComtradeOptions,
) -> std::result::Result<Import, Vec<Error>> {
    // Refused by its length, before it is decoded (Windows-1252 text doubles in UTF-8).
    if let Err(e) = trade_chart::limits::TABLE_BYTES.check("", bytes.len()) {
        return Err(vec![e.in_cell(Some(name), 1, 1)]);
    }
    let (text, latin1) = super::decode(bytes);
    let mut cx = Cx::default();
    if latin1 {
        cx.warnings.push(
            Error::at(
                ErrorKind::InvalidValue,
                "",
                "not UTF-8: read as Windows-1252 (Latin-1); check the names with accents",
            )
            .in_cell(Some(name), 1, 1),
        );
    }
    let result = read(&mut cx, name, &text, options);
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

/// A series as rows arrive, with its reporter.
struct Building {
    acc: Acc,
    reporter: usize,
    flow: Flow,
}

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
    let table = match table::parse(text) {
        Ok(t) => t,
        Err(table::ParseError::TooLarge { row, column, error }) => {
            cx.error(error.in_cell(Some(file), row, column));
            return None;
        }
        Err(table::ParseError::Unclosed(q)) => {
            cx.error(at(
                ErrorKind::InvalidValue,
                file,
                q.row,
                q.column - 1,
                "",
                "a quoted cell is never closed (a \" without its closing \")".into(),
            ));
            return None;
        }
    };
    // Columns.
    let mut col: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in table.headers.iter().enumerate() {
        let n = norm(h);
        if let Some((field, _)) = COLUMNS.iter().find(|(_, a)| a.contains(&n.as_str())) {
            col.entry(field).or_insert(i);
        }
    }
    let width = table.headers.len();
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
    if !cx.errors.is_empty() {
        return None;
    }
    // The columns' indices, looked up once (not per row: 10⁵ rows, benches/comtrade.rs).
    fn get<'r>(row: &'r Row, column: Option<usize>) -> &'r str {
        column.map_or("", |c| row.cell(c))
    }
    let c = |field: &str| col.get(field).copied().unwrap_or(0);
    let ix = |field: &str| col.get(field).copied();
    let (k_flow, k_flow_name, k_frequency) = (ix("flow"), ix("flow name"), ix("frequency"));
    let (k_period, k_year, k_month) = (ix("period"), ix("year"), ix("month"));
    let (k_commodity, k_commodity_name) = (ix("commodity"), ix("commodity name"));
    let (k_value, k_cif, k_fob) = (ix("value"), ix("cif"), ix("fob"));
    let k_countries = |field: &str| {
        let (code_f, name_f) = if field == "reporter" {
            ("reporter code", "reporter name")
        } else {
            ("partner code", "partner name")
        };
        [
            (ix(field), c(field)),
            (ix(code_f), c(code_f)),
            (ix(name_f), 0),
        ]
    };
    let (k_reporter, k_partner) = (k_countries("reporter"), k_countries("partner"));
    let breakdowns: Vec<(&str, usize)> = ["customs", "transport", "supply", "second partner"]
        .into_iter()
        .filter_map(|f| Some((f, ix(f)?)))
        .collect();

    let mut longer = Tally::default();
    let mut shorter = Tally::default();
    let mut breakdown = Tally::default();
    let mut left_out: Vec<(String, Tally)> = Vec::new();
    let mut countries: Vec<Country> = Vec::new();
    let mut reporters: Vec<usize> = Vec::new();
    let mut series: Vec<Building> = Vec::new();
    let mut by_key: HashMap<(usize, usize, usize, Class), usize> = HashMap::new();
    let mut valuations: Vec<(usize, &'static str, bool)> = Vec::new();
    let mut max_value = 0f64;

    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        if row.cells.len() > width {
            longer.add(n);
        } else if row.cells.len() < width {
            shorter.add(n);
        }
        // Breakdowns by customs procedure, transport, supply or second partner: their
        // totals only.
        if breakdowns.iter().any(|&(f, k)| !is_total(f, row.cell(k))) {
            breakdown.add(n);
            continue;
        }
        let before = cx.errors.len() + cx.dropped;
        let f_cell = get(row, k_flow);
        let Some((fl, fcode)) = flow(f_cell, get(row, k_flow_name)) else {
            let fc = if col.contains_key("flow") {
                c("flow")
            } else {
                c("flow name")
            };
            let what = "a flow code: M or X (1 or 2 in legacy downloads), or RM, RX…";
            cx.error(expected(file, n, fc, "flow", what, f_cell));
            continue;
        };
        if fl == Flow::Other {
            match left_out.iter_mut().find(|(k, _)| *k == fcode) {
                Some((_, t)) => t.add(n),
                None => {
                    let mut t = Tally::default();
                    t.add(n);
                    left_out.push((fcode, t));
                }
            }
            continue;
        }
        // Value: primaryValue, else the CIF (imports) or FOB (exports) value.
        let (cif, fob) = (get(row, k_cif), get(row, k_fob));
        let primary = get(row, k_value);
        let (v, vcol) = if !primary.is_empty() || k_cif.is_none() && k_fob.is_none() {
            (primary, c("value"))
        } else if fl == Flow::Import && !cif.is_empty() {
            (cif, c("cif"))
        } else if fl == Flow::Export && !fob.is_empty() {
            (fob, c("fob"))
        } else {
            ("", c("value"))
        };
        if v.is_empty() {
            cx.gaps += 1;
            continue;
        }
        let canon = numbers::canonical(v, '.').filter(|s| !s.starts_with('-'));
        if canon.is_none() {
            let what = "a trade value in US dollars ≥ 0, like 1234567 or 1234567.89";
            cx.error(expected(file, n, vcol, "value", what, v));
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
        // Period.
        let p = get(row, k_period);
        let pcol = if p.is_empty() { c("year") } else { c("period") };
        let ptext = if p.is_empty() {
            let (y, m) = (get(row, k_year), get(row, k_month));
            match m.parse::<u32>() {
                Ok(m @ 1..=12) if get(row, k_frequency).eq_ignore_ascii_case("M") => {
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
            cx.error(expected(file, n, pcol, "period", what, &ptext));
        }
        // Reporter and partner.
        let mut who = |cx: &mut Cx, field: &'static str| -> Option<usize> {
            let [(k_iso, iso_col), (k_code, code_col), (k_name, _)] = if field == "reporter" {
                k_reporter
            } else {
                k_partner
            };
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
        };
        let rep = who(cx, "reporter");
        let par = who(cx, "partner");
        if let (Some(r), Some(p)) = (rep, par) {
            if r == p {
                let what = "a partner other than the reporter";
                let key = countries.get(r).map_or("", |c| c.code.as_str());
                cx.error(expected(file, n, c("partner"), "partner", what, key));
            }
        }
        if cx.errors.len() + cx.dropped > before {
            continue;
        }
        let (Some(canon), Some((ptext, period)), Some(rep), Some(par)) = (canon, period, rep, par)
        else {
            continue;
        };
        // Commodity: TOTAL is the headline; anything else a category.
        let cmd = get(row, k_commodity);
        let category = if cmd.is_empty() || cmd.eq_ignore_ascii_case("TOTAL") {
            None
        } else {
            let desc = get(row, k_commodity_name);
            Some(if desc.is_empty() || desc == cmd {
                cmd.to_string()
            } else {
                format!("{cmd} {desc}")
            })
        };
        let (from, to) = match fl {
            Flow::Export => (rep, par),
            _ => (par, rep),
        };
        let class = Class::of(&period, category.is_some());
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
                flow: fl,
            });
            series.len() - 1
        });
        let value = numbers::to_f64(&canon, 0);
        max_value = max_value.max(value);
        // `by_key` holds indices into `series`, which only grows
        let Some(Building { acc, .. }) = series.get_mut(si) else {
            continue;
        };
        acc.obs.push((
            RawObservation {
                id: None,
                period: ptext,
                category: category.map(RawText::Plain),
                value: None,
                basis: None,
                qualifier: None,
                sources: vec![SOURCE_ID.to_string()],
                derived: None,
                note: None,
            },
            canon,
            0,
            period,
        ));
        acc.rows.push(n);
    }

    // Warnings, one per kind of row.
    let mut warn = |t: &Tally, col: usize, msg: String| {
        if t.count > 0 {
            cx.warnings
                .push(at(ErrorKind::InvalidValue, file, t.first, col, "", msg));
        }
    };
    warn(
        &longer,
        width,
        format!(
            "{} rows (this one first) have more cells than the {width} columns of the header (Comtrade's downloads end each row with a comma): the cells past the last column are ignored",
            longer.count
        ),
    );
    warn(
        &shorter,
        0,
        format!(
            "{} rows (this one first) have fewer cells than the {width} columns of the header: the missing ones are read as blank",
            shorter.count
        ),
    );
    warn(
        &breakdown,
        0,
        format!(
            "{} rows (this one first) break a figure down by customs procedure, mode of transport or supply, or second partner: left out, their totals (C00, 0) are read",
            breakdown.count
        ),
    );
    for (code, t) in &left_out {
        let fc = col
            .get("flow")
            .or(col.get("flow name"))
            .copied()
            .unwrap_or(0);
        warn(
            t,
            fc,
            format!(
                "flow {code} ({}): {} rows (this one first) left out; only imports (M) and exports (X) are drawn",
                flow_words(code),
                t.count
            ),
        );
    }
    if !cx.errors.is_empty() {
        return None;
    }
    if series.is_empty() {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            table.rows.last().map_or(2, |r| r.number + 1),
            c("value"),
            "value",
            "no figures: no row is an import (M) or export (X) with a value".into(),
        ));
        return None;
    }
    let [first, second] = countries.as_slice() else {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            1,
            c("partner"),
            "partner",
            "one country only: a dataset is a pair of countries".into(),
        ));
        return None;
    };

    // The dataset's unit: millions, thousands or dollars, as the figures need.
    let exp = if max_value >= 1e7 {
        6
    } else if max_value >= 1e4 {
        3
    } else {
        0
    };
    // Country indices below were found in `countries`.
    let name = |i: usize| countries.get(i).map_or(String::new(), |c| c.name.clone());
    let code = |i: usize| countries.get(i).map_or("", |c| c.code.as_str());
    let several = reporters.len() > 1;
    let mut bases = Vec::new();
    let mut basis_ids = Vec::new();
    for (rep, val, _seen) in &valuations {
        let id = format!("comtrade-{}-{val}", slug(code(*rep)));
        let what = if *val == "cif" {
            "CIF (cost, insurance and freight to the border)"
        } else {
            "FOB (free on board at the border)"
        };
        bases.push(RawBasis {
            id: id.clone(),
            label: RawText::Plain(format!(
                "Reported by {}, UN Comtrade; valued {what}",
                name(*rep)
            )),
        });
        basis_ids.push(id);
    }
    let mut used: Vec<String> = Vec::new();
    let mut raw_series = Vec::new();
    let mut obs_rows = Vec::new();
    for b in &mut series {
        let vi: usize = b.acc.basis.parse().unwrap_or(0);
        b.acc.basis = basis_ids.get(vi).cloned().unwrap_or_default();
        let (f, t) = b.acc.direction.clone().unwrap_or_default();
        let fi = countries.iter().position(|x| x.code == f).unwrap_or(0);
        let ti = countries.iter().position(|x| x.code == t).unwrap_or(1);
        let class_id = match b.acc.class {
            Class::Annual => "annual",
            Class::Monthly => "monthly",
            Class::Category => "products",
        };
        let mut label = format!("Exports from {} to {}", name(fi), name(ti));
        if b.flow == Flow::Import {
            label = format!("Imports of {} from {}", name(ti), name(fi));
        }
        label.push_str(&format!(", as reported by {}", name(b.reporter)));
        if several && reporters.first() != Some(&b.reporter) {
            label.push_str(" (mirror figures)");
        }
        let mut id = format!("{}-{}-{class_id}", slug(&f), slug(&t));
        if several {
            id.push_str(&format!("-by-{}", slug(code(b.reporter))));
        }
        let id = unique_id(id, |id| used.iter().any(|u| u == id));
        used.push(id.clone());
        raw_series.push(RawSeries {
            id,
            label: RawText::Plain(label),
            direction: format!("{f}>{t}"),
            basis: b.acc.basis.clone(),
            // Moved out, not cloned: the accumulator keeps only the periods (the views').
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
    let accs: Vec<Acc> = series.into_iter().map(|b| b.acc).collect();
    let (a, b) = (name(0), name(1));
    let views = sheet::default_views(&accs, &raw_series, &a, &b);

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
    let by = reporters.iter().map(|&r| name(r)).collect::<Vec<_>>();
    let title = format!(
        "Trade between {a} and {b} as reported by {}, {span} (UN Comtrade download)",
        by.join(" and ")
    );
    let mut notes = vec![RawText::Plain(
        "Comtrade's primary value in US dollars: each reporter values its imports CIF (with the cost of insurance and freight to its border) and its exports FOB (free on board), as is usual, unless the download says otherwise; one side's imports therefore run above the other side's exports of the same goods.".to_string(),
    )];
    if several {
        notes.push(RawText::Plain(format!(
            "{} both report this trade. Each report is a basis of its own and drawn as separate series: a partner's report of the same flow (its mirror figure) is never merged into the reporter's.",
            by.join(" and ")
        )));
    }
    let dataset = RawDataset {
        schema: 1,
        id: options.id.clone().unwrap_or_else(|| {
            format!(
                "{}-{}",
                slug(&first.code),
                slug(&second.code)
            )
        }),
        title: RawText::Plain(
            options
                .title
                .clone()
                .unwrap_or_else(|| format!("Trade between {a} and {b} (UN Comtrade)")),
        ),
        partners: countries
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
            title,
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
        notes,
    };
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
    let gaps = cx.gaps;
    Some(Import::from_rows(
        dataset,
        std::mem::take(&mut cx.warnings),
        gaps,
        file,
        cols,
        obs_rows,
    ))
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
