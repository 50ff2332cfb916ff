//! QR codes for deep links, as one SVG path. Pure Rust: the views draw the path, tests decode it.

use qrcode::{Color, EcLevel, QrCode};

/// Blank modules around the code, as the QR standard asks, so scanners find its edges.
pub const QUIET_ZONE: usize = 4;

/// A QR code ready to draw: a square of `size` × `size` units (quiet zone included) and the
/// path that fills its dark modules, one unit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, quiet zone included: the SVG's `viewBox` is `0 0 size size`.
    pub size: usize,
    /// SVG path data: one rectangle per horizontal run of dark modules.
    pub path: String,
}

/// Encodes `text` (a link) as a QR code with medium error correction, which survives a
/// scuffed print or a glare spot on a tablet and still stays small enough to scan at 1.5 m.
/// Fails only when the text is too long for any QR version (about 2,300 bytes).
pub fn qr_svg(text: &str) -> Result<QrSvg, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M)?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                path.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            } else {
                x += 1;
            }
        }
    }
    Ok(QrSvg {
        size: width + 2 * QUIET_ZONE,
        path,
    })
}
