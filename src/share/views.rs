//! The share dialog and the QR code picture.

use super::links::DeepLink;
use super::qr::qr_svg;
use crate::lazy::lazy_view;
use crate::shell::{tr, use_lang, SiteResource};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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
    let copied = CopyState::default();
    let origin = use_site_origin();
    let url = Signal::derive(move || link.get().url(&origin.get(), lang.get()));
    let show = move |_| {
        open.set(true);
        copied.reset();
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
                    <button type="button" class="button" on:click=move |_| {
                        let shown = dialog.get().and_then(|d| d.query_selector(".share-link").ok().flatten());
                        copy_text(url, copied, shown)
                    }>
                        {move || if copied.copied() { t().copied } else { t().copy_link }}
                    </button>
                </Show>
                <button type="button" class="button secondary" on:click=close>{tr(|t| t.close)}</button>
            </div>
            // A screen reader hears "Copied" (the button's new name alone is not announced).
            <CopyStatus state=copied/>
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

/// Where a copy to the clipboard stands, for the button's words and the status lines.
#[derive(Clone, Copy)]
pub struct CopyState {
    /// The text on screen is in the clipboard.
    copied: RwSignal<bool>,
    /// The browser refused (a school's locked-down computer, a frame not allowed to write):
    /// the text is selected on the page for the user to copy by hand.
    refused: RwSignal<bool>,
}

impl Default for CopyState {
    /// Nothing copied yet.
    fn default() -> Self {
        Self {
            copied: RwSignal::new(false),
            refused: RwSignal::new(false),
        }
    }
}

impl CopyState {
    /// Back to nothing copied: the text changed, or the dialog opens again.
    pub fn reset(self) {
        self.copied.set(false);
        self.refused.set(false);
    }

    /// Whether the text on screen is in the clipboard (tracked).
    pub fn copied(self) -> bool {
        self.copied.get()
    }
}

/// Copies the text `source` holds now to the clipboard, and says so in `state` once it is
/// there, unless `source` has changed meanwhile (a teacher who picks another language straight
/// after "Copy" must not be told the new code is the one copied). When the browser refuses, the
/// text of `shown` (the element that shows it: a text box or a paragraph) is selected for the
/// user to copy by hand, and `state` says so.
pub fn copy_text(source: Signal<String>, state: CopyState, shown: Option<web_sys::Element>) {
    let text = source.get_untracked();
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        let written = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        // `try_`: the dialog or the page may be gone by the time a slow clipboard answers.
        if source.try_with_untracked(|now| *now == text) != Some(true) {
            return;
        }
        state.copied.set(written);
        state.refused.set(!written);
        if written {
            return;
        }
        if let Some(shown) = shown {
            if let Some(text_box) = shown.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                let _ = text_box.focus();
                text_box.select();
            } else if let Ok(Some(selection)) = window().get_selection() {
                let _ = selection.select_all_children(&shown);
            }
        }
    });
}

/// The status lines of a copy button: "Copied" for screen readers only (the button says it on
/// screen), and after a refusal, for everyone, that the text is selected to copy by hand.
#[component]
pub fn CopyStatus(state: CopyState) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="visually-hidden" role="status">{move || state.copied.get().then(|| lang.get().t().copied)}</p>
        <p class="copy-status" role="status">{move || state.refused.get().then(|| lang.get().t().copy_refused)}</p>
    }
}
