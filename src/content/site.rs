//! `site.json`: the site's title, the event, and the emergency numbers.

use super::validate::Problems;
use super::{LocalText, Problem, Validate};
use serde::{Deserialize, Serialize};

/// Where the site settings live, relative to the site root.
pub const SITE_FILE: &str = "content/site.json";

/// Site-wide settings shown on the home page and used by the emergency card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SiteContent {
    /// The site's title, e.g. 护河护水.
    pub title: LocalText,
    /// One line under the title.
    pub tagline: LocalText,
    /// The volunteer day this copy of the site is for.
    pub event: EventInfo,
    /// Emergency numbers and first steps, shown on the emergency card.
    pub emergency: EmergencyInfo,
    /// Short water facts, cycling on the kiosk attract screen.
    #[serde(default)]
    pub water_facts: Vec<LocalText>,
    /// Online raster tiles under the map; absent (the default) means the map uses no network.
    #[serde(default)]
    pub map_tiles: Option<TileLayer>,
    /// The site's public address (e.g. `https://rivers.example.org`), used in QR codes, shared
    /// links and embed code, so a poster printed from a laptop at the stall still points to the
    /// public site; absent means the address the page was opened from.
    #[serde(default)]
    pub public_url: Option<String>,
    /// Settings for a kiosk station at the stall (`?mode=kiosk`); absent means the defaults.
    #[serde(default)]
    pub kiosk: Option<KioskSettings>,
}

/// How a kiosk station behaves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KioskSettings {
    /// Seconds without a touch before "Still playing?" (default 90).
    #[serde(default)]
    pub idle_seconds: Option<u32>,
    /// Digits that open the organizer menu; absent means holding the corner button is enough.
    #[serde(default)]
    pub organizer_pin: Option<String>,
}

/// An online raster tile layer (e.g. OpenStreetMap-style `{z}/{x}/{y}` tiles), with its credit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TileLayer {
    /// Address template with `{z}`, `{x}` and `{y}`.
    pub url: String,
    /// The credit line the provider requires, shown under the map.
    pub attribution: LocalText,
    /// The deepest zoom level the server has.
    #[serde(default = "default_max_zoom")]
    pub max_zoom: u8,
}

fn default_max_zoom() -> u8 {
    19
}

impl TileLayer {
    /// The address of one tile.
    pub fn tile_url(&self, z: u8, x: u32, y: u32) -> String {
        self.url
            .replace("{z}", &z.to_string())
            .replace("{x}", &x.to_string())
            .replace("{y}", &y.to_string())
    }
}

/// The event: what, where, when, and who runs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EventInfo {
    /// The event's name.
    pub name: LocalText,
    /// Where it takes place.
    pub place: LocalText,
    /// Who organizes it.
    pub organizer: LocalText,
    /// The date as `YYYY-MM-DD`, or absent for a standing display.
    #[serde(default)]
    pub date: Option<String>,
}

/// What to call and what to do first in a water emergency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencyInfo {
    /// The numbers to call, most important first.
    pub numbers: Vec<EmergencyNumber>,
    /// The first steps (call, reach, throw, never go in).
    pub steps: Vec<LocalText>,
}

/// One emergency number with what it is for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencyNumber {
    /// The number to dial as people read it, e.g. `120` or `0750-3501234` (digit groups may be
    /// split by a dash or a space; the call link dials the digits alone).
    pub number: String,
    /// What the number is for, e.g. 急救 / Ambulance.
    pub label: LocalText,
}

/// What may split a number's digit groups (`0750-3501234`, `+852 999`); the call link drops them.
const DIGIT_GROUP_SEPARATORS: [char; 2] = [' ', '-'];

/// True for a plausible dialable number: 1 to 15 digits, with an optional leading `+`, in
/// groups split by single dashes or spaces (`0750-3501234`, `+852 999`).
fn is_dialable(number: &str) -> bool {
    let (mut digits, mut after_digit) = (0, false);
    for c in number.strip_prefix('+').unwrap_or(number).chars() {
        if c.is_ascii_digit() {
            (digits, after_digit) = (digits + 1, true);
        } else if after_digit && DIGIT_GROUP_SEPARATORS.contains(&c) {
            after_digit = false;
        } else {
            return false;
        }
    }
    after_digit && digits <= 15
}

impl EmergencyNumber {
    /// The `tel:` link that dials this number: its digits (and `+`) without the separators.
    pub fn call_link(&self) -> String {
        let mut link = String::from("tel:");
        link.extend(
            self.number
                .chars()
                .filter(|c| !DIGIT_GROUP_SEPARATORS.contains(c)),
        );
        link
    }
}

/// A calendar date written `YYYY-MM-DD`, as (year, month, day); `None` for anything else.
pub fn parse_iso_date(date: &str) -> Option<(u16, u8, u8)> {
    match date.split('-').collect::<Vec<_>>()[..] {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
            ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
        }
        _ => None,
    }
}

impl EmergencyInfo {
    /// Adds this part's mistakes to `p`, at their paths in `site.json`.
    fn check(&self, p: &mut Problems) {
        p.non_empty("emergency.numbers", &self.numbers);
        for (i, n) in self.numbers.iter().enumerate() {
            if !is_dialable(&n.number) {
                p.push(
                    format!("emergency.numbers[{i}].number"),
                    format!(
                        "\"{}\" is not a phone number (digits, in groups split by - or a space)",
                        n.number
                    ),
                );
            }
            p.text(format!("emergency.numbers[{i}].label"), &n.label);
        }
        p.non_empty("emergency.steps", &self.steps);
        for (i, step) in self.steps.iter().enumerate() {
            p.text(format!("emergency.steps[{i}]"), step);
        }
    }
}

/// The emergency part alone of a `site.json` with a mistake somewhere else (a typo in a water
/// fact, the PIN or `public_url`), when that part is whole and right: the emergency card then
/// shows the organizer's local numbers, not the built-in national ones. `None` when the text is
/// no JSON object or its emergency part has a mistake of its own.
pub fn emergency_alone(text: &str) -> Option<EmergencyInfo> {
    /// `site.json` read for its emergency part, every other field skipped unread.
    #[derive(Deserialize)]
    struct EmergencyPart {
        emergency: EmergencyInfo,
    }
    let part: EmergencyPart = serde_json::from_str(text).ok()?;
    let mut problems = Problems::default();
    part.emergency.check(&mut problems);
    problems.0.is_empty().then_some(part.emergency)
}

impl Validate for SiteContent {
    fn validate(&self) -> Vec<Problem> {
        let mut p = Problems::default();
        p.text("title", &self.title);
        p.text("tagline", &self.tagline);
        p.text("event.name", &self.event.name);
        p.text("event.place", &self.event.place);
        p.text("event.organizer", &self.event.organizer);
        if let Some(date) = &self.event.date {
            if parse_iso_date(date).is_none() {
                p.push(
                    "event.date",
                    format!("\"{date}\" is not a date written YYYY-MM-DD"),
                );
            }
        }
        self.emergency.check(&mut p);
        for (i, fact) in self.water_facts.iter().enumerate() {
            p.text(format!("water_facts[{i}]"), fact);
        }
        if let Some(url) = &self.public_url {
            let host = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"));
            // A trailing slash, as a browser's address bar copies it, is no path.
            let host = host.map(|h| h.strip_suffix('/').unwrap_or(h));
            if host.is_none_or(|h| h.is_empty() || h.contains(['/', '?', '#', ' '])) {
                p.push(
                    "public_url",
                    "must be an address like https://example.org, with no path",
                );
            }
        }
        if let Some(kiosk) = &self.kiosk {
            if kiosk
                .idle_seconds
                .is_some_and(|s| !(10..=3600).contains(&s))
            {
                p.push("kiosk.idle_seconds", "must be from 10 to 3600 seconds");
            }
            if let Some(pin) = &kiosk.organizer_pin {
                if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
                    p.push("kiosk.organizer_pin", "must be 4 to 8 digits");
                }
            }
        }
        if let Some(tiles) = &self.map_tiles {
            let url = &tiles.url;
            if !url.starts_with("https://")
                || !["{z}", "{x}", "{y}"].iter().all(|k| url.contains(k))
            {
                p.push(
                    "map_tiles.url",
                    "must start with https:// and contain {z}, {x} and {y}",
                );
            }
            p.text("map_tiles.attribution", &tiles.attribution);
            if tiles.max_zoom > 22 {
                p.push("map_tiles.max_zoom", "must be at most 22");
            }
        }
        p.into_vec()
    }
}
