//! The quick exit's sign-out preference, and leaving quickly itself.

use super::storage;
use crate::accounts::service::{self as accounts, Viewer};
use crate::accounts::AccountRole;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::error::AppError;
use crate::state::{AppState, RequestContext};

/// Whether leaving quickly also signs this person out: their choice, else on for family
/// members (who most often share a phone) and off for everyone else.
pub async fn quick_exit_signs_out(state: &AppState, viewer: &Viewer) -> Result<bool, AppError> {
    let mut tx = state.read().await?;
    let chosen = storage::quick_exit_choice(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    Ok(match chosen {
        Some(value) => value != 0,
        None => viewer.role == AccountRole::Family,
    })
}

pub async fn set_quick_exit_signs_out(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    signs_out: bool,
) -> Result<(), AppError> {
    let mut tx = state.begin().await?;
    storage::set_quick_exit(&mut tx, viewer.user_id, signs_out).await?;
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::SettingsChanged,
        case_id: None,
        object: None,
    };
    audit::record(&mut tx, ctx, entry).await?;
    tx.commit().await?;
    Ok(())
}

/// The person left quickly: sign them out when their setting says so. Returns whether
/// the session was ended.
pub async fn leave(state: &AppState, ctx: &RequestContext, viewer: &Viewer) -> Result<bool, AppError> {
    if !quick_exit_signs_out(state, viewer).await? {
        return Ok(false);
    }
    accounts::sign_out(state, ctx, viewer).await?;
    Ok(true)
}
