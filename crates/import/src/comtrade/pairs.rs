//! Choosing the pair of countries a download's chart is about: the pairs it holds,
//! largest two-way trade first, aggregates (World, "… nes" areas, the EU) never among
//! them; `--pair A,B` resolved against the areas as the file writes them; and the
//! product charted (`--commodity`).

use std::collections::HashMap;

use serde::Serialize;
use trade_chart::error::{Error, ErrorKind};

use super::{Areas, Columns, Figure, Rows};
use crate::cells::{at, Cx};

/// How many pairs the many-pairs error lists.
const LISTED: usize = 10;

/// A country of a pair, as the builder shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Party {
    /// As the file writes it: its ISO code, else its Comtrade number.
    pub code: String,
    /// Its name: the file's, else the one its number has in Comtrade's or ISO's lists.
    pub name: String,
}

/// A pair of countries a download holds: what `--pair` (the builder's `pair` option)
/// takes to chart it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairChoice {
    /// The option's value: `CHN,KOR`.
    pub pair: String,
    /// The first country (the reporter of its first row) and the second.
    pub first: Party,
    /// See `first`.
    pub second: Party,
    /// How many of the file's rows are figures of the pair (both directions, both
    /// reporters).
    pub rows: usize,
    /// Their sum in US dollars (every period and product the file holds): what the
    /// pairs are ranked by, not a figure to quote.
    pub trade: f64,
}

/// A pair with the areas it is of (indices into [`Areas::list`]).
pub(crate) struct Ranked {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) choice: PairChoice,
}

/// The pairs of two countries the figures are of, largest two-way trade first (then
/// the first met first).
pub(crate) fn rank(areas: &Areas, rows: &Rows) -> Vec<Ranked> {
    let mut by: HashMap<(usize, usize), usize> = HashMap::new();
    let mut out: Vec<(Ranked, usize)> = Vec::new();
    for (n, f) in &rows.figures {
        let (r, p) = (f.reporter, f.partner);
        let aggregate = |i: usize| areas.list.get(i).map_or(true, |x| x.aggregate);
        if r == p || aggregate(r) || aggregate(p) {
            continue;
        }
        let key = (r.min(p), r.max(p));
        let i = *by.entry(key).or_insert_with(|| {
            let party = |i: usize| {
                areas.list.get(i).map_or(
                    Party {
                        code: String::new(),
                        name: String::new(),
                    },
                    |x| Party {
                        code: x.key.clone(),
                        name: x.name.clone(),
                    },
                )
            };
            let (first, second) = (party(r), party(p));
            out.push((
                Ranked {
                    a: r,
                    b: p,
                    choice: PairChoice {
                        pair: format!("{},{}", first.code, second.code),
                        first,
                        second,
                        rows: 0,
                        trade: 0.0,
                    },
                },
                *n,
            ));
            out.len() - 1
        });
        if let Some((ranked, _)) = out.get_mut(i) {
            ranked.choice.rows += 1;
            ranked.choice.trade += f.amount();
        }
    }
    out.sort_by(|x, y| {
        y.0.choice
            .trade
            .total_cmp(&x.0.choice.trade)
            .then(x.1.cmp(&y.1))
    });
    out.into_iter().map(|(r, _)| r).collect()
}

/// The pair to chart (indices into the areas, in the order the dataset names them):
/// `--pair`'s, else the file's only one; `None`, reported, when the option names no
/// pair of the file's countries, or the file holds several (the many-pairs error
/// listing them) or none.
pub(crate) fn choose(
    cx: &mut Cx,
    file: &str,
    k: &Columns,
    options: &super::ComtradeOptions,
    areas: &Areas,
    ranked: &[Ranked],
    rows: &Rows,
) -> Option<(usize, usize)> {
    let col = k.c("reporter").max(k.c("reporter code"));
    if let Some(spec) = &options.pair {
        let (a, b) = resolve(cx, areas, spec)?;
        if ranked
            .iter()
            .any(|r| (r.a, r.b) == (a, b) || (r.a, r.b) == (b, a))
        {
            return Some((a, b));
        }
        let name = |i: usize| areas.list.get(i).map_or("", |x| x.name.as_str());
        cx.error(Error::at(
            ErrorKind::InvalidValue,
            "pair",
            format!(
                "the file has no figures between {} and {}{}",
                name(a),
                name(b),
                listing(ranked, areas, "; it holds")
            ),
        ));
        return None;
    }
    match ranked {
        [one] => Some((one.a, one.b)),
        [] => {
            let first = rows.figures.first().map_or(2, |(n, _)| *n);
            cx.error(at(
                ErrorKind::InvalidValue,
                file,
                first,
                k.c("partner").max(k.c("partner code")),
                "partner",
                format!(
                    "no pair of two countries: every figure is with an area that is not a country ({}); a chart is the trade between two countries",
                    aggregates(areas).join("; ")
                ),
            ));
            None
        }
        _ => {
            cx.error(at(
                ErrorKind::ManyPairs,
                file,
                1,
                col,
                "pair",
                format!(
                    "{} pairs of countries in one download; a chart is one pair: choose it with --pair{}",
                    ranked.len(),
                    listing(ranked, areas, " (largest two-way trade first)")
                ),
            ));
            None
        }
    }
}

/// The pairs as the many-pairs error lists them: the first [`LISTED`], each as the
/// `--pair` value to type, then how many more; and the aggregates left out.
fn listing(ranked: &[Ranked], areas: &Areas, lead: &str) -> String {
    let mut s = format!("{lead}:");
    for r in ranked.iter().take(LISTED) {
        let c = &r.choice;
        s.push_str(&format!(
            "\n  --pair {}  {} and {}",
            c.pair, c.first.name, c.second.name
        ));
    }
    if ranked.len() > LISTED {
        s.push_str(&format!("\n  … and {} more", ranked.len() - LISTED));
    }
    let left = aggregates(areas);
    if !left.is_empty() {
        s.push_str(&format!(
            "\nLeft out, as they are not countries: {}",
            left.join("; ")
        ));
    }
    s
}

/// The names of the aggregates the file names, in the order first met.
fn aggregates(areas: &Areas) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for a in areas.list.iter().filter(|a| a.aggregate) {
        if !names.contains(&a.name) {
            names.push(a.name.clone());
        }
    }
    names
}

/// Whether `side` names area `a`: its code or number as the file writes it, its
/// dataset code, or its name, without regard to case.
fn names(a: &super::Area, side: &str) -> bool {
    !side.is_empty()
        && [&a.key, &a.number, &a.code, &a.name]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(side))
}

/// `--pair A,B` → the two areas it names, each a country; reported when not. A name
/// with a comma (`Korea, Rep.`) is found by trying each comma as the separator.
fn resolve(cx: &mut Cx, areas: &Areas, spec: &str) -> Option<(usize, usize)> {
    let find = |side: &str| areas.list.iter().position(|a| names(a, side));
    let splits: Vec<(&str, &str)> = spec
        .match_indices(',')
        .map(|(i, _)| (spec[..i].trim(), spec[i + 1..].trim()))
        .collect();
    let Some(&first) = splits.first() else {
        cx.error(Error::expected(
            "pair",
            "two countries as A,B (their codes or names as the file writes them: CHN,KOR)",
            format!("\"{spec}\""),
        ));
        return None;
    };
    let found = splits
        .iter()
        .find_map(|(l, r)| Some((find(l)?, find(r)?)))
        .or_else(|| {
            for side in [first.0, first.1] {
                if find(side).is_none() {
                    cx.error(Error::expected(
                        "pair",
                        "a country the file names (its code as reporterISO/partnerISO or reporterCode writes it, or its name)",
                        format!("\"{side}\""),
                    ));
                }
            }
            None
        })?;
    let mut ok = true;
    for i in [found.0, found.1] {
        if let Some(a) = areas.list.get(i).filter(|a| a.aggregate) {
            cx.error(Error::at(
                ErrorKind::InvalidValue,
                "pair",
                format!(
                    "{} ({}) is an aggregate of areas, not a country: a chart is the trade between two countries",
                    a.name, a.key
                ),
            ));
            ok = false;
        }
    }
    if found.0 == found.1 {
        cx.error(Error::expected(
            "pair",
            "two different countries",
            format!("\"{spec}\""),
        ));
        ok = false;
    }
    ok.then_some(found)
}

/// The product charted, of the pair's figures: `--commodity`'s rows only (the others
/// dropped), or the only product of a file with no total; each as the headline, and
/// its words for the title. Otherwise each commodity keeps one category text whatever
/// the classification (H4, H5…) of its rows, so a change of classification does not
/// split it. `None` when the figures are of several products, or their total.
pub(crate) fn commodity(
    cx: &mut Cx,
    wanted: &Option<String>,
    figures: &mut Vec<(usize, Figure)>,
) -> Option<String> {
    let words = |f: &Figure| match &f.category {
        Some(c) if *c != f.cmd => c.clone(),
        _ => format!("commodity {}", f.cmd),
    };
    if let Some(code) = wanted {
        let code = code.trim();
        let before = figures.len();
        let mut codes: Vec<String> = Vec::new();
        for (_, f) in figures.iter() {
            if !f.cmd.is_empty() && !codes.contains(&f.cmd) {
                codes.push(f.cmd.clone());
            }
        }
        figures.retain(|(_, f)| f.cmd.eq_ignore_ascii_case(code));
        let Some((_, first)) = figures.first() else {
            let mut list = codes
                .iter()
                .take(LISTED)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if codes.len() > LISTED {
                list.push_str(&format!(", … and {} more", codes.len() - LISTED));
            }
            cx.error(Error::expected(
                "commodity",
                &format!(
                    "a commodity code of the pair's {before} figures ({})",
                    if list.is_empty() { "none" } else { &list }
                ),
                format!("\"{code}\""),
            ));
            return None;
        };
        // TOTAL (or all services) is the headline already, not a product to name.
        let product = first.category.is_some().then(|| words(first));
        for (_, f) in figures.iter_mut() {
            f.category = None;
        }
        return product;
    }
    let one = figures
        .first()
        .map(|(_, f)| f.cmd.clone())
        .unwrap_or_default();
    let single = !one.is_empty()
        && figures
            .iter()
            .all(|(_, f)| f.category.is_some() && f.cmd.eq_ignore_ascii_case(&one));
    if single {
        let product = figures.first().map(|(_, f)| words(f));
        for (_, f) in figures.iter_mut() {
            f.category = None;
        }
        return product;
    }
    // Each commodity's first text, by its code as written (no new string per row).
    let mut text: HashMap<String, String> = HashMap::new();
    for (_, f) in figures.iter_mut() {
        let Some(c) = &f.category else { continue };
        match text.get(f.cmd.as_str()) {
            Some(t) if t != c => f.category = Some(t.clone()),
            Some(_) => {}
            None => {
                text.insert(f.cmd.clone(), c.clone());
            }
        }
    }
    None
}
