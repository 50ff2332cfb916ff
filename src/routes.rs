//! The pages that are not needed to show the home page, as lazily loaded routes.
//!
//! With the `split` feature each page's view is a [`lazy_view!`] in its group's chunk (quiz,
//! print, guide with settings and about, map), downloaded the first time one of the group's
//! pages opens, so the first visit downloads only the home page, the page frame, the emergency
//! card and the not-found page. Without the feature (the tests) every page is in the one wasm.

use crate::lazy::lazy_view;
use crate::shell::{tr, use_lang};
use crate::{content, guide, print, quiz, settings};
use leptos::prelude::*;
use leptos_router::{Lazy, LazyRoute};

/// Declares one unit struct per page, whose `LazyRoute` view is the page component, split into
/// the chunk `$chunk` by `$load`; a failed download shows [`chunk_failed`]. The content files
/// after `prefetch` start downloading when the route matches, beside the chunk.
macro_rules! lazy_pages {
    ($( $(#[$doc:meta])* $route:ident: $page:path, in $chunk:ident by $load:ident
        $(, prefetch $($file:expr),+)?; )*) => {$(
        $(#[$doc])*
        pub struct $route;

        impl $route {
            /// The route's view, for `<Route view=…/>`.
            pub fn route() -> Lazy<Self> {
                Lazy::new()
            }
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $($(content::prefetch($file);)+)?
                Self
            }

            async fn view(_this: Self) -> AnyView {
                $load().await.unwrap_or_else(|_| chunk_failed())
            }
        }

        lazy_view! {
            fn $load() in $chunk { $page() }
        }
    )*};
}

lazy_pages! {
    /// `/quiz/*`: the parent of the quiz pages (loads the quizzes).
    QuizHomeRoute: quiz::QuizHome, in quiz by quiz_home, prefetch content::QUIZ_FILE;
    /// `/quiz`: choose a topic.
    QuizIndexRoute: quiz::QuizIndex, in quiz by quiz_index;
    /// `/quiz/<set>`: play a quiz.
    QuizPlayRoute: quiz::QuizPlay, in quiz by quiz_play;
    /// `/quiz/<set>/worksheet`: the printable worksheet.
    WorksheetRoute: print::WorksheetPage, in print by worksheet;
    /// `/teachers`: the lesson page for teachers.
    TeachersRoute: print::TeachersPage, in print by teachers,
        prefetch content::QUIZ_FILE, content::GUIDE_FILE, content::ROUTES_FILE;
    /// `/poster`: the stall poster.
    PosterRoute: print::PosterPage, in print by poster;
    /// `/guide/*`: the parent of the guide pages (loads the guide).
    GuideHomeRoute: guide::GuideHome, in guide by guide_home, prefetch content::GUIDE_FILE;
    /// `/guide`: the guide's index.
    GuideIndexRoute: guide::GuideIndex, in guide by guide_index;
    /// `/guide/<section>`: one section of the guide.
    GuideSectionRoute: guide::GuideSectionPage, in guide by guide_section;
    /// `/map/<route>`: the river patrol map.
    MapRoute: crate::map::MapPage, in map by map,
        prefetch content::ROUTES_FILE, content::BACKGROUND_FILE;
    /// `/settings`: settings and privacy.
    SettingsRoute: settings::SettingsPage, in guide by settings_page;
    /// `/about`: about the site.
    AboutRoute: settings::AboutPage, in guide by about;
}

/// Shown in place of a page whose chunk could not be downloaded (offline before the service
/// worker had cached it, or the server is unreachable): a message and a button that tries again.
fn chunk_failed() -> AnyView {
    let retry = |_| {
        let _ = window().location().reload();
    };
    // The tab's title says so too, not the last page's.
    let t = use_lang().get_untracked().t();
    document().set_title(&format!("{} · {}", t.page_load_failed, t.app_name));
    view! {
        <div class="load-error" role="alert">
            <h1>{tr(|t| t.page_load_failed)}</h1>
            <p>{tr(|t| t.page_load_failed_hint)}</p>
            <button type="button" class="button" on:click=retry>{tr(|t| t.retry)}</button>
        </div>
    }
    .into_any()
}
