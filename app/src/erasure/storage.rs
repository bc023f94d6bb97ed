//! Erasure requests, and the erasing itself: the person's row keeps its id (every audit
//! row and every message still points at it) but loses its name and sign-in; what they
//! wrote keeps its place in conversations and plans but not its words.

use super::{ErasureRequest, ErasureStatus, ERASED};
use crate::accounts::service::Viewer;
use crate::db::Tx;
use sqlx::Row;

const COLUMNS: &str = "r.id, r.user_id, u.display_name, u.account_role, r.reason, r.requested_at, r.status, \
     r.answered_at, r.explanation, r.erase_account_at, r.erase_writings_at";

fn request_from(row: &sqlx::any::AnyRow) -> Result<ErasureRequest, sqlx::Error> {
    let status: String = row.try_get("status")?;
    Ok(ErasureRequest {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        display_name: row.try_get("display_name")?,
        account_role: row.try_get("account_role")?,
        reason: row.try_get("reason")?,
        requested_at: row.try_get("requested_at")?,
        status: ErasureStatus::parse(&status).ok_or_else(|| sqlx::Error::ColumnDecode {
            index: "status".into(),
            source: format!("unknown status {status:?}").into(),
        })?,
        answered_at: row.try_get("answered_at")?,
        explanation: row.try_get("explanation")?,
        erase_account_at: row.try_get("erase_account_at")?,
        erase_writings_at: row.try_get("erase_writings_at")?,
    })
}

async fn requests(tx: &mut Tx<'_>, condition: &str, bind: i64) -> Result<Vec<ErasureRequest>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM erasure_requests r JOIN users u ON u.id = r.user_id WHERE {condition}");
    let rows = sqlx::query(&sql).bind(bind).fetch_all(&mut **tx).await?;
    rows.iter().map(request_from).collect()
}

pub(super) async fn by_id(tx: &mut Tx<'_>, id: i64) -> Result<Option<ErasureRequest>, sqlx::Error> {
    Ok(requests(tx, "r.id = $1", id).await?.pop())
}

/// The person's latest request, whatever became of it.
pub(super) async fn latest_of(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<ErasureRequest>, sqlx::Error> {
    Ok(requests(tx, "r.user_id = $1 ORDER BY r.id DESC LIMIT 1", user_id)
        .await?
        .pop())
}

/// The requests that wait for an answer from people in the coordinator's reach.
pub(super) async fn waiting(tx: &mut Tx<'_>, coordinator: &Viewer) -> Result<Vec<ErasureRequest>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM erasure_requests r JOIN users u ON u.id = r.user_id \
         WHERE r.status = 'asked' AND {reach} ORDER BY r.id",
        reach = crate::circle::storage::people_in_reach()
    );
    let rows = sqlx::query(&sql)
        .bind(coordinator.organisation_id)
        .bind(coordinator.user_id)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter().map(request_from).collect()
}

/// `None` when the person already has a request open (the unique index says so).
pub(super) async fn insert(tx: &mut Tx<'_>, user_id: i64, reason: &str, now: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO erasure_requests (user_id, reason, requested_at, status) VALUES ($1, $2, $3, 'asked') RETURNING id",
    )
    .bind(user_id)
    .bind(reason)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// Answers a request that is still asked; `false` when someone answered first.
pub(super) async fn answer(
    tx: &mut Tx<'_>,
    id: i64,
    status: ErasureStatus,
    by: i64,
    now: i64,
    explanation: &str,
    (account_at, writings_at): (Option<i64>, Option<i64>),
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query(
        "UPDATE erasure_requests SET status = $1, answered_by = $2, answered_at = $3, explanation = $4, \
         erase_account_at = $5, erase_writings_at = $6 WHERE id = $7 AND status = 'asked'",
    )
    .bind(status.as_str())
    .bind(by)
    .bind(now)
    .bind(explanation)
    .bind(account_at)
    .bind(writings_at)
    .bind(id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(changed == 1)
}

/// Confirmed requests whose account (`account`) or writings part is due at `at`: (request, person).
pub(super) async fn due(tx: &mut Tx<'_>, account: bool, at: i64) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    let sql = if account {
        "SELECT id, user_id FROM erasure_requests WHERE status = 'confirmed' AND account_erased_at IS NULL \
         AND erase_account_at <= $1 ORDER BY id LIMIT 100"
    } else {
        "SELECT id, user_id FROM erasure_requests WHERE status = 'confirmed' AND writings_erased_at IS NULL \
         AND erase_writings_at <= $1 ORDER BY id LIMIT 100"
    };
    sqlx::query_as(sql).bind(at).fetch_all(&mut **tx).await
}

/// The name, sign-in and everything about the account itself. The row stays, nameless.
pub(super) async fn erase_account(tx: &mut Tx<'_>, request_id: i64, user_id: i64, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE users SET display_name = $1, username = 'erased-' || CAST(id AS TEXT), password_hash = '!', \
         language = NULL WHERE id = $2",
    )
    .bind(ERASED)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    for sql in [
        "DELETE FROM preferences WHERE user_id = $1",
        "DELETE FROM push_subscriptions WHERE user_id = $1",
        "DELETE FROM passkey_ceremonies WHERE session_id IN (SELECT id FROM sessions WHERE user_id = $1)",
        "DELETE FROM sessions WHERE user_id = $1",
        "DELETE FROM recovery_codes WHERE user_id = $1",
        "DELETE FROM second_factors WHERE user_id = $1",
        "DELETE FROM passkeys WHERE user_id = $1",
    ] {
        sqlx::query(sql).bind(user_id).execute(&mut **tx).await?;
    }
    sqlx::query("UPDATE erasure_requests SET account_erased_at = $1, reason = '' WHERE id = $2")
        .bind(at)
        .bind(request_id)
        .execute(&mut **tx)
        .await?;
    finish_if_whole(tx, request_id).await
}

/// What the person wrote, each where it stands, its words replaced.
pub(super) async fn erase_writings(tx: &mut Tx<'_>, request_id: i64, user_id: i64, at: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "UPDATE messages SET body = $1 WHERE sender_id = $2",
        "UPDATE milestone_responses SET body = $1 WHERE author_id = $2",
        "UPDATE plan_comments SET body = $1 WHERE author_id = $2",
        "UPDATE plan_item_responses SET reason = $1 WHERE user_id = $2 AND reason <> ''",
        "UPDATE conference_inputs SET body = $1 WHERE author_id = $2",
        "UPDATE decision_responses SET body = $1 WHERE author_id = $2",
        "UPDATE release_item_notes SET body = $1 WHERE author_id = $2",
        "UPDATE circle_requests SET reason = $1, about = $1 WHERE requested_by = $2",
    ] {
        sqlx::query(sql).bind(ERASED).bind(user_id).execute(&mut **tx).await?;
    }
    sqlx::query("UPDATE erasure_requests SET writings_erased_at = $1 WHERE id = $2")
        .bind(at)
        .bind(request_id)
        .execute(&mut **tx)
        .await?;
    finish_if_whole(tx, request_id).await
}

async fn finish_if_whole(tx: &mut Tx<'_>, request_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE erasure_requests SET status = 'done' WHERE id = $1 \
         AND account_erased_at IS NOT NULL AND writings_erased_at IS NOT NULL",
    )
    .bind(request_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
