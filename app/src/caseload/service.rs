//! Builds the caseload through the access module: each case's trajectory and
//! appointments are opened (and recorded) as the worker reads them.

use super::{storage, Caseload, CaseloadCase};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use crate::trajectory::{storage as trajectory, Phase};

pub async fn caseload(state: &AppState, ctx: &RequestContext, viewer: &Viewer) -> Result<Caseload, AppError> {
    if viewer.role != AccountRole::Worker {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let today = crate::appointments::service::today();
    let mut tx = state.read().await?;
    let rows = storage::worker_cases(&mut tx, viewer.user_id).await?;
    let unread = crate::messaging::service::unread_by_case(&mut tx, viewer, state.clock.now()).await?;
    let mut cases = Vec::with_capacity(rows.len());
    for (case_id, your_role) in rows {
        let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Trajectory).await?;
        let (participant_name, phase) = crate::trajectory::case_header(&mut tx, &case, &today)
            .await?
            .ok_or(AppError::new(ErrorCode::NotFound))?;
        let open: Vec<_> = trajectory::milestones(&mut tx, &case)
            .await?
            .into_iter()
            .filter(|m| m.status.is_open())
            .collect();
        let (overdue, ahead): (Vec<_>, Vec<_>) = open
            .into_iter()
            .partition(|m| m.expected_date.as_ref().is_some_and(|d| d.as_str() < today.as_str()));
        let upcoming = crate::appointments::service::upcoming_in(&mut tx, ctx, viewer, case_id)
            .await?
            .unwrap_or_default();
        cases.push(CaseloadCase {
            case_id,
            participant_name,
            phase: Phase::parse(&phase).unwrap_or(Phase::InDetention),
            your_role,
            next_step: ahead.into_iter().next(),
            overdue,
            upcoming,
            unread: unread.get(&case_id).copied().unwrap_or(0),
        });
    }
    tx.commit().await?;
    Ok(Caseload { today, cases })
}
