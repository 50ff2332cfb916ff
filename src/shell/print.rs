//! The button that opens the browser's print dialog.

use super::tr;
use crate::i18n::Pick;
use leptos::prelude::*;

/// Opens the browser's print dialog for the current page (print styles drop the site chrome).
#[component]
pub fn PrintButton(
    /// Picks the button's words, e.g. `|t| t.print_page`.
    label: Pick,
    /// The button's look besides `button`, e.g. `secondary` or `big`.
    class: &'static str,
) -> impl IntoView {
    view! {
        <button type="button" class=format!("button no-print {class}") on:click=move |_| {
            let _ = window().print();
        }>{tr(label)}</button>
    }
}
