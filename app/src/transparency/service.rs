//! Reading the access log: only the participant and the case's workers, newest first,
//! a page at a time.

use super::{AccessLog, AccessLogEntry};
use crate::access;
use crate::accounts::service::Viewer;
use crate::circle::{CaseRole, MemberKind, Relationship};
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use sqlx::Row;

pub const PAGE_SIZE: i64 = 50;

pub async fn access_log(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<AccessLog, AppError> {
    let limit = limit.clamp(1, 200);
    let mut tx = state.read().await?;
    access::open_case_record(&mut tx, ctx, viewer, case_id, "access_log").await?;
    let participant_name: String = sqlx::query_scalar("SELECT label FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    // Membership is joined regardless of `ended_at`: someone who has left the circle is
    // still named for what they did while they were in it.
    let rows = sqlx::query(
        "SELECT a.id, a.at, a.action, a.object_type, u.display_name, u.account_role, o.name AS organisation, \
         m.member_kind, m.case_role, m.relationship \
         FROM audit_log a \
         LEFT JOIN users u ON u.id = a.actor_user_id \
         LEFT JOIN organisations o ON o.id = u.organisation_id \
         LEFT JOIN memberships m ON m.case_id = a.case_id AND m.user_id = a.actor_user_id \
         WHERE a.case_id = $1 AND a.id < $2 ORDER BY a.id DESC LIMIT $3",
    )
    .bind(case_id)
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit + 1)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows.iter().take(limit as usize) {
        let kind: Option<String> = row.try_get("member_kind")?;
        let kind = kind.as_deref().and_then(MemberKind::parse);
        let case_role: Option<String> = row.try_get("case_role")?;
        let relationship: Option<String> = row.try_get("relationship")?;
        let name: Option<String> = row.try_get("display_name")?;
        // One look at several parts of the case is one row naming them all.
        let object_type: Option<String> = row.try_get("object_type")?;
        let categories: Vec<String> = object_type
            .iter()
            .flat_map(|kinds| kinds.split(','))
            .map(str::to_string)
            .collect();
        entries.push(AccessLogEntry {
            id: row.try_get("id")?,
            at: row.try_get("at")?,
            // Names only for circle members; for anyone else, role and organisation.
            actor_name: kind.and(name),
            actor_kind: kind,
            actor_case_role: case_role.as_deref().and_then(CaseRole::parse),
            actor_relationship: relationship.as_deref().and_then(Relationship::parse),
            actor_account_role: if kind.is_none() {
                row.try_get("account_role")?
            } else {
                None
            },
            organisation: row.try_get("organisation")?,
            action: row.try_get("action")?,
            category: categories.first().cloned(),
            categories,
        });
    }
    let next_cursor = (rows.len() as i64 > limit)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    Ok(AccessLog {
        case_id,
        participant_name,
        entries,
        next_cursor,
    })
}
