//! What evaluating a row leaves: the outcome of each rule, two bits each, and the score.

use super::Outcome;

/// The outcomes of a row's rules, two bits each: no allocation per row for up to
/// [`Outcomes::PACKED`] rules.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Outcomes {
    /// Up to [`Outcomes::PACKED`] outcomes, in the bits of one word.
    Packed {
        /// Two bits per outcome, the first in the lowest bits.
        bits: u64,
        /// How many.
        len: u8,
    },
    /// More outcomes than a word holds, two bits each still (boxed to keep the type two
    /// words long).
    Many(Box<ManyOutcomes>),
    /// None: an unreadable row.
    #[default]
    None,
}

/// Outcomes past what one word holds: two bits each, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManyOutcomes {
    bits: Box<[u64]>,
    len: usize,
}

impl Outcomes {
    /// Outcomes one word holds.
    pub const PACKED: usize = 32;

    /// The `len` outcomes of `outcomes`, in rule order.
    pub fn collect(len: usize, outcomes: impl Iterator<Item = Outcome>) -> Outcomes {
        if len > Self::PACKED {
            let mut bits = vec![0u64; len.div_ceil(Self::PACKED)];
            let mut n = 0;
            for (k, o) in outcomes.enumerate() {
                if let Some(word) = bits.get_mut(k / Self::PACKED) {
                    *word |= o.code() << (2 * (k % Self::PACKED));
                    n = k + 1;
                }
            }
            return Outcomes::Many(Box::new(ManyOutcomes {
                bits: bits.into_boxed_slice(),
                len: n,
            }));
        }
        let mut bits = 0u64;
        let mut len = 0u8;
        for o in outcomes {
            bits |= o.code() << (2 * u32::from(len));
            len += 1;
        }
        Outcomes::Packed { bits, len }
    }

    /// How many outcomes.
    pub fn len(&self) -> usize {
        match self {
            Outcomes::Packed { len, .. } => usize::from(*len),
            Outcomes::Many(all) => all.len,
            Outcomes::None => 0,
        }
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Outcome `k`.
    pub fn get(&self, k: usize) -> Option<Outcome> {
        match self {
            Outcomes::Packed { bits, len } if k < usize::from(*len) => {
                Some(Outcome::from_code((bits >> (2 * k)) & 3))
            }
            Outcomes::Many(all) if k < all.len => all
                .bits
                .get(k / Self::PACKED)
                .map(|w| Outcome::from_code((w >> (2 * (k % Self::PACKED))) & 3)),
            _ => None,
        }
    }

    /// The outcomes in rule order.
    pub fn iter(&self) -> impl Iterator<Item = Outcome> + '_ {
        (0..self.len()).filter_map(|k| self.get(k))
    }
}

/// A row's evaluation, kept small: outcomes and score, not the trees behind them.
#[derive(Clone, Debug, PartialEq)]
pub struct Compact {
    /// Outcomes of the requirements, then of the preferences.
    pub outcomes: Outcomes,
    /// The sum of the preferences' points.
    pub score: f64,
    /// How many of the outcomes are requirements'.
    pub requirements: usize,
}
