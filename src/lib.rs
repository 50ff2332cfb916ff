//! River Guardians (护河护水): water-protection quizzes, a drowning-prevention guide and river
//! patrol maps for park volunteer days, schools and volunteers, as a client-side Leptos app.

pub mod content;
pub mod guide;
pub mod i18n;
pub mod kiosk;
pub mod map;
pub mod print;
pub mod quiz;
pub mod settings;
pub mod share;
pub mod shell;
pub mod storage;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// The whole app: the router, the page frame and every route.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <shell::Layout>
                <Routes fallback=|| view! { <shell::NotFound/> }>
                    <Route path=path!("") view=shell::HomePage/>
                    <Route path=path!("emergency") view=shell::EmergencyPage/>
                    <ParentRoute path=path!("quiz") view=quiz::QuizHome>
                        <Route path=path!("") view=quiz::QuizIndex/>
                        <Route path=path!(":set") view=quiz::QuizPlay/>
                        <Route path=path!(":set/worksheet") view=print::WorksheetPage/>
                    </ParentRoute>
                    <Route path=path!("teachers") view=print::TeachersPage/>
                    <Route path=path!("settings") view=settings::SettingsPage/>
                    <Route path=path!("about") view=settings::AboutPage/>
                    <Route path=path!("poster") view=print::PosterPage/>
                    <Route path=path!("map/:route?") view=map::MapPage/>
                    <ParentRoute path=path!("guide") view=guide::GuideHome>
                        <Route path=path!("") view=guide::GuideIndex/>
                        <Route path=path!(":section") view=guide::GuideSectionPage/>
                    </ParentRoute>
                </Routes>
            </shell::Layout>
        </Router>
    }
}
