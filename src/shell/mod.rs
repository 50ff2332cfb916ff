//! The frame around every page: header, navigation, language, loading and error views.

mod age;
mod embed;
mod emergency;
mod frame;
mod home;
mod lang;
mod layout;
mod loaded;
mod not_found;
mod offline;
mod page_meta;
mod prefs;
mod print;
mod sound;
mod text_size;

pub use age::{use_age, AgePicker, AGE_KEY, ALL_AGES};
pub use embed::{embed_age, embed_start, is_embedded, post_to_parent};
pub use emergency::{mainland_china_defaults, EmergencyButton, EmergencyPage};
pub use frame::{
    after_next_paint, focus_after_link, focus_first, focus_if_lost, focus_on_document,
};
pub use home::HomePage;
pub use lang::{provide_lang, tr, use_lang, use_set_lang, LanguageSwitch, LongDate};
pub use layout::{EmergencyOfFaultySite, Layout, SiteResource};
pub use loaded::{describe_app_error, Loaded};
pub use not_found::{Missing, NotFound};
pub use offline::{provide_offline, OfflineBadge, OfflineCacheList, UpdatePrompt};
pub use page_meta::PageMeta;
pub use prefs::{use_prefs, Pref, Prefs};
pub use print::PrintButton;
pub use sound::{use_feedback_sound, Chime, FeedbackSound};
pub use text_size::TextSizeToggle;
