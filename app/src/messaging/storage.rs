//! Messaging queries. Portable SQL, run on SQLite and PostgreSQL alike. Conversations and
//! their members here; messages, away periods and live events in the modules below.
//!
//! What is read or written in one conversation takes its `ConversationAccess`, what is
//! done in one case its `CaseAccess`: neither can be had without passing the check in
//! `access.rs`. The per-person lists (a person's conversations, their pair conversations)
//! take the person's id and carry the reachability rule in their SQL.

mod away;
mod handover;
mod live;
mod messages;

pub(super) use away::{
    away_until, colleagues, end_away, is_colleague, member_names, sends_read_receipts, set_response_promise,
    set_sends_read_receipts, stand_ins_for, start_away, stood_in_cases, waiting_elsewhere, waiting_everywhere,
    WaitingConversation,
};
pub(super) use handover::hand_over;
pub(super) use live::{
    events_after, insert_events, latest_event, latest_event_of, memberships_of, notify_processes, sessions, shares_of,
    users_with_events_after,
};
pub(super) use messages::{
    advance_last_message, fill_read_receipts, has_message, has_message_beyond, insert_message, insert_read_mark,
    message, message_by_client_id, messages, move_read_up_to, Window,
};

use super::ConversationKind;
use crate::access::{CaseAccess, ConversationAccess};
use crate::circle::{CaseRole, CircleMember, MemberKind, Relationship};
use crate::db::hot_queries::HotQuery;
use crate::db::Tx;
use sqlx::Row;
use std::collections::{HashMap, HashSet};

/// A pair conversation that should exist and does not yet: (case, pair key, the two people).
pub(super) struct MissingPair {
    case_id: i64,
    key: String,
    people: (i64, i64),
}

/// The pair conversations the person should have (with each worker of their cases, or
/// for a worker with each participant and family member) and does not have yet.
pub(super) async fn missing_pairs(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<MissingPair>, sqlx::Error> {
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
pub(super) async fn create_pairs(tx: &mut Tx<'_>, missing: &[MissingPair], now: i64) -> Result<(), sqlx::Error> {
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
            insert_member(tx, id, *a, now).await?;
            insert_member(tx, id, *b, now).await?;
        }
    }
    Ok(())
}

/// Only for conversations this module has just made or that a proof names.
async fn insert_member(tx: &mut Tx<'_>, conversation_id: i64, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO conversation_members (conversation_id, user_id, added_at) VALUES ($1, $2, $3)")
        .bind(conversation_id)
        .bind(user_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The ids of everyone in the conversation.
pub(super) async fn member_ids(tx: &mut Tx<'_>, conversation: &ConversationAccess) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM conversation_members WHERE conversation_id = $1 ORDER BY user_id")
        .bind(conversation.conversation_id())
        .fetch_all(&mut **tx)
        .await
}

pub(super) async fn add_member(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    insert_member(tx, conversation.conversation_id(), user_id, now).await
}

/// Whether the user is a worker in the circle of the conversation's case.
pub(super) async fn is_case_worker(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND user_id = $2 AND member_kind = 'worker' AND ended_at IS NULL",
    )
    .bind(conversation.case_id())
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

/// Whether the user is in the conversation in their own right (not standing in).
pub(super) async fn is_member(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    user_id: i64,
) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM conversation_members WHERE conversation_id = $1 AND user_id = $2 AND standing_in_for IS NULL",
    )
    .bind(conversation.conversation_id())
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

pub(super) async fn make_group(tx: &mut Tx<'_>, conversation: &ConversationAccess) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE conversations SET kind = 'group' WHERE id = $1")
        .bind(conversation.conversation_id())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The workers in the case's circle now.
pub(super) async fn case_workers(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT user_id FROM memberships WHERE case_id = $1 AND member_kind = 'worker' AND ended_at IS NULL",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await
}

/// A group conversation in the case, started by the viewer of the proof, with `members`
/// in it in that order. Returns its id.
pub(super) async fn insert_group(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    members: &[i64],
    now: i64,
) -> Result<i64, sqlx::Error> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO conversations (case_id, kind, created_by, created_at) VALUES ($1, 'group', $2, $3) RETURNING id",
    )
    .bind(case.case_id())
    .bind(case.viewer_id())
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    for member in members {
        insert_member(tx, id, *member, now).await?;
    }
    Ok(id)
}

/// A conversation's row as the viewer sees it.
pub(super) struct ConversationRow {
    pub id: i64,
    pub case_id: i64,
    pub participant_name: String,
    pub kind: ConversationKind,
    pub last_message_id: i64,
    pub last_message_at: Option<i64>,
    /// Counted up to [`UNREAD_COUNTED_UP_TO`](super::UNREAD_COUNTED_UP_TO).
    pub unread: i64,
    /// Since when it waits for a worker's answer, and the shortest promise of its workers'
    /// organisations (only while it waits).
    pub waiting_since: Option<i64>,
    pub promise_days: Option<i64>,
}

/// The viewer's conversations: (only this one or 0, the viewer, now, after this id, how
/// many).
///
/// The unread messages lie between the viewer's read mark and the conversation's newest
/// message. Saying both ends keeps a conversation the viewer has caught up with an empty
/// stretch, whichever index a database's statistics lead it to walk.
pub(crate) fn conversations_sql() -> String {
    format!(
        "SELECT c.id, c.case_id, cs.label, c.kind, c.last_message_id, c.waiting_since, \
         (SELECT x.sent_at FROM messages x WHERE x.id = c.last_message_id) AS last_message_at, \
         (SELECT COUNT(*) FROM messages x WHERE x.id IN (SELECT y.id FROM messages y WHERE y.conversation_id = c.id \
          AND y.id > cm.last_read_message_id AND y.id <= c.last_message_id AND y.sender_id <> $2 \
          ORDER BY y.id LIMIT {limit_unread})) AS unread, \
         CASE WHEN c.waiting_since IS NULL THEN NULL ELSE {promise} END AS promise_days \
         FROM conversation_members cm \
         JOIN conversations c ON c.id = cm.conversation_id \
         JOIN cases cs ON cs.id = c.case_id \
         WHERE cm.user_id = $2 AND ($1 = 0 OR c.id = $1) AND c.id > $4 AND {reachable} ORDER BY c.id LIMIT $5",
        limit_unread = super::UNREAD_COUNTED_UP_TO,
        promise = away::PROMISE_DAYS,
        reachable = crate::access::CONVERSATION_REACHABLE
    )
}

/// Which of the viewer's conversations a query asks for.
pub(super) enum Which {
    All,
    One(i64),
    /// A page in id order: after this id, at most so many.
    Page {
        after: i64,
        limit: i64,
    },
}

/// The viewer's conversations in cases whose circle they are still in, oldest first.
///
/// Each unread count stops at [`UNREAD_COUNTED_UP_TO`](super::UNREAD_COUNTED_UP_TO):
/// someone who has not opened a conversation for years must not make every list of
/// theirs count its whole history.
pub(super) async fn conversations_of(
    tx: &mut Tx<'_>,
    user_id: i64,
    which: Which,
    now: i64,
) -> Result<Vec<ConversationRow>, sqlx::Error> {
    let (only, after, limit) = match which {
        Which::All => (0, 0, i64::MAX),
        Which::One(id) => (id, 0, 1),
        Which::Page { after, limit } => (0, after, limit),
    };
    let sql = conversations_sql();
    let rows = sqlx::query(&sql)
        .bind(only)
        .bind(user_id)
        .bind(now)
        .bind(after)
        .bind(limit)
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
            waiting_since: row.try_get("waiting_since")?,
            promise_days: row.try_get("promise_days")?,
        });
    }
    Ok(result)
}

/// The members of every conversation the viewer is in, by conversation, with their role
/// in the case. Members who have left the circle are not shown.
pub(super) async fn members_of_conversations(
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

/// The queries whose cost must not grow with a conversation's history.
pub(super) fn hot_queries() -> Vec<HotQuery> {
    vec![
        HotQuery::new("a person's conversations with unread counts", conversations_sql(), 5),
        HotQuery::page(
            "the newest messages of a conversation",
            messages::messages_sql("", "DESC"),
            2,
        ),
        HotQuery::page("older messages", messages::messages_sql("AND m.id < $3", "DESC"), 3),
        HotQuery::page("whether a newer message follows", messages::NEWER_MESSAGE, 2),
        HotQuery::page("whether an older message precedes", messages::OLDER_MESSAGE, 2),
        HotQuery::new("read receipts of a page", messages::READ_RECEIPTS, 4),
        HotQuery::new("conversations waiting elsewhere", away::waiting_elsewhere_sql(), 1),
        HotQuery::new("conversations waiting everywhere", away::waiting_everywhere_sql(), 2),
    ]
}
