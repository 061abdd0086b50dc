//! Scales and ticks.

use trade_chart::scene::scale::{nice_ticks, Linear};

#[test]
fn ticks_are_round_and_cover_the_maximum() {
    for (max, target) in [
        (2790.0, 5),
        (539.06, 4),
        (6540.0, 6),
        (0.002382, 3),
        (208.1, 5),
        (1.0, 2),
        (97.0, 4),
    ] {
        let t = nice_ticks(max, target);
        assert_eq!(t[0], 0.0);
        assert!(*t.last().unwrap() >= max, "{max}: {t:?}");
        assert!(t.len() >= 2 && t.len() <= target + 2, "{max}: {t:?}");
        let step = t[1] - t[0];
        let mag = 10f64.powf(step.log10().floor());
        let m = step / mag;
        assert!(
            [1.0, 2.0, 2.5, 5.0, 10.0]
                .iter()
                .any(|x| (x - m).abs() < 1e-9),
            "{max}: step {step}"
        );
        // The top tick is less than a step above the maximum.
        assert!(t.last().unwrap() - max < step + 1e-9);
    }
    assert_eq!(
        nice_ticks(2790.0, 5),
        vec![0.0, 500.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0]
    );
    // Degenerate input still gives an axis.
    assert!(nice_ticks(0.0, 4).len() >= 2);
    assert!(nice_ticks(f64::NAN, 4).len() >= 2);
}

#[test]
fn linear_maps_and_inverts() {
    let s = Linear::new(0.0, 3000.0, 300.0, 20.0);
    assert_eq!(s.map(0.0), 300.0);
    assert_eq!(s.map(3000.0), 20.0);
    for v in [0.0, 12.5, 539.06, 2790.0] {
        assert!((s.invert(s.map(v)) - v).abs() < 1e-9);
    }
    assert_eq!(Linear::new(1.0, 1.0, 5.0, 9.0).map(3.0), 5.0);
}
