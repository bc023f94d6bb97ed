//! A person's own messaging rows (away periods and who stands in, read receipts), an
//! organisation's response promise, and what the inbox needs to tell how long a
//! conversation has waited.
//!
//! These are not about one case: they take the person's id. The inbox functions take a
//! conversation id from the person's own lists (`conversations_of`, or the overdue lists
//! below) and read no message text.

use crate::db::Tx;
use crate::messaging::StandIn;
use std::collections::HashMap;

/// Whether `other` is a worker of the same organisation as the user.
pub(in crate::messaging) async fn is_colleague(tx: &mut Tx<'_>, user_id: i64, other: i64) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM users s JOIN users me ON me.id = $2 \
         WHERE s.id = $1 AND s.account_role = 'worker' AND s.organisation_id = me.organisation_id",
    )
    .bind(other)
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

/// The other workers of the user's organisation, by name: who may stand in.
pub(in crate::messaging) async fn colleagues(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.id, s.display_name FROM users s JOIN users me ON me.id = $1 \
         WHERE s.account_role = 'worker' AND s.organisation_id = me.organisation_id AND s.id <> me.id \
         ORDER BY s.display_name",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await
}

/// The user's away period until `until_at`: the stand-in joins each of the user's own
/// conversations they are not in yet.
pub(in crate::messaging) async fn start_away(
    tx: &mut Tx<'_>,
    user_id: i64,
    until_at: i64,
    stand_in_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO away_periods (user_id, until_at, stand_in_user_id, set_at) VALUES ($1, $2, $3, $4)")
        .bind(user_id)
        .bind(until_at)
        .bind(stand_in_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    let conversations: Vec<i64> = sqlx::query_scalar(
        "SELECT cm.conversation_id FROM conversation_members cm WHERE cm.user_id = $1 AND cm.standing_in_for IS NULL \
         AND NOT EXISTS (SELECT 1 FROM conversation_members o WHERE o.conversation_id = cm.conversation_id AND o.user_id = $2)",
    )
    .bind(user_id)
    .bind(stand_in_id)
    .fetch_all(&mut **tx)
    .await?;
    for conversation in conversations {
        sqlx::query(
            "INSERT INTO conversation_members (conversation_id, user_id, added_at, standing_in_for) VALUES ($1, $2, $3, $4)",
        )
        .bind(conversation)
        .bind(stand_in_id)
        .bind(now)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Ends the user's away period: whoever stood in leaves the conversations.
pub(in crate::messaging) async fn end_away(tx: &mut Tx<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM conversation_members WHERE standing_in_for = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM away_periods WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The cases of the conversations someone stands in for the user in: (case, stand-in).
pub(in crate::messaging) async fn stood_in_cases(
    tx: &mut Tx<'_>,
    user_id: i64,
) -> Result<Vec<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT DISTINCT c.case_id, cm.user_id FROM conversation_members cm \
         JOIN conversations c ON c.id = cm.conversation_id WHERE cm.standing_in_for = $1 ORDER BY c.case_id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await
}

/// While the user is away: (until, the stand-in's name).
pub(in crate::messaging) async fn away_until(
    tx: &mut Tx<'_>,
    user_id: i64,
    now: i64,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.until_at, s.display_name FROM away_periods a JOIN users s ON s.id = a.stand_in_user_id \
         WHERE a.user_id = $1 AND a.until_at > $2",
    )
    .bind(user_id)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await
}

/// Who stands in now for the away workers of each conversation the viewer is in, by
/// conversation: one query for the whole list.
pub(in crate::messaging) async fn stand_ins_for(
    tx: &mut Tx<'_>,
    viewer_id: i64,
    now: i64,
) -> Result<HashMap<i64, Vec<StandIn>>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, i64, i64, String)> = sqlx::query_as(
        "SELECT cm.conversation_id, a.user_id, away.display_name, a.until_at, a.stand_in_user_id, s.display_name \
         FROM conversation_members cm JOIN away_periods a ON a.user_id = cm.user_id \
         JOIN users away ON away.id = a.user_id JOIN users s ON s.id = a.stand_in_user_id \
         WHERE cm.standing_in_for IS NULL AND a.until_at > $2 \
         AND cm.conversation_id IN (SELECT conversation_id FROM conversation_members WHERE user_id = $1) \
         ORDER BY cm.conversation_id, a.user_id",
    )
    .bind(viewer_id)
    .bind(now)
    .fetch_all(&mut **tx)
    .await?;
    let mut by_conversation: HashMap<i64, Vec<StandIn>> = HashMap::new();
    for (conversation_id, away_user_id, away_name, until_at, stand_in_user_id, stand_in_name) in rows {
        by_conversation.entry(conversation_id).or_default().push(StandIn {
            away_user_id,
            away_name,
            until_at,
            stand_in_user_id,
            stand_in_name,
        });
    }
    Ok(by_conversation)
}

pub(in crate::messaging) async fn sends_read_receipts(tx: &mut Tx<'_>, user_id: i64) -> Result<bool, sqlx::Error> {
    let sends: i64 = sqlx::query_scalar("SELECT sends_read_receipts FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(sends == 1)
}

pub(in crate::messaging) async fn set_sends_read_receipts(
    tx: &mut Tx<'_>,
    user_id: i64,
    send: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET sends_read_receipts = $1 WHERE id = $2")
        .bind(i64::from(send))
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Sets the organisation's promise; returns whether the organisation exists.
pub(in crate::messaging) async fn set_response_promise(
    tx: &mut Tx<'_>,
    organisation_id: i64,
    working_days: i64,
) -> Result<bool, sqlx::Error> {
    let changed = sqlx::query("UPDATE organisations SET response_promise_days = $1 WHERE id = $2")
        .bind(working_days)
        .bind(organisation_id)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok(changed > 0)
}

/// The names of everyone in the conversation, for an overdue notice.
pub(in crate::messaging) async fn member_names(
    tx: &mut Tx<'_>,
    conversation_id: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT u.display_name FROM conversation_members cm JOIN users u ON u.id = cm.user_id \
         WHERE cm.conversation_id = $1 ORDER BY u.id",
    )
    .bind(conversation_id)
    .fetch_all(&mut **tx)
    .await
}

/// The shortest response promise of the organisations of the workers in conversation
/// `c`, as a column of a query over conversations.
pub(crate) const PROMISE_DAYS: &str = "(SELECT MIN(o.response_promise_days) \
     FROM conversation_members pm JOIN users pu ON pu.id = pm.user_id \
     JOIN organisations o ON o.id = pu.organisation_id \
     WHERE pm.conversation_id = c.id AND pu.account_role = 'worker')";

/// A conversation that waits for a worker's answer, for an overdue notice.
pub(in crate::messaging) struct WaitingConversation {
    pub conversation_id: i64,
    pub case_id: i64,
    pub participant_name: String,
    pub waiting_since: i64,
    pub promise_days: Option<i64>,
}

/// (The worker.)
pub(crate) fn waiting_elsewhere_sql() -> String {
    format!(
        "SELECT c.id, c.case_id, cs.label, c.waiting_since, {PROMISE_DAYS} AS promise_days \
         FROM memberships m JOIN conversations c ON c.case_id = m.case_id JOIN cases cs ON cs.id = c.case_id \
         WHERE m.user_id = $1 AND m.member_kind = 'worker' AND m.ended_at IS NULL AND c.waiting_since IS NOT NULL \
         AND NOT EXISTS (SELECT 1 FROM conversation_members cm WHERE cm.conversation_id = c.id AND cm.user_id = $1) \
         ORDER BY c.id"
    )
}

pub(crate) fn waiting_everywhere_sql() -> String {
    format!(
        "SELECT c.id, c.case_id, cs.label, c.waiting_since, {PROMISE_DAYS} AS promise_days \
         FROM conversations c JOIN cases cs ON cs.id = c.case_id \
         WHERE c.waiting_since IS NOT NULL AND ($1 IS NULL OR cs.organisation_id = $1 OR EXISTS (SELECT 1 FROM memberships m \
         WHERE m.case_id = c.case_id AND m.user_id = $2 AND m.ended_at IS NULL)) ORDER BY c.waiting_since"
    )
}

/// Conversations waiting for an answer in the worker's cases that the worker is not in.
/// Only ever shown as overdue notices.
pub(in crate::messaging) async fn waiting_elsewhere(
    tx: &mut Tx<'_>,
    worker_id: i64,
) -> Result<Vec<WaitingConversation>, sqlx::Error> {
    let sql = waiting_elsewhere_sql();
    waiting_rows(sqlx::query_as(&sql).bind(worker_id).fetch_all(&mut **tx).await?)
}

/// Every conversation waiting for an answer in the cases of a coordinator's organisation
/// (and cases they are in; every case, for a coordinator of the whole installation), for
/// their overdue list.
pub(in crate::messaging) async fn waiting_everywhere(
    tx: &mut Tx<'_>,
    (organisation_id, coordinator_id): (Option<i64>, i64),
) -> Result<Vec<WaitingConversation>, sqlx::Error> {
    let sql = waiting_everywhere_sql();
    let query = sqlx::query_as(&sql).bind(organisation_id).bind(coordinator_id);
    waiting_rows(query.fetch_all(&mut **tx).await?)
}

type WaitingRow = (i64, i64, String, i64, Option<i64>);

fn waiting_rows(rows: Vec<WaitingRow>) -> Result<Vec<WaitingConversation>, sqlx::Error> {
    Ok(rows
        .into_iter()
        .map(
            |(conversation_id, case_id, participant_name, waiting_since, promise_days)| WaitingConversation {
                conversation_id,
                case_id,
                participant_name,
                waiting_since,
                promise_days,
            },
        )
        .collect())
}
