//! FNV-1a: a small stable hash (std's hasher may change between Rust versions), for values that
//! must come out the same on every device and in every build: a worksheet's print order, a
//! checklist's steps.

/// The 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
