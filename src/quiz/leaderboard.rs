//! The event day's leaderboard, kept on this device only. Names are the picked animals.

use super::teams::Animal;
use crate::storage;
use leptos::prelude::{ArcTrigger, Notify, Track};
use serde::{Deserialize, Serialize};

const LEADERBOARD_KEY: &str = "leaderboard";

/// One team's result in one round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The team's animal code.
    pub team: String,
    /// The quiz set played.
    pub set: String,
    /// Points scored.
    pub points: f64,
    /// Points possible.
    pub max: f64,
    /// The day played, `YYYY-MM-DD`.
    pub date: String,
}

impl Entry {
    /// The team's animal, if the saved code is one.
    pub fn animal(&self) -> Option<Animal> {
        Animal::from_code(&self.team)
    }

    fn share(&self) -> f64 {
        if self.max > 0.0 {
            self.points / self.max
        } else {
            0.0
        }
    }
}

/// Today's entries with their places, best share first, and of the same share the longer round
/// first (6 of 6 above the 1 of 1 a team of four gets in a kindergarten round): teams with the
/// same share of the same maximum get the same place (1, 2, 2, 4) and keep the order they were
/// played in.
pub fn ranked_for_day(entries: &[Entry], day: &str) -> Vec<(usize, Entry)> {
    let mut today: Vec<Entry> = entries.iter().filter(|e| e.date == day).cloned().collect();
    today.sort_by(board_order);
    let mut place = 0;
    today
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let before = i.checked_sub(1).map(|b| &today[b]);
            if before.is_none_or(|b| !same_share(entry, b) || entry.max != b.max) {
                place = i + 1;
            }
            (place, entry.clone())
        })
        .collect()
}

/// Whether two entries scored the same share of their points.
fn same_share(a: &Entry, b: &Entry) -> bool {
    (a.share() - b.share()).abs() <= 1e-9
}

/// The board's order: the better share first, and of the same share the longer round.
fn board_order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    if same_share(a, b) {
        b.max.total_cmp(&a.max)
    } else {
        b.share().total_cmp(&a.share())
    }
}

/// Every saved entry; a corrupt or missing value means none.
pub fn load() -> Vec<Entry> {
    storage::load(LEADERBOARD_KEY)
        .and_then(|saved| serde_json::from_str(&saved).ok())
        .unwrap_or_default()
}

/// How many of the day's entries are kept, so storage stays small.
const KEPT: usize = 200;

/// The entries worth keeping when there are more than [`KEPT`]: the best in the board's order
/// (of equal ones, the later), in the order they were played. A busy stall passes 200 rounds by the
/// afternoon, and the board may pick the day's prize winners: the morning's best stay on it.
fn keep_best(mut entries: Vec<Entry>) -> Vec<Entry> {
    // A round adds one to four entries, so this drops a few at a time: the earliest of the
    // lowest each time, found by a scan (no sort code in the quiz's download).
    while entries.len() > KEPT {
        let worst = (1..entries.len()).fold(0, |worst, i| {
            if board_order(&entries[i], &entries[worst]).is_gt() {
                i
            } else {
                worst
            }
        });
        entries.remove(worst);
    }
    entries
}

/// Adds entries, keeping only today's, and of those the best [`KEPT`].
pub fn record(new: Vec<Entry>, day: &str) {
    let mut entries: Vec<Entry> = load().into_iter().filter(|e| e.date == day).collect();
    entries.extend(new);
    let entries = keep_best(entries);
    if let Ok(json) = serde_json::to_string(&entries) {
        storage::save(LEADERBOARD_KEY, &json);
    }
}

thread_local! {
    /// Notified by [`clear`], so a table already on screen empties too (the kiosk organizer
    /// menu clears it from over the quiz page).
    static CLEARED: ArcTrigger = ArcTrigger::new();
}

/// Tracks [`clear`]: a reactive read that reruns when the leaderboard is emptied.
pub fn track_cleared() {
    CLEARED.with(|cleared| cleared.track());
}

/// Empties the leaderboard (an organizer's action).
pub fn clear() {
    storage::save(LEADERBOARD_KEY, "[]");
    CLEARED.with(|cleared| cleared.notify());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(team: &str, points: f64, date: &str) -> Entry {
        Entry {
            team: team.into(),
            set: "s".into(),
            points,
            max: 4.0,
            date: date.into(),
        }
    }

    #[test]
    fn only_today_best_first_ties_share_a_place_in_play_order() {
        let entries = vec![
            entry("frog", 2.0, "2026-12-05"),
            entry("panda", 4.0, "2026-12-04"),
            entry("crab", 3.0, "2026-12-05"),
            entry("otter", 2.0, "2026-12-05"),
            entry("heron", 1.0, "2026-12-05"),
        ];
        let places: Vec<(usize, String)> = ranked_for_day(&entries, "2026-12-05")
            .into_iter()
            .map(|(place, e)| (place, e.team))
            .collect();
        assert_eq!(
            places,
            [
                (1, "crab".to_owned()),
                (2, "frog".to_owned()),
                (2, "otter".to_owned()),
                (4, "heron".to_owned())
            ]
        );
        // Of the same share, the longer round is ahead: 4 of 4 above 1 of 1, 4 of 8 above 2 of 4.
        let mut wider = entry("ibis", 4.0, "2026-12-05");
        wider.max = 8.0;
        let mut single = entry("crane", 1.0, "2026-12-05");
        single.max = 1.0;
        let mut full = entry("seal", 4.0, "2026-12-05");
        full.points = 4.0;
        let places: Vec<(usize, String)> =
            ranked_for_day(&[single, entries[0].clone(), full, wider], "2026-12-05")
                .into_iter()
                .map(|(place, e)| (place, e.team))
                .collect();
        assert_eq!(
            places,
            [
                (1, "seal".to_owned()),
                (2, "crane".to_owned()),
                (3, "ibis".to_owned()),
                (4, "frog".to_owned())
            ]
        );
    }

    #[test]
    fn a_full_board_drops_its_lowest_scores_not_its_earliest() {
        let day = "2026-11-28";
        // The morning's 4/4 first, then 200 rounds of 2/4, then one of 1/4 and one of 3/4.
        let mut entries = vec![entry("first", 4.0, day)];
        entries.extend((1..=200).map(|n| entry(&format!("team-{n}"), 2.0, day)));
        entries.push(entry("low", 1.0, day));
        entries.push(entry("last", 3.0, day));
        let kept = keep_best(entries);
        assert_eq!(kept.len(), KEPT);
        let teams: Vec<&str> = kept.iter().map(|e| e.team.as_str()).collect();
        // The best stay, in the order played; the 1/4 and the two earliest 2/4 go.
        assert_eq!(&teams[..2], ["first", "team-3"]);
        assert_eq!(teams[KEPT - 1], "last");
        assert!(!teams.contains(&"low"));
    }

    #[test]
    fn a_full_board_drops_the_shorter_round_of_the_same_share() {
        let day = "2026-11-28";
        // 200 rounds of 4 of 4, then a kindergarten team's 1 of 1: the same share, a shorter
        // round, so it goes, not the earliest 4 of 4.
        let mut entries: Vec<Entry> = (1..=200)
            .map(|n| {
                let mut full = entry(&format!("team-{n}"), 4.0, day);
                full.points = 4.0;
                full
            })
            .collect();
        let mut single = entry("single", 1.0, day);
        single.max = 1.0;
        entries.push(single);
        let kept = keep_best(entries);
        assert_eq!(kept.len(), KEPT);
        assert_eq!(kept[0].team, "team-1");
        assert!(!kept.iter().any(|e| e.team == "single"));
    }

    #[test]
    fn a_board_with_room_keeps_everything() {
        let entries: Vec<Entry> = (0..KEPT)
            .map(|n| entry("frog", (n % 5) as f64, "2026-11-28"))
            .collect();
        assert_eq!(keep_best(entries.clone()), entries);
    }
}
