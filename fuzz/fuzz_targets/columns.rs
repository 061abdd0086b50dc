//! A chart of plain columns from arbitrary numbers: the first byte picks the series count
//! (1–8) and the value format, the rest are f64s, x first. Raw, then (to get past the
//! checks) with x sorted and y made non-negative.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use trade_chart::chart::columns::{ColumnsChart, ColSeries, Columns, ValueFormat};

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let k = usize::from(head % 8) + 1;
    let format = ["usd", "number", "percent"][usize::from(head / 8) % 3];
    let nums: Vec<f64> = rest
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .collect();
    let n = nums.len() / (k + 1);
    if n == 0 {
        return;
    }
    let make = |fix: bool| {
        let mut x = nums[..n].to_vec();
        if fix {
            x.retain(|v| v.is_finite());
            x.sort_by(f64::total_cmp);
        }
        let series = (0..k)
            .map(|s| ColSeries {
                id: format!("s{s}"),
                label: format!("Series {s}"),
                y: nums[n * (s + 1)..n * (s + 2)]
                    .iter()
                    .take(x.len())
                    .map(|&v| if fix && v.is_finite() { v.abs() } else { v })
                    .collect(),
            })
            .collect();
        Columns::new("Columns".into(), x, series)
    };
    for fix in [false, true] {
        if let Ok(cols) = make(fix) {
            let cols = match ValueFormat::parse(format) {
                Ok(f) => cols.with_format(f),
                Err(_) => cols,
            };
            let mut c = ColumnsChart::new(cols, common::lang(data.len()));
            common::exercise(&mut c, common::lang(data.len()));
            let _ = c.toggle_series("s0");
            let _ = c.resize(320.0, 300.0);
            let _ = c.hover(100.0, 100.0);
        }
    }
});
