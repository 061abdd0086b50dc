//! Value ↔ pixel mapping and "nice" ticks. Pure f64, no drawing.

/// A linear map from a domain to a pixel range, and back (for hit-testing).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    /// Domain start.
    pub d0: f64,
    /// Domain end.
    pub d1: f64,
    /// Pixel at `d0`.
    pub r0: f64,
    /// Pixel at `d1`.
    pub r1: f64,
}

impl Linear {
    /// Maps `d0..d1` onto `r0..r1`.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Self {
        Linear { d0, d1, r0, r1 }
    }

    /// Value → pixel.
    pub fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 {
            return self.r0;
        }
        self.r0 + (v - self.d0) / span * (self.r1 - self.r0)
    }

    /// Pixel → value.
    pub fn invert(&self, px: f64) -> f64 {
        let span = self.r1 - self.r0;
        if span == 0.0 {
            return self.d0;
        }
        self.d0 + (px - self.r0) / span * (self.d1 - self.d0)
    }
}

/// Round ticks from 0 covering `max`: steps of 1, 2, 2.5 or 5 × 10^k, about `target` of them.
/// Returns at least two ticks; the last is ≥ `max`.
pub fn nice_ticks(max: f64, target: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let target = target.clamp(2, 12) as f64;
    let raw = max / target;
    let mag = 10f64.powf(raw.log10().floor());
    // The candidate step whose number of intervals is nearest the target.
    let step = [1.0, 2.0, 2.5, 5.0, 10.0, 20.0]
        .iter()
        .map(|m| m * mag)
        .min_by(|a, b| {
            ((max / a) - target)
                .abs()
                .total_cmp(&((max / b) - target).abs())
        })
        .unwrap_or(mag);
    if !(step.is_finite() && step > 0.0) {
        // Subnormal or extreme input: one interval, no arithmetic that can underflow.
        return vec![0.0, max];
    }
    let n = (max / step - 1e-9).ceil().clamp(1.0, 100.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}
