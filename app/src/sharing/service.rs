//! Who sees what: read by the participant and the case's workers; changed by the
//! participant (shares) and by workers (limits for a child's safety). Every change is
//! audited and takes effect on the very next request, since every check reads the database.

use super::storage;
use super::{Category, FamilySharing, Sharing};
use crate::access::{self, CaseAccess};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::MemberKind;
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::second_factor::service::require_recent as require_recent_second_factor;
use crate::state::{AppState, RequestContext};

pub async fn sharing(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<(Sharing, MemberKind), AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case_record(&mut tx, ctx, viewer, case_id, "sharing").await?;
    let mut sharing = load(&mut tx, &case, page).await?;
    tx.commit().await?;
    // One more than the page holds was read: it says whether another page follows.
    let (family, next_cursor) = page.cut(sharing.family, |f| Cursor::by_id(f.user_id));
    sharing.family = family;
    sharing.next_cursor = next_cursor;
    Ok((sharing, case.kind()))
}

async fn load(tx: &mut Tx<'_>, case: &CaseAccess, page: &PageRequest) -> Result<Sharing, AppError> {
    let participant_name = crate::circle::storage::participant_name(tx, case)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok(Sharing {
        case_id: case.case_id(),
        participant_name,
        family: storage::family(tx, case, page.after_id(), page.one_more()).await?,
        next_cursor: None,
    })
}

/// Only a family member of this case can be given a share or a limit; anyone else is
/// not revealed to be in the case.
async fn require_family_member(tx: &mut Tx<'_>, case: &CaseAccess, user_id: i64) -> Result<(), AppError> {
    if !storage::is_family_member(tx, case, user_id).await? {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    Ok(())
}

/// Records a change of what a family member sees, in the change's transaction.
async fn record(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    family_user_id: i64,
    action: AuditAction,
) -> Result<(), AppError> {
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: Some(case_id),
        object: Some(("user", family_user_id)),
    };
    Ok(audit::record(tx, ctx, entry).await?)
}

fn member_of(sharing: Sharing, user_id: i64) -> Result<FamilySharing, AppError> {
    sharing
        .family
        .into_iter()
        .find(|f| f.user_id == user_id)
        .ok_or(AppError::new(ErrorCode::Internal))
}

/// The participant sets everything a family member sees; what is left out is taken back.
pub async fn set_shares(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    family_user_id: i64,
    categories: &[Category],
) -> Result<FamilySharing, AppError> {
    let mut tx = state.begin().await?;
    let case = access::require_participant(&mut tx, viewer, case_id).await?;
    require_recent_second_factor(viewer)?;
    require_family_member(&mut tx, &case, family_user_id).await?;
    storage::delete_shares(&mut tx, &case, family_user_id).await?;
    for category in Category::ALL.iter().filter(|c| categories.contains(c)) {
        crate::circle::service::grant_consent_in(&mut tx, case.case_id(), family_user_id, *category).await?;
    }
    // Someone who no longer sees plans can no longer agree one.
    crate::plans::agreement::drop_departed_parties(&mut tx, ctx, &case, None, state.clock.now()).await?;
    record(
        &mut tx,
        ctx,
        viewer,
        case_id,
        family_user_id,
        AuditAction::SharingChanged,
    )
    .await?;
    let sharing = load(&mut tx, &case, &PageRequest::everything()).await?;
    tx.commit().await?;
    member_of(sharing, family_user_id)
}

/// A worker limits what a family member sees of reunification, for a child's safety.
pub async fn restrict(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    family_user_id: i64,
    reason: &str,
) -> Result<FamilySharing, AppError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::new(ErrorCode::ReasonRequired));
    }
    if reason.chars().count() > 1000 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    require_recent_second_factor(viewer)?;
    require_family_member(&mut tx, &case, family_user_id).await?;
    storage::replace_restriction(&mut tx, &case, family_user_id, Category::Reunification, reason, now()).await?;
    record(
        &mut tx,
        ctx,
        viewer,
        case_id,
        family_user_id,
        AuditAction::SharingRestricted,
    )
    .await?;
    let sharing = load(&mut tx, &case, &PageRequest::everything()).await?;
    tx.commit().await?;
    member_of(sharing, family_user_id)
}

pub async fn lift_restriction(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    family_user_id: i64,
) -> Result<(), AppError> {
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    require_recent_second_factor(viewer)?;
    require_family_member(&mut tx, &case, family_user_id).await?;
    storage::delete_restrictions(&mut tx, &case, family_user_id).await?;
    record(
        &mut tx,
        ctx,
        viewer,
        case_id,
        family_user_id,
        AuditAction::SharingRestricted,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
