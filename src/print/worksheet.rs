//! `/quiz/<set>/worksheet`: a quiz set for pen and paper, with its answer key on a page of its own.
//! Two buttons print the pupils' copies (no key) and the key alone; the browser's own Print
//! prints both.

use super::paper::{key_answer, letter, paper_choice_order, paper_order};
use crate::content::{AgeBand, LocalText, Question, QuestionKind, QuizContent, QuizSet};
use crate::i18n::{Lang, Pick};
use crate::quiz::WithQuizSet;
use crate::shell::{tr, use_lang, AgePicker, PageMeta};
use leptos::prelude::*;

/// The worksheet page: the age picker and print button on screen, then the sheet itself.
#[component]
pub fn WorksheetPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <WithQuizSet render=move |set, quizzes, age| view! { <Worksheet set quizzes lang=lang.get() age/> }/>
    }
}

/// One worksheet, drawn once for a language and age band (changing either draws it anew).
#[component]
fn Worksheet(
    set: QuizSet,
    quizzes: StoredValue<QuizContent>,
    lang: Lang,
    age: Option<AgeBand>,
) -> impl IntoView {
    let t = lang.t();
    let text = move |text: &LocalText| text.get(lang).to_owned();
    let questions: Vec<Question> = set.questions_for(age).map(|(_, q)| q.clone()).collect();
    let title = format!("{} · {}", text(&set.title), t.worksheet);
    let band = age.map(|band| t.age(band)).unwrap_or(t.all_ages);
    let empty = questions
        .is_empty()
        .then(|| view! { <p class="notice">{t.no_questions_for_age}</p> });
    let key = questions
        .iter()
        .map(|q| {
            let answer = key_answer(q).describe(t.answer_true, t.answer_false);
            let sources = quizzes.with_value(|all| {
                all.sources_for(&q.sources)
                    // On paper there is no link to follow: the address is written out.
                    .map(|s| format!("{} ({}) {}", s.title.get(lang), s.publisher_and_year(), s.url))
                    .collect::<Vec<_>>()
                    .join("; ")
            });
            view! {
                <li>
                    <strong class="key-answer">{answer}</strong>
                    " "
                    {text(&q.explanation)}
                    {(!sources.is_empty()).then(|| view! { <span class="key-source">{t.source_short}{sources}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageMeta title={
            let title = title.clone();
            move || title.clone()
        } description=move || t.worksheet_description.to_owned()/>
        <div class="page-tools no-print">
            <AgePicker/>
            <PrintButtons with_key=!questions.is_empty()/>
        </div>
        <article class="worksheet" aria-labelledby="worksheet-heading">
            <header class="sheet-head">
                <h1 id="worksheet-heading">{title.clone()}</h1>
                <p class="sheet-band">{band}</p>
                <p class="name-line">
                    <span>{t.name_line}</span>
                    <span>{t.class_line}</span>
                    <span>{t.date_line}</span>
                </p>
            </header>
            {empty}
            <ol class="paper-questions">
                {questions.iter().map(|q| view! { <PaperQuestion question=q.clone() lang/> }).collect_view()}
            </ol>
            {(!questions.is_empty()).then(|| view! {
                <section class="answer-key" aria-labelledby="answer-key-heading">
                    // The key printed alone says which band's sheet it marks: each band's
                    // questions are numbered from 1.
                    <h2 id="answer-key-heading">{t.answer_key} " · " {text(&set.title)} " · " {band}</h2>
                    <ol>{key}</ol>
                </section>
            })}
        </article>
    }
}

/// The classes `<html>` has while one part of the worksheet prints, for the print styles:
/// the pupils' copy without the key (a class set, or a two-sided printer, never hands out the
/// answers) and the key alone, for the teacher.
const PRINT_PARTS: [&str; 2] = ["print-sheet", "print-key"];

/// "Print worksheet" and, when there is a key, "Print answer key". A part's class lasts from its
/// button to the end of that print; a print the browser starts itself (its menu, Ctrl+P) clears
/// it and gives both parts, even where the button's print never ran (a frame that may not print).
#[component]
fn PrintButtons(with_key: bool) -> impl IntoView {
    // True while a button's print() runs (the browser's print events fire inside it).
    let ours = StoredValue::new(false);
    let mark = move |part: Option<&str>| {
        if let Some(root) = document().document_element() {
            let classes = root.class_list();
            for other in PRINT_PARTS {
                let _ = classes.toggle_with_force(other, part == Some(other));
            }
        }
    };
    let started = window_event_listener(leptos::ev::beforeprint, move |_| {
        if !ours.get_value() {
            mark(None);
        }
    });
    let ended = window_event_listener(leptos::ev::afterprint, move |_| mark(None));
    on_cleanup(move || {
        started.remove();
        ended.remove();
        mark(None);
    });
    let button = move |label: Pick, part: &'static str, class: &'static str| {
        view! {
            <button type="button" class=format!("button no-print {class}") on:click=move |_| {
                mark(Some(part));
                ours.set_value(true);
                let _ = window().print();
                ours.set_value(false);
            }>{tr(label)}</button>
        }
    };
    view! {
        {button(|t| t.print_worksheet, PRINT_PARTS[0], "big")}
        {with_key.then(|| button(|t| t.print_answer_key, PRINT_PARTS[1], "secondary"))}
    }
}

/// One question for pen and paper: boxes to tick, blanks to number, or columns to connect.
#[component]
fn PaperQuestion(question: Question, lang: Lang) -> impl IntoView {
    let t = lang.t();
    let text = move |text: &LocalText| text.get(lang).to_owned();
    let order = |n| paper_order(&question.id, n);
    // Options in any order; steps never as written (that would print them solved).
    let choices = |items: &[LocalText], class: &'static str, solved_as_written: bool| {
        let printed = if solved_as_written {
            order(items.len())
        } else {
            paper_choice_order(&question.id, items.len())
        };
        let items: Vec<String> = printed.into_iter().map(|i| text(&items[i])).collect();
        view! {
            <ul class=format!("paper-choices {class}")>
                {items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| view! { <li><span class="paper-box" aria-hidden="true"></span>{format!("{}. {item}", letter(i))}</li> })
                    .collect_view()}
            </ul>
        }
    };
    let (hint, body) = match &question.kind {
        QuestionKind::Single { options, .. } => {
            (t.paper_choose_one, choices(options, "", false).into_any())
        }
        QuestionKind::Multiple { options, .. } => {
            (t.paper_choose_all, choices(options, "", false).into_any())
        }
        QuestionKind::TrueFalse { .. } => (
            t.paper_true_false,
            view! {
                <ul class="paper-choices inline">
                    <li><span class="paper-box" aria-hidden="true"></span>{t.answer_true}</li>
                    <li><span class="paper-box" aria-hidden="true"></span>{t.answer_false}</li>
                </ul>
            }
            .into_any(),
        ),
        QuestionKind::Ordering { steps } => {
            (t.paper_order, choices(steps, "numbered", true).into_any())
        }
        QuestionKind::Matching { pairs } => {
            let right: Vec<String> = order(pairs.len())
                .into_iter()
                .map(|i| text(&pairs[i].right))
                .collect();
            (
                t.paper_match,
                view! {
                    <div class="paper-match">
                        // Numbered in the text, like the letters on the right: the key says
                        // "1–C", and a list's own numbers vanish in a flex row.
                        <ul class="paper-left">
                            {pairs
                                .iter()
                                .enumerate()
                                .map(|(i, p)| view! { <li>{format!("{}. {}", i + 1, text(&p.left))}<span class="paper-dot" aria-hidden="true"></span></li> })
                                .collect_view()}
                        </ul>
                        <ul class="paper-right">
                            {right
                                .into_iter()
                                .enumerate()
                                .map(|(i, item)| view! { <li><span class="paper-dot" aria-hidden="true"></span>{format!("{}. {item}", letter(i))}</li> })
                                .collect_view()}
                        </ul>
                    </div>
                }
                .into_any(),
            )
        }
    };
    view! {
        <li class="paper-question">
            <p class="paper-prompt">{text(&question.prompt)} " " <span class="paper-hint">{hint}</span></p>
            // Some prompts ask about their picture ("What does this sign mean?").
            {question.image.as_ref().map(|image| view! {
                <img class="paper-image" src=image.url() alt=image.alt.get(lang).to_owned() width="240" height="180"/>
            })}
            {body}
        </li>
    }
}
