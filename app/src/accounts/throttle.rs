//! Sign-in throttling. Failures are counted in the database, so several server
//! processes behind one database share the counters.

use crate::db::Tx;
use crate::error::AppError;

pub const WINDOW_SECS: i64 = 60;
pub const MAX_FAILURES: i64 = 10;

/// Refuses with 429 when any of the keys already had `MAX_FAILURES` failures in the window.
pub async fn check(tx: &mut Tx<'_>, keys: &[&str], now: i64) -> Result<(), AppError> {
    for key in keys {
        let (count, oldest): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MIN(failed_at) FROM sign_in_failures WHERE throttle_key = $1 AND failed_at > $2",
        )
        .bind(*key)
        .bind(now - WINDOW_SECS)
        .fetch_one(&mut **tx)
        .await?;
        if count >= MAX_FAILURES {
            let retry_after = oldest.map(|t| t + WINDOW_SECS - now).unwrap_or(WINDOW_SECS).max(1);
            return Err(AppError::too_many_attempts(retry_after as u64));
        }
    }
    Ok(())
}

pub async fn record_failure(tx: &mut Tx<'_>, keys: &[&str], now: i64) -> Result<(), sqlx::Error> {
    for key in keys {
        sqlx::query("INSERT INTO sign_in_failures (throttle_key, failed_at) VALUES ($1, $2)")
            .bind(*key)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    // Old failures say nothing any more; keep the table small.
    sqlx::query("DELETE FROM sign_in_failures WHERE failed_at < $1")
        .bind(now - 3600)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
