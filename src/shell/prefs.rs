//! Display preferences: large text, high contrast and reduced motion. Each is saved on the
//! device, and can be set for one visit from the URL (a projector link with `?text=large`, a
//! kiosk with `?contrast=high`), which wins over the saved choice without replacing it.

use crate::i18n::Strings;
use crate::storage;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// One display preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pref {
    /// Larger type everywhere: grandparents, projectors, bright sun.
    LargeText,
    /// Black on white with heavier borders.
    HighContrast,
    /// No animations or transitions (on top of the system's own setting).
    ReducedMotion,
}

impl Pref {
    /// Every preference, in the order the settings page lists them.
    pub const ALL: [Pref; 3] = [Pref::LargeText, Pref::HighContrast, Pref::ReducedMotion];

    fn index(self) -> usize {
        self as usize
    }

    /// The storage key, also the class set on `<html>` while the preference is on.
    fn key(self) -> &'static str {
        match self {
            Pref::LargeText => "large-text",
            Pref::HighContrast => "high-contrast",
            Pref::ReducedMotion => "reduce-motion",
        }
    }

    /// The URL parameter and value that turn it on for one visit.
    fn url_switch(self) -> (&'static str, &'static str) {
        match self {
            Pref::LargeText => ("text", "large"),
            Pref::HighContrast => ("contrast", "high"),
            Pref::ReducedMotion => ("motion", "reduce"),
        }
    }

    /// The preference's name in the interface.
    pub fn label(self, t: &'static Strings) -> &'static str {
        match self {
            Pref::LargeText => t.large_text,
            Pref::HighContrast => t.high_contrast,
            Pref::ReducedMotion => t.reduce_motion,
        }
    }
}

/// The current preferences, shared by the whole app.
#[derive(Clone, Copy)]
pub struct Prefs([RwSignal<bool>; 3]);

impl Prefs {
    /// Whether `pref` is on.
    pub fn get(self, pref: Pref) -> bool {
        self.0[pref.index()].get()
    }

    /// Turns `pref` on or off and saves the choice on the device.
    pub fn set(self, pref: Pref, on: bool) {
        self.0[pref.index()].set(on);
        storage::save(pref.key(), if on { "1" } else { "0" });
    }
}

/// Reads the saved preferences and the URL's one-visit switches, provides them to the app, and
/// keeps the classes on `<html>` in step. Call once, inside the router.
pub fn provide_prefs() {
    let query = use_query_map();
    let signals = Pref::ALL.map(|pref| {
        let (param, value) = pref.url_switch();
        let from_url = query.with_untracked(|q| q.get(param)).is_some_and(|v| v == value);
        RwSignal::new(from_url || storage::load(pref.key()).as_deref() == Some("1"))
    });
    provide_context(Prefs(signals));
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            for pref in Pref::ALL {
                let _ = root
                    .class_list()
                    .toggle_with_force(pref.key(), signals[pref.index()].get());
            }
        }
    });
}

/// The app's display preferences.
pub fn use_prefs() -> Prefs {
    expect_context()
}
