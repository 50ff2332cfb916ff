//! The emergency card: numbers to call and the first steps, one tap from every page.
//!
//! It uses the numbers in `site.json` (so another region can change them) and does not depend on
//! the guide loading. A mistake elsewhere in `site.json` keeps its numbers and steps; if they
//! cannot be loaded, it shows the mainland China numbers rather than nothing: an emergency card
//! must never be blank.

use super::{embed_age, embed_start, tr, use_lang, EmergencyOfFaultySite, PageMeta, SiteResource};
use crate::content::{EmergencyInfo, EmergencyNumber, LocalText};
use crate::share::{DeepLink, ShareButton};
use leptos::prelude::*;
use leptos_router::components::A;

/// The header's red button to the emergency card.
#[component]
pub fn EmergencyButton() -> impl IntoView {
    view! {
        <A href="/emergency" attr:class="emergency-button">
            <span>"SOS "</span>
            {tr(|t| t.emergency)}
        </A>
    }
}

fn text(zh: &str, en: &str) -> LocalText {
    LocalText {
        zh_cn: zh.to_owned(),
        en: Some(en.to_owned()),
    }
}

/// Mainland China's numbers and the first steps (call, float, reach, throw, stay out, then CPR
/// and hospital), used only when `site.json` fails.
///
/// The steps are word for word those of the shipped `site.json` (a native test keeps them so),
/// which follow the guide's "If someone is in trouble in the water" and its sources in
/// `guide.json`: the Ministry of Education's six rules against drowning (`moe-six-rules`), the
/// RLSS water safety code (`rlss-water-safety-code`), the RNLI's "float to live"
/// (`rnli-float`), the American Red Cross (`redcross-us-water`), and for the last step the
/// resuscitation guidelines (`erc-2021-special`, `wms-2019`) of "After a rescue".
pub fn mainland_china_defaults() -> EmergencyInfo {
    let number = |n: &str, zh: &str, en: &str| EmergencyNumber {
        number: n.to_owned(),
        label: text(zh, en),
    };
    EmergencyInfo {
        numbers: vec![
            number("119", "消防救援（水上救援）", "Fire and rescue (water rescue)"),
            number("110", "报警", "Police"),
            number("120", "急救", "Ambulance"),
        ],
        steps: vec![
            text(
                "大声呼救，马上打电话：人在水里打119或110，要急救打120。说清楚在哪里。",
                "Shout for help and call now: 119 or 110 if someone is in the water, 120 for an ambulance. Say exactly where you are.",
            ),
            text(
                "对他喊“仰面漂起来！”，一直盯着他的位置。",
                "Shout to them: “Float on your back!” Keep your eyes on where they are.",
            ),
            text(
                "伸（大人来做，小朋友去叫大人）：趴在岸上，把竹竿、树枝或衣物递过去；觉得要被拉下水，马上松手。",
                "Reach (a job for adults; children, fetch an adult): lie down on the bank and hold out a pole, branch or clothing. If you feel pulled in, let go.",
            ),
            text(
                "抛：扔救生圈、拧紧盖子的空水瓶等能漂浮的东西（小朋友也可以扔；扔完松开绳子，去叫大人）。",
                "Throw: a lifebuoy, an empty bottle with the lid on, or anything that floats (children can throw too, then let go of the rope and fetch an adult).",
            ),
            text(
                "不下水：孩子绝不下水救人；没有受过救生训练的大人也不要下水。",
                "Don't go in: children never go into the water to rescue; adults without lifesaving training don't either.",
            ),
            text(
                "救上岸后：没有正常呼吸就马上做心肺复苏。昏迷过、咳嗽或不舒服，即使看起来好了也要去医院；拿不准就去。",
                "Once out: if not breathing normally, start CPR now. Passed out, coughing or unwell? Go to hospital, even if they seem fine. If in doubt, go.",
            ),
        ],
    }
}

/// The emergency card page: big `tel:` links and the first steps.
#[component]
pub fn EmergencyPage() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let SiteResource(site) = expect_context::<SiteResource>();
    let EmergencyOfFaultySite(emergency_alone) = expect_context();
    let back_to_lesson = embed_start().filter(|start| !start.starts_with("/emergency"));
    // In an embed, the guide in the embed's band (children's short steps), which is not on the
    // device; elsewhere the guide finds the device's own.
    let rescue_steps = match embed_age() {
        Some(code) => format!("/guide/someone-in-trouble?age={code}"),
        None => "/guide/someone-in-trouble".to_owned(),
    };
    let info = move || match (site.get(), emergency_alone.get()) {
        (Some(Ok(site)), _) => (site.emergency, false),
        // A mistake elsewhere in site.json (the home page names it) keeps the local numbers.
        (Some(Err(_)), Some(emergency)) => (emergency, false),
        (Some(Err(_)), None) => (mainland_china_defaults(), true),
        (None, _) => (mainland_china_defaults(), false),
    };
    view! {
        <PageMeta title=move || t().emergency_title.to_owned() description=move || t().emergency_steps.to_owned()/>
        <section class="emergency-card" aria-labelledby="emergency-heading">
            <h1 id="emergency-heading">{tr(|t| t.emergency_title)}</h1>
            {move || {
                let (info, is_default) = info();
                let lang = lang.get();
                view! {
                    {is_default.then(|| view! { <p class="notice">{t().emergency_defaults_note}</p> })}
                    <h2>{t().emergency_call}</h2>
                    <ul class="call-list">
                        {info
                            .numbers
                            .into_iter()
                            .map(|n| {
                                let label = n.label.get(lang).to_owned();
                                view! {
                                    <li>
                                        <a class="call" href=n.call_link()>
                                            <span class="call-number">{n.number.clone()}</span>
                                            <span class="call-label">{label}</span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <h2>{t().emergency_steps}</h2>
                    <ol class="emergency-steps">
                        {info.steps.iter().map(|s| view! { <li>{s.get(lang).to_owned()}</li> }).collect_view()}
                    </ol>
                }
            }}
            <div class="actions">
                // A lesson embed has no header: the way back to the quiz or section embedded.
                // (Plain links: the router still takes their clicks.)
                {back_to_lesson.map(|start| view! { <a href=start class="button">{tr(|t| t.back_to_lesson)}</a> })}
                <a href=rescue_steps class="button secondary">{tr(|t| t.emergency_more)}</a>
                <ShareButton link=DeepLink::Emergency title=Signal::derive(move || t().emergency_title.to_owned())/>
            </div>
        </section>
    }
}
