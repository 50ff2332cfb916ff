//! Types shared by several content files: sources, images, age bands.

use super::validate::Problems;
use super::LocalText;
use serde::{Deserialize, Serialize};

/// A published source that content cites (WHO, RLSS, Red Cross, Ministry of Education, …).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id that steps and questions cite, e.g. `who-2017`.
    pub id: String,
    /// The document's title.
    pub title: LocalText,
    /// Who published it.
    pub publisher: String,
    /// Year of publication, if known.
    #[serde(default)]
    pub year: Option<u16>,
    /// Where to read it.
    pub url: String,
}

impl Source {
    /// Who published it, and when if known: `World Health Organization, 2017`.
    pub fn publisher_and_year(&self) -> String {
        match self.year {
            Some(year) => format!("{}, {year}", self.publisher),
            None => self.publisher.clone(),
        }
    }
}

/// An illustration shipped under `public/`, with alt text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// Path relative to the site root, e.g. `images/guide/after-rescue.svg`.
    pub src: String,
    /// What the picture shows, for screen readers and when it fails to load.
    pub alt: LocalText,
}

impl Image {
    /// The address to load the picture from.
    pub fn url(&self) -> String {
        format!("/{}", self.src.trim_start_matches('/'))
    }
}

/// Who content is written for. Children's bands get short words; older bands get detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum AgeBand {
    /// Kindergarten (3-6).
    Kindergarten,
    /// Primary grades 1-3.
    #[serde(rename = "grades-1-3")]
    Grades1To3,
    /// Primary grades 4-6.
    #[serde(rename = "grades-4-6")]
    Grades4To6,
    /// Secondary grades 7-12.
    #[serde(rename = "grades-7-12")]
    Grades7To12,
    /// Parents, teachers, volunteers.
    Adults,
}

impl AgeBand {
    /// Every band, youngest first.
    pub const ALL: [AgeBand; 5] = [
        AgeBand::Kindergarten,
        AgeBand::Grades1To3,
        AgeBand::Grades4To6,
        AgeBand::Grades7To12,
        AgeBand::Adults,
    ];

    /// The slug used in content and in `?age=`.
    pub fn code(self) -> &'static str {
        match self {
            AgeBand::Kindergarten => "kindergarten",
            AgeBand::Grades1To3 => "grades-1-3",
            AgeBand::Grades4To6 => "grades-4-6",
            AgeBand::Grades7To12 => "grades-7-12",
            AgeBand::Adults => "adults",
        }
    }

    /// Reads a slug from a URL or storage.
    pub fn from_code(code: &str) -> Option<AgeBand> {
        AgeBand::ALL.into_iter().find(|band| band.code() == code)
    }

    /// True for bands that read the short wording only (up to grade 6).
    pub fn is_child(self) -> bool {
        self <= AgeBand::Grades4To6
    }
}

/// Checks a list of sources and returns their ids, for cross-reference checks.
pub(super) fn check_sources<'a>(p: &mut Problems, sources: &'a [Source]) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        let path = format!("sources[{i}]");
        if ids.contains(&source.id.as_str()) {
            p.push(
                format!("{path}.id"),
                format!("\"{}\" is used twice", source.id),
            );
        }
        ids.push(&source.id);
        p.text(format!("{path}.title"), &source.title);
        if !(source.url.starts_with("https://") || source.url.starts_with("http://")) {
            p.push(format!("{path}.url"), "must start with https:// or http://");
        }
    }
    ids
}

/// Checks that a list of cited source ids is non-empty and that each names a listed source.
pub(super) fn check_citations(p: &mut Problems, path: &str, cited: &[String], known: &[&str]) {
    if cited.is_empty() {
        p.push(path, "must cite at least one source");
    }
    for (i, id) in cited.iter().enumerate() {
        if !known.contains(&id.as_str()) {
            p.push(
                format!("{path}[{i}]"),
                format!("\"{id}\" is not one of the listed sources"),
            );
        }
    }
}

/// Checks an image's path and alt text.
pub(super) fn check_image(p: &mut Problems, path: &str, image: &Image) {
    let src = &image.src;
    if src.is_empty() || src.contains("..") || src.contains("://") || src.starts_with("//") {
        p.push(
            format!("{path}.src"),
            format!("\"{src}\" must be a path inside the site, e.g. images/x.svg"),
        );
    }
    p.text(format!("{path}.alt"), &image.alt);
}

/// True for a stable id: lowercase letters, digits and single hyphens.
pub(super) fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}
