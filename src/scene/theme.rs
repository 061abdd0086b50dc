//! Colours: light and dark defaults, and colours read from the host page's CSS
//! (custom properties resolved by the shell), so a site's own theme reaches the canvas.

use crate::error::{Error, Result};

/// A colour with alpha.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub f64);

impl Rgba {
    /// The same colour at `alpha`.
    pub fn alpha(self, a: f64) -> Rgba {
        Rgba(self.0, self.1, self.2, a)
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// Relative luminance within about 0.003 of [`Rgba::luminance`], without `powf`
    /// (a cubic fit of the sRGB curve): enough to tell a dark page from a light one, and
    /// the wasm does not carry `pow` (2 KB) for it.
    pub fn rough_luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            c * (c * (c * 0.305_306_011 + 0.682_171_111) + 0.012_522_878)
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two opaque colours (1 to 21).
    pub fn contrast(self, other: Rgba) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `rgb(r,g,b)` for CSS.
    pub fn css(self) -> String {
        format!("rgb({},{},{})", self.0, self.1, self.2)
    }
}

/// Parses what `getComputedStyle` returns (`rgb(1, 2, 3)`, `rgba(1, 2, 3, 0.5)`,
/// `rgb(1 2 3 / 50%)`) and `#rgb` / `#rrggbb`.
pub fn parse_color(s: &str) -> Option<Rgba> {
    let s = s.trim();
    if let Some(hex) = s.strip_prefix('#') {
        let v = |i: usize, n: usize| u8::from_str_radix(hex.get(i..i + n)?, 16).ok();
        return match hex.len() {
            3 => Some(Rgba(v(0, 1)? * 17, v(1, 1)? * 17, v(2, 1)? * 17, 1.0)),
            6 => Some(Rgba(v(0, 2)?, v(2, 2)?, v(4, 2)?, 1.0)),
            _ => None,
        };
    }
    let inner = s
        .strip_prefix("rgba(")
        .or_else(|| s.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<&str> = inner
        .split([',', ' ', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (&[r, g, b] | &[r, g, b, _]) = parts.as_slice() else {
        return None;
    };
    let channel = |p: &str| -> Option<u8> {
        let v = css_number(p)?;
        (v.is_finite() && (0.0..=255.0).contains(&v)).then(|| v.round() as u8)
    };
    let alpha = match parts.get(3) {
        None => 1.0,
        Some(a) => {
            let v = match a.strip_suffix('%') {
                Some(p) => css_number(p)? / 100.0,
                None => css_number(a)?,
            };
            if !(0.0..=1.0).contains(&v) {
                return None;
            }
            v
        }
    };
    Some(Rgba(channel(r)?, channel(g)?, channel(b)?, alpha))
}

/// A non-negative CSS number as `getComputedStyle` writes one (`255`, `0.5`, `.25`,
/// `12.`), or None. Not `str::parse::<f64>`: that pulls core's decimal-to-float tables
/// (about 10 KB of the reader's wasm) in for nothing a colour needs; a colour channel or
/// an alpha is exact enough as integer digits over a power of ten.
fn css_number(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty() || frac.len() > 9 {
        return None;
    }
    let mut v = 0.0;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10.0 + f64::from(b - b'0');
    }
    Some(v / 10f64.powi(frac.len() as i32))
}

/// The colours of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Painted under everything (the exports too); bar stripes and dots are drawn in it.
    /// The page's `--tc-bg` (key `bg`).
    pub bg: Rgba,
    /// Titles, value labels, annotations and the change label; the page's `--tc-fg`.
    pub fg: Rgba,
    /// Secondary text (ticks).
    pub muted: Rgba,
    /// Grid lines.
    pub grid: Rgba,
    /// Axis baseline.
    pub axis: Rgba,
    /// Series colours: for a dataset two-way trade, the first partner's exports, the
    /// second partner's exports (`scene::series_color`); for columns, in turn.
    pub series: [Rgba; 3],
    /// A story's claim drawn against the data.
    pub claim: Rgba,
}

/// The light base palette ([`Theme::light`]): a constant, so the wasm copies it from its
/// data rather than storing each colour in code.
const LIGHT: Theme = Theme {
    bg: Rgba(255, 255, 255, 1.0),
    fg: Rgba(28, 28, 30, 1.0),
    muted: Rgba(84, 84, 90, 1.0),
    grid: Rgba(224, 224, 228, 1.0),
    axis: Rgba(60, 60, 66, 1.0),
    series: [
        Rgba(42, 92, 154, 1.0),
        Rgba(13, 122, 114, 1.0),
        Rgba(196, 80, 27, 1.0),
    ],
    claim: Rgba(176, 0, 60, 1.0),
};

/// The dark base palette ([`Theme::dark`]).
const DARK: Theme = Theme {
    bg: Rgba(24, 24, 27, 1.0),
    fg: Rgba(236, 236, 240, 1.0),
    muted: Rgba(176, 176, 184, 1.0),
    grid: Rgba(62, 62, 70, 1.0),
    axis: Rgba(190, 190, 198, 1.0),
    series: [
        Rgba(122, 168, 235, 1.0),
        Rgba(64, 196, 178, 1.0),
        Rgba(242, 140, 90, 1.0),
    ],
    claim: Rgba(255, 110, 150, 1.0),
};

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}

/// The names a host page (or the shell) gives colours in, in `Theme::from_pairs` order.
pub const THEME_KEYS: [&str; 9] = [
    "bg", "fg", "muted", "grid", "axis", "two-way", "flow-a", "flow-b", "claim",
];

impl Theme {
    /// The colour of the `k`-th series of columns: the three in turn.
    pub(crate) fn nth_series(&self, k: usize) -> Rgba {
        let [a, b, c] = self.series;
        match k % 3 {
            0 => a,
            1 => b,
            _ => c,
        }
    }

    /// For light pages: text ≥ 7:1, marks ≥ 4.5:1 on white.
    pub fn light() -> Theme {
        LIGHT
    }

    /// For dark pages: the same hues, lightened.
    pub fn dark() -> Theme {
        DARK
    }

    /// A theme from CSS colour strings keyed by [`THEME_KEYS`]; missing keys keep
    /// `base`'s colour, unreadable ones are an error naming the key.
    pub fn from_pairs<'a>(
        base: &Theme,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Theme> {
        let mut t = base.clone();
        for (k, v) in pairs {
            let c = parse_color(v).ok_or_else(|| {
                Error::expected(format!("theme.{k}"), "a CSS colour", format!("\"{v}\""))
            })?;
            let c = if c.3 == 0.0 {
                base_color(base, k).unwrap_or(c)
            } else {
                c
            };
            match k {
                "bg" => t.bg = c,
                "fg" => t.fg = c,
                "muted" => t.muted = c,
                "grid" => t.grid = c,
                "axis" => t.axis = c,
                "two-way" => t.series[0] = c,
                "flow-a" => t.series[1] = c,
                "flow-b" => t.series[2] = c,
                "claim" => t.claim = c,
                _ => {
                    return Err(Error::expected_as(
                        crate::error::ErrorKind::UnknownField,
                        format!("theme.{k}"),
                        &format!("one of {}", THEME_KEYS.join(", ")),
                        k,
                    ))
                }
            }
        }
        Ok(t)
    }
}

/// Whether colours read from a page make a dark or a light chart, and the chart's theme
/// from them: the base palette is dark when the background is dark (relative luminance
/// under 0.18) or, with a transparent background, when the text is light (over 0.5).
/// Keys as in [`THEME_KEYS`]; an unreadable colour is an error naming its key.
pub fn from_page<'a>(pairs: &[(&'a str, &'a str)]) -> Result<(Theme, bool)> {
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .and_then(|(_, v)| parse_color(v))
    };
    let dark = match (get("bg"), get("fg")) {
        (Some(bg), _) if bg.3 > 0.0 => bg.rough_luminance() < 0.18,
        (_, Some(fg)) => fg.rough_luminance() > 0.5,
        _ => false,
    };
    let base = if dark { Theme::dark() } else { Theme::light() };
    Ok((Theme::from_pairs(&base, pairs.iter().copied())?, dark))
}

/// A transparent colour (an unset property) keeps the base theme's.
fn base_color(base: &Theme, k: &str) -> Option<Rgba> {
    Some(match k {
        "bg" => base.bg,
        "fg" => base.fg,
        "muted" => base.muted,
        "grid" => base.grid,
        "axis" => base.axis,
        "two-way" => base.series[0],
        "flow-a" => base.series[1],
        "flow-b" => base.series[2],
        "claim" => base.claim,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rough_luminance_is_close_to_wcag() {
        let mut worst: f64 = 0.0;
        for v in 0..=255u8 {
            for c in [
                Rgba(v, v, v, 1.0),
                Rgba(v, 0, 0, 1.0),
                Rgba(0, v, 255 - v, 1.0),
            ] {
                worst = worst.max((c.rough_luminance() - c.luminance()).abs());
            }
        }
        assert!(worst < 0.004, "{worst}");
    }

    #[test]
    fn the_page_colours_pick_the_base() {
        let dark = |pairs: &[(&str, &str)]| from_page(pairs).unwrap().1;
        assert!(!dark(&[
            ("bg", "rgb(255, 255, 255)"),
            ("fg", "rgb(28, 28, 30)")
        ]));
        assert!(dark(&[
            ("bg", "rgb(24, 24, 27)"),
            ("fg", "rgb(236, 236, 240)")
        ]));
        // A transparent background: the text decides.
        assert!(dark(&[
            ("bg", "rgba(0, 0, 0, 0)"),
            ("fg", "rgb(236, 236, 240)")
        ]));
        assert!(!dark(&[
            ("bg", "rgba(0, 0, 0, 0)"),
            ("fg", "rgb(20, 20, 20)")
        ]));
        // The base fills what the page leaves transparent: the dark palette's series.
        let (t, _) =
            from_page(&[("bg", "rgb(24, 24, 27)"), ("two-way", "rgba(0, 0, 0, 0)")]).unwrap();
        assert_eq!(t.series[0], Theme::dark().series[0]);
        let e = from_page(&[("bg", "#fff"), ("claim", "blurple")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "theme.claim: expected a CSS colour, found \"blurple\""
        );
    }

    #[test]
    fn colours_as_get_computed_style_writes_them() {
        assert_eq!(parse_color("#fff"), Some(Rgba(255, 255, 255, 1.0)));
        assert_eq!(parse_color(" #0a1B2c "), Some(Rgba(10, 27, 44, 1.0)));
        assert_eq!(parse_color("rgb(1, 2, 3)"), Some(Rgba(1, 2, 3, 1.0)));
        assert_eq!(parse_color("rgba(1, 2, 3, 0.5)"), Some(Rgba(1, 2, 3, 0.5)));
        assert_eq!(parse_color("rgba(0, 0, 0, .25)"), Some(Rgba(0, 0, 0, 0.25)));
        assert_eq!(parse_color("rgb(1 2 3 / 50%)"), Some(Rgba(1, 2, 3, 0.5)));
        assert_eq!(
            parse_color("rgb(12.6 0 254.4)"),
            Some(Rgba(13, 0, 254, 1.0))
        );
        for bad in [
            "rgb(256, 0, 0)",
            "rgb(-1, 0, 0)",
            "rgb(1e2, 0, 0)",
            "rgb(., 0, 0)",
            "rgb(1.2.3, 0, 0)",
            "rgba(0, 0, 0, 1.5)",
            "rgba(0, 0, 0, 150%)",
            "rgb(0, 0)",
            "rgb(0, 0, 0",
            "#12345",
            "#ggg",
            "blurple",
            "rgb(99999999999999999999999999999999, 0, 0)",
        ] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
    }
}
