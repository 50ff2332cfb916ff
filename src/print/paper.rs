//! Quiz questions laid out for pen and paper, and their answer key. Pure Rust.
//!
//! Options are shuffled so the right answer is not always "A", but with a seed taken from the
//! question's id: the same worksheet prints the same way every time, and its key matches.

use crate::content::{Question, QuestionKind};
use crate::fnv::fnv1a;

/// The order in which a question's `n` steps or right-hand matches are printed: a shuffle seeded
/// by the question id, identical on every device and every print, and for two or more never the
/// order as written (steps printed in order, or matches printed opposite their items, would
/// print the question solved).
pub fn paper_order(question_id: &str, n: usize) -> Vec<usize> {
    let mut order = paper_choice_order(question_id, n);
    if n >= 2 && order.iter().enumerate().all(|(i, &v)| i == v) {
        order.rotate_left(1);
    }
    order
}

/// The order in which a question's `n` options are printed: the same seeded shuffle, which may
/// keep the order as written (a rule against it would print every two-option question's first
/// option second, and the bank's answer is often the first).
pub fn paper_choice_order(question_id: &str, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = fastrand::Rng::with_seed(fnv1a(question_id.bytes()));
    // Fisher–Yates on u32 draws: fastrand's own shuffle draws by `usize`, which differs between
    // the browser's wasm32 and the native tests, so the tests would check another order.
    for i in (1..n).rev() {
        let j = rng.u32(..=i as u32) as usize;
        order.swap(i, j);
    }
    order
}

/// The label of the `i`-th printed choice: A, B, C…
pub fn letter(i: usize) -> char {
    char::from(b'A' + (i % 26) as u8)
}

/// The answer as the answer key prints it, in terms of the printed labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAnswer {
    /// The letters to tick (one for a single-choice question).
    Letters(Vec<char>),
    /// Whether the statement is true.
    TrueFalse(bool),
    /// For each printed step (A, B, C… in print order), the number the pupil should write.
    Positions(Vec<(char, usize)>),
    /// Each left item (numbered from 1 in content order) with the letter of its match.
    Pairs(Vec<(usize, char)>),
}

/// The answer to `question` as printed with [`paper_choice_order`] and [`paper_order`].
pub fn key_answer(question: &Question) -> KeyAnswer {
    let order = |n| paper_order(&question.id, n);
    let choice_order = |n| paper_choice_order(&question.id, n);
    // The printed label of content item `item`, when items are printed in `order`.
    let label = |order: &[usize], item: usize| {
        letter(order.iter().position(|&i| i == item).unwrap_or(item))
    };
    match &question.kind {
        QuestionKind::Single { options, answer } => {
            KeyAnswer::Letters(vec![label(&choice_order(options.len()), *answer)])
        }
        QuestionKind::Multiple {
            options, answers, ..
        } => {
            let order = choice_order(options.len());
            let mut letters: Vec<char> = answers.iter().map(|&a| label(&order, a)).collect();
            letters.sort_unstable();
            KeyAnswer::Letters(letters)
        }
        QuestionKind::TrueFalse { answer } => KeyAnswer::TrueFalse(*answer),
        QuestionKind::Ordering { steps } => KeyAnswer::Positions(
            order(steps.len())
                .into_iter()
                .enumerate()
                .map(|(printed, step)| (letter(printed), step + 1))
                .collect(),
        ),
        QuestionKind::Matching { pairs } => {
            let order = order(pairs.len());
            KeyAnswer::Pairs(
                (0..pairs.len())
                    .map(|i| (i + 1, label(&order, i)))
                    .collect(),
            )
        }
    }
}

impl KeyAnswer {
    /// The answer in a line of text, e.g. `B, D`, `A 2 · B 3 · C 1` or `1–C · 2–A`; `yes` and
    /// `no` are the words for true and false in the page's language.
    pub fn describe(&self, yes: &str, no: &str) -> String {
        match self {
            KeyAnswer::Letters(letters) => letters
                .iter()
                .map(char::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            KeyAnswer::TrueFalse(answer) => (if *answer { yes } else { no }).to_owned(),
            KeyAnswer::Positions(positions) => positions
                .iter()
                .map(|(letter, n)| format!("{letter} {n}"))
                .collect::<Vec<_>>()
                .join(" · "),
            KeyAnswer::Pairs(pairs) => pairs
                .iter()
                .map(|(n, letter)| format!("{n}–{letter}"))
                .collect::<Vec<_>>()
                .join(" · "),
        }
    }
}
