//! Pruning queries. Portable SQL, run on SQLite and PostgreSQL alike.

use crate::db::Tx;

/// Events are removed in batches this size, each in its own transaction.
pub(super) const BATCH: i64 = 5000;

/// Moves the job's next run to `next` if it was due at `now`; whether this process won
/// the run. One statement, so two processes cannot both win it.
pub(super) async fn claim_run(tx: &mut Tx<'_>, job: &str, now: i64, next: i64) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query("UPDATE scheduled_jobs SET next_run_at = $1 WHERE name = $2 AND next_run_at <= $3")
        .bind(next)
        .bind(job)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(claimed.rows_affected() == 1)
}

/// Sessions that ended or expired before `before`, and every push subscription of an
/// ended session (it is never sent to again). Returns (sessions, subscriptions) removed.
pub(super) async fn sessions(tx: &mut Tx<'_>, before: i64) -> Result<(u64, u64), sqlx::Error> {
    let subscriptions = sqlx::query(
        "DELETE FROM push_subscriptions WHERE session_id IN (SELECT id FROM sessions \
         WHERE ended_at IS NOT NULL OR expires_at < $1)",
    )
    .bind(before)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    let sessions = sqlx::query("DELETE FROM sessions WHERE ended_at < $1 OR expires_at < $1")
        .bind(before)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok((sessions, subscriptions))
}

/// Invitation and reset codes used or expired before `before`.
pub(super) async fn codes(tx: &mut Tx<'_>, before: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM one_time_codes WHERE used_at < $1 OR expires_at < $1")
            .bind(before)
            .execute(&mut **tx)
            .await?
            .rows_affected(),
    )
}

/// Reminders sent before `before`, with who was reached.
pub(super) async fn reminders(tx: &mut Tx<'_>, before: i64) -> Result<u64, sqlx::Error> {
    sqlx::query("DELETE FROM reminder_deliveries WHERE reminder_id IN (SELECT id FROM reminders WHERE sent_at < $1)")
        .bind(before)
        .execute(&mut **tx)
        .await?;
    Ok(sqlx::query("DELETE FROM reminders WHERE sent_at < $1")
        .bind(before)
        .execute(&mut **tx)
        .await?
        .rows_affected())
}

/// Hourly look counts of hours that began before `before`.
pub(super) async fn look_counts(tx: &mut Tx<'_>, before: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query("DELETE FROM case_looks WHERE hour_start < $1")
        .bind(before)
        .execute(&mut **tx)
        .await?
        .rows_affected())
}

/// Up to [`BATCH`] live-stream events made before `before`, oldest first.
pub(super) async fn events_batch(tx: &mut Tx<'_>, before: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query(
            "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE created_at < $1 ORDER BY id LIMIT $2)",
        )
        .bind(before)
        .bind(BATCH)
        .execute(&mut **tx)
        .await?
        .rows_affected(),
    )
}
