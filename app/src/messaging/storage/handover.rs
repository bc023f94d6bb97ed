//! A worker who leaves a case hands their conversations in it to a successor.

use crate::access::CaseAccess;
use crate::db::Tx;
use sqlx::Row;

/// Each of the departing worker's conversations in the case becomes the successor's, with
/// its history and where the departing worker had read up to. A pair conversation is from
/// now on the successor's pair with the same person, unless they already have one (then
/// it stays behind as history, which the departing worker no longer reaches).
pub(in crate::messaging) async fn hand_over(
    tx: &mut Tx<'_>,
    departing: &CaseAccess,
    successor: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    let case_id = departing.case_id();
    let from = departing.viewer_id();
    let rows = sqlx::query(
        "SELECT c.id, c.pair_key, cm.last_read_message_id FROM conversations c \
         JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = $1 AND cm.standing_in_for IS NULL \
         WHERE c.case_id = $2 ORDER BY c.id",
    )
    .bind(from)
    .bind(case_id)
    .fetch_all(&mut **tx)
    .await?;
    for row in rows {
        let conversation: i64 = row.try_get("id")?;
        let pair_key: Option<String> = row.try_get("pair_key")?;
        let last_read: i64 = row.try_get("last_read_message_id")?;
        if let Some(key) = pair_key {
            let Some(other) = key
                .split(':')
                .skip(1)
                .filter_map(|p| p.parse::<i64>().ok())
                .find(|&p| p != from)
            else {
                continue;
            };
            let new_key = format!("{case_id}:{}:{}", successor.min(other), successor.max(other));
            let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM conversations WHERE pair_key = $1")
                .bind(&new_key)
                .fetch_one(&mut **tx)
                .await?;
            if taken > 0 {
                continue;
            }
            sqlx::query("UPDATE conversations SET pair_key = $1 WHERE id = $2")
                .bind(&new_key)
                .bind(conversation)
                .execute(&mut **tx)
                .await?;
        }
        // A successor who stood in for someone here becomes a member in their own right.
        sqlx::query(
            "DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2 AND standing_in_for IS NOT NULL",
        )
        .bind(conversation)
        .bind(successor)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO conversation_members (conversation_id, user_id, added_at, last_read_message_id) \
             SELECT $1, $2, $3, $4 WHERE NOT EXISTS \
             (SELECT 1 FROM conversation_members WHERE conversation_id = $1 AND user_id = $2)",
        )
        .bind(conversation)
        .bind(successor)
        .bind(now)
        .bind(last_read)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2")
            .bind(conversation)
            .bind(from)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
