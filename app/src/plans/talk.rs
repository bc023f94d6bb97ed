//! Drafting together: everyone who may read the plan comments on items and proposes
//! changes with a reason; a worker of the case accepts a proposal (which changes the
//! plan) or declines it with a reason that the proposer reads.

use super::service::{
    current_item, editable_version, find_plan, finish_change, latest, open_for_change, plan_entry, text, write_item,
};
use super::storage::{self, PlanRow, StoredItem, StoredProposal};
use super::{Comment, Decline, NewComment, NewItem, NewProposal, PlanVersion, Proposal, ProposalKind, ProposalStatus};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction};
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};

fn reason(value: &str) -> Result<String, AppError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(AppError::new(ErrorCode::ReasonRequired));
    }
    text(value, true, 1000)
}

pub async fn comment(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    key: i64,
    new: NewComment,
) -> Result<Comment, AppError> {
    let mut tx = state.begin().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let plan = find_plan(&mut tx, &case, plan_id).await?;
    current_item(&mut tx, &plan, key).await?;
    let body = text(&new.body, true, 2000)?;
    let number = latest(&mut tx, &plan).await?.number;
    let id = storage::insert_comment(&mut tx, &plan, number, key, viewer.user_id, &body, state.clock.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanCommented, plan_id),
    )
    .await?;
    let comment = storage::comments(&mut tx, &plan)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(AppError::new(ErrorCode::Internal))?;
    tx.commit().await?;
    Ok(comment)
}

/// What each kind of proposal needs: the item it is about, and the new text or date.
async fn checked(tx: &mut Tx<'_>, plan: &PlanRow, new: &NewProposal) -> Result<(), AppError> {
    let needs_item = new.kind != ProposalKind::Add;
    match (needs_item, new.item_key) {
        (true, Some(key)) => {
            current_item(tx, plan, key).await?;
        }
        (true, None) | (false, Some(_)) => return Err(AppError::new(ErrorCode::InvalidInput)),
        (false, None) => {}
    }
    let complete = match new.kind {
        ProposalKind::Reword => !new.what.trim().is_empty(),
        ProposalKind::Date => new.due_on.is_some(),
        ProposalKind::Add => !new.what.trim().is_empty() && !new.why.trim().is_empty(),
        ProposalKind::Remove => true,
    };
    if complete {
        Ok(())
    } else {
        Err(AppError::new(ErrorCode::InvalidInput))
    }
}

pub async fn propose(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    new: NewProposal,
) -> Result<Proposal, AppError> {
    let mut tx = state.begin().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let plan = find_plan(&mut tx, &case, plan_id).await?;
    checked(&mut tx, &plan, &new).await?;
    let why_given = reason(&new.reason)?;
    let what = text(&new.what, false, 500)?;
    let why = text(&new.why, false, 1000)?;
    let number = latest(&mut tx, &plan).await?.number;
    let proposal = StoredProposal {
        kind: new.kind,
        item_key: new.item_key,
        what: &what,
        due_on: new.due_on.as_ref().map(|d| d.as_str()),
        why: &why,
        reason: &why_given,
    };
    let id = storage::insert_proposal(&mut tx, &plan, number, proposal, viewer.user_id, state.clock.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanProposalMade, plan_id),
    )
    .await?;
    let proposal = storage::proposal(&mut tx, &plan, id)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    tx.commit().await?;
    Ok(proposal)
}

async fn open_proposal(tx: &mut Tx<'_>, plan: &PlanRow, id: i64) -> Result<Proposal, AppError> {
    let proposal = storage::proposal(tx, plan, id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    if proposal.status != ProposalStatus::Open {
        return Err(AppError::new(ErrorCode::ProposalDecided));
    }
    Ok(proposal)
}

/// Accepting changes the plan as proposed, in the editable version. A proposal about an
/// item that has been removed since can no longer be accepted.
pub async fn accept(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    proposal_id: i64,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.begin().await?;
    let (case, plan) = open_for_change(&mut tx, viewer, case_id, plan_id).await?;
    let proposal = open_proposal(&mut tx, &plan, proposal_id).await?;
    let current = match proposal.item_key {
        Some(key) => Some(
            current_item(&mut tx, &plan, key)
                .await
                .map_err(|_| AppError::new(ErrorCode::StaleVersion))?,
        ),
        None => None,
    };
    let at = state.clock.now();
    let version = editable_version(&mut tx, &plan, viewer.user_id, at).await?;
    match (proposal.kind, proposal.item_key, current) {
        (ProposalKind::Reword, Some(key), Some(item)) => {
            let item = NewItem {
                what: proposal.what.clone(),
                ..item
            };
            write_item(&mut tx, &version, key, &item).await?;
        }
        (ProposalKind::Date, Some(key), Some(item)) => {
            let item = NewItem {
                due_on: proposal.due_on.clone(),
                ..item
            };
            write_item(&mut tx, &version, key, &item).await?;
        }
        (ProposalKind::Remove, Some(key), Some(_)) => storage::delete_item(&mut tx, &version, key).await?,
        (ProposalKind::Add, None, None) => {
            let item = StoredItem {
                what: &proposal.what,
                owner_user_id: None,
                due_on: proposal.due_on.as_ref().map(|d| d.as_str()),
                why: &proposal.why,
                milestone_id: None,
                reunification_step_id: None,
            };
            storage::append_item(&mut tx, &plan, &version, item).await?;
        }
        _ => return Err(AppError::new(ErrorCode::Internal)),
    }
    storage::decide_proposal(
        &mut tx,
        &plan,
        proposal_id,
        ProposalStatus::Accepted,
        viewer.user_id,
        None,
        at,
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanProposalDecided, plan_id),
    )
    .await?;
    let view = finish_change(&mut tx, ctx, viewer, &case, &plan, &version, at).await?;
    tx.commit().await?;
    Ok(view)
}

pub async fn decline(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    proposal_id: i64,
    decline: Decline,
) -> Result<Proposal, AppError> {
    let mut tx = state.begin().await?;
    let (_, plan) = open_for_change(&mut tx, viewer, case_id, plan_id).await?;
    open_proposal(&mut tx, &plan, proposal_id).await?;
    let why = reason(&decline.reason)?;
    storage::decide_proposal(
        &mut tx,
        &plan,
        proposal_id,
        ProposalStatus::Declined,
        viewer.user_id,
        Some(&why),
        state.clock.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanProposalDecided, plan_id),
    )
    .await?;
    let proposal = storage::proposal(&mut tx, &plan, proposal_id)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    tx.commit().await?;
    Ok(proposal)
}
