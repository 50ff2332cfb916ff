//! Per-page `<title>` and description.

use super::use_lang;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Sets the document title (followed by the app's name) and the meta description of a page.
///
/// Takes plain closures, not signals: the document head outlives the page, and a signal owned
/// by the page would be gone when the head reads it last.
#[component]
pub fn PageMeta(
    /// The page's own title; empty on the home page.
    title: impl Fn() -> String + Send + Sync + 'static,
    /// One sentence describing the page, for search engines and link previews.
    description: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let full_title = move || {
        let app = lang.get().t().app_name;
        let page = title();
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
