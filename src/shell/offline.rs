//! Offline: registers the service worker (`sw.js`, generated at build time) that keeps the whole
//! site, content included, on the device after the first visit.

/// Registers the service worker in release builds (a development server should always serve
/// fresh files). Failures (unsupported, blocked, private mode) leave the site working online.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().service_worker().register("/sw.js");
    }
}
