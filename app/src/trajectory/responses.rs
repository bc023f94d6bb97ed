//! The participant's voice on her trajectory: under each milestone she asks a question,
//! says she disagrees, or asks to talk about it; a worker of the case answers. Both stay
//! with the milestone, in the order they were written.

use super::response_storage;
use super::{MilestoneResponse, NewResponse, ResponseKind};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use crate::text::cleaned;

/// Adds a response under a milestone. The participant asks, disagrees or asks to talk; a
/// worker of the case answers (`answer`); nobody else writes here (`not_permitted`).
pub async fn respond(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    milestone_id: i64,
    new: NewResponse,
) -> Result<MilestoneResponse, AppError> {
    let body = cleaned(&new.body, true, 2000)?;
    let mut tx = state.begin().await?;
    let case = if new.kind == ResponseKind::Answer {
        access::require_case_worker(&mut tx, viewer, case_id).await?
    } else {
        access::require_participant(&mut tx, viewer, case_id).await?
    };
    if !response_storage::milestone_in_case(&mut tx, &case, milestone_id).await? {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let id = response_storage::insert(
        &mut tx,
        milestone_id,
        new.kind,
        &body,
        viewer.user_id,
        state.clock.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::MilestoneResponded,
            case_id: Some(case_id),
            object: Some(("milestone", milestone_id)),
        },
    )
    .await?;
    let response = response_storage::response(&mut tx, id)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    let told = access::people_to_tell(&mut tx, case_id, Category::Trajectory).await?;
    tx.commit().await?;
    crate::push::service::notify(state, &told);
    Ok(response)
}
