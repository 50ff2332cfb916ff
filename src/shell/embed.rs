//! Lesson embeds (`?embed=1`): a page alone, without the site's header, for a teacher's iframe.
//! The page tells its parent its height and, after a quiz, the results, by `postMessage`; see
//! `docs/embed.md` for the messages. Nothing personal is sent: no names, no device data.

use super::ALL_AGES;
use crate::content::AgeBand;
use crate::storage;
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Every message's `source` field, so a parent page can tell ours from others.
pub const MESSAGE_SOURCE: &str = "river-guardians";

/// Whether this page runs as an embed. Read once when the app starts, so links followed inside
/// the frame stay embedded; inside a frame the frame keeps it too, so a reload of the frame (its
/// "Try again", or the address of a page reached inside it) stays embedded.
#[derive(Clone, Copy)]
struct Embedded(bool);

/// Where this embed started: the embed code's own address (the one with `embed=`).
#[derive(Clone)]
struct EmbedStart(String);

/// The frame's key of [`EmbedStart`].
const START_KEY: &str = "embed.start";

/// Reads `?embed=1` (also `true`/`yes`) once, provides it to the app, marks `<html>` with the
/// `embedded` class for the styles, and starts reporting the page's height to the parent.
/// Returns whether the page is embedded. Call once, inside the router.
pub fn provide_embed() -> bool {
    let embedded = use_query_map()
        .with_untracked(|query| address_switch("embed", query))
        .is_some_and(|v| matches!(v.as_str(), "1" | "true" | "yes"));
    provide_context(Embedded(embedded));
    if embedded {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embedded");
        }
        report_height();
        // The frame keeps its start, so a reload on a page reached inside it still knows it.
        let location = window().location();
        let start = if use_query_map().with_untracked(|query| query.get("embed").is_some()) {
            let here = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            storage::save_for_tab(START_KEY, &here);
            Some(here)
        } else {
            storage::load_for_tab(START_KEY)
        };
        // A path starting `//` (a crafted `https://site//other.example/`) is another host's.
        let start = start.filter(|start| !start.starts_with("//"));
        if let Some(start) = start {
            provide_context(EmbedStart(start));
        }
    }
    embedded
}

/// In a lesson embed, the page the teacher embedded (its address, with `embed=`), for a way
/// back to it from a page reached inside the frame (the emergency card); `None` outside embeds.
pub fn embed_start() -> Option<String> {
    use_context::<EmbedStart>().map(|EmbedStart(start)| start)
}

/// In a lesson embed, the age band its address gives (`grades-1-3`, or `all`), for links from a
/// page reached inside the frame that should show the same band: it is not on the device.
pub fn embed_age() -> Option<String> {
    let start = embed_start()?;
    let (_, query) = start.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("age="))
        .filter(|code| *code == ALL_AGES || AgeBand::from_code(code).is_some())
        .map(str::to_owned)
}

/// A switch from the address (`?embed=`, `?text=`, …): its value in `query`. In a lesson's frame
/// the frame keeps it, so a frame reloaded on an address that lost it (a page reached inside it)
/// keeps it; the embed code's own address (with `embed=`) says every switch it wants, so one it
/// leaves out is off, whatever the frame kept before. In a tab of its own it lasts one visit (a
/// teacher who tries an embed address and then goes to the home page in that tab gets the whole
/// site).
pub fn address_switch(param: &str, query: &ParamsMap) -> Option<String> {
    let from_url = query.get(param);
    if !storage::in_frame() {
        return from_url;
    }
    let key = format!("switch.{param}");
    match from_url {
        Some(value) => {
            storage::save_for_tab(&key, &value);
            Some(value)
        }
        None if query.get("embed").is_some() => {
            storage::forget_for_tab(&key);
            None
        }
        None => storage::load_for_tab(&key),
    }
}

/// Whether the current page is a lesson embed.
pub fn is_embedded() -> bool {
    use_context::<Embedded>().is_some_and(|Embedded(e)| e)
}

/// Sends `{ source: "river-guardians", type: kind, ...fields }` to the parent window; does
/// nothing outside an iframe.
pub fn post_to_parent(kind: &str, fields: &[(&str, JsValue)]) {
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = Object::new();
    let _ = Reflect::set(&message, &"source".into(), &MESSAGE_SOURCE.into());
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    for (key, value) in fields {
        let _ = Reflect::set(&message, &(*key).into(), value);
    }
    let _ = parent.post_message(&message, "*");
}

/// Posts the document's height now and whenever it changes, so the parent can size the iframe
/// to fit without scrollbars.
fn report_height() {
    let Some(body) = document().body() else {
        return;
    };
    let measured = body.clone();
    let mut last = 0.0;
    // The body's own height (not the document's, which never drops below the frame's height).
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height != last {
            last = height;
            post_to_parent("height", &[("height", height.into())]);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    on_resize.forget();
}
