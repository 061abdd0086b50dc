//! Choosing the pair of countries a download's chart is about, for every reader of
//! downloads of many pairs (UN Comtrade's, the IMF's): the pairs a file holds, largest
//! two-way trade first, aggregates (World, "… nes" areas, regions, the EU) never among
//! them; `--pair A,B` resolved against the areas as the file writes them; and the one
//! `many-pairs` error that lists them.

use std::collections::HashMap;

use serde::Serialize;
use trade_chart::error::{Error, ErrorKind};

use crate::cells::{at, Cx};

/// How many pairs the many-pairs error lists.
const LISTED: usize = 10;

/// A country of a pair, as the builder shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Party {
    /// As the file writes it: its code (ISO, Comtrade's or the IMF's number).
    pub code: String,
    /// Its name: the file's, else the one its number has in a list of codes.
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
    /// How many of the file's figures are of the pair (both directions, both
    /// reporters): rows in a Comtrade download, cells in an IMF one.
    pub rows: usize,
    /// Their sum in US dollars (every period and product the file holds): what the
    /// pairs are ranked by, not a figure to quote.
    pub trade: f64,
}

/// An area as a file names it: a country, or an aggregate that is not one.
pub(crate) struct Area {
    /// How the file writes it: its code (ISO, else its number).
    pub(crate) key: String,
    /// Its number, when the file gives one beside its code ("" otherwise).
    pub(crate) number: String,
    /// Its code in a dataset.
    pub(crate) code: String,
    pub(crate) name: String,
    /// World, "… nes", regions, the EU…: never a country.
    pub(crate) aggregate: bool,
}

/// A pair with the areas it is of (indices into the areas).
pub(crate) struct Ranked {
    pub(crate) a: usize,
    pub(crate) b: usize,
    pub(crate) choice: PairChoice,
}

/// One figure as the pairs are counted: its row (the order first met), its reporter
/// and partner (indices into the areas) and its amount in US dollars.
pub(crate) type Counted = (usize, usize, usize, f64);

/// The pairs of two countries the figures are of, largest two-way trade first (then
/// the first met first).
pub(crate) fn rank(areas: &[Area], figures: impl Iterator<Item = Counted>) -> Vec<Ranked> {
    let mut by: HashMap<(usize, usize), usize> = HashMap::new();
    let mut out: Vec<(Ranked, usize)> = Vec::new();
    for (n, r, p, amount) in figures {
        let aggregate = |i: usize| areas.get(i).map_or(true, |x| x.aggregate);
        if r == p || aggregate(r) || aggregate(p) {
            continue;
        }
        let key = (r.min(p), r.max(p));
        let i = *by.entry(key).or_insert_with(|| {
            let party = |i: usize| {
                areas.get(i).map_or(
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
                n,
            ));
            out.len() - 1
        });
        if let Some((ranked, _)) = out.get_mut(i) {
            ranked.choice.rows += 1;
            ranked.choice.trade += amount;
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

/// Where a file's pair errors point, and how its codes are named in them.
pub(crate) struct Place<'a> {
    pub(crate) file: &'a str,
    /// The reporter's column (0-based): the many-pairs error's, at the header.
    pub(crate) reporter: usize,
    /// The partner's column and the first figure's row: the no-pair error's.
    pub(crate) partner: usize,
    pub(crate) first_row: usize,
    /// What a country's code is in this file, for `--pair`'s error: "its code as
    /// reporterISO… writes it".
    pub(crate) codes: &'a str,
}

/// The pair to chart (indices into the areas, in the order the dataset names them):
/// `--pair`'s, else the file's only one; `None`, reported, when the option names no
/// pair of the file's countries, or the file holds several (the many-pairs error
/// listing them) or none.
pub(crate) fn choose(
    cx: &mut Cx,
    at_: &Place,
    pair: Option<&str>,
    areas: &[Area],
    ranked: &[Ranked],
) -> Option<(usize, usize)> {
    if let Some(spec) = pair {
        let (a, b) = resolve(cx, areas, spec, at_.codes)?;
        if ranked
            .iter()
            .any(|r| (r.a, r.b) == (a, b) || (r.a, r.b) == (b, a))
        {
            return Some((a, b));
        }
        let name = |i: usize| areas.get(i).map_or("", |x| x.name.as_str());
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
            cx.error(at(
                ErrorKind::InvalidValue,
                at_.file,
                at_.first_row,
                at_.partner,
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
                at_.file,
                1,
                at_.reporter,
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
fn listing(ranked: &[Ranked], areas: &[Area], lead: &str) -> String {
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
pub(crate) fn aggregates(areas: &[Area]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for a in areas.iter().filter(|a| a.aggregate) {
        if !names.contains(&a.name) {
            names.push(a.name.clone());
        }
    }
    names
}

/// Whether `side` names area `a`: its code or number as the file writes it, its
/// dataset code, or its name, without regard to case.
fn names(a: &Area, side: &str) -> bool {
    !side.is_empty()
        && [&a.key, &a.number, &a.code, &a.name]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(side))
}

/// `--pair A,B` → the two areas it names, each a country; reported when not. A name
/// with a comma (`Korea, Rep.`) is found by trying each comma as the separator.
fn resolve(cx: &mut Cx, areas: &[Area], spec: &str, codes: &str) -> Option<(usize, usize)> {
    // A side the file writes otherwise but that means the world (`WLD` where the file has
    // `W00`) is the file's World, so that it is refused as the aggregate it is.
    let find = |side: &str| {
        areas.iter().position(|a| names(a, side)).or_else(|| {
            let world = |a: &Area| crate::office::is_world(&a.code, &a.name);
            (crate::office::is_world(side, side))
                .then(|| areas.iter().position(|a| a.aggregate && world(a)))
                .flatten()
        })
    };
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
                        &format!("a country the file names ({codes}, or its name)"),
                        format!("\"{side}\""),
                    ));
                }
            }
            None
        })?;
    let mut ok = true;
    for i in [found.0, found.1] {
        if let Some(a) = areas.get(i).filter(|a| a.aggregate) {
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

/// Rows counted under one heading, for one warning: how many and the first (the
/// downloads' readers warn once a kind of row, not once a row).
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) count: usize,
    pub(crate) first: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, row: usize) {
        if self.count == 0 {
            self.first = row;
        }
        self.count += 1;
    }
}
