//! Quizzes: the engine (pure), team names, the device's leaderboard, and the views that play.

pub mod engine;
pub mod leaderboard;
mod play;
mod questions;
pub mod saved;
pub mod teams;
mod views;

pub use views::{QuizHome, QuizIndex, QuizPlay, QuizResource, WithQuizSet};

/// A click handler that does `action` on a click, but not on the second click of a double click
/// or double tap (`detail` 2), for the round's buttons that replace the screen at once: a
/// child's double tap on "Next question" would otherwise answer the next question with whatever
/// lay under the finger, before anyone had read it. A key press (`detail` 0) always acts. Not
/// for the buttons that change only themselves (a toggled option, a step picked to swap): two
/// quick taps on neighbours there count as a double tap too.
fn single_click(action: impl Fn() + 'static) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        if ev.detail() < 2 {
            action();
        }
    }
}

/// How long after a question appears the second click of a double click is taken for the end of
/// the tap that brought it (longer than any system's double-click time).
const CARRIED_TAP_MS: f64 = 600.0;

/// When a question is shown, on the clock of events' `timeStamp` (`performance.now()`).
fn shown_now() -> f64 {
    leptos::prelude::window()
        .performance()
        .map_or(0.0, |p| p.now())
}

/// The action of a control that changes only itself (a toggled option, a step picked to swap, a
/// match) on a question shown at `shown` ([`shown_now`]): it acts on every click, two quick taps
/// on neighbours included, but for the second click of a double tap that landed on it just after
/// the question appeared (a double tap on "Next question" would otherwise choose an option of
/// the next). The time is the question's, not the button's: a swap redraws the steps. The click
/// is timed when it happened, not when a busy tablet gets round to it.
fn own_click(
    shown: f64,
    action: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        if ev.detail() < 2 || ev.time_stamp() - shown > CARRIED_TAP_MS {
            action(ev);
        }
    }
}
