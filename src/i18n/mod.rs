//! Interface strings in every supported language, and the language choice itself.
//!
//! Content (questions, guide steps, site settings) carries its own translations as
//! [`crate::content::LocalText`]; this module holds only the words of the interface.

mod en;
mod zh_cn;

/// A language the interface is available in. zh-CN comes first and is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, mainland China.
    #[default]
    ZhCn,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag used in URLs (`?lang=`), storage, content keys and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a language tag as written in a URL or in storage; unknown tags give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            c if c.eq_ignore_ascii_case("zh-CN") || c.eq_ignore_ascii_case("zh") => {
                Some(Lang::ZhCn)
            }
            c if c.eq_ignore_ascii_case("en") || c.to_ascii_lowercase().starts_with("en-") => {
                Some(Lang::En)
            }
            _ => None,
        }
    }

    /// The language's own name, as shown on the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::ZhCn => "中文",
            Lang::En => "English",
        }
    }

    /// The other language, for a two-language switch.
    pub fn other(self) -> Lang {
        match self {
            Lang::ZhCn => Lang::En,
            Lang::En => Lang::ZhCn,
        }
    }

    /// The interface strings of this language.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::ZhCn => &zh_cn::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// Chooses the language: the first known language tag among `candidates`, which come in order
/// of priority (the address's `?lang=`, the one this browser tab last showed, the device's saved
/// choice); zh-CN when none is usable.
pub fn choose_lang(candidates: &[Option<&str>]) -> Lang {
    candidates
        .iter()
        .find_map(|code| code.and_then(Lang::from_code))
        .unwrap_or_default()
}

/// A `YYYY-MM-DD` date as people write it: `2026年12月5日`, `5 December 2026`. Anything else
/// comes back as it was (the content validator only lets valid dates through).
pub fn long_date(iso: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match crate::content::parse_iso_date(iso) {
        Some((year, month, day)) => match lang {
            Lang::ZhCn => format!("{year}年{month}月{day}日"),
            Lang::En => format!("{day} {} {year}", MONTHS[usize::from(month) - 1]),
        },
        None => iso.to_owned(),
    }
}

/// Picks one interface string: kept instead of the words, it shows in whichever language is
/// current when drawn.
pub type Pick = fn(&Strings) -> &'static str;

/// Every interface string. A struct rather than a map so that a missing translation is a
/// compile error, not a blank button.
pub struct Strings {
    pub app_name: &'static str,
    pub app_description: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav: &'static str,
    pub home: &'static str,
    pub quiz: &'static str,
    pub quiz_description: &'static str,
    pub guide: &'static str,
    /// The guide's link in the header, short enough that the three links share one row on a
    /// 360 px phone ("Water safety guide" did not in English).
    pub guide_door: &'static str,
    pub guide_description: &'static str,
    pub map: &'static str,
    pub map_description: &'static str,
    pub switch_language: &'static str,
    pub emergency: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub page_load_failed: &'static str,
    pub page_load_failed_hint: &'static str,
    pub error_network: &'static str,
    pub error_status: &'static str,
    /// A server in trouble (5xx, 408, 429): the file is there, or may be.
    pub error_server: &'static str,
    pub background_missing: &'static str,
    pub map_partly_shown: &'static str,
    pub older_copy_shown: &'static str,
    pub error_parse: &'static str,
    pub error_invalid: &'static str,
    pub line_column: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub event: &'static str,
    pub place: &'static str,
    pub date: &'static str,
    pub organizer: &'static str,
    pub start_here: &'static str,
    pub sources: &'static str,
    pub source_short: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub guide_sections: &'static str,
    pub print_page: &'static str,
    pub age_band: &'static str,
    pub age_kindergarten: &'static str,
    pub age_grades_1_3: &'static str,
    pub age_grades_4_6: &'static str,
    pub age_grades_7_12: &'static str,
    pub age_adults: &'static str,
    pub checklist_hint: &'static str,
    pub checklist_progress: &'static str,
    pub clear_ticks: &'static str,
    pub section_not_found: &'static str,
    pub emergency_title: &'static str,
    pub emergency_call: &'static str,
    pub emergency_steps: &'static str,
    pub emergency_defaults_note: &'static str,
    pub emergency_more: &'static str,
    /// The emergency card's way back to the page a lesson embedded.
    pub back_to_lesson: &'static str,
    /// After a child band's name on a printed guide section, which shows no details.
    pub short_version: &'static str,
    pub choose_topic: &'static str,
    pub questions_count: &'static str,
    /// `questions_count` for one question.
    pub one_question: &'static str,
    pub start: &'static str,
    pub how_many_teams: &'static str,
    /// A team's legend before "pick an animal", its colon included (full-width in Chinese).
    pub team_n: &'static str,
    pub pick_animal: &'static str,
    pub pass_to: &'static str,
    pub ready: &'static str,
    pub question_of: &'static str,
    pub check_answer: &'static str,
    pub answer_true: &'static str,
    pub answer_false: &'static str,
    pub correct: &'static str,
    pub partly_right: &'static str,
    pub not_quite: &'static str,
    pub the_answer: &'static str,
    pub your_answer: &'static str,
    pub time_ran_out: &'static str,
    pub next_question: &'static str,
    pub see_results: &'static str,
    pub results: &'static str,
    pub points_of: &'static str,
    /// `points_of` out of one point (a round of one question).
    pub points_of_one: &'static str,
    pub stars_of: &'static str,
    pub top_score: &'static str,
    pub worth_rereading: &'static str,
    pub play_again: &'static str,
    pub next_family: &'static str,
    pub certificate_for: &'static str,
    pub certificate_title: &'static str,
    pub certificate_body: &'static str,
    pub certificate_took_part: &'static str,
    pub certificate_thanks: &'static str,
    pub print_certificate: &'static str,
    pub back_to_results: &'static str,
    pub leaderboard: &'static str,
    pub leaderboard_empty: &'static str,
    /// The leaderboard's column headings: place, team, quiz, points.
    pub leaderboard_columns: [&'static str; 4],
    pub clear_leaderboard: &'static str,
    pub confirm_clear: &'static str,
    pub hint_order: &'static str,
    pub hint_match: &'static str,
    pub hint_multiple: &'static str,
    pub matched_with: &'static str,
    pub not_matched: &'static str,
    /// Heard before a step of the player's order that is not in its place (feedback).
    pub misplaced_step: &'static str,
    /// Heard before a pair of the player's that is not a right pair (feedback).
    pub wrong_pair: &'static str,
    /// Heard before an option the player ticked that is not a right one (feedback).
    pub wrong_pick: &'static str,
    /// The setup screen's switch for a timed set's clock; `{n}`: its seconds.
    pub time_limit: &'static str,
    pub seconds_left: &'static str,
    pub set_not_found: &'static str,
    pub no_questions_for_age: &'static str,
    pub now_playing: &'static str,
    pub routes: &'static str,
    pub map_label: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset_view: &'static str,
    pub locate_me: &'static str,
    pub you_are_here: &'static str,
    pub locating: &'static str,
    pub location_denied: &'static str,
    pub location_unavailable: &'static str,
    pub location_outside: &'static str,
    pub location_private: &'static str,
    pub location_approximate: &'static str,
    pub length: &'static str,
    pub walking_time: &'static str,
    pub minutes: &'static str,
    pub difficulty: &'static str,
    pub difficulty_easy: &'static str,
    pub difficulty_moderate: &'static str,
    pub difficulty_hard: &'static str,
    pub not_stated: &'static str,
    pub checkpoints: &'static str,
    pub hazards_near: &'static str,
    pub rescue_near: &'static str,
    pub none_listed: &'static str,
    /// A route's empty hazard list: nothing is marked, which is not the same as no danger.
    pub no_hazards_marked: &'static str,
    /// A route's empty rescue-gear list.
    pub no_gear_marked: &'static str,
    /// What a screen reader calls the map (`aria-roledescription`).
    pub map_role: &'static str,
    pub open_quiz: &'static str,
    pub places: &'static str,
    pub legend: &'static str,
    pub kind_checkpoint: &'static str,
    pub kind_deep_water: &'static str,
    pub kind_slippery_bank: &'static str,
    pub kind_fast_current: &'static str,
    pub kind_hazard: &'static str,
    pub kind_lifebuoy: &'static str,
    pub kind_rescue_pole: &'static str,
    pub kind_rescue: &'static str,
    pub kind_toilet: &'static str,
    pub kind_meeting: &'static str,
    pub kind_story: &'static str,
    pub kind_place: &'static str,
    pub attribution: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub story_slider: &'static str,
    pub close: &'static str,
    pub not_on_map: &'static str,
    pub show_all_routes: &'static str,
    pub metres: &'static str,
    pub kilometres: &'static str,
    pub large_text: &'static str,
    /// The header's A+ button: its name starts with what it shows (WCAG 2.5.3).
    pub large_text_button: &'static str,
    pub attribution_with_tiles: &'static str,
    pub share: &'static str,
    pub share_scan: &'static str,
    pub qr_label: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    /// Said when the browser refused to copy: the text is selected to copy by hand.
    pub copy_refused: &'static str,
    pub link_too_long: &'static str,
    pub worksheet: &'static str,
    pub worksheet_description: &'static str,
    pub all_ages: &'static str,
    pub print_worksheet: &'static str,
    pub print_answer_key: &'static str,
    pub name_line: &'static str,
    pub class_line: &'static str,
    pub date_line: &'static str,
    pub answer_key: &'static str,
    pub paper_choose_one: &'static str,
    pub paper_choose_all: &'static str,
    pub paper_true_false: &'static str,
    pub paper_order: &'static str,
    pub paper_match: &'static str,
    pub poster: &'static str,
    pub poster_description: &'static str,
    pub print_poster: &'static str,
    pub poster_scan: &'static str,
    pub teachers: &'static str,
    pub teachers_description: &'static str,
    pub lesson_plan: &'static str,
    pub lesson_materials: &'static str,
    pub play: &'static str,
    pub lesson_steps: &'static [&'static str],
    pub high_contrast: &'static str,
    pub reduce_motion: &'static str,
    pub settings: &'static str,
    pub settings_description: &'static str,
    pub language: &'static str,
    pub display: &'static str,
    pub offline_copy: &'static str,
    pub on_this_device: &'static str,
    pub saved_items: &'static str,
    pub clear_device: &'static str,
    pub clear_device_confirm: &'static str,
    pub about: &'static str,
    pub about_body: &'static str,
    pub privacy: &'static str,
    pub more_nav: &'static str,
    pub update_ready: &'static str,
    pub reload: &'static str,
    pub working_offline: &'static str,
    pub offline_nothing_saved: &'static str,
    pub offline_ready: &'static str,
    pub offline_saved: &'static str,
    pub offline_version: &'static str,
    pub offline_app: &'static str,
    pub offline_content: &'static str,
    pub offline_pictures: &'static str,
    pub offline_not_saved: &'static str,
    pub privacy_points: &'static [&'static str],
    pub embed_title: &'static str,
    pub embed_intro: &'static str,
    pub embed_what: &'static str,
    pub embed_projector: &'static str,
    pub embed_code: &'static str,
    pub copy_code: &'static str,
    pub still_playing: &'static str,
    pub starting_over_in: &'static str,
    pub continue_playing: &'static str,
    pub tap_to_start: &'static str,
    pub organizer_menu_hold: &'static str,
    pub organizer_menu: &'static str,
    pub organizer_pin: &'static str,
    pub wrong_pin: &'static str,
    pub open: &'static str,
    pub station_age: &'static str,
    pub fullscreen: &'static str,
    pub exit_kiosk: &'static str,
    pub sound: &'static str,
}

impl Strings {
    /// The name of an age band, as shown on the age picker.
    pub fn age(&self, band: crate::content::AgeBand) -> &'static str {
        use crate::content::AgeBand::*;
        match band {
            Kindergarten => self.age_kindergarten,
            Grades1To3 => self.age_grades_1_3,
            Grades4To6 => self.age_grades_4_6,
            Grades7To12 => self.age_grades_7_12,
            Adults => self.age_adults,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_wins_then_tab_then_saved_choice_and_default_is_chinese() {
        assert_eq!(
            choose_lang(&[Some("en"), Some("zh-CN"), Some("zh-CN")]),
            Lang::En
        );
        assert_eq!(choose_lang(&[None, Some("en"), Some("zh-CN")]), Lang::En);
        assert_eq!(choose_lang(&[None, None, Some("en")]), Lang::En);
        assert_eq!(choose_lang(&[None, None, None]), Lang::ZhCn);
    }

    #[test]
    fn unknown_or_corrupt_tags_fall_back() {
        assert_eq!(choose_lang(&[Some("klingon"), None, Some("en")]), Lang::En);
        assert_eq!(
            choose_lang(&[Some("klingon"), Some("en"), Some("zh-CN")]),
            Lang::En
        );
        assert_eq!(
            choose_lang(&[Some(""), None, Some("\u{0}garbage")]),
            Lang::ZhCn
        );
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("ZH-cn"), Some(Lang::ZhCn));
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(long_date("2026-12-05", Lang::ZhCn), "2026年12月5日");
        assert_eq!(long_date("2026-12-05", Lang::En), "5 December 2026");
        assert_eq!(long_date("2027-01-31", Lang::En), "31 January 2027");
        for odd in ["2026-13-05", "26-12-05", "soon", "", "2026-12-5x"] {
            assert_eq!(long_date(odd, Lang::En), odd);
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_ne!(lang.other(), lang);
        }
    }
}
