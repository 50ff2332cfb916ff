//! Work that must not hold up the frame showing a change.

use leptos::prelude::{document, request_animation_frame, window};
use wasm_bindgen::JsCast;

/// Runs `work` once the browser has painted what changed so far (two animation frames from
/// now), for side work such as moving focus, which would otherwise force a synchronous style
/// and layout pass before the new screen can be shown.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || request_animation_frame(work));
}

/// The focus to the first element matching `selector` when it fell to the document: a part of
/// the page drawn anew took the focused element (a link, a button) with it, and the next Tab
/// would start over from the top while a screen reader said nothing.
pub fn focus_if_lost(selector: &str) {
    if focus_on_document(&document()) {
        focus_first(selector);
    }
}

/// The focus to the first element matching `selector`, wherever it was: after a link that draws
/// the next page into the same elements (the guide's "Next"), the focused link stays, now
/// leading on, at the bottom of a page scrolled to its top.
pub fn focus_first(selector: &str) {
    let target = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        // A heading takes the focus from a script only.
        if target.tab_index() < 0 {
            target.set_tab_index(-1);
        }
        let _ = target.focus();
    }
}

/// A link's click that draws what it opens somewhere else than the link (the guide's next
/// section into the same elements, a map panel above the lists): once that is painted, the focus
/// to the first element matching `selector`, which a screen reader then reads. Not for a click
/// that opens the link elsewhere (a new tab), which the router leaves alone.
pub fn focus_after_link(ev: &web_sys::MouseEvent, selector: &'static str) {
    if !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0) {
        after_next_paint(move || focus_first(selector));
    }
}

/// Whether the keyboard focus is on the document itself (nothing in particular), and so free to
/// move. In a frame, the frame must hold the focus too: a quiz clock that runs out in a lesson
/// embed must not take the keyboard from the lesson page around it (a script's focus() in a
/// frame moves the whole page's focus into it).
pub fn focus_on_document(document: &web_sys::Document) -> bool {
    let on_body = document
        .active_element()
        .is_none_or(|active| document.body().is_some_and(|body| *body == active));
    let window = window();
    let in_frame = window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| parent != window);
    on_body && (!in_frame || document.has_focus().unwrap_or(true))
}
