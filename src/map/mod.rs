//! The river patrol map: geometry and the map model (pure), symbols, the story slider, views.

pub mod geo;
pub mod model;
mod story;
mod symbols;
mod views;

pub use views::MapPage;
