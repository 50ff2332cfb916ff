//! `/teachers`: how to use the site in a 40-minute lesson, with every quiz set's play and
//! worksheet links for the chosen age band, and the stall poster.

use super::embed_generator::EmbedGenerator;
use crate::content::{fetch_json_kept, AgeBand, QuizContent, QUIZ_FILE};
use crate::i18n::Lang;
use crate::share::{age_query, worksheet_path};
use crate::shell::{tr, use_age, use_lang, AgePicker, Loaded, PageMeta};
use leptos::prelude::*;
use leptos_router::components::A;

/// The teachers' page.
#[component]
pub fn TeachersPage() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let age = use_age();
    let quizzes = LocalResource::new(|| fetch_json_kept::<QuizContent>(QUIZ_FILE));
    view! {
        <PageMeta title=move || t().teachers.to_owned() description=move || t().teachers_description.to_owned()/>
        <h1>{tr(|t| t.teachers)}</h1>
        <p class="lead">{tr(|t| t.teachers_description)}</p>
        <section aria-labelledby="lesson-heading">
            <h2 id="lesson-heading">{tr(|t| t.lesson_plan)}</h2>
            <ol class="lesson-plan">
                {move || t().lesson_steps.iter().map(|step| view! { <li>{*step}</li> }).collect_view()}
            </ol>
        </section>
        <section aria-labelledby="materials-heading">
            <h2 id="materials-heading">{tr(|t| t.lesson_materials)}</h2>
            <AgePicker/>
            <Loaded resource=quizzes render=move |quizzes: QuizContent| {
                let quizzes = StoredValue::new(quizzes);
                view! {
                    {move || view! { <SetLinks quizzes=quizzes.get_value() lang=lang.get() age=age.get()/> }}
                    <p><A href="/poster" attr:class="button secondary">{tr(|t| t.poster)}</A></p>
                    <EmbedGenerator quizzes=quizzes.get_value()/>
                }
            }/>
        </section>
    }
}

/// Each quiz set with links to play it on the projector and to print its worksheet.
#[component]
fn SetLinks(quizzes: QuizContent, lang: Lang, age: Option<AgeBand>) -> impl IntoView {
    let t = lang.t();
    let query = age_query(age, lang);
    view! {
        <ul class="set-links">
            {quizzes
                .sets
                .iter()
                .map(|set| {
                    let title = set.title.get(lang).to_owned();
                    let play_name = format!("{}: {title}", t.play);
                    let worksheet_name = format!("{}: {title}", t.worksheet);
                    view! {
                        <li>
                            <span class="set-name">{title}</span>
                            <A href=format!("/quiz/{}{query}", set.id) attr:class="button" attr:aria-label=play_name>
                                {t.play}
                            </A>
                            <A href=worksheet_path(&set.id, age, lang) attr:class="button secondary" attr:aria-label=worksheet_name>
                                {t.worksheet}
                            </A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
