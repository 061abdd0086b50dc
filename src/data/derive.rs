//! Derived values and the claim check's arithmetic: a derived figure is the sum or the
//! difference of other observations, computed at load in dependency order; a claim
//! agrees with the data when they match at the precision the claim is printed with.

use super::checked::{Observation, Op, Series, MAX_AMOUNT};
use crate::error::{Error, ErrorKind, Result};

/// A formula's result: the sum of `inputs`, or the first minus the others.
pub(crate) fn apply(op: Op, inputs: &[f64]) -> f64 {
    match op {
        Op::Sum => inputs.iter().sum(),
        Op::Difference => match inputs {
            [first, rest @ ..] => first - rest.iter().sum::<f64>(),
            [] => 0.0,
        },
    }
}

/// Observation `oi` of series `si`, if there is one.
pub(crate) fn obs(series: &[Series], si: usize, oi: usize) -> Option<&Observation> {
    series.get(si)?.observations.get(oi)
}

/// The percentage change from `from` to `to` (−80.7 for a fall to about a fifth).
pub fn change(from: f64, to: f64) -> f64 {
    (to - from) / from * 100.0
}

/// Computes every derived observation of `series` whose value is still NaN, in
/// dependency order (a derived figure may be an input of another), with values in a
/// unit of `scale` of the dataset's currency. Rejects a result that is negative (beyond rounding), not
/// finite or over [`MAX_AMOUNT`], and a formula that refers to itself through others;
/// errors are located at `series[i].observations[j].derived`.
pub(crate) fn evaluate(series: &mut [Series], scale: f64) -> Result<()> {
    loop {
        let mut progressed = false;
        let mut pending = None;
        for si in 0..series.len() {
            for oi in 0..series.get(si).map_or(0, |s| s.observations.len()) {
                let Some(o) = obs(series, si, oi) else {
                    continue;
                };
                let Some(d) = &o.derived else { continue };
                if !o.value.is_nan() {
                    continue;
                }
                // validation resolved every input; one missing would stay pending
                let inputs: Vec<f64> = (d.of.iter())
                    .map(|r| obs(series, r.series, r.obs).map_or(f64::NAN, |o| o.value))
                    .collect();
                if inputs.iter().any(|v| v.is_nan()) {
                    pending = Some((si, oi));
                    continue;
                }
                let v = apply(d.op, &inputs);
                let first = inputs.first().map_or(0.0, |f| f.abs());
                if !v.is_finite() || v < -1e-9 * first.max(1.0) || v * scale > MAX_AMOUNT {
                    return Err(Error::at(
                        ErrorKind::Formula,
                        format!("series[{si}].observations[{oi}].derived"),
                        format!(
                            "the formula gives {}: the inputs are inconsistent",
                            crate::number::plain(v)
                        ),
                    ));
                }
                if let Some(o) = series.get_mut(si).and_then(|s| s.observations.get_mut(oi)) {
                    o.value = v.max(0.0);
                }
                progressed = true;
            }
        }
        match (pending, progressed) {
            (None, _) => return Ok(()),
            (Some(_), true) => continue,
            (Some((si, oi)), false) => {
                return Err(Error::at(
                    ErrorKind::Formula,
                    format!("series[{si}].observations[{oi}].derived.of"),
                    "the formula refers to itself through other derived figures",
                ))
            }
        }
    }
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
pub fn agrees(printed: f64, computed: f64) -> bool {
    if !computed.is_finite() {
        return false;
    }
    let tolerance = 0.5 * 10f64.powi(-decimals(printed)) + 1e-9 * computed.abs().max(1.0);
    (printed - computed).abs() <= tolerance
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Derived, Direction, ObsRef, Observation, Period, Qualifier, Text};

    /// An observation: a given value, or (NaN until computed) a formula over
    /// `(series, obs)` pairs.
    type Spec<'a> = (f64, Option<(Op, &'a [(usize, usize)])>);

    /// One series per entry.
    fn data(spec: &[&[Spec]]) -> Vec<Series> {
        spec.iter()
            .map(|obs| Series {
                id: "s".into(),
                label: Text::plain("s"),
                direction: Direction::TwoWay,
                observations: obs
                    .iter()
                    .enumerate()
                    .map(|(i, (v, f))| Observation {
                        id: None,
                        period: Period::parse(&format!("{}", 2000 + i)).unwrap(),
                        category: None,
                        value: if f.is_some() { f64::NAN } else { *v },
                        basis: 0,
                        qualifier: Qualifier::Exact,
                        sources: vec![],
                        derived: f.map(|(op, of)| Derived {
                            op,
                            of: of
                                .iter()
                                .map(|&(series, obs)| ObsRef { series, obs })
                                .collect(),
                        }),
                        note: None,
                    })
                    .collect(),
            })
            .collect()
    }

    fn values(series: &[Series]) -> Vec<Vec<f64>> {
        series
            .iter()
            .map(|s| s.observations.iter().map(|o| o.value).collect())
            .collect()
    }

    #[test]
    fn sums_and_differences() {
        assert_eq!(apply(Op::Sum, &[1.5, 2.0, 4.0]), 7.5);
        assert_eq!(apply(Op::Difference, &[10.0, 3.0, 2.5]), 4.5);
        assert_eq!(apply(Op::Difference, &[3.0, 10.0]), -7.0);
        assert_eq!(change(200.0, 50.0), -75.0);
        assert_eq!(change(50.0, 200.0), 300.0);
    }

    #[test]
    fn evaluates_in_dependency_order() {
        // s0: 100, 40, and (s0[3] − s0[1]) which is defined after it; s0[3] = 100 + 40.
        let mut s = data(&[&[
            (100.0, None),
            (40.0, None),
            (0.0, Some((Op::Difference, &[(0, 3), (0, 1)]))),
            (0.0, Some((Op::Sum, &[(0, 0), (0, 1)]))),
        ]]);
        evaluate(&mut s, 1e6).unwrap();
        assert_eq!(values(&s), vec![vec![100.0, 40.0, 100.0, 140.0]]);
        // Across series, and a value already computed is left alone.
        let mut s = data(&[
            &[(0.0, Some((Op::Sum, &[(1, 0), (1, 1), (1, 2)])))],
            &[(1.25, None), (2.5, None), (3.0, None)],
        ]);
        evaluate(&mut s, 1.0).unwrap();
        assert_eq!(s[0].observations[0].value, 6.75);
        s[0].observations[0].value = 1.0;
        evaluate(&mut s, 1.0).unwrap();
        assert_eq!(s[0].observations[0].value, 1.0);
    }

    #[test]
    fn rejects_negative_unbounded_and_circular_formulas() {
        let mut s = data(&[&[
            (5.0, None),
            (7.0, None),
            (0.0, Some((Op::Difference, &[(0, 0), (0, 1)]))),
        ]]);
        let e = evaluate(&mut s, 1.0).unwrap_err();
        assert_eq!(e.code(), "formula");
        assert_eq!(e.path(), "series[0].observations[2].derived");
        assert_eq!(
            e.message(),
            "the formula gives -2: the inputs are inconsistent"
        );
        // A rounding error below zero is clamped to 0, not rejected.
        let mut s = data(&[&[
            (0.3, None),
            (0.1, None),
            (0.2, None),
            (0.0, Some((Op::Difference, &[(0, 0), (0, 1), (0, 2)]))),
        ]]);
        evaluate(&mut s, 1.0).unwrap();
        assert_eq!(s[0].observations[3].value, 0.0);
        // Over 10¹⁷ once scaled.
        let mut s = data(&[&[
            (6e10, None),
            (6e10, None),
            (0.0, Some((Op::Sum, &[(0, 0), (0, 1)]))),
        ]]);
        assert_eq!(
            evaluate(&mut s, 1e6).unwrap_err().path(),
            "series[0].observations[2].derived"
        );
        // a = b + 1, b = a + 1: no progress, reported at the last one pending.
        let mut s = data(&[&[
            (1.0, None),
            (0.0, Some((Op::Sum, &[(0, 2), (0, 0)]))),
            (0.0, Some((Op::Sum, &[(0, 1), (0, 0)]))),
        ]]);
        let e = evaluate(&mut s, 1.0).unwrap_err();
        assert_eq!(e.code(), "formula");
        assert_eq!(e.path(), "series[0].observations[2].derived.of");
    }

    #[test]
    fn decimals_of_printed_figures() {
        assert_eq!(decimals(48.0), 0);
        assert_eq!(decimals(80.7), 1);
        assert_eq!(decimals(-80.7), 1);
        assert_eq!(decimals(539.06), 2);
        assert_eq!(decimals(0.125), 3);
        // Binary noise is not a printed digit.
        assert_eq!(decimals(0.1 + 0.2), 1);
        assert_eq!(decimals(2590.0000000000005), 0);
    }

    #[test]
    fn agrees_at_the_printed_precision() {
        // 80.7 stands for [80.65, 80.75].
        assert!(agrees(-80.7, -80.66));
        assert!(agrees(-80.7, -80.74));
        assert!(!agrees(-80.7, -80.76));
        assert!(!agrees(-80.7, -80.64));
        // 48 stands for [47.5, 48.5].
        assert!(agrees(48.0, 48.4));
        assert!(!agrees(48.0, 48.6));
        assert!(agrees(539.06, 539.064));
        assert!(!agrees(539.06, 539.07));
        assert!(!agrees(1.0, f64::NAN));
        assert!(!agrees(1.0, f64::INFINITY));
    }
}
