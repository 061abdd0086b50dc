//! The reader's words: what the widget says itself in English, Korean and Chinese
//! ([`words`]), and how each language writes money, numbers, periods and dates
//! ([`mod@format`]). Dataset texts carry their own translations ([`crate::data`]).

pub mod format;
pub mod words;

pub use words::{t, Msg, Ui};
