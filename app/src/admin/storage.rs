//! What the coordinator's overview reads: accounts and assignments across all cases,
//! never a case's content. Portable SQL, run on SQLite and PostgreSQL alike.

use super::{CaseAssignment, Organisation, Person};
use crate::accounts::AccountRole;
use crate::db::Tx;
use sqlx::Row;

pub(super) async fn organisations(tx: &mut Tx<'_>) -> Result<Vec<Organisation>, sqlx::Error> {
    sqlx::query("SELECT id, name FROM organisations ORDER BY name")
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|r| {
            Ok(Organisation {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
            })
        })
        .collect()
}

/// Every account by name; one whose role this version does not know is left out.
pub(super) async fn people(tx: &mut Tx<'_>) -> Result<Vec<Person>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.username, u.display_name, u.account_role, u.disabled_at, o.name AS organisation, \
         f.user_id AS factor_user \
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id \
         LEFT JOIN second_factors f ON f.user_id = u.id ORDER BY u.display_name",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut people = Vec::with_capacity(rows.len());
    for row in rows {
        let role: String = row.try_get("account_role")?;
        let Some(role) = AccountRole::parse(&role) else {
            continue;
        };
        people.push(Person {
            id: row.try_get("id")?,
            username: row.try_get("username")?,
            display_name: row.try_get("display_name")?,
            role,
            organisation: row.try_get("organisation")?,
            disabled: row.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
            has_second_factor: row.try_get::<Option<i64>, _>("factor_user")?.is_some(),
        });
    }
    Ok(people)
}

/// Every case with the names of the workers in it, in case order.
pub(super) async fn case_assignments(tx: &mut Tx<'_>) -> Result<Vec<CaseAssignment>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.id, c.label, u.display_name AS worker FROM cases c \
         LEFT JOIN memberships m ON m.case_id = c.id AND m.member_kind = 'worker' AND m.ended_at IS NULL \
         LEFT JOIN users u ON u.id = m.user_id ORDER BY c.id, u.display_name",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut cases: Vec<CaseAssignment> = Vec::new();
    for row in rows {
        let case_id: i64 = row.try_get("id")?;
        let worker: Option<String> = row.try_get("worker")?;
        match cases.last_mut() {
            Some(last) if last.case_id == case_id => last.workers.extend(worker),
            _ => cases.push(CaseAssignment {
                case_id,
                participant_name: row.try_get("label")?,
                workers: worker.into_iter().collect(),
            }),
        }
    }
    Ok(cases)
}
