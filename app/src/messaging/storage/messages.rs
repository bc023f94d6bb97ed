//! Messages and what their readers have read of them.

use crate::access::ConversationAccess;
use crate::db::Tx;
use crate::messaging::{Message, ReadReceipt};
use crate::sealing::text::{Column, TextKeys};
use sqlx::Row;

const MESSAGE_COLUMNS: &str =
    "m.id, m.conversation_id, m.sender_id, u.display_name, m.body, m.client_id, m.sent_at, m.content_lang";

fn message_from(row: &sqlx::any::AnyRow, keys: &TextKeys) -> Result<Message, sqlx::Error> {
    Ok(Message {
        id: row.try_get("id")?,
        conversation_id: row.try_get("conversation_id")?,
        sender_id: row.try_get("sender_id")?,
        sender_name: row.try_get("display_name")?,
        body: keys.read(row, "body", Column::MessageBody)?,
        client_id: row.try_get("client_id")?,
        sent_at: row.try_get("sent_at")?,
        lang: crate::i18n::Lang::parse(&row.try_get::<String, _>("content_lang")?).unwrap_or_default(),
        read_by: Vec::new(),
    })
}

/// Where a page of messages lies in a conversation.
pub(in crate::messaging) enum Window {
    Newest,
    Before(i64),
    After(i64),
}

/// A window of a conversation: (the conversation, how many, and the bound `condition` names).
pub(crate) fn messages_sql(condition: &str, order: &str) -> String {
    format!(
        "SELECT {MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id \
         WHERE m.conversation_id = $1 {condition} ORDER BY m.id {order} LIMIT $2"
    )
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
    let sql = messages_sql(condition, order);
    let mut query = sqlx::query(&sql).bind(conversation.conversation_id()).bind(limit);
    if let Some(bound) = bound {
        query = query.bind(bound);
    }
    let rows = query.fetch_all(&mut **tx).await?;
    let keys = tx.text_keys();
    let mut messages = rows
        .iter()
        .map(|row| message_from(row, &keys))
        .collect::<Result<Vec<_>, _>>()?;
    messages.sort_by_key(|m| m.id);
    Ok(messages)
}

/// (The conversation, the message id.)
pub(crate) const NEWER_MESSAGE: &str =
    "SELECT id FROM messages WHERE conversation_id = $1 AND id > $2 ORDER BY id LIMIT 1";
pub(crate) const OLDER_MESSAGE: &str =
    "SELECT id FROM messages WHERE conversation_id = $1 AND id < $2 ORDER BY id DESC LIMIT 1";

/// Whether the conversation has a message newer (or older) than `id`: one step along
/// its index, however long the conversation.
pub(in crate::messaging) async fn has_message_beyond(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    id: i64,
    newer: bool,
) -> Result<bool, sqlx::Error> {
    let sql = if newer { NEWER_MESSAGE } else { OLDER_MESSAGE };
    let found: Option<i64> = sqlx::query_scalar(sql)
        .bind(conversation.conversation_id())
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(found.is_some())
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
    row.as_ref().map(|row| message_from(row, &tx.text_keys())).transpose()
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
    row.as_ref().map(|row| message_from(row, &tx.text_keys())).transpose()
}

/// Stores a message and returns its id, or nothing when this sender already sent one
/// with this client id (a retry, even one racing the first attempt).
pub(in crate::messaging) async fn insert_message(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    sender_id: i64,
    client_id: &str,
    body: &str,
    lang: crate::i18n::Lang,
    at: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO messages (conversation_id, sender_id, client_id, body, sent_at, content_lang) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sender_id, client_id) DO NOTHING RETURNING id",
    )
    .bind(conversation.conversation_id())
    .bind(sender_id)
    .bind(client_id)
    .bind(tx.text_keys().seal(Column::MessageBody, body))
    .bind(at)
    .bind(lang.code())
    .fetch_optional(&mut **tx)
    .await
}

/// Moves the conversation's newest message to `id`, only ever forward: two sends at once
/// may commit in either order. A worker's message ends the wait for an answer; anyone
/// else's starts it, unless it already waits.
pub(in crate::messaging) async fn advance_last_message(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    id: i64,
    from_worker: bool,
    at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE conversations SET last_message_id = $1, \
         waiting_since = CASE WHEN $3 = 1 THEN NULL ELSE COALESCE(waiting_since, $4) END \
         WHERE id = $2 AND last_message_id < $1",
    )
    .bind(id)
    .bind(conversation.conversation_id())
    .bind(i64::from(from_worker))
    .bind(at)
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

/// The marks of other members that share receipts: (the conversation, the viewer, the
/// first and the last of the viewer's messages on the page).
pub(crate) const READ_RECEIPTS: &str =
    "SELECT r.user_id, u.display_name, r.up_to_message_id, r.read_at FROM read_marks r \
         JOIN users u ON u.id = r.user_id \
         WHERE r.conversation_id = $1 AND r.up_to_message_id >= $3 AND r.up_to_message_id < $4 \
         AND r.user_id <> $2 AND u.sends_read_receipts = 1 \
         UNION ALL \
         SELECT r.user_id, u.display_name, r.up_to_message_id, r.read_at FROM conversation_members cm \
         JOIN users u ON u.id = cm.user_id \
         JOIN read_marks r ON r.id = (SELECT f.id FROM read_marks f WHERE f.conversation_id = cm.conversation_id \
           AND f.user_id = cm.user_id AND f.up_to_message_id >= $4 ORDER BY f.up_to_message_id LIMIT 1) \
         WHERE cm.conversation_id = $1 AND cm.user_id <> $2 AND u.sends_read_receipts = 1";

/// For the viewer's own messages: when each other member (who shares read receipts)
/// first read up to or past it.
///
/// A member's marks only move forward, so what a page needs is the marks that fall
/// within the page and, per member, the first mark past it: never the whole history of
/// marks (an old page of a long conversation would otherwise read nearly all of them).
pub(in crate::messaging) async fn fill_read_receipts(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    viewer_id: i64,
    messages: &mut [Message],
) -> Result<(), sqlx::Error> {
    let own = messages.iter().filter(|m| m.sender_id == viewer_id).map(|m| m.id);
    let (Some(first_own), Some(last_own)) = (own.clone().min(), own.max()) else {
        return Ok(());
    };
    let rows = sqlx::query(READ_RECEIPTS)
        .bind(conversation.conversation_id())
        .bind(viewer_id)
        .bind(first_own)
        .bind(last_own)
        .fetch_all(&mut **tx)
        .await?;
    let mut marks = rows
        .iter()
        .map(|row| {
            Ok((
                row.try_get::<i64, _>("up_to_message_id")?,
                ReadReceipt {
                    user_id: row.try_get("user_id")?,
                    display_name: row.try_get("display_name")?,
                    read_at: row.try_get("read_at")?,
                },
            ))
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    // In the order they were read, as the marks were written.
    marks.sort_by_key(|(up_to, receipt)| (receipt.read_at, *up_to));
    for message in messages.iter_mut().filter(|m| m.sender_id == viewer_id) {
        for (up_to, receipt) in &marks {
            if *up_to >= message.id && !message.read_by.iter().any(|r| r.user_id == receipt.user_id) {
                message.read_by.push(receipt.clone());
            }
        }
    }
    Ok(())
}
