//! The one hash behind claim ids and finding fingerprints: 64-bit FNV-1a, which gives the same
//! value on every platform and Rust release (unlike `DefaultHasher`), so ids in saved files
//! and CI baselines stay valid.

/// FNV-1a over the bytes of `key`.
pub fn fnv1a64(key: &str) -> u64 {
    let mut hash = Fnv1a64::new();
    hash.write(key.as_bytes());
    hash.finish()
}

/// FNV-1a fed piece by piece: the hash of a key made of parts without building the key.
#[derive(Clone, Copy, Debug)]
pub struct Fnv1a64(u64);

impl Default for Fnv1a64 {
    fn default() -> Self {
        Fnv1a64::new()
    }
}

impl Fnv1a64 {
    /// The hash of nothing yet.
    pub fn new() -> Self {
        Fnv1a64(0xcbf2_9ce4_8422_2325)
    }

    /// Adds `bytes` to the key.
    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Adds `n` written in decimal digits, as `format!("{n}")` would print it.
    pub fn write_decimal(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.write(&digits[at..]);
    }

    /// The hash of the key so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_vectors() {
        assert_eq!(fnv1a64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_key_fed_in_parts_hashes_as_the_whole_key() {
        for n in [0, 7, 10, 1234, 90_817, usize::MAX] {
            let mut parts = Fnv1a64::new();
            parts.write("doc.txt#".as_bytes());
            parts.write_decimal(n);
            assert_eq!(parts.finish(), fnv1a64(&format!("doc.txt#{n}")), "{n}");
        }
    }
}
