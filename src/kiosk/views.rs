//! The kiosk layer over every page: idle countdown, attract screen, organizer menu.

use super::idle::{card_hold_seconds, idle_phase, parse_idle_seconds, IdlePhase};
use super::StillPlayingAsked;
use crate::content::{AgeBand, SiteContent};
use crate::i18n::Lang;
use crate::lazy::lazy_view;
use crate::quiz::saved::SAVED_ROUND_KEY;
use crate::shell::{
    after_next_paint, focus_if_lost, is_embedded, tr, use_lang, use_prefs, use_set_lang,
    EmergencyButton, Pref, SiteResource, AGE_KEY, ALL_AGES,
};
use crate::storage;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use std::time::Duration;
use wasm_bindgen::JsCast;

const KIOSK_KEY: &str = "kiosk";
/// How long a station whose code could not be downloaded waits before trying again.
const STATION_RETRY: Duration = Duration::from_secs(30);
const STATION_LANG_KEY: &str = "kiosk.lang";
const STATION_AGE_KEY: &str = "kiosk.age";
/// The organizer PIN as site.json last gave it ("" for none), for when site.json cannot be read.
const STATION_PIN_KEY: &str = "kiosk.pin";
/// The address's switches that set up a station (idle time, display) rather than a family's
/// visit: `?text=large` is a family's, and starting over turns it off.
const STATION_SWITCHES: [&str; 4] = ["idle", "contrast", "motion", "sound"];
/// Saved state that belongs to one family and is cleared when the station starts over. The
/// leaderboard of the day and the station's own settings stay.
const FAMILY_STATE: [&str; 3] = ["checklist.", "quiz.seen.", AGE_KEY];
/// The default idle time when neither the URL nor `site.json` sets one.
const DEFAULT_IDLE_SECONDS: u32 = 90;
/// How long the organizer button must be held.
const LONG_PRESS_MS: u64 = 1500;

/// The language each family starts in: the one the station was set up with, else zh-CN.
fn station_lang() -> Lang {
    storage::load(STATION_LANG_KEY)
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// Puts the language and type size back to the station's for the next family (the station's
/// starting over, and the quiz's "Next family" at a station: both hand the tablet on).
fn use_station_welcome() -> impl Fn() + Clone + 'static {
    let set_lang = use_set_lang();
    let prefs = use_prefs();
    move || {
        set_lang(station_lang());
        prefs.forget(Pref::LargeText);
    }
}

/// At a kiosk station, gives the next family the station's language, normal type and age band
/// (on this page, in its address), and forgets the last family's checklist ticks and seen
/// questions, as the station's starting over does: a grandparent's
/// "Kindergarten" would otherwise give the next family of ten-year-olds a four-question round
/// from the easiest bank. In a browser that is no station, the returned function does nothing.
pub fn use_welcome_next_family() -> impl Fn() + Clone + 'static {
    let welcome = use_station_welcome();
    // A lesson embed on a station's device is no station (the layout draws no kiosk layer in
    // embeds), though it shares the device's storage.
    let embedded = is_embedded();
    let navigate = use_navigate();
    let location = use_location();
    move || {
        if embedded || storage::load(KIOSK_KEY).as_deref() != Some("1") {
            return;
        }
        welcome();
        // The last family's checklist ticks and seen questions, as starting over forgets them.
        storage::clear(&FAMILY_STATE);
        // Always in the address, "all" too: a band the last family saved on the device, not in
        // the address, would leave the address and so the page's band as they were.
        let mut query = location.query.get_untracked();
        query.replace(
            "age",
            give_station_age().unwrap_or_else(|| ALL_AGES.to_owned()),
        );
        // The language switch above may have rewritten the address already: say the same.
        if query.get("lang").is_some() {
            query.replace("lang", station_lang().code().to_owned());
        }
        navigate(
            &format!(
                "{}{}",
                location.pathname.get_untracked(),
                query.to_query_string()
            ),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    }
}

/// Makes the station's age band (none: all ages) the device's choice, for the next family, and
/// returns it.
fn give_station_age() -> Option<String> {
    let band = storage::load(STATION_AGE_KEY);
    match &band {
        Some(band) => storage::save(AGE_KEY, band),
        None => storage::remove(AGE_KEY),
    }
    band
}

/// Whether the station is in kiosk mode, and its screens.
#[derive(Clone, Copy)]
struct Kiosk {
    on: RwSignal<bool>,
    attract: RwSignal<bool>,
}

/// Turns kiosk mode on from `?mode=kiosk` (remembered, so a tablet that restarts comes back in
/// kiosk mode) and draws the kiosk layer while it is on. Placed once, in the layout.
#[component]
pub fn KioskLayer() -> impl IntoView {
    let query = use_query_map();
    let from_url = query.with_untracked(|q| q.get("mode")).as_deref() == Some("kiosk");
    if from_url {
        storage::save(KIOSK_KEY, "1");
        // `?mode=kiosk&lang=en` sets up an English station, as the organizer menu would.
        if let Some(lang) = query
            .with_untracked(|q| q.get("lang"))
            .as_deref()
            .and_then(Lang::from_code)
        {
            storage::save(STATION_LANG_KEY, lang.code());
        }
    }
    let on = from_url || storage::load(KIOSK_KEY).as_deref() == Some("1");
    let at_home = window().location().pathname().is_ok_and(|p| p == "/");
    let kiosk = Kiosk {
        on: RwSignal::new(on),
        attract: RwSignal::new(on && at_home),
    };
    let url_idle = query
        .with_untracked(|q| q.get("idle"))
        .as_deref()
        .and_then(parse_idle_seconds);
    // The station's settings from its address, which starting over keeps in the address, so a
    // reload (an update, a tablet that restarts) brings the station back as it was set up.
    let station_home = StoredValue::new(query.with_untracked(|q| {
        let mut kept = ParamsMap::new();
        for name in STATION_SWITCHES {
            if let Some(value) = q.get(name) {
                kept.insert(name, value);
            }
        }
        format!("/{}", kept.to_query_string())
    }));
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("kiosk", kiosk.on.get());
        }
    });
    // Offline before the service worker stored the chunk, the page is a plain one with no
    // station (no idle reset, no organizer button, and Settings hidden by the kiosk class): the
    // download is tried again every half minute until it comes.
    let attempt = RwSignal::new(0u32);
    view! {
        <Show when=move || kiosk.on.get()>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    station(kiosk, url_idle, station_home).await.unwrap_or_else(|_| {
                        leptos::logging::warn!("kiosk: the station's code could not be downloaded");
                        set_timeout(
                            move || attempt.try_update(|n| *n += 1).unwrap_or_default(),
                            STATION_RETRY,
                        );
                        ().into_any()
                    })
                })
            }}
        </Show>
    }
}

lazy_view! {
    /// The station, in the quiz chunk (not in the main module: only kiosk tablets need it). A
    /// chunk of its own would split the code it shares with the other pages into many more
    /// small files, which a deep link then downloads one by one.
    fn station(kiosk: Kiosk, url_idle: Option<u32>, home: StoredValue<String>) in quiz {
        view! { <Station kiosk url_idle home/> }
    }
}

/// Everything a kiosk station runs while kiosk mode is on. `home` is where starting over goes:
/// the home page, with the station's switches.
#[component]
fn Station(kiosk: Kiosk, url_idle: Option<u32>, home: StoredValue<String>) -> impl IntoView {
    let SiteResource(site) = expect_context();
    // Only the kiosk part of site.json, so the idle tick reads a small value, not the whole file.
    let settings = Memo::new(move |_| {
        site.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .and_then(|s| s.kiosk.clone())
        })
    });
    let idle_seconds = move || {
        url_idle
            .or_else(|| settings.with(|k| k.as_ref().and_then(|k| k.idle_seconds)))
            .unwrap_or(DEFAULT_IDLE_SECONDS)
    };
    // The organizer PIN: `Some(None)` when site.json has none. Remembered on the device, so a
    // station whose site.json is missing or still loading (a weak signal) asks for the PIN it
    // last knew; one that never knew it (`None`) keeps the menu shut.
    let loaded_pin = move || {
        site.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|s| s.kiosk.as_ref().and_then(|k| k.organizer_pin.clone()))
        })
    };
    Effect::new(move |_| {
        if let Some(pin) = loaded_pin() {
            storage::save(STATION_PIN_KEY, pin.as_deref().unwrap_or(""));
        }
    });
    let pin = Signal::derive(move || {
        loaded_pin()
            .or_else(|| storage::load(STATION_PIN_KEY).map(|p| (!p.is_empty()).then_some(p)))
    });
    let phase = RwSignal::new(IdlePhase::Active);
    if let Some(StillPlayingAsked(asked)) = use_context() {
        Effect::new(move |_| asked.set(matches!(phase.get(), IdlePhase::Warning(_))));
        // Leaving kiosk mode while asking would otherwise keep every quiz clock stopped.
        on_cleanup(move || {
            asked.try_set(false);
        });
    }
    let last_touch = StoredValue::new(js_sys::Date::now());
    // Where the focus was when "Still playing?" took it; the family gets it back there (an
    // answer, a checkbox) when they carry on.
    let focus_before = StoredValue::new_local(None::<web_sys::Element>);
    let touched = move || {
        last_touch.set_value(js_sys::Date::now());
        if phase.get_untracked() != IdlePhase::Active {
            phase.set(IdlePhase::Active);
            // After this input's own focus change (a tap's mousedown focuses what is under it).
            let before = focus_before.try_update_value(Option::take).flatten();
            set_timeout(
                move || {
                    if let Some(before) = before.filter(|el| el.is_connected()) {
                        if let Some(before) = before.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = before.focus();
                        }
                    }
                },
                Duration::ZERO,
            );
        }
    };
    let listeners = [
        // A finger that comes down while "Still playing?" asks lifts onto the overlay, whose own
        // tap carries on: closed on the way down, the overlay would hand that tap to the answer
        // button under it.
        window_event_listener(ev::pointerdown, move |_| {
            if phase.get_untracked() == IdlePhase::Active {
                touched();
            }
        }),
        window_event_listener(ev::keydown, move |_| touched()),
        window_event_listener(ev::wheel, move |_| touched()),
        // A screen reader's swipes scroll the page as they read on, with no touch of the page's
        // own: a blind child reading an explanation is someone playing too. (Not focus moves:
        // the browser focuses again when a sleeping tablet wakes, and the app's own focus
        // after a quiz clock runs out is nobody's play.)
        window_event_listener(ev::scroll, move |_| {
            if phase.get_untracked() == IdlePhase::Active {
                touched();
            }
        }),
    ];
    // Links that would leave the app (sources, tile credits) do nothing on a station.
    let external = window_event_listener(ev::click, |event| {
        let link = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest("a[href^='http']").ok().flatten());
        if link.is_some() {
            event.prevent_default();
        }
    });
    let navigate = use_navigate();
    let welcome_next_family = use_station_welcome();
    let menu = RwSignal::new(MenuStage::Closed);
    let start_over = move || {
        storage::clear(&FAMILY_STATE);
        storage::forget_for_tab(SAVED_ROUND_KEY);
        give_station_age();
        // The next family starts in the station's language (zh-CN unless an organizer chose
        // another) and normal type, whatever the last family switched to; an organizer menu
        // left open closes, so nobody finds it unlocked.
        welcome_next_family();
        menu.set(MenuStage::Closed);
        navigate(
            &home.read_value(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
        kiosk.attract.set(true);
        last_touch.set_value(js_sys::Date::now());
        phase.set(IdlePhase::Active);
    };
    // Someone reading the emergency card (the numbers, the CPR steps) is not touching the
    // screen: the station does not ask under them, and starts over only after the card's long
    // hold. Leaving the card (a hardware Back is no touch) starts the idle time afresh.
    let pathname = use_location().pathname;
    let on_card = StoredValue::new(false);
    let tick = set_interval_with_handle(
        move || {
            if kiosk.attract.get_untracked() {
                last_touch.set_value(js_sys::Date::now());
                return;
            }
            let elapsed = (js_sys::Date::now() - last_touch.get_value()) / 1000.0;
            if pathname.with_untracked(|path| path.starts_with("/emergency")) {
                on_card.set_value(true);
                if elapsed >= card_hold_seconds(idle_seconds()) {
                    start_over();
                }
                return;
            }
            if on_card.get_value() {
                on_card.set_value(false);
                last_touch.set_value(js_sys::Date::now());
                return;
            }
            match idle_phase(elapsed, idle_seconds()) {
                IdlePhase::Reset => start_over(),
                now if now != phase.get_untracked() => {
                    let asking_now = phase.get_untracked() == IdlePhase::Active;
                    // Asking first: the focus a closed dialog gives back is not someone playing.
                    phase.set(now);
                    if asking_now {
                        close_open_dialogs();
                        focus_before.set_value(document().active_element());
                    }
                }
                _ => {}
            }
        },
        Duration::from_millis(250),
    );
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
        external.remove();
        if let Ok(tick) = tick {
            tick.clear();
        }
    });
    // "Still playing?" comes last, over an organizer menu left open: the menu closes when the
    // station starts over (nobody finds it unlocked), and the organizer sees it coming.
    view! {
        <Show when=move || kiosk.attract.get()>
            <AttractScreen on_start=move || kiosk.attract.set(false)/>
        </Show>
        <OrganizerButton kiosk menu pin/>
        {move || match phase.get() {
            IdlePhase::Warning(seconds) => view! { <StillPlaying seconds on_continue=touched/> }.into_any(),
            _ => ().into_any(),
        }}
    }
}

/// Closes the open modal dialogs (a share dialog left open), before "Still playing?" asks: in the
/// browser's top layer, one would cover it and make it inert, and the station would start over
/// unannounced in the middle of a scan. The focus goes back to what opened them.
fn close_open_dialogs() {
    while let Some(dialog) = document()
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .and_then(|dialog| {
            wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDialogElement>(dialog).ok()
        })
    {
        dialog.close();
    }
}

/// "Still playing?": the countdown before the station starts over.
#[component]
fn StillPlaying(seconds: u32, on_continue: impl Fn() + Copy + 'static) -> impl IntoView {
    let lang = use_lang();
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = button.get() {
            let _ = button.focus();
        }
    });
    view! {
        // A tap anywhere on it carries on (the button's own tap too, as it bubbles up).
        <div class="kiosk-overlay" role="alertdialog" aria-modal="true" aria-labelledby="still-playing" aria-describedby="still-playing-count" on:click=move |_| on_continue()>
            <div class="kiosk-panel">
                <h2 id="still-playing">{tr(|t| t.still_playing)}</h2>
                <p id="still-playing-count">{move || lang.get().t().starting_over_in.replace("{n}", &seconds.to_string())}</p>
                <button node_ref=button type="button" class="button big">{tr(|t| t.continue_playing)}</button>
            </div>
        </div>
    }
}

/// Makes the page under the attract screen (skip link, header, update banner, main, footer, the
/// organizer's corner button) inert, or not.
fn set_page_inert(inert: bool) {
    for selector in [
        ".skip-link",
        ".site-header",
        ".update-banner",
        "#main",
        ".site-footer",
        ".organizer-button",
    ] {
        if let Ok(Some(part)) = document().query_selector(selector) {
            let _ = if inert {
                part.set_attribute("inert", "")
            } else {
                part.remove_attribute("inert")
            };
        }
    }
}

/// The attract screen: a big "Tap to start", the three doors, and water facts in turn.
#[component]
fn AttractScreen(on_start: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let SiteResource(site) = expect_context();
    let loaded = move |read: &dyn Fn(&SiteContent) -> Option<String>| {
        site.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).and_then(read))
    };
    let fact = RwSignal::new(0usize);
    // Long enough for a child learning to read, or a grandparent, to finish one.
    let cycle = set_interval_with_handle(move || fact.update(|f| *f += 1), Duration::from_secs(10));
    on_cleanup(move || {
        if let Ok(cycle) = cycle {
            cycle.clear();
        }
    });
    let title = move || {
        loaded(&|s| Some(s.title.get(lang.get()).to_owned()))
            .unwrap_or_else(|| lang.get().t().app_name.to_owned())
    };
    let shown_fact = move || {
        loaded(&|s| {
            let facts = &s.water_facts;
            (!facts.is_empty()).then(|| facts[fact.get() % facts.len()].get(lang.get()).to_owned())
        })
    };
    let start = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(start) = start.get() {
            let _ = start.focus();
        }
    });
    // The page under the screen is out of reach (Tab, a screen reader's swipes) while it shows:
    // focus on a control hidden under it would be lost to the eye.
    Effect::new(|_| set_page_inert(true));
    on_cleanup(|| set_page_inert(false));
    let tap_to_start = move |_| {
        on_start();
        // The button goes with the screen: the focus, fallen to the document, to the page it
        // uncovers (not when it has been put somewhere since, the organizer's corner button).
        after_next_paint(|| focus_if_lost("main"));
    };
    view! {
        <div class="attract" role="dialog" aria-modal="true" aria-labelledby="attract-title">
            <h1 id="attract-title">{title}</h1>
            <button node_ref=start type="button" class="attract-start" on:click=tap_to_start>{tr(|t| t.tap_to_start)}</button>
            <ul class="attract-doors">
                // The emergency card in one tap, as from every page's header (which this covers).
                <li on:click=move |_| on_start()><EmergencyButton/></li>
                <li><A href="/quiz" on:click=move |_| on_start()>{tr(|t| t.quiz)}</A></li>
                <li><A href="/guide" on:click=move |_| on_start()>{tr(|t| t.guide)}</A></li>
                <li><A href="/map" on:click=move |_| on_start()>{tr(|t| t.map)}</A></li>
            </ul>
            {move || shown_fact().map(|text| view! { <p class="attract-fact">{text}</p> })}
        </div>
    }
}

/// A small corner button: held for 1.5 s (pointer, or Enter/Space held down) it opens the
/// organizer menu, behind the PIN from `site.json` when there is one (`pin`: `None` while no PIN
/// is known, and then the menu stays shut). `menu` is the station's, so
/// starting over closes the menu.
#[component]
fn OrganizerButton(
    kiosk: Kiosk,
    menu: RwSignal<MenuStage>,
    pin: Signal<Option<Option<String>>>,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let corner = NodeRef::<leptos::html::Button>::new();
    // A closed PIN prompt or menu gives the focus back to the corner button (not when the station
    // starts over: the start screen takes it).
    Effect::new(move |before: Option<MenuStage>| {
        let now = menu.get();
        if now == MenuStage::Closed
            && before.is_some_and(|b| b != MenuStage::Closed)
            && !kiosk.attract.get_untracked()
        {
            if let Some(corner) = corner.get_untracked() {
                let _ = corner.focus();
            }
        }
        now
    });
    let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let cancel = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
    };
    let begin = move || {
        if timer.get_value().is_some() {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                timer.set_value(None);
                match pin.get_untracked() {
                    Some(Some(_)) => menu.set(MenuStage::Pin),
                    Some(None) => menu.set(MenuStage::Menu),
                    // No PIN known yet: not the menu, which the PIN may guard.
                    None => {}
                }
            },
            Duration::from_millis(LONG_PRESS_MS),
        );
        timer.set_value(handle.ok());
    };
    view! {
        <button
            node_ref=corner
            type="button"
            class="organizer-button"
            aria-label=move || t().organizer_menu_hold
            on:pointerdown=move |_| begin()
            on:pointerup=move |_| cancel()
            on:pointerleave=move |_| cancel()
            on:keydown=move |ev| if matches!(ev.key().as_str(), "Enter" | " ") { ev.prevent_default(); begin() }
            on:keyup=move |_| cancel()
            on:contextmenu=move |ev| ev.prevent_default()
        >
            <span aria-hidden="true">"⚙"</span>
        </button>
        {move || match menu.get() {
            MenuStage::Closed => ().into_any(),
            MenuStage::Pin => view! { <PinPrompt pin=Signal::derive(move || pin.get().flatten()) on_done=move |ok: bool| menu.set(if ok { MenuStage::Menu } else { MenuStage::Closed })/> }.into_any(),
            MenuStage::Menu => view! { <OrganizerMenu kiosk on_close=move || menu.set(MenuStage::Closed)/> }.into_any(),
        }}
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MenuStage {
    Closed,
    Pin,
    Menu,
}

/// Asks for the organizer PIN.
#[component]
fn PinPrompt(
    pin: Signal<Option<String>>,
    on_done: impl Fn(bool) + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let entered = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        if pin.get_untracked().as_deref() == Some(entered.get_untracked().trim()) {
            on_done(true);
        } else {
            wrong.set(true);
            entered.set(String::new());
        }
    };
    view! {
        <div class="kiosk-overlay" role="dialog" aria-modal="true" aria-labelledby="pin-heading" on:keydown=move |ev| if ev.key() == "Escape" { on_done(false) }>
            // The Enter held down on the corner button to open this repeats into the PIN field:
            // a repeat must not send the empty field as a wrong PIN.
            <form class="kiosk-panel" on:submit=submit on:keydown=move |ev| if ev.repeat() { ev.prevent_default() }>
                <h2 id="pin-heading">{tr(|t| t.organizer_menu)}</h2>
                <label>
                    <span>{tr(|t| t.organizer_pin)}</span>
                    <input node_ref=input type="password" inputmode="numeric" autocomplete="off" prop:value=entered on:input=move |ev| entered.set(event_target_value(&ev))/>
                </label>
                <Show when=move || wrong.get()>
                    <p class="notice" role="alert">{move || lang.get().t().wrong_pin}</p>
                </Show>
                <div class="actions">
                    <button type="submit" class="button">{tr(|t| t.open)}</button>
                    <button type="button" class="button secondary" on:click=move |_| on_done(false)>{tr(|t| t.close)}</button>
                </div>
            </form>
        </div>
    }
}

/// The organizer's menu: the station's language and age band, fullscreen, the poster, the
/// leaderboard, and leaving kiosk mode.
#[component]
fn OrganizerMenu(
    kiosk: Kiosk,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let set_lang = use_set_lang();
    // The station's own choices, which the next family starts with: not the language on the
    // screen now, which the last family may have switched.
    let station_lang = RwSignal::new(station_lang());
    let station_age = RwSignal::new(
        storage::load(STATION_AGE_KEY)
            .as_deref()
            .and_then(AgeBand::from_code),
    );
    let choose_age = move |band: AgeBand| {
        storage::save(STATION_AGE_KEY, band.code());
        storage::save(AGE_KEY, band.code());
        station_age.set(Some(band));
    };
    let any_age = move || {
        storage::remove(STATION_AGE_KEY);
        storage::remove(AGE_KEY);
        station_age.set(None);
    };
    let fullscreen = move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.request_fullscreen();
        }
    };
    let clear_board = move |_| {
        if window()
            .confirm_with_message(t().confirm_clear)
            .unwrap_or(false)
        {
            crate::quiz::leaderboard::clear();
        }
    };
    let navigate = use_navigate();
    let exit = move |_| {
        // The station's choices go with it: a later `?mode=kiosk` starts from zh-CN and every age.
        for key in [
            KIOSK_KEY,
            STATION_LANG_KEY,
            STATION_AGE_KEY,
            STATION_PIN_KEY,
        ] {
            storage::remove(key);
        }
        kiosk.on.set(false);
        kiosk.attract.set(false);
        on_close();
        // Out of the address too, so a reload does not turn kiosk mode back on.
        navigate(
            "/",
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    // The menu takes the focus when it opens (the PIN field it replaces is gone), so a screen
    // reader says where the organizer is; Escape closes it.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! {
        <div class="kiosk-overlay" role="dialog" aria-modal="true" aria-labelledby="menu-heading" on:keydown=move |ev| if ev.key() == "Escape" { on_close() }>
            <div class="kiosk-panel organizer-menu">
                <h2 id="menu-heading" tabindex="-1" node_ref=heading>{tr(|t| t.organizer_menu)}</h2>
                <h3>{tr(|t| t.language)}</h3>
                <div class="actions">
                    {Lang::ALL.into_iter().map(|choice| {
                        let set_lang = set_lang.clone();
                        view! {
                            <button type="button" class="chip" lang=choice.code() aria-pressed=move || (station_lang.get() == choice).to_string() on:click=move |_| {
                                storage::save(STATION_LANG_KEY, choice.code());
                                station_lang.set(choice);
                                set_lang(choice);
                            }>{choice.native_name()}</button>
                        }
                    }).collect_view()}
                </div>
                <h3>{tr(|t| t.station_age)}</h3>
                <div class="actions">
                    <button type="button" class="chip" aria-pressed=move || station_age.with(Option::is_none).to_string() on:click=move |_| any_age()>
                        {tr(|t| t.all_ages)}
                    </button>
                    {AgeBand::ALL.into_iter().map(|band| view! {
                        <button type="button" class="chip" aria-pressed=move || (station_age.get() == Some(band)).to_string() on:click=move |_| choose_age(band)>
                            {move || t().age(band)}
                        </button>
                    }).collect_view()}
                </div>
                <div class="actions">
                    <button type="button" class="button secondary" on:click=fullscreen>{tr(|t| t.fullscreen)}</button>
                    <A href="/poster" attr:class="button secondary" on:click=move |_| on_close()>{tr(|t| t.poster)}</A>
                    <button type="button" class="button secondary" on:click=clear_board>{tr(|t| t.clear_leaderboard)}</button>
                    <button type="button" class="button secondary" on:click=exit>{tr(|t| t.exit_kiosk)}</button>
                    <button type="button" class="button" on:click=move |_| on_close()>{tr(|t| t.close)}</button>
                </div>
            </div>
        </div>
    }
}
