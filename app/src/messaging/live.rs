//! Live delivery. A change writes one `events` row for each person to tell, in the
//! change's own transaction; after the commit it wakes those people's streams in this
//! process and, on PostgreSQL, in every other process through NOTIFY (which the database
//! sends only on commit). A stream then reads its person's rows after the last one it
//! sent, so a lost wake-up or a dropped connection loses nothing: the client resumes from
//! its last event id.

use super::{storage, Message};
use crate::access::{self, ConversationAccess};
use crate::accounts::service::Viewer;
use crate::circle::first_name;
use crate::db::{Backend, Tx};
use crate::error::AppError;
use crate::state::{AppState, RequestContext};
use serde::Serialize;
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

/// An event in one conversation; `record` takes that conversation's proof beside it.
pub(super) struct NewEvent<'a> {
    pub kind: &'static str,
    pub message_id: i64,
    pub actor_id: i64,
    pub at: i64,
    pub recipients: &'a [i64],
}

/// Records the event for each recipient in the caller's transaction; on PostgreSQL it
/// also queues the wake-up for other processes, sent by the database on commit.
pub(super) async fn record(
    tx: &mut Tx<'_>,
    backend: Backend,
    conversation: &ConversationAccess,
    event: NewEvent<'_>,
) -> Result<(), sqlx::Error> {
    storage::insert_events(tx, conversation, &event).await?;
    if backend == Backend::Postgres && !event.recipients.is_empty() {
        storage::notify_processes(tx, event.recipients).await?;
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
    let id = storage::latest_event_of(&mut tx, user_id).await?;
    tx.commit().await?;
    Ok(id.unwrap_or(0))
}

/// The viewer's events after `after`, oldest first, and the id to continue from. Events
/// of conversations the viewer can no longer reach are passed over. Delivering a message's
/// text is reading it: it is recorded as a read of its conversation, as a page would be,
/// before the events are handed out.
pub async fn events_after(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    after: i64,
    limit: i64,
) -> Result<(Vec<LiveEvent>, i64), AppError> {
    let mut tx = state.read().await?;
    let rows = storage::events_after(&mut tx, viewer.user_id, after, limit).await?;
    let mut last = after;
    let mut events = Vec::with_capacity(rows.len());
    let mut recorded = std::collections::HashSet::new();
    for row in rows {
        last = row.id;
        let now = state.clock.now();
        let reached = if row.kind == "message" && recorded.insert(row.conversation_id) {
            access::open_conversation(&mut tx, ctx, viewer, row.conversation_id, now).await
        } else {
            access::require_conversation_member(&mut tx, viewer, row.conversation_id, now).await
        };
        let Ok(conversation) = reached else {
            recorded.remove(&row.conversation_id);
            continue;
        };
        let by_first_name = super::service::circle_hidden_from(&mut tx, viewer, conversation.case_id()).await?;
        let (message, read) = if row.kind == "message" {
            let mut message = storage::message(&mut tx, &conversation, row.message_id).await?;
            if by_first_name {
                message.iter_mut().for_each(Message::by_first_names);
            }
            (message, None)
        } else {
            let read = ReadEvent {
                user_id: row.actor_id,
                display_name: match by_first_name {
                    true => first_name(&row.actor_name),
                    false => row.actor_name,
                },
                up_to: row.message_id,
                read_at: row.created_at,
            };
            (None, Some(read))
        };
        events.push(LiveEvent {
            id: row.id,
            kind: row.kind,
            conversation_id: row.conversation_id,
            message,
            read,
            unread_total: 0,
        });
    }
    if !events.is_empty() {
        let total: i64 = storage::conversations_of(&mut tx, viewer.user_id, storage::Which::All, state.clock.now())
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

/// Which of these sessions still hold (`SessionPolicy::holds`), read for all open
/// streams at once.
pub(super) async fn live_sessions(
    tx: &mut Tx<'_>,
    session_ids: &[i64],
    policy: &crate::state::SessionPolicy,
) -> Result<std::collections::HashSet<i64>, AppError> {
    let now = crate::db::now();
    Ok(storage::sessions(tx, session_ids)
        .await?
        .into_iter()
        .filter(|(_, facts)| policy.holds(facts, now))
        .map(|(id, _)| id)
        .collect())
}

/// `access_fingerprint` for many people in one read: person → what they may reach.
pub(super) async fn access_fingerprints(
    tx: &mut Tx<'_>,
    user_ids: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<String>>, AppError> {
    let mut distinct: Vec<i64> = user_ids.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let mut fingerprints: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for (user, case, kind) in storage::memberships_of(tx, &distinct).await? {
        fingerprints
            .entry(user)
            .or_default()
            .push(format!("member:{case}:{kind}"));
    }
    for (user, case, category) in storage::shares_of(tx, &distinct).await? {
        fingerprints
            .entry(user)
            .or_default()
            .push(format!("share:{case}:{category}"));
    }
    Ok(fingerprints)
}

/// The newest event id, and who has events after `after` (nobody when `after` is `None`:
/// the first look only learns where the events stand).
pub(super) async fn users_with_events_after(
    tx: &mut Tx<'_>,
    after: Option<i64>,
) -> Result<(Option<i64>, std::collections::HashSet<i64>), AppError> {
    let latest = storage::latest_event(tx).await?;
    let Some(after) = after else {
        return Ok((Some(latest.unwrap_or(0)), Default::default()));
    };
    let users = storage::users_with_events_after(tx, after).await?;
    Ok((latest.or(Some(after)), users.into_iter().collect()))
}
