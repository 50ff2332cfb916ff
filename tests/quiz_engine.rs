//! Native tests of the quiz engine: every kind, and the edges.

use river_guardians::content::{AgeBand, LocalText, Pair, Question, QuestionKind, QuizSet};
use river_guardians::quiz::engine::*;

fn text(s: &str) -> LocalText {
    LocalText {
        zh_cn: s.to_owned(),
        en: Some(s.to_owned()),
    }
}

fn question(id: &str, ages: &[AgeBand], kind: QuestionKind) -> Question {
    Question {
        id: id.to_owned(),
        ages: ages.to_vec(),
        prompt: text(id),
        image: None,
        explanation: text("because"),
        sources: vec![],
        kind,
    }
}

fn single(id: &str, ages: &[AgeBand]) -> Question {
    question(
        id,
        ages,
        QuestionKind::Single {
            options: vec![text("a"), text("b"), text("c")],
            answer: 1,
        },
    )
}

fn set_of(questions: Vec<Question>) -> QuizSet {
    QuizSet {
        id: "test".into(),
        title: text("t"),
        description: text("d"),
        icon: "i.svg".into(),
        round_size: 3,
        timer_seconds: None,
        questions,
    }
}

/// A set of `n` single-choice questions for every age band, `q0`, `q1`, …
fn singles(n: usize) -> QuizSet {
    set_of(
        (0..n)
            .map(|i| single(&format!("q{i}"), &AgeBand::ALL))
            .collect(),
    )
}

fn every_kind() -> QuizSet {
    set_of(vec![
        single("single", &AgeBand::ALL),
        question(
            "multiple",
            &AgeBand::ALL,
            QuestionKind::Multiple {
                options: vec![text("a"), text("b"), text("c"), text("d")],
                answers: vec![0, 2],
                partial_credit: true,
            },
        ),
        question(
            "strict-multiple",
            &AgeBand::ALL,
            QuestionKind::Multiple {
                options: vec![text("a"), text("b"), text("c")],
                answers: vec![0, 1],
                partial_credit: false,
            },
        ),
        question(
            "true-false",
            &AgeBand::ALL,
            QuestionKind::TrueFalse { answer: false },
        ),
        question(
            "ordering",
            &AgeBand::ALL,
            QuestionKind::Ordering {
                steps: vec![text("1"), text("2"), text("3"), text("4")],
            },
        ),
        question(
            "matching",
            &AgeBand::ALL,
            QuestionKind::Matching {
                pairs: vec![
                    Pair {
                        left: text("bottle"),
                        right: text("recyclable"),
                    },
                    Pair {
                        left: text("battery"),
                        right: text("hazardous"),
                    },
                    Pair {
                        left: text("peel"),
                        right: text("food"),
                    },
                ],
            },
        ),
    ])
}

#[test]
fn single_choice_is_right_only_for_the_answer() {
    let set = every_kind();
    assert!(mark(&set.questions[0], &Answer::Choice(1)).correct);
    assert_eq!(mark(&set.questions[0], &Answer::Choice(0)).points, 0.0);
    assert_eq!(mark(&set.questions[0], &Answer::Choice(99)).points, 0.0);
}

#[test]
fn multiple_choice_with_and_without_partial_credit() {
    let set = every_kind();
    let partial = &set.questions[1];
    assert_eq!(
        mark(partial, &Answer::Choices(vec![2, 0])),
        Marked {
            points: 1.0,
            correct: true
        }
    );
    assert_eq!(
        mark(partial, &Answer::Choices(vec![0])),
        Marked {
            points: 0.5,
            correct: false
        }
    );
    // A wrong pick cancels a right one; never below zero.
    assert_eq!(mark(partial, &Answer::Choices(vec![0, 1])).points, 0.0);
    assert_eq!(mark(partial, &Answer::Choices(vec![1, 3])).points, 0.0);
    let strict = &set.questions[2];
    assert_eq!(
        mark(strict, &Answer::Choices(vec![0])),
        Marked {
            points: 0.0,
            correct: false
        }
    );
    assert!(mark(strict, &Answer::Choices(vec![1, 0])).correct);
    assert!(!mark(strict, &Answer::Choices(vec![0, 1, 2])).correct);
}

#[test]
fn points_of_thirds_add_up_to_whole_hundredths() {
    // Three answers with partial credit: a third and two thirds of a point.
    let thirds = question(
        "thirds",
        &AgeBand::ALL,
        QuestionKind::Multiple {
            options: vec![text("a"), text("b"), text("c"), text("d")],
            answers: vec![0, 1, 2],
            partial_credit: true,
        },
    );
    let set = set_of(vec![single("q0", &AgeBand::ALL), thirds.clone(), thirds]);
    let mut round = Round::deal(&set, &[0, 1, 2], 1, &mut Shuffler::new(7));
    round.answer(&set, &Answer::Choice(1));
    round.answer(&set, &Answer::Choices(vec![0, 1]));
    round.answer(&set, &Answer::Choices(vec![2]));
    // 1 + 2/3 + 1/3 is 1.9999999999999998 in floating point.
    assert_eq!(to_hundredths(round.results()[0].points), 2.0);
    let mut round = Round::deal(&set, &[1, 2], 1, &mut Shuffler::new(7));
    round.answer(&set, &Answer::Choices(vec![0, 1]));
    round.answer(&set, &Answer::Choices(vec![0, 1]));
    assert_eq!(to_hundredths(round.results()[0].points), 1.33);
}

#[test]
fn a_partly_right_answer_is_neither_right_nor_wrong() {
    let set = every_kind();
    let verdict = |q: usize, answer: Answer| mark(&set.questions[q], &answer).verdict();
    assert_eq!(verdict(1, Answer::Choices(vec![2, 0])), Verdict::Right);
    assert_eq!(verdict(1, Answer::Choices(vec![0])), Verdict::Partly);
    assert_eq!(verdict(1, Answer::Choices(vec![0, 1])), Verdict::Wrong);
    assert_eq!(verdict(2, Answer::Choices(vec![0])), Verdict::Wrong);
    assert_eq!(verdict(1, Answer::TimedOut), Verdict::Wrong);
}

#[test]
fn true_false_ordering_and_matching() {
    let set = every_kind();
    assert!(mark(&set.questions[3], &Answer::Judgement(false)).correct);
    assert!(!mark(&set.questions[3], &Answer::Judgement(true)).correct);
    assert!(mark(&set.questions[4], &Answer::Order(vec![0, 1, 2, 3])).correct);
    assert!(!mark(&set.questions[4], &Answer::Order(vec![1, 0, 2, 3])).correct);
    assert!(!mark(&set.questions[4], &Answer::Order(vec![0, 1, 2])).correct);
    assert!(mark(&set.questions[5], &Answer::Matches(vec![0, 1, 2])).correct);
    assert!(!mark(&set.questions[5], &Answer::Matches(vec![1, 0, 2])).correct);
}

#[test]
fn a_timed_out_or_misshapen_answer_scores_nothing() {
    let set = every_kind();
    for q in &set.questions {
        assert_eq!(mark(q, &Answer::TimedOut).points, 0.0);
    }
    assert_eq!(
        mark(&set.questions[0], &Answer::Judgement(true)).points,
        0.0
    );
}

#[test]
fn same_seed_replays_the_same_round() {
    let set = every_kind();
    let play = |seed| {
        let mut shuffler = Shuffler::new(seed);
        let (drawn, _) = draw_round(&set, None, 4, &[], &mut shuffler);
        Round::deal(&set, &drawn, 2, &mut shuffler)
    };
    assert_eq!(play(7), play(7));
    assert_ne!(play(7), play(8));
}

#[test]
fn shuffled_questions_never_start_in_content_order() {
    let mut shuffler = Shuffler::new(1);
    for _ in 0..200 {
        let order = shuffler.permutation(4);
        assert_ne!(order, vec![0, 1, 2, 3]);
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(sorted, vec![0, 1, 2, 3]);
    }
    assert_eq!(shuffler.permutation(1), vec![0]);
    assert!(shuffler.permutation(0).is_empty());
}

#[test]
fn options_come_in_any_order_but_steps_never_start_solved() {
    // Two options: both orders, about as often (never as written would always put the first,
    // often the answer, second).
    let mut shuffler = Shuffler::new(3);
    let as_written = (0..1000).filter(|_| shuffler.order(2) == [0, 1]).count();
    assert!((400..600).contains(&as_written), "{as_written} of 1000");
    let two = question(
        "two",
        &AgeBand::ALL,
        QuestionKind::Single {
            options: vec![text("float"), text("swim hard")],
            answer: 0,
        },
    );
    let set = set_of(vec![two]);
    let first = (0..200)
        .filter(|&seed| {
            let round = Round::deal(&set, &[0], 1, &mut Shuffler::new(seed));
            round.current().map(|t| t.order[0]) == Some(0)
        })
        .count();
    assert!(
        (60..140).contains(&first),
        "{first} of 200 rounds show the answer first"
    );
    // An ordering question still never starts in its right order.
    let steps = question(
        "steps",
        &AgeBand::ALL,
        QuestionKind::Ordering {
            steps: vec![text("1"), text("2")],
        },
    );
    let set = set_of(vec![steps]);
    for seed in 0..50 {
        let round = Round::deal(&set, &[0], 1, &mut Shuffler::new(seed));
        assert_eq!(round.current().map(|t| t.order.clone()), Some(vec![1, 0]));
    }
}

#[test]
fn no_repeats_until_the_bank_is_exhausted() {
    let set = singles(7);
    let mut shuffler = Shuffler::new(3);
    let mut seen = Vec::new();
    let mut played = Vec::new();
    for _ in 0..2 {
        let (drawn, now_seen) = draw_round(&set, None, 3, &seen, &mut shuffler);
        played.extend(drawn);
        seen = now_seen;
    }
    let mut unique = played.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        6,
        "six different questions in two rounds of three"
    );
    // The third round takes the one left, then starts a new cycle without repeating itself.
    let (drawn, seen) = draw_round(&set, None, 3, &seen, &mut shuffler);
    let left = (0..7).find(|i| !played.contains(i)).unwrap();
    assert!(drawn.contains(&left));
    let mut d = drawn.clone();
    d.sort();
    d.dedup();
    assert_eq!(d.len(), 3);
    assert_eq!(
        seen.len(),
        3,
        "the new cycle has seen the whole round: the last unseen question and the two refilled"
    );
    // So the fourth round is the four questions the third did not play, and none of its three.
    let (fourth, _) = draw_round(&set, None, 3, &seen, &mut shuffler);
    assert!(
        fourth.iter().all(|i| !drawn.contains(i)),
        "round 4 {fourth:?} repeats round 3 {drawn:?}"
    );
}

#[test]
fn age_band_filters_the_bank() {
    let set = set_of(vec![
        single("little", &[AgeBand::Kindergarten]),
        single("big", &[AgeBand::Adults]),
        single("both", &[AgeBand::Kindergarten, AgeBand::Adults]),
    ]);
    let mut shuffler = Shuffler::new(5);
    let (drawn, _) = draw_round(&set, Some(AgeBand::Kindergarten), 10, &[], &mut shuffler);
    let mut ids: Vec<&str> = drawn
        .iter()
        .map(|&i| set.questions[i].id.as_str())
        .collect();
    ids.sort();
    assert_eq!(ids, ["both", "little"]);
    assert_eq!(
        round_size(
            &QuizSet {
                round_size: 8,
                ..set.clone()
            },
            Some(AgeBand::Kindergarten)
        ),
        KINDERGARTEN_ROUND
    );
    assert_eq!(
        round_size(
            &QuizSet {
                round_size: 8,
                ..set
            },
            Some(AgeBand::Adults)
        ),
        8
    );
}

#[test]
fn empty_bank_gives_an_empty_round_that_is_already_over() {
    let set = set_of(vec![]);
    let mut shuffler = Shuffler::new(1);
    let (drawn, seen) = draw_round(&set, None, 5, &[], &mut shuffler);
    assert!(drawn.is_empty() && seen.is_empty());
    let mut round = Round::deal(&set, &drawn, 2, &mut shuffler);
    assert!(round.is_over());
    assert_eq!(round.answer(&set, &Answer::Choice(0)), None);
    assert!(round.leaders().is_empty());
}

#[test]
fn one_question_one_player() {
    let set = set_of(vec![single("only", &AgeBand::ALL)]);
    let mut shuffler = Shuffler::new(1);
    let (drawn, _) = draw_round(&set, None, 3, &[], &mut shuffler);
    let mut round = Round::deal(&set, &drawn, 1, &mut shuffler);
    assert_eq!(round.turns.len(), 1);
    assert_eq!(
        round.answer(&set, &Answer::Choice(1)).map(|m| m.correct),
        Some(true)
    );
    assert!(round.is_over());
    assert_eq!(
        round.results()[0],
        TeamResult {
            points: 1.0,
            max: 1.0,
            stars: 3
        }
    );
}

#[test]
fn teams_alternate_and_all_wrong_earns_no_star() {
    let set = every_kind();
    let mut shuffler = Shuffler::new(9);
    let drawn: Vec<usize> = (0..6).collect();
    let mut round = Round::deal(&set, &drawn, 2, &mut shuffler);
    let teams: Vec<usize> = round.turns.iter().map(|t| t.team).collect();
    assert_eq!(teams, [0, 1, 0, 1, 0, 1]);
    while !round.is_over() {
        round.answer(&set, &Answer::TimedOut);
    }
    assert!(round
        .results()
        .iter()
        .all(|r| r.points == 0.0 && r.stars == 0));
    assert!(round.leaders().is_empty());
    assert_eq!(round.to_review().len(), 6);
}

#[test]
fn ties_share_the_lead_and_stars_follow_the_share() {
    let set = singles(4);
    let mut shuffler = Shuffler::new(2);
    let mut round = Round::deal(&set, &[0, 1, 2, 3], 2, &mut shuffler);
    for answer in [1, 1, 0, 0] {
        round.answer(&set, &Answer::Choice(answer));
    }
    assert_eq!(round.leaders(), vec![0, 1]);
    assert!(round.results().iter().all(|r| r.stars == 2));
    assert_eq!(stars(6.0, 6.0), 3);
    assert_eq!(stars(0.5, 6.0), 1);
    assert_eq!(stars(0.0, 0.0), 0);
}

#[test]
fn teams_get_equal_turns_when_questions_run_short() {
    let set = singles(5);
    let mut shuffler = Shuffler::new(4);
    let round = Round::deal(&set, &[0, 1, 2, 3, 4], 3, &mut shuffler);
    assert_eq!(round.turns.len(), 3);
    let round = Round::deal(&set, &[0, 1, 2, 3, 4], 9, &mut shuffler);
    assert_eq!(round.teams, MAX_TEAMS);
    assert_eq!(round.turns.len(), 4);
}

#[test]
fn every_question_drawn_for_several_teams_is_played() {
    // Ten questions, round size 5, four teams: two each. Drawing five each (20, capped at 10)
    // would deal 8 and remember 10 as seen, 2 of them never asked.
    let set = QuizSet {
        round_size: 5,
        ..singles(10)
    };
    assert_eq!(questions_per_team(&set, None, 4), 2);
    let mut shuffler = Shuffler::new(3);
    let (drawn, seen) = draw_round(&set, None, 2 * 4, &[], &mut shuffler);
    let round = Round::deal(&set, &drawn, 4, &mut shuffler);
    assert_eq!(round.turns.len(), 8);
    let mut played: Vec<&str> = round
        .turns
        .iter()
        .map(|turn| set.questions[turn.question].id.as_str())
        .collect();
    let mut remembered: Vec<&str> = seen.iter().map(String::as_str).collect();
    played.sort();
    remembered.sort();
    assert_eq!(played, remembered);
    // One team gets the set's round size; more teams than questions get none.
    assert_eq!(questions_per_team(&set, None, 1), 5);
    assert_eq!(questions_per_team(&set, None, 11), 0);
}

#[test]
fn no_more_teams_than_questions() {
    let three = set_of(vec![
        single("a", &AgeBand::ALL),
        single("b", &AgeBand::ALL),
        single("c", &[AgeBand::Adults]),
    ]);
    assert_eq!(max_teams(&three, Some(AgeBand::Kindergarten)), 2);
    assert_eq!(max_teams(&three, Some(AgeBand::Adults)), 3);
    assert_eq!(max_teams(&three, None), 3);
    let many = singles(9);
    assert_eq!(max_teams(&many, None), MAX_TEAMS);
    // With as many teams as allowed, every team gets a question.
    for band in [Some(AgeBand::Kindergarten), Some(AgeBand::Adults), None] {
        assert!(questions_per_team(&three, band, max_teams(&three, band)) >= 1);
    }
}

#[test]
fn each_team_counts_its_own_questions() {
    let set = singles(4);
    let mut shuffler = Shuffler::new(2);
    let mut round = Round::deal(&set, &[0, 1, 2, 3], 2, &mut shuffler);
    let mut seen = Vec::new();
    while let Some(progress) = round.team_progress() {
        seen.push((round.current().map(|t| t.team), progress));
        round.answer(&set, &Answer::Choice(1));
    }
    assert_eq!(
        seen,
        [
            (Some(0), (1, 2)),
            (Some(1), (1, 2)),
            (Some(0), (2, 2)),
            (Some(1), (2, 2))
        ]
    );
}

mod carry_on {
    use super::*;
    use river_guardians::quiz::saved::{fingerprint, LeftOn, SavedRound};
    use river_guardians::quiz::teams::Animal;

    /// Two teams, one question answered, left on its feedback.
    fn left_after_one_answer(set: &QuizSet) -> SavedRound {
        let mut round = Round::deal(set, &[0, 1, 2, 3], 2, &mut Shuffler::new(3));
        let answer = Answer::Order(vec![0, 1, 2]);
        round.answer(set, &answer);
        SavedRound {
            set: set.id.clone(),
            age: Some(AgeBand::Grades4To6),
            teams: vec![Animal::Egret, Animal::Crab],
            fingerprint: fingerprint(set, &round).unwrap(),
            round,
            timed: false,
            started_at: 1_700_000_000_000.0,
            left_on: LeftOn::Feedback(Some(answer)),
        }
    }

    #[test]
    fn a_kept_round_reads_back_as_it_was_on_the_same_page() {
        let set = every_kind();
        let kept = left_after_one_answer(&set);
        let json = kept.to_json().unwrap();
        assert_eq!(
            SavedRound::read(&json, &set, Some(AgeBand::Grades4To6)),
            Some(kept)
        );
    }

    #[test]
    fn a_kept_round_is_not_offered_for_another_set_age_or_edited_questions() {
        let set = every_kind();
        let json = left_after_one_answer(&set).to_json().unwrap();
        assert_eq!(SavedRound::read(&json, &set, Some(AgeBand::Adults)), None);
        assert_eq!(SavedRound::read(&json, &set, None), None);
        let mut other = every_kind();
        other.id = "other".into();
        assert_eq!(
            SavedRound::read(&json, &other, Some(AgeBand::Grades4To6)),
            None
        );
        // An organizer edited a question of the round (its options, its answer): the kept
        // marks and option orders would be wrong for it.
        let mut edited = every_kind();
        edited.questions[2].prompt = text("reworded");
        assert_eq!(
            SavedRound::read(&json, &edited, Some(AgeBand::Grades4To6)),
            None
        );
        // … or removed questions, so the kept indexes point past the end.
        let mut shorter = every_kind();
        shorter.questions.truncate(2);
        assert_eq!(
            SavedRound::read(&json, &shorter, Some(AgeBand::Grades4To6)),
            None
        );
        // Not JSON, or another shape, is nothing kept.
        assert_eq!(
            SavedRound::read("{not json", &set, Some(AgeBand::Grades4To6)),
            None
        );
        assert_eq!(
            SavedRound::read("[]", &set, Some(AgeBand::Grades4To6)),
            None
        );
    }

    #[test]
    fn the_offer_names_the_turn_left_not_the_next_one() {
        let set = every_kind();
        let mut kept = left_after_one_answer(&set);
        // On the first team's first feedback: team 0, its question 1 of 2.
        assert_eq!(kept.left_turn(), Some((0, 1, 2)));
        // Moved on to the second team's first question.
        kept.left_on = LeftOn::Question;
        assert_eq!(kept.left_turn(), Some((1, 1, 2)));
    }

    #[test]
    fn a_kept_round_whose_option_orders_do_not_fit_its_questions_is_refused() {
        let set = every_kind();
        let age = Some(AgeBand::Grades4To6);
        let good = left_after_one_answer(&set);
        let with_order = |order: Vec<usize>| {
            let mut kept = good.clone();
            let turn = kept
                .round
                .turns
                .iter_mut()
                .find(|t| !t.order.is_empty())
                .unwrap();
            turn.order = order;
            kept.to_json().unwrap()
        };
        let n = good
            .round
            .turns
            .iter()
            .find(|t| !t.order.is_empty())
            .unwrap()
            .order
            .len();
        assert_eq!(SavedRound::read(&with_order(vec![99; n]), &set, age), None);
        assert_eq!(SavedRound::read(&with_order(vec![0; n]), &set, age), None);
        assert_eq!(
            SavedRound::read(&with_order((0..n - 1).collect()), &set, age),
            None
        );
        assert!(SavedRound::read(&with_order((0..n).rev().collect()), &set, age).is_some());
    }

    #[test]
    fn a_finished_round_is_only_offered_on_its_last_feedback() {
        let set = every_kind();
        let mut kept = left_after_one_answer(&set);
        while !kept.round.is_over() {
            kept.round.answer(&set, &Answer::TimedOut);
        }
        let age = Some(AgeBand::Grades4To6);
        // The last answer's feedback, before "See results": carry on to the results.
        assert!(SavedRound::read(&kept.to_json().unwrap(), &set, age).is_some());
        // Waiting for a question that does not exist: nothing to carry on with.
        kept.left_on = LeftOn::Question;
        assert_eq!(SavedRound::read(&kept.to_json().unwrap(), &set, age), None);
        // Feedback before any answer, or a team count that does not match the round, is not
        // a round this app kept.
        let mut unanswered = left_after_one_answer(&set);
        unanswered.round.marks.clear();
        assert_eq!(
            SavedRound::read(&unanswered.to_json().unwrap(), &set, age),
            None
        );
        let mut teams = left_after_one_answer(&set);
        teams.teams.pop();
        assert_eq!(SavedRound::read(&teams.to_json().unwrap(), &set, age), None);
    }
}
