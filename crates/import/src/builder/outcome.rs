//! What the builder's imports answer: `{ dataset, errors, warnings, gaps }` (and for a
//! wide table `understood` and `facts`), each error or warning as the builder shows it (`{ code, message, text, file, row, column, start,
//! end, field }`).

use serde::Serialize;
use trade_chart::error::{Error, Location};

use super::reading::{Choice, Fact};
use crate::cells::{place_spans, Input};
use crate::comtrade::{PairChoice, Product};
use crate::sheet::{dataset_json, Import};
use crate::wide::{Meaning, Understood};

/// One error or warning as the builder shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The error's stable code (`invalid-value`…).
    pub code: &'static str,
    /// The message, without its place.
    pub message: String,
    /// The line `trade-chart check` prints: the place, then the message.
    pub text: String,
    /// The input it is about: a table's name, or the editor's field (`title`, `notes`…).
    pub file: Option<String>,
    /// 1-based, the header row being row 1 (a note's or claim's place among the editor's).
    pub row: Option<usize>,
    /// 1-based.
    pub column: Option<usize>,
    /// Where the cell's text starts in the table's text, for an error in a cell: in
    /// UTF-16 code units, a CRLF counting as one, as a textarea holding the table counts
    /// ([`Error::span`]); `None` for other errors.
    pub start: Option<usize>,
    /// Where it ends (as `start`).
    pub end: Option<usize>,
    /// The table's field, or the dataset path; `None` when empty.
    pub field: Option<String>,
}

impl Issue {
    /// `e`; `file`: the input it is about when its location does not say (a cell does).
    pub fn of(e: &Error, file: Option<&str>) -> Issue {
        let (file, text) = match e.location() {
            Location::Cell { file, .. } => (file.clone(), e.to_string()),
            _ => match file {
                Some(f) => (Some(f.to_string()), format!("{f}: {e}")),
                None => (None, e.to_string()),
            },
        };
        Issue {
            code: e.code(),
            message: e.message().to_string(),
            text,
            file,
            row: e.row(),
            column: e.column(),
            start: e.span().map(|s| s.0),
            end: e.span().map(|s| s.1),
            field: Some(e.path().to_string()).filter(|p| !p.is_empty()),
        }
    }
}

/// What every import answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The checked dataset's JSON text; `None` when there is an error.
    pub dataset: Option<String>,
    /// Empty when there is a dataset.
    pub errors: Vec<Issue>,
    /// Reported, not fatal.
    pub warnings: Vec<Issue>,
    /// Rows dropped as gaps (a blank value, `n/a`…).
    pub gaps: usize,
    /// A Comtrade or IMF download's pairs of countries, when it holds several, largest two-way
    /// trade first: what the page offers to choose from (the `pair` option). Left out of
    /// the JSON when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<crate::comtrade::PairChoice>,
    /// What the reader understood of a wide table's columns (left out for other
    /// tables): for the builder to show.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub understood: Option<Understood>,
    /// The same as facts of the "What I read" panel ([`super::reading::Fact`]: the
    /// reporting country, the unit, each column; an IMF download's reporting countries and
    /// unit), listed after the reading's; none for other tables.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
}

/// What a wide table's column can be said to hold, as the builder offers it: the
/// `flows` option's setting (`#2=KR>IT`, by position so a repeated header is no
/// trouble) and its label. The reporting country's exports and imports, two-way,
/// a balance (checked, not drawn), not used.
fn column_choices(u: &Understood, position: usize) -> Vec<Choice> {
    let (r, p) = (&u.reporter, &u.partner);
    [
        (format!("{r}>{p}"), "Exports"),
        (format!("{p}>{r}"), "Imports"),
        ("two-way".to_string(), "Two-way"),
        ("balance".to_string(), "Balance"),
        ("skip".to_string(), "Not used"),
    ]
    .into_iter()
    .map(|(setting, label)| Choice::new(format!("#{position}={setting}"), label))
    .collect()
}

/// A wide table's reading as facts of the "What I read" panel: the reporting country,
/// the unit, then each column (subject `#2 수출금액`, value `KR>IT (header says 수출)`: the
/// panel shows the subject after the label, so the value does not name the column again),
/// each column but the period's with its choices (the `flows` option's settings) and the
/// one read chosen.
fn wide_facts(u: &Understood) -> Vec<Fact> {
    let mut facts = vec![
        Fact::plain("reporter", "Reporting country", u.reporter.clone()),
        Fact::plain("unit", "Unit", u.unit.clone()),
    ];
    for c in &u.columns {
        let what = match c.meaning {
            Meaning::Period => "period",
            Meaning::Flow => c.direction.as_deref().unwrap_or("flow"),
            Meaning::TwoWay => "two-way",
            Meaning::Balance => "balance",
            Meaning::Total => "total",
            Meaning::Unused => "not used",
        };
        let note = match c.meaning {
            Meaning::Balance | Meaning::Total => Some("checked against the flows, not drawn"),
            _ if c.why == "--flow" => Some("as you chose"),
            _ => None,
        };
        // The builder's own words for the command line's flag.
        let why = if c.why == "--flow" {
            "your choice"
        } else {
            &c.why
        };
        let value = format!("{what} ({why})");
        let (choices, chosen) = if c.meaning == Meaning::Period {
            (Vec::new(), None)
        } else {
            let setting = match c.meaning {
                Meaning::Flow => c.direction.clone().unwrap_or_default(),
                Meaning::TwoWay | Meaning::Total => "two-way".into(),
                Meaning::Balance => "balance".into(),
                _ => "skip".into(),
            };
            (
                column_choices(u, c.position),
                Some(format!("#{}={setting}", c.position)),
            )
        };
        facts.push(Fact {
            note,
            subject: Some(format!("#{} {}", c.position, c.header)),
            choices,
            chosen,
            ..Fact::plain("column", "Column", value)
        });
    }
    facts
}

/// A download's pairs as a fact of the "What I read" panel: the pair charted (`chosen`,
/// the `pair` option as given), with every pair the file holds to choose from, largest
/// two-way trade first, each with that trade (in US dollars, every period and product:
/// what they are ranked by); the first choice, `""`, is none.
pub fn pair_fact(pairs: &[PairChoice], chosen: Option<&str>) -> Fact {
    let chosen = chosen.and_then(|c| pairs.iter().find(|p| p.pair == c));
    let names = |p: &PairChoice| format!("{} and {}", p.first.name, p.second.name);
    let mut choices = vec![Choice::new("", "Choose the pair to chart")];
    choices.extend(pairs.iter().map(|p| {
        Choice::new(
            p.pair.clone(),
            format!("{}: {}", names(p), dollars(p.trade)),
        )
    }));
    Fact {
        note: chosen
            .is_none()
            .then_some("the file holds several: choose one"),
        choices,
        chosen: Some(chosen.map_or(String::new(), |p| p.pair.clone())),
        ..Fact::plain(
            "pair",
            "Pair of countries",
            chosen.map_or_else(|| format!("{} pairs", pairs.len()), names),
        )
    }
}

/// The products of the pair charted as a fact of the "What I read" panel: the one
/// charted (`chosen`, the `commodity` option as given), with each to choose from (its
/// code as the file writes it, and the file's words for it); the first choice, `""`, is every product
/// (the view by product).
pub fn product_fact(products: &[Product], chosen: Option<&str>) -> Fact {
    let chosen = chosen.and_then(|c| {
        products
            .iter()
            .find(|p| p.code.eq_ignore_ascii_case(c.trim()))
    });
    // The file's words name the code already (`85 Electrical machinery…`).
    let label = |p: &Product| match &p.name {
        Some(name) => name.clone(),
        None => format!("The total ({})", p.code),
    };
    let mut choices = vec![Choice::new("", "Every product")];
    choices.extend(
        products
            .iter()
            .map(|p| Choice::new(p.code.clone(), label(p))),
    );
    Fact {
        choices,
        chosen: Some(chosen.map_or(String::new(), |p| p.code.clone())),
        ..Fact::plain(
            "commodity",
            "Product",
            chosen.map_or_else(|| format!("{} products", products.len()), label),
        )
    }
}

/// A sum in US dollars as the pair list gives it: `US$230 billion`, `US$12.5 million`
/// (three significant decimals at most), whole dollars under a million.
fn dollars(v: f64) -> String {
    let (scaled, word) = if v.abs() >= 1e9 {
        (v / 1e9, " billion")
    } else if v.abs() >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    let rounded = if word.is_empty() {
        scaled.round()
    } else {
        (scaled * 1000.0).round() / 1000.0
    };
    format!("US${}{word}", trade_chart::number::plain(rounded))
}

impl Outcome {
    /// A dataset (its JSON text) with nothing to say about it.
    pub fn clean(dataset: String) -> Outcome {
        Outcome {
            dataset: Some(dataset),
            errors: Vec::new(),
            warnings: Vec::new(),
            gaps: 0,
            pairs: Vec::new(),
            understood: None,
            facts: Vec::new(),
        }
    }

    /// No dataset, for `errors` (`file`: as in [`Issue::of`]).
    pub fn failed(errors: &[Error], file: Option<&str>) -> Outcome {
        Outcome {
            dataset: None,
            errors: errors.iter().map(|e| Issue::of(e, file)).collect(),
            warnings: Vec::new(),
            gaps: 0,
            pairs: Vec::new(),
            understood: None,
            facts: Vec::new(),
        }
    }

    /// No dataset, for one issue.
    pub fn refused(issue: Issue) -> Outcome {
        Outcome {
            dataset: None,
            errors: vec![issue],
            warnings: Vec::new(),
            gaps: 0,
            pairs: Vec::new(),
            understood: None,
            facts: Vec::new(),
        }
    }

    /// An import's outcome after [`Import::check`] (errors about the dataset as a whole
    /// are given `file`, the input's name, as the command line prints them); each error
    /// or warning in a cell of one of `inputs` has its cell's span there.
    pub fn checked(result: Result<Import, Vec<Error>>, file: &str, inputs: &[Input]) -> Outcome {
        let placed = |errors: Vec<Error>| {
            inputs
                .iter()
                .fold(errors, |errors, &input| place_spans(errors, input))
        };
        let mut imported = match result {
            Ok(i) => i,
            // Errors of a reader are at their cells, or about no file in particular.
            Err(errors) => return Outcome::failed(&placed(errors), None),
        };
        let warnings = placed(std::mem::take(&mut imported.warnings))
            .iter()
            .map(|w| Issue::of(w, None))
            .collect();
        let (dataset, errors) = match imported
            .check()
            .and_then(|_| dataset_json(&imported.dataset))
        {
            Ok(json) => (Some(json), Vec::new()),
            Err(e) => (None, placed(vec![e])),
        };
        Outcome {
            dataset,
            errors: errors.iter().map(|e| Issue::of(e, Some(file))).collect(),
            warnings,
            gaps: imported.gaps,
            pairs: Vec::new(),
            facts: imported
                .understood
                .as_ref()
                .map(wide_facts)
                .unwrap_or_default(),
            understood: imported.understood.take(),
        }
    }
}
