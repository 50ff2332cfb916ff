//! The embed generator on the teachers' page: pick a quiz set, guide section or route, a
//! language and age band, and copy the iframe code.

use crate::content::{
    fetch_json_kept, fetch_routes, AgeBand, GuideContent, LocalText, QuizContent, GUIDE_FILE,
};
use crate::i18n::Lang;
use crate::share::{
    clipboard_available, copy_text, embed_code, embed_url, use_site_origin, CopyState, CopyStatus,
    DeepLink,
};
use crate::shell::{tr, use_age, use_lang};
use leptos::prelude::*;

/// One thing a teacher can embed, with its title.
#[derive(Clone, Debug, PartialEq)]
struct Embeddable {
    link: DeepLink,
    title: LocalText,
}

/// The guide's sections and the map's routes to embed; a file that fails to load leaves only its
/// own group out (its page says what went wrong).
async fn load_guide_and_routes() -> (Vec<Embeddable>, Vec<Embeddable>) {
    let sections = fetch_json_kept::<GuideContent>(GUIDE_FILE)
        .await
        .map(|guide| {
            guide
                .sections
                .into_iter()
                .map(|s| Embeddable {
                    link: DeepLink::GuideSection {
                        section: s.id,
                        age: None,
                    },
                    title: s.title,
                })
                .collect()
        })
        .unwrap_or_default();
    let routes = fetch_routes()
        .await
        .map(|(routes, _)| {
            routes
                .routes
                .into_iter()
                .map(|r| Embeddable {
                    link: DeepLink::Route(r.id),
                    title: r.name,
                })
                .collect()
        })
        .unwrap_or_default();
    (sections, routes)
}

/// The generator. Quiz sets come from the page's loaded quizzes; guide sections and routes are
/// loaded here (a file that fails to load just leaves its group out).
#[component]
pub fn EmbedGenerator(quizzes: QuizContent) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let others = LocalResource::new(load_guide_and_routes);
    let quiz_items: Vec<Embeddable> = quizzes
        .sets
        .into_iter()
        .map(|s| Embeddable {
            link: DeepLink::Quiz {
                set: s.id,
                age: None,
            },
            title: s.title,
        })
        .collect();
    let items = Signal::derive(move || {
        let mut all = quiz_items.clone();
        if let Some((sections, routes)) = others.get() {
            all.extend(sections);
            all.extend(routes);
        }
        all
    });
    let chosen = RwSignal::new(0usize);
    let embed_lang = RwSignal::new(lang.get_untracked());
    // The band picked above on this page, until the teacher chooses one here.
    let page_age = use_age();
    let own_age: RwSignal<Option<Option<AgeBand>>> = RwSignal::new(None);
    let age = move || own_age.get().unwrap_or_else(|| page_age.get());
    let large = RwSignal::new(false);
    let copied = CopyState::default();
    let code_box = NodeRef::<leptos::html::Textarea>::new();
    let origin = use_site_origin();
    let code = Signal::derive(move || {
        let lang = embed_lang.get();
        items
            .with(|items| {
                items.get(chosen.get()).map(|item| {
                    let link = match &item.link {
                        DeepLink::Quiz { set, .. } => DeepLink::Quiz {
                            set: set.clone(),
                            age: age(),
                        },
                        DeepLink::GuideSection { section, .. } => DeepLink::GuideSection {
                            section: section.clone(),
                            age: age(),
                        },
                        other => other.clone(),
                    };
                    embed_code(
                        &embed_url(&origin.get(), &link, lang, large.get()),
                        item.title.get(lang),
                    )
                })
            })
            .unwrap_or_default()
    });
    // "Copied" is about the code on screen: any change to it (item, language, age, size) undoes it.
    Effect::new(move |_| {
        code.track();
        copied.reset();
    });
    // Quizzes pick their questions by age band; guide sections show children short words only.
    let takes_age = move || {
        items.with(|items| {
            matches!(
                items.get(chosen.get()).map(|i| &i.link),
                Some(DeepLink::Quiz { .. } | DeepLink::GuideSection { .. })
            )
        })
    };
    let option_label = move |item: &Embeddable, lang: Lang| {
        let t = lang.t();
        let kind = match item.link {
            DeepLink::Quiz { .. } => t.quiz,
            DeepLink::GuideSection { .. } => t.guide,
            _ => t.map,
        };
        format!("{kind} · {}", item.title.get(lang))
    };
    view! {
        <section class="embed-generator" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{tr(|t| t.embed_title)}</h2>
            <p>{tr(|t| t.embed_intro)}</p>
            <div class="form-grid">
                <label>
                    <span>{tr(|t| t.embed_what)}</span>
                    <select on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {move || {
                            let lang = lang.get();
                            items.get().iter().enumerate().map(|(i, item)| view! {
                                <option value=i.to_string() selected=move || chosen.get() == i>{option_label(item, lang)}</option>
                            }).collect_view()
                        }}
                    </select>
                </label>
                <label>
                    <span>{tr(|t| t.language)}</span>
                    <select on:change=move |ev| embed_lang.set(Lang::from_code(&event_target_value(&ev)).unwrap_or_default())>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() selected=move || embed_lang.get() == l>{l.native_name()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Show when=takes_age>
                    <label>
                        <span>{tr(|t| t.age_band)}</span>
                        <select on:change=move |ev| own_age.set(Some(AgeBand::from_code(&event_target_value(&ev))))>
                            <option value="" selected=move || age().is_none()>{tr(|t| t.all_ages)}</option>
                            {AgeBand::ALL.into_iter().map(|band| view! {
                                <option value=band.code() selected=move || age() == Some(band)>{move || t().age(band)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
                <label class="check">
                    <input type="checkbox" prop:checked=large on:change=move |ev| large.set(event_target_checked(&ev))/>
                    <span>{tr(|t| t.embed_projector)}</span>
                </label>
            </div>
            <label class="code-label">
                <span>{tr(|t| t.embed_code)}</span>
                <textarea readonly rows="10" prop:value=code node_ref=code_box></textarea>
            </label>
            <Show when=clipboard_available>
                <button type="button" class="button" on:click=move |_| copy_text(code, copied, code_box.get_untracked().map(Into::into))>
                    {move || if copied.copied() { t().copied } else { t().copy_code }}
                </button>
                <CopyStatus state=copied/>
            </Show>
        </section>
    }
}
