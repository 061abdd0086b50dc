//! A picture as PNG: the SVG that [`trade_chart::DatasetChart::svg`]
//! writes, rasterised by resvg with the system's fonts. One drawing code for both files:
//! the PNG is the SVG, pixel for pixel at `scale` device pixels per CSS pixel.

use resvg::{tiny_skia, usvg};

use trade_chart::error::{Error, ErrorKind, Result};

/// Families tried, in order, for the generic `sans-serif` that ends our font stack
/// ([`trade_chart::FONT_FAMILY`]); the system's first face when none is installed. Characters
/// a family lacks (Korean, Chinese) come from any installed face that has them.
const SANS: &[&str] = &[
    "Noto Sans",
    "DejaVu Sans",
    "Liberation Sans",
    "Arial",
    "Helvetica",
];

/// The largest side of a PNG we make, in device pixels (a bigger picture is a usage
/// mistake, not a chart: 4000 CSS px at 4×).
pub const MAX_SIDE: u32 = 16_000;

/// The system's fonts, with `sans-serif` mapped to an installed family.
fn fonts() -> usvg::fontdb::Database {
    let mut db = usvg::fontdb::Database::new();
    db.load_system_fonts();
    let installed = |name: &str| {
        db.faces()
            .any(|f| f.families.iter().any(|(family, _)| family == name))
    };
    let sans = SANS
        .iter()
        .find(|n| installed(n))
        .map(|n| n.to_string())
        .or_else(|| {
            db.faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|(family, _)| family.clone())
        });
    if let Some(sans) = sans {
        db.set_sans_serif_family(sans.clone());
        db.set_serif_family(sans);
    }
    db
}

/// `svg` rasterised at `scale` device pixels per CSS pixel, encoded as PNG (8-bit RGBA).
pub fn png(svg: &str, scale: f64) -> Result<Vec<u8>> {
    let fail = |m: String| Error::at(ErrorKind::Render, "png", m);
    if !(scale.is_finite() && scale > 0.0) {
        return Err(fail(format!(
            "scale must be a positive number, found {scale}"
        )));
    }
    let db = fonts();
    if db.is_empty() {
        // Without a face no word would be drawn: a picture without its title and sources.
        return Err(fail(
            "no fonts found on this system (install one, e.g. fonts-dejavu-core; \
             fonts-wqy-microhei or fonts-noto-cjk for Korean and Chinese)"
                .into(),
        ));
    }
    let mut opt = usvg::Options::default();
    *opt.fontdb_mut() = db;
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| fail(e.to_string()))?;
    let size = tree.size();
    let side = |v: f32| (f64::from(v) * scale).round();
    let (w, h) = (side(size.width()), side(size.height()));
    if w < 1.0 || h < 1.0 || w > f64::from(MAX_SIDE) || h > f64::from(MAX_SIDE) {
        return Err(fail(format!(
            "a {w}×{h} px picture: each side must be 1 to {MAX_SIDE} px"
        )));
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(w as u32, h as u32).ok_or_else(|| fail("no memory".into()))?;
    let (sx, sy) = (
        w as f32 / size.width().max(1.0),
        h as f32 / size.height().max(1.0),
    );
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(sx, sy),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| fail(e.to_string()))
}
