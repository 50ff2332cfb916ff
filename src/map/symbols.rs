//! Map symbols: each kind of place has its own shape, so hazards and rescue gear are told apart
//! without colour.

use crate::content::{GearKind, HazardKind, Place, PlaceKind};
use crate::i18n::Lang;
use leptos::prelude::*;

/// What a kind of place is called, for labels and the legend.
pub fn place_label(kind: &PlaceKind, lang: Lang) -> &'static str {
    let t = lang.t();
    match kind {
        PlaceKind::Checkpoint => t.kind_checkpoint,
        PlaceKind::Hazard(HazardKind::DeepWater) => t.kind_deep_water,
        PlaceKind::Hazard(HazardKind::SlipperyBank) => t.kind_slippery_bank,
        PlaceKind::Hazard(HazardKind::FastCurrent) => t.kind_fast_current,
        PlaceKind::Hazard(HazardKind::Other) => t.kind_hazard,
        PlaceKind::Rescue(GearKind::Lifebuoy) => t.kind_lifebuoy,
        PlaceKind::Rescue(GearKind::RescuePole) => t.kind_rescue_pole,
        PlaceKind::Rescue(GearKind::Other) => t.kind_rescue,
        PlaceKind::Toilet => t.kind_toilet,
        PlaceKind::Meeting => t.kind_meeting,
        PlaceKind::Story(_) => t.kind_story,
        PlaceKind::Place => t.kind_place,
    }
}

/// A place's name, or what it is when the file gives no name.
pub fn place_name(place: &Place, lang: Lang) -> String {
    match &place.name {
        Some(name) => name.get(lang).to_owned(),
        None => place_label(&place.kind, lang).to_owned(),
    }
}

/// The symbol of a place, centred on (0, 0), about 28 SVG units across. A checkpoint has a ring
/// in its route's colour, `ring`: each route's stops are numbered from 1, and side by side the
/// "2"s of two routes look alike.
#[component]
pub fn PlaceSymbol(kind: PlaceKind, order: Option<u32>, ring: Option<String>) -> impl IntoView {
    match kind {
        PlaceKind::Checkpoint => view! {
            <g class="sym sym-checkpoint">
                {ring.map(|colour| view! { <circle class="ring" r="13" stroke=colour/> })}
                <circle r="11"/>
                <text y="4.5" text-anchor="middle">{order.map(|o| o.to_string()).unwrap_or_else(|| "✓".into())}</text>
            </g>
        }
        .into_any(),
        PlaceKind::Hazard(hazard) => {
            let mark = match hazard {
                HazardKind::DeepWater => "≈",
                HazardKind::SlipperyBank => "/",
                HazardKind::FastCurrent => "»",
                HazardKind::Other => "!",
            };
            view! {
                <g class="sym sym-hazard">
                    <path d="M0 -13 L13 10 L-13 10 Z"/>
                    <text y="7" text-anchor="middle">{mark}</text>
                </g>
            }
            .into_any()
        }
        PlaceKind::Rescue(GearKind::RescuePole) => view! {
            <g class="sym sym-pole">
                <path d="M0 -12 L12 0 L0 12 L-12 0 Z"/>
                <path class="mark" d="M-5 6 L5 -6 M5 -6 L5 -1"/>
            </g>
        }
        .into_any(),
        // Gear the file does not name (a throw bag, an emergency phone) is not drawn as a
        // lifebuoy: a volunteer would run to a ring that is not there.
        PlaceKind::Rescue(GearKind::Other) => view! {
            <g class="sym sym-gear">
                <rect x="-10" y="-10" width="20" height="20" rx="3"/>
                <path class="mark" d="M0 -6 L0 6 M-6 0 L6 0"/>
            </g>
        }
        .into_any(),
        PlaceKind::Rescue(GearKind::Lifebuoy) => view! {
            <g class="sym sym-lifebuoy">
                <circle r="10" class="ring"/>
                <circle r="10" class="ring-bands"/>
            </g>
        }
        .into_any(),
        PlaceKind::Toilet => view! {
            <g class="sym sym-toilet">
                <rect x="-10" y="-10" width="20" height="20" rx="3"/>
                <text y="4" text-anchor="middle">"WC"</text>
            </g>
        }
        .into_any(),
        PlaceKind::Meeting => view! {
            <g class="sym sym-meeting">
                <path d="M0 -13 L3.8 -4 L13 -4 L5.6 2.2 L8.3 11.5 L0 6 L-8.3 11.5 L-5.6 2.2 L-13 -4 L-3.8 -4 Z"/>
            </g>
        }
        .into_any(),
        PlaceKind::Story(_) => view! {
            <g class="sym sym-story">
                <path d="M-11 -6 L0 -12 L11 -6 L11 6 L0 12 L-11 6 Z"/>
                <text y="4" text-anchor="middle">"★"</text>
            </g>
        }
        .into_any(),
        PlaceKind::Place => view! {
            <g class="sym sym-place">
                <circle r="7"/>
            </g>
        }
        .into_any(),
    }
}
