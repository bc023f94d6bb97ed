//! Agreeing: a worker puts a draft up for agreement, which fixes who must agree (the
//! participant, each worker who owns an item, and family members the participant asked);
//! each of them says agree or disagree per item (a reason to disagree), then signs. The
//! version is agreed when everyone has signed, and keeps every disagreement.

use super::service::{find_plan, latest, open_for_change, plan_entry, text, version_view};
use super::storage::{self, PlanRow, VersionRow};
use super::{NewParty, NewResponse, PlanVersion, Stance, Submit, VersionState};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};

/// Who must agree a version: the participant, the workers of the circle who own an item,
/// and the family members the participant asked who still may read the plan.
async fn required_parties(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    plan: &PlanRow,
    version: &VersionRow,
) -> Result<Vec<i64>, AppError> {
    let mut parties = storage::participant_ids(tx, case).await?;
    parties.extend(storage::worker_owners(tx, case, version).await?);
    for user_id in storage::extra_parties(tx, plan).await? {
        if access::family_member_may_read(tx, case.case_id(), user_id, Category::Plans).await? {
            parties.push(user_id);
        }
    }
    parties.sort_unstable();
    parties.dedup();
    Ok(parties)
}

pub async fn submit(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    submit: Submit,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.begin().await?;
    let (case, plan) = open_for_change(&mut tx, viewer, case_id, plan_id).await?;
    let version = latest(&mut tx, &plan).await?;
    if version.number != submit.number || version.state != VersionState::Draft {
        return Err(AppError::new(ErrorCode::StaleVersion));
    }
    if storage::items(&mut tx, &version).await?.is_empty() {
        return Err(AppError::new(ErrorCode::PlanEmpty));
    }
    for user_id in required_parties(&mut tx, &case, &plan, &version).await? {
        storage::add_party(&mut tx, &version, user_id).await?;
    }
    storage::set_state(&mut tx, &version, VersionState::AwaitingSignatures, state.clock.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanSubmitted, plan_id),
    )
    .await?;
    let version = latest(&mut tx, &plan).await?;
    let view = version_view(&mut tx, &case, &plan, &version).await?;
    tx.commit().await?;
    // Everyone who must now agree hears that something waits for them.
    let waiting: Vec<i64> = view
        .parties
        .iter()
        .map(|p| p.person.user_id)
        .filter(|id| *id != viewer.user_id)
        .collect();
    crate::push::service::notify(state, &waiting);
    Ok(view)
}

/// The participant asks a family member (who may read the plan) to agree it too, from
/// the version waiting for signatures on.
pub async fn add_party(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    party: NewParty,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.begin().await?;
    let case = access::require_participant(&mut tx, viewer, case_id).await?;
    let plan = find_plan(&mut tx, &case, plan_id).await?;
    storage::lock_plan(&mut tx, &plan).await?;
    if !access::family_member_may_read(&mut tx, case_id, party.user_id, Category::Plans).await? {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    storage::add_extra_party(&mut tx, &plan, party.user_id, viewer.user_id, state.clock.now()).await?;
    let version = latest(&mut tx, &plan).await?;
    if version.state == VersionState::AwaitingSignatures {
        storage::add_party(&mut tx, &version, party.user_id).await?;
    }
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanChanged, plan_id),
    )
    .await?;
    let view = version_view(&mut tx, &case, &plan, &version).await?;
    tx.commit().await?;
    Ok(view)
}

/// Opens a version for a party's answer or signature: the read check, then whether this
/// version still waits for this person.
async fn open_for_party(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    number: i64,
) -> Result<(CaseAccess, PlanRow, VersionRow), AppError> {
    let case = access::open_case(tx, ctx, viewer, case_id, Category::Plans).await?;
    let plan = find_plan(tx, &case, plan_id).await?;
    storage::lock_plan(tx, &plan).await?;
    let version = storage::version(tx, &plan, number)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let parties = storage::parties(tx, &version).await?;
    let party = parties.iter().find(|p| p.person.user_id == viewer.user_id);
    match (version.state, party) {
        (VersionState::Draft, _) => Err(AppError::new(ErrorCode::NotOpenForAgreement)),
        (VersionState::Superseded, _) => Err(AppError::new(ErrorCode::StaleVersion)),
        (_, None) => Err(AppError::new(ErrorCode::NotAParty)),
        (_, Some(p)) if p.signed_at.is_some() => Err(AppError::new(ErrorCode::AlreadySigned)),
        (VersionState::Agreed, Some(_)) => Err(AppError::new(ErrorCode::AlreadySigned)),
        (VersionState::AwaitingSignatures, Some(_)) => Ok((case, plan, version)),
    }
}

pub async fn respond(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    target: (i64, i64, i64),
    key: i64,
    response: NewResponse,
) -> Result<PlanVersion, AppError> {
    let (case_id, plan_id, number) = target;
    let mut tx = state.begin().await?;
    let (case, plan, version) = open_for_party(&mut tx, ctx, viewer, case_id, plan_id, number).await?;
    if !storage::items(&mut tx, &version).await?.iter().any(|(k, _)| *k == key) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let reason = text(&response.reason, false, 1000)?;
    if response.stance == Stance::Disagree && reason.is_empty() {
        return Err(AppError::new(ErrorCode::ReasonRequired));
    }
    storage::save_response(
        &mut tx,
        &version,
        key,
        viewer.user_id,
        response.stance,
        &reason,
        state.clock.now(),
    )
    .await?;
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanResponded, plan_id),
    )
    .await?;
    let view = version_view(&mut tx, &case, &plan, &version).await?;
    tx.commit().await?;
    Ok(view)
}

pub async fn sign(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    plan_id: i64,
    number: i64,
) -> Result<PlanVersion, AppError> {
    let mut tx = state.begin().await?;
    let (case, plan, version) = open_for_party(&mut tx, ctx, viewer, case_id, plan_id, number).await?;
    let answered: Vec<i64> = storage::responses(&mut tx, &version)
        .await?
        .into_iter()
        .filter(|(_, r)| r.by.user_id == viewer.user_id)
        .map(|(key, _)| key)
        .collect();
    let items = storage::items(&mut tx, &version).await?;
    if items.iter().any(|(key, _)| !answered.contains(key)) {
        return Err(AppError::new(ErrorCode::ItemsUnanswered));
    }
    let at = state.clock.now();
    storage::sign(&mut tx, &version, viewer.user_id, at).await?;
    audit::record(
        &mut tx,
        ctx,
        plan_entry(viewer, case_id, AuditAction::PlanSigned, plan_id),
    )
    .await?;
    drop_departed_parties(&mut tx, ctx, &case, Some(plan_id), at).await?;
    agree_when_signed(&mut tx, &version, at).await?;
    let version = storage::version(&mut tx, &plan, number)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    let view = version_view(&mut tx, &case, &plan, &version).await?;
    tx.commit().await?;
    Ok(view)
}

/// A version waiting for signatures is agreed once every party it still has has signed.
async fn agree_when_signed(tx: &mut Tx<'_>, version: &VersionRow, at: i64) -> Result<(), AppError> {
    let parties = storage::parties(tx, version).await?;
    if !parties.is_empty() && parties.iter().all(|p| p.signed_at.is_some()) {
        storage::set_state(tx, version, VersionState::Agreed, at).await?;
    }
    Ok(())
}

/// Someone asked to agree who can no longer read the plan (they left the circle, or the
/// participant stopped sharing plans with them) could never sign, and the version would
/// wait forever. They are taken off every version of the case (or of `only_plan`) that
/// waits for signatures, which is recorded; their answers per item stay visible. A
/// version that then has every signature it still needs is agreed. The participant is
/// never taken off: a plan is not agreed without her.
pub async fn drop_departed_parties(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    case: &CaseAccess,
    only_plan: Option<i64>,
    at: i64,
) -> Result<(), AppError> {
    let case_id = case.case_id();
    let plans = storage::awaiting_signatures(tx, case).await?;
    for plan in plans.iter().filter(|p| only_plan.is_none_or(|only| only == p.id())) {
        // Taken in plan order, and before reading who still must sign, so that a signature
        // given at the same moment is seen (PostgreSQL; SQLite's writes are serial anyway).
        storage::lock_plan(tx, plan).await?;
        for (version, user_id) in storage::unsigned_parties(tx, plan).await? {
            if access::member_may_read(tx, case_id, user_id, Category::Plans).await? {
                continue;
            }
            storage::remove_party(tx, &version, user_id).await?;
            let entry = AuditEntry {
                actor: None,
                action: AuditAction::PlanPartyRemoved,
                case_id: Some(case_id),
                object: Some(("plan", plan.id())),
            };
            audit::record(tx, ctx, entry).await?;
            agree_when_signed(tx, &version, at).await?;
        }
    }
    Ok(())
}

/// A worker who hands a case over: where they still had to sign a version, their
/// successor signs instead, and the items they owned in drafts become the successor's.
/// Versions already put up for agreement keep their items as they were signed.
pub async fn hand_over_parties(
    tx: &mut Tx<'_>,
    ending: &access::MembershipEnding,
    successor: i64,
) -> Result<(), AppError> {
    let departing = ending.departing();
    for plan in storage::awaiting_signatures(tx, departing).await? {
        storage::lock_plan(tx, &plan).await?;
        for (version, user_id) in storage::unsigned_parties(tx, &plan).await? {
            if user_id == departing.viewer_id() {
                storage::add_party(tx, &version, successor).await?;
                storage::remove_party(tx, &version, user_id).await?;
            }
        }
    }
    storage::hand_over_draft_items(tx, departing, successor).await?;
    Ok(())
}
