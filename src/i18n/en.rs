//! English interface strings.

use super::Strings;

/// English interface strings.
pub(super) const STRINGS: Strings = Strings {
    app_name: "River Guardians",
    app_description: "River Guardians: family water-knowledge quizzes, a drowning-prevention guide and river patrol maps that work offline.",
    skip_to_content: "Skip to content",
    main_nav: "Main",
    home: "Home",
    quiz: "Quiz",
    quiz_description: "Pick a topic and an age, take turns as a family, and earn a River Guardian certificate.",
    guide: "Water safety guide",
    guide_description: "The safety rules, how drowning looks, calling for help and rescuing from the bank: clear in a minute.",
    map: "Patrol map",
    map_description: "River patrol routes, hazards and rescue gear, viewable offline.",
    switch_language: "Switch language",
    emergency: "Emergency",
    loading: "Loading…",
    load_failed: "This content could not be loaded",
    retry: "Try again",
    error_network: "No connection: {file} could not be fetched.",
    error_status: "The server could not find {file} (status {status}).",
    error_parse: "{file} is not valid: {message}",
    error_invalid: "{file} has problems:",
    line_column: "line {line}, column {column}",
    not_found_title: "Page not found",
    not_found_body: "The link may be mistyped, or the page has moved.",
    back_home: "Back to home",
    event: "Event",
    place: "Place",
    date: "Date",
    organizer: "Organizer",
    start_here: "Start here",
};
