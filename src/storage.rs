//! Device storage: one versioned key prefix, and every failure (private mode, blocked in a
//! third-party iframe, quota, corrupt value) handled here by falling back to "nothing saved".

/// Prefix of every key this app writes, versioned so a future format can start afresh.
pub const KEY_PREFIX: &str = "rg.v1.";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a saved value; `None` when nothing is saved or storage is unavailable.
pub fn load(key: &str) -> Option<String> {
    local_storage()?
        .get_item(&format!("{KEY_PREFIX}{key}"))
        .ok()
        .flatten()
}

/// Saves a value; silently does nothing when storage is unavailable or full.
pub fn save(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&format!("{KEY_PREFIX}{key}"), value);
    }
}
