//! The builder's imports in the browser (the second wasm only:
//! `pkg/trade_chart_import_bg.wasm`, which `pkg/import.js` loads on first use; the
//! reader's wasm is built without them). Each call runs the very readers the command line
//! runs ([`trade_chart_import`]) and the same check ([`trade_chart_import::Import::check`],
//! [`trade_chart::Dataset::from_json`]),
//! and answers with one plain object (serde_json, as the rest of the facade):
//! `{ dataset, errors, warnings, gaps }`, where `dataset` is the checked dataset's JSON text
//! (what `trade-chart convert` writes; `create(el, { data })` takes it as it is) or `null`
//! when there is an error, and each error or warning is
//! `{ code, message, text, file, row, column, field }` (`row`, `column` 1-based, the
//! header row being row 1, as an editor shows lines; `text` the line `trade-chart check`
//! prints). Bad options are not data errors: they throw, as `create()`'s do.

#![cfg(target_arch = "wasm32")]

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use trade_chart::data::json::from_json_text;
use trade_chart::data::Dataset;
use trade_chart::data::RawText;
use trade_chart::error::{Error, ErrorKind, Location};
use trade_chart::RawDataset;
use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::{self as import, Import, Input, SheetOptions};
use trade_chart_js::{js, to_js};

/// The options names, in the order the error for an unknown one lists them.
const OPTION_NAMES: [&str; 10] = [
    "decimal",
    "unit",
    "partners",
    "title",
    "id",
    "accessed",
    "observationsFile",
    "sourcesFile",
    "textFile",
    "file",
];

/// The options of every import; each function takes only its own ([`only`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ImportOptions {
    /// `.` or `,`: the value column's decimal mark (tables).
    decimal: Option<String>,
    /// The unit when the table has no unit column (tables).
    unit: Option<String>,
    /// The partners, in order (tables).
    partners: Option<Vec<Partner>>,
    /// The dataset's title (tables, Comtrade).
    title: Option<String>,
    /// The dataset's id (tables, Comtrade).
    id: Option<String>,
    /// `YYYY-MM-DD`: when the Comtrade download was made.
    accessed: Option<String>,
    /// The names errors give the tables (default `observations`, `sources`).
    observations_file: Option<String>,
    sources_file: Option<String>,
    /// The name errors give the text table (default `text`).
    text_file: Option<String>,
    /// The name errors give a Comtrade download or a dataset's JSON.
    file: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Partner {
    code: String,
    name: String,
}

impl ImportOptions {
    /// Reads the options (JSON text, or undefined/null for none); `allowed`: the ones the
    /// calling function takes: any other is an error naming it.
    fn read(text: Option<String>, allowed: &[&str]) -> Result<ImportOptions, Error> {
        let Some(text) = text else {
            return Ok(ImportOptions::default());
        };
        let o: ImportOptions = from_json_text(&text).map_err(|e| {
            if e.message().starts_with("unknown field") {
                let names: Vec<&str> = OPTION_NAMES
                    .iter()
                    .copied()
                    .filter(|n| allowed.contains(n))
                    .collect();
                Error::at(
                    ErrorKind::UnknownField,
                    e.path(),
                    format!("unknown option; expected one of {}", names.join(", ")),
                )
                .within("options")
            } else {
                e.within("options")
            }
        })?;
        let given = [
            ("decimal", o.decimal.is_some()),
            ("unit", o.unit.is_some()),
            ("partners", o.partners.is_some()),
            ("title", o.title.is_some()),
            ("id", o.id.is_some()),
            ("accessed", o.accessed.is_some()),
            ("observationsFile", o.observations_file.is_some()),
            ("sourcesFile", o.sources_file.is_some()),
            ("textFile", o.text_file.is_some()),
            ("file", o.file.is_some()),
        ];
        if let Some((name, _)) = given.iter().find(|(n, set)| *set && !allowed.contains(n)) {
            return Err(Error::at(
                ErrorKind::UnknownField,
                format!("options.{name}"),
                format!(
                    "not an option of this import; expected one of {}",
                    allowed.join(", ")
                ),
            ));
        }
        if let Some(v) = &o.accessed {
            if !(v.len() == 10 && trade_chart::data::is_date(v)) {
                return Err(Error::expected(
                    "options.accessed",
                    "a date YYYY-MM-DD",
                    format!("{v:?}"),
                ));
            }
        }
        Ok(o)
    }

    /// The table options, checked as the command line checks its flags.
    fn sheet(&self) -> Result<SheetOptions, Error> {
        let decimal = match self.decimal.as_deref() {
            None => None,
            Some(".") => Some('.'),
            Some(",") => Some(','),
            Some(v) => {
                return Err(Error::expected(
                    "options.decimal",
                    "\".\" or \",\"",
                    format!("{v:?}"),
                ))
            }
        };
        let mut partners = Vec::new();
        for (i, p) in self.partners.iter().flatten().enumerate() {
            for (field, v) in [("code", &p.code), ("name", &p.name)] {
                if v.trim().is_empty() {
                    return Err(Error::expected(
                        format!("options.partners[{i}].{field}"),
                        "a non-empty string",
                        "\"\"",
                    ));
                }
            }
            partners.push((p.code.trim().to_uppercase(), p.name.trim().to_string()));
        }
        Ok(SheetOptions {
            decimal,
            unit: self.unit.clone(),
            partners,
            title: self.title.clone(),
            id: self.id.clone(),
        })
    }
}

/// One error or warning as the builder shows it.
#[derive(Serialize)]
struct Issue {
    code: &'static str,
    message: String,
    text: String,
    file: Option<String>,
    row: Option<usize>,
    column: Option<usize>,
    field: Option<String>,
}

impl Issue {
    /// `e`; `file`: the input it is about when its location does not say (a cell does).
    fn of(e: &Error, file: Option<&str>) -> Issue {
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
            field: Some(e.path().to_string()).filter(|p| !p.is_empty()),
        }
    }
}

/// What every import answers.
#[derive(Serialize)]
struct Outcome {
    /// The checked dataset's JSON text; `None` when there is an error.
    dataset: Option<String>,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
    /// Rows dropped as gaps (a blank value, `n/a`…).
    gaps: usize,
}

impl Outcome {
    fn failed(errors: &[Error], file: Option<&str>) -> Outcome {
        Outcome {
            dataset: None,
            errors: errors.iter().map(|e| Issue::of(e, file)).collect(),
            warnings: Vec::new(),
            gaps: 0,
        }
    }

    /// An import's outcome after [`Import::check`] (errors about the dataset as a whole
    /// are given `file`, the input's name, as the command line prints them).
    fn checked(result: Result<Import, Vec<Error>>, file: &str) -> Outcome {
        let imported = match result {
            Ok(i) => i,
            // Errors of a reader are at their cells, or about no file in particular.
            Err(errors) => return Outcome::failed(&errors, None),
        };
        let warnings = imported
            .warnings
            .iter()
            .map(|w| Issue::of(w, None))
            .collect();
        let (dataset, errors) = match imported
            .check()
            .and_then(|_| import::dataset_json(&imported.dataset))
        {
            Ok(json) => (Some(json), Vec::new()),
            Err(e) => (None, vec![Issue::of(&e, Some(file))]),
        };
        Outcome {
            dataset,
            errors,
            warnings,
            gaps: imported.gaps,
        }
    }
}

fn text_or_none(v: &JsValue) -> Result<Option<String>, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| {
        js(Error::expected_as(
            ErrorKind::InvalidType,
            "options",
            "JSON text",
            "another type",
        ))
    })
}

/// An observations table and its sources table (TSV or CSV, as pasted from a
/// spreadsheet), and optionally the chart's text table (`key | en | ko | zh`, docs/DATA.md)
/// → `{ dataset, errors, warnings, gaps }`, as `trade-chart convert --text`.
/// Options (JSON text or undefined): `decimal`, `unit`, `partners` (`[{ code, name }]`),
/// `title`, `id`, `observationsFile`, `sourcesFile`, `textFile` (the names errors give the
/// tables; default `observations`, `sources` and `text`). Throws only for bad options.
#[wasm_bindgen]
pub fn import_tables(
    observations: &str,
    sources: &str,
    text: Option<String>,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let o = ImportOptions::read(
        text_or_none(&options)?,
        &[
            "decimal",
            "unit",
            "partners",
            "title",
            "id",
            "observationsFile",
            "sourcesFile",
            "textFile",
        ],
    )
    .map_err(js)?;
    let sheet = o.sheet().map_err(js)?;
    let obs_name = o.observations_file.as_deref().unwrap_or("observations");
    let src_name = o.sources_file.as_deref().unwrap_or("sources");
    let text_name = o.text_file.as_deref().unwrap_or("text");
    let result = import::import(
        Input {
            name: obs_name,
            text: observations,
        },
        Input {
            name: src_name,
            text: sources,
        },
        &sheet,
    );
    let result = match text.as_deref() {
        Some(text) => result.and_then(|i| {
            i.with_text(Input {
                name: text_name,
                text,
            })
        }),
        None => result,
    };
    Ok(to_js(&Outcome::checked(result, obs_name)))
}

/// A UN Comtrade download (CSV; its bytes: UTF-8, or Windows-1252 with a warning) →
/// `{ dataset, errors, warnings, gaps }`. Options: `accessed` (YYYY-MM-DD), `title`, `id`,
/// `file` (the name errors give it; default `comtrade`). Throws only for bad options.
#[wasm_bindgen]
pub fn import_comtrade(bytes: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    let o = ImportOptions::read(
        text_or_none(&options)?,
        &["title", "id", "accessed", "file"],
    )
    .map_err(js)?;
    let name = o.file.as_deref().unwrap_or("comtrade");
    let options = ComtradeOptions {
        accessed: o.accessed.clone(),
        title: o.title.clone(),
        id: o.id.clone(),
    };
    let result = comtrade::import(name, bytes, &options);
    Ok(to_js(&Outcome::checked(result, name)))
}

/// A file's size checked against the limit of what it is before a byte of it is read
/// (the builder asks this for an opened file, so a 200 MB file is refused at once and
/// never copied into memory): `what` is `table` (an observations or sources table, a
/// Comtrade download: [`trade_chart::limits::TABLE_BYTES`]) or `json` (a dataset:
/// [`trade_chart::limits::JSON_BYTES`]); `size` is in bytes. → `null` when it is within the
/// limit, else `{ dataset: null, errors: [the too-large error at row 1, column 1 of
/// `file`], warnings, gaps }`, as the import itself would answer. Options: `file` (the
/// name errors give it). Throws for a bad `what`, `size` or options.
#[wasm_bindgen]
pub fn check_file_size(what: &str, size: f64, options: JsValue) -> Result<JsValue, JsValue> {
    let o = ImportOptions::read(text_or_none(&options)?, &["file"]).map_err(js)?;
    let name = o.file.as_deref().unwrap_or(what);
    let limit = match what {
        "table" => trade_chart::limits::TABLE_BYTES,
        "json" => trade_chart::limits::JSON_BYTES,
        _ => {
            return Err(js(Error::expected(
                "what",
                "`table` or `json`",
                format!("`{what}`"),
            )))
        }
    };
    if !(size.is_finite() && size >= 0.0) {
        return Err(js(Error::expected(
            "size",
            "a number of bytes",
            trade_chart::number::plain(size),
        )));
    }
    // Sizes past usize (a 32-bit wasm: 4 GB) are over every limit anyway.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let found = if size >= usize::MAX as f64 {
        usize::MAX
    } else {
        size as usize
    };
    Ok(match limit.check("", found) {
        Ok(()) => JsValue::NULL,
        Err(e) => to_js(&Outcome::failed(&[e.in_cell(Some(name), 1, 1)], None)),
    })
}

/// A dataset's JSON text checked as the chart checks it → `{ dataset, errors, warnings,
/// gaps }` (`dataset`: the text rewritten as `trade-chart convert` writes it; a syntax
/// error has its line and column as `row` and `column`). Options: `file` (default
/// `dataset`). Throws only for bad options.
#[wasm_bindgen]
pub fn check_dataset(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let o = ImportOptions::read(text_or_none(&options)?, &["file"]).map_err(js)?;
    let name = o.file.as_deref().unwrap_or("dataset");
    let text = text.trim_start_matches('\u{feff}');
    // Checked first: its errors are the ones the chart gives (a non-object named so).
    // The text rewritten (pretty-printed) can be longer than the text read: refused, too,
    // over the chart's limit.
    let outcome = match Dataset::from_json(text)
        .and_then(|_| from_json_text::<RawDataset>(text))
        .and_then(|raw| import::dataset_json(&raw))
    {
        Ok(json) => Outcome {
            dataset: Some(json),
            errors: Vec::new(),
            warnings: Vec::new(),
            gaps: 0,
        },
        Err(e) => Outcome::failed(&[e], Some(name)),
    };
    Ok(to_js(&outcome))
}

/// The editor's chart text (the builder's "Chart text" and "Views" fields).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChartText {
    /// The headline: the dataset's title and every view's title (with a views table:
    /// every view whose title cell is blank). A string, or `{ en, ko, zh }`.
    title: Option<RawText>,
    /// The line under the headline: every view's subtitle. A string or `{ en, ko, zh }`.
    subtitle: Option<RawText>,
    /// Notes shown under every view, after the dataset's own (each a string or
    /// `{ en, ko, zh }`).
    notes: Option<Vec<RawText>>,
    /// The story's claims, checked against the data (their status computed here).
    claims: Option<Vec<ClaimInput>>,
    /// A views table (docs/DATA.md, "The views table"; errors name it `views`): its rows
    /// replace the dataset's views; a blank title cell is the chart's title.
    views: Option<String>,
    /// A text table (`key | en | ko | zh`; errors name it `text`), applied after the rest
    /// of the text (the views' labels and titles in Korean and Chinese).
    text: Option<String>,
}

/// The editor's text `t` (a string, or by language) as the dataset takes it: blanks left
/// out; `None` when nothing is given; an error (at `path`) for Korean or Chinese without
/// the English, which readers of other languages see.
fn editor_text(t: &RawText, path: &str) -> Result<Option<RawText>, Error> {
    let mut by_lang = std::collections::BTreeMap::new();
    match t {
        RawText::Plain(s) => {
            by_lang.insert("en".to_string(), s.trim().to_string());
        }
        RawText::Localized(m) => {
            for (k, v) in m {
                if !matches!(k.as_str(), "en" | "ko" | "zh") {
                    return Err(Error::expected_as(
                        ErrorKind::UnknownField,
                        format!("{path}.{k}"),
                        "en, ko or zh",
                        format!("{k:?}"),
                    ));
                }
                by_lang.insert(k.clone(), v.trim().to_string());
            }
        }
    }
    by_lang.retain(|_, v| !v.is_empty());
    if by_lang.is_empty() {
        return Ok(None);
    }
    let Some(en) = by_lang.get("en").cloned() else {
        return Err(Error::expected_as(
            ErrorKind::MissingField,
            format!("{path}.en"),
            "the English text too (what readers of other languages see)",
            "only Korean or Chinese",
        ));
    };
    Ok(Some(if by_lang.len() == 1 {
        RawText::Plain(en)
    } else {
        RawText::Localized(by_lang)
    }))
}

/// A claim as the editor gives it: the verdict is computed, never given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimInput {
    /// The claim in the story's words.
    text: String,
    /// `money` (the figure is the observation's value) or `percent` (the change from
    /// `from` to `observation`).
    kind: String,
    /// The figure as the story prints it: `25,097.8`, `-19.5`, `−19.5%`.
    figure: String,
    /// The observation it checks.
    observation: Option<ObsKey>,
    /// For a percentage change: the observation it changes from.
    from: Option<ObsKey>,
    /// Where the claim appears: a source id (default: the first source).
    source: Option<String>,
}

/// An observation by its series id and period, as the editor picks it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ObsKey {
    series: String,
    period: String,
}

/// The figure as printed → a number (`1,234.5`, `1.234,5`, `-19.5 %`, `−19.5`, `+3`).
fn figure_value(text: &str) -> Option<f64> {
    let t = text
        .trim()
        .trim_end_matches('%')
        .trim()
        .replace('\u{2212}', "-");
    let t = t.strip_prefix('+').unwrap_or(&t).trim();
    let c = import::numbers::canonical(t, '.').or_else(|| import::numbers::canonical(t, ','))?;
    let v = import::numbers::to_f64(&c, 0);
    v.is_finite().then_some(v)
}

/// Adds the editor's claims to `raw` with their status computed against the data
/// (`agrees`, or `unsupported` with a note giving what the data say), as the dataset's
/// claim check does it. An observation a claim names gets an id if it has none.
fn add_claims(raw: &mut RawDataset, claims: &[ClaimInput]) -> Result<(), Error> {
    use trade_chart::data::{RawCheck, RawClaim, RawFigure};
    if claims.is_empty() {
        return Ok(());
    }
    let checked = trade_chart::validate(raw)?;
    let scale_words = [(1e3, " thousand"), (1e6, " million"), (1e9, " billion")]
        .iter()
        .find(|(s, _)| *s == raw.unit.scale)
        .map_or("", |x| x.1);
    for (i, c) in claims.iter().enumerate() {
        let at = |f: &str| format!("claims[{i}].{f}");
        let kind = match c.kind.as_str() {
            k @ ("money" | "percent") => k,
            k => {
                return Err(Error::expected(
                    at("kind"),
                    "\"money\" or \"percent\"",
                    format!("{k:?}"),
                ))
            }
        };
        let value = figure_value(&c.figure).ok_or_else(|| {
            Error::expected(
                at("figure"),
                "a number as printed (25,097.8, -19.5 or 80.7%)",
                format!("{:?}", c.figure),
            )
        })?;
        // An observation by series and period → (series, observation) and its id.
        let mut find =
            |key: Option<&ObsKey>, field: &str| -> Result<(usize, usize, String), Error> {
                let key = key.ok_or_else(|| {
                    Error::expected_as(ErrorKind::MissingField, at(field), "an observation", "none")
                })?;
                let found = raw.series.iter().enumerate().find_map(|(si, s)| {
                    (s.id == key.series)
                        .then(|| {
                            s.observations
                                .iter()
                                .position(|o| o.period == key.period)
                                .map(|oi| (si, oi))
                        })
                        .flatten()
                });
                let Some((si, oi)) = found else {
                    return Err(Error::at(
                        ErrorKind::UnknownId,
                        at(field),
                        format!("no figure of series {:?} for {}", key.series, key.period),
                    ));
                };
                let o = raw.series.get(si).and_then(|s| s.observations.get(oi));
                if let Some(id) = o.and_then(|o| o.id.clone()) {
                    return Ok((si, oi, id));
                }
                let base: String = format!("{}-{}", key.series, key.period)
                    .chars()
                    .map(|ch| {
                        if ch.is_ascii_alphanumeric() || ch == '-' {
                            ch.to_ascii_lowercase()
                        } else {
                            '-'
                        }
                    })
                    .collect();
                let taken = |id: &str| {
                    raw.series
                        .iter()
                        .flat_map(|s| &s.observations)
                        .any(|o| o.id.as_deref() == Some(id))
                };
                let mut id = base.clone();
                let mut n = 2;
                while taken(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                // (si, oi) was found just above
                if let Some(o) = raw
                    .series
                    .get_mut(si)
                    .and_then(|s| s.observations.get_mut(oi))
                {
                    o.id = Some(id.clone());
                }
                Ok((si, oi, id))
            };
        // `checked` has the series and observations of `raw`, in the same order.
        let checked_value = |si: usize, oi: usize| {
            let r = trade_chart::data::ObsRef {
                series: si,
                obs: oi,
            };
            checked.obs(r).map_or(f64::NAN, |o| o.value)
        };
        let (si, oi, to) = find(c.observation.as_ref(), "observation")?;
        let to_value = checked_value(si, oi);
        let (check, computed) = if kind == "percent" {
            let (fs, fo, from) = find(c.from.as_ref(), "from")?;
            let from_value = checked_value(fs, fo);
            if from_value <= 0.0 {
                return Err(Error::new(
                    at("from"),
                    "a change from zero has no percentage",
                ));
            }
            (
                RawCheck {
                    equals: None,
                    change: Some(vec![from, to]),
                },
                trade_chart::data::change(from_value, to_value),
            )
        } else {
            (
                RawCheck {
                    equals: Some(to),
                    change: None,
                },
                to_value,
            )
        };
        let passes = trade_chart::data::agrees(value, computed);
        let data_say = if kind == "percent" {
            format!("The data give a change of {computed:.1}%.")
        } else {
            format!(
                "The data give {} (US${scale_words}).",
                (computed * 1e6).round() / 1e6
            )
        };
        let source = match &c.source {
            Some(s) if !s.trim().is_empty() => s.trim().to_string(),
            _ => raw
                .sources
                .first()
                .map(|s| s.id.clone())
                .unwrap_or_default(),
        };
        raw.claims.push(RawClaim {
            id: format!("claim-{}", i + 1),
            text: trade_chart::data::RawText::Plain(c.text.trim().to_string()),
            figure: RawFigure {
                kind: kind.to_string(),
                value,
            },
            status: if passes { "agrees" } else { "unsupported" }.to_string(),
            check: Some(check),
            source,
            period: None,
            note: (!passes).then_some(trade_chart::data::RawText::Plain(data_say)),
        });
    }
    Ok(())
}

/// A checked dataset's JSON text with the editor's chart text, views and claims applied
/// and checked again → `{ dataset, errors, warnings, gaps }`. Options: `title` (the
/// dataset's title and every view's headline), `subtitle` (every view's subtitle), `notes`
/// (`[…]`, added after the dataset's own): each a string or `{ en, ko, zh }` (Korean and
/// Chinese need the English); a blank one (or absent) leaves the dataset's text as it was.
/// `views`: a views table (docs/DATA.md) whose rows replace the dataset's views, a blank
/// title cell being the chart's title (`title`, else the dataset's). `text`: a text table
/// (`key | en | ko | zh`) applied after the rest (the views' labels and titles in Korean
/// and Chinese). `claims`: `[{ text, kind: "money" | "percent", figure (as printed),
/// observation: { series, period }, from (a percent's), source? }]`, added after the
/// dataset's own with their status computed (`agrees`, else `unsupported` with a note
/// saying what the data give). An error has `file` `"title"`, `"subtitle"`, `"notes"` or
/// `"claims"` (then `row` is the note's or claim's 1-based place among the editor's), or
/// `"views"` / `"text"` with the table's row, column and field, and the dataset path as
/// `field` otherwise. Throws for bad options, or a `dataset` that is not a dataset.
#[wasm_bindgen]
pub fn set_chart_text(dataset: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let text = text_or_none(&options)?.unwrap_or_else(|| "{}".into());
    let fail = |issue: Issue| {
        to_js(&Outcome {
            dataset: None,
            errors: vec![issue],
            warnings: Vec::new(),
            gaps: 0,
        })
    };
    // A text the checks refuse (one over the length limit) is the editor's to fix, at its
    // field; anything else is a bad option.
    let editor_issue = |e: &Error| -> Option<Issue> {
        let path = e.path().to_string();
        let note = path
            .strip_prefix("notes[")
            .and_then(|r| r.split(']').next())
            .and_then(|k| k.parse::<usize>().ok());
        let claim = path
            .strip_prefix("claims[")
            .and_then(|r| r.split(']').next())
            .and_then(|k| k.parse::<usize>().ok());
        let head = path.split(['.', '[']).next().unwrap_or("");
        let file = match head {
            "title" | "subtitle" => head.to_string(),
            "notes" if note.is_some() => "notes".to_string(),
            "claims" if claim.is_some() => "claims".to_string(),
            _ => return None,
        };
        let mut issue = Issue::of(e, Some(&file));
        issue.row = note.or(claim).map(|k| k + 1);
        issue.column = None;
        Some(issue)
    };
    let o: ChartText = match from_json_text(&text) {
        Ok(o) => o,
        Err(e) => {
            return match editor_issue(&e) {
                Some(issue) => Ok(fail(issue)),
                None => Err(js(e.within("options"))),
            }
        }
    };
    let raw: RawDataset = from_json_text(dataset.trim_start_matches('\u{feff}'))
        .map_err(|e| js(e.within("dataset")))?;
    // The editor's texts, blanks left out (Korean or Chinese without English: an error).
    let given = |t: &Option<RawText>, path: &str| match t {
        Some(t) => editor_text(t, path),
        None => Ok(None),
    };
    let mut notes = Vec::new();
    let texts = given(&o.title, "title").and_then(|title| {
        let subtitle = given(&o.subtitle, "subtitle")?;
        for (i, n) in o.notes.iter().flatten().enumerate() {
            if let Some(n) = editor_text(n, &format!("notes[{i}]"))? {
                notes.push((i + 1, n));
            }
        }
        Ok((title, subtitle))
    });
    let (title, subtitle) = match texts {
        Ok(t) => t,
        Err(e) => {
            return Ok(fail(
                editor_issue(&e).unwrap_or_else(|| Issue::of(&e, None)),
            ))
        }
    };
    // The views table: its rows replace the views; a blank title is the chart's.
    let mut imported = Import::from_dataset(raw);
    let chart_title = title
        .clone()
        .unwrap_or_else(|| imported.dataset.title.clone());
    let has_views = o.views.is_some();
    if let Some(views) = &o.views {
        let input = Input {
            name: "views",
            text: views,
        };
        imported = match imported.with_views_titled(input, Some(&chart_title)) {
            Ok(i) => i,
            Err(errors) => return Ok(to_js(&Outcome::failed(&errors, None))),
        };
    }
    // The views whose headline is the chart's (every one without a views table).
    let titled: Vec<bool> = imported
        .dataset
        .views
        .iter()
        .map(|v| !has_views || v.title == chart_title)
        .collect();
    {
        let raw = &mut imported.dataset;
        if let Some(t) = &title {
            raw.title = t.clone();
            for (v, &own) in raw.views.iter_mut().zip(&titled) {
                if own {
                    v.title = t.clone();
                }
            }
        }
        if let Some(s) = &subtitle {
            for v in &mut raw.views {
                v.subtitle = Some(s.clone());
            }
        }
    }
    let own = imported.dataset.notes.len();
    // Each note as the editor wrote it, blank ones left out; `places[k]`: its line.
    let places: Vec<usize> = notes.iter().map(|(line, _)| *line).collect();
    imported
        .dataset
        .notes
        .extend(notes.into_iter().map(|(_, n)| n));
    if let Some(text) = &o.text {
        let input = Input { name: "text", text };
        imported = match imported.with_text(input) {
            Ok(i) => i,
            Err(errors) => return Ok(to_js(&Outcome::failed(&errors, None))),
        };
    }
    let claimed = add_claims(
        &mut imported.dataset,
        o.claims.as_deref().unwrap_or_default(),
    );
    let outcome = match claimed
        .and_then(|_| trade_chart::validate(&imported.dataset))
        .and_then(|_| import::dataset_json(&imported.dataset))
    {
        Ok(json) => Outcome {
            dataset: Some(json),
            errors: Vec::new(),
            warnings: Vec::new(),
            gaps: 0,
        },
        Err(e) => {
            let path = e.path().to_string();
            let view = path
                .strip_prefix("views[")
                .and_then(|r| r.split(']').next())
                .and_then(|k| k.parse::<usize>().ok());
            let chart_text = |v: usize, f: &str| match f {
                "title" => titled.get(v).copied().unwrap_or(true),
                _ => f == "subtitle",
            };
            let located = imported.locate(e.clone());
            let mut issue = Issue::of(&located, None);
            let claim = path
                .strip_prefix("claims[")
                .and_then(|r| r.split(']').next())
                .and_then(|k| k.parse::<usize>().ok());
            let view_field = view.map(|v| {
                let f = path
                    .split_once("].")
                    .map_or("", |(_, r)| r.split(['.', '[']).next().unwrap_or(""));
                (v, f.to_string())
            });
            if matches!(located.location(), Location::Cell { .. })
                && !view_field.as_ref().is_some_and(|(v, f)| chart_text(*v, f))
            {
                // at a cell of the views or text table
            } else if let Some(k) = claim {
                issue.file = Some("claims".into());
                issue.row = Some(k + 1);
            } else if path == "title"
                || path.starts_with("title.")
                || view_field.as_ref().is_some_and(|(_, f)| f == "title")
            {
                issue.file = Some("title".into());
            } else if view_field.as_ref().is_some_and(|(_, f)| f == "subtitle") {
                issue.file = Some("subtitle".into());
            } else if let Some(k) = path
                .strip_prefix("notes[")
                .and_then(|r| r.split(']').next())
                .and_then(|k| k.parse::<usize>().ok())
            {
                if let Some(line) = k.checked_sub(own).and_then(|j| places.get(j)) {
                    issue.file = Some("notes".into());
                    issue.row = Some(*line);
                }
            }
            if !matches!(issue.file.as_deref(), None | Some("views" | "text")) {
                issue.text = format!("{}: {}", issue.file.as_deref().unwrap_or(""), e);
                issue.column = None;
            }
            Outcome {
                dataset: None,
                errors: vec![issue],
                warnings: Vec::new(),
                gaps: 0,
            }
        }
    };
    Ok(to_js(&outcome))
}

/// Options of [`social_card`].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CardOptions {
    /// The view drawn (default the first).
    view: Option<String>,
    /// `en`, `ko` or `zh` (default `en`).
    lang: Option<String>,
    /// `light` (default) or `dark`.
    theme: Option<String>,
}

/// A dataset's JSON text → its social card (og:image) as an SVG document: the command
/// line's `render --social` ([`trade_chart::Chart::social_svg`]), [`trade_chart::SOCIAL_CARD`] CSS px,
/// to be drawn at [`trade_chart::SOCIAL_SCALE`]× (1200×630 px) by the page. Options: `view`,
/// `lang`, `theme` (`light`, `dark`). Throws for a dataset that does not check or a bad
/// option (its error, as `create()`'s).
#[wasm_bindgen]
pub fn social_card(dataset: &str, options: JsValue) -> Result<String, JsValue> {
    let text = text_or_none(&options)?.unwrap_or_else(|| "{}".into());
    let o: CardOptions = from_json_text(&text).map_err(|e| js(e.within("options")))?;
    let dark = match o.theme.as_deref() {
        None | Some("light") => false,
        Some("dark") => true,
        Some(v) => {
            return Err(js(Error::expected(
                "options.theme",
                "\"light\" or \"dark\"",
                format!("{v:?}"),
            )))
        }
    };
    let ds = Dataset::from_json(dataset.trim_start_matches('\u{feff}'))
        .map_err(|e| js(e.within("dataset")))?;
    let mut chart = trade_chart::Chart::new(
        ds,
        &trade_chart::Options::new(o.view.as_deref(), o.lang.as_deref()),
    )
    .map_err(js)?;
    if dark {
        chart.set_theme(trade_chart::scene::theme::Theme::dark());
    }
    chart.social_svg().map_err(js)
}

/// A data package's three files, as the command line's `convert --to datapackage`
/// writes them.
#[derive(Serialize)]
struct PackageFiles {
    /// `datapackage.json`.
    descriptor: String,
    /// `observations.csv`.
    observations: String,
    /// `sources.csv`.
    sources: String,
}

/// A dataset's JSON text → its data package (docs/DATA.md, "Data packages") as
/// `{ descriptor, observations, sources }`: the text of `datapackage.json`,
/// `observations.csv` and `sources.csv`. Throws for a dataset that does not check (its
/// error, as `create()`'s).
#[wasm_bindgen]
pub fn to_datapackage(dataset: &str) -> Result<JsValue, JsValue> {
    let text = dataset.trim_start_matches('\u{feff}');
    let raw = Dataset::from_json(text)
        .and_then(|_| from_json_text::<RawDataset>(text))
        .map_err(|e| js(e.within("dataset")))?;
    let p = import::datapackage::export(&raw);
    Ok(to_js(&PackageFiles {
        descriptor: p.descriptor,
        observations: p.observations,
        sources: p.sources,
    }))
}
