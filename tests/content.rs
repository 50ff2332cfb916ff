//! Native tests of content parsing and validation, on the shipped files and on broken ones.

use river_guardians::content::{parse_content, AppError, SiteContent};
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
    assert_eq!(numbers, ["120", "110", "119"]);
    assert!(site.emergency.steps.len() >= 3);
    assert_eq!(site.title.get(Lang::ZhCn), "护河护水");
    assert_eq!(site.title.get(Lang::En), "River Guardians");
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
