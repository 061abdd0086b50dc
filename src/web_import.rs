//! The builder's imports in the browser (feature `tables`, in the second wasm only:
//! `pkg/trade_chart_import_bg.wasm`, which `pkg/import.js` loads on first use; the
//! reader's wasm is built without them). Each call runs the very readers the command line
//! runs ([`crate::import`]) and the same check ([`Import::check`], [`Dataset::from_json`]),
//! and answers with one plain object (serde_json, as the rest of the facade):
//! `{ dataset, errors, warnings, gaps }`, where `dataset` is the checked dataset's JSON text
//! (what `trade-chart convert` writes; `create(el, { data })` takes it as it is) or `null`
//! when there is an error, and each error or warning is
//! `{ code, message, text, file, row, column, field }` (`row`, `column` 1-based, the
//! header row being row 1, as an editor shows lines; `text` the line `trade-chart check`
//! prints). Bad options are not data errors: they throw, as `create()`'s do.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::data::Dataset;
use crate::error::{from_json_text, Error, ErrorKind, Location};
use crate::import::comtrade::{self, ComtradeOptions};
use crate::import::{self, Import, Input, SheetOptions};
use crate::web::{js, to_js};
use crate::RawDataset;

/// The options names, in the order the error for an unknown one lists them.
const OPTION_NAMES: [&str; 9] = [
    "decimal",
    "unit",
    "partners",
    "title",
    "id",
    "accessed",
    "observationsFile",
    "sourcesFile",
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
            if !(v.len() == 10 && crate::data::is_date(v)) {
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
        let (dataset, errors) = match imported.check() {
            Ok(_) => (Some(import::to_json(&imported.dataset)), Vec::new()),
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
/// spreadsheet) → `{ dataset, errors, warnings, gaps }`, as `trade-chart convert`.
/// Options (JSON text or undefined): `decimal`, `unit`, `partners` (`[{ code, name }]`),
/// `title`, `id`, `observationsFile`, `sourcesFile` (the names errors give the tables;
/// default `observations` and `sources`). Throws only for bad options.
#[wasm_bindgen]
pub fn import_tables(
    observations: &str,
    sources: &str,
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
        ],
    )
    .map_err(js)?;
    let sheet = o.sheet().map_err(js)?;
    let obs_name = o.observations_file.as_deref().unwrap_or("observations");
    let src_name = o.sources_file.as_deref().unwrap_or("sources");
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
    let outcome = match Dataset::from_json(text).and_then(|_| from_json_text::<RawDataset>(text)) {
        Ok(raw) => Outcome {
            dataset: Some(import::to_json(&raw)),
            errors: Vec::new(),
            warnings: Vec::new(),
            gaps: 0,
        },
        Err(e) => Outcome::failed(&[e], Some(name)),
    };
    Ok(to_js(&outcome))
}
