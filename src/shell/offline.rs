//! Offline: registers the service worker (`sw.js`, generated at build time) that keeps the whole
//! site, content included, on the device after the first visit; says when the site is ready
//! offline, when the network is gone, and when a new version waits (reload to switch, never a
//! half-updated app); lists what the device keeps.

use super::{tr, use_lang};
use js_sys::{Array, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

/// What the app knows about its offline copy and the network.
#[derive(Clone, Copy)]
struct OfflineState {
    /// A service worker is active: every file of this build is stored on the device (but for
    /// content files and pictures the host no longer had when it installed).
    ready: RwSignal<bool>,
    /// A newer build is installed and waits for the user to reload.
    update_waiting: RwSignal<bool>,
    /// The browser believes it is online.
    online: RwSignal<bool>,
    /// The registration, to tell the waiting worker to take over.
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    /// A look for a new build that fails may be tried once more: one retry per regular look
    /// (see [`look_again_soon`]), so a deploy missing a file for good is not fetched every minute.
    retry_left: StoredValue<bool>,
}

fn has_service_worker() -> bool {
    Reflect::has(&window().navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false)
}

fn on_window_event(name: &str, handler: impl FnMut() + 'static) {
    let handler = Closure::<dyn FnMut()>::new(handler);
    let _ = window().add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
    // Listens for the life of the page.
    handler.forget();
}

/// Sets up the offline state for the whole app and, in release builds, registers the service
/// worker (a development server should always serve fresh files). Browsers without service
/// workers (old ones, plain-http addresses other than localhost) just stay online-only.
pub fn provide_offline() {
    // A page the worker serves has this build stored already: offline on the bank, the badge
    // says so at once, not "pages not opened before will not load" until the worker answers.
    let served_by_worker = !cfg!(debug_assertions) && has_service_worker() && has_controller();
    let state = OfflineState {
        ready: RwSignal::new(served_by_worker),
        update_waiting: RwSignal::new(false),
        online: RwSignal::new(window().navigator().on_line()),
        registration: StoredValue::new_local(None),
        retry_left: StoredValue::new(true),
    };
    provide_context(state);
    on_window_event("online", move || state.online.set(true));
    on_window_event("offline", move || state.online.set(false));
    if cfg!(debug_assertions) || !has_service_worker() {
        return;
    }
    spawn_local(async move {
        if !register_worker(state).await {
            return;
        }
        look_for_updates(state);
        if let Ok(ready) = window().navigator().service_worker().ready() {
            if JsFuture::from(ready).await.is_ok() {
                state.ready.set(true);
            }
        }
    });
}

/// Registers the service worker and watches its updates; false when the browser gives no
/// registration (offline on a first visit, or a host that blocks workers and resolves without
/// one).
async fn register_worker(state: OfflineState) -> bool {
    let registered = window().navigator().service_worker().register("/sw.js");
    let Some(registration) = JsFuture::from(registered)
        .await
        .ok()
        .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
    else {
        return false;
    };
    state.registration.set_value(Some(registration.clone()));
    let watched = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = watched.installing() {
            offer_once_installed(installing, state);
        }
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
    // The browser may have found the update before the handler above was set (its own check
    // right after the page loads): one still installing is watched, one installed is offered.
    if let Some(installing) = registration.installing() {
        offer_once_installed(installing, state);
    }
    if registration.waiting().is_some() && has_controller() {
        state.update_waiting.set(true);
    }
    true
}

/// How often an open page asks for a new build: a stall's tablet left open all day never
/// navigates, and the browser looks for a new service worker only on navigations.
const UPDATE_CHECK: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// Asks the browser to look for a new build every [`UPDATE_CHECK`] and when the network comes
/// back, so a deploy during the event reaches open pages as the update banner.
fn look_for_updates(state: OfflineState) {
    let check = move || {
        state.retry_left.set_value(true);
        look_for_update(state);
    };
    set_interval(check, UPDATE_CHECK);
    on_window_event("online", check);
}

/// Asks the browser for a new build. Offline the request fails: nothing to say (and no
/// unhandled rejection), but see [`look_again_soon`]. With no worker serving the page the first
/// install failed (a signal lost mid-way), and the browser dropped the registration: it is made
/// again, so a tablet left open still gets its offline copy.
fn look_for_update(state: OfflineState) {
    if !has_controller() {
        spawn_local(async move {
            if !register_worker(state).await {
                look_again_soon(state);
            }
        });
        return;
    }
    let Some(Ok(looking)) = state.registration.get_value().map(|r| r.update()) else {
        return;
    };
    spawn_local(async move {
        if JsFuture::from(looking).await.is_err() {
            look_again_soon(state);
        }
    });
}

/// How long after a look that failed the app looks once more. The browser says "online" as soon
/// as the tablet joins a network, often before anything gets through, and a deploy still being
/// uploaded lacks files: either way the next half-hourly look would be the next chance.
const LOOK_AGAIN: std::time::Duration = std::time::Duration::from_secs(60);

/// After a look that failed, or an install that failed, looks once more after [`LOOK_AGAIN`],
/// unless this look was already the retry.
fn look_again_soon(state: OfflineState) {
    if state.retry_left.get_value() {
        state.retry_left.set_value(false);
        set_timeout(move || look_for_update(state), LOOK_AGAIN);
    }
}

/// Whether a service worker serves this page (a first install has none yet).
fn has_controller() -> bool {
    crate::content::serving_worker().is_some()
}

/// Offers the new version once `worker`, an update being installed, has installed. A first
/// install (no worker serves the page yet) is "ready offline", not an update. An install that
/// fails is tried once more soon ([`look_again_soon`]).
fn offer_once_installed(worker: ServiceWorker, state: OfflineState) {
    let watched = worker.clone();
    let mut installed = false;
    let on_state = Closure::<dyn FnMut()>::new(move || match watched.state() {
        ServiceWorkerState::Installed => {
            installed = true;
            if has_controller() {
                state.update_waiting.set(true);
            }
        }
        // Its install failed (a file missing or the signal lost mid-way): look once more soon.
        // (One that installed and was later replaced by a newer build did its job.)
        ServiceWorkerState::Redundant if !installed => look_again_soon(state),
        _ => {}
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Tells the waiting worker to take over, and reloads once it has, so the page and its files
/// always come from one build.
fn apply_update(state: OfflineState) {
    let Some(waiting) = state.registration.get_value().and_then(|r| r.waiting()) else {
        let _ = window().location().reload();
        return;
    };
    let container = window().navigator().service_worker();
    let reload = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
}

/// "A new version is ready — Reload": shown once a newer build has been stored.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let state = expect_context::<OfflineState>();
    view! {
        <Show when=move || state.update_waiting.get()>
            <div class="update-banner" role="status">
                <span>{tr(|t| t.update_ready)}</span>
                <button type="button" class="button" on:click=move |_| apply_update(state)>{tr(|t| t.reload)}</button>
            </div>
        </Show>
    }
}

/// A small status line: offline ready, working offline from the stored copy, or offline with
/// none stored (a first visit, or a browser without service workers).
#[component]
pub fn OfflineBadge() -> impl IntoView {
    let state = expect_context::<OfflineState>();
    let lang = use_lang();
    let text = move || {
        let t = lang.get().t();
        match (state.online.get(), state.ready.get()) {
            (false, true) => Some(t.working_offline),
            (false, false) => Some(t.offline_nothing_saved),
            (true, true) => Some(t.offline_ready),
            (true, false) => None,
        }
    };
    view! { <p class="offline-badge" role="status">{text}</p> }
}

/// The files of the offline copy, by kind: the app, content, pictures.
#[derive(Clone, Debug, Default, PartialEq)]
struct CachedFiles {
    version: String,
    app: Vec<String>,
    content: Vec<String>,
    pictures: Vec<String>,
}

async fn read_cache() -> Result<Option<CachedFiles>, JsValue> {
    if !Reflect::has(&window(), &JsValue::from_str("caches"))? {
        return Ok(None);
    }
    let caches = window().caches()?;
    let names: Array = JsFuture::from(caches.keys()).await?.unchecked_into();
    let Some(name) = names
        .iter()
        .filter_map(|n| n.as_string())
        .find(|n| n.starts_with("rg-"))
    else {
        return Ok(None);
    };
    let cache: web_sys::Cache = JsFuture::from(caches.open(&name)).await?.unchecked_into();
    let requests: Array = JsFuture::from(cache.keys()).await?.unchecked_into();
    let mut files = CachedFiles {
        version: name.trim_start_matches("rg-").to_owned(),
        ..CachedFiles::default()
    };
    for request in requests.iter() {
        let url = request.unchecked_into::<web_sys::Request>().url();
        let path = web_sys::Url::new(&url).map(|u| u.pathname()).unwrap_or(url);
        if path.starts_with("/content/") {
            files.content.push(path);
        } else if path.starts_with("/images/") || path.starts_with("/icons/") {
            files.pictures.push(path);
        } else {
            files.app.push(path);
        }
    }
    Ok(Some(files))
}

/// What the device keeps for offline use, read from the service worker's cache.
#[component]
pub fn OfflineCacheList() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let files = LocalResource::new(read_cache);
    let group = move |title: &'static str, paths: Vec<String>| {
        view! {
            <details>
                <summary>{format!("{title}: {}", paths.len())}</summary>
                <ul class="file-list">{paths.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </details>
        }
    };
    view! {
        <Suspense fallback=move || view! { <p>{tr(|t| t.loading)}</p> }>
            {move || Suspend::new(async move {
                match files.await {
                    Ok(Some(files)) => {
                        let t = t();
                        view! {
                            <p>{t.offline_saved.replace("{n}", &(files.app.len() + files.content.len() + files.pictures.len()).to_string())}</p>
                            <p class="muted">{t.offline_version} " " <code>{files.version}</code></p>
                            {group(t.offline_app, files.app)}
                            {group(t.offline_content, files.content)}
                            {group(t.offline_pictures, files.pictures)}
                        }
                        .into_any()
                    }
                    _ => view! { <p>{t().offline_not_saved}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
