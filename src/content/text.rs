//! Localised text as written in content files: `{"zh-CN": "…", "en": "…"}`.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// One string in every language the content provides. zh-CN is required; a missing
/// translation falls back to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LocalText {
    /// Simplified Chinese: always present.
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    /// English, if translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl LocalText {
    /// The text in `lang`, or in zh-CN when that translation is missing or blank.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.zh_cn,
            Lang::En => self
                .en
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or(&self.zh_cn),
        }
    }

    /// True when the zh-CN text is blank (the text says nothing in any language).
    pub fn is_blank(&self) -> bool {
        self.zh_cn.trim().is_empty()
    }

    /// True when the English translation is missing or blank.
    pub fn lacks_english(&self) -> bool {
        self.en.as_deref().is_none_or(|s| s.trim().is_empty())
    }
}
