//! Checks a content folder the way the site will read it, and prints every problem as
//! `file:line:column field.path: message`. Exit code 1 when anything is wrong.
//!
//!     cargo run --bin validate-content -- public/content

use river_guardians::content::without_bom;
use river_guardians::content::{
    locate, parse_content, path_at, route_file_problems, route_property, AppError, FeatureProperty,
    GeoJsonFile, GuideContent, QuizContent, SiteContent, Validate, LAYERS, MIN_TIMER_SECONDS,
};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One problem, ready to print: where (file, line and column, field path) and what.
struct Finding {
    file: PathBuf,
    position: Option<(usize, usize)>,
    path: String,
    message: String,
}

impl Finding {
    fn print(&self) {
        let position = self
            .position
            .map_or(String::new(), |(line, column)| format!(":{line}:{column}"));
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.path)
        };
        println!("{}{position} {path}{}", self.file.display(), self.message);
    }
}

/// How far (metres) a point may lie from the route it names: a checkpoint is on its route, a
/// hazard or rescue gear beside it (the route's panel lists them within 60 and 120 m).
fn route_limit_m(kind: Option<&str>) -> f64 {
    // Read as the map reads it: "Checkpoint " is a checkpoint.
    match kind.map(|k| k.trim().to_ascii_lowercase()).as_deref() {
        Some("checkpoint") => 50.0,
        Some("hazard") => river_guardians::map::model::HAZARD_NEAR_M,
        _ => river_guardians::map::model::GEAR_NEAR_M,
    }
}

/// Where a point (or each point of a MultiPoint, `[i]`) lies farther from the route it names than
/// [`route_limit_m`], with the message: a position typed wrong, or copied from a Chinese web
/// map, whose coordinates (GCJ-02) are shifted by hundreds of metres from the GPS (WGS84) ones
/// the map and "Where am I?" use.
fn too_far_from_route(
    feature: &geojson::Feature,
    props: &geojson::JsonObject,
    route: &river_guardians::content::PatrolRoute,
) -> Vec<(String, String)> {
    let positions: Vec<(String, &geojson::Position)> =
        match feature.geometry.as_ref().map(|g| &g.value) {
            Some(geojson::GeometryValue::Point { coordinates }) => {
                vec![(String::new(), coordinates)]
            }
            Some(geojson::GeometryValue::MultiPoint { coordinates }) => coordinates
                .iter()
                .enumerate()
                .map(|(i, position)| (format!("[{i}]"), position))
                .collect(),
            _ => Vec::new(),
        };
    let limit = route_limit_m(
        props
            .get(FeatureProperty::Kind.key())
            .and_then(|k| k.as_str()),
    );
    positions
        .into_iter()
        .filter(|(_, position)| position.len() >= 2)
        .filter_map(|(at_index, position)| {
            let at = river_guardians::map::geo::LonLat {
                lon: position[0],
                lat: position[1],
            };
            let distance = route
                .lines
                .iter()
                .map(|line| river_guardians::map::geo::distance_to_line_m(at, line))
                .fold(f64::INFINITY, f64::min);
            (distance > limit).then(|| {
                let message = format!(
                    "is {distance:.0} m from route \"{}\", more than {limit:.0} m: check the \
                     position (one copied from Amap, Baidu or Tencent maps is shifted by hundreds \
                     of metres; use GPS (WGS84) coordinates)",
                    route.id
                );
                (at_index, message)
            })
        })
        .collect()
}

/// A content file's text, as the app reads it (without a leading byte-order mark).
fn read_text(file: &Path) -> std::io::Result<String> {
    std::fs::read_to_string(file).map(without_bom)
}

/// A problem at a field of a file, located in the file's text.
fn at(dir: &Path, file: &str, path: String, message: String) -> Finding {
    let position = read_text(&dir.join(file))
        .ok()
        .and_then(|text| locate(&text, &path));
    Finding {
        file: dir.join(file),
        position,
        path,
        message,
    }
}

/// Reads and checks one file; the parsed content when it is usable.
fn check<T: DeserializeOwned + Validate>(
    dir: &Path,
    name: &str,
    findings: &mut Vec<Finding>,
) -> Option<T> {
    let file = dir.join(name);
    let text = match read_text(&file) {
        Ok(text) => text,
        Err(e) => {
            findings.push(Finding {
                file,
                position: None,
                path: String::new(),
                message: format!("cannot be read: {e}"),
            });
            return None;
        }
    };
    match parse_content::<T>(name, &text) {
        Ok(content) => Some(content),
        Err(AppError::Parse {
            line,
            column,
            message,
            ..
        }) => {
            findings.push(Finding {
                file,
                position: Some((line, column)),
                path: path_at(&text, line, column),
                message,
            });
            None
        }
        Err(AppError::Invalid { problems, .. }) => {
            for problem in problems {
                let position = locate(&text, &problem.path);
                findings.push(Finding {
                    file: file.clone(),
                    position,
                    path: problem.path,
                    message: problem.message,
                });
            }
            None
        }
        Err(other) => {
            findings.push(Finding {
                file,
                position: None,
                path: String::new(),
                message: other.to_string(),
            });
            None
        }
    }
}

fn main() -> ExitCode {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "public/content".to_owned()),
    );
    let site_root = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut findings = Vec::new();
    let site: Option<SiteContent> = check(&dir, "site.json", &mut findings);
    let quizzes: Option<QuizContent> = check(&dir, "quizzes.json", &mut findings);
    let guide: Option<GuideContent> = check(&dir, "guide.json", &mut findings);
    let routes: Option<GeoJsonFile> = check(&dir, "routes.geojson", &mut findings);
    if dir.join("background.geojson").exists() {
        let background: Option<GeoJsonFile> = check(&dir, "background.geojson", &mut findings);
        // A misspelt layer would draw the river as a park, unreported.
        for (i, feature) in background
            .iter()
            .flat_map(|b| b.0.features.iter().enumerate())
        {
            // Left empty (null or blank, as QGIS writes an empty field) means the default.
            let unknown = |l: &&serde_json::Value| {
                !l.is_null()
                    && !l
                        .as_str()
                        .is_some_and(|l| l.trim().is_empty() || LAYERS.contains(&l))
            };
            if let Some(layer) = feature
                .properties
                .as_ref()
                .and_then(|p| p.get(FeatureProperty::Layer.key()))
                .filter(unknown)
            {
                findings.push(at(
                    &dir,
                    "background.geojson",
                    format!("features[{i}].properties.layer"),
                    format!("{layer} is not one of: {}", LAYERS.join(", ")),
                ));
            }
        }
    }

    // Cross-file checks: pictures exist, quiz stops and route references name real things.
    let missing_image = |findings: &mut Vec<Finding>, file: &str, path: String, src: &str| {
        if !site_root.join(src.trim_start_matches('/')).is_file() {
            findings.push(at(
                &dir,
                file,
                path,
                format!("the picture \"{src}\" does not exist"),
            ));
        }
    };
    if let Some(quizzes) = &quizzes {
        for (s, set) in quizzes.sets.iter().enumerate() {
            if let Some(seconds @ 1..MIN_TIMER_SECONDS) = set.timer_seconds {
                findings.push(at(
                    &dir,
                    "quizzes.json",
                    format!("sets[{s}].timer_seconds"),
                    format!(
                        "must be null (untimed) or at least {MIN_TIMER_SECONDS}: {seconds} seconds \
                         are too few to read a question (the site gives {MIN_TIMER_SECONDS})"
                    ),
                ));
            }
            missing_image(
                &mut findings,
                "quizzes.json",
                format!("sets[{s}].icon"),
                &set.icon,
            );
            for (q, question) in set.questions.iter().enumerate() {
                if let Some(image) = &question.image {
                    missing_image(
                        &mut findings,
                        "quizzes.json",
                        format!("sets[{s}].questions[{q}].image.src"),
                        &image.src,
                    );
                }
            }
        }
    }
    if let Some(guide) = &guide {
        // Sections the site itself names: renaming one breaks what points at it.
        for (id, why) in [
            (
                "someone-in-trouble",
                "the emergency card's \"Read the full rescue steps\" links to it",
            ),
            (
                "rules-for-children",
                "its printout is laid out as a classroom poster (style.css)",
            ),
        ] {
            if !guide.sections.iter().any(|section| section.id == id) {
                findings.push(at(
                    &dir,
                    "guide.json",
                    "sections".to_owned(),
                    format!("no section has the id \"{id}\": {why}; keep that id"),
                ));
            }
        }
        for (s, section) in guide.sections.iter().enumerate() {
            missing_image(
                &mut findings,
                "guide.json",
                format!("sections[{s}].image.src"),
                &section.image.src,
            );
            for (g, group) in section.groups.iter().enumerate() {
                for (i, step) in group.steps.iter().enumerate() {
                    if let Some(image) = &step.image {
                        missing_image(
                            &mut findings,
                            "guide.json",
                            format!("sections[{s}].groups[{g}].steps[{i}].image.src"),
                            &image.src,
                        );
                    }
                }
            }
        }
    }
    if let Some(routes) = &routes {
        let map = river_guardians::content::MapData::from_geojson(routes);
        for problem in route_file_problems(routes) {
            findings.push(at(&dir, "routes.geojson", problem.path, problem.message));
        }
        for (i, feature) in routes.0.features.iter().enumerate() {
            let Some(props) = &feature.properties else {
                continue;
            };
            let path = format!("features[{i}].properties");
            if let (Some(set), Some(quizzes)) = (
                props
                    .get(FeatureProperty::Quiz.key())
                    .and_then(|v| v.as_str()),
                &quizzes,
            ) {
                if quizzes.set(set).is_none() {
                    findings.push(at(
                        &dir,
                        "routes.geojson",
                        format!("{path}.quiz"),
                        format!("\"{set}\" is not a quiz set in quizzes.json"),
                    ));
                }
            }
            if let Some(route) = route_property(Some(props)) {
                match map.routes.iter().find(|r| r.id == route) {
                    None => findings.push(at(
                        &dir,
                        "routes.geojson",
                        format!("{path}.route"),
                        format!("\"{route}\" is not a route in this file"),
                    )),
                    Some(on) => {
                        for (at_index, message) in too_far_from_route(feature, props, on) {
                            findings.push(at(
                                &dir,
                                "routes.geojson",
                                format!("features[{i}].geometry.coordinates{at_index}"),
                                message,
                            ));
                        }
                    }
                }
            }
            if let Some(story) = props
                .get(FeatureProperty::Story.key())
                .and_then(|v| v.as_object())
            {
                for side in ["before", "after"] {
                    if let Some(src) = story
                        .get(side)
                        .and_then(|v| v.get("src"))
                        .and_then(|v| v.as_str())
                    {
                        missing_image(
                            &mut findings,
                            "routes.geojson",
                            format!("{path}.story.{side}.src"),
                            src,
                        );
                    }
                }
            }
        }
    }

    for finding in &findings {
        finding.print();
    }
    if findings.is_empty() {
        let sets = quizzes.as_ref().map_or(0, |q| q.sets.len());
        let questions = quizzes
            .as_ref()
            .map_or(0, |q| q.sets.iter().map(|s| s.questions.len()).sum());
        let sections = guide.as_ref().map_or(0, |g| g.sections.len());
        let numbers = site.as_ref().map_or(0, |s| s.emergency.numbers.len());
        println!("{}: content is valid ({sets} quiz sets, {questions} questions, {sections} guide sections, {numbers} emergency numbers)", dir.display());
        ExitCode::SUCCESS
    } else {
        println!("{} problem(s) found", findings.len());
        ExitCode::FAILURE
    }
}
