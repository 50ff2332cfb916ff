//! Native tests of content parsing and validation, on the shipped files and on broken ones.

use river_guardians::content::{emergency_alone, parse_content, AppError, SiteContent};
use river_guardians::i18n::Lang;

fn shipped(path: &str) -> String {
    std::fs::read_to_string(format!("{}/public/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

#[test]
fn shipped_site_settings_are_valid_and_complete() {
    let site: SiteContent = parse_content("content/site.json", &shipped("content/site.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let numbers: Vec<&str> = site
        .emergency
        .numbers
        .iter()
        .map(|n| n.number.as_str())
        .collect();
    // Water rescue first: the first big button is the one a panicking bystander taps.
    assert_eq!(numbers, ["119", "110", "120"]);
    assert!(site.emergency.steps.len() >= 3);
    assert_eq!(site.title.get(Lang::ZhCn), "护河护水");
    assert_eq!(site.title.get(Lang::En), "River Guardians");
}

#[test]
fn the_emergency_card_fallback_says_what_the_shipped_settings_say() {
    // When site.json cannot load, the emergency card shows built-in numbers and steps: they must
    // be the reviewed, sourced advice of the shipped settings, word for word, never a weaker copy.
    let site: SiteContent = parse_content("content/site.json", &shipped("content/site.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        river_guardians::shell::mainland_china_defaults(),
        site.emergency
    );
}

#[test]
fn a_mistake_elsewhere_in_the_site_settings_keeps_their_emergency_part() {
    // A typo in a water fact, the PIN or the public address must not take the organizer's local
    // numbers off the emergency card: the card reads the emergency part alone.
    let mut site: serde_json::Value = serde_json::from_str(&shipped("content/site.json")).unwrap();
    site["emergency"]["numbers"][0]["number"] = serde_json::json!("0750-3501234");
    site["water_facts"] = serde_json::json!([{"zh-CN": "只有中文"}]);
    site["kiosk"] = serde_json::json!({"organizer_pin": "12"});
    site["public_url"] = serde_json::json!(42);
    site["a_field_nobody_knows"] = serde_json::json!(true);
    let text = site.to_string();
    assert!(parse_content::<SiteContent>("content/site.json", &text).is_err());
    let emergency = emergency_alone(&text).expect("the emergency part is right");
    assert_eq!(emergency.numbers[0].number, "0750-3501234");
    assert_eq!(
        emergency.steps,
        river_guardians::shell::mainland_china_defaults().steps
    );
}

#[test]
fn an_emergency_part_with_its_own_mistake_is_not_kept() {
    let broken = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut site: serde_json::Value =
            serde_json::from_str(&shipped("content/site.json")).unwrap();
        edit(&mut site);
        emergency_alone(&site.to_string())
    };
    assert!(broken(&|s| s["emergency"]["numbers"][1]["number"] = "one-one-oh".into()).is_none());
    assert!(broken(&|s| s["emergency"]["steps"] = serde_json::json!([])).is_none());
    assert!(broken(&|s| s["emergency"]["numbers"][0]["label"] = "急救".into()).is_none());
    assert!(broken(&|s| s["emergency"]["extra"] = true.into()).is_none());
    assert!(broken(&|s| {
        s.as_object_mut().unwrap().remove("emergency");
    })
    .is_none());
    assert!(emergency_alone("{\"title\": ").is_none());
}

#[test]
fn truncated_json_is_a_parse_error_with_its_position() {
    let err =
        parse_content::<SiteContent>("content/site.json", "{\n  \"title\": {\"zh-CN\": \"x\"},\n")
            .unwrap_err();
    match err {
        AppError::Parse { file, line, .. } => {
            assert_eq!(file, "content/site.json");
            assert_eq!(line, 3);
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn a_web_page_in_place_of_a_content_file_is_named_as_such() {
    // A host whose fallback rule answers a missing /content/quizzes.json with index.html.
    let err = parse_content::<SiteContent>(
        "content/quizzes.json",
        "<!DOCTYPE html><html><head><title>River Guardians</title>",
    )
    .unwrap_err();
    let AppError::Parse { message, line, .. } = err else {
        panic!("expected a parse error")
    };
    assert_eq!(line, 1);
    assert!(
        message.ends_with(
            "(the server sent a web page, not this file: is it uploaded, under exactly this name?)"
        ),
        "{message}"
    );
}

#[test]
fn wrong_type_names_the_field() {
    let mut site: serde_json::Value = serde_json::from_str(&shipped("content/site.json")).unwrap();
    site["emergency"]["numbers"] = serde_json::json!("120");
    let err = parse_content::<SiteContent>("content/site.json", &site.to_string()).unwrap_err();
    let AppError::Parse { message, .. } = err else {
        panic!("expected a parse error")
    };
    assert!(message.contains("invalid type"), "{message}");
}

#[test]
fn rule_breaks_are_reported_by_field_path() {
    let mut site: serde_json::Value = serde_json::from_str(&shipped("content/site.json")).unwrap();
    site["emergency"]["numbers"][1]["number"] = serde_json::json!("one-one-oh");
    site["emergency"]["steps"] = serde_json::json!([]);
    site["event"]["date"] = serde_json::json!("5 Dec");
    site["tagline"] = serde_json::json!({"zh-CN": "只有中文"});
    let err = parse_content::<SiteContent>("content/site.json", &site.to_string()).unwrap_err();
    let AppError::Invalid { file, problems } = err else {
        panic!("expected validation problems")
    };
    assert_eq!(file, "content/site.json");
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "tagline.en",
            "event.date",
            "emergency.numbers[1].number",
            "emergency.steps"
        ]
    );
}

#[test]
fn missing_translation_falls_back_to_chinese() {
    let text: river_guardians::content::LocalText =
        serde_json::from_str(r#"{"zh-CN": "不要私自下水"}"#).unwrap();
    assert_eq!(text.get(Lang::En), "不要私自下水");
}

#[test]
fn shipped_guide_is_valid_sourced_and_complete() {
    use river_guardians::content::GuideContent;
    let guide: GuideContent = parse_content("content/guide.json", &shipped("content/guide.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = guide.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "rules-for-children",
            "recognise-drowning",
            "someone-in-trouble",
            "if-you-fall-in",
            "after-rescue",
            "for-parents-and-teachers",
            "before-you-go"
        ]
    );
    for section in &guide.sections {
        assert!(
            !guide.sources_of(section).is_empty(),
            "{} cites no source",
            section.id
        );
        for step in section.groups.iter().flat_map(|g| &g.steps) {
            assert!(
                !step.text.zh_cn.trim().is_empty(),
                "empty step in {}",
                section.id
            );
            assert!(
                !step.text.lacks_english(),
                "untranslated step in {}",
                section.id
            );
            assert!(!step.sources.is_empty(), "unsourced step in {}", section.id);
        }
    }
    // The Ministry's rules sit beside the RLSS code and the rules for floods and sluice gates;
    // the last section is the family checklist; after-rescue says plainly that it does not
    // replace training.
    assert_eq!(guide.sections[0].groups.len(), 3);
    assert!(guide.sections[6].checklist);
    assert!(guide.sections[4].notice.is_some());
}

#[test]
fn children_are_told_in_the_visible_text_that_someone_shouting_needs_help_too() {
    // The child bands see a guide step's text without its detail: "drowning is quiet, no
    // shouting" alone would tell a child that a splashing, shouting friend is fine.
    use river_guardians::content::GuideContent;
    let guide: GuideContent = parse_content("content/guide.json", &shipped("content/guide.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let (_, section) = guide.section("recognise-drowning").expect("the section");
    let first = &section.groups[0].steps[0].text;
    assert!(first.zh_cn.contains("呼救"), "{}", first.zh_cn);
    assert!(
        first.get(Lang::En).contains("shouting is in trouble too"),
        "{}",
        first.get(Lang::En)
    );
}

#[test]
fn guide_rules_are_reported_by_field_path() {
    use river_guardians::content::GuideContent;
    let mut guide: serde_json::Value =
        serde_json::from_str(&shipped("content/guide.json")).unwrap();
    guide["sections"][2]["groups"][0]["steps"][1]["sources"] = serde_json::json!([]);
    guide["sections"][3]["groups"][0]["steps"][0]["sources"] =
        serde_json::json!(["no-such-source"]);
    guide["sections"][1]["id"] = guide["sections"][0]["id"].clone();
    guide["sections"][5]["groups"][0]["steps"] = serde_json::json!([]);
    let err = parse_content::<GuideContent>("content/guide.json", &guide.to_string()).unwrap_err();
    let AppError::Invalid { problems, .. } = err else {
        panic!("expected validation problems")
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "sections[1].id",
            "sections[2].groups[0].steps[1].sources",
            "sections[3].groups[0].steps[0].sources[0]",
            "sections[5].groups[0].steps"
        ]
    );
}

#[test]
fn shipped_quizzes_are_valid_and_cover_every_kind_and_band() {
    use river_guardians::content::{AgeBand, QuestionKind, QuizContent};
    let quizzes: QuizContent =
        parse_content("content/quizzes.json", &shipped("content/quizzes.json"))
            .unwrap_or_else(|e| panic!("{e}"));
    let all: Vec<_> = quizzes.sets.iter().flat_map(|s| &s.questions).collect();
    assert!(all.len() >= 60, "only {} questions", all.len());
    let kind_count = |f: fn(&QuestionKind) -> bool| all.iter().filter(|q| f(&q.kind)).count();
    assert!(kind_count(|k| matches!(k, QuestionKind::Single { .. })) >= 3);
    assert!(kind_count(|k| matches!(k, QuestionKind::Multiple { .. })) >= 3);
    assert!(kind_count(|k| matches!(k, QuestionKind::TrueFalse { .. })) >= 3);
    assert!(kind_count(|k| matches!(k, QuestionKind::Ordering { .. })) >= 3);
    assert!(kind_count(|k| matches!(k, QuestionKind::Matching { .. })) >= 3);
    for set in &quizzes.sets {
        for band in AgeBand::ALL {
            let n = set.questions_for(Some(band)).count();
            assert!(n >= 6, "{} has only {n} questions for {band:?}", set.id);
        }
    }
    let safety = quizzes
        .set("drowning-prevention")
        .expect("the drowning-prevention set");
    assert!(safety.questions.iter().all(|q| !q.sources.is_empty()));
}

#[test]
fn quiz_rules_are_reported_by_field_path() {
    use river_guardians::content::QuizContent;
    let mut quizzes: serde_json::Value =
        serde_json::from_str(&shipped("content/quizzes.json")).unwrap();
    let first_single = quizzes["sets"][0]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["kind"] == "single")
        .unwrap();
    quizzes["sets"][0]["questions"][first_single]["answer"] = serde_json::json!(5);
    quizzes["sets"][1]["questions"] = serde_json::json!([]);
    let err =
        parse_content::<QuizContent>("content/quizzes.json", &quizzes.to_string()).unwrap_err();
    let AppError::Invalid { problems, .. } = err else {
        panic!("expected validation problems")
    };
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(
        problems[0].path,
        format!("sets[0].questions[{first_single}].answer")
    );
    assert!(
        problems[0].message.starts_with("5 is not one of the"),
        "{}",
        problems[0].message
    );
    assert_eq!(problems[1].path, "sets[1].questions");
}

#[test]
fn unknown_question_kind_is_a_clear_error() {
    use river_guardians::content::QuizContent;
    let mut quizzes: serde_json::Value =
        serde_json::from_str(&shipped("content/quizzes.json")).unwrap();
    quizzes["sets"][0]["questions"][0]["kind"] = serde_json::json!("slider");
    let err =
        parse_content::<QuizContent>("content/quizzes.json", &quizzes.to_string()).unwrap_err();
    assert!(
        err.to_string().contains("unknown variant `slider`"),
        "{err}"
    );
}

#[test]
fn enormous_files_and_strings_are_refused_with_a_clear_message() {
    let padded = format!(
        "{}{}",
        shipped("content/site.json"),
        " ".repeat(5 * 1024 * 1024)
    );
    let err = parse_content::<SiteContent>("content/site.json", &padded).unwrap_err();
    assert!(
        err.to_string()
            .contains("content files are at most 4096 KB"),
        "{err}"
    );
    let mut site: serde_json::Value = serde_json::from_str(&shipped("content/site.json")).unwrap();
    site["tagline"]["en"] = serde_json::json!("x".repeat(3000));
    let err = parse_content::<SiteContent>("content/site.json", &site.to_string()).unwrap_err();
    assert!(
        err.to_string()
            .contains("tagline: is 3000 characters long; at most 2000"),
        "{err}"
    );
}

#[test]
fn emergency_numbers_may_be_written_in_groups_and_call_their_digits() {
    let mut site: serde_json::Value = serde_json::from_str(&shipped("content/site.json")).unwrap();
    let written = ["120", "0750-3501234", "+852 999", "0750 350 1234"];
    site["emergency"]["numbers"] = written
        .iter()
        .map(|n| serde_json::json!({ "number": n, "label": { "zh-CN": "热线", "en": "Hotline" } }))
        .collect();
    let parsed = parse_content::<SiteContent>("content/site.json", &site.to_string()).unwrap();
    let links: Vec<String> = parsed
        .emergency
        .numbers
        .iter()
        .map(|n| n.call_link())
        .collect();
    assert_eq!(
        links,
        [
            "tel:120",
            "tel:07503501234",
            "tel:+852999",
            "tel:07503501234"
        ]
    );
    assert_eq!(
        parsed.emergency.numbers[1].number, "0750-3501234",
        "shown as written"
    );

    for wrong in [
        "0750--350",
        "-120",
        "120 ",
        "(0750) 350",
        "12345678901234567",
        "",
        "+",
    ] {
        site["emergency"]["numbers"] =
            serde_json::json!([{ "number": wrong, "label": { "zh-CN": "热线", "en": "Hotline" } }]);
        let err = parse_content::<SiteContent>("content/site.json", &site.to_string()).unwrap_err();
        assert!(
            err.to_string().contains("is not a phone number"),
            "{wrong:?}: {err}"
        );
    }
}

#[test]
fn kiosk_settings_and_public_address_are_checked() {
    let mut site: serde_json::Value = serde_json::from_str(&shipped("content/site.json")).unwrap();
    site["public_url"] = serde_json::json!("https://rivers.example.org");
    assert!(parse_content::<SiteContent>("content/site.json", &site.to_string()).is_ok());
    // As a browser's address bar copies it.
    site["public_url"] = serde_json::json!("https://rivers.example.org/");
    assert!(parse_content::<SiteContent>("content/site.json", &site.to_string()).is_ok());
    site["public_url"] = serde_json::json!("rivers.example.org/quiz");
    site["kiosk"] = serde_json::json!({ "idle_seconds": 3, "organizer_pin": "12a4" });
    let err = parse_content::<SiteContent>("content/site.json", &site.to_string()).unwrap_err();
    let AppError::Invalid { problems, .. } = err else {
        panic!("expected validation problems")
    };
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "public_url",
                "must be an address like https://example.org, with no path"
            ),
            ("kiosk.idle_seconds", "must be from 10 to 3600 seconds"),
            ("kiosk.organizer_pin", "must be 4 to 8 digits"),
        ]
    );
}

#[test]
fn a_message_on_the_page_lists_the_first_five_problems_and_counts_the_rest() {
    use river_guardians::content::Problem;
    let problems = (0..300)
        .map(|i| Problem {
            path: format!("features[0].geometry.coordinates[{i}]"),
            message: "latitude 113.1 is outside -90..90".to_owned(),
        })
        .collect();
    let error = AppError::Invalid {
        file: "content/routes.geojson".to_owned(),
        problems,
    };
    let message = river_guardians::shell::describe_app_error(&error, Lang::En);
    assert!(message.starts_with(
        "content/routes.geojson has problems: features[0].geometry.coordinates[0]: latitude"
    ));
    assert!(message.contains("coordinates[4]:") && !message.contains("coordinates[5]:"));
    assert!(message.ends_with("; … +295"), "{message}");
}

#[test]
fn a_server_in_trouble_is_not_described_as_a_missing_file() {
    let say = |status| {
        river_guardians::shell::describe_app_error(
            &AppError::Status {
                file: "content/guide.json".to_owned(),
                status,
            },
            Lang::En,
        )
    };
    assert_eq!(
        say(404),
        "The server could not find content/guide.json (status 404)."
    );
    for status in [408, 429, 500, 502, 503, 504] {
        assert_eq!(
            say(status),
            format!(
                "The server could not send content/guide.json just now (status {status}); try \
                 again in a moment."
            )
        );
    }
}
