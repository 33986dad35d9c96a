//! A small deterministic random number generator: SplitMix64.
//!
//! Our own rather than a crate's: the figures must be byte-identical for a
//! seed on every platform and every future build, and a dependency's
//! stream may change between versions. SplitMix64 is ten lines, passes
//! BigCrush, and every draw is integer arithmetic; the normal noise is made
//! from uniforms by additions only (no `ln`, no `cos`, whose last bits
//! differ between C libraries), so no floating-point function of the
//! platform touches a figure.

/// Each respondent draws from its own stream, named by the parts of
/// [`Rng::stream`], so that a figure does not depend on the order in which
/// respondents are simulated.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser: a bijection that mixes every bit into every other.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// The stream named by `parts` (what is simulated, the noise level, the
    /// respondent, the attempt) under `seed`.
    pub fn stream(seed: u64, parts: &[u64]) -> Rng {
        let state = parts.iter().fold(mix(seed), |s, p| {
            mix(s ^ p.wrapping_add(1).wrapping_mul(GOLDEN))
        });
        Rng { state }
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in 0..n (n > 0), by multiply-and-shift: the bias
    /// is at most n / 2^64.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Noise with mean 0 and standard deviation 1, close to normal: the sum
    /// of twelve uniforms minus six (Irwin-Hall). It never exceeds 6 in size,
    /// which a noise model can live with, and needs additions only.
    pub fn noise(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }

    /// The indices 0..n in a uniformly random order (Fisher-Yates).
    pub(crate) fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            order.swap(i, self.below(i + 1));
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_stream_every_time() {
        let a: Vec<u64> = (0..5).map(|_| Rng::stream(7, &[1, 2]).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        // The published first output of SplitMix64 seeded with 0.
        assert_eq!(Rng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn streams_with_different_names_differ() {
        let x = Rng::stream(1, &[0, 0, 1]).next_u64();
        let y = Rng::stream(1, &[0, 1, 0]).next_u64();
        let z = Rng::stream(2, &[0, 0, 1]).next_u64();
        assert!(x != y && y != z && x != z);
    }

    #[test]
    fn noise_has_mean_zero_and_unit_spread() {
        let mut r = Rng::new(3);
        let draws: Vec<f64> = (0..20_000).map(|_| r.noise()).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / draws.len() as f64;
        assert!(mean.abs() < 0.03, "{mean}");
        assert!((var - 1.0).abs() < 0.05, "{var}");
    }

    #[test]
    fn below_stays_in_range_and_reaches_every_value() {
        let mut r = Rng::new(9);
        let mut seen = [0usize; 5];
        for _ in 0..1000 {
            seen[r.below(5)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 150), "{seen:?}");
    }
}
