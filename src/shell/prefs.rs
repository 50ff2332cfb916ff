//! Preferences: large text, high contrast, reduced motion and feedback sounds. Each is saved on
//! the device, and can be set for one visit from the URL (a projector link with `?text=large`,
//! a kiosk with `?contrast=high`, a quiet room with `?sound=off`), which wins over the saved
//! choice without replacing it. In a lesson's frame the frame keeps the switch: the projector's
//! large type stays through a reload of the frame.

use super::embed::address_switch;
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
    /// Feedback sounds after answering (on unless turned off; never in lesson embeds).
    Sound,
}

impl Pref {
    /// Every preference, in the order the settings page lists them.
    pub const ALL: [Pref; 4] = [
        Pref::LargeText,
        Pref::HighContrast,
        Pref::ReducedMotion,
        Pref::Sound,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// The storage key, also the class set on `<html>` while the preference is on.
    fn key(self) -> &'static str {
        match self {
            Pref::LargeText => "large-text",
            Pref::HighContrast => "high-contrast",
            Pref::ReducedMotion => "reduce-motion",
            Pref::Sound => "sound",
        }
    }

    /// Whether it is on when nothing is saved.
    fn default_on(self) -> bool {
        self == Pref::Sound
    }

    /// The URL parameter and the value that sets it for one visit, and what that value sets.
    fn url_switch(self) -> (&'static str, &'static str, bool) {
        match self {
            Pref::LargeText => ("text", "large", true),
            Pref::HighContrast => ("contrast", "high", true),
            Pref::ReducedMotion => ("motion", "reduce", true),
            Pref::Sound => ("sound", "off", false),
        }
    }

    /// The preference's name in the interface.
    pub fn label(self, t: &'static Strings) -> &'static str {
        match self {
            Pref::LargeText => t.large_text,
            Pref::HighContrast => t.high_contrast,
            Pref::ReducedMotion => t.reduce_motion,
            Pref::Sound => t.sound,
        }
    }
}

/// The current preferences, shared by the whole app.
#[derive(Clone, Copy)]
pub struct Prefs([RwSignal<bool>; 4]);

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

    /// `pref` back to how a device with nothing saved starts, its saved choice forgotten.
    pub fn forget(self, pref: Pref) {
        self.0[pref.index()].set(pref.default_on());
        storage::remove(pref.key());
    }
}

/// Reads the saved preferences and the URL's one-visit switches, provides them to the app, and
/// keeps the classes on `<html>` in step. Call once, inside the router.
pub fn provide_prefs() {
    let query = use_query_map();
    let signals = Pref::ALL.map(|pref| {
        let (param, value, sets) = pref.url_switch();
        let from_url = query
            .with_untracked(|query| address_switch(param, query))
            .is_some_and(|v| v == value);
        let saved = match storage::load(pref.key()).as_deref() {
            Some("1") => true,
            Some("0") => false,
            _ => pref.default_on(),
        };
        RwSignal::new(if from_url { sets } else { saved })
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
