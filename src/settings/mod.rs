//! Settings and privacy: language, age band and display preferences in one place, what this
//! device keeps (saved choices, the offline copy), and the button that clears it all.

mod views;

pub use views::{AboutPage, SettingsPage};
