//! Kiosk / event-station mode (`?mode=kiosk`): one tablet at a stall, passed from family to
//! family. After a spell without a touch it asks "Still playing?", then clears the family's
//! state (the day's leaderboard stays) and shows an attract screen; organizers reach a menu by
//! holding a corner button (and a PIN from `site.json`).

pub mod idle;
mod views;

pub use views::KioskLayer;
