//! The worker's inbox and the response promise. A conversation waits for a worker from
//! the first message after a worker last wrote in it; it is overdue once the shortest
//! promise of the organisations of the workers in it (in working days) has run out. An
//! overdue conversation is shown, without content, to the case's other workers and to
//! the coordinators, so nobody falls through.

use super::storage::{self, ConversationRow};
use super::{Inbox, InboxItem, OverdueNotice};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::clock::after_working_days;
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// The promise when no organisation says otherwise: two working days.
const DEFAULT_PROMISE_DAYS: i64 = 2;

struct Waiting {
    since: i64,
    due_at: i64,
}

async fn waiting(tx: &mut Tx<'_>, conversation_id: i64) -> Result<Option<Waiting>, sqlx::Error> {
    let Some(since) = storage::waiting_since(tx, conversation_id).await? else {
        return Ok(None);
    };
    let promise = storage::shortest_promise(tx, conversation_id).await?;
    Ok(Some(Waiting {
        since,
        due_at: after_working_days(since, promise.unwrap_or(DEFAULT_PROMISE_DAYS)),
    }))
}

async fn notices(
    tx: &mut Tx<'_>,
    candidates: Vec<(i64, i64, String)>,
    now: i64,
) -> Result<Vec<OverdueNotice>, sqlx::Error> {
    let mut notices = Vec::new();
    for (conversation_id, case_id, participant_name) in candidates {
        let Some(wait) = waiting(tx, conversation_id).await? else {
            continue;
        };
        if wait.due_at > now {
            continue;
        }
        let members = storage::member_names(tx, conversation_id).await?;
        notices.push(OverdueNotice {
            conversation_id,
            case_id,
            participant_name,
            members,
            waiting_since: wait.since,
            due_at: wait.due_at,
        });
    }
    notices.sort_by_key(|n| n.waiting_since);
    Ok(notices)
}

pub async fn inbox(state: &AppState, viewer: &Viewer) -> Result<Inbox, AppError> {
    if viewer.role != AccountRole::Worker {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let now = state.clock.now();
    let mut tx = super::service::read_with_pairs(state, viewer.user_id, now).await?;
    let rows: Vec<ConversationRow> = storage::conversations_of(&mut tx, viewer.user_id, None, now).await?;
    let mut waits = Vec::with_capacity(rows.len());
    for row in &rows {
        waits.push(waiting(&mut tx, row.id).await?);
    }
    let conversations = super::service::with_members(&mut tx, viewer, rows, now).await?;
    let mut items: Vec<InboxItem> = conversations
        .into_iter()
        .zip(waits)
        .map(|(conversation, wait)| InboxItem {
            conversation,
            waiting_since: wait.as_ref().map(|w| w.since),
            due_at: wait.as_ref().map(|w| w.due_at),
            overdue: wait.is_some_and(|w| w.due_at <= now),
        })
        .collect();
    // Waiting first, longest wait on top; then the rest, most recent first.
    items.sort_by_key(|item| match item.waiting_since {
        Some(since) => (0, since),
        None => (1, -item.conversation.last_message_id),
    });
    let elsewhere = storage::unanswered_elsewhere(&mut tx, viewer.user_id).await?;
    let overdue_elsewhere = notices(&mut tx, elsewhere, now).await?;
    tx.commit().await?;
    Ok(Inbox {
        conversations: items,
        overdue_elsewhere,
    })
}

/// For coordinators: every conversation past its promise, across all cases.
pub async fn overdue_everywhere(state: &AppState, viewer: &Viewer) -> Result<Vec<OverdueNotice>, AppError> {
    crate::access::require_coordinator(viewer)?;
    let now = state.clock.now();
    let mut tx = state.read().await?;
    let all = storage::conversations_with_messages(&mut tx).await?;
    let overdue = notices(&mut tx, all, now).await?;
    tx.commit().await?;
    Ok(overdue)
}
