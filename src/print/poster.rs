//! `/poster`: the stall poster, drawn from `site.json`: the event, three QR codes (quiz, guide,
//! patrol map), the emergency numbers and the river-guardian message. Fits A4 or A3 portrait.

use crate::content::SiteContent;
use crate::i18n::Lang;
use crate::share::{use_site_origin, DeepLink, QrCode};
use crate::shell::{use_lang, Loaded, LongDate, PageMeta, PrintButton, SiteResource};
use leptos::prelude::*;

/// The poster page: a print button on screen, then the poster.
#[component]
pub fn PosterPage() -> impl IntoView {
    let lang = use_lang();
    let SiteResource(site) = expect_context();
    view! {
        <div class="page-tools no-print">
            <PrintButton label=|t| t.print_poster class="big"/>
        </div>
        <Loaded resource=site render=move |site: SiteContent| {
            let site = StoredValue::new(site);
            move || view! { <Poster site=site.get_value() lang=lang.get()/> }
        }/>
    }
}

/// The poster in one language.
#[component]
fn Poster(site: SiteContent, lang: Lang) -> impl IntoView {
    let t = lang.t();
    let origin = use_site_origin().get_untracked();
    let codes = [
        (t.quiz, DeepLink::Quizzes),
        (t.guide, DeepLink::Guide),
        (t.map, DeepLink::Map),
    ];
    let event = site.event;
    let title = site.title.get(lang).to_owned();
    view! {
        <PageMeta title=move || format!("{} · {}", t.poster, title) description=move || t.poster_description.to_owned()/>
        <article class="poster" aria-labelledby="poster-heading">
            <h1 id="poster-heading">{site.title.get(lang).to_owned()}</h1>
            <p class="poster-event">{event.name.get(lang).to_owned()}</p>
            <p class="poster-place">
                {event.place.get(lang).to_owned()}
                {event.date.map(|date| view! { " · " <LongDate iso=date/> })}
            </p>
            <p class="poster-message">{site.tagline.get(lang).to_owned()}</p>
            <p class="poster-scan">{t.poster_scan}</p>
            <ul class="poster-codes">
                {codes
                    .into_iter()
                    .map(|(name, link)| {
                        let url = link.url(&origin, lang);
                        view! {
                            <li>
                                <QrCode text=url.clone() label=t.qr_label.replace("{title}", name)/>
                                <strong>{name}</strong>
                                <span class="poster-url">{url}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <section class="poster-emergency" aria-labelledby="poster-emergency-heading">
                <h2 id="poster-emergency-heading">{t.emergency_title}</h2>
                <ul>
                    {site
                        .emergency
                        .numbers
                        .iter()
                        .map(|n| view! { <li><strong>{n.number.clone()}</strong> " " {n.label.get(lang).to_owned()}</li> })
                        .collect_view()}
                </ul>
            </section>
            <p class="poster-organizer">{event.organizer.get(lang).to_owned()}</p>
        </article>
    }
}
