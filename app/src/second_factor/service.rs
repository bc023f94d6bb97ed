//! The second-factor service: setting up an authenticator app, giving its code at
//! sign-in and before sensitive actions, and the two-coordinator reset of a lost one.

use super::storage;
use super::totp;
use super::{Enrolment, SecondFactorStep, SessionStage};
use crate::accounts::codes::{digest, new_one_time_code, normalise_code};
use crate::accounts::service::Viewer;
use crate::accounts::throttle::Limit;
use crate::accounts::AccountRole;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};

/// How long a given second factor covers the sensitive actions (issuing codes, changing
/// shares and restrictions, closing accounts) before they ask for it again.
pub const STEP_UP_SECS: i64 = 5 * 60;
const RECOVERY_CODES: usize = 10;
/// A reset one coordinator asked for waits this long for a second one.
const RESET_WINDOW_SECS: i64 = 24 * 60 * 60;

/// The step-up guard: the person's second factor, if they have one, was given on this
/// session in the last few minutes. People without one (participants and family, and
/// staff where a second factor is not required) pass.
pub fn require_recent(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.second_factor_since.is_none() {
        return Ok(());
    }
    match viewer.second_factor_at {
        Some(at) if now() - at <= STEP_UP_SECS => Ok(()),
        _ => Err(AppError::new(ErrorCode::StepUpRequired)),
    }
}

fn sealing_context(user_id: i64) -> String {
    format!("totp:{user_id}")
}

pub(super) fn require_staff(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.role.is_staff() {
        Ok(())
    } else {
        Err(AppError::new(ErrorCode::NotPermitted))
    }
}

/// What the second-factor page shows this session.
pub async fn next_step(state: &AppState, viewer: &Viewer, stage: SessionStage) -> Result<SecondFactorStep, AppError> {
    let verify = |step_up| async move {
        let passkey = super::passkeys::has_passkeys(state, viewer).await?;
        Ok(SecondFactorStep::Verify { step_up, passkey })
    };
    match (stage, viewer.second_factor_since) {
        (SessionStage::SecondFactor, _) => verify(false).await,
        (SessionStage::Full, Some(_)) => verify(true).await,
        _ => enrolment(state, viewer, stage).await.map(SecondFactorStep::Enrol),
    }
}

/// A secret for the person's authenticator app: the one waiting for confirmation, or a
/// new one.
pub async fn enrolment(state: &AppState, viewer: &Viewer, stage: SessionStage) -> Result<Enrolment, AppError> {
    require_staff(viewer)?;
    if stage == SessionStage::SecondFactor {
        return Err(AppError::new(ErrorCode::SecondFactorRequired));
    }
    // Showing the page again reads the waiting secret; only the first visit writes one.
    let mut tx = state.read().await?;
    let waiting = storage::factor(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    let factor = match waiting {
        Some(factor) => factor,
        None => {
            let sealed = state
                .sealing
                .seal(&totp::new_secret(), &sealing_context(viewer.user_id));
            let mut tx = state.begin().await?;
            storage::insert_unconfirmed(&mut tx, viewer.user_id, &sealed, now()).await?;
            let factor = storage::factor(&mut tx, viewer.user_id)
                .await?
                .ok_or(AppError::new(ErrorCode::Internal))?;
            tx.commit().await?;
            factor
        }
    };
    if factor.confirmed_at.is_some() {
        return Err(AppError::new(ErrorCode::SecondFactorExists));
    }
    let secret = state
        .sealing
        .open(&factor.sealed_secret, &sealing_context(viewer.user_id))?;
    let uri = totp::setup_uri(&secret, &viewer.username)?;
    Ok(Enrolment {
        key: totp::typed_key(&secret),
        qr_svg: totp::qr_svg(&uri)?,
        uri,
    })
}

/// The first right code from the new app turns the second factor on, ends the wait of
/// this session, and returns the recovery codes, shown once.
pub async fn confirm_enrolment(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    stage: SessionStage,
    code: &str,
) -> Result<Vec<String>, AppError> {
    require_staff(viewer)?;
    if stage == SessionStage::SecondFactor {
        return Err(AppError::new(ErrorCode::SecondFactorRequired));
    }
    let now = now();
    let mut tx = state.begin().await?;
    let attempt = begin_attempt(state, &mut tx, ctx, viewer, now).await?;
    let factor = storage::factor(&mut tx, viewer.user_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    if factor.confirmed_at.is_some() {
        return Err(AppError::new(ErrorCode::SecondFactorExists));
    }
    let secret = state
        .sealing
        .open(&factor.sealed_secret, &sealing_context(viewer.user_id))?;
    let Some(step) = totp::matching_step(&secret, &viewer.username, code.trim(), now)? else {
        return refuse(tx, ctx, viewer).await;
    };
    storage::confirm(&mut tx, viewer.user_id, step, now).await?;
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_one_time_code()).collect();
    let hashes: Vec<String> = codes.iter().map(|c| digest(&normalise_code(c))).collect();
    storage::replace_recovery_codes(&mut tx, viewer.user_id, &hashes, now).await?;
    crate::accounts::throttle::succeeded(&mut tx, &attempt).await?;
    complete(state, &mut tx, ctx, viewer, now, AuditAction::SecondFactorEnrolled).await?;
    tx.commit().await?;
    Ok(codes)
}

/// Checks a code from the app (once per time step) or an unused recovery code. On a
/// session that waits for it, this finishes signing in; on a signed-in one it renews the
/// step-up.
pub async fn verify(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    stage: SessionStage,
    code: &str,
) -> Result<(), AppError> {
    if stage == SessionStage::Enrol || viewer.second_factor_since.is_none() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let now = now();
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let mut tx = state.begin().await?;
    let attempt = begin_attempt(state, &mut tx, ctx, viewer, now).await?;
    let action = if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        let factor = storage::factor(&mut tx, viewer.user_id)
            .await?
            .ok_or(AppError::new(ErrorCode::Internal))?;
        let secret = state
            .sealing
            .open(&factor.sealed_secret, &sealing_context(viewer.user_id))?;
        match totp::matching_step(&secret, &viewer.username, &code, now)? {
            Some(step) if storage::use_step(&mut tx, viewer.user_id, step).await? => AuditAction::SecondFactorGiven,
            _ => return refuse(tx, ctx, viewer).await,
        }
    } else if storage::use_recovery_code(&mut tx, viewer.user_id, &digest(&normalise_code(&code)), now).await? {
        AuditAction::RecoveryCodeUsed
    } else {
        return refuse(tx, ctx, viewer).await;
    };
    crate::accounts::throttle::succeeded(&mut tx, &attempt).await?;
    complete(state, &mut tx, ctx, viewer, now, action).await?;
    tx.commit().await?;
    Ok(())
}

/// Counts the attempt before its code is checked, like a password (a burst is held to
/// the same limit as attempts one after another), per person and per address.
pub(super) async fn begin_attempt(
    state: &AppState,
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    now: i64,
) -> Result<Vec<i64>, AppError> {
    let person = format!("second_factor:{}", viewer.user_id);
    let address = format!("address:{}", ctx.address);
    let limits = [Limit::per(&person), Limit::per(&address)];
    crate::accounts::throttle::begin_attempt(tx, state.backend, &limits, now).await
}

/// A wrong code: recorded, and still counted against the limit.
async fn refuse<T>(tx: Tx<'_>, ctx: &RequestContext, viewer: &Viewer) -> Result<T, AppError> {
    refuse_with(tx, ctx, viewer, ErrorCode::InvalidCode).await
}

/// A wrong second factor of any kind: recorded, and still counted against the limit.
pub(super) async fn refuse_with<T>(
    mut tx: Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    code: ErrorCode,
) -> Result<T, AppError> {
    record(&mut tx, ctx, viewer, AuditAction::SecondFactorFailed).await?;
    tx.commit().await?;
    Err(AppError::new(code))
}

pub(super) async fn complete(
    state: &AppState,
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    now: i64,
    action: AuditAction,
) -> Result<(), AppError> {
    storage::complete_session(
        tx,
        viewer.session_id,
        now,
        now + state.sessions.absolute_secs,
        now + state.sessions.device_token_secs,
    )
    .await?;
    record(tx, ctx, viewer, action).await
}

async fn record(tx: &mut Tx<'_>, ctx: &RequestContext, viewer: &Viewer, action: AuditAction) -> Result<(), AppError> {
    record_about(tx, ctx, viewer, action, ("session", viewer.session_id)).await
}

/// Records what the person did to their own sign-in (no case), and what it was about.
pub(super) async fn record_about(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    action: AuditAction,
    object: (&'static str, i64),
) -> Result<(), AppError> {
    audit::record(
        tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action,
            case_id: None,
            object: Some(object),
        },
    )
    .await?;
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetOutcome {
    /// Asked; another coordinator has to confirm it.
    AwaitingSecondCoordinator,
    /// Confirmed: the second factor is gone and the person sets up a new one.
    Reset,
}

/// A lost second factor is reset only when two coordinators agree: the first call asks,
/// a call by another coordinator within a day confirms. A password reset never removes
/// a second factor; this is the only way.
pub async fn reset(
    state: &AppState,
    ctx: &RequestContext,
    coordinator: &Viewer,
    target_id: i64,
) -> Result<ResetOutcome, AppError> {
    if coordinator.role != AccountRole::Coordinator {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    require_recent(coordinator)?;
    if target_id == coordinator.user_id {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let now = now();
    let mut tx = state.begin().await?;
    let has_factor = storage::factor(&mut tx, target_id).await?.is_some();
    if !has_factor {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let entry = |action| AuditEntry {
        actor: Some(coordinator.user_id),
        action,
        case_id: None,
        object: Some(("user", target_id)),
    };
    let outcome = match storage::open_reset(&mut tx, target_id, now - RESET_WINDOW_SECS).await? {
        Some(open) if open.requested_by == coordinator.user_id => {
            return Err(AppError::new(ErrorCode::SecondCoordinatorNeeded));
        }
        Some(open) => {
            storage::confirm_reset(&mut tx, open.id, coordinator.user_id, now).await?;
            storage::remove_factor(&mut tx, target_id).await?;
            super::passkey_storage::remove_all(&mut tx, target_id).await?;
            crate::accounts::storage::end_all_sessions(&mut tx, target_id, now).await?;
            audit::record(&mut tx, ctx, entry(AuditAction::SecondFactorReset)).await?;
            ResetOutcome::Reset
        }
        None => {
            storage::request_reset(&mut tx, target_id, coordinator.user_id, now).await?;
            audit::record(&mut tx, ctx, entry(AuditAction::SecondFactorResetRequested)).await?;
            ResetOutcome::AwaitingSecondCoordinator
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Seals again, with the current `BRUG_SECRET_KEY`, every authenticator secret still
/// sealed with a previous one. Returns how many it moved.
pub async fn reseal_secrets(unit: &crate::db::Scope, sealing: &crate::sealing::SealingKey) -> Result<u64, AppError> {
    let mut tx = unit.write().await?;
    let mut moved = 0;
    for (user_id, sealed) in storage::all_secrets(&mut tx).await? {
        let (secret, previous_key) = sealing.open_with_age(&sealed, &sealing_context(user_id))?;
        if previous_key {
            storage::replace_secret(
                &mut tx,
                user_id,
                &sealed,
                &sealing.seal(&secret, &sealing_context(user_id)),
            )
            .await?;
            moved += 1;
        }
    }
    tx.commit().await?;
    Ok(moved)
}
