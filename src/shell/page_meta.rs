//! Per-page `<title>` and description.

use super::use_lang;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Sets the document title (followed by the app's name) and the meta description of a page.
#[component]
pub fn PageMeta(
    /// The page's own title; empty on the home page.
    #[prop(into)]
    title: Signal<String>,
    /// One sentence describing the page, for search engines and link previews.
    #[prop(into)]
    description: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let full_title = move || {
        let app = lang.get().t().app_name;
        let page = title.get();
        if page.is_empty() {
            app.to_owned()
        } else {
            format!("{page} · {app}")
        }
    };
    view! {
        <Title text=full_title/>
        <Meta name="description" content=description/>
    }
}
