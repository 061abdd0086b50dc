//! The claims of a story from a table (docs/DATA.md, "The claims table"): one row per
//! claim, `id | text | kind | figure | unit | status | check | source | period | note |
//! views`, checked against the data as a JSON dataset's claims are. On top of any import;
//! the text table gives a claim's text in Korean and Chinese (`claim.<id>.text`).

use std::collections::HashMap;

use super::cells::{
    at, cell, col as column_of, columns, expected, row_id, unit, Cx, Input, UNIT_EXPECTED,
};
use super::numbers;
use super::periods;
use trade_chart::data::{RawCheck, RawClaim, RawDataset, RawFigure, RawText};
use trade_chart::error::ErrorKind;

/// The claims table's columns, as the other tables' (headers compared lowercased, `_`
/// and `-` as spaces).
pub const CLAIM_COLUMNS: &[(&str, &[&str])] = &[
    ("id", &["id", "claim", "claim id"]),
    ("text", &["text", "statement", "claim text", "wording"]),
    ("kind", &["kind", "figure kind", "figure type", "type"]),
    ("figure", &["figure", "value", "figure value", "number"]),
    ("unit", &["unit", "units"]),
    ("status", &["status", "verdict"]),
    (
        "check",
        &["check", "checked against", "observation", "observations"],
    ),
    ("source", &["source", "source id", "story"]),
    ("period", &["period", "date"]),
    ("note", &["note", "notes", "comment", "why"]),
    ("views", &["views", "view", "drawn on"]),
];

/// Reads the claims table; when it has no error, its claims replace the dataset's and are
/// added to the views its `views` cells name. The rows of the claims, in order, and the
/// table's columns, for errors found later.
pub(crate) fn apply(
    cx: &mut Cx,
    dataset: &mut RawDataset,
    input: Input,
) -> (Vec<usize>, HashMap<&'static str, usize>) {
    let file = input.name;
    let required = ["id", "text", "kind", "figure", "status", "source"];
    let Some((table, cols)) = columns(cx, input, CLAIM_COLUMNS, &required) else {
        return (Vec::new(), HashMap::new());
    };
    // The dataset's unit as a power of ten of its currency (money figures are shifted to
    // it; a figure in another currency is an error: never converted).
    let exp = dataset.unit.scale.log10().round() as i32;
    let currency = dataset.unit.currency.clone();
    let col = |f: &str| cols.get(f).copied().unwrap_or(0);
    let mut claims = Vec::new();
    let mut rows = Vec::new();
    let mut on_views: Vec<(usize, String)> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    for row in table.rows.iter().filter(|r| !r.is_blank()) {
        let n = row.number;
        let before = cx.errors.len() + cx.dropped;
        let id = row_id(cx, file, &cols, row, &required, &mut ids, "claim");
        let k = cell(&cols, row, "kind");
        let kind = match k.to_lowercase().as_str() {
            "" => None,
            "money" | "usd" | "$" | "value" | "amount" => Some("money"),
            "percent" | "%" | "percentage" | "change" => Some("percent"),
            _ => {
                cx.error(expected(
                    file,
                    n,
                    column_of(&cols, "kind"),
                    "kind",
                    "money or percent",
                    k,
                ));
                None
            }
        };
        let v = cell(&cols, row, "figure");
        let figure = if v.is_empty() {
            None
        } else {
            let canon = numbers::canonical(v.trim_end_matches('%').trim(), '.');
            if canon.is_none() {
                let what = "a number as printed, with . as its decimal mark (-80.7, 491.06)";
                cx.error(expected(
                    file,
                    n,
                    column_of(&cols, "figure"),
                    "figure",
                    what,
                    v,
                ));
            }
            canon
        };
        let u = cell(&cols, row, "unit");
        let shift = if u.is_empty() || kind == Some("percent") {
            Some(0)
        } else {
            match unit(u) {
                Some(un) if un.currency.code() == currency => Some(un.exp - exp),
                Some(_) => {
                    let what = format!(
                        "a unit in {currency}, the dataset's currency (never converted), or blank"
                    );
                    cx.error(expected(file, n, col("unit"), "unit", &what, u));
                    None
                }
                None => {
                    let what = format!("{UNIT_EXPECTED} (or blank: the dataset's)");
                    cx.error(expected(file, n, col("unit"), "unit", &what, u));
                    None
                }
            }
        };
        let status = cell(&cols, row, "status").to_lowercase();
        if !status.is_empty() && !["agrees", "unsupported", "unverified"].contains(&status.as_str())
        {
            let what = "agrees, unsupported or unverified";
            let s = cell(&cols, row, "status");
            cx.error(expected(
                file,
                n,
                column_of(&cols, "status"),
                "status",
                what,
                s,
            ));
        }
        let check: Vec<String> = cell(&cols, row, "check")
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if check.len() > 2 {
            let what = "one observation id (money) or two separated by ; (a change)";
            cx.error(expected(
                file,
                n,
                col("check"),
                "check",
                what,
                cell(&cols, row, "check"),
            ));
        }
        let p = cell(&cols, row, "period");
        let period = if p.is_empty() {
            None
        } else {
            let norm = periods::normalize(p);
            if norm.is_none() {
                cx.error(expected(
                    file,
                    n,
                    col("period"),
                    "period",
                    periods::EXPECTED,
                    p,
                ));
            }
            norm
        };
        for v in cell(&cols, row, "views").split(';').map(str::trim) {
            if v.is_empty() {
                continue;
            }
            match dataset.views.iter().position(|x| x.id == v) {
                Some(i) => on_views.push((i, id.to_string())),
                None => {
                    let known: Vec<&str> = dataset.views.iter().map(|x| x.id.as_str()).collect();
                    cx.error(at(
                        ErrorKind::UnknownId,
                        file,
                        n,
                        col("views"),
                        "views",
                        format!(
                            "unknown view \"{v}\": the dataset's are {}",
                            known.join(", ")
                        ),
                    ));
                }
            }
        }
        if cx.errors.len() + cx.dropped > before {
            continue;
        }
        let (Some(kind), Some(canon), Some(shift)) = (kind, figure, shift) else {
            continue;
        };
        let check = match check.len() {
            0 => None,
            1 => Some(RawCheck {
                equals: check.into_iter().next(),
                change: None,
            }),
            _ => Some(RawCheck {
                equals: None,
                change: Some(check),
            }),
        };
        let note = Some(cell(&cols, row, "note")).filter(|s| !s.is_empty());
        rows.push(n);
        claims.push(RawClaim {
            id: id.to_string(),
            text: RawText::Plain(cell(&cols, row, "text").to_string()),
            figure: RawFigure {
                kind: kind.to_string(),
                value: numbers::to_f64(&canon, shift),
            },
            status,
            check,
            source: cell(&cols, row, "source").to_string(),
            period,
            note: note.map(|s| RawText::Plain(s.to_string())),
        });
    }
    if cx.errors.is_empty() {
        dataset.claims = claims;
        for v in &mut dataset.views {
            v.claims.clear();
        }
        for (v, id) in on_views {
            if let Some(view) = dataset.views.get_mut(v) {
                view.claims.push(id);
            }
        }
    }
    (rows, cols)
}
