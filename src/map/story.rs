//! The park story's before/after comparison: a slider over two aligned pictures, operable by
//! touch, mouse and keyboard (it is a native range input).

use crate::content::Story;
use crate::shell::{tr, use_lang};
use leptos::prelude::*;

/// Two pictures, the "now" one revealed over the "before" one as the slider moves.
#[component]
pub fn StoryCompare(story: Story) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let reveal = RwSignal::new(50_u8);
    let Story {
        before,
        after,
        caption,
    } = story;
    let before_url = before.url();
    let after_url = after.url();
    view! {
        <figure class="story">
            <div class="story-compare">
                <img src=before_url alt=move || before.alt.get(lang.get()).to_owned() width="320" height="200"/>
                <img
                    class="story-after"
                    src=after_url
                    alt=move || after.alt.get(lang.get()).to_owned()
                    width="320"
                    height="200"
                    style=("clip-path", move || format!("inset(0 0 0 {}%)", 100 - reveal.get()))
                />
            </div>
            <label class="story-slider">
                <span>{tr(|t| t.before)}</span>
                <input
                    type="range"
                    min="0"
                    max="100"
                    step="5"
                    prop:value=move || reveal.get().to_string()
                    aria-label=tr(|t| t.story_slider)
                    aria-valuetext=move || format!("{} {}% · {} {}%", t().after, reveal.get(), t().before, 100 - reveal.get())
                    on:input=move |ev| {
                        if let Ok(value) = event_target_value(&ev).parse::<u8>() {
                            reveal.set(value.min(100));
                        }
                    }
                />
                <span>{tr(|t| t.after)}</span>
            </label>
            <figcaption>{move || caption.get(lang.get()).to_owned()}</figcaption>
        </figure>
    }
}
