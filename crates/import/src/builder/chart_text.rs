//! The builder's chart text: the editor's title, subtitle, notes and credit line (in
//! English, Korean and Chinese), a views table, a text table, the story's claims and
//! annotations, applied to a checked dataset and checked again, every error placed in
//! the editor's field.
use serde::Deserialize;
use trade_chart::data::json::from_json_text;
use trade_chart::data::{RawDataset, RawText};
use trade_chart::error::{Error, Location};

use super::annotations::{add_annotations, redraw_annotations, AnnotationInput};
use super::claims::{add_claims, ClaimInput};
use super::editor_text::editor_text;
use super::outcome::{Issue, Outcome};
use crate::cells::Input;
use crate::sheet::{dataset_json, field_of, index, Import};
use crate::text::TextFields;
use crate::views::ViewFields;

/// The editor's chart text (the builder's "Chart text" and "Views" fields).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartText {
    /// The headline: the dataset's title and every view's title (with a views table:
    /// every view whose title cell is blank). A string, or `{ en, ko, zh }`.
    pub title: Option<RawText>,
    /// The line under the headline: every view's subtitle. A string or `{ en, ko, zh }`.
    pub subtitle: Option<RawText>,
    /// Notes shown under every view, after the dataset's own (each a string or
    /// `{ en, ko, zh }`).
    pub notes: Option<Vec<RawText>>,
    /// The newsroom's credit line (`Chart: The Border Desk`): a string or `{ en, ko, zh }`.
    pub credit: Option<RawText>,
    /// The story's claims, checked against the data (their status computed here).
    pub claims: Option<Vec<ClaimInput>>,
    /// The editor's annotations: when given, they replace the dataset's own
    /// ([`add_annotations`]); when not, and `views` replaces the views, the dataset's own
    /// are drawn by every new view that shows them.
    pub annotations: Option<Vec<AnnotationInput>>,
    /// A views table (docs/DATA.md, "The views table"; errors name it `views`): its rows
    /// replace the dataset's views; a blank title cell is the chart's title. Its text, or
    /// (the builder's) a list of views as the table's fields, read by the same checks.
    pub views: Option<TableInput<ViewFields>>,
    /// A text table (`key | en | ko | zh`; errors name it `text`), applied after the rest
    /// of the text (the views' labels and titles in Korean and Chinese). Its text, or a
    /// list of rows as the table's fields (`{ key, en, ko, zh }`).
    pub text: Option<TableInput<TextFields>>,
}

/// A table the editor gives: its text (TSV or CSV, as a file holds it), or its rows as
/// fields (what the builder's editors hold), read by the same checks; an error in a row
/// of fields is placed as in the table they would make (row k + 2, the field's column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableInput<T> {
    /// The table's text.
    Text(String),
    /// Its rows, as fields.
    Fields(Vec<T>),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for TableInput<T> {
    /// A string or a list, each read where it is (so an error inside a row keeps its path,
    /// as `#[serde(untagged)]`, which buffers and forgets it, would not).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Either<T> {
            type Value = TableInput<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table's text or a list of its rows")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(TableInput::Text(s.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Self::Value, A::Error> {
                let rows = serde::de::value::SeqAccessDeserializer::new(seq);
                Vec::deserialize(rows).map(TableInput::Fields)
            }
        }
        d.deserialize_any(Either(std::marker::PhantomData))
    }
}

/// A checked dataset's JSON text with the editor's chart text (`options`: a [`ChartText`]
/// as JSON text; `None` for none) applied and checked again → its [`Outcome`]: the title
/// (the dataset's and every view's headline), the subtitle (every view's), the notes
/// (after the dataset's own; blank ones, and a blank or absent title or subtitle, leave
/// the dataset as it was), the credit line (likewise), the views table, the text table,
/// then the claims, added after the dataset's own with their status computed
/// ([`add_claims`]), then the annotations, which replace the dataset's own
/// ([`add_annotations`]). An error has `file` `"title"`, `"subtitle"`, `"credit"`,
/// `"notes"`, `"claims"` or `"annotations"` (then `row` is the note's, claim's or
/// annotation's 1-based place among the editor's, and `field` the dataset path, as
/// `annotations[0].to`), or `"views"` / `"text"` with the table's row,
/// column and field, and the dataset path as `field` otherwise. `Err` for bad options,
/// or a `dataset` that is not a dataset.
pub fn set_chart_text(dataset: &str, options: Option<&str>) -> Result<Outcome, Error> {
    let o: ChartText = match from_json_text(options.unwrap_or("{}")) {
        Ok(o) => o,
        // A text the checks refuse (one over the length limit) is the editor's to fix, at
        // its field; anything else is a bad option.
        Err(e) => {
            return editor_issue(&e)
                .map(Outcome::refused)
                .ok_or_else(|| e.within("options"))
        }
    };
    let raw: RawDataset =
        from_json_text(dataset.trim_start_matches('\u{feff}')).map_err(|e| e.within("dataset"))?;
    let texts = match Texts::read(&o) {
        Ok(t) => t,
        Err(e) => {
            let issue = editor_issue(&e).unwrap_or_else(|| Issue::of(&e, None));
            return Ok(Outcome::refused(issue));
        }
    };
    let mut applied = match Applied::new(raw, &o, texts) {
        Ok(a) => a,
        Err(errors) => return Ok(Outcome::failed(&errors, None)),
    };
    let d = &mut applied.imported.dataset;
    let checked = add_claims(d, o.claims.as_deref().unwrap_or_default())
        .and_then(|_| match &o.annotations {
            Some(given) => add_annotations(d, given),
            // The editor's views replace the dataset's, which listed its annotations: each
            // is drawn again by every new view that shows it.
            None if o.views.is_some() => {
                redraw_annotations(d);
                Ok(())
            }
            None => Ok(()),
        })
        .and_then(|_| trade_chart::validate(d))
        .and_then(|_| dataset_json(d));
    Ok(match checked {
        Ok(json) => Outcome::clean(json),
        Err(e) => Outcome::refused(applied.issue(&e)),
    })
}

/// An error in the editor's own texts (`title…`, `subtitle…`, `credit…`, `notes[k]…`,
/// `claims[k]…`, `annotations[k]…`) as the builder shows it: at that field, `row` the
/// note's, claim's or annotation's 1-based place. `None` for an error at any other path.
fn editor_issue(e: &Error) -> Option<Issue> {
    let path = e.path();
    let note = index(path, "notes[").map(|(k, _)| k);
    let claim = index(path, "claims[").map(|(k, _)| k);
    let annotation = index(path, "annotations[").map(|(k, _)| k);
    let head = path.split(['.', '[']).next().unwrap_or("");
    let file = match head {
        "title" | "subtitle" | "credit" => head,
        "notes" if note.is_some() => "notes",
        "claims" if claim.is_some() => "claims",
        "annotations" if annotation.is_some() => "annotations",
        _ => return None,
    };
    let mut issue = Issue::of(e, Some(file));
    issue.row = note.or(claim).or(annotation).map(|k| k + 1);
    issue.column = None;
    Some(issue)
}

/// The editor's texts as the dataset takes them, blanks left out (Korean or Chinese
/// without English: an error).
struct Texts {
    title: Option<RawText>,
    subtitle: Option<RawText>,
    credit: Option<RawText>,
    /// Each note not blank, with its line among the editor's (1-based).
    notes: Vec<(usize, RawText)>,
}

impl Texts {
    fn read(o: &ChartText) -> Result<Texts, Error> {
        let given = |t: &Option<RawText>, path: &str| match t {
            Some(t) => editor_text(t, path),
            None => Ok(None),
        };
        let title = given(&o.title, "title")?;
        let subtitle = given(&o.subtitle, "subtitle")?;
        let credit = given(&o.credit, "credit")?;
        let mut notes = Vec::new();
        for (i, n) in o.notes.iter().flatten().enumerate() {
            if let Some(n) = editor_text(n, &format!("notes[{i}]"))? {
                notes.push((i + 1, n));
            }
        }
        Ok(Texts {
            title,
            subtitle,
            credit,
            notes,
        })
    }
}

/// The dataset with the editor's texts, views and text table applied, and what an error
/// found later needs to be placed in the editor's fields.
struct Applied {
    imported: Import,
    /// Per view: whether its headline is the chart's (every one without a views table).
    titled: Vec<bool>,
    /// How many notes the dataset had before the editor's.
    own: usize,
    /// The editor's line of each note added, in order.
    places: Vec<usize>,
}

impl Applied {
    fn new(raw: RawDataset, o: &ChartText, texts: Texts) -> Result<Applied, Vec<Error>> {
        let Texts {
            title,
            subtitle,
            credit,
            notes,
        } = texts;
        // The views table: its rows replace the views; a blank title is the chart's.
        let mut imported = Import::from_dataset(raw);
        let chart_title = title
            .clone()
            .unwrap_or_else(|| imported.dataset.title.clone());
        imported = match &o.views {
            Some(TableInput::Text(text)) => {
                let input = Input {
                    name: "views",
                    text,
                };
                imported.with_views_titled(input, Some(&chart_title))?
            }
            Some(TableInput::Fields(views)) => {
                imported.with_view_fields("views", views, Some(&chart_title))?
            }
            None => imported,
        };
        let titled: Vec<bool> = imported
            .dataset
            .views
            .iter()
            .map(|v| o.views.is_none() || v.title == chart_title)
            .collect();
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
        if credit.is_some() {
            raw.credit = credit;
        }
        let own = raw.notes.len();
        let places: Vec<usize> = notes.iter().map(|(line, _)| *line).collect();
        raw.notes.extend(notes.into_iter().map(|(_, n)| n));
        imported = match &o.text {
            Some(TableInput::Text(text)) => imported.with_text(Input { name: "text", text })?,
            Some(TableInput::Fields(rows)) => imported.with_text_fields("text", rows)?,
            None => imported,
        };
        Ok(Applied {
            imported,
            titled,
            own,
            places,
        })
    }

    /// An error of the dataset after the editor's text, as the builder shows it: at its
    /// cell of the views or text table (unless it is in a view's headline or subtitle
    /// that the editor's title or subtitle gave), else at the editor's field (a claim's
    /// place, the title, the subtitle, a note's line), else at its dataset path.
    fn issue(&self, e: &Error) -> Issue {
        let path = e.path();
        let view_field = index(path, "views[").map(|(v, rest)| (v, field_of(rest)));
        // Whether a view's field is the editor's chart text.
        let chart_text = |v: usize, f: &str| match f {
            "title" => self.titled.get(v).copied().unwrap_or(true),
            _ => f == "subtitle",
        };
        let located = self.imported.locate(e.clone());
        let mut issue = Issue::of(&located, None);
        if matches!(located.location(), Location::Cell { .. })
            && !view_field.is_some_and(|(v, f)| chart_text(v, f))
        {
            // at a cell of the views or text table
        } else if let Some((k, _)) = index(path, "claims[") {
            issue.file = Some("claims".into());
            issue.row = Some(k + 1);
        } else if let Some((k, _)) = index(path, "annotations[") {
            issue.file = Some("annotations".into());
            issue.row = Some(k + 1);
        } else if path == "credit" || path.starts_with("credit.") {
            issue.file = Some("credit".into());
        } else if path == "title"
            || path.starts_with("title.")
            || view_field.is_some_and(|(_, f)| f == "title")
        {
            issue.file = Some("title".into());
        } else if view_field.is_some_and(|(_, f)| f == "subtitle") {
            issue.file = Some("subtitle".into());
        } else if let Some((k, _)) = index(path, "notes[") {
            if let Some(line) = k.checked_sub(self.own).and_then(|j| self.places.get(j)) {
                issue.file = Some("notes".into());
                issue.row = Some(*line);
            }
        }
        if !matches!(issue.file.as_deref(), None | Some("views" | "text")) {
            issue.text = format!("{}: {}", issue.file.as_deref().unwrap_or(""), e);
            issue.column = None;
        }
        issue
    }
}
