//! Checklist ticks, remembered on the device per section.

use crate::storage;

fn key(section_id: &str) -> String {
    format!("checklist.{section_id}")
}

/// The ticked step numbers of a section's checklist; a corrupt or missing value means none.
pub fn load_ticks(section_id: &str) -> Vec<usize> {
    storage::load(&key(section_id))
        .and_then(|saved| serde_json::from_str(&saved).ok())
        .unwrap_or_default()
}

/// Saves the ticked step numbers of a section's checklist.
pub fn save_ticks(section_id: &str, ticks: &[usize]) {
    if let Ok(json) = serde_json::to_string(ticks) {
        storage::save(&key(section_id), &json);
    }
}
