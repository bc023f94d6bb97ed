//! Circle requests: the participant asks, a worker of the case answers; load, check,
//! change and record in one transaction. Family members neither ask nor read them.

use super::RequestStatus;
use super::{storage, CircleRequest, CircleRequestAnswer, CircleRequestsView, NewCircleRequest, RequestKind};
use crate::access;
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::MemberKind;
use crate::db::now;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use crate::text::cleaned;

pub async fn view(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<CircleRequestsView, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case_record(&mut tx, ctx, viewer, case_id, "circle_requests").await?;
    let requests = storage::of_case(&mut tx, &case).await?;
    let workers = storage::workers(&mut tx, &case).await?;
    let participant_name = crate::circle::storage::participant_name(&mut tx, &case)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    tx.commit().await?;
    Ok(CircleRequestsView {
        case_id,
        participant_name,
        requests,
        yours: case.kind() == MemberKind::Participant,
        workers,
    })
}

pub async fn ask(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    new: NewCircleRequest,
) -> Result<CircleRequest, AppError> {
    let reason = cleaned(&new.reason, true, 1000)?;
    let mut tx = state.begin().await?;
    let case = access::open_case_record(&mut tx, ctx, viewer, case_id, "circle_requests").await?;
    if case.kind() != MemberKind::Participant {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    // An invitation names a person to invite, not a worker: a worker id sent with one
    // (found by fuzzing: one that names nobody failed on the foreign key) is dropped.
    let (about, worker_user_id) = match new.kind {
        RequestKind::Invite => (cleaned(&new.about, true, 200)?, None),
        RequestKind::ReplaceWorker => {
            let chosen = new.worker_user_id.ok_or(AppError::new(ErrorCode::InvalidInput))?;
            let workers = storage::workers(&mut tx, &case).await?;
            let (_, name) = workers
                .into_iter()
                .find(|(id, _)| *id == chosen)
                .ok_or(AppError::new(ErrorCode::InvalidInput))?;
            (name, Some(chosen))
        }
    };
    let new = NewCircleRequest {
        reason,
        worker_user_id,
        ..new
    };
    let id = storage::insert(&mut tx, &case, &new, &about, now()).await?;
    record(&mut tx, ctx, viewer, case_id, (AuditAction::CircleRequestMade, id)).await?;
    let made = storage::one(&mut tx, &case, id).await?;
    tx.commit().await?;
    made.ok_or(AppError::new(ErrorCode::Internal))
}

pub async fn answer(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    (case_id, request_id): (i64, i64),
    answer: CircleRequestAnswer,
) -> Result<CircleRequest, AppError> {
    let text = cleaned(&answer.answer, !answer.accept, 1000)?;
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    if storage::one(&mut tx, &case, request_id).await?.is_none() {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let status = if answer.accept {
        RequestStatus::Accepted
    } else {
        RequestStatus::Declined
    };
    if !storage::answer(&mut tx, &case, request_id, (status, &text), now()).await? {
        return Err(AppError::new(ErrorCode::RequestAnswered));
    }
    record(
        &mut tx,
        ctx,
        viewer,
        case_id,
        (AuditAction::CircleRequestAnswered, request_id),
    )
    .await?;
    let answered = storage::one(&mut tx, &case, request_id).await?;
    tx.commit().await?;
    answered.ok_or(AppError::new(ErrorCode::Internal))
}

async fn record(
    tx: &mut crate::db::Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    (action, request_id): (AuditAction, i64),
) -> Result<(), sqlx::Error> {
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: Some(case_id),
        object: Some(("circle_request", request_id)),
    };
    audit::record(tx, ctx, entry).await
}
