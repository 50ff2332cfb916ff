//! Sharing a page to another device: deep links, QR codes (drawn in Rust as SVG, no network
//! service) and the share dialog.

pub mod links;
pub mod qr;
mod views;

pub use links::{age_query, embed_code, embed_url, url_part, worksheet_path, DeepLink};
pub use views::{
    clipboard_available, copy_text, use_site_origin, CopyState, CopyStatus, QrCode, ShareButton,
};
