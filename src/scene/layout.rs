//! Sizes: the chart's height for a width, text width estimates, the plot box.
//! Deterministic (no DOM measuring), so it is the same natively and in the browser.

/// A box in CSS pixels: `x0`, `y0` its top-left corner and `x1`, `y1` its bottom-right,
/// with y growing downwards as on a canvas. Nothing reorders the corners: a box given
/// backwards has a negative [`Rect::w`] or [`Rect::h`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    #[allow(missing_docs)] // one corner coordinate: the struct's doc says which
    pub x0: f64,
    #[allow(missing_docs)] // one corner coordinate: the struct's doc says which
    pub y0: f64,
    #[allow(missing_docs)] // one corner coordinate: the struct's doc says which
    pub x1: f64,
    #[allow(missing_docs)] // one corner coordinate: the struct's doc says which
    pub y1: f64,
}

impl Rect {
    /// From two corners.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        Rect { x0, y0, x1, y1 }
    }
    /// Width in CSS px (`x1 - x0`; negative if the corners were given backwards).
    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    /// Height in CSS px (`y1 - y0`; negative if the corners were given backwards).
    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }
    /// Whether the point is inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
    /// Whether `other` lies within this box (with a little slack for rounding).
    pub fn encloses(&self, other: &Rect) -> bool {
        const E: f64 = 0.5;
        other.x0 >= self.x0 - E
            && other.x1 <= self.x1 + E
            && other.y0 >= self.y0 - E
            && other.y1 <= self.y1 + E
    }
    /// Centre x.
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// The narrowest chart we lay out; narrower containers are drawn at this width.
pub const MIN_WIDTH: f64 = 240.0;

/// A chart size in CSS px must be finite and from 1 to 20,000 on each side.
pub fn check_size(width: f64, height: f64) -> crate::Result<()> {
    for (name, v) in [("width", width), ("height", height)] {
        if !(v.is_finite() && (1.0..=20_000.0).contains(&v)) {
            return Err(crate::Error::expected_as(
                crate::error::ErrorKind::Size,
                format!("container.{name}"),
                "a size from 1 to 20000 px",
                crate::text::format::plain(v),
            ));
        }
    }
    Ok(())
}

/// Font sizes (CSS px).
pub const FONT: f64 = 12.0;

/// One step of the height rule: from a container `from` px wide (up to the next step's),
/// the chart is `factor` × the width high, kept within `min` ..= `max` px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeightStep {
    /// The narrowest width (CSS px) this step applies to.
    pub from: f64,
    /// Height per px of width.
    pub factor: f64,
    /// The lowest height (CSS px).
    pub min: f64,
    /// The highest height (CSS px).
    pub max: f64,
}

/// The height rule, steps by width: taller than wide on phones, 2:1 on desktops. The
/// published picture's stylesheet writes the same rule in CSS (`chart::picture_css`).
pub const HEIGHT_RULE: [HeightStep; 2] = [
    HeightStep {
        from: 0.0,
        factor: 0.9,
        min: 260.0,
        max: 380.0,
    },
    HeightStep {
        from: 560.0,
        factor: 0.5,
        min: 300.0,
        max: 480.0,
    },
];

/// The chart's height for a container width ([`HEIGHT_RULE`]).
pub fn preferred_height(width: f64) -> f64 {
    if !width.is_finite() || width <= 0.0 {
        return 0.0;
    }
    let mut step = HEIGHT_RULE[0];
    for s in HEIGHT_RULE {
        if width >= s.from {
            step = s;
        }
    }
    (width * step.factor).clamp(step.min, step.max)
}

/// Estimated width of `s` at `size` px in a system sans-serif: generous, so labels never collide.
pub fn text_width(s: &str, size: f64) -> f64 {
    let em: f64 = s.chars().map(char_em).sum();
    em * size
}

/// One character's advance in em (the estimate [`text_width`] sums).
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | 'i' | 'l' | 'j' | '\'' | '|' => 0.3,
        'm' | 'w' | 'M' | 'W' | '—' | '%' => 0.9,
        c if c.is_ascii_uppercase() || c == '$' || c == '–' || c == '−' => 0.68,
        c if c.is_ascii() => 0.56,
        c if (c as u32) >= 0x1100 => 1.0, // Hangul, CJK
        _ => 0.6,
    }
}

/// Splits `s` into at most `max_lines` lines of at most `width` px (by words); the last line
/// keeps what is left.
pub fn wrap(s: &str, size: f64, width: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, size) <= width
            || current.is_empty()
            || lines.len() + 1 >= max_lines
        {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// `s` cut to at most `width` px at `size`, with "…" where it was cut (whole when it fits).
pub fn fit(s: &str, size: f64, width: f64) -> String {
    if text_width(s, size) <= width {
        return s.to_string();
    }
    // the kept prefix's width, summed as it grows (as text_width sums it)
    let ellipsis = text_width("…", size);
    let mut em = 0.0;
    let mut out = String::new();
    for c in s.chars() {
        em += char_em(c);
        if em * size + ellipsis > width {
            break;
        }
        out.push(c);
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fit` as first written: the whole prefix measured again at every character.
    fn fit_by_prefix(s: &str, size: f64, width: f64) -> String {
        if text_width(s, size) <= width {
            return s.to_string();
        }
        let mut out = String::new();
        for c in s.chars() {
            out.push(c);
            if text_width(&out, size) + text_width("…", size) > width {
                out.pop();
                break;
            }
        }
        let kept = out.trim_end().len();
        out.truncate(kept);
        out.push('…');
        out
    }

    #[test]
    fn fit_sums_widths_as_it_goes_with_the_same_cuts() {
        let texts = [
            "27 Mineral fuels, mineral oils and products of their distillation",
            "Ferro-alloys",
            "광물성 연료·광물유와 이들의 증류물",
            "矿物燃料、矿物油及其蒸馏产品",
            "Wigs and false beards, of human hair — 가발 (假发)",
            "a b c d e f g h i j k l m n o p",
            "",
        ];
        for t in texts {
            for w in (0..=400).step_by(3) {
                let w = f64::from(w);
                let got = fit(t, 12.0, w);
                assert_eq!(got, fit_by_prefix(t, 12.0, w), "{t:?} at {w} px");
                if got != t {
                    assert!(got.ends_with('…'), "{got:?}");
                    assert!(
                        got.len() == "…".len() || text_width(&got, 12.0) <= w,
                        "{got:?} is wider than {w}"
                    );
                }
            }
        }
    }
}
