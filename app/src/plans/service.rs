//! The plans service: reading plans and versions, drafting items. Every function checks
//! access first (through `access`, which also records the read), then changes, then
//! records the change, in one transaction.

use super::storage::{self, Link, PlanRow, StoredItem, VersionRow};
use super::{
    compare, Comparison, ItemChange, NewItem, NewPlan, PlanDetail, PlanItem, PlanKind, PlanSummary, PlanVersion, Plans,
    VersionState, VersionSummary,
};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::MemberKind;
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};

pub(super) use crate::text::cleaned as text;

pub(super) async fn find_plan(tx: &mut Tx<'_>, case: &CaseAccess, plan_id: i64) -> Result<PlanRow, AppError> {
    storage::plan(tx, case, plan_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))
}

pub(super) async fn latest(tx: &mut Tx<'_>, plan: &PlanRow) -> Result<VersionRow, AppError> {
    storage::latest_version(tx, plan)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))
}

pub(super) fn plan_entry(viewer: &Viewer, case_id: i64, action: AuditAction, plan_id: i64) -> AuditEntry {
    AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: Some(case_id),
        object: Some(("plan", plan_id)),
    }
}

/// The version that a change goes into: the newest one while it is a draft. A version
/// that was put up for agreement never changes, so that every signature stays next to
/// what was signed; a change then starts the next version from a copy of its items, and
/// a version still waiting for signatures is superseded.
pub(super) async fn editable_version(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
    author: i64,
    at: i64,
) -> Result<VersionRow, AppError> {
    let current = latest(tx, plan).await?;
    if current.state == VersionState::Draft {
        return Ok(current);
    }
    if current.state == VersionState::AwaitingSignatures {
        storage::set_state(tx, &current, VersionState::Superseded, at).await?;
    }
    let next = storage::insert_version(tx, plan, current.number + 1, author, at).await?;
    storage::copy_items(tx, &current, &next).await?;
    Ok(next)
}

/// Everything about one version, as the viewer may see it.
pub(super) async fn version_view(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    plan: &PlanRow,
    version: &VersionRow,
) -> Result<PlanVersion, AppError> {
    let latest_number = latest(tx, plan).await?.number;
    let responses = storage::responses(tx, version).await?;
    let comments = storage::comments(tx, plan).await?;
    let items = storage::items(tx, version)
        .await?
        .into_iter()
        .map(|(key, fields)| PlanItem {
            key,
            fields,
            responses: responses
                .iter()
                .filter(|(k, _)| *k == key)
                .map(|(_, r)| r.clone())
                .collect(),
            comments: comments.iter().filter(|c| c.item_key == key).cloned().collect(),
        })
        .collect();
    let parties = storage::parties(tx, version).await?;
    let waiting_for_you = version.state == VersionState::AwaitingSignatures
        && parties
            .iter()
            .any(|p| p.person.user_id == case.viewer_id() && p.signed_at.is_none());
    Ok(PlanVersion {
        plan_id: plan.id(),
        case_id: plan.case_id(),
        kind: plan.kind,
        title: plan.title.clone(),
        number: version.number,
        state: version.state,
        latest_number,
        created_at: version.created_at,
        submitted_at: version.submitted_at,
        agreed_at: version.agreed_at,
        items,
        parties,
        proposals: storage::proposals(tx, plan).await?,
        waiting_for_you,
        you_may_edit: case.kind() == MemberKind::Worker,
    })
}

/// Every version with when it was made, put up for agreement and agreed, and who signed.
pub(super) async fn history(tx: &mut Tx<'_>, versions: &[VersionRow]) -> Result<Vec<VersionSummary>, AppError> {
    let mut history = Vec::with_capacity(versions.len());
    for version in versions {
        history.push(VersionSummary {
            number: version.number,
            state: version.state,
            created_at: version.created_at,
            submitted_at: version.submitted_at,
            agreed_at: version.agreed_at,
            parties: storage::parties(tx, version).await?,
        });
    }
    Ok(history)
}

pub(super) async fn summary(tx: &mut Tx<'_>, viewer: &Viewer, plan: &PlanRow) -> Result<PlanSummary, AppError> {
    let version = latest(tx, plan).await?;
    let parties = if version.state == VersionState::AwaitingSignatures {
        storage::parties(tx, &version).await?
    } else {
        Vec::new()
    };
    let waiting_for: Vec<_> = parties
        .into_iter()
        .filter(|p| p.signed_at.is_none())
        .map(|p| p.person)
        .collect();
    Ok(PlanSummary {
        id: plan.id(),
        kind: plan.kind,
        title: plan.title.clone(),
        latest_number: version.number,
        state: version.state,
        waiting_for_you: waiting_for.iter().any(|p| p.user_id == viewer.user_id),
        waiting_for,
    })
}

pub async fn plans(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<Plans, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let limit = page.limit;
    let after = page.after.as_ref().map_or(0, |c| c.id);
    let rows = storage::plans(&mut tx, &case, after, limit.saturating_add(1)).await?;
    let participant_name = crate::circle::storage::participant_name(&mut tx, &case)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let mut plans = Vec::with_capacity(rows.len());
    for plan in rows.iter().take(limit as usize) {
        plans.push(summary(&mut tx, viewer, plan).await?);
    }
    tx.commit().await?;
    let next_cursor = (rows.len() as i64 > limit)
        .then(|| plans.last().map(|p| Cursor::by_id(p.id).encode()))
        .flatten();
    Ok(Plans {
        case_id,
        participant_name,
        reader: case.kind(),
        plans,
        next_cursor,
    })
}

pub async fn plan(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
) -> Result<PlanDetail, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let plan = find_plan(&mut tx, &case, plan_id).await?;
    let versions = storage::versions(&mut tx, &plan).await?;
    let current = versions.last().cloned().ok_or(AppError::new(ErrorCode::NotFound))?;
    let history = history(&mut tx, &versions).await?;
    let current = version_view(&mut tx, &case, &plan, &current).await?;
    tx.commit().await?;
    Ok(PlanDetail {
        current,
        versions: history,
    })
}

pub async fn version(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    number: i64,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let plan = find_plan(&mut tx, &case, plan_id).await?;
    let version = storage::version(&mut tx, &plan, number)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let view = version_view(&mut tx, &case, &plan, &version).await?;
    tx.commit().await?;
    Ok(view)
}

pub async fn compare(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    from: i64,
    to: i64,
) -> Result<Comparison, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let plan = find_plan(&mut tx, &case, plan_id).await?;
    let mut items = Vec::with_capacity(2);
    for number in [from, to] {
        let version = storage::version(&mut tx, &plan, number)
            .await?
            .ok_or(AppError::new(ErrorCode::NotFound))?;
        items.push(storage::items(&mut tx, &version).await?);
    }
    tx.commit().await?;
    Ok(Comparison {
        plan_id,
        from,
        to,
        differences: compare::differences(&items[0], &items[1]),
    })
}

/// A reference the case does not have is invalid.
async fn check_one(tx: &mut Tx<'_>, case: &CaseAccess, link: Link, id: Option<i64>) -> Result<(), AppError> {
    let Some(id) = id else { return Ok(()) };
    if !storage::in_case(tx, case, link, id).await? {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    Ok(())
}

/// An item's owner must be the participant or a worker of the circle; a linked milestone
/// or reunification step must be of this case.
async fn check_links(tx: &mut Tx<'_>, case: &CaseAccess, item: &NewItem) -> Result<(), AppError> {
    check_one(tx, case, Link::Owner, item.owner_user_id).await?;
    check_one(tx, case, Link::Milestone, item.milestone_id).await?;
    check_one(tx, case, Link::ReunificationStep, item.reunification_step_id).await
}

fn cleaned_item(item: NewItem) -> Result<NewItem, AppError> {
    Ok(NewItem {
        what: text(&item.what, true, 500)?,
        why: text(&item.why, true, 1000)?,
        ..item
    })
}

fn stored(item: &NewItem) -> StoredItem<'_> {
    StoredItem {
        what: &item.what,
        owner_user_id: item.owner_user_id,
        due_on: item.due_on.as_ref().map(|d| d.as_str()),
        why: &item.why,
        milestone_id: item.milestone_id,
        reunification_step_id: item.reunification_step_id,
    }
}

pub async fn create(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    new: NewPlan,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let title = text(&new.title, new.kind == PlanKind::Custom, 120)?;
    let items = new.items.into_iter().map(cleaned_item).collect::<Result<Vec<_>, _>>()?;
    if items.len() > 100 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    for item in &items {
        check_links(&mut tx, &case, item).await?;
    }
    let at = state.clock.now();
    let plan = storage::insert_plan(&mut tx, &case, new.kind, &title, viewer.user_id, at).await?;
    let version = storage::insert_version(&mut tx, &plan, 1, viewer.user_id, at).await?;
    for item in &items {
        storage::append_item(&mut tx, &plan, &version, stored(item)).await?;
    }
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanCreated, plan.id()),
    )
    .await?;
    let view = version_view(&mut tx, &case, &plan, &version).await?;
    tx.commit().await?;
    Ok(view)
}

/// Opens a plan for a worker's change: the worker check, the plan, its lock.
pub(super) async fn open_for_change(
    tx: &mut Tx<'_>,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
) -> Result<(CaseAccess, PlanRow), AppError> {
    let case = access::require_case_worker(tx, viewer, case_id).await?;
    let plan = find_plan(tx, &case, plan_id).await?;
    storage::lock_plan(tx, &plan).await?;
    Ok((case, plan))
}

/// Records a change to the plan and answers with the version it went into.
pub(super) async fn finish_change(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case: &CaseAccess,
    plan: &PlanRow,
    version: &VersionRow,
    at: i64,
) -> Result<PlanVersion, AppError> {
    storage::touch_version(tx, version, at).await?;
    audit::record(
        tx,
        ctx,
        plan_entry(viewer, plan.case_id(), AuditAction::PlanChanged, plan.id()),
    )
    .await?;
    version_view(tx, case, plan, version).await
}

pub async fn add_item(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    item: NewItem,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.begin().await?;
    let (case, plan) = open_for_change(&mut tx, viewer, case_id, plan_id).await?;
    let item = cleaned_item(item)?;
    check_links(&mut tx, &case, &item).await?;
    let at = state.clock.now();
    let version = editable_version(&mut tx, &plan, viewer.user_id, at).await?;
    storage::append_item(&mut tx, &plan, &version, stored(&item)).await?;
    let view = finish_change(&mut tx, ctx, viewer, &case, &plan, &version, at).await?;
    tx.commit().await?;
    Ok(view)
}

/// The item as it stands in the newest version, or 404.
pub(super) async fn current_item(tx: &mut Tx<'_>, plan: &PlanRow, key: i64) -> Result<NewItem, AppError> {
    let version = latest(tx, plan).await?;
    let (_, fields) = storage::items(tx, &version)
        .await?
        .into_iter()
        .find(|(k, _)| *k == key)
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok(NewItem {
        what: fields.what,
        owner_user_id: fields.owner.map(|o| o.user_id),
        due_on: fields.due_on,
        why: fields.why,
        milestone_id: fields.milestone_id,
        reunification_step_id: fields.reunification_step_id,
    })
}

/// Writes an item's new fields into the editable version.
pub(super) async fn write_item(
    tx: &mut Tx<'_>,
    version: &VersionRow,
    key: i64,
    item: &NewItem,
) -> Result<(), AppError> {
    storage::update_item(tx, version, key, stored(item)).await?;
    Ok(())
}

pub async fn change_item(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    key: i64,
    change: ItemChange,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.begin().await?;
    let (case, plan) = open_for_change(&mut tx, viewer, case_id, plan_id).await?;
    let current = current_item(&mut tx, &plan, key).await?;
    let changed = cleaned_item(NewItem {
        what: change.what.unwrap_or_else(|| current.what.clone()),
        owner_user_id: change.owner_user_id.unwrap_or(current.owner_user_id),
        due_on: change.due_on.unwrap_or_else(|| current.due_on.clone()),
        why: change.why.unwrap_or_else(|| current.why.clone()),
        ..current.clone()
    })?;
    if changed == current {
        // Saving an item unchanged must not undo the signatures a version collected. The
        // answer shows the plan, so it is recorded as a read.
        access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
        let version = latest(&mut tx, &plan).await?;
        let view = version_view(&mut tx, &case, &plan, &version).await?;
        tx.commit().await?;
        return Ok(view);
    }
    // Only a new owner is checked: the one already named may have left the circle since,
    // and the item must stay editable.
    if changed.owner_user_id != current.owner_user_id {
        check_one(&mut tx, &case, Link::Owner, changed.owner_user_id).await?;
    }
    let at = state.clock.now();
    let version = editable_version(&mut tx, &plan, viewer.user_id, at).await?;
    write_item(&mut tx, &version, key, &changed).await?;
    let view = finish_change(&mut tx, ctx, viewer, &case, &plan, &version, at).await?;
    tx.commit().await?;
    Ok(view)
}

pub async fn remove_item(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    key: i64,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.begin().await?;
    let (case, plan) = open_for_change(&mut tx, viewer, case_id, plan_id).await?;
    current_item(&mut tx, &plan, key).await?;
    let at = state.clock.now();
    let version = editable_version(&mut tx, &plan, viewer.user_id, at).await?;
    storage::delete_item(&mut tx, &version, key).await?;
    let view = finish_change(&mut tx, ctx, viewer, &case, &plan, &version, at).await?;
    tx.commit().await?;
    Ok(view)
}
