//! Map geometry in plain Rust: Web Mercator, fitting bounds to a view, haversine lengths,
//! distances from points to lines, line simplification, a scale bar's length, and nudging map
//! symbols apart.

/// A position as GeoJSON writes it: longitude, latitude in degrees (WGS84).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    /// Longitude in degrees, east positive.
    pub lon: f64,
    /// Latitude in degrees, north positive.
    pub lat: f64,
}

/// A point on the projected plane (Web Mercator, in units of the world's width: 0..1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Xy {
    /// East-west, 0 at 180° W, 1 at 180° E.
    pub x: f64,
    /// North-south, 0 at the top (85.05° N), 1 at the bottom.
    pub y: f64,
}

/// The mean Earth radius used for haversine distances, in metres.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// The equatorial radius of Web Mercator, in metres.
const MERCATOR_RADIUS_M: f64 = 6_378_137.0;

/// The latitude limit of Web Mercator.
pub const MAX_LATITUDE: f64 = 85.051_128_78;

/// Projects a position with Web Mercator onto the unit square.
pub fn project(p: LonLat) -> Xy {
    let lat = p.lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    Xy {
        x: (p.lon + 180.0) / 360.0,
        y: 0.5
            - (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().ln() / (2.0 * std::f64::consts::PI),
    }
}

/// The inverse of [`project`].
pub fn unproject(p: Xy) -> LonLat {
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * p.y))
        .sinh()
        .atan()
        .to_degrees();
    LonLat {
        lon: p.x * 360.0 - 180.0,
        lat,
    }
}

/// Great-circle distance between two positions, in metres (haversine formula).
pub fn haversine_m(a: LonLat, b: LonLat) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// The length of a line along the Earth's surface, in metres.
pub fn line_length_m(line: &[LonLat]) -> f64 {
    line.windows(2).map(|w| haversine_m(w[0], w[1])).sum()
}

/// Walking time in whole minutes at a steady 4 km/h (rounded up; at least 1 for any length).
pub fn walking_minutes(length_m: f64) -> u32 {
    if length_m <= 0.0 {
        0
    } else {
        (length_m / (4000.0 / 60.0)).ceil().max(1.0) as u32
    }
}

/// The projected rectangle around some points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Top-left corner.
    pub min: Xy,
    /// Bottom-right corner.
    pub max: Xy,
}

impl Bounds {
    /// The bounds of projected points; `None` when there are none.
    pub fn of(points: impl IntoIterator<Item = Xy>) -> Option<Bounds> {
        points.into_iter().fold(None, |bounds, p| {
            Some(match bounds {
                None => Bounds { min: p, max: p },
                Some(Bounds { min, max }) => Bounds {
                    min: Xy {
                        x: min.x.min(p.x),
                        y: min.y.min(p.y),
                    },
                    max: Xy {
                        x: max.x.max(p.x),
                        y: max.y.max(p.y),
                    },
                },
            })
        })
    }

    /// The middle of the bounds.
    pub fn centre(&self) -> Xy {
        Xy {
            x: (self.min.x + self.max.x) / 2.0,
            y: (self.min.y + self.max.y) / 2.0,
        }
    }

    /// The shortest distance between two bounds along the Earth's surface, in metres (0 when
    /// they overlap).
    pub fn gap_m(&self, other: &Bounds) -> f64 {
        // The nearest coordinates of each along one axis: equal where the two overlap on it.
        let nearest = |a_min: f64, a_max: f64, b_min: f64, b_max: f64| {
            if a_max < b_min {
                (a_max, b_min)
            } else if b_max < a_min {
                (a_min, b_max)
            } else {
                let shared = a_min.max(b_min);
                (shared, shared)
            }
        };
        let (ax, bx) = nearest(self.min.x, self.max.x, other.min.x, other.max.x);
        let (ay, by) = nearest(self.min.y, self.max.y, other.min.y, other.max.y);
        haversine_m(
            unproject(Xy { x: ax, y: ay }),
            unproject(Xy { x: bx, y: by }),
        )
    }
}

/// How far (metres) a route or place must be from every other one to be taken for a mistyped
/// position: farther than any district's patrol stretches lie apart, nearer than a digit
/// dropped from a longitude or latitude (tens to thousands of kilometres).
pub const STRAY_M: f64 = 50_000.0;

/// The routes or places (by their bounds) farther than [`STRAY_M`] from every other, with that
/// distance; none when they are not a few among many (two groups far apart may both be meant).
/// A longitude typed 13.11 for 113.11 would otherwise shrink the park to a speck on every
/// tablet.
pub fn strays(bounds: &[Bounds]) -> Vec<(usize, f64)> {
    let found: Vec<(usize, f64)> = bounds
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let nearest = bounds
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, other)| b.gap_m(other))
                .fold(f64::INFINITY, f64::min);
            (nearest > STRAY_M).then_some((i, nearest))
        })
        .collect();
    if found.len() * 2 < bounds.len() {
        found
    } else {
        Vec::new()
    }
}

/// How far out the map zooms, as a share of its home view's scale.
pub const ZOOM_OUT_LIMIT: f64 = 0.25;
/// How far in the map zooms, as a multiple of its home view's scale (a park 2 km across then
/// shows about 30 m).
pub const ZOOM_IN_LIMIT: f64 = 64.0;

/// How the projected plane maps onto the screen: `screen = plane * scale + offset`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Screen pixels per unit of the projected plane.
    pub scale: f64,
    /// Screen position of the plane's origin.
    pub offset_x: f64,
    /// Screen position of the plane's origin.
    pub offset_y: f64,
}

impl View {
    /// The view that fits `bounds` into a `width` × `height` screen with `padding` pixels
    /// around, centred; a single point (zero-size bounds) gets a street-level zoom.
    pub fn fit(bounds: Bounds, width: f64, height: f64, padding: f64) -> View {
        let span_x = bounds.max.x - bounds.min.x;
        let span_y = bounds.max.y - bounds.min.y;
        let room_x = (width - 2.0 * padding).max(1.0);
        let room_y = (height - 2.0 * padding).max(1.0);
        let scale = match (span_x > 0.0, span_y > 0.0) {
            (false, false) => 256.0 * 2f64.powi(17),
            (true, false) => room_x / span_x,
            (false, true) => room_y / span_y,
            (true, true) => (room_x / span_x).min(room_y / span_y),
        };
        let centre = bounds.centre();
        View {
            scale,
            offset_x: width / 2.0 - centre.x * scale,
            offset_y: height / 2.0 - centre.y * scale,
        }
    }

    /// Where a projected point lands on the screen.
    pub fn to_screen(&self, p: Xy) -> (f64, f64) {
        (
            p.x * self.scale + self.offset_x,
            p.y * self.scale + self.offset_y,
        )
    }

    /// The projected point under a screen position.
    pub fn to_plane(&self, sx: f64, sy: f64) -> Xy {
        Xy {
            x: (sx - self.offset_x) / self.scale,
            y: (sy - self.offset_y) / self.scale,
        }
    }

    /// Moves the view by a screen distance.
    pub fn pan(self, dx: f64, dy: f64) -> View {
        View {
            offset_x: self.offset_x + dx,
            offset_y: self.offset_y + dy,
            ..self
        }
    }

    /// Moves the view by a screen distance, but not so far that the routes and places (`content`,
    /// projected) leave the `width` × `height` screen: a quarter of the screen's width and of its
    /// height keeps showing them (all of them, when they are smaller than that). A flick, or an
    /// arrow key held down, would otherwise take the park out of sight. A view already further
    /// out (after zooming out near an edge) may move back, not further.
    pub fn pan_within(self, content: Bounds, dx: f64, dy: f64, width: f64, height: f64) -> View {
        // The offsets that keep `keep` pixels of [min, max] on a screen `size` wide, for a move
        // from `before` to `after`.
        let limit = |before: f64, after: f64, min: f64, max: f64, size: f64| {
            let keep = (size / 4.0).min((max - min) * self.scale);
            let (lo, hi) = (keep - max * self.scale, size - keep - min * self.scale);
            after.clamp(before.min(lo), before.max(hi))
        };
        View {
            offset_x: limit(
                self.offset_x,
                self.offset_x + dx,
                content.min.x,
                content.max.x,
                width,
            ),
            offset_y: limit(
                self.offset_y,
                self.offset_y + dy,
                content.min.y,
                content.max.y,
                height,
            ),
            ..self
        }
    }

    /// Zooms by `factor` keeping the screen point (`sx`, `sy`) still.
    pub fn zoom_at(self, factor: f64, sx: f64, sy: f64) -> View {
        let anchor = self.to_plane(sx, sy);
        let scale = self.scale * factor;
        View {
            scale,
            offset_x: sx - anchor.x * scale,
            offset_y: sy - anchor.y * scale,
        }
    }

    /// Zooms by `factor` keeping (`sx`, `sy`) still, no further out than a quarter of `home`
    /// (the whole map) and no further in than [`ZOOM_IN_LIMIT`] times it: past them the park is
    /// a speck, or one blurred line, and only the reset button would bring it back.
    pub fn zoom_within(self, home: View, factor: f64, sx: f64, sy: f64) -> View {
        let scale =
            (self.scale * factor).clamp(home.scale * ZOOM_OUT_LIMIT, home.scale * ZOOM_IN_LIMIT);
        self.zoom_at(scale / self.scale, sx, sy)
    }

    /// The view with `p` in sight: unchanged when `p` is already at least `margin` pixels inside
    /// the `width` × `height` screen, otherwise moved (same zoom) to put `p` in the middle.
    pub fn keep_in_sight(self, p: Xy, width: f64, height: f64, margin: f64) -> View {
        let (x, y) = self.to_screen(p);
        let inside = |v: f64, size: f64| (margin..=size - margin).contains(&v);
        if inside(x, width) && inside(y, height) {
            self
        } else {
            self.pan(width / 2.0 - x, height / 2.0 - y)
        }
    }

    /// Ground metres per screen pixel at a latitude.
    pub fn metres_per_pixel(&self, lat: f64) -> f64 {
        2.0 * std::f64::consts::PI * MERCATOR_RADIUS_M * lat.to_radians().cos() / self.scale
    }
}

/// The most a map symbol is enlarged on a small screen (see [`symbol_scale`]).
pub const MAX_SYMBOL_SCALE: f64 = 2.5;

/// How much to enlarge the map's symbols when the map is drawn at `px_per_unit` screen pixels per
/// SVG unit. On a wide screen (one unit is a pixel or more) symbols keep their size; on a phone,
/// where the whole 800-unit map is about 330 px wide, they grow so that they keep about their
/// full size on screen (a lifebuoy stays a lifebuoy and its tap ring stays near 38 px), up to
/// [`MAX_SYMBOL_SCALE`] times.
pub fn symbol_scale(px_per_unit: f64) -> f64 {
    if px_per_unit > 0.0 {
        (1.0 / px_per_unit).clamp(1.0, MAX_SYMBOL_SCALE)
    } else {
        1.0
    }
}

/// How far (screen pixels) to move each map symbol so that no two are closer than `gap`, for
/// symbols drawn at `points` (a lifebuoy beside a hazard sign must not hide it). Symbols that
/// overlap are pushed apart along the line between them (sideways when they sit on the same spot),
/// round after round until none overlaps or for at most 20 rounds (a crowd of symbols on one spot,
/// zoomed far out, may keep small overlaps); lone symbols do not move. Offsets only depend on the
/// zoom: panning moves every symbol alike. Pairwise, so meant for the tens of places of a park,
/// not thousands.
pub fn symbol_offsets(points: &[(f64, f64)], gap: f64) -> Vec<(f64, f64)> {
    let mut moved = points.to_vec();
    for _ in 0..20 {
        let mut overlaps = false;
        for i in 0..moved.len() {
            for j in i + 1..moved.len() {
                let (dx, dy) = (moved[j].0 - moved[i].0, moved[j].1 - moved[i].1);
                let distance = dx.hypot(dy);
                if distance >= gap {
                    continue;
                }
                overlaps = true;
                let (ux, uy) = if distance > 1e-9 {
                    (dx / distance, dy / distance)
                } else {
                    (1.0, 0.0)
                };
                let push = (gap - distance) / 2.0;
                moved[i] = (moved[i].0 - ux * push, moved[i].1 - uy * push);
                moved[j] = (moved[j].0 + ux * push, moved[j].1 + uy * push);
            }
        }
        if !overlaps {
            break;
        }
    }
    moved
        .iter()
        .zip(points)
        .map(|(m, p)| (m.0 - p.0, m.1 - p.1))
        .collect()
}

/// A scale bar: a round ground distance and its length on screen, at most `max_px` long.
pub fn scale_bar(metres_per_pixel: f64, max_px: f64) -> (f64, f64) {
    let max_m = metres_per_pixel * max_px;
    let magnitude = 10f64.powf(max_m.log10().floor());
    let nice = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&d| d <= max_m)
        .unwrap_or(magnitude);
    (nice, nice / metres_per_pixel)
}

/// The distance in metres from `p` to the segment `a`–`b`, and how far along the segment (0 to 1)
/// the nearest point lies, on a local flat approximation around `p` (exact enough for the few
/// hundred metres that matter on a walk).
fn nearest_on_segment(p: LonLat, a: LonLat, b: LonLat) -> (f64, f64) {
    let k = p.lat.to_radians().cos();
    let local = |q: LonLat| {
        (
            (q.lon - p.lon).to_radians() * k * EARTH_RADIUS_M,
            (q.lat - p.lat).to_radians() * EARTH_RADIUS_M,
        )
    };
    let (ax, ay) = local(a);
    let (bx, by) = local(b);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (ax + t * dx, ay + t * dy);
    ((cx * cx + cy * cy).sqrt(), t)
}

/// Distance in metres from a position to the nearest point of a line.
pub fn distance_to_line_m(p: LonLat, line: &[LonLat]) -> f64 {
    match line {
        [] => f64::INFINITY,
        [only] => haversine_m(p, *only),
        _ => line
            .windows(2)
            .map(|w| nearest_on_segment(p, w[0], w[1]).0)
            .fold(f64::INFINITY, f64::min),
    }
}

/// How far along a line (metres from its start) the point nearest to `p` lies: puts
/// checkpoints in walking order.
pub fn position_along_m(p: LonLat, line: &[LonLat]) -> f64 {
    let mut walked = 0.0;
    let mut best = (f64::INFINITY, 0.0);
    for w in line.windows(2) {
        let length = haversine_m(w[0], w[1]);
        let (d, t) = nearest_on_segment(p, w[0], w[1]);
        if d < best.0 {
            best = (d, walked + t * length);
        }
        walked += length;
    }
    best.1
}

/// Simplifies a projected line with the Douglas–Peucker algorithm: drops points that lie
/// within `tolerance` of the simplified line. Keeps the first and last points.
pub fn simplify(line: &[Xy], tolerance: f64) -> Vec<Xy> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (line[first], line[last]);
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let len = (dx * dx + dy * dy).sqrt();
        let mut far = (0.0, first);
        for (i, p) in line.iter().enumerate().take(last).skip(first + 1) {
            let d = if len == 0.0 {
                ((p.x - a.x).powi(2) + (p.y - a.y).powi(2)).sqrt()
            } else {
                ((p.x - a.x) * dy - (p.y - a.y) * dx).abs() / len
            };
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((first, far.1));
            stack.push((far.1, last));
        }
    }
    line.iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

/// The web-map tiles (`z`, `x`, `y`) covering a screen of `width` × `height` in a view, with each
/// tile's screen position and size. The zoom is the one whose 256-pixel tiles best match the
/// view's scale as drawn, `px_per_unit` CSS pixels per screen unit (at most `max_zoom`): on a
/// phone's small map a zoom or two less than on a desktop, so tile labels keep their size and
/// fewer tiles download.
pub fn visible_tiles(
    view: &View,
    width: f64,
    height: f64,
    px_per_unit: f64,
    max_zoom: u8,
) -> Vec<(u8, u32, u32, f64, f64, f64)> {
    let z = (view.scale * px_per_unit / 256.0)
        .log2()
        .round()
        .clamp(0.0, max_zoom as f64) as u8;
    let n = 2u32.pow(z as u32);
    let size = view.scale / n as f64;
    let top_left = view.to_plane(0.0, 0.0);
    let bottom_right = view.to_plane(width, height);
    let range = |from: f64, to: f64| {
        let first = (from * n as f64).floor().max(0.0) as u32;
        let last = ((to * n as f64).floor().max(0.0) as u32).min(n - 1);
        first..=last
    };
    let mut tiles = Vec::new();
    if top_left.x > 1.0 || top_left.y > 1.0 || bottom_right.x < 0.0 || bottom_right.y < 0.0 {
        return tiles;
    }
    for y in range(top_left.y, bottom_right.y) {
        for x in range(top_left.x, bottom_right.x) {
            let (sx, sy) = view.to_screen(Xy {
                x: x as f64 / n as f64,
                y: y as f64 / n as f64,
            });
            tiles.push((z, x, y, sx, sy, size));
        }
    }
    tiles
}
