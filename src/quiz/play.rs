//! Playing a round: choose teams, pass the tablet, answer, see results and the certificate.

use super::engine::{
    draw_round, max_teams, questions_per_team, to_hundredths, Answer, Marked, Round, Shuffler,
    Verdict,
};
use super::leaderboard::{self, Entry};
use super::questions::{AnswerView, CorrectAnswer, YourAnswer};
use super::saved::{fingerprint, LeftOn, SavedRound, SAVED_ROUND_KEY};
use super::single_click;
use super::teams::{default_teams, pick_animal, Animal};
use super::views::{format_points, today, Leaderboard};
use crate::content::{AgeBand, QuizContent, QuizSet};
use crate::i18n::Pick;
use crate::kiosk::{use_welcome_next_family, StillPlayingAsked};
use crate::shell::{
    after_next_paint, focus_if_lost, focus_on_document, is_embedded, post_to_parent, tr,
    use_feedback_sound, use_lang, AgePicker, Chime, LongDate, PrintButton,
};
use crate::storage;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where the family is in the round.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    /// Choosing teams.
    Setup,
    /// "Pass the tablet to …" before a team's turn.
    Pass,
    /// A question waiting for an answer.
    Ask,
    /// The answer just given, with the explanation.
    Feedback(Marked),
    /// Every team's score and stars.
    Results,
    /// The certificate of one team.
    Certificate(usize),
}

/// The seed for shuffling: `?seed=` (so a test can replay a round), else random.
fn seed_from(query: Option<String>) -> u64 {
    query
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64)
}

fn seen_key(set: &str, age: Option<AgeBand>) -> String {
    format!("quiz.seen.{set}.{}", age.map_or("all", AgeBand::code))
}

/// Moves keyboard and screen-reader focus to a screen's heading once the screen has been
/// painted (focusing forces a style and layout pass, which would otherwise delay the frame
/// that shows the new screen), unless the person has already moved focus somewhere.
fn focus_on_mount(heading: NodeRef<html::H2>) {
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            after_next_paint(move || {
                if h.is_connected() && focus_on_document(&document()) {
                    let _ = h.focus();
                }
            });
        }
    });
}

/// A round of one quiz set for one to four teams on this device.
#[component]
pub fn Game(
    set: QuizSet,
    quizzes: StoredValue<QuizContent>,
    age: Option<AgeBand>,
    playable: bool,
) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let shuffler = StoredValue::new(Shuffler::new(seed_from(
        query.with_untracked(|q| q.get("seed")),
    )));
    let most_teams = max_teams(&set, age);
    let set = StoredValue::new(set);
    let teams = RwSignal::new(default_teams(1));
    let round: RwSignal<Option<Round>> = RwSignal::new(None);
    let stage = RwSignal::new(Stage::Setup);
    let embedded = is_embedded();
    // A set's clock can be turned off before the round (WCAG 2.2.1): for a child who reads
    // slowly, a screen-reader user, a grandparent.
    let timer_seconds = set.with_value(QuizSet::seconds_per_question);
    let timed = RwSignal::new(clock_on_at_start(age));
    let feedback_sound = use_feedback_sound();
    let started_at = StoredValue::new(0.0);
    // The questions of the round in play, as they were dealt (see `saved::fingerprint`).
    let dealt = StoredValue::new(0u64);
    // A round of this set that this tab left unfinished (the emergency card, Back, a reload).
    let saved = StoredValue::new(
        storage::load_for_tab(SAVED_ROUND_KEY)
            .and_then(|json| set.with_value(|s| SavedRound::read(&json, s, age))),
    );
    let can_carry_on = RwSignal::new(saved.with_value(Option::is_some));

    let start = move || {
        let team_count = teams.with_untracked(Vec::len);
        let key = set.with_value(|s| seen_key(&s.id, age));
        let seen: Vec<String> = storage::load(&key)
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        set.with_value(|s| {
            shuffler.update_value(|shuffler| {
                let per_team = questions_per_team(s, age, team_count);
                let (drawn, now_seen) = draw_round(s, age, per_team * team_count, &seen, shuffler);
                if let Ok(json) = serde_json::to_string(&now_seen) {
                    storage::save(&key, &json);
                }
                let dealt_round = Round::deal(s, &drawn, team_count, shuffler);
                dealt.set_value(fingerprint(s, &dealt_round).unwrap_or_default());
                round.set(Some(dealt_round));
            })
        });
        can_carry_on.set(false);
        started_at.set_value(js_sys::Date::now());
        feedback_sound.prepare();
        stage.set(if team_count > 1 {
            Stage::Pass
        } else {
            Stage::Ask
        });
    };

    // The round's results go on the day's board (and to a lesson platform around an embed) with
    // its last mark, not when someone taps "See results": a family walking off on the last
    // feedback, or a pupil closing the tab, has still played the round.
    let record_round = move || {
        let day = today();
        let entries: Vec<Entry> = round.with_untracked(|r| {
            r.as_ref()
                .map(|r| {
                    r.results()
                        .iter()
                        .zip(teams.get_untracked())
                        .map(|(result, animal)| Entry {
                            team: animal.code().to_owned(),
                            set: set.with_value(|s| s.id.clone()),
                            points: result.points,
                            max: result.max,
                            date: day.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        });
        if embedded {
            let seconds = ((js_sys::Date::now() - started_at.get_value()) / 1000.0).round();
            post_results(&entries, seconds);
        }
        leaderboard::record(entries, &day);
    };

    // The last answer given, for the feedback screen to repeat it.
    let last_answer = StoredValue::new(None::<Answer>);
    let answer = Callback::new(move |answer: Answer| {
        let mut marked = None;
        round.update(|r| {
            if let Some(r) = r {
                marked = set.with_value(|s| r.answer(s, &answer));
            }
        });
        if let Some(m) = marked {
            last_answer.set_value(Some(answer));
            feedback_sound.play(match m.verdict() {
                Verdict::Right => Chime::Rising,
                Verdict::Partly => Chime::Level,
                Verdict::Wrong => Chime::Falling,
            });
            if round.with_untracked(|r| r.as_ref().is_some_and(Round::is_over)) {
                record_round();
            }
            stage.set(Stage::Feedback(m));
        }
    });

    let carry_on = move || {
        let Some(kept) = saved.get_value() else {
            return;
        };
        can_carry_on.set(false);
        let team_count = kept.teams.len();
        let last_mark = kept.round.marks.last().copied();
        teams.set(kept.teams);
        round.set(Some(kept.round));
        timed.set(kept.timed);
        started_at.set_value(kept.started_at);
        dealt.set_value(kept.fingerprint);
        feedback_sound.prepare();
        stage.set(match (kept.left_on, last_mark) {
            (LeftOn::Feedback(answer), Some(marked)) => {
                last_answer.set_value(answer);
                Stage::Feedback(marked)
            }
            _ if team_count > 1 => Stage::Pass,
            _ => Stage::Ask,
        });
    };

    // Keeps the round in play for this tab after each screen, so that the emergency card, Back
    // or a reload does not lose it; the results screen ends it. Written at once (a few hundred
    // bytes): a write put off to after the paint could be lost to a reload, or land after the
    // results had ended the round.
    Effect::new(move |_| {
        let left_on = match stage.get() {
            Stage::Pass | Stage::Ask => LeftOn::Question,
            Stage::Feedback(_) => LeftOn::Feedback(last_answer.get_value()),
            Stage::Results => {
                storage::forget_for_tab(SAVED_ROUND_KEY);
                return;
            }
            Stage::Setup | Stage::Certificate(_) => return,
        };
        let Some(round) = round.get_untracked() else {
            return;
        };
        let kept = SavedRound {
            set: set.with_value(|s| s.id.clone()),
            age,
            teams: teams.get_untracked(),
            round,
            timed: timed.get_untracked(),
            started_at: started_at.get_value(),
            left_on,
            fingerprint: dealt.get_value(),
        };
        if let Some(json) = kept.to_json() {
            storage::save_for_tab(SAVED_ROUND_KEY, &json);
        }
    });

    let next = move || {
        let (over, team_count) =
            round.with_untracked(|r| r.as_ref().map_or((true, 1), |r| (r.is_over(), r.teams)));
        if over {
            stage.set(Stage::Results);
        } else {
            stage.set(if team_count > 1 {
                Stage::Pass
            } else {
                Stage::Ask
            });
        }
    };

    let welcome_next_family = use_welcome_next_family();
    let next_family = move || {
        welcome_next_family();
        teams.set(default_teams(1));
        timed.set(clock_on_at_start(age));
        round.set(None);
        stage.set(Stage::Setup);
        // The results page was long: the next family starts at the top, and the focus with it
        // (the button it was on is gone).
        window().scroll_to_with_x_and_y(0.0, 0.0);
        after_next_paint(|| focus_if_lost("main h1"));
    };

    let title = move || set.with_value(|s| s.title.get(lang.get()).to_owned());
    view! {
        <h1>{title}</h1>
        {move || match stage.get() {
            Stage::Setup => view! {
                {move || can_carry_on.get().then(|| view! { <CarryOn saved on_carry_on=carry_on/> })}
                <p class="lead">{move || set.with_value(|s| s.description.get(lang.get()).to_owned())}</p>
                <AgePicker/>
                {(!playable).then(|| view! { <p class="notice" role="status">{tr(|t| t.no_questions_for_age)}</p> })}
                <TeamSetup teams most=most_teams/>
                {timer_seconds.map(|seconds| view! {
                    <label class="timer-choice">
                        <input type="checkbox" prop:checked=timed on:change=move |ev| timed.set(event_target_checked(&ev))/>
                        {move || lang.get().t().time_limit.replace("{n}", &seconds.to_string())}
                    </label>
                })}
                <button type="button" class="button big" disabled=!playable on:click=single_click(start)>{tr(|t| t.start)}</button>
                <Leaderboard quizzes/>
            }
            .into_any(),
            Stage::Pass => view! { <PassScreen round teams on_ready=move || stage.set(Stage::Ask)/> }.into_any(),
            Stage::Ask => view! { <AskScreen set round teams timer=timer_seconds.filter(|_| timed.get_untracked()) on_answer=answer/> }.into_any(),
            Stage::Feedback(marked) => view! { <FeedbackScreen set quizzes round marked answer=last_answer.get_value() on_next=next/> }.into_any(),
            Stage::Results => view! {
                <ResultsScreen
                    set
                    round
                    teams
                    on_again=move || start()
                    on_next_family=next_family.clone()
                    on_certificate=move |team| stage.set(Stage::Certificate(team))
                />
            }
            .into_any(),
            Stage::Certificate(team) => view! {
                <CertificateScreen set round teams team on_back=move || stage.set(Stage::Results)/>
            }
            .into_any(),
        }}
    }
}

/// Choose how many teams play (up to `most`) and each team's animal.
#[component]
fn TeamSetup(teams: RwSignal<Vec<Animal>>, most: usize) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let set_count = move |n: usize| {
        teams.update(|teams| {
            let mut next = default_teams(n);
            for (i, animal) in teams.iter().enumerate().take(n) {
                pick_animal(&mut next, i, *animal);
            }
            *teams = next;
        })
    };
    view! {
        <fieldset class="team-count">
            <legend>{tr(|t| t.how_many_teams)}</legend>
            {(1..=most)
                .map(|n| view! {
                    <button
                        type="button"
                        class="chip"
                        aria-pressed=move || (teams.with(Vec::len) == n).to_string()
                        on:click=move |_| set_count(n)
                    >
                        {n}
                    </button>
                })
                .collect_view()}
        </fieldset>
        {move || {
            let count = teams.with(Vec::len);
            (0..count)
                .map(|i| view! {
                    <fieldset class="animal-picker">
                        <legend>
                            {move || t().team_n.replace("{n}", &(i + 1).to_string())} {tr(|t| t.pick_animal)}
                        </legend>
                        {Animal::ALL
                            .into_iter()
                            .map(|animal| view! {
                                <button
                                    type="button"
                                    class="chip animal"
                                    style=("--team", animal.colour())
                                    aria-pressed=move || (teams.with(|t| t.get(i) == Some(&animal))).to_string()
                                    on:click=move |_| teams.update(|t| pick_animal(t, i, animal))
                                >
                                    {move || animal.name(lang.get())}
                                </button>
                            })
                            .collect_view()}
                    </fieldset>
                })
                .collect_view()
        }}
    }
}

/// "Still playing?" over a round this tab left unfinished: where it stood, and "Continue" to
/// carry on with it (Start, below, begins a new one).
#[component]
fn CarryOn(
    saved: StoredValue<Option<SavedRound>>,
    on_carry_on: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let progress = saved.with_value(|kept| {
        let kept = kept.as_ref()?;
        let (team, number, total) = kept.left_turn()?;
        let animal = (kept.teams.len() > 1)
            .then(|| kept.teams.get(team).copied())
            .flatten();
        Some((number, total, animal))
    });
    view! {
        <section class="carry-on no-print" aria-labelledby="carry-on-heading">
            <h2 id="carry-on-heading">{tr(|t| t.still_playing)}</h2>
            {progress.map(|(number, total, animal)| view! {
                <p>
                    {animal.map(|animal| view! { <TeamBadge animal/> " " })}
                    {move || lang.get().t().question_of.replace("{n}", &number.to_string()).replace("{total}", &total.to_string())}
                </p>
            })}
            <button type="button" class="button big" on:click=single_click(on_carry_on)>{tr(|t| t.continue_playing)}</button>
        </section>
    }
}

/// A team's coloured name badge.
#[component]
fn TeamBadge(animal: Animal) -> impl IntoView {
    let lang = use_lang();
    view! { <span class="team-badge" style=("--team", animal.colour())>{move || animal.name(lang.get())}</span> }
}

/// Tells the page embedding this quiz how each team did (see `docs/embed.md`): the set, the
/// team's number, points, the points possible and the round's time. No names.
fn post_results(entries: &[Entry], seconds: f64) {
    for (i, entry) in entries.iter().enumerate() {
        post_to_parent(
            "quiz-result",
            &[
                ("set", entry.set.as_str().into()),
                ("team", (i + 1).into()),
                ("teams", entries.len().into()),
                ("score", to_hundredths(entry.points).into()),
                ("max", entry.max.into()),
                ("seconds", seconds.into()),
            ],
        );
    }
}

fn current_team(round: RwSignal<Option<Round>>, teams: RwSignal<Vec<Animal>>) -> Option<Animal> {
    let team = round.with(|r| r.as_ref().and_then(|r| r.current().map(|t| t.team)))?;
    teams.with(|t| t.get(team).copied())
}

/// "Pass the tablet to …": a clear hand-over between teams.
#[component]
fn PassScreen(
    round: RwSignal<Option<Round>>,
    teams: RwSignal<Vec<Animal>>,
    on_ready: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let heading = NodeRef::<html::H2>::new();
    focus_on_mount(heading);
    let team = current_team(round, teams);
    view! {
        <section class="pass-screen">
            <h2 tabindex="-1" node_ref=heading>
                {tr(|t| t.pass_to)} " " {team.map(|animal| view! { <TeamBadge animal/> })}
            </h2>
            <button type="button" class="button big" on:click=single_click(on_ready)>{tr(|t| t.ready)}</button>
        </section>
    }
}

/// Whether a timed set's clock is on when the setup screen opens (the players can change it):
/// from grade 4 up. Kindergarten and grades 1-3 rounds are read aloud or read slowly, and "all
/// ages" is a family of mixed readers, the station's default too.
fn clock_on_at_start(age: Option<AgeBand>) -> bool {
    matches!(
        age,
        Some(AgeBand::Grades4To6 | AgeBand::Grades7To12 | AgeBand::Adults)
    )
}

/// The question waiting for an answer, with the team, progress and optional timer.
#[component]
fn AskScreen(
    set: StoredValue<QuizSet>,
    round: RwSignal<Option<Round>>,
    teams: RwSignal<Vec<Animal>>,
    /// Seconds per question, when the set has a clock and the players kept it on.
    timer: Option<u32>,
    on_answer: Callback<Answer>,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let heading = NodeRef::<html::H2>::new();
    focus_on_mount(heading);
    // Each team counts its own questions: with two teams of five, the second team's first
    // question is "1 of 5", not "2 of 10".
    let Some((turn, (number, total))) = round.with_untracked(|r| {
        r.as_ref()
            .and_then(|r| Some((r.current()?.clone(), r.team_progress()?)))
    }) else {
        return ().into_any();
    };
    let team = teams.with_untracked(|t| t.get(turn.team).copied());
    let multi_team = teams.with_untracked(|t| t.len() > 1);
    let question = set.with_value(|s| s.questions[turn.question].clone());
    let prompt = question.prompt.clone();
    let image = question.image.clone();
    // The answer as it stands on screen, once the player has made one: when time runs out it is
    // marked as if they had tapped "Check" (a food chain put in order is not thrown away).
    let draft = StoredValue::new(None::<Answer>);
    view! {
        <section class="ask">
            <p class="progress-line">
                {multi_team.then(|| team.map(|animal| view! { {tr(|t| t.now_playing)} <TeamBadge animal/> " " }))}
                {move || t().question_of.replace("{n}", &number.to_string()).replace("{total}", &total.to_string())}
            </p>
            {timer.map(|seconds| view! { <Countdown seconds on_timeout=move || on_answer.run(draft.get_value().unwrap_or(Answer::TimedOut))/> })}
            <h2 class="prompt" tabindex="-1" node_ref=heading>{move || prompt.get(lang.get()).to_owned()}</h2>
            {image.map(|image| {
                let url = image.url();
                view! { <img class="question-image" src=url alt=move || image.alt.get(lang.get()).to_owned() width="240" height="180"/> }
            })}
            <AnswerView question turn on_answer draft/>
        </section>
    }
    .into_any()
}

/// A per-question countdown (only when the set asks for one). Time running out simply ends
/// the question; answering fast earns nothing extra. It stands still while a kiosk station asks
/// "Still playing?".
#[component]
fn Countdown(seconds: u32, on_timeout: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let left = RwSignal::new(seconds);
    let asked = use_context::<StillPlayingAsked>();
    let handle = set_interval_with_handle(
        move || {
            if asked.is_some_and(|StillPlayingAsked(asked)| asked.get_untracked()) {
                return;
            }
            let now = left.get_untracked().saturating_sub(1);
            left.set(now);
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    let fired = StoredValue::new(false);
    Effect::new(move |_| {
        if left.get() == 0 && !fired.get_value() {
            fired.set_value(true);
            on_timeout();
        }
    });
    on_cleanup(move || {
        if let Some(handle) = handle {
            handle.clear();
        }
    });
    let say = move || {
        lang.get()
            .t()
            .seconds_left
            .replace("{n}", &left.get().to_string())
    };
    view! {
        <p class="countdown" aria-live="off">{say}</p>
        // Read out once, ten seconds before the end, not every second.
        <p class="visually-hidden" role="status">{move || (left.get() == 10).then(say)}</p>
    }
}

/// Right or wrong, what the player chose when it was not right, the right answer, why, and the
/// sources; then "next".
#[component]
fn FeedbackScreen(
    set: StoredValue<QuizSet>,
    quizzes: StoredValue<QuizContent>,
    round: RwSignal<Option<Round>>,
    marked: Marked,
    answer: Option<Answer>,
    on_next: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let heading = NodeRef::<html::H2>::new();
    focus_on_mount(heading);
    let (answered, over) = round.with_untracked(|r| {
        r.as_ref()
            .map(|r| {
                (
                    r.turns.get(r.marks.len().saturating_sub(1)).cloned(),
                    r.is_over(),
                )
            })
            .unwrap_or((None, true))
    });
    let Some(turn) = answered else {
        return ().into_any();
    };
    let question = set.with_value(|s| s.questions[turn.question].clone());
    // Each source by its title in the reader's language (a publisher's name is often only in
    // English), then who published it and when.
    let sources: Vec<_> =
        quizzes.with_value(|q| q.sources_for(&question.sources).cloned().collect());
    let cited = !sources.is_empty();
    let citations = move || {
        let lang = lang.get();
        sources
            .iter()
            .map(|s| format!("{} ({})", s.title.get(lang), s.publisher_and_year()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let explanation = question.explanation.clone();
    let prompt = question.prompt.clone();
    // Partly right is neither a tick nor a cross.
    let (feedback_class, symbol, verdict): (_, _, Pick) = match marked.verdict() {
        Verdict::Right => ("feedback right", "✓ ", |t| t.correct),
        Verdict::Partly => ("feedback partly", "◐ ", |t| t.partly_right),
        Verdict::Wrong => ("feedback wrong", "✗ ", |t| t.not_quite),
    };
    view! {
        <section class=feedback_class role="status">
            <h2 tabindex="-1" node_ref=heading>
                <span aria-hidden="true">{symbol}</span>
                {tr(verdict)}
            </h2>
            <p class="prompt-again">{move || prompt.get(lang.get()).to_owned()}</p>
            {answer.filter(|_| !marked.correct).map(|answer| view! { <YourAnswer question=question.clone() answer/> })}
            <div class="the-answer"><strong>{tr(|t| t.the_answer)}</strong><CorrectAnswer question/></div>
            <p class="explanation">{move || explanation.get(lang.get()).to_owned()}</p>
            {cited.then(|| view! {
                <p class="citations">{tr(|t| t.source_short)} {citations}</p>
            })}
        </section>
        <button type="button" class="button big" on:click=single_click(on_next)>
            {move || if over { t().see_results } else { t().next_question }}
        </button>
    }
    .into_any()
}

/// Stars as a row of symbols with a text alternative.
#[component]
fn Stars(count: u8) -> impl IntoView {
    let lang = use_lang();
    let symbols: String = (0..3).map(|i| if i < count { '★' } else { '☆' }).collect();
    view! {
        <span class="stars" role="img" aria-label=move || lang.get().t().stars_of.replace("{n}", &count.to_string())>
            {symbols}
        </span>
    }
}

/// Every team's points and stars, what to re-read, and what next.
#[component]
fn ResultsScreen(
    set: StoredValue<QuizSet>,
    round: RwSignal<Option<Round>>,
    teams: RwSignal<Vec<Animal>>,
    on_again: impl Fn() + Send + Sync + 'static,
    on_next_family: impl Fn() + Send + Sync + 'static,
    on_certificate: impl Fn(usize) + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let heading = NodeRef::<html::H2>::new();
    focus_on_mount(heading);
    let Some(r) = round.get_untracked() else {
        return ().into_any();
    };
    let results = r.results();
    let leaders = r.leaders();
    let review: Vec<usize> = r.to_review().iter().map(|turn| turn.question).collect();
    let team_names = teams.get_untracked();
    view! {
        <section class="results">
            <h2 tabindex="-1" node_ref=heading>{tr(|t| t.results)}</h2>
            <ul class="team-results">
                {results
                    .into_iter()
                    .enumerate()
                    .map(|(i, result)| {
                        let animal = team_names.get(i).copied().unwrap_or(Animal::Dolphin);
                        let leads = leaders.contains(&i) && team_names.len() > 1;
                        view! {
                            <li>
                                <TeamBadge animal/>
                                <span class="score">
                                    {move || {
                                        let t = t();
                                        let points = format_points(result.points);
                                        if result.max == 1.0 {
                                            t.points_of_one.replace("{points}", &points)
                                        } else {
                                            t.points_of.replace("{points}", &points).replace("{max}", &format_points(result.max))
                                        }
                                    }}
                                </span>
                                <Stars count=result.stars/>
                                {leads.then(|| view! { <span class="leader">{tr(|t| t.top_score)}</span> })}
                                <button type="button" class="button secondary" on:click=move |_| on_certificate(i)>
                                    {move || t().certificate_for.replace("{team}", animal.name(lang.get()))}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            // The next family's buttons first: the review list below can be long.
            <div class="actions">
                <button type="button" class="button big" on:click=single_click(on_again)>{tr(|t| t.play_again)}</button>
                <button type="button" class="button big secondary" on:click=single_click(on_next_family)>{tr(|t| t.next_family)}</button>
            </div>
            {(!review.is_empty()).then(|| view! {
                <h3>{tr(|t| t.worth_rereading)}</h3>
                <ul class="review">
                    {review
                        .into_iter()
                        .map(|q| {
                            let question = set.with_value(|s| s.questions[q].clone());
                            let prompt = question.prompt.clone();
                            let explanation = question.explanation.clone();
                            view! {
                                <li>
                                    <strong>{move || prompt.get(lang.get()).to_owned()}</strong>
                                    <span class="answer-line">{tr(|t| t.the_answer)}<CorrectAnswer question/></span>
                                    <span>{move || explanation.get(lang.get()).to_owned()}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            })}
        </section>
    }
    .into_any()
}

/// The River Guardian certificate of one team, ready to print on one A4 page.
#[component]
fn CertificateScreen(
    set: StoredValue<QuizSet>,
    round: RwSignal<Option<Round>>,
    teams: RwSignal<Vec<Animal>>,
    team: usize,
    on_back: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let heading = NodeRef::<html::H2>::new();
    focus_on_mount(heading);
    let result = round.with_untracked(|r| r.as_ref().and_then(|r| r.results().get(team).copied()));
    let animal = teams
        .with_untracked(|t| t.get(team).copied())
        .unwrap_or(Animal::Dolphin);
    let Some(result) = result else {
        return ().into_any();
    };
    let date = today();
    // A team that got none right still took part: its certificate says so, without a 0 and
    // three empty stars to take home.
    let scored = result.points > 0.0;
    let body = move || {
        let words = if scored {
            t().certificate_body
        } else {
            t().certificate_took_part
        };
        words
            .replace(
                "{set}",
                &set.with_value(|s| s.title.get(lang.get()).to_owned()),
            )
            .replace("{points}", &format_points(result.points))
            .replace("{max}", &format_points(result.max))
    };
    view! {
        <article class="certificate" aria-labelledby="certificate-heading">
            <img src="/icons/icon.svg" alt="" width="96" height="96"/>
            <h2 id="certificate-heading" tabindex="-1" node_ref=heading>{tr(|t| t.certificate_title)}</h2>
            <p class="certificate-name">{move || animal.name(lang.get())}</p>
            <p class="certificate-body">{body}</p>
            {scored.then(|| view! { <Stars count=result.stars/> })}
            <p class="certificate-thanks">{tr(|t| t.certificate_thanks)}</p>
            <p class="certificate-date"><LongDate iso=date/></p>
        </article>
        <div class="actions no-print">
            <PrintButton label=|t| t.print_certificate class="big family-print"/>
            <button type="button" class="button big secondary" on:click=move |_| on_back()>{tr(|t| t.back_to_results)}</button>
        </div>
    }
    .into_any()
}
