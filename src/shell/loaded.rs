//! The one loading and error shape: `LocalResource` → `Transition` → `ErrorBoundary` → `Suspend`.

use super::{after_next_paint, focus_if_lost, tr, use_lang};
use crate::content::{older_copies_shown, AppError};
use crate::i18n::Lang;
use leptos::error::Error;
use leptos::prelude::*;

/// Shows "loading" while `resource` loads, then `render`'s view of the content, or a friendly
/// message naming the file and the problem with a "try again" button.
#[component]
pub fn Loaded<T, F, V>(
    /// The content being loaded.
    resource: LocalResource<Result<T, AppError>>,
    /// Renders the loaded content.
    render: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    // "Try again" goes with the error once the content comes: then the focus goes to the
    // content's heading, not back to the top of the page, and a screen reader hears it.
    let retried = StoredValue::new(false);
    let fallback = move |errors: ArcRwSignal<Errors>| {
        let messages = move || {
            errors
                .get()
                .into_iter()
                .map(|(_, error)| view! { <li>{describe(&error, lang.get())}</li> })
                .collect_view()
        };
        view! {
            <div class="load-error" role="alert">
                <h2>{tr(|t| t.load_failed)}</h2>
                <ul>{messages}</ul>
                <button type="button" class="button" on:click=move |_| {
                    retried.set_value(true);
                    resource.refetch();
                }>
                    {tr(|t| t.retry)}
                </button>
            </div>
        }
    };
    view! {
        <Transition fallback=move || {
            view! { <p class="loading" role="status">{tr(|t| t.loading)}</p> }
        }>
            <ErrorBoundary fallback>
                {
                    let render = render.clone();
                    move || {
                        let render = render.clone();
                        Suspend::new(async move {
                            let content = resource.await?;
                            if retried.get_value() {
                                retried.set_value(false);
                                after_next_paint(|| focus_if_lost("main h1, main h2"));
                            }
                            Ok::<_, AppError>(view! { <OlderCopies/> {render(content)} })
                        })
                    }
                }
            </ErrorBoundary>
        </Transition>
    }
}

/// Above the content: each content file shown from its last good copy, with the problem of the
/// site's copy, so the organizer sees what to fix while the stall keeps working. Not printed, and
/// not shown to pupils in a lesson embed (style.css).
#[component]
fn OlderCopies() -> impl IntoView {
    let lang = use_lang();
    // Empty (and so hidden by style.css) until a file is shown from its last good copy.
    let text = move || {
        let lang = lang.get();
        older_copies_shown(|older| {
            older
                .iter()
                .map(|problem| {
                    format!(
                        "{} {}",
                        lang.t().older_copy_shown,
                        describe_app_error(problem, lang)
                    )
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    view! { <p class="notice older-copy" role="status">{text}</p> }
}

/// A one-line, localised description of a loading error, naming the file.
fn describe(error: &Error, lang: Lang) -> String {
    match error.downcast_ref::<AppError>() {
        Some(error) => describe_app_error(error, lang),
        None => error.to_string(),
    }
}

/// How many of a file's problems a message on the page lists (validate-content lists them all).
const SHOWN_PROBLEMS: usize = 5;

/// A one-line, localised description of a content file's failure, naming the file.
pub fn describe_app_error(error: &AppError, lang: Lang) -> String {
    let t = lang.t();
    match error {
        AppError::Network { file, .. } => t.error_network.replace("{file}", file),
        // A proxy or host in trouble is not a missing file: an organizer told "could not find"
        // would upload again a file that is there.
        AppError::Status { file, status } => match status {
            408 | 429 | 500.. => t.error_server,
            _ => t.error_status,
        }
        .replace("{file}", file)
        .replace("{status}", &status.to_string()),
        AppError::Parse {
            file,
            line,
            column,
            message,
        } => {
            let position = t
                .line_column
                .replace("{line}", &line.to_string())
                .replace("{column}", &column.to_string());
            t.error_parse
                .replace("{file}", file)
                .replace("{message}", &format!("{message} ({position})"))
        }
        AppError::Invalid { file, problems } => {
            // A line of 300 points typed latitude first is 300 problems: the first few say
            // what to fix without pushing the page off the screen.
            let mut list: Vec<String> = problems
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(ToString::to_string)
                .collect();
            if problems.len() > SHOWN_PROBLEMS {
                list.push(format!("… +{}", problems.len() - SHOWN_PROBLEMS));
            }
            format!(
                "{} {}",
                t.error_invalid.replace("{file}", file),
                list.join("; ")
            )
        }
    }
}
