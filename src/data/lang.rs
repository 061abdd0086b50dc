//! The reader languages: the dataset carries its texts in them, and the widget speaks
//! them (crate::text).

/// A reader language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// English (`en`): the default, and the text every dataset must give.
    #[default]
    En,
    /// Korean (`ko`); dataset texts without a Korean version fall back to English.
    Ko,
    /// Chinese, simplified (`zh`); dataset texts without one fall back to English.
    Zh,
}

impl Lang {
    /// From a BCP 47 tag (`ko`, `ko-KR`, `zh-Hans-CN`, `en-GB`…); `None` for others.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// As [`Lang::parse`], or an error at `path` naming the accepted tags.
    pub fn require(tag: &str, path: &str) -> crate::Result<Lang> {
        Lang::parse(tag).ok_or_else(|| {
            crate::Error::expected_as(
                crate::error::ErrorKind::Unsupported,
                path,
                "\"en\", \"ko\" or \"zh\"",
                format!("\"{tag}\""),
            )
        })
    }

    /// The tag, `en`, `ko` or `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Zh => "zh",
        }
    }
}
