//! A small xorshift generator for the randomised equivalence tests: reproducible from its
//! seed, with no dependency.

/// Returns a function that gives the next pseudo-random number below `n` (`n` > 0).
pub(crate) fn below(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}
