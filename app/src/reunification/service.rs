//! The reunification service: read through the access module (the `reunification`
//! share for family, unless a worker limited it), and let the case's workers record
//! children and steps. Every read and change is audited in its transaction.

use super::{AgeBand, Child, NewChild, NewStep, Reunification, Step, StepKind, StepUpdate};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};
use crate::trajectory::{Date, MilestoneStatus};
use sqlx::Row;

pub async fn reunification(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<Reunification, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Reunification).await?;
    let mut result = load(&mut tx, case.case_id()).await?;
    tx.commit().await?;
    // Children in the order they were added, each with all of their steps.
    let (children, next_cursor) = page.cut(result.children, |child| Cursor::by_id(child.id));
    result.children = children;
    result.next_cursor = next_cursor;
    Ok(result)
}

async fn load(tx: &mut Tx<'_>, case_id: i64) -> Result<Reunification, AppError> {
    let participant_name: String = sqlx::query_scalar("SELECT label FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let mut children = Vec::new();
    for row in sqlx::query("SELECT id, alias, age_band FROM children WHERE case_id = $1 ORDER BY id")
        .bind(case_id)
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
    let steps = sqlx::query(
        "SELECT s.id, s.child_id, s.position, s.kind, s.custom_title, s.status, s.conditions, s.next_date, u.display_name \
         FROM reunification_steps s JOIN children c ON c.id = s.child_id LEFT JOIN users u ON u.id = s.contact_user_id \
         WHERE c.case_id = $1 ORDER BY s.child_id, s.position, s.id",
    )
    .bind(case_id)
    .fetch_all(&mut **tx)
    .await?;
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
                conditions: row.try_get("conditions")?,
                next_date: next_date.as_deref().and_then(|d| Date::parse(d).ok()),
                contact: row.try_get("display_name")?,
            });
        }
    }
    Ok(Reunification {
        case_id,
        participant_name,
        children,
        next_cursor: None,
    })
}

fn record(action: AuditAction, viewer: &Viewer, case_id: i64, object: (&'static str, i64)) -> AuditEntry {
    AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: Some(case_id),
        object: Some(object),
    }
}

pub async fn add_child(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    new: NewChild,
) -> Result<Child, AppError> {
    let alias = new.alias.trim();
    if alias.is_empty() || alias.chars().count() > 40 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let mut tx = state.begin().await?;
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO children (case_id, alias, age_band, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(case_id)
    .bind(alias)
    .bind(new.age_band.as_str())
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        record(AuditAction::ReunificationChanged, viewer, case_id, ("child", id)),
    )
    .await?;
    tx.commit().await?;
    Ok(Child {
        id,
        alias: alias.to_string(),
        age_band: new.age_band,
        steps: Vec::new(),
    })
}

pub async fn add_step(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    child_id: i64,
    new: NewStep,
) -> Result<Reunification, AppError> {
    let custom_title = new.custom_title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if (new.kind == StepKind::Custom && custom_title.is_none()) || new.conditions.chars().count() > 2000 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let mut tx = state.begin().await?;
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    let child_in_case: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM children WHERE id = $1 AND case_id = $2")
        .bind(child_id)
        .bind(case_id)
        .fetch_one(&mut *tx)
        .await?;
    if child_in_case == 0 {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    if let Some(contact) = new.contact_user_id {
        let in_circle: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND user_id = $2 AND ended_at IS NULL",
        )
        .bind(case_id)
        .bind(contact)
        .fetch_one(&mut *tx)
        .await?;
        if in_circle == 0 {
            return Err(AppError::new(ErrorCode::InvalidInput));
        }
    }
    let position: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM reunification_steps WHERE child_id = $1")
            .bind(child_id)
            .fetch_one(&mut *tx)
            .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO reunification_steps (child_id, position, kind, custom_title, status, conditions, next_date, contact_user_id, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(child_id)
    .bind(position)
    .bind(new.kind.as_str())
    .bind(custom_title)
    .bind(MilestoneStatus::Planned.as_str())
    .bind(new.conditions.trim())
    .bind(new.next_date.as_ref().map(Date::as_str))
    .bind(new.contact_user_id)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        record(
            AuditAction::ReunificationChanged,
            viewer,
            case_id,
            ("reunification_step", id),
        ),
    )
    .await?;
    let result = load(&mut tx, case_id).await?;
    tx.commit().await?;
    Ok(result)
}

pub async fn update_step(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    step_id: i64,
    update: StepUpdate,
) -> Result<Reunification, AppError> {
    let mut tx = state.begin().await?;
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    let row = sqlx::query(
        "SELECT s.status, s.next_date, s.conditions FROM reunification_steps s JOIN children c ON c.id = s.child_id \
         WHERE s.id = $1 AND c.case_id = $2",
    )
    .bind(step_id)
    .bind(case_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::new(ErrorCode::NotFound))?;
    let status: String = row.try_get("status")?;
    let next_date: Option<String> = row.try_get("next_date")?;
    let conditions: String = row.try_get("conditions")?;
    let status = update.status.map(|s| s.as_str().to_string()).unwrap_or(status);
    let next_date = update.next_date.map(|d| d.as_str().to_string()).or(next_date);
    let conditions = update.conditions.map(|c| c.trim().to_string()).unwrap_or(conditions);
    if conditions.chars().count() > 2000 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    sqlx::query(
        "UPDATE reunification_steps SET status = $1, next_date = $2, conditions = $3, updated_at = $4 WHERE id = $5",
    )
    .bind(&status)
    .bind(&next_date)
    .bind(&conditions)
    .bind(now())
    .bind(step_id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        record(
            AuditAction::ReunificationChanged,
            viewer,
            case_id,
            ("reunification_step", step_id),
        ),
    )
    .await?;
    let result = load(&mut tx, case_id).await?;
    tx.commit().await?;
    Ok(result)
}
