//! Access-log queries, for one case at a time. Portable SQL, run on SQLite and PostgreSQL
//! alike.

use super::{AccessActor, AccessLogEntry, AccessSummary};
use crate::access::CaseAccess;
use crate::circle::{CaseRole, MemberKind, Relationship};
use crate::db::{Look, Row, Tx};
use sqlx::AnyConnection;
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
pub(crate) async fn entries(
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

/// Looks at the case since an hour, per person and part: (the case, the hour's start,
/// the reader, whose own looks are left out). Adds up the counts kept per hour in
/// `case_looks`, a few rows per person and part however long the history.
pub(crate) const SUMMARY: &str = "SELECT l.object_type, CAST(SUM(l.looks) AS BIGINT) AS looks, u.display_name, \
     u.account_role, o.name AS organisation, m.member_kind, m.case_role, m.relationship \
     FROM case_looks l \
     LEFT JOIN users u ON u.id = l.actor_user_id \
     LEFT JOIN organisations o ON o.id = u.organisation_id \
     LEFT JOIN memberships m ON m.case_id = l.case_id AND m.user_id = l.actor_user_id \
     WHERE l.case_id = $1 AND l.hour_start >= $2 AND l.actor_user_id <> $3 \
     GROUP BY l.actor_user_id, l.object_type, u.display_name, u.account_role, o.name, \
     m.member_kind, m.case_role, m.relationship";

/// How often each person but the reader looked at each part of the case since `since`,
/// to the hour (the hour `since` falls in counts whole), most looks first. One look at
/// several parts counts for each of them.
pub(super) async fn summary(tx: &mut Tx<'_>, case: &CaseAccess, since: i64) -> Result<Vec<AccessSummary>, sqlx::Error> {
    let rows = sqlx::query(SUMMARY)
        .bind(case.case_id())
        .bind(since - since.rem_euclid(3600))
        .bind(case.viewer_id())
        .fetch_all(&mut **tx)
        .await?;
    let mut lines: Vec<AccessSummary> = Vec::new();
    for row in &rows {
        let looks: i64 = row.try_get("looks")?;
        let actor = actor_from(row)?;
        let object_type: Option<String> = row.try_get("object_type")?;
        for category in object_type.iter().flat_map(|kinds| kinds.split(',')) {
            match lines
                .iter_mut()
                .find(|line| line.category == category && line.actor == actor)
            {
                Some(line) => line.looks += looks,
                None => lines.push(AccessSummary {
                    actor: actor.clone(),
                    category: category.to_string(),
                    looks,
                }),
            }
        }
    }
    lines.sort_by(|a, b| b.looks.cmp(&a.looks).then_with(|| a.category.cmp(&b.category)));
    Ok(lines)
}

/// Who a row's actor is: names only for circle members; for anyone else, role and
/// organisation.
fn actor_from(row: &Row) -> Result<AccessActor, sqlx::Error> {
    let kind: Option<String> = row.try_get("member_kind")?;
    let kind = kind.as_deref().and_then(MemberKind::parse);
    let case_role: Option<String> = row.try_get("case_role")?;
    let relationship: Option<String> = row.try_get("relationship")?;
    let name: Option<String> = row.try_get("display_name")?;
    Ok(AccessActor {
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
    })
}

fn entry_from(row: &Row) -> Result<AccessLogEntry, sqlx::Error> {
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
        actor: actor_from(row)?,
        action: row.try_get("action")?,
        category: categories.first().cloned(),
        categories,
    })
}

/// (case, person): when the person last looked at the case, before this request.
pub(crate) const PREVIOUS_LOOK: &str =
    "SELECT MAX(at) FROM audit_log WHERE case_id = $1 AND actor_user_id = $2 AND action = 'case_read'";

/// When the viewer last looked at the case before this request (whose own looks are
/// written when it ends), so a page can flag what changed since; `None` the first time.
pub(crate) async fn previous_look(tx: &mut Tx<'_>, case_id: i64, user_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(PREVIOUS_LOOK)
        .bind(case_id)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await
}

/// Adds `times` looks to the person's count for the part of the case in that hour, in the
/// transaction that writes their audit rows.
pub(crate) async fn count_looks(connection: &mut AnyConnection, look: &Look, times: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO case_looks (case_id, actor_user_id, hour_start, object_type, looks) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (case_id, hour_start, actor_user_id, object_type) \
         DO UPDATE SET looks = case_looks.looks + excluded.looks",
    )
    .bind(look.case_id)
    .bind(look.actor_user_id)
    .bind(look.hour_start)
    .bind(look.object_type.as_str())
    .bind(times)
    .execute(connection)
    .await?;
    Ok(())
}
