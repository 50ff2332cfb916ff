//! The one error type of content loading.

use super::Problem;
use std::fmt;

/// Why a content file could not be used. Every variant names the file, so the page can say
/// exactly what failed.
#[derive(Clone, Debug, PartialEq)]
pub enum AppError {
    /// The request did not complete (offline, blocked, aborted).
    Network { file: String, detail: String },
    /// The server answered with an error status (404, 500, …).
    Status { file: String, status: u16 },
    /// The file is not valid JSON, or a field has the wrong type or is missing.
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file parsed but its content breaks a rule (empty list, unknown reference, …).
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl AppError {
    /// The content file the error is about.
    pub fn file(&self) -> &str {
        match self {
            AppError::Network { file, .. }
            | AppError::Status { file, .. }
            | AppError::Parse { file, .. }
            | AppError::Invalid { file, .. } => file,
        }
    }

    /// Turns a serde_json error on `text` into a `Parse` error, keeping the position apart from
    /// the message. The column counts characters (serde_json counts bytes, which puts it far off
    /// on a line holding Chinese text).
    pub fn from_serde(file: &str, text: &str, error: &serde_json::Error) -> AppError {
        let full = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        let mut message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
        // A host that answers a missing file with its home page (a single-page app's fallback
        // rule) sends HTML, which reads as a syntax error at line 1.
        let start = text
            .trim_start()
            .get(..14)
            .unwrap_or_default()
            .to_ascii_lowercase();
        if start.starts_with("<!doctype html") || start.starts_with("<html") {
            message.push_str(
                " (the server sent a web page, not this file: is it uploaded, under exactly this \
                 name?)",
            );
        }
        AppError::Parse {
            file: file.to_owned(),
            line: error.line(),
            column: super::locate::char_column(text, error.line(), error.column()),
            message,
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Network { file, detail } => write!(f, "{file}: request failed: {detail}"),
            AppError::Status { file, status } => write!(f, "{file}: server answered {status}"),
            AppError::Parse {
                file,
                line,
                column,
                message,
            } => write!(f, "{file}:{line}:{column}: {message}"),
            AppError::Invalid { file, problems } => {
                write!(f, "{file}:")?;
                for problem in problems {
                    write!(f, " {problem};")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for AppError {}
