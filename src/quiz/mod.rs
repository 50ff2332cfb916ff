//! Quizzes: the engine (pure) and the views that play it.

pub mod engine;
