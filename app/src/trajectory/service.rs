//! The trajectory service: read a case's path (checked and recorded by the access
//! module), and let the case's workers add milestones and change them with a reason.

use super::storage::{self, NewChange};
use super::{Milestone, MilestoneUpdate, NewMilestone, Phase, Trajectory};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};

pub async fn trajectory(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<Trajectory, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Trajectory).await?;
    let today = super::phases::date_in(state, 0);
    let (participant_name, phase) = super::case_header(&mut tx, &case, &today)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let phase_history = super::phase_storage::phase_history(&mut tx, &case, &today).await?;
    let after = page.after.as_ref().map(|cursor| (cursor.key.as_str(), cursor.id));
    let milestones = storage::milestones_page(&mut tx, &case, after, page.one_more()).await?;
    let milestones = super::response_storage::with_responses(&mut tx, &case, milestones).await?;
    tx.commit().await?;
    // Milestones come by expected date, undated last ("~" sorts after every date).
    let (milestones, next_cursor) = page.cut(milestones, |m| {
        Cursor::new(m.expected_date.as_ref().map_or("~", |d| d.as_str()), m.id)
    });
    Ok(Trajectory {
        case_id,
        participant_name,
        phase: Phase::parse(&phase).unwrap_or(Phase::InDetention),
        phase_history,
        milestones,
        next_cursor,
    })
}

/// For the home page, in the caller's transaction: `None` when the viewer may not see the
/// trajectory, else the first milestone still ahead by date ("your next step"), if any.
pub async fn next_step_in(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<Option<Option<Milestone>>, AppError> {
    match access::open_case(tx, ctx, viewer, case_id, Category::Trajectory).await {
        Ok(case) => Ok(Some(storage::first_open(tx, &case).await?)),
        Err(AppError {
            code: ErrorCode::NotShared,
            ..
        }) => Ok(None),
        Err(other) => Err(other),
    }
}

fn check_text(value: &str, required: bool, max: usize) -> Result<(), AppError> {
    let length = value.trim().chars().count();
    if (required && length == 0) || length > max {
        Err(AppError::new(ErrorCode::InvalidInput))
    } else {
        Ok(())
    }
}

pub async fn add_milestone(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    mut new: NewMilestone,
) -> Result<Milestone, AppError> {
    new.lang = new.lang.or(viewer.language);
    check_text(&new.title, true, 120)?;
    check_text(&new.explanation, true, 2000)?;
    check_text(&new.why_it_matters, false, 2000)?;
    check_text(&new.decided_by, true, 120)?;
    check_text(&new.what_is_needed, false, 2000)?;
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let id = storage::create_milestone(&mut tx, &case, &new, now()).await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::MilestoneCreated,
            case_id: Some(case_id),
            object: Some(("milestone", id)),
        },
    )
    .await?;
    let milestone = storage::milestone(&mut tx, &case, id)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    tx.commit().await?;
    Ok(milestone)
}

/// Changes a milestone's status or date. Every such change carries a reason that the
/// participant reads; without one the change is refused with `reason_required`.
pub async fn update_milestone(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    milestone_id: i64,
    update: MilestoneUpdate,
) -> Result<Milestone, AppError> {
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let current = storage::milestone(&mut tx, &case, milestone_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let new_status = update.status.unwrap_or(current.status);
    let new_date = update.expected_date.clone().or(current.expected_date.clone());
    let status_changes = new_status != current.status;
    let date_changes = new_date != current.expected_date;
    if !status_changes && !date_changes {
        tx.commit().await?;
        return Ok(current);
    }
    let reason = update.reason.as_deref().map(str::trim).unwrap_or_default();
    if reason.is_empty() {
        return Err(AppError::new(ErrorCode::ReasonRequired));
    }
    check_text(reason, true, 1000)?;
    let now = now();
    storage::set_status_and_date(&mut tx, &case, milestone_id, new_status, new_date.as_ref(), now).await?;
    if status_changes {
        let change = NewChange {
            milestone_id,
            changed_by: viewer.user_id,
            now,
            field: "status",
            old_value: Some(current.status.as_str()),
            new_value: Some(new_status.as_str()),
            reason,
        };
        storage::record_change(&mut tx, &case, change).await?;
    }
    if date_changes {
        let change = NewChange {
            milestone_id,
            changed_by: viewer.user_id,
            now,
            field: "expected_date",
            old_value: current.expected_date.as_ref().map(|d| d.as_str()),
            new_value: new_date.as_ref().map(|d| d.as_str()),
            reason,
        };
        storage::record_change(&mut tx, &case, change).await?;
    }
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::MilestoneChanged,
            case_id: Some(case_id),
            object: Some(("milestone", milestone_id)),
        },
    )
    .await?;
    let mut milestones = storage::milestones(&mut tx, &case).await?;
    tx.commit().await?;
    let position = milestones
        .iter()
        .position(|m| m.id == milestone_id)
        .ok_or(AppError::new(ErrorCode::Internal))?;
    Ok(milestones.swap_remove(position))
}

/// Whether the viewer is a worker of the case (and so may add and change milestones).
pub async fn may_edit(state: &AppState, viewer: &Viewer, case_id: i64) -> Result<bool, AppError> {
    let mut tx = state.read().await?;
    let allowed = access::require_case_worker(&mut tx, viewer, case_id).await.is_ok();
    tx.commit().await?;
    Ok(allowed)
}
