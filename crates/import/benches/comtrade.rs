//! 10⁵ rows of a UN Comtrade download converted natively ("conversion of 10⁵
//! Comtrade rows ≤ 1 s natively, as a benchmark"). A plain timing loop, no framework:
//! `cargo bench --bench comtrade` (profile `bench`: opt-level 3, see Cargo.toml), or
//! `cargo bench --bench comtrade -- --runs 15`. The rows are the test fixture's first row
//! (tests/fixtures/comtrade/plus-monthly-pascal.csv, figures made up for the tests) with
//! 10⁵ different months, commodity codes and values, as tests/import_comtrade.rs's
//! `time_100k_rows` builds them. Prints each phase's median over the runs: reading the
//! CSV into cells (`table::parse`), the whole import (cells → dataset), and the check
//! (`Import::check`, the dataset's validation).
//!
//! A second case: a download of many pairs of countries (20 reporters against 25
//! partners each, 100 months, both flows: 10⁵ rows, about 30 MB, made here and never
//! committed), read with `--pair` (`ComtradeOptions::pair`), which keeps one pair's 400
//! figures. Both print their time per row.

use std::time::{Duration, Instant};

use trade_chart_import::comtrade::{self, ComtradeOptions};
use trade_chart_import::table;

const FIXTURE: &str = include_str!("../../../tests/fixtures/comtrade/plus-monthly-pascal.csv");

/// The download: the fixture's header and 10⁵ rows made from its first row.
fn download(rows: usize) -> String {
    let mut lines = FIXTURE.lines();
    let header = lines.next().unwrap_or_default();
    let template = lines.next().unwrap_or_default();
    let mut big = String::from(header);
    big.push('\n');
    let mut n = 0;
    'outer: for y in 1900..2100 {
        for m in 1..=12 {
            for cmd in 0..100 {
                if n == rows {
                    break 'outer;
                }
                let row = template
                    .replace(",202001,", &format!(",{y}{m:02},"))
                    .replace(",TOTAL,", &format!(",{cmd:02},"))
                    .replace(",231510007,", &format!(",{},", 1000 + n));
                big.push_str(&row);
                big.push('\n');
                n += 1;
            }
        }
    }
    big
}

/// The many-pairs download: the fixture's first row with its reporter and partner
/// replaced, 20 reporters × 25 partners × 2 flows × 100 months.
fn many_pairs() -> String {
    let mut lines = FIXTURE.lines();
    let header = lines.next().unwrap_or_default();
    let template = lines.next().unwrap_or_default();
    let pair = ",156,CHN,China,X,Export,408,PRK,Dem. People's Rep. of Korea,";
    assert!(template.contains(pair));
    let mut big = String::from(header);
    big.push('\n');
    let mut n = 0;
    for r in 0..20 {
        for p in (0..26).filter(|&p| p != r) {
            for (flow, desc) in [("X", "Export"), ("M", "Import")] {
                for m in 0..100 {
                    let (y, mm) = (2000 + m / 12, 1 + m % 12);
                    let row = template
                        .replace(
                            pair,
                            &format!(
                                ",{},C{r:02},Country {r},{flow},{desc},{},C{p:02},Country {p},",
                                100 + r,
                                100 + p
                            ),
                        )
                        .replace(",202001,", &format!(",{y}{mm:02},"))
                        .replace(",231510007,", &format!(",{},", 1000 + n));
                    big.push_str(&row);
                    big.push('\n');
                    n += 1;
                }
            }
        }
    }
    big
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:7.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes --bench; --runs N sets the number of runs (default 7).
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(7usize)
        .max(1);
    let rows = 100_000;
    let text = download(rows);
    let options = ComtradeOptions::default();
    let (mut parse, mut import, mut check, mut total) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let t = Instant::now();
        let table = table::parse(&text).map(|t| t.rows.len());
        parse.push(t.elapsed());
        assert_eq!(table.ok(), Some(rows));

        let t = Instant::now();
        let imported = comtrade::import("big.csv", text.as_bytes(), &options);
        let read = t.elapsed();
        let Ok(imported) = imported else {
            panic!("the download does not import")
        };
        let checked = imported.check();
        let all = t.elapsed();
        let obs: usize = checked
            .map(|d| d.series.iter().map(|s| s.observations.len()).sum())
            .unwrap_or(0);
        assert_eq!(obs, rows);
        import.push(read);
        check.push(all - read);
        total.push(all);
    }
    println!(
        "comtrade: {rows} rows ({:.1} MB), median of {runs} runs",
        text.len() as f64 / 1e6
    );
    println!("  parse (CSV → cells)            {}", ms(median(parse)));
    println!("  import (bytes → dataset)       {}", ms(median(import)));
    println!("  check (validate)               {}", ms(median(check)));
    let t = median(total.clone());
    println!(
        "  import and check               {}  (min {}, max {})",
        ms(t),
        ms(*total.iter().min().unwrap_or(&t)),
        ms(*total.iter().max().unwrap_or(&t))
    );
    println!("  per row                        {}", us(t, rows));

    // Many pairs, one chosen.
    let text = many_pairs();
    let rows = text.lines().count() - 1;
    let options = ComtradeOptions {
        pair: Some("C01,C02".into()),
        ..ComtradeOptions::default()
    };
    let mut total = vec![];
    for _ in 0..runs {
        let t = Instant::now();
        let imported = comtrade::import("pairs.csv", text.as_bytes(), &options);
        let Ok(imported) = imported else {
            panic!("the many-pairs download does not import")
        };
        let obs: usize = imported
            .check()
            .map(|d| d.series.iter().map(|s| s.observations.len()).sum())
            .unwrap_or(0);
        total.push(t.elapsed());
        assert_eq!(obs, 400);
    }
    let t = median(total.clone());
    println!(
        "comtrade, many pairs: {rows} rows ({:.1} MB) (20 reporters × 25 partners: 310 pairs), --pair C01,C02 (400 figures), median of {runs} runs",
        text.len() as f64 / 1e6
    );
    println!(
        "  import and check               {}  (min {}, max {})",
        ms(t),
        ms(*total.iter().min().unwrap_or(&t)),
        ms(*total.iter().max().unwrap_or(&t))
    );
    println!("  per row                        {}", us(t, rows));
}

/// Time per row, in microseconds.
fn us(d: Duration, rows: usize) -> String {
    format!("{:7.2} µs", d.as_secs_f64() * 1e6 / rows as f64)
}
