//! Sign-in throttling. Failures are counted in the database, so several server
//! processes behind one database share the counters.

use crate::db::{Backend, Tx};
use crate::error::AppError;

pub const WINDOW_SECS: i64 = 60;
pub const MAX_FAILURES: i64 = 10;

/// How many failures one key (an account, an address, all code redemptions) may have in
/// the window before its attempts are refused.
#[derive(Clone, Copy, Debug)]
pub struct Limit<'a> {
    pub key: &'a str,
    pub max_failures: i64,
}

impl<'a> Limit<'a> {
    /// The usual limit: `MAX_FAILURES` a minute.
    pub fn per(key: &'a str) -> Limit<'a> {
        Limit {
            key,
            max_failures: MAX_FAILURES,
        }
    }
}

/// Refuses with 429 when any of the keys already had its most failures in the window.
async fn check(tx: &mut Tx<'_>, limits: &[Limit<'_>], now: i64) -> Result<(), AppError> {
    for limit in limits {
        let (count, oldest): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MIN(failed_at) FROM sign_in_failures WHERE throttle_key = $1 AND failed_at > $2",
        )
        .bind(limit.key)
        .bind(now - WINDOW_SECS)
        .fetch_one(&mut **tx)
        .await?;
        if count >= limit.max_failures {
            let retry_after = oldest.map(|t| t + WINDOW_SECS - now).unwrap_or(WINDOW_SECS).max(1);
            return Err(AppError::too_many_attempts(retry_after as u64));
        }
    }
    Ok(())
}

/// Old failures say nothing any more; keep the table small.
async fn forget_old(tx: &mut Tx<'_>, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_failures WHERE failed_at < $1")
        .bind(now - 3600)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Counts an attempt (a password, a second-factor code, a one-time code) before it is
/// checked, so that a burst sent at once is held to the same limit as attempts one after
/// another (sixty at once were all checked before). Refuses with 429 when a key already
/// had its most failures in the window; else records this attempt as a failure, which
/// [`succeeded`] takes back. Call in a write transaction: on SQLite writes are one at a
/// time already; on PostgreSQL a lock per key, held to the commit, makes attempts on one
/// key take turns.
pub async fn begin_attempt(
    tx: &mut Tx<'_>,
    backend: Backend,
    limits: &[Limit<'_>],
    now: i64,
) -> Result<Vec<i64>, AppError> {
    if backend == Backend::Postgres {
        let mut sorted: Vec<&str> = limits.iter().map(|l| l.key).collect();
        sorted.sort_unstable();
        for key in sorted {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
                .bind(key)
                .execute(&mut **tx)
                .await?;
        }
    }
    check(tx, limits, now).await?;
    let mut attempt = Vec::with_capacity(limits.len());
    for limit in limits {
        let id: i64 =
            sqlx::query_scalar("INSERT INTO sign_in_failures (throttle_key, failed_at) VALUES ($1, $2) RETURNING id")
                .bind(limit.key)
                .bind(now)
                .fetch_one(&mut **tx)
                .await?;
        attempt.push(id);
    }
    forget_old(tx, now).await?;
    Ok(attempt)
}

/// The attempt's password was right: it was no failure.
pub async fn succeeded(tx: &mut Tx<'_>, attempt: &[i64]) -> Result<(), sqlx::Error> {
    for id in attempt {
        sqlx::query("DELETE FROM sign_in_failures WHERE id = $1")
            .bind(*id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
