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

/// Line and column (from 1) of byte `offset` in `text`, counting characters as editors do.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    (
        before.matches('\n').count() + 1,
        before.rsplit('\n').next().unwrap().chars().count() + 1,
    )
}

/// Breaks `file` in a fresh copy of the site: `mutate` edits its parsed JSON, which is written
/// back pretty-printed. Runs the validator on the copy and returns whether it succeeded, what it
/// printed, the broken text and the file's path as the validator prints it.
fn run_broken(
    name: &str,
    file: &str,
    mutate: impl FnOnce(&mut serde_json::Value),
) -> (bool, String, String, String) {
    let dir = copy_site(name);
    let path = dir.join(file);
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    mutate(&mut value);
    let text = serde_json::to_string_pretty(&value).unwrap();
    std::fs::write(&path, &text).unwrap();
    let (ok, out) = run(&dir);
    (ok, out, text, path.display().to_string())
}

/// Asserts that the validator failed and printed exactly these problems, then the count.
fn assert_findings(ok: bool, out: &str, expected: &[String]) {
    assert!(!ok, "the validator must exit non-zero\n{out}");
    let mut lines: Vec<String> = expected.to_vec();
    lines.push(format!("{} problem(s) found", expected.len()));
    assert_eq!(out.lines().collect::<Vec<_>>(), lines, "\n{out}");
}

#[test]
fn shipped_content_is_valid() {
    let (ok, out) = run(&shipped_dir());
    assert!(ok, "{out}");
    assert!(out.contains("content is valid (5 quiz sets"), "{out}");
}

#[test]
fn files_saved_with_a_byte_order_mark_are_read() {
    // Windows Notepad's "UTF-8" puts EF BB BF before the text; the app reads such files too
    // (`without_bom` in its one loading path).
    let dir = copy_site("bom");
    for file in ["site.json", "quizzes.json", "guide.json", "routes.geojson"] {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
    }
    let (ok, out) = run(&dir);
    assert!(ok, "{out}");
    assert_eq!(
        river_guardians::content::without_bom("\u{feff}{}".into()),
        "{}"
    );
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

#[test]
fn two_matches_that_read_the_same_are_reported() {
    // "Sort the litter": two things into the same bin. The two "Recyclable" buttons cannot be
    // told apart, and the other one would be marked wrong.
    let (ok, out, _, file) = run_broken("same-bin", "quizzes.json", |q| {
        let pairs = &mut q["sets"][1]["questions"][8]["pairs"];
        pairs[1]["right"] = pairs[0]["right"].clone();
    });
    assert!(!ok, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with(&format!("{file}:")), "{out}");
    assert!(
        lines[0].ends_with(
            " sets[1].questions[8].pairs[1].right: reads the same as sets[1].questions[8].pairs[0].right: a player cannot tell the two apart (to sort several things into one bin, ask a single-choice question for each)"
        ),
        "{out}"
    );
}

#[test]
fn a_question_id_used_twice_is_reported_where_it_is_used_again() {
    let (ok, out, text, file) = run_broken("twice", "quizzes.json", |q| {
        q["sets"][0]["questions"][0]["id"] = "same-question-id".into();
        q["sets"][1]["questions"][0]["id"] = "same-question-id".into();
    });
    let second = text.rfind("\"same-question-id\"").unwrap();
    let (line, column) = line_column(&text, second);
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} sets[1].questions[0].id: \"same-question-id\" is used twice"
        )],
    );
}

#[test]
fn a_question_without_english_or_without_chinese_is_reported() {
    // English missing: the text is found, its translation is not.
    let (ok, out, text, file) = run_broken("no-english", "quizzes.json", |q| {
        q["sets"][2]["questions"][4]["prompt"] = serde_json::json!({ "zh-CN": "只有中文的题目" });
    });
    let object = text[..text.find("只有中文的题目").unwrap()]
        .rfind('{')
        .unwrap();
    let (line, column) = line_column(&text, object);
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} sets[2].questions[4].prompt.en: the English translation is missing"
        )],
    );

    // zh-CN missing: the file cannot be read at all. A question's fields are read as one
    // (its kind decides which fields it has), so the place is the end of the question, with its
    // path; elsewhere it is the end of the text itself.
    let mut index = 0;
    let (ok, out, text, file) = run_broken("no-chinese", "quizzes.json", |q| {
        let questions = q["sets"][2]["questions"].as_array_mut().unwrap();
        index = questions
            .iter()
            .position(|q| q.get("options").is_some())
            .unwrap();
        questions[index]["options"][1] = serde_json::json!({ "en": "English only" });
    });
    let marker = text.find("English only").unwrap();
    let end = marker + text[marker..].find("\n        }").unwrap() + "\n        ".len();
    let (line, column) = line_column(&text, end);
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} sets[2].questions[{index}]: missing field `zh-CN`"
        )],
    );
    let (ok, out, text, file) = run_broken("no-chinese-guide", "guide.json", |g| {
        g["sections"][1]["groups"][0]["steps"][2]["text"] =
            serde_json::json!({ "en": "English only" });
    });
    let marker = text.find("English only").unwrap();
    let end = marker + text[marker..].find('}').unwrap();
    let (line, column) = line_column(&text, end);
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} sections[1].groups[0].steps[2].text: missing field `zh-CN`"
        )],
    );
}

#[test]
fn a_quiz_stop_naming_no_quiz_set_is_reported_at_its_value() {
    let (ok, out, text, file) = run_broken("stop", "routes.geojson", |r| {
        r["features"][6]["properties"]["quiz"] = "no-such-quiz".into();
    });
    let (line, column) = line_column(&text, text.find("\"no-such-quiz\"").unwrap());
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} features[6].properties.quiz: \"no-such-quiz\" is not a quiz set in quizzes.json"
        )],
    );
}

#[test]
fn a_checkpoint_far_from_its_route_is_reported_at_its_coordinates() {
    // The offset of a position copied from a Chinese web map (GCJ-02) here: about 500 m.
    let (ok, out, text, file) = run_broken("far", "routes.geojson", |r| {
        let at = &mut r["features"][5]["geometry"]["coordinates"];
        *at = serde_json::json!([113.109884 + 0.0052, 22.55738 - 0.0027]);
    });
    // The sixth feature's coordinates (each feature has one such key).
    let (from, _) = text.match_indices("\"coordinates\"").nth(5).unwrap();
    let (line, column) = line_column(&text, from + text[from..].find('[').unwrap());
    assert!(!ok, "{out}");
    let first = out.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!(
            "{file}:{line}:{column} features[5].geometry.coordinates: is "
        )),
        "{out}"
    );
    assert!(
        first.contains("m from route \"north-bank-learning-trail\", more than 50 m")
            && first.contains("WGS84"),
        "{out}"
    );
}

#[test]
fn each_point_of_a_multipoint_far_from_its_route_is_reported() {
    // A QGIS point layer exported as MultiPoint: the second lifebuoy copied from a web map.
    let (ok, out, _, _) = run_broken("far-multi", "routes.geojson", |r| {
        let near = r["features"][5]["geometry"]["coordinates"].clone();
        r["features"][5]["geometry"] = serde_json::json!({
            "type": "MultiPoint",
            "coordinates": [near, [113.109884 + 0.0052, 22.55738 - 0.0027]]
        });
    });
    assert!(!ok, "{out}");
    let reported: Vec<&str> = out.lines().filter(|l| l.contains("m from route")).collect();
    assert_eq!(reported.len(), 1, "{out}");
    assert!(
        reported[0].contains(" features[5].geometry.coordinates[1]: is "),
        "{out}"
    );
}

#[test]
fn an_area_in_the_routes_file_is_reported_as_not_drawn() {
    let (ok, out, text, file) = run_broken("area", "routes.geojson", |r| {
        r["features"][4]["geometry"] = serde_json::json!({
            "type": "Polygon",
            "coordinates": [[[113.1, 22.55], [113.11, 22.55], [113.11, 22.56], [113.1, 22.55]]]
        });
    });
    let (line, column) = line_column(&text, text.find("\"Polygon\"").unwrap());
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} features[4].geometry.type: a Polygon is not drawn on the patrol map: routes are lines and places are points (areas such as the river go in background.geojson)"
        )],
    );
}

#[test]
fn every_missing_picture_is_reported_at_its_path() {
    let dir = copy_site("pictures");
    let mut expected = Vec::new();
    for (file, pointer, path) in [
        (
            "quizzes.json",
            "/sets/4/questions/8/image/src",
            "sets[4].questions[8].image.src",
        ),
        ("quizzes.json", "/sets/1/icon", "sets[1].icon"),
        (
            "guide.json",
            "/sections/3/image/src",
            "sections[3].image.src",
        ),
        (
            "routes.geojson",
            "/features/19/properties/story/after/src",
            "features[19].properties.story.after.src",
        ),
    ] {
        let target = dir.join(file);
        let mut value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
        let src = format!("images/missing/{}.svg", path.replace(['[', ']', '.'], "-"));
        *value.pointer_mut(pointer).unwrap() = src.clone().into();
        let text = serde_json::to_string_pretty(&value).unwrap();
        std::fs::write(&target, &text).unwrap();
        let (line, column) = line_column(&text, text.find(&format!("\"{src}\"")).unwrap());
        expected.push((
            file,
            format!(
                "{}:{line}:{column} {path}: the picture \"{src}\" does not exist",
                target.display()
            ),
        ));
    }
    let (ok, out) = run(&dir);
    // The validator reports file by file: quizzes, guide, then routes.
    let order = ["quizzes.json", "guide.json", "routes.geojson"];
    expected.sort_by_key(|(file, _)| order.iter().position(|f| f == file));
    let expected: Vec<String> = expected.into_iter().map(|(_, line)| line).collect();
    let mut printed: Vec<String> = out.lines().map(str::to_owned).collect();
    let count = printed.pop();
    printed.sort();
    let mut sorted = expected.clone();
    sorted.sort();
    assert!(!ok, "{out}");
    assert_eq!(printed, sorted, "\n{out}");
    assert_eq!(count.as_deref(), Some("4 problem(s) found"));
}

#[test]
fn a_guide_step_without_a_source_or_with_an_unknown_one_is_reported() {
    let (ok, out, text, file) = run_broken("unsourced", "guide.json", |g| {
        g["sections"][2]["groups"][0]["steps"][3]["sources"] = serde_json::json!([]);
        g["sections"][5]["groups"][0]["steps"][0]["sources"][0] = "no-such-source".into();
    });
    let empty = text.find("\"sources\": []").unwrap() + "\"sources\": ".len();
    let (line, column) = line_column(&text, empty);
    let (line2, column2) = line_column(&text, text.find("\"no-such-source\"").unwrap());
    assert_findings(
        ok,
        &out,
        &[
            format!(
                "{file}:{line}:{column} sections[2].groups[0].steps[3].sources: must cite at least one source"
            ),
            format!(
                "{file}:{line2}:{column2} sections[5].groups[0].steps[0].sources[0]: \"no-such-source\" is not one of the listed sources"
            ),
        ],
    );
}

#[test]
fn a_guide_section_id_used_twice_is_reported() {
    let (ok, out, text, file) = run_broken("section-twice", "guide.json", |g| {
        g["sections"][4]["id"] = g["sections"][1]["id"].clone();
    });
    let id = serde_json::from_str::<serde_json::Value>(&text).unwrap()["sections"][1]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = text.rfind(&format!("\"{id}\"")).unwrap();
    let (line, column) = line_column(&text, second);
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} sections[4].id: \"{id}\" is used twice"
        )],
    );
}

#[test]
fn a_renamed_section_the_site_links_to_is_reported() {
    let (ok, out, text, file) = run_broken("section-renamed", "guide.json", |g| {
        for section in g["sections"].as_array_mut().unwrap() {
            if section["id"] == "someone-in-trouble" {
                section["id"] = "rescue".into();
            }
        }
    });
    let (line, column) = position_of(&text, "\"sections\"", "[");
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} sections: no section has the id \"someone-in-trouble\": the emergency card's \"Read the full rescue steps\" links to it; keep that id"
        )],
    );
}

#[test]
fn a_clock_too_short_to_read_a_question_is_reported() {
    let (ok, out, text, file) = run_broken("short-timer", "quizzes.json", |q| {
        q["sets"][1]["timer_seconds"] = 5.into();
    });
    let (line, column) = position_of(&text, "\"timer_seconds\": 5", "5");
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} sets[1].timer_seconds: must be null (untimed) or at least 10: 5 seconds are too few to read a question (the site gives 10)"
        )],
    );
}

#[test]
fn a_route_id_that_looks_like_a_file_name_is_reported() {
    let (ok, out, text, file) = run_broken("dotted-id", "routes.geojson", |r| {
        let old = r["features"][0]["properties"]["id"].clone();
        for feature in r["features"].as_array_mut().unwrap() {
            let props = &mut feature["properties"];
            for key in ["id", "route"] {
                if props[key] == old {
                    props[key] = "routes.1".into();
                }
            }
        }
    });
    let (line, column) = position_of(&text, "\"routes.1\"", "\"");
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} features[0].properties.id: the route id \"routes.1\" has a dot: its address /map/routes.1 looks like a file to web servers; use letters, digits and hyphens"
        )],
    );
}

#[test]
fn a_feature_id_from_a_gis_tool_that_looks_like_a_file_name_is_reported() {
    // GeoServer and QGIS write the id beside the properties, not in them.
    let (ok, out, text, file) = run_broken("dotted-feature-id", "routes.geojson", |r| {
        let features = r["features"].as_array_mut().unwrap();
        let old = features[0]["properties"]["id"].clone();
        features[0]["properties"]
            .as_object_mut()
            .unwrap()
            .remove("id");
        features[0]["id"] = "routes.1".into();
        for feature in features.iter_mut() {
            if feature["properties"]["route"] == old {
                feature["properties"]["route"] = "routes.1".into();
            }
        }
    });
    let (line, column) = position_of(&text, "\"routes.1\"", "\"");
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} features[0].id: the route id \"routes.1\" has a dot: its address /map/routes.1 looks like a file to web servers; use letters, digits and hyphens"
        )],
    );
}

#[test]
fn a_misspelt_background_layer_is_reported() {
    let (ok, out, text, file) = run_broken("background-layer", "background.geojson", |b| {
        b["features"][0]["properties"]["layer"] = "river".into();
        b["features"][1]["properties"]["layer"] = serde_json::Value::Null;
    });
    let (line, column) = position_of(&text, "\"river\"", "\"");
    assert_findings(
        ok,
        &out,
        &[format!(
            "{file}:{line}:{column} features[0].properties.layer: \"river\" is not one of: water, park, path"
        )],
    );
}
