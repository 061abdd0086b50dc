//! The editor's own texts (a title, a note, an annotation's label) as the dataset takes
//! them: the chart text's and the annotations' (below both, so neither uses the other).

use std::collections::BTreeMap;

use trade_chart::data::RawText;
use trade_chart::error::{Error, ErrorKind};

/// The editor's text `t` (a string, or by language) as the dataset takes it: blanks left
/// out; `None` when nothing is given; an error (at `path`) for Korean or Chinese without
/// the English, which readers of other languages see, or for another language.
pub fn editor_text(t: &RawText, path: &str) -> Result<Option<RawText>, Error> {
    let mut by_lang = BTreeMap::new();
    match t {
        RawText::Plain(s) => {
            by_lang.insert("en".to_string(), s.trim().to_string());
        }
        RawText::Localized(m) => {
            for (k, v) in m {
                if !matches!(k.as_str(), "en" | "ko" | "zh") {
                    return Err(Error::expected_as(
                        ErrorKind::UnknownField,
                        format!("{path}.{k}"),
                        "en, ko or zh",
                        format!("{k:?}"),
                    ));
                }
                by_lang.insert(k.clone(), v.trim().to_string());
            }
        }
    }
    by_lang.retain(|_, v| !v.is_empty());
    if by_lang.is_empty() {
        return Ok(None);
    }
    let Some(en) = by_lang.get("en").cloned() else {
        return Err(Error::expected_as(
            ErrorKind::MissingField,
            format!("{path}.en"),
            "the English text too (what readers of other languages see)",
            "only Korean or Chinese",
        ));
    };
    Ok(Some(if by_lang.len() == 1 {
        RawText::Plain(en)
    } else {
        RawText::Localized(by_lang)
    }))
}
