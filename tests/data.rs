//! The default dataset: every figure of the research notes is present with its source,
//! derived values equal their formulas, claims are checked, gaps stay gaps.

use trade_chart::data::{ClaimStatus, Dataset, Period, Qualifier};

fn ds() -> Dataset {
    Dataset::default_dataset().unwrap_or_else(|e| panic!("default dataset invalid: {e}"))
}

fn value(
    ds: &Dataset,
    series: &str,
    period: &str,
    category: Option<&str>,
) -> Option<(f64, Qualifier, Vec<String>)> {
    let p = Period::parse(period).ok()?;
    let s = ds.series.iter().find(|s| s.id == series)?;
    let o = s
        .observations
        .iter()
        .find(|o| o.period == p && o.category.as_ref().map(|c| c.en.as_str()) == category)?;
    Some((
        o.value,
        o.qualifier,
        o.sources
            .iter()
            .map(|&i| ds.sources[i].id.clone())
            .collect(),
    ))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * a.abs().max(1.0)
}

/// Transcribed by hand from the research notes (values in US$ million).
const FIGURES: &[(&str, &str, f64)] = &[
    // Annual two-way
    ("two-way-annual", "2004", 1380.0),
    ("two-way-annual", "2007", 1900.0),
    ("two-way-annual", "2009", 2700.0),
    ("two-way-annual", "2010", 3460.0),
    ("two-way-annual", "2011", 5630.0),
    ("two-way-annual", "2013", 6540.0),
    ("two-way-annual", "2014", 6390.0),
    ("two-way-annual", "2015", 5710.0),
    ("two-way-annual", "2017", 5060.0),
    ("two-way-annual", "2018", 2430.0),
    ("two-way-annual", "2019", 2790.0),
    ("two-way-annual", "2020", 539.06),
    ("two-way-annual", "2021", 318.0),
    ("two-way-annual", "2022", 1027.72),
    ("two-way-annual", "2023", 2300.0),
    ("two-way-annual-other", "2015", 5430.0),
    // Annual by direction
    ("cn-kp-annual", "2004", 799.0),
    ("kp-cn-annual", "2004", 585.0),
    ("cn-kp-annual", "2007", 1400.0),
    ("kp-cn-annual", "2007", 580.0),
    ("cn-kp-annual", "2011", 3170.0),
    ("kp-cn-annual", "2011", 2460.0),
    ("cn-kp-annual", "2012", 3500.0),
    ("kp-cn-annual", "2012", 2400.0),
    ("kp-cn-annual", "2017", 1720.0),
    ("cn-kp-annual", "2018", 2220.0),
    ("kp-cn-annual", "2018", 213.15),
    ("cn-kp-annual", "2019", 2590.0),
    ("kp-cn-annual", "2019", 216.0),
    ("cn-kp-annual", "2020", 491.06),
    ("kp-cn-annual", "2020", 48.0),
    ("kp-cn-annual", "2021", 58.0),
    ("cn-kp-annual", "2022", 894.0),
    ("kp-cn-annual", "2022", 134.0),
    ("kp-cn-annual", "2023", 292.0),
    // Monthly 2020
    ("cn-kp-monthly", "2020-01/2020-02", 197.4),
    ("kp-cn-monthly", "2020-01/2020-02", 10.7),
    ("two-way-monthly", "2020-03", 18.64),
    ("cn-kp-monthly", "2020-03", 17.3),
    ("kp-cn-monthly", "2020-03", 0.616),
    ("two-way-monthly", "2020-04", 24.0),
    ("cn-kp-monthly", "2020-04", 21.8),
    ("kp-cn-monthly", "2020-04", 2.2),
    ("two-way-monthly", "2020-05", 63.3),
    ("cn-kp-monthly", "2020-05", 58.0),
    ("kp-cn-monthly", "2020-05", 4.7),
    ("two-way-monthly", "2020-06", 96.8),
    ("cn-kp-monthly", "2020-06", 87.7),
    ("kp-cn-monthly", "2020-06", 9.1),
    ("two-way-monthly", "2020-07", 73.84),
    ("cn-kp-monthly", "2020-07", 65.865),
    ("cn-kp-monthly", "2020-08", 19.3),
    ("kp-cn-monthly", "2020-08", 6.6),
    ("two-way-monthly", "2020-09", 20.8),
    ("cn-kp-monthly", "2020-09", 18.882),
    ("two-way-monthly", "2020-10", 1.659),
    ("cn-kp-monthly", "2020-10", 0.253),
    ("kp-cn-monthly", "2020-10", 1.46),
    ("two-way-monthly", "2020-11", 1.27),
    ("cn-kp-monthly", "2020-11", 0.148),
    ("kp-cn-monthly", "2020-11", 0.002382),
    // Other months
    ("two-way-monthly", "2018-06", 217.16),
    ("cn-kp-monthly", "2018-06", 204.19),
    ("kp-cn-monthly", "2018-06", 12.97),
    ("two-way-monthly", "2018-07", 194.62),
    ("cn-kp-monthly", "2018-07", 177.48),
    ("two-way-monthly", "2018-08", 219.9),
    ("cn-kp-monthly", "2018-08", 200.7),
    ("two-way-monthly", "2018-10", 245.34),
    ("cn-kp-monthly", "2018-10", 227.45),
    ("two-way-monthly", "2018-11", 247.75),
    ("cn-kp-monthly", "2018-11", 227.7),
    ("two-way-monthly", "2018-12", 228.89),
    ("cn-kp-monthly", "2018-12", 207.43),
    ("cn-kp-monthly", "2019-01", 168.0),
    ("kp-cn-monthly", "2019-01", 20.1),
    ("kp-cn-monthly", "2019-02", 18.0),
    ("two-way-monthly", "2019-05", 275.39),
    ("cn-kp-monthly", "2019-05", 258.29),
    ("kp-cn-monthly", "2019-05", 17.09),
    ("two-way-monthly", "2021-01/2021-02", 3.27),
    ("two-way-monthly", "2021-03", 14.28),
    ("cn-kp-monthly", "2021-03", 12.978),
    ("kp-cn-monthly", "2021-03", 1.308),
];

#[test]
fn every_research_figure_is_present_with_a_source() {
    let ds = ds();
    for &(series, period, expected) in FIGURES {
        let (v, _, sources) =
            value(&ds, series, period, None).unwrap_or_else(|| panic!("missing {series} {period}"));
        assert!(close(v, expected), "{series} {period}: {v} != {expected}");
        assert!(!sources.is_empty(), "{series} {period} has no source");
    }
}

#[test]
fn qualifiers_and_sources_follow_the_research_notes() {
    let ds = ds();
    let approx = [
        ("two-way-annual", "2007"),
        ("two-way-annual", "2009"),
        ("two-way-annual", "2023"),
        ("cn-kp-annual", "2007"),
        ("two-way-monthly", "2020-04"),
        ("cn-kp-monthly", "2020-04"),
        ("kp-cn-monthly", "2020-04"),
        ("kp-cn-monthly", "2020-03"),
        ("two-way-monthly", "2020-12"),
    ];
    let at_least = [("cn-kp-monthly", "2020-05"), ("kp-cn-monthly", "2020-05")];
    for &(series, period, expected) in FIGURES {
        let (_, q, _) = value(&ds, series, period, None).unwrap();
        let want = if approx.contains(&(series, period)) {
            Qualifier::Approx
        } else if at_least.contains(&(series, period)) {
            Qualifier::AtLeast
        } else {
            Qualifier::Exact
        };
        assert_eq!(q, want, "{series} {period} ({expected})");
    }
    // December 2020 is derived from approximate months: approximate too.
    assert_eq!(
        value(&ds, "two-way-monthly", "2020-12", None).unwrap().1,
        Qualifier::Approx
    );
    // Which publication each key figure cites.
    for (series, period, source) in [
        ("two-way-annual", "2019", "kbs-2023-01-20"),
        ("two-way-annual", "2018", "reuters-2019-01-23"),
        ("two-way-monthly", "2020-06", "yonhap-2020-08-26"),
        ("cn-kp-monthly", "2020-01/2020-02", "diplomat-2020-03"),
        ("two-way-monthly", "2020-10", "asiapress-2020-12-12"),
        ("two-way-monthly", "2020-11", "koreaherald-2020-12-27"),
        ("kp-cn-annual", "2023", "straitstimes-2024-02-03"),
        ("two-way-annual", "2004", "brecorder-2005-01-31"),
    ] {
        let (_, _, sources) = value(&ds, series, period, None).unwrap();
        assert!(
            sources.contains(&source.to_string()),
            "{series} {period}: {sources:?}"
        );
    }
}

#[test]
fn the_article_figures_are_exactly_as_printed() {
    let ds = ds();
    let art = "walltrace-2021-02-22";
    for (series, period, cat, expected) in [
        ("two-way-annual", "2020", None, 539.06),
        ("cn-kp-annual", "2020", None, 491.06),
        ("kp-cn-annual", "2020", None, 48.0),
        ("two-way-monthly", "2020-06", None, 96.8),
        ("kp-cn-products-2020", "2020", Some("Ferro-alloys"), 10.73),
        ("kp-cn-products-2020", "2020", Some("Watch movements"), 6.79),
        ("kp-cn-products-2020", "2020", Some("Tungsten"), 4.55),
    ] {
        let (v, q, _) = value(&ds, series, period, cat)
            .unwrap_or_else(|| panic!("missing {series} {period} {cat:?}"));
        assert_eq!(v, expected, "{series} {period} {cat:?}");
        assert_eq!(q, Qualifier::Exact);
    }
    // The article's own figures cite the story; the annual ones also an independent source.
    let (_, _, s) = value(&ds, "two-way-annual", "2020", None).unwrap();
    assert!(s.contains(&art.to_string()) && s.len() > 1, "{s:?}");
    let (_, _, s) = value(&ds, "kp-cn-products-2020", "2020", Some("Tungsten")).unwrap();
    assert_eq!(s, vec![art.to_string()]);
}

#[test]
fn totals_agree_and_derived_values_equal_their_formulas() {
    let ds = ds();
    let v = |s, p, c| value(&ds, s, p, c).unwrap().0;
    assert!(close(
        v("cn-kp-annual", "2020", None) + v("kp-cn-annual", "2020", None),
        v("two-way-annual", "2020", None)
    ));
    // Derived, recomputed here independently of the loader.
    assert!(close(
        v("two-way-monthly", "2020-01/2020-02", None),
        197.4 + 10.7
    ));
    assert!(close(v("two-way-monthly", "2020-08", None), 19.3 + 6.6));
    assert!(close(v("two-way-annual", "2012", None), 3500.0 + 2400.0));
    assert!(close(
        v("kp-cn-products-2020", "2020", Some("Everything else")),
        48.0 - 10.73 - 6.79 - 4.55
    ));
    let months = 208.1 + 18.64 + 24.0 + 63.3 + 96.8 + 73.84 + 25.9 + 20.8 + 1.659 + 1.27;
    assert!(close(
        v("two-way-monthly", "2020-12", None),
        539.06 - months
    ));
    // The research notes' rounded results.
    assert_eq!(
        format!(
            "{:.2}",
            v("kp-cn-products-2020", "2020", Some("Everything else"))
        ),
        "25.93"
    );
    assert_eq!(
        format!("{:.1}", v("two-way-monthly", "2020-12", None)),
        "4.8"
    );
    // Every derived figure has a formula and no sources of its own; every other has sources.
    for s in &ds.series {
        for o in &s.observations {
            assert!(
                o.derived.is_some() == o.sources.is_empty(),
                "{} {:?}",
                s.id,
                o.period
            );
            assert!(
                o.value.is_finite() && o.value > 0.0,
                "{} {:?}: {}",
                s.id,
                o.period,
                o.value
            );
        }
    }
}

#[test]
fn gaps_stay_gaps() {
    let ds = ds();
    for year in ["2005", "2006", "2008", "2016"] {
        assert!(
            value(&ds, "two-way-annual", year, None).is_none(),
            "{year} should be a gap"
        );
    }
    // No December 2020 figure by direction was found: no observation, not a zero.
    assert!(value(&ds, "cn-kp-monthly", "2020-12", None).is_none());
    assert!(value(&ds, "kp-cn-monthly", "2020-07", None).is_none());
    // The combined release is one two-month period, never two invented months.
    assert!(value(&ds, "cn-kp-monthly", "2020-01", None).is_none());
    assert!(value(&ds, "cn-kp-monthly", "2020-02", None).is_none());
}

#[test]
fn bases_are_recorded_per_figure() {
    let ds = ds();
    let basis = |s: &str, p: &str| {
        let p = Period::parse(p).unwrap();
        let o = ds
            .series
            .iter()
            .find(|x| x.id == s)
            .unwrap()
            .observations
            .iter()
            .find(|o| o.period == p)
            .unwrap();
        ds.bases[o.basis].id.clone()
    };
    assert_eq!(basis("two-way-annual", "2004"), "kita");
    assert_eq!(basis("two-way-annual", "2013"), "kotra");
    assert_eq!(basis("two-way-annual", "2018"), "customs");
    assert_eq!(basis("two-way-annual-other", "2015"), "kiep");
    assert_eq!(basis("cn-kp-annual", "2019"), "kita");
}

#[test]
fn claims_are_checked_against_the_data() {
    let ds = ds();
    let claim = |id: &str| {
        ds.claims
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no claim {id}"))
    };
    assert_eq!(claim("c-2020-feb").status, ClaimStatus::Unsupported);
    let (_, computed) = claim("c-2020-feb").check.unwrap();
    assert!(close(computed, 208.1), "{computed}");
    let drop = claim("c-2020-drop");
    assert_eq!(drop.status, ClaimStatus::Agrees);
    assert_eq!(drop.value, -80.7);
    assert!((drop.check.unwrap().1 - -80.68).abs() < 0.01);
    for id in [
        "c-2020-total",
        "c-2020-imports",
        "c-2020-exports",
        "c-2020-june",
    ] {
        assert_eq!(claim(id).status, ClaimStatus::Agrees, "{id}");
    }
    for id in ["c-ferro", "c-watch", "c-tungsten"] {
        assert_eq!(claim(id).status, ClaimStatus::Unverified, "{id}");
    }
}

#[test]
fn every_source_is_complete_and_used() {
    let ds = ds();
    let mut used = vec![false; ds.sources.len()];
    for s in &ds.series {
        for o in &s.observations {
            for &i in &o.sources {
                used[i] = true;
            }
        }
    }
    for c in &ds.claims {
        used[c.source] = true;
    }
    for v in &ds.views {
        for &i in &v.sources {
            used[i] = true;
        }
    }
    for (i, s) in ds.sources.iter().enumerate() {
        assert!(s.url.starts_with("http"), "{}", s.id);
        assert!(!s.publisher.is_empty() && !s.title.is_empty(), "{}", s.id);
        assert!(used[i], "source {} is never cited", s.id);
    }
}
