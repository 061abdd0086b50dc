//! Large numeric columns: M4 decimation draws the same picture with ≤ 4 points per
//! pixel column; validation names the field; hover finds the nearest point.

use trade_chart::chart::columns::{m4, range_ticks, ColSeries, Columns, ColumnsChart};
use trade_chart::scene::scale::Linear;
use trade_chart::scene::Mark;
use trade_chart::Lang;

/// A seeded, trade-like series: trend, seasonality, noise.
fn synthetic(n: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut s = seed;
    let mut rnd = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s % 10_000) as f64 / 10_000.0
    };
    let x: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let y = (0..n)
        .map(|i| {
            1e8 * (1.0 + 0.5 * (i as f64 / 12.0 * std::f64::consts::TAU).sin())
                * (0.8 + 0.4 * rnd())
        })
        .collect();
    (x, y)
}

#[test]
fn m4_keeps_every_columns_extremes_with_at_most_four_points() {
    let (x, y) = synthetic(100_000, 7);
    let xs = Linear::new(0.0, 99_999.0, 0.0, 800.0);
    let ys = Linear::new(0.0, 2e8, 400.0, 0.0);
    let paths = m4(&x, &y, &xs, &ys);
    assert_eq!(paths.len(), 1);
    let pts = &paths[0];
    assert!(pts.len() <= 4 * 801, "{} points", pts.len());
    // For every pixel column, the decimated path spans the same y range as the raw data.
    let mut raw = std::collections::BTreeMap::<i64, (f64, f64)>::new();
    for (xi, yi) in x.iter().zip(&y) {
        let c = xs.map(*xi).floor() as i64;
        let e = raw.entry(c).or_insert((f64::MAX, f64::MIN));
        e.0 = e.0.min(ys.map(*yi));
        e.1 = e.1.max(ys.map(*yi));
    }
    let mut dec = std::collections::BTreeMap::<i64, (f64, f64)>::new();
    for (px, py) in pts {
        let e = dec.entry(px.floor() as i64).or_insert((f64::MAX, f64::MIN));
        e.0 = e.0.min(*py);
        e.1 = e.1.max(*py);
    }
    assert_eq!(raw, dec);
    // Points stay in x order, and the first and last points are the data's.
    assert!(pts.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(pts[0], (xs.map(x[0]), ys.map(y[0])));
    assert_eq!(*pts.last().unwrap(), (xs.map(x[99_999]), ys.map(y[99_999])));
}

#[test]
fn gaps_split_the_line() {
    let x: Vec<f64> = (0..10).map(f64::from).collect();
    let y = vec![
        1.0,
        2.0,
        f64::NAN,
        f64::NAN,
        5.0,
        6.0,
        7.0,
        f64::NAN,
        9.0,
        10.0,
    ];
    let xs = Linear::new(0.0, 9.0, 0.0, 900.0);
    let ys = Linear::new(0.0, 10.0, 100.0, 0.0);
    let paths = m4(&x, &y, &xs, &ys);
    assert_eq!(
        paths.iter().map(Vec::len).collect::<Vec<_>>(),
        vec![2, 3, 2]
    );
}

#[test]
fn columns_are_validated_by_field() {
    let ok = |y: Vec<f64>| {
        Columns::new(
            "t".into(),
            vec![0.0, 1.0, 2.0],
            vec![ColSeries {
                id: "a".into(),
                label: "A".into(),
                y,
            }],
        )
    };
    assert!(ok(vec![1.0, f64::NAN, 3.0]).is_ok());
    assert_eq!(
        ok(vec![1.0, -2.0, 3.0]).unwrap_err().to_string(),
        "columns.series[0].values[1]: expected a finite number ≥ 0 (NaN for a gap), found -2"
    );
    assert!(ok(vec![1.0, f64::INFINITY, 3.0])
        .unwrap_err()
        .to_string()
        .starts_with("columns.series[0].values[1]"));
    assert!(ok(vec![1.0])
        .unwrap_err()
        .to_string()
        .starts_with("columns.series[0].values: expected 3 values"));
    let e = Columns::new(
        "t".into(),
        vec![0.0, 2.0, 1.0],
        vec![ColSeries {
            id: "a".into(),
            label: "A".into(),
            y: vec![1.0; 3],
        }],
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "columns.x[2]: expected finite, non-decreasing numbers, found 1"
    );
    assert!(Columns::new("t".into(), vec![], vec![]).is_err());
}

#[test]
fn a_million_points_draw_a_few_thousand() {
    let (x, a) = synthetic(1_000_000, 1);
    let (_, b) = synthetic(1_000_000, 2);
    let cols = Columns::new(
        "Synthetic".into(),
        x,
        vec![
            ColSeries {
                id: "a".into(),
                label: "A".into(),
                y: a,
            },
            ColSeries {
                id: "b".into(),
                label: "B".into(),
                y: b,
            },
        ],
    )
    .unwrap();
    let mut c = ColumnsChart::new(cols, Lang::En);
    c.resize(1200.0, 500.0).unwrap();
    let points: usize = c
        .scene()
        .marks
        .iter()
        .map(|m| {
            if let Mark::Path { points, .. } = m {
                points.len()
            } else {
                0
            }
        })
        .sum();
    assert!(points > 2_000 && points <= 2 * 4 * 1200, "{points}");
    // Hover: nearest x, then the nearer series.
    let plot = c.scene().plot;
    let h = c.hover((plot.x0 + plot.x1) / 2.0, plot.y0 + 5.0).unwrap();
    assert!((h.index as f64 - 500_000.0).abs() < 1_000.0, "{}", h.index);
    assert!(c.hover(1.0, 1.0).is_none());
    assert!(!c.toggle_series("a").unwrap());
    let h = c.hover((plot.x0 + plot.x1) / 2.0, plot.y0 + 5.0).unwrap();
    assert_eq!(h.series_id, "b", "a hidden series is not hovered");
    assert!(c.toggle_series("nope").is_err());
}

#[test]
fn x_ticks_fall_inside_the_range() {
    let t = range_ticks(3.0, 999_997.0, 6);
    assert!(t.len() >= 3 && t.len() <= 12, "{t:?}");
    assert!(t.iter().all(|v| *v >= 3.0 && *v <= 999_997.0));
    assert_eq!(range_ticks(5.0, 5.0, 4), vec![5.0]);
}

/// The stroke width of every data line in a chart of `n` points at `width` CSS px.
fn line_widths(n: usize, width: f64) -> Vec<f64> {
    let (x, y) = synthetic(n, 3);
    let cols = Columns::new(
        "S".into(),
        x,
        vec![ColSeries {
            id: "a".into(),
            label: "A".into(),
            y,
        }],
    )
    .unwrap();
    let mut c = ColumnsChart::new(cols, Lang::En);
    c.resize(width, 400.0).unwrap();
    assert_eq!((c.scene().width, c.scene().height), (width, 400.0));
    c.scene()
        .marks
        .iter()
        .filter_map(|m| match m {
            Mark::Path { width, .. } => Some(*width),
            _ => None,
        })
        .collect()
}

#[test]
fn dense_lines_are_one_pixel_sparse_ones_thicker() {
    // 1 px strokes take the rasteriser's hairline path (bench/: several times faster).
    let dense = line_widths(1_000, 1200.0);
    assert!(
        !dense.is_empty() && dense.iter().all(|&w| w == 1.0),
        "{dense:?}"
    );
    let sparse = line_widths(100, 1200.0);
    assert!(
        !sparse.is_empty() && sparse.iter().all(|&w| w == 1.5),
        "{sparse:?}"
    );
}

/// Columns need not be dollars: `format` writes the axis and the tooltip as plain numbers
/// or per cent.
#[test]
fn columns_say_what_their_values_are() {
    use trade_chart::chart::columns::ValueFormat;
    let make = |format| {
        let cols = Columns::new(
            "t".into(),
            vec![0.0, 1.0, 2.0],
            vec![ColSeries {
                id: "a".into(),
                label: "A".into(),
                y: vec![1.5e6, 2.5e6, 3.0e6],
            }],
        )
        .unwrap()
        .with_format(format);
        let mut c = ColumnsChart::new(cols, Lang::En);
        c.resize(600.0, 300.0).unwrap();
        c
    };
    let labels = |c: &ColumnsChart| -> Vec<String> {
        c.scene()
            .marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    };
    let usd = make(ValueFormat::Usd);
    assert!(
        labels(&usd).iter().any(|t| t == "$3m"),
        "{:?}",
        labels(&usd)
    );
    let num = make(ValueFormat::Number);
    assert!(labels(&num).iter().any(|t| t == "3m"), "{:?}", labels(&num));
    assert!(!labels(&num).iter().any(|t| t.starts_with('$')));
    let pct = make(ValueFormat::Percent);
    assert!(labels(&pct).iter().all(|t| !t.starts_with('$')));
    // The tooltip at the last point.
    let p = num.scene().plot;
    let h = num.hover(p.x1 - 1.0, (p.y0 + p.y1) / 2.0).unwrap();
    assert_eq!(h.value, "3,000,000");
    assert!(ValueFormat::parse("euro")
        .unwrap_err()
        .to_string()
        .starts_with("columns.format"));
}

/// Columns built by hand (the fields are public) skip `Columns::new`'s checks: a series
/// shorter than x, or no x at all, once indexed out of range in the CSV, the hover and
/// the x scale, trapping the wasm. Now the missing values are gaps.
#[test]
fn hand_built_columns_do_not_panic() {
    let short = Columns {
        title: "t".into(),
        x: vec![0.0, 1.0, 2.0, 3.0],
        series: vec![ColSeries {
            id: "a".into(),
            label: "A".into(),
            y: vec![5.0],
        }],
        max: Vec::new(),
        format: Default::default(),
    };
    let mut c = ColumnsChart::new(short, Lang::En);
    c.resize(400.0, 300.0).unwrap();
    let plot = c.scene().plot;
    // Only x = 0 has a value: a pointer nearest it finds that point, one nearest a gap
    // finds nothing; both happen across the plot, and nothing panics.
    let hits: Vec<Option<usize>> = (0..=20)
        .map(|k| {
            let px = plot.x0 + (plot.x1 - plot.x0) * k as f64 / 20.0;
            c.hover(px, (plot.y0 + plot.y1) / 2.0).map(|h| h.index)
        })
        .collect();
    assert_eq!(hits[0], Some(0), "{hits:?}");
    assert!(hits.iter().flatten().all(|&i| i == 0), "{hits:?}");
    assert_eq!(hits[20], None, "{hits:?}");
    assert_eq!(c.csv(), "x,a\n0,5\n1,\n2,\n3,\n");

    let empty = Columns {
        title: String::new(),
        x: Vec::new(),
        series: Vec::new(),
        max: Vec::new(),
        format: Default::default(),
    };
    let mut c = ColumnsChart::new(empty, Lang::En);
    c.resize(400.0, 300.0).unwrap();
    assert!(c.hover(200.0, 150.0).is_none());
    assert_eq!(c.csv(), "x\n");
}
