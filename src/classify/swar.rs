//! Tests on eight ASCII bytes at once, in a `u64` ("SIMD within a register").
//!
//! Every function expects all eight bytes below 0x80 (ASCII): then no per-byte sum below
//! carries into the next byte, and each result has the 0x80 bit set in exactly the bytes
//! that pass the test.

/// 0x01 in every byte.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
/// 0x80 in every byte.
const HIGHS: u64 = ONES * 0x80;

/// Bytes equal to `byte`.
pub(crate) fn eq(x: u64, byte: u8) -> u64 {
    // A byte of `x ^ c` is zero exactly when adding 0x7F leaves its high bit clear.
    !((x ^ (ONES * u64::from(byte))) + ONES * 0x7f) & HIGHS
}

/// Bytes below `bound` (at most 0x80).
pub(crate) fn below(x: u64, bound: u8) -> u64 {
    !(x + ONES * (0x80 - u64::from(bound))) & HIGHS
}

/// Bytes in `lo..=hi`.
#[cfg(test)]
pub(crate) fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    !below(x, lo) & below(x, hi + 1) & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_agree_with_bytewise_tests() {
        let mask = |bytes: [u8; 8], test: &dyn Fn(u8) -> bool| {
            u64::from_le_bytes(bytes.map(|b| if test(b) { 0x80 } else { 0 }))
        };
        for seed in 0u64..2000 {
            // Every ASCII byte value appears across the seeds, in every position.
            let bytes: [u8; 8] =
                std::array::from_fn(|i| ((seed * 37 + i as u64 * 11 + seed / 7) % 128) as u8);
            let x = u64::from_le_bytes(bytes);
            assert_eq!(eq(x, b' '), mask(bytes, &|b| b == b' '));
            assert_eq!(eq(x, 0), mask(bytes, &|b| b == 0));
            assert_eq!(below(x, 0x20), mask(bytes, &|b| b < 0x20));
            assert_eq!(below(x, 0x80), mask(bytes, &|_| true));
            assert_eq!(
                in_range(x, b'A', b'Z'),
                mask(bytes, &|b| b.is_ascii_uppercase())
            );
            assert_eq!(
                in_range(x, b'0', b'9'),
                mask(bytes, &|b| b.is_ascii_digit())
            );
        }
    }
}
