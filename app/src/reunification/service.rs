//! The reunification service: read through the access module (the `reunification`
//! share for family, unless a worker limited it), and let the case's workers record
//! children and steps. Every read and change is audited in its transaction.

use super::storage::{self, StepState};
use super::{Child, NewChild, NewStep, Reunification, StepKind, StepUpdate};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};
use crate::translations::{self, ItemKind};

pub async fn reunification(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<Reunification, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Reunification).await?;
    let mut result = load(&mut tx, &case, page).await?;
    tx.commit().await?;
    // Children in the order they were added, each with all of their steps; read one more
    // than the page holds, which says whether another page follows.
    let (children, next_cursor) = page.cut(result.children, |child| Cursor::by_id(child.id));
    result.children = children;
    result.next_cursor = next_cursor;
    Ok(result)
}

async fn load(tx: &mut Tx<'_>, case: &CaseAccess, page: &PageRequest) -> Result<Reunification, AppError> {
    let participant_name = crate::circle::storage::participant_name(tx, case)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let mut children = storage::children(tx, case, page.after_id(), page.one_more()).await?;
    let steps = children.iter_mut().flat_map(|child| child.steps.iter_mut());
    translations::storage::attach(tx, case, ItemKind::ReunificationStep, steps).await?;
    Ok(Reunification {
        case_id: case.case_id(),
        participant_name,
        reader: case.kind(),
        children: super::step_history::with_histories(tx, case, children).await?,
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
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let id = storage::insert_child(&mut tx, &case, alias, new.age_band, now()).await?;
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
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    if !storage::child_in_case(&mut tx, &case, child_id).await? {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    if let Some(contact) = new.contact_user_id {
        if !storage::in_circle(&mut tx, &case, contact).await? {
            return Err(AppError::new(ErrorCode::InvalidInput));
        }
    }
    let position = storage::next_position(&mut tx, &case, child_id).await?;
    let lang = viewer.language.unwrap_or_default();
    let id = storage::insert_step(&mut tx, &case, child_id, position, &new, custom_title, (lang, now())).await?;
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
    let result = load(&mut tx, &case, &PageRequest::everything()).await?;
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
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let current = storage::step_state(&mut tx, &case, step_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let (current_status, current_date) = (current.status.clone(), current.next_date.clone());
    let conditions_before = current.conditions.clone();
    let changed = StepState {
        status: update.status.map(|s| s.as_str().to_string()).unwrap_or(current.status),
        next_date: update.next_date.map(|d| d.as_str().to_string()).or(current.next_date),
        conditions: update
            .conditions
            .map(|c| c.trim().to_string())
            .unwrap_or(current.conditions),
    };
    if changed.conditions.chars().count() > 2000 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let now = now();
    let moves = [
        ("status", Some(current_status.as_str()), Some(changed.status.as_str())),
        ("next_date", current_date.as_deref(), changed.next_date.as_deref()),
    ];
    let moved: Vec<_> = moves.into_iter().filter(|(_, old, new)| old != new).collect();
    let reason = update.reason.as_deref().map(str::trim).unwrap_or_default();
    if !moved.is_empty() && reason.is_empty() {
        return Err(AppError::new(ErrorCode::ReasonRequired));
    }
    let reason = crate::text::cleaned(reason, false, 1000)?;
    for (field, old_value, new_value) in moved {
        let change = super::step_history::NewStepChange {
            step_id,
            field,
            old_value,
            new_value,
            reason: &reason,
            changed_by: viewer.user_id,
            changed_at: now,
        };
        super::step_history::record(&mut tx, change).await?;
    }
    if changed.conditions != conditions_before {
        let item = (ItemKind::ReunificationStep, step_id);
        translations::storage::forget_field(&mut tx, &case, item, "conditions").await?;
    }
    storage::update_step(&mut tx, &case, step_id, &changed, now).await?;
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
    let result = load(&mut tx, &case, &PageRequest::everything()).await?;
    tx.commit().await?;
    Ok(result)
}
