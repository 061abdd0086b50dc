//! The chart's text from a third table (docs/DATA.md, "The text table"): one row per
//! piece of text, `key | en | ko | zh`, so that an editor gives the title, the subtitle,
//! the notes, the credit line and the labels of series, views and annotations in English, Korean and Chinese without
//! writing JSON. It goes on top of any import (tables, a Comtrade download, a data
//! package, a dataset's JSON): the keys name what the dataset already holds (its series,
//! views, partners and bases by id), and an unknown key or id is an error at its cell
//! that lists what was expected.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::cells::{at, cell, col as column_of, table_of, Cx, Given};
use trade_chart::data::{RawDataset, RawText};
use trade_chart::error::{ErrorKind, Location};

/// The text table's columns, as [`super::sheet::OBSERVATION_COLUMNS`] (headers compared
/// lowercased, `_` and `-` as spaces).
pub const TEXT_COLUMNS: &[(&str, &[&str])] = &[
    ("key", &["key", "field", "item", "element", "text key"]),
    (
        "en",
        &[
            "en",
            "english",
            "en text",
            "english text",
            "text",
            "en us",
            "en gb",
        ],
    ),
    ("ko", &["ko", "korean", "ko kr", "korean text", "한국어"]),
    (
        "zh",
        &[
            "zh",
            "chinese",
            "zh cn",
            "zh hans",
            "chinese text",
            "中文",
            "简体中文",
        ],
    ),
];

/// The keys a text table takes, as its errors list them.
pub const KEYS: &str = "title, subtitle, note, partner.<code>.name, basis.<id>.label, \
series.<id>.label, view.<id>.label, view.<id>.title, view.<id>.subtitle, view.<id>.note, \
claim.<id>.text, claim.<id>.note, annotation.<id>.label, annotation.<id>.text, credit";

/// A row of a text table as its fields (the builder sends its views' Korean and Chinese
/// so): each the text of its cell, read by the same checks
/// ([`crate::Import::with_text_fields`]); an absent one is blank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TextFields {
    /// What the text is (`view.<id>.label`…).
    pub key: String,
    /// In English.
    pub en: String,
    /// In Korean.
    pub ko: String,
    /// In Chinese.
    pub zh: String,
}

impl TextFields {
    /// The cells, in the order of [`TEXT_COLUMNS`].
    pub(crate) fn cells(&self) -> Vec<&str> {
        vec![&self.key, &self.en, &self.ko, &self.zh]
    }
}

/// Where a piece of the dataset's text was written: its dataset path and its cells.
#[derive(Debug, Clone)]
pub(crate) struct Written {
    /// `title`, `views[2].subtitle`, `notes[0]`…
    path: String,
    file: String,
    row: usize,
    /// The 0-based columns of en, ko and zh (`None`: no such column).
    cols: [Option<usize>; 3],
}

impl Written {
    /// The cell an error at dataset path `path` is about, when it is this text
    /// (`views[2].title.ko` → the ko cell of its row).
    pub(crate) fn cell_of(&self, path: &str) -> Option<Location> {
        let rest = path.strip_prefix(self.path.as_str())?;
        let col = match rest {
            "" | ".en" => self.cols[0],
            ".ko" => self.cols[1],
            ".zh" => self.cols[2],
            _ => return None,
        };
        let lang = rest.trim_start_matches('.');
        Some(Location::Cell {
            file: Some(self.file.clone()),
            row: self.row,
            column: col.unwrap_or(0) + 1,
            field: Some(if lang.is_empty() { "en" } else { lang }.to_string()),
        })
    }
}

/// What a key sets.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Target {
    Title,
    /// Every view's subtitle, unless the view has its own row.
    Subtitle,
    /// One more note under every view (the rows in order).
    Note,
    Partner(usize),
    Basis(usize),
    Series(usize),
    ViewLabel(usize),
    ViewTitle(usize),
    ViewSubtitle(usize),
    /// One more note of this view.
    ViewNote(usize),
    ClaimText(usize),
    ClaimNote(usize),
    AnnotationLabel(usize),
    AnnotationText(usize),
    /// The newsroom's credit line.
    Credit,
}

/// `key` (trimmed) → what it sets, or the error message. Its fixed parts are read in any
/// case (`Title`, `VIEW.<id>.Label`); the id between them is the dataset's, matched
/// exactly (`annotation.COVID.label` names the annotation `COVID`, not `covid`).
fn target(key: &str, d: &RawDataset) -> Result<Target, (ErrorKind, String)> {
    let unknown = || {
        (
            ErrorKind::UnknownField,
            format!("unknown key \"{key}\": expected one of {KEYS}"),
        )
    };
    match key.to_lowercase().as_str() {
        "title" => return Ok(Target::Title),
        "subtitle" => return Ok(Target::Subtitle),
        "note" | "notes" => return Ok(Target::Note),
        "credit" => return Ok(Target::Credit),
        _ => {}
    }
    let (kind, rest) = key.split_once('.').ok_or_else(unknown)?;
    let (id, field) = rest.rsplit_once('.').ok_or_else(unknown)?;
    let (kind, field) = (kind.to_lowercase(), field.to_lowercase());
    let (kind, field) = (kind.as_str(), field.as_str());
    let find = |what: &str, ids: Vec<&str>, same: &dyn Fn(&str) -> bool| {
        ids.iter().position(|i| same(i)).ok_or_else(|| {
            let mut known = ids.clone();
            let more = known.len().saturating_sub(12);
            known.truncate(12);
            (
                ErrorKind::UnknownId,
                format!(
                    "unknown {what} \"{id}\" in \"{key}\": the dataset's are {}{}",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    },
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                ),
            )
        })
    };
    match (kind, field) {
        ("partner", "name") => find(
            "partner",
            d.partners.iter().map(|p| p.code.as_str()).collect(),
            &|c| c.eq_ignore_ascii_case(id),
        )
        .map(Target::Partner),
        ("basis", "label") => find(
            "basis",
            d.bases.iter().map(|b| b.id.as_str()).collect(),
            &|b| b == id,
        )
        .map(Target::Basis),
        ("series", "label") => find(
            "series",
            d.series.iter().map(|s| s.id.as_str()).collect(),
            &|s| s == id,
        )
        .map(Target::Series),
        ("view", "label" | "title" | "subtitle" | "note" | "notes") => {
            let v = find(
                "view",
                d.views.iter().map(|v| v.id.as_str()).collect(),
                &|v| v == id,
            )?;
            Ok(match field {
                "label" => Target::ViewLabel(v),
                "title" => Target::ViewTitle(v),
                "subtitle" => Target::ViewSubtitle(v),
                _ => Target::ViewNote(v),
            })
        }
        ("claim", "text" | "note") => {
            let c = find(
                "claim",
                d.claims.iter().map(|c| c.id.as_str()).collect(),
                &|c| c == id,
            )?;
            Ok(if field == "text" {
                Target::ClaimText(c)
            } else {
                Target::ClaimNote(c)
            })
        }
        ("annotation", "label" | "text") => {
            let a = find(
                "annotation",
                d.annotations.iter().map(|a| a.id.as_str()).collect(),
                &|a| a == id,
            )?;
            Ok(if field == "label" {
                Target::AnnotationLabel(a)
            } else {
                Target::AnnotationText(a)
            })
        }
        _ => Err(unknown()),
    }
}

/// Reads the text table and puts its texts into `dataset`; errors and warnings go to `cx`.
/// The cells it wrote, for errors found later.
pub(crate) fn apply(cx: &mut Cx, dataset: &mut RawDataset, given: Given) -> Vec<Written> {
    let name = given.name().to_string();
    let file = name.as_str();
    let Some((table, cols)) = table_of(cx, given, TEXT_COLUMNS, &["key", "en"]) else {
        return Vec::new();
    };
    let lang_cols = [
        cols.get("en").copied(),
        cols.get("ko").copied(),
        cols.get("zh").copied(),
    ];
    let mut seen: HashMap<Target, usize> = HashMap::new();
    let mut set: Vec<(Target, RawText, usize)> = Vec::new();
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        let key = cell(&cols, row, "key");
        let en = cell(&cols, row, "en");
        if key.is_empty() {
            cx.error(at(
                ErrorKind::MissingField,
                file,
                n,
                column_of(&cols, "key"),
                "key",
                format!("blank: which text is this row? expected one of {KEYS}"),
            ));
            continue;
        }
        let t = match target(key, dataset) {
            Ok(t) => t,
            Err((kind, msg)) => {
                cx.error(at(kind, file, n, column_of(&cols, "key"), "key", msg));
                continue;
            }
        };
        if en.is_empty() {
            cx.error(at(
                ErrorKind::MissingField,
                file,
                n,
                column_of(&cols, "en"),
                "en",
                format!("blank: \"{key}\" needs its English text (what readers of other languages see when theirs is blank)"),
            ));
            continue;
        }
        let repeatable = matches!(t, Target::Note | Target::ViewNote(_));
        if !repeatable {
            if let Some(first) = seen.insert(t.clone(), n) {
                cx.error(at(
                    ErrorKind::DuplicateId,
                    file,
                    n,
                    column_of(&cols, "key"),
                    "key",
                    format!("\"{key}\": a second row for this text (row {first})"),
                ));
                continue;
            }
        }
        let mut by_lang = BTreeMap::new();
        for lang in ["ko", "zh"] {
            let s = cell(&cols, row, lang);
            if !s.is_empty() {
                by_lang.insert(lang.to_string(), s.to_string());
            }
        }
        let text = if by_lang.is_empty() {
            RawText::Plain(en.to_string())
        } else {
            by_lang.insert("en".to_string(), en.to_string());
            RawText::Localized(by_lang)
        };
        set.push((t, text, n));
    }
    if !cx.errors.is_empty() {
        return Vec::new();
    }

    // Notes given replace the dataset's (a table converted twice gives them once).
    if set.iter().any(|(t, _, _)| *t == Target::Note) {
        dataset.notes.clear();
    }
    for (i, v) in dataset.views.iter_mut().enumerate() {
        if set.iter().any(|(t, _, _)| *t == Target::ViewNote(i)) {
            v.notes.clear();
        }
    }
    let own_subtitle: Vec<usize> = set
        .iter()
        .filter_map(|(t, _, _)| match t {
            Target::ViewSubtitle(v) => Some(*v),
            _ => None,
        })
        .collect();
    let mut written = Vec::new();
    let mut wrote = |path: String, row: usize| {
        written.push(Written {
            path,
            file: file.to_string(),
            row,
            cols: lang_cols,
        })
    };
    for (t, text, row) in set {
        match t {
            Target::Title => {
                dataset.title = text;
                wrote("title".into(), row);
            }
            Target::Subtitle => {
                for (i, v) in dataset.views.iter_mut().enumerate() {
                    if !own_subtitle.contains(&i) {
                        v.subtitle = Some(text.clone());
                        wrote(format!("views[{i}].subtitle"), row);
                    }
                }
            }
            Target::Note => {
                wrote(format!("notes[{}]", dataset.notes.len()), row);
                dataset.notes.push(text);
            }
            Target::Partner(i) => {
                if let Some(p) = dataset.partners.get_mut(i) {
                    p.name = text;
                    wrote(format!("partners[{i}].name"), row);
                }
            }
            Target::Basis(i) => {
                if let Some(b) = dataset.bases.get_mut(i) {
                    b.label = text;
                    wrote(format!("bases[{i}].label"), row);
                }
            }
            Target::Series(i) => {
                if let Some(s) = dataset.series.get_mut(i) {
                    s.label = text;
                    wrote(format!("series[{i}].label"), row);
                }
            }
            Target::ViewLabel(i) | Target::ViewTitle(i) | Target::ViewSubtitle(i) => {
                if let Some(v) = dataset.views.get_mut(i) {
                    let (slot, name) = match t {
                        Target::ViewLabel(_) => (&mut v.label, "label"),
                        Target::ViewTitle(_) => (&mut v.title, "title"),
                        _ => (
                            v.subtitle.get_or_insert(RawText::Plain(String::new())),
                            "subtitle",
                        ),
                    };
                    *slot = text;
                    wrote(format!("views[{i}].{name}"), row);
                }
            }
            Target::ClaimText(i) | Target::ClaimNote(i) => {
                if let Some(c) = dataset.claims.get_mut(i) {
                    if t == Target::ClaimText(i) {
                        c.text = text;
                        wrote(format!("claims[{i}].text"), row);
                    } else {
                        c.note = Some(text);
                        wrote(format!("claims[{i}].note"), row);
                    }
                }
            }
            Target::AnnotationLabel(i) | Target::AnnotationText(i) => {
                if let Some(a) = dataset.annotations.get_mut(i) {
                    if t == Target::AnnotationLabel(i) {
                        a.label = text;
                        wrote(format!("annotations[{i}].label"), row);
                    } else {
                        a.text = text;
                        wrote(format!("annotations[{i}].text"), row);
                    }
                }
            }
            Target::Credit => {
                dataset.credit = Some(text);
                wrote("credit".into(), row);
            }
            Target::ViewNote(i) => {
                if let Some(v) = dataset.views.get_mut(i) {
                    wrote(format!("views[{i}].notes[{}]", v.notes.len()), row);
                    v.notes.push(text);
                }
            }
        }
    }
    written
}

/// Whether a table's header row is a text table's (a `key` column and an `en` column):
/// how the command line tells it from an observations or sources table.
pub fn sniff(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.split(['\n', '\r']).next().unwrap_or("");
    let delim = super::table::detect_delimiter(first);
    let mut fields = first.split(delim).map(|h| {
        let h = h
            .trim()
            .trim_matches('"')
            .to_lowercase()
            .replace(['_', '-'], " ");
        TEXT_COLUMNS
            .iter()
            .find(|(_, a)| a.contains(&h.as_str()))
            .map(|(f, _)| *f)
    });
    let found: Vec<&str> = fields.by_ref().flatten().collect();
    found.contains(&"key") && found.contains(&"en")
}
