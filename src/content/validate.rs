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
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Content that can check itself after parsing. Returns every problem, not just the first.
pub trait Validate {
    /// All the problems found; empty when the content is fine.
    fn validate(&self) -> Vec<Problem>;
}

/// The longest text a content string may hold (a guide step's detail is a few hundred).
pub const MAX_TEXT_CHARS: usize = 2000;

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

    /// Records a problem when a localised text is blank, too long to be content (a sign of a
    /// damaged file), or lacks its English translation.
    pub fn text(&mut self, path: impl Into<String>, text: &LocalText) {
        let path = path.into();
        let longest = text
            .zh_cn
            .chars()
            .count()
            .max(text.en.as_deref().map_or(0, |en| en.chars().count()));
        if text.is_blank() {
            self.push(path, "must not be empty");
        } else if longest > MAX_TEXT_CHARS {
            self.push(
                path,
                format!("is {longest} characters long; at most {MAX_TEXT_CHARS}"),
            );
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
