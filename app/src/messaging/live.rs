//! Live delivery. A change writes one `events` row for each person to tell, in the
//! change's own transaction; after the commit it wakes those people's streams in this
//! process and, on PostgreSQL, in every other process through NOTIFY (which the database
//! sends only on commit). A stream then reads its person's rows after the last one it
//! sent, so a lost wake-up or a dropped connection loses nothing: the client resumes from
//! its last event id.

use super::{storage, Message};
use crate::access;
use crate::accounts::service::Viewer;
use crate::db::{Backend, Tx};
use crate::error::AppError;
use crate::state::AppState;
use serde::Serialize;
use sqlx::Row;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::broadcast;

pub const NOTIFY_CHANNEL: &str = "brug_events";

/// Wakes the streams of the people named: carries user ids only, never content.
#[derive(Clone, Debug)]
pub struct EventBus {
    sender: broadcast::Sender<i64>,
    closing: Arc<AtomicBool>,
    poll_every: std::time::Duration,
}

impl Default for EventBus {
    fn default() -> Self {
        EventBus::polling_every(std::time::Duration::from_secs(5))
    }
}

impl EventBus {
    /// `poll_every`: how often a stream reads the database without being woken, the
    /// safety net for a wake-up that got lost.
    pub fn polling_every(poll_every: std::time::Duration) -> Self {
        let (sender, _) = broadcast::channel(4096);
        EventBus {
            sender,
            closing: Arc::default(),
            poll_every,
        }
    }

    pub fn poll_every(&self) -> std::time::Duration {
        self.poll_every
    }

    /// Asks every open stream to end, so a server that is stopping is not held open by
    /// streams that never finish on their own. Clients reconnect to another server.
    pub fn close(&self) {
        self.closing.store(true, Ordering::Relaxed);
    }

    pub fn is_closing(&self) -> bool {
        self.closing.load(Ordering::Relaxed)
    }

    pub fn wake(&self, users: &[i64]) {
        for user in users {
            // No stream listening is fine: the events wait in the database.
            let _ = self.sender.send(*user);
        }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<i64> {
        self.sender.subscribe()
    }
}

pub struct NewEvent<'a> {
    pub kind: &'static str,
    pub conversation_id: i64,
    pub message_id: i64,
    pub actor_id: i64,
    pub at: i64,
    pub recipients: &'a [i64],
}

/// Records the event for each recipient in the caller's transaction; on PostgreSQL it
/// also queues the wake-up for other processes, sent by the database on commit.
pub async fn record(tx: &mut Tx<'_>, backend: Backend, event: NewEvent<'_>) -> Result<(), sqlx::Error> {
    for user in event.recipients {
        sqlx::query(
            "INSERT INTO events (user_id, kind, conversation_id, message_id, actor_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(user)
        .bind(event.kind)
        .bind(event.conversation_id)
        .bind(event.message_id)
        .bind(event.actor_id)
        .bind(event.at)
        .execute(&mut **tx)
        .await?;
    }
    if backend == Backend::Postgres && !event.recipients.is_empty() {
        let ids: Vec<String> = event.recipients.iter().map(i64::to_string).collect();
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(NOTIFY_CHANNEL)
            .bind(ids.join(","))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// A read receipt as a stream carries it: who read the conversation up to which message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReadEvent {
    pub user_id: i64,
    pub display_name: String,
    pub up_to: i64,
    pub read_at: i64,
}

/// One event on a stream: a new message or a read receipt, with the person's unread
/// count across all their conversations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LiveEvent {
    /// Send back as `Last-Event-ID` (or `after`) to resume after a dropped connection.
    pub id: i64,
    /// `message` or `read`.
    pub kind: String,
    pub conversation_id: i64,
    pub message: Option<Message>,
    pub read: Option<ReadEvent>,
    pub unread_total: i64,
}

/// Where a new stream starts when the client names no last event: from now on.
pub async fn latest_event_id(state: &AppState, user_id: i64) -> Result<i64, AppError> {
    let mut tx = state.read().await?;
    let id: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM events WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(id.unwrap_or(0))
}

/// The viewer's events after `after`, oldest first, and the id to continue from. Events
/// of conversations the viewer can no longer reach are passed over.
pub async fn events_after(
    state: &AppState,
    viewer: &Viewer,
    after: i64,
    limit: i64,
) -> Result<(Vec<LiveEvent>, i64), AppError> {
    let mut tx = state.read().await?;
    let rows = sqlx::query(
        "SELECT e.id, e.kind, e.conversation_id, e.message_id, e.actor_id, e.created_at, u.display_name \
         FROM events e JOIN users u ON u.id = e.actor_id WHERE e.user_id = $1 AND e.id > $2 ORDER BY e.id LIMIT $3",
    )
    .bind(viewer.user_id)
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *tx)
    .await?;
    let mut last = after;
    let mut events = Vec::with_capacity(rows.len());
    for row in rows {
        let id: i64 = row.try_get("id")?;
        last = id;
        let conversation_id: i64 = row.try_get("conversation_id")?;
        if access::require_conversation_member(&mut tx, viewer, conversation_id, state.clock.now())
            .await
            .is_err()
        {
            continue;
        }
        let kind: String = row.try_get("kind")?;
        let message_id: i64 = row.try_get("message_id")?;
        let (message, read) = if kind == "message" {
            (storage::message_by_id(&mut tx, message_id).await?, None)
        } else {
            let read = ReadEvent {
                user_id: row.try_get("actor_id")?,
                display_name: row.try_get("display_name")?,
                up_to: message_id,
                read_at: row.try_get("created_at")?,
            };
            (None, Some(read))
        };
        events.push(LiveEvent {
            id,
            kind,
            conversation_id,
            message,
            read,
            unread_total: 0,
        });
    }
    if !events.is_empty() {
        let total: i64 = storage::conversations_of(&mut tx, viewer.user_id, None, state.clock.now())
            .await?
            .iter()
            .map(|c| c.unread)
            .sum();
        for event in &mut events {
            event.unread_total = total;
        }
    }
    tx.commit().await?;
    Ok((events, last))
}

/// What the viewer may reach now: circles they are in and what is shared with them. A
/// stream ends as soon as any of this is taken away, so the client reconnects (or not)
/// under the new rules.
pub async fn access_fingerprint(state: &AppState, user_id: i64) -> Result<Vec<String>, AppError> {
    let mut tx = state.read().await?;
    let mut fingerprints = access_fingerprints(&mut tx, &[user_id]).await?;
    tx.commit().await?;
    let mut fingerprint = fingerprints.remove(&user_id).unwrap_or_default();
    fingerprint.sort();
    Ok(fingerprint)
}

/// Most ids bound in one `IN (…)`: far below what SQLite and PostgreSQL accept.
const IDS_PER_QUERY: usize = 500;

/// `$1, $2, …, $n`.
fn placeholders(count: usize) -> String {
    (1..=count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// Which of these sessions still hold, by the rules of `accounts::service::authenticate`
/// (not ended, not expired, a browser's not idle), read for all open streams at once.
pub async fn live_sessions(
    tx: &mut Tx<'_>,
    session_ids: &[i64],
    policy: &crate::state::SessionPolicy,
) -> Result<std::collections::HashSet<i64>, AppError> {
    let now = crate::db::now();
    let mut live = std::collections::HashSet::new();
    for chunk in session_ids.chunks(IDS_PER_QUERY) {
        let sql = format!(
            "SELECT s.id, s.session_kind, s.last_seen_at, s.expires_at, s.ended_at, u.account_role \
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id IN ({})",
            placeholders(chunk.len())
        );
        let mut query = sqlx::query_as::<_, (i64, String, i64, i64, Option<i64>, String)>(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        for (id, kind, last_seen_at, expires_at, ended_at, role) in query.fetch_all(&mut **tx).await? {
            let idle_limit = policy.idle_secs(crate::accounts::AccountRole::parse(&role));
            let idle = kind == "web" && now - last_seen_at >= idle_limit;
            if ended_at.is_none() && now < expires_at && !idle {
                live.insert(id);
            }
        }
    }
    Ok(live)
}

/// `access_fingerprint` for many people in one read: person → what they may reach.
pub async fn access_fingerprints(
    tx: &mut Tx<'_>,
    user_ids: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<String>>, AppError> {
    let mut distinct: Vec<i64> = user_ids.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let mut fingerprints: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for chunk in distinct.chunks(IDS_PER_QUERY) {
        let list = placeholders(chunk.len());
        let memberships = format!(
            "SELECT user_id, case_id, member_kind FROM memberships WHERE ended_at IS NULL AND user_id IN ({list})"
        );
        let shares = format!(
            "SELECT c.family_user_id, c.case_id, c.category FROM consents c WHERE c.family_user_id IN ({list}) \
             AND NOT EXISTS (SELECT 1 FROM sharing_restrictions r WHERE r.case_id = c.case_id \
             AND r.family_user_id = c.family_user_id AND r.category = c.category)"
        );
        for (user, case, kind) in user_case_rows(tx, &memberships, chunk).await? {
            fingerprints
                .entry(user)
                .or_default()
                .push(format!("member:{case}:{kind}"));
        }
        for (user, case, category) in user_case_rows(tx, &shares, chunk).await? {
            fingerprints
                .entry(user)
                .or_default()
                .push(format!("share:{case}:{category}"));
        }
    }
    Ok(fingerprints)
}

/// Runs `sql`, whose `IN (…)` names `ids`, for (person, case, text) rows.
async fn user_case_rows(tx: &mut Tx<'_>, sql: &str, ids: &[i64]) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    let mut query = sqlx::query_as::<_, (i64, i64, String)>(sql);
    for id in ids {
        query = query.bind(id);
    }
    query.fetch_all(&mut **tx).await
}

/// The newest event id, and who has events after `after` (nobody when `after` is `None`:
/// the first look only learns where the events stand).
pub async fn users_with_events_after(
    tx: &mut Tx<'_>,
    after: Option<i64>,
) -> Result<(Option<i64>, std::collections::HashSet<i64>), AppError> {
    let latest: Option<i64> = sqlx::query_scalar("SELECT MAX(id) FROM events")
        .fetch_one(&mut **tx)
        .await?;
    let Some(after) = after else {
        return Ok((Some(latest.unwrap_or(0)), Default::default()));
    };
    let users: Vec<i64> = sqlx::query_scalar("SELECT DISTINCT user_id FROM events WHERE id > $1")
        .bind(after)
        .fetch_all(&mut **tx)
        .await?;
    Ok((latest.or(Some(after)), users.into_iter().collect()))
}
