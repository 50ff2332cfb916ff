//! `quizzes.json`: quiz sets by topic, each a bank of questions of five kinds.

use super::common::{check_citations, check_image, check_sources, is_slug};
use super::validate::Problems;
use super::{AgeBand, Image, LocalText, Problem, Source, Validate};
use serde::{Deserialize, Serialize};

/// Where the quizzes live, relative to the site root.
pub const QUIZ_FILE: &str = "content/quizzes.json";

/// The set whose questions are about water safety and must each cite a source.
pub const SAFETY_SET: &str = "drowning-prevention";

/// Every quiz set and the sources their explanations cite.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuizContent {
    /// Sources cited by question explanations.
    pub sources: Vec<Source>,
    /// The quiz sets, one per topic.
    pub sets: Vec<QuizSet>,
}

/// The shortest clock a question gets: fewer seconds and a child cannot read the question, let
/// alone answer. A set's `timer_seconds` below it is played as this (validate-content names it).
pub const MIN_TIMER_SECONDS: u32 = 10;

/// A topic's question bank, e.g. "Saving water".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuizSet {
    /// Stable id, used in the address `/quiz/<id>`.
    pub id: String,
    /// The topic's title.
    pub title: LocalText,
    /// One sentence about the topic.
    pub description: LocalText,
    /// Path of the topic's icon, relative to the site root.
    pub icon: String,
    /// How many questions each player or team answers in a round.
    pub round_size: usize,
    /// Seconds per question, or `None` (the default) for untimed play; see
    /// [`QuizSet::seconds_per_question`].
    #[serde(default)]
    pub timer_seconds: Option<u32>,
    /// The bank the rounds are drawn from.
    pub questions: Vec<Question>,
}

/// One question: what every kind shares, and the kind's own fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Question {
    /// Stable id, unique across all sets.
    pub id: String,
    /// The age bands the question suits.
    pub ages: Vec<AgeBand>,
    /// The question or statement.
    pub prompt: LocalText,
    /// An optional picture.
    #[serde(default)]
    pub image: Option<Image>,
    /// Why the answer is right; shown after answering.
    pub explanation: LocalText,
    /// Ids of sources backing the explanation.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The kind of question and its answer.
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// The five kinds of question and their answers. Indexes count from 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    /// One correct option.
    Single {
        /// The options, as written (the app shuffles them).
        options: Vec<LocalText>,
        /// Index of the correct option.
        answer: usize,
    },
    /// Several correct options; all must be chosen.
    Multiple {
        /// The options, as written.
        options: Vec<LocalText>,
        /// Indexes of every correct option.
        answers: Vec<usize>,
        /// When true, a partly right answer earns part of the point.
        #[serde(default)]
        partial_credit: bool,
    },
    /// A statement to judge true or false.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
    },
    /// Steps to put in order, written in the correct order.
    Ordering {
        /// The steps, in the correct order.
        steps: Vec<LocalText>,
    },
    /// Pairs to match; the app shuffles the right-hand column.
    Matching {
        /// The pairs, each left with its right.
        pairs: Vec<Pair>,
    },
}

/// One pair of a matching question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// The item on the left, e.g. a litter item.
    pub left: LocalText,
    /// What it matches on the right, e.g. the bin.
    pub right: LocalText,
}

impl QuizContent {
    /// The set with this id.
    pub fn set(&self, id: &str) -> Option<&QuizSet> {
        self.sets.iter().find(|s| s.id == id)
    }

    /// The sources with these ids, in the order cited.
    pub fn sources_for<'a>(&'a self, ids: &'a [String]) -> impl Iterator<Item = &'a Source> + 'a {
        ids.iter()
            .filter_map(|id| self.sources.iter().find(|s| &s.id == id))
    }
}

impl QuizSet {
    /// The seconds each question gets: the set's clock, never under [`MIN_TIMER_SECONDS`];
    /// `None` for untimed play.
    pub fn seconds_per_question(&self) -> Option<u32> {
        self.timer_seconds
            .map(|seconds| seconds.max(MIN_TIMER_SECONDS))
    }

    /// The questions that suit an age band (every question when no band is chosen).
    pub fn questions_for(&self, age: Option<AgeBand>) -> impl Iterator<Item = (usize, &Question)> {
        self.questions
            .iter()
            .enumerate()
            .filter(move |(_, q)| age.is_none_or(|band| q.ages.contains(&band)))
    }
}

fn check_options(p: &mut Problems, path: &str, options: &[LocalText], min: usize, max: usize) {
    if options.len() < min || options.len() > max {
        p.push(
            path,
            format!("needs {min} to {max} entries, has {}", options.len()),
        );
    }
    for (i, option) in options.iter().enumerate() {
        p.text(format!("{path}[{i}]"), option);
    }
    check_distinct(p, |i| format!("{path}[{i}]"), options.iter(), "");
}

/// Two entries of one list (options, steps, one side of the pairs) that read the same in either
/// language: a player cannot tell them apart, and the answer is checked by which one was picked,
/// so "the other" same-looking choice would be marked wrong. `hint` follows the message.
fn check_distinct<'a>(
    p: &mut Problems,
    path: impl Fn(usize) -> String,
    entries: impl Iterator<Item = &'a LocalText>,
    hint: &str,
) {
    let entries: Vec<&LocalText> = entries.collect();
    let same = |a: &LocalText, b: &LocalText| {
        a.zh_cn.trim() == b.zh_cn.trim()
            || a.en
                .as_deref()
                .is_some_and(|en| Some(en.trim()) == b.en.as_deref().map(str::trim))
    };
    for (i, entry) in entries.iter().enumerate() {
        if let Some(j) = entries[..i].iter().position(|earlier| same(earlier, entry)) {
            p.push(
                path(i),
                format!(
                    "reads the same as {}: a player cannot tell the two apart{hint}",
                    path(j)
                ),
            );
        }
    }
}

fn check_kind(p: &mut Problems, path: &str, kind: &QuestionKind) {
    match kind {
        QuestionKind::Single { options, answer } => {
            check_options(p, &format!("{path}.options"), options, 2, 6);
            if *answer >= options.len() {
                p.push(
                    format!("{path}.answer"),
                    format!("{answer} is not one of the {} options", options.len()),
                );
            }
        }
        QuestionKind::Multiple {
            options, answers, ..
        } => {
            check_options(p, &format!("{path}.options"), options, 2, 8);
            p.non_empty(&format!("{path}.answers"), answers);
            for (i, answer) in answers.iter().enumerate() {
                if *answer >= options.len() {
                    p.push(
                        format!("{path}.answers[{i}]"),
                        format!("{answer} is not one of the {} options", options.len()),
                    );
                } else if answers[..i].contains(answer) {
                    p.push(
                        format!("{path}.answers[{i}]"),
                        format!("{answer} is listed twice"),
                    );
                }
            }
        }
        QuestionKind::TrueFalse { .. } => {}
        QuestionKind::Ordering { steps } => check_options(p, &format!("{path}.steps"), steps, 2, 8),
        QuestionKind::Matching { pairs } => {
            if pairs.len() < 2 || pairs.len() > 6 {
                p.push(
                    format!("{path}.pairs"),
                    format!("needs 2 to 6 entries, has {}", pairs.len()),
                );
            }
            for (i, pair) in pairs.iter().enumerate() {
                p.text(format!("{path}.pairs[{i}].left"), &pair.left);
                p.text(format!("{path}.pairs[{i}].right"), &pair.right);
            }
            check_distinct(
                p,
                |i| format!("{path}.pairs[{i}].left"),
                pairs.iter().map(|pair| &pair.left),
                "",
            );
            check_distinct(
                p,
                |i| format!("{path}.pairs[{i}].right"),
                pairs.iter().map(|pair| &pair.right),
                " (to sort several things into one bin, ask a single-choice question for each)",
            );
        }
    }
}

impl Validate for QuizContent {
    fn validate(&self) -> Vec<Problem> {
        let mut p = Problems::default();
        let known = check_sources(&mut p, &self.sources);
        p.non_empty("sets", &self.sets);
        let mut set_ids: Vec<&str> = Vec::new();
        let mut question_ids: Vec<&str> = Vec::new();
        for (s, set) in self.sets.iter().enumerate() {
            let path = format!("sets[{s}]");
            if !is_slug(&set.id) {
                p.push(
                    format!("{path}.id"),
                    format!("\"{}\" must be a lowercase slug like save-water", set.id),
                );
            } else if set_ids.contains(&set.id.as_str()) {
                p.push(
                    format!("{path}.id"),
                    format!("\"{}\" is used twice", set.id),
                );
            }
            set_ids.push(&set.id);
            p.text(format!("{path}.title"), &set.title);
            p.text(format!("{path}.description"), &set.description);
            if set.round_size == 0 {
                p.push(format!("{path}.round_size"), "must be at least 1");
            }
            // A clock of 0 is no clock: say so. (1 to 9 seconds are played as
            // MIN_TIMER_SECONDS, and validate-content names them.)
            if set.timer_seconds == Some(0) {
                p.push(
                    format!("{path}.timer_seconds"),
                    "must be null (untimed) or at least 10",
                );
            }
            p.non_empty(&format!("{path}.questions"), &set.questions);
            for (q, question) in set.questions.iter().enumerate() {
                let qpath = format!("{path}.questions[{q}]");
                if !is_slug(&question.id) {
                    p.push(
                        format!("{qpath}.id"),
                        format!("\"{}\" must be a lowercase slug", question.id),
                    );
                } else if question_ids.contains(&question.id.as_str()) {
                    p.push(
                        format!("{qpath}.id"),
                        format!("\"{}\" is used twice", question.id),
                    );
                }
                question_ids.push(&question.id);
                p.non_empty(&format!("{qpath}.ages"), &question.ages);
                p.text(format!("{qpath}.prompt"), &question.prompt);
                p.text(format!("{qpath}.explanation"), &question.explanation);
                if let Some(image) = &question.image {
                    check_image(&mut p, &format!("{qpath}.image"), image);
                }
                if set.id == SAFETY_SET || !question.sources.is_empty() {
                    check_citations(
                        &mut p,
                        &format!("{qpath}.sources"),
                        &question.sources,
                        &known,
                    );
                }
                check_kind(&mut p, &qpath, &question.kind);
            }
        }
        p.into_vec()
    }
}
