//! Access-log queries, for one case at a time. Portable SQL, run on SQLite and PostgreSQL
//! alike.

use super::AccessLogEntry;
use crate::access::CaseAccess;
use crate::circle::{CaseRole, MemberKind, Relationship};
use crate::db::{Row, Tx};
use sqlx::Row as _;

/// A page of the log: the case, before which entry, how many.
pub(crate) const ENTRIES: &str = "SELECT a.id, a.at, a.action, a.object_type, u.display_name, u.account_role, \
     o.name AS organisation, m.member_kind, m.case_role, m.relationship \
     FROM audit_log a \
     LEFT JOIN users u ON u.id = a.actor_user_id \
     LEFT JOIN organisations o ON o.id = u.organisation_id \
     LEFT JOIN memberships m ON m.case_id = a.case_id AND m.user_id = a.actor_user_id \
     WHERE a.case_id = $1 AND a.id < $2 ORDER BY a.id DESC LIMIT $3";

/// At most `limit` entries of the case's log before the entry `before`, newest first.
pub(super) async fn entries(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    before: i64,
    limit: i64,
) -> Result<Vec<AccessLogEntry>, sqlx::Error> {
    // Membership is joined regardless of `ended_at`: someone who has left the circle is
    // still named for what they did while they were in it.
    let rows = sqlx::query(ENTRIES)
        .bind(case.case_id())
        .bind(before)
        .bind(limit)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter().map(entry_from).collect()
}

fn entry_from(row: &Row) -> Result<AccessLogEntry, sqlx::Error> {
    let kind: Option<String> = row.try_get("member_kind")?;
    let kind = kind.as_deref().and_then(MemberKind::parse);
    let case_role: Option<String> = row.try_get("case_role")?;
    let relationship: Option<String> = row.try_get("relationship")?;
    let name: Option<String> = row.try_get("display_name")?;
    // One look at several parts of the case is one row naming them all.
    let object_type: Option<String> = row.try_get("object_type")?;
    let categories: Vec<String> = object_type
        .iter()
        .flat_map(|kinds| kinds.split(','))
        .map(str::to_string)
        .collect();
    Ok(AccessLogEntry {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        // Names only for circle members; for anyone else, role and organisation.
        actor_name: kind.and(name),
        actor_kind: kind,
        actor_case_role: case_role.as_deref().and_then(CaseRole::parse),
        actor_relationship: relationship.as_deref().and_then(Relationship::parse),
        actor_account_role: if kind.is_none() {
            row.try_get("account_role")?
        } else {
            None
        },
        organisation: row.try_get("organisation")?,
        action: row.try_get("action")?,
        category: categories.first().cloned(),
        categories,
    })
}
