//! Feedback sounds: a short rising chime for a right answer, a soft falling one otherwise.
//! Made with Web Audio (no sound files to download); off when the sound preference is off and
//! always off in lesson embeds. A browser without audio simply stays silent.

use super::embed::is_embedded;
use super::prefs::{use_prefs, Pref};
use leptos::prelude::*;
use web_sys::{AudioContext, OscillatorType};

/// Returns the function that plays the feedback for an answer (`true` when right).
pub fn use_feedback_sound() -> impl Fn(bool) + Copy + 'static {
    let prefs = use_prefs();
    let embedded = is_embedded();
    let context: StoredValue<Option<AudioContext>, LocalStorage> = StoredValue::new_local(None);
    move |right: bool| {
        if embedded || !prefs.get(Pref::Sound) {
            return;
        }
        if context.with_value(Option::is_none) {
            context.set_value(AudioContext::new().ok());
        }
        context.with_value(|audio| {
            if let Some(audio) = audio {
                let notes: [f32; 2] = if right {
                    [523.25, 783.99]
                } else {
                    [392.0, 261.63]
                };
                for (i, frequency) in notes.into_iter().enumerate() {
                    let _ = tone(audio, frequency, 0.12 * i as f64, !right);
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
