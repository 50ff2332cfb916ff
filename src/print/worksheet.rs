//! `/quiz/<set>/worksheet`: a quiz set for pen and paper, with its answer key on a page of its own.
//! Two buttons print the pupils' copies (no key) and the key alone; the browser's own Print
//! prints both.

use super::paper::{key_answer, letter, paper_order};
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
                    .map(|s| format!("{} ({})", s.title.get(lang), s.publisher))
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
            <PrintPart label=|t| t.print_worksheet part="print-sheet" class="big"/>
            {(!questions.is_empty()).then(|| view! { <PrintPart label=|t| t.print_answer_key part="print-key" class="secondary"/> })}
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
                    <h2 id="answer-key-heading">{t.answer_key} " · " {text(&set.title)}</h2>
                    <ol>{key}</ol>
                </section>
            })}
        </article>
    }
}

/// Prints one part of the worksheet: `part` is the class `<html>` has while printing, for the
/// print styles (`print-sheet`: the pupils' copy without the key, so a class set and a two-sided
/// printer never hand out the answers; `print-key`: the key alone, for the teacher).
#[component]
fn PrintPart(label: Pick, part: &'static str, class: &'static str) -> impl IntoView {
    let mark = move |on: bool| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force(part, on);
        }
    };
    let printed = window_event_listener(leptos::ev::afterprint, move |_| mark(false));
    on_cleanup(move || printed.remove());
    view! {
        <button type="button" class=format!("button no-print {class}") on:click=move |_| {
            mark(true);
            let _ = window().print();
        }>{tr(label)}</button>
    }
}

/// One question for pen and paper: boxes to tick, blanks to number, or columns to connect.
#[component]
fn PaperQuestion(question: Question, lang: Lang) -> impl IntoView {
    let t = lang.t();
    let text = move |text: &LocalText| text.get(lang).to_owned();
    let order = |n| paper_order(&question.id, n);
    let choices = |items: &[LocalText], class: &'static str| {
        let items: Vec<String> = order(items.len())
            .into_iter()
            .map(|i| text(&items[i]))
            .collect();
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
            (t.paper_choose_one, choices(options, "").into_any())
        }
        QuestionKind::Multiple { options, .. } => {
            (t.paper_choose_all, choices(options, "").into_any())
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
        QuestionKind::Ordering { steps } => (t.paper_order, choices(steps, "numbered").into_any()),
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
