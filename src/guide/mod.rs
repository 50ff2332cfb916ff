//! The drowning-prevention guide: an index and one page per section, from `guide.json`.

mod checklist;
mod views;

pub use views::{GuideHome, GuideIndex, GuideSectionPage};
