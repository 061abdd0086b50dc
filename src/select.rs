//! What a view shows, whatever its size: the visible series and their observations in
//! reading order, the claims and annotations on its time axis, the bases and the sources
//! behind them. The scene lays this out; the summary, the table, the CSV and the exports
//! read it, so a chart that was never sized still knows what it shows.

use crate::data::{Dataset, Groups, ObsRef, Observation, Period, ViewKind};

/// A visible series of the view and the observations it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// Its place in the view's series list (texture, keyboard row).
    pub slot: usize,
    /// Index in `Dataset::series`.
    pub series: usize,
    /// Observation indices in reading order (left to right), each with its x group for
    /// a view of grouped bars (`None` for time views).
    pub obs: Vec<(usize, Option<usize>)>,
}

/// The data one view shows with some series hidden.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// Index in `Dataset::views`.
    pub view: usize,
    /// Visible series, in the view's order.
    pub series: Vec<Shown>,
    /// Claims drawn on the view's time axis (indices into `Dataset::claims`), in the
    /// view's order (the order their labels stack in).
    pub claims: Vec<usize>,
    /// Annotations a time view draws (indices into `Dataset::annotations`): points inside
    /// its range, spans overlapping it; in time order.
    pub annotations: Vec<usize>,
    /// Bases of the shown observations, in order of first use.
    pub bases: Vec<usize>,
    /// Sources behind the shown figures, in order of first use, then the claims', the
    /// annotations' and the view's own.
    pub sources: Vec<usize>,
}

/// What the selection sorts by: two numbers, then the index that breaks ties. It is the
/// key type validation already sorts (`validate::series`), so the wasm carries one
/// instantiation of the sort for both: each costs it a few KB.
/// Reading order: (group or start, start or end, index into the list).
type SortKey = (i32, i32, usize);

fn sort_keys(keys: &mut Vec<SortKey>) {
    use crate::data::order::{i32_key, sort_by_key, usize_key};
    sort_by_key(keys, |&(a, b, i)| {
        (i32_key(a) << 64) | (i32_key(b) << 32) | usize_key(i)
    });
}

fn add(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn in_range(range: (i32, i32), p: &Period) -> bool {
    p.start >= range.0 && p.end <= range.1
}

/// Whether a time view of `range` (`[start, end)` in months) shows an annotation at
/// `period`: a point when its period lies inside the range, a span (`to`, its last
/// period) when it overlaps the range. The importers ask it too, to know which views
/// draw an annotation.
pub fn annotation_shown(range: (i32, i32), period: &Period, to: Option<&Period>) -> bool {
    match to {
        Some(to) => period.start < range.1 && to.end > range.0,
        None => in_range(range, period),
    }
}

impl Selection {
    /// What view `view` of `ds` shows, `hidden[s]` telling which series are hidden.
    /// An out-of-range view selects nothing.
    pub fn new(ds: &Dataset, view: usize, hidden: &[bool]) -> Selection {
        let Some(v) = ds.views.get(view) else {
            return Selection {
                view,
                ..Selection::default()
            };
        };
        let series: Vec<Shown> = v
            .series
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, s)| !hidden.get(s).copied().unwrap_or(false))
            .filter_map(|(slot, s)| {
                let list = &ds.series.get(s)?.observations;
                let bars = v.kind == ViewKind::Bars;
                // Left to right: by group (grouped bars) or by period (time views), equals
                // in the data's order, through sort_key (see there).
                let mut keys: Vec<SortKey> = list
                    .iter()
                    .enumerate()
                    .filter_map(|(i, o)| {
                        let p = o.period;
                        match bars {
                            true => Some((group(&v.groups, o)? as i32, p.start, i)),
                            false => in_range(v.range, &p).then_some((p.start, p.end, i)),
                        }
                    })
                    .collect();
                sort_keys(&mut keys);
                let obs = keys
                    .into_iter()
                    .map(|(g, _, i)| (i, bars.then_some(g as usize)))
                    .collect();
                Some(Shown {
                    slot,
                    series: s,
                    obs,
                })
            })
            .collect();
        let claims: Vec<usize> = v
            .claims
            .iter()
            .copied()
            .filter(|&c| {
                v.kind != ViewKind::Bars
                    && ds
                        .claims
                        .get(c)
                        .and_then(|c| c.period)
                        .is_some_and(|p| in_range(v.range, &p))
            })
            .collect();
        // Time views only (bars have no time axis to draw them on), in the order a reader
        // meets them from the left: a span at its start, a point at the middle of its
        // period (where its line is), then by end.
        let mut by_time: Vec<SortKey> = Vec::new();
        for &a in &v.annotations {
            let Some(an) = ds.annotations.get(a) else {
                continue;
            };
            // Where it is drawn: a span from its start, a point at its period's middle.
            let p = an.period;
            let (at, end) = match an.to {
                Some(to) => (2 * p.start, to.end),
                None => (p.start + p.end, p.end),
            };
            // A span is drawn where it overlaps the view, clipped to it.
            let shown = annotation_shown(v.range, &p, an.to.as_ref());
            if shown && v.kind != ViewKind::Bars {
                by_time.push((at, end, a));
            }
        }
        sort_keys(&mut by_time);
        let (mut bases, mut sources) = (Vec::new(), Vec::new());
        for sh in &series {
            for (_, _, o) in Selection::of_series(ds, sh) {
                add(&mut bases, o.basis);
                o.sources.iter().for_each(|&s| add(&mut sources, s));
            }
        }
        // Claims come after the series in reading order, left to right.
        let mut by_x: Vec<SortKey> = claims
            .iter()
            .map(|&c| {
                // by the middle of its period, where its marker is drawn
                let mid =
                    (ds.claims.get(c).and_then(|c| c.period)).map_or(i32::MIN, |p| p.start + p.end);
                (mid, 0, c)
            })
            .collect();
        sort_keys(&mut by_x);
        for (.., c) in by_x {
            if let Some(c) = ds.claims.get(c) {
                add(&mut sources, c.source);
            }
        }
        // Then the annotations, in time order, and their sources: each note keeps its source.
        let mut annotations = Vec::new();
        for &(.., a) in &by_time {
            annotations.push(a);
            if let Some(an) = ds.annotations.get(a) {
                an.sources.iter().for_each(|&s| add(&mut sources, s));
            }
        }
        v.sources.iter().for_each(|&s| add(&mut sources, s));
        Selection {
            view,
            series,
            claims,
            annotations,
            bases,
            sources,
        }
    }

    /// Every shown observation, series by series, each left to right.
    pub fn obs(&self) -> impl Iterator<Item = ObsRef> + '_ {
        self.series.iter().flat_map(|sh| {
            sh.obs.iter().map(move |&(obs, _)| ObsRef {
                series: sh.series,
                obs,
            })
        })
    }

    /// The shown observations of one visible series, with their groups.
    pub fn of<'a>(
        &'a self,
        ds: &'a Dataset,
        sh: &'a Shown,
    ) -> impl Iterator<Item = (usize, Option<usize>, &'a Observation)> + 'a {
        Selection::of_series(ds, sh)
    }

    /// `of` without a selection: `sh` holds in-range indices when made by `new` from the
    /// same dataset; any other index is skipped.
    fn of_series<'a>(
        ds: &'a Dataset,
        sh: &'a Shown,
    ) -> impl Iterator<Item = (usize, Option<usize>, &'a Observation)> + 'a {
        let list = ds
            .series
            .get(sh.series)
            .map_or(&[][..], |s| &s.observations);
        (sh.obs.iter()).filter_map(move |&(i, g)| Some((i, g, list.get(i)?)))
    }
}

/// The x group of an observation in a view of grouped bars, if it has one.
fn group(groups: &Groups, o: &Observation) -> Option<usize> {
    match groups {
        Groups::Periods(ps) => ps.iter().position(|p| *p == o.period),
        Groups::Categories(cs) => o
            .category
            .as_ref()
            .and_then(|c| cs.iter().position(|x| *x == c.en)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        Dataset::default_dataset().unwrap()
    }

    #[test]
    fn a_hidden_series_is_not_selected_nor_its_sources() {
        let ds = ds();
        let v = ds.view_index("balance").unwrap();
        let all = Selection::new(&ds, v, &vec![false; ds.series.len()]);
        assert_eq!(all.series.len(), ds.views[v].series.len());
        let mut hidden = vec![false; ds.series.len()];
        hidden[ds.views[v].series[0]] = true;
        let some = Selection::new(&ds, v, &hidden);
        assert_eq!(some.series.len(), all.series.len() - 1);
        assert!(some.obs().all(|r| r.series != ds.views[v].series[0]));
        assert!(some.obs().count() < all.obs().count());
    }

    #[test]
    fn time_views_read_left_to_right_and_stay_in_range() {
        let ds = ds();
        for (v, view) in ds.views.iter().enumerate() {
            let sel = Selection::new(&ds, v, &vec![false; ds.series.len()]);
            for sh in &sel.series {
                let ps: Vec<_> = sel.of(&ds, sh).map(|(_, _, o)| o.period).collect();
                if view.kind != ViewKind::Bars {
                    assert!(
                        ps.windows(2).all(|w| w[0].start <= w[1].start),
                        "{}",
                        view.id
                    );
                    assert!(ps.iter().all(|p| in_range(view.range, p)), "{}", view.id);
                } else {
                    let gs: Vec<_> = sh.obs.iter().map(|&(_, g)| g.unwrap()).collect();
                    assert!(gs.windows(2).all(|w| w[0] <= w[1]), "{}", view.id);
                }
            }
        }
    }

    #[test]
    fn out_of_range_view_selects_nothing() {
        let ds = ds();
        let sel = Selection::new(&ds, 99, &[]);
        assert!(sel.series.is_empty() && sel.sources.is_empty());
    }
}
