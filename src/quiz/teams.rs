//! Team names: animals of the river, so no one types a personal name.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// An animal a team or player picks as its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Animal {
    /// 中华白海豚, the Pearl River estuary's own dolphin.
    Dolphin,
    /// 白鹭.
    Egret,
    /// 熊猫.
    Panda,
    /// 青蛙.
    Frog,
    /// 乌龟.
    Turtle,
    /// 水獭.
    Otter,
    /// 螃蟹.
    Crab,
    /// 金鱼.
    Goldfish,
}

impl Animal {
    /// Every animal, in picker order.
    pub const ALL: [Animal; 8] = [
        Animal::Dolphin,
        Animal::Egret,
        Animal::Panda,
        Animal::Frog,
        Animal::Turtle,
        Animal::Otter,
        Animal::Crab,
        Animal::Goldfish,
    ];

    /// The team's name in a language.
    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Animal::Dolphin => ("白海豚队", "Dolphins"),
            Animal::Egret => ("白鹭队", "Egrets"),
            Animal::Panda => ("熊猫队", "Pandas"),
            Animal::Frog => ("青蛙队", "Frogs"),
            Animal::Turtle => ("乌龟队", "Turtles"),
            Animal::Otter => ("水獭队", "Otters"),
            Animal::Crab => ("螃蟹队", "Crabs"),
            Animal::Goldfish => ("金鱼队", "Goldfish"),
        };
        match lang {
            Lang::ZhCn => zh,
            Lang::En => en,
        }
    }

    /// A short stable code, for the leaderboard on the device.
    pub fn code(self) -> &'static str {
        match self {
            Animal::Dolphin => "dolphin",
            Animal::Egret => "egret",
            Animal::Panda => "panda",
            Animal::Frog => "frog",
            Animal::Turtle => "turtle",
            Animal::Otter => "otter",
            Animal::Crab => "crab",
            Animal::Goldfish => "goldfish",
        }
    }

    /// Reads a code written by [`Animal::code`].
    pub fn from_code(code: &str) -> Option<Animal> {
        Animal::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The team's badge colour (dark enough for white text).
    pub fn colour(self) -> &'static str {
        match self {
            Animal::Dolphin => "#1565c0",
            Animal::Egret => "#455a64",
            Animal::Panda => "#212121",
            Animal::Frog => "#2e7d32",
            Animal::Turtle => "#00695c",
            Animal::Otter => "#6d4c41",
            Animal::Crab => "#c62828",
            Animal::Goldfish => "#bf360c",
        }
    }
}

/// The first `n` animals, as the default names for `n` teams.
pub fn default_teams(n: usize) -> Vec<Animal> {
    Animal::ALL
        .into_iter()
        .take(n.clamp(1, Animal::ALL.len()))
        .collect()
}

/// Gives team `index` the animal `pick`; if another team had it, that team takes the old one,
/// so names always stay different.
pub fn pick_animal(teams: &mut [Animal], index: usize, pick: Animal) {
    let Some(&old) = teams.get(index) else { return };
    if let Some(other) = teams.iter().position(|&a| a == pick) {
        teams[other] = old;
    }
    teams[index] = pick;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picking_a_taken_animal_swaps_names() {
        let mut teams = default_teams(3);
        pick_animal(&mut teams, 0, Animal::Panda);
        assert_eq!(teams, [Animal::Panda, Animal::Egret, Animal::Dolphin]);
        pick_animal(&mut teams, 1, Animal::Crab);
        assert_eq!(teams, [Animal::Panda, Animal::Crab, Animal::Dolphin]);
        pick_animal(&mut teams, 9, Animal::Frog);
        assert_eq!(teams, [Animal::Panda, Animal::Crab, Animal::Dolphin]);
    }

    #[test]
    fn codes_round_trip() {
        for animal in Animal::ALL {
            assert_eq!(Animal::from_code(animal.code()), Some(animal));
            assert_ne!(animal.name(Lang::ZhCn), animal.name(Lang::En));
        }
        assert_eq!(default_teams(0).len(), 1);
    }
}
