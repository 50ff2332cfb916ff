//! The home page: the title from `site.json`, the three doors, then the event.

use super::{tr, use_lang, Loaded, LongDate, PageMeta, SiteResource};
use crate::content::SiteContent;
use leptos::prelude::*;
use leptos_router::components::A;

/// Home: the site's title, big doors to the quiz, the guide and the map, then the event.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let SiteResource(site) = expect_context::<SiteResource>();
    view! {
        <PageMeta title=String::new description=move || t().app_description.to_owned()/>
        <Loaded resource=site render=move |site: SiteContent| view! { <Welcome site/> }/>
        // Without the settings, the doors still open below the error message.
        <Show when=move || site.with(|result| matches!(result, Some(Err(_))))>
            <Doors/>
        </Show>
    }
}

/// The title and tagline, the doors right after them (on a phone's first screen), then the
/// event's details. The doors appear with the title, never before it, so nothing pushes them
/// down while someone is about to tap.
#[component]
fn Welcome(site: SiteContent) -> impl IntoView {
    let lang = use_lang();
    let site = StoredValue::new(site);
    let text = move |pick: fn(&SiteContent) -> &crate::content::LocalText| {
        move || site.with_value(|s| pick(s).get(lang.get()).to_owned())
    };
    let date = site.with_value(|s| s.event.date.clone());
    view! {
        <section class="hero">
            <h1>{text(|s| &s.title)}</h1>
            <p class="tagline">{text(|s| &s.tagline)}</p>
        </section>
        <Doors/>
        <dl class="event">
            <div><dt>{tr(|t| t.event)}</dt><dd>{text(|s| &s.event.name)}</dd></div>
            <div><dt>{tr(|t| t.place)}</dt><dd>{text(|s| &s.event.place)}</dd></div>
            {date.map(|date| view! { <div><dt>{tr(|t| t.date)}</dt><dd><LongDate iso=date/></dd></div> })}
            <div><dt>{tr(|t| t.organizer)}</dt><dd>{text(|s| &s.event.organizer)}</dd></div>
        </dl>
    }
}

/// The three doors: quiz, guide and map.
#[component]
fn Doors() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    view! {
        <section class="doors" aria-labelledby="doors-heading">
            <h2 id="doors-heading">{tr(|t| t.start_here)}</h2>
            <ul>
                <li><Door href="/quiz" icon="/icons/quiz.svg" title=tr(|t| t.quiz) description=move || t().quiz_description/></li>
                <li><Door href="/guide" icon="/icons/guide.svg" title=tr(|t| t.guide) description=move || t().guide_description/></li>
                <li><Door href="/map" icon="/icons/map.svg" title=tr(|t| t.map) description=move || t().map_description/></li>
            </ul>
        </section>
    }
}

/// One big door on the home page: an icon, a title and one line saying what is behind it.
#[component]
fn Door(
    href: &'static str,
    icon: &'static str,
    title: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
    description: impl Fn() -> &'static str + Send + Sync + Copy + 'static,
) -> impl IntoView {
    view! {
        <A href=href attr:class="door">
            <img src=icon alt="" width="72" height="72"/>
            <span class="door-title">{title}</span>
            <span class="door-text">{description}</span>
        </A>
    }
}
