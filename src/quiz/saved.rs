//! A round left unfinished, kept for this tab so that a family who opens the emergency card,
//! goes Back, follows a header link or reloads can carry on where they were. Plain Rust: the
//! view stores and reads the JSON.

use super::engine::{Answer, Round};
use super::teams::Animal;
use crate::content::{AgeBand, QuizSet};
use crate::fnv::fnv1a;
use serde::{Deserialize, Serialize};

/// The tab-storage key of the unfinished round (one per tab, or per lesson frame).
pub const SAVED_ROUND_KEY: &str = "quiz.round";

/// The screen the family left.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LeftOn {
    /// A question waiting for an answer (or, with teams, the hand-over before it).
    Question,
    /// The feedback on the answer just given (the round's last mark), with that answer.
    Feedback(Option<Answer>),
}

/// Everything needed to carry on with a round: whose turn, the answers so far, the clock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedRound {
    /// The set's id.
    pub set: String,
    /// The age band the round was drawn for (`None`: all ages).
    pub age: Option<AgeBand>,
    /// The teams' animals, in turn order.
    pub teams: Vec<Animal>,
    /// The round itself: turns, option orders, marks.
    pub round: Round,
    /// Whether the players kept the set's clock on.
    pub timed: bool,
    /// When the round started (ms since the epoch), for the time a lesson's embed reports.
    pub started_at: f64,
    /// The screen the family left.
    pub left_on: LeftOn,
    /// The round's questions as they were ([`fingerprint`]): an organizer who edits the set
    /// between leaving and coming back must not get answers marked against other questions.
    pub fingerprint: u64,
}

/// A fingerprint of the questions a round asks, in its turn order; `None` when a turn names a
/// question the set does not have.
pub fn fingerprint(set: &QuizSet, round: &Round) -> Option<u64> {
    let mut bytes = Vec::new();
    for turn in &round.turns {
        let question = set.questions.get(turn.question)?;
        bytes.extend(serde_json::to_vec(question).ok()?);
    }
    Some(fnv1a(bytes))
}

impl SavedRound {
    /// The JSON kept in tab storage.
    pub fn to_json(&self) -> Option<String> {
        serde_json::to_string(self).ok()
    }

    /// Reads a kept round, if it is one the family can carry on with on this page: the same set
    /// and age band, the same questions, one team per turn-taker, and something left to do (a
    /// question, or the feedback on the last one before the results).
    pub fn read(json: &str, set: &QuizSet, age: Option<AgeBand>) -> Option<SavedRound> {
        let saved: SavedRound = serde_json::from_str(json).ok()?;
        let round = &saved.round;
        let something_left = match saved.left_on {
            LeftOn::Question => !round.is_over(),
            LeftOn::Feedback(_) => !round.marks.is_empty(),
        };
        let consistent = saved.teams.len() == round.teams
            && round.turns.iter().all(|turn| turn.team < round.teams)
            && round.marks.len() <= round.turns.len();
        (saved.set == set.id
            && saved.age == age
            && something_left
            && consistent
            && fingerprint(set, round) == Some(saved.fingerprint))
        .then_some(saved)
    }
}
