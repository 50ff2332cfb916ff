//! Quizzes: the engine (pure), team names, the device's leaderboard, and the views that play.

pub mod engine;
pub mod leaderboard;
mod play;
mod questions;
pub mod saved;
pub mod teams;
mod views;

pub use views::{QuizHome, QuizIndex, QuizPlay, QuizResource, WithQuizSet};
