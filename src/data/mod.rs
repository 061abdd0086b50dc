//! The dataset: the JSON model, its validation into checked types, derived values
//! and the claim check.

mod checked;
mod currency;
mod derive;
pub mod json;
mod lang;
pub(crate) mod order;
mod period;
mod raw;
mod validate;

pub use checked::MAX_AMOUNT;
/// The claim check's arithmetic, for the builder's live verdicts (crates/web-import).
pub use checked::*;
pub use currency::Currency;
pub use derive::{agrees, change};
pub use lang::Lang;
pub use period::{is_date, Period, PeriodKind};
pub use raw::*;
pub use validate::validate;

/// The default dataset (North Korea–China), in the same schema users give.
pub const DEFAULT_JSON: &str = include_str!("../../data/kp-cn.json");

impl Dataset {
    /// The observation `r` points at.
    pub fn obs(&self, r: ObsRef) -> Option<&Observation> {
        self.series.get(r.series)?.observations.get(r.obs)
    }

    /// The view with this id.
    pub fn view_index(&self, id: &str) -> Option<usize> {
        self.views.iter().position(|v| v.id == id)
    }

    /// The default dataset.
    pub fn default_dataset() -> crate::Result<Dataset> {
        Dataset::from_json(DEFAULT_JSON)
    }

    /// Parses and validates a JSON text: the one way in, natively and in the browser
    /// (where the shell hands over `JSON.stringify(data)`). serde_json rejects unknown
    /// fields (`deny_unknown_fields`) and the error names the field (`data::json::path_at`).
    ///
    /// Text longer than [`crate::limits::JSON_BYTES`] is refused by its length, unread.
    pub fn from_json(text: &str) -> crate::Result<Dataset> {
        crate::limits::JSON_BYTES.check("", text.len())?;
        let found = match text.trim_start().as_bytes().first() {
            Some(b'{') => None,
            Some(b'[') => Some("an array"),
            Some(b'"') => Some("a string"),
            Some(b't' | b'f') => Some("a boolean"),
            Some(b'n') => Some("null"),
            Some(b'0'..=b'9' | b'-') => Some("a number"),
            Some(b'<') => Some("markup (an HTML or XML page?)"),
            Some(_) => Some("text that is not JSON"),
            None => Some("nothing"),
        };
        if let Some(found) = found {
            return Err(crate::Error::expected_as(
                crate::error::ErrorKind::InvalidType,
                "",
                "an object in the trade-chart dataset schema",
                found,
            ));
        }
        let raw = RawDataset::from_json_text(text)?;
        validate(&raw)
    }
}
