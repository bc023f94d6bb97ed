//! Messaging queries. Portable SQL, run on SQLite and PostgreSQL alike.

use super::{ConversationKind, Message, ReadReceipt};
use crate::circle::{CaseRole, CircleMember, MemberKind, Relationship};
use crate::db::Tx;
use sqlx::Row;
use std::collections::{HashMap, HashSet};

/// Makes sure the viewer has a conversation with each worker of their cases (or, for a
/// worker, with each participant and family member of theirs): one per pair and case.
/// A pair conversation that should exist and does not yet: (case, pair key, the two people).
pub struct MissingPair {
    case_id: i64,
    key: String,
    people: (i64, i64),
}

/// The pair conversations the person should have (with each worker of their cases, or
/// for a worker with each participant and family member) and does not have yet.
pub async fn missing_pairs(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<MissingPair>, sqlx::Error> {
    let existing: HashSet<String> = sqlx::query_scalar(
        "SELECT c.pair_key FROM conversations c JOIN conversation_members cm ON cm.conversation_id = c.id \
         WHERE cm.user_id = $1 AND c.pair_key IS NOT NULL",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .collect();
    let pairs = sqlx::query(
        "SELECT me.case_id, other.user_id AS other_id FROM memberships me \
         JOIN memberships other ON other.case_id = me.case_id AND other.ended_at IS NULL AND other.user_id <> me.user_id \
         WHERE me.user_id = $1 AND me.ended_at IS NULL \
         AND ((me.member_kind = 'worker') <> (other.member_kind = 'worker'))",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut missing = Vec::new();
    for row in pairs {
        let case_id: i64 = row.try_get("case_id")?;
        let other: i64 = row.try_get("other_id")?;
        let people = (user_id.min(other), user_id.max(other));
        let key = format!("{case_id}:{}:{}", people.0, people.1);
        if !existing.contains(&key) {
            missing.push(MissingPair { case_id, key, people });
        }
    }
    Ok(missing)
}

/// Creates the missing pair conversations; one made meanwhile by another request stays.
pub async fn create_pairs(tx: &mut Tx<'_>, missing: &[MissingPair], now: i64) -> Result<(), sqlx::Error> {
    for MissingPair {
        case_id,
        key,
        people: (a, b),
    } in missing
    {
        let created: Option<i64> = sqlx::query_scalar(
            "INSERT INTO conversations (case_id, kind, pair_key, created_at) VALUES ($1, 'pair', $2, $3) \
             ON CONFLICT (pair_key) DO NOTHING RETURNING id",
        )
        .bind(case_id)
        .bind(key)
        .bind(now)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some(id) = created {
            add_member(tx, id, *a, now).await?;
            add_member(tx, id, *b, now).await?;
        }
    }
    Ok(())
}

/// The ids of everyone in the conversation.
pub async fn member_ids(tx: &mut Tx<'_>, conversation_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM conversation_members WHERE conversation_id = $1 ORDER BY user_id")
        .bind(conversation_id)
        .fetch_all(&mut **tx)
        .await
}

pub async fn add_member(tx: &mut Tx<'_>, conversation_id: i64, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO conversation_members (conversation_id, user_id, added_at) VALUES ($1, $2, $3)")
        .bind(conversation_id)
        .bind(user_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A conversation's row as the viewer sees it.
pub struct ConversationRow {
    pub id: i64,
    pub case_id: i64,
    pub participant_name: String,
    pub kind: ConversationKind,
    pub last_message_id: i64,
    pub last_message_at: Option<i64>,
    pub unread: i64,
}

/// The viewer's conversations in cases whose circle they are still in, oldest first.
pub async fn conversations_of(
    tx: &mut Tx<'_>,
    user_id: i64,
    only: Option<i64>,
    now: i64,
) -> Result<Vec<ConversationRow>, sqlx::Error> {
    let sql = format!(
        "SELECT c.id, c.case_id, cs.label, c.kind, c.last_message_id, \
         (SELECT x.sent_at FROM messages x WHERE x.id = c.last_message_id) AS last_message_at, \
         (SELECT COUNT(*) FROM messages x WHERE x.conversation_id = c.id \
          AND x.id > cm.last_read_message_id AND x.sender_id <> $2) AS unread \
         FROM conversations c \
         JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = $2 \
         JOIN cases cs ON cs.id = c.case_id \
         WHERE ($1 = 0 OR c.id = $1) AND {} ORDER BY c.id",
        crate::access::CONVERSATION_REACHABLE
    );
    let rows = sqlx::query(&sql)
        .bind(only.unwrap_or(0))
        .bind(user_id)
        .bind(now)
        .fetch_all(&mut **tx)
        .await?;
    let mut result = Vec::with_capacity(rows.len());
    for row in rows {
        let kind: String = row.try_get("kind")?;
        let Some(kind) = ConversationKind::parse(&kind) else {
            continue;
        };
        result.push(ConversationRow {
            id: row.try_get("id")?,
            case_id: row.try_get("case_id")?,
            participant_name: row.try_get("label")?,
            kind,
            last_message_id: row.try_get("last_message_id")?,
            last_message_at: row.try_get("last_message_at")?,
            unread: row.try_get("unread")?,
        });
    }
    Ok(result)
}

/// The members of every conversation the viewer is in, by conversation, with their role
/// in the case. Members who have left the circle are not shown.
pub async fn members_of_conversations(
    tx: &mut Tx<'_>,
    user_id: i64,
) -> Result<HashMap<i64, Vec<CircleMember>>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT cm.conversation_id, u.id, u.display_name, m.member_kind, m.case_role, m.relationship, \
         o.name AS organisation \
         FROM conversation_members cm \
         JOIN conversations c ON c.id = cm.conversation_id \
         JOIN users u ON u.id = cm.user_id \
         JOIN memberships m ON m.case_id = c.case_id AND m.user_id = cm.user_id AND m.ended_at IS NULL \
         LEFT JOIN organisations o ON o.id = u.organisation_id \
         WHERE cm.conversation_id IN (SELECT conversation_id FROM conversation_members WHERE user_id = $1) \
         ORDER BY cm.conversation_id, CASE m.member_kind WHEN 'participant' THEN 0 WHEN 'family' THEN 1 ELSE 2 END, u.id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut members: HashMap<i64, Vec<CircleMember>> = HashMap::new();
    for row in rows {
        let kind: String = row.try_get("member_kind")?;
        let Some(kind) = MemberKind::parse(&kind) else { continue };
        let case_role: Option<String> = row.try_get("case_role")?;
        let relationship: Option<String> = row.try_get("relationship")?;
        members
            .entry(row.try_get("conversation_id")?)
            .or_default()
            .push(CircleMember {
                user_id: row.try_get("id")?,
                display_name: row.try_get("display_name")?,
                kind,
                case_role: case_role.as_deref().and_then(CaseRole::parse),
                relationship: relationship.as_deref().and_then(Relationship::parse),
                organisation: row.try_get("organisation")?,
            });
    }
    Ok(members)
}

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
pub enum Window {
    Newest,
    Before(i64),
    After(i64),
}

/// At most `limit` messages of the window, oldest first.
pub async fn messages(
    tx: &mut Tx<'_>,
    conversation_id: i64,
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
    let mut query = sqlx::query(&sql).bind(conversation_id).bind(limit);
    if let Some(bound) = bound {
        query = query.bind(bound);
    }
    let rows = query.fetch_all(&mut **tx).await?;
    let mut messages = rows.iter().map(message_from).collect::<Result<Vec<_>, _>>()?;
    messages.sort_by_key(|m| m.id);
    Ok(messages)
}

pub async fn has_message_beyond(
    tx: &mut Tx<'_>,
    conversation_id: i64,
    id: i64,
    newer: bool,
) -> Result<bool, sqlx::Error> {
    let sql = if newer {
        "SELECT COUNT(*) FROM messages WHERE conversation_id = $1 AND id > $2"
    } else {
        "SELECT COUNT(*) FROM messages WHERE conversation_id = $1 AND id < $2"
    };
    let count: i64 = sqlx::query_scalar(sql)
        .bind(conversation_id)
        .bind(id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

pub async fn message_by_id(tx: &mut Tx<'_>, id: i64) -> Result<Option<Message>, sqlx::Error> {
    let sql = format!("SELECT {MESSAGE_COLUMNS} FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(message_from).transpose()
}

pub async fn message_by_client_id(
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

/// For the viewer's own messages: when each other member (who shares read receipts)
/// first read up to or past it.
pub async fn fill_read_receipts(
    tx: &mut Tx<'_>,
    conversation_id: i64,
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
    .bind(conversation_id)
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
