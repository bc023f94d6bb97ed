//! Circle request queries, each within the case of the proof of access.

use super::{CircleRequest, NewCircleRequest, RequestKind, RequestStatus};
use crate::access::CaseAccess;
use crate::db::Tx;
use sqlx::Row;

pub(super) async fn insert(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    new: &NewCircleRequest,
    about: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO circle_requests (case_id, kind, about, worker_user_id, reason, requested_by, requested_at, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open') RETURNING id",
    )
    .bind(case.case_id())
    .bind(new.kind.as_str())
    .bind(about)
    .bind(new.worker_user_id)
    .bind(new.reason.trim())
    .bind(case.viewer_id())
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

const SELECT: &str = "SELECT r.id, r.kind, r.about, r.reason, r.requested_at, r.status, r.answer, \
     u.display_name AS answered_by, r.answered_at FROM circle_requests r LEFT JOIN users u ON u.id = r.answered_by";

/// The case's requests, newest first.
pub(super) async fn of_case(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<CircleRequest>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE r.case_id = $1 ORDER BY r.id DESC");
    let rows = sqlx::query(&sql).bind(case.case_id()).fetch_all(&mut **tx).await?;
    from_rows(rows)
}

/// One request of the case.
pub(super) async fn one(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    request_id: i64,
) -> Result<Option<CircleRequest>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE r.case_id = $1 AND r.id = $2");
    let rows = sqlx::query(&sql)
        .bind(case.case_id())
        .bind(request_id)
        .fetch_all(&mut **tx)
        .await?;
    Ok(from_rows(rows)?.pop())
}

fn from_rows(rows: Vec<sqlx::any::AnyRow>) -> Result<Vec<CircleRequest>, sqlx::Error> {
    let mut requests = Vec::with_capacity(rows.len());
    for row in rows {
        let (Some(kind), Some(status)) = (
            RequestKind::parse(&row.try_get::<String, _>("kind")?),
            RequestStatus::parse(&row.try_get::<String, _>("status")?),
        ) else {
            continue;
        };
        requests.push(CircleRequest {
            id: row.try_get("id")?,
            kind,
            about: row.try_get("about")?,
            reason: row.try_get("reason")?,
            requested_at: row.try_get("requested_at")?,
            status,
            answer: row.try_get("answer")?,
            answered_by: row.try_get("answered_by")?,
            answered_at: row.try_get("answered_at")?,
        });
    }
    Ok(requests)
}

/// Answers an open request of the case; false when there is none such.
pub(super) async fn answer(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    request_id: i64,
    (status, answer): (RequestStatus, &str),
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE circle_requests SET status = $1, answer = $2, answered_by = $3, answered_at = $4 \
         WHERE id = $5 AND case_id = $6 AND status = 'open'",
    )
    .bind(status.as_str())
    .bind(answer)
    .bind(case.viewer_id())
    .bind(now)
    .bind(request_id)
    .bind(case.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The case's workers now: (user id, name).
pub(super) async fn workers(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.id, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.case_id = $1 AND m.member_kind = 'worker' AND m.ended_at IS NULL ORDER BY u.display_name",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await
}
