//! Messages and what their readers have read of them.

use crate::access::ConversationAccess;
use crate::db::Tx;
use crate::messaging::{Message, ReadReceipt};
use sqlx::Row;

const MESSAGE_COLUMNS: &str = "m.id, m.conversation_id, m.sender_id, u.display_name, m.body, m.client_id, m.sent_at";

fn message_from(row: &sqlx::any::AnyRow) -> Result<Message, sqlx::Error> {
    Ok(Message {
        id: row.try_get("id")?,
        conversation_id: row.try_get("conversation_id")?,
        sender_id: row.try_get("sender_id")?,
        sender_name: row.try_get("display_name")?,
        body: row.try_get("body")?,
        client_id: row.try_get("client_id")?,
        sent_at: row.try_get("sent_at")?,
        read_by: Vec::new(),
    })
}

/// Where a page of messages lies in a conversation.
pub(in crate::messaging) enum Window {
    Newest,
    Before(i64),
    After(i64),
}

/// At most `limit` messages of the window, oldest first.
pub(in crate::messaging) async fn messages(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    window: Window,
    limit: i64,
) -> Result<Vec<Message>, sqlx::Error> {
    let (condition, order, bound) = match window {
        Window::Newest => ("", "DESC", None),
        Window::Before(id) => ("AND m.id < $3", "DESC", Some(id)),
        Window::After(id) => ("AND m.id > $3", "ASC", Some(id)),
    };
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id \
         WHERE m.conversation_id = $1 {condition} ORDER BY m.id {order} LIMIT $2"
    );
    let mut query = sqlx::query(&sql).bind(conversation.conversation_id()).bind(limit);
    if let Some(bound) = bound {
        query = query.bind(bound);
    }
    let rows = query.fetch_all(&mut **tx).await?;
    let mut messages = rows.iter().map(message_from).collect::<Result<Vec<_>, _>>()?;
    messages.sort_by_key(|m| m.id);
    Ok(messages)
}

/// Whether the conversation has a message newer (or older) than `id`.
pub(in crate::messaging) async fn has_message_beyond(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    id: i64,
    newer: bool,
) -> Result<bool, sqlx::Error> {
    let sql = if newer {
        "SELECT COUNT(*) FROM messages WHERE conversation_id = $1 AND id > $2"
    } else {
        "SELECT COUNT(*) FROM messages WHERE conversation_id = $1 AND id < $2"
    };
    let count: i64 = sqlx::query_scalar(sql)
        .bind(conversation.conversation_id())
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

/// Whether the message `id` is one of the conversation's.
pub(in crate::messaging) async fn has_message(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    id: i64,
) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE id = $1 AND conversation_id = $2")
        .bind(id)
        .bind(conversation.conversation_id())
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

/// The conversation's message `id`.
pub(in crate::messaging) async fn message(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    id: i64,
) -> Result<Option<Message>, sqlx::Error> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id \
         WHERE m.id = $1 AND m.conversation_id = $2"
    );
    let row = sqlx::query(&sql)
        .bind(id)
        .bind(conversation.conversation_id())
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(message_from).transpose()
}

/// The sender's own message with this client id, in whichever conversation: a client id
/// is the sender's, so that a retry finds what the first attempt sent.
pub(in crate::messaging) async fn message_by_client_id(
    tx: &mut Tx<'_>,
    sender_id: i64,
    client_id: &str,
) -> Result<Option<Message>, sqlx::Error> {
    let sql = format!(
        "SELECT {MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id \
         WHERE m.sender_id = $1 AND m.client_id = $2"
    );
    let row = sqlx::query(&sql)
        .bind(sender_id)
        .bind(client_id)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(message_from).transpose()
}

/// Stores a message and returns its id, or nothing when this sender already sent one
/// with this client id (a retry, even one racing the first attempt).
pub(in crate::messaging) async fn insert_message(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    sender_id: i64,
    client_id: &str,
    body: &str,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO messages (conversation_id, sender_id, client_id, body, sent_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (sender_id, client_id) DO NOTHING RETURNING id",
    )
    .bind(conversation.conversation_id())
    .bind(sender_id)
    .bind(client_id)
    .bind(body)
    .bind(at)
    .fetch_optional(&mut **tx)
    .await
}

/// Moves the conversation's newest message to `id`, only ever forward: two sends at once
/// may commit in either order.
pub(in crate::messaging) async fn advance_last_message(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE conversations SET last_message_id = $1 WHERE id = $2 AND last_message_id < $1")
        .bind(id)
        .bind(conversation.conversation_id())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Moves what the user has read of the conversation up to `up_to`, never backwards.
/// Returns whether it moved.
pub(in crate::messaging) async fn move_read_up_to(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    user_id: i64,
    up_to: i64,
) -> Result<bool, sqlx::Error> {
    let moved = sqlx::query(
        "UPDATE conversation_members SET last_read_message_id = $1 \
         WHERE conversation_id = $2 AND user_id = $3 AND last_read_message_id < $1",
    )
    .bind(up_to)
    .bind(conversation.conversation_id())
    .bind(user_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(moved > 0)
}

/// Records when the user read up to `up_to`, for read receipts.
pub(in crate::messaging) async fn insert_read_mark(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    user_id: i64,
    up_to: i64,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO read_marks (conversation_id, user_id, up_to_message_id, read_at) VALUES ($1, $2, $3, $4)")
        .bind(conversation.conversation_id())
        .bind(user_id)
        .bind(up_to)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// For the viewer's own messages: when each other member (who shares read receipts)
/// first read up to or past it.
pub(in crate::messaging) async fn fill_read_receipts(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    viewer_id: i64,
    messages: &mut [Message],
) -> Result<(), sqlx::Error> {
    let Some(first_own) = messages.iter().filter(|m| m.sender_id == viewer_id).map(|m| m.id).min() else {
        return Ok(());
    };
    let marks = sqlx::query(
        "SELECT r.user_id, u.display_name, r.up_to_message_id, r.read_at FROM read_marks r \
         JOIN users u ON u.id = r.user_id \
         WHERE r.conversation_id = $1 AND r.user_id <> $2 AND u.sends_read_receipts = 1 AND r.up_to_message_id >= $3 \
         ORDER BY r.id",
    )
    .bind(conversation.conversation_id())
    .bind(viewer_id)
    .bind(first_own)
    .fetch_all(&mut **tx)
    .await?;
    for message in messages.iter_mut().filter(|m| m.sender_id == viewer_id) {
        for row in &marks {
            let user_id: i64 = row.try_get("user_id")?;
            let up_to: i64 = row.try_get("up_to_message_id")?;
            if up_to >= message.id && !message.read_by.iter().any(|r| r.user_id == user_id) {
                message.read_by.push(ReadReceipt {
                    user_id,
                    display_name: row.try_get("display_name")?,
                    read_at: row.try_get("read_at")?,
                });
            }
        }
    }
    Ok(())
}
