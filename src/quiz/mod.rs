//! Quizzes: the engine (pure), team names, the device's leaderboard, and the views that play.

pub mod engine;
pub mod leaderboard;
mod play;
mod questions;
pub mod saved;
pub mod teams;
mod views;

pub use views::{QuizHome, QuizIndex, QuizPlay, QuizResource, WithQuizSet};

/// A click handler that does `action` on a click, but not on the second tap of a double tap,
/// for the round's buttons that replace the screen at once: a child's or grandparent's double tap
/// on "Next question" would otherwise answer the next question with whatever lay under the
/// finger, before anyone had read it. The second tap is known by `detail` 2 (a double click to
/// the browser) or, for a finger's slow one that the browser counts as a tap of its own (touch
/// taps 450 ms apart both have `detail` 1), by landing where the last such button's tap did, soon
/// after ([`is_carried_tap`]). A key press (`detail` 0) always acts. Not for the buttons that change
/// only themselves (a toggled option, a step picked to swap): see [`own_click`].
fn single_click(action: impl Fn() + 'static) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        if ev.detail() < 2 && !is_carried_tap(&ev) {
            LAST_SCREEN_TAP.set((ev.detail() > 0).then(|| {
                (
                    f64::from(ev.client_x()),
                    f64::from(ev.client_y()),
                    ev.time_stamp(),
                )
            }));
            action();
        }
    }
}

/// How long (ms) after a tap that replaced the screen a tap on the same spot is taken for the
/// second tap of a slow double tap.
const SLOW_DOUBLE_TAP_MS: f64 = 700.0;

/// How near (CSS px) to the last tap a slow double tap's second tap lands.
const SAME_SPOT_PX: f64 = 40.0;

thread_local! {
    /// Where (`clientX`, `clientY`) and when (`timeStamp`) the last tap on a button that
    /// replaced the round's screen landed; `None` after a key press.
    static LAST_SCREEN_TAP: std::cell::Cell<Option<(f64, f64, f64)>> = const { std::cell::Cell::new(None) };
}

/// Whether a finger's (or pen's) tap is the second tap of a slow double tap on a button that
/// replaced the screen: on the same spot, within [`SLOW_DOUBLE_TAP_MS`]. A tap elsewhere, however
/// soon, is the player's own; a mouse's double click has `detail` 2, and a key press `detail` 0.
fn is_carried_tap(ev: &leptos::ev::MouseEvent) -> bool {
    // A click is a PointerEvent (read through Reflect: no glue of its own for the type); Safari
    // before 18.2 gives a plain MouseEvent, with no pointerType, for a finger's tap too.
    let pointer = js_sys::Reflect::get(ev, &"pointerType".into()).ok();
    let by_finger = ev.detail() > 0
        && pointer
            .and_then(|kind| kind.as_string())
            .is_none_or(|kind| kind == "touch" || kind == "pen");
    by_finger
        && LAST_SCREEN_TAP.get().is_some_and(|(x, y, at)| {
            ev.time_stamp() - at < SLOW_DOUBLE_TAP_MS
                && (f64::from(ev.client_x()) - x).hypot(f64::from(ev.client_y()) - y) < SAME_SPOT_PX
        })
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
/// the question appeared, or a slow one's second tap on the spot of "Next question"
/// ([`is_carried_tap`]): it would otherwise choose an option or step of the next. The time is the question's, not the button's: a swap redraws the steps. The click
/// is timed when it happened, not when a busy tablet gets round to it.
fn own_click(
    shown: f64,
    action: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        if (ev.detail() < 2 || ev.time_stamp() - shown > CARRIED_TAP_MS) && !is_carried_tap(&ev) {
            action(ev);
        }
    }
}
