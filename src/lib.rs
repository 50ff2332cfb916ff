//! River Guardians (护河护水): water-protection quizzes, a drowning-prevention guide and river
//! patrol maps for park volunteer days, schools and volunteers, as a client-side Leptos app.

pub mod content;
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
