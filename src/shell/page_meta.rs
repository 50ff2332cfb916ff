//! Per-page `<title>` and description, set straight on the document head.

use super::use_lang;
use leptos::prelude::*;

/// Sets the document title (followed by the app's name) and the meta description of a page,
/// and keeps them in step with the language.
#[component]
pub fn PageMeta(
    /// The page's own title; empty on the home page.
    title: impl Fn() -> String + Send + Sync + 'static,
    /// One sentence describing the page, for search engines and link previews.
    description: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| {
        let app = lang.get().t().app_name;
        let page = title();
        let document = document();
        document.set_title(&if page.is_empty() {
            app.to_owned()
        } else {
            format!("{page} · {app}")
        });
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &description());
        }
    });
}
