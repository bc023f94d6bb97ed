//! The `events` rows that live streams read, and the batched reads of the stream hub
//! (sessions, memberships and shares of everyone listening). The hub's reads are for many
//! people at once and not about one case: they take user or session ids.

use crate::access::ConversationAccess;
use crate::accounts::AccountRole;
use crate::db::Tx;
use crate::messaging::live::{NewEvent, NOTIFY_CHANNEL};
use crate::state::SessionFacts;
use sqlx::Row;

/// Writes the event of the conversation for each of its recipients, in one statement.
pub(in crate::messaging) async fn insert_events(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    event: &NewEvent<'_>,
) -> Result<(), sqlx::Error> {
    if event.recipients.is_empty() {
        return Ok(());
    }
    let rows: Vec<String> = (0..event.recipients.len())
        .map(|n| format!("(${}, $1, $2, $3, $4, $5)", n + 6))
        .collect();
    let sql = format!(
        "INSERT INTO events (user_id, kind, conversation_id, message_id, actor_id, created_at) VALUES {}",
        rows.join(", ")
    );
    let mut insert = sqlx::query(&sql)
        .bind(event.kind)
        .bind(conversation.conversation_id())
        .bind(event.message_id)
        .bind(event.actor_id)
        .bind(event.at);
    for user in event.recipients {
        insert = insert.bind(*user);
    }
    insert.execute(&mut **tx).await?;
    Ok(())
}

/// Queues a wake-up of these people for the other processes (PostgreSQL only), which the
/// database sends on commit. Carries user ids only.
pub(in crate::messaging) async fn notify_processes(tx: &mut Tx<'_>, recipients: &[i64]) -> Result<(), sqlx::Error> {
    let ids: Vec<String> = recipients.iter().map(i64::to_string).collect();
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(NOTIFY_CHANNEL)
        .bind(ids.join(","))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The person's newest event id.
pub(in crate::messaging) async fn latest_event_of(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT MAX(id) FROM events WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await
}

/// An event as stored, with the name of who caused it.
pub(in crate::messaging) struct EventRow {
    pub id: i64,
    pub kind: String,
    pub conversation_id: i64,
    pub message_id: i64,
    pub actor_id: i64,
    pub actor_name: String,
    pub created_at: i64,
}

/// At most `limit` of the person's events after `after`, oldest first.
pub(in crate::messaging) async fn events_after(
    tx: &mut Tx<'_>,
    user_id: i64,
    after: i64,
    limit: i64,
) -> Result<Vec<EventRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT e.id, e.kind, e.conversation_id, e.message_id, e.actor_id, e.created_at, u.display_name \
         FROM events e JOIN users u ON u.id = e.actor_id WHERE e.user_id = $1 AND e.id > $2 ORDER BY e.id LIMIT $3",
    )
    .bind(user_id)
    .bind(after)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(EventRow {
                id: row.try_get("id")?,
                kind: row.try_get("kind")?,
                conversation_id: row.try_get("conversation_id")?,
                message_id: row.try_get("message_id")?,
                actor_id: row.try_get("actor_id")?,
                actor_name: row.try_get("display_name")?,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
}

/// Most ids bound in one `IN (…)`: far below what SQLite and PostgreSQL accept.
const IDS_PER_QUERY: usize = 500;

/// `$1, $2, …, $n`.
fn placeholders(count: usize) -> String {
    (1..=count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// Runs `sql`, whose `IN (…)` is `{ids}`, for each chunk of `ids`, collecting the rows.
async fn rows_for<T>(tx: &mut Tx<'_>, sql: &str, ids: &[i64]) -> Result<Vec<T>, sqlx::Error>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let mut rows = Vec::new();
    for chunk in ids.chunks(IDS_PER_QUERY) {
        let sql = sql.replace("{ids}", &placeholders(chunk.len()));
        let mut query = sqlx::query_as::<_, T>(&sql);
        for id in chunk {
            query = query.bind(id);
        }
        rows.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(rows)
}

/// The sessions the stream hub checks, each with what decides whether it still holds.
pub(in crate::messaging) async fn sessions(
    tx: &mut Tx<'_>,
    session_ids: &[i64],
) -> Result<Vec<(i64, SessionFacts)>, sqlx::Error> {
    let sql = "SELECT s.id, s.session_kind, s.last_seen_at, s.expires_at, s.ended_at, u.account_role \
               FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id IN ({ids})";
    let rows: Vec<(i64, String, i64, i64, Option<i64>, String)> = rows_for(tx, sql, session_ids).await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, last_seen_at, expires_at, ended_at, account_role)| {
            let facts = SessionFacts {
                kind,
                role: AccountRole::parse(&account_role),
                last_seen_at,
                expires_at,
                ended_at,
            };
            (id, facts)
        })
        .collect())
}

/// The circles these people are in now: (person, case, member kind).
pub(in crate::messaging) async fn memberships_of(
    tx: &mut Tx<'_>,
    user_ids: &[i64],
) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    let sql = "SELECT user_id, case_id, member_kind FROM memberships WHERE ended_at IS NULL AND user_id IN ({ids})";
    rows_for(tx, sql, user_ids).await
}

/// What is shared with these people and not restricted: (person, case, category).
pub(in crate::messaging) async fn shares_of(
    tx: &mut Tx<'_>,
    user_ids: &[i64],
) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    let sql = "SELECT c.family_user_id, c.case_id, c.category FROM consents c WHERE c.family_user_id IN ({ids}) \
               AND NOT EXISTS (SELECT 1 FROM sharing_restrictions r WHERE r.case_id = c.case_id \
               AND r.family_user_id = c.family_user_id AND r.category = c.category)";
    rows_for(tx, sql, user_ids).await
}

/// The newest event id of all.
pub(in crate::messaging) async fn latest_event(tx: &mut Tx<'_>) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT MAX(id) FROM events")
        .fetch_one(&mut **tx)
        .await
}

/// Who has events after `after`.
pub(in crate::messaging) async fn users_with_events_after(
    tx: &mut Tx<'_>,
    after: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT DISTINCT user_id FROM events WHERE id > $1")
        .bind(after)
        .fetch_all(&mut **tx)
        .await
}
