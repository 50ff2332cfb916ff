//! The page frame: skip link, header with the three doors and the language switch, main area.

use super::embed::provide_embed;
use super::frame::focus_on_document;
use super::prefs::provide_prefs;
use super::{
    after_next_paint, provide_lang, provide_offline, tr, EmergencyButton, LanguageSwitch,
    OfflineBadge, TextSizeToggle, UpdatePrompt,
};
use crate::content::{fetch_site, AppError, EmergencyInfo, SiteContent};
use crate::kiosk::{provide_still_playing_asked, KioskLayer};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The site settings (`site.json`), loaded once for the whole app.
#[derive(Clone, Copy)]
pub struct SiteResource(pub LocalResource<Result<SiteContent, AppError>>);

/// The emergency part of a `site.json` that has a mistake elsewhere, when that part is right
/// (`None` while the file is right, loading, or wrong there too): the emergency card's numbers.
#[derive(Clone, Copy)]
pub struct EmergencyOfFaultySite(pub ReadSignal<Option<EmergencyInfo>>);

/// Wraps every page: provides the language, preferences, offline state, embed mode and site
/// settings; draws the header, the update prompt, the footer and the kiosk layer (none of the
/// chrome in a lesson embed).
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    provide_lang();
    let (emergency_alone, set_emergency_alone) = signal(None);
    provide_context(SiteResource(LocalResource::new(move || async move {
        let (site, emergency) = fetch_site().await;
        set_emergency_alone.set(emergency);
        site
    })));
    provide_context(EmergencyOfFaultySite(emergency_alone));
    provide_prefs();
    provide_offline();
    provide_still_playing_asked();
    let embedded = provide_embed();
    // On another page, the keyboard and screen-reader focus goes to it when it was left behind
    // in the header or footer (the link that was used) or fell to the document with the old
    // page: the next Tab started over from the top, and a screen reader said nothing new.
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            after_next_paint(focus_main_if_left_behind);
        }
        path
    });
    view! {
        {(!embedded).then(|| view! { <SiteHeader/> <UpdatePrompt/> })}
        // `data-loading` is what style.css shows while `<main>` is still empty: a lazily loaded
        // page whose wasm chunk is downloading (the router renders nothing until it arrives).
        <main id="main" tabindex="-1" data-loading=tr(|t| t.loading)>{children()}</main>
        {(!embedded).then(|| view! { <SiteFooter/> <KioskLayer/> })}
        // A lesson embed has no header: the emergency card stays one tap away below the page.
        {embedded.then(|| view! { <nav class="embed-sos" aria-label=tr(|t| t.emergency)><EmergencyButton/></nav> })}
    }
}

/// The footer: settings, teachers, about and privacy, and whether the site works offline.
#[component]
fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <nav aria-label=tr(|t| t.more_nav)>
                <A href="/settings">{tr(|t| t.settings)}</A>
                <A href="/teachers">{tr(|t| t.teachers)}</A>
                <A href="/about">{tr(|t| t.about)}</A>
            </nav>
            <OfflineBadge/>
        </footer>
    }
}

/// The skip link's click: the focus to `<main>`.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_main();
}

/// The focus to `<main>` when it is on the document or in the header or footer, not when a page
/// (or a dialog) has put it somewhere.
fn focus_main_if_left_behind() {
    let document = document();
    let left_behind = focus_on_document(&document)
        || document.active_element().is_some_and(|active| {
            active
                .closest(".site-header, .site-footer")
                .ok()
                .flatten()
                .is_some()
        });
    if left_behind {
        focus_main();
    }
}

/// The keyboard focus to `<main>` (which brings it into view).
fn focus_main() {
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// The skip link and the header: brand, the three doors, emergency, text size and language.
#[component]
fn SiteHeader() -> impl IntoView {
    view! {
        // Moves the focus, not only the view: the router takes every same-site link and only
        // scrolls to the target, so the next Tab would start in the header again.
        <a class="skip-link" href="#main" on:click=skip_to_main>{tr(|t| t.skip_to_content)}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <img src="/icons/icon.svg" alt="" width="40" height="40"/>
                <span>{tr(|t| t.app_name)}</span>
            </A>
            <nav aria-label=tr(|t| t.main_nav)>
                <A href="/quiz" attr:class="door-link">{tr(|t| t.quiz)}</A>
                <A href="/guide" attr:class="door-link">{tr(|t| t.guide_door)}</A>
                <A href="/map" attr:class="door-link">{tr(|t| t.map)}</A>
            </nav>
            <div class="header-tools">
                <EmergencyButton/>
                <TextSizeToggle/>
                <LanguageSwitch/>
            </div>
        </header>
    }
}
