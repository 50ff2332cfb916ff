//! Device storage: one versioned key prefix, and every failure (private mode, blocked in a
//! third-party iframe, quota, corrupt value) handled here by falling back to "nothing saved".

/// Prefix of every key this app writes, versioned so a future format can start afresh.
pub const KEY_PREFIX: &str = "rg.v1.";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn read(storage: Option<web_sys::Storage>, key: &str) -> Option<String> {
    storage?
        .get_item(&format!("{KEY_PREFIX}{key}"))
        .ok()
        .flatten()
}

fn write(storage: Option<web_sys::Storage>, key: &str, value: &str) {
    if let Some(storage) = storage {
        let _ = storage.set_item(&format!("{KEY_PREFIX}{key}"), value);
    }
}

/// Reads a value kept for this browser tab only (it survives a reload, not the tab); `None`
/// when nothing is kept or storage is unavailable. Inside a lesson's frame, for this frame only.
pub fn load_for_tab(key: &str) -> Option<String> {
    read(tab_storage(), &tab_key(key))
}

/// Keeps a value for this browser tab only (inside a lesson's frame, for this frame only);
/// silently does nothing when storage is unavailable.
pub fn save_for_tab(key: &str, value: &str) {
    write(tab_storage(), &tab_key(key), value)
}

/// Forgets a value kept for this tab (or frame).
pub fn forget_for_tab(key: &str) {
    if let Some(storage) = tab_storage() {
        let _ = storage.remove_item(&format!("{KEY_PREFIX}{}", tab_key(key)));
    }
}

/// The key of a value kept for this tab. Every frame in a tab shares the tab's storage: two
/// embeds on one lesson page would read each other's language and large type. So a frame keeps
/// its values under its own name: the one the lesson gave it, else its place among the lesson's
/// frames, which a reload of the frame or of the lesson, or Back to the lesson, keeps.
fn tab_key(key: &str) -> String {
    match frame_name() {
        Some(frame) => format!("frame.{frame}.{key}"),
        None => key.to_owned(),
    }
}

/// This window and the page it is framed in (a lesson's); `None` in a tab of its own.
fn window_and_parent() -> Option<(web_sys::Window, web_sys::Window)> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (parent != window).then_some((window, parent))
}

/// Whether the app runs inside another page's frame (a lesson's iframe).
pub fn in_frame() -> bool {
    window_and_parent().is_some()
}

/// This frame's name or place among its parent's frames; `None` in a tab of its own.
fn frame_name() -> Option<String> {
    let (window, parent) = window_and_parent()?;
    if let Some(name) = window.name().ok().filter(|name| !name.is_empty()) {
        return Some(name);
    }
    let me: &wasm_bindgen::JsValue = window.as_ref();
    (0..parent.length())
        .find(|&i| js_sys::Reflect::get(&parent, &i.into()).is_ok_and(|frame| frame == *me))
        .map(|i| format!("#{i}"))
}

/// Reads a saved value; `None` when nothing is saved or storage is unavailable.
pub fn load(key: &str) -> Option<String> {
    read(local_storage(), key)
}

/// Saves a value; silently does nothing when storage is unavailable or full.
pub fn save(key: &str, value: &str) {
    write(local_storage(), key, value)
}

/// Removes a saved value; does nothing when storage is unavailable.
pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&format!("{KEY_PREFIX}{key}"));
    }
}

/// The keys (without the prefix) of everything this app has saved on the device.
pub fn saved_keys() -> Vec<String> {
    keys_in(local_storage())
}

fn keys_in(storage: Option<web_sys::Storage>) -> Vec<String> {
    let Some(storage) = storage else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| key.strip_prefix(KEY_PREFIX).map(str::to_owned))
        .collect()
}

/// Forgets everything this app keeps for this tab (an unfinished quiz round, the tab's
/// language), in every frame of it.
pub fn clear_tab() {
    let Some(storage) = tab_storage() else {
        return;
    };
    for key in keys_in(Some(storage.clone())) {
        let _ = storage.remove_item(&format!("{KEY_PREFIX}{key}"));
    }
}

/// Removes every saved value whose key starts with one of `prefixes` (all of them when
/// `prefixes` is empty), leaving other sites' and other apps' values alone.
pub fn clear(prefixes: &[&str]) {
    for key in saved_keys() {
        if prefixes.is_empty() || prefixes.iter().any(|p| key.starts_with(p)) {
            remove(&key);
        }
    }
}
