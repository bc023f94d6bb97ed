//! Password rules and hashing: Argon2id (m = 19456 KiB, t = 2, p = 1), always hashed off
//! the async runtime. No composition rules; the most common passwords are refused.

use crate::error::{AppError, ErrorCode};
use argon2::password_hash::{rand_core::OsRng, Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
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
        // The demo's password is public: nobody may choose it, so only the demo's own
        // accounts can have it, which production checks for at start.
        let lowered = raw.to_lowercase();
        if common_passwords().contains(lowered.as_str()) || lowered == crate::demo::DEMO_PASSWORD {
            return Err(ErrorCode::PasswordTooCommon);
        }
        Ok(NewPassword(SecretString::from(raw.to_string())))
    }
}

fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params())
}

fn params() -> Params {
    Params::new(19_456, 2, 1, None).expect("constant Argon2 parameters are valid")
}

/// Argon2 needs 19 MiB of working memory per hash. Left to itself it allocates that on
/// every hash, on whichever blocking thread runs it, and the allocator keeps what each
/// thread freed: ten sign-ins at once left the server holding 200 MB. Here at most one
/// hash per core runs at a time, each in one of as many buffers kept for the purpose, so
/// memory stays at a few buffers however many people sign in at once, and a burst of
/// attempts queues instead of taking the machine.
struct Hashing {
    at_once: usize,
    turns: tokio::sync::Semaphore,
    buffers: std::sync::Mutex<Vec<Vec<Block>>>,
}

fn hashing() -> &'static Hashing {
    static HASHING: OnceLock<Hashing> = OnceLock::new();
    HASHING.get_or_init(|| {
        let at_once = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
        Hashing {
            at_once,
            turns: tokio::sync::Semaphore::new(at_once),
            buffers: std::sync::Mutex::new(Vec::new()),
        }
    })
}

/// Runs `work` with a kept Argon2 buffer, off the async runtime, when a turn is free.
async fn with_buffer<T: Send + 'static>(work: impl FnOnce(&mut [Block]) -> T + Send + 'static) -> Result<T, AppError> {
    let hashing = hashing();
    let _turn = hashing
        .turns
        .acquire()
        .await
        .map_err(|_| AppError::new(ErrorCode::Internal))?;
    tokio::task::spawn_blocking(move || {
        let kept = hashing.buffers.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let mut buffer = kept.unwrap_or_else(|| vec![Block::default(); params().block_count()]);
        let result = work(&mut buffer);
        let mut kept = hashing.buffers.lock().unwrap_or_else(|p| p.into_inner());
        if kept.len() < hashing.at_once {
            kept.push(buffer);
        }
        result
    })
    .await
    .map_err(AppError::from)
}

pub async fn hash(password: NewPassword) -> Result<String, AppError> {
    with_buffer(move |buffer| hash_with(password.0.expose_secret(), buffer)).await?
}

/// Hashes outside the async runtime's turns, with memory of its own (demo data).
pub fn hash_blocking(password: &str) -> Result<String, AppError> {
    hash_with(password, &mut vec![Block::default(); params().block_count()])
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) of the password with a
/// fresh salt, computed in `buffer`: the same string `PasswordHasher` makes.
fn hash_with(password: &str, buffer: &mut [Block]) -> Result<String, AppError> {
    let failed = |error: &dyn std::fmt::Display| {
        tracing::error!(%error, "password hashing failed");
        AppError::new(ErrorCode::Internal)
    };
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let raw_salt = salt.as_salt().decode_b64(&mut salt_bytes).map_err(|e| failed(&e))?;
    let mut out = [0u8; 32];
    hasher()
        .hash_password_into_with_memory(password.as_bytes(), raw_salt, &mut out, &mut *buffer)
        .map_err(|e| failed(&e))?;
    let phc = PasswordHash {
        algorithm: argon2::ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params()).map_err(|e| failed(&e))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| failed(&e))?),
    };
    Ok(phc.to_string())
}

/// Whether the password gives the stored PHC string's hash, computed in `buffer` when it
/// is large enough for the stored parameters. The comparison takes constant time.
fn verify_with(password: &str, stored: &str, buffer: &mut [Block]) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        tracing::error!("a stored password hash could not be parsed");
        return false;
    };
    let (Ok(stored_params), Some(salt), Some(expected)) = (Params::try_from(&parsed), parsed.salt, parsed.hash) else {
        return false;
    };
    if parsed.algorithm != argon2::ARGON2ID_IDENT {
        return false;
    }
    let mut salt_bytes = [0u8; 64];
    let Ok(raw_salt) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, stored_params.clone());
    let mut out = vec![0u8; expected.len()];
    let computed = if stored_params.block_count() <= buffer.len() {
        argon.hash_password_into_with_memory(password.as_bytes(), raw_salt, &mut out, &mut *buffer)
    } else {
        argon.hash_password_into(password.as_bytes(), raw_salt, &mut out)
    };
    // Output compares in constant time.
    computed.is_ok() && Output::new(&out).is_ok_and(|got| got == expected)
}

/// Checks a password against a stored hash. Without a stored hash (unknown username) it
/// checks against a dummy hash so that both answers take the same time.
pub async fn verify(password: SecretString, stored: Option<String>) -> Result<bool, AppError> {
    with_buffer(move |buffer| {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| dummy_hash().to_string());
        let matches = verify_with(password.expose_secret(), &stored, buffer);
        known && matches
    })
    .await
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
    async fn passwords_stored_before_the_kept_buffers_still_verify_and_new_ones_read_the_same() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let salt = SaltString::generate(&mut OsRng);
        let earlier = hasher()
            .hash_password(b"een rustige ochtend", &salt)
            .unwrap()
            .to_string();
        let secret = || SecretString::from("een rustige ochtend".to_string());
        assert!(verify(secret(), Some(earlier)).await.unwrap(), "a hash stored earlier");
        let now = hash(NewPassword::parse("een rustige ochtend").unwrap()).await.unwrap();
        let parsed = PasswordHash::new(&now).unwrap();
        assert!(hasher().verify_password(b"een rustige ochtend", &parsed).is_ok());
        assert!(hasher().verify_password(b"een drukke avond", &parsed).is_err());
    }

    #[tokio::test]
    async fn a_burst_of_sign_ins_is_checked_in_turns_and_every_answer_is_right() {
        let stored = hash(NewPassword::parse("een rustige ochtend").unwrap()).await.unwrap();
        let attempts = (0..12).map(|n| {
            let stored = stored.clone();
            let typed = if n % 3 == 0 {
                "een rustige ochtend"
            } else {
                "een drukke avond"
            };
            async move {
                (
                    n,
                    verify(SecretString::from(typed.to_string()), Some(stored))
                        .await
                        .unwrap(),
                )
            }
        });
        let attempts: Vec<_> = attempts.map(tokio::spawn).collect();
        for attempt in attempts {
            let (n, verified) = attempt.await.unwrap();
            assert_eq!(verified, n % 3 == 0, "attempt {n}");
        }
        let kept = hashing().buffers.lock().unwrap().len();
        assert!(kept <= hashing().at_once, "no more buffers than hashes at once: {kept}");
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
