//! The age band: `?age=` in the URL (so a teacher's link carries it), else the device's last choice.

use super::{tr, use_lang};
use crate::content::AgeBand;
use crate::storage;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

/// The storage key of the device's last age band choice.
pub const AGE_KEY: &str = "age";

/// `?age=all`: every band, whatever this device saved (a teacher's all-ages worksheet on a
/// tablet where a family once picked a band). The device then forgets its band, as if "All
/// ages" were picked, and the next page stays all ages.
pub const ALL_AGES: &str = "all";

/// The chosen age band, if any (`None`: all ages): `?age=` wins, then the saved choice. It
/// changes only when the band does: other changes to the query (the language switch rewrites `?lang=`) leave a quiz in play.
/// The saved choice is read again whenever the address changes, so a page drawn before a choice
/// agrees with the picker after it (Back from `?age=` to a quiz started on the saved band).
pub fn use_age() -> Signal<Option<AgeBand>> {
    let query = use_query_map();
    Memo::new(move |_| {
        let band = |code: Option<String>| code.and_then(|code| AgeBand::from_code(&code));
        match query.with(|q| q.get("age")) {
            Some(code) if code == ALL_AGES => {
                storage::remove(AGE_KEY);
                None
            }
            code => band(code).or_else(|| band(storage::load(AGE_KEY))),
        }
    })
    .into()
}

/// Six links, one per age band and one for all ages, that put `?age=` in the address and
/// remember the choice ("All ages" forgets the saved band).
#[component]
pub fn AgePicker() -> impl IntoView {
    let lang = use_lang();
    let age = use_age();
    let query = use_query_map();
    let location = use_location();
    let href = move |code: &str| {
        let mut params = query.get();
        params.replace("age", code.to_owned());
        format!("{}{}", location.pathname.get(), params.to_query_string())
    };
    // Remembered on the device ("All ages" forgets it).
    let chosen = |band: Option<AgeBand>| match band {
        Some(band) => storage::save(AGE_KEY, band.code()),
        None => storage::remove(AGE_KEY),
    };
    view! {
        <nav class="age-picker" aria-label=tr(|t| t.age_band)>
            <span class="age-picker-label">{tr(|t| t.age_band)}</span>
            {AgeBand::ALL
                .into_iter()
                .map(|band| {
                    view! {
                        // A plain link (the router still takes the click): the router's <A>
                        // marks every one of them aria-current="page", as they all lead to this
                        // page with another ?age=.
                        <a
                            href=move || href(band.code())
                            class="chip"
                            aria-current=move || (age.get() == Some(band)).then_some("true")
                            on:click=move |_| chosen(Some(band))
                        >
                            {move || lang.get().t().age(band)}
                        </a>
                    }
                })
                .collect_view()}
            <a
                href=move || href(ALL_AGES)
                class="chip"
                aria-current=move || age.get().is_none().then_some("true")
                on:click=move |_| chosen(None)
            >
                {tr(|t| t.all_ages)}
            </a>
        </nav>
    }
}
