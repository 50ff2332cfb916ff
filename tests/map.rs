//! Native tests of the map: projection, fitting, haversine lengths, simplification, and reading
//! GeoJSON with and without our properties.

use river_guardians::content::{
    background_shapes, parse_content, read_routes, AppError, Difficulty, GeoJsonFile, HazardKind,
    Layer, MapData, PlaceKind,
};
use river_guardians::map::geo::*;
use river_guardians::map::model::{summarise, svg_path, PreparedMap, HEIGHT, WIDTH};

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

#[test]
fn web_mercator_projects_known_points_and_round_trips() {
    assert_eq!(
        project(LonLat { lon: 0.0, lat: 0.0 }),
        Xy { x: 0.5, y: 0.5 }
    );
    let top_left = project(LonLat {
        lon: -180.0,
        lat: MAX_LATITUDE,
    });
    assert!(close(top_left.x, 0.0, 1e-12) && close(top_left.y, 0.0, 1e-9));
    let jiangmen = LonLat {
        lon: 113.11,
        lat: 22.557,
    };
    let back = unproject(project(jiangmen));
    assert!(close(back.lon, jiangmen.lon, 1e-9) && close(back.lat, jiangmen.lat, 1e-9));
    // Latitudes beyond the Mercator limit clamp instead of going to infinity.
    assert!(project(LonLat {
        lon: 0.0,
        lat: 90.0
    })
    .y
    .is_finite());
}

#[test]
fn haversine_matches_known_distances() {
    // One degree of longitude on the equator: 2πR/360 = 111.195 km.
    let d = haversine_m(LonLat { lon: 0.0, lat: 0.0 }, LonLat { lon: 1.0, lat: 0.0 });
    assert!(close(d, 111_195.0, 1.0), "{d}");
    // Paris (2.3522, 48.8566) to London (-0.1276, 51.5072): about 343.5 km.
    let d = haversine_m(
        LonLat {
            lon: 2.3522,
            lat: 48.8566,
        },
        LonLat {
            lon: -0.1276,
            lat: 51.5072,
        },
    );
    assert!(close(d, 343_500.0, 1_500.0), "{d}");
    // Quarter of a meridian: πR/2.
    let d = haversine_m(
        LonLat {
            lon: 10.0,
            lat: 0.0,
        },
        LonLat {
            lon: 10.0,
            lat: 90.0,
        },
    );
    assert!(close(d, std::f64::consts::PI * EARTH_RADIUS_M / 2.0, 1e-6));
    let line = [
        LonLat { lon: 0.0, lat: 0.0 },
        LonLat { lon: 0.5, lat: 0.0 },
        LonLat { lon: 1.0, lat: 0.0 },
    ];
    assert!(close(line_length_m(&line), 111_195.0, 1.0));
    assert_eq!(walking_minutes(0.0), 0);
    assert_eq!(walking_minutes(4000.0), 60);
    assert_eq!(walking_minutes(10.0), 1);
}

#[test]
fn fit_bounds_centres_and_fills_the_view() {
    let bounds = Bounds {
        min: Xy { x: 0.2, y: 0.4 },
        max: Xy { x: 0.4, y: 0.5 },
    };
    let view = View::fit(bounds, 800.0, 600.0, 50.0);
    // Width-limited: 700 px for 0.2 units.
    assert!(close(view.scale, 3500.0, 1e-9));
    assert_eq!(view.to_screen(bounds.centre()), (400.0, 300.0));
    let (left, _) = view.to_screen(bounds.min);
    assert!(close(left, 50.0, 1e-9));
    // A single point gets a fixed street-level zoom, centred.
    let point = Bounds {
        min: Xy { x: 0.3, y: 0.3 },
        max: Xy { x: 0.3, y: 0.3 },
    };
    let view = View::fit(point, 800.0, 600.0, 50.0);
    assert!(view.scale > 1e6);
    let (x, y) = view.to_screen(point.min);
    assert!(close(x, 400.0, 1e-6) && close(y, 300.0, 1e-6));
}

#[test]
fn zoom_keeps_the_anchor_still_and_pan_moves() {
    let view = View {
        scale: 1000.0,
        offset_x: 10.0,
        offset_y: 20.0,
    };
    let anchor = view.to_plane(300.0, 200.0);
    let zoomed = view.zoom_at(2.0, 300.0, 200.0);
    let (x, y) = zoomed.to_screen(anchor);
    assert!(close(x, 300.0, 1e-9) && close(y, 200.0, 1e-9));
    assert_eq!(view.pan(5.0, -5.0).offset_x, 15.0);
}

#[test]
fn zoom_stops_at_its_limits_and_keeps_the_anchor_still_there() {
    let home = View {
        scale: 1000.0,
        offset_x: 10.0,
        offset_y: 20.0,
    };
    let mut view = home;
    for _ in 0..40 {
        view = view.zoom_within(home, 1.5, 300.0, 200.0);
    }
    assert!(close(view.scale, home.scale * ZOOM_IN_LIMIT, 1e-6));
    let anchor = view.to_plane(120.0, 80.0);
    let pinched = view.zoom_within(home, 10.0, 120.0, 80.0);
    assert_eq!(pinched.scale, view.scale);
    let (x, y) = pinched.to_screen(anchor);
    assert!(close(x, 120.0, 1e-6) && close(y, 80.0, 1e-6));
    for _ in 0..40 {
        view = view.zoom_within(home, 1.0 / 1.5, 300.0, 200.0);
    }
    assert!(close(view.scale, home.scale * ZOOM_OUT_LIMIT, 1e-6));
}

#[test]
fn a_chosen_place_off_screen_is_brought_to_the_middle_and_one_in_sight_stays_put() {
    let view = View {
        scale: 1000.0,
        offset_x: 0.0,
        offset_y: 0.0,
    };
    let in_sight = Xy { x: 0.2, y: 0.3 };
    assert_eq!(view.keep_in_sight(in_sight, 800.0, 560.0, 40.0), view);
    // At (900, 100): past the right edge.
    let off = Xy { x: 0.9, y: 0.1 };
    let moved = view.keep_in_sight(off, 800.0, 560.0, 40.0);
    assert_eq!(moved.scale, view.scale);
    let (x, y) = moved.to_screen(off);
    assert!(close(x, 400.0, 1e-9) && close(y, 280.0, 1e-9));
    // At (790, 100): on screen but under the margin.
    let edge = Xy { x: 0.79, y: 0.1 };
    let (x, _) = view.keep_in_sight(edge, 800.0, 560.0, 40.0).to_screen(edge);
    assert!(close(x, 400.0, 1e-9));
}

#[test]
fn symbols_keep_a_readable_size_when_the_map_is_drawn_small() {
    // A desktop map (one or more pixels per unit) draws symbols at their own size.
    assert_eq!(symbol_scale(1.0), 1.0);
    assert_eq!(symbol_scale(1.6), 1.0);
    // A tablet's map at 0.8 px per unit: symbols grow back to their full size on screen.
    assert!(close(symbol_scale(0.8) * 0.8, 1.0, 1e-9));
    // A 360 px phone (about 328 px for 800 units): still their full size on screen.
    assert!(close(
        symbol_scale(328.0 / WIDTH) * 328.0 / WIDTH,
        1.0,
        1e-9
    ));
    // A 320 px phone (about 288 px): as large as allowed, no larger (a 38-unit ring is 34 px).
    assert_eq!(symbol_scale(288.0 / WIDTH), MAX_SYMBOL_SCALE);
    assert!(symbol_scale(288.0 / WIDTH) * 288.0 / WIDTH * 38.0 >= 34.0);
    // Not measured yet (0, or a hidden map): no change.
    assert_eq!(symbol_scale(0.0), 1.0);
}

#[test]
fn symbols_that_would_overlap_are_nudged_apart_and_lone_ones_stay() {
    let distance = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
    let placed = |points: &[(f64, f64)], offsets: &[(f64, f64)]| -> Vec<(f64, f64)> {
        points
            .iter()
            .zip(offsets)
            .map(|(p, o)| (p.0 + o.0, p.1 + o.1))
            .collect()
    };
    // A hazard sign and a lifebuoy 10 px apart, a third symbol far away.
    let points = [(100.0, 100.0), (108.0, 106.0), (400.0, 300.0)];
    let offsets = symbol_offsets(&points, 30.0);
    let moved = placed(&points, &offsets);
    assert!(distance(moved[0], moved[1]) >= 30.0 - 1e-9);
    assert_eq!(offsets[2], (0.0, 0.0));
    // Pushed apart along the line between them, each by half.
    assert!(close(offsets[0].0, -offsets[1].0, 1e-9) && offsets[0].0 < 0.0 && offsets[0].1 < 0.0);
    // Two on the very same spot, and a cluster of four, end up apart too.
    let same = [(50.0, 50.0), (50.0, 50.0)];
    let moved = placed(&same, &symbol_offsets(&same, 30.0));
    assert!(distance(moved[0], moved[1]) >= 30.0 - 1e-9);
    let cluster = [(0.0, 0.0), (5.0, 0.0), (2.0, 4.0), (3.0, 1.0)];
    let moved = placed(&cluster, &symbol_offsets(&cluster, 30.0));
    for i in 0..cluster.len() {
        for j in i + 1..cluster.len() {
            let apart = distance(moved[i], moved[j]);
            assert!(apart >= 29.0, "{i} and {j} still overlap: {apart}");
        }
    }
    // Symbols far enough apart do not move at all.
    assert_eq!(
        symbol_offsets(&[(0.0, 0.0), (40.0, 0.0)], 30.0),
        vec![(0.0, 0.0); 2]
    );
}

#[test]
fn scale_bar_picks_round_lengths() {
    let (metres, px) = scale_bar(3.0, 120.0);
    assert_eq!(metres, 200.0);
    assert!(close(px, 200.0 / 3.0, 1e-9));
    let (metres, _) = scale_bar(0.9, 120.0);
    assert_eq!(metres, 100.0);
}

#[test]
fn simplification_drops_only_points_within_tolerance() {
    // A tent (up to x = 50, then down) with ±0.1 of noise: three points describe it.
    let line: Vec<Xy> = (0..=100)
        .map(|i| {
            let x = i as f64;
            Xy {
                x,
                y: (50.0 - (x - 50.0).abs()) + (i % 2) as f64 * 0.1,
            }
        })
        .collect();
    let simple = simplify(&line, 0.5);
    assert_eq!(simple.len(), 3, "{simple:?}");
    assert_eq!(simple[1], Xy { x: 50.0, y: 50.0 });
    assert_eq!(simplify(&line, 0.0).len(), line.len());
    assert_eq!(simplify(&line[..2], 5.0).len(), 2);
}

#[test]
fn distance_to_line_and_position_along() {
    let line = [
        LonLat {
            lon: 113.0,
            lat: 22.5,
        },
        LonLat {
            lon: 113.01,
            lat: 22.5,
        },
    ];
    // 0.001° of latitude north of the middle: about 111 m.
    let p = LonLat {
        lon: 113.005,
        lat: 22.501,
    };
    assert!(close(distance_to_line_m(p, &line), 111.2, 0.5));
    let along = position_along_m(p, &line);
    assert!(close(along, line_length_m(&line) / 2.0, 2.0), "{along}");
}

fn shipped(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn the_shipped_sample_says_it_is_made_up_and_a_file_may_carry_a_notice_of_its_own() {
    let (data, problems, _) = read_routes(
        "content/routes.geojson",
        &shipped("public/content/routes.geojson"),
    )
    .unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let notice = data.notice.expect("the sample's notice");
    assert!(notice.zh_cn.contains("虚构"), "{}", notice.zh_cn);
    assert!(notice
        .get(river_guardians::i18n::Lang::En)
        .contains("made up"));
    // A plain string is read for both languages; a file without one (a geojson.io export) has
    // none.
    let with = |notice: &str| {
        format!(
            r#"{{"type":"FeatureCollection","notice":{notice},"features":[{{"type":"Feature","properties":{{}},"geometry":{{"type":"Point","coordinates":[113.1,22.5]}}}}]}}"#
        )
    };
    let (plain, _, _) = read_routes("content/routes.geojson", &with(r#""Practice data""#)).unwrap();
    assert_eq!(
        plain
            .notice
            .map(|n| n.get(river_guardians::i18n::Lang::En).to_owned()),
        Some("Practice data".to_owned())
    );
    let (none, _, _) = read_routes(
        "content/routes.geojson",
        &one_feature(r#"{"type":"Point","coordinates":[113.1,22.5]}"#, "{}"),
    )
    .unwrap();
    assert_eq!(none.notice, None);
}

#[test]
fn shipped_routes_read_with_all_properties() {
    let file: GeoJsonFile = parse_content(
        "content/routes.geojson",
        &shipped("public/content/routes.geojson"),
    )
    .unwrap();
    let data = MapData::from_geojson(&file);
    assert_eq!(data.routes.len(), 3);
    let trail = data.route("north-bank-learning-trail").unwrap();
    assert_eq!(trail.difficulty, Some(Difficulty::Easy));
    let summary = summarise(trail, &data);
    assert!(
        summary.length_m > 800.0 && summary.length_m < 3000.0,
        "{}",
        summary.length_m
    );
    let orders: Vec<Option<u32>> = summary
        .checkpoints
        .iter()
        .map(|&i| data.places[i].order)
        .collect();
    assert_eq!(orders, [Some(1), Some(2), Some(3)]);
    assert!(data
        .places
        .iter()
        .any(|p| matches!(p.kind, PlaceKind::Story(_))));
    let west = data.route("west-reach-loop").unwrap();
    assert_eq!(west.lines.len(), 2, "a MultiLineString keeps both parts");
    assert!(!summarise(west, &data).hazards.is_empty());
}

#[test]
fn a_name_only_export_displays_with_defaults() {
    let sample = std::fs::read_to_string(format!(
        "{}/../shared/samples/name-only-routes.geojson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .or_else(|_| std::fs::read_to_string("/work/shared/samples/name-only-routes.geojson"))
    .expect("the shared sample file");
    let file: GeoJsonFile = parse_content("routes.geojson", &sample).unwrap();
    let data = MapData::from_geojson(&file);
    assert_eq!(data.routes.len(), 3);
    assert_eq!(data.routes[0].name.zh_cn, "East bank walk");
    assert_eq!(data.routes[2].id, "route-3");
    assert_eq!(data.routes[2].name.en.as_deref(), Some("Route 3"));
    assert_ne!(data.routes[0].colour, data.routes[1].colour);
    assert_eq!(data.places.len(), 3);
    assert!(data.places.iter().all(|p| p.kind == PlaceKind::Place));
    assert!(data.places[2].name.is_none());
    let map = PreparedMap::new(data, &[]);
    for line in map.route_lines.iter().flatten().flatten() {
        assert!((0.0..=WIDTH).contains(&line.x) && (0.0..=HEIGHT).contains(&line.y));
    }
}

fn problems(text: &str) -> Vec<String> {
    match parse_content::<GeoJsonFile>("content/routes.geojson", text) {
        Err(AppError::Invalid { problems, .. }) => {
            problems.iter().map(ToString::to_string).collect()
        }
        Err(other) => vec![other.to_string()],
        Ok(_) => vec![],
    }
}

/// A routes file of one feature: its geometry and properties as JSON text.
fn one_feature(geometry: &str, properties: &str) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{properties},"geometry":{geometry}}}]}}"#
    )
}

#[test]
fn bad_geometry_is_reported_by_path() {
    let line = |coords: &str| {
        one_feature(
            &format!(r#"{{"type":"LineString","coordinates":{coords}}}"#),
            "{}",
        )
    };
    assert_eq!(
        problems(&line("[[113.1, 22.5], [200, 22.5]]")),
        ["features[0].geometry.coordinates[1]: longitude 200 is outside -180..180"]
    );
    assert_eq!(
        problems(&line("[[22.5, 113.1], [22.6, 113.2]]")).len(),
        2,
        "swapped lat/lon is caught"
    );
    assert_eq!(
        problems(&line("[]")),
        ["features[0].geometry.coordinates: a line needs at least 2 positions, has 0"]
    );
    // One value mistyped (a decimal point dropped) is that value's problem.
    assert_eq!(
        problems(&line("[[113.1, 225574], [113.2, 22.5]]")),
        ["features[0].geometry.coordinates[0]: latitude 225574 is outside -90..90 (is the order [longitude, latitude]?)"]
    );
    // A CGCS2000 Gauss-Krüger export (EPSG:4547): metres, which no swap would mend.
    assert_eq!(
        problems(&line("[[396000.5, 2495000], [396100, 2495050]]")),
        [
            "features[0].geometry.coordinates[0]: [396000.5, 2495000] are metres, not degrees: export the file in EPSG:4326 (WGS 84), longitude and latitude",
            "features[0].geometry.coordinates[1]: [396100, 2495050] are metres, not degrees: export the file in EPSG:4326 (WGS 84), longitude and latitude"
        ]
    );
    let nan = problems(&line(r#"[[113.1, "NaN"], [113.2, 22.5]]"#));
    assert_eq!(nan.len(), 1);
    assert!(nan[0].contains("content/routes.geojson"), "{nan:?}");
    assert_eq!(
        problems(r#"{"type":"FeatureCollection","features":[]}"#),
        ["features: has nothing to draw: no points, lines or polygons"]
    );
    let wrong_type = problems(r#"{"type":"Feature","geometry":null,"properties":{}}"#);
    assert_eq!(wrong_type.len(), 1, "{wrong_type:?}");
}

#[test]
fn a_misspelt_kind_gear_or_hazard_is_reported_instead_of_drawn_as_something_else() {
    let point = |properties: &str| {
        one_feature(r#"{"type":"Point","coordinates":[113.1,22.5]}"#, properties)
    };
    // A rescue pole typed "rescue_pole" was drawn as a lifebuoy.
    assert_eq!(
        problems(&point(r#"{"kind":"rescue","gear":"rescue_pole"}"#)),
        [r#"features[0].properties.gear: "rescue_pole" is not one of: lifebuoy, rescue-pole"#]
    );
    // A misspelt kind is named, and the point is still the hazard its "hazard" says (it was a
    // plain place, missing from its route's hazards, which then said "none marked").
    let misspelt = point(r#"{"kind":"hazrd","hazard":"deep-water"}"#);
    assert_eq!(
        problems(&misspelt),
        [
            r#"features[0].properties.kind: "hazrd" is not one of: route, checkpoint, hazard, rescue, toilet, meeting, story"#
        ]
    );
    let kind_of = |text: &str| {
        let (data, _, _) = read_routes("content/routes.geojson", text).unwrap();
        data.places[0].kind.clone()
    };
    assert_eq!(kind_of(&misspelt), PlaceKind::Hazard(HazardKind::DeepWater));
    // A capital letter or a spreadsheet's stray space is read as meant, and is no mistake.
    let spreadsheet = point(r#"{"kind":"Hazard ","hazard":" Deep-Water","route":"bank"}"#);
    assert!(problems(&spreadsheet).is_empty());
    assert_eq!(
        kind_of(&spreadsheet),
        PlaceKind::Hazard(HazardKind::DeepWater)
    );
    assert_eq!(
        kind_of(&point(r#"{"kind":"RESCUE","gear":"Rescue-Pole"}"#)),
        PlaceKind::Rescue(river_guardians::content::GearKind::RescuePole)
    );
    assert_eq!(
        problems(&point(r#"{"kind":"hazard","hazard":"deep water"}"#)),
        [
            r#"features[0].properties.hazard: "deep water" is not one of: deep-water, slippery-bank, fast-current"#
        ]
    );
    // Left out or left empty (QGIS writes null in an empty field), a property keeps its default:
    // a hazard of no stated kind, a plain place; a background shape's own kinds are its own.
    assert!(problems(&point(r#"{"kind":"hazard"}"#)).is_empty());
    assert!(problems(&point(
        r#"{"kind":"hazard","hazard":null,"gear":"","difficulty":null}"#
    ))
    .is_empty());
    assert!(problems(&point("{}")).is_empty());
    assert!(problems(&point(r#"{"layer":"park","kind":"river"}"#)).is_empty());
    // The source layer's name that QGIS's "Merge vector layers" adds is no background layer: the
    // checks stay on.
    assert_eq!(
        problems(&point(
            r#"{"layer":"rescue gear","kind":"rescue","gear":"rescue_pole"}"#
        )),
        [r#"features[0].properties.gear: "rescue_pole" is not one of: lifebuoy, rescue-pole"#]
    );
    // An area is never a route or place: an exported river with a kind of its own, under a
    // misspelt layer, is still a background shape (validate-content names the layer).
    let area = one_feature(
        r#"{"type":"Polygon","coordinates":[[[113.1,22.5],[113.2,22.5],[113.2,22.6],[113.1,22.5]]]}"#,
        r#"{"layer":"river","kind":"water"}"#,
    );
    assert!(problems(&area).is_empty());
}

#[test]
fn a_story_point_without_a_whole_story_is_reported() {
    let story = |story: &str| {
        one_feature(
            r#"{"type":"Point","coordinates":[113.1,22.5]}"#,
            &format!(r#"{{"kind":"story","story":{story}}}"#),
        )
    };
    let pictures = r#""before":{"src":"images/a.svg","alt":{"zh-CN":"前","en":"Before"}},"after":{"src":"images/b.svg","alt":{"zh-CN":"后","en":"After"}}"#;
    assert!(problems(&story(&format!(
        r#"{{{pictures},"caption":{{"zh-CN":"变化","en":"The change"}}}}"#
    )))
    .is_empty());
    let message = r#"features[0].properties.story: a story needs "before" and "after" pictures (each {"src": …, "alt": {"zh-CN": …, "en": …}}) and a "caption" written {"zh-CN": …, "en": …}; it is shown as a plain place"#;
    // A caption written as a plain string, as a map's names may be.
    assert_eq!(
        problems(&story(&format!(r#"{{{pictures},"caption":"变化"}}"#))),
        [message]
    );
    assert_eq!(problems(&story("null")), [message]);
}

/// A routes file of these features, each given as JSON text.
fn features(features: &[&str]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

#[test]
fn a_mistake_in_one_feature_costs_that_feature_not_the_map() {
    let route = r#"{"type":"Feature","properties":{"id":"bank","name":"Bank"},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.6]]}}"#;
    let lifebuoy = r#"{"type":"Feature","properties":{"kind":"rescue","gear":"lifebuoy"},"geometry":{"type":"Point","coordinates":[113.15,22.55]}}"#;
    // Latitude and longitude swapped in one point: it is left out, the rest is drawn.
    let swapped = r#"{"type":"Feature","properties":{"kind":"toilet"},"geometry":{"type":"Point","coordinates":[22.5,113.1]}}"#;
    // Not GeoJSON at all: coordinates typed as text.
    let text_coordinates = r#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["113.1","22.5"]}}"#;
    // A misspelt hazard kind: drawn, as a hazard of no stated kind.
    let misspelt = r#"{"type":"Feature","properties":{"kind":"hazard","hazard":"deep water"},"geometry":{"type":"Point","coordinates":[113.12,22.52]}}"#;
    let file = features(&[route, swapped, lifebuoy, text_coordinates, misspelt]);
    let (data, problems, whole) = read_routes("content/routes.geojson", &file).unwrap();
    assert!(!whole);
    assert_eq!(data.routes.len(), 1);
    assert_eq!(data.routes[0].id, "bank");
    let kinds: Vec<&PlaceKind> = data.places.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        [
            &PlaceKind::Rescue(river_guardians::content::GearKind::Lifebuoy),
            &PlaceKind::Hazard(HazardKind::Other)
        ]
    );
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].starts_with("features[1].geometry.coordinates: latitude 113.1"));
    assert!(
        problems[1].starts_with("features[3]: invalid type"),
        "{problems:?}"
    );
    assert_eq!(
        problems[2],
        r#"features[4].properties.hazard: "deep water" is not one of: deep-water, slippery-bank, fast-current"#
    );
    // The strict check, which validate-content runs, still refuses the file.
    assert!(parse_content::<GeoJsonFile>("content/routes.geojson", &file).is_err());
}

#[test]
fn a_second_feature_with_a_drawn_ones_id_is_left_out_and_a_collection_mistake_is_named() {
    let route = |id: &str, name: &str| {
        format!(
            r#"{{"type":"Feature","properties":{{"id":"{id}","name":"{name}"}},"geometry":{{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.6]]}}}}"#
        )
    };
    // The first "bank" is broken and left out, so the second one is the one drawn.
    let broken = r#"{"type":"Feature","properties":{"id":"bank"},"geometry":{"type":"LineString","coordinates":[[113.1,22.5]]}}"#;
    let file = features(&[broken, &route("bank", "A"), &route("bank", "B")]);
    let (data, problems, _) = read_routes("content/routes.geojson", &file).unwrap();
    let names: Vec<&str> = data.routes.iter().map(|r| r.name.zh_cn.as_str()).collect();
    assert_eq!(names, ["A"], "{problems:?}");
    assert_eq!(problems.len(), 3, "{problems:?}");
    // Every feature is fine but the collection's own type is misspelt: drawn, and named.
    let file = features(&[&route("bank", "A")]).replace("FeatureCollection", "featurecollection");
    let (data, problems, _) = read_routes("content/routes.geojson", &file).unwrap();
    assert_eq!(data.routes.len(), 1);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].path.is_empty() && problems[0].message.contains("(line 1, column"));
}

#[test]
fn a_hazard_or_gear_without_a_kind_is_one_and_with_another_kind_is_named() {
    let point = |props: &str| {
        format!(
            r#"{{"type":"Feature","properties":{props},"geometry":{{"type":"Point","coordinates":[113.1,22.5]}}}}"#
        )
    };
    let route = r#"{"type":"Feature","properties":{"id":"bank"},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.6]]}}"#;
    // As a QGIS layer of hazards or gear with only that column exports them.
    let file = features(&[
        route,
        &point(r#"{"hazard":"deep-water"}"#),
        &point(r#"{"gear":"lifebuoy"}"#),
        &point(r#"{"kind":"checkpoint","gear":"lifebuoy"}"#),
        &point(r#"{"kind":"checkpoint","gear":""}"#),
    ]);
    let (data, problems, whole) = read_routes("content/routes.geojson", &file).unwrap();
    assert!(whole, "still drawn whole: {problems:?}");
    let kinds: Vec<&PlaceKind> = data.places.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        [
            &PlaceKind::Hazard(HazardKind::DeepWater),
            &PlaceKind::Rescue(river_guardians::content::GearKind::Lifebuoy),
            &PlaceKind::Checkpoint,
            &PlaceKind::Checkpoint
        ]
    );
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            r#"features[3].properties.kind: a point with "gear" should have "kind": "rescue", not "checkpoint": the map shows it as a checkpoint and ignores its "gear""#
        ]
    );
}

#[test]
fn a_point_far_from_all_the_others_is_named_and_left_out_of_the_fit() {
    let point = |id: &str, lon: f64| {
        format!(
            r#"{{"type":"Feature","properties":{{"id":"{id}","kind":"rescue","gear":"lifebuoy"}},"geometry":{{"type":"Point","coordinates":[{lon},22.558]}}}}"#
        )
    };
    let route = r#"{"type":"Feature","properties":{"id":"bank"},"geometry":{"type":"LineString","coordinates":[[113.105,22.557],[113.12,22.56]]}}"#;
    let good = features(&[route, &point("ring-1", 113.11), &point("ring-2", 113.115)]);
    // The same park with one longitude typed 13.1103 for 113.1103.
    let typo = features(&[
        route,
        &point("ring-1", 113.11),
        &point("ring-2", 113.115),
        &point("ring-3", 13.1103),
    ]);
    let (good_data, problems, _) = read_routes("content/routes.geojson", &good).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let (typo_data, problems, whole) = read_routes("content/routes.geojson", &typo).unwrap();
    assert!(whole);
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("features[3].geometry.coordinates: is 10")
            && problems[0].ends_with("km from everything else on the map: check its coordinates (a digit missing or extra?); the map is fitted to the rest"),
        "{problems:?}"
    );
    // Still drawn, but the park fills the map as it does without it.
    assert_eq!(typo_data.places.len(), 3);
    let fitted = PreparedMap::new(good_data, &[]).home;
    let with_typo = PreparedMap::new(typo_data, &[]).home;
    assert!(
        close(with_typo.scale, fitted.scale, fitted.scale * 1e-9),
        "{with_typo:?} vs {fitted:?}"
    );
    // Two places far apart in a file of two are both meant (no one to tell which is wrong).
    let two = features(&[&point("a", 113.11), &point("b", 114.11)]);
    let (_, problems, _) = read_routes("content/routes.geojson", &two).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_link_to_one_route_opens_on_that_route() {
    let map = PreparedMap::new(
        MapData::from_geojson(
            &parse_content(
                "content/routes.geojson",
                &shipped("public/content/routes.geojson"),
            )
            .unwrap(),
        ),
        &[],
    );
    for (i, route) in map.data.routes.iter().enumerate() {
        let view = map.route_view(i);
        assert!(view.scale >= map.home.scale, "{}", route.id);
        assert!(view.scale <= map.home.scale * ZOOM_IN_LIMIT * (1.0 + 1e-9));
        // Every position of the route is on the map, clear of its edge.
        for &p in route.lines.iter().flatten() {
            let (x, y) = view.to_screen(project(p));
            assert!((32.0..=WIDTH - 32.0).contains(&x), "{} {x}", route.id);
            assert!((32.0..=HEIGHT - 32.0).contains(&y), "{} {y}", route.id);
        }
    }
    // The shortest route is shown larger than the whole map shows it.
    let shortest = (0..map.data.routes.len())
        .min_by(|&a, &b| {
            map.summaries[a]
                .length_m
                .total_cmp(&map.summaries[b].length_m)
        })
        .unwrap();
    assert!(map.route_view(shortest).scale > map.home.scale * 1.2);
    assert_eq!(map.route_view(99), map.home);
}

#[test]
fn a_routes_file_with_nothing_left_to_draw_is_still_an_error() {
    let good = shipped("public/content/routes.geojson");
    let (data, problems, _) = read_routes("content/routes.geojson", &good).unwrap();
    assert!(problems.is_empty());
    assert_eq!(
        data,
        MapData::from_geojson(&parse_content("content/routes.geojson", &good).unwrap())
    );
    let only_broken = features(&[
        r#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[113.1,22.5]]}}"#,
    ]);
    assert!(matches!(
        read_routes("content/routes.geojson", &only_broken),
        Err(AppError::Invalid { .. })
    ));
    let half = (good.len() / 2..)
        .find(|&i| good.is_char_boundary(i))
        .unwrap();
    let cut_off = &good[..half];
    assert!(matches!(
        read_routes("content/routes.geojson", cut_off),
        Err(AppError::Parse { .. })
    ));
    assert!(read_routes("content/routes.geojson", r#"{"type":"FeatureCollection"}"#).is_err());
}

#[test]
fn visible_tiles_cover_the_view_at_the_matching_zoom() {
    // A view showing the whole world 512 px wide: zoom 1, four tiles of 256 px.
    let view = View {
        scale: 512.0,
        offset_x: 0.0,
        offset_y: 0.0,
    };
    let tiles = visible_tiles(&view, 512.0, 512.0, 1.0, 19);
    let ids: Vec<(u8, u32, u32)> = tiles.iter().map(|t| (t.0, t.1, t.2)).collect();
    assert_eq!(ids, [(1, 0, 0), (1, 1, 0), (1, 0, 1), (1, 1, 1)]);
    assert_eq!((tiles[3].3, tiles[3].4, tiles[3].5), (256.0, 256.0, 256.0));
    // The same view drawn at half size (a phone): one zoom less, one tile 512 units (256 px).
    let small = visible_tiles(&view, 512.0, 512.0, 0.5, 19);
    assert_eq!(
        small
            .iter()
            .map(|t| (t.0, t.1, t.2, t.5))
            .collect::<Vec<_>>(),
        [(0, 0, 0, 512.0)]
    );
    // Deep zoom is capped by the server's maximum, and a view off the world needs no tiles.
    let deep = View {
        scale: 256.0 * 2f64.powi(22),
        offset_x: -(256.0 * 2f64.powi(21)),
        offset_y: -(256.0 * 2f64.powi(21)),
    };
    assert!(visible_tiles(&deep, 800.0, 560.0, 1.0, 18)
        .iter()
        .all(|t| t.0 == 18));
    let away = View {
        scale: 512.0,
        offset_x: 5000.0,
        offset_y: 0.0,
    };
    assert!(visible_tiles(&away, 800.0, 560.0, 1.0, 19).is_empty());
}

#[test]
fn svg_paths_round_to_tenths_and_drop_trailing_zeros() {
    let line = vec![
        Xy { x: 1.04, y: -2.26 },
        Xy { x: 10.0, y: 3.96 },
        Xy { x: -0.3, y: 120.55 },
    ];
    assert_eq!(
        svg_path(std::slice::from_ref(&line), 0.0, false),
        "M1 -2.3L10 4L-0.3 120.6"
    );
    assert_eq!(
        svg_path(&[line.clone(), line[..2].to_vec()], 0.0, true),
        "M1 -2.3L10 4L-0.3 120.6ZM1 -2.3L10 4Z"
    );
    assert_eq!(svg_path(&[], 0.0, true), "");
}

#[test]
fn hazards_and_gear_are_listed_in_walking_order_not_file_order() {
    // A route walked west to east; the file lists its hazards and gear east, west, middle.
    let point = |id: &str, kind: &str, lon: f64| {
        format!(
            r#"{{"type":"Feature","properties":{{"id":"{id}","kind":"{kind}","name":"{id}"}},"geometry":{{"type":"Point","coordinates":[{lon},22.5003]}}}}"#
        )
    };
    let file = format!(
        r#"{{"type":"FeatureCollection","features":[
        {{"type":"Feature","properties":{{"id":"bank","kind":"route","name":"Bank"}},"geometry":{{"type":"LineString","coordinates":[[113.000,22.5],[113.004,22.5],[113.008,22.5]]}}}},
        {},{},{},{},{},{}]}}"#,
        point("hazard-east", "hazard", 113.0075),
        point("gear-east", "rescue", 113.0078),
        point("hazard-west", "hazard", 113.0005),
        point("gear-west", "rescue", 113.0002),
        point("hazard-middle", "hazard", 113.0041),
        point("gear-middle", "rescue", 113.0039),
    );
    let file: GeoJsonFile = parse_content("content/routes.geojson", &file).unwrap();
    let data = MapData::from_geojson(&file);
    let summary = summarise(data.route("bank").unwrap(), &data);
    let ids = |indexes: &[usize]| -> Vec<String> {
        indexes.iter().map(|&i| data.places[i].id.clone()).collect()
    };
    assert_eq!(
        ids(&summary.hazards),
        ["hazard-west", "hazard-middle", "hazard-east"]
    );
    assert_eq!(
        ids(&summary.gear),
        ["gear-west", "gear-middle", "gear-east"]
    );
}

#[test]
fn background_draws_parks_then_water_then_paths_and_keeps_lines_open() {
    // As geojson.io leaves it: the river first, a path, then the park outline drawn around
    // both last, and a creek drawn as a line in the water layer.
    let file = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"layer":"water"},"geometry":{"type":"Polygon","coordinates":[[[113.0,22.5],[113.01,22.5],[113.01,22.501],[113.0,22.501],[113.0,22.5]]]}},
        {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[113.0,22.502],[113.01,22.502]]}},
        {"type":"Feature","properties":{"layer":"park"},"geometry":{"type":"Polygon","coordinates":[[[112.99,22.49],[113.02,22.49],[113.02,22.51],[112.99,22.51],[112.99,22.49]]]}},
        {"type":"Feature","properties":{"layer":"water"},"geometry":{"type":"LineString","coordinates":[[113.005,22.501],[113.006,22.505],[113.004,22.508]]}}
    ]}"#;
    let file: GeoJsonFile = parse_content("content/background.geojson", file).unwrap();
    let shapes = background_shapes(&file);
    let order: Vec<(Layer, bool)> = shapes.iter().map(|s| (s.layer, s.area)).collect();
    assert_eq!(
        order,
        [
            (Layer::Water, true),
            (Layer::Path, false),
            (Layer::Park, true),
            (Layer::Water, false)
        ],
        "read in file order"
    );
    let map = PreparedMap::new(MapData::default(), &shapes);
    let drawn: Vec<(Layer, bool)> = map.background.iter().map(|(l, a, _)| (*l, *a)).collect();
    assert_eq!(
        drawn,
        [
            (Layer::Park, true),
            (Layer::Water, true),
            (Layer::Water, false),
            (Layer::Path, false)
        ]
    );
    let creek = svg_path(&map.background[2].2, 0.4, map.background[2].1);
    assert!(!creek.contains('Z'), "a line is not closed: {creek}");
    assert!(svg_path(&map.background[0].2, 0.4, map.background[0].1).ends_with('Z'));
}

#[test]
fn gear_given_to_another_route_is_listed_only_there_or_on_a_shared_path_but_hazards_wherever_near()
{
    // Two routes on opposite banks of a river about 90 m wide; a lifebuoy and a hazard on the
    // south bank, within reach of the north route's limits, both given to the south route.
    let file = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"id":"north","kind":"route","name":"North"},"geometry":{"type":"LineString","coordinates":[[113.000,22.5008],[113.004,22.5008]]}},
        {"type":"Feature","properties":{"id":"south","kind":"route","name":"South"},"geometry":{"type":"LineString","coordinates":[[113.000,22.5],[113.004,22.5]]}},
        {"type":"Feature","properties":{"id":"ring","kind":"rescue","name":"Ring","route":"south"},"geometry":{"type":"Point","coordinates":[113.002,22.5001]}},
        {"type":"Feature","properties":{"id":"steps","kind":"hazard","name":"Steps","route":"south"},"geometry":{"type":"Point","coordinates":[113.002,22.5004]}},
        {"type":"Feature","properties":{"id":"loose","kind":"rescue","name":"Loose","route":"nowhere"},"geometry":{"type":"Point","coordinates":[113.003,22.5004]}},
        {"type":"Feature","properties":{"id":"shared","kind":"rescue","name":"Shared","route":"south"},"geometry":{"type":"Point","coordinates":[113.0015,22.5009]}}
    ]}"#;
    let file: GeoJsonFile = parse_content("content/routes.geojson", file).unwrap();
    let data = MapData::from_geojson(&file);
    let ids = |indexes: &[usize]| -> Vec<String> {
        indexes.iter().map(|&i| data.places[i].id.clone()).collect()
    };
    let north = summarise(data.route("north").unwrap(), &data);
    let south = summarise(data.route("south").unwrap(), &data);
    // The ring is 78 m from the north route (under the 120 m limit) but across the water; the
    // south route's "shared" ring is on the north route's path (11 m) too.
    assert_eq!(ids(&north.gear), ["shared", "loose"]);
    assert_eq!(ids(&south.gear), ["shared", "ring", "loose"]);
    // A hazard 44 m from the north route is worth knowing on both banks.
    assert_eq!(ids(&north.hazards), ["steps"]);
    assert_eq!(ids(&south.hazards), ["steps"]);
}

#[test]
fn names_exported_as_text_or_with_any_case_of_language_key_are_read() {
    let named = |name: &str| {
        let file: GeoJsonFile = parse_content(
            "content/routes.geojson",
            &one_feature(
                r#"{"type":"LineString","coordinates":[[113.0,22.5],[113.01,22.5]]}"#,
                &format!(r#"{{"id":"bank","name":{name}}}"#),
            ),
        )
        .unwrap();
        let route = &MapData::from_geojson(&file).routes[0];
        (route.name.zh_cn.clone(), route.name.en.clone())
    };
    let both = || ("北岸".to_owned(), Some("North bank".to_owned()));
    assert_eq!(named(r#"{"zh-CN":"北岸","en":"North bank"}"#), both());
    // Language tags in another case, as some tools write them.
    assert_eq!(named(r#"{"zh-cn":"北岸","EN":"North bank"}"#), both());
    assert_eq!(named(r#"{"zh":"北岸","en-GB":"North bank"}"#), both());
    // The object exported as a string (QGIS, spreadsheets): read, not shown with its braces.
    assert_eq!(
        named(r#""{\"zh-CN\": \"北岸\", \"en\": \"North bank\"}""#),
        both()
    );
    // English only: shown in both languages rather than as a made-up name.
    assert_eq!(
        named(r#"{"en":"North bank"}"#),
        ("North bank".to_owned(), Some("North bank".to_owned()))
    );
    // … or with the Chinese left blank, as a spreadsheet exports an empty cell.
    assert_eq!(
        named(r#"{"zh-CN":"","en":"North bank"}"#),
        ("North bank".to_owned(), Some("North bank".to_owned()))
    );
    // A plain name, even one with braces that are not JSON or an object without languages,
    // stays as written; so do names that read as other JSON.
    for plain in ["Bank {north}", r#"{\"width\": 3}"#, "123", "true", "[1]"] {
        let shown = plain.replace('\\', "");
        assert_eq!(
            named(&format!(r#""{plain}""#)),
            (shown.clone(), Some(shown)),
            "{plain}"
        );
    }
}

#[test]
fn a_multipoint_is_a_place_at_each_position_with_ids_that_never_collide() {
    // QGIS exports a point layer as MultiPoint; "route-1" is written by hand for the second
    // route, which the first (with no id) would also have been given.
    let lifebuoys = r#"{"type":"Feature","properties":{"id":"buoy","kind":"rescue","gear":"lifebuoy","route":1,"order":"2"},"geometry":{"type":"MultiPoint","coordinates":[[113.11,22.51],[113.12,22.52]]}}"#;
    let unnamed = r#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.6]]}}"#;
    let named = r#"{"type":"Feature","properties":{"id":"route-1"},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.6]]}}"#;
    let checkpoint = r#"{"type":"Feature","properties":{"kind":"checkpoint","order":3.0},"geometry":{"type":"Point","coordinates":[113.13,22.53]}}"#;
    let file = features(&[lifebuoys, unnamed, named, checkpoint]);
    let (data, problems, _) = read_routes("content/routes.geojson", &file).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let places: Vec<(&str, Option<&str>, Option<u32>)> = data
        .places
        .iter()
        .map(|p| (p.id.as_str(), p.route.as_deref(), p.order))
        .collect();
    assert_eq!(
        places,
        [
            ("buoy", Some("1"), Some(2)),
            ("buoy-2", Some("1"), Some(2)),
            ("place-3", None, Some(3))
        ]
    );
    let routes: Vec<&str> = data.routes.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(routes, ["route-1-2", "route-1"]);
}

#[test]
fn what_the_patrol_map_cannot_show_as_meant_is_named() {
    let route = r#"{"type":"Feature","properties":{"id":"bank"},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.6]]}}"#;
    // A hazard area belongs in the background; a slippery stretch drawn as a line would be listed
    // as a route to walk; a route drawn as a point is a place; a feature with no geometry.
    let area = r#"{"type":"Feature","properties":{"kind":"hazard"},"geometry":{"type":"Polygon","coordinates":[[[113.1,22.5],[113.2,22.5],[113.2,22.6],[113.1,22.5]]]}}"#;
    let hazard_line = r#"{"type":"Feature","properties":{"kind":"hazard","hazard":"slippery-bank"},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.15,22.55]]}}"#;
    let route_point = r#"{"type":"Feature","properties":{"kind":"route"},"geometry":{"type":"Point","coordinates":[113.13,22.53]}}"#;
    let nowhere = r#"{"type":"Feature","properties":{"name":"Gate"},"geometry":null}"#;
    let dotted = r#"{"type":"Feature","id":"routes.7","properties":{},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.6]]}}"#;
    let file = features(&[route, area, hazard_line, route_point, nowhere, dotted]);
    let (data, problems, whole) = read_routes("content/routes.geojson", &file).unwrap();
    // Valid GeoJSON with every feature read: kept as the last good copy all the same.
    assert!(whole);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "features[1].geometry.type",
            "features[2].properties.kind",
            "features[3].properties.kind",
            "features[4].geometry",
            "features[5].id"
        ],
        "{problems:?}"
    );
    assert!(problems[1].message.contains("a hazard is a point"));
    // Still drawn as before: the problems are for the organizer, above the map.
    assert_eq!(data.routes.len(), 3);
    assert_eq!(data.places.len(), 1);
    // A file of areas only has nothing for the patrol map.
    let file = features(&[area]);
    match read_routes("content/routes.geojson", &file) {
        Err(AppError::Invalid { problems, .. }) => {
            assert_eq!(problems.len(), 2, "{problems:?}");
            assert!(problems[1].message.contains("no routes"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn panning_keeps_a_quarter_of_the_screen_on_the_routes_and_places() {
    let view = View {
        scale: 1000.0,
        offset_x: 0.0,
        offset_y: 0.0,
    };
    // A long, thin park: 600 by 200 pixels in the middle of an 800 by 600 screen.
    let park = Bounds {
        min: Xy { x: 0.1, y: 0.2 },
        max: Xy { x: 0.7, y: 0.4 },
    };
    // A long flick to the right stops with a quarter of the screen's width still on the park.
    let flung = view.pan_within(park, 5000.0, 0.0, 800.0, 600.0);
    assert!(close(flung.offset_x, 500.0, 1e-9), "{flung:?}");
    assert_eq!(flung.offset_y, 0.0);
    // Upwards, a quarter of the height (150 of its 200 pixels) stays on screen.
    let up = view.pan_within(park, 0.0, -5000.0, 800.0, 600.0);
    assert!(close(up.offset_y, -250.0, 1e-9), "{up:?}");
    // Within the limits a pan is a pan.
    assert_eq!(
        view.pan_within(park, 30.0, -20.0, 800.0, 600.0),
        view.pan(30.0, -20.0)
    );
    // Zoomed in four times, the park is bigger, and so is the room to move.
    let zoomed = view.zoom_at(4.0, 400.0, 300.0);
    let far = zoomed.pan_within(park, -1e6, 0.0, 800.0, 600.0);
    let (right_edge, _) = far.to_screen(park.max);
    assert!(close(right_edge, 200.0, 1e-6), "{right_edge}");
    // A map smaller than a quarter of the screen stays whole on it.
    let spot = Bounds {
        min: Xy { x: 0.4, y: 0.3 },
        max: Xy { x: 0.41, y: 0.31 },
    };
    let (right, _) = view
        .pan_within(spot, 5000.0, 0.0, 800.0, 600.0)
        .to_screen(spot.max);
    assert!(close(right, 800.0, 1e-6), "{right}");
    // A view already past the limit may come back, and not go further.
    let beyond = view.pan(5000.0, 0.0);
    assert_eq!(beyond.pan_within(park, 100.0, 0.0, 800.0, 600.0), beyond);
    assert_eq!(
        beyond.pan_within(park, -100.0, 0.0, 800.0, 600.0),
        beyond.pan(-100.0, 0.0)
    );
}

#[test]
fn a_route_numbered_by_qgis_keeps_its_checkpoints() {
    // QGIS's default id field is an integer: the route's "id": 1 and the checkpoint's "route": 1
    // (or 1.0 from a real field) are the same route.
    let route = r#"{"type":"Feature","properties":{"id":1,"name":"Bank"},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.5]]}}"#;
    let far_checkpoint = r#"{"type":"Feature","properties":{"kind":"checkpoint","route":1.0,"order":1},"geometry":{"type":"Point","coordinates":[113.15,22.51]}}"#;
    let file = features(&[route, far_checkpoint]);
    let (data, problems, whole) = read_routes("content/routes.geojson", &file).unwrap();
    assert!(problems.is_empty() && whole, "{problems:?}");
    assert_eq!(data.routes[0].id, "1");
    assert_eq!(data.places[0].route.as_deref(), Some("1"));
    let prepared = PreparedMap::new(data, &[]);
    assert_eq!(prepared.summaries[0].checkpoints, [0]);
}

#[test]
fn a_collection_mistake_is_named_beside_what_the_map_shows_otherwise_than_meant() {
    let route = r#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[113.1,22.5],[113.2,22.6]]}}"#;
    let nowhere = r#"{"type":"Feature","properties":{},"geometry":null}"#;
    let file = features(&[route, nowhere]).replace("FeatureCollection", "featurecollection");
    let (_, problems, whole) = read_routes("content/routes.geojson", &file).unwrap();
    assert!(!whole);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["", "features[1].geometry"], "{problems:?}");
}
