//! Queries for the responses under milestones. Portable SQL, run on SQLite and PostgreSQL.

use super::{Milestone, MilestoneResponse, ResponseKind};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::sealing::text::{Column, TextKeys};
use sqlx::Row;

const COLUMNS: &str = "r.id, r.milestone_id, r.kind, r.body, r.created_at, u.display_name";

fn from_row(row: &sqlx::any::AnyRow, keys: &TextKeys) -> Result<Option<(i64, MilestoneResponse)>, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    let Some(kind) = ResponseKind::parse(&kind) else {
        return Ok(None);
    };
    Ok(Some((
        row.try_get("milestone_id")?,
        MilestoneResponse {
            id: row.try_get("id")?,
            kind,
            body: keys.read(row, "body", Column::MilestoneResponseBody)?,
            author: row.try_get("display_name")?,
            created_at: row.try_get("created_at")?,
        },
    )))
}

pub(super) async fn milestone_in_case(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    milestone_id: i64,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM milestones WHERE id = $1 AND case_id = $2")
        .bind(milestone_id)
        .bind(access.case_id())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(found.is_some())
}

pub(super) async fn insert(
    tx: &mut Tx<'_>,
    milestone_id: i64,
    kind: ResponseKind,
    body: &str,
    author_id: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO milestone_responses (milestone_id, kind, body, author_id, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(milestone_id)
    .bind(kind.as_str())
    .bind(tx.text_keys().seal(Column::MilestoneResponseBody, body))
    .bind(author_id)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

pub(super) async fn response(tx: &mut Tx<'_>, id: i64) -> Result<Option<MilestoneResponse>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM milestone_responses r JOIN users u ON u.id = r.author_id WHERE r.id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut **tx).await?;
    Ok(match row {
        Some(row) => from_row(&row, &tx.text_keys())?.map(|(_, response)| response),
        None => None,
    })
}

/// Adds to each milestone of one page its responses, oldest first, in one query.
pub(super) async fn with_responses(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    mut milestones: Vec<Milestone>,
) -> Result<Vec<Milestone>, sqlx::Error> {
    let Some((first, last)) = super::storage::id_span(&milestones) else {
        return Ok(milestones);
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM milestone_responses r JOIN milestones m ON m.id = r.milestone_id \
         JOIN users u ON u.id = r.author_id \
         WHERE m.case_id = $1 AND r.milestone_id BETWEEN $2 AND $3 ORDER BY r.id"
    );
    let rows = sqlx::query(&sql)
        .bind(access.case_id())
        .bind(first)
        .bind(last)
        .fetch_all(&mut **tx)
        .await?;
    let keys = tx.text_keys();
    for row in &rows {
        if let Some((milestone_id, response)) = from_row(row, &keys)? {
            if let Some(milestone) = milestones.iter_mut().find(|m| m.id == milestone_id) {
                milestone.responses.push(response);
            }
        }
    }
    Ok(milestones)
}
