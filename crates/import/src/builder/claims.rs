//! The story's claims as the builder's editor gives them (a text, a kind, a figure as
//! printed, the observations it checks), added to a dataset with their verdict computed
//! against the data, as the dataset's claim check computes it.

use serde::Deserialize;
use trade_chart::data::{RawCheck, RawClaim, RawDataset, RawFigure, RawText};
use trade_chart::error::{Error, ErrorKind};

use crate::cells::{slug, unique};
use crate::numbers;

/// A claim as the editor gives it: the verdict is computed, never given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimInput {
    /// The claim in the story's words.
    pub text: String,
    /// `money` (the figure is the observation's value) or `percent` (the change from
    /// `from` to `observation`).
    pub kind: String,
    /// The figure as the story prints it: `25,097.8`, `-19.5`, `−19.5%`.
    pub figure: String,
    /// The observation it checks.
    pub observation: Option<ObsKey>,
    /// For a percentage change: the observation it changes from.
    pub from: Option<ObsKey>,
    /// Where the claim appears: a source id (default: the first source).
    pub source: Option<String>,
}

/// An observation by its series id and period, as the editor picks it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObsKey {
    /// The series' id.
    pub series: String,
    /// The observation's period, as the dataset writes it.
    pub period: String,
}

/// The figure as printed → a number (`1,234.5`, `1.234,5`, `-19.5 %`, `−19.5`, `+3`).
pub fn figure_value(text: &str) -> Option<f64> {
    let t = text
        .trim()
        .trim_end_matches('%')
        .trim()
        .replace('\u{2212}', "-");
    let t = t.strip_prefix('+').unwrap_or(&t).trim();
    let c = numbers::canonical(t, '.').or_else(|| numbers::canonical(t, ','))?;
    let v = numbers::to_f64(&c, 0);
    v.is_finite().then_some(v)
}

/// Adds the editor's claims to `raw` (ids `claim-1`, `claim-2`… in order) with their
/// status computed against the data (`agrees`, or `unsupported` with a note giving what
/// the data say), as the dataset's claim check does it. An observation a claim names
/// gets an id if it has none (its series and period as an id, as the importers make ids
/// from names). Errors at `claims[i].field`; the dataset is validated first.
pub fn add_claims(raw: &mut RawDataset, claims: &[ClaimInput]) -> Result<(), Error> {
    if claims.is_empty() {
        return Ok(());
    }
    let checked = trade_chart::validate(raw)?;
    let scale_words = [(1e3, " thousand"), (1e6, " million"), (1e9, " billion")]
        .iter()
        .find(|(s, _)| *s == raw.unit.scale)
        .map_or("", |x| x.1);
    // `checked` has the series and observations of `raw`, in the same order.
    let value_of = |(series, obs): (usize, usize)| {
        let r = trade_chart::data::ObsRef { series, obs };
        checked.obs(r).map_or(f64::NAN, |o| o.value)
    };
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
        let (to_at, to) = observation_id(raw, c.observation.as_ref(), &at("observation"))?;
        let to_value = value_of(to_at);
        let (check, computed) = if kind == "percent" {
            let (from_at, from) = observation_id(raw, c.from.as_ref(), &at("from"))?;
            let from_value = value_of(from_at);
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
            text: RawText::Plain(c.text.trim().to_string()),
            figure: RawFigure {
                kind: kind.to_string(),
                value,
            },
            status: if passes { "agrees" } else { "unsupported" }.to_string(),
            check: Some(check),
            source,
            period: None,
            note: (!passes).then_some(RawText::Plain(data_say)),
        });
    }
    Ok(())
}

/// The observation `key` names (`path`: the claim's field, for errors) as its place
/// (series, observation) and its id, given one if it has none.
fn observation_id(
    raw: &mut RawDataset,
    key: Option<&ObsKey>,
    path: &str,
) -> Result<((usize, usize), String), Error> {
    let key = key.ok_or_else(|| {
        Error::expected_as(ErrorKind::MissingField, path, "an observation", "none")
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
            path,
            format!("no figure of series {:?} for {}", key.series, key.period),
        ));
    };
    let given = raw.series.get(si).and_then(|s| s.observations.get(oi));
    if let Some(id) = given.and_then(|o| o.id.clone()) {
        return Ok(((si, oi), id));
    }
    let base = slug(&format!("{}-{}", key.series, key.period));
    let base = if base.is_empty() {
        "observation".into()
    } else {
        base
    };
    let mut used: Vec<String> = raw
        .series
        .iter()
        .flat_map(|s| &s.observations)
        .filter_map(|o| o.id.clone())
        .collect();
    let id = unique(&mut used, base);
    if let Some(o) = raw
        .series
        .get_mut(si)
        .and_then(|s| s.observations.get_mut(oi))
    {
        o.id = Some(id.clone());
    }
    Ok(((si, oi), id))
}
