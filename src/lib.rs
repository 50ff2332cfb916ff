//! River Guardians (护河护水): water-protection quizzes, a drowning-prevention guide and river
//! patrol maps for park volunteer days, schools and volunteers, as a client-side Leptos app.

pub mod content;
pub mod fnv;
pub mod guide;
pub mod i18n;
pub mod kiosk;
mod lazy;
pub mod map;
pub mod print;
pub mod quiz;
pub mod routes;
pub mod settings;
pub mod share;
pub mod shell;
pub mod storage;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use routes::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// How long [`mount`] waits for the site settings at most before it shows the page without them.
const SITE_WAIT: Duration = Duration::from_millis(300);

/// Mounts [`App`] on the page once the site settings (`site.json`, which index.html preloads)
/// are in, or after [`SITE_WAIT`] if they are slow. They are normally there before the wasm has
/// started, so the first paint already shows the whole page (on the home page, the event and the
/// doors) instead of "loading" followed a moment later by a second layout and paint of the page.
pub fn mount() {
    content::prefetch(content::SITE_FILE);
    let mounted = Rc::new(Cell::new(false));
    let mount_once = move || {
        if !mounted.replace(true) {
            // index.html's loading page makes way for the app.
            if let Some(loading) = document().get_element_by_id("boot") {
                loading.remove();
            }
            leptos::mount::mount_to_body(App);
        }
    };
    let when_slow = mount_once.clone();
    wasm_bindgen_futures::spawn_local(async move {
        content::prefetch_arrived(content::SITE_FILE).await;
        mount_once();
    });
    set_timeout(when_slow, SITE_WAIT);
}

/// The whole app: the router, the page frame and every route. The home page, the emergency card
/// and the not-found page are in the main wasm; the others are [`routes`], loaded lazily.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <shell::Layout>
                <Routes fallback=|| view! { <shell::NotFound/> }>
                    <Route path=path!("") view=shell::HomePage/>
                    <Route path=path!("emergency") view=shell::EmergencyPage/>
                    <ParentRoute path=path!("quiz") view=QuizHomeRoute::route()>
                        <Route path=path!("") view=QuizIndexRoute::route()/>
                        <Route path=path!(":set") view=QuizPlayRoute::route()/>
                        <Route path=path!(":set/worksheet") view=WorksheetRoute::route()/>
                    </ParentRoute>
                    <Route path=path!("teachers") view=TeachersRoute::route()/>
                    <Route path=path!("settings") view=SettingsRoute::route()/>
                    <Route path=path!("about") view=AboutRoute::route()/>
                    <Route path=path!("poster") view=PosterRoute::route()/>
                    <Route path=path!("map/:route?") view=MapRoute::route()/>
                    <ParentRoute path=path!("guide") view=GuideHomeRoute::route()>
                        <Route path=path!("") view=GuideIndexRoute::route()/>
                        <Route path=path!(":section") view=GuideSectionRoute::route()/>
                    </ParentRoute>
                </Routes>
            </shell::Layout>
        </Router>
    }
}
