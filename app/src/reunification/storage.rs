//! Reunification queries. Each takes the proof of access to the case, and a query that
//! names a child or a step by its id also requires it to belong to that case.

use super::{AgeBand, Child, NewStep, Step, StepKind};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::i18n::Lang;
use crate::sealing::text::Column;
use crate::trajectory::{Date, MilestoneStatus};
use crate::translations::service::Original;
use sqlx::Row;

/// A page of the case's children in the order they were added (at most `limit`, after the
/// child `after_id`), each with its steps in order.
pub(super) async fn children(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    after_id: i64,
    limit: i64,
) -> Result<Vec<Child>, sqlx::Error> {
    let mut children = Vec::new();
    for row in
        sqlx::query("SELECT id, alias, age_band FROM children WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3")
            .bind(access.case_id())
            .bind(after_id)
            .bind(limit)
            .fetch_all(&mut **tx)
            .await?
    {
        let band: String = row.try_get("age_band")?;
        let Some(age_band) = AgeBand::parse(&band) else {
            continue;
        };
        children.push(Child {
            id: row.try_get("id")?,
            alias: row.try_get("alias")?,
            age_band,
            steps: Vec::new(),
        });
    }
    // The steps of this page's children only: they are the children after `after_id` up
    // to the last one read.
    let Some(last_id) = children.last().map(|c| c.id) else {
        return Ok(children);
    };
    let steps = sqlx::query(
        "SELECT s.id, s.child_id, s.position, s.kind, s.custom_title, s.status, s.conditions, s.next_date, s.content_lang, \
         u.display_name \
         FROM reunification_steps s JOIN children c ON c.id = s.child_id LEFT JOIN users u ON u.id = s.contact_user_id \
         WHERE c.case_id = $1 AND s.child_id > $2 AND s.child_id <= $3 ORDER BY s.child_id, s.position, s.id",
    )
    .bind(access.case_id())
    .bind(after_id)
    .bind(last_id)
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    for row in steps {
        let child_id: i64 = row.try_get("child_id")?;
        let kind: String = row.try_get("kind")?;
        let status: String = row.try_get("status")?;
        let next_date: Option<String> = row.try_get("next_date")?;
        let (Some(kind), Some(status)) = (StepKind::parse(&kind), MilestoneStatus::parse(&status)) else {
            continue;
        };
        if let Some(child) = children.iter_mut().find(|c| c.id == child_id) {
            child.steps.push(Step {
                id: row.try_get("id")?,
                position: row.try_get("position")?,
                kind,
                custom_title: row.try_get("custom_title")?,
                status,
                conditions: keys.read(&row, "conditions", Column::ReunificationConditions)?,
                next_date: next_date.as_deref().and_then(|d| Date::parse(d).ok()),
                contact: row.try_get("display_name")?,
                lang: Lang::parse(&row.try_get::<String, _>("content_lang")?).unwrap_or_default(),
                history: Vec::new(),
                translations: Vec::new(),
            });
        }
    }
    Ok(children)
}

pub(super) async fn insert_child(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    alias: &str,
    age_band: AgeBand,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO children (case_id, alias, age_band, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(access.case_id())
    .bind(alias)
    .bind(age_band.as_str())
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

pub(super) async fn child_in_case(tx: &mut Tx<'_>, access: &CaseAccess, child_id: i64) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM children WHERE id = $1 AND case_id = $2")
        .bind(child_id)
        .bind(access.case_id())
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

/// Whether someone is in the case's circle now (a step's contact must be).
pub(super) async fn in_circle(tx: &mut Tx<'_>, access: &CaseAccess, user_id: i64) -> Result<bool, sqlx::Error> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND user_id = $2 AND ended_at IS NULL")
            .bind(access.case_id())
            .bind(user_id)
            .fetch_one(&mut **tx)
            .await?;
    Ok(count > 0)
}

/// Where a new step of the child goes: after its last one.
pub(super) async fn next_position(tx: &mut Tx<'_>, access: &CaseAccess, child_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COALESCE(MAX(s.position), 0) + 1 FROM reunification_steps s JOIN children c ON c.id = s.child_id \
         WHERE s.child_id = $1 AND c.case_id = $2",
    )
    .bind(child_id)
    .bind(access.case_id())
    .fetch_one(&mut **tx)
    .await
}

/// A new step, planned. `custom_title` is the trimmed title of a custom step.
pub(super) async fn insert_step(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    child_id: i64,
    position: i64,
    new: &NewStep,
    custom_title: Option<&str>,
    (lang, now): (Lang, i64),
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO reunification_steps (child_id, position, kind, custom_title, status, conditions, next_date, contact_user_id, updated_at, \
         content_lang) SELECT c.id, $2, $3, $4, $5, $6, $7, $8, $9, $11 FROM children c WHERE c.id = $1 AND c.case_id = $10 RETURNING id",
    )
    .bind(child_id)
    .bind(position)
    .bind(new.kind.as_str())
    .bind(custom_title)
    .bind(MilestoneStatus::Planned.as_str())
    .bind(tx.text_keys().seal(Column::ReunificationConditions, new.conditions.trim()))
    .bind(new.next_date.as_ref().map(Date::as_str))
    .bind(new.contact_user_id)
    .bind(now)
    .bind(access.case_id())
    .bind(lang.code())
    .fetch_one(&mut **tx)
    .await
}

/// What a worker may change of a step, as stored.
pub(super) struct StepState {
    pub status: String,
    pub next_date: Option<String>,
    pub conditions: String,
}

pub(super) async fn step_state(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    step_id: i64,
) -> Result<Option<StepState>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT s.status, s.next_date, s.conditions FROM reunification_steps s JOIN children c ON c.id = s.child_id \
         WHERE s.id = $1 AND c.case_id = $2",
    )
    .bind(step_id)
    .bind(access.case_id())
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|row| {
        Ok(StepState {
            status: row.try_get("status")?,
            next_date: row.try_get("next_date")?,
            conditions: tx
                .text_keys()
                .read(&row, "conditions", Column::ReunificationConditions)?,
        })
    })
    .transpose()
}

pub(super) async fn update_step(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    step_id: i64,
    state: &StepState,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE reunification_steps SET status = $1, next_date = $2, conditions = $3, updated_at = $4 \
         WHERE id = $5 AND child_id IN (SELECT id FROM children WHERE case_id = $6)",
    )
    .bind(&state.status)
    .bind(&state.next_date)
    .bind(tx.text_keys().seal(Column::ReunificationConditions, &state.conditions))
    .bind(now)
    .bind(step_id)
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A step's language and texts, for a worker who translates it.
pub(crate) async fn original_texts(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    step_id: i64,
) -> Result<Option<Original>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT s.custom_title, s.conditions, s.content_lang FROM reunification_steps s \
         JOIN children c ON c.id = s.child_id WHERE s.id = $1 AND c.case_id = $2",
    )
    .bind(step_id)
    .bind(access.case_id())
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|row| {
        Ok(Original {
            lang: Lang::parse(&row.try_get::<String, _>("content_lang")?).unwrap_or_default(),
            texts: vec![
                (
                    "custom_title",
                    row.try_get::<Option<String>, _>("custom_title")?.unwrap_or_default(),
                ),
                (
                    "conditions",
                    tx.text_keys()
                        .read(&row, "conditions", Column::ReunificationConditions)?,
                ),
            ],
        })
    })
    .transpose()
}
