//! Feedback sounds: a short rising chime for a right answer, a level one for a partly right
//! answer, a soft falling one otherwise.
//! Made with Web Audio (no sound files to download); off when the sound preference is off and
//! always off in lesson embeds. A browser without audio simply stays silent.

use super::embed::is_embedded;
use super::frame::after_next_paint;
use super::prefs::{use_prefs, Pref};
use leptos::prelude::*;
use web_sys::{AudioContext, OscillatorType};

/// The two notes of a feedback chime.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Chime {
    /// Up a fifth: right.
    Rising,
    /// The same note twice: partly right.
    Level,
    /// Down, soft: not right.
    Falling,
}

/// Plays the feedback chimes of a game; `Copy`, so every handler can hold it.
#[derive(Clone, Copy)]
pub struct FeedbackSound {
    enabled: Signal<bool>,
    context: StoredValue<Option<AudioContext>, LocalStorage>,
}

/// The feedback sound of this page: silent in embeds and when the sound preference is off.
pub fn use_feedback_sound() -> FeedbackSound {
    let prefs = use_prefs();
    let embedded = is_embedded();
    FeedbackSound {
        enabled: Signal::derive(move || !embedded && prefs.get(Pref::Sound)),
        context: StoredValue::new_local(None),
    }
}

impl FeedbackSound {
    /// Opens the audio device after the next paint, so that the first answer does not wait for
    /// it (opening it costs tens of milliseconds on a slow phone). Call on the tap that starts a
    /// game: browsers let audio start only after the person has interacted with the page.
    pub fn prepare(self) {
        if !self.enabled.get_untracked() || self.context.with_value(Option::is_some) {
            return;
        }
        after_next_paint(move || self.open());
    }

    /// Opens the audio device unless it is open already.
    fn open(self) {
        if self.context.with_value(Option::is_none) {
            self.context.set_value(AudioContext::new().ok());
        }
    }

    /// Plays a chime for an answer.
    pub fn play(self, chime: Chime) {
        if !self.enabled.get_untracked() {
            return;
        }
        self.open();
        self.context.with_value(|audio| {
            if let Some(audio) = audio {
                let notes: [f32; 2] = match chime {
                    Chime::Rising => [523.25, 783.99],
                    Chime::Level => [523.25, 523.25],
                    Chime::Falling => [392.0, 261.63],
                };
                let soft = chime == Chime::Falling;
                for (i, frequency) in notes.into_iter().enumerate() {
                    let _ = tone(audio, frequency, 0.12 * i as f64, soft);
                }
            }
        });
    }
}

/// One short note `delay` seconds from now.
fn tone(
    audio: &AudioContext,
    frequency: f32,
    delay: f64,
    soft: bool,
) -> Result<(), wasm_bindgen::JsValue> {
    let start = audio.current_time() + delay;
    let oscillator = audio.create_oscillator()?;
    oscillator.set_type(if soft {
        OscillatorType::Triangle
    } else {
        OscillatorType::Sine
    });
    oscillator.frequency().set_value(frequency);
    let gain = audio.create_gain()?;
    let volume = gain.gain();
    volume.set_value_at_time(0.0001, start)?;
    volume.exponential_ramp_to_value_at_time(0.25, start + 0.02)?;
    volume.exponential_ramp_to_value_at_time(0.0001, start + 0.22)?;
    oscillator.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&audio.destination())?;
    oscillator.start_with_when(start)?;
    oscillator.stop_with_when(start + 0.25)
}
