//! What the map shows, computed once from the content: projected shapes, the fitted view, and
//! each route's summary (length, walking time, checkpoints, hazards and gear near it).

use super::geo::{
    distance_to_line_m, line_length_m, position_along_m, project, strays, walking_minutes, Bounds,
    View, Xy, ZOOM_IN_LIMIT,
};
use crate::content::{BackgroundShape, Layer, MapData, PatrolRoute, Place, PlaceKind};

/// The map's drawing area, in SVG units.
pub const WIDTH: f64 = 800.0;
/// The map's drawing area, in SVG units.
pub const HEIGHT: f64 = 560.0;
/// Space kept around the routes when fitting them.
const PADDING: f64 = 32.0;
/// How near (metres) a hazard must be to a route to be listed with it.
pub const HAZARD_NEAR_M: f64 = 60.0;
/// How near (metres) rescue gear must be to a route to be listed with it.
pub const GEAR_NEAR_M: f64 = 120.0;
/// How near (metres) gear the file gives to another route must be to be on this one's path.
const ON_PATH_M: f64 = 30.0;

/// A route's facts for the panel, computed from its geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteSummary {
    /// Length along all its lines, metres (haversine).
    pub length_m: f64,
    /// Walking time at 4 km/h, minutes.
    pub minutes: u32,
    /// Indexes of its checkpoints in walking order.
    pub checkpoints: Vec<usize>,
    /// Indexes of hazards within [`HAZARD_NEAR_M`], in the order a volunteer walking the route
    /// passes them.
    pub hazards: Vec<usize>,
    /// Indexes of rescue gear within [`GEAR_NEAR_M`] (30 m when the file gives it to another
    /// route), in walking order.
    pub gear: Vec<usize>,
}

/// Everything needed to draw and explain the map.
#[derive(Clone, Debug, PartialEq)]
pub struct PreparedMap {
    /// Routes and places as read from the content.
    pub data: MapData,
    /// Each route's lines, projected to the base view's pixels.
    pub route_lines: Vec<Vec<Vec<Xy>>>,
    /// Background shapes projected to the base view's pixels, parks first, then water, then
    /// paths (file order within a layer); `true` for a polygon's rings.
    pub background: Vec<(Layer, bool, Vec<Vec<Xy>>)>,
    /// Each route's summary.
    pub summaries: Vec<RouteSummary>,
    /// The view that fits everything.
    pub home: View,
    /// The projected bounds of the routes and places (or, failing those, the background): what
    /// panning keeps in sight.
    pub bounds: Bounds,
}

fn near(place: &Place, route: &PatrolRoute, limit: f64) -> bool {
    route
        .lines
        .iter()
        .any(|line| distance_to_line_m(place.at, line) <= limit)
}

/// Facts of one route of `data` from its geometry and the places around it.
pub fn summarise(route: &PatrolRoute, data: &MapData) -> RouteSummary {
    let places = &data.places;
    let length_m: f64 = route.lines.iter().map(|l| line_length_m(l)).sum();
    let along = |place: &Place| {
        let mut offset = 0.0;
        let mut best = (f64::INFINITY, 0.0);
        for line in &route.lines {
            let d = distance_to_line_m(place.at, line);
            if d < best.0 {
                best = (d, offset + position_along_m(place.at, line));
            }
            offset += line_length_m(line);
        }
        best.1
    };
    let mut checkpoints: Vec<(usize, (u32, f64))> = places
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.kind, PlaceKind::Checkpoint))
        .filter(|(_, p)| match &p.route {
            Some(id) => id == &route.id,
            None => near(p, route, 20.0),
        })
        .map(|(i, p)| (i, (p.order.unwrap_or(u32::MAX), along(p))))
        .collect();
    checkpoints.sort_by(|a, b| a.1 .0.cmp(&b.1 .0).then(a.1 .1.total_cmp(&b.1 .1)));
    // Hazards and gear in walking order, not file order: the list is what a volunteer reads
    // going along the bank.
    // Gear the file gives to another of its routes is listed here only on this route's path (two
    // routes may share one): a lifebuoy on the far bank can be nearer than the limit and still
    // out of reach. A hazard is listed wherever it is near.
    let of_kind = |pick: fn(&PlaceKind) -> bool, limit: f64, owned: bool| -> Vec<usize> {
        let mut found: Vec<(usize, f64)> = places
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                pick(&p.kind)
                    && match p.route.as_deref() {
                        Some(id) if id == route.id => true,
                        Some(id) if owned && data.route(id).is_some() => near(p, route, ON_PATH_M),
                        _ => near(p, route, limit),
                    }
            })
            .map(|(i, p)| (i, along(p)))
            .collect();
        found.sort_by(|a, b| a.1.total_cmp(&b.1));
        found.into_iter().map(|(i, _)| i).collect()
    };
    RouteSummary {
        length_m,
        minutes: walking_minutes(length_m),
        checkpoints: checkpoints.into_iter().map(|(i, _)| i).collect(),
        hazards: of_kind(|k| matches!(k, PlaceKind::Hazard(_)), HAZARD_NEAR_M, false),
        gear: of_kind(|k| matches!(k, PlaceKind::Rescue(_)), GEAR_NEAR_M, true),
    }
}

impl PreparedMap {
    /// Projects everything and fits the routes and places (or, failing those, the background)
    /// into the drawing area, but for a few far from all the others ([`strays`]: mistyped, and
    /// named on the page by [`crate::content::route_file_problems`]).
    pub fn new(data: MapData, background: &[BackgroundShape]) -> PreparedMap {
        let found: Vec<Bounds> = data
            .routes
            .iter()
            .map(|r| Bounds::of(r.lines.iter().flatten().map(|&p| project(p))))
            .chain(data.places.iter().map(|p| Bounds::of([project(p.at)])))
            .flatten()
            .collect();
        let stray: Vec<usize> = strays(&found).into_iter().map(|(i, _)| i).collect();
        let content_points = found
            .iter()
            .enumerate()
            .filter(|(i, _)| !stray.contains(i))
            .flat_map(|(_, b)| [b.min, b.max]);
        let background_points = background
            .iter()
            .flat_map(|s| s.lines.iter().flatten().copied())
            .map(project);
        let bounds = Bounds::of(content_points)
            .or_else(|| Bounds::of(background_points))
            .unwrap_or(Bounds {
                min: Xy { x: 0.5, y: 0.5 },
                max: Xy { x: 0.5, y: 0.5 },
            });
        let home = View::fit(bounds, WIDTH, HEIGHT, PADDING);
        let to_px = |line: &Vec<crate::map::geo::LonLat>| -> Vec<Xy> {
            line.iter()
                .map(|&p| {
                    let (x, y) = home.to_screen(project(p));
                    Xy { x, y }
                })
                .collect()
        };
        let route_lines = data
            .routes
            .iter()
            .map(|r| r.lines.iter().map(to_px).collect())
            .collect();
        let mut background: Vec<_> = background
            .iter()
            .map(|s| (s.layer, s.area, s.lines.iter().map(to_px).collect()))
            .collect();
        background.sort_by_key(|(layer, ..)| *layer);
        let summaries = data.routes.iter().map(|r| summarise(r, &data)).collect();
        PreparedMap {
            data,
            route_lines,
            background,
            summaries,
            home,
            bounds,
        }
    }
}

impl PreparedMap {
    /// The view a link to one route opens on (a trailhead's QR code, a lesson's embed): the
    /// route filling the map, never further out than the whole map nor further in than the
    /// zoom allows.
    pub fn route_view(&self, route: usize) -> View {
        let Some(bounds) = self
            .data
            .routes
            .get(route)
            .and_then(|r| Bounds::of(r.lines.iter().flatten().map(|&p| project(p))))
        else {
            return self.home;
        };
        // Twice the padding: the checkpoints at its ends keep their symbols in sight.
        let fitted = View::fit(bounds, WIDTH, HEIGHT, 2.0 * PADDING);
        if fitted.scale <= self.home.scale {
            return self.home;
        }
        let most = self.home.scale * ZOOM_IN_LIMIT;
        fitted.zoom_at(
            most.min(fitted.scale) / fitted.scale,
            WIDTH / 2.0,
            HEIGHT / 2.0,
        )
    }
}

/// An SVG path for lines in base pixels, simplified to `tolerance` pixels; `closed` for rings.
pub fn svg_path(lines: &[Vec<Xy>], tolerance: f64, closed: bool) -> String {
    let mut d = String::new();
    for line in lines {
        let simple = super::geo::simplify(line, tolerance);
        for (i, p) in simple.iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            push_tenths(&mut d, p.x);
            d.push(' ');
            push_tenths(&mut d, p.y);
        }
        if closed && !simple.is_empty() {
            d.push('Z');
        }
    }
    d
}

/// Writes `value` rounded to a tenth of a map unit, without a trailing ".0" (integer digits
/// only: an order of magnitude faster than float formatting, for 10,000-vertex routes).
fn push_tenths(d: &mut String, value: f64) {
    use std::fmt::Write;
    let tenths = (value * 10.0).round() as i64;
    if tenths < 0 {
        d.push('-');
    }
    let tenths = tenths.unsigned_abs();
    let _ = write!(d, "{}", tenths / 10);
    if !tenths.is_multiple_of(10) {
        d.push('.');
        d.push(char::from(b'0' + (tenths % 10) as u8));
    }
}
