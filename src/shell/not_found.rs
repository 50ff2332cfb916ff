//! Not-found pages: for an address that matches no route, and for an id (quiz set, guide
//! section) that the content does not have.

use super::{tr, use_lang, PageMeta};
use crate::i18n::Pick;
use leptos::prelude::*;
use leptos_router::components::A;

/// "Page not found", with a way back home.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <Missing message=|t| t.not_found_body back_href="/" back_label=|t| t.back_home/> }
}

/// "Page not found" with a message saying what is missing and a link to where to look instead.
#[component]
pub fn Missing(
    /// Picks the message, e.g. `|t| t.set_not_found`.
    message: Pick,
    /// Where the way back leads.
    back_href: &'static str,
    /// Picks the way back's words.
    back_label: Pick,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    view! {
        <PageMeta title=move || t().not_found_title.to_owned() description=move || message(t()).to_owned()/>
        <section class="not-found">
            <h1>{tr(|t| t.not_found_title)}</h1>
            <p>{tr(message)}</p>
            <A href=back_href attr:class="button">{tr(back_label)}</A>
        </section>
    }
}
