//! The state that crosses from the reader's core wasm to its full module: a
//! second chart over the same dataset, given `state()` of the first, exports what the
//! first shows — the CSV, the SVG, the table — whatever the reader changed.

mod common;
use common::*;
use trade_chart::chart::state::State;
use trade_chart::{Dataset, DatasetChart, Options};

fn fresh() -> DatasetChart {
    DatasetChart::new(Dataset::default_dataset().unwrap(), &Options::default()).unwrap()
}

#[test]
fn a_restored_copy_exports_what_the_reader_sees() {
    for view in VIEWS {
        for lang in ["en", "ko", "zh"] {
            let mut live = chart(view, 640.0, 360.0);
            live.set_lang(lang).unwrap();
            // hide the first series of the view when it has more than one
            let legend = live.meta().legend;
            if legend.len() > 1 {
                assert!(!live.toggle_series(&legend[0].id).unwrap());
            }
            let state = live.state();
            assert_eq!((state.view.as_str(), state.lang.as_str()), (view, lang));
            assert_eq!(state.hidden.len(), usize::from(legend.len() > 1));

            // across the boundary as JSON text, as the shell carries it
            let mut copy = fresh();
            copy.restore(&State::from_json(&state.to_json()).unwrap())
                .unwrap();
            assert_eq!(copy.state(), state, "{view} {lang}");
            assert_eq!(copy.csv(), live.csv(), "{view} {lang}");
            assert_eq!(
                copy.svg(800.0).unwrap(),
                live.svg(800.0).unwrap(),
                "{view} {lang}"
            );
            assert_eq!(copy.table(), live.table(), "{view} {lang}");
            assert_eq!(copy.claims(), live.claims(), "{view} {lang}");
        }
    }
}

#[test]
fn hidden_series_stay_hidden_across_views() {
    let mut live = chart("balance", 640.0, 360.0);
    let first = live.meta().legend[0].id.clone();
    live.toggle_series(&first).unwrap();
    live.set_view("collapse").unwrap();
    let state = live.state();
    assert_eq!(state.hidden, vec![first.clone()]);
    let mut copy = fresh();
    copy.restore(&state).unwrap();
    copy.set_view("balance").unwrap();
    let shown = copy
        .meta()
        .legend
        .into_iter()
        .find(|s| s.id == first)
        .unwrap();
    assert!(!shown.visible);
}

#[test]
fn a_bad_state_is_an_error_naming_it_and_changes_nothing() {
    let mut c = fresh();
    let before = c.state();
    let bad = |view: &str, hidden: &[&str], lang: &str| State {
        view: view.into(),
        hidden: hidden.iter().map(|s| s.to_string()).collect(),
        lang: lang.into(),
    };
    let e = c.restore(&bad("nope", &[], "en")).unwrap_err();
    assert_eq!((e.code(), e.path()), ("unknown-id", "state.view"));
    let e = c.restore(&bad("monthly", &["nope"], "en")).unwrap_err();
    assert_eq!((e.code(), e.path()), ("unknown-id", "state.hidden[0]"));
    let e = c.restore(&bad("monthly", &[], "fr")).unwrap_err();
    assert_eq!(e.path(), "state.lang");
    assert_eq!(c.state(), before);
}
