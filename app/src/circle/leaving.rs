//! Leaving a circle: a worker leaves a case, alone or by handing it to a successor, and
//! a family member leaves or is taken out. Access ends with the membership (every check
//! in `access.rs` asks for a membership that has not ended); the history stays.

use super::service::add_member_in;
use super::{storage, MemberKind};
use crate::access;
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};

/// Ends `member_id`'s place in the case's circle. A worker may name a `successor`, a
/// worker who joins the case in the same role (unless already in it) and takes over the
/// departing worker's conversations and places in plans; the last worker of a case must.
pub async fn end_membership(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    member_id: i64,
    successor: Option<i64>,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let mut tx = state.begin().await?;
    let ending = access::require_may_end_membership(&mut tx, viewer, case_id, member_id).await?;
    let departing = ending.departing();
    storage::lock_case(&mut tx, departing).await?;
    match (departing.kind(), successor) {
        (MemberKind::Worker, Some(successor)) => {
            if successor == member_id || !storage::is_active_worker(&mut tx, successor).await? {
                return Err(AppError::new(ErrorCode::InvalidInput));
            }
            match storage::kind_in_circle(&mut tx, departing, successor).await?.as_deref() {
                Some("worker") => {}
                Some(_) => return Err(AppError::new(ErrorCode::InvalidInput)),
                None => {
                    let role = departing.case_role();
                    add_member_in(
                        &mut tx,
                        ctx,
                        Some(viewer.user_id),
                        case_id,
                        successor,
                        MemberKind::Worker,
                        role,
                        None,
                    )
                    .await?;
                }
            }
        }
        (MemberKind::Worker, None) => {
            if storage::worker_count(&mut tx, departing).await? <= 1 {
                return Err(AppError::new(ErrorCode::LastWorker));
            }
        }
        (_, Some(_)) => return Err(AppError::new(ErrorCode::InvalidInput)),
        (_, None) => {}
    }
    let membership_id = storage::end_membership(&mut tx, &ending, now).await?;
    if departing.kind() == MemberKind::Family {
        storage::forget_shares(&mut tx, &ending).await?;
    }
    if let Some(successor) = successor {
        crate::messaging::service::hand_over(&mut tx, &ending, successor, now).await?;
        crate::plans::agreement::hand_over_parties(&mut tx, &ending, successor).await?;
        let entry = AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::CaseHandedOver,
            case_id: Some(case_id),
            object: Some(("user", successor)),
        };
        audit::record(&mut tx, ctx, entry).await?;
    }
    // Whoever still had to sign a plan and now cannot read it is taken off it.
    crate::plans::agreement::drop_departed_parties(&mut tx, ctx, departing, None, now).await?;
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::MembershipEnded,
        case_id: Some(case_id),
        object: Some(("membership", membership_id)),
    };
    audit::record(&mut tx, ctx, entry).await?;
    tx.commit().await?;
    Ok(())
}
