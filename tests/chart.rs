//! The chart state machine and hit-testing: pixel → item → tooltip, options, errors.

mod common;
use common::*;
use trade_chart::scene::Target;
use trade_chart::{item_at, Dataset, DatasetChart, Options};

#[test]
fn hover_the_2020_imports_bar() {
    let c = chart("balance", 600.0, 320.0);
    let item = c
        .items()
        .into_iter()
        .find(|i| i.id == "cnkp-2020")
        .expect("2020 imports drawn");
    let h = c
        .hover(item.x + item.w / 2.0, item.y + item.h - 5.0)
        .expect("hover finds it");
    assert_eq!(h.value, "$491.06 million");
    assert_eq!(h.title, "2020");
    assert_eq!(h.series, "North Korea's imports from China");
    assert!(
        h.source.starts_with("Yonhap News Agency, 12 February 2021"),
        "{}",
        h.source
    );
    assert_eq!(h.url, "https://en.yna.co.kr/view/AEN20210209007800325");
    assert!(h.lines.contains(&"Basis: China customs".to_string()));
}

#[test]
fn every_item_is_found_at_its_own_centre_and_nothing_outside() {
    for view in VIEWS {
        for w in WIDTHS {
            let c = chart(view, w, 360.0);
            let s = c.scene();
            for (i, it) in s.items.iter().enumerate() {
                // An annotation is found in the strip at the top of the plot where its
                // label is (its line or band runs over figures, which win there), as the
                // same annotation whichever row's copy it is.
                let note = matches!(it.target, Target::Annotation(_));
                let at = if note { it.hit } else { it.mark };
                let (x, y) = (at.cx(), (at.y0 + at.y1) / 2.0);
                let found = item_at(s, x, y).expect("something under every item's centre");
                // A claim's marker sits on top of the data it is checked against and wins there.
                let claim_on_top = matches!(s.items[found].target, Target::Claim(_))
                    && s.items[found].hit.contains(x, y);
                assert!(
                    found == i || claim_on_top || (note && s.items[found].target == it.target),
                    "{view}@{w}: item {i} found {found}"
                );
                let h = c.describe(i).unwrap();
                // The highlight box is the drawn mark.
                assert!((h.x - it.mark.x0).abs() < 1e-9 && (h.w - it.mark.w()).abs() < 1e-9);
                assert!(!h.value.is_empty() && !h.source.is_empty());
            }
            assert_eq!(item_at(s, 1.0, 1.0), None);
            assert_eq!(item_at(s, w - 1.0, s.plot.y1 + 20.0), None);
        }
    }
}

#[test]
fn derived_and_qualified_figures_say_so() {
    let c = chart("monthly", 1200.0, 480.0);
    let find = |pred: &dyn Fn(&trade_chart::Hover) -> bool| {
        (0..c.scene().items.len())
            .map(|i| c.describe(i).unwrap())
            .find(|h| pred(h))
    };
    let dec = find(&|h| h.title == "December 2020").unwrap();
    assert!(
        dec.lines
            .iter()
            .any(|l| l.starts_with("Derived, not reported: $539.06m − $208.1m")),
        "{:?}",
        dec.lines
    );
    assert_eq!(dec.source, "Computed from the sourced figures");
    let may = find(&|h| h.title == "May 2020" && h.series == "Imports from China").unwrap();
    assert_eq!(may.value, "more than $58 million");
    let janfeb =
        find(&|h| h.title == "January–February 2020" && h.series == "Exports to China").unwrap();
    assert_eq!(janfeb.value, "$10.7 million");
}

#[test]
fn bad_options_and_calls_name_the_field() {
    let ds = Dataset::default_dataset().unwrap();
    let e = DatasetChart::new(ds.clone(), &Options::new(Some("pie"), None))
        .err()
        .unwrap();
    assert!(e.to_string().starts_with("options.view: expected one of collapse, monthly, balance, products, history, found \"pie\""), "{e}");
    let e = DatasetChart::new(ds.clone(), &Options::new(None, Some("fr")))
        .err()
        .unwrap();
    assert!(e.to_string().starts_with("options.lang"), "{e}");
    let mut c = DatasetChart::new(ds, &Options::default()).unwrap();
    assert_eq!(c.view_id(), "collapse");
    assert!(c
        .resize(0.0, 300.0)
        .unwrap_err()
        .to_string()
        .starts_with("container.width"));
    assert!(c.resize(f64::NAN, 300.0).is_err());
    assert!(c
        .set_view("nope")
        .unwrap_err()
        .to_string()
        .starts_with("view:"));
    assert!(c
        .toggle_series("cn-kp-monthly")
        .unwrap_err()
        .to_string()
        .starts_with("series: expected one of two-way-annual"));
    // Unknown option fields are rejected (typos surface).
    let e = Options::from_json(r#"{"veiw":"monthly"}"#).unwrap_err();
    assert!(e
        .to_string()
        .starts_with("options.veiw: unknown option; expected one of view,"));
}

#[test]
fn meta_describes_the_view() {
    let mut c = chart("collapse", 600.0, 320.0);
    let m = c.meta();
    assert_eq!(m.views.len(), 5);
    assert_eq!(m.view, "collapse");
    assert_eq!(m.summary, "Two-way trade between North Korea and China fell 80.7%, from $2.79 billion in 2019 to $539.06 million in 2020.");
    assert!(
        m.source_line
            .starts_with("Sources: KBS World; Yonhap News Agency"),
        "{}",
        m.source_line
    );
    c.set_view("balance").unwrap();
    let m = c.meta();
    assert_eq!(m.legend.len(), 2);
    assert!(
        m.notes.iter().any(|n| n.contains("different bases")),
        "{:?}",
        m.notes
    );
    assert!(m.summary.contains("North Korea's imports from China: highest $2.59 billion (2019), lowest $491.06 million (2020)"), "{}", m.summary);
    c.set_view("products").unwrap();
    assert!(c
        .meta()
        .source_line
        .contains("Korea International Trade Association"));
}

#[test]
fn set_data_keeps_the_view_when_it_can() {
    let mut c = chart("monthly", 600.0, 320.0);
    let mut raw: serde_json::Value = serde_json::from_str(trade_chart::data::DEFAULT_JSON).unwrap();
    raw["views"]
        .as_array_mut()
        .unwrap()
        .retain(|v| v["id"] != "collapse");
    c.set_data(Dataset::from_json(&raw.to_string()).unwrap());
    assert_eq!(c.view_id(), "monthly");
    raw["views"]
        .as_array_mut()
        .unwrap()
        .retain(|v| v["id"] != "monthly");
    c.set_data(Dataset::from_json(&raw.to_string()).unwrap());
    assert_eq!(c.view_id(), "balance");
    assert!(!c.scene().items.is_empty());
}

/// What a view shows does not depend on it having been laid out: a chart never resized
/// exports the same picture, CSV, table and summary as one that was.
#[test]
fn a_chart_never_resized_exports_what_it_shows() {
    for view in VIEWS {
        let fresh = DatasetChart::new(
            Dataset::default_dataset().unwrap(),
            &Options::new(Some(view), None),
        )
        .unwrap();
        let sized = chart(view, 640.0, 360.0);
        let svg = fresh.svg(800.0).unwrap();
        assert_eq!(svg, sized.svg(800.0).unwrap(), "{view}");
        let line = fresh.meta().source_line;
        assert!(line.len() > "Sources: ".len(), "{view}: {line}");
        assert!(svg.contains("Sources: "), "{view}: {svg}");
        assert_eq!(fresh.csv(), sized.csv(), "{view}");
        assert!(fresh.csv().lines().count() > 1, "{view}");
        assert_eq!(fresh.table(), sized.table(), "{view}");
        assert_eq!(fresh.summary(), sized.summary(), "{view}");
        assert_eq!(fresh.meta().source_line, sized.meta().source_line, "{view}");
    }
}

/// A dataset edited by hand after its check (its fields are public): ids out of range
/// are skipped, a dataset without views is refused, and nothing panics.
#[test]
fn a_hand_edited_dataset_does_not_panic() {
    let mut ds = Dataset::default_dataset().unwrap();
    for v in &mut ds.views {
        v.series.push(99);
        v.claims.push(99);
        v.annotations.push(99);
        v.sources.push(99);
    }
    for o in ds.series.iter_mut().flat_map(|s| s.observations.iter_mut()) {
        o.sources.push(99);
        o.basis = 99;
    }
    let views: Vec<String> = ds.views.iter().map(|v| v.id.clone()).collect();
    let mut c = DatasetChart::new(ds, &Options::default()).unwrap();
    c.resize(600.0, 320.0).unwrap();
    for id in &views {
        c.set_view(id).unwrap();
        let meta = c.meta();
        assert!(!meta.title.is_empty());
        c.summary();
        c.table();
        c.csv();
        c.claims();
        c.export_scene(600.0);
        c.social_scene();
        let mut at = None;
        for key in ["Home", "Right", "Down", "End", "Up", "Left"] {
            at = c.navigate(at, key);
            at.and_then(|i| c.describe(i));
        }
        for it in c.items() {
            c.hover(it.x + it.w / 2.0, it.y + it.h / 2.0);
        }
    }
    let mut empty = Dataset::default_dataset().unwrap();
    empty.views.clear();
    assert!(DatasetChart::new(empty.clone(), &Options::default()).is_err());
    c.set_data(empty);
    assert_eq!(Some(c.view_id()), views.last().map(String::as_str));
}
