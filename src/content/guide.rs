//! `guide.json`: the drowning-prevention guide, in sections of short, sourced steps.

use super::common::{check_citations, check_image, check_sources, is_slug};
use super::validate::Problems;
use super::{Image, LocalText, Problem, Source, Validate};
use serde::{Deserialize, Serialize};

/// Where the guide lives, relative to the site root.
pub const GUIDE_FILE: &str = "content/guide.json";

/// The whole guide: its sources and its sections, in reading order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuideContent {
    /// Every source a step cites; listed on each page.
    pub sources: Vec<Source>,
    /// The sections, in reading order.
    pub sections: Vec<GuideSection>,
}

/// One page of the guide, e.g. "If someone is in trouble".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuideSection {
    /// Stable id, used in the address `/guide/<id>`.
    pub id: String,
    /// The section's title.
    pub title: LocalText,
    /// One sentence: the section in brief.
    pub summary: LocalText,
    /// The section's illustration.
    pub image: Image,
    /// When true, the steps are a checklist the family can tick on the device.
    #[serde(default)]
    pub checklist: bool,
    /// A warning shown first, e.g. "this does not replace first-aid training".
    #[serde(default)]
    pub notice: Option<LocalText>,
    /// Groups of steps; several groups are shown side by side.
    pub groups: Vec<StepGroup>,
}

/// A titled list of steps (e.g. "六不一会" beside "RLSS Water Safety Code").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StepGroup {
    /// The group's heading, when the section has more than one group.
    #[serde(default)]
    pub title: Option<LocalText>,
    /// The steps, in order.
    pub steps: Vec<GuideStep>,
}

/// One short instruction with the sources that back it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GuideStep {
    /// Short, plain words a child can follow.
    pub text: LocalText,
    /// More for teenagers, parents and teachers.
    #[serde(default)]
    pub detail: Option<LocalText>,
    /// An optional picture for this step.
    #[serde(default)]
    pub image: Option<Image>,
    /// Ids of the sources that back this step (at least one).
    pub sources: Vec<String>,
}

impl GuideContent {
    /// The section with this id and its position, if any.
    pub fn section(&self, id: &str) -> Option<(usize, &GuideSection)> {
        self.sections.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// The sources a section cites, in the order of the sources list.
    pub fn sources_of(&self, section: &GuideSection) -> Vec<&Source> {
        self.sources
            .iter()
            .filter(|source| {
                section
                    .groups
                    .iter()
                    .flat_map(|g| &g.steps)
                    .any(|step| step.sources.contains(&source.id))
            })
            .collect()
    }
}

impl Validate for GuideContent {
    fn validate(&self) -> Vec<Problem> {
        let mut p = Problems::default();
        let known = check_sources(&mut p, &self.sources);
        p.non_empty("sections", &self.sections);
        let mut ids: Vec<&str> = Vec::new();
        for (i, section) in self.sections.iter().enumerate() {
            let path = format!("sections[{i}]");
            if !is_slug(&section.id) {
                p.push(
                    format!("{path}.id"),
                    format!(
                        "\"{}\" must be a lowercase slug like before-you-go",
                        section.id
                    ),
                );
            } else if ids.contains(&section.id.as_str()) {
                p.push(
                    format!("{path}.id"),
                    format!("\"{}\" is used twice", section.id),
                );
            }
            ids.push(&section.id);
            p.text(format!("{path}.title"), &section.title);
            p.text(format!("{path}.summary"), &section.summary);
            check_image(&mut p, &format!("{path}.image"), &section.image);
            if let Some(notice) = &section.notice {
                p.text(format!("{path}.notice"), notice);
            }
            p.non_empty(&format!("{path}.groups"), &section.groups);
            for (g, group) in section.groups.iter().enumerate() {
                let gpath = format!("{path}.groups[{g}]");
                if let Some(title) = &group.title {
                    p.text(format!("{gpath}.title"), title);
                }
                p.non_empty(&format!("{gpath}.steps"), &group.steps);
                for (s, step) in group.steps.iter().enumerate() {
                    let spath = format!("{gpath}.steps[{s}]");
                    p.text(format!("{spath}.text"), &step.text);
                    if let Some(detail) = &step.detail {
                        p.text(format!("{spath}.detail"), detail);
                    }
                    if let Some(image) = &step.image {
                        check_image(&mut p, &format!("{spath}.image"), image);
                    }
                    check_citations(&mut p, &format!("{spath}.sources"), &step.sources, &known);
                }
            }
        }
        p.into_vec()
    }
}
