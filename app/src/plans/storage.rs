//! The plan tables. Portable SQL, run on SQLite and PostgreSQL alike.
//!
//! Access is in the types: a `PlanRow` comes only from a query that takes the case's
//! `CaseAccess` (and finds the plan in that case), a `VersionRow` only from a query that
//! takes its `PlanRow`. Everything below a plan takes one of those rows, so no plan's data
//! is read or written without the check that opened its case. Neither row can be made, or
//! its id changed, outside this module.

mod agreement;
mod talk;

pub(crate) use agreement::add_party;
pub(super) use agreement::{
    add_extra_party, awaiting_signatures, extra_parties, participant_ids, parties, remove_party, responses,
    save_response, sign, unsigned_parties, waiting_for_viewer, worker_owners,
};
pub(super) use talk::{
    comments, decide_proposal, insert_comment, insert_proposal, proposal, proposals, StoredProposal,
};

use super::{ItemFields, Person, PlanKind, VersionState};
use crate::access::CaseAccess;
use crate::db::{Row, Tx};
use crate::sealing::text::Column;
use crate::trajectory::Date;
use sqlx::Row as _;

pub struct PlanRow {
    id: i64,
    case_id: i64,
    pub kind: PlanKind,
    pub title: String,
}

impl PlanRow {
    pub fn id(&self) -> i64 {
        self.id
    }

    pub fn case_id(&self) -> i64 {
        self.case_id
    }
}

#[derive(Clone)]
pub struct VersionRow {
    id: i64,
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

pub(super) async fn plan(tx: &mut Tx<'_>, case: &CaseAccess, plan_id: i64) -> Result<Option<PlanRow>, sqlx::Error> {
    let row = sqlx::query("SELECT id, case_id, kind, title FROM plans WHERE id = $1 AND case_id = $2")
        .bind(plan_id)
        .bind(case.case_id())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(row) => plan_from(&row)?,
        None => None,
    })
}

/// One page of a case's plans in id order.
pub(super) async fn plans(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    after: i64,
    limit: i64,
) -> Result<Vec<PlanRow>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT id, case_id, kind, title FROM plans WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3")
            .bind(case.case_id())
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
pub(super) async fn lock_plan(tx: &mut Tx<'_>, plan: &PlanRow) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE plans SET kind = kind WHERE id = $1")
        .bind(plan.id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(crate) async fn insert_plan(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    kind: PlanKind,
    title: &str,
    author: i64,
    now: i64,
) -> Result<PlanRow, sqlx::Error> {
    let id = sqlx::query_scalar(
        "INSERT INTO plans (case_id, kind, title, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(case.case_id())
    .bind(kind.as_str())
    .bind(title)
    .bind(author)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(PlanRow {
        id,
        case_id: case.case_id(),
        kind,
        title: title.to_string(),
    })
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

pub(super) async fn versions(tx: &mut Tx<'_>, plan: &PlanRow) -> Result<Vec<VersionRow>, sqlx::Error> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY number");
    let rows = sqlx::query(&sql).bind(plan.id).fetch_all(&mut **tx).await?;
    rows.iter().map(version_from).collect()
}

pub(super) async fn version(tx: &mut Tx<'_>, plan: &PlanRow, number: i64) -> Result<Option<VersionRow>, sqlx::Error> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 AND number = $2");
    let row = sqlx::query(&sql)
        .bind(plan.id)
        .bind(number)
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref().map(version_from).transpose()
}

pub(super) async fn latest_version(tx: &mut Tx<'_>, plan: &PlanRow) -> Result<Option<VersionRow>, sqlx::Error> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM plan_versions WHERE plan_id = $1 ORDER BY number DESC LIMIT 1");
    let row = sqlx::query(&sql).bind(plan.id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(version_from).transpose()
}

/// A new draft version of the plan.
pub(crate) async fn insert_version(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
    number: i64,
    author: i64,
    now: i64,
) -> Result<VersionRow, sqlx::Error> {
    let id = sqlx::query_scalar(
        "INSERT INTO plan_versions (plan_id, number, state, created_by, created_at, changed_at) \
         VALUES ($1, $2, 'draft', $3, $4, $4) RETURNING id",
    )
    .bind(plan.id)
    .bind(number)
    .bind(author)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(VersionRow {
        id,
        number,
        state: VersionState::Draft,
        created_at: now,
        submitted_at: None,
        agreed_at: None,
    })
}

pub(crate) async fn set_state(
    tx: &mut Tx<'_>,
    version: &VersionRow,
    state: VersionState,
    now: i64,
) -> Result<(), sqlx::Error> {
    let sql = match state {
        VersionState::AwaitingSignatures => "UPDATE plan_versions SET state = $1, submitted_at = $2 WHERE id = $3",
        VersionState::Agreed => "UPDATE plan_versions SET state = $1, agreed_at = $2 WHERE id = $3",
        _ => "UPDATE plan_versions SET state = $1, changed_at = $2 WHERE id = $3",
    };
    sqlx::query(sql)
        .bind(state.as_str())
        .bind(now)
        .bind(version.id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The items of a version in plan order, as `(key, fields)`.
pub(super) async fn items(tx: &mut Tx<'_>, version: &VersionRow) -> Result<Vec<(i64, ItemFields)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT i.item_key, i.what, i.owner_user_id, u.display_name AS owner_name, i.due_on, i.why, \
         i.milestone_id, i.reunification_step_id \
         FROM plan_items i LEFT JOIN users u ON u.id = i.owner_user_id \
         WHERE i.version_id = $1 ORDER BY i.position, i.item_key",
    )
    .bind(version.id)
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let fields = ItemFields {
            what: keys.read(row, "what", Column::PlanItemWhat)?,
            owner: person(row, "owner_user_id", "owner_name")?,
            due_on: date(row.try_get("due_on")?),
            why: keys.read(row, "why", Column::PlanItemWhy)?,
            milestone_id: row.try_get("milestone_id")?,
            reunification_step_id: row.try_get("reunification_step_id")?,
        };
        items.push((row.try_get("item_key")?, fields));
    }
    Ok(items)
}

/// An item as stored: the owner by id only.
pub(crate) struct StoredItem<'a> {
    pub what: &'a str,
    pub owner_user_id: Option<i64>,
    pub due_on: Option<&'a str>,
    pub why: &'a str,
    pub milestone_id: Option<i64>,
    pub reunification_step_id: Option<i64>,
}

/// A new item at the end of the plan's version, with a key the plan never gave before.
pub(crate) async fn append_item(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
    version: &VersionRow,
    item: StoredItem<'_>,
) -> Result<i64, sqlx::Error> {
    let key: i64 = sqlx::query_scalar(
        "UPDATE plans SET next_item_key = next_item_key + 1 WHERE id = $1 RETURNING next_item_key - 1",
    )
    .bind(plan.id)
    .fetch_one(&mut **tx)
    .await?;
    let position: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM plan_items WHERE version_id = $1")
            .bind(version.id)
            .fetch_one(&mut **tx)
            .await?;
    sqlx::query(
        "INSERT INTO plan_items (version_id, item_key, position, what, owner_user_id, due_on, why, milestone_id, \
         reunification_step_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(version.id)
    .bind(key)
    .bind(position)
    .bind(tx.text_keys().seal(Column::PlanItemWhat, item.what))
    .bind(item.owner_user_id)
    .bind(item.due_on)
    .bind(tx.text_keys().seal(Column::PlanItemWhy, item.why))
    .bind(item.milestone_id)
    .bind(item.reunification_step_id)
    .execute(&mut **tx)
    .await?;
    Ok(key)
}

pub(super) async fn update_item(
    tx: &mut Tx<'_>,
    version: &VersionRow,
    key: i64,
    item: StoredItem<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE plan_items SET what = $1, owner_user_id = $2, due_on = $3, why = $4 WHERE version_id = $5 AND item_key = $6",
    )
    .bind(tx.text_keys().seal(Column::PlanItemWhat, item.what))
    .bind(item.owner_user_id)
    .bind(item.due_on)
    .bind(tx.text_keys().seal(Column::PlanItemWhy, item.why))
    .bind(version.id)
    .bind(key)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn delete_item(tx: &mut Tx<'_>, version: &VersionRow, key: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM plan_items WHERE version_id = $1 AND item_key = $2")
        .bind(version.id)
        .bind(key)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The items the departing worker owns in the case's drafts become the successor's.
pub(super) async fn hand_over_draft_items(
    tx: &mut Tx<'_>,
    departing: &CaseAccess,
    successor: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE plan_items SET owner_user_id = $1 WHERE owner_user_id = $2 AND version_id IN \
         (SELECT v.id FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE p.case_id = $3 AND v.state = 'draft')",
    )
    .bind(successor)
    .bind(departing.viewer_id())
    .bind(departing.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn copy_items(tx: &mut Tx<'_>, from: &VersionRow, to: &VersionRow) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO plan_items (version_id, item_key, position, what, owner_user_id, due_on, why, milestone_id, \
         reunification_step_id) SELECT $2, item_key, position, what, owner_user_id, due_on, why, milestone_id, \
         reunification_step_id FROM plan_items WHERE version_id = $1",
    )
    .bind(from.id)
    .bind(to.id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn touch_version(tx: &mut Tx<'_>, version: &VersionRow, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE plan_versions SET changed_at = $1 WHERE id = $2")
        .bind(now)
        .bind(version.id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// What an item may point at, each of which must be of the item's own case.
#[derive(Clone, Copy)]
pub(super) enum Link {
    /// Who may own an item: the participant or a worker of the circle. Family members are
    /// asked to agree a plan, not given its tasks.
    Owner,
    Milestone,
    ReunificationStep,
}

/// Whether the user, milestone or reunification step `id` is one of the case's.
pub(super) async fn in_case(tx: &mut Tx<'_>, case: &CaseAccess, link: Link, id: i64) -> Result<bool, sqlx::Error> {
    let sql = match link {
        Link::Owner => {
            "SELECT COUNT(*) FROM memberships WHERE user_id = $1 AND case_id = $2 \
             AND ended_at IS NULL AND member_kind IN ('participant', 'worker')"
        }
        Link::Milestone => "SELECT COUNT(*) FROM milestones WHERE id = $1 AND case_id = $2",
        Link::ReunificationStep => {
            "SELECT COUNT(*) FROM reunification_steps s JOIN children c ON c.id = s.child_id \
             WHERE s.id = $1 AND c.case_id = $2"
        }
    };
    let found: i64 = sqlx::query_scalar(sql)
        .bind(id)
        .bind(case.case_id())
        .fetch_one(&mut **tx)
        .await?;
    Ok(found > 0)
}
