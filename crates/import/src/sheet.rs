//! An *observations* table and a *sources* table (docs/DATA.md, "Spreadsheet tables")
//! → a [`RawDataset`], with every error of the tables at its cell and a map from each
//! observation back to its row, so that an error [`validate`](trade_chart::validate) finds
//! later still points at the row ([`Import::check`]).

use std::collections::HashMap;

use super::assemble::{build, is_id, GAPS};
// The comtrade/ readers take these from here (the others from assemble.rs).
pub(crate) use super::assemble::{default_views, Acc, Class};
pub use super::assemble::{SheetOptions, OBSERVATION_COLUMNS};
use super::cells::{
    at, cell, col, columns, expected, no_figures, slug, unit, Cx, Given, Unit, UNIT_EXPECTED,
};
pub(crate) use super::cells::{field_of, index};
pub use super::cells::{Input, MAX_ERRORS};
use super::numbers::{self, ColumnDecimal};
use super::periods;
use super::table::Row;
use super::text::TextFields;
use super::views::ViewFields;
use trade_chart::data::{
    is_date, Currency, Dataset, Period, RawDataset, RawObservation, RawSource, RawText,
};
use trade_chart::error::{Error, ErrorKind, Location, Result};

/// A dataset read from tables, with what was not fatal.
#[derive(Debug, Clone)]
pub struct Import {
    /// The dataset, in the JSON schema; not validated yet ([`Import::check`] does).
    pub dataset: RawDataset,
    /// Warnings (a ragged row, an unknown column): reported, not fatal.
    pub warnings: Vec<Error>,
    /// Rows dropped as gaps (a blank value, `#N/A`, `n/a`, `-`, `..`).
    pub gaps: usize,
    /// What the reader understood of a wide table's columns (`None` for other tables):
    /// for the builder to show.
    pub understood: Option<super::wide::Understood>,
    map: RowMap,
}

/// Where each part of the dataset came from.
#[derive(Debug, Clone, Default)]
struct RowMap {
    obs_file: String,
    obs_cols: HashMap<&'static str, usize>,
    /// `[series][observation]` → row.
    obs_rows: Vec<Vec<usize>>,
    /// A wide table's value column of each series (empty for a long table, whose values
    /// are all in `obs_cols`' `value`).
    value_cols: Vec<usize>,
    src_file: String,
    src_cols: HashMap<&'static str, usize>,
    src_rows: Vec<usize>,
    /// The chart text table's cells ([`super::text`]): a dataset path (`views[2].title`)
    /// and the file, row and columns (en, ko, zh) it was written in.
    text: Vec<super::text::Written>,
    /// The views table ([`super::views`]): its file, columns and the row of each view.
    view_file: String,
    view_cols: HashMap<&'static str, usize>,
    view_rows: Vec<usize>,
    /// The claims table ([`super::claims`]), likewise.
    claim_file: String,
    claim_cols: HashMap<&'static str, usize>,
    claim_rows: Vec<usize>,
    /// The annotations table ([`super::annotations`]), likewise.
    annotation_file: String,
    annotation_cols: HashMap<&'static str, usize>,
    annotation_rows: Vec<usize>,
}

impl Import {
    /// The dataset validated by the same [`validate`](trade_chart::validate) as JSON datasets;
    /// an error about an observation or a source points at its row and column.
    pub fn check(&self) -> Result<Dataset> {
        trade_chart::validate(&self.dataset).map_err(|e| self.locate(e))
    }

    /// `e` (at a dataset path such as `series[1].observations[4].value`) moved to the
    /// table cell that path came from, when there is one.
    pub fn locate(&self, e: Error) -> Error {
        let path = e.path().to_string();
        let m = &self.map;
        if let Some(cell) = m.text.iter().find_map(|w| w.cell_of(&path)) {
            return e.relocated(cell);
        }
        let cell = |file: &str, row: usize, cols: &HashMap<&'static str, usize>, f: &str| {
            let (field, col) = cols
                .get_key_value(f)
                .map_or((f.to_string(), 0), |(k, c)| (k.to_string(), *c));
            Location::Cell {
                file: Some(file.to_string()),
                row,
                column: col + 1,
                field: Some(field),
            }
        };
        if let Some((s, rest)) = index(&path, "series[") {
            let (o, field) = match index(rest, ".observations[") {
                Some((o, rest)) => (Some(o), field_of(rest)),
                None => (None, field_of(rest)),
            };
            let rows = m.obs_rows.get(s);
            let row = match o {
                Some(o) => rows.and_then(|r| r.get(o)),
                None => rows.and_then(|r| r.first()),
            };
            if let Some(&row) = row {
                let f = if o.is_none() && field == "label" {
                    "series"
                } else {
                    field
                };
                if let (Some(&c), "value") = (m.value_cols.get(s), f) {
                    return e.relocated(Location::Cell {
                        file: Some(m.obs_file.clone()),
                        row,
                        column: c + 1,
                        field: Some("value".into()),
                    });
                }
                return e.relocated(cell(&m.obs_file, row, &m.obs_cols, f));
            }
        } else if let Some((s, rest)) = index(&path, "sources[") {
            if let Some(&row) = m.src_rows.get(s) {
                return e.relocated(cell(&m.src_file, row, &m.src_cols, field_of(rest)));
            }
        } else if let Some((c, rest)) = index(&path, "claims[") {
            if let Some(&row) = m.claim_rows.get(c) {
                return e.relocated(cell(&m.claim_file, row, &m.claim_cols, field_of(rest)));
            }
        } else if let Some(c) = super::annotations::locate(
            &path,
            &m.annotation_file,
            &m.annotation_rows,
            &m.annotation_cols,
        ) {
            return e.relocated(c);
        } else if let Some((v, rest)) = index(&path, "views[") {
            if let Some(&row) = m.view_rows.get(v) {
                return e.relocated(cell(&m.view_file, row, &m.view_cols, field_of(rest)));
            }
        }
        e
    }
}

impl Import {
    /// An import of another reader: the dataset, its warnings and gaps, and for each
    /// series the rows of `file` its observations came from (`cols`: field → 0-based
    /// column), so that [`Import::locate`] finds them.
    pub(crate) fn from_rows(
        dataset: RawDataset,
        warnings: Vec<Error>,
        gaps: usize,
        file: &str,
        cols: HashMap<&'static str, usize>,
        rows: Vec<Vec<usize>>,
    ) -> Import {
        Import {
            dataset,
            warnings,
            gaps,
            understood: None,
            map: RowMap {
                obs_file: file.to_string(),
                obs_cols: cols,
                obs_rows: rows,
                ..RowMap::default()
            },
        }
    }

    /// An import of a wide table ([`super::wide`]): as [`Import::from_rows`], with each
    /// series' value column and what the reader understood.
    pub(crate) fn from_wide(w: super::wide::Wide, warnings: Vec<Error>, gaps: usize) -> Import {
        Import {
            dataset: w.dataset,
            warnings,
            gaps,
            understood: Some(w.understood),
            map: RowMap {
                obs_file: w.file,
                obs_cols: w.cols,
                obs_rows: w.rows,
                value_cols: w.value_cols,
                ..RowMap::default()
            },
        }
    }

    /// A dataset read from anywhere (JSON), as an import with no warnings, no gaps and no
    /// table rows: for [`Import::with_text`].
    pub fn from_dataset(dataset: RawDataset) -> Import {
        Import {
            dataset,
            warnings: Vec::new(),
            gaps: 0,
            understood: None,
            map: RowMap::default(),
        }
    }

    /// The chart's text (title, subtitle, notes, labels; English, Korean, Chinese) from a
    /// text table (docs/DATA.md, "The text table") put into the dataset. Every error of
    /// the table at its cell (up to [`MAX_ERRORS`]); its warnings join the import's, and
    /// an error [`Import::check`] finds later in a text points at the table's cell.
    pub fn with_text(self, text: Input) -> std::result::Result<Import, Vec<Error>> {
        self.with_text_given(Given::Text(text))
    }

    /// [`Import::with_text`] of a text table's rows given as fields (the builder's), each
    /// error placed as in the table they would make (row k + 2 for the k-th, each field
    /// in its column of [`super::text::TEXT_COLUMNS`]); `name`: the name errors give it.
    pub fn with_text_fields(
        self,
        name: &str,
        rows: &[TextFields],
    ) -> std::result::Result<Import, Vec<Error>> {
        let rows = rows.iter().map(TextFields::cells).collect();
        self.with_text_given(Given::Fields { name, rows })
    }

    fn with_text_given(mut self, text: Given) -> std::result::Result<Import, Vec<Error>> {
        let mut cx = Cx::default();
        let written = super::text::apply(&mut cx, &mut self.dataset, text);
        if !cx.errors.is_empty() {
            return Err(cx.into_errors());
        }
        self.warnings.append(&mut cx.warnings);
        self.map.text = written;
        Ok(self)
    }

    /// The chart's views from a views table (docs/DATA.md, "The views table"), in place of
    /// the dataset's. Every error of the table at its cell; an error [`Import::check`]
    /// finds later in a view (a time view without `from`) points at its row. Before
    /// [`Import::with_text`], whose keys may name these views.
    pub fn with_views(self, views: Input) -> std::result::Result<Import, Vec<Error>> {
        self.with_views_titled(views, None)
    }

    /// [`Import::with_views`] where a row's blank title cell is not an error but gives the
    /// view the headline `blank_title` (the builder's views: "blank: the chart's title").
    pub fn with_views_titled(
        self,
        views: Input,
        blank_title: Option<&RawText>,
    ) -> std::result::Result<Import, Vec<Error>> {
        self.with_views_given(Given::Text(views), blank_title)
    }

    /// [`Import::with_views_titled`] of views given as fields (the builder's views
    /// editor), each error placed as in the views table they would make (row k + 2 for
    /// the k-th view, each field in its column of [`super::views::VIEW_COLUMNS`]), so it
    /// names the view and its field as the table's would; `name`: the name errors give it.
    pub fn with_view_fields(
        self,
        name: &str,
        views: &[ViewFields],
        blank_title: Option<&RawText>,
    ) -> std::result::Result<Import, Vec<Error>> {
        let rows = views.iter().map(ViewFields::cells).collect();
        self.with_views_given(Given::Fields { name, rows }, blank_title)
    }

    fn with_views_given(
        mut self,
        views: Given,
        blank_title: Option<&RawText>,
    ) -> std::result::Result<Import, Vec<Error>> {
        let mut cx = Cx::default();
        let name = views.name().to_string();
        let (rows, cols) = super::views::apply(&mut cx, &mut self.dataset, views, blank_title);
        if !cx.errors.is_empty() {
            return Err(cx.into_errors());
        }
        self.warnings.append(&mut cx.warnings);
        self.map.view_file = name;
        self.map.view_cols = cols;
        self.map.view_rows = rows;
        Ok(self)
    }

    /// The claims of a story from a claims table (docs/DATA.md, "The claims table"), in
    /// place of the dataset's, checked by [`Import::check`] as any claims (an error there
    /// points at the claim's row). After [`Import::with_views`] (a claim names the views
    /// it is drawn on), before [`Import::with_text`].
    pub fn with_claims(mut self, claims: Input) -> std::result::Result<Import, Vec<Error>> {
        let mut cx = Cx::default();
        let (rows, cols) = super::claims::apply(&mut cx, &mut self.dataset, claims);
        if !cx.errors.is_empty() {
            return Err(cx.into_errors());
        }
        self.warnings.append(&mut cx.warnings);
        self.map.claim_file = claims.name.to_string();
        self.map.claim_cols = cols;
        self.map.claim_rows = rows;
        Ok(self)
    }

    /// The story's annotations from an annotations table (docs/DATA.md, "The annotations
    /// table"), in place of the dataset's, each put on the views that draw it
    /// ([`super::annotations::attach`]). Every error of the table at its cell; one
    /// [`Import::check`] finds later in an annotation points at its row. After
    /// [`Import::with_views`] (a row names the views that draw it), before
    /// [`Import::with_text`] (whose keys may name these annotations).
    pub fn with_annotations(self, annotations: Input) -> std::result::Result<Import, Vec<Error>> {
        self.with_annotations_given(Given::Text(annotations))
    }

    /// [`Import::with_annotations`] of annotations given as fields (the builder's
    /// annotation step), each error placed as in the table they would make (row k + 2 for
    /// the k-th, each field in its column of
    /// [`super::annotations::ANNOTATION_COLUMNS`]); `name`: the name errors give it.
    pub fn with_annotation_fields(
        self,
        name: &str,
        annotations: &[super::annotations::AnnotationFields],
    ) -> std::result::Result<Import, Vec<Error>> {
        let rows = annotations.iter().map(|a| a.cells()).collect();
        self.with_annotations_given(Given::Fields { name, rows })
    }

    fn with_annotations_given(mut self, given: Given) -> std::result::Result<Import, Vec<Error>> {
        let mut cx = Cx::default();
        let name = given.name().to_string();
        let (rows, cols) = super::annotations::apply(&mut cx, &mut self.dataset, given);
        if !cx.errors.is_empty() {
            return Err(cx.into_errors());
        }
        self.warnings.append(&mut cx.warnings);
        self.map.annotation_file = name;
        self.map.annotation_cols = cols;
        self.map.annotation_rows = rows;
        Ok(self)
    }

    /// The same, with the sources' rows too (a data package's sources table).
    pub(crate) fn with_sources(
        mut self,
        file: &str,
        cols: HashMap<&'static str, usize>,
        rows: Vec<usize>,
    ) -> Import {
        self.map.src_file = file.to_string();
        self.map.src_cols = cols;
        self.map.src_rows = rows;
        self
    }
}

/// The sources table's columns, as [`OBSERVATION_COLUMNS`].
pub const SOURCE_COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["id", "source id", "source", "key"]),
    (
        "publisher",
        &[
            "publisher",
            "outlet",
            "organisation",
            "organization",
            "agency",
        ],
    ),
    ("title", &["title", "headline"]),
    ("date", &["date", "published", "publication date"]),
    ("url", &["url", "link", "address"]),
    ("note", &["note", "notes", "comment", "comments"]),
];

/// Reads the two tables into a dataset. Every error found is returned (up to
/// [`MAX_ERRORS`], then one line counting the rest), each at its cell; a file that is
/// not a table at all is one error ([`super::not_a_table`]).
///
/// The observations table is either long (a direction, period, value… column each) or
/// wide (a period column and a column per flow: [`super::wide`], told apart by
/// [`super::wide::sniff`]). The sources are the sources table, or the one source of
/// [`SheetOptions::source`] (the sources table's text then left blank).
pub fn import(
    observations: Input,
    sources: Input,
    options: &SheetOptions,
) -> std::result::Result<Import, Vec<Error>> {
    // A file that is no table (an error message, a web page): one error, its first line.
    let not_tables: Vec<Error> = [observations, sources]
        .iter()
        .filter_map(|i| super::not_a_table(i.name, i.text))
        .collect();
    if !not_tables.is_empty() {
        return Err(not_tables);
    }
    let mut cx = Cx::default();
    let wide = super::wide::sniff(observations.text, options);
    let blank = sources.text.trim().is_empty();
    let src = match &options.source {
        Some(one) if blank => Sources::one(one),
        Some(_) => {
            let msg = "a sources table and --source: give one or the other";
            cx.error(Error::at(ErrorKind::InvalidValue, "--source", msg));
            return Err(cx.into_errors());
        }
        // A wide table's one source may come from a sources table of one row.
        None if wide && blank => Sources::default(),
        None => read_sources(&mut cx, sources),
    };
    if wide {
        let read = super::wide::read(&mut cx, observations, &src.list, options);
        return match read {
            Some(w) if cx.errors.is_empty() => {
                let mut i = Import::from_wide(w, cx.warnings, cx.gaps);
                if src.read {
                    i = i.with_sources(sources.name, src.cols, src.rows);
                }
                Ok(i)
            }
            _ => Err(cx.into_errors()),
        };
    }
    let result = read_observations(&mut cx, observations, &src, options);
    if cx.errors.is_empty() {
        if let Some((dataset, obs_cols, obs_rows)) = result {
            return Ok(Import {
                dataset,
                warnings: cx.warnings,
                gaps: cx.gaps,
                understood: None,
                map: RowMap {
                    obs_file: observations.name.to_string(),
                    obs_cols,
                    obs_rows,
                    src_file: sources.name.to_string(),
                    src_cols: src.cols,
                    src_rows: src.rows,
                    ..RowMap::default()
                },
            });
        }
    }
    Err(cx.into_errors())
}

/// The sources table, read.
#[derive(Default)]
struct Sources {
    list: Vec<RawSource>,
    rows: Vec<usize>,
    cols: HashMap<&'static str, usize>,
    /// Every id in the table (rows with errors too) → its first row.
    ids: HashMap<String, usize>,
    read: bool,
}

impl Sources {
    /// The one source an option gives (`--source`): every figure cites it.
    fn one(source: &RawSource) -> Sources {
        Sources {
            list: vec![source.clone()],
            ids: HashMap::from([(source.id.clone(), 0)]),
            ..Sources::default()
        }
    }
}

fn read_sources(cx: &mut Cx, input: Input) -> Sources {
    let mut out = Sources::default();
    let Some((table, cols)) = columns(
        cx,
        input,
        SOURCE_COLUMNS,
        &["id", "publisher", "title", "url"],
    ) else {
        return out;
    };
    let file = input.name;
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        let mut ok = true;
        for f in ["id", "publisher", "title", "url"] {
            if cell(&cols, row, f).is_empty() {
                cx.error(at(
                    ErrorKind::MissingField,
                    file,
                    n,
                    col(&cols, f),
                    f,
                    format!("blank: every source needs its {f}"),
                ));
                ok = false;
            }
        }
        let (id, url, date) = (
            cell(&cols, row, "id"),
            cell(&cols, row, "url"),
            cell(&cols, row, "date"),
        );
        if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
            cx.error(expected(
                file,
                n,
                col(&cols, "url"),
                "url",
                "an http(s) URL",
                url,
            ));
            ok = false;
        }
        if !date.is_empty() && !is_date(date) {
            let what = "a date YYYY, YYYY-MM or YYYY-MM-DD (or blank)";
            cx.error(expected(file, n, col(&cols, "date"), "date", what, date));
            ok = false;
        }
        if !id.is_empty() {
            // Known even when the row has an error, so figures citing it are not blamed.
            if let Some(first) = out.ids.insert(id.to_string(), n) {
                cx.error(at(
                    ErrorKind::DuplicateId,
                    file,
                    n,
                    col(&cols, "id"),
                    "id",
                    format!("\"{id}\": a second source with this id (row {first})"),
                ));
                ok = false;
            }
        }
        if ok {
            out.rows.push(n);
            let opt = |f: &str| {
                Some(cell(&cols, row, f))
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            out.list.push(RawSource {
                id: id.to_string(),
                publisher: cell(&cols, row, "publisher").to_string(),
                title: cell(&cols, row, "title").to_string(),
                date: opt("date"),
                url: url.to_string(),
                note: opt("note"),
            });
        }
    }
    out.cols = cols;
    out.read = true;
    out
}

/// A direction cell: `None` for two-way, `Some((from, to))` for a flow (codes upper-cased).
fn direction(cell: &str) -> Option<Option<(String, String)>> {
    let lower = cell.trim().to_lowercase();
    if [
        "two-way",
        "two way",
        "twoway",
        "total",
        "both ways",
        "both",
        "bilateral",
    ]
    .contains(&lower.as_str())
    {
        return Some(None);
    }
    let (a, b) = cell
        .split_once("->")
        .or_else(|| cell.split_once('>'))
        .or_else(|| cell.split_once('→'))?;
    let code = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric())).then(|| s.to_uppercase())
    };
    let (a, b) = (code(a)?, code(b)?);
    (a != b).then_some(Some((a, b)))
}

fn qualifier(cell: &str) -> Option<Option<&'static str>> {
    match cell.trim().to_lowercase().as_str() {
        "" | "exact" | "as printed" => Some(None),
        "approx" | "approx." | "approximately" | "about" | "around" | "c." | "ca." | "~" => {
            Some(Some("approx"))
        }
        "at least" | "at_least" | "more than" | "over" | ">" | "≥" | ">=" => {
            Some(Some("at_least"))
        }
        _ => None,
    }
}

/// A series' name, or (no name) its direction and class.
type SeriesKey = (String, Option<(String, String)>, Option<Class>);

type Converted = (RawDataset, HashMap<&'static str, usize>, Vec<Vec<usize>>);

/// The observations table read in its phases: its columns, the rows with a figure, the
/// value column's decimal mark, each row's cells, the figures gathered into series, then
/// the dataset; `None` once an error is reported, as it stops the import.
fn read_observations(
    cx: &mut Cx,
    input: Input,
    src: &Sources,
    options: &SheetOptions,
) -> Option<Converted> {
    let file = input.name;
    let mut required = vec!["direction", "period", "value"];
    if options.source.is_none() {
        required.push("sources");
    }
    if options.unit.is_none() {
        required.push("unit");
    }
    let (table, cols) = columns(cx, input, OBSERVATION_COLUMNS, &required)?;
    if let (Some(&sc), Some(_)) = (cols.get("sources"), &options.source) {
        let msg = "a sources column and --source: give one or the other (--source is for a table without sources)";
        cx.error(at(
            ErrorKind::InvalidValue,
            file,
            1,
            sc,
            "sources",
            msg.into(),
        ));
        return None;
    }
    let default_unit = default_unit(cx, options);
    let rows = figure_rows(cx, &cols, &table.rows);
    let (decimal, bad_value) = decimal_mark(cx, file, col(&cols, "value"), &rows, options);
    let pc = col(&cols, "period");
    let period_column = periods::Column::new(
        table.headers.get(pc).map_or("", String::as_str),
        table.rows.iter().map(|r| r.cell(pc)),
    );
    let reading = Reading {
        file,
        cols: &cols,
        period_column,
        decimal,
        default_unit,
        options,
        src,
    };
    // Partners: given, else the codes as the directions name them.
    let mut codes: Vec<String> = options.partners.iter().map(|p| p.0.clone()).collect();
    let mut gathering = Gathering::default();
    for (row, &bad) in rows.iter().zip(&bad_value) {
        if let Some(figure) = reading.row(cx, row, bad, &mut codes) {
            gathering.add(cx, &reading, row, figure);
        }
    }
    if !cx.errors.is_empty() {
        return None;
    }
    if gathering.series.is_empty() {
        let msg = "no figures: every row is blank or a gap";
        cx.error(no_figures(file, &table.rows, col(&cols, "value"), msg));
        return None;
    }
    if codes.len() < 2 {
        cx.error(at(
            ErrorKind::MissingField,
            file,
            1,
            col(&cols, "direction"),
            "direction",
            "the directions name fewer than two partners (two-way figures only): give the partners (--partner CODE=Name, twice, the reporting country first)".into(),
        ));
        return None;
    }
    let (dataset, obs_rows) = make_dataset(gathering, &codes, src, options);
    Some((dataset, cols, obs_rows))
}

/// The unit the options give every row without one (a currency and a power of ten);
/// `None`, reported when they give one that is not a unit.
fn default_unit(cx: &mut Cx, options: &SheetOptions) -> Option<Unit> {
    let u = options.unit.as_ref()?;
    let e = unit(u);
    if e.is_none() {
        cx.error(Error::expected("unit", UNIT_EXPECTED, format!("\"{u}\"")));
    }
    e
}

/// The rows with a figure, the gaps (a blank value, `#N/A`, `-`…) counted out first, so
/// that the decimal mark is decided by the values there are.
fn figure_rows<'t, 'a>(
    cx: &mut Cx,
    cols: &HashMap<&'static str, usize>,
    rows: &'t [Row<'a>],
) -> Vec<&'t Row<'a>> {
    let mut figures = Vec::new();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        let v = cell(cols, row, "value");
        if v.is_empty() || GAPS.contains(&v.to_lowercase().as_str()) {
            cx.gaps += 1;
        } else {
            figures.push(row);
        }
    }
    figures
}

/// The value column's (`vc`) decimal mark, from the options or else from the cells that
/// show it (`None`, reported at the cells, when they do not decide it); and for each row
/// whether its value is no number at all (reported).
fn decimal_mark(
    cx: &mut Cx,
    file: &str,
    vc: usize,
    rows: &[&Row],
    options: &SheetOptions,
) -> (Option<char>, Vec<bool>) {
    let styles: Vec<_> = rows.iter().map(|r| numbers::style(r.cell(vc))).collect();
    let mut bad_value = vec![false; rows.len()];
    for ((row, s), bad) in rows.iter().zip(&styles).zip(&mut bad_value) {
        if s.is_none() && options.decimal.is_none() {
            let what = "a number like 1234.5, 1,234.5, 1.234,5 or 1 234,5";
            cx.error(expected(file, row.number, vc, "value", what, row.cell(vc)));
            *bad = true;
        }
    }
    // The row number and value cell of the `i`-th row, an index into `styles`.
    let value_at = |i: usize| rows.get(i).map_or((0, ""), |r| (r.number, r.cell(vc)));
    let decimal = match numbers::column_decimal(&styles, options.decimal) {
        ColumnDecimal::Known(d) => Some(d),
        ColumnDecimal::Ambiguous(cells) => {
            for (number, cell) in cells.into_iter().map(value_at) {
                cx.error(at(
                    ErrorKind::AmbiguousNumber,
                    file,
                    number,
                    vc,
                    "value",
                    format!(
                        "\"{cell}\": could be {} or {}, and no cell of this column shows its decimal mark; give it (--decimal . or --decimal ,)",
                        numbers::canonical(cell, '.').unwrap_or_default(),
                        numbers::canonical(cell, ',').unwrap_or_default(),
                    ),
                ));
            }
            None
        }
        ColumnDecimal::Mixed {
            point,
            comma,
            blame,
        } => {
            let ((pn, pc), (cn, cc)) = (value_at(point), value_at(comma));
            for (number, cell) in blame.into_iter().map(value_at) {
                cx.error(at(
                    ErrorKind::InvalidValue,
                    file,
                    number,
                    vc,
                    "value",
                    format!(
                        "\"{cell}\": this column mixes 1,234.5 (row {pn}: \"{pc}\") and 1.234,5 (row {cn}: \"{cc}\"); give the decimal mark (--decimal . or --decimal ,)",
                    ),
                ));
            }
            None
        }
    };
    (decimal, bad_value)
}

/// What every row of an observations table is read with: its file and columns, how its
/// periods are read, the value column's decimal mark, the default unit, the options and
/// the sources table.
struct Reading<'a> {
    file: &'a str,
    cols: &'a HashMap<&'static str, usize>,
    /// How the period column's cells are read (its dates as months or not).
    period_column: periods::Column,
    decimal: Option<char>,
    default_unit: Option<Unit>,
    options: &'a SheetOptions,
    src: &'a Sources,
}

/// One row's cells, read and checked.
struct Figure {
    /// The value as a canonical decimal, in 10^`unit.exp` of `unit.currency`.
    value: String,
    unit: Unit,
    period_text: String,
    period: Period,
    direction: Option<(String, String)>,
    qualifier: Option<&'static str>,
    sources: Vec<String>,
}

impl Reading<'_> {
    /// The column of `field`, for an error's place.
    fn col(&self, field: &str) -> usize {
        col(self.cols, field)
    }

    /// One row's cells read, each error at its cell (`bad`: its value is already
    /// reported); a partner's code the row names first is added to `codes`. Every cell
    /// is checked before the row is given up, so that one pass reports all its errors.
    fn row(&self, cx: &mut Cx, row: &Row, bad: bool, codes: &mut Vec<String>) -> Option<Figure> {
        let errors_before = cx.errors.len() + cx.dropped;
        let canon = self.value(cx, row, bad);
        let exp = self.unit(cx, row);
        let p = cell(self.cols, row, "period");
        let period = (self.period_column.read(p))
            .and_then(|s| Period::parse(&s).ok().map(|parsed| (s, parsed)));
        if period.is_none() {
            let what = periods::EXPECTED;
            cx.error(expected(
                self.file,
                row.number,
                self.col("period"),
                "period",
                what,
                p,
            ));
        }
        let dir = self.direction(cx, row, codes);
        let q = cell(self.cols, row, "qualifier");
        let qual = qualifier(q);
        if qual.is_none() {
            let what = "approx, at least, or blank";
            let qc = self.col("qualifier");
            cx.error(expected(self.file, row.number, qc, "qualifier", what, q));
        }
        let sources = self.sources(cx, row);
        if cx.errors.len() + cx.dropped > errors_before {
            return None;
        }
        let (
            Some(value),
            Some(unit),
            Some((period_text, period)),
            Some(direction),
            Some(qualifier),
        ) = (canon, exp, period, dir, qual)
        else {
            return None;
        };
        Some(Figure {
            value,
            unit,
            period_text,
            period,
            direction,
            qualifier,
            sources,
        })
    }

    /// A row's value as a canonical decimal in the column's decimal mark; `None` when it
    /// is not one (reported, unless `bad` says it already is). A figure below zero is
    /// reported too: a gap is left blank, never written as 0.
    fn value(&self, cx: &mut Cx, row: &Row, bad: bool) -> Option<String> {
        let (n, vc) = (row.number, self.col("value"));
        let v = row.cell(vc);
        let canon = match self.decimal {
            Some(d) if !bad => match numbers::canonical(v, d) {
                Some(c) => Some(c),
                None => {
                    let what = format!(
                        "a number with \"{d}\" as its decimal mark, as in the rest of this column"
                    );
                    cx.error(expected(self.file, n, vc, "value", &what, v));
                    None
                }
            },
            _ => None,
        };
        if canon.as_deref().is_some_and(|c| c.starts_with('-')) {
            let what = "a figure ≥ 0 (a gap is left blank, never written as 0)";
            cx.error(expected(self.file, n, vc, "value", what, v));
        }
        canon
    }

    /// A row's unit (currency and power of ten): its unit cell, else the default one;
    /// `None`, reported, when neither gives one.
    fn unit(&self, cx: &mut Cx, row: &Row) -> Option<Unit> {
        let (n, uc) = (row.number, self.col("unit"));
        let u = cell(self.cols, row, "unit");
        if u.is_empty() {
            if self.default_unit.is_none() && self.options.unit.is_none() {
                cx.error(at(
                    ErrorKind::MissingField,
                    self.file,
                    n,
                    uc,
                    "unit",
                    format!("blank: expected {UNIT_EXPECTED}"),
                ));
            }
            return self.default_unit;
        }
        let e = unit(u);
        if e.is_none() {
            cx.error(expected(self.file, n, uc, "unit", UNIT_EXPECTED, u));
        }
        e
    }

    /// A row's direction: `Some(None)` for two-way, `Some(Some((from, to)))` for a flow
    /// between the partners (given, or else the first two codes the rows name, added to
    /// `codes`); `None`, reported, for anything else.
    fn direction(
        &self,
        cx: &mut Cx,
        row: &Row,
        codes: &mut Vec<String>,
    ) -> Option<Option<(String, String)>> {
        let (n, dc) = (row.number, self.col("direction"));
        let d = cell(self.cols, row, "direction");
        let dir = direction(d);
        match &dir {
            None => {
                let what = "a direction like KR>JP (exports of KR to JP) or two-way";
                cx.error(expected(self.file, n, dc, "direction", what, d));
            }
            Some(Some((a, b))) => {
                for code in [a, b] {
                    if codes.contains(code) {
                        continue;
                    }
                    if !self.options.partners.is_empty() {
                        let given: Vec<&str> =
                            self.options.partners.iter().map(|p| p.0.as_str()).collect();
                        let what = format!("the partners' codes ({})", given.join(", "));
                        cx.error(expected(self.file, n, dc, "direction", &what, d));
                    } else if codes.len() == 2 {
                        let what = format!(
                            "the two partners' codes ({}): a dataset is one pair of countries",
                            codes.join(", ")
                        );
                        cx.error(expected(self.file, n, dc, "direction", &what, d));
                    } else {
                        codes.push(code.clone());
                    }
                }
            }
            Some(None) => {}
        }
        dir
    }

    /// A row's source ids (separated by `;`), each an error unless the sources table
    /// has it (when that table could be read), and an error when there is none.
    fn sources(&self, cx: &mut Cx, row: &Row) -> Vec<String> {
        if let Some(one) = &self.options.source {
            return vec![one.id.clone()];
        }
        let (n, sc) = (row.number, self.col("sources"));
        let ids: Vec<String> = cell(self.cols, row, "sources")
            .split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect();
        if ids.is_empty() {
            cx.error(at(
                ErrorKind::MissingField,
                self.file,
                n,
                sc,
                "sources",
                "blank: every figure needs at least one source id (several separated by ;)".into(),
            ));
        }
        let src = self.src;
        for id in &ids {
            if src.read && !src.ids.contains_key(id) {
                let mut known: Vec<&str> = src.list.iter().map(|s| s.id.as_str()).collect();
                known.truncate(8);
                cx.error(at(
                    ErrorKind::UnknownId,
                    self.file,
                    n,
                    sc,
                    "sources",
                    format!(
                        "unknown source \"{id}\": not in the sources table (which has {})",
                        if known.is_empty() {
                            "none".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                ));
            }
        }
        ids
    }
}

/// The figures gathered into series as rows arrive, with the bases they name.
#[derive(Default)]
struct Gathering {
    series: Vec<Acc>,
    /// A series' key → its index in `series`.
    by_key: HashMap<SeriesKey, usize>,
    /// (series, period, category) → the row of its figure: a second one overlaps it.
    seen: HashMap<(usize, String, String), usize>,
    /// The bases' ids and labels, in the order first met.
    bases: Vec<(String, String)>,
    /// The currency of the first figure and its row: every figure is in it.
    currency: Option<(Currency, usize)>,
}

impl Gathering {
    /// A row's figure added to its series (by its series cell, else by direction and
    /// class), the series made on its first figure; a figure with another direction than
    /// its series', or a second one for the same period, reported instead.
    fn add(&mut self, cx: &mut Cx, reading: &Reading, row: &Row, f: Figure) {
        let (file, cols, n) = (reading.file, reading.cols, row.number);
        match self.currency {
            Some((c, first)) if c != f.unit.currency => {
                let u = cell(cols, row, "unit");
                let msg = format!(
                    "\"{u}\": {} here, {} in row {first}: a dataset is in one currency, never converted",
                    f.unit.currency.code(),
                    c.code()
                );
                cx.error(at(
                    ErrorKind::InvalidValue,
                    file,
                    n,
                    col(cols, "unit"),
                    "unit",
                    msg,
                ));
                return;
            }
            Some(_) => {}
            None => self.currency = Some((f.unit.currency, n)),
        }
        let basis = self.basis(cell(cols, row, "basis"));
        let category = Some(cell(cols, row, "category")).filter(|c| !c.is_empty());
        let class = Class::of(&f.period, category.is_some());
        let name = cell(cols, row, "series").to_string();
        let key = if name.is_empty() {
            (String::new(), f.direction.clone(), Some(class))
        } else {
            (name.clone(), None, None)
        };
        let series = &mut self.series;
        let si = *self.by_key.entry(key).or_insert_with(|| {
            series.push(Acc {
                name: name.clone(),
                direction: f.direction.clone(),
                direction_row: n,
                basis: basis.clone(),
                class,
                obs: Vec::new(),
                rows: Vec::new(),
            });
            series.len() - 1
        });
        // `by_key` holds indices into `series`, which only grows
        let Some(acc) = series.get_mut(si) else {
            return;
        };
        if acc.direction != f.direction {
            let d = cell(cols, row, "direction");
            cx.error(at(
                ErrorKind::InvalidValue,
                file,
                n,
                col(cols, "direction"),
                "direction",
                format!(
                    "\"{d}\": series \"{name}\" has another direction in row {}; a series has one direction",
                    acc.direction_row
                ),
            ));
            return;
        }
        let dup = (
            si,
            f.period_text.clone(),
            category.unwrap_or("").to_string(),
        );
        if let Some(first) = self.seen.insert(dup, n) {
            let p = cell(cols, row, "period");
            cx.error(at(
                ErrorKind::Overlap,
                file,
                n,
                col(cols, "period"),
                "period",
                format!("\"{p}\": a second figure for this period in this series (row {first})"),
            ));
            return;
        }
        acc.class = acc.class.max(class);
        let id = Some(cell(cols, row, "id")).filter(|c| !c.is_empty());
        let note = Some(cell(cols, row, "note")).filter(|c| !c.is_empty());
        acc.obs.push((
            RawObservation {
                id: id.map(str::to_string),
                period: f.period_text,
                category: category.map(|c| RawText::Plain(c.to_string())),
                value: None,
                basis: (basis != acc.basis).then_some(basis),
                qualifier: f.qualifier.map(str::to_string),
                sources: f.sources,
                derived: None,
                note: note.map(|c| RawText::Plain(c.to_string())),
            },
            f.value,
            f.unit.exp,
            f.period,
        ));
        acc.rows.push(n);
    }

    /// The basis of a basis cell (`reported` when blank; an id as written, else its
    /// slug), kept with its label the first time a row names it.
    fn basis(&mut self, b: &str) -> String {
        let basis = if b.is_empty() {
            "reported".to_string()
        } else if is_id(b) {
            b.to_string()
        } else {
            slug(b)
        };
        if !self.bases.iter().any(|(id, _)| *id == basis) {
            let label = if b.is_empty() {
                "As reported by the sources"
            } else {
                b
            };
            self.bases.push((basis.clone(), label.to_string()));
        }
        basis
    }
}

/// The dataset from the gathered figures of the partners `codes` (at least two): the
/// partners, bases, sources, series and views; and each series' rows.
fn make_dataset(
    g: Gathering,
    codes: &[String],
    src: &Sources,
    options: &SheetOptions,
) -> (RawDataset, Vec<Vec<usize>>) {
    let currency = g.currency.map_or(Currency::USD, |c| c.0);
    build(
        &g.series,
        g.bases,
        codes,
        src.list.clone(),
        currency,
        options,
        None,
    )
}

/// The dataset as JSON text in the schema of docs/DATA.md (absent optional fields left
/// out), ending in a newline.
pub fn to_json(dataset: &RawDataset) -> String {
    let mut s = serde_json::to_string_pretty(dataset).unwrap_or_default();
    s.push('\n');
    s
}

/// [`to_json`], refused when the text is over [`trade_chart::limits::JSON_BYTES`] (error at
/// `dataset`, of kind [`ErrorKind::TooLarge`]): what an importer gives must be a dataset
/// the chart takes (a table within its own limits can still make a longer JSON text).
pub fn dataset_json(dataset: &RawDataset) -> Result<String> {
    let json = to_json(dataset);
    trade_chart::limits::JSON_BYTES.check("dataset", json.len())?;
    Ok(json)
}
