//! Frictionless Data Packages (<https://specs.frictionlessdata.io/>): a
//! `datapackage.json` with the two tables as CSV resources, each with a Table Schema
//! (docs/DATA.md, "Data packages"). Read into a [`RawDataset`] through the same
//! [`Import`] as the spreadsheet tables, and written from any dataset ([`export`]).
//!
//! The tables carry the observations (series, direction, period, value, unit, basis,
//! qualifier, sources, category, note, id) and the sources. What they cannot carry —
//! the partners' and series' names, the bases, views, claims, annotations and notes,
//! texts in several languages, derived figures' formulas — is written in the
//! descriptor's `trade-chart` property, so that dataset → package → dataset is the same
//! dataset. A package without that property (made by hand or by another tool) is read
//! as the spreadsheet tables are ([`super::sheet`]): views made from what it holds.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{json, Map, Value};

use super::sheet::{self, Import, Input, SheetOptions, MAX_ERRORS};
use super::table::{self, Row};
use trade_chart::data::{Period, PeriodKind, RawDataset, RawObservation, RawText};
use trade_chart::error::{Error, ErrorKind};

/// The descriptor's file name.
pub const DESCRIPTOR: &str = "datapackage.json";

/// The columns of the observations resource, in order, with their Table Schema type
/// (`period`'s is decided by the periods it holds).
const OBSERVATION_FIELDS: [&str; 11] = [
    "series",
    "direction",
    "period",
    "value",
    "unit",
    "basis",
    "qualifier",
    "sources",
    "category",
    "note",
    "id",
];

/// The columns of the sources resource.
const SOURCE_FIELDS: [&str; 6] = ["id", "publisher", "title", "date", "url", "note"];

/// The columns of the observation-sources resource: an observation's key (its series,
/// period and category, the observations' primary key) and one of its sources.
const OBSERVATION_SOURCE_FIELDS: [&str; 4] = ["series", "period", "category", "source"];

/// The columns of the annotations resource: an annotations table's
/// ([`super::annotations::ANNOTATION_COLUMNS`]), so the command line reads it as one.
const ANNOTATION_FIELDS: [&str; 7] = ["id", "period", "to", "label", "text", "sources", "views"];

/// The columns of the annotation-sources resource.
const ANNOTATION_SOURCE_FIELDS: [&str; 2] = ["annotation", "source"];

/// The link resources' files: a foreign key checks one value per cell, so each
/// observation's and annotation's sources are listed one per row there (the `sources`
/// cells of `observations.csv` and `annotations.csv`, several ids joined by `;`, are
/// for people and must agree with them).
pub const OBSERVATION_SOURCES: &str = "observation-sources.csv";
/// The annotations' table.
pub const ANNOTATIONS: &str = "annotations.csv";
/// The annotations' sources, one per row.
pub const ANNOTATION_SOURCES: &str = "annotation-sources.csv";

/// A package's files, as text (serialized as the builder's `toDatapackage` gives them:
/// `{ descriptor, observations, sources, files }`, `files` holding every file by name).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Package {
    /// `datapackage.json`.
    pub descriptor: String,
    /// `observations.csv`.
    pub observations: String,
    /// `sources.csv`.
    pub sources: String,
    /// Every file of the package, `datapackage.json` first, as `{ name, text }`: the
    /// three above, `observation-sources.csv`, and when the dataset has annotations
    /// `annotations.csv` and `annotation-sources.csv`.
    pub files: Vec<PackageFile>,
}

/// One file of a package.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PackageFile {
    /// Its name in the package's directory (`observations.csv`).
    pub name: String,
    /// Its text.
    pub text: String,
}

impl Package {
    /// Writes the files into `dir` (made if missing).
    pub fn write(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for f in &self.files {
            std::fs::write(dir.join(&f.name), &f.text)?;
        }
        Ok(())
    }

    /// The text of the file `name`, if the package has one.
    pub fn file(&self, name: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.text.as_str())
    }
}

fn line(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        trade_chart::number::csv_field(out, c);
    }
    out.push_str("\r\n");
}

/// A text's English (the tables' language); the rest goes in the `trade-chart` property.
fn english(t: &trade_chart::data::RawText) -> (&str, bool) {
    match t {
        trade_chart::data::RawText::Plain(s) => (s, true),
        trade_chart::data::RawText::Localized(m) => (m.get("en").map_or("", |s| s.as_str()), false),
    }
}

/// The scale words of the unit column: the currency alone, or with one of these.
const SCALES: [(i32, &str); 4] = [(0, ""), (3, " thousand"), (6, " million"), (9, " billion")];

/// The unit cell of a dataset's `currency` and `scale`: `USD million`, `EUR`.
fn unit_words(currency: &str, scale: f64) -> Option<String> {
    SCALES
        .iter()
        .find(|(e, _)| 10f64.powi(*e) == scale)
        .map(|(_, words)| format!("{currency}{words}"))
}

/// The dataset as a data package. Every observation is a row of `observations.csv`, in
/// series order; every source a row of `sources.csv`.
pub fn export(d: &RawDataset) -> Package {
    let unit = unit_words(&d.unit.currency, d.unit.scale).unwrap_or_default();
    let mut obs = String::new();
    line(&mut obs, &OBSERVATION_FIELDS);
    let mut obs_src = String::new();
    line(&mut obs_src, &OBSERVATION_SOURCE_FIELDS);
    let mut extras = Vec::new();
    let (mut years, mut months, mut other) = (0, 0, 0);
    let mut row = 1;
    for s in &d.series {
        for o in &s.observations {
            row += 1;
            match Period::parse(&o.period).map(|p| p.kind) {
                Ok(PeriodKind::Year) => years += 1,
                Ok(PeriodKind::Month) => months += 1,
                _ => other += 1,
            }
            let value = o.value.map(|v| v.to_string()).unwrap_or_default();
            let basis = o.basis.as_deref().unwrap_or(&s.basis);
            let sources = o.sources.join(";");
            let (category, cat_plain) = o.category.as_ref().map_or(("", true), english);
            let (note, note_plain) = o.note.as_ref().map_or(("", true), english);
            line(
                &mut obs,
                &[
                    &s.id,
                    &s.direction,
                    &o.period,
                    &value,
                    if o.value.is_some() { &unit } else { "" },
                    basis,
                    o.qualifier.as_deref().unwrap_or(""),
                    &sources,
                    category,
                    note,
                    o.id.as_deref().unwrap_or(""),
                ],
            );
            for id in &o.sources {
                line(&mut obs_src, &[&s.id, &o.period, category, id]);
            }
            let mut extra = Map::new();
            if let Some(f) = &o.derived {
                extra.insert("derived".into(), json!(f));
            }
            if !cat_plain {
                extra.insert("category".into(), json!(o.category));
            }
            if !note_plain {
                extra.insert("note".into(), json!(o.note));
            }
            if o.basis.as_deref() == Some(s.basis.as_str()) {
                extra.insert("basis".into(), json!(o.basis));
            }
            if !extra.is_empty() {
                extra.insert("row".into(), json!(row));
                extras.push(Value::Object(extra));
            }
        }
    }
    let mut src = String::new();
    line(&mut src, &SOURCE_FIELDS);
    for s in &d.sources {
        line(
            &mut src,
            &[
                &s.id,
                &s.publisher,
                &s.title,
                s.date.as_deref().unwrap_or(""),
                &s.url,
                s.note.as_deref().unwrap_or(""),
            ],
        );
    }
    let (annotations, annotation_sources, annotation_type) = annotation_tables(d);
    let period_type = period_type(years, months, other);
    let field = |name: &str| {
        let (ty, desc) = match name {
            "series" => (
                "string",
                "the series' id (its label and basis: the trade-chart property)",
            ),
            "direction" => (
                "string",
                "XX>YY: exports of partner XX to partner YY; or two-way",
            ),
            "period" => (
                period_type,
                "2020, 2020-06, or 2020-01/2020-02 for a release of several months",
            ),
            "value" => (
                "number",
                "the figure, in the unit of the next column; blank for a derived figure",
            ),
            "unit" => (
                "string",
                "the dataset's currency code, alone or with thousand, million or billion (USD, EUR million)",
            ),
            "basis" => ("string", "the statistical basis' id"),
            "qualifier" => ("string", "blank (as printed), approx or at_least"),
            "sources" => (
                "string",
                "ids of sources.csv, separated by ; (the -sources resource lists them one per row, checked as a foreign key)",
            ),
            "source" => ("string", "an id of sources.csv"),
            "to" => (
                annotation_type,
                "a span's last period (inclusive); blank for a point in time",
            ),
            "label" => ("string", "drawn on the chart"),
            "text" => ("string", "read in the tooltip"),
            "views" => (
                "string",
                "the ids of the views that draw it, separated by ; (the views: the trade-chart property)",
            ),
            "annotation" => ("string", "an id of annotations.csv"),
            "category" => ("string", "a product, for breakdowns"),
            "note" => ("string", "shown in the tooltip"),
            "date" => (
                "string",
                "YYYY, YYYY-MM or YYYY-MM-DD; blank when no copy shows one",
            ),
            "url" => ("string", "http(s)"),
            "id" | "publisher" | "title" => ("string", ""),
            _ => ("string", ""),
        };
        let mut f = json!({"name": name, "type": ty});
        if let Value::Object(m) = &mut f {
            if !desc.is_empty() {
                m.insert("description".into(), json!(desc));
            }
            if name == "url" {
                m.insert("format".into(), json!("uri"));
            }
        }
        f
    };
    let mut carried = serde_json::to_value(d).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut carried {
        m.remove("sources");
        // The annotations are a table of their own; only their other languages stay here.
        let translated: Vec<Value> = (d.annotations.iter())
            .filter(|a| !english(&a.label).1 || !english(&a.text).1)
            .map(|a| json!({"id": a.id, "label": a.label, "text": a.text}))
            .collect();
        m.remove("annotations");
        if !translated.is_empty() {
            m.insert("annotations".into(), Value::Array(translated));
        }
        if let Some(Value::Array(views)) = m.get_mut("views") {
            for v in views {
                if let Value::Object(v) = v {
                    v.remove("annotations");
                }
            }
        }
        if let Some(Value::Array(series)) = m.get_mut("series") {
            for s in series {
                if let Value::Object(s) = s {
                    s.remove("observations");
                }
            }
        }
        if !extras.is_empty() {
            m.insert("observations".into(), Value::Array(extras));
        }
    }
    let fields = |names: &[&str], period: &str| {
        (names.iter())
            .map(|f| {
                let mut v = field(f);
                if *f == "period" {
                    v["type"] = json!(period);
                }
                v
            })
            .collect::<Vec<_>>()
    };
    let resource = |name: &str, path: &str, schema: Value| {
        json!({
            "name": name,
            "path": path,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        })
    };
    let obs_key = ["series", "period", "category"];
    let mut resources = vec![
        resource(
            "observations",
            "observations.csv",
            json!({
                "fields": fields(&OBSERVATION_FIELDS, period_type),
                "primaryKey": obs_key,
            }),
        ),
        resource(
            "sources",
            "sources.csv",
            json!({
                "fields": fields(&SOURCE_FIELDS, period_type),
                "primaryKey": "id",
            }),
        ),
        resource(
            "observation-sources",
            OBSERVATION_SOURCES,
            json!({
                "fields": fields(&OBSERVATION_SOURCE_FIELDS, period_type),
                "primaryKey": OBSERVATION_SOURCE_FIELDS,
                "foreignKeys": [
                    {"fields": obs_key, "reference": {"resource": "observations", "fields": obs_key}},
                    {"fields": "source", "reference": {"resource": "sources", "fields": "id"}},
                ],
            }),
        ),
    ];
    if !d.annotations.is_empty() {
        resources.push(resource(
            "annotations",
            ANNOTATIONS,
            json!({
                "fields": fields(&ANNOTATION_FIELDS, annotation_type),
                "primaryKey": "id",
            }),
        ));
        resources.push(resource(
            "annotation-sources",
            ANNOTATION_SOURCES,
            json!({
                "fields": fields(&ANNOTATION_SOURCE_FIELDS, annotation_type),
                "primaryKey": ANNOTATION_SOURCE_FIELDS,
                "foreignKeys": [
                    {"fields": "annotation", "reference": {"resource": "annotations", "fields": "id"}},
                    {"fields": "source", "reference": {"resource": "sources", "fields": "id"}},
                ],
            }),
        ));
    }
    let descriptor = json!({
        "profile": "tabular-data-package",
        "name": package_name(&d.id),
        "title": english(&d.title).0,
        "sources": d.sources.iter().map(|s| json!({"title": format!("{}: {}", s.publisher, s.title), "path": s.url})).collect::<Vec<_>>(),
        "resources": resources,
        "trade-chart": carried,
    });
    let mut descriptor = serde_json::to_string_pretty(&descriptor).unwrap_or_default();
    descriptor.push('\n');
    let mut files = vec![
        PackageFile {
            name: DESCRIPTOR.into(),
            text: descriptor.clone(),
        },
        PackageFile {
            name: "observations.csv".into(),
            text: obs.clone(),
        },
        PackageFile {
            name: "sources.csv".into(),
            text: src.clone(),
        },
        PackageFile {
            name: OBSERVATION_SOURCES.into(),
            text: obs_src,
        },
    ];
    if !d.annotations.is_empty() {
        files.push(PackageFile {
            name: ANNOTATIONS.into(),
            text: annotations,
        });
        files.push(PackageFile {
            name: ANNOTATION_SOURCES.into(),
            text: annotation_sources,
        });
    }
    Package {
        descriptor,
        observations: obs,
        sources: src,
        files,
    }
}

/// A period field's Table Schema type from the count of years, months and other
/// periods (a release of several months) it holds.
fn period_type(years: usize, months: usize, other: usize) -> &'static str {
    match (years, months, other) {
        (_, 0, 0) => "year",
        (0, _, 0) => "yearmonth",
        _ => "string",
    }
}

/// `annotations.csv` and `annotation-sources.csv` of a dataset, and the Table Schema type
/// of their periods.
fn annotation_tables(d: &RawDataset) -> (String, String, &'static str) {
    let mut table = String::new();
    line(&mut table, &ANNOTATION_FIELDS);
    let mut links = String::new();
    line(&mut links, &ANNOTATION_SOURCE_FIELDS);
    let (mut years, mut months, mut other) = (0, 0, 0);
    for a in &d.annotations {
        for p in std::iter::once(&a.period).chain(&a.to) {
            match Period::parse(p).map(|p| p.kind) {
                Ok(PeriodKind::Year) => years += 1,
                Ok(PeriodKind::Month) => months += 1,
                _ => other += 1,
            }
        }
        let views: Vec<&str> = (d.views.iter())
            .filter(|v| v.annotations.contains(&a.id))
            .map(|v| v.id.as_str())
            .collect();
        line(
            &mut table,
            &[
                &a.id,
                &a.period,
                a.to.as_deref().unwrap_or(""),
                english(&a.label).0,
                english(&a.text).0,
                &a.sources.join(";"),
                &views.join(";"),
            ],
        );
        for s in &a.sources {
            line(&mut links, &[&a.id, s]);
        }
    }
    (table, links, period_type(years, months, other))
}

/// A package name as the spec wants it: lower case, digits, `-._`.
fn package_name(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-._".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() {
        "dataset".into()
    } else {
        s
    }
}

/// Reads the package at `path`: a `datapackage.json`, or a directory holding one.
pub fn import_path(path: &Path) -> Result<Import, Vec<Error>> {
    let (dir, file) = if path.is_dir() {
        (path.to_path_buf(), path.join(DESCRIPTOR))
    } else {
        (
            path.parent().unwrap_or(Path::new("")).to_path_buf(),
            path.to_path_buf(),
        )
    };
    let name = file.display().to_string();
    let text = std::fs::read(&file).map_err(|e| {
        vec![Error::at(
            ErrorKind::MissingField,
            "",
            format!("{name}: cannot read: {e}"),
        )]
    })?;
    let (text, _) = super::decode(&text);
    import(&name, &text, &|p: &str| {
        let f = dir.join(p);
        std::fs::read(&f)
            .map(|b| (f.display().to_string(), b))
            .map_err(|e| format!("{}: cannot read: {e}", f.display()))
    })
}

/// Reads a resource by its `path`: the name it is reported under and its bytes.
pub type Resolve<'a> = dyn Fn(&str) -> Result<(String, Vec<u8>), String> + 'a;

fn err(name: &str, path: &str, msg: String) -> Error {
    Error::at(ErrorKind::InvalidValue, path, format!("{name}: {msg}"))
}

/// Reads a package from its descriptor's text (`name`: how to report it) and its
/// resources, found by their `path` through `resolve`.
pub fn import(name: &str, descriptor: &str, resolve: &Resolve) -> Result<Import, Vec<Error>> {
    let desc: Value =
        trade_chart::data::json::from_json_text(descriptor.trim_start_matches('\u{feff}'))
            .map_err(|e| vec![err(name, "", e.to_string())])?;
    let Value::Object(desc) = desc else {
        return Err(vec![Error::at(
            ErrorKind::InvalidType,
            "",
            format!("{name}: expected a JSON object (a data package descriptor)"),
        )]);
    };
    let resources = desc
        .get("resources")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let find = |want: &str| -> Option<(usize, &Value)> {
        resources.iter().enumerate().find(|(_, r)| {
            r.get("name").and_then(Value::as_str) == Some(want)
                || r.get("path")
                    .and_then(Value::as_str)
                    .is_some_and(|p| p.rsplit('/').next().unwrap_or(p).starts_with(want))
        })
    };
    let load = |want: &str| -> Result<(String, String, Value), Error> {
        let (i, r) = find(want).ok_or_else(|| {
            Error::at(
                ErrorKind::MissingField,
                "resources",
                format!("{name}: no {want} resource (a CSV resource named \"{want}\")"),
            )
        })?;
        let path = r.get("path").and_then(Value::as_str).ok_or_else(|| {
            Error::at(
                ErrorKind::MissingField,
                format!("resources[{i}].path"),
                format!("{name}: the {want} resource has no path (inline data is not read)"),
            )
        })?;
        if path.starts_with("http://") || path.starts_with("https://") {
            return Err(err(
                name,
                &format!("resources[{i}].path"),
                format!("\"{path}\": a remote resource; download it beside the descriptor"),
            ));
        }
        let (rname, bytes) =
            resolve(path).map_err(|m| Error::at(ErrorKind::MissingField, "", m))?;
        let (text, _) = super::decode(&bytes);
        Ok((
            rname,
            text.into_owned(),
            r.get("schema").cloned().unwrap_or(Value::Null),
        ))
    };
    let mut errors = Vec::new();
    let obs = load("observations").map_err(|e| errors.push(e)).ok();
    let src = load("sources").map_err(|e| errors.push(e)).ok();
    // The resources a package may have: read when it names them.
    let mut optional = |want: &str| {
        find(want)?;
        load(want).map_err(|e| errors.push(e)).ok()
    };
    let obs_links = optional("observation-sources");
    let annotations = optional("annotations");
    let ann_links = optional("annotation-sources");
    let (Some((obs_name, obs_text, obs_schema)), Some((src_name, src_text, _))) = (obs, src) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    fn input((name, text, _): &(String, String, Value)) -> Input<'_> {
        Input { name, text }
    }
    // The value field's decimal mark, when its schema gives one.
    let decimal = obs_schema
        .get("fields")
        .and_then(Value::as_array)
        .and_then(|fs| {
            fs.iter()
                .find(|f| f.get("name").and_then(Value::as_str) == Some("value"))
        })
        .and_then(|f| f.get("decimalChar"))
        .and_then(Value::as_str)
        .and_then(|s| s.chars().next())
        .unwrap_or('.');
    let licenses: Vec<String> = desc
        .get("licenses")
        .and_then(Value::as_array)
        .map(|l| {
            l.iter()
                .filter_map(|x| {
                    x.get("title")
                        .or_else(|| x.get("name"))
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default();

    let obs_input = Input {
        name: &obs_name,
        text: &obs_text,
    };
    let mut translated = Vec::new();
    let mut imported = match desc.get("trade-chart") {
        Some(carried) => {
            let mut carried = carried.clone();
            // A package written with an annotations table carries only their other
            // languages (older ones carry the annotations whole, and no table).
            if let (Some(_), Value::Object(m)) = (&annotations, &mut carried) {
                if let Some(Value::Array(t)) = m.remove("annotations") {
                    translated = t;
                }
            }
            own(
                name,
                &carried,
                obs_input,
                Input {
                    name: &src_name,
                    text: &src_text,
                },
                decimal,
            )?
        }
        None => {
            let options = SheetOptions {
                decimal: Some(decimal),
                title: desc
                    .get("title")
                    .and_then(Value::as_str)
                    .map(str::to_string),
                id: desc.get("name").and_then(Value::as_str).map(str::to_string),
                ..SheetOptions::default()
            };
            let mut i = sheet::import(
                Input {
                    name: &obs_name,
                    text: &obs_text,
                },
                Input {
                    name: &src_name,
                    text: &src_text,
                },
                &options,
            )?;
            if !licenses.is_empty() {
                i.dataset
                    .notes
                    .push(trade_chart::data::RawText::Plain(format!(
                        "Licence: {}",
                        licenses.join("; ")
                    )));
            }
            i
        }
    };
    if let Some(a) = &annotations {
        imported = imported.with_annotations(input(a))?;
        for a in &mut imported.dataset.annotations {
            unguard(&mut a.label);
            unguard(&mut a.text);
            let carried = translated
                .iter()
                .find(|t| t.get("id").and_then(Value::as_str) == Some(a.id.as_str()));
            for (slot, field) in [(&mut a.label, "label"), (&mut a.text, "text")] {
                let other = carried
                    .and_then(|t| t.get(field))
                    .and_then(|t| serde_json::from_value::<RawText>(t.clone()).ok());
                // Its other languages, unless the table's English was edited since.
                if let Some(t) = other.filter(|t| english(t).0 == english(slot).0) {
                    *slot = t;
                }
            }
        }
    }
    let mut errors = Vec::new();
    if let Some(l) = &obs_links {
        let key = ["series", "period", "category"];
        let main = (obs_input, &OBSERVATION_FIELDS[..], &key[..]);
        let link = (input(l), &OBSERVATION_SOURCE_FIELDS[..], &key[..]);
        agree(main, link, "source", "an observation", &mut errors);
    }
    if let (Some(a), Some(l)) = (&annotations, &ann_links) {
        let main = (input(a), &ANNOTATION_FIELDS[..], &["id"][..]);
        let link = (input(l), &ANNOTATION_SOURCE_FIELDS[..], &["annotation"][..]);
        agree(main, link, "source", "an annotation", &mut errors);
    }
    if errors.is_empty() {
        Ok(imported)
    } else {
        Err(errors)
    }
}

/// A text cell as written, without the `'` a CSV export puts before a formula-like text.
fn unguard(t: &mut RawText) {
    if let RawText::Plain(s) = t {
        if let Some(rest) = s.strip_prefix('\'') {
            if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                *s = rest.to_string();
            }
        }
    }
}

/// A table (`input`, its fields, its key's fields) and the link table that lists its
/// rows' `sources` one per row (its key's fields naming a row of the table, and
/// `field`, one source): each row's `sources` cell must list the same ids as the link
/// rows of its key, and each link row must name a row of the table (`what`). Errors at
/// their cells.
type Side<'a> = (Input<'a>, &'a [&'static str], &'a [&'static str]);
fn agree(main: Side, link: Side, field: &str, what: &str, errors: &mut Vec<Error>) {
    let (main_in, main_fields, main_key) = main;
    let (link_in, link_fields, link_key) = link;
    let Some((mt, mc)) = read_table(main_in, main_fields, &[], errors) else {
        return;
    };
    let mut need: Vec<&str> = link_key.to_vec();
    need.push(field);
    let Some((lt, lc)) = read_table(link_in, link_fields, &need, errors) else {
        return;
    };
    let cell = |cols: &Columns, row: &Row, f: &str| {
        cols.get(f).map_or("", |&c| row.cell(c)).trim().to_string()
    };
    let mut linked: HashMap<Vec<String>, Vec<String>> = HashMap::new();
    let mut keys: HashMap<Vec<String>, usize> = HashMap::new();
    for row in mt.rows.iter().filter(|r| !r.is_blank()) {
        let key: Vec<String> = main_key.iter().map(|f| cell(&mc, row, f)).collect();
        keys.entry(key).or_insert(row.number);
    }
    for row in lt.rows.iter().filter(|r| !r.is_blank()) {
        let key: Vec<String> = link_key.iter().map(|f| cell(&lc, row, f)).collect();
        if !keys.contains_key(&key) {
            let first = link_key.first().copied().unwrap_or("");
            push(
                errors,
                Error::expected_as(
                    ErrorKind::UnknownId,
                    first,
                    &format!("{what} of {} ({})", main_in.name, main_key.join(", ")),
                    format!("\"{}\"", key.join(", ")),
                )
                .in_cell(
                    Some(link_in.name),
                    row.number,
                    lc.get(first).map_or(0, |c| c + 1),
                ),
            );
            continue;
        }
        linked.entry(key).or_default().push(cell(&lc, row, field));
    }
    for row in mt.rows.iter().filter(|r| !r.is_blank()) {
        let key: Vec<String> = main_key.iter().map(|f| cell(&mc, row, f)).collect();
        let written = cell(&mc, row, "sources");
        let mut ids: Vec<&str> = written
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let mut links: Vec<&str> = linked
            .get(&key)
            .map_or(Vec::new(), |l| l.iter().map(String::as_str).collect());
        ids.sort_unstable();
        ids.dedup();
        links.sort_unstable();
        links.dedup();
        if ids != links {
            push(
                errors,
                Error::expected(
                    "sources",
                    &format!(
                        "the sources {} lists for this row ({})",
                        link_in.name,
                        if links.is_empty() {
                            "none".to_string()
                        } else {
                            links.join(";")
                        }
                    ),
                    format!("\"{written}\""),
                )
                .in_cell(
                    Some(main_in.name),
                    row.number,
                    mc.get("sources").map_or(0, |c| c + 1),
                ),
            );
        }
    }
}

/// A text cell as written, without the `'` a CSV export puts before a formula-like text.
fn text(row: &Row, col: Option<usize>) -> String {
    let s = col.and_then(|c| row.cells.get(c)).map_or("", |c| &**c);
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => s.to_string(),
    }
}

/// Columns by name; a missing required one is an error at row 1.
fn header(
    file: &str,
    table: &table::Table,
    fields: &[&'static str],
    required: &[&str],
    errors: &mut Vec<Error>,
) -> HashMap<&'static str, usize> {
    let mut cols = HashMap::new();
    for (i, h) in table.headers.iter().enumerate() {
        if let Some(f) = fields.iter().find(|f| h.eq_ignore_ascii_case(f)) {
            cols.entry(*f).or_insert(i);
        }
    }
    for f in required {
        if !cols.contains_key(f) {
            errors.push(
                Error::at(
                    ErrorKind::MissingField,
                    *f,
                    format!(
                        "no {f} column: the package's tables have {}",
                        fields.join(", ")
                    ),
                )
                .in_cell(Some(file), 1, table.headers.len() + 1),
            );
        }
    }
    cols
}

/// A package this crate wrote: the tables, and the rest from the `trade-chart` property.
fn own(
    name: &str,
    carried: &Value,
    obs: Input,
    src: Input,
    decimal: char,
) -> Result<Import, Vec<Error>> {
    let (mut dataset, extras) = carried_dataset(name, carried)?;
    let mut errors: Vec<Error> = Vec::new();
    let (src_cols, src_rows) = read_sources(src, &mut dataset, &mut errors);
    let Some((cols, rows)) = read_observations(obs, &mut dataset, &extras, decimal, &mut errors)
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(
        Import::from_rows(dataset, Vec::new(), 0, obs.name, cols, rows)
            .with_sources(src.name, src_cols, src_rows),
    )
}

/// Keeps `e` while there are no more than [`MAX_ERRORS`].
fn push(errors: &mut Vec<Error>, e: Error) {
    if errors.len() <= MAX_ERRORS {
        errors.push(e);
    }
}

/// A table's columns by field (0-based), for errors' places.
type Columns = HashMap<&'static str, usize>;

/// A resource's table and its columns by name (of `fields`; a missing `required` one is
/// an error); `None`, with the error kept, when the table cannot be read.
fn read_table<'a>(
    input: Input<'a>,
    fields: &[&'static str],
    required: &[&str],
    errors: &mut Vec<Error>,
) -> Option<(table::Table<'a>, Columns)> {
    match table::parse(input.text) {
        Ok(t) => {
            let cols = header(input.name, &t, fields, required, errors);
            Some((t, cols))
        }
        Err(e) => {
            push(
                errors,
                e.into_error(input.name, "a quoted cell is never closed"),
            );
            None
        }
    }
}

/// The dataset the `trade-chart` property carries, without the sources and observations
/// the tables hold; and what it carries of the observations beyond the tables' columns
/// (by row), to be put back into them.
fn carried_dataset(name: &str, carried: &Value) -> Result<(RawDataset, Vec<Value>), Vec<Error>> {
    let mut base = carried.clone();
    if let Value::Object(m) = &mut base {
        m.insert("sources".into(), json!([]));
    }
    let extras: Vec<Value> = base
        .get("observations")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if let Value::Object(m) = &mut base {
        m.remove("observations");
        if let Some(Value::Array(series)) = m.get_mut("series") {
            for s in series {
                if let Value::Object(s) = s {
                    s.insert("observations".into(), json!([]));
                }
            }
        }
    }
    let dataset: RawDataset = serde_json::from_value(base).map_err(|e| {
        vec![Error::at(
            ErrorKind::InvalidValue,
            "trade-chart",
            format!("{name}: trade-chart: {e}"),
        )]
    })?;
    Ok((dataset, extras))
}

/// The sources table into the dataset's sources, as written (read when no error came
/// before it); with its columns and each source's row, for errors found later.
fn read_sources(
    src: Input,
    dataset: &mut RawDataset,
    errors: &mut Vec<Error>,
) -> (Columns, Vec<usize>) {
    let mut src_rows = Vec::new();
    let required = ["id", "publisher", "title", "url"];
    let Some((t, src_cols)) = read_table(src, &SOURCE_FIELDS, &required, errors) else {
        return (HashMap::new(), src_rows);
    };
    if errors.is_empty() {
        for row in t.rows.iter().filter(|r| !r.is_blank()) {
            let get = |f: &str| text(row, src_cols.get(f).copied());
            let opt = |f: &str| Some(get(f)).filter(|s| !s.is_empty());
            dataset.sources.push(trade_chart::data::RawSource {
                id: get("id"),
                publisher: get("publisher"),
                title: get("title"),
                date: opt("date"),
                url: get("url"),
                note: opt("note"),
            });
            src_rows.push(row.number);
        }
    }
    (src_cols, src_rows)
}

/// The observations table into the dataset's series (each row into the series its
/// series cell names, with what `extras` carries for its row), each error at its cell;
/// with the columns and each series' rows. `None` when a column is missing or an error
/// came before: no row is read then.
fn read_observations(
    obs: Input,
    dataset: &mut RawDataset,
    extras: &[Value],
    decimal: char,
    errors: &mut Vec<Error>,
) -> Option<(Columns, Vec<Vec<usize>>)> {
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); dataset.series.len()];
    let required = ["series", "period", "value", "sources"];
    let Some((t, cols)) = read_table(obs, &OBSERVATION_FIELDS, &required, errors) else {
        return Some((HashMap::new(), rows));
    };
    if !errors.is_empty() {
        return None;
    }
    let reader = ObservationRows {
        file: obs.name,
        cols: &cols,
        ids: dataset.series.iter().map(|s| s.id.clone()).collect(),
        exp: (dataset.unit.scale.log10().round()) as i32,
        currency: dataset.unit.currency.clone(),
        decimal,
        extra_at: extras
            .iter()
            .filter_map(|e| Some((e.get("row")?.as_u64()?, e.as_object()?)))
            .collect(),
    };
    for row in t.rows.iter().filter(|r| !r.is_blank()) {
        let read = reader.series(row).and_then(|si| {
            // `ids` and `rows` were made from `dataset.series`, which keeps its length
            let basis = dataset.series.get(si).map_or("", |s| s.basis.as_str());
            Ok((si, reader.observation(row, basis)?))
        });
        match read {
            Ok((si, o)) => {
                if let (Some(s), Some(r)) = (dataset.series.get_mut(si), rows.get_mut(si)) {
                    s.observations.push(o);
                    r.push(row.number);
                }
            }
            Err(e) => push(errors, e),
        }
    }
    Some((cols, rows))
}

/// What every row of a package's observations table is read with.
struct ObservationRows<'a> {
    file: &'a str,
    cols: &'a Columns,
    /// The series' ids, in the dataset's order.
    ids: Vec<String>,
    /// The dataset's unit, as a power of ten of its currency.
    exp: i32,
    /// The dataset's currency: every unit cell names it (never converted).
    currency: String,
    decimal: char,
    /// What the `trade-chart` property carries of an observation, by its row.
    extra_at: HashMap<u64, &'a Map<String, Value>>,
}

impl ObservationRows<'_> {
    /// The cell of `field` in `row` ("" when the table has no such column).
    fn cell<'r>(&self, row: &'r Row, field: &str) -> &'r str {
        self.cols.get(field).map_or("", |&c| row.cell(c))
    }

    /// The 1-based column of `field`, for an error's place (0 when there is none).
    fn at(&self, field: &str) -> usize {
        self.cols.get(field).map_or(0, |c| c + 1)
    }

    /// The index of the series a row's series cell names, or the error at that cell.
    fn series(&self, row: &Row) -> Result<usize, Error> {
        let sid = self.cell(row, "series");
        self.ids.iter().position(|s| s == sid).ok_or_else(|| {
            Error::expected(
                "series",
                &format!("a series of the package ({})", self.ids.join(", ")),
                format!("\"{sid}\""),
            )
            .in_cell(Some(self.file), row.number, self.at("series"))
        })
    }

    /// A row's value in the dataset's unit, from its value in its unit cell's; `None`
    /// for a blank value. The error at its cell for a unit or number the package's
    /// tables do not write.
    fn value(&self, row: &Row) -> Result<Option<f64>, Error> {
        let (n, exp, decimal) = (row.number, self.exp, self.decimal);
        let v = self.cell(row, "value");
        if v.is_empty() {
            return Ok(None);
        }
        let u = self.cell(row, "unit");
        let shift = match u.strip_prefix(self.currency.as_str()) {
            _ if u.is_empty() => Some(0),
            Some(words) => SCALES
                .iter()
                .find(|(_, w)| *w == words)
                .map(|(e, _)| e - exp),
            None => None,
        };
        let Some(shift) = shift else {
            let c = &self.currency;
            return Err(Error::expected(
                "unit",
                &format!("{c}, {c} thousand, {c} million or {c} billion"),
                format!("\"{u}\""),
            )
            .in_cell(Some(self.file), n, self.at("unit")));
        };
        match super::numbers::canonical(v, decimal) {
            Some(c) if shift == 0 => Ok(c.parse::<f64>().ok()),
            Some(c) => Ok(Some(super::numbers::to_f64(&c, shift))),
            None => Err(Error::expected(
                "value",
                &format!("a number (Table Schema type number, decimal mark \"{decimal}\")"),
                format!("\"{v}\""),
            )
            .in_cell(Some(self.file), n, self.at("value"))),
        }
    }

    /// A row as an observation of a series whose basis is `basis`, with what the
    /// `trade-chart` property carries for the row; the error at its cell when it is not
    /// one.
    fn observation(&self, row: &Row, basis: &str) -> Result<RawObservation, Error> {
        let n = row.number;
        let value = self.value(row)?;
        let cell = |f: &str| self.cell(row, f);
        let p = cell("period");
        let period = super::periods::normalize(p).unwrap_or_else(|| p.to_string());
        let b = cell("basis");
        let opt = |s: String| Some(s).filter(|s| !s.is_empty());
        let mut o = json!(RawObservation {
            id: opt(cell("id").to_string()),
            period,
            category: opt(text(row, self.cols.get("category").copied()))
                .map(trade_chart::data::RawText::Plain),
            value,
            basis: (!b.is_empty() && b != basis).then(|| b.to_string()),
            qualifier: opt(cell("qualifier").to_string()),
            sources: cell("sources")
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            derived: None,
            note: opt(text(row, self.cols.get("note").copied()))
                .map(trade_chart::data::RawText::Plain),
        });
        if let (Some(extra), Value::Object(m)) = (self.extra_at.get(&(n as u64)), &mut o) {
            for (k, v) in extra.iter().filter(|(k, _)| *k != "row") {
                m.insert(k.clone(), v.clone());
            }
        }
        serde_json::from_value::<RawObservation>(o).map_err(|e| {
            Error::at(
                ErrorKind::InvalidValue,
                "",
                format!("trade-chart.observations (row {n}): {e}"),
            )
            .in_cell(Some(self.file), n, 1)
        })
    }
}
