//! Work that must not hold up the frame showing a change.

use leptos::prelude::request_animation_frame;

/// Runs `work` once the browser has painted what changed so far (two animation frames from
/// now), for side work such as moving focus, which would otherwise force a synchronous style
/// and layout pass before the new screen can be shown.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || request_animation_frame(work));
}
