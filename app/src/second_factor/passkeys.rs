//! Passkeys (WebAuthn): the staff's other second factor, beside the authenticator app.
//! A worker who set up the app adds passkeys on their settings page and may then give
//! either at sign-in and before sensitive actions. Each ceremony is two requests: the
//! challenge is kept on the server for the session that asked, and taken by the answer,
//! right or wrong, so an answer counts once.

use super::passkey_storage as storage;
use super::service::{begin_attempt, complete, record_about, refuse_with, require_recent, require_staff};
use super::{PasskeySummary, SessionStage};
use crate::accounts::service::Viewer;
use crate::audit::AuditAction;
use crate::db::now;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use webauthn_rs::prelude::{
    CreationChallengeResponse, Passkey, PasskeyAuthentication, PasskeyRegistration, RequestChallengeResponse, Url,
    Uuid, Webauthn, WebauthnBuilder,
};
/// What a browser answers, as the doors read it from JSON.
pub use webauthn_rs::prelude::{PublicKeyCredential, RegisterPublicKeyCredential};

/// How long a challenge waits for its answer.
const CEREMONY_SECS: i64 = 5 * 60;
/// The longest name a passkey may be given ("Work laptop", "Phone").
pub const NAME_MAX_CHARS: usize = 60;
const REGISTER: &str = "register";
const AUTHENTICATE: &str = "authenticate";

/// The relying party for the site the browser is on (`https://brug.example`): a passkey
/// is bound to that domain, so one made for another site never answers here. A site
/// reached by its IP address has no domain and so no passkeys.
fn relying_party(origin: &str) -> Result<Webauthn, AppError> {
    let url = Url::parse(origin).map_err(|_| AppError::new(ErrorCode::PasskeyRefused))?;
    let domain = url
        .domain()
        .ok_or(AppError::new(ErrorCode::PasskeyRefused))?
        .to_string();
    WebauthnBuilder::new(&domain, &url)
        .and_then(|builder| builder.rp_name("Brug").build())
        .map_err(|error| {
            tracing::info!(%error, "no passkeys for this address");
            AppError::new(ErrorCode::PasskeyRefused)
        })
}

/// The handle an authenticator keeps for the person: derived from the account number,
/// never their name.
fn user_handle(user_id: i64) -> Uuid {
    Uuid::from_u64_pair(u64::from_be_bytes(*b"brug-usr"), user_id as u64)
}

fn encode<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(|error| {
        tracing::error!(%error, "a passkey value did not serialise");
        AppError::new(ErrorCode::Internal)
    })
}

fn decode<T: serde::de::DeserializeOwned>(value: &str) -> Result<T, AppError> {
    serde_json::from_str(value).map_err(|error| {
        tracing::error!(%error, "a kept passkey value did not read back");
        AppError::new(ErrorCode::Internal)
    })
}

/// Passkeys are added by staff on a full session, after the app is set up, with the
/// second factor given in the last few minutes.
fn may_manage(viewer: &Viewer, stage: SessionStage) -> Result<(), AppError> {
    require_staff(viewer)?;
    if stage != SessionStage::Full || viewer.second_factor_since.is_none() {
        return Err(AppError::new(ErrorCode::SecondFactorRequired));
    }
    require_recent(viewer)
}

/// The person's passkeys, for their settings page.
pub async fn list(state: &AppState, viewer: &Viewer) -> Result<Vec<PasskeySummary>, AppError> {
    if !viewer.role.is_staff() {
        return Ok(Vec::new());
    }
    let mut tx = state.read().await?;
    let passkeys = storage::summaries(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    Ok(passkeys)
}

/// Whether the person can give a passkey as their second factor.
pub async fn has_passkeys(state: &AppState, viewer: &Viewer) -> Result<bool, AppError> {
    let mut tx = state.read().await?;
    let found = storage::has_passkeys(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    Ok(found)
}

/// The options for the browser to make a new passkey.
pub async fn start_registration(
    state: &AppState,
    viewer: &Viewer,
    stage: SessionStage,
    origin: &str,
) -> Result<CreationChallengeResponse, AppError> {
    may_manage(viewer, stage)?;
    let site = relying_party(origin)?;
    let mut tx = state.begin().await?;
    let existing: Vec<Passkey> = storage::passkeys_of(&mut tx, viewer.user_id)
        .await?
        .iter()
        .map(|stored| decode(&stored.passkey))
        .collect::<Result<_, _>>()?;
    let exclude = existing.iter().map(|p| p.cred_id().clone()).collect();
    let (options, registration) = site
        .start_passkey_registration(
            user_handle(viewer.user_id),
            &viewer.username,
            &viewer.display_name,
            Some(exclude),
        )
        .map_err(|error| {
            tracing::error!(%error, "a passkey registration did not start");
            AppError::new(ErrorCode::Internal)
        })?;
    let now = now();
    let at = (now, now - CEREMONY_SECS);
    storage::keep_ceremony(&mut tx, viewer.session_id, REGISTER, &encode(&registration)?, at).await?;
    tx.commit().await?;
    Ok(options)
}

/// Keeps the passkey the browser made for the challenge of this session.
pub async fn finish_registration(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    stage: SessionStage,
    origin: &str,
    name: &str,
    credential: &RegisterPublicKeyCredential,
) -> Result<i64, AppError> {
    may_manage(viewer, stage)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX_CHARS {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let site = relying_party(origin)?;
    let now = now();
    let mut tx = state.begin().await?;
    let Some(kept) = storage::take_ceremony(&mut tx, viewer.session_id, REGISTER, now - CEREMONY_SECS).await? else {
        tx.commit().await?;
        return Err(AppError::new(ErrorCode::PasskeyRefused));
    };
    let registration: PasskeyRegistration = decode(&kept)?;
    let passkey = match site.finish_passkey_registration(credential, &registration) {
        Ok(passkey) => passkey,
        Err(error) => {
            tracing::info!(%error, "a new passkey was refused");
            tx.commit().await?;
            return Err(AppError::new(ErrorCode::PasskeyRefused));
        }
    };
    let credential_id = URL_SAFE_NO_PAD.encode(passkey.cred_id().as_ref());
    let Some(id) = storage::insert(&mut tx, viewer.user_id, &credential_id, name, &encode(&passkey)?, now).await?
    else {
        tx.commit().await?;
        return Err(AppError::new(ErrorCode::PasskeyRefused));
    };
    record_about(&mut tx, ctx, viewer, AuditAction::PasskeyAdded, ("passkey", id)).await?;
    tx.commit().await?;
    Ok(id)
}

/// The options for the browser to sign with one of the person's passkeys: at sign-in,
/// or before a sensitive action.
pub async fn start_authentication(
    state: &AppState,
    viewer: &Viewer,
    stage: SessionStage,
    origin: &str,
) -> Result<RequestChallengeResponse, AppError> {
    if stage == SessionStage::Enrol || viewer.second_factor_since.is_none() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let site = relying_party(origin)?;
    let mut tx = state.begin().await?;
    let passkeys: Vec<Passkey> = storage::passkeys_of(&mut tx, viewer.user_id)
        .await?
        .iter()
        .map(|stored| decode(&stored.passkey))
        .collect::<Result<_, _>>()?;
    if passkeys.is_empty() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let (options, authentication) = site.start_passkey_authentication(&passkeys).map_err(|error| {
        tracing::error!(%error, "a passkey sign-in did not start");
        AppError::new(ErrorCode::Internal)
    })?;
    let now = now();
    let at = (now, now - CEREMONY_SECS);
    storage::keep_ceremony(&mut tx, viewer.session_id, AUTHENTICATE, &encode(&authentication)?, at).await?;
    tx.commit().await?;
    Ok(options)
}

/// Checks the browser's answer to this session's challenge. Like a code, it finishes a
/// sign-in that waits for the second factor or renews the step-up, and each attempt
/// counts against the same limit as codes.
pub async fn finish_authentication(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    stage: SessionStage,
    origin: &str,
    credential: &PublicKeyCredential,
) -> Result<(), AppError> {
    if stage == SessionStage::Enrol || viewer.second_factor_since.is_none() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let site = relying_party(origin)?;
    let now = now();
    let mut tx = state.begin().await?;
    let attempt = begin_attempt(state, &mut tx, ctx, viewer, now).await?;
    let Some(kept) = storage::take_ceremony(&mut tx, viewer.session_id, AUTHENTICATE, now - CEREMONY_SECS).await?
    else {
        return refuse_with(tx, ctx, viewer, ErrorCode::PasskeyRefused).await;
    };
    let authentication: PasskeyAuthentication = decode(&kept)?;
    let result = match site.finish_passkey_authentication(credential, &authentication) {
        Ok(result) => result,
        Err(error) => {
            tracing::info!(%error, "a passkey answer was refused");
            return refuse_with(tx, ctx, viewer, ErrorCode::PasskeyRefused).await;
        }
    };
    // The passkey as it is kept now: removed since the challenge, it no longer counts;
    // its counter must have moved on since its last use.
    let credential_id = URL_SAFE_NO_PAD.encode(result.cred_id().as_ref());
    let Some(stored) = storage::passkey_by_credential(&mut tx, viewer.user_id, &credential_id).await? else {
        return refuse_with(tx, ctx, viewer, ErrorCode::PasskeyRefused).await;
    };
    let mut passkey: Passkey = decode(&stored.passkey)?;
    passkey.update_credential(&result);
    let counter = i64::from(result.counter());
    if !storage::used(&mut tx, stored.id, &encode(&passkey)?, counter, now).await? {
        tracing::warn!(
            passkey = stored.id,
            "a passkey's counter did not move on: a copied key?"
        );
        return refuse_with(tx, ctx, viewer, ErrorCode::PasskeyRefused).await;
    }
    crate::accounts::throttle::succeeded(&mut tx, &attempt).await?;
    complete(state, &mut tx, ctx, viewer, now, AuditAction::PasskeyUsed).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes one of the person's passkeys (the second factor given recently, as for any
/// change to how one signs in).
pub async fn remove(state: &AppState, ctx: &RequestContext, viewer: &Viewer, passkey_id: i64) -> Result<(), AppError> {
    may_manage(viewer, SessionStage::Full)?;
    let mut tx = state.begin().await?;
    if !storage::remove(&mut tx, viewer.user_id, passkey_id).await? {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    record_about(
        &mut tx,
        ctx,
        viewer,
        AuditAction::PasskeyRemoved,
        ("passkey", passkey_id),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passkeys_are_bound_to_a_domain_never_to_an_address() {
        assert!(relying_party("https://brug.example").is_ok());
        assert!(relying_party("http://localhost:3000").is_ok());
        assert!(relying_party("http://127.0.0.1:3000").is_err());
        assert!(relying_party("not a url").is_err());
    }

    #[test]
    fn the_handle_an_authenticator_keeps_differs_per_account_and_holds_no_name() {
        assert_ne!(user_handle(1), user_handle(2));
        assert_eq!(user_handle(7), user_handle(7));
    }
}
