//! The kiosk's idle clock. Pure: the view feeds it the time of the last touch and the time now.

/// How long the "Still playing?" countdown lasts before the station starts over: a third of the
/// idle time, at most 30 seconds, and for an idle time of a minute or more at least the 20
/// seconds WCAG 2.2.1 gives to extend a time limit (a grandparent, a screen-reader user); a
/// shorter idle time (an organizer's choice, or a test's) gets at least 3.
pub fn warning_seconds(idle_seconds: u32) -> u32 {
    let least = if idle_seconds >= 60 { 20 } else { 3 };
    (idle_seconds / 3).clamp(least, 30)
}

/// Where the station is, `elapsed` seconds after the last touch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlePhase {
    /// Someone is using it.
    Active,
    /// Nobody has touched it for the idle time: ask, and count down these many seconds.
    Warning(u32),
    /// The countdown ran out: clear the family's state and show the attract screen.
    Reset,
}

/// The phase after `elapsed` seconds without a touch, for an idle time of `idle_seconds`.
pub fn idle_phase(elapsed: f64, idle_seconds: u32) -> IdlePhase {
    let idle = f64::from(idle_seconds);
    let warning = f64::from(warning_seconds(idle_seconds));
    if elapsed < idle {
        IdlePhase::Active
    } else if elapsed < idle + warning {
        IdlePhase::Warning((idle + warning - elapsed).ceil() as u32)
    } else {
        IdlePhase::Reset
    }
}

/// How long (seconds) the emergency card may stay up untouched before the station starts over.
/// Someone reading the numbers or the CPR steps is not touching the screen, so the card is never
/// asked about; but a card left up for good hands the next family the last one's round and
/// settings. A quarter of an hour (ten idle times, if longer) for any idle time `site.json` can
/// set (10 s or more); five idle times for a shorter one, which only a test's `?idle=` gives.
pub fn card_hold_seconds(idle_seconds: u32) -> f64 {
    if idle_seconds >= 10 {
        f64::from(idle_seconds.saturating_mul(10).max(900))
    } else {
        f64::from(idle_seconds * 5)
    }
}

/// Reads an idle time from the URL (`?idle=30`): whole seconds from 2 to one day; anything else
/// is ignored so a typo cannot make the station reset every instant.
pub fn parse_idle_seconds(text: &str) -> Option<u32> {
    text.trim()
        .parse()
        .ok()
        .filter(|s| (2..=86_400).contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_then_warning_counting_down_then_reset() {
        assert_eq!(idle_phase(0.0, 90), IdlePhase::Active);
        assert_eq!(idle_phase(89.9, 90), IdlePhase::Active);
        assert_eq!(idle_phase(90.0, 90), IdlePhase::Warning(30));
        assert_eq!(idle_phase(100.2, 90), IdlePhase::Warning(20));
        assert_eq!(idle_phase(119.5, 90), IdlePhase::Warning(1));
        assert_eq!(idle_phase(120.0, 90), IdlePhase::Reset);
    }

    #[test]
    fn short_idle_times_still_give_a_readable_countdown() {
        assert_eq!(warning_seconds(2), 3);
        assert_eq!(warning_seconds(30), 10);
        assert_eq!(warning_seconds(600), 30);
    }

    #[test]
    fn a_minute_or_more_of_idle_time_gives_twenty_seconds_to_carry_on() {
        assert_eq!(warning_seconds(59), 19);
        assert_eq!(warning_seconds(60), 20);
        assert_eq!(warning_seconds(75), 25);
        assert_eq!(idle_phase(2.0, 2), IdlePhase::Warning(3));
    }

    #[test]
    fn the_emergency_card_is_held_a_quarter_of_an_hour_or_ten_idle_times() {
        assert_eq!(card_hold_seconds(90), 900.0);
        assert_eq!(card_hold_seconds(10), 900.0);
        assert_eq!(card_hold_seconds(600), 6000.0);
        assert_eq!(card_hold_seconds(3), 15.0);
    }

    #[test]
    fn idle_times_from_the_url_are_sane_or_ignored() {
        assert_eq!(parse_idle_seconds("30"), Some(30));
        assert_eq!(parse_idle_seconds(" 5 "), Some(5));
        assert_eq!(parse_idle_seconds("0"), None);
        assert_eq!(parse_idle_seconds("1"), None);
        assert_eq!(parse_idle_seconds("-3"), None);
        assert_eq!(parse_idle_seconds("abc"), None);
        assert_eq!(parse_idle_seconds("999999"), None);
    }
}
