//! Answering each kind of question by tap or keyboard (every control is a button), and
//! showing the right answer afterwards.

use super::engine::{Answer, Turn};
use super::{own_click, shown_now, single_click, SLOW_DOUBLE_TAP_MS};
use crate::content::{LocalText, Question, QuestionKind};
use crate::i18n::Strings;
use crate::shell::{tr, use_lang};
use leptos::prelude::*;

/// The controls for answering `question`, laid out in the turn's shuffled order. `draft` keeps
/// the answer as it stands once the player has made one (options ticked, steps moved, every
/// item paired), for the clock to mark when it runs out; a one-tap answer has none.
#[component]
pub fn AnswerView(
    question: Question,
    turn: Turn,
    on_answer: Callback<Answer>,
    draft: StoredValue<Option<Answer>>,
) -> impl IntoView {
    match question.kind {
        QuestionKind::Single { options, .. } => {
            view! { <SingleChoice options order=turn.order on_answer/> }.into_any()
        }
        QuestionKind::Multiple { options, .. } => {
            view! { <MultipleChoice options order=turn.order on_answer draft/> }.into_any()
        }
        QuestionKind::TrueFalse { .. } => view! { <TrueFalse on_answer/> }.into_any(),
        QuestionKind::Ordering { steps } => {
            view! { <Ordering steps start=turn.order on_answer draft/> }.into_any()
        }
        QuestionKind::Matching { pairs } => {
            let left = pairs.iter().map(|p| p.left.clone()).collect();
            let right = pairs.into_iter().map(|p| p.right).collect();
            view! { <Matching left right order=turn.order on_answer draft/> }.into_any()
        }
    }
}

/// One tap answers.
#[component]
fn SingleChoice(
    options: Vec<LocalText>,
    order: Vec<usize>,
    on_answer: Callback<Answer>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="options">
            {order
                .into_iter()
                .map(|i| {
                    let text = options[i].clone();
                    view! {
                        <button type="button" class="option" on:click=single_click(move || on_answer.run(Answer::Choice(i)))>
                            {move || text.get(lang.get()).to_owned()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Toggle options, then check.
#[component]
fn MultipleChoice(
    options: Vec<LocalText>,
    order: Vec<usize>,
    on_answer: Callback<Answer>,
    draft: StoredValue<Option<Answer>>,
) -> impl IntoView {
    let lang = use_lang();
    let chosen: RwSignal<Vec<usize>> = RwSignal::new(Vec::new());
    let shown = shown_now();
    let toggle = move |i: usize| {
        chosen.update(|c| match c.iter().position(|&x| x == i) {
            Some(at) => {
                c.remove(at);
            }
            None => c.push(i),
        });
        draft.set_value(
            chosen.with_untracked(|c| (!c.is_empty()).then(|| Answer::Choices(c.clone()))),
        );
    };
    view! {
        <p class="hint">{tr(|t| t.hint_multiple)}</p>
        <div class="options">
            {order
                .into_iter()
                .map(|i| {
                    let text = options[i].clone();
                    view! {
                        <button
                            type="button"
                            class="option toggle"
                            aria-pressed=move || chosen.with(|c| c.contains(&i)).to_string()
                            on:click=own_click(shown, move |_| toggle(i))
                        >
                            {move || text.get(lang.get()).to_owned()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <button
            type="button"
            class="button big"
            disabled=move || chosen.with(Vec::is_empty)
            on:click=single_click(move || on_answer.run(Answer::Choices(chosen.get_untracked())))
        >
            {tr(|t| t.check_answer)}
        </button>
    }
}

/// Two big buttons.
#[component]
fn TrueFalse(on_answer: Callback<Answer>) -> impl IntoView {
    view! {
        <div class="options true-false">
            <button type="button" class="option yes" on:click=single_click(move || on_answer.run(Answer::Judgement(true)))>
                <span aria-hidden="true">"✓ "</span>{tr(|t| t.answer_true)}
            </button>
            <button type="button" class="option no" on:click=single_click(move || on_answer.run(Answer::Judgement(false)))>
                <span aria-hidden="true">"✗ "</span>{tr(|t| t.answer_false)}
            </button>
        </div>
    }
}

/// Select a step, then another: the two swap. Then check.
#[component]
fn Ordering(
    steps: Vec<LocalText>,
    start: Vec<usize>,
    on_answer: Callback<Answer>,
    draft: StoredValue<Option<Answer>>,
) -> impl IntoView {
    let lang = use_lang();
    let order = RwSignal::new(start);
    let selected: RwSignal<Option<usize>> = RwSignal::new(None);
    let steps = StoredValue::new(steps);
    let shown = shown_now();
    // What a swap did, for a screen reader: the focused button now holds another step, and a
    // changed name is not announced.
    let swapped = RwSignal::new(String::new());
    let tap = move |position: usize| match selected.get_untracked() {
        Some(first) if first != position => {
            order.update(|o| o.swap(first, position));
            draft.set_value(Some(Answer::Order(order.get_untracked())));
            selected.set(None);
            let lang = lang.get_untracked();
            let step_at = |at: usize| {
                let step = order.with_untracked(|o| o[at]);
                format!(
                    "{}. {}",
                    at + 1,
                    steps.with_value(|s| s[step].get(lang).to_owned())
                )
            };
            swapped.set(format!("{} · {}", step_at(position), step_at(first)));
        }
        Some(_) => selected.set(None),
        None => selected.set(Some(position)),
    };
    view! {
        <p class="hint">{tr(|t| t.hint_order)}</p>
        <p class="visually-hidden" role="status">{swapped}</p>
        // `role="list"`: WebKit (VoiceOver on an iPad) drops the list of a list without bullets,
        // and with it "3 of 5"; the number is in each step's name too.
        <ol class="ordering" role="list">
            {move || {
                let lang = lang.get();
                order
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(position, step)| {
                        let text = steps.with_value(|s| s[step].get(lang).to_owned());
                        let is_selected = move || selected.get() == Some(position);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="option"
                                    aria-pressed=move || is_selected().to_string()
                                    on:click=own_click(shown, move |_| tap(position))
                                >
                                    <span class="position">{position + 1}</span><span class="visually-hidden">". "</span>
                                    {text}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        <button type="button" class="button big" on:click=single_click(move || on_answer.run(Answer::Order(order.get_untracked())))>
            {tr(|t| t.check_answer)}
        </button>
    }
}

/// The comma between an item and what it is matched with, as each language writes it.
fn comma(lang: crate::i18n::Lang) -> &'static str {
    if lang == crate::i18n::Lang::ZhCn {
        "，"
    } else {
        ", "
    }
}

/// Select a left item, then its match on the right. Then check.
#[component]
fn Matching(
    left: Vec<LocalText>,
    right: Vec<LocalText>,
    order: Vec<usize>,
    on_answer: Callback<Answer>,
    draft: StoredValue<Option<Answer>>,
) -> impl IntoView {
    let lang = use_lang();
    let n = left.len();
    let matches: RwSignal<Vec<Option<usize>>> = RwSignal::new(vec![None; n]);
    let shown = shown_now();
    let selected: RwSignal<Option<usize>> = RwSignal::new(Some(0));
    // Whether the player tapped the selected left item, rather than the game moving on to the
    // next unpaired one by itself.
    let picked = StoredValue::new(false);
    let left = StoredValue::new(left);
    let right = StoredValue::new(right);
    // The pair just made, for a screen reader (the tap was on the right; the pair's left item
    // says it too, but is not where the focus is).
    let paired = RwSignal::new(String::new());
    // Every left item's match, once each has one.
    let answer = move || {
        matches
            .with_untracked(|m| m.iter().copied().collect::<Option<Vec<usize>>>())
            .map(Answer::Matches)
    };
    // The right item last paired by the game's own selection, and when (`timeStamp`).
    let last_pair = StoredValue::new(None::<(usize, f64)>);
    let pair_with = move |r: usize, ev: leptos::ev::MouseEvent| {
        // The second tap of a double tap on an item just paired, a small child's slow one too,
        // leaves its pair alone (the game has moved on to the next left item); a tap of its own
        // pairs it with that item.
        let again = last_pair
            .get_value()
            .is_some_and(|(last, at)| last == r && ev.time_stamp() - at < SLOW_DOUBLE_TAP_MS);
        if !picked.get_value()
            && (again || ev.detail() >= 2)
            && matches.with_untracked(|m| m.contains(&Some(r)))
        {
            return;
        }
        last_pair.set_value((!picked.get_value()).then(|| (r, ev.time_stamp())));
        picked.set_value(false);
        let target = selected
            .get_untracked()
            .or_else(|| matches.with_untracked(|m| m.iter().position(Option::is_none)));
        let Some(l) = target else { return };
        matches.update(|m| {
            for slot in m.iter_mut() {
                if *slot == Some(r) {
                    *slot = None;
                }
            }
            m[l] = Some(r);
        });
        draft.set_value(answer());
        selected.set(matches.with_untracked(|m| m.iter().position(Option::is_none)));
        let lang = lang.get_untracked();
        paired.set(format!(
            "{}{}{}{}",
            left.with_value(|x| x[l].get(lang).to_owned()),
            comma(lang),
            lang.t().matched_with,
            right.with_value(|x| x[r].get(lang).to_owned())
        ));
    };
    let complete = move || matches.with(|m| m.iter().all(Option::is_some));
    view! {
        <p class="hint">{tr(|t| t.hint_match)}</p>
        <p class="visually-hidden" role="status">{paired}</p>
        <div class="matching">
            <ul class="match-left">
                {(0..n)
                    .map(|l| {
                        let matched = move || {
                            let lang = lang.get();
                            match matches.with(|m| m[l]) {
                                Some(r) => format!("{}{}", lang.t().matched_with, right.with_value(|x| x[r].get(lang).to_owned())),
                                None => lang.t().not_matched.to_owned(),
                            }
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="option"
                                    aria-pressed=move || (selected.get() == Some(l)).to_string()
                                    on:click=own_click(shown, move |_| {
                                        picked.set_value(true);
                                        selected.set(Some(l));
                                    })
                                >
                                    <span class="match-item">{move || left.with_value(|x| x[l].get(lang.get()).to_owned())}</span>
                                    <span class="match-state">{matched}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ul class="match-right">
                {order
                    .into_iter()
                    .map(|r| {
                        let paired_with = move || matches.with(|m| m.iter().position(|&x| x == Some(r)));
                        // Seen as a dashed border; heard as the item it is paired with.
                        let heard = move || {
                            let lang = lang.get();
                            paired_with().map(|l| format!("{}{}{}", comma(lang), lang.t().matched_with, left.with_value(|x| x[l].get(lang).to_owned())))
                        };
                        view! {
                            <li>
                                <button type="button" class="option" class:used=move || paired_with().is_some() on:click=own_click(shown, move |ev| pair_with(r, ev))>
                                    <span class="match-item">{move || right.with_value(|x| x[r].get(lang.get()).to_owned())}</span>
                                    <span class="visually-hidden">{heard}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
        <button
            type="button"
            class="button big"
            disabled=move || !complete()
            on:click=single_click(move || {
                if let Some(answer) = answer() {
                    on_answer.run(answer);
                }
            })
        >
            {tr(|t| t.check_answer)}
        </button>
    }
}

/// The right answer of a question, in words.
#[component]
pub fn CorrectAnswer(question: Question) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let t = lang.t();
        match &question.kind {
            QuestionKind::Single { options, answer } => options
                .get(*answer)
                .map(|o| o.get(lang).to_owned())
                .unwrap_or_default()
                .into_any(),
            QuestionKind::Multiple { options, answers, .. } => {
                let list: Vec<&str> = answers.iter().filter_map(|&i| options.get(i)).map(|o| o.get(lang)).collect();
                list.join(lang_separator(lang)).into_any()
            }
            QuestionKind::TrueFalse { answer } => (if *answer { t.answer_true } else { t.answer_false }).into_any(),
            QuestionKind::Ordering { steps } => {
                let list: Vec<&str> = steps.iter().map(|s| s.get(lang)).collect();
                list.join(" → ").into_any()
            }
            QuestionKind::Matching { pairs } => view! {
                <ul class="pairs">
                    {pairs
                        .iter()
                        .map(|p| view! { <li>{p.left.get(lang).to_owned()} " → " {p.right.get(lang).to_owned()}</li> })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        }
    }
}

/// What the player chose, in words, for a feedback screen after a wrong or partly right answer:
/// the option, options or true/false they picked, or that time ran out; for ordering and
/// matching questions their order or pairs, each marked right (✓) or wrong (✗), so a child sees
/// which step or pair to look at again in the right answer below.
#[component]
pub fn YourAnswer(question: Question, answer: Answer) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let t = lang.t();
        let chosen = match (&question.kind, &answer) {
            (_, Answer::TimedOut) => {
                return Some(view! { <p class="your-answer">{t.time_ran_out}</p> }.into_any())
            }
            (QuestionKind::Single { options, .. }, Answer::Choice(i)) => {
                options.get(*i).map(|o| o.get(lang).to_owned())
            }
            (
                QuestionKind::Multiple {
                    options, answers, ..
                },
                Answer::Choices(picked),
            ) => {
                let mut picked = picked.clone();
                picked.sort_unstable();
                let items = picked.into_iter().filter_map(|i| {
                    Some((answers.contains(&i), options.get(i)?.get(lang).to_owned()))
                });
                return Some(arrangement(t, t.wrong_pick, items));
            }
            (QuestionKind::TrueFalse { .. }, Answer::Judgement(said)) => {
                Some((if *said { t.answer_true } else { t.answer_false }).to_owned())
            }
            (QuestionKind::Ordering { steps }, Answer::Order(order)) => {
                let items = order.iter().enumerate().filter_map(|(place, &step)| {
                    let text = steps.get(step)?.get(lang).to_owned();
                    Some((place == step, text))
                });
                return Some(arrangement(t, t.misplaced_step, items));
            }
            (QuestionKind::Matching { pairs }, Answer::Matches(matches)) => {
                let items = matches.iter().enumerate().filter_map(|(left, &right)| {
                    let (l, r) = (pairs.get(left)?, pairs.get(right)?);
                    Some((
                        left == right,
                        format!("{} → {}", l.left.get(lang), r.right.get(lang)),
                    ))
                });
                return Some(arrangement(t, t.wrong_pair, items));
            }
            _ => None,
        }?;
        Some(
            view! { <p class="your-answer"><strong>{t.your_answer}</strong>{chosen}</p> }
                .into_any(),
        )
    }
}

/// The player's ticks, steps or pairs as a list under "You chose", each `(right, text)` marked ✓ or ✗,
/// a wrong one also heard as wrong (`wrong`: its words for a screen reader).
fn arrangement(
    t: &'static Strings,
    wrong: &'static str,
    items: impl Iterator<Item = (bool, String)>,
) -> AnyView {
    view! {
        <div class="your-answer">
            <strong>{t.your_answer}</strong>
            <ol>
                {items
                    .map(|(right, text)| view! {
                        <li class:wrong-item=!right>
                            <span aria-hidden="true">{if right { "✓ " } else { "✗ " }}</span>
                            {(!right).then(|| view! { <span class="visually-hidden">{wrong}</span> })}
                            {text}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </div>
    }
    .into_any()
}

fn lang_separator(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::ZhCn => "、",
        crate::i18n::Lang::En => "; ",
    }
}
