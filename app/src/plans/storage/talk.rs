//! Drafting together: comments on items and proposed changes.

use super::{date, person, PlanRow};
use crate::db::{Row, Tx};
use crate::plans::{Comment, Person, Proposal, ProposalKind, ProposalStatus};
use crate::sealing::text::{Column, TextKeys};
use sqlx::Row as _;

pub(in crate::plans) async fn comments(tx: &mut Tx<'_>, plan: &PlanRow) -> Result<Vec<Comment>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.id, c.item_key, c.version_number, c.author_id, u.display_name, c.body, c.created_at \
         FROM plan_comments c JOIN users u ON u.id = c.author_id WHERE c.plan_id = $1 ORDER BY c.id",
    )
    .bind(plan.id)
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    let mut comments = Vec::with_capacity(rows.len());
    for row in &rows {
        comments.push(Comment {
            id: row.try_get("id")?,
            item_key: row.try_get("item_key")?,
            version_number: row.try_get("version_number")?,
            by: Person {
                user_id: row.try_get("author_id")?,
                display_name: row.try_get("display_name")?,
            },
            body: keys.read(row, "body", Column::PlanCommentBody)?,
            created_at: row.try_get("created_at")?,
        });
    }
    Ok(comments)
}

pub(in crate::plans) async fn insert_comment(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
    version_number: i64,
    key: i64,
    author: i64,
    body: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO plan_comments (plan_id, version_number, item_key, author_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(plan.id)
    .bind(version_number)
    .bind(key)
    .bind(author)
    .bind(tx.text_keys().seal(Column::PlanCommentBody, body))
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

const PROPOSAL_COLUMNS: &str = "p.id, p.version_number, p.kind, p.item_key, p.what, p.due_on, p.why, p.reason, \
     p.proposed_by, a.display_name AS proposer_name, p.proposed_at, p.status, p.decided_by, \
     d.display_name AS decider_name, p.decided_at, p.decline_reason";

fn proposal_from(row: &Row, keys: &TextKeys) -> Result<Option<Proposal>, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    let (Some(kind), Some(status)) = (ProposalKind::parse(&kind), ProposalStatus::parse(&status)) else {
        return Ok(None);
    };
    Ok(Some(Proposal {
        id: row.try_get("id")?,
        version_number: row.try_get("version_number")?,
        kind,
        item_key: row.try_get("item_key")?,
        what: keys.read(row, "what", Column::PlanProposalWhat)?,
        due_on: date(row.try_get("due_on")?),
        why: keys.read(row, "why", Column::PlanProposalWhy)?,
        reason: keys.read(row, "reason", Column::PlanProposalReason)?,
        by: Person {
            user_id: row.try_get("proposed_by")?,
            display_name: row.try_get("proposer_name")?,
        },
        proposed_at: row.try_get("proposed_at")?,
        status,
        decided_by: person(row, "decided_by", "decider_name")?,
        decided_at: row.try_get("decided_at")?,
        decline_reason: keys.read_optional(row, "decline_reason", Column::PlanProposalDeclineReason)?,
    }))
}

pub(in crate::plans) async fn proposals(tx: &mut Tx<'_>, plan: &PlanRow) -> Result<Vec<Proposal>, sqlx::Error> {
    let sql = format!(
        "SELECT {PROPOSAL_COLUMNS} FROM plan_proposals p JOIN users a ON a.id = p.proposed_by \
         LEFT JOIN users d ON d.id = p.decided_by WHERE p.plan_id = $1 ORDER BY p.id DESC"
    );
    let rows = sqlx::query(&sql).bind(plan.id).fetch_all(&mut **tx).await?;
    let keys = tx.text_keys();
    let mut proposals = Vec::with_capacity(rows.len());
    for row in &rows {
        proposals.extend(proposal_from(row, &keys)?);
    }
    Ok(proposals)
}

pub(in crate::plans) async fn proposal(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
    id: i64,
) -> Result<Option<Proposal>, sqlx::Error> {
    let sql = format!(
        "SELECT {PROPOSAL_COLUMNS} FROM plan_proposals p JOIN users a ON a.id = p.proposed_by \
         LEFT JOIN users d ON d.id = p.decided_by WHERE p.plan_id = $1 AND p.id = $2"
    );
    let row = sqlx::query(&sql)
        .bind(plan.id)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(row) => proposal_from(&row, &tx.text_keys())?,
        None => None,
    })
}

pub(in crate::plans) struct StoredProposal<'a> {
    pub kind: ProposalKind,
    pub item_key: Option<i64>,
    pub what: &'a str,
    pub due_on: Option<&'a str>,
    pub why: &'a str,
    pub reason: &'a str,
}

pub(in crate::plans) async fn insert_proposal(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
    version_number: i64,
    proposal: StoredProposal<'_>,
    by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let keys = tx.text_keys();
    sqlx::query_scalar(
        "INSERT INTO plan_proposals (plan_id, version_number, kind, item_key, what, due_on, why, reason, proposed_by, \
         proposed_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open') RETURNING id",
    )
    .bind(plan.id)
    .bind(version_number)
    .bind(proposal.kind.as_str())
    .bind(proposal.item_key)
    .bind(keys.seal(Column::PlanProposalWhat, proposal.what))
    .bind(proposal.due_on)
    .bind(keys.seal(Column::PlanProposalWhy, proposal.why))
    .bind(keys.seal(Column::PlanProposalReason, proposal.reason))
    .bind(by)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// Records the decision on one of the plan's proposals.
pub(in crate::plans) async fn decide_proposal(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
    id: i64,
    status: ProposalStatus,
    by: i64,
    decline_reason: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE plan_proposals SET status = $1, decided_by = $2, decided_at = $3, decline_reason = $4 \
         WHERE id = $5 AND plan_id = $6",
    )
    .bind(status.as_str())
    .bind(by)
    .bind(now)
    .bind(
        tx.text_keys()
            .seal_optional(Column::PlanProposalDeclineReason, decline_reason),
    )
    .bind(id)
    .bind(plan.id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
