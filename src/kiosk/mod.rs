//! Kiosk / event-station mode (`?mode=kiosk`): one tablet at a stall, passed from family to
//! family. After a spell without a touch it asks "Still playing?", then clears the family's
//! state (the day's leaderboard stays) and shows an attract screen; organizers reach a menu by
//! holding a corner button (and a PIN from `site.json`).

pub mod idle;
mod views;

pub use views::{use_welcome_next_family, KioskLayer};

use leptos::prelude::*;

/// Whether the kiosk station is asking "Still playing?" over the page. A quiz question's
/// countdown stands still while it asks, so the family does not come back to a question the clock
/// took behind the overlay.
#[derive(Clone, Copy)]
pub struct StillPlayingAsked(pub RwSignal<bool>);

/// Makes [`StillPlayingAsked`] available to the pages and the kiosk layer (done by the layout).
pub fn provide_still_playing_asked() {
    provide_context(StillPlayingAsked(RwSignal::new(false)));
}
