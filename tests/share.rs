//! QR codes decode back to exactly the deep link; a worksheet's answer key agrees with the
//! paper-order helpers (`paper_choice_order`, `paper_order`). The printed sheet itself is not
//! rendered here: tests/e2e/print.spec.js checks the key against the letters on the page.

use river_guardians::content::{parse_content, AgeBand, QuestionKind, QuizContent};
use river_guardians::i18n::Lang;
use river_guardians::print::paper::{
    key_answer, letter, paper_choice_order, paper_order, KeyAnswer,
};
use river_guardians::share::links::{url_part, worksheet_path, DeepLink};
use river_guardians::share::qr::{qr_svg, QrSvg, QUIET_ZONE};

/// Paints the SVG path the page draws onto a bitmap (`scale` pixels per module) and decodes it
/// with an independent QR reader.
fn decode(qr: &QrSvg, scale: usize) -> String {
    let dark = dark_modules(qr);
    let side = qr.size * scale;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        if dark[(y / scale) * qr.size + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    let (_, content) = grids[0].decode().expect("the QR code decodes");
    content
}

/// Reads the path data (`M{x} {y}h{run}v1h-{run}z` per run of dark modules) back into cells.
fn dark_modules(qr: &QrSvg) -> Vec<bool> {
    let mut dark = vec![false; qr.size * qr.size];
    for rect in qr.path.split('z').filter(|r| !r.is_empty()) {
        let numbers: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().unwrap())
            .collect();
        let [x, y, run, ..] = numbers[..] else {
            panic!("bad path segment {rect}")
        };
        assert!(
            x + run <= qr.size - QUIET_ZONE && y < qr.size - QUIET_ZONE,
            "inside the quiet zone"
        );
        for cell in &mut dark[y * qr.size + x..y * qr.size + x + run] {
            *cell = true;
        }
    }
    dark
}

#[test]
fn every_kind_of_deep_link_decodes_to_exactly_itself() {
    let origin = "https://rivers.example.org";
    let links = [
        DeepLink::Quiz {
            set: "drowning-prevention".into(),
            age: Some(AgeBand::Grades1To3),
        },
        DeepLink::Quiz {
            set: "water-saving".into(),
            age: None,
        },
        DeepLink::Quizzes,
        DeepLink::GuideSection {
            section: "someone-in-trouble".into(),
            age: Some(AgeBand::Kindergarten),
        },
        DeepLink::Guide,
        DeepLink::Route("xiasha-riverside-loop".into()),
        DeepLink::Map,
        DeepLink::Emergency,
    ];
    for link in &links {
        for lang in Lang::ALL {
            let url = link.url(origin, lang);
            let qr = qr_svg(&url).unwrap();
            assert_eq!(decode(&qr, 4), url);
        }
    }
}

#[test]
fn deep_links_carry_language_and_age() {
    let quiz = DeepLink::Quiz {
        set: "water-saving".into(),
        age: Some(AgeBand::Adults),
    };
    assert_eq!(
        quiz.url("http://192.168.1.20:8080/", Lang::En),
        "http://192.168.1.20:8080/quiz/water-saving?age=adults&lang=en"
    );
    assert_eq!(
        DeepLink::Route("loop".into()).path(Lang::ZhCn),
        "/map/loop?lang=zh-CN"
    );
    assert_eq!(DeepLink::Emergency.path(Lang::En), "/emergency?lang=en");
    // A guide section shared for young children opens in their short words.
    let section = DeepLink::GuideSection {
        section: "rules-for-children".into(),
        age: Some(AgeBand::Grades1To3),
    };
    assert_eq!(
        section.path(Lang::ZhCn),
        "/guide/rules-for-children?age=grades-1-3&lang=zh-CN"
    );
    assert_eq!(
        worksheet_path("water-saving", Some(AgeBand::Grades4To6), Lang::ZhCn),
        "/quiz/water-saving/worksheet?age=grades-4-6&lang=zh-CN"
    );
    // All ages says so: the device opening the link would otherwise show the band it saved.
    let all_ages = DeepLink::Quiz {
        set: "water-saving".into(),
        age: None,
    };
    assert_eq!(
        all_ages.path(Lang::En),
        "/quiz/water-saving?age=all&lang=en"
    );
    assert_eq!(
        worksheet_path("water-saving", None, Lang::En),
        "/quiz/water-saving/worksheet?age=all&lang=en"
    );
}

#[test]
fn route_ids_from_a_mapping_tool_are_escaped_in_links() {
    // Route and place ids come from GeoJSON unchecked: spaces, slashes, `&` and Chinese must
    // not break the path or the query.
    assert_eq!(
        DeepLink::Route("North bank/2 & more".into()).path(Lang::En),
        "/map/North%20bank%2F2%20%26%20more?lang=en"
    );
    assert_eq!(url_part("北岸"), "%E5%8C%97%E5%B2%B8");
    assert_eq!(url_part("south-bank_patrol.2~"), "south-bank_patrol.2~");
    let url = DeepLink::Route("路线 1".into()).url("https://rivers.example.org", Lang::ZhCn);
    assert_eq!(
        url,
        "https://rivers.example.org/map/%E8%B7%AF%E7%BA%BF%201?lang=zh-CN"
    );
    assert_eq!(decode(&qr_svg(&url).unwrap(), 4), url);
}

#[test]
fn a_link_too_long_for_any_qr_version_is_an_error_not_a_panic() {
    assert!(qr_svg(&"x".repeat(5000)).is_err());
}

#[test]
fn a_deep_link_stays_small_enough_to_scan_from_a_distance() {
    // Version 5 (37 modules) or less (this link is 78 characters): on the dialog's code, 28 rem
    // (448 CSS px) with its quiet zone, a module is about 10 CSS px, 2.6 mm.
    let url = DeepLink::Quiz {
        set: "drowning-prevention".into(),
        age: Some(AgeBand::Grades7To12),
    }
    .url("https://rivers.example.org", Lang::ZhCn);
    let qr = qr_svg(&url).unwrap();
    assert!(
        qr.size - 2 * QUIET_ZONE <= 37,
        "{} modules",
        qr.size - 2 * QUIET_ZONE
    );
}

fn shipped_quizzes() -> QuizContent {
    let text = std::fs::read_to_string("public/content/quizzes.json").unwrap();
    parse_content("quizzes.json", &text).unwrap()
}

/// How `sw-water-cycle`'s four steps print; tests/web.rs checks that the browser prints the same.
const PINNED_WATER_CYCLE: [usize; 4] = [0, 1, 3, 2];

#[test]
fn paper_order_is_a_stable_permutation() {
    for n in 0..8 {
        let order = paper_order("q-example", n);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..n).collect::<Vec<_>>());
        assert_eq!(order, paper_order("q-example", n), "same every time");
    }
    // Never printed as written, for any id: the shipped bank's water-cycle steps once printed
    // in their right order (key "A 1 · B 2 · C 3 · D 4").
    for id in (0..2000)
        .map(|i| format!("q-{i}"))
        .chain(["sw-water-cycle".to_owned(), "sw-kids-match".to_owned()])
    {
        for n in 2..7 {
            let order = paper_order(&id, n);
            assert!(
                order.iter().enumerate().any(|(i, &v)| i != v),
                "{id} with {n}: {order:?}"
            );
        }
    }
    // The same numbers on every platform: a fixed id's order is pinned, as the browser prints it.
    assert_eq!(paper_order("sw-water-cycle", 4), PINNED_WATER_CYCLE);
}

#[test]
fn right_answers_are_not_always_the_first_printed_choice() {
    let quizzes = shipped_quizzes();
    let mut first = 0;
    let mut single = 0;
    for q in quizzes.sets.iter().flat_map(|s| &s.questions) {
        if let KeyAnswer::Letters(letters) = key_answer(q) {
            if let QuestionKind::Single { .. } = q.kind {
                single += 1;
                first += usize::from(letters == ['A']);
            }
        }
    }
    assert!(
        single > 10 && first * 2 < single,
        "{first} of {single} answers are A"
    );
}

#[test]
fn two_options_print_in_either_order() {
    // Never as written would print every two-option question's first option second: a child
    // who learnt "it's the second" would be right on most of them.
    let firsts = (0..2000)
        .filter(|i| paper_choice_order(&format!("q-{i}"), 2) == [0, 1])
        .count();
    assert!((800..1200).contains(&firsts), "{firsts} of 2000");
    assert_eq!(paper_choice_order("q-example", 1), [0]);
}

#[test]
fn the_answer_key_names_the_printed_labels_of_the_right_answers() {
    for q in shipped_quizzes().sets.iter().flat_map(|s| &s.questions) {
        match (&q.kind, key_answer(q)) {
            (QuestionKind::Single { options, answer }, KeyAnswer::Letters(letters)) => {
                let order = paper_choice_order(&q.id, options.len());
                let printed = letters[0] as usize - 'A' as usize;
                assert_eq!(order[printed], *answer, "{}", q.id);
            }
            (
                QuestionKind::Multiple {
                    options, answers, ..
                },
                KeyAnswer::Letters(letters),
            ) => {
                let order = paper_choice_order(&q.id, options.len());
                let mut chosen: Vec<usize> = letters
                    .iter()
                    .map(|&l| order[l as usize - 'A' as usize])
                    .collect();
                chosen.sort_unstable();
                let mut expected = answers.clone();
                expected.sort_unstable();
                assert_eq!(chosen, expected, "{}", q.id);
            }
            (QuestionKind::TrueFalse { answer }, KeyAnswer::TrueFalse(key)) => {
                assert_eq!(*answer, key)
            }
            (QuestionKind::Ordering { steps }, KeyAnswer::Positions(positions)) => {
                let order = paper_order(&q.id, steps.len());
                assert_eq!(positions.len(), steps.len());
                for (printed, (label, number)) in positions.iter().enumerate() {
                    assert_eq!(*label, letter(printed));
                    assert_eq!(order[printed] + 1, *number, "{}", q.id);
                }
            }
            (QuestionKind::Matching { pairs }, KeyAnswer::Pairs(key)) => {
                let order = paper_order(&q.id, pairs.len());
                for (left, label) in key {
                    let right = order[label as usize - 'A' as usize];
                    assert_eq!(right, left - 1, "{}", q.id);
                }
            }
            (kind, key) => panic!("{}: {kind:?} got {key:?}", q.id),
        }
    }
}

#[test]
fn key_answers_read_as_one_line() {
    assert_eq!(
        KeyAnswer::Letters(vec!['B', 'D']).describe("对", "错"),
        "B, D"
    );
    assert_eq!(KeyAnswer::TrueFalse(false).describe("对", "错"), "错");
    assert_eq!(
        KeyAnswer::Positions(vec![('A', 2), ('B', 1)]).describe("", ""),
        "A 2 · B 1"
    );
    assert_eq!(
        KeyAnswer::Pairs(vec![(1, 'C'), (2, 'A')]).describe("", ""),
        "1–C · 2–A"
    );
}

#[test]
fn embed_code_frames_the_page_alone_and_escapes_the_title() {
    use river_guardians::share::links::{embed_code, embed_url};
    let link = DeepLink::GuideSection {
        section: "someone-in-trouble".into(),
        age: None,
    };
    let url = embed_url("https://rivers.example.org", &link, Lang::En, true);
    assert_eq!(
        url,
        "https://rivers.example.org/guide/someone-in-trouble?age=all&lang=en&embed=1&text=large"
    );
    // A band chosen is the band shown; the map has no bands.
    let quiz = DeepLink::Quiz {
        set: "save-water".into(),
        age: Some(AgeBand::Adults),
    };
    assert_eq!(
        embed_url("https://rivers.example.org", &quiz, Lang::ZhCn, false),
        "https://rivers.example.org/quiz/save-water?age=adults&lang=zh-CN&embed=1"
    );
    assert_eq!(
        embed_url(
            "https://rivers.example.org",
            &DeepLink::Map,
            Lang::En,
            false
        ),
        "https://rivers.example.org/map?lang=en&embed=1"
    );
    let code = embed_code(&url, "Rescue \"reach, throw\" <fast>");
    assert!(code.starts_with(&format!(
        "<iframe src=\"{}\" title=\"Rescue &quot;reach, throw&quot; &lt;fast&gt;\"",
        url.replace('&', "&amp;")
    )));
    assert!(code.contains("e.data.source !== 'river-guardians'"));
}
