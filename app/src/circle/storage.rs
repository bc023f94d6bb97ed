//! Circle queries. Portable SQL, run on SQLite and PostgreSQL alike.

use super::{CaseRole, CircleMember, MemberKind, Relationship};
use crate::access::{CaseAccess, MembershipEnding};
use crate::accounts::service::Viewer;
use crate::db::Tx;
use sqlx::Row;

/// (The person, after which case, how many.)
pub(crate) const CASES_OF: &str =
    "SELECT c.id, c.label, m.member_kind FROM memberships m JOIN cases c ON c.id = m.case_id \
     WHERE m.user_id = $1 AND m.ended_at IS NULL AND m.case_id > $2 ORDER BY m.case_id LIMIT $3";

/// The cases a person belongs to, with how they belong: (case id, label, member kind).
pub(super) async fn cases_of(
    tx: &mut Tx<'_>,
    user_id: i64,
    after: i64,
    limit: i64,
) -> Result<Vec<(i64, String, String)>, sqlx::Error> {
    let rows = sqlx::query(CASES_OF)
        .bind(user_id)
        .bind(after)
        .bind(limit)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("label")?, r.try_get("member_kind")?)))
        .collect()
}

/// The people in the case's circle now: the participant, then family, then workers.
pub(crate) async fn members(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<CircleMember>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.display_name, m.member_kind, m.case_role, m.relationship, o.name AS organisation \
         FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN organisations o ON o.id = u.organisation_id \
         WHERE m.case_id = $1 AND m.ended_at IS NULL \
         ORDER BY CASE m.member_kind WHEN 'participant' THEN 0 WHEN 'family' THEN 1 ELSE 2 END, m.id",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await?;
    let mut members = Vec::with_capacity(rows.len());
    for row in rows {
        let kind: String = row.try_get("member_kind")?;
        let Some(kind) = MemberKind::parse(&kind) else { continue };
        let case_role: Option<String> = row.try_get("case_role")?;
        let relationship: Option<String> = row.try_get("relationship")?;
        members.push(CircleMember {
            user_id: row.try_get("id")?,
            display_name: row.try_get("display_name")?,
            kind,
            case_role: case_role.as_deref().and_then(CaseRole::parse),
            relationship: relationship.as_deref().and_then(Relationship::parse),
            organisation: row.try_get("organisation")?,
        });
    }
    Ok(members)
}

/// A new case of `organisation` (the one of the coordinator who opens it).
pub(crate) async fn insert_case(
    tx: &mut Tx<'_>,
    label: &str,
    organisation: Option<i64>,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("INSERT INTO cases (label, organisation_id, created_at) VALUES ($1, $2, $3) RETURNING id")
        .bind(label)
        .bind(organisation)
        .bind(now)
        .fetch_one(&mut **tx)
        .await
}

pub(crate) async fn insert_organisation(tx: &mut Tx<'_>, name: &str, now: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
        .bind(name)
        .bind(now)
        .fetch_one(&mut **tx)
        .await
}

pub(crate) struct NewMembership {
    pub case_id: i64,
    pub user_id: i64,
    pub kind: MemberKind,
    pub case_role: Option<CaseRole>,
    pub relationship: Option<Relationship>,
    pub now: i64,
}

/// Adds someone to a circle; someone who was in it before and left comes back in the
/// same row, with the place they have now.
pub(crate) async fn insert_membership(tx: &mut Tx<'_>, m: NewMembership) -> Result<i64, sqlx::Error> {
    let reopened: Option<i64> = sqlx::query_scalar(
        "UPDATE memberships SET member_kind = $3, case_role = $4, relationship = $5, created_at = $6, ended_at = NULL \
         WHERE case_id = $1 AND user_id = $2 AND ended_at IS NOT NULL RETURNING id",
    )
    .bind(m.case_id)
    .bind(m.user_id)
    .bind(m.kind.as_str())
    .bind(m.case_role.map(CaseRole::as_str))
    .bind(m.relationship.map(Relationship::as_str))
    .bind(m.now)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = reopened {
        return Ok(id);
    }
    sqlx::query_scalar(
        "INSERT INTO memberships (case_id, user_id, member_kind, case_role, relationship, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(m.case_id)
    .bind(m.user_id)
    .bind(m.kind.as_str())
    .bind(m.case_role.map(CaseRole::as_str))
    .bind(m.relationship.map(Relationship::as_str))
    .bind(m.now)
    .fetch_one(&mut **tx)
    .await
}

pub(super) async fn user_role(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT account_role FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await
}

/// The cases in a coordinator's reach, with `$1` their organisation and `$2` their id:
/// their organisation's cases and the cases they are in. A coordinator of no organisation
/// (the one made on the server, `server create-coordinator`) coordinates the whole
/// installation: every case is in their reach.
pub(crate) const CASES_IN_REACH: &str = "SELECT c.id FROM cases c WHERE $1 IS NULL OR c.organisation_id = $1 \
     UNION SELECT m.case_id FROM memberships m WHERE m.user_id = $2 AND m.ended_at IS NULL";

/// The accounts in a coordinator's reach, as a condition on `u` (users), with `$1` and `$2`
/// as in [`CASES_IN_REACH`]: the people of their organisation and everyone who is or was in
/// a case in their reach (everyone, for a coordinator of the whole installation). Their
/// overview lists these, and only these may they act on.
pub(crate) fn people_in_reach() -> String {
    format!(
        "($1 IS NULL OR u.organisation_id = $1 \
         OR u.id IN (SELECT m.user_id FROM memberships m WHERE m.case_id IN ({CASES_IN_REACH})))"
    )
}

/// Whether a coordinator may act on this person's account (issue a reset code, close it):
/// they are in the coordinator's reach. Anyone else is not revealed to exist.
pub(crate) async fn person_in_reach(tx: &mut Tx<'_>, viewer: &Viewer, user_id: i64) -> Result<bool, sqlx::Error> {
    let sql = format!("SELECT COUNT(*) FROM users u WHERE u.id = $3 AND {}", people_in_reach());
    let count: i64 = sqlx::query_scalar(&sql)
        .bind(viewer.organisation_id)
        .bind(viewer.user_id)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

/// Whether a coordinator may act on the case: it is in their reach (see
/// [`CASES_IN_REACH`]). Any other case is not revealed to exist.
pub(crate) async fn case_in_reach(tx: &mut Tx<'_>, viewer: &Viewer, case_id: i64) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM cases c WHERE c.id = $1 AND ($2 IS NULL OR c.organisation_id = $2 OR EXISTS \
         (SELECT 1 FROM memberships m WHERE m.case_id = c.id AND m.user_id = $3 AND m.ended_at IS NULL))",
    )
    .bind(case_id)
    .bind(viewer.organisation_id)
    .bind(viewer.user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

/// Whether the case has its participant now (it has at most one).
pub(crate) async fn has_participant(tx: &mut Tx<'_>, case_id: i64) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND member_kind = 'participant' AND ended_at IS NULL",
    )
    .bind(case_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

pub(super) async fn grant_consent(
    tx: &mut Tx<'_>,
    case_id: i64,
    family_user_id: i64,
    category: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO consents (case_id, family_user_id, category, granted_at) VALUES ($1, $2, $3, $4)")
        .bind(case_id)
        .bind(family_user_id)
        .bind(category)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The name the case goes by: its participant's.
pub(crate) async fn participant_name(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT label FROM cases WHERE id = $1")
        .bind(case.case_id())
        .fetch_optional(&mut **tx)
        .await
}

/// Ends the departing member's place in the circle. Returns the membership's id.
pub(super) async fn end_membership(tx: &mut Tx<'_>, ending: &MembershipEnding, now: i64) -> Result<i64, sqlx::Error> {
    let departing = ending.departing();
    sqlx::query_scalar(
        "UPDATE memberships SET ended_at = $1 WHERE case_id = $2 AND user_id = $3 AND ended_at IS NULL RETURNING id",
    )
    .bind(now)
    .bind(departing.case_id())
    .bind(departing.viewer_id())
    .fetch_one(&mut **tx)
    .await
}

/// Forgets what the participant shared with a family member who left the circle (and
/// what a worker restricted), so that an invitation later starts from nothing shared.
pub(super) async fn forget_shares(tx: &mut Tx<'_>, ending: &MembershipEnding) -> Result<(), sqlx::Error> {
    let departing = ending.departing();
    for table in ["consents", "sharing_restrictions"] {
        sqlx::query(&format!(
            "DELETE FROM {table} WHERE case_id = $1 AND family_user_id = $2"
        ))
        .bind(departing.case_id())
        .bind(departing.viewer_id())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// How many workers the case has now.
pub(super) async fn worker_count(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND member_kind = 'worker' AND ended_at IS NULL",
    )
    .bind(case.case_id())
    .fetch_one(&mut **tx)
    .await
}

/// How someone belongs to the case's circle now, if they do.
pub(super) async fn kind_in_circle(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    user_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT member_kind FROM memberships WHERE case_id = $1 AND user_id = $2 AND ended_at IS NULL")
        .bind(case.case_id())
        .bind(user_id)
        .fetch_optional(&mut **tx)
        .await
}

/// Whether the account is a worker's that can still sign in.
pub(super) async fn is_active_worker(tx: &mut Tx<'_>, user_id: i64) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE id = $1 AND account_role = 'worker' AND disabled_at IS NULL",
    )
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

/// Takes the case's row lock (PostgreSQL) so that two people leaving one case at once
/// are counted one after the other; SQLite's write transactions already are.
pub(super) async fn lock_case(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE cases SET label = label WHERE id = $1")
        .bind(case.case_id())
        .execute(&mut **tx)
        .await?;
    Ok(())
}
