//! The plan tables, read and written without checks: the service checks first.

use super::{
    Comment, ItemFields, ItemResponse, Party, Person, PlanKind, Proposal, ProposalKind, ProposalStatus, Stance,
    VersionState,
};
use crate::db::{Row, Tx};
use crate::trajectory::Date;
use sqlx::Row as _;

pub struct PlanRow {
    pub id: i64,
    pub case_id: i64,
    pub kind: PlanKind,
    pub title: String,
}

#[derive(Clone)]
pub struct VersionRow {
    pub id: i64,
    pub number: i64,
    pub state: VersionState,
    pub created_at: i64,
    pub submitted_at: Option<i64>,
    pub agreed_at: Option<i64>,
}

fn person(row: &Row, id: &str, name: &str) -> Result<Option<Person>, sqlx::Error> {
    let user_id: Option<i64> = row.try_get(id)?;
    let display_name: Option<String> = row.try_get(name)?;
    Ok(user_id
        .zip(display_name)
        .map(|(user_id, display_name)| Person { user_id, display_name }))
}

fn date(raw: Option<String>) -> Option<Date> {
    raw.and_then(|d| Date::parse(&d).ok())
}

fn plan_from(row: &Row) -> Result<Option<PlanRow>, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    Ok(PlanKind::parse(&kind).map(|kind| PlanRow {
        id: row.try_get("id").unwrap_or_default(),
        case_id: row.try_get("case_id").unwrap_or_default(),
        kind,
        title: row.try_get("title").unwrap_or_default(),
    }))
}

pub async fn plan(tx: &mut Tx<'_>, case_id: i64, plan_id: i64) -> Result<Option<PlanRow>, sqlx::Error> {
    let row = sqlx::query("SELECT id, case_id, kind, title FROM plans WHERE id = $1 AND case_id = $2")
        .bind(plan_id)
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(row) => plan_from(&row)?,
        None => None,
    })
}

/// One page of a case's plans in id order.
pub async fn plans(tx: &mut Tx<'_>, case_id: i64, after: i64, limit: i64) -> Result<Vec<PlanRow>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, case_id, kind, title FROM plans WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3")
            .bind(case_id)
            .bind(after)
            .bind(limit)
            .fetch_all(&mut **tx)
            .await?;
    let mut plans = Vec::with_capacity(rows.len());
    for row in &rows {
        plans.extend(plan_from(row)?);
    }
    Ok(plans)
}

/// Takes the plan's row lock (PostgreSQL) so that two changes to one plan happen one
/// after the other; SQLite's write transactions already do.
pub async fn lock_plan(tx: &mut Tx<'_>, plan_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE plans SET kind = kind WHERE id = $1")
        .bind(plan_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn insert_plan(
    tx: &mut Tx<'_>,
    case_id: i64,
    kind: PlanKind,
    title: &str,
    author: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO plans (case_id, kind, title, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(case_id)
    .bind(kind.as_str())
    .bind(title)
    .bind(author)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

const VERSION_COLUMNS: &str = "id, number, state, created_at, submitted_at, agreed_at";

fn version_from(row: &Row) -> Result<VersionRow, sqlx::Error> {
    let state: String = row.try_get("state")?;
    Ok(VersionRow {
        id: row.try_get("id")?,
        number: row.try_get("number")?,
        state: VersionState::parse(&state).unwrap_or(VersionState::Superseded),
        created_at: row.try_get("created_at")?,
        submitted_at: row.try_get("submitted_at")?,
        agreed_at: row.try_get("agreed_at")?,
    })
}

pub async fn versions(tx: &mut Tx<'_>, plan_id: i64) -> Result<Vec<VersionRow>, sqlx::Error> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY number");
    let rows = sqlx::query(&sql).bind(plan_id).fetch_all(&mut **tx).await?;
    rows.iter().map(version_from).collect()
}

pub async fn version(tx: &mut Tx<'_>, plan_id: i64, number: i64) -> Result<Option<VersionRow>, sqlx::Error> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 AND number = $2");
    let row = sqlx::query(&sql)
        .bind(plan_id)
        .bind(number)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(version_from).transpose()
}

pub async fn latest_version(tx: &mut Tx<'_>, plan_id: i64) -> Result<Option<VersionRow>, sqlx::Error> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY number DESC LIMIT 1");
    let row = sqlx::query(&sql).bind(plan_id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(version_from).transpose()
}

pub async fn insert_version(
    tx: &mut Tx<'_>,
    plan_id: i64,
    number: i64,
    author: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO plan_versions (plan_id, number, state, created_by, created_at, changed_at) \
         VALUES ($1, $2, 'draft', $3, $4, $4) RETURNING id",
    )
    .bind(plan_id)
    .bind(number)
    .bind(author)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

pub async fn set_state(tx: &mut Tx<'_>, version_id: i64, state: VersionState, now: i64) -> Result<(), sqlx::Error> {
    let sql = match state {
        VersionState::AwaitingSignatures => "UPDATE plan_versions SET state = $1, submitted_at = $2 WHERE id = $3",
        VersionState::Agreed => "UPDATE plan_versions SET state = $1, agreed_at = $2 WHERE id = $3",
        _ => "UPDATE plan_versions SET state = $1, changed_at = $2 WHERE id = $3",
    };
    sqlx::query(sql)
        .bind(state.as_str())
        .bind(now)
        .bind(version_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The items of a version in plan order, as `(key, fields)`.
pub async fn items(tx: &mut Tx<'_>, version_id: i64) -> Result<Vec<(i64, ItemFields)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT i.item_key, i.what, i.owner_user_id, u.display_name AS owner_name, i.due_on, i.why, \
         i.milestone_id, i.reunification_step_id \
         FROM plan_items i LEFT JOIN users u ON u.id = i.owner_user_id \
         WHERE i.version_id = $1 ORDER BY i.position, i.item_key",
    )
    .bind(version_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let fields = ItemFields {
            what: row.try_get("what")?,
            owner: person(row, "owner_user_id", "owner_name")?,
            due_on: date(row.try_get("due_on")?),
            why: row.try_get("why")?,
            milestone_id: row.try_get("milestone_id")?,
            reunification_step_id: row.try_get("reunification_step_id")?,
        };
        items.push((row.try_get("item_key")?, fields));
    }
    Ok(items)
}

/// An item as stored: the owner by id only.
pub struct StoredItem<'a> {
    pub what: &'a str,
    pub owner_user_id: Option<i64>,
    pub due_on: Option<&'a str>,
    pub why: &'a str,
    pub milestone_id: Option<i64>,
    pub reunification_step_id: Option<i64>,
}

/// A new item at the end of the version, with a key the plan never gave before.
pub async fn append_item(
    tx: &mut Tx<'_>,
    plan_id: i64,
    version_id: i64,
    item: StoredItem<'_>,
) -> Result<i64, sqlx::Error> {
    let key: i64 = sqlx::query_scalar(
        "UPDATE plans SET next_item_key = next_item_key + 1 WHERE id = $1 RETURNING next_item_key - 1",
    )
    .bind(plan_id)
    .fetch_one(&mut **tx)
    .await?;
    let position: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM plan_items WHERE version_id = $1")
            .bind(version_id)
            .fetch_one(&mut **tx)
            .await?;
    sqlx::query(
        "INSERT INTO plan_items (version_id, item_key, position, what, owner_user_id, due_on, why, milestone_id, \
         reunification_step_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(version_id)
    .bind(key)
    .bind(position)
    .bind(item.what)
    .bind(item.owner_user_id)
    .bind(item.due_on)
    .bind(item.why)
    .bind(item.milestone_id)
    .bind(item.reunification_step_id)
    .execute(&mut **tx)
    .await?;
    Ok(key)
}

pub async fn update_item(tx: &mut Tx<'_>, version_id: i64, key: i64, item: StoredItem<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE plan_items SET what = $1, owner_user_id = $2, due_on = $3, why = $4 WHERE version_id = $5 AND item_key = $6",
    )
    .bind(item.what)
    .bind(item.owner_user_id)
    .bind(item.due_on)
    .bind(item.why)
    .bind(version_id)
    .bind(key)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete_item(tx: &mut Tx<'_>, version_id: i64, key: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM plan_items WHERE version_id = $1 AND item_key = $2")
        .bind(version_id)
        .bind(key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn copy_items(tx: &mut Tx<'_>, from_version: i64, to_version: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO plan_items (version_id, item_key, position, what, owner_user_id, due_on, why, milestone_id, \
         reunification_step_id) SELECT $2, item_key, position, what, owner_user_id, due_on, why, milestone_id, \
         reunification_step_id FROM plan_items WHERE version_id = $1",
    )
    .bind(from_version)
    .bind(to_version)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn touch_version(tx: &mut Tx<'_>, version_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE plan_versions SET changed_at = $1 WHERE id = $2")
        .bind(now)
        .bind(version_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn responses(tx: &mut Tx<'_>, version_id: i64) -> Result<Vec<(i64, ItemResponse)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.item_key, r.user_id, u.display_name, r.stance, r.reason, r.responded_at \
         FROM plan_item_responses r JOIN users u ON u.id = r.user_id WHERE r.version_id = $1 ORDER BY r.responded_at, r.user_id",
    )
    .bind(version_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut responses = Vec::with_capacity(rows.len());
    for row in &rows {
        let stance: String = row.try_get("stance")?;
        let Some(stance) = Stance::parse(&stance) else { continue };
        let by = person(row, "user_id", "display_name")?.unwrap_or(Person {
            user_id: 0,
            display_name: String::new(),
        });
        responses.push((
            row.try_get("item_key")?,
            ItemResponse {
                by,
                stance,
                reason: row.try_get("reason")?,
                responded_at: row.try_get("responded_at")?,
            },
        ));
    }
    Ok(responses)
}

pub async fn save_response(
    tx: &mut Tx<'_>,
    version_id: i64,
    key: i64,
    user_id: i64,
    stance: Stance,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM plan_item_responses WHERE version_id = $1 AND item_key = $2 AND user_id = $3")
        .bind(version_id)
        .bind(key)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO plan_item_responses (version_id, item_key, user_id, stance, reason, responded_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(version_id)
    .bind(key)
    .bind(user_id)
    .bind(stance.as_str())
    .bind(reason)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn comments(tx: &mut Tx<'_>, plan_id: i64) -> Result<Vec<Comment>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.id, c.item_key, c.version_number, c.author_id, u.display_name, c.body, c.created_at \
         FROM plan_comments c JOIN users u ON u.id = c.author_id WHERE c.plan_id = $1 ORDER BY c.id",
    )
    .bind(plan_id)
    .fetch_all(&mut **tx)
    .await?;
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
            body: row.try_get("body")?,
            created_at: row.try_get("created_at")?,
        });
    }
    Ok(comments)
}

pub async fn insert_comment(
    tx: &mut Tx<'_>,
    plan_id: i64,
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
    .bind(plan_id)
    .bind(version_number)
    .bind(key)
    .bind(author)
    .bind(body)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

pub async fn parties(tx: &mut Tx<'_>, version_id: i64) -> Result<Vec<Party>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.user_id, u.display_name, p.signed_at FROM plan_parties p JOIN users u ON u.id = p.user_id \
         WHERE p.version_id = $1 ORDER BY p.user_id",
    )
    .bind(version_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut parties = Vec::with_capacity(rows.len());
    for row in &rows {
        parties.push(Party {
            person: Person {
                user_id: row.try_get("user_id")?,
                display_name: row.try_get("display_name")?,
            },
            signed_at: row.try_get("signed_at")?,
        });
    }
    Ok(parties)
}

pub async fn add_party(tx: &mut Tx<'_>, version_id: i64, user_id: i64) -> Result<(), sqlx::Error> {
    let present: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM plan_parties WHERE version_id = $1 AND user_id = $2")
        .bind(version_id)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
    if present == 0 {
        sqlx::query("INSERT INTO plan_parties (version_id, user_id) VALUES ($1, $2)")
            .bind(version_id)
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub async fn remove_party(tx: &mut Tx<'_>, version_id: i64, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM plan_parties WHERE version_id = $1 AND user_id = $2 AND signed_at IS NULL")
        .bind(version_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn sign(tx: &mut Tx<'_>, version_id: i64, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE plan_parties SET signed_at = $1 WHERE version_id = $2 AND user_id = $3")
        .bind(now)
        .bind(version_id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Family members the participant asked to agree this plan.
pub async fn extra_parties(tx: &mut Tx<'_>, plan_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM plan_extra_parties WHERE plan_id = $1 ORDER BY user_id")
        .bind(plan_id)
        .fetch_all(&mut **tx)
        .await
}

pub async fn add_extra_party(
    tx: &mut Tx<'_>,
    plan_id: i64,
    user_id: i64,
    by: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    if !extra_parties(tx, plan_id).await?.contains(&user_id) {
        sqlx::query("INSERT INTO plan_extra_parties (plan_id, user_id, added_by, added_at) VALUES ($1, $2, $3, $4)")
            .bind(plan_id)
            .bind(user_id)
            .bind(by)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

const PROPOSAL_COLUMNS: &str = "p.id, p.version_number, p.kind, p.item_key, p.what, p.due_on, p.why, p.reason, \
     p.proposed_by, a.display_name AS proposer_name, p.proposed_at, p.status, p.decided_by, \
     d.display_name AS decider_name, p.decided_at, p.decline_reason";

fn proposal_from(row: &Row) -> Result<Option<Proposal>, sqlx::Error> {
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
        what: row.try_get("what")?,
        due_on: date(row.try_get("due_on")?),
        why: row.try_get("why")?,
        reason: row.try_get("reason")?,
        by: Person {
            user_id: row.try_get("proposed_by")?,
            display_name: row.try_get("proposer_name")?,
        },
        proposed_at: row.try_get("proposed_at")?,
        status,
        decided_by: person(row, "decided_by", "decider_name")?,
        decided_at: row.try_get("decided_at")?,
        decline_reason: row.try_get("decline_reason")?,
    }))
}

pub async fn proposals(tx: &mut Tx<'_>, plan_id: i64) -> Result<Vec<Proposal>, sqlx::Error> {
    let sql = format!(
        "SELECT {PROPOSAL_COLUMNS} FROM plan_proposals p JOIN users a ON a.id = p.proposed_by \
         LEFT JOIN users d ON d.id = p.decided_by WHERE p.plan_id = $1 ORDER BY p.id DESC"
    );
    let rows = sqlx::query(&sql).bind(plan_id).fetch_all(&mut **tx).await?;
    let mut proposals = Vec::with_capacity(rows.len());
    for row in &rows {
        proposals.extend(proposal_from(row)?);
    }
    Ok(proposals)
}

pub async fn proposal(tx: &mut Tx<'_>, plan_id: i64, id: i64) -> Result<Option<Proposal>, sqlx::Error> {
    let sql = format!(
        "SELECT {PROPOSAL_COLUMNS} FROM plan_proposals p JOIN users a ON a.id = p.proposed_by \
         LEFT JOIN users d ON d.id = p.decided_by WHERE p.plan_id = $1 AND p.id = $2"
    );
    let row = sqlx::query(&sql)
        .bind(plan_id)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(row) => proposal_from(&row)?,
        None => None,
    })
}

pub struct StoredProposal<'a> {
    pub kind: ProposalKind,
    pub item_key: Option<i64>,
    pub what: &'a str,
    pub due_on: Option<&'a str>,
    pub why: &'a str,
    pub reason: &'a str,
}

pub async fn insert_proposal(
    tx: &mut Tx<'_>,
    plan_id: i64,
    version_number: i64,
    proposal: StoredProposal<'_>,
    by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO plan_proposals (plan_id, version_number, kind, item_key, what, due_on, why, reason, proposed_by, \
         proposed_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open') RETURNING id",
    )
    .bind(plan_id)
    .bind(version_number)
    .bind(proposal.kind.as_str())
    .bind(proposal.item_key)
    .bind(proposal.what)
    .bind(proposal.due_on)
    .bind(proposal.why)
    .bind(proposal.reason)
    .bind(by)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

pub async fn decide_proposal(
    tx: &mut Tx<'_>,
    id: i64,
    status: ProposalStatus,
    by: i64,
    decline_reason: Option<&str>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE plan_proposals SET status = $1, decided_by = $2, decided_at = $3, decline_reason = $4 WHERE id = $5",
    )
    .bind(status.as_str())
    .bind(by)
    .bind(now)
    .bind(decline_reason)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
