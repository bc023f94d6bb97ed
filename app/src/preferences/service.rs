//! The preferences service: a participant or family member reads and saves their own;
//! a worker of a case reads those its members show their workers, checked and recorded as
//! a look at the case.

use super::{storage, MemberPreferences, Preferences};
use crate::access::{self, CaseAccess};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use crate::text::cleaned;

/// Only the people a case is about (the participant and family) have preferences here,
/// and choose when they are reminded of appointments.
pub(crate) fn check_own(viewer: &Viewer) -> Result<(), AppError> {
    match viewer.role {
        AccountRole::Participant | AccountRole::Family => Ok(()),
        _ => Err(AppError::new(ErrorCode::NotPermitted)),
    }
}

pub async fn own(state: &AppState, viewer: &Viewer) -> Result<Preferences, AppError> {
    check_own(viewer)?;
    let mut tx = state.read().await?;
    let preferences = storage::own(&mut tx, viewer.user_id).await?.unwrap_or_default();
    tx.commit().await?;
    Ok(preferences)
}

pub async fn save_own(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    mut new: Preferences,
) -> Result<Preferences, AppError> {
    check_own(viewer)?;
    new.interpreter_language = cleaned(&new.interpreter_language, false, 60)?;
    new.times_note = cleaned(&new.times_note, false, 500)?;
    new.what_helps = cleaned(&new.what_helps, false, 1000)?;
    new.what_to_avoid = cleaned(&new.what_to_avoid, false, 1000)?;
    new.day_parts
        .sort_by_key(|part| super::DayPart::ALL.iter().position(|p| p == part));
    new.day_parts.dedup();
    let mut tx = state.begin().await?;
    storage::save(&mut tx, viewer.user_id, &new, now()).await?;
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::SettingsChanged,
        case_id: None,
        object: Some(("preferences", viewer.user_id)),
    };
    audit::record(&mut tx, ctx, entry).await?;
    tx.commit().await?;
    Ok(new)
}

/// For a worker of the case, in the caller's transaction: what its participant and family
/// members show their workers. Recorded in the participant's access log as a look at what
/// helps her.
pub async fn shown_to_worker_in(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<Vec<MemberPreferences>, AppError> {
    let case: CaseAccess = access::require_case_worker(tx, viewer, case_id).await?;
    let shown = storage::shown_in_case(tx, &case).await?;
    if !shown.is_empty() {
        let entry = AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::CaseRead,
            case_id: Some(case_id),
            object: Some(("preferences", case_id)),
        };
        audit::record(tx, ctx, entry).await?;
    }
    Ok(shown)
}

/// For a worker planning or moving an appointment, in the caller's transaction: refuses
/// a time outside the parts of the day the participant shows her workers suit her,
/// unless the worker chose to plan it `despite` that.
pub(crate) async fn check_time(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    time: &crate::appointments::LocalDateTime,
    despite: bool,
) -> Result<(), AppError> {
    if despite {
        return Ok(());
    }
    let shown = storage::shown_in_case(tx, case).await?;
    let participants = shown.into_iter().find(|m| m.is_participant).map(|m| m.preferences);
    if participants.is_some_and(|p| p.time_goes_against(time)) {
        return Err(AppError::new(ErrorCode::TimeAgainstPreferences));
    }
    Ok(())
}
