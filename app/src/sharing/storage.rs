//! Sharing queries: who in the case's family sees what, and the limits workers set. Each
//! takes the proof of access to the case, and a family member is named within it.

use super::{Category, FamilySharing, Restriction};
use crate::access::CaseAccess;
use crate::circle::Relationship;
use crate::db::Tx;
use sqlx::Row;

/// A page of the case's family members by id (at most `limit` after the person
/// `after_id`), each with what is shared with them and what a worker limited.
pub(super) async fn family(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    after_id: i64,
    limit: i64,
) -> Result<Vec<FamilySharing>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.display_name, m.relationship FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.case_id = $1 AND m.member_kind = 'family' AND m.ended_at IS NULL AND u.id > $2 \
         ORDER BY u.id LIMIT $3",
    )
    .bind(access.case_id())
    .bind(after_id)
    .bind(limit)
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
    // What is shared with and limited for this page's people only.
    let Some(last_id) = family.last().map(|f| f.user_id) else {
        return Ok(family);
    };
    let shares = sqlx::query(
        "SELECT family_user_id, category FROM consents \
         WHERE case_id = $1 AND family_user_id > $2 AND family_user_id <= $3 ORDER BY id",
    )
    .bind(access.case_id())
    .bind(after_id)
    .bind(last_id)
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
         JOIN users u ON u.id = r.restricted_by \
         WHERE r.case_id = $1 AND r.family_user_id > $2 AND r.family_user_id <= $3 ORDER BY r.id",
    )
    .bind(access.case_id())
    .bind(after_id)
    .bind(last_id)
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
    Ok(family)
}

pub(super) async fn is_family_member(tx: &mut Tx<'_>, access: &CaseAccess, user_id: i64) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND user_id = $2 AND member_kind = 'family' AND ended_at IS NULL",
    )
    .bind(access.case_id())
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

/// Takes back everything shared with a family member of the case.
pub(super) async fn delete_shares(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    family_user_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM consents WHERE case_id = $1 AND family_user_id = $2")
        .bind(access.case_id())
        .bind(family_user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Limits what a family member sees of `category`, set by the viewer who passed the
/// check; a limit already there is replaced, so the latest reason is the one shown.
pub(super) async fn replace_restriction(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    family_user_id: i64,
    category: Category,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sharing_restrictions WHERE case_id = $1 AND family_user_id = $2 AND category = $3")
        .bind(access.case_id())
        .bind(family_user_id)
        .bind(category.as_str())
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO sharing_restrictions (case_id, family_user_id, category, reason, restricted_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(access.case_id())
    .bind(family_user_id)
    .bind(category.as_str())
    .bind(reason)
    .bind(access.viewer_id())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn delete_restrictions(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    family_user_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sharing_restrictions WHERE case_id = $1 AND family_user_id = $2")
        .bind(access.case_id())
        .bind(family_user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
