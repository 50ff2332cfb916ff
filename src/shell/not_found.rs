//! The page for an address that matches no route.

use super::{tr, use_lang, PageMeta};
use leptos::prelude::*;
use leptos_router::components::A;

/// "Page not found", with a way back home.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    view! {
        <PageMeta title=move || t().not_found_title.to_owned() description=move || t().not_found_body.to_owned()/>
        <section class="not-found">
            <h1>{tr(|t| t.not_found_title)}</h1>
            <p>{tr(|t| t.not_found_body)}</p>
            <A href="/" attr:class="button">{tr(|t| t.back_home)}</A>
        </section>
    }
}
