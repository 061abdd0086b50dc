//! Raw JSON model → checked [`Dataset`]. Every rejection names its field.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::error::{Error, Result};

fn non_empty(path: &dyn Fn() -> String, s: &str) -> Result<()> {
    if s.trim().is_empty() {
        return Err(Error::expected(path(), "a non-empty string", "\"\""));
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
            return Err(Error::new(path(), format!("duplicate id \"{id}\"")));
        }
    }
    Ok(map)
}

/// Checks reader-facing text: non-empty, with English when given per language.
fn text(path: &dyn Fn() -> String, raw: &RawText) -> Result<Text> {
    match raw {
        RawText::Plain(s) => {
            non_empty(path, s)?;
            Ok(Text::plain(s))
        }
        RawText::Localized(map) => {
            let mut t = Text::default();
            for (lang, s) in map {
                let p = || format!("{}.{lang}", path());
                non_empty(&p, s)?;
                match lang.as_str() {
                    "en" => t.en = s.clone(),
                    "ko" => t.ko = Some(s.clone()),
                    "zh" => t.zh = Some(s.clone()),
                    _ => {
                        return Err(Error::new(
                            p(),
                            "unknown language: expected \"en\", \"ko\" or \"zh\"",
                        ))
                    }
                }
            }
            if t.en.is_empty() {
                return Err(Error::expected(
                    format!("{}.en", path()),
                    "English text (the fallback)",
                    "none",
                ));
            }
            Ok(t)
        }
    }
}

fn texts(path: &dyn Fn() -> String, raw: &[RawText]) -> Result<Vec<Text>> {
    raw.iter()
        .enumerate()
        .map(|(i, r)| text(&|| format!("{}[{i}]", path()), r))
        .collect()
}

fn lookup(
    map: &HashMap<&str, usize>,
    what: &str,
    path: &dyn Fn() -> String,
    id: &str,
) -> Result<usize> {
    map.get(id)
        .copied()
        .ok_or_else(|| Error::new(path(), format!("unknown {what} \"{id}\"")))
}

fn period(path: &dyn Fn() -> String, s: &str) -> Result<Period> {
    Period::parse(s).map_err(|e| Error::expected(path(), &e.to_string(), format!("\"{s}\"")))
}

/// Decimal places a printed figure has (80.7 → 1, 539.06 → 2, 48 → 0).
pub(crate) fn decimals(v: f64) -> i32 {
    let mut scaled = v.abs();
    for d in 0..9 {
        if (scaled - scaled.round()).abs() <= 1e-7 * scaled.max(1.0) {
            return d;
        }
        scaled *= 10.0;
    }
    9
}

/// Whether a figure printed with its decimals matches `computed` when rounded so.
pub(crate) fn agrees(printed: f64, computed: f64) -> bool {
    if !computed.is_finite() {
        return false;
    }
    let tolerance = 0.5 * 10f64.powi(-decimals(printed)) + 1e-9 * computed.abs().max(1.0);
    (printed - computed).abs() <= tolerance
}

/// The largest figure accepted, in US dollars (world trade is about 3 × 10¹³).
pub const MAX_USD: f64 = 1e15;

/// The longest time view, in months.
pub const MAX_MONTHS: i32 = 1200;

/// Validates a raw dataset and resolves every reference in it.
pub fn validate(raw: &RawDataset) -> Result<Dataset> {
    if raw.schema != 1 {
        return Err(Error::expected("schema", "1", raw.schema));
    }
    non_empty(&|| "id".into(), &raw.id)?;
    let title = text(&|| "title".into(), &raw.title)?;
    let notes = texts(&|| "notes".into(), &raw.notes)?;

    // Partners: exactly two, distinct codes.
    if raw.partners.len() != 2 {
        return Err(Error::expected(
            "partners",
            "2 partners",
            raw.partners.len(),
        ));
    }
    let mut partners = Vec::with_capacity(2);
    for (i, p) in raw.partners.iter().enumerate() {
        non_empty(&|| format!("partners[{i}].code"), &p.code)?;
        let name = text(&|| format!("partners[{i}].name"), &p.name)?;
        partners.push(Partner {
            code: p.code.clone(),
            name,
        });
    }
    if raw.partners[0].code == raw.partners[1].code {
        return Err(Error::new(
            "partners[1].code",
            "the two partners have the same code",
        ));
    }

    if raw.unit.currency != "USD" {
        return Err(Error::expected(
            "unit.currency",
            "\"USD\"",
            format!("\"{}\"", raw.unit.currency),
        ));
    }
    if !(raw.unit.scale.is_finite() && raw.unit.scale > 0.0) {
        return Err(Error::expected(
            "unit.scale",
            "a positive number",
            raw.unit.scale,
        ));
    }

    // Bases and sources.
    let basis_ids = index_ids("bases", raw.bases.iter().map(|b| b.id.as_str()))?;
    let mut bases = Vec::with_capacity(raw.bases.len());
    for (i, b) in raw.bases.iter().enumerate() {
        bases.push(Basis {
            id: b.id.clone(),
            label: text(&|| format!("bases[{i}].label"), &b.label)?,
        });
    }
    let source_ids = index_ids("sources", raw.sources.iter().map(|s| s.id.as_str()))?;
    for (i, s) in raw.sources.iter().enumerate() {
        non_empty(&|| format!("sources[{i}].publisher"), &s.publisher)?;
        non_empty(&|| format!("sources[{i}].title"), &s.title)?;
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
    }

    // Series and observations (values of derived ones are filled in below).
    if raw.series.is_empty() {
        return Err(Error::expected("series", "at least one series", "none"));
    }
    let series_ids = index_ids("series", raw.series.iter().map(|s| s.id.as_str()))?;
    let mut obs_ids: HashMap<&str, ObsRef> = HashMap::new();
    let mut series = Vec::with_capacity(raw.series.len());
    for (si, rs) in raw.series.iter().enumerate() {
        let sp = |f: &str| format!("series[{si}].{f}");
        let label = text(&|| sp("label"), &rs.label)?;
        let direction = parse_direction(&rs.direction, &partners).ok_or_else(|| {
            Error::expected(
                sp("direction"),
                "\"two-way\" or \"XX>YY\" with the partners' codes",
                format!("\"{}\"", rs.direction),
            )
        })?;
        let basis = lookup(&basis_ids, "basis", &|| sp("basis"), &rs.basis)?;
        if rs.observations.is_empty() {
            return Err(Error::expected(
                sp("observations"),
                "at least one observation",
                "an empty list",
            ));
        }
        let mut seen: HashSet<(Period, Option<String>)> = HashSet::new();
        let mut spans: Vec<(Option<String>, i32, i32, usize)> = Vec::new();
        let mut observations = Vec::with_capacity(rs.observations.len());
        for (oi, ro) in rs.observations.iter().enumerate() {
            let op = |f: &str| format!("series[{si}].observations[{oi}].{f}");
            let p = period(&|| op("period"), &ro.period)?;
            let category = match &ro.category {
                Some(c) => Some(text(&|| op("category"), c)?),
                None => None,
            };
            let key = category.as_ref().map(|c| c.en.clone());
            if !seen.insert((p, key.clone())) {
                return Err(Error::new(
                    op("period"),
                    format!("a second figure for \"{}\" in this series", ro.period),
                ));
            }
            spans.push((key, p.start, p.end, oi));
            if let Some(id) = &ro.id {
                non_empty(&|| op("id"), id)?;
                if obs_ids
                    .insert(
                        id,
                        ObsRef {
                            series: si,
                            obs: oi,
                        },
                    )
                    .is_some()
                {
                    return Err(Error::new(
                        op("id"),
                        format!("duplicate observation id \"{id}\""),
                    ));
                }
            }
            let value =
                match (&ro.derived, ro.value) {
                    (Some(_), Some(_)) => return Err(Error::new(
                        op("value"),
                        "a derived figure has no value of its own: it is computed from derived.of",
                    )),
                    (None, None) => {
                        return Err(Error::expected(
                            op("value"),
                            "a number",
                            "nothing (a gap is left out, never written as 0 or null)",
                        ))
                    }
                    (None, Some(v)) if !v.is_finite() || v < 0.0 => {
                        return Err(Error::expected(op("value"), "a finite number ≥ 0", v))
                    }
                    (None, Some(v)) if v * raw.unit.scale > MAX_USD => {
                        return Err(Error::expected(
                            op("value"),
                            &format!(
                                "at most {} in this unit (US$1 quadrillion)",
                                MAX_USD / raw.unit.scale
                            ),
                            v,
                        ))
                    }
                    (None, Some(v)) => v,
                    (Some(_), None) => f64::NAN, // computed below
                };
            let basis = match &ro.basis {
                Some(b) => lookup(&basis_ids, "basis", &|| op("basis"), b)?,
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
            let mut sources = Vec::with_capacity(ro.sources.len());
            for (k, s) in ro.sources.iter().enumerate() {
                sources.push(lookup(
                    &source_ids,
                    "source",
                    &|| format!("{}[{k}]", op("sources")),
                    s,
                )?);
            }
            let note = match &ro.note {
                Some(n) => Some(text(&|| op("note"), n)?),
                None => None,
            };
            observations.push(Observation {
                id: ro.id.clone(),
                period: p,
                category,
                value,
                basis,
                qualifier,
                sources,
                derived: None,
                note,
            });
        }
        // Overlapping periods (2020 and 2020-06 in one series): sorted, so linear.
        spans.sort_unstable();
        for w in spans.windows(2) {
            if w[0].0 == w[1].0 && w[1].1 < w[0].2 {
                let oi = w[0].3.max(w[1].3);
                let path = format!("series[{si}].observations[{oi}].period");
                return Err(Error::new(
                    path,
                    format!(
                        "\"{}\" overlaps another period in this series",
                        rs.observations[oi].period
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

    // Derived values: resolve formulas, then evaluate in dependency order.
    let obs_ref = |path: &dyn Fn() -> String, id: &str| -> Result<ObsRef> {
        obs_ids
            .get(id)
            .copied()
            .ok_or_else(|| Error::new(path(), format!("unknown observation \"{id}\"")))
    };
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
                of.push(obs_ref(&|| format!("{}[{k}]", op("of")), id)?);
            }
            series[si].observations[oi].derived = Some(Derived { op: kind, of });
        }
    }
    loop {
        let mut progressed = false;
        let mut pending = None;
        for si in 0..series.len() {
            for oi in 0..series[si].observations.len() {
                let o = &series[si].observations[oi];
                let Some(d) = &o.derived else { continue };
                if !o.value.is_nan() {
                    continue;
                }
                let inputs: Vec<f64> =
                    d.of.iter()
                        .map(|r| series[r.series].observations[r.obs].value)
                        .collect();
                if inputs.iter().any(|v| v.is_nan()) {
                    pending = Some((si, oi));
                    continue;
                }
                let v = match d.op {
                    Op::Sum => inputs.iter().sum(),
                    Op::Difference => inputs[0] - inputs[1..].iter().sum::<f64>(),
                };
                let path = format!("series[{si}].observations[{oi}].derived");
                if !v.is_finite()
                    || v < -1e-9 * inputs[0].abs().max(1.0)
                    || v * raw.unit.scale > MAX_USD
                {
                    return Err(Error::new(
                        path,
                        format!("the formula gives {v}: the inputs are inconsistent"),
                    ));
                }
                series[si].observations[oi].value = v.max(0.0);
                progressed = true;
            }
        }
        match (pending, progressed) {
            (None, _) => break,
            (Some(_), true) => continue,
            (Some((si, oi)), false) => {
                return Err(Error::new(
                    format!("series[{si}].observations[{oi}].derived.of"),
                    "the formula refers to itself through other derived figures",
                ))
            }
        }
    }
    let value = |r: ObsRef| series[r.series].observations[r.obs].value;

    // Claims.
    let mut claims = Vec::with_capacity(raw.claims.len());
    let claim_ids = index_ids("claims", raw.claims.iter().map(|c| c.id.as_str()))?;
    for (ci, rc) in raw.claims.iter().enumerate() {
        let cp = |f: &str| format!("claims[{ci}].{f}");
        let claim_text = text(&|| cp("text"), &rc.text)?;
        let note = match &rc.note {
            Some(n) => Some(text(&|| cp("note"), n)?),
            None => None,
        };
        let claim_period = match &rc.period {
            Some(p) => Some(period(&|| cp("period"), p)?),
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
                rc.figure.value,
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
        let source = lookup(&source_ids, "source", &|| cp("source"), &rc.source)?;
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
                let r = obs_ref(&|| cp("check.equals"), id)?;
                Some((Check::Equals(r), value(r)))
            }
            Some(RawCheck {
                equals: None,
                change: Some(ids),
            }) => {
                if kind != FigureKind::Percent || ids.len() != 2 {
                    return Err(Error::expected(
                        cp("check.change"),
                        "two observation ids, with a percent figure",
                        ids.len(),
                    ));
                }
                let a = obs_ref(&|| cp("check.change[0]"), &ids[0])?;
                let b = obs_ref(&|| cp("check.change[1]"), &ids[1])?;
                if value(a) <= 0.0 {
                    return Err(Error::new(
                        cp("check.change[0]"),
                        "a change from zero has no percentage",
                    ));
                }
                Some((
                    Check::Change(a, b),
                    (value(b) - value(a)) / value(a) * 100.0,
                ))
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
        match (status, passes) {
            (ClaimStatus::Agrees, None) => {
                return Err(Error::new(
                    cp("status"),
                    "\"agrees\" needs a check against the data",
                ))
            }
            (ClaimStatus::Agrees, Some(false)) => {
                return Err(Error::new(
                    cp("status"),
                    format!(
                        "\"agrees\", but the data give {}",
                        check.map_or(0.0, |c| c.1)
                    ),
                ))
            }
            (ClaimStatus::Unsupported, Some(true)) => {
                return Err(Error::new(
                    cp("status"),
                    "\"unsupported\", but the check passes",
                ))
            }
            (ClaimStatus::Unverified, Some(_)) => {
                return Err(Error::new(
                    cp("status"),
                    "\"unverified\" has no check; with one it is \"agrees\" or \"unsupported\"",
                ))
            }
            _ => {}
        }
        if status == ClaimStatus::Unsupported && note.is_none() {
            return Err(Error::expected(
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

    // Annotations.
    let annotation_ids = index_ids("annotations", raw.annotations.iter().map(|a| a.id.as_str()))?;
    let mut annotations = Vec::with_capacity(raw.annotations.len());
    for (ai, ra) in raw.annotations.iter().enumerate() {
        let ap = |f: &str| format!("annotations[{ai}].{f}");
        let label = text(&|| ap("label"), &ra.label)?;
        let sentence = text(&|| ap("text"), &ra.text)?;
        if ra.sources.is_empty() {
            return Err(Error::expected(
                ap("sources"),
                "at least one source id",
                "none",
            ));
        }
        let mut sources = Vec::new();
        for (k, s) in ra.sources.iter().enumerate() {
            sources.push(lookup(
                &source_ids,
                "source",
                &|| format!("{}[{k}]", ap("sources")),
                s,
            )?);
        }
        annotations.push(Annotation {
            id: ra.id.clone(),
            period: period(&|| ap("period"), &ra.period)?,
            label,
            text: sentence,
            sources,
        });
    }

    // Views.
    if raw.views.is_empty() {
        return Err(Error::expected("views", "at least one view", "none"));
    }
    index_ids("views", raw.views.iter().map(|v| v.id.as_str()))?;
    let mut views = Vec::with_capacity(raw.views.len());
    for (vi, rv) in raw.views.iter().enumerate() {
        let vp = |f: &str| format!("views[{vi}].{f}");
        let label = text(&|| vp("label"), &rv.label)?;
        let vtitle = text(&|| vp("title"), &rv.title)?;
        let subtitle = match &rv.subtitle {
            Some(t) => Some(text(&|| vp("subtitle"), t)?),
            None => None,
        };
        let vnotes = texts(&|| vp("notes"), &rv.notes)?;
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
        let mut vs = Vec::new();
        for (k, id) in rv.series.iter().enumerate() {
            vs.push(lookup(
                &series_ids,
                "series",
                &|| format!("{}[{k}]", vp("series")),
                id,
            )?);
        }
        let all_obs = || vs.iter().flat_map(|&s| series[s].observations.iter());
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
                    cats.push(c.en.clone());
                }
            }
            Groups::Categories(cats)
        } else if let Some(ps) = &rv.periods {
            let mut out = Vec::new();
            for (k, p) in ps.iter().enumerate() {
                out.push(period(&|| format!("{}[{k}]", vp("periods")), p)?);
            }
            Groups::Periods(out)
        } else {
            let mut ps: Vec<Period> = all_obs().map(|o| o.period).collect();
            ps.sort_unstable();
            ps.dedup();
            Groups::Periods(ps)
        };
        let range = match (kind, &rv.from, &rv.to) {
            (ViewKind::Bars, _, _) => (0, 0),
            (_, Some(f), Some(t)) => {
                let (f, t) = (period(&|| vp("from"), f)?, period(&|| vp("to"), t)?);
                if t.end <= f.start {
                    return Err(Error::new(vp("to"), "ends before \"from\" starts"));
                }
                if t.end - f.start > MAX_MONTHS {
                    return Err(Error::expected(
                        vp("to"),
                        "a range of at most 100 years",
                        format!("{} months", t.end - f.start),
                    ));
                }
                (f.start, t.end)
            }
            _ => {
                return Err(Error::expected(
                    vp("from"),
                    "\"from\" and \"to\" periods for a time view",
                    "none",
                ))
            }
        };
        let change = match &rv.change {
            None => None,
            Some(ids) if ids.len() == 2 => {
                let a = obs_ref(&|| format!("{}[0]", vp("change")), &ids[0])?;
                let b = obs_ref(&|| format!("{}[1]", vp("change")), &ids[1])?;
                if value(a) <= 0.0 {
                    return Err(Error::new(
                        vp("change"),
                        "a change from zero has no percentage",
                    ));
                }
                Some((a, b))
            }
            Some(ids) => {
                return Err(Error::expected(
                    vp("change"),
                    "two observation ids",
                    ids.len(),
                ))
            }
        };
        let mut va = Vec::new();
        for (k, id) in rv.annotations.iter().enumerate() {
            va.push(lookup(
                &annotation_ids,
                "annotation",
                &|| format!("{}[{k}]", vp("annotations")),
                id,
            )?);
        }
        let mut view_claims = Vec::new();
        for (k, id) in rv.claims.iter().enumerate() {
            let i = lookup(
                &claim_ids,
                "claim",
                &|| format!("{}[{k}]", vp("claims")),
                id,
            )?;
            if claims[i].period.is_none() {
                return Err(Error::new(
                    format!("{}[{k}]", vp("claims")),
                    "a drawn claim needs a period",
                ));
            }
            view_claims.push(i);
        }
        let mut note_sources = Vec::new();
        for (k, id) in rv.sources.iter().enumerate() {
            note_sources.push(lookup(
                &source_ids,
                "source",
                &|| format!("{}[{k}]", vp("sources")),
                id,
            )?);
        }
        views.push(View {
            id: rv.id.clone(),
            label,
            title: vtitle,
            subtitle,
            kind,
            series: vs,
            groups,
            range,
            change,
            annotations: va,
            notes: vnotes,
            sources: note_sources,
            claims: view_claims,
        });
    }

    Ok(Dataset {
        id: raw.id.clone(),
        title,
        partners,
        currency: raw.unit.currency.clone(),
        scale: raw.unit.scale,
        bases,
        sources: raw
            .sources
            .iter()
            .map(|s| Source {
                id: s.id.clone(),
                publisher: s.publisher.clone(),
                title: s.title.clone(),
                date: s.date.clone(),
                url: s.url.clone(),
                note: s.note.clone(),
            })
            .collect(),
        series,
        claims,
        annotations,
        views,
        notes,
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
