//! The seeded random numbers of the benchmark generators: xorshift64*, small, fast, and the
//! same everywhere.

/// xorshift64*.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    /// True `percent` times in a hundred.
    #[allow(dead_code)] // `gen-mailbox` draws no chances.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}
