//! The phases of a case move: a worker records each move with its date, who decided it
//! and why, and the participant reads the history. A move dated ahead is announced until
//! its day; closing is always announced first, because support goes on after release
//! unless there is a reason to end it.

use super::phase_storage as storage;
use super::{NewPhase, Phase, PhaseChange};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use crate::text::cleaned;

/// How long ahead a closing is announced to the participant.
pub const CLOSING_NOTICE_DAYS: i64 = 14;

/// `YYYY-MM-DD` of the day `days` from now, where Brug's people live.
pub fn date_in(state: &AppState, days: i64) -> String {
    crate::local_time::local_date(state.clock.now() + days * 86_400)
}

/// Records a move of the case to another phase. Only a worker of the case does this; a
/// closing must be dated at least [`CLOSING_NOTICE_DAYS`] ahead, so the participant hears
/// of it first (`closing_needs_notice`).
pub async fn change_phase(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    new: NewPhase,
) -> Result<PhaseChange, AppError> {
    if new.reason.trim().is_empty() {
        return Err(AppError::new(ErrorCode::ReasonRequired));
    }
    let reason = cleaned(&new.reason, true, 1000)?;
    let decided_by = cleaned(&new.decided_by, true, 120)?;
    if new.phase == Phase::Closed && new.effective_on.as_str() < date_in(state, CLOSING_NOTICE_DAYS).as_str() {
        return Err(AppError::new(ErrorCode::ClosingNeedsNotice));
    }
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let id = storage::insert_phase_change(
        &mut tx,
        &case,
        storage::NewPhaseChange {
            phase: new.phase,
            effective_on: new.effective_on.as_str(),
            decided_by: &decided_by,
            reason: &reason,
            changed_by: viewer.user_id,
            changed_at: state.clock.now(),
        },
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::PhaseChanged,
            case_id: Some(case_id),
            object: Some(("phase_change", id)),
        },
    )
    .await?;
    let today = date_in(state, 0);
    let change = storage::phase_history(&mut tx, &case, &today)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(AppError::new(ErrorCode::Internal))?;
    let told = access::people_to_tell(&mut tx, case_id, Category::Trajectory).await?;
    tx.commit().await?;
    crate::push::service::notify(state, &told);
    Ok(change)
}
