//! Large text: one tap in the header for grandparents, projectors and bright sun; remembered.

use super::prefs::{use_prefs, Pref};
use super::tr;
use leptos::prelude::*;

/// A toggle button for large text; the choice is saved on the device.
#[component]
pub fn TextSizeToggle() -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <button
            type="button"
            class="text-size"
            aria-pressed=move || prefs.get(Pref::LargeText).to_string()
            // The name starts with what the button shows, so "click A plus" works for a speech
            // control user (WCAG 2.5.3).
            aria-label=tr(|t| t.large_text_button)
            on:click=move |_| prefs.set(Pref::LargeText, !prefs.get(Pref::LargeText))
        >
            <span aria-hidden="true">"A+"</span>
        </button>
    }
}
