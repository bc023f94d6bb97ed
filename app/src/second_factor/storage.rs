//! Second-factor queries. Portable SQL, run on SQLite and PostgreSQL alike.

use crate::db::Tx;
use sqlx::Row;

pub struct FactorRow {
    pub sealed_secret: String,
    pub confirmed_at: Option<i64>,
}

pub async fn factor(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<FactorRow>, sqlx::Error> {
    let Some(row) = sqlx::query("SELECT sealed_secret, confirmed_at FROM second_factors WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(FactorRow {
        sealed_secret: row.try_get("sealed_secret")?,
        confirmed_at: row.try_get("confirmed_at")?,
    }))
}

/// Keeps a new, unconfirmed secret, unless one is there already (two tabs open at once).
pub async fn insert_unconfirmed(
    tx: &mut Tx<'_>,
    user_id: i64,
    sealed_secret: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO second_factors (user_id, sealed_secret, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(sealed_secret)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn confirm(tx: &mut Tx<'_>, user_id: i64, step: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE second_factors SET confirmed_at = $1, last_used_step = $2 WHERE user_id = $3")
        .bind(now)
        .bind(step)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Takes the code's step as used, unless it or a later one was used already: a code
/// works once, even when two requests bring it at the same moment.
pub async fn use_step(tx: &mut Tx<'_>, user_id: i64, step: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE second_factors SET last_used_step = $1 WHERE user_id = $2 AND last_used_step < $1")
        .bind(step)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn replace_recovery_codes(
    tx: &mut Tx<'_>,
    user_id: i64,
    code_hashes: &[String],
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    for hash in code_hashes {
        sqlx::query("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)")
            .bind(user_id)
            .bind(hash)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Uses up one of the person's recovery codes; false when it is not theirs or used.
pub async fn use_recovery_code(tx: &mut Tx<'_>, user_id: i64, code_hash: &str, now: i64) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL")
            .bind(now)
            .bind(user_id)
            .bind(code_hash)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// The session has its second factor now: it becomes a full session, with the lifetime
/// a full session of its kind has.
pub async fn complete_session(
    tx: &mut Tx<'_>,
    session_id: i64,
    now: i64,
    web_expires_at: i64,
    device_expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE sessions SET second_factor_at = $1, expires_at = CASE \
           WHEN stage = 'full' THEN expires_at WHEN session_kind = 'device' THEN $2 ELSE $3 END, \
         stage = 'full' WHERE id = $4",
    )
    .bind(now)
    .bind(device_expires_at)
    .bind(web_expires_at)
    .bind(session_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn remove_factor(tx: &mut Tx<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM second_factors WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub struct OpenReset {
    pub id: i64,
    pub requested_by: i64,
}

/// A reset asked for in the last day and not confirmed yet.
pub async fn open_reset(tx: &mut Tx<'_>, user_id: i64, since: i64) -> Result<Option<OpenReset>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT id, requested_by FROM second_factor_resets \
         WHERE user_id = $1 AND confirmed_at IS NULL AND requested_at > $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(user_id)
    .bind(since)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(OpenReset {
            id: r.try_get("id")?,
            requested_by: r.try_get("requested_by")?,
        })
    })
    .transpose()
}

pub async fn request_reset(tx: &mut Tx<'_>, user_id: i64, requested_by: i64, now: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO second_factor_resets (user_id, requested_by, requested_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(user_id)
    .bind(requested_by)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

pub async fn confirm_reset(tx: &mut Tx<'_>, reset_id: i64, confirmed_by: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE second_factor_resets SET confirmed_by = $1, confirmed_at = $2 WHERE id = $3")
        .bind(confirmed_by)
        .bind(now)
        .bind(reset_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Every kept secret, for resealing after a key rotation (staff only: a short list).
pub async fn all_secrets(tx: &mut Tx<'_>) -> Result<Vec<(i64, String)>, sqlx::Error> {
    let rows = sqlx::query("SELECT user_id, sealed_secret FROM second_factors ORDER BY user_id")
        .fetch_all(&mut **tx)
        .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("user_id")?, row.try_get("sealed_secret")?)))
        .collect()
}

/// Replaces a sealed secret, unless it changed since it was read.
pub async fn replace_secret(tx: &mut Tx<'_>, user_id: i64, old: &str, new: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE second_factors SET sealed_secret = $1 WHERE user_id = $2 AND sealed_secret = $3")
        .bind(new)
        .bind(user_id)
        .bind(old)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
