//! Who sees what: read by the participant and the case's workers; changed by the
//! participant (shares) and by workers (limits for a child's safety). Every change is
//! audited and takes effect on the very next request, since every check reads the database.

use super::{Category, FamilySharing, Restriction, Sharing};
use crate::access;
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::{MemberKind, Relationship};
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};
use sqlx::Row;

pub async fn sharing(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<(Sharing, MemberKind), AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case_record(&mut tx, ctx, viewer, case_id, "sharing").await?;
    let mut sharing = load(&mut tx, case_id).await?;
    tx.commit().await?;
    let (family, next_cursor) = page.cut(sharing.family, |f| Cursor::by_id(f.user_id));
    sharing.family = family;
    sharing.next_cursor = next_cursor;
    Ok((sharing, case.kind()))
}

async fn load(tx: &mut Tx<'_>, case_id: i64) -> Result<Sharing, AppError> {
    let participant_name: String = sqlx::query_scalar("SELECT label FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let rows = sqlx::query(
        "SELECT u.id, u.display_name, m.relationship FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.case_id = $1 AND m.member_kind = 'family' AND m.ended_at IS NULL ORDER BY u.id",
    )
    .bind(case_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut family = Vec::new();
    for row in rows {
        let relationship: Option<String> = row.try_get("relationship")?;
        family.push(FamilySharing {
            user_id: row.try_get("id")?,
            display_name: row.try_get("display_name")?,
            relationship: relationship.as_deref().and_then(Relationship::parse),
            shared: Vec::new(),
            restrictions: Vec::new(),
        });
    }
    let shares = sqlx::query("SELECT family_user_id, category FROM consents WHERE case_id = $1 ORDER BY id")
        .bind(case_id)
        .fetch_all(&mut **tx)
        .await?;
    for row in shares {
        let user: i64 = row.try_get("family_user_id")?;
        let category: String = row.try_get("category")?;
        if let (Some(member), Some(category)) = (
            family.iter_mut().find(|f| f.user_id == user),
            Category::parse(&category),
        ) {
            member.shared.push(category);
        }
    }
    let limits = sqlx::query(
        "SELECT r.family_user_id, r.category, r.reason, u.display_name FROM sharing_restrictions r \
         JOIN users u ON u.id = r.restricted_by WHERE r.case_id = $1 ORDER BY r.id",
    )
    .bind(case_id)
    .fetch_all(&mut **tx)
    .await?;
    for row in limits {
        let user: i64 = row.try_get("family_user_id")?;
        let category: String = row.try_get("category")?;
        if let (Some(member), Some(category)) = (
            family.iter_mut().find(|f| f.user_id == user),
            Category::parse(&category),
        ) {
            member.restrictions.push(Restriction {
                category,
                reason: row.try_get("reason")?,
                restricted_by: row.try_get("display_name")?,
            });
        }
    }
    Ok(Sharing {
        case_id,
        participant_name,
        family,
        next_cursor: None,
    })
}

async fn require_family_member(tx: &mut Tx<'_>, case_id: i64, user_id: i64) -> Result<(), AppError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND user_id = $2 AND member_kind = 'family' AND ended_at IS NULL",
    )
    .bind(case_id)
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    if count == 0 {
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
    access::require_participant(&mut tx, viewer, case_id).await?;
    require_family_member(&mut tx, case_id, family_user_id).await?;
    sqlx::query("DELETE FROM consents WHERE case_id = $1 AND family_user_id = $2")
        .bind(case_id)
        .bind(family_user_id)
        .execute(&mut *tx)
        .await?;
    for category in Category::ALL.iter().filter(|c| categories.contains(c)) {
        crate::circle::service::grant_consent_in(&mut tx, case_id, family_user_id, *category).await?;
    }
    // Someone who no longer sees plans can no longer agree one.
    crate::plans::agreement::drop_departed_parties(&mut tx, ctx, case_id, None, state.clock.now()).await?;
    record(
        &mut tx,
        ctx,
        viewer,
        case_id,
        family_user_id,
        AuditAction::SharingChanged,
    )
    .await?;
    let sharing = load(&mut tx, case_id).await?;
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
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    require_family_member(&mut tx, case_id, family_user_id).await?;
    sqlx::query("DELETE FROM sharing_restrictions WHERE case_id = $1 AND family_user_id = $2 AND category = $3")
        .bind(case_id)
        .bind(family_user_id)
        .bind(Category::Reunification.as_str())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO sharing_restrictions (case_id, family_user_id, category, reason, restricted_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(case_id)
    .bind(family_user_id)
    .bind(Category::Reunification.as_str())
    .bind(reason)
    .bind(viewer.user_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        ctx,
        viewer,
        case_id,
        family_user_id,
        AuditAction::SharingRestricted,
    )
    .await?;
    let sharing = load(&mut tx, case_id).await?;
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
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    require_family_member(&mut tx, case_id, family_user_id).await?;
    sqlx::query("DELETE FROM sharing_restrictions WHERE case_id = $1 AND family_user_id = $2")
        .bind(case_id)
        .bind(family_user_id)
        .execute(&mut *tx)
        .await?;
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
