//! Secrets handed to people: session tokens and short one-time codes.

use rand::Rng;
use sha2::{Digest, Sha256};

/// No 0/O, 1/I/L: a code must be easy to read aloud or copy from paper.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A fresh one-time code such as `K7QM-3RXA` (about 40 bits; guessing is throttled).
pub fn new_one_time_code() -> String {
    let mut rng = rand::thread_rng();
    let chars: String = (0..8)
        .map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// The form in which a code is compared: upper case, without spaces or dashes, with the
/// look-alike letters people type by mistake mapped to what the code can contain.
pub fn normalise_code(raw: &str) -> String {
    raw.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// 128 random bits, hex-encoded: a session id for a browser.
pub fn new_session_token() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// 256 random bits for a phone's bearer token.
pub fn new_device_token() -> String {
    format!("brug_{}", hex::encode(rand::random::<[u8; 32]>()))
}

/// Only this digest is stored, so a copy of the database holds no usable secret.
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_code_is_two_groups_of_four_unambiguous_characters() {
        let code = new_one_time_code();
        assert_eq!(code.len(), 9);
        assert_eq!(&code[4..5], "-");
        assert!(code
            .chars()
            .filter(|c| *c != '-')
            .all(|c| CODE_ALPHABET.contains(&(c as u8))));
    }

    #[test]
    fn a_code_typed_in_lower_case_with_spaces_matches() {
        assert_eq!(normalise_code(" k7qm 3rxa "), normalise_code("K7QM-3RXA"));
    }

    #[test]
    fn session_tokens_carry_128_bits_and_differ() {
        let a = new_session_token();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_session_token());
    }

    proptest! {
        #[test]
        fn every_generated_code_survives_normalisation(_seed in 0u8..50) {
            let code = new_one_time_code();
            prop_assert_eq!(normalise_code(&code), code.replace('-', ""));
        }
    }
}
