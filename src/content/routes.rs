//! `routes.geojson` and `background.geojson`: standard GeoJSON (RFC 7946) parsed with the
//! georust `geojson` crate, then read into the map's own model with sensible defaults, so a file
//! exported from geojson.io or QGIS with only a `name` (or nothing) still displays.

use super::validate::Problems;
use super::{AppError, Image, LocalText, Problem, Validate};
use crate::i18n::Lang;
use crate::map::geo::{project, strays, Bounds, LonLat};
use geojson::{Feature, FeatureCollection, GeometryValue, JsonObject, JsonValue, Position};
use serde::Deserialize;

/// Where the routes live, relative to the site root.
pub const ROUTES_FILE: &str = "content/routes.geojson";
/// Where the background layer lives, relative to the site root.
pub const BACKGROUND_FILE: &str = "content/background.geojson";

/// Declares [`FeatureProperty`] from one list, so [`FeatureProperty::ALL`] cannot miss a variant.
macro_rules! feature_properties {
    ($($(#[$doc:meta])* $variant:ident = $key:literal,)*) => {
        /// A feature property the map reads (`properties.<key>` of a GeoJSON feature). Every read
        /// of a property, here and in the content validator, goes through one of these, so
        /// [`FeatureProperty::ALL`] is the complete list; tests/schema_drift.rs compares it with
        /// `$defs/Properties` of schemas/routes.schema.json.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum FeatureProperty {
            $($(#[$doc])* $variant,)*
        }

        impl FeatureProperty {
            /// Every property the map reads, in documentation order.
            pub const ALL: &'static [FeatureProperty] = &[$(FeatureProperty::$variant,)*];

            /// The property's key in the file.
            pub const fn key(self) -> &'static str {
                match self {
                    $(FeatureProperty::$variant => $key,)*
                }
            }
        }
    };
}

feature_properties! {
    /// Stable id (falls back to the feature's own `id`).
    Id = "id",
    /// What a point is (`checkpoint`, `hazard`, …).
    Kind = "kind",
    /// Name: plain or localised text.
    Name = "name",
    /// Description: plain or localised text.
    Description = "description",
    /// A route's difficulty.
    Difficulty = "difficulty",
    /// A route's colour, `#rrggbb`.
    Colour = "colour",
    /// simplestyle line colour, read when `colour` is absent.
    Stroke = "stroke",
    /// The route a point belongs to.
    Route = "route",
    /// A checkpoint's order along its route.
    Order = "order",
    /// A quiz set opened from a checkpoint.
    Quiz = "quiz",
    /// A hazard's kind.
    Hazard = "hazard",
    /// A rescue point's gear.
    Gear = "gear",
    /// A story place's pictures and caption.
    Story = "story",
    /// A background shape's layer.
    Layer = "layer",
}

/// Colours given to routes that name none, in order; each is dark enough on white.
const ROUTE_COLOURS: [&str; 5] = ["#1565c0", "#2e7d32", "#6a1b9a", "#c62828", "#00695c"];

/// A GeoJSON FeatureCollection as the file holds it, validated before use.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct GeoJsonFile(pub FeatureCollection);

/// How hard a route is to walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difficulty {
    /// Level, railed paths.
    Easy,
    /// Some uneven ground.
    Moderate,
    /// Rough or steep ground, near water.
    Hard,
}

/// A patrol route: one or more lines.
#[derive(Clone, Debug, PartialEq)]
pub struct PatrolRoute {
    /// Stable id, used in `/map/<id>`; `route-N` when the file has none.
    pub id: String,
    /// The route's name; `Route N` when the file has none.
    pub name: LocalText,
    /// What to expect on the route.
    pub description: Option<LocalText>,
    /// How hard it is, if the file says.
    pub difficulty: Option<Difficulty>,
    /// Line colour, `#rrggbb`.
    pub colour: String,
    /// The lines (a LineString is one line; a MultiLineString several).
    pub lines: Vec<Vec<LonLat>>,
}

/// What a point on the map is.
#[derive(Clone, Debug, PartialEq)]
pub enum PlaceKind {
    /// A stop on a route, possibly with a quiz.
    Checkpoint,
    /// A danger near the water.
    Hazard(HazardKind),
    /// Rescue equipment.
    Rescue(GearKind),
    /// Toilets.
    Toilet,
    /// The volunteers' meeting point or stall.
    Meeting,
    /// A place of the park's story, with before/after pictures.
    Story(Story),
    /// Any other named place (e.g. from a file with only names).
    Place,
}

/// Kinds of hazard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HazardKind {
    /// Deep water.
    DeepWater,
    /// A slippery bank.
    SlipperyBank,
    /// A fast current.
    FastCurrent,
    /// A hazard of unstated kind.
    Other,
}

/// Kinds of rescue gear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GearKind {
    /// A lifebuoy (ring) to throw.
    Lifebuoy,
    /// A pole to reach with.
    RescuePole,
    /// Gear of unstated kind.
    Other,
}

/// The park story of a place: how it was, how it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Story {
    /// The picture from before.
    pub before: Image,
    /// The picture from now.
    pub after: Image,
    /// What changed.
    pub caption: LocalText,
}

/// A point feature: a checkpoint, hazard, rescue gear, toilet, meeting point or story place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Stable id; `place-N` when the file has none.
    pub id: String,
    /// What the place is.
    pub kind: PlaceKind,
    /// Its name; a generic name of its kind when the file has none.
    pub name: Option<LocalText>,
    /// More about it.
    pub description: Option<LocalText>,
    /// The route it belongs to, if the file says.
    pub route: Option<String>,
    /// Its order along its route, if the file says.
    pub order: Option<u32>,
    /// A quiz set to open from here.
    pub quiz: Option<String>,
    /// Where it is.
    pub at: LonLat,
}

/// A background layer, in drawing order: a park outline that takes in its river must not cover
/// the water, whatever the file's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// Park or green space.
    Park,
    /// River or lake.
    Water,
    /// Footpaths.
    Path,
}

/// One background shape: a polygon's rings or a path's lines.
#[derive(Clone, Debug, PartialEq)]
pub struct BackgroundShape {
    /// Which layer it belongs to.
    pub layer: Layer,
    /// The rings of polygons, or the lines of paths.
    pub lines: Vec<Vec<LonLat>>,
    /// Whether `lines` are a polygon's rings (filled), not lines (a creek drawn as a line in
    /// the water layer is a stroke, not a wedge closed across the land).
    pub area: bool,
}

/// Everything the routes file holds, read with defaults.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MapData {
    /// The routes, in file order.
    pub routes: Vec<PatrolRoute>,
    /// The places, in file order.
    pub places: Vec<Place>,
    /// The file's own word to everyone who opens the map (its `notice`, beside `features`), such
    /// as the shipped sample's "made up, not surveyed: the hazards and rescue gear are not
    /// there".
    pub notice: Option<LocalText>,
}

fn lonlat(p: &Position) -> LonLat {
    LonLat {
        lon: p[0],
        lat: p[1],
    }
}

fn line(positions: &[Position]) -> Vec<LonLat> {
    positions.iter().map(lonlat).collect()
}

/// Reads a text property: a plain string (as geojson.io writes), `{"zh-CN": …, "en": …}`, or
/// that object written as a string (QGIS and spreadsheets export a JSON field as text).
fn text_property(props: Option<&JsonObject>, key: FeatureProperty) -> Option<LocalText> {
    text_value(props?.get(key.key())?)
}

/// A text written as [`text_property`] reads it.
fn text_value(value: &JsonValue) -> Option<LocalText> {
    match value {
        JsonValue::String(s) => serde_json::from_str::<JsonObject>(s.trim())
            .ok()
            .and_then(|object| text_of_object(&object))
            .or_else(|| {
                (!s.trim().is_empty()).then(|| LocalText {
                    zh_cn: s.clone(),
                    en: Some(s.clone()),
                })
            }),
        JsonValue::Object(object) => text_of_object(object),
        _ => None,
    }
}

/// A text from its translations, with language keys read as the tags they are, in any case
/// (`zh-CN`, `zh-cn`, `zh`, `EN`); one with English only (or a blank Chinese, as a spreadsheet
/// exports an empty cell) shows that in both languages.
fn text_of_object(object: &JsonObject) -> Option<LocalText> {
    let (mut zh_cn, mut en) = (None, None);
    for (key, value) in object {
        let text = value.as_str().filter(|text| !text.trim().is_empty());
        match (Lang::from_code(key), text) {
            (Some(Lang::ZhCn), Some(text)) => zh_cn = Some(text.to_owned()),
            (Some(Lang::En), Some(text)) => en = Some(text.to_owned()),
            _ => {}
        }
    }
    let text = LocalText {
        zh_cn: zh_cn.or_else(|| en.clone())?,
        en,
    };
    (!text.is_blank()).then_some(text)
}

fn str_property(props: Option<&JsonObject>, key: FeatureProperty) -> Option<&str> {
    props?
        .get(key.key())?
        .as_str()
        .filter(|s| !s.trim().is_empty())
}

fn image_property(value: Option<&JsonValue>) -> Option<Image> {
    serde_json::from_value(value?.clone()).ok()
}

fn story_property(props: Option<&JsonObject>) -> Option<Story> {
    let story = props?.get(FeatureProperty::Story.key())?.as_object()?;
    Some(Story {
        before: image_property(story.get("before"))?,
        after: image_property(story.get("after"))?,
        caption: serde_json::from_value(story.get("caption")?.clone()).ok()?,
    })
}

/// A feature's id: its `properties.id`, or else the feature's own `id` (as GIS tools write it).
fn feature_id(feature: &Feature) -> Option<String> {
    let from_props = feature
        .properties
        .as_ref()
        .and_then(|p| whole_number_or_text(p.get(FeatureProperty::Id.key())?));
    from_props.or_else(|| match &feature.id {
        Some(geojson::feature::Id::String(s)) => Some(s.clone()),
        Some(geojson::feature::Id::Number(n)) => Some(n.to_string()),
        None => None,
    })
}

/// A property's value as the one of `known` an organizer meant: a spreadsheet's stray space or a
/// capital letter ("Hazard ") does not make a hazard a plain place.
fn known_property(
    props: Option<&JsonObject>,
    key: FeatureProperty,
    known: &[&'static str],
) -> Option<&'static str> {
    let value = str_property(props, key)?.trim();
    known
        .iter()
        .copied()
        .find(|k| k.eq_ignore_ascii_case(value))
}

/// A point's `kind`; without one, or with one the map does not know (a misspelling, which the
/// check names), a point with a `hazard` or `gear` is that (a QGIS layer of hazards may carry
/// only that column).
fn place_kind(props: Option<&JsonObject>) -> PlaceKind {
    let given = |property| str_property(props, property).is_some();
    let kind = known_property(props, FeatureProperty::Kind, &KINDS).or(
        if given(FeatureProperty::Hazard) {
            Some("hazard")
        } else if given(FeatureProperty::Gear) {
            Some("rescue")
        } else {
            None
        },
    );
    match kind {
        Some("checkpoint") => PlaceKind::Checkpoint,
        Some("hazard") => PlaceKind::Hazard(
            match known_property(props, FeatureProperty::Hazard, &HAZARDS) {
                Some("deep-water") => HazardKind::DeepWater,
                Some("slippery-bank") => HazardKind::SlipperyBank,
                Some("fast-current") => HazardKind::FastCurrent,
                _ => HazardKind::Other,
            },
        ),
        Some("rescue") => {
            PlaceKind::Rescue(match known_property(props, FeatureProperty::Gear, &GEAR) {
                Some("lifebuoy") => GearKind::Lifebuoy,
                Some("rescue-pole") => GearKind::RescuePole,
                _ => GearKind::Other,
            })
        }
        Some("toilet") => PlaceKind::Toilet,
        Some("meeting") => PlaceKind::Meeting,
        Some("story") => match story_property(props) {
            Some(story) => PlaceKind::Story(story),
            None => PlaceKind::Place,
        },
        _ => PlaceKind::Place,
    }
}

/// A route's or place's `route` property: a string, or a whole number as a QGIS integer or real
/// field writes it.
pub fn route_property(props: Option<&JsonObject>) -> Option<String> {
    whole_number_or_text(props?.get(FeatureProperty::Route.key())?)
}

/// An id as text: a string, or a whole number (`1`, or `1.0` from a QGIS real field) written
/// the way a route's numeric id is, so `"route": 1` finds the route whose `"id"` is 1.
fn whole_number_or_text(value: &JsonValue) -> Option<String> {
    match value {
        JsonValue::Number(n) => n
            .as_f64()
            .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < 1e15)
            .map(|v| (v as u64).to_string()),
        JsonValue::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

/// A checkpoint's `order`: a whole number, also written `2.0` (a QGIS real field) or `"2"` (a
/// spreadsheet's column).
fn order_property(props: Option<&JsonObject>) -> Option<u32> {
    match props?.get(FeatureProperty::Order.key())? {
        JsonValue::Number(n) => {
            let order = n.as_f64()?;
            (order.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&order))
                .then_some(order as u32)
        }
        // Whole numbers only: parsing decimals from text would add 16 KB of float parsing to
        // the map's download.
        JsonValue::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The ids given to routes and places: the file's own, and for the others `route-N` or `place-N`
/// (with `-2`, `-3` … added when the file already uses that id for something else).
struct Ids(Vec<String>);

impl Ids {
    fn of(features: &[Feature]) -> Ids {
        Ids(features.iter().filter_map(feature_id).collect())
    }

    /// `wanted`, or the first of `wanted-2`, `wanted-3` … that no other route or place has.
    fn fresh(&mut self, wanted: String) -> String {
        let mut id = wanted.clone();
        for k in 2.. {
            if !self.0.contains(&id) {
                break;
            }
            id = format!("{wanted}-{k}");
        }
        self.0.push(id.clone());
        id
    }
}

impl MapData {
    /// Reads routes and places from a (validated) GeoJSON file. Unknown properties are ignored;
    /// missing ones get defaults; features of other geometry types are skipped. A MultiPoint is
    /// a place at each of its positions (QGIS exports point layers as MultiPoint).
    pub fn from_geojson(file: &GeoJsonFile) -> MapData {
        let mut data = MapData {
            notice: file
                .0
                .foreign_members
                .as_ref()
                .and_then(|members| text_value(members.get("notice")?)),
            ..MapData::default()
        };
        let mut ids = Ids::of(&file.0.features);
        for feature in &file.0.features {
            let Some(geometry) = &feature.geometry else {
                continue;
            };
            let props = feature.properties.as_ref();
            let lines = match &geometry.value {
                GeometryValue::LineString { coordinates } => vec![line(coordinates)],
                GeometryValue::MultiLineString { coordinates } => {
                    coordinates.iter().map(|l| line(l)).collect()
                }
                GeometryValue::Point { coordinates } => {
                    data.add_places(&mut ids, feature, std::slice::from_ref(coordinates));
                    continue;
                }
                GeometryValue::MultiPoint { coordinates } => {
                    data.add_places(&mut ids, feature, coordinates);
                    continue;
                }
                _ => continue,
            };
            let n = data.routes.len() + 1;
            let colour = str_property(props, FeatureProperty::Colour)
                .or_else(|| str_property(props, FeatureProperty::Stroke))
                .filter(|c| is_hex_colour(c))
                .unwrap_or(ROUTE_COLOURS[(n - 1) % ROUTE_COLOURS.len()]);
            data.routes.push(PatrolRoute {
                id: feature_id(feature).unwrap_or_else(|| ids.fresh(format!("route-{n}"))),
                name: text_property(props, FeatureProperty::Name).unwrap_or_else(|| LocalText {
                    zh_cn: format!("路线 {n}"),
                    en: Some(format!("Route {n}")),
                }),
                description: text_property(props, FeatureProperty::Description),
                difficulty: match known_property(props, FeatureProperty::Difficulty, &DIFFICULTIES)
                {
                    Some("easy") => Some(Difficulty::Easy),
                    Some("moderate") => Some(Difficulty::Moderate),
                    Some("hard") => Some(Difficulty::Hard),
                    _ => None,
                },
                colour: colour.to_owned(),
                lines,
            });
        }
        data
    }

    /// The places of one point feature, one at each of `positions`: the first has the
    /// feature's id, the others that id with `-2`, `-3` ….
    fn add_places(&mut self, ids: &mut Ids, feature: &Feature, positions: &[Position]) {
        let props = feature.properties.as_ref();
        let own_id = feature_id(feature);
        // The properties are read once, for every position.
        let place = Place {
            id: String::new(),
            kind: place_kind(props),
            name: text_property(props, FeatureProperty::Name),
            description: text_property(props, FeatureProperty::Description),
            route: route_property(props),
            order: order_property(props),
            quiz: str_property(props, FeatureProperty::Quiz).map(str::to_owned),
            at: LonLat { lon: 0.0, lat: 0.0 },
        };
        for (k, position) in positions.iter().enumerate() {
            let n = self.places.len() + 1;
            let id = match (&own_id, k) {
                (Some(id), 0) => id.clone(),
                (Some(id), _) => ids.fresh(id.clone()),
                (None, _) => ids.fresh(format!("place-{n}")),
            };
            self.places.push(Place {
                id,
                at: lonlat(position),
                ..place.clone()
            });
        }
    }

    /// The route with this id.
    pub fn route(&self, id: &str) -> Option<&PatrolRoute> {
        self.routes.iter().find(|r| r.id == id)
    }
}

/// Reads the background layer: polygons and lines tagged `layer: water | park | path`
/// (untagged polygons count as park, untagged lines as paths).
pub fn background_shapes(file: &GeoJsonFile) -> Vec<BackgroundShape> {
    file.0
        .features
        .iter()
        .filter_map(|feature| {
            let geometry = feature.geometry.as_ref()?;
            let layer = str_property(feature.properties.as_ref(), FeatureProperty::Layer);
            let (default, lines, area) = match &geometry.value {
                GeometryValue::Polygon { coordinates } => (
                    Layer::Park,
                    coordinates.iter().map(|r| line(r)).collect(),
                    true,
                ),
                GeometryValue::MultiPolygon { coordinates } => (
                    Layer::Park,
                    coordinates.iter().flatten().map(|r| line(r)).collect(),
                    true,
                ),
                GeometryValue::LineString { coordinates } => {
                    (Layer::Path, vec![line(coordinates)], false)
                }
                GeometryValue::MultiLineString { coordinates } => (
                    Layer::Path,
                    coordinates.iter().map(|l| line(l)).collect(),
                    false,
                ),
                _ => return None,
            };
            let layer = match layer {
                Some("water") => Layer::Water,
                Some("park") => Layer::Park,
                Some("path") => Layer::Path,
                _ => default,
            };
            Some(BackgroundShape { layer, lines, area })
        })
        .collect()
}

fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// Checks one position; `path` is only built when there is something to report (a route
/// file can hold tens of thousands of positions).
fn check_position(p: &mut Problems, path: impl Fn() -> String, position: &Position) {
    if position.len() < 2 {
        p.push(path(), "a position needs a longitude and a latitude");
        return;
    }
    let (lon, lat) = (position[0], position[1]);
    // Metres east and north (China's CGCS2000 Gauss-Krüger, UTM), not degrees: swapping them
    // would not help.
    if lon.abs() > 1000.0 && lat.abs() > 1000.0 {
        p.push(
            path(),
            format!(
                "[{lon}, {lat}] are metres, not degrees: export the file in EPSG:4326 (WGS 84), \
                 longitude and latitude"
            ),
        );
        return;
    }
    if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        p.push(path(), format!("longitude {lon} is outside -180..180"));
    }
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        p.push(
            path(),
            format!("latitude {lat} is outside -90..90 (is the order [longitude, latitude]?)"),
        );
    }
}

fn check_line(p: &mut Problems, path: &str, line: &[Position]) {
    if line.len() < 2 {
        p.push(
            path,
            format!("a line needs at least 2 positions, has {}", line.len()),
        );
    }
    for (i, position) in line.iter().enumerate() {
        check_position(p, || format!("{path}[{i}]"), position);
    }
}

/// The values of `kind`: a route, then the kinds of place.
const KINDS: [&str; 7] = [
    "route",
    "checkpoint",
    "hazard",
    "rescue",
    "toilet",
    "meeting",
    "story",
];

/// The values of `hazard`.
const HAZARDS: [&str; 3] = ["deep-water", "slippery-bank", "fast-current"];

/// The values of `gear`.
const GEAR: [&str; 2] = ["lifebuoy", "rescue-pole"];

/// The values of `difficulty`.
const DIFFICULTIES: [&str; 3] = ["easy", "moderate", "hard"];

/// The values our properties take (docs/content-format.md, schemas/routes.schema.json), read
/// whatever their case and stray spaces ([`known_property`]). Any other is an organizer's typo
/// that would draw a hazard as a plain place, or rescue gear as the wrong gear, so the check
/// names it. A value left empty (`null` or blank, as QGIS writes an empty field) counts as
/// absent.
const KNOWN_VALUES: [(FeatureProperty, &[&str]); 4] = [
    (FeatureProperty::Kind, &KINDS),
    (FeatureProperty::Hazard, &HAZARDS),
    (FeatureProperty::Gear, &GEAR),
    (FeatureProperty::Difficulty, &DIFFICULTIES),
];

/// The background layers (`background.geojson`'s `layer`).
pub const LAYERS: [&str; 3] = ["water", "park", "path"];

/// Whether a property has a value: QGIS writes an empty field as `null` or a blank string.
fn is_set(value: &JsonValue) -> bool {
    !value.is_null() && value.as_str().is_none_or(|s| !s.trim().is_empty())
}

/// Problems with the values of a route's or place's own properties (see [`KNOWN_VALUES`]), and a
/// story point without a whole story. An area, or a shape in a background layer (`layer` one of
/// [`LAYERS`]), is not a route or place, whatever else it carries; any other `layer` on a line or
/// point (QGIS's "Merge vector layers" adds one naming the source layer) leaves the checks on.
fn check_properties(p: &mut Problems, path: &str, props: Option<&JsonObject>, is_area: bool) {
    let Some(props) = props else {
        return;
    };
    if is_area
        || str_property(Some(props), FeatureProperty::Layer).is_some_and(|l| LAYERS.contains(&l))
    {
        return;
    }
    if known_property(Some(props), FeatureProperty::Kind, &KINDS) == Some("story")
        && story_property(Some(props)).is_none()
    {
        p.push(
            format!("{path}.properties.story"),
            "a story needs \"before\" and \"after\" pictures (each {\"src\": …, \"alt\": \
             {\"zh-CN\": …, \"en\": …}}) and a \"caption\" written {\"zh-CN\": …, \"en\": …}; \
             it is shown as a plain place",
        );
    }
    for (property, known) in KNOWN_VALUES {
        let Some(value) = props.get(property.key()).filter(|v| is_set(v)) else {
            continue;
        };
        if known_property(Some(props), property, known).is_none() {
            p.push(
                format!("{path}.properties.{}", property.key()),
                format!("{value} is not one of: {}", known.join(", ")),
            );
        }
    }
}

/// What [`check_feature`] found about a feature's geometry.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Geometry {
    /// No geometry, or a kind the map does not draw (skipped, not an error).
    NotDrawn,
    /// Drawable, but a position or line in it is wrong.
    Broken,
    /// Drawable.
    Fine,
}

/// Checks one feature (`features[i]` at `path`), recording its problems; `ids` collects the ids
/// seen so far, to name one used twice.
fn check_feature(
    p: &mut Problems,
    path: &str,
    feature: &Feature,
    ids: &mut Vec<String>,
) -> Geometry {
    let Some(geometry) = &feature.geometry else {
        return Geometry::NotDrawn;
    };
    let before = p.0.len();
    let coords = format!("{path}.geometry.coordinates");
    match &geometry.value {
        GeometryValue::Point { coordinates } => check_position(p, || coords.clone(), coordinates),
        GeometryValue::MultiPoint { coordinates } => {
            if coordinates.is_empty() {
                p.push(&coords, "a MultiPoint needs at least one position");
            }
            for (i, position) in coordinates.iter().enumerate() {
                check_position(p, || format!("{coords}[{i}]"), position);
            }
        }
        GeometryValue::LineString { coordinates } => check_line(p, &coords, coordinates),
        GeometryValue::MultiLineString { coordinates } => {
            if coordinates.is_empty() {
                p.push(&coords, "a MultiLineString needs at least one line");
            }
            for (l, line) in coordinates.iter().enumerate() {
                check_line(p, &format!("{coords}[{l}]"), line);
            }
        }
        GeometryValue::Polygon { coordinates } => {
            for (r, ring) in coordinates.iter().enumerate() {
                check_line(p, &format!("{coords}[{r}]"), ring);
            }
        }
        GeometryValue::MultiPolygon { coordinates } => {
            for (g, polygon) in coordinates.iter().enumerate() {
                for (r, ring) in polygon.iter().enumerate() {
                    check_line(p, &format!("{coords}[{g}][{r}]"), ring);
                }
            }
        }
        _ => return Geometry::NotDrawn,
    }
    let is_area = matches!(
        geometry.value,
        GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. }
    );
    let geometry = if p.0.len() == before {
        Geometry::Fine
    } else {
        Geometry::Broken
    };
    check_properties(p, path, feature.properties.as_ref(), is_area);
    if let Some(id) = feature_id(feature) {
        if ids.contains(&id) {
            p.push(
                format!("{path}.properties.id"),
                format!("\"{id}\" is used twice"),
            );
        }
        ids.push(id);
    }
    if let Some(colour) = str_property(feature.properties.as_ref(), FeatureProperty::Colour) {
        if !is_hex_colour(colour) {
            p.push(
                format!("{path}.properties.colour"),
                format!("\"{colour}\" is not a colour written #rrggbb"),
            );
        }
    }
    geometry
}

/// The problem of a file with nothing the map can draw.
const NOTHING_TO_DRAW: &str = "has nothing to draw: no points, lines or polygons";

/// The problem of a routes file with neither a route nor a place in it.
const NO_ROUTES_OR_PLACES: &str = "has no routes (lines) or places (points) to draw";

/// The kinds of place, which are points (all of [`KINDS`] but the route): a line with one of
/// them would be listed and drawn as a patrol route for volunteers to walk.
const PLACE_KINDS: &[&str] = KINDS.split_at(1).1;

/// Problems only the routes file can have (the background's areas are drawn): a feature the
/// patrol map leaves out (an area, a collection, no geometry), a line with a place's kind or a
/// point with the route kind, and a route id that web servers take for a file name.
fn check_route_feature(p: &mut Problems, path: &str, feature: &Feature) {
    let Some(geometry) = &feature.geometry else {
        p.push(
            format!("{path}.geometry"),
            "has no geometry: it is not drawn on the patrol map",
        );
        return;
    };
    let is_line = match geometry.value {
        GeometryValue::LineString { .. } | GeometryValue::MultiLineString { .. } => true,
        GeometryValue::Point { .. } | GeometryValue::MultiPoint { .. } => false,
        _ => {
            p.push(
                format!("{path}.geometry.type"),
                format!(
                    "a {} is not drawn on the patrol map: routes are lines and places are points \
                     (areas such as the river go in background.geojson)",
                    geometry.value.type_name()
                ),
            );
            return;
        }
    };
    let props = feature.properties.as_ref();
    let kind = known_property(props, FeatureProperty::Kind, &KINDS);
    match kind {
        Some(kind) if is_line && PLACE_KINDS.contains(&kind) => p.push(
            format!("{path}.properties.kind"),
            format!(
                "a {kind} is a point: this line is drawn and listed as a patrol route (mark a \
                 stretch of bank with points along it)"
            ),
        ),
        Some("route") if !is_line => p.push(
            format!("{path}.properties.kind"),
            "a route is a line: this point is drawn as a place",
        ),
        _ => {}
    }
    // A point of another kind with a hazard or gear (a checkpoint given "gear": "lifebuoy") is
    // drawn as its kind says: the lifebuoy is missing from every route's rescue gear. (A kind the
    // map does not know is named above, and the point is read from its hazard or gear.)
    if let Some(kind) = kind.filter(|_| !is_line) {
        for (property, wanted) in [
            (FeatureProperty::Hazard, "hazard"),
            (FeatureProperty::Gear, "rescue"),
            (FeatureProperty::Story, "story"),
        ] {
            let given = props
                .and_then(|props| props.get(property.key()))
                .is_some_and(is_set);
            if given && kind != wanted {
                p.push(
                    format!("{path}.properties.kind"),
                    format!(
                        "a point with \"{key}\" should have \"kind\": \"{wanted}\", not \
                         \"{kind}\": the map shows it as a {kind} and ignores its \"{key}\"",
                        key = property.key()
                    ),
                );
            }
        }
    }
    // A route's id is the end of its address, /map/<id>: one that ends like a file name
    // (GeoServer writes feature ids such as "routes.1") is answered as a missing file by the web
    // server and the offline copy, not with the map.
    if let Some(id) = feature_id(feature).filter(|id| is_line && id.contains('.')) {
        let in_properties = str_property(props, FeatureProperty::Id).is_some();
        p.push(
            format!(
                "{path}.{}",
                if in_properties { "properties.id" } else { "id" }
            ),
            format!(
                "the route id \"{id}\" has a dot: its address /map/{id} looks like a file to web \
                 servers; use letters, digits and hyphens"
            ),
        );
    }
}

/// The routes file's own problems (see [`check_route_feature`]), and a route or place far from
/// all the others ([`strays`]), for a file that is otherwise valid GeoJSON.
pub fn route_file_problems(file: &GeoJsonFile) -> Vec<Problem> {
    let mut p = Problems::default();
    for (i, feature) in file.0.features.iter().enumerate() {
        check_route_feature(&mut p, &format!("features[{i}]"), feature);
    }
    // The routes' and places' extents, with the index of their feature.
    let (indexes, bounds): (Vec<usize>, Vec<Bounds>) = file
        .0
        .features
        .iter()
        .enumerate()
        .filter_map(|(i, feature)| {
            let positions: Vec<&Position> = match &feature.geometry.as_ref()?.value {
                GeometryValue::Point { coordinates } => vec![coordinates],
                GeometryValue::MultiPoint { coordinates }
                | GeometryValue::LineString { coordinates } => coordinates.iter().collect(),
                GeometryValue::MultiLineString { coordinates } => {
                    coordinates.iter().flatten().collect()
                }
                _ => return None,
            };
            let bounds = Bounds::of(positions.into_iter().filter(|p| p.len() >= 2).map(|p| {
                project(LonLat {
                    lon: p[0],
                    lat: p[1],
                })
            }))?;
            Some((i, bounds))
        })
        .unzip();
    for (at, metres) in strays(&bounds) {
        p.push(
            format!("features[{}].geometry.coordinates", indexes[at]),
            format!(
                "is {:.0} km from everything else on the map: check its coordinates (a digit \
                 missing or extra?); the map is fitted to the rest",
                metres / 1000.0
            ),
        );
    }
    p.into_vec()
}

impl Validate for GeoJsonFile {
    fn validate(&self) -> Vec<Problem> {
        let mut p = Problems::default();
        let mut ids: Vec<String> = Vec::new();
        let mut drawable = 0;
        for (i, feature) in self.0.features.iter().enumerate() {
            if check_feature(&mut p, &format!("features[{i}]"), feature, &mut ids)
                != Geometry::NotDrawn
            {
                drawable += 1;
            }
        }
        if drawable == 0 {
            p.push("features", NOTHING_TO_DRAW);
        }
        p.into_vec()
    }
}

/// A FeatureCollection read one feature at a time, so one feature that is not GeoJSON does not
/// take the others with it.
#[derive(Deserialize)]
struct LooseCollection {
    features: Vec<JsonValue>,
}

/// Reads the routes file for the map: everything in it that can be drawn, and what is wrong
/// with the rest (empty when nothing is).
///
/// An organizer's mistake in one feature (a latitude typed where the longitude goes, a line of
/// one point, a misspelt hazard kind, a feature that is not GeoJSON) should cost that feature on
/// the volunteers' tablets, not the whole map: the service worker keeps any file that parses as
/// JSON. A feature whose geometry is wrong is left out; one whose properties are wrong is drawn
/// with the defaults [`MapData::from_geojson`] gives; the page lists every problem, as
/// validate-content does. It is an error only when the file is not a FeatureCollection at all,
/// or nothing in it can be drawn.
///
/// The flag says whether the file is whole: valid GeoJSON with every feature drawn. Such a file
/// is kept as the last good copy, even when the page names something the patrol map shows
/// otherwise than meant ([`route_file_problems`]).
pub fn read_routes(file: &str, text: &str) -> Result<(MapData, Vec<Problem>, bool), AppError> {
    let whole = match super::parse_content::<GeoJsonFile>(file, text) {
        Ok(routes) => {
            let data = MapData::from_geojson(&routes);
            let mut problems = route_file_problems(&routes);
            if data.routes.is_empty() && data.places.is_empty() {
                problems.push(Problem {
                    path: "features".into(),
                    message: NO_ROUTES_OR_PLACES.into(),
                });
                return Err(AppError::Invalid {
                    file: file.to_owned(),
                    problems,
                });
            }
            return Ok((data, problems, true));
        }
        Err(error) => error,
    };
    if text.len() > super::MAX_FILE_BYTES {
        return Err(whole);
    }
    let Ok(loose) = serde_json::from_str::<LooseCollection>(text) else {
        return Err(whole);
    };
    let mut p = Problems::default();
    // Named after the features' own problems, which say why the file is not whole.
    let mut otherwise_than_meant = Problems::default();
    let mut ids = Vec::new();
    let mut drawn_ids = Vec::new();
    let mut drawn = Vec::new();
    for (i, value) in loose.features.into_iter().enumerate() {
        let path = format!("features[{i}]");
        match Feature::deserialize(value) {
            Ok(feature) => {
                let id = feature_id(&feature);
                let fine = check_feature(&mut p, &path, &feature, &mut ids) == Geometry::Fine;
                check_route_feature(&mut otherwise_than_meant, &path, &feature);
                // A second feature with a drawn one's id would open the first one's panel
                // (its length, its hazards): only the first is drawn.
                if fine && id.as_ref().is_none_or(|id| !drawn_ids.contains(id)) {
                    drawn_ids.extend(id);
                    drawn.push(feature);
                }
            }
            Err(error) => p.push(path, error.to_string()),
        }
    }
    if p.0.is_empty() {
        // Every feature is fine: the mistake is the collection's own (its `type`, its `bbox`).
        p.push(
            "",
            match &whole {
                AppError::Parse {
                    line,
                    column,
                    message,
                    ..
                } => format!("{message} (line {line}, column {column})"),
                other => other.to_string(),
            },
        );
    }
    p.0.extend(otherwise_than_meant.0);
    let data = MapData::from_geojson(&GeoJsonFile(FeatureCollection {
        bbox: None,
        features: drawn,
        foreign_members: None,
    }));
    if data.routes.is_empty() && data.places.is_empty() {
        return Err(whole);
    }
    Ok((data, p.into_vec(), false))
}
