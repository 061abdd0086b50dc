//! What a Comtrade download is read into: the options, the header's columns, the areas
//! (reporters and partners) met, each row's figure and the series they gather into. The
//! reading (the parent, `comtrade`), the pair choice (`pairs`) and the dataset
//! (`dataset`) all use these; nothing here uses them.

use std::collections::HashMap;

use super::areas;
use crate::cells::{at, expected, Cx};
use crate::numbers;
use crate::pairs::Area;
use crate::sheet::{Acc, Class};
use crate::table::Row;
use trade_chart::data::{Period, RawObservation, RawText};
use trade_chart::error::ErrorKind;

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
    /// `A,B`: the pair of countries to chart from a download of several (`--pair`), by
    /// their codes or names as the file writes them. None: the file must hold one pair.
    pub pair: Option<String>,
    /// The commodity code whose rows to chart (`--commodity`), of a download of several
    /// products. None: `TOTAL` rows are the headline, the others a products view.
    pub commodity: Option<String>,
    /// Names for areas by their code (`--partner CODE=NAME`): for a codes-only
    /// download's numbers that no list names, or to rename any.
    pub names: Vec<(String, String)>,
}

/// A flow, as its code says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Flow {
    Import,
    Export,
    /// Left out with a warning: re-exports, re-imports, and the rest.
    Other,
}

/// A country of the dataset: its code (ISO alpha-3 where known) and name.
pub(crate) struct Country {
    pub(crate) code: String,
    pub(crate) name: String,
}

/// The areas met, by the key the file writes them with.
#[derive(Default)]
pub(crate) struct Areas {
    pub(crate) list: Vec<Area>,
    pub(crate) by_key: HashMap<String, usize>,
    /// By Comtrade number, so that a country one column names by ISO code and another
    /// by number only is one area.
    pub(crate) by_number: HashMap<String, usize>,
    /// Numbers no list names, for one warning each: (number, first row, column).
    pub(crate) unknown: Vec<(String, usize, usize)>,
}

/// A series as rows arrive, with its reporter.
pub(crate) struct Building {
    pub(crate) acc: Acc,
    pub(crate) reporter: usize,
    pub(crate) flow: Flow,
}

/// Where a country is named, each with the column an error points at: its ISO code, its
/// Comtrade code, its name.
pub(crate) type CountryColumns = [(Option<usize>, usize); 3];

/// The header's columns by field, with the indices the rows are read by looked up once
/// for the file rather than once a row, as downloads run long.
pub(crate) struct Columns {
    /// Field → 0-based column, for errors' places and the import's way back to cells.
    pub(crate) col: HashMap<&'static str, usize>,
    /// How many columns the header has.
    pub(crate) width: usize,
    pub(crate) flow: Option<usize>,
    pub(crate) flow_name: Option<usize>,
    pub(crate) frequency: Option<usize>,
    pub(crate) period: Option<usize>,
    pub(crate) year: Option<usize>,
    pub(crate) month: Option<usize>,
    pub(crate) commodity: Option<usize>,
    pub(crate) commodity_name: Option<usize>,
    pub(crate) kind: Option<usize>,
    pub(crate) reported: Option<usize>,
    pub(crate) value: Option<usize>,
    pub(crate) cif: Option<usize>,
    pub(crate) fob: Option<usize>,
    pub(crate) reporter: CountryColumns,
    pub(crate) partner: CountryColumns,
    /// The breakdown columns the header has: of their rows only the totals are read.
    pub(crate) breakdowns: Vec<(&'static str, usize)>,
}

impl Columns {
    /// The indices of the columns found (`col`) in a header of `width` columns.
    pub(crate) fn new(col: HashMap<&'static str, usize>, width: usize) -> Columns {
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
            kind: ix("type"),
            reported: ix("reported"),
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
    pub(crate) fn c(&self, field: &str) -> usize {
        self.col.get(field).copied().unwrap_or(0)
    }

    /// The column of the flow, for an error's place: its code's, else its name's.
    pub(crate) fn flow_column(&self) -> usize {
        if self.col.contains_key("flow") {
            self.c("flow")
        } else {
            self.c("flow name")
        }
    }
}

/// The cell of `column` in `row` ("" when the header has no such column).
pub(crate) fn get<'r>(row: &'r Row, column: Option<usize>) -> &'r str {
    column.map_or("", |c| row.cell(c))
}

/// The valuation a figure is in (`cif` or `fob`; `services` for trade in services,
/// which is not valued at a border), and whether a column of the download showed it.
pub(crate) type Valuation = (&'static str, bool);

/// One row's figure, read and checked.
pub(crate) struct Figure {
    pub(crate) flow: Flow,
    /// The value as a canonical decimal, in US dollars.
    pub(crate) value: String,
    pub(crate) valuation: Valuation,
    pub(crate) period_text: String,
    pub(crate) period: Period,
    /// Indices into the areas (then, once a pair is chosen, into its two countries).
    pub(crate) reporter: usize,
    pub(crate) partner: usize,
    /// The commodity code as written ("" when the file has none).
    pub(crate) cmd: String,
    /// The commodity, for a row other than the total.
    pub(crate) category: Option<String>,
    /// `isReported` false: a figure UN Comtrade derived rather than the reporter's own.
    pub(crate) derived: bool,
}

impl Figure {
    /// The value as a number, for ranking the pairs.
    pub(crate) fn amount(&self) -> f64 {
        numbers::to_f64(&self.value, 0)
    }
}

/// The figures gathered from the rows, with the countries, reporters and valuations
/// they name: what the dataset is made of.
#[derive(Default)]
pub(crate) struct Gathered {
    pub(crate) countries: Vec<Country>,
    /// Indices into `countries`, in the order first met.
    pub(crate) reporters: Vec<usize>,
    pub(crate) series: Vec<Building>,
    /// (reporter, from, valuation, class) → index into `series`.
    pub(crate) by_key: HashMap<(usize, usize, usize, Class), usize>,
    /// (reporter, `cif`, `fob` or `services`, shown by a column, some figures derived).
    pub(crate) valuations: Vec<(usize, &'static str, bool, bool)>,
    pub(crate) max_value: f64,
    /// The one product charted (`--commodity`, or the only one the file holds).
    pub(crate) product: Option<String>,
}

/// The figures the rows give, with the row each came from, before a pair is chosen;
/// and the gaps, by (reporter, partner).
#[derive(Default)]
pub(crate) struct Rows {
    pub(crate) figures: Vec<(usize, Figure)>,
    pub(crate) gaps: Vec<(usize, usize)>,
}

impl Areas {
    /// The row's reporter or partner (`field`) as an index into the areas, added there
    /// when new; `None`, reported, for a code that is not one.
    pub(crate) fn of(
        &mut self,
        cx: &mut Cx,
        file: &str,
        k: &Columns,
        row: &Row,
        field: &'static str,
        names: &[(String, String)],
    ) -> Option<usize> {
        let [(k_iso, iso_col), (k_code, code_col), (k_name, _)] = if field == "reporter" {
            k.reporter
        } else {
            k.partner
        };
        let n = row.number;
        let iso = get(row, k_iso).trim();
        let (key, kcol) = if !iso.is_empty() {
            (iso, iso_col)
        } else {
            (get(row, k_code).trim(), code_col)
        };
        // Comtrade's codes of some areas have an underscore (`_X`, Areas, nes).
        if key.is_empty()
            || !key
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
        {
            let what = format!("the {field}'s ISO code (CHN) or Comtrade code (156)");
            cx.error(expected(file, n, kcol, field, &what, key));
            return None;
        }
        // Found without a new string per row; ISO codes compared upper-cased.
        if let Some(&i) = self.by_key.get(key) {
            return Some(i);
        }
        let key = key.to_ascii_uppercase();
        if let Some(&i) = self.by_key.get(&key) {
            return Some(i);
        }
        let number = get(row, k_code).trim().to_string();
        if let Some(&i) = self.by_number.get(&number).filter(|_| !number.is_empty()) {
            self.by_key.insert(key, i);
            return Some(i);
        }
        let written = get(row, k_name).trim();
        let listed = if iso.is_empty() {
            areas::by_number(&number)
        } else {
            None
        };
        let given = names.iter().find(|(c, _)| {
            c.eq_ignore_ascii_case(&key) || (!number.is_empty() && c.eq_ignore_ascii_case(&number))
        });
        let code = match &listed {
            Some((c, _, _)) if iso.is_empty() => c.clone(),
            _ => key.clone(),
        };
        let name = match (given, written.is_empty(), &listed) {
            (Some((_, name)), _, _) => name.clone(),
            (None, false, _) => written.to_string(),
            (None, true, Some((_, name, _))) => name.clone(),
            (None, true, None) => {
                if iso.is_empty() {
                    self.unknown.push((number.clone(), n, kcol));
                }
                key.clone()
            }
        };
        let aggregate = listed.as_ref().is_some_and(|l| l.2)
            || areas::is_aggregate(&key, &name)
            || (!number.is_empty() && areas::is_aggregate(&number, ""));
        self.list.push(Area {
            key: key.clone(),
            number,
            code,
            name,
            aggregate,
        });
        let i = self.list.len() - 1;
        self.by_key.insert(key, i);
        if let Some(a) = self.list.get(i).filter(|a| !a.number.is_empty()) {
            self.by_number.insert(a.number.clone(), i);
        }
        Some(i)
    }

    /// One warning a number no list names, asking for its name.
    pub(crate) fn warn_unknown(&self, cx: &mut Cx, file: &str) {
        for (number, row, col) in &self.unknown {
            cx.warnings.push(at(
                ErrorKind::InvalidValue,
                file,
                *row,
                *col,
                "",
                format!(
                    "area {number}: a code neither Comtrade's nor ISO's lists name; it keeps its number as its name (give one with --partner {number}=NAME)"
                ),
            ));
        }
    }
}

impl Gathered {
    /// Row `n`'s figure added to its series (by reporter, direction, valuation and
    /// class), the series made on its first figure.
    pub(crate) fn add(&mut self, n: usize, f: Figure) {
        let Gathered {
            countries,
            reporters,
            series,
            by_key,
            valuations,
            max_value,
            ..
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
                v.3 |= f.derived;
                i
            }
            None => {
                valuations.push((rep, valuation.0, valuation.1, f.derived));
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
    pub(crate) fn name(&self, i: usize) -> String {
        self.countries
            .get(i)
            .map_or(String::new(), |c| c.name.clone())
    }

    /// The code of country `i` ("" when there is none).
    pub(crate) fn code(&self, i: usize) -> &str {
        self.countries.get(i).map_or("", |c| c.code.as_str())
    }
}
