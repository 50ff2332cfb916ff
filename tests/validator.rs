//! The content validator command on the shipped content and on broken copies of it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shipped_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/content")
}

/// A copy of the site's public folder (content and pictures) to break on purpose.
fn copy_site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("rg-validator-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for sub in ["content", "images/quiz", "images/guide", "images/story"] {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public")
            .join(sub);
        let to = root.join(sub);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }
    root.join("content")
}

fn run(dir: &Path) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_validate-content"))
        .arg(dir)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// Line and column (from 1) of the first occurrence of `needle` after `anchor` in `text`.
fn position_of(text: &str, anchor: &str, needle: &str) -> (usize, usize) {
    let start = text.find(anchor).unwrap();
    let offset = start + text[start..].find(needle).unwrap();
    let before = &text[..offset];
    (
        before.matches('\n').count() + 1,
        before.rsplit('\n').next().unwrap().chars().count() + 1,
    )
}

#[test]
fn shipped_content_is_valid() {
    let (ok, out) = run(&shipped_dir());
    assert!(ok, "{out}");
    assert!(out.contains("content is valid (5 quiz sets"), "{out}");
}

#[test]
fn an_answer_past_the_options_is_reported_at_its_exact_place() {
    let dir = copy_site("answer");
    let file = dir.join("quizzes.json");
    let text = std::fs::read_to_string(&file).unwrap();
    // The first single-choice question of the first set: its "answer" becomes 5.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let questions = value["sets"][0]["questions"].as_array_mut().unwrap();
    let index = questions
        .iter()
        .position(|q| q["kind"] == "single")
        .unwrap();
    let options = questions[index]["options"].as_array().unwrap().len();
    questions[index]["answer"] = serde_json::json!(5);
    let broken = serde_json::to_string_pretty(&value).unwrap();
    std::fs::write(&file, &broken).unwrap();

    let (ok, out) = run(&dir);
    assert!(!ok);
    assert_eq!(
        broken.matches("\"answer\": 5").count(),
        1,
        "the broken answer is the only 5"
    );
    let (line, column) = position_of(&broken, "\"answer\": 5", "\"answer\": 5");
    let column = column + "\"answer\": ".len();
    let expected = format!(
        "{}:{line}:{column} sets[0].questions[{index}].answer: 5 is not one of the {options} options",
        file.display()
    );
    assert!(
        out.lines().any(|l| l == expected),
        "expected {expected}\n{out}"
    );
}

#[test]
fn truncated_json_missing_pictures_and_unknown_quiz_stops_are_all_reported() {
    let dir = copy_site("many");
    let site = std::fs::read_to_string(dir.join("site.json")).unwrap();
    let half = site.char_indices().nth(site.chars().count() / 2).unwrap().0;
    std::fs::write(dir.join("site.json"), &site[..half]).unwrap();
    std::fs::remove_file(dir.parent().unwrap().join("images/guide/after-rescue.svg")).unwrap();
    let routes = std::fs::read_to_string(dir.join("routes.geojson")).unwrap();
    std::fs::write(
        dir.join("routes.geojson"),
        routes.replacen("\"river-ecology\"", "\"river-ecologee\"", 1),
    )
    .unwrap();

    let (ok, out) = run(&dir);
    assert!(!ok);
    let site_line = out
        .lines()
        .find(|l| l.contains("site.json:"))
        .unwrap_or_default()
        .to_owned();
    assert!(site_line.contains("EOF while parsing"), "{out}");
    assert!(out.contains("guide.json:"), "{out}");
    assert!(
        out.contains(".image.src: the picture \"images/guide/after-rescue.svg\" does not exist"),
        "{out}"
    );
    assert!(
        out.contains(".properties.quiz: \"river-ecologee\" is not a quiz set in quizzes.json"),
        "{out}"
    );
    assert!(out.ends_with("3 problem(s) found\n"), "{out}");
}
