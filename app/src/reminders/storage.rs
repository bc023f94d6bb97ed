//! Reminder queries: each person's choice, the reminders due, who had one. Portable SQL,
//! run on SQLite and PostgreSQL alike; claiming skips rows another process holds locked.

use super::RemindWhen;
use crate::db::{Backend, Tx};
use sqlx::Row;

pub(super) async fn choice(tx: &mut Tx<'_>, user_id: i64) -> Result<RemindWhen, sqlx::Error> {
    let raw: String = sqlx::query_scalar("SELECT remind_appointments FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(RemindWhen::parse(&raw).unwrap_or(RemindWhen::DayBefore))
}

pub(super) async fn set_choice(tx: &mut Tx<'_>, user_id: i64, when: RemindWhen) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET remind_appointments = $1 WHERE id = $2")
        .bind(when.as_str())
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn insert(
    tx: &mut Tx<'_>,
    appointment_id: i64,
    kind: RemindWhen,
    due_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO reminders (appointment_id, kind, due_at) VALUES ($1, $2, $3)")
        .bind(appointment_id)
        .bind(kind.as_str())
        .bind(due_at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Drops the reminders of the appointment not sent yet (it moved or was called off).
pub(super) async fn drop_unsent(tx: &mut Tx<'_>, appointment_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM reminder_deliveries WHERE reminder_id IN \
         (SELECT id FROM reminders WHERE appointment_id = $1 AND sent_at IS NULL)",
    )
    .bind(appointment_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM reminders WHERE appointment_id = $1 AND sent_at IS NULL")
        .bind(appointment_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A reminder this process holds until `claimed_until`, with what deciding its sending needs.
pub(super) struct Claimed {
    pub id: i64,
    pub due_at: i64,
    pub kind: RemindWhen,
    pub case_id: i64,
    pub starts_at: String,
    pub cancelled: bool,
}

/// Claims up to `limit` reminders due at `now` that nobody holds, for this process until
/// `until`. On PostgreSQL, rows another process is claiming at this moment are skipped
/// rather than waited for; on SQLite the write transaction already runs alone.
pub(super) async fn claim_due(
    tx: &mut Tx<'_>,
    backend: Backend,
    (now, until): (i64, i64),
    limit: i64,
) -> Result<Vec<Claimed>, sqlx::Error> {
    let lock = match backend {
        Backend::Postgres => " FOR UPDATE OF r SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let rows = sqlx::query(&format!(
        "SELECT r.id, r.kind, r.due_at, a.case_id, a.starts_at, a.cancelled_at FROM reminders r \
         JOIN appointments a ON a.id = r.appointment_id \
         WHERE r.sent_at IS NULL AND r.due_at <= $1 AND r.claimed_until <= $1 \
         ORDER BY r.due_at, r.id LIMIT $2{lock}"
    ))
    .bind(now)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?;
    let mut claimed = Vec::with_capacity(rows.len());
    for row in rows {
        let id: i64 = row.try_get("id")?;
        sqlx::query("UPDATE reminders SET claimed_until = $1 WHERE id = $2")
            .bind(until)
            .bind(id)
            .execute(&mut **tx)
            .await?;
        let kind: String = row.try_get("kind")?;
        claimed.push(Claimed {
            id,
            due_at: row.try_get("due_at")?,
            kind: RemindWhen::parse(&kind).unwrap_or(RemindWhen::DayBefore),
            case_id: row.try_get("case_id")?,
            starts_at: row.try_get("starts_at")?,
            cancelled: row.try_get::<Option<i64>, _>("cancelled_at")?.is_some(),
        });
    }
    Ok(claimed)
}

/// The members of the case who chose to be reminded at `kind` and were not reached by
/// this reminder yet.
pub(super) async fn waiting_for(
    tx: &mut Tx<'_>,
    reminder_id: i64,
    kind: RemindWhen,
    case_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id AND m.case_id = $1 AND m.ended_at IS NULL \
         WHERE u.remind_appointments = $2 AND NOT EXISTS (SELECT 1 FROM reminder_deliveries d \
         WHERE d.reminder_id = $3 AND d.user_id = u.id)",
    )
    .bind(case_id)
    .bind(kind.as_str())
    .bind(reminder_id)
    .fetch_all(&mut **tx)
    .await
}

pub(super) async fn record_delivery(
    tx: &mut Tx<'_>,
    reminder_id: i64,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO reminder_deliveries (reminder_id, user_id, sent_at) VALUES ($1, $2, $3) \
         ON CONFLICT (reminder_id, user_id) DO NOTHING",
    )
    .bind(reminder_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn mark_sent(tx: &mut Tx<'_>, reminder_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE reminders SET sent_at = $1 WHERE id = $2")
        .bind(now)
        .bind(reminder_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
