//! Secrets Brug has to keep readable for itself but never in plain text in the database:
//! the staff's authenticator secrets and the Web Push signing key. They are sealed with
//! AES-256-GCM under a key from the environment (`BRUG_SECRET_KEY`), so a copy of the
//! database alone gives nothing away. Each sealed value is bound to what it belongs to
//! (its "context", such as `totp:42`): moved to another row, it no longer opens.
//!
//! The same secret, through a key of its own, seals the most sensitive text at rest
//! ([`text`]). A rotated secret keeps the previous ones for opening until [`reseal`] has
//! moved everything to the new one.

pub mod reseal;
pub mod text;

use crate::error::{AppError, ErrorCode};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The version tag in front of every sealed value: a later key rotation can tell keys
/// apart by it.
const VERSION: &str = "v1.";
const NONCE_LEN: usize = 12;

/// The 32 bytes of a `BRUG_SECRET_KEY`.
pub type SecretBytes = [u8; 32];

/// A secret written as 64 hexadecimal digits or as base64 of 32 bytes.
pub fn parse_secret(text: &str) -> Option<SecretBytes> {
    let text = text.trim();
    let bytes = if text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit()) {
        hex::decode(text).ok()?
    } else {
        STANDARD
            .decode(text)
            .or_else(|_| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')))
            .ok()?
    };
    bytes.try_into().ok()
}

/// The secret used when none is configured outside production. It is public (it is in
/// this source), so it protects nothing: production refuses to start without a key.
pub fn development_secret() -> SecretBytes {
    Sha256::digest(b"brug development key: never for real data").into()
}

/// Seals with the first key and opens with any (the current secret, then the previous
/// ones of a rotation).
#[derive(Clone)]
pub struct SealingKey(Arc<Vec<Aes256Gcm>>);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(…)")
    }
}

impl SealingKey {
    pub fn from_bytes(bytes: SecretBytes) -> SealingKey {
        SealingKey::with_previous(&bytes, &[])
    }

    pub fn with_previous(current: &SecretBytes, previous: &[SecretBytes]) -> SealingKey {
        let keys = std::iter::once(current).chain(previous);
        SealingKey(Arc::new(keys.map(|bytes| Aes256Gcm::new(&(*bytes).into())).collect()))
    }

    /// A key written as 64 hexadecimal digits or as base64 of 32 bytes.
    pub fn parse(text: &str) -> Option<SealingKey> {
        parse_secret(text).map(SealingKey::from_bytes)
    }

    pub fn development() -> SealingKey {
        SealingKey::from_bytes(development_secret())
    }

    pub fn seal(&self, plaintext: &[u8], context: &str) -> String {
        let nonce: [u8; NONCE_LEN] = rand::random();
        let sealed = self.0[0]
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: context.as_bytes(),
                },
            )
            .expect("AES-GCM seals any message shorter than 64 GiB");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The plaintext, when `sealed` was sealed with this key for this context. Anything
    /// else (another key, another row, a changed byte) is an internal error, logged.
    pub fn open(&self, sealed: &str, context: &str) -> Result<Vec<u8>, AppError> {
        self.open_with_age(sealed, context).map(|(opened, _)| opened)
    }

    /// Like `open`, and whether it took a previous key (then the value wants resealing).
    pub fn open_with_age(&self, sealed: &str, context: &str) -> Result<(Vec<u8>, bool), AppError> {
        let refused = || {
            tracing::error!(context, "a sealed secret does not open with BRUG_SECRET_KEY");
            AppError::new(ErrorCode::Internal)
        };
        let bytes = sealed
            .strip_prefix(VERSION)
            .and_then(|b| URL_SAFE_NO_PAD.decode(b).ok())
            .filter(|b| b.len() > NONCE_LEN)
            .ok_or_else(refused)?;
        let (nonce, body) = bytes.split_at(NONCE_LEN);
        let payload = || Payload {
            msg: body,
            aad: context.as_bytes(),
        };
        self.0
            .iter()
            .enumerate()
            .find_map(|(age, key)| Some((key.decrypt(Nonce::from_slice(nonce), payload()).ok()?, age > 0)))
            .ok_or_else(refused)
    }

    /// Whether a stored value is sealed at all (values from before sealing are not).
    pub fn is_sealed(value: &str) -> bool {
        value.starts_with(VERSION)
    }
}

#[cfg(test)]
mod tests {
    use super::SealingKey;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_for_its_own_row() {
        let key = SealingKey::parse(&"ab".repeat(32)).unwrap();
        let sealed = key.seal(b"JBSWY3DPEHPK3PXP", "totp:7");
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_eq!(key.open(&sealed, "totp:7").unwrap(), b"JBSWY3DPEHPK3PXP");
        assert!(key.open(&sealed, "totp:8").is_err());
        assert!(SealingKey::development().open(&sealed, "totp:7").is_err());
        assert_ne!(
            sealed,
            key.seal(b"JBSWY3DPEHPK3PXP", "totp:7"),
            "a fresh nonce every time"
        );
    }

    #[test]
    fn a_rotated_key_still_opens_what_the_previous_one_sealed() {
        let sealed = SealingKey::from_bytes([1; 32]).seal(b"secret", "vapid");
        let rotated = SealingKey::with_previous(&[2; 32], &[[1; 32]]);
        assert_eq!(
            rotated.open_with_age(&sealed, "vapid").unwrap(),
            (b"secret".to_vec(), true)
        );
        let resealed = rotated.seal(b"secret", "vapid");
        assert_eq!(
            rotated.open_with_age(&resealed, "vapid").unwrap(),
            (b"secret".to_vec(), false)
        );
        assert!(SealingKey::from_bytes([2; 32]).open(&sealed, "vapid").is_err());
    }

    #[test]
    fn keys_are_hex_or_base64_of_exactly_32_bytes() {
        assert!(SealingKey::parse(&"0".repeat(64)).is_some());
        assert!(SealingKey::parse("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").is_some());
        assert!(SealingKey::parse("too short").is_none());
        assert!(SealingKey::parse(&"0".repeat(62)).is_none());
    }
}
