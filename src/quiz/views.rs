//! `/quiz` (choose a topic and age) and `/quiz/<set>` (play). The quiz file loads once.

use super::engine::round_size;
use super::leaderboard::{self, Entry};
use super::play::Game;
use crate::content::{fetch_json_kept, AgeBand, AppError, QuizContent, QuizSet, QUIZ_FILE};
use crate::share::{worksheet_path, DeepLink, ShareButton};
use crate::shell::{tr, use_age, use_lang, AgePicker, Loaded, Missing, PageMeta};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::{use_params_map, use_query_map};

/// The loaded quizzes, shared by the quiz pages.
#[derive(Clone, Copy)]
pub struct QuizResource(pub LocalResource<Result<QuizContent, AppError>>);

/// The parent of every `/quiz` page: loads `quizzes.json` once.
#[component]
pub fn QuizHome() -> impl IntoView {
    provide_context(QuizResource(LocalResource::new(|| {
        fetch_json_kept::<QuizContent>(QUIZ_FILE)
    })));
    view! { <Outlet/> }
}

/// `/quiz`: the age picker, a card per topic, and today's leaderboard.
#[component]
pub fn QuizIndex() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let QuizResource(quizzes) = expect_context();
    let age = use_age();
    let query = use_query_map();
    view! {
        <PageMeta title=move || t().quiz.to_owned() description=move || t().quiz_description.to_owned()/>
        <h1>{tr(|t| t.quiz)}</h1>
        <p class="lead">{tr(|t| t.quiz_description)}</p>
        <AgePicker/>
        <h2>{tr(|t| t.choose_topic)}</h2>
        <Loaded
            resource=quizzes
            render=move |quizzes: QuizContent| {
                let quizzes = StoredValue::new(quizzes);
                view! {
                    <ul class="cards">
                        {move || {
                            let lang = lang.get();
                            let band = age.get();
                            let search = query.with(|q| q.to_query_string());
                            quizzes.with_value(|q| {
                                q.sets
                                    .iter()
                                    .map(|set| {
                                        let count = set.questions_for(band).count();
                                        let href = format!("/quiz/{}{search}", set.id);
                                        let icon = format!("/{}", set.icon.trim_start_matches('/'));
                                        let title = set.title.get(lang).to_owned();
                                        let description = set.description.get(lang).to_owned();
                                        view! {
                                            <li>
                                                <A href=href attr:class="card">
                                                    <img src=icon alt="" width="96" height="96"/>
                                                    <span class="card-title">{title}</span>
                                                    <span class="card-text">{description}</span>
                                                    <span class="card-text">
                                                        {match count {
                                                            1 => lang.t().one_question.to_owned(),
                                                            n => lang.t().questions_count.replace("{n}", &n.to_string()),
                                                        }}
                                                    </span>
                                                </A>
                                            </li>
                                        }
                                    })
                                    .collect::<Vec<_>>()
                            })
                        }}
                    </ul>
                    <Leaderboard quizzes/>
                }
            }
        />
    }
}

/// Today's date on this device, `YYYY-MM-DD`.
pub(super) fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Today's results on this device, best first, with the organizer's clear button.
#[component]
pub(super) fn Leaderboard(quizzes: StoredValue<QuizContent>) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    // Read again when cleared, here or from the kiosk organizer menu over this page.
    let entries = Memo::new(move |_| {
        leaderboard::track_cleared();
        leaderboard::ranked_for_day(&leaderboard::load(), &today())
    });
    let clear = move |_| {
        let confirmed = window()
            .confirm_with_message(t().confirm_clear)
            .unwrap_or(false);
        if confirmed {
            leaderboard::clear();
        }
    };
    let row = move |(place, entry): (usize, Entry)| {
        let lang = lang.get();
        let team = entry.animal().map(|a| a.name(lang)).unwrap_or("?");
        let set = quizzes.with_value(|q| q.set(&entry.set).map(|s| s.title.get(lang).to_owned()));
        view! {
            <tr>
                <td>{place}</td>
                <td>{team}</td>
                <td>{set.unwrap_or(entry.set.clone())}</td>
                <td>{format_points(entry.points)} " / " {format_points(entry.max)}</td>
            </tr>
        }
    };
    view! {
        <section class="leaderboard" aria-labelledby="leaderboard-heading">
            <h2 id="leaderboard-heading">{tr(|t| t.leaderboard)}</h2>
            <Show when=move || entries.with(|e| !e.is_empty()) fallback=move || view! { <p>{tr(|t| t.leaderboard_empty)}</p> }>
                <table>
                    // Column names, for a screen reader moving through the cells ("2, 2" is a
                    // shared place).
                    <thead>
                        <tr>
                            {move || lang.get().t().leaderboard_columns.map(|name| view! { <th scope="col">{name}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{move || entries.get().into_iter().map(row).collect_view()}</tbody>
                </table>
                <button type="button" class="button secondary clear-leaderboard" on:click=clear>{tr(|t| t.clear_leaderboard)}</button>
            </Show>
        </section>
    }
}

/// Points without a needless `.0`; halves and such keep one decimal.
pub(super) fn format_points(points: f64) -> String {
    if (points - points.round()).abs() < 1e-9 {
        format!("{}", points.round() as i64)
    } else {
        format!("{points:.1}")
    }
}

/// Draws `render` with the quiz set the address names (`/quiz/<set>…`), the loaded quizzes and
/// the age band; an unknown set gets a not-found message with a link to the topics.
#[component]
pub fn WithQuizSet<F, V>(render: F) -> impl IntoView
where
    F: Fn(QuizSet, StoredValue<QuizContent>, Option<AgeBand>) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let QuizResource(quizzes) = expect_context();
    let params = use_params_map();
    let age = use_age();
    view! {
        <Loaded
            resource=quizzes
            render=move |quizzes: QuizContent| {
                let quizzes = StoredValue::new(quizzes);
                move || {
                    let id = params.with(|p| p.get("set").unwrap_or_default());
                    match quizzes.with_value(|q| q.set(&id).cloned()) {
                        Some(set) => render(set, quizzes, age.get()).into_any(),
                        None => view! { <Missing message=|t| t.set_not_found back_href="/quiz" back_label=|t| t.choose_topic/> }.into_any(),
                    }
                }
            }
        />
    }
}

/// `/quiz/<set>`: one topic, played by one to four teams on this device.
#[component]
pub fn QuizPlay() -> impl IntoView {
    let lang = use_lang();
    let render = move |set: QuizSet, quizzes: StoredValue<QuizContent>, band: Option<AgeBand>| {
        let title = set.title.clone();
        let description = set.description.clone();
        let playable = set.questions_for(band).count() > 0 && round_size(&set, band) > 0;
        let link = DeepLink::Quiz {
            set: set.id.clone(),
            age: band,
        };
        let worksheet = {
            let id = set.id.clone();
            move || worksheet_path(&id, band, lang.get())
        };
        let share_title = title.clone();
        view! {
            <PageMeta
                title=move || title.get(lang.get()).to_owned()
                description=move || description.get(lang.get()).to_owned()
            />
            <Game set quizzes age=band playable/>
            <div class="page-tools no-print">
                <ShareButton link title=Signal::derive(move || share_title.get(lang.get()).to_owned())/>
                // Not in a lesson's frame or at a kiosk station (the styles hide it): the
                // worksheet shows its answer key, and a pupil could read it, then play.
                <A href=worksheet attr:class="button secondary worksheet-link">{tr(|t| t.worksheet)}</A>
            </div>
        }
    };
    view! { <WithQuizSet render/> }
}
