//! What an IMF file's reading (mod.rs) hands its dataset's making (dataset.rs): the
//! options, the source, the indicators, the period columns and the figures read. Below
//! both; it uses neither.

use crate::numbers;
use trade_chart::data::Period;

/// The source's page: the dataset on the IMF's data portal (DOTS is IMTS there now).
pub const URL: &str = "https://data.imf.org/en/datasets/IMF.STA:IMTS";

/// The id of the source row every IMF file makes.
pub const SOURCE_ID: &str = "imf-dots";

/// What a file does not say itself.
#[derive(Debug, Clone, Default)]
pub struct ImfOptions {
    /// When the file was downloaded (`YYYY-MM-DD`): the source's date. None: no date.
    pub accessed: Option<String>,
    /// The dataset's title; default "Trade between A and B (IMF DOTS)".
    pub title: Option<String>,
    /// The dataset's id; default the two codes, e.g. `542-158`.
    pub id: Option<String>,
    /// `A,B`: the pair of countries to chart from a file of several (`--pair`), by
    /// their codes or names as the file writes them. None: the file must hold one pair.
    pub pair: Option<String>,
    /// Names for areas by their code (`--partner CODE=NAME`), in place of the file's.
    pub names: Vec<(String, String)>,
}

/// An indicator, as its code says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Indicator {
    /// `TXG_FOB_USD`: the country's exports to the counterpart, FOB.
    Exports,
    /// `TMG_CIF_USD`: its imports from the counterpart, CIF.
    ImportsCif,
    /// `TMG_FOB_USD`: its imports from the counterpart, valued FOB.
    ImportsFob,
    /// `TBG_USD`: exports minus imports; checked, not drawn.
    Balance,
}

impl Indicator {
    pub(crate) fn of(code: &str) -> Option<Indicator> {
        let c = code.trim();
        let is = |x: &str| c.eq_ignore_ascii_case(x);
        if is("TXG_FOB_USD") {
            Some(Indicator::Exports)
        } else if is("TMG_CIF_USD") {
            Some(Indicator::ImportsCif)
        } else if is("TMG_FOB_USD") {
            Some(Indicator::ImportsFob)
        } else if is("TBG_USD") {
            Some(Indicator::Balance)
        } else {
            None
        }
    }

    /// `cif` or `fob`: how the figures are valued ("" for the balance).
    pub(crate) fn valuation(self) -> &'static str {
        match self {
            Indicator::ImportsCif => "cif",
            Indicator::Balance => "",
            _ => "fob",
        }
    }

    /// The code, as the notes and warnings name it.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Indicator::Exports => "TXG_FOB_USD",
            Indicator::ImportsCif => "TMG_CIF_USD",
            Indicator::ImportsFob => "TMG_FOB_USD",
            Indicator::Balance => "TBG_USD",
        }
    }
}

/// A period column: its column, the period in the dataset's spelling, and it parsed.
pub(crate) struct PeriodColumn {
    pub(crate) col: usize,
    pub(crate) text: String,
    pub(crate) period: Period,
    /// As the header writes it (`2024M2`), for the warnings.
    pub(crate) header: String,
}

/// One figure of a `Value` row, read and checked.
pub(crate) struct Figure {
    /// The row and 0-based column of its cell.
    pub(crate) row: usize,
    pub(crate) col: usize,
    /// Indices into the areas (then, once a pair is chosen, 0 or 1).
    pub(crate) reporter: usize,
    pub(crate) partner: usize,
    pub(crate) indicator: Indicator,
    /// The value as a canonical decimal, in 10^`exp` US dollars.
    pub(crate) value: String,
    pub(crate) exp: i32,
    /// Index into the period columns.
    pub(crate) period: usize,
    /// Its flag from the series' `Status` row, when it has one.
    pub(crate) status: Option<String>,
}

impl Figure {
    /// The value in US dollars.
    pub(crate) fn dollars(&self) -> f64 {
        numbers::to_f64(&self.value, self.exp)
    }
}
