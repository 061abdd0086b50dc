//! The pair of countries a Comtrade download's chart is about, through the shared
//! machinery (`crate::pairs`: the pairs, largest two-way trade first, `--pair`, the
//! many-pairs error); and the product charted (`--commodity`).

use std::collections::HashMap;

use trade_chart::error::Error;

use super::model::{Areas, Columns, ComtradeOptions, Figure, Rows};
use crate::cells::Cx;
use crate::pairs::{self, Place, Ranked};

/// How many commodity codes an error lists.
const LISTED: usize = 10;

/// The pairs of two countries the figures are of, largest two-way trade first.
pub(crate) fn rank(areas: &Areas, rows: &Rows) -> Vec<Ranked> {
    pairs::rank(
        &areas.list,
        rows.figures
            .iter()
            .map(|(n, f)| (*n, f.reporter, f.partner, f.amount())),
    )
}

/// The pair to chart ([`pairs::choose`]), errors at the download's columns.
pub(crate) fn choose(
    cx: &mut Cx,
    file: &str,
    k: &Columns,
    options: &ComtradeOptions,
    areas: &Areas,
    ranked: &[Ranked],
    rows: &Rows,
) -> Option<(usize, usize)> {
    let place = Place {
        file,
        reporter: k.c("reporter").max(k.c("reporter code")),
        partner: k.c("partner").max(k.c("partner code")),
        first_row: rows.figures.first().map_or(2, |(n, _)| *n),
        codes: "its code as reporterISO/partnerISO or reporterCode writes it",
    };
    pairs::choose(cx, &place, options.pair.as_deref(), &areas.list, ranked)
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
