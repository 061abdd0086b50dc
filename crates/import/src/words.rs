//! The words an importer writes itself for readers (a view's title, a basis), in each
//! reader's language: English, Korean and Chinese. The names in them (partners,
//! products) are as the file or the editor gives them.

use std::collections::BTreeMap;
use trade_chart::data::RawText;

/// One text in English, Korean and Chinese.
pub(crate) fn words(en: String, ko: String, zh: String) -> RawText {
    RawText::Localized(BTreeMap::from([
        ("en".to_string(), en),
        ("ko".to_string(), ko),
        ("zh".to_string(), zh),
    ]))
}
