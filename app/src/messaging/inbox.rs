//! The worker's inbox and the response promise. A conversation waits for a worker from
//! the first message after a worker last wrote in it; it is overdue once the shortest
//! promise of the organisations of the workers in it (in working days) has run out. An
//! overdue conversation is shown, without content, to the case's other workers and to
//! the coordinators, so nobody falls through.

use super::storage::{self, ConversationRow, Which};
use super::{Inbox, InboxItem, OverdueNotice};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::clock::after_working_days;
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// The promise when no organisation says otherwise: two working days.
const DEFAULT_PROMISE_DAYS: i64 = 2;

/// When a conversation that waits since `since` is due, by its workers' shortest promise.
fn due_at(since: i64, promise_days: Option<i64>) -> i64 {
    after_working_days(since, promise_days.unwrap_or(DEFAULT_PROMISE_DAYS))
}

async fn notices(
    tx: &mut Tx<'_>,
    waiting: Vec<storage::WaitingConversation>,
    now: i64,
) -> Result<Vec<OverdueNotice>, sqlx::Error> {
    let mut notices = Vec::new();
    for conversation in waiting {
        let due_at = due_at(conversation.waiting_since, conversation.promise_days);
        if due_at > now {
            continue;
        }
        let members = storage::member_names(tx, conversation.conversation_id).await?;
        notices.push(OverdueNotice {
            conversation_id: conversation.conversation_id,
            case_id: conversation.case_id,
            participant_name: conversation.participant_name,
            members,
            waiting_since: conversation.waiting_since,
            due_at,
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
    let rows: Vec<ConversationRow> = storage::conversations_of(&mut tx, viewer.user_id, Which::All, now).await?;
    let waits: Vec<Option<(i64, i64)>> = rows
        .iter()
        .map(|row| row.waiting_since.map(|since| (since, due_at(since, row.promise_days))))
        .collect();
    let conversations = super::service::with_members(&mut tx, viewer, rows, now).await?;
    let mut items: Vec<InboxItem> = conversations
        .into_iter()
        .zip(waits)
        .map(|(conversation, wait)| InboxItem {
            conversation,
            waiting_since: wait.map(|(since, _)| since),
            due_at: wait.map(|(_, due)| due),
            overdue: wait.is_some_and(|(_, due)| due <= now),
        })
        .collect();
    // Waiting first, longest wait on top; then the rest, most recent first.
    items.sort_by_key(|item| match item.waiting_since {
        Some(since) => (0, since),
        None => (1, -item.conversation.last_message_id),
    });
    let elsewhere = storage::waiting_elsewhere(&mut tx, viewer.user_id).await?;
    let overdue_elsewhere = notices(&mut tx, elsewhere, now).await?;
    tx.commit().await?;
    Ok(Inbox {
        conversations: items,
        overdue_elsewhere,
    })
}

/// For coordinators: every conversation past its promise in their organisation's cases.
pub async fn overdue_everywhere(state: &AppState, viewer: &Viewer) -> Result<Vec<OverdueNotice>, AppError> {
    crate::access::require_coordinator(viewer)?;
    let now = state.clock.now();
    let mut tx = state.read().await?;
    let all = storage::waiting_everywhere(&mut tx, (viewer.organisation_id, viewer.user_id)).await?;
    let overdue = notices(&mut tx, all, now).await?;
    tx.commit().await?;
    Ok(overdue)
}
