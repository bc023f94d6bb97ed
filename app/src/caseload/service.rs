//! Builds the caseload through the access module: each case's trajectory and
//! appointments are opened (and recorded) as the worker reads them.

use super::{Caseload, CaseloadCase};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::circle::CaseRole;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use crate::trajectory::{storage as trajectory, Phase};
use sqlx::Row;

pub async fn caseload(state: &AppState, ctx: &RequestContext, viewer: &Viewer) -> Result<Caseload, AppError> {
    if viewer.role != AccountRole::Worker {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let today = crate::appointments::service::today();
    let mut tx = state.read().await?;
    let rows = sqlx::query(
        "SELECT case_id, case_role FROM memberships WHERE user_id = $1 AND member_kind = 'worker' \
         AND ended_at IS NULL ORDER BY case_id",
    )
    .bind(viewer.user_id)
    .fetch_all(&mut *tx)
    .await?;
    let mut cases = Vec::with_capacity(rows.len());
    for row in rows {
        let case_id: i64 = row.try_get("case_id")?;
        let case_role: Option<String> = row.try_get("case_role")?;
        access::open_case(&mut tx, ctx, viewer, case_id, Category::Trajectory).await?;
        let (participant_name, phase) = trajectory::case_header(&mut tx, case_id)
            .await?
            .ok_or(AppError::new(ErrorCode::NotFound))?;
        let open: Vec<_> = trajectory::milestones(&mut tx, case_id)
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
            your_role: case_role.as_deref().and_then(CaseRole::parse),
            next_step: ahead.into_iter().next(),
            overdue,
            upcoming,
        });
    }
    tx.commit().await?;
    Ok(Caseload { today, cases })
}
