//! Paper for teachers and organizers: quiz worksheets with answer keys, the stall poster, and
//! the teachers' lesson page that links them.

mod embed_generator;
mod lesson;
pub mod paper;
mod poster;
mod worksheet;

pub use lesson::TeachersPage;
pub use poster::PosterPage;
pub use worksheet::WorksheetPage;
