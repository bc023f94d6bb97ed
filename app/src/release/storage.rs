//! Release checklist queries. An item has a row once someone changed it; until then it is
//! "to do" with no owner. Portable SQL, run on SQLite and PostgreSQL alike.

use super::{BuddyMeeting, ItemStatus, ReleaseNote, ReleaseTopic};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::sealing::text::Column;
use sqlx::Row;

/// An item as stored, before its owner is put in the reader's words.
pub(super) struct StoredItem {
    pub id: i64,
    pub topic: ReleaseTopic,
    pub status: ItemStatus,
    pub owner_user_id: Option<i64>,
}

pub(super) async fn items(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<StoredItem>, sqlx::Error> {
    let rows = sqlx::query("SELECT id, topic, status, owner_user_id FROM release_items WHERE case_id = $1 ORDER BY id")
        .bind(case.case_id())
        .fetch_all(&mut **tx)
        .await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let (topic, status): (String, String) = (row.try_get("topic")?, row.try_get("status")?);
        let (Some(topic), Some(status)) = (ReleaseTopic::parse(&topic), ItemStatus::parse(&status)) else {
            continue;
        };
        items.push(StoredItem {
            id: row.try_get("id")?,
            topic,
            status,
            owner_user_id: row.try_get("owner_user_id")?,
        });
    }
    Ok(items)
}

/// Every note of the case's items, oldest first, with the item's topic.
pub(super) async fn notes(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<(ReleaseTopic, ReleaseNote)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT i.topic, u.display_name, n.status, n.body, n.created_at FROM release_item_notes n \
         JOIN release_items i ON i.id = n.item_id JOIN users u ON u.id = n.author_id \
         WHERE i.case_id = $1 ORDER BY n.id",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    let mut notes = Vec::with_capacity(rows.len());
    for row in rows {
        let topic: String = row.try_get("topic")?;
        let Some(topic) = ReleaseTopic::parse(&topic) else {
            continue;
        };
        let status: Option<String> = row.try_get("status")?;
        notes.push((
            topic,
            ReleaseNote {
                author: row.try_get("display_name")?,
                status: status.as_deref().and_then(ItemStatus::parse),
                body: keys.read(&row, "body", Column::ReleaseNoteBody)?,
                at: row.try_get("created_at")?,
            },
        ));
    }
    Ok(notes)
}

/// The item's row, made "to do" with no owner when nobody touched it yet.
pub(super) async fn item_row(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    topic: ReleaseTopic,
    now: i64,
) -> Result<StoredItem, sqlx::Error> {
    sqlx::query(
        "INSERT INTO release_items (case_id, topic, status, updated_at) VALUES ($1, $2, 'to_do', $3) \
         ON CONFLICT (case_id, topic) DO NOTHING",
    )
    .bind(case.case_id())
    .bind(topic.as_str())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let row = sqlx::query("SELECT id, status, owner_user_id FROM release_items WHERE case_id = $1 AND topic = $2")
        .bind(case.case_id())
        .bind(topic.as_str())
        .fetch_one(&mut **tx)
        .await?;
    let status: String = row.try_get("status")?;
    Ok(StoredItem {
        id: row.try_get("id")?,
        topic,
        status: ItemStatus::parse(&status).unwrap_or(ItemStatus::ToDo),
        owner_user_id: row.try_get("owner_user_id")?,
    })
}

pub(super) async fn change_item(
    tx: &mut Tx<'_>,
    item_id: i64,
    (status, owner): (ItemStatus, Option<i64>),
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE release_items SET status = $1, owner_user_id = $2, updated_at = $3 WHERE id = $4")
        .bind(status.as_str())
        .bind(owner)
        .bind(now)
        .bind(item_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn add_note(
    tx: &mut Tx<'_>,
    item_id: i64,
    author: i64,
    (status, body): (Option<ItemStatus>, &str),
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO release_item_notes (item_id, author_id, status, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(item_id)
    .bind(author)
    .bind(status.map(ItemStatus::as_str))
    .bind(tx.text_keys().seal(Column::ReleaseNoteBody, body))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The case's release date and the buddy's first meeting.
pub(super) async fn plan(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
) -> Result<(Option<String>, Option<BuddyMeeting>), sqlx::Error> {
    let row = sqlx::query(
        "SELECT r.release_on, a.id AS appointment_id, a.starts_at, a.cancelled_at FROM release_plans r \
         LEFT JOIN appointments a ON a.id = r.buddy_meeting_id WHERE r.case_id = $1",
    )
    .bind(case.case_id())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else { return Ok((None, None)) };
    let meeting = match row.try_get::<Option<i64>, _>("appointment_id")? {
        Some(appointment_id) => Some(BuddyMeeting {
            appointment_id,
            starts_at: row.try_get("starts_at")?,
            cancelled: row.try_get::<Option<i64>, _>("cancelled_at")?.is_some(),
        }),
        None => None,
    };
    Ok((row.try_get("release_on")?, meeting))
}

async fn ensure_plan(tx: &mut Tx<'_>, case: &CaseAccess, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO release_plans (case_id, updated_at) VALUES ($1, $2) ON CONFLICT (case_id) DO NOTHING")
        .bind(case.case_id())
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn set_release_on(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    release_on: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    ensure_plan(tx, case, now).await?;
    sqlx::query("UPDATE release_plans SET release_on = $1, updated_at = $2 WHERE case_id = $3")
        .bind(release_on)
        .bind(now)
        .bind(case.case_id())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn set_buddy_meeting(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    appointment_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    ensure_plan(tx, case, now).await?;
    sqlx::query("UPDATE release_plans SET buddy_meeting_id = $1, updated_at = $2 WHERE case_id = $3")
        .bind(appointment_id)
        .bind(now)
        .bind(case.case_id())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The newest plan of kind `first_week` of the case.
pub(super) async fn first_week_plan(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM plans WHERE case_id = $1 AND kind = 'first_week' ORDER BY id DESC LIMIT 1")
        .bind(case.case_id())
        .fetch_optional(&mut **tx)
        .await
}
