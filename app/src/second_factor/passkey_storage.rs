//! Passkey queries: the staff's passkeys and the challenge of a ceremony in progress.
//! Portable SQL, run on SQLite and PostgreSQL alike.

use super::PasskeySummary;
use crate::db::Tx;
use sqlx::Row;

pub struct StoredPasskey {
    pub id: i64,
    /// webauthn-rs's `Passkey` as JSON: the public key and the signature counter.
    pub passkey: String,
}

pub async fn summaries(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<PasskeySummary>, sqlx::Error> {
    let rows = sqlx::query("SELECT id, name, created_at, last_used_at FROM passkeys WHERE user_id = $1 ORDER BY id")
        .bind(user_id)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(PasskeySummary {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                created_at: row.try_get("created_at")?,
                last_used_at: row.try_get("last_used_at")?,
            })
        })
        .collect()
}

pub async fn passkeys_of(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<StoredPasskey>, sqlx::Error> {
    let rows = sqlx::query("SELECT id, passkey FROM passkeys WHERE user_id = $1 ORDER BY id")
        .bind(user_id)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(StoredPasskey {
                id: row.try_get("id")?,
                passkey: row.try_get("passkey")?,
            })
        })
        .collect()
}

pub async fn has_passkeys(tx: &mut Tx<'_>, user_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM passkeys WHERE user_id = $1 LIMIT 1")
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(found.is_some())
}

/// Keeps a new passkey; `None` when its credential is kept already (for anyone).
pub async fn insert(
    tx: &mut Tx<'_>,
    user_id: i64,
    credential_id: &str,
    name: &str,
    passkey: &str,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO passkeys (user_id, credential_id, name, passkey, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (credential_id) DO NOTHING RETURNING id",
    )
    .bind(user_id)
    .bind(credential_id)
    .bind(name)
    .bind(passkey)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await
}

/// The person's passkey with this credential id, if it is still theirs.
pub async fn passkey_by_credential(
    tx: &mut Tx<'_>,
    user_id: i64,
    credential_id: &str,
) -> Result<Option<StoredPasskey>, sqlx::Error> {
    let row = sqlx::query("SELECT id, passkey FROM passkeys WHERE user_id = $1 AND credential_id = $2")
        .bind(user_id)
        .bind(credential_id)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|row| {
        Ok(StoredPasskey {
            id: row.try_get("id")?,
            passkey: row.try_get("passkey")?,
        })
    })
    .transpose()
}

/// Records a use with the counter the authenticator reported, only if it counts higher
/// than at the last use (or both are zero: an authenticator without a counter). False:
/// the counter went back, as with a copied key, or another answer was taken first.
pub async fn used(tx: &mut Tx<'_>, id: i64, passkey: &str, counter: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE passkeys SET passkey = $1, sign_count = $2, last_used_at = $3 \
         WHERE id = $4 AND (sign_count < $2 OR (sign_count = 0 AND $2 = 0))",
    )
    .bind(passkey)
    .bind(counter)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes one of the person's passkeys; false when it is not theirs.
pub async fn remove(tx: &mut Tx<'_>, user_id: i64, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn remove_all(tx: &mut Tx<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM passkeys WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Keeps the state of the session's new ceremony, replacing one it left unfinished;
/// ceremonies left over from before `stale_before` are dropped on the way.
pub async fn keep_ceremony(
    tx: &mut Tx<'_>,
    session_id: i64,
    purpose: &str,
    state: &str,
    (now, stale_before): (i64, i64),
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM passkey_ceremonies WHERE created_at <= $1")
        .bind(stale_before)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO passkey_ceremonies (session_id, purpose, state, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (session_id) DO UPDATE SET purpose = excluded.purpose, state = excluded.state, \
         created_at = excluded.created_at",
    )
    .bind(session_id)
    .bind(purpose)
    .bind(state)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Takes the session's ceremony of this purpose, if it started after `since`: an answer
/// is checked against it once, right or wrong. Ceremonies left over are dropped on the way.
pub async fn take_ceremony(
    tx: &mut Tx<'_>,
    session_id: i64,
    purpose: &str,
    since: i64,
) -> Result<Option<String>, sqlx::Error> {
    let state: Option<String> = sqlx::query_scalar(
        "DELETE FROM passkey_ceremonies WHERE session_id = $1 AND purpose = $2 AND created_at > $3 RETURNING state",
    )
    .bind(session_id)
    .bind(purpose)
    .bind(since)
    .fetch_optional(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM passkey_ceremonies WHERE session_id = $1 OR created_at <= $2")
        .bind(session_id)
        .bind(since)
        .execute(&mut **tx)
        .await?;
    Ok(state)
}
