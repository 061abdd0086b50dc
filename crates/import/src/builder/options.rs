//! The options of the builder's calls, as JSON text (`create()`'s are too): one struct for
//! every import, each call taking only its own and naming the others as errors, checked
//! as the command line checks its flags. (The social card's are the page's:
//! [`crate::publish::PageOptions`].)

use serde::Deserialize;
use trade_chart::data::json::from_json_text;
use trade_chart::error::{Error, ErrorKind};

use crate::comtrade::ComtradeOptions;
use crate::imf::ImfOptions;
use crate::sheet::SheetOptions;

/// The options' names, in the order the error for an unknown one lists them.
pub const OPTION_NAMES: [&str; 15] = [
    "decimal",
    "unit",
    "partners",
    "source",
    "flows",
    "title",
    "id",
    "accessed",
    "pair",
    "commodity",
    "observationsFile",
    "sourcesFile",
    "textFile",
    "file",
    "encoding",
];

/// The options of every import; each call takes only its own ([`ImportOptions::read`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ImportOptions {
    /// `.` or `,`: the value column's decimal mark (tables).
    pub decimal: Option<String>,
    /// The unit when the table has no unit column (tables): `USD million`, `EUR thousand`,
    /// `억원`, `万元`… (`cells::unit`).
    pub unit: Option<String>,
    /// The partners, in order (tables); a wide table's reporting country first.
    pub partners: Option<Vec<Partner>>,
    /// One source for every figure, `Publisher | Title | URL | date` (tables without
    /// sources: [`crate::wide::source_option`]).
    pub source: Option<String>,
    /// What a wide table's columns hold, each `HEADER=KR>IT`, `HEADER=two-way`,
    /// `HEADER=skip` or `#3=…` ([`crate::wide::flow_option`]).
    pub flows: Option<Vec<String>>,
    /// The dataset's title (tables, Comtrade).
    pub title: Option<String>,
    /// The dataset's id (tables, Comtrade).
    pub id: Option<String>,
    /// `YYYY-MM-DD`: when the Comtrade download was made.
    pub accessed: Option<String>,
    /// `A,B`: the pair of countries to chart from a Comtrade download of several (as
    /// `--pair`; the outcome's `pairs` lists them).
    pub pair: Option<String>,
    /// The commodity code to chart from a Comtrade download of several products.
    pub commodity: Option<String>,
    /// The names errors give the tables (default `observations`, `sources`).
    pub observations_file: Option<String>,
    /// See `observations_file`.
    pub sources_file: Option<String>,
    /// The name errors give the text table (default `text`).
    pub text_file: Option<String>,
    /// The name errors give a Comtrade download or a dataset's JSON.
    pub file: Option<String>,
    /// The encoding the page decoded a Comtrade download from (its label): the bytes
    /// given are that text's UTF-8, and the download is read with the warning a file not
    /// in UTF-8 gets.
    pub encoding: Option<String>,
}

/// A partner as the editor names it (`{ code, name }`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// `KR`: as the directions write it (trimmed and upper-cased when read).
    pub code: String,
    /// `South Korea`.
    pub name: String,
}

impl ImportOptions {
    /// Reads the options (JSON text; `None` for none); `allowed`: the ones the calling
    /// import takes: any other is an error naming it, as is an unknown one (listing the
    /// allowed ones) or an `accessed` that is not a date.
    pub fn read(text: Option<&str>, allowed: &[&str]) -> Result<ImportOptions, Error> {
        let Some(text) = text else {
            return Ok(ImportOptions::default());
        };
        let o: ImportOptions = from_json_text(text).map_err(|e| {
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
            ("source", o.source.is_some()),
            ("flows", o.flows.is_some()),
            ("title", o.title.is_some()),
            ("id", o.id.is_some()),
            ("accessed", o.accessed.is_some()),
            ("pair", o.pair.is_some()),
            ("commodity", o.commodity.is_some()),
            ("observationsFile", o.observations_file.is_some()),
            ("sourcesFile", o.sources_file.is_some()),
            ("textFile", o.text_file.is_some()),
            ("file", o.file.is_some()),
            ("encoding", o.encoding.is_some()),
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
    pub fn sheet(&self) -> Result<SheetOptions, Error> {
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
        let source = match self.source.as_deref() {
            None => None,
            Some(s) => Some(
                crate::wide::source_option(s)
                    .map_err(|m| Error::at(ErrorKind::InvalidValue, "options.source", m))?,
            ),
        };
        let mut flows = Vec::new();
        for (i, f) in self.flows.iter().flatten().enumerate() {
            flows.push(crate::wide::flow_option(f).map_err(|m| {
                Error::at(ErrorKind::InvalidValue, format!("options.flows[{i}]"), m)
            })?);
        }
        Ok(SheetOptions {
            decimal,
            unit: self.unit.clone(),
            partners,
            title: self.title.clone(),
            id: self.id.clone(),
            source,
            flows,
            commodity: self.commodity.clone(),
        })
    }

    /// The IMF DOTS options (`partners` name areas by their code, as `--partner`).
    pub fn imf(&self) -> ImfOptions {
        ImfOptions {
            accessed: self.accessed.clone(),
            title: self.title.clone(),
            id: self.id.clone(),
            pair: self.pair.clone(),
            names: (self.partners.iter().flatten())
                .map(|p| (p.code.trim().to_string(), p.name.trim().to_string()))
                .collect(),
        }
    }

    /// The Comtrade options (`partners` name areas by their code, as `--partner`).
    pub fn comtrade(&self) -> ComtradeOptions {
        ComtradeOptions {
            accessed: self.accessed.clone(),
            title: self.title.clone(),
            id: self.id.clone(),
            pair: self.pair.clone(),
            commodity: self.commodity.clone(),
            names: (self.partners.iter().flatten())
                .map(|p| (p.code.trim().to_string(), p.name.trim().to_string()))
                .collect(),
        }
    }
}
