//! What a reader changed on a dataset chart (the view, the hidden series, the language),
//! as a small JSON object that crosses between the reader's two wasm builds: the core
//! (the live chart in the page) writes it with `Chart.state()`, and the full module's
//! copy of the chart (the CSV, SVG and PNG exports, made on first use) reads it with
//! `Chart.restore(state)`, so an export shows what the reader sees. The dataset itself
//! crosses as the same JSON text both were made from; the colours as the page's computed
//! styles (`set_theme`), which the shell already has.

use serde::Serialize;

use crate::data::json::{self, At, Fields, FromJson, Json};
use crate::error::Result;

/// The state a chart restores: `{"view": "monthly", "hidden": ["kp-cn"], "lang": "ko"}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct State {
    /// The current view's id.
    pub view: String,
    /// The ids of the hidden series, in the dataset's order.
    pub hidden: Vec<String>,
    /// The reader language (`en`, `ko`, `zh`).
    pub lang: String,
}

impl State {
    /// Reads a state from JSON text; errors are named `state.<field>`, an unknown field
    /// is one.
    pub fn from_json(text: &str) -> Result<State> {
        crate::limits::OPTIONS_BYTES.check("state", text.len())?;
        json::parse(text)
            .and_then(|v| <State as FromJson>::from_json(&v, &At::Root))
            .map_err(|e| e.within("state"))
    }

    /// The state as JSON text (what `State::from_json` reads).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl FromJson for State {
    fn from_json(v: &Json, at: &At) -> Result<Self> {
        let f = Fields::of(v, at, "struct State", &["view", "hidden", "lang"])?;
        Ok(State {
            view: f.req("view")?,
            hidden: f.list("hidden")?,
            lang: f.req("lang")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json() {
        let s = State {
            view: "monthly".into(),
            hidden: vec!["kp-cn".into(), "cn-kp".into()],
            lang: "ko".into(),
        };
        let text = s.to_json();
        assert_eq!(
            text,
            r#"{"view":"monthly","hidden":["kp-cn","cn-kp"],"lang":"ko"}"#
        );
        assert_eq!(State::from_json(&text).unwrap(), s);
    }

    #[test]
    fn errors_name_the_field() {
        let e = State::from_json(r#"{"view":"a","hidden":[],"lang":"en","zoom":2}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), ("unknown-field", "state.zoom"));
        let e = State::from_json(r#"{"hidden":[],"lang":"en"}"#).unwrap_err();
        assert_eq!(e.path(), "state.view");
        assert!(e.to_string().contains("missing field `view`"), "{e}");
        let s = State::from_json(r#"{"view":"a","lang":"en"}"#).unwrap();
        assert!(s.hidden.is_empty());
        let e = State::from_json(r#"{"view":"a","hidden":[1],"lang":"en"}"#).unwrap_err();
        assert_eq!(e.path(), "state.hidden[0]");
        assert!(State::from_json("{").is_err());
    }
}
