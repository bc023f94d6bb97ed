//! The circle service: what the home page shows, and how coordinators set up cases.

use super::storage::{self, NewMembership};
use super::{CaseCircle, CaseList, CaseRole, HomeView, MemberKind, Relationship};
use crate::access::{self, Category};
use crate::accounts::service::{self as accounts, Viewer};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{is_unique_violation, now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};

/// Who you are and, per case you belong to after the case `after`, its circle when you
/// may see it: a page of [`HOME_CIRCLES`](super::HOME_CIRCLES).
pub async fn home(state: &AppState, ctx: &RequestContext, viewer: &Viewer, after: i64) -> Result<HomeView, AppError> {
    let me = accounts::me(state, viewer).await?;
    let page = PageRequest {
        after: Some(Cursor::by_id(after)),
        limit: super::HOME_CIRCLES,
    };
    let cases = circles(state, ctx, viewer, page.after_id(), page.one_more()).await?;
    let (cases, next_cursor) = page.cut(cases, |c| Cursor::by_id(c.case_id));
    Ok(HomeView { me, cases, next_cursor })
}

/// The viewer's cases after the case `after`, at most `limit`, in id order, each with
/// what the viewer may see of it.
async fn circles(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    after: i64,
    limit: i64,
) -> Result<Vec<CaseCircle>, AppError> {
    let mut cases = Vec::new();
    // Only reads: the look at each case is recorded by the group-commit writer.
    let mut tx = state.read().await?;
    for (case_id, label, kind) in storage::cases_of(&mut tx, viewer.user_id, after, limit).await? {
        let Some(your_kind) = MemberKind::parse(&kind) else {
            continue;
        };
        let members = match access::open_case(&mut tx, ctx, viewer, case_id, Category::Circle).await {
            Ok(case) => Some(storage::members(&mut tx, &case).await?),
            Err(AppError {
                code: ErrorCode::NotShared,
                ..
            }) => None,
            Err(other) => return Err(other),
        };
        let next = crate::trajectory::service::next_step_in(&mut tx, ctx, viewer, case_id).await?;
        let last_looked_at = crate::transparency::previous_look(&mut tx, case_id, viewer.user_id).await?;
        cases.push(CaseCircle {
            case_id,
            participant_name: label,
            your_kind,
            members,
            trajectory_visible: next.is_some(),
            reunification_visible: access::may_read(&mut tx, viewer, case_id, Category::Reunification).await?,
            upcoming: crate::appointments::service::upcoming_in(&mut tx, ctx, viewer, case_id).await?,
            plans_waiting: crate::plans::page_service::waiting_in(&mut tx, ctx, viewer, case_id).await?,
            next_step: next.flatten(),
            last_looked_at,
        });
    }
    tx.commit().await?;
    Ok(cases)
}

/// The cases for the API, a page at a time.
pub async fn case_page(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    page: &PageRequest,
) -> Result<CaseList, AppError> {
    let cases = circles(state, ctx, viewer, page.after_id(), page.one_more()).await?;
    let (cases, next_cursor) = page.cut(cases, |c| Cursor::by_id(c.case_id));
    Ok(CaseList { cases, next_cursor })
}

fn clean_name(raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    Ok(name.to_string())
}

pub async fn create_organisation(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    name: &str,
) -> Result<i64, AppError> {
    access::require_coordinator(viewer)?;
    let name = clean_name(name)?;
    let mut tx = state.begin().await?;
    let id = match storage::insert_organisation(&mut tx, &name, now()).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => return Err(AppError::new(ErrorCode::InvalidInput)),
        Err(e) => return Err(e.into()),
    };
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::OrganisationCreated,
            case_id: None,
            object: Some(("organisation", id)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Opens a case for a participant, named by the first name or alias the circle uses.
pub async fn create_case(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    participant_name: &str,
) -> Result<i64, AppError> {
    access::require_coordinator(viewer)?;
    let label = clean_name(participant_name)?;
    let mut tx = state.begin().await?;
    let id = storage::insert_case(&mut tx, &label, viewer.organisation_id, now()).await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::CaseCreated,
            case_id: Some(id),
            object: Some(("case", id)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A coordinator assigns a worker to a case with a role in it.
pub async fn assign_worker(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    worker_id: i64,
    case_role: CaseRole,
) -> Result<(), AppError> {
    access::require_coordinator(viewer)?;
    let mut tx = state.begin().await?;
    if !storage::case_in_reach(&mut tx, viewer, case_id).await? {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    if storage::user_role(&mut tx, worker_id).await?.as_deref() != Some("worker") {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    add_member_in(
        &mut tx,
        ctx,
        Some(viewer.user_id),
        case_id,
        worker_id,
        MemberKind::Worker,
        Some(case_role),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds someone to a circle inside the caller's transaction and records it.
#[allow(clippy::too_many_arguments)]
pub async fn add_member_in(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    actor: Option<i64>,
    case_id: i64,
    user_id: i64,
    kind: MemberKind,
    case_role: Option<CaseRole>,
    relationship: Option<Relationship>,
) -> Result<i64, AppError> {
    let membership = NewMembership {
        case_id,
        user_id,
        kind,
        case_role,
        relationship,
        now: now(),
    };
    if kind == MemberKind::Participant && storage::has_participant(tx, case_id).await? {
        return Err(AppError::new(ErrorCode::CaseHasParticipant));
    }
    let id = match storage::insert_membership(tx, membership).await {
        Ok(id) => id,
        // Two participants joining at once: the database keeps the first.
        Err(e) if is_unique_violation(&e) && kind == MemberKind::Participant => {
            return Err(AppError::new(ErrorCode::CaseHasParticipant))
        }
        Err(e) if is_unique_violation(&e) => return Err(AppError::new(ErrorCode::InvalidInput)),
        Err(e) => return Err(e.into()),
    };
    audit::record(
        tx,
        ctx,
        AuditEntry {
            actor,
            action: AuditAction::MembershipAdded,
            case_id: Some(case_id),
            object: Some(("membership", id)),
        },
    )
    .await?;
    Ok(id)
}

/// Records that the participant shares a category with a family member. The consent
/// screens arrive with the case issue; for now demo data and tests use this.
pub async fn grant_consent_in(
    tx: &mut Tx<'_>,
    case_id: i64,
    family_user_id: i64,
    category: Category,
) -> Result<(), AppError> {
    storage::grant_consent(tx, case_id, family_user_id, category.as_str(), now()).await?;
    Ok(())
}
