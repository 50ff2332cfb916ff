//! Component tests in headless Chromium (wasm-bindgen-test): real DOM, real reactivity.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use river_guardians::content::{AppError, Problem};
use river_guardians::shell::{Layout, Loaded};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets effects, resources and the DOM settle.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(50).await;
}

fn body_text() -> String {
    document()
        .body()
        .and_then(|b| b.text_content())
        .unwrap_or_default()
}

/// Mounts `view` inside the router and page frame, in a fresh container; dropping the handle
/// unmounts it, so tests do not see each other's DOM.
fn mount_in_layout<F, V>(view: F) -> impl Drop
where
    F: FnOnce() -> V + Send + 'static,
    V: IntoView + 'static,
{
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container, move || {
        view! { <Router><Layout>{view().into_any()}</Layout></Router> }
    })
}

#[wasm_bindgen_test]
async fn loaded_content_is_rendered() {
    let handle = mount_in_layout(|| {
        let resource =
            LocalResource::new(|| async { Ok::<_, AppError>("熊猫巡河队".to_owned()) });
        view! { <Loaded resource render=|name: String| view! { <p id="loaded">{name}</p> }/> }
    });
    settle().await;
    let loaded = document()
        .get_element_by_id("loaded")
        .expect("content rendered");
    assert_eq!(loaded.text_content().as_deref(), Some("熊猫巡河队"));
    assert!(document().query_selector("[role=alert]").unwrap().is_none());
    drop(handle);
}

#[wasm_bindgen_test]
async fn failed_content_shows_file_and_problem_and_retry_fetches_again() {
    let attempts = Arc::new(AtomicUsize::new(0));
    let counter = attempts.clone();
    let handle = mount_in_layout(move || {
        let resource = LocalResource::new(move || {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                Err::<String, _>(AppError::Invalid {
                    file: "content/quizzes.json".into(),
                    problems: vec![Problem {
                        path: "sets[0].questions".into(),
                        message: "must have at least one entry".into(),
                    }],
                })
            }
        });
        view! { <Loaded resource render=|s: String| view! { <p>{s}</p> }/> }
    });
    settle().await;
    let alert = document()
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("content/quizzes.json"), "{text}");
    assert!(
        text.contains("sets[0].questions: must have at least one entry"),
        "{text}"
    );
    assert_eq!(attempts.load(Ordering::SeqCst), 1);

    let retry: web_sys::HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .expect("a retry button")
        .dyn_into()
        .unwrap();
    retry.click();
    settle().await;
    assert_eq!(attempts.load(Ordering::SeqCst), 2, "retry fetches again");
    drop(handle);
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_interface_and_html_lang() {
    let handle = mount_in_layout(|| view! { <p>"page"</p> });
    settle().await;
    let html = document().document_element().unwrap();
    let before = html.get_attribute("lang").unwrap_or_default();
    let button: web_sys::HtmlElement = document()
        .query_selector("button.lang-switch")
        .unwrap()
        .expect("the language switch")
        .dyn_into()
        .unwrap();
    button.click();
    settle().await;
    let after = html.get_attribute("lang").unwrap_or_default();
    assert_ne!(before, after);
    let expected_nav = if after == "en" {
        "Quiz"
    } else {
        "知识问答"
    };
    assert!(body_text().contains(expected_nav), "{}", body_text());
    drop(handle);
}

#[wasm_bindgen_test]
async fn qr_code_draws_one_path_with_its_label_and_preferences_set_html_classes() {
    use river_guardians::shell::{use_prefs, Pref};
    let handle = mount_in_layout(|| {
        let prefs = use_prefs();
        view! {
            <river_guardians::share::QrCode text="https://rivers.example.org/emergency?lang=en".to_owned() label="QR code: Emergency".to_owned()/>
            <button id="contrast" on:click=move |_| prefs.set(Pref::HighContrast, !prefs.get(Pref::HighContrast))>"contrast"</button>
        }
    });
    settle().await;
    let svg = document()
        .query_selector("svg.qr[role=img]")
        .unwrap()
        .expect("QR code drawn");
    assert_eq!(
        svg.get_attribute("aria-label").as_deref(),
        Some("QR code: Emergency")
    );
    let view_box = svg.get_attribute("viewBox").unwrap();
    assert!(view_box.starts_with("0 0 "), "{view_box}");
    let path = svg.query_selector("path").unwrap().expect("one path");
    assert!(path.get_attribute("d").unwrap().starts_with('M'));

    let root = document().document_element().unwrap();
    let before = root.class_list().contains("high-contrast");
    document()
        .get_element_by_id("contrast")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(root.class_list().contains("high-contrast"), !before);
    drop(handle);
}

/// The wasm heap's size in bytes (it only ever grows, so growth is what was kept).
fn wasm_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Every quiz question re-renders its screen, and each new button's text reads long-lived
/// signals (language, preferences). Unpatched reactive_graph 0.2.16 kept every dropped effect
/// in those signals' subscriber lists for good (+1.5 MB for this loop); the vendored patch
/// prunes them (see vendor/reactive_graph/PATCHED.md).
#[wasm_bindgen_test]
async fn re_rendered_views_do_not_pile_up_in_long_lived_signals() {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let buttons = container.clone();
    let screen = RwSignal::new(0u32);
    let long_lived = RwSignal::new(7u32);
    let handle = leptos::mount::mount_to(container, move || {
        view! {
            {move || {
                let n = screen.get();
                (0..20)
                    .map(|i| view! { <button data-n=n + i>{move || long_lived.get().to_string()}</button> })
                    .collect_view()
            }}
        }
    });
    // Warm up, so the allocator's first growth is not counted.
    for k in 0..50u32 {
        screen.set(k);
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    let start = wasm_memory_bytes();
    for k in 0..600u32 {
        screen.set(1000 + k);
        if k % 20 == 0 {
            long_lived.set(k);
        }
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
    settle().await;
    let grown = wasm_memory_bytes() - start;
    assert_eq!(buttons.child_element_count(), 20);
    assert!(
        grown < 256.0 * 1024.0,
        "wasm memory grew by {grown} bytes over 600 re-renders"
    );
    drop(handle);
}

/// How many times this page has requested `path` (Resource Timing, which lists a request once
/// its body has arrived: an error's body is not read, so this first lets it arrive).
async fn requests_for(path: &str) -> usize {
    settle().await;
    let get = |target: &wasm_bindgen::JsValue, key: &str| {
        js_sys::Reflect::get(target, &key.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
    };
    let performance = get(&js_sys::global(), "performance");
    let entries: js_sys::Array = get(&performance, "getEntriesByType")
        .unchecked_into::<js_sys::Function>()
        .call1(&performance, &"resource".into())
        .unwrap()
        .unchecked_into();
    entries
        .iter()
        .filter(|entry| {
            get(entry, "name")
                .as_string()
                .is_some_and(|name| name.ends_with(path))
        })
        .count()
}

#[wasm_bindgen_test]
async fn a_failed_prefetch_is_not_handed_to_the_page_but_requested_again() {
    use river_guardians::content::{fetch_json, prefetch, prefetch_arrived, SiteContent};
    const MISSING: &str = "content/failed-prefetch-test.json";
    prefetch(MISSING);
    prefetch_arrived(MISSING).await;
    assert_eq!(requests_for(MISSING).await, 1);
    // The page reads it (say, after "try again" once its chunk loaded): a new request.
    let result = fetch_json::<SiteContent>(MISSING).await;
    assert!(
        matches!(result, Err(AppError::Status { status: 404, .. })),
        "{result:?}"
    );
    assert_eq!(requests_for(MISSING).await, 2);
    // A second prefetch of a failed file starts a new download instead of keeping the failure.
    prefetch(MISSING);
    prefetch_arrived(MISSING).await;
    assert_eq!(requests_for(MISSING).await, 3);
    let _ = fetch_json::<SiteContent>(MISSING).await;
    assert_eq!(requests_for(MISSING).await, 4);
}

/// A worksheet prints its options in the same order in the browser as the native tests check
/// (tests/share.rs pins this order): the shuffle must not draw by `usize`, which is 32 bits here.
#[wasm_bindgen_test]
fn worksheets_print_the_order_the_native_tests_check() {
    assert_eq!(
        river_guardians::print::paper::paper_order("sw-water-cycle", 4),
        [0, 1, 3, 2]
    );
}
