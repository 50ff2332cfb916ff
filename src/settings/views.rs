//! `/settings` and `/about`.

use crate::i18n::Lang;
use crate::shell::{
    tr, use_lang, use_prefs, use_set_lang, AgePicker, OfflineCacheList, PageMeta, Pref,
};
use crate::storage;
use leptos::prelude::*;
use leptos_router::components::A;

/// `/settings`: language, age band, display preferences, the offline copy and clearing the device.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let set_lang = use_set_lang();
    let prefs = use_prefs();
    // How many things the device holds, counted again after every choice on the page (each
    // saves one); and how many times it was cleared, which draws the age picker afresh from
    // what is saved.
    let saved = RwSignal::new(storage::saved_keys().len());
    let cleared = RwSignal::new(0u32);
    view! {
        <PageMeta title=move || t().settings.to_owned() description=move || t().settings_description.to_owned()/>
        <h1>{tr(|t| t.settings)}</h1>
        <div class="settings-choices" on:click=move |_| saved.set(storage::saved_keys().len())>
        <section aria-labelledby="language-heading">
            <h2 id="language-heading">{tr(|t| t.language)}</h2>
            <div class="actions" role="group" aria-labelledby="language-heading">
                {Lang::ALL
                    .into_iter()
                    .map(|choice| {
                        let set_lang = set_lang.clone();
                        view! {
                            <button
                                type="button"
                                class="chip"
                                lang=choice.code()
                                aria-pressed=move || (lang.get() == choice).to_string()
                                on:click=move |_| set_lang(choice)
                            >
                                {choice.native_name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
        <section aria-labelledby="age-heading">
            <h2 id="age-heading">{tr(|t| t.age_band)}</h2>
            {move || {
                cleared.track();
                view! { <AgePicker/> }
            }}
        </section>
        <section aria-labelledby="display-heading">
            <h2 id="display-heading">{tr(|t| t.display)}</h2>
            <ul class="toggles">
                {Pref::ALL
                    .into_iter()
                    .map(|pref| view! {
                        <li>
                            <button
                                type="button"
                                class="chip toggle"
                                aria-pressed=move || prefs.get(pref).to_string()
                                on:click=move |_| prefs.set(pref, !prefs.get(pref))
                            >
                                {move || pref.label(t())}
                            </button>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
        </div>
        <section aria-labelledby="offline-heading">
            <h2 id="offline-heading">{tr(|t| t.offline_copy)}</h2>
            <OfflineCacheList/>
        </section>
        <ClearDevice saved cleared/>
        <p><A href="/about">{tr(|t| t.about)}</A></p>
    }
}

/// What this device has saved (`saved`, the count), and the button that clears it (and counts
/// one more in `cleared`).
#[component]
fn ClearDevice(saved: RwSignal<usize>, cleared: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let prefs = use_prefs();
    let t = move || lang.get().t();
    let clear = move |_| {
        if window()
            .confirm_with_message(t().clear_device_confirm)
            .unwrap_or(false)
        {
            storage::clear(&[]);
            storage::clear_tab();
            // The page shows what a reload would: every display choice back to its default.
            for pref in Pref::ALL {
                prefs.forget(pref);
            }
            saved.set(storage::saved_keys().len());
            cleared.update(|n| *n += 1);
        }
    };
    view! {
        <section aria-labelledby="device-heading">
            <h2 id="device-heading">{tr(|t| t.on_this_device)}</h2>
            <p role="status">{move || t().saved_items.replace("{n}", &saved.get().to_string())}</p>
            <button type="button" class="button secondary" on:click=clear>{tr(|t| t.clear_device)}</button>
        </section>
    }
}

/// `/about`: what the site is, and what it does (and does not do) with data.
#[component]
pub fn AboutPage() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    view! {
        <PageMeta title=move || t().about.to_owned() description=move || t().about_body.to_owned()/>
        <h1>{tr(|t| t.about)}</h1>
        <p class="lead">{tr(|t| t.about_body)}</p>
        <section aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{tr(|t| t.privacy)}</h2>
            <ul>{move || t().privacy_points.iter().map(|point| view! { <li>{*point}</li> }).collect_view()}</ul>
        </section>
        <p><A href="/settings">{tr(|t| t.settings)}</A></p>
    }
}
