//! Guide pages. The guide file is loaded once by [`GuideHome`] for all of them.

use super::checklist::{load_ticks, save_ticks, steps_fingerprint};
use crate::content::{
    fetch_json_kept, AgeBand, AppError, GuideContent, GuideSection, GuideStep, Source, GUIDE_FILE,
};
use crate::share::{DeepLink, ShareButton};
use crate::shell::{
    focus_after_link, tr, use_age, use_lang, AgePicker, Loaded, Missing, PageMeta, PrintButton,
};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;

/// The loaded guide, shared by the guide's pages.
#[derive(Clone, Copy)]
struct GuideResource(LocalResource<Result<GuideContent, AppError>>);

/// The parent of every `/guide` page: loads `guide.json` once.
#[component]
pub fn GuideHome() -> impl IntoView {
    provide_context(GuideResource(LocalResource::new(|| {
        fetch_json_kept::<GuideContent>(GUIDE_FILE)
    })));
    view! { <Outlet/> }
}

/// `/guide`: every section as a card, with the age picker.
#[component]
pub fn GuideIndex() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let GuideResource(guide) = expect_context();
    view! {
        <PageMeta title=move || t().guide.to_owned() description=move || t().guide_description.to_owned()/>
        <h1>{tr(|t| t.guide)}</h1>
        <p class="lead">{tr(|t| t.guide_description)}</p>
        <AgePicker/>
        <Loaded resource=guide render=move |guide: GuideContent| view! { <SectionCards guide/> }/>
    }
}

/// `path` with the age band the page shows: links to other sections keep the band a shared link
/// brought (`?age=` that this device has not saved), so a child does not land on the adults'
/// words one click on.
fn with_age(path: String, age: Option<AgeBand>) -> String {
    match age {
        Some(band) => format!("{path}?age={}", band.code()),
        None => path,
    }
}

#[component]
fn SectionCards(guide: GuideContent) -> impl IntoView {
    let lang = use_lang();
    let age = use_age();
    view! {
        <ol class="cards">
            {guide
                .sections
                .into_iter()
                .map(|section| {
                    let path = format!("/guide/{}", section.id);
                    let href = move || with_age(path.clone(), age.get());
                    let section = StoredValue::new(section);
                    view! {
                        <li>
                            <A href=href attr:class="card">
                                <img src=section.with_value(|s| s.image.url()) alt="" width="160" height="120"/>
                                <span class="card-title">{move || section.with_value(|s| s.title.get(lang.get()).to_owned())}</span>
                                <span class="card-text">{move || section.with_value(|s| s.summary.get(lang.get()).to_owned())}</span>
                            </A>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// `/guide/<section>`: one section's steps, its sources, and previous/next links.
#[component]
pub fn GuideSectionPage() -> impl IntoView {
    let GuideResource(guide) = expect_context();
    let params = use_params_map();
    let section_id = move || params.with(|p| p.get("section").unwrap_or_default());
    view! {
        <Loaded
            resource=guide
            render=move |guide: GuideContent| {
                let guide = StoredValue::new(guide);
                move || {
                    let id = section_id();
                    match guide.with_value(|g| g.section(&id).map(|(i, s)| (i, s.clone()))) {
                        Some((index, section)) => view! { <SectionView guide index section/> }.into_any(),
                        None => view! { <Missing message=|t| t.section_not_found back_href="/guide" back_label=|t| t.guide_sections/> }
                        .into_any(),
                    }
                }
            }
        />
    }
}

#[component]
fn SectionView(
    guide: StoredValue<GuideContent>,
    index: usize,
    section: GuideSection,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let age = use_age();
    let show_detail = move || !age.get().is_some_and(|band| band.is_child());
    let with_age = move |path: String| with_age(path, age.get());
    let sources: Vec<Source> =
        guide.with_value(|g| g.sources_of(&section).into_iter().cloned().collect());
    let source_ids: Vec<String> = sources.iter().map(|s| s.id.clone()).collect();
    let (previous, next) = guide.with_value(|g| {
        let link = |i: usize| g.sections.get(i).map(|s| (s.id.clone(), s.title.clone()));
        (index.checked_sub(1).and_then(link), link(index + 1))
    });
    let section = StoredValue::new(section);
    let title = move || section.with_value(|s| s.title.get(lang.get()).to_owned());
    let multi_group = section.with_value(|s| s.groups.len() > 1);
    let checklist = section.with_value(|s| s.checklist.then(|| s.id.clone()));
    // A checklist's ticks, numbered across the section's groups and saved under its id for
    // these steps.
    let steps = section.with_value(steps_fingerprint);
    let ticks = RwSignal::new(
        checklist
            .as_deref()
            .map(|id| load_ticks(id, steps, js_sys::Date::now()))
            .unwrap_or_default(),
    );
    view! {
        <PageMeta title=title description=move || section.with_value(|s| s.summary.get(lang.get()).to_owned())/>
        <nav class="breadcrumb" aria-label=tr(|t| t.guide)>
            <A href=move || with_age("/guide".to_owned())>{tr(|t| t.guide)}</A>
        </nav>
        <article class="guide-section" data-section=section.with_value(|s| s.id.clone())>
            <header class="section-head">
                <div>
                    <h1>{title}</h1>
                    <p class="lead">{move || section.with_value(|s| s.summary.get(lang.get()).to_owned())}</p>
                </div>
                <img
                    src=section.with_value(|s| s.image.url())
                    alt=move || section.with_value(|s| s.image.alt.get(lang.get()).to_owned())
                    width="320"
                    height="240"
                />
            </header>
            {section.with_value(|s| s.notice.clone()).map(|notice| {
                view! { <p class="notice" role="note">{move || notice.get(lang.get()).to_owned()}</p> }
            })}
            <AgePicker/>
            // On paper (the picker is not printed): whom the copy is for, and that a child
            // band's copy leaves out the details.
            {move || age.get().map(|band| view! {
                <p class="print-band">
                    {t().age(band)}
                    {band.is_child().then(|| t().short_version)}
                </p>
            })}
            <div class=if multi_group { "groups side-by-side" } else { "groups" }>
                {section
                    .with_value(|s| s.groups.clone())
                    .into_iter()
                    .scan(0, |first, group| {
                        let group_first = *first;
                        *first += group.steps.len();
                        Some((group_first, group))
                    })
                    .map(|(first, group)| {
                        let heading = group.title.clone();
                        let steps = match &checklist {
                            Some(id) => view! { <Checklist section_id=id.clone() steps_fingerprint=steps ticks first steps=group.steps source_ids=source_ids.clone()/> }.into_any(),
                            None => view! {
                                <ol class="steps">
                                    {group
                                        .steps
                                        .into_iter()
                                        .map(|step| view! { <li><StepBody step=step source_ids=source_ids.clone() show_detail/></li> })
                                        .collect_view()}
                                </ol>
                            }
                            .into_any(),
                        };
                        view! {
                            <section class="group">
                                {heading.map(|h| view! { <h2>{move || h.get(lang.get()).to_owned()}</h2> })}
                                {steps}
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
            <SourceList sources/>
            <div class="actions">
                <ShareButton link=Signal::derive(move || DeepLink::GuideSection { section: section.with_value(|s| s.id.clone()), age: age.get() }) title=Signal::derive(title)/>
                <PrintButton label=|t| t.print_page class="secondary family-print"/>
            </div>
        </article>
        <nav class="pager" aria-label=tr(|t| t.guide_sections)>
            {previous.map(|(id, title)| view! {
                <A href=move || with_age(format!("/guide/{id}")) attr:class="button secondary" attr:rel="prev" on:click=to_new_heading>
                    {move || format!("← {}: {}", t().previous, title.get(lang.get()))}
                </A>
            })}
            {next.map(|(id, title)| view! {
                <A href=move || with_age(format!("/guide/{id}")) attr:class="button" attr:rel="next" on:click=to_new_heading>
                    {move || format!("{}: {} →", t().next, title.get(lang.get()))}
                </A>
            })}
        </nav>
    }
}

/// A pager link's click: the next section is drawn into the same elements, the focused link
/// included, so the focus goes to the new section's heading.
fn to_new_heading(ev: leptos::ev::MouseEvent) {
    focus_after_link(&ev, "main h1");
}

/// Numbers of the sources a step cites, as they appear in the page's source list, in order.
fn citation_numbers(step: &GuideStep, source_ids: &[String]) -> String {
    let mut numbers: Vec<usize> = step
        .sources
        .iter()
        .filter_map(|id| source_ids.iter().position(|s| s == id))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers.iter().map(|i| format!("[{}]", i + 1)).collect()
}

/// A step's short text, its detail for older readers, and its citations.
#[component]
fn StepBody(
    step: GuideStep,
    source_ids: Vec<String>,
    show_detail: impl Fn() -> bool + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let citations = citation_numbers(&step, &source_ids);
    let image = step.image.clone().map(|image| {
        let url = image.url();
        view! { <img class="step-image" src=url alt=move || image.alt.get(lang.get()).to_owned() width="160" height="120"/> }
    });
    let step = StoredValue::new(step);
    view! {
        {image}
        <span class="step-text">{move || step.with_value(|s| s.text.get(lang.get()).to_owned())}</span>
        {move || {
            let detail = step.with_value(|s| s.detail.as_ref().map(|d| d.get(lang.get()).to_owned()));
            detail.filter(|_| show_detail()).map(|d| view! { <span class="step-detail">{d}</span> })
        }}
        <span class="citations">
            <span class="visually-hidden">{tr(|t| t.source_short)}</span>
            {citations}
        </span>
    }
}

/// One group's steps as a checklist whose ticks are saved on the device. `ticks` holds the
/// ticked steps of the whole section, numbered across its groups; this group's first step is
/// number `first`, so groups never share a tick.
#[component]
fn Checklist(
    section_id: String,
    steps_fingerprint: u64,
    ticks: RwSignal<Vec<usize>>,
    first: usize,
    steps: Vec<GuideStep>,
    source_ids: Vec<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let total = steps.len();
    let in_group = move |i: &usize| (first..first + total).contains(i);
    let id = StoredValue::new(section_id);
    let save = move || {
        id.with_value(|id| {
            save_ticks(
                id,
                steps_fingerprint,
                &ticks.get_untracked(),
                js_sys::Date::now(),
            )
        })
    };
    let toggle = move |i: usize| {
        ticks.update(|ticks| {
            if let Some(at) = ticks.iter().position(|&t| t == i) {
                ticks.remove(at);
            } else {
                ticks.push(i);
                ticks.sort_unstable();
            }
        });
        save();
    };
    let done = move || ticks.with(|ticks| ticks.iter().filter(|i| in_group(i)).count());
    view! {
        <p class="hint">{tr(|t| t.checklist_hint)}</p>
        <ul class="checklist">
            {steps
                .into_iter()
                .enumerate()
                .map(|(n, step)| {
                    let i = first + n;
                    let checked = move || ticks.with(|ticks| ticks.contains(&i));
                    view! {
                        <li>
                            <label>
                                <input type="checkbox" prop:checked=checked on:change=move |_| toggle(i)/>
                                <span><StepBody step source_ids=source_ids.clone() show_detail=|| true/></span>
                            </label>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <p class="progress" role="status">
            {move || t().checklist_progress.replace("{done}", &done().to_string()).replace("{total}", &total.to_string())}
        </p>
        <button type="button" class="button secondary" on:click=move |_| {
            ticks.update(|ticks| ticks.retain(|i| !in_group(i)));
            save();
        }>{tr(|t| t.clear_ticks)}</button>
    }
}

/// The numbered list of sources a page cites.
#[component]
fn SourceList(sources: Vec<Source>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{tr(|t| t.sources)}</h2>
            <ol>
                {sources
                    .into_iter()
                    .map(|source| {
                        let source = StoredValue::new(source);
                        view! {
                            <li>
                                <cite>{move || source.with_value(|s| s.title.get(lang.get()).to_owned())}</cite>
                                ". " {source.with_value(Source::publisher_and_year)} ". "
                                // A new tab: the guide stays open, and inside a lesson's iframe the
                                // source does not replace the lesson (or fail to load in it).
                                <a href=source.with_value(|s| s.url.clone()) target="_blank" rel="noopener noreferrer">
                                    {source.with_value(|s| s.url.clone())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
