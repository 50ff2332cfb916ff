//! The share dialog and the QR code picture.

use super::links::DeepLink;
use super::qr::qr_svg;
use crate::lazy::lazy_view;
use crate::shell::{tr, use_lang, SiteResource};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The site's address for absolute links: `public_url` from `site.json` when set (a poster
/// printed from a laptop at the stall must point to the public site), else this page's origin.
pub fn use_site_origin() -> Signal<String> {
    let SiteResource(site) = expect_context();
    Signal::derive(move || {
        site.with(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref().ok())
                .and_then(|s| s.public_url.clone())
        })
        .map(|url| url.trim_end_matches('/').to_owned())
        .unwrap_or_else(|| window().location().origin().unwrap_or_default())
    })
}

/// A QR code for `text`, drawn as an SVG that scales to its box; its accessible name says
/// what it opens. Text too long for a QR code shows a short note instead.
#[component]
pub fn QrCode(
    /// What the code encodes: an absolute link.
    #[prop(into)]
    text: Signal<String>,
    /// What scanning it opens, for screen readers, e.g. "QR code: Water safety quiz".
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    move || match qr_svg(&text.get()) {
        Ok(qr) => view! {
            <svg
                class="qr"
                viewBox=format!("0 0 {0} {0}", qr.size)
                role="img"
                aria-label=label
                shape-rendering="crispEdges"
            >
                <rect width="100%" height="100%" fill="#fff"/>
                <path d=qr.path fill="#000"/>
            </svg>
        }
        .into_any(),
        Err(_) => view! { <p class="notice">{tr(|t| t.link_too_long)}</p> }.into_any(),
    }
}

/// A "Share" button that opens a dialog with the page's link as a large QR code (scannable
/// from about 1.5 m on a tablet) and as text, with a copy button where the browser allows it.
#[component]
pub fn ShareButton(
    /// The place the link opens.
    #[prop(into)]
    link: Signal<DeepLink>,
    /// What the link opens, shown as the dialog's heading, e.g. the quiz set's title.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let open = RwSignal::new(false);
    let copied = RwSignal::new(false);
    let origin = use_site_origin();
    let url = Signal::derive(move || link.get().url(&origin.get(), lang.get()));
    let show = move |_| {
        open.set(true);
        copied.set(false);
        if let Some(dialog) = dialog.get() {
            let _ = dialog.show_modal();
        }
    };
    let close = move |_| {
        if let Some(dialog) = dialog.get() {
            dialog.close();
        }
    };
    view! {
        <button type="button" class="button secondary share-button" on:click=show>
            {tr(|t| t.share)}
        </button>
        // The dialog's words and buttons are there before it opens, so the browser gives the
        // focus to its first button; only the QR code (its chunk)
        // waits for the first opening.
        <dialog node_ref=dialog class="share-dialog" aria-label=move || title.get() on:close=move |_| open.set(false)>
            <h2>{move || title.get()}</h2>
            <p>{tr(|t| t.share_scan)}</p>
            <Show when=move || open.get()>
                {move || Suspend::new(async move {
                    let label = Signal::derive(move || t().qr_label.replace("{title}", &title.get()));
                    // Without the chunk (offline before the service worker stored it) the link
                    // below is still there to copy or read out.
                    share_qr_code(url, label).await.unwrap_or_else(|_| ().into_any())
                })}
            </Show>
            <p class="share-link">{move || url.get()}</p>
            <div class="actions">
                <Show when=clipboard_available>
                    <button type="button" class="button" on:click=move |_| copy_text(url, copied)>
                        {move || if copied.get() { t().copied } else { t().copy_link }}
                    </button>
                </Show>
                <button type="button" class="button secondary" on:click=close>{tr(|t| t.close)}</button>
            </div>
            // A screen reader hears "Copied" (the button's new name alone is not announced).
            <p class="visually-hidden" role="status">{move || copied.get().then(|| t().copied)}</p>
        </dialog>
    }
}

lazy_view! {
    /// The share dialog's QR code, in a chunk of its own: the QR encoder is only needed once
    /// someone opens a share dialog (it keeps the emergency card's share button light).
    fn share_qr_code(text: Signal<String>, label: Signal<String>) in share {
        view! { <QrCode text label/> }
    }
}

/// Whether the browser offers the clipboard (only on https or localhost).
pub fn clipboard_available() -> bool {
    js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined())
}

/// Copies the text `source` holds now to the clipboard, and sets `copied` once it is there,
/// unless `source` has changed meanwhile (a teacher who picks another language straight after
/// "Copy" must not be told the new code is the one copied).
pub fn copy_text(source: Signal<String>, copied: RwSignal<bool>) {
    let text = source.get_untracked();
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        // `try_`: the dialog or the page may be gone by the time a slow clipboard answers.
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
            && source.try_with_untracked(|now| *now == text) == Some(true)
        {
            copied.set(true);
        }
    });
}
