//! `/map` and `/map/<route>`: the SVG map with pan and zoom, and the panel beside it that lists
//! every route and place (so nothing is reachable only through the map).

use super::geo::{
    project, scale_bar, symbol_offsets, symbol_scale, unproject, visible_tiles, Bounds, View, Xy,
};
use super::model::{svg_path, PreparedMap, HEIGHT, WIDTH};
use super::story::StoryCompare;
use super::symbols::{place_label, place_name, PlaceSymbol};
use crate::content::{
    background_shapes, fetch_background, fetch_routes, AppError, Difficulty, Layer, PlaceKind,
    ROUTES_FILE,
};
use crate::i18n::{Lang, Pick};
use crate::share::{url_part, DeepLink, ShareButton};
use crate::shell::{
    after_next_paint, describe_app_error, focus_after_link, focus_if_lost, tr, use_lang, Loaded,
    PageMeta, SiteResource,
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use send_wrapper::SendWrapper;
use std::collections::HashMap;
use wasm_bindgen::{closure::Closure, JsCast};

/// The routes, ready to draw, what is wrong in the routes file (the part of it not drawn), and
/// why the background is missing when its file failed.
#[derive(Clone)]
struct LoadedMap {
    map: PreparedMap,
    route_problems: Option<AppError>,
    background_problem: Option<AppError>,
}

/// Loads the routes (required) and the background (optional: a map without it still works).
/// No background file is a map without one; a broken one (a bad edit) leaves the river out of
/// the picture, and the page says why.
async fn load_map() -> Result<LoadedMap, AppError> {
    let (routes, problems) = fetch_routes().await?;
    let (background, background_problem) = match fetch_background().await {
        Ok(file) => (background_shapes(&file), None),
        // Offline, a file the site never had comes back as a network failure.
        Err(AppError::Status { status: 404, .. } | AppError::Network { .. }) => (Vec::new(), None),
        Err(problem) => (Vec::new(), Some(problem)),
    };
    Ok(LoadedMap {
        map: PreparedMap::new(routes, &background),
        route_problems: (!problems.is_empty()).then(|| AppError::Invalid {
            file: ROUTES_FILE.to_owned(),
            problems,
        }),
        background_problem,
    })
}

/// The map page: loads the GeoJSON once and keeps the view while routes are selected.
#[component]
pub fn MapPage() -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let map = LocalResource::new(load_map);
    let params = use_params_map();
    let query = use_query_map();
    // The tab's title (and a printout's) names what the panel shows: the chosen place, else the
    // chosen route, else the map.
    let title = move || {
        let lang = lang.get();
        let place = query.with(|q| q.get("place"));
        let route = params.with(|p| p.get("route"));
        map.with(|loaded| {
            let m = &loaded.as_ref()?.as_ref().ok()?.map;
            let place = place.and_then(|id| m.data.places.iter().find(|p| p.id == id));
            match place {
                Some(place) => Some(place_name(place, lang)),
                None => {
                    let route = route.and_then(|id| m.data.routes.iter().find(|r| r.id == id))?;
                    Some(route.name.get(lang).to_owned())
                }
            }
        })
        .unwrap_or_else(|| t().map.to_owned())
    };
    view! {
        <PageMeta title description=move || t().map_description.to_owned()/>
        <h1>{tr(|t| t.map)}</h1>
        <Loaded resource=map render=move |loaded: LoadedMap| view! {
            {loaded.map.data.notice.clone().map(|notice| view! {
                <p class="notice map-notice" role="note">{move || notice.get(lang.get()).to_owned()}</p>
            })}
            {loaded.route_problems.map(|problem| view! {
                <p class="notice" role="status">{move || format!("{} {}", t().map_partly_shown, describe_app_error(&problem, lang.get()))}</p>
            })}
            {loaded.background_problem.map(|problem| view! {
                <p class="notice">{move || format!("{} {}", t().background_missing, describe_app_error(&problem, lang.get()))}</p>
            })}
            <MapExplorer map=StoredValue::new(loaded.map)/>
        }/>
    }
}

/// Formats a length: metres below 1 km, else kilometres with two decimals.
pub fn format_length(metres: f64, lang: Lang) -> String {
    let t = lang.t();
    if metres < 1000.0 {
        t.metres.replace("{n}", &format!("{:.0}", metres))
    } else {
        t.kilometres
            .replace("{n}", &format!("{:.2}", metres / 1000.0))
    }
}

fn difficulty_label(difficulty: Option<Difficulty>, lang: Lang) -> &'static str {
    let t = lang.t();
    match difficulty {
        Some(Difficulty::Easy) => t.difficulty_easy,
        Some(Difficulty::Moderate) => t.difficulty_moderate,
        Some(Difficulty::Hard) => t.difficulty_hard,
        None => t.not_stated,
    }
}

/// The map, its controls and the panel.
#[component]
fn MapExplorer(map: StoredValue<PreparedMap>) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let params = use_params_map();
    let query = use_query_map();
    // Both found once per address change: every route line and checkpoint compares its index with
    // the route's, every symbol with the place's.
    let selected_route = Memo::new(move |_| {
        let id = params.with(|p| p.get("route"))?;
        map.with_value(|m| m.data.routes.iter().position(|r| r.id == id))
    });
    let selected_place = Memo::new(move |_| {
        let id = query.with(|q| q.get("place"))?;
        map.with_value(|m| m.data.places.iter().position(|p| p.id == id))
    });
    let home = map.with_value(|m| m.home);
    // A link to one route opens on that route; picking another later leaves the view alone.
    let opened_view = params
        .with_untracked(|p| p.get("route"))
        .and_then(|id| map.with_value(|m| m.data.routes.iter().position(|r| r.id == id)))
        .map(|route| map.with_value(|m| m.route_view(route)));
    let view_state = RwSignal::new(opened_view.unwrap_or(home));
    // "Show all routes" from there shows the whole map again, unless the view was moved since.
    if let Some(opened_view) = opened_view {
        Effect::new(move |_| {
            if params.with(|p| p.get("route")).is_none()
                && view_state.get_untracked() == opened_view
            {
                view_state.set(home);
            }
        });
    }
    let located: RwSignal<Option<Fix>> = RwSignal::new(None);
    // The latest answer's uncertainty (metres) when it is only approximate; cleared by a new
    // request, so it never qualifies "Locating…" or a failure.
    let approximate: RwSignal<Option<f64>> = RwSignal::new(None);
    // Which message, not its words: it follows a language switch.
    let location_message: RwSignal<Option<Pick>> = RwSignal::new(None);
    let watch = StoredValue::new_local(None::<PositionWatch>);
    on_cleanup(move || {
        watch.try_update_value(Option::take);
    });
    // Screen pixels per SVG unit as the map is drawn (about 0.4 on a phone): kept by MapCanvas.
    let px_per_unit = RwSignal::new(1.0_f64);
    let enlarge = Memo::new(move |_| symbol_scale(px_per_unit.get()));
    let enlarged = Memo::new(move |_| format!("scale({:.2})", enlarge.get()));

    // Zoom level bucket (powers of two) picks the simplification; panning never re-simplifies.
    let zoom_bucket = Memo::new(move |_| {
        (view_state.get().scale / home.scale)
            .log2()
            .floor()
            .max(0.0) as i32
    });
    let route_paths = Memo::new(move |_| {
        let tolerance = 0.4 / 2f64.powi(zoom_bucket.get());
        map.with_value(|m| {
            m.route_lines
                .iter()
                .map(|lines| svg_path(lines, tolerance, false))
                .collect::<Vec<_>>()
        })
    });
    let background_paths = Memo::new(move |_| {
        let tolerance = 0.4 / 2f64.powi(zoom_bucket.get());
        map.with_value(|m| {
            m.background
                .iter()
                .map(|(layer, area, lines)| (*layer, *area, svg_path(lines, tolerance, *area)))
                .collect::<Vec<_>>()
        })
    });
    // Taps on the map's routes and symbols; keyboard and screen-reader users have the lists.
    let navigate = use_navigate();
    let go = move |href: &str| navigate(href, Default::default());
    let transform = move || {
        let v = view_state.get();
        let k = v.scale / home.scale;
        format!(
            "matrix({k} 0 0 {k} {} {})",
            v.offset_x - home.offset_x * k,
            v.offset_y - home.offset_y * k
        )
    };
    let to_screen = move |at: crate::map::geo::LonLat| view_state.get().to_screen(project(at));

    // A place chosen from the list (or a shared ?place= link) is ringed on the map and, when the
    // map has been moved away from it, brought back into sight; choosing it again from the list
    // (the address does not change) brings it back again.
    let bring_into_sight = Callback::new(move |place: usize| {
        let at = map.with_value(|m| project(m.data.places[place].at));
        view_state.update(|v| *v = v.keep_in_sight(at, WIDTH, HEIGHT, 40.0));
    });
    Effect::new(move |_| {
        if let Some(place) = selected_place.get() {
            bring_into_sight.run(place);
        }
    });
    // A link inside the side panel swaps the panel (a place in the route's lists, "Close"), and
    // the keyboard's focus went with the old panel to the document: the new panel's heading (or,
    // with none, the route list's) takes it, so the next Tab and a screen reader carry on there.
    Effect::new(move |drawn: Option<()>| {
        selected_place.track();
        if drawn.is_some() {
            after_next_paint(|| focus_if_lost(".map-panel h2"));
        }
    });

    // No symbol hides another: where two would overlap at this zoom and size, each is drawn a
    // little away from its spot, with a line back to it. Recomputed when the zoom or the symbols'
    // size changes, not on every pan.
    let zoom = Memo::new(move |_| view_state.get().scale);
    let offsets = Memo::new(move |_| {
        let at_zoom = View {
            scale: zoom.get(),
            offset_x: 0.0,
            offset_y: 0.0,
        };
        let points: Vec<(f64, f64)> = map.with_value(|m| {
            m.data
                .places
                .iter()
                .map(|p| at_zoom.to_screen(project(p.at)))
                .collect()
        });
        symbol_offsets(&points, 30.0 * enlarge.get())
    });

    let zoom_by = move |factor: f64| {
        view_state.update(|v| *v = v.zoom_within(home, factor, WIDTH / 2.0, HEIGHT / 2.0))
    };

    // Optional online tiles (site.json `map_tiles`), placed in the base view's pixels so that
    // panning only moves them; a tile is fetched once per zoom level and place.
    let SiteResource(site) = expect_context::<SiteResource>();
    let tile_layer = Memo::new(move |_| {
        site.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .and_then(|s| s.map_tiles.clone())
        })
    });
    let tiles = move || {
        let Some(layer) = tile_layer.get() else {
            return Vec::new();
        };
        visible_tiles(
            &view_state.get(),
            WIDTH,
            HEIGHT,
            px_per_unit.get(),
            layer.max_zoom,
        )
        .into_iter()
        .map(|(z, x, y, ..)| {
            let n = 2f64.powi(z as i32);
            let (bx, by) = home.to_screen(Xy {
                x: x as f64 / n,
                y: y as f64 / n,
            });
            (layer.tile_url(z, x, y), bx, by, home.scale / n)
        })
        .collect::<Vec<_>>()
    };
    view! {
        <div class="map-layout">
            <div class="map-frame">
                <MapCanvas view_state home content=map.with_value(|m| m.bounds) px_per_unit>
                    <g transform=transform>
                        <For each=tiles key=|tile| tile.0.clone() let((url, x, y, size))>
                            <image
                                href=url
                                x=format!("{x:.2}")
                                y=format!("{y:.2}")
                                width=format!("{size:.2}")
                                height=format!("{size:.2}")
                                preserveAspectRatio="none"
                            />
                        </For>
                        {move || {
                            background_paths
                                .get()
                                .into_iter()
                                .map(|(layer, area, d)| {
                                    let class = match (layer, area) {
                                        (Layer::Water, true) => "bg-water",
                                        (Layer::Water, false) => "bg-water line",
                                        (Layer::Park, true) => "bg-park",
                                        (Layer::Park, false) => "bg-park line",
                                        (Layer::Path, _) => "bg-path",
                                    };
                                    view! { <path class=class d=d/> }
                                })
                                .collect_view()
                        }}
                        {let go = go.clone(); move || {
                            let go = go.clone();
                            let selected = selected_route.get();
                            route_paths
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, d)| {
                                    let (id, colour) = map.with_value(|m| (m.data.routes[i].id.clone(), m.data.routes[i].colour.clone()));
                                    let class = if selected == Some(i) { "route selected" } else if selected.is_some() { "route dimmed" } else { "route" };
                                    let name = move || map.with_value(|m| m.data.routes[i].name.get(lang.get()).to_owned());
                                    let go = go.clone();
                                    view! {
                                        <g class="route-group" on:click=move |_| go(&format!("/map/{}", url_part(&id)))>
                                            <title>{name}</title>
                                            <path class="route-hit" d=d.clone()/>
                                            <path class=class d=d stroke=colour/>
                                        </g>
                                    }
                                })
                                .collect_view()
                        }}
                    </g>
                    {let go = go.clone(); move || {
                        let lang = lang.get();
                        let go = go.clone();
                        map.with_value(|m| {
                            m.data
                                .places
                                .iter()
                                .enumerate()
                                .map(|(i, place)| {
                                    // Symbols keep their size: only their position follows the
                                    // view, so panning updates one attribute per symbol.
                                    let at = place.at;
                                    let offset = move || offsets.with(|o| o.get(i).copied().unwrap_or_default());
                                    let position = move || {
                                        let (x, y) = to_screen(at);
                                        let (dx, dy) = offset();
                                        format!("translate({:.1} {:.1})", x + dx, y + dy)
                                    };
                                    let leader = move || {
                                        let (dx, dy) = offset();
                                        (dx.hypot(dy) > 2.0).then(|| view! {
                                            <line class="sym-leader" x1="0" y1="0" x2=format!("{:.1}", -dx) y2=format!("{:.1}", -dy)/>
                                            <circle class="sym-leader-end" cx=format!("{:.1}", -dx) cy=format!("{:.1}", -dy) r="3"/>
                                        })
                                    };
                                    let label = place_name(place, lang);
                                    let go = go.clone();
                                    let href = format!("?place={}", url_part(&place.id));
                                    // A checkpoint's route, by its index: the ring's colour, and
                                    // dimmed with the line when another route is chosen.
                                    let stop_of = matches!(place.kind, PlaceKind::Checkpoint)
                                        .then(|| m.data.routes.iter().position(|r| place.route.as_ref() == Some(&r.id)))
                                        .flatten();
                                    let ring = stop_of.map(|r| m.data.routes[r].colour.clone());
                                    let class = move || {
                                        if selected_place.get() == Some(i) {
                                            "place selected"
                                        } else if stop_of.is_some_and(|r| selected_route.get().is_some_and(|chosen| chosen != r)) {
                                            "place dimmed"
                                        } else {
                                            "place"
                                        }
                                    };
                                    view! {
                                        <g class=class transform=position on:click=move |_| go(&href)>
                                            <title>{label}</title>
                                            {leader}
                                            <g transform=enlarged>
                                                <circle class="place-halo" r="19"/>
                                                <PlaceSymbol kind=place.kind.clone() order=place.order ring/>
                                            </g>
                                        </g>
                                    }
                                })
                                .collect::<Vec<_>>()
                        })
                    }}
                    {move || located.get().map(|fix| {
                        let view = view_state.get();
                        let (x, y) = view.to_screen(fix.at);
                        // How far off the position may be, to scale: a dot alone looks exact.
                        let radius = fix.accuracy_m / view.metres_per_pixel(fix.lat);
                        view! {
                            <circle class="you-accuracy" cx=format!("{x:.1}") cy=format!("{y:.1}") r=format!("{radius:.1}")/>
                            <g class="you-are-here" transform=format!("translate({x:.1} {y:.1}) {}", enlarged.get())>
                                <circle r="14" class="you-halo"/>
                                <circle r="7" class="you-dot"/>
                                <title>{tr(|t| t.you_are_here)}</title>
                            </g>
                        }
                    })}
                </MapCanvas>
                // Below the map, not over it: buttons on the map would hide its edge (the east
                // end's checkpoints sat under them, on a phone more than 140 units of it).
                <div class="map-toolbar">
                    <div class="map-controls">
                        <button type="button" class="icon-button" aria-label=tr(|t| t.zoom_in) on:click=move |_| zoom_by(1.5)>"+"</button>
                        <button type="button" class="icon-button" aria-label=tr(|t| t.zoom_out) on:click=move |_| zoom_by(1.0 / 1.5)>"−"</button>
                        <button type="button" class="icon-button" aria-label=tr(|t| t.reset_view) on:click=move |_| view_state.set(home)>"⟲"</button>
                    </div>
                    <ScaleBar view_state px_per_unit/>
                </div>
                <p class="attribution">
                    {move || match tile_layer.get() {
                        Some(layer) => format!("{} {}", t().attribution_with_tiles, layer.attribution.get(lang.get())),
                        None => t().attribution.to_owned(),
                    }}
                </p>
                <div class="locate">
                    <button type="button" class="button secondary" on:click=move |_| {
                        watch.set_value(None);
                        watch.set_value(locate(located, approximate, location_message, home, view_state));
                    }>
                        {tr(|t| t.locate_me)}
                    </button>
                    <p class="hint" role="status">
                        {move || location_message.get().map_or("", |pick| pick(t()))}
                        {move || approximate.get().map(|metres| {
                            format!(" {}", t().location_approximate.replace("{n}", &format!("{metres:.0}")))
                        })}
                    </p>
                </div>
            </div>
            <aside class="map-panel">
                {move || match (selected_place.get(), selected_route.get()) {
                    (Some(place), _) => view! { <PlacePanel map place/> }.into_any(),
                    (None, Some(route)) => view! { <RoutePanel map route/> }.into_any(),
                    (None, None) => {
                        // A link (a QR code, a bookmark) to a route or place the file no longer has.
                        let unknown = params.with(|p| p.get("route")).is_some()
                            || query.with(|q| q.get("place")).is_some();
                        unknown.then(|| view! { <p class="notice" role="status">{tr(|t| t.not_on_map)}</p> }).into_any()
                    }
                }}
                <RouteList map selected=selected_route.into()/>
                <PlaceList map on_pick=bring_into_sight/>
                <Legend map/>
            </aside>
        </div>
    }
}

/// How far (screen pixels) a pointer must move before a press counts as a drag rather than a tap;
/// in pixels, not SVG units, so a finger's small wobble on a phone's small map is still a tap.
const DRAG_THRESHOLD_PX: f64 = 6.0;

/// The SVG with pointer, wheel and keyboard handling for pan and zoom; keeps `px_per_unit`, the
/// screen pixels per SVG unit as the map is drawn, up to date when its size changes.
#[component]
fn MapCanvas(
    view_state: RwSignal<View>,
    home: View,
    /// The projected routes and places, which panning keeps in sight.
    content: Bounds,
    px_per_unit: RwSignal<f64>,
    children: Children,
) -> impl IntoView {
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else {
            return;
        };
        let element: web_sys::Element = svg.unchecked_into();
        let measured = element.clone();
        let on_resize = Closure::<dyn FnMut()>::new(move || {
            let width = measured.get_bounding_client_rect().width();
            if width > 0.0 && (width / WIDTH - px_per_unit.get_untracked()).abs() > 1e-3 {
                px_per_unit.set(width / WIDTH);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&element);
            let held = SendWrapper::new((observer, on_resize));
            on_cleanup(move || held.take().0.disconnect());
        }
    });
    let pointers: StoredValue<HashMap<i32, (f64, f64)>> = StoredValue::new(HashMap::new());
    let dragged = StoredValue::new(0.0_f64);
    // Screen (client) position → SVG units.
    // A drag moves the drawn map with a composited CSS translation (no repaint of the routes
    // per pointer move) and hands the distance to the view when it ends: `pending`, in SVG units.
    let pending = StoredValue::new((0.0_f64, 0.0_f64));
    // Screen (client) position → SVG units of the view as it stands (before the pending drag).
    let to_svg = move |cx: f64, cy: f64| -> (f64, f64) {
        let Some(svg) = svg_ref.get_untracked() else {
            return (cx, cy);
        };
        let rect = svg
            .unchecked_ref::<web_sys::Element>()
            .get_bounding_client_rect();
        let sx = WIDTH / rect.width().max(1.0);
        let sy = HEIGHT / rect.height().max(1.0);
        let (px, py) = pending.get_value();
        ((cx - rect.left()) * sx + px, (cy - rect.top()) * sy + py)
    };
    let slide = move |(px, py): (f64, f64)| {
        if let Some(svg) = svg_ref.get_untracked() {
            let rect = svg
                .unchecked_ref::<web_sys::Element>()
                .get_bounding_client_rect();
            let k = rect.width() / WIDTH;
            let style = svg.unchecked_ref::<web_sys::SvgElement>().style();
            if px == 0.0 && py == 0.0 {
                let _ = style.remove_property("transform");
            } else {
                let _ = style.set_property(
                    "transform",
                    &format!("translate({:.1}px, {:.1}px)", px * k, py * k),
                );
            }
        }
    };
    // Hands a drag's distance to the view (the routes redraw once) and drops the translation.
    let commit = move || {
        let (px, py) = pending.get_value();
        if px != 0.0 || py != 0.0 {
            pending.set_value((0.0, 0.0));
            view_state.update(|v| *v = v.pan_within(content, px, py, WIDTH, HEIGHT));
            slide((0.0, 0.0));
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        commit();
        let p = to_svg(ev.client_x() as f64, ev.client_y() as f64);
        pointers.update_value(|m| {
            m.insert(ev.pointer_id(), p);
        });
        dragged.set_value(0.0);
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let now = to_svg(ev.client_x() as f64, ev.client_y() as f64);
        let before: Vec<(i32, (f64, f64))> =
            pointers.with_value(|m| m.iter().map(|(k, v)| (*k, *v)).collect());
        let Some(&(_, last)) = before.iter().find(|(k, _)| *k == id) else {
            return;
        };
        match before.len() {
            1 => {
                let (dx, dy) = (now.0 - last.0, now.1 - last.1);
                dragged.update_value(|d| *d += dx.abs() + dy.abs());
                // Capture only once it is really a drag: a tap still reaches the route or symbol
                // under it, and the click that ends a drag goes to the map, not to what it ends on.
                if dragged.get_value() * px_per_unit.get_untracked() > DRAG_THRESHOLD_PX {
                    if let Some(target) = ev
                        .current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    {
                        if !target.has_pointer_capture(id) {
                            let _ = target.set_pointer_capture(id);
                        }
                    }
                }
                // Held at the edge the view keeps (see `View::pan_within`).
                let view = view_state.get_untracked();
                pending.update_value(|(px, py)| {
                    let moved = view.pan_within(content, *px + dx, *py + dy, WIDTH, HEIGHT);
                    *px = moved.offset_x - view.offset_x;
                    *py = moved.offset_y - view.offset_y;
                });
                slide(pending.get_value());
            }
            2 => {
                let Some(&(_, other)) = before.iter().find(|(k, _)| *k != id) else {
                    return;
                };
                let dist = |a: (f64, f64), b: (f64, f64)| {
                    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
                };
                let (d0, d1) = (dist(last, other), dist(now, other));
                if d0 > 1.0 {
                    let mid = ((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0);
                    dragged.update_value(|d| *d += (d1 - d0).abs());
                    view_state.update(|v| *v = v.zoom_within(home, d1 / d0, mid.0, mid.1));
                }
            }
            _ => {}
        }
        pointers.update_value(|m| {
            m.insert(id, now);
        });
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|m| {
            m.remove(&ev.pointer_id());
        });
        commit();
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        // Ctrl + wheel (a trackpad's pinch too) is the browser's own zoom, as with the keys below.
        if ev.ctrl_key() || ev.meta_key() {
            return;
        }
        ev.prevent_default();
        commit();
        let (x, y) = to_svg(ev.client_x() as f64, ev.client_y() as f64);
        let factor = (-ev.delta_y() * 0.002).exp().clamp(0.5, 2.0);
        view_state.update(|v| *v = v.zoom_within(home, factor, x, y));
    };
    let on_dblclick = move |ev: web_sys::MouseEvent| {
        commit();
        let (x, y) = to_svg(ev.client_x() as f64, ev.client_y() as f64);
        view_state.update(|v| *v = v.zoom_within(home, 2.0, x, y));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        // Ctrl/⌘ with + − 0 is the browser's own zoom (large text for a low-vision reader): the
        // map leaves every shortcut with a modifier to the browser.
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        commit();
        let step = 60.0;
        let pan_by =
            |dx, dy| view_state.update(|v| *v = v.pan_within(content, dx, dy, WIDTH, HEIGHT));
        match ev.key().as_str() {
            "ArrowLeft" => pan_by(step, 0.0),
            "ArrowRight" => pan_by(-step, 0.0),
            "ArrowUp" => pan_by(0.0, step),
            "ArrowDown" => pan_by(0.0, -step),
            "+" | "=" => {
                view_state.update(|v| *v = v.zoom_within(home, 1.5, WIDTH / 2.0, HEIGHT / 2.0))
            }
            "-" | "_" => view_state
                .update(|v| *v = v.zoom_within(home, 1.0 / 1.5, WIDTH / 2.0, HEIGHT / 2.0)),
            "0" => view_state.set(home),
            _ => return,
        }
        ev.prevent_default();
    };
    view! {
        <div class="map-viewport">
        <svg
            node_ref=svg_ref
            class="map"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            role="application"
            tabindex="0"
            aria-label=tr(|t| t.map_label)
            aria-roledescription=tr(|t| t.map_role)
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:wheel=on_wheel
            on:dblclick=on_dblclick
            on:keydown=on_key
        >
            <rect class="map-bg" width=WIDTH height=HEIGHT/>
            {children()}
        </svg>
        </div>
    }
}

/// A scale bar for the current zoom, true on screen: the map's SVG units are drawn at
/// `px_per_unit` screen pixels each, the bar at one per pixel.
#[component]
fn ScaleBar(view_state: RwSignal<View>, px_per_unit: RwSignal<f64>) -> impl IntoView {
    let lang = use_lang();
    let bar = move || {
        let v = view_state.get();
        let centre_lat = unproject(v.to_plane(WIDTH / 2.0, HEIGHT / 2.0)).lat;
        scale_bar(v.metres_per_pixel(centre_lat) / px_per_unit.get(), 120.0)
    };
    view! {
        <span class="scale">
            <svg class="scale-bar" width=move || format!("{:.0}", bar().1 + 8.0) height="28" aria-hidden="true">
                <rect x="4" y="16" width=move || format!("{:.1}", bar().1) height="6"/>
            </svg>
            <span class="scale-label">{move || format_length(bar().0, lang.get())}</span>
        </span>
    }
}

/// A position from "Where am I?": where on the plane, its latitude (for ground metres), and how
/// far off it may be, in metres (the browser's `accuracy`).
#[derive(Clone, Copy)]
struct Fix {
    at: Xy,
    lat: f64,
    accuracy_m: f64,
}

/// Above this uncertainty (metres) the page says the position is approximate: a network or
/// first satellite fix can be hundreds of metres off, and a dot alone would put a volunteer in
/// the river.
const APPROXIMATE_M: f64 = 100.0;

/// The browser's watch of the position, from "Where am I?" until it is asked again or the map
/// page goes: a volunteer walking a route sees the dot move with them, not where they first
/// tapped. Dropping it ends the watch. Its two callbacks belong to the browser (it may still
/// call one with a position it was finding when the watch ended; they then change nothing).
struct PositionWatch {
    id: i32,
}

impl Drop for PositionWatch {
    fn drop(&mut self) {
        if let Ok(geolocation) = window().navigator().geolocation() {
            geolocation.clear_watch(self.id);
        }
    }
}

/// Watches the position, on request only; never stored or sent. The first position on the map
/// is brought into sight (later ones leave the view where the volunteer put it); one off the map
/// gets a message saying so.
fn locate(
    located: RwSignal<Option<Fix>>,
    approximate: RwSignal<Option<f64>>,
    message: RwSignal<Option<Pick>>,
    home: View,
    view_state: RwSignal<View>,
) -> Option<PositionWatch> {
    // The last position is gone once the volunteer asks again: kept, it would say "you are
    // here" beside "cannot find this device's position".
    located.set(None);
    approximate.set(None);
    let Some(geolocation) = window().navigator().geolocation().ok() else {
        message.set(Some(|t| t.location_unavailable));
        return None;
    };
    message.set(Some(|t| t.locating));
    let read = |obj: &wasm_bindgen::JsValue, key: &str| js_sys::Reflect::get(obj, &key.into()).ok();
    // Whether the last position was on the map: the message changes only when that does (a
    // status read out at every step would drown the page).
    let mut was_inside = None;
    let moved =
        Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |position: wasm_bindgen::JsValue| {
            let coords = read(&position, "coords");
            let number = |key: &str| {
                coords
                    .as_ref()
                    .and_then(|c| read(c, key))
                    .and_then(|v| v.as_f64())
            };
            let (Some(lon), Some(lat)) = (number("longitude"), number("latitude")) else {
                if was_inside.is_none() {
                    message.try_set(Some(|t| t.location_unavailable));
                }
                return;
            };
            let accuracy_m = number("accuracy")
                .filter(|m| m.is_finite() && *m >= 0.0)
                .unwrap_or(0.0);
            let here = project(crate::map::geo::LonLat { lon, lat });
            // Inside means on the drawn map: its home view shows all of it.
            let (sx, sy) = home.to_screen(here);
            let inside = (0.0..=WIDTH).contains(&sx) && (0.0..=HEIGHT).contains(&sy);
            // The answer may come after the map page has gone (the family moved on while the
            // phone was still locating): then the `try_` calls do nothing.
            located.try_set(Some(Fix {
                at: here,
                lat,
                accuracy_m,
            }));
            // The "approximate" words change with the uncertainty only when it does by a quarter.
            let rough = (accuracy_m > APPROXIMATE_M).then_some(accuracy_m);
            let reworded = match (approximate.try_get_untracked().flatten(), rough) {
                (Some(said), Some(now)) => (now - said).abs() > said / 4.0,
                (said, now) => said.is_some() != now.is_some(),
            };
            if reworded || was_inside.is_none() {
                approximate.try_set(rough);
            }
            if was_inside == Some(inside) {
                return;
            }
            if inside && was_inside.is_none() {
                view_state.try_update(|v| *v = v.keep_in_sight(here, WIDTH, HEIGHT, 40.0));
            }
            was_inside = Some(inside);
            message.try_set(Some(if inside {
                |t| t.location_private
            } else {
                |t| t.location_outside
            }));
        });
    // A failure before any position is said (the watch goes on: a satellite fix that comes late
    // still shows); after one (a moment without satellites under trees), the dot stays where it
    // was last.
    let failed =
        Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |error: wasm_bindgen::JsValue| {
            let code = js_sys::Reflect::get(&error, &"code".into())
                .ok()
                .and_then(|c| c.as_f64());
            if code == Some(1.0) {
                located.try_set(None);
                approximate.try_set(None);
                message.try_set(Some(|t| t.location_denied));
            } else if located.try_get_untracked().flatten().is_none() {
                message.try_set(Some(|t| t.location_unavailable));
            }
        });
    // The satellites, not the network: volunteers on a river bank are often offline, where the
    // browser's default (a low-accuracy, network-based position) fails. No position within 20 s
    // is reported as unavailable instead of "locating…" for ever; one up to 30 s old (a few
    // dozen metres on foot) is good enough.
    let options = web_sys::PositionOptions::new();
    options.set_enable_high_accuracy(true);
    options.set_timeout(20_000);
    options.set_maximum_age(30_000);
    let (moved, failed) = (moved.into_js_value(), failed.into_js_value());
    match geolocation.watch_position_with_error_callback_and_options(
        moved.unchecked_ref(),
        Some(failed.unchecked_ref()),
        &options,
    ) {
        Ok(id) => Some(PositionWatch { id }),
        Err(_) => {
            message.set(Some(|t| t.location_unavailable));
            None
        }
    }
}

/// The selected route: its facts, checkpoints, and the hazards and gear near it.
#[component]
fn RoutePanel(map: StoredValue<PreparedMap>, route: usize) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let (r, summary) =
        map.with_value(|m| (m.data.routes[route].clone(), m.summaries[route].clone()));
    let share_name = r.name.clone();
    let description = r.description.clone();
    let place_items =
        move |indexes: Vec<usize>,
              numbered: bool,
              empty: fn(&crate::i18n::Strings) -> &'static str| {
            let lang = lang.get();
            let items = map.with_value(|m| {
            indexes
                .iter()
                .map(|&i| {
                    let place = &m.data.places[i];
                    let label = place_name(place, lang);
                    let kind = place_label(&place.kind, lang);
                    let quiz = place.quiz.clone().map(|set| (set, lang.t().open_quiz.replace("{place}", &label)));
                    let href = format!("?place={}", url_part(&place.id));
                    // A checkpoint's number is the one on the map (the file's `order`, which may
                    // skip one), and one without an order has the map's tick.
                    let (number, class) = match (numbered, place.order) {
                        (true, Some(order)) => (Some(order), None),
                        (true, None) => (None, Some("unnumbered")),
                        (false, _) => (None, None),
                    };
                    view! {
                        <li value=number class=class>
                            <A href=href>{label}</A>
                            {(!numbered).then(|| view! { " · " {kind} })}
                            {quiz.map(|(set, text)| view! { " · " <A href=format!("/quiz/{}", url_part(&set))>{text}</A> })}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        });
            if items.is_empty() {
                view! { <p>{empty(lang.t())}</p> }.into_any()
            } else if numbered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        };
    let (checkpoints, hazards, gear) = (
        summary.checkpoints.clone(),
        summary.hazards.clone(),
        summary.gear.clone(),
    );
    view! {
        <section class="panel-card" aria-labelledby="route-heading">
            <h2 id="route-heading" style=("border-color", r.colour.clone())>{move || r.name.get(lang.get()).to_owned()}</h2>
            {description.map(|d| view! { <p>{move || d.get(lang.get()).to_owned()}</p> })}
            <dl class="facts">
                <div><dt>{tr(|t| t.length)}</dt><dd class="route-length">{move || format_length(summary.length_m, lang.get())}</dd></div>
                <div><dt>{tr(|t| t.walking_time)}</dt><dd>{move || t().minutes.replace("{n}", &summary.minutes.to_string())}</dd></div>
                <div><dt>{tr(|t| t.difficulty)}</dt><dd>{move || difficulty_label(r.difficulty, lang.get())}</dd></div>
            </dl>
            <h3>{tr(|t| t.checkpoints)}</h3>
            {move || place_items(checkpoints.clone(), true, |t| t.none_listed)}
            <h3>{tr(|t| t.hazards_near)}</h3>
            {move || place_items(hazards.clone(), false, |t| t.no_hazards_marked)}
            <h3>{tr(|t| t.rescue_near)}</h3>
            {move || place_items(gear.clone(), false, |t| t.no_gear_marked)}
            <div class="actions">
                <ShareButton link=DeepLink::Route(r.id.clone()) title=Signal::derive(move || share_name.get(lang.get()).to_owned())/>
                <A href="/map" attr:class="button secondary">{tr(|t| t.show_all_routes)}</A>
            </div>
        </section>
    }
}

/// The selected place: what it is, its quiz, its story.
#[component]
fn PlacePanel(map: StoredValue<PreparedMap>, place: usize) -> impl IntoView {
    let lang = use_lang();
    let t = move || lang.get().t();
    let p = map.with_value(|m| m.data.places[place].clone());
    let shown = StoredValue::new(p.clone());
    let heading = move || shown.with_value(|p| place_name(p, lang.get()));
    let kind_label = p.kind.clone();
    let story = match &p.kind {
        PlaceKind::Story(story) => Some(story.clone()),
        _ => None,
    };
    view! {
        <section class="panel-card" aria-labelledby="place-heading">
            <h2 id="place-heading">{heading}</h2>
            <p class="place-kind">{move || place_label(&kind_label, lang.get())}</p>
            {p.description.map(|d| view! { <p>{move || d.get(lang.get()).to_owned()}</p> })}
            {p.quiz.map(|set| view! {
                <A href=format!("/quiz/{}", url_part(&set)) attr:class="button">{move || t().open_quiz.replace("{place}", &heading())}</A>
            })}
            {story.map(|story| view! { <StoryCompare story/> })}
            <A href="?" attr:class="button secondary">{tr(|t| t.close)}</A>
        </section>
    }
}

/// After a pick from the lists (the keyboard's and screen reader's way), the focus to the panel
/// it opened above them: the focused link stays in the list, and the panel, often off-screen on
/// a tablet held upright, would open in silence.
fn to_panel(ev: &leptos::ev::MouseEvent) {
    focus_after_link(ev, ".map-panel h2");
}

/// Every route, with its length: the keyboard's and screen reader's way to the routes.
#[component]
fn RouteList(map: StoredValue<PreparedMap>, selected: Signal<Option<usize>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="route-list" aria-labelledby="route-list-heading">
            <h2 id="route-list-heading">{tr(|t| t.routes)}</h2>
            <ul>
                {move || {
                    let lang = lang.get();
                    map.with_value(|m| {
                        m.data
                            .routes
                            .iter()
                            .zip(&m.summaries)
                            .enumerate()
                            .map(|(i, (r, s))| {
                                let current = (selected.get() == Some(i)).then_some("page");
                                let href = format!("/map/{}", url_part(&r.id));
                                let swatch = r.colour.clone();
                                let name = r.name.get(lang).to_owned();
                                let length = format_length(s.length_m, lang);
                                view! {
                                    <li>
                                        <A href=href attr:aria-current=current on:click=|ev| to_panel(&ev)>
                                            <span class="swatch" style=("background", swatch)></span>
                                            // One piece of text, so a long name wraps with its length after it.
                                            <span>{name}<span class="muted">" · " {length}</span></span>
                                        </A>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                }}
            </ul>
        </nav>
    }
}

/// Every place on the map, grouped by kind order in the file. Choosing one calls `on_pick` with
/// its index.
#[component]
fn PlaceList(map: StoredValue<PreparedMap>, on_pick: Callback<usize>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="place-list" aria-labelledby="place-list-heading">
            <h2 id="place-list-heading">{tr(|t| t.places)}</h2>
            <ul>
                {move || {
                    let lang = lang.get();
                    map.with_value(|m| {
                        m.data
                            .places
                            .iter()
                            .enumerate()
                            .map(|(i, p)| {
                                let label = place_name(p, lang);
                                let href = format!("?place={}", url_part(&p.id));
                                let kind = place_label(&p.kind, lang);
                                view! {
                                    <li>
                                        <A href=href on:click=move |ev| {
                                            on_pick.run(i);
                                            to_panel(&ev);
                                        }>{label}</A>
                                        <span class="muted">" · " {kind}</span>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                }}
            </ul>
        </nav>
    }
}

/// The symbols and what they mean, with the park-story symbol when the map has a story place.
#[component]
fn Legend(map: StoredValue<PreparedMap>) -> impl IntoView {
    use crate::content::{GearKind, HazardKind};
    let lang = use_lang();
    let kinds = [
        PlaceKind::Checkpoint,
        PlaceKind::Hazard(HazardKind::DeepWater),
        PlaceKind::Hazard(HazardKind::SlipperyBank),
        PlaceKind::Hazard(HazardKind::FastCurrent),
        PlaceKind::Hazard(HazardKind::Other),
        PlaceKind::Rescue(GearKind::Lifebuoy),
        PlaceKind::Rescue(GearKind::RescuePole),
        PlaceKind::Rescue(GearKind::Other),
        PlaceKind::Toilet,
        PlaceKind::Meeting,
        PlaceKind::Place,
    ];
    // A story place's kind carries its pictures, so the legend borrows the first one on the map.
    let story = map.with_value(|m| {
        m.data
            .places
            .iter()
            .find(|p| matches!(p.kind, PlaceKind::Story(_)))
            .map(|p| p.kind.clone())
    });
    view! {
        <section class="legend" aria-labelledby="legend-heading">
            <h2 id="legend-heading">{tr(|t| t.legend)}</h2>
            <ul>
                {kinds
                    .into_iter()
                    .chain(story)
                    .map(|kind| {
                        let label_kind = kind.clone();
                        view! {
                            <li>
                                <svg viewBox="-16 -16 32 32" width="32" height="32" aria-hidden="true">
                                    <PlaceSymbol kind order=None ring=None/>
                                </svg>
                                {move || place_label(&label_kind, lang.get())}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
