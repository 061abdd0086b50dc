//! The options a host passes to `create()`, checked once, here: the shell sends them
//! as JSON text and reads back the checked set.

#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
use serde::Deserialize;

use crate::data::json::{self, At, Fields, FromJson, Json};
use crate::error::{Error, ErrorKind, Result};
use crate::text::words::Lang;

/// Every option `create()` takes, in the order the error for an unknown one lists them.
pub const OPTION_NAMES: [&str; 8] = [
    "view", "lang", "data", "columns", "title", "height", "theme", "loading",
];

/// The values `theme` takes.
pub const THEME_CHOICES: [&str; 3] = ["auto", "light", "dark"];

/// The values `loading` takes.
pub const LOADING_CHOICES: [&str; 2] = ["lazy", "eager"];

/// Options a caller may pass; an unknown one is an error, so a typo surfaces.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(
    any(feature = "editor", not(target_arch = "wasm32")),
    derive(Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Options {
    /// The view to open with (a view id).
    pub view: Option<String>,
    /// Reader language: `en`, `ko` or `zh` (any tag starting so, e.g. `ko-KR`).
    pub lang: Option<String>,
    /// `auto` (follow the page), `light` or `dark`; `None` is `auto`.
    pub theme: Option<String>,
    /// A fixed height in CSS px (ignored unless positive).
    pub height: Option<f64>,
    /// The headline of a chart made from columns.
    pub title: Option<String>,
    /// Whether a dataset is given: the dataset itself goes to the chart on its own (as
    /// JSON text), so the shell sends `true` here.
    pub data: Option<bool>,
    /// Whether numeric columns are given: they go to the chart on their own (typed
    /// arrays), so the shell sends `true` here.
    pub columns: Option<bool>,
    /// `lazy` (made when it nears the viewport) or `eager`; the shell acts on it, Rust
    /// only checks it.
    pub loading: Option<String>,
}

impl Options {
    /// Options with a view and a language, the rest unset.
    pub fn new(view: Option<&str>, lang: Option<&str>) -> Options {
        Options {
            view: view.map(str::to_string),
            lang: lang.map(str::to_string),
            ..Options::default()
        }
    }

    /// Reads and checks options from JSON text; errors are named `options.<name>`.
    pub fn from_json(text: &str) -> Result<Options> {
        crate::limits::OPTIONS_BYTES.check("options", text.len())?;
        let o = json::parse(text)
            .and_then(|v| <Options as FromJson>::from_json(&v, &At::Root))
            .map_err(|e| {
                if e.message().starts_with("unknown field") {
                    Error::at(
                        ErrorKind::UnknownField,
                        e.path(),
                        format!(
                            "unknown option; expected one of {}",
                            OPTION_NAMES.join(", ")
                        ),
                    )
                    .within("options")
                } else {
                    e.within("options")
                }
            })?;
        if o.data == Some(true) && o.columns == Some(true) {
            return Err(Error::new(
                "options.columns",
                "give data or columns, not both",
            ));
        }
        one_of(
            "options.theme",
            &o.theme,
            &THEME_CHOICES,
            "\"light\", \"dark\" or \"auto\"",
        )?;
        one_of(
            "options.loading",
            &o.loading,
            &LOADING_CHOICES,
            "\"lazy\" or \"eager\"",
        )?;
        Ok(o)
    }

    /// The reader language the options ask for: `None` when none is given (the caller
    /// then uses the page's), an error naming `options.lang` for one not offered.
    pub fn language(&self) -> Result<Option<Lang>> {
        self.lang
            .as_deref()
            .map(|tag| Lang::require(tag, "options.lang"))
            .transpose()
    }
}

impl FromJson for Options {
    fn from_json(v: &Json, at: &At) -> Result<Self> {
        let f = Fields::of(
            v,
            at,
            "struct Options",
            &[
                "view", "lang", "theme", "height", "title", "data", "columns", "loading",
            ],
        )?;
        Ok(Options {
            view: f.opt("view")?,
            lang: f.opt("lang")?,
            theme: f.opt("theme")?,
            height: f.opt("height")?,
            title: f.opt("title")?,
            data: f.opt("data")?,
            columns: f.opt("columns")?,
            loading: f.opt("loading")?,
        })
    }
}

/// An option that takes one of a few words: `expected` lists them for the error.
fn one_of(path: &str, value: &Option<String>, choices: &[&str], expected: &str) -> Result<()> {
    match value {
        Some(v) if !choices.contains(&v.as_str()) => {
            Err(Error::expected(path, expected, format!("\"{v}\"")))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_options_are_named_with_the_known_ones() {
        let e = Options::from_json(r#"{"veiw":"monthly"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "options.veiw: unknown option; expected one of view, lang, data, columns, title, height, theme, loading"
        );
        assert_eq!((e.code(), e.path()), ("unknown-field", "options.veiw"));
    }

    #[test]
    fn theme_is_one_of_three() {
        assert_eq!(
            Options::from_json(r#"{"theme":"blue"}"#)
                .unwrap_err()
                .to_string(),
            r#"options.theme: expected "light", "dark" or "auto", found "blue""#
        );
        let o = Options::from_json(r#"{"theme":"dark","height":300,"data":true}"#).unwrap();
        assert_eq!((o.theme.as_deref(), o.height), (Some("dark"), Some(300.0)));
        assert_eq!(o.data, Some(true));
    }

    #[test]
    fn loading_is_lazy_or_eager() {
        assert_eq!(
            Options::from_json(r#"{"loading":"later"}"#)
                .unwrap_err()
                .to_string(),
            r#"options.loading: expected "lazy" or "eager", found "later""#
        );
        let o = Options::from_json(r#"{"loading":"lazy"}"#).unwrap();
        assert_eq!(o.loading.as_deref(), Some("lazy"));
    }

    #[test]
    fn data_or_columns_not_both() {
        let e = Options::from_json(r#"{"data":true,"columns":true}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "options.columns: give data or columns, not both"
        );
    }

    #[test]
    fn a_wrong_type_names_the_option() {
        let e = Options::from_json(r#"{"height":"tall"}"#).unwrap_err();
        assert!(
            e.to_string().starts_with("options.height: invalid type"),
            "{e}"
        );
    }
}
