//! A round left unfinished, kept for this tab so that a family who opens the emergency card,
//! goes Back, follows a header link or reloads can carry on where they were. Plain Rust: the
//! view stores and reads the JSON.

use super::engine::{Answer, Round};
use super::teams::Animal;
use crate::content::{AgeBand, QuestionKind, QuizSet};
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

/// Whether `order` is a display order the view can draw for the question: a permutation of its
/// options, steps or pairs (empty for true/false). Storage edited by hand must not index past them.
fn drawable(kind: &QuestionKind, order: &[usize]) -> bool {
    let n = match kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
            options.len()
        }
        QuestionKind::Ordering { steps } => steps.len(),
        QuestionKind::Matching { pairs } => pairs.len(),
        QuestionKind::TrueFalse { .. } => 0,
    };
    let mut seen = vec![false; n];
    order.len() == n
        && order
            .iter()
            .all(|&i| i < n && !std::mem::replace(&mut seen[i], true))
}

impl SavedRound {
    /// The turn the family left (the question waiting, or the one whose feedback was showing)
    /// as (its team, its number among that team's questions, that team's total); `None` when it
    /// left nothing to show.
    pub fn left_turn(&self) -> Option<(usize, usize, usize)> {
        let at = match self.left_on {
            LeftOn::Question => self.round.marks.len(),
            LeftOn::Feedback(_) => self.round.marks.len().checked_sub(1)?,
        };
        let team = self.round.turns.get(at)?.team;
        let of_team =
            |turns: &[super::engine::Turn]| turns.iter().filter(|t| t.team == team).count();
        Some((
            team,
            of_team(&self.round.turns[..=at]),
            of_team(&self.round.turns),
        ))
    }

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
            && round.marks.len() <= round.turns.len()
            && round.turns.iter().all(|turn| {
                set.questions
                    .get(turn.question)
                    .is_some_and(|q| drawable(&q.kind, &turn.order))
            });
        (saved.set == set.id
            && saved.age == age
            && something_left
            && consistent
            && fingerprint(set, round) == Some(saved.fingerprint))
        .then_some(saved)
    }
}
