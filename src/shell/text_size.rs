//! Large text: one tap in the header for grandparents, projectors and bright sun; remembered.

use super::tr;
use crate::storage;
use leptos::prelude::*;

const TEXT_SIZE_KEY: &str = "large-text";

fn apply(large: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.class_list().toggle_with_force("large-text", large);
    }
}

/// A toggle button for large text; the choice is saved on the device.
#[component]
pub fn TextSizeToggle() -> impl IntoView {
    let large = RwSignal::new(storage::load(TEXT_SIZE_KEY).as_deref() == Some("1"));
    Effect::new(move |_| apply(large.get()));
    let toggle = move |_| {
        let next = !large.get_untracked();
        large.set(next);
        storage::save(TEXT_SIZE_KEY, if next { "1" } else { "0" });
    };
    view! {
        <button
            type="button"
            class="text-size"
            aria-pressed=move || large.get().to_string()
            aria-label=tr(|t| t.large_text)
            on:click=toggle
        >
            <span aria-hidden="true">"A+"</span>
        </button>
    }
}
