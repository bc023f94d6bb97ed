//! The staff's second factor: a code from an authenticator app (TOTP) or a recovery code,
//! asked after the password and again before sensitive actions ("step-up"). Workers and
//! coordinators open case files; a password alone, or a reset code someone else issued,
//! must not be enough to sign in as them.

mod pages;

pub use pages::{PasskeyScript, RecoveryCodesPage, SecondFactorPage};

#[cfg(feature = "ssr")]
mod passkey_storage;
/// A person's passkeys as their settings page lists them, for the copy of their data.
#[cfg(feature = "ssr")]
pub(crate) use passkey_storage::summaries as passkey_summaries;
#[cfg(feature = "ssr")]
pub mod passkeys;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;
#[cfg(feature = "ssr")]
pub mod totp;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The cookie that carries fresh recovery codes to their page, once (like one-time
/// codes, they never travel in a URL).
pub const RECOVERY_CODES_COOKIE: &str = "brug_recovery";

/// Whether `next` is a path on this site, safe to send someone on to after the second
/// factor: it starts with one `/`, and holds no backslash or control character (browsers
/// drop tabs and line breaks from an address, so `/<tab>/elsewhere` would leave the site).
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/') && !next[1..].starts_with('/') && !next.chars().any(|c| c.is_control() || c == '\\')
}

/// What a session still needs before it lets its holder in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionStage {
    /// Nothing: the session is signed in.
    Full,
    /// The code from the authenticator app (or a recovery code).
    SecondFactor,
    /// Setting up an authenticator app first: staff without one, where one is required.
    Enrol,
}

impl SessionStage {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStage::Full => "full",
            SessionStage::SecondFactor => "second_factor",
            SessionStage::Enrol => "enrol",
        }
    }

    pub fn parse(value: &str) -> Option<SessionStage> {
        [SessionStage::Full, SessionStage::SecondFactor, SessionStage::Enrol]
            .into_iter()
            .find(|stage| stage.as_str() == value)
    }

    /// Where a session starts after a right password: staff with a second factor give
    /// it; staff without one set one up where that is required; everyone else is in.
    pub fn at_sign_in(
        role: Option<crate::accounts::AccountRole>,
        second_factor_since: Option<i64>,
        required: bool,
    ) -> SessionStage {
        let staff = role.is_some_and(|r| r.is_staff());
        match (staff, second_factor_since.is_some(), required) {
            (true, true, _) => SessionStage::SecondFactor,
            (true, false, true) => SessionStage::Enrol,
            _ => SessionStage::Full,
        }
    }
}

/// What a person needs to set up their authenticator app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The secret as people type it: base32 in groups of four.
    pub key: String,
    /// The `otpauth://` address, for the QR code.
    pub uri: String,
    /// The QR code as SVG markup, made on the server.
    pub qr_svg: String,
}

/// One of a person's passkeys, as their settings page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeySummary {
    pub id: i64,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// What the second-factor page asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecondFactorStep {
    /// The code; `step_up` when the person is signed in and asked again; `passkey` when
    /// they may give one of their passkeys instead.
    Verify { step_up: bool, passkey: bool },
    /// A new authenticator app.
    Enrol(Enrolment),
}

#[server(prefix = "/s", endpoint = "second_factor")]
pub async fn load_second_factor() -> Result<SecondFactorStep, AppError> {
    let (state, _ctx) = crate::web::request_parts()?;
    let (viewer, stage) = crate::web::viewer_at_any_stage(&state).await?;
    service::next_step(&state, &viewer, stage).await
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_a_path_on_this_site_is_a_place_to_go_on_to() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/cases/3?tab=plans"));
        for elsewhere in [
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "https://evil.example",
            "",
        ] {
            assert!(!is_local_path(elsewhere), "{elsewhere:?}");
        }
    }
}
