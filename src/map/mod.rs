//! The river patrol map: geometry (pure) and the SVG views.

pub mod geo;
