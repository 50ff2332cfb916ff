//! The quiz engine: drawing rounds, shuffling, checking answers of every kind, scoring, team
//! turns and stars. Plain Rust, no browser: replayable with a seed and tested natively.

use crate::content::{AgeBand, Question, QuestionKind, QuizSet};
use serde::{Deserialize, Serialize};

/// The largest round for the youngest players, whatever the set says.
pub const KINDERGARTEN_ROUND: usize = 4;

/// The most teams (or players) sharing one device.
pub const MAX_TEAMS: usize = 4;

/// A seeded random source, so a test can replay a round exactly.
pub struct Shuffler(fastrand::Rng);

impl Shuffler {
    /// A shuffler that always produces the same sequence for the same seed.
    pub fn new(seed: u64) -> Shuffler {
        Shuffler(fastrand::Rng::with_seed(seed))
    }

    /// Shuffles in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        self.0.shuffle(items);
    }

    /// `0..n` in random order, the order as written included.
    pub fn order(&mut self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        self.0.shuffle(&mut order);
        order
    }

    /// `0..n` in random order; for two or more items, never the identity order, so an
    /// ordering question never starts solved and a matching column never sits opposite its
    /// matches.
    pub fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        if n < 2 {
            return order;
        }
        loop {
            self.0.shuffle(&mut order);
            if order.iter().enumerate().any(|(i, &v)| i != v) {
                return order;
            }
        }
    }
}

/// Which questions a round uses: unseen questions first; when the bank runs out, it starts over.
///
/// `seen` holds the ids already played for this set and age band (kept on the device). Returns
/// the chosen question indexes and the updated `seen` list.
pub fn draw_round(
    set: &QuizSet,
    age: Option<AgeBand>,
    count: usize,
    seen: &[String],
    shuffler: &mut Shuffler,
) -> (Vec<usize>, Vec<String>) {
    let eligible: Vec<usize> = set.questions_for(age).map(|(i, _)| i).collect();
    let count = count.min(eligible.len());
    let is_seen = |i: &usize| seen.contains(&set.questions[*i].id);
    let mut fresh: Vec<usize> = eligible.iter().copied().filter(|i| !is_seen(i)).collect();
    shuffler.shuffle(&mut fresh);
    let mut chosen: Vec<usize> = fresh.iter().copied().take(count).collect();
    let mut now_seen: Vec<String> = seen.to_vec();
    if chosen.len() < count {
        // The bank is exhausted: start a new cycle with the questions not just drawn. The new
        // cycle has seen this whole round, the last unseen questions too, so the next round
        // does not bring them straight back.
        let mut again: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|i| !chosen.contains(i))
            .collect();
        shuffler.shuffle(&mut again);
        now_seen.retain(|id| !eligible.iter().any(|&i| &set.questions[i].id == id));
        chosen.extend(again.into_iter().take(count - chosen.len()));
    }
    now_seen.extend(chosen.iter().map(|&i| set.questions[i].id.clone()));
    (chosen, now_seen)
}

/// How many questions one team answers in a round for this age band.
pub fn round_size(set: &QuizSet, age: Option<AgeBand>) -> usize {
    match age {
        Some(AgeBand::Kindergarten) => set.round_size.min(KINDERGARTEN_ROUND),
        _ => set.round_size,
    }
}

/// How many questions each of `teams` teams answers in a round for this age band: the set's
/// round size, fewer when the band's questions cannot give every team that many, 0 when there
/// are fewer questions than teams. Draw `teams ×` this many, so every question drawn (and
/// remembered as seen) is played.
pub fn questions_per_team(set: &QuizSet, age: Option<AgeBand>, teams: usize) -> usize {
    let eligible = set.questions_for(age).count();
    round_size(set, age).min(eligible / teams.max(1))
}

/// The most teams that can play this set for this age band: every team needs a question.
pub fn max_teams(set: &QuizSet, age: Option<AgeBand>) -> usize {
    set.questions_for(age).count().clamp(1, MAX_TEAMS)
}

/// A player's answer, always in the content's own indexes (never screen positions).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// The chosen option of a single-choice question.
    Choice(usize),
    /// The chosen options of a multiple-choice question.
    Choices(Vec<usize>),
    /// True or false.
    Judgement(bool),
    /// The steps in the order the player put them.
    Order(Vec<usize>),
    /// For each left item in content order, the right item the player matched with it.
    Matches(Vec<usize>),
    /// The timer ran out before an answer.
    TimedOut,
}

/// The result of one answer: points between 0 and 1, and whether it was fully right.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Marked {
    /// 1.0 for a right answer, a fraction for partial credit, 0.0 otherwise.
    pub points: f64,
    /// True only for a fully right answer.
    pub correct: bool,
}

/// How an answer went, as the feedback shows and sounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Fully right.
    Right,
    /// Some points, not all (a multiple-choice question with partial credit).
    Partly,
    /// No points.
    Wrong,
}

impl Marked {
    fn all_or_nothing(correct: bool) -> Marked {
        Marked {
            points: if correct { 1.0 } else { 0.0 },
            correct,
        }
    }

    /// Right, partly right or wrong.
    pub fn verdict(self) -> Verdict {
        if self.correct {
            Verdict::Right
        } else if self.points > 0.0 {
            Verdict::Partly
        } else {
            Verdict::Wrong
        }
    }
}

/// Marks an answer. An answer of the wrong shape for the question scores nothing.
pub fn mark(question: &Question, answer: &Answer) -> Marked {
    match (&question.kind, answer) {
        (QuestionKind::Single { answer: right, .. }, Answer::Choice(chosen)) => {
            Marked::all_or_nothing(chosen == right)
        }
        (
            QuestionKind::Multiple {
                options,
                answers,
                partial_credit,
            },
            Answer::Choices(chosen),
        ) => {
            let hits = chosen.iter().filter(|c| answers.contains(c)).count();
            let misses = chosen
                .iter()
                .filter(|c| !answers.contains(c) && **c < options.len())
                .count();
            let correct = hits == answers.len() && misses == 0 && chosen.len() == answers.len();
            let points = if correct {
                1.0
            } else if *partial_credit && !answers.is_empty() {
                (hits as f64 - misses as f64).max(0.0) / answers.len() as f64
            } else {
                0.0
            };
            Marked { points, correct }
        }
        (QuestionKind::TrueFalse { answer: right }, Answer::Judgement(said)) => {
            Marked::all_or_nothing(said == right)
        }
        (QuestionKind::Ordering { steps }, Answer::Order(order)) => Marked::all_or_nothing(
            order.len() == steps.len() && order.iter().enumerate().all(|(i, &s)| i == s),
        ),
        (QuestionKind::Matching { pairs }, Answer::Matches(matches)) => Marked::all_or_nothing(
            matches.len() == pairs.len() && matches.iter().enumerate().all(|(i, &r)| i == r),
        ),
        _ => Marked::all_or_nothing(false),
    }
}

/// Points to the hundredth, as a learning platform is sent them: partial credit's thirds add
/// up to 2, not 1.9999999999999998. (The app keeps the exact sum: the day's board ranks by the
/// share of points, and 0.67 of 1 would rank above 2 of 3.)
pub fn to_hundredths(points: f64) -> f64 {
    (points * 100.0).round() / 100.0
}

/// Stars for a share of the points: 3 from 85 %, 2 from 50 %, 1 for any point, else 0.
pub fn stars(points: f64, max: f64) -> u8 {
    if max <= 0.0 {
        return 0;
    }
    let share = points / max;
    if share >= 0.85 {
        3
    } else if share >= 0.5 {
        2
    } else if points > 0.0 {
        1
    } else {
        0
    }
}

/// One question as a round presents it: which question, for which team, shuffled how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// Index of the question in its set.
    pub question: usize,
    /// The team (or player) who answers it.
    pub team: usize,
    /// Display order: of the options (single, multiple), the starting order of the steps
    /// (ordering) or the right-hand column (matching); empty for true/false.
    pub order: Vec<usize>,
}

/// A round in play: the turns, the answers so far, and each team's points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// How many teams take turns.
    pub teams: usize,
    /// Every turn, in play order; teams alternate.
    pub turns: Vec<Turn>,
    /// The marks of the turns answered so far.
    pub marks: Vec<Marked>,
}

/// How a team did in a round.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TeamResult {
    /// Points scored.
    pub points: f64,
    /// Points possible.
    pub max: f64,
    /// 0 to 3 stars.
    pub stars: u8,
}

impl Round {
    /// Deals a round: `per_team` questions for each of `teams` teams, from `questions`
    /// (already drawn), alternating teams, with every question's options shuffled.
    /// With fewer questions than needed, teams get as many as there are, equally.
    pub fn deal(
        set: &QuizSet,
        questions: &[usize],
        teams: usize,
        shuffler: &mut Shuffler,
    ) -> Round {
        let teams = teams.clamp(1, MAX_TEAMS);
        let usable = questions.len() - questions.len() % teams;
        let turns = questions[..usable]
            .iter()
            .enumerate()
            .map(|(i, &question)| {
                // Options in any order (never as written would put a two-option question's
                // first option, often the answer, always second); steps and matches never as
                // written, which would start them solved.
                let order = match &set.questions[question].kind {
                    QuestionKind::Single { options, .. }
                    | QuestionKind::Multiple { options, .. } => shuffler.order(options.len()),
                    QuestionKind::Ordering { steps } => shuffler.permutation(steps.len()),
                    QuestionKind::Matching { pairs } => shuffler.permutation(pairs.len()),
                    QuestionKind::TrueFalse { .. } => Vec::new(),
                };
                Turn {
                    question,
                    team: i % teams,
                    order,
                }
            })
            .collect();
        Round {
            teams,
            turns,
            marks: Vec::new(),
        }
    }

    /// The turn waiting for an answer, or `None` when the round is over.
    pub fn current(&self) -> Option<&Turn> {
        self.turns.get(self.marks.len())
    }

    /// Where the waiting turn's team is in its own questions: (this one's number, the team's
    /// total), e.g. (1, 5) for the second team's first question. `None` when the round is over.
    pub fn team_progress(&self) -> Option<(usize, usize)> {
        let team = self.current()?.team;
        let of_team = |turns: &[Turn]| turns.iter().filter(|t| t.team == team).count();
        Some((
            of_team(&self.turns[..=self.marks.len()]),
            of_team(&self.turns),
        ))
    }

    /// True when every turn has been answered.
    pub fn is_over(&self) -> bool {
        self.marks.len() >= self.turns.len()
    }

    /// Marks the current turn's answer and moves on. Does nothing once the round is over.
    pub fn answer(&mut self, set: &QuizSet, answer: &Answer) -> Option<Marked> {
        let turn = self.current()?;
        let marked = mark(&set.questions[turn.question], answer);
        self.marks.push(marked);
        Some(marked)
    }

    /// Each team's points, maximum and stars.
    pub fn results(&self) -> Vec<TeamResult> {
        (0..self.teams)
            .map(|team| {
                let mine = self
                    .turns
                    .iter()
                    .zip(&self.marks)
                    .filter(|(t, _)| t.team == team);
                let points: f64 = mine.clone().map(|(_, m)| m.points).sum();
                let max = self.turns.iter().filter(|t| t.team == team).count() as f64;
                TeamResult {
                    points,
                    max,
                    stars: stars(points, max),
                }
            })
            .collect()
    }

    /// The team(s) with the most points; several on a tie, none when nobody scored.
    pub fn leaders(&self) -> Vec<usize> {
        let results = self.results();
        let best = results.iter().map(|r| r.points).fold(0.0_f64, f64::max);
        if best <= 0.0 {
            return Vec::new();
        }
        (0..self.teams)
            .filter(|&t| (results[t].points - best).abs() < 1e-9)
            .collect()
    }

    /// The turns answered wrongly or only in part: the explanations worth re-reading.
    pub fn to_review(&self) -> Vec<&Turn> {
        self.turns
            .iter()
            .zip(&self.marks)
            .filter(|(_, m)| !m.correct)
            .map(|(t, _)| t)
            .collect()
    }
}
