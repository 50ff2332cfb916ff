//! The page frame: skip link, header with the three doors and the language switch, main area.

use super::{provide_lang, tr, EmergencyButton, LanguageSwitch, TextSizeToggle};
use crate::content::{fetch_json, AppError, SiteContent, SITE_FILE};
use leptos::prelude::*;
use leptos_router::components::A;

/// The site settings (`site.json`), loaded once for the whole app.
#[derive(Clone, Copy)]
pub struct SiteResource(pub LocalResource<Result<SiteContent, AppError>>);

/// Wraps every page: provides the language and the site settings, draws the header.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    provide_lang();
    provide_context(SiteResource(LocalResource::new(|| {
        fetch_json::<SiteContent>(SITE_FILE)
    })));
    view! {
        <a class="skip-link" href="#main">{tr(|t| t.skip_to_content)}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <img src="/icons/icon.svg" alt="" width="40" height="40"/>
                <span>{tr(|t| t.app_name)}</span>
            </A>
            <nav aria-label=tr(|t| t.main_nav)>
                <A href="/quiz" attr:class="door-link">{tr(|t| t.quiz)}</A>
                <A href="/guide" attr:class="door-link">{tr(|t| t.guide)}</A>
                <A href="/map" attr:class="door-link">{tr(|t| t.map)}</A>
            </nav>
            <EmergencyButton/>
            <TextSizeToggle/>
            <LanguageSwitch/>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
    }
}
