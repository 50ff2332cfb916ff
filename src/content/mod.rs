//! Content: the types of every content file, the one loader, and validation.
//!
//! Data flows one way: `public/content/*.json` → [`fetch_json`] → typed, validated content →
//! pure engines → views. Parsing and validation are plain Rust (no web-sys) so the native
//! validator and native tests share them with the browser.

mod common;
mod error;
mod guide;
mod locate;
mod quiz;
mod routes;
mod site;
mod text;
mod validate;

pub use common::{AgeBand, Image, Source};
pub use error::AppError;
pub use guide::{GuideContent, GuideSection, GuideStep, StepGroup, GUIDE_FILE};
pub use locate::{locate, path_at};
pub use quiz::{
    Pair, Question, QuestionKind, QuizContent, QuizSet, MIN_TIMER_SECONDS, QUIZ_FILE, SAFETY_SET,
};
pub use routes::{
    background_shapes, read_routes, route_file_problems, route_property, BackgroundShape,
    Difficulty, FeatureProperty, GearKind, GeoJsonFile, HazardKind, Layer, MapData, PatrolRoute,
    Place, PlaceKind, Story, BACKGROUND_FILE, LAYERS, ROUTES_FILE,
};
pub use site::{
    emergency_alone, parse_iso_date, EmergencyInfo, EmergencyNumber, EventInfo, KioskSettings,
    SiteContent, TileLayer, SITE_FILE,
};
pub use text::LocalText;
pub use validate::{Problem, Validate};

use leptos::prelude::{ArcTrigger, Notify, Track};
use serde::de::DeserializeOwned;

/// The largest content file the app accepts (the shipped quiz bank is about 140 KB).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Parses a content file and validates it: the part of loading that needs no browser.
///
/// `file` names the file in every error, so a message on the page can say which file is wrong.
pub fn parse_content<T: DeserializeOwned + Validate>(
    file: &str,
    text: &str,
) -> Result<T, AppError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(AppError::Invalid {
            file: file.to_owned(),
            problems: vec![Problem {
                path: String::new(),
                message: format!(
                    "the file is {} KB; content files are at most {} KB",
                    text.len() / 1024,
                    MAX_FILE_BYTES / 1024
                ),
            }],
        });
    }
    let value: T = serde_json::from_str(text).map_err(|e| AppError::from_serde(file, text, &e))?;
    let problems = value.validate();
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(AppError::Invalid {
            file: file.to_owned(),
            problems,
        })
    }
}

/// Fetches a content file from the site (path relative to the site root, e.g. `content/site.json`),
/// then parses and validates it. The only way the app loads content.
///
/// Used for the optional background, and (through [`fetch_site`]) `site.json`, whose mistakes
/// fall back on the card's built-in national numbers unless its emergency part is right (an
/// older copy could show an old local number without a word). The
/// quizzes, the guide and the routes fall back on their last good copy instead:
/// [`fetch_json_kept`], [`fetch_routes`].
pub async fn fetch_json<T: DeserializeOwned + Validate>(path: &str) -> Result<T, AppError> {
    let text = fetch_text(path).await?;
    parse_content(path, &text)
}

/// Fetches `site.json` as [`fetch_json`] does, and after a mistake in it, its emergency part
/// alone when that part is right ([`emergency_alone`]), for the emergency card: a typo in a
/// water fact must not take the organizer's local numbers off the card.
pub async fn fetch_site() -> (Result<SiteContent, AppError>, Option<EmergencyInfo>) {
    let text = match fetch_text(SITE_FILE).await {
        Ok(text) => text,
        Err(error) => return (Err(error), None),
    };
    match parse_content(SITE_FILE, &text) {
        Ok(site) => (Ok(site), None),
        Err(error) => (Err(error), emergency_alone(&text)),
    }
}

/// Which copy of a content file [`read_checked`] read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CopyRead {
    /// The site's, as it is now.
    Site,
    /// The last good copy kept on this device, the site's having a mistake.
    LastGood,
}

/// Downloads `path` and hands it to `read`, which says whether the copy was clean (`Ok(true)`)
/// or is shown despite a mistake (`Ok(false)`: a routes file drawn without its wrong features).
/// After a mistake `read` refuses (a question without its English, a cut-off upload), hands it
/// the last clean copy instead, when this device has one: the quiz stall's tablets keep working
/// while the organizer, who sees the problem named above the content ([`older_copies_shown`]),
/// fixes the file. Ok once `read` has been.
///
/// The service worker keeps that copy: after a clean read the app sends it the text it read
/// (public/sw.js, `GOOD`), and `<file>?good` answers with it. Not generic, so compiled once.
async fn read_checked(
    path: &str,
    read: &mut dyn FnMut(&str) -> Result<bool, AppError>,
) -> Result<CopyRead, AppError> {
    // The site's copy, then (after a mistake in it) the last good one: one request in the loop,
    // so its code is here once.
    let mut url = path.to_owned();
    let mut mistake = None;
    loop {
        let text = match fetch_text(&url).await {
            Ok(text) => text,
            Err(error) => return Err(mistake.unwrap_or(error)),
        };
        match (read(&text), mistake) {
            (Ok(clean), None) => {
                read_from_site(path, clean.then_some(&text));
                return Ok(CopyRead::Site);
            }
            (Ok(_), Some(problem)) => {
                note_older_copy(path, Some(problem));
                return Ok(CopyRead::LastGood);
            }
            (Err(_), Some(problem)) => return Err(problem),
            // A mistake in the file (not a failed request), when the service worker, which
            // keeps the last good copy, serves the page.
            (Err(problem @ (AppError::Parse { .. } | AppError::Invalid { .. })), None)
                if serving_worker().is_some() =>
            {
                url = format!("{path}?good");
                mistake = Some(problem);
            }
            (Err(problem), None) => return Err(problem),
        }
    }
}

thread_local! {
    /// The problem of each content file this visit shows from its last good copy, one per file.
    static OLDER_COPIES: std::cell::RefCell<Vec<AppError>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Notified when [`OLDER_COPIES`] changes.
    static OLDER_COPIES_CHANGED: ArcTrigger = ArcTrigger::new();
}

/// The content files shown from their last good copy, each as the problem of the copy the site
/// held when it was last read (named above the content). Reactive: read in a view, it runs again
/// when a file is added, or read cleanly again after the organizer's fix.
pub fn older_copies_shown<R>(read: impl FnOnce(&[AppError]) -> R) -> R {
    OLDER_COPIES_CHANGED.with(|changed| changed.track());
    OLDER_COPIES.with_borrow(|older| read(older))
}

/// Notes that the content file `path` is shown from its last good copy because of `problem`, or
/// (`None`) that it is shown from the site's copy again.
fn note_older_copy(path: &str, problem: Option<AppError>) {
    let changed = OLDER_COPIES.with_borrow_mut(|older| {
        let before = older.len();
        older.retain(|p| p.file() != path);
        let forgotten = older.len() != before;
        problem.map(|problem| older.push(problem)).is_some() || forgotten
    });
    if changed {
        OLDER_COPIES_CHANGED.with(|changed| changed.notify());
    }
}

thread_local! {
    /// What this visit last handed the service worker as the last good copy of each file: its
    /// path, length and hash (the routes file, read on every visit to the map, is the same
    /// 230 KB almost every time).
    static GOOD_COPIES_SENT: std::cell::RefCell<Vec<(String, usize, u64)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// After a read of the site's copy of `path`: forgets that the file was shown from an older
/// copy, and when the copy was clean (`clean_text`), gives the service worker its text to keep
/// as the last good copy (unless this visit already gave it the same).
fn read_from_site(path: &str, clean_text: Option<&String>) {
    if let (Some(text), Some(worker)) = (clean_text, serving_worker()) {
        let sent = (path.to_owned(), text.len(), crate::fnv::fnv1a(text.bytes()));
        let new = GOOD_COPIES_SENT.with_borrow_mut(|all| {
            let known = all.contains(&sent);
            if !known {
                all.retain(|(p, ..)| p != path);
                all.push(sent);
            }
            !known
        });
        if new {
            let _ = worker.post_message(&format!("good /{path}\n{text}").into());
        }
    }
    note_older_copy(path, None);
}

/// The service worker serving this page, if any (none on a first visit, in development, or in
/// a browser without them).
pub fn serving_worker() -> Option<web_sys::ServiceWorker> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()?
        .then(|| navigator.service_worker().controller())?
}

/// Fetches the routes file for the map. A mistake in one feature costs that feature, not the map
/// ([`read_routes`]): the file as it is now is drawn without it, and the page names it (the
/// organizer's newest routes and hazards show). A file with nothing drawable (a cut-off upload)
/// is read from its last good copy, as the quizzes are ([`read_checked`]).
///
/// A clean read from the site is kept for the visit: the map opened again (Back from a
/// checkpoint's quiz, on one bar) is drawn at once from it, while the file is read again for the
/// next opening, so an organizer's edit reaches a station that never reloads ([`refreshed`]).
pub async fn fetch_routes() -> Result<(MapData, Vec<Problem>), AppError> {
    refreshed(ROUTES_FILE, read_routes_now).await
}

/// Reads the routes file from the network (or the service worker's copy), keeping a clean read
/// from the site.
async fn read_routes_now() -> Result<(MapData, Vec<Problem>), AppError> {
    let mut routes = None;
    let copy = read_checked(ROUTES_FILE, &mut |text| {
        let (data, problems, whole) = read_routes(ROUTES_FILE, text)?;
        routes = Some((data, problems));
        Ok(whole)
    })
    .await?;
    // `read_checked` is Ok only once `read` has been.
    let routes = routes.ok_or_else(|| AppError::Invalid {
        file: ROUTES_FILE.to_owned(),
        problems: Vec::new(),
    })?;
    // One with a problem is not kept (nor one kept before it): the page that opens next asks
    // again, and shows the problem or its fix.
    if copy == CopyRead::Site && routes.1.is_empty() {
        keep(ROUTES_FILE, routes.clone());
    } else {
        forget(ROUTES_FILE);
    }
    Ok(routes)
}

/// Fetches the map's background: all or nothing, with no last good copy ([`fetch_json`]). Kept
/// for the visit as the routes are ([`refreshed`]); a failed load is not kept.
pub async fn fetch_background() -> Result<GeoJsonFile, AppError> {
    refreshed(BACKGROUND_FILE, || async {
        let file = fetch_json::<GeoJsonFile>(BACKGROUND_FILE).await?;
        keep(BACKGROUND_FILE, file.clone());
        Ok(file)
    })
    .await
}

/// The copy of `path` kept for the visit, at once, with `read` (which keeps what it should) run
/// again in the background for the next opening; without one, `read`'s result.
async fn refreshed<T, F>(path: &'static str, read: impl Fn() -> F + 'static) -> Result<T, AppError>
where
    T: Clone + 'static,
    F: std::future::Future<Output = Result<T, AppError>> + 'static,
{
    match kept::<T>(path) {
        Some(value) => {
            wasm_bindgen_futures::spawn_local(async move {
                // A failure leaves the kept copy: the page has it, and the next one too.
                let _ = read().await;
            });
            Ok(value)
        }
        None => read().await,
    }
}

thread_local! {
    /// The content files kept for the rest of the visit, parsed ([`kept`], [`keep`]).
    static KEPT: std::cell::RefCell<Vec<(&'static str, Box<dyn std::any::Any>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The content file `path` as kept for this visit, if it is.
fn kept<T: Clone + 'static>(path: &'static str) -> Option<T> {
    KEPT.with_borrow(|kept| {
        kept.iter()
            .find(|(file, _)| *file == path)
            .and_then(|(_, value)| value.downcast_ref::<T>().cloned())
    })
}

/// Keeps the content file `path`, parsed, until the page reloads (in place of a copy kept before).
fn keep<T: 'static>(path: &'static str, value: T) {
    forget(path);
    KEPT.with_borrow_mut(|kept| kept.push((path, Box::new(value))));
}

/// Drops the copy of `path` kept for this visit, if any: the next reader asks the site.
fn forget(path: &'static str) {
    KEPT.with_borrow_mut(|kept| kept.retain(|(file, _)| *file != path));
}

/// Quizzes and the guide: [`fetch_json`] once per visit, and the last good copy after a mistake in
/// the file ([`read_checked`]). The first good copy is kept until the page reloads, so a part
/// of the site opened again (Back from the emergency card to the guide or a quiz) shows at once
/// instead of waiting for the network (up to the service worker's 3 s on one bar). A failed load
/// is not kept: "Try again" asks the network.
pub async fn fetch_json_kept<T>(path: &'static str) -> Result<T, AppError>
where
    T: DeserializeOwned + Validate + Clone + 'static,
{
    if let Some(value) = kept(path) {
        return Ok(value);
    }
    let mut value = None;
    let copy = read_checked(path, &mut |text| {
        parse_content(path, text).map(|parsed| {
            value = Some(parsed);
            true
        })
    })
    .await?;
    // `read_checked` is Ok only once `read` has been.
    let value: T = value.ok_or_else(|| AppError::Invalid {
        file: path.to_owned(),
        problems: Vec::new(),
    })?;
    // An older copy is not kept: the next visit to the page asks the site again, and shows the
    // organizer's fix without a reload (a kiosk station never reloads).
    if copy == CopyRead::Site {
        keep(path, value.clone());
    }
    Ok(value)
}

/// A content file requested ahead of the page that reads it.
struct Prefetch {
    path: &'static str,
    /// The download, once it has arrived.
    result: Option<Result<String, AppError>>,
    /// Those waiting for it to arrive.
    waiting: Vec<futures_channel::oneshot::Sender<()>>,
}

thread_local! {
    /// Content files requested ahead of the page that reads them; each is handed to the next
    /// [`fetch_text`] of its path, once.
    static PREFETCHED: std::cell::RefCell<Vec<Prefetch>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Starts downloading a content file now, for a page about to read it: a lazily loaded page
/// calls this when its route matches, so its content arrives while its wasm chunk downloads
/// instead of after. The next [`fetch_json`] of `path` takes the result (or waits for it).
/// A finished download left by a page that never read it (its chunk failed, or it showed an
/// error first) is dropped and requested again: it may be long past, and organizers may have
/// edited the file since. Only a download still under way is shared. A file
/// [`fetch_json_kept`] already keeps is not requested at all: nothing would read it.
pub fn prefetch(path: &'static str) {
    if KEPT.with_borrow(|kept| kept.iter().any(|(file, _)| *file == path)) {
        return;
    }
    let queued = PREFETCHED.with_borrow_mut(|queue| {
        queue.retain(|p| p.path != path || p.result.is_none());
        let queued = queue.iter().any(|p| p.path == path);
        if !queued {
            queue.push(Prefetch {
                path,
                result: None,
                waiting: Vec::new(),
            });
        }
        queued
    });
    if queued {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = request_text(path).await;
        let waiting = PREFETCHED.with_borrow_mut(|queue| {
            queue
                .iter_mut()
                .find(|p| p.path == path && p.result.is_none())
                .map(|p| {
                    p.result = Some(result);
                    std::mem::take(&mut p.waiting)
                })
                .unwrap_or_default()
        });
        for waiter in waiting {
            let _ = waiter.send(());
        }
    });
}

/// Waits until the prefetched download of `path` has arrived (at once when none is under way),
/// and leaves it for the next [`fetch_json`] of `path`.
pub async fn prefetch_arrived(path: &str) {
    let arrival = PREFETCHED.with_borrow_mut(|queue| {
        let pending = queue
            .iter_mut()
            .find(|p| p.path == path && p.result.is_none())?;
        let (sender, receiver) = futures_channel::oneshot::channel();
        pending.waiting.push(sender);
        Some(receiver)
    });
    if let Some(arrival) = arrival {
        let _ = arrival.await;
    }
}

/// The text of a content file: the prefetched download if there is one and it arrived, else a
/// new request (also after a failed prefetch, which may be long past: the page's "try again"
/// must not be handed the same old failure).
async fn fetch_text(path: &str) -> Result<String, AppError> {
    prefetch_arrived(path).await;
    let prefetched = PREFETCHED.with_borrow_mut(|queue| {
        let index = queue
            .iter()
            .position(|p| p.path == path && p.result.is_some())?;
        queue.swap_remove(index).result
    });
    match prefetched {
        Some(Ok(text)) => Ok(text),
        Some(Err(_)) | None => request_text(path).await,
    }
}

/// The request itself, kept apart from the typed parsing so it is compiled once, not per type.
async fn request_text(path: &str) -> Result<String, AppError> {
    let url = format!("/{}", path.trim_start_matches('/'));
    let network = |e: gloo_net::Error| AppError::Network {
        file: path.to_owned(),
        detail: e.to_string(),
    };
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(AppError::Status {
            file: path.to_owned(),
            status: response.status(),
        });
    }
    // The bytes, not `text()`: that would decode the UTF-8 into a JavaScript string only for
    // wasm-bindgen to encode it back into UTF-8 in our memory (~10 ms for a 230 KB routes file).
    // Invalid UTF-8 becomes U+FFFD, as `text()` does.
    let bytes = response.binary().await.map_err(network)?;
    Ok(without_bom(String::from_utf8(bytes).unwrap_or_else(
        |invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned(),
    )))
}

/// The text without the byte-order mark Windows Notepad puts before a file it saves as UTF-8:
/// JSON has none, and the parser would refuse the whole file at its first character.
pub fn without_bom(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}
