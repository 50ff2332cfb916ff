//! Checklist ticks, remembered on the device per section, for the steps they were ticked on,
//! for a day: "we checked the weather" ticked for last week's trip must not stand for today's.

use crate::content::GuideSection;
use crate::fnv::fnv1a;
use crate::storage;
use serde::{Deserialize, Serialize};

fn key(section_id: &str) -> String {
    format!("checklist.{section_id}")
}

const HOUR_MS: f64 = 60.0 * 60.0 * 1000.0;
/// How long ticks are kept after the last one: the evening before a trip to its end.
const KEEP_MS: f64 = 24.0 * HOUR_MS;

/// What is saved: the ticked step numbers, the steps they number, and when (ms since the epoch;
/// 0 in saves from before the time was kept).
#[derive(Serialize, Deserialize)]
struct Saved {
    steps: u64,
    ticks: Vec<usize>,
    #[serde(default)]
    at: f64,
}

/// Whether ticks saved at `saved_at` still count at `now`: for a day, and an hour either way for
/// a clock put right since. A save without a time does not.
fn still_fresh(saved_at: f64, now: f64) -> bool {
    saved_at > 0.0 && (-HOUR_MS..KEEP_MS).contains(&(now - saved_at))
}

/// A fingerprint of a section's steps, in order (FNV-1a over their Chinese text): ticks are step
/// numbers, so once organizers add, remove or reorder steps the saved ticks would mark others.
pub fn steps_fingerprint(section: &GuideSection) -> u64 {
    fnv1a(
        section
            .groups
            .iter()
            .flat_map(|group| &group.steps)
            .flat_map(|step| step.text.zh_cn.bytes().chain([0])),
    )
}

/// The ticked step numbers of a section's checklist whose steps have the fingerprint `steps`;
/// none when nothing is saved, the value is corrupt, the steps have changed since, or the ticks
/// are older than a day at `now` (ms since the epoch).
pub fn load_ticks(section_id: &str, steps: u64, now: f64) -> Vec<usize> {
    storage::load(&key(section_id))
        .and_then(|saved| serde_json::from_str::<Saved>(&saved).ok())
        .filter(|saved| saved.steps == steps && still_fresh(saved.at, now))
        .map(|saved| saved.ticks)
        .unwrap_or_default()
}

/// Saves the ticked step numbers of a section's checklist with its steps' fingerprint and the
/// time `now` (ms since the epoch).
pub fn save_ticks(section_id: &str, steps: u64, ticks: &[usize], now: f64) {
    let saved = Saved {
        steps,
        ticks: ticks.to_vec(),
        at: now,
    };
    if let Ok(json) = serde_json::to_string(&saved) {
        storage::save(&key(section_id), &json);
    }
}

#[cfg(test)]
mod tests {
    use super::{steps_fingerprint, still_fresh, KEEP_MS};
    use crate::content::GuideContent;

    #[test]
    fn ticks_count_for_a_day() {
        let saved = 1_800_000_000_000.0;
        assert!(still_fresh(saved, saved));
        assert!(still_fresh(saved, saved + 12.0 * 3_600_000.0));
        assert!(!still_fresh(saved, saved + KEEP_MS));
        assert!(!still_fresh(saved, saved + 7.0 * KEEP_MS));
        // Saved before the time was kept (0): stale. A clock set back a little since: still
        // today's ticks; saved by a clock a day ahead: not.
        assert!(!still_fresh(0.0, saved));
        assert!(still_fresh(saved + 60_000.0, saved));
        assert!(!still_fresh(saved + KEEP_MS, saved));
    }

    #[test]
    fn the_fingerprint_changes_when_steps_are_added_removed_or_reordered(
    ) -> Result<(), Box<dyn std::error::Error>> {
        let guide: GuideContent =
            serde_json::from_str(include_str!("../../public/content/guide.json"))?;
        let section = guide
            .sections
            .iter()
            .find(|s| s.checklist)
            .ok_or("the guide has no checklist")?
            .clone();
        let same = section.clone();
        assert_eq!(steps_fingerprint(&section), steps_fingerprint(&same));
        let mut reordered = section.clone();
        reordered.groups[0].steps.swap(0, 1);
        let mut shorter = section.clone();
        shorter.groups[0].steps.remove(0);
        let mut longer = section.clone();
        longer.groups[0]
            .steps
            .insert(0, section.groups[0].steps[1].clone());
        let mut retitled = section.clone();
        retitled.title.zh_cn.push('！');
        for changed in [&reordered, &shorter, &longer] {
            assert_ne!(steps_fingerprint(&section), steps_fingerprint(changed));
        }
        // A new title or summary keeps the ticks: the steps are the same.
        assert_eq!(steps_fingerprint(&section), steps_fingerprint(&retitled));
        Ok(())
    }
}
