//! Push queries: the server's VAPID key and each person's own subscriptions. Portable SQL,
//! run on SQLite and PostgreSQL alike.

use super::NewSubscription;
use crate::accounts::AccountRole;
use crate::db::Tx;
use crate::state::SessionFacts;
use sqlx::Row;

/// Stores `key` as the server's VAPID key unless one is there: the first written wins.
pub(super) async fn insert_vapid_key(tx: &mut Tx<'_>, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO server_keys (name, value) VALUES ('vapid', $1) ON CONFLICT (name) DO NOTHING")
        .bind(key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn replace_vapid_key(tx: &mut Tx<'_>, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE server_keys SET value = $1 WHERE name = 'vapid'")
        .bind(key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn vapid_key(tx: &mut Tx<'_>) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM server_keys WHERE name = 'vapid'")
        .fetch_one(&mut **tx)
        .await
}

/// Registers the subscription for the person. An endpoint belongs to one browser, so
/// whoever registered it before loses it.
pub(super) async fn subscribe(
    tx: &mut Tx<'_>,
    user_id: i64,
    session_id: i64,
    new: &NewSubscription,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM push_subscriptions WHERE endpoint = $1")
        .bind(&new.endpoint)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO push_subscriptions (user_id, session_id, endpoint, p256dh, auth, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user_id)
    .bind(session_id)
    .bind(&new.endpoint)
    .bind(&new.keys.p256dh)
    .bind(&new.keys.auth)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Removes the endpoint only when it is the person's own.
pub(super) async fn unsubscribe(tx: &mut Tx<'_>, user_id: i64, endpoint: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM push_subscriptions WHERE endpoint = $1 AND user_id = $2")
        .bind(endpoint)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A subscription to send to, with its owner's language and what decides whether the
/// session that made it still holds.
pub(super) struct Subscription {
    pub id: i64,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub language: Option<String>,
    pub session: SessionFacts,
}

pub(super) async fn subscriptions_of(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<Subscription>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.id, s.endpoint, s.p256dh, s.auth, u.language, u.account_role, \
         se.session_kind, se.last_seen_at, se.expires_at, se.ended_at FROM push_subscriptions s \
         JOIN users u ON u.id = s.user_id JOIN sessions se ON se.id = s.session_id \
         WHERE s.user_id = $1 AND se.ended_at IS NULL ORDER BY s.id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|row| {
            let role: String = row.try_get("account_role")?;
            Ok(Subscription {
                id: row.try_get("id")?,
                endpoint: row.try_get("endpoint")?,
                p256dh: row.try_get("p256dh")?,
                auth: row.try_get("auth")?,
                language: row.try_get("language")?,
                session: SessionFacts {
                    kind: row.try_get("session_kind")?,
                    role: AccountRole::parse(&role),
                    last_seen_at: row.try_get("last_seen_at")?,
                    expires_at: row.try_get("expires_at")?,
                    ended_at: row.try_get("ended_at")?,
                },
            })
        })
        .collect()
}

/// Forgets a subscription its push service says is gone.
pub(super) async fn delete_subscription(tx: &mut Tx<'_>, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM push_subscriptions WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
