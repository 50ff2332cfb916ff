//! Rules that parsed content must also follow, reported as field paths with plain messages.

use super::LocalText;
use std::fmt;

/// One thing wrong in a content file: where (a field path like `questions[6].answer`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field path, e.g. `emergency.numbers[0].number`.
    pub path: String,
    /// A plain-language message, e.g. `must not be empty`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Content that can check itself after parsing. Returns every problem, not just the first.
pub trait Validate {
    /// All the problems found; empty when the content is fine.
    fn validate(&self) -> Vec<Problem>;
}

/// Collects problems while walking a content file.
#[derive(Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Records a problem at `path`.
    pub fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Records a problem when a localised text is blank or lacks its English translation.
    pub fn text(&mut self, path: impl Into<String>, text: &LocalText) {
        let path = path.into();
        if text.is_blank() {
            self.push(path, "must not be empty");
        } else if text.lacks_english() {
            self.push(format!("{path}.en"), "the English translation is missing");
        }
    }

    /// Records a problem when a list that must have entries is empty.
    pub fn non_empty<T>(&mut self, path: &str, list: &[T]) {
        if list.is_empty() {
            self.push(path, "must have at least one entry");
        }
    }

    /// Finishes collecting.
    pub fn into_vec(self) -> Vec<Problem> {
        self.0
    }
}
