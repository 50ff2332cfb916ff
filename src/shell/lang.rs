//! The language choice: `?lang=` in the URL wins, then the language this browser tab last showed
//! (so a reload, or "Try again" after a failed download, keeps the English of a link whose `?lang`
//! is no longer in the address), then the device's saved choice, then zh-CN.

use crate::i18n::{choose_lang, long_date, Lang, Pick};
use crate::storage;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

const LANG_KEY: &str = "lang";

/// The current interface language, shared by every component below the layout.
#[derive(Clone, Copy)]
struct UiLang(RwSignal<Lang>);

/// Read access to the language, created once with the layout so it lives as long as the app
/// (a signal derived per component would die with that component while others still read it).
#[derive(Clone, Copy)]
struct UiLangReader(Signal<Lang>);

/// Sets up the language for the app: reads `?lang=` and the saved choice, keeps `<html lang>`
/// in step, and follows `?lang=` when a link changes it. Call once, inside the router.
pub fn provide_lang() {
    let query = use_query_map();
    let from_url = move || query.with(|q| q.get("lang"));
    let initial = choose_lang(&[
        query.with_untracked(|q| q.get("lang")).as_deref(),
        storage::load_for_tab(LANG_KEY).as_deref(),
        storage::load(LANG_KEY).as_deref(),
    ]);
    let lang = RwSignal::new(initial);
    provide_context(UiLang(lang));
    provide_context(UiLangReader(lang.into()));
    Effect::new(move |_| {
        if let Some(chosen) = from_url().as_deref().and_then(Lang::from_code) {
            lang.set(chosen);
        }
    });
    Effect::new(move |_| {
        let shown = lang.get().code();
        storage::save_for_tab(LANG_KEY, shown);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", shown);
        }
    });
}

/// The current interface language.
pub fn use_lang() -> Signal<Lang> {
    let UiLangReader(lang) = expect_context::<UiLangReader>();
    lang
}

/// Chooses a language: sets it, saves it on the device, and keeps a `?lang=` in the address
/// in step so the link still says what the page shows.
pub fn use_set_lang() -> impl Fn(Lang) + Clone + 'static {
    let UiLang(lang) = expect_context::<UiLang>();
    let navigate = use_navigate();
    let query = use_query_map();
    let location = use_location();
    move |next: Lang| {
        lang.set(next);
        storage::save(LANG_KEY, next.code());
        let mut params = query.get_untracked();
        if params.get("lang").is_some() {
            params.replace("lang", next.code().to_owned());
            let path = location.pathname.get_untracked();
            navigate(
                &format!("{path}{}", params.to_query_string()),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    }
}

/// A button that switches to the other language (see [`use_set_lang`]).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let set_lang = use_set_lang();
    let switch = move |_| set_lang(lang.get_untracked().other());
    let other = move || lang.get().other();
    // The name is the button's text: it starts with the words on the button (WCAG 2.5.3, label
    // in name), and each part carries its language, so a screen reader's English voice is not
    // asked to read "中文" (an aria-label could not say which words are in which language).
    view! {
        <button type="button" class="lang-switch" on:click=switch>
            <span lang=move || other().code()>{move || other().native_name()}</span>
            <span class="visually-hidden">{move || format!(" · {}", lang.get().t().switch_language)}</span>
            <span class="visually-hidden" lang=move || other().code()>{move || format!(" / {}", other().t().switch_language)}</span>
        </button>
    }
}

/// An interface string that follows the language: `{tr(|t| t.quiz)}`.
///
/// Every call returns the same closure type (a fn pointer and the language signal), so the
/// many strings of the interface share one compiled text node instead of one each.
pub fn tr(pick: Pick) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || pick(lang.get().t())
}

/// A `YYYY-MM-DD` date as people read it in the current language (2026年12月5日, 5 December
/// 2026), in a `<time>` that keeps the machine-readable date.
#[component]
pub fn LongDate(iso: String) -> impl IntoView {
    let lang = use_lang();
    let shown = iso.clone();
    view! { <time datetime=iso>{move || long_date(&shown, lang.get())}</time> }
}
