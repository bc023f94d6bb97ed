//! Password rules and hashing: Argon2id (m = 19456 KiB, t = 2, p = 1), always hashed off
//! the async runtime. No composition rules; the most common passwords are refused.

use crate::error::{AppError, ErrorCode};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use secrecy::{ExposeSecret, SecretString};
use std::collections::HashSet;
use std::sync::OnceLock;

pub const MIN_LENGTH: usize = 8;
pub const MAX_LENGTH: usize = 128;

/// The ten thousand most used passwords (from zxcvbn's list, MIT), keeping those of
/// eight characters or more: shorter ones are refused by length anyway.
static COMMON_PASSWORDS: &str = include_str!("data/common-passwords.txt");

fn common_passwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_PASSWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// A password that passed the rules and may be hashed and stored.
pub struct NewPassword(SecretString);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<NewPassword, ErrorCode> {
        let length = raw.chars().count();
        if length < MIN_LENGTH {
            return Err(ErrorCode::PasswordTooShort);
        }
        if length > MAX_LENGTH {
            return Err(ErrorCode::PasswordTooLong);
        }
        if common_passwords().contains(raw.to_lowercase().as_str()) {
            return Err(ErrorCode::PasswordTooCommon);
        }
        Ok(NewPassword(SecretString::from(raw.to_string())))
    }
}

fn hasher() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).expect("constant Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub async fn hash(password: NewPassword) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || hash_blocking(password.0.expose_secret())).await?
}

pub fn hash_blocking(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|error| {
            tracing::error!(%error, "password hashing failed");
            AppError::new(ErrorCode::Internal)
        })
}

/// Checks a password against a stored hash. Without a stored hash (unknown username) it
/// checks against a dummy hash so that both answers take the same time.
pub async fn verify(password: SecretString, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| dummy_hash().to_string());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            tracing::error!("a stored password hash could not be parsed");
            return false;
        };
        let matches = hasher()
            .verify_password(password.expose_secret().as_bytes(), &parsed)
            .is_ok();
        known && matches
    })
    .await
    .map_err(AppError::from)
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_blocking("a password that no account has").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn seven_characters_are_too_short_and_eight_are_enough() {
        assert_eq!(NewPassword::parse("abcdefg").err(), Some(ErrorCode::PasswordTooShort));
        assert!(NewPassword::parse("kaas-en-brood").is_ok());
    }

    #[test]
    fn a_sixty_four_character_password_is_accepted() {
        assert!(NewPassword::parse(&"lange zin met spaties ".repeat(3)[..64]).is_ok());
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert_eq!(NewPassword::parse("password").err(), Some(ErrorCode::PasswordTooCommon));
        assert_eq!(
            NewPassword::parse("Password1").err(),
            Some(ErrorCode::PasswordTooCommon)
        );
        assert_eq!(NewPassword::parse("12345678").err(), Some(ErrorCode::PasswordTooCommon));
    }

    #[test]
    fn no_composition_rules_apply() {
        assert!(NewPassword::parse("alleen kleine letters hier").is_ok());
    }

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let stored = hash(NewPassword::parse("een rustige ochtend").unwrap()).await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify(SecretString::from("een rustige ochtend"), Some(stored.clone()))
            .await
            .unwrap());
        assert!(!verify(SecretString::from("een rustige avond"), Some(stored))
            .await
            .unwrap());
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        assert!(!verify(SecretString::from("a password that no account has"), None)
            .await
            .unwrap());
    }

    proptest! {
        #[test]
        fn length_rules_hold_for_any_text(raw in "\\PC{0,140}") {
            let length = raw.chars().count();
            match NewPassword::parse(&raw) {
                Ok(_) => prop_assert!((MIN_LENGTH..=MAX_LENGTH).contains(&length)),
                Err(ErrorCode::PasswordTooShort) => prop_assert!(length < MIN_LENGTH),
                Err(ErrorCode::PasswordTooLong) => prop_assert!(length > MAX_LENGTH),
                Err(other) => prop_assert_eq!(other, ErrorCode::PasswordTooCommon),
            }
        }
    }
}
