//! Raw JSON model → checked [`Dataset`]. Every rejection names its field.
//!
//! [`validate`] runs one function per section of the schema, in document order:
//! header, partners and unit, bases, sources, series and observations, derived
//! values, claims, annotations, views. The sections share an [`Ids`] context, the id →
//! index maps each section adds to as it checks its own list.

use std::collections::{HashMap, HashSet};

use super::checked::*;
use super::currency::Currency;
use super::derive::{agrees, change, evaluate, obs};
use super::period::{is_date, Period};
use super::raw::*;
use crate::error::{Error, ErrorKind, Result};

/// The longest time view, in months.
pub const MAX_MONTHS: i32 = 1200;

/// Validates a raw dataset and resolves every reference in it.
pub fn validate(raw: &RawDataset) -> Result<Dataset> {
    if raw.schema != 1 {
        return Err(Error::expected_as(
            ErrorKind::Unsupported,
            "schema",
            "1",
            raw.schema,
        ));
    }
    counts(raw)?;
    non_empty(&Field(&top, "id"), &raw.id)?;
    let title = text(&Field(&top, "title"), &raw.title)?;
    let notes = texts(&Field(&top, "notes"), &raw.notes)?;
    let credit = match &raw.credit {
        Some(c) => Some(text(&Field(&top, "credit"), c)?),
        None => None,
    };
    let partners = partners(raw)?;
    let currency = unit(raw)?;

    let mut ids = Ids::default();
    let bases = bases(raw, &mut ids)?;
    let sources = sources(raw, &mut ids)?;
    let mut series = series(raw, &partners, &mut ids)?;
    derived(raw, &mut series, &ids)?;
    let claims = claims(raw, &series, &mut ids)?;
    let annotations = annotations(raw, &mut ids)?;
    let views = views(raw, &series, &claims, &ids)?;

    Ok(Dataset {
        id: raw.id.clone(),
        title,
        partners,
        currency,
        scale: raw.unit.scale,
        bases,
        sources,
        series,
        claims,
        annotations,
        views,
        notes,
        credit,
    })
}

/// Where a checked value is, for its error's path: written only when an error is.
trait Place {
    fn path(&self) -> String;
}

impl<F: Fn() -> String> Place for F {
    fn path(&self) -> String {
        self()
    }
}

/// Field `.1` of what `.0` writes the field paths of (`series[0].` and `label`). One type
/// for most places, so the wasm carries one `path` for them rather than a closure each.
struct Field<'a>(&'a dyn Fn(&str) -> String, &'a str);

impl Place for Field<'_> {
    fn path(&self) -> String {
        (self.0)(self.1)
    }
}

/// Element `.1` of the list at `.0` (`notes` and 2: `notes[2]`).
struct Index<'a>(&'a dyn Place, usize);

impl Place for Index<'_> {
    fn path(&self) -> String {
        format!("{}[{}]", self.0.path(), self.1)
    }
}

/// A top-level field's path: its name.
fn top(f: &str) -> String {
    f.to_string()
}

/// The id → index maps of the lists checked so far, shared by the sections that
/// refer to them. Each is filled by its own section, before any later one reads it.
#[derive(Default)]
struct Ids<'a> {
    bases: HashMap<&'a str, usize>,
    sources: HashMap<&'a str, usize>,
    series: HashMap<&'a str, usize>,
    /// An observation id's place in `obs_at` (a map of the same type as the others': one
    /// hash map type less in the wasm).
    observations: HashMap<&'a str, usize>,
    obs_at: Vec<ObsRef>,
    claims: HashMap<&'a str, usize>,
    annotations: HashMap<&'a str, usize>,
}

impl Ids<'_> {
    /// The observation with this id, or an error at `path`.
    fn obs(&self, path: &dyn Place, id: &str) -> Result<ObsRef> {
        let i = lookup(&self.observations, "observation", path, id)?;
        // pushed with its id, so always there
        Ok(self
            .obs_at
            .get(i)
            .copied()
            .unwrap_or(ObsRef { series: 0, obs: 0 }))
    }
}

/// The sizes of a dataset's lists against [`crate::limits`], before any is read: series,
/// observations (all series together), views, and every other list (bases, sources,
/// claims, annotations, notes, and the lists inside series, observations and views).
fn counts(raw: &RawDataset) -> Result<()> {
    use crate::limits::{ENTRIES, OBSERVATIONS, SERIES, VIEWS};
    SERIES.check("series", raw.series.len())?;
    let n = raw
        .series
        .iter()
        .fold(0usize, |n, s| n.saturating_add(s.observations.len()));
    OBSERVATIONS.check("series", n)?;
    VIEWS.check("views", raw.views.len())?;
    ENTRIES.check("bases", raw.bases.len())?;
    ENTRIES.check("sources", raw.sources.len())?;
    ENTRIES.check("claims", raw.claims.len())?;
    ENTRIES.check("annotations", raw.annotations.len())?;
    ENTRIES.check("notes", raw.notes.len())?;
    for (si, s) in raw.series.iter().enumerate() {
        for (j, o) in s.observations.iter().enumerate() {
            let p = |f: &str| format!("series[{si}].observations[{j}].{f}");
            ENTRIES.check(p("sources"), o.sources.len())?;
            if let Some(d) = &o.derived {
                ENTRIES.check(p("derived.of"), d.of.len())?;
            }
        }
    }
    for (vi, v) in raw.views.iter().enumerate() {
        let p = |f: &str| format!("views[{vi}].{f}");
        ENTRIES.check(p("series"), v.series.len())?;
        ENTRIES.check(p("notes"), v.notes.len())?;
        ENTRIES.check(p("claims"), v.claims.len())?;
        ENTRIES.check(p("annotations"), v.annotations.len())?;
        ENTRIES.check(p("sources"), v.sources.len())?;
        if let Some(ps) = &v.periods {
            ENTRIES.check(p("periods"), ps.len())?;
        }
    }
    Ok(())
}

/// A non-empty string of at most [`crate::limits::TEXT_CHARS`] characters.
fn non_empty(path: &dyn Place, s: &str) -> Result<()> {
    crate::limits::check_text(&|| path.path(), s)?;
    if s.trim().is_empty() {
        return Err(Error::expected(path.path(), "a non-empty string", "\"\""));
    }
    Ok(())
}

/// Index of each id in a list, rejecting empty and duplicate ids.
fn index_ids<'a>(
    list: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<&'a str, usize>> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        let path = || format!("{list}[{i}].id");
        non_empty(&path, id)?;
        if map.insert(id, i).is_some() {
            return Err(Error::duplicate_id(path.path(), "id", id));
        }
    }
    Ok(map)
}

/// Checks reader-facing text: non-empty, with English when given per language.
fn text(path: &dyn Place, raw: &RawText) -> Result<Text> {
    match raw {
        RawText::Plain(s) => {
            non_empty(path, s)?;
            Ok(Text::plain(s))
        }
        RawText::Localized(map) => {
            let mut t = Text::default();
            for (lang, s) in map {
                let p = || format!("{}.{lang}", path.path());
                non_empty(&p, s)?;
                match lang.as_str() {
                    "en" => t.en = s.clone(),
                    "ko" => t.ko = Some(s.clone()),
                    "zh" => t.zh = Some(s.clone()),
                    _ => {
                        return Err(Error::at(
                            ErrorKind::Unsupported,
                            p(),
                            "unknown language: expected \"en\", \"ko\" or \"zh\"",
                        ))
                    }
                }
            }
            if t.en.is_empty() {
                return Err(Error::expected_as(
                    ErrorKind::MissingField,
                    format!("{}.en", path.path()),
                    "English text (the fallback)",
                    "none",
                ));
            }
            Ok(t)
        }
    }
}

fn texts(path: &dyn Place, raw: &[RawText]) -> Result<Vec<Text>> {
    raw.iter()
        .enumerate()
        .map(|(i, r)| text(&Index(path, i), r))
        .collect()
}

fn optional_text(path: &dyn Place, raw: &Option<RawText>) -> Result<Option<Text>> {
    raw.as_ref().map(|r| text(path, r)).transpose()
}

fn lookup(map: &HashMap<&str, usize>, what: &str, path: &dyn Place, id: &str) -> Result<usize> {
    map.get(id)
        .copied()
        .ok_or_else(|| Error::unknown_id(path.path(), what, id))
}

/// Each id of `list` looked up in `map`, at `path[k]`.
fn lookup_all(
    map: &HashMap<&str, usize>,
    what: &str,
    path: &dyn Place,
    list: &[String],
) -> Result<Vec<usize>> {
    list.iter()
        .enumerate()
        .map(|(k, id)| lookup(map, what, &Index(path, k), id))
        .collect()
}

fn period(path: &dyn Place, s: &str) -> Result<Period> {
    Period::parse(s).map_err(|e| Error::expected(path.path(), &e.to_string(), format!("\"{s}\"")))
}

/// Partners: exactly two, with distinct codes.
fn partners(raw: &RawDataset) -> Result<Vec<Partner>> {
    let [first, second] = raw.partners.as_slice() else {
        return Err(Error::expected(
            "partners",
            "2 partners",
            raw.partners.len(),
        ));
    };
    let mut partners = Vec::with_capacity(2);
    for (i, p) in raw.partners.iter().enumerate() {
        let pp = |f: &str| format!("partners[{i}].{f}");
        non_empty(&Field(&pp, "code"), &p.code)?;
        let name = text(&Field(&pp, "name"), &p.name)?;
        partners.push(Partner {
            code: p.code.clone(),
            name,
        });
    }
    if first.code == second.code {
        return Err(Error::at(
            ErrorKind::DuplicateId,
            "partners[1].code",
            "the two partners have the same code",
        ));
    }
    Ok(partners)
}

/// The unit: a known ISO 4217 currency times a positive scale.
fn unit(raw: &RawDataset) -> Result<Currency> {
    let Some(currency) = Currency::parse(&raw.unit.currency) else {
        return Err(Error::expected(
            "unit.currency",
            "a known ISO 4217 code in capitals (\"USD\", \"EUR\", \"KRW\"…)",
            format!("\"{}\"", raw.unit.currency),
        ));
    };
    if !(raw.unit.scale.is_finite() && raw.unit.scale > 0.0) {
        return Err(Error::expected(
            "unit.scale",
            "a positive number",
            crate::number::plain(raw.unit.scale),
        ));
    }
    Ok(currency)
}

fn bases<'a>(raw: &'a RawDataset, ids: &mut Ids<'a>) -> Result<Vec<Basis>> {
    ids.bases = index_ids("bases", raw.bases.iter().map(|b| b.id.as_str()))?;
    raw.bases
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Ok(Basis {
                id: b.id.clone(),
                label: text(&Field(&|f| format!("bases[{i}].{f}"), "label"), &b.label)?,
            })
        })
        .collect()
}

fn sources<'a>(raw: &'a RawDataset, ids: &mut Ids<'a>) -> Result<Vec<Source>> {
    ids.sources = index_ids("sources", raw.sources.iter().map(|s| s.id.as_str()))?;
    let mut sources = Vec::with_capacity(raw.sources.len());
    for (i, s) in raw.sources.iter().enumerate() {
        let sp = |f: &str| format!("sources[{i}].{f}");
        non_empty(&Field(&sp, "publisher"), &s.publisher)?;
        non_empty(&Field(&sp, "title"), &s.title)?;
        if !(s.url.starts_with("https://") || s.url.starts_with("http://")) || s.url.len() < 12 {
            return Err(Error::expected(
                format!("sources[{i}].url"),
                "an http(s) URL",
                format!("\"{}\"", s.url),
            ));
        }
        if let Some(d) = &s.date {
            if !is_date(d) {
                return Err(Error::expected(
                    format!("sources[{i}].date"),
                    "YYYY, YYYY-MM or YYYY-MM-DD",
                    format!("\"{d}\""),
                ));
            }
        }
        sources.push(Source {
            id: s.id.clone(),
            publisher: s.publisher.clone(),
            title: s.title.clone(),
            date: s.date.clone(),
            url: s.url.clone(),
            note: s.note.clone(),
        });
    }
    Ok(sources)
}

/// Series and their observations; the values of derived ones stay NaN until
/// [`derived`] computes them.
fn series<'a>(raw: &'a RawDataset, partners: &[Partner], ids: &mut Ids<'a>) -> Result<Vec<Series>> {
    if raw.series.is_empty() {
        return Err(Error::expected("series", "at least one series", "none"));
    }
    ids.series = index_ids("series", raw.series.iter().map(|s| s.id.as_str()))?;
    let mut series = Vec::with_capacity(raw.series.len());
    for (si, rs) in raw.series.iter().enumerate() {
        let sp = |f: &str| format!("series[{si}].{f}");
        let label = text(&Field(&sp, "label"), &rs.label)?;
        let direction = parse_direction(&rs.direction, partners).ok_or_else(|| {
            Error::expected(
                sp("direction"),
                "\"two-way\" or \"XX>YY\" with the partners' codes",
                format!("\"{}\"", rs.direction),
            )
        })?;
        let basis = lookup(&ids.bases, "basis", &Field(&sp, "basis"), &rs.basis)?;
        if rs.observations.is_empty() {
            return Err(Error::expected(
                sp("observations"),
                "at least one observation",
                "an empty list",
            ));
        }
        // (period, category as its place in `keys`): a second figure for both is refused
        let mut seen: HashSet<(Period, usize)> = HashSet::new();
        // (category as its place among the series' categories, start, end, observation)
        let mut spans: Vec<(usize, i32, i32, usize)> = Vec::new();
        let mut keys: Vec<Option<String>> = Vec::new();
        let mut observations = Vec::with_capacity(rs.observations.len());
        for (oi, ro) in rs.observations.iter().enumerate() {
            let op = |f: &str| format!("series[{si}].observations[{oi}].{f}");
            let p = period(&Field(&op, "period"), &ro.period)?;
            let category = optional_text(&Field(&op, "category"), &ro.category)?;
            let key = category.as_ref().map(|c| c.en.clone());
            let k = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                keys.len() - 1
            });
            if !seen.insert((p, k)) {
                return Err(Error::at(
                    ErrorKind::Overlap,
                    op("period"),
                    format!("a second figure for \"{}\" in this series", ro.period),
                ));
            }
            spans.push((k, p.start, p.end, oi));
            if let Some(id) = &ro.id {
                non_empty(&Field(&op, "id"), id)?;
                let at = ObsRef {
                    series: si,
                    obs: oi,
                };
                if ids.observations.insert(id, ids.obs_at.len()).is_some() {
                    return Err(Error::duplicate_id(op("id"), "observation id", id));
                }
                ids.obs_at.push(at);
            }
            let scale = raw.unit.scale;
            observations.push(observation(ro, &op, p, category, basis, scale, ids)?);
        }
        // Overlapping periods (2020 and 2020-06 in one series): sorted, so linear.
        crate::data::order::sort_by_key(&mut spans, |&(k, a, b, _)| {
            use crate::data::order::{i32_key, usize_key};
            (usize_key(k) << 64) | (i32_key(a) << 32) | i32_key(b)
        });
        for w in spans.windows(2) {
            let &[(k, _, end, a), (next_k, start, _, b)] = w else {
                continue;
            };
            if k == next_k && start < end {
                let oi = a.max(b);
                return Err(Error::at(
                    ErrorKind::Overlap,
                    format!("series[{si}].observations[{oi}].period"),
                    format!(
                        "\"{}\" overlaps another period in this series",
                        rs.observations.get(oi).map_or("", |o| o.period.as_str())
                    ),
                ));
            }
        }
        series.push(Series {
            id: rs.id.clone(),
            label,
            direction,
            observations,
        });
    }
    Ok(series)
}

/// The rest of an observation once [`series`] has checked its `period`, `category`
/// and id (`op` makes its field paths; `basis` is the series' default; values are in
/// units of `scale` of the dataset's currency).
fn observation(
    ro: &RawObservation,
    op: &dyn Fn(&str) -> String,
    period: Period,
    category: Option<Text>,
    basis: usize,
    scale: f64,
    ids: &Ids,
) -> Result<Observation> {
    let value = match (&ro.derived, ro.value) {
        (Some(_), Some(_)) => {
            return Err(Error::new(
                op("value"),
                "a derived figure has no value of its own: it is computed from derived.of",
            ))
        }
        (None, None) => {
            return Err(Error::expected_as(
                ErrorKind::MissingField,
                op("value"),
                "a number",
                "nothing (a gap is left out, never written as 0 or null)",
            ))
        }
        (None, Some(v)) if !v.is_finite() || v < 0.0 => {
            return Err(Error::expected(
                op("value"),
                "a finite number ≥ 0",
                crate::number::plain(v),
            ))
        }
        (None, Some(v)) if v * scale > MAX_AMOUNT => {
            return Err(Error::expected_as(
                ErrorKind::TooLarge,
                op("value"),
                &format!(
                    "at most {} in this unit (10¹⁷ in the dataset's currency)",
                    crate::number::plain(MAX_AMOUNT / scale)
                ),
                crate::number::plain(v),
            ))
        }
        (None, Some(v)) => v,
        (Some(_), None) => f64::NAN, // computed by `derived`
    };
    let basis = match &ro.basis {
        Some(b) => lookup(&ids.bases, "basis", &Field(op, "basis"), b)?,
        None => basis,
    };
    let qualifier = match ro.qualifier.as_deref() {
        None => Qualifier::Exact,
        Some("approx") => Qualifier::Approx,
        Some("at_least") => Qualifier::AtLeast,
        Some(q) => {
            return Err(Error::expected(
                op("qualifier"),
                "\"approx\" or \"at_least\"",
                format!("\"{q}\""),
            ))
        }
    };
    if ro.sources.is_empty() && ro.derived.is_none() {
        return Err(Error::expected(
            op("sources"),
            "at least one source id",
            "none",
        ));
    }
    let sources = lookup_all(&ids.sources, "source", &Field(op, "sources"), &ro.sources)?;
    let note = optional_text(&Field(op, "note"), &ro.note)?;
    Ok(Observation {
        id: ro.id.clone(),
        period,
        category,
        value,
        basis,
        qualifier,
        sources,
        derived: None,
        note,
    })
}

/// Derived values: resolves each formula's inputs, then computes them in dependency
/// order ([`evaluate`]).
fn derived(raw: &RawDataset, series: &mut [Series], ids: &Ids) -> Result<()> {
    for (si, rs) in raw.series.iter().enumerate() {
        for (oi, ro) in rs.observations.iter().enumerate() {
            let Some(f) = &ro.derived else { continue };
            let op = |f: &str| format!("series[{si}].observations[{oi}].derived.{f}");
            let kind = match f.op.as_str() {
                "sum" => Op::Sum,
                "difference" => Op::Difference,
                other => {
                    return Err(Error::expected(
                        op("op"),
                        "\"sum\" or \"difference\"",
                        format!("\"{other}\""),
                    ))
                }
            };
            if f.of.len() < 2 {
                return Err(Error::expected(
                    op("of"),
                    "at least two observation ids",
                    f.of.len(),
                ));
            }
            let mut of = Vec::with_capacity(f.of.len());
            for (k, id) in f.of.iter().enumerate() {
                of.push(ids.obs(&Index(&Field(&op, "of"), k), id)?);
            }
            // `series` was made from `raw.series`, observation for observation
            if let Some(o) = series.get_mut(si).and_then(|s| s.observations.get_mut(oi)) {
                o.derived = Some(Derived { op: kind, of });
            }
        }
    }
    evaluate(series, raw.unit.scale)
}

/// Claims, each checked against the data its status rests on.
fn claims<'a>(raw: &'a RawDataset, series: &[Series], ids: &mut Ids<'a>) -> Result<Vec<Claim>> {
    // `r` was resolved by `ids`
    let value = |r: ObsRef| obs(series, r.series, r.obs).map_or(f64::NAN, |o| o.value);
    let mut claims = Vec::with_capacity(raw.claims.len());
    ids.claims = index_ids("claims", raw.claims.iter().map(|c| c.id.as_str()))?;
    for (ci, rc) in raw.claims.iter().enumerate() {
        let cp = |f: &str| format!("claims[{ci}].{f}");
        let claim_text = text(&Field(&cp, "text"), &rc.text)?;
        let note = optional_text(&Field(&cp, "note"), &rc.note)?;
        let claim_period = match &rc.period {
            Some(p) => Some(period(&Field(&cp, "period"), p)?),
            None => None,
        };
        let kind = match rc.figure.kind.as_str() {
            "money" => FigureKind::Money,
            "percent" => FigureKind::Percent,
            k => {
                return Err(Error::expected(
                    cp("figure.kind"),
                    "\"money\" or \"percent\"",
                    format!("\"{k}\""),
                ))
            }
        };
        if !rc.figure.value.is_finite() {
            return Err(Error::expected(
                cp("figure.value"),
                "a finite number",
                crate::number::plain(rc.figure.value),
            ));
        }
        let status = match rc.status.as_str() {
            "agrees" => ClaimStatus::Agrees,
            "unsupported" => ClaimStatus::Unsupported,
            "unverified" => ClaimStatus::Unverified,
            s => {
                return Err(Error::expected(
                    cp("status"),
                    "\"agrees\", \"unsupported\" or \"unverified\"",
                    format!("\"{s}\""),
                ))
            }
        };
        let source = lookup(&ids.sources, "source", &Field(&cp, "source"), &rc.source)?;
        let check = match &rc.check {
            None => None,
            Some(RawCheck {
                equals: Some(id),
                change: None,
            }) => {
                if kind != FigureKind::Money {
                    return Err(Error::new(
                        cp("check.equals"),
                        "compares money; a percent figure takes check.change",
                    ));
                }
                let r = ids.obs(&Field(&cp, "check.equals"), id)?;
                Some((Check::Equals(r), value(r)))
            }
            Some(RawCheck {
                equals: None,
                change: Some(list),
            }) => {
                let (FigureKind::Percent, [a, b]) = (kind, list.as_slice()) else {
                    return Err(Error::expected(
                        cp("check.change"),
                        "two observation ids, with a percent figure",
                        list.len(),
                    ));
                };
                let a = ids.obs(&Field(&cp, "check.change[0]"), a)?;
                let b = ids.obs(&Field(&cp, "check.change[1]"), b)?;
                if value(a) <= 0.0 {
                    return Err(Error::new(
                        cp("check.change[0]"),
                        "a change from zero has no percentage",
                    ));
                }
                Some((Check::Change(a, b), change(value(a), value(b))))
            }
            Some(_) => {
                return Err(Error::expected(
                    cp("check"),
                    "exactly one of \"equals\" or \"change\"",
                    "both or neither",
                ))
            }
        };
        let passes = check.map(|(_, computed)| agrees(rc.figure.value, computed));
        let contradiction = match (status, passes) {
            (ClaimStatus::Agrees, None) => {
                Some("\"agrees\" needs a check against the data".to_string())
            }
            // core's f64 Display written by format::plain (the same words): this message
            // was the last user of core's float formatting in the reader's wasm (14 KB)
            (ClaimStatus::Agrees, Some(false)) => Some(format!(
                "\"agrees\", but the data give {}",
                crate::number::plain(check.map_or(0.0, |c| c.1))
            )),
            (ClaimStatus::Unsupported, Some(true)) => {
                Some("\"unsupported\", but the check passes".to_string())
            }
            (ClaimStatus::Unverified, Some(_)) => Some(
                "\"unverified\" has no check; with one it is \"agrees\" or \"unsupported\""
                    .to_string(),
            ),
            _ => None,
        };
        if let Some(message) = contradiction {
            return Err(Error::at(ErrorKind::ClaimCheck, cp("status"), message));
        }
        if status == ClaimStatus::Unsupported && note.is_none() {
            return Err(Error::expected_as(
                ErrorKind::MissingField,
                cp("note"),
                "an explanation for an unsupported claim",
                "none",
            ));
        }
        claims.push(Claim {
            id: rc.id.clone(),
            text: claim_text,
            kind,
            value: rc.figure.value,
            status,
            check,
            source,
            note,
            period: claim_period,
        });
    }
    Ok(claims)
}

fn annotations<'a>(raw: &'a RawDataset, ids: &mut Ids<'a>) -> Result<Vec<Annotation>> {
    ids.annotations = index_ids("annotations", raw.annotations.iter().map(|a| a.id.as_str()))?;
    let mut annotations = Vec::with_capacity(raw.annotations.len());
    for (ai, ra) in raw.annotations.iter().enumerate() {
        let ap = |f: &str| format!("annotations[{ai}].{f}");
        let label = text(&Field(&ap, "label"), &ra.label)?;
        let sentence = text(&Field(&ap, "text"), &ra.text)?;
        if ra.sources.is_empty() {
            return Err(Error::expected(
                ap("sources"),
                "at least one source id",
                "none",
            ));
        }
        let sources = lookup_all(&ids.sources, "source", &Field(&ap, "sources"), &ra.sources)?;
        let from = period(&Field(&ap, "period"), &ra.period)?;
        let to = match &ra.to {
            None => None,
            Some(t) => {
                let to = period(&Field(&ap, "to"), t)?;
                if to.start < from.start || to.end < from.end {
                    return Err(Error::expected(
                        ap("to"),
                        &format!("a period not before `period` ({})", ra.period),
                        t.as_str(),
                    ));
                }
                Some(to)
            }
        };
        annotations.push(Annotation {
            id: ra.id.clone(),
            period: from,
            to,
            label,
            text: sentence,
            sources,
        });
    }
    Ok(annotations)
}

/// Views: what each tab draws, with every reference resolved.
fn views(raw: &RawDataset, series: &[Series], claims: &[Claim], ids: &Ids) -> Result<Vec<View>> {
    if raw.views.is_empty() {
        return Err(Error::expected("views", "at least one view", "none"));
    }
    index_ids("views", raw.views.iter().map(|v| v.id.as_str()))?;
    let mut views = Vec::with_capacity(raw.views.len());
    for (vi, rv) in raw.views.iter().enumerate() {
        views.push(view(
            rv,
            &|f| format!("views[{vi}].{f}"),
            series,
            claims,
            ids,
        )?);
    }
    Ok(views)
}

/// One view (`vp` makes its field paths).
fn view(
    rv: &RawView,
    vp: &dyn Fn(&str) -> String,
    series: &[Series],
    claims: &[Claim],
    ids: &Ids,
) -> Result<View> {
    // `r` was resolved by `ids`
    let value = |r: ObsRef| obs(series, r.series, r.obs).map_or(f64::NAN, |o| o.value);
    let label = text(&Field(vp, "label"), &rv.label)?;
    let title = text(&Field(vp, "title"), &rv.title)?;
    let subtitle = optional_text(&Field(vp, "subtitle"), &rv.subtitle)?;
    let notes = texts(&Field(vp, "notes"), &rv.notes)?;
    let kind = match rv.kind.as_str() {
        "bars" => ViewKind::Bars,
        "time-bars" => ViewKind::TimeBars,
        "time-line" => ViewKind::TimeLine,
        k => {
            return Err(Error::expected(
                vp("kind"),
                "\"bars\", \"time-bars\" or \"time-line\"",
                format!("\"{k}\""),
            ))
        }
    };
    if rv.series.is_empty() {
        return Err(Error::expected(
            vp("series"),
            "at least one series id",
            "none",
        ));
    }
    let vs = lookup_all(&ids.series, "series", &Field(vp, "series"), &rv.series)?;
    let all_obs = || (vs.iter().filter_map(|&s| series.get(s))).flat_map(|s| s.observations.iter());
    let by_category = match rv.x.as_deref() {
        None | Some("period") => false,
        Some("category") => true,
        Some(x) => {
            return Err(Error::expected(
                vp("x"),
                "\"period\" or \"category\"",
                format!("\"{x}\""),
            ))
        }
    };
    let groups = if by_category {
        let mut cats: Vec<String> = Vec::new();
        for o in all_obs() {
            let Some(c) = &o.category else {
                return Err(Error::new(
                    vp("x"),
                    "\"category\", but a series in this view has figures without a category",
                ));
            };
            if !cats.contains(&c.en) {
                // Stops at the limit: the search is linear in the categories so far.
                crate::limits::CATEGORIES.check(vp("x"), cats.len() + 1)?;
                cats.push(c.en.clone());
            }
        }
        Groups::Categories(cats)
    } else if let Some(ps) = &rv.periods {
        let mut out = Vec::new();
        for (k, p) in ps.iter().enumerate() {
            out.push(period(&Index(&Field(vp, "periods"), k), p)?);
        }
        Groups::Periods(out)
    } else {
        let mut ps: Vec<Period> = all_obs().map(|o| o.period).collect();
        crate::data::order::sort_by_key(&mut ps, crate::data::order::period_key);
        ps.dedup();
        Groups::Periods(ps)
    };
    let range = match (kind, &rv.from, &rv.to) {
        (ViewKind::Bars, _, _) => (0, 0),
        (_, Some(f), Some(t)) => {
            let (f, t) = (period(&Field(vp, "from"), f)?, period(&Field(vp, "to"), t)?);
            if t.end <= f.start {
                return Err(Error::new(vp("to"), "ends before \"from\" starts"));
            }
            if t.end - f.start > MAX_MONTHS {
                return Err(Error::expected_as(
                    ErrorKind::TooLarge,
                    vp("to"),
                    "a range of at most 100 years",
                    format!("{} months", t.end - f.start),
                ));
            }
            (f.start, t.end)
        }
        _ => {
            return Err(Error::expected_as(
                ErrorKind::MissingField,
                vp("from"),
                "\"from\" and \"to\" periods for a time view",
                "none",
            ))
        }
    };
    let change = match rv.change.as_deref() {
        None => None,
        Some([a, b]) => {
            let a = ids.obs(&Index(&Field(vp, "change"), 0), a)?;
            let b = ids.obs(&Index(&Field(vp, "change"), 1), b)?;
            if value(a) <= 0.0 {
                return Err(Error::new(
                    vp("change"),
                    "a change from zero has no percentage",
                ));
            }
            Some((a, b))
        }
        Some(list) => {
            return Err(Error::expected(
                vp("change"),
                "two observation ids",
                list.len(),
            ))
        }
    };
    let annotations = lookup_all(
        &ids.annotations,
        "annotation",
        &Field(vp, "annotations"),
        &rv.annotations,
    )?;
    let mut view_claims = Vec::new();
    for (k, id) in rv.claims.iter().enumerate() {
        let path = || format!("{}[{k}]", vp("claims"));
        let i = lookup(&ids.claims, "claim", &path, id)?;
        if !claims.get(i).is_some_and(|c| c.period.is_some()) {
            return Err(Error::new(path.path(), "a drawn claim needs a period"));
        }
        view_claims.push(i);
    }
    let sources = lookup_all(&ids.sources, "source", &Field(vp, "sources"), &rv.sources)?;
    Ok(View {
        id: rv.id.clone(),
        label,
        title,
        subtitle,
        kind,
        series: vs,
        groups,
        range,
        change,
        annotations,
        notes,
        sources,
        claims: view_claims,
    })
}

fn parse_direction(s: &str, partners: &[Partner]) -> Option<Direction> {
    if s == "two-way" {
        return Some(Direction::TwoWay);
    }
    let (a, b) = s.split_once('>')?;
    let from = partners.iter().position(|p| p.code == a)?;
    let to = partners.iter().position(|p| p.code == b)?;
    (from != to).then_some(Direction::Flow { from, to })
}
