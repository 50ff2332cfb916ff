//! The hand-written JSON Schemas in `schemas/` against the Rust types that read the content, so
//! the two never drift apart. Run with `cargo test --features schema` (scripts/test.sh does).
//!
//! The schemas stay hand-written: they carry the zh-CN/English descriptions organizers see in
//! their editor. The content types derive `schemars::JsonSchema` only under the `schema` feature
//! (never in the wasm build), and this test compares the schema schemars generates from each root
//! type with the hand-written one, structurally: from the root, following `$ref`, `null`
//! alternatives, plain `allOf` parts and tagged variants (`kind` of a question), every object
//! must have the same property names, the same required properties and the same openness to
//! unknown keys, every enumeration (question kinds, age bands) the same values, and every
//! scalar the same JSON type. Each difference is printed with its field path and the place in
//! the hand-written schema, e.g.
//! `sets[].questions[](kind=single): property "answer" is required in Rust but optional in the
//! schema (#/$defs/SingleFields/properties/answer)`.
//!
//! Value rules (ranges, patterns, slugs, unique ids) are not compared: the app checks them in
//! `Validate`, and tests/schema.test.mjs checks that the schemas reject the typical mistakes.
//! `DRIFT_TRACE=1 cargo test --features schema --test schema_drift -- --nocapture` lists every
//! pair of nodes compared.
//!
//! The map files are GeoJSON read with the georust `geojson` crate, not with types of ours, so
//! for them the test checks the part that is ours: the feature properties the app reads (see
//! `FeatureProperty` in src/content/routes.rs, through which every read goes), the values it
//! understands, the park story's parts, and which geometry types are drawn.

use river_guardians::content::{
    background_shapes, parse_content, AppError, FeatureProperty, GeoJsonFile, GuideContent, Image,
    LocalText, MapData, PlaceKind, QuizContent, SiteContent,
};
use schemars::JsonSchema;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------------------
// Reading a schema: resolve references, drop `null` alternatives, merge plain `allOf` parts.

/// Looks up a local reference such as `#/$defs/Question`.
fn resolve<'a>(root: &'a Value, reference: &str) -> &'a Value {
    let pointer = reference
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("only local references are supported, found {reference}"));
    root.pointer(pointer)
        .unwrap_or_else(|| panic!("{reference} does not exist in the schema"))
}

/// Merges one keyword into a schema object: properties and `allOf` add up, `required` is the
/// union, anything else is replaced.
fn merge_key(out: &mut Map<String, Value>, key: &str, value: &Value) {
    match (key, out.get_mut(key), value) {
        ("properties", Some(Value::Object(have)), Value::Object(more)) => {
            for (name, schema) in more {
                have.insert(name.clone(), schema.clone());
            }
        }
        ("required" | "allOf", Some(Value::Array(have)), Value::Array(more)) => {
            for item in more {
                if !have.contains(item) {
                    have.push(item.clone());
                }
            }
        }
        _ => {
            out.insert(key.to_owned(), value.clone());
        }
    }
}

fn is_null_schema(schema: &Value) -> bool {
    schema.get("type") == Some(&json!("null"))
}

/// A schema node as one object: `$ref` resolved and merged with its siblings (the reference is
/// kept as `x-at`, the place to name in messages), `null` alternatives dropped (an optional
/// value), and `allOf` parts merged in (except conditional ones, kept for the variants).
fn norm(root: &Value, node: &Value) -> Map<String, Value> {
    let Some(object) = node.as_object() else {
        return Map::new(); // `true`: anything
    };
    let mut out = Map::new();
    if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
        out = norm(root, resolve(root, reference));
        out.insert("x-at".into(), json!(reference));
    }
    for (key, value) in object {
        if key != "$ref" {
            merge_key(&mut out, key, value);
        }
    }
    if let Some(Value::Array(parts)) = out.remove("allOf") {
        let mut conditional = Vec::new();
        for part in parts {
            if part.get("if").is_some() {
                conditional.push(part);
            } else {
                for (key, value) in norm(root, &part) {
                    if key != "x-at" {
                        merge_key(&mut out, &key, &value);
                    }
                }
            }
        }
        if !conditional.is_empty() {
            out.insert("allOf".into(), Value::Array(conditional));
        }
    }
    if let Some(Value::Array(types)) = out.get("type") {
        let types: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
        let types = if types.len() == 1 {
            types[0].clone()
        } else {
            Value::Array(types)
        };
        out.insert("type".into(), types);
    }
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(alternatives)) = out.get(key) else {
            continue;
        };
        let rest: Vec<Value> = alternatives
            .iter()
            .filter(|a| !is_null_schema(a))
            .cloned()
            .collect();
        if rest.len() == alternatives.len() {
            continue;
        }
        out.remove(key);
        if rest.len() == 1 {
            for (k, value) in norm(root, &rest[0]) {
                if k != "x-at" || !out.contains_key("x-at") {
                    merge_key(&mut out, &k, &value);
                }
            }
        } else {
            out.insert(key.into(), Value::Array(rest));
        }
    }
    out
}

/// What a schema node describes, as far as the comparison cares.
#[derive(Debug)]
enum Shape {
    Object,
    Array(Value),
    Enum(BTreeSet<String>),
    Scalar(BTreeSet<String>),
    Any,
}

fn shape(root: &Value, node: &Map<String, Value>) -> Shape {
    if let Some(values) = enum_values(root, node) {
        return Shape::Enum(values);
    }
    let types: BTreeSet<String> = match node.get("type") {
        Some(Value::String(t)) => [t.clone()].into(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(|t| t.as_str().map(str::to_owned))
            .collect(),
        _ => BTreeSet::new(),
    };
    if types.contains("object") || (types.is_empty() && node.contains_key("properties")) {
        Shape::Object
    } else if types.contains("array") {
        Shape::Array(node.get("items").cloned().unwrap_or(json!(true)))
    } else if types.is_empty() {
        Shape::Any
    } else {
        Shape::Scalar(types)
    }
}

/// The values of an enumeration: `enum`, `const`, or alternatives that are all enumerations.
fn enum_values(root: &Value, node: &Map<String, Value>) -> Option<BTreeSet<String>> {
    if let Some(Value::Array(values)) = node.get("enum") {
        return Some(values.iter().map(Value::to_string).collect());
    }
    if let Some(value) = node.get("const") {
        return Some([value.to_string()].into());
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(alternatives)) = node.get(key) {
            let mut all = BTreeSet::new();
            for alternative in alternatives {
                all.extend(enum_values(root, &norm(root, alternative))?);
            }
            return Some(all);
        }
    }
    None
}

/// An object's properties (with where each is declared), required names and openness.
#[derive(Clone, Debug, Default)]
struct Object {
    properties: BTreeMap<String, (Value, String)>,
    required: BTreeSet<String>,
    closed: bool,
    at: String,
    /// The definition's name (`LocalText`), for the allowances.
    name: String,
}

fn object(node: &Map<String, Value>, at: &str) -> Object {
    let at = node
        .get("x-at")
        .and_then(Value::as_str)
        .unwrap_or(at)
        .to_owned();
    let properties = node
        .get("properties")
        .and_then(Value::as_object)
        .map(|ps| {
            ps.iter()
                .map(|(name, schema)| {
                    (
                        name.clone(),
                        (schema.clone(), format!("{at}/properties/{name}")),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let required = node
        .get("required")
        .and_then(Value::as_array)
        .map(|rs| {
            rs.iter()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let name = match at.rsplit_once('/') {
        Some((_, name)) => name.to_owned(),
        None => node
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
    };
    let closed = node.get("additionalProperties") == Some(&json!(false))
        || node.get("unevaluatedProperties") == Some(&json!(false));
    Object {
        properties,
        required,
        closed,
        at,
        name,
    }
}

/// The tagged variants of an object, by the value of its tag: `oneOf` alternatives that each fix
/// the tag with `const` (what schemars writes), or `allOf` parts `if {tag: const} then {…}`
/// whose tag is an enumeration of the object (what the hand-written schema does).
fn variants(
    root: &Value,
    node: &Map<String, Value>,
    base: &Object,
) -> Option<(String, BTreeMap<String, Object>)> {
    for key in ["oneOf", "anyOf"] {
        let Some(Value::Array(alternatives)) = node.get(key) else {
            continue;
        };
        let mut tag: Option<String> = None;
        let mut found = BTreeMap::new();
        for alternative in alternatives {
            let alternative = norm(root, alternative);
            let variant = object(&alternative, &base.at);
            let (name, value) = variant.properties.iter().find_map(|(name, (schema, _))| {
                Some((name.clone(), schema.get("const")?.to_string()))
            })?;
            if tag.get_or_insert(name.clone()) != &name {
                return None;
            }
            found.insert(value, variant);
        }
        return tag.map(|tag| (tag, found));
    }
    let mut tag: Option<String> = None;
    let mut found = BTreeMap::new();
    for part in node
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(condition) = part.pointer("/if/properties").and_then(Value::as_object) else {
            continue;
        };
        for (name, test) in condition {
            let Some(value) = test.get("const") else {
                continue;
            };
            let is_enum = base.properties.get(name).is_some_and(|(schema, _)| {
                matches!(shape(root, &norm(root, schema)), Shape::Enum(_))
            });
            if !is_enum {
                continue; // a rule on a value (e.g. the safety set), not a variant
            }
            tag = Some(name.clone());
            let then = norm(root, part.get("then").unwrap_or(&json!({})));
            found.insert(value.to_string(), object(&then, &base.at));
        }
    }
    tag.map(|tag| (tag, found))
}

fn with_variant(base: &Object, variant: &Object) -> Object {
    let mut merged = base.clone();
    for (name, entry) in &variant.properties {
        merged.properties.insert(name.clone(), entry.clone());
    }
    merged.required.extend(variant.required.iter().cloned());
    merged.closed |= variant.closed;
    merged.at = variant.at.clone();
    merged
}

// ---------------------------------------------------------------------------------------------
// The comparison.

/// Known, intended differences between what Rust parses and what a schema says.
#[derive(Default)]
struct Allowances {
    /// Objects (by their `$defs` name in the generated schema) that Rust leaves open to unknown
    /// keys while the hand-written schema closes them.
    open_in_rust: &'static [&'static str],
}

struct Comparison<'a> {
    hand: &'a Value,
    generated: &'a Value,
    allow: Allowances,
    differences: Vec<String>,
}

fn list(names: impl IntoIterator<Item = impl AsRef<str>>) -> String {
    names
        .into_iter()
        .map(|n| format!("\"{}\"", n.as_ref().trim_matches('"')))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Comparison<'_> {
    fn differ(&mut self, path: &str, message: String) {
        let path = if path.is_empty() { "(top level)" } else { path };
        let difference = format!("{path}: {message}");
        if !self.differences.contains(&difference) {
            self.differences.push(difference);
        }
    }

    fn nodes(&mut self, path: &str, at: &str, hand: &Value, generated: &Value) {
        if path.matches(['.', '[']).count() > 40 {
            self.differ(path, "nested too deep: a recursive schema?".into());
            return;
        }
        let h = norm(self.hand, hand);
        let g = norm(self.generated, generated);
        if std::env::var_os("DRIFT_TRACE").is_some() {
            eprintln!("compare {path:<50} {at}");
        }
        match (shape(self.hand, &h), shape(self.generated, &g)) {
            (Shape::Object, Shape::Object) => self.objects(path, at, &h, &g),
            (Shape::Array(hi), Shape::Array(gi)) => {
                self.nodes(&format!("{path}[]"), &format!("{at}/items"), &hi, &gi)
            }
            (Shape::Enum(hv), Shape::Enum(gv)) => {
                let only_h: Vec<_> = hv.difference(&gv).collect();
                let only_g: Vec<_> = gv.difference(&hv).collect();
                if !only_h.is_empty() {
                    self.differ(
                        path,
                        format!(
                            "the schema allows {} but Rust does not ({at})",
                            list(only_h)
                        ),
                    );
                }
                if !only_g.is_empty() {
                    self.differ(
                        path,
                        format!(
                            "Rust accepts {} but the schema does not list it ({at})",
                            list(only_g)
                        ),
                    );
                }
            }
            (Shape::Scalar(ht), Shape::Scalar(gt)) if ht != gt => self.differ(
                path,
                format!(
                    "the schema says type {} but Rust reads {} ({at})",
                    list(&ht),
                    list(&gt)
                ),
            ),
            (Shape::Scalar(_), Shape::Scalar(_)) | (Shape::Any, _) | (_, Shape::Any) => {}
            (h, g) => self.differ(
                path,
                format!(
                    "the schema says {} but Rust reads {} ({at})",
                    describe(&h),
                    describe(&g)
                ),
            ),
        }
    }

    fn objects(&mut self, path: &str, at: &str, h: &Map<String, Value>, g: &Map<String, Value>) {
        let hb = object(h, at);
        let gb = object(g, "#");
        match (
            variants(self.hand, h, &hb),
            variants(self.generated, g, &gb),
        ) {
            (None, None) => self.fields(path, &hb, &gb, None, &|_| path.to_owned(), true),
            (Some((ht, hv)), Some((gt, gv))) => {
                if ht != gt {
                    self.differ(
                        path,
                        format!(
                            "the schema tells variants apart by \"{ht}\", Rust by \"{gt}\" ({})",
                            hb.at
                        ),
                    );
                    return;
                }
                let hk: BTreeSet<&String> = hv.keys().collect();
                let gk: BTreeSet<&String> = gv.keys().collect();
                let tag_at = format!("{}/properties/{ht}", hb.at);
                if hk != gk {
                    let only_h: Vec<_> = hk.difference(&gk).collect();
                    let only_g: Vec<_> = gk.difference(&hk).collect();
                    if !only_h.is_empty() {
                        self.differ(
                            &format!("{path}.{ht}"),
                            format!(
                                "the schema allows {} but Rust does not ({tag_at})",
                                list(only_h)
                            ),
                        );
                    }
                    if !only_g.is_empty() {
                        self.differ(
                            &format!("{path}.{ht}"),
                            format!(
                                "Rust accepts {} but the schema does not list it ({tag_at})",
                                list(only_g)
                            ),
                        );
                    }
                }
                if let Some((schema, _)) = hb.properties.get(&ht) {
                    // The tag's own enumeration must list exactly the variants the schema defines.
                    if let Shape::Enum(values) = shape(self.hand, &norm(self.hand, schema)) {
                        let defined: BTreeSet<String> = hv.keys().cloned().collect();
                        if values != defined {
                            self.differ(
                                &format!("{path}.{ht}"),
                                format!(
                                    "the schema lists {} but defines fields for {} ({tag_at})",
                                    list(&values),
                                    list(&defined)
                                ),
                            );
                        }
                    }
                }
                for (n, (value, h_variant)) in hv.iter().enumerate() {
                    if let Some(g_variant) = gv.get(value) {
                        // Fields every variant shares are named at the object's path (once);
                        // a variant's own fields at `path(kind=value)`.
                        let vpath = format!("{path}({ht}={})", value.trim_matches('"'));
                        let path_of = |name: &str| {
                            if hb.properties.contains_key(name) || gb.properties.contains_key(name)
                            {
                                path.to_owned()
                            } else {
                                vpath.clone()
                            }
                        };
                        self.fields(
                            path,
                            &with_variant(&hb, h_variant),
                            &with_variant(&gb, g_variant),
                            Some(&ht),
                            &path_of,
                            n == 0,
                        );
                    }
                }
            }
            (Some((tag, _)), None) => self.differ(
                path,
                format!(
                    "the schema has variants by \"{tag}\", the Rust type has none ({})",
                    hb.at
                ),
            ),
            (None, Some((tag, _))) => self.differ(
                path,
                format!(
                    "the Rust type has variants by \"{tag}\", the schema has none ({})",
                    hb.at
                ),
            ),
        }
    }

    /// Compares two objects' fields; `path_of` gives the path to name a field's difference at;
    /// fields named at `path` itself are looked into only when `shared_too` (once per object).
    fn fields(
        &mut self,
        path: &str,
        h: &Object,
        g: &Object,
        tag: Option<&str>,
        path_of: &dyn Fn(&str) -> String,
        shared_too: bool,
    ) {
        let child = |name: &str| {
            let path = path_of(name);
            if path.is_empty() {
                name.to_owned()
            } else {
                format!("{path}.{name}")
            }
        };
        for (name, (_, at)) in &h.properties {
            if !g.properties.contains_key(name) {
                self.differ(&path_of(name), format!("property \"{name}\" is in the schema but the Rust type has no such field ({at})"));
            }
        }
        for name in g.properties.keys() {
            if !h.properties.contains_key(name) {
                self.differ(&path_of(name), format!("property \"{name}\" is read by the Rust type but missing from the schema ({}/properties)", h.at));
            }
        }
        for name in h.required.difference(&g.required) {
            if g.properties.contains_key(name) {
                self.differ(&path_of(name), format!("property \"{name}\" is required in the schema but optional in Rust ({}/required)", h.at));
            }
        }
        for name in g.required.difference(&h.required) {
            if h.properties.contains_key(name) {
                let at = &h.properties[name].1;
                self.differ(
                    &path_of(name),
                    format!(
                        "property \"{name}\" is required in Rust but optional in the schema ({at})"
                    ),
                );
            }
        }
        if h.closed != g.closed && !(h.closed && self.allow.open_in_rust.contains(&g.name.as_str()))
        {
            let (closed, open) = if h.closed {
                ("the schema", "Rust")
            } else {
                ("Rust", "the schema")
            };
            self.differ(path, format!("{closed} rejects unknown keys but {open} accepts them ({}: additionalProperties)", h.at));
        }
        for (name, (hs, at)) in &h.properties {
            if Some(name.as_str()) == tag {
                continue; // compared as the variants' values
            }
            if !shared_too && path_of(name) == path {
                continue;
            }
            if let Some((gs, _)) = g.properties.get(name) {
                let (hs, gs) = (hs.clone(), gs.clone());
                self.nodes(&child(name), at, &hs, &gs);
            }
        }
    }
}

fn describe(shape: &Shape) -> String {
    match shape {
        Shape::Object => "an object".into(),
        Shape::Array(_) => "a list".into(),
        Shape::Enum(values) => format!("one of {}", list(values)),
        Shape::Scalar(types) => format!("type {}", list(types)),
        Shape::Any => "anything".into(),
    }
}

/// Every difference between a hand-written schema (from its root, or from one of its `$defs`)
/// and the schema generated from a Rust type.
fn differences(hand: &Value, start: &str, generated: &Value, allow: Allowances) -> Vec<String> {
    let mut comparison = Comparison {
        hand,
        generated,
        allow,
        differences: Vec::new(),
    };
    comparison.nodes(
        "",
        start,
        &json!({ "$ref": start }),
        &json!({ "$ref": "#" }),
    );
    comparison.differences
}

fn read_schema(name: &str) -> Value {
    let path = format!("{}/schemas/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn generated<T: JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap()
}

/// The generated schema of a root type of `site.json`, `quizzes.json` or `guide.json`, with the
/// one rule of `Validate` that decides a field's presence: every localised text of these files
/// must have its English translation (`Problems::text` in src/content/validate.rs reports "the
/// English translation is missing" and the app refuses the file), so `en` is required there,
/// as the hand-written `TranslatedText` says. `english_is_required_in_every_text` proves the rule.
fn generated_validated<T: JsonSchema>() -> Value {
    let mut schema = generated::<T>();
    let required = schema
        .pointer_mut("/$defs/LocalText/required")
        .and_then(Value::as_array_mut)
        .expect("LocalText is in the generated schema");
    required.push(json!("en"));
    schema
}

/// Rust leaves localised texts open: a text with a language the site does not know yet (e.g.
/// `"yue"`) still loads and shows zh-CN/en, while the schema closes them so an editor flags the
/// key (docs/content-guide.md, "Adding a language").
const TEXTS_OPEN_IN_RUST: Allowances = Allowances {
    open_in_rust: &["LocalText"],
};

fn assert_same(file: &str, rust: &str, found: Vec<String>) {
    assert!(
        found.is_empty(),
        "schemas/{file} and the Rust type {rust} differ ({} difference(s)); fix whichever is wrong \
         (the Rust type is what the app accepts):\n  {}",
        found.len(),
        found.join("\n  ")
    );
}

/// Compares a whole content file's schema with the Rust type that reads it.
fn assert_file_schema_matches<T: JsonSchema>(file: &str, rust: &str) {
    let found = differences(
        &read_schema(file),
        "#",
        &generated_validated::<T>(),
        TEXTS_OPEN_IN_RUST,
    );
    assert_same(file, rust, found);
}

#[test]
fn site_schema_matches_site_content() {
    assert_file_schema_matches::<SiteContent>("site.schema.json", "SiteContent");
}

#[test]
fn quizzes_schema_matches_quiz_content() {
    assert_file_schema_matches::<QuizContent>("quizzes.schema.json", "QuizContent");
}

#[test]
fn guide_schema_matches_guide_content() {
    assert_file_schema_matches::<GuideContent>("guide.schema.json", "GuideContent");
}

/// The map files' texts are read without the English rule (a plain-string name is used for both
/// languages), so the routes schema's `Image` and `LocalText` match the plain Rust types.
#[test]
fn routes_schema_pictures_and_texts_match_the_rust_types() {
    let routes = read_schema("routes.schema.json");
    let mut found = differences(
        &routes,
        "#/$defs/Image",
        &generated::<Image>(),
        TEXTS_OPEN_IN_RUST,
    );
    found.extend(differences(
        &routes,
        "#/$defs/LocalText",
        &generated::<LocalText>(),
        TEXTS_OPEN_IN_RUST,
    ));
    assert_same("routes.schema.json", "Image and LocalText", found);
}

/// The rule `generated_validated` adds: a text without English makes the app refuse each of the
/// three files.
#[test]
fn english_is_required_in_every_text() {
    for (file, mutate) in [
        ("site.json", "/title"),
        ("quizzes.json", "/sets/0/questions/0/prompt"),
        ("guide.json", "/sections/0/groups/0/steps/0/text"),
    ] {
        let path = format!("{}/public/content/{file}", env!("CARGO_MANIFEST_DIR"));
        let mut value: Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        value
            .pointer_mut(mutate)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .remove("en");
        let text = value.to_string();
        let error = match file {
            "site.json" => parse_content::<SiteContent>(file, &text).err(),
            "quizzes.json" => parse_content::<QuizContent>(file, &text).err(),
            _ => parse_content::<GuideContent>(file, &text).err(),
        };
        let Some(AppError::Invalid { problems, .. }) = error else {
            panic!("{file} without English at {mutate} was accepted: {error:?}");
        };
        assert!(
            problems
                .iter()
                .any(|p| p.message == "the English translation is missing"),
            "{file}: {problems:?}"
        );
    }
}

/// The comparison itself finds drift, and says where: a renamed property, a required property
/// made optional, an extra question kind, an age band too many, and a field of the wrong type.
#[test]
fn the_comparison_reports_drift_with_its_place() {
    let check = |mutate: &dyn Fn(&mut Value), expected: &str| {
        let mut hand = read_schema("quizzes.schema.json");
        mutate(&mut hand);
        let found = differences(
            &hand,
            "#",
            &generated_validated::<QuizContent>(),
            TEXTS_OPEN_IN_RUST,
        );
        assert!(
            found.iter().any(|d| d == expected),
            "expected {expected}\nfound:\n  {}",
            found.join("\n  ")
        );
    };
    check(
        &|s| {
            let props = s.pointer_mut("/$defs/QuizSet/properties").unwrap().as_object_mut().unwrap();
            let round = props.remove("round_size").unwrap();
            props.insert("round_length".into(), round);
        },
        "sets[]: property \"round_length\" is in the schema but the Rust type has no such field (#/$defs/QuizSet/properties/round_length)",
    );
    check(
        &|s| {
            s.pointer_mut("/$defs/SingleFields/required").unwrap().as_array_mut().unwrap().retain(|r| r != "answer");
        },
        "sets[].questions[](kind=single): property \"answer\" is required in Rust but optional in the schema (#/$defs/SingleFields/properties/answer)",
    );
    check(
        &|s| {
            s.pointer_mut("/$defs/Question/properties/kind/enum").unwrap().as_array_mut().unwrap().push(json!("slider"));
        },
        "sets[].questions[].kind: the schema lists \"matching\", \"multiple\", \"ordering\", \"single\", \"slider\", \"true_false\" but defines fields for \"matching\", \"multiple\", \"ordering\", \"single\", \"true_false\" (#/$defs/Question/properties/kind)",
    );
    check(
        &|s| {
            s.pointer_mut("/$defs/AgeBand/enum").unwrap().as_array_mut().unwrap().push(json!("toddlers"));
        },
        "sets[].questions[].ages[]: the schema allows \"toddlers\" but Rust does not (#/$defs/Question/properties/ages/items)",
    );
    check(
        &|s| {
            *s.pointer_mut("/$defs/TrueFalseFields/properties/answer/type").unwrap() = json!("integer");
        },
        "sets[].questions[](kind=true_false).answer: the schema says type \"integer\" but Rust reads \"boolean\" (#/$defs/TrueFalseFields/properties/answer)",
    );
}

// ---------------------------------------------------------------------------------------------
// The map files: GeoJSON, plus the properties the app reads.

fn feature(geometry: Value, properties: Value) -> Value {
    json!({ "type": "Feature", "geometry": geometry, "properties": properties })
}

fn point() -> Value {
    json!({ "type": "Point", "coordinates": [113.11, 22.55] })
}

fn line() -> Value {
    json!({ "type": "LineString", "coordinates": [[113.11, 22.55], [113.12, 22.56]] })
}

fn polygon() -> Value {
    json!({ "type": "Polygon", "coordinates": [[[113.11, 22.55], [113.12, 22.55], [113.12, 22.56], [113.11, 22.55]]] })
}

fn picture(src: &str) -> Value {
    json!({ "src": src, "alt": { "zh-CN": "图", "en": "Picture" } })
}

fn story() -> Value {
    json!({
        "before": picture("images/story/before.svg"),
        "after": picture("images/story/after.svg"),
        "caption": { "zh-CN": "变化", "en": "What changed" },
    })
}

/// What the app makes of a one-feature file: its map data and its background shapes. The file
/// must pass the app's checks, but for a story without all its parts, which is named on the map
/// page and drawn as a plain place (what the story tests look at).
fn read(feature: Value) -> (MapData, Vec<river_guardians::content::BackgroundShape>) {
    let text = json!({ "type": "FeatureCollection", "features": [feature] }).to_string();
    let file: GeoJsonFile = match parse_content("routes.geojson", &text) {
        Ok(file) => file,
        Err(AppError::Invalid { problems, .. })
            if problems
                .iter()
                .all(|p| p.path.ends_with(".properties.story")) =>
        {
            serde_json::from_str(&text).unwrap()
        }
        Err(e) => panic!("{e}"),
    };
    (MapData::from_geojson(&file), background_shapes(&file))
}

fn routes_properties() -> Map<String, Value> {
    let schema = read_schema("routes.schema.json");
    schema
        .pointer("/$defs/Properties/properties")
        .unwrap()
        .as_object()
        .unwrap()
        .clone()
}

/// The values a property's schema lists (`enum` inside its alternatives; `Unset` aside).
fn documented_values(schema: &Value) -> BTreeSet<String> {
    let mut values = BTreeSet::new();
    for alternative in schema
        .get("anyOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        for value in alternative
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            values.insert(value.as_str().unwrap().to_owned());
        }
    }
    values
}

/// Every property the app reads is documented in `$defs/Properties`, and nothing else is.
#[test]
fn routes_schema_documents_exactly_the_properties_the_app_reads() {
    let documented: BTreeSet<String> = routes_properties().keys().cloned().collect();
    let read: BTreeSet<String> = FeatureProperty::ALL
        .iter()
        .map(|p| p.key().to_owned())
        .collect();
    let only_schema: Vec<_> = documented.difference(&read).collect();
    let only_rust: Vec<_> = read.difference(&documented).collect();
    assert!(
        only_schema.is_empty() && only_rust.is_empty(),
        "schemas/routes.schema.json #/$defs/Properties/properties and FeatureProperty in \
         src/content/routes.rs differ:\n  documented but not read: {only_schema:?}\n  read but not \
         documented: {only_rust:?}"
    );
}

/// Each documented property, set on its own on a feature it applies to, changes what the app
/// shows; so no documented property is silently ignored.
#[test]
fn every_documented_property_is_read() {
    let samples: BTreeMap<&str, (Value, Value)> = [
        ("id", (point(), json!({ "id": "stop-1" }))),
        ("kind", (point(), json!({ "kind": "toilet" }))),
        ("name", (point(), json!({ "name": "Bench" }))),
        (
            "description",
            (
                point(),
                json!({ "description": { "zh-CN": "长椅", "en": "A bench" } }),
            ),
        ),
        ("difficulty", (line(), json!({ "difficulty": "easy" }))),
        ("colour", (line(), json!({ "colour": "#123456" }))),
        ("stroke", (line(), json!({ "stroke": "#123456" }))),
        ("route", (point(), json!({ "route": "route-1" }))),
        ("order", (point(), json!({ "order": 2 }))),
        ("quiz", (point(), json!({ "quiz": "save-water" }))),
        (
            "hazard",
            (point(), json!({ "kind": "hazard", "hazard": "deep-water" })),
        ),
        (
            "gear",
            (point(), json!({ "kind": "rescue", "gear": "lifebuoy" })),
        ),
        (
            "story",
            (point(), json!({ "kind": "story", "story": story() })),
        ),
        ("layer", (polygon(), json!({ "layer": "water" }))),
    ]
    .into_iter()
    .collect();
    let documented: BTreeSet<String> = routes_properties().keys().cloned().collect();
    let sampled: BTreeSet<String> = samples.keys().map(|k| k.to_string()).collect();
    assert_eq!(
        documented, sampled,
        "give every documented property a sample here"
    );
    for (name, (geometry, properties)) in samples {
        let mut without = properties.as_object().unwrap().clone();
        without.remove(name);
        assert_ne!(
            read(feature(geometry.clone(), properties.clone())),
            read(feature(geometry, Value::Object(without))),
            "properties.{name} is documented in schemas/routes.schema.json but the app ignores it"
        );
    }
}

/// The documented values of `kind`, `hazard`, `gear`, `difficulty` and `layer` are each read as
/// their own thing, and the reader in src/content/routes.rs matches no value the schema does
/// not list.
#[test]
fn documented_values_are_exactly_the_values_the_app_reads() {
    let properties = routes_properties();
    let values = |name: &str| {
        properties
            .get(name)
            .map(documented_values)
            .unwrap_or_default()
    };
    let mut problems = Vec::new();

    // Names for what the app read; no wildcard arm, so a new Rust variant must be named here.
    fn kind_name(kind: &PlaceKind) -> Option<&'static str> {
        match kind {
            PlaceKind::Checkpoint => Some("checkpoint"),
            PlaceKind::Hazard(_) => Some("hazard"),
            PlaceKind::Rescue(_) => Some("rescue"),
            PlaceKind::Toilet => Some("toilet"),
            PlaceKind::Meeting => Some("meeting"),
            PlaceKind::Story(_) => Some("story"),
            PlaceKind::Place => None,
        }
    }
    for value in values("kind") {
        if value == "route" {
            // Lines are routes whatever their kind; `route` documents that.
            let (map, _) = read(feature(line(), json!({ "kind": "route" })));
            if map.routes.len() != 1 {
                problems.push("kind \"route\": a line is not read as a route".to_owned());
            }
            continue;
        }
        let (map, _) = read(feature(point(), json!({ "kind": value, "story": story() })));
        let got = kind_name(&map.places[0].kind);
        if got != Some(value.as_str()) {
            problems.push(format!("kind \"{value}\" is read as {got:?}"));
        }
    }
    for (property, kind) in [("hazard", "hazard"), ("gear", "rescue")] {
        let mut seen = Vec::new();
        for value in values(property) {
            let (map, _) = read(feature(point(), json!({ "kind": kind, property: value })));
            let debug = format!("{:?}", map.places[0].kind);
            if debug.contains("Other") || seen.contains(&debug) {
                problems.push(format!(
                    "{property} \"{value}\" is not read as a kind of its own: {debug}"
                ));
            }
            seen.push(debug);
        }
    }
    let mut seen = Vec::new();
    for value in values("difficulty") {
        let (map, _) = read(feature(line(), json!({ "difficulty": value })));
        let difficulty = map.routes[0].difficulty;
        if difficulty.is_none() || seen.contains(&difficulty) {
            problems.push(format!("difficulty \"{value}\" is read as {difficulty:?}"));
        }
        seen.push(difficulty);
    }
    let mut seen = Vec::new();
    for value in values("layer") {
        // A line untagged is a path and a polygon untagged is park: try both shapes.
        let layers: Vec<_> = [line(), polygon()]
            .into_iter()
            .map(|g| read(feature(g, json!({ "layer": value }))).1[0].layer)
            .collect();
        if layers[0] != layers[1] || seen.contains(&layers[0]) {
            problems.push(format!("layer \"{value}\" is read as {layers:?}"));
        }
        seen.push(layers[0]);
    }

    // The other direction: every value the reader matches (`Some("…") =>`) is documented.
    let source = include_str!("../src/content/routes.rs");
    let documented: BTreeSet<String> = ["kind", "hazard", "gear", "difficulty", "layer"]
        .into_iter()
        .flat_map(values)
        .collect();
    for piece in source.split("Some(\"").skip(1) {
        let Some((value, rest)) = piece.split_once('"') else {
            continue;
        };
        if rest.trim_start().starts_with(") =>") && !documented.contains(value) {
            problems.push(format!(
                "src/content/routes.rs reads the value \"{value}\", which schemas/routes.schema.json does not list"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The park story needs every part the schema requires: without one, the place is plain.
#[test]
fn a_story_needs_exactly_the_parts_the_schema_requires() {
    let schema = read_schema("routes.schema.json");
    let story_schema = schema.pointer("/$defs/Story").unwrap();
    let required: BTreeSet<&str> = story_schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    let parts: BTreeSet<&str> = story_schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| &**k)
        .collect();
    let full = story();
    let full_parts: BTreeSet<&str> = full.as_object().unwrap().keys().map(|k| &**k).collect();
    assert_eq!(parts, full_parts, "#/$defs/Story/properties");
    let (map, _) = read(feature(point(), json!({ "kind": "story", "story": full })));
    assert!(matches!(map.places[0].kind, PlaceKind::Story(_)));
    for part in parts {
        let mut partial = story();
        partial.as_object_mut().unwrap().remove(part);
        let (map, _) = read(feature(
            point(),
            json!({ "kind": "story", "story": partial }),
        ));
        let is_story = matches!(map.places[0].kind, PlaceKind::Story(_));
        assert_eq!(
            is_story,
            !required.contains(part),
            "story without \"{part}\": the schema says it is {}",
            if required.contains(part) {
                "required"
            } else {
                "optional"
            }
        );
    }
}

/// Every geometry type the schema allows parses, and exactly the ones it calls drawable are
/// drawn (a file of only the others has "nothing to draw").
#[test]
fn geometry_types_match_what_the_app_parses_and_draws() {
    let schema = read_schema("routes.schema.json");
    let all = documented_values(
        &json!({ "anyOf": [schema.pointer("/$defs/Geometry/properties/type").unwrap()] }),
    );
    let drawable = documented_values(
        &json!({ "anyOf": [schema.pointer("/properties/features/contains/properties/geometry/properties/type").unwrap()] }),
    );
    assert_eq!(all.len(), 7, "{all:?}");
    for kind in &all {
        let geometry = match kind.as_str() {
            "Point" => point(),
            "LineString" => line(),
            "Polygon" => polygon(),
            "MultiPoint" => json!({ "type": kind, "coordinates": [[113.11, 22.55]] }),
            "MultiLineString" => json!({ "type": kind, "coordinates": [line()["coordinates"]] }),
            "MultiPolygon" => json!({ "type": kind, "coordinates": [polygon()["coordinates"]] }),
            "GeometryCollection" => json!({ "type": kind, "geometries": [point()] }),
            other => {
                panic!("the schema lists the geometry type {other}: teach this test its shape")
            }
        };
        let text =
            json!({ "type": "FeatureCollection", "features": [feature(geometry, json!(null))] })
                .to_string();
        let result = parse_content::<GeoJsonFile>("routes.geojson", &text);
        match result {
            Ok(_) => assert!(
                drawable.contains(kind),
                "{kind} is drawn but the schema does not call it drawable"
            ),
            Err(AppError::Invalid { problems, .. }) => assert!(
                !drawable.contains(kind)
                    && problems
                        .iter()
                        .any(|p| p.message.contains("nothing to draw")),
                "{kind}: {problems:?}"
            ),
            Err(other) => panic!("{kind} does not parse: {other}"),
        }
    }
}
