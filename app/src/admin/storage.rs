//! What the coordinator's overview reads: accounts and assignments in the coordinator's
//! reach (their organisation's people and cases, and cases they are in), never a case's
//! content. Portable SQL, run on SQLite and PostgreSQL alike.

use super::{CaseAssignment, Organisation, Person};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;

use crate::circle::storage::{people_in_reach, CASES_IN_REACH};
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

/// `%text%` for `LIKE … ESCAPE '\'`, in lower case, with the text's own `%`, `_` and `\`
/// taken literally.
fn contains_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// A page of the accounts in the coordinator's reach by name: the people of their
/// organisation and everyone in its cases (or a case they are in) whose name or username
/// holds `search`, at most `limit` after `after` (a name and an id). One whose role this
/// version does not know is left out.
pub(super) async fn people(
    tx: &mut Tx<'_>,
    viewer: &Viewer,
    search: &str,
    after: Option<(&str, i64)>,
    limit: i64,
) -> Result<Vec<Person>, sqlx::Error> {
    let sql = format!(
        "SELECT u.id, u.username, u.display_name, u.account_role, u.disabled_at, o.name AS organisation, \
         f.user_id AS factor_user \
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id \
         LEFT JOIN second_factors f ON f.user_id = u.id \
         WHERE {reach} \
         AND (LOWER(u.display_name) LIKE $3 ESCAPE '\\' OR LOWER(u.username) LIKE $3 ESCAPE '\\') \
         AND (u.display_name > $4 OR (u.display_name = $4 AND u.id > $5)) \
         ORDER BY u.display_name, u.id LIMIT $6",
        reach = people_in_reach()
    );
    let (after_name, after_id) = after.unwrap_or(("", 0));
    let rows = sqlx::query(&sql)
        .bind(viewer.organisation_id)
        .bind(viewer.user_id)
        .bind(contains_pattern(search))
        .bind(after_name)
        .bind(after_id)
        .bind(limit)
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

/// A page of the cases in the coordinator's reach whose participant's name holds
/// `search`, in case order (at most `limit` after the case `after_id`), with the names of
/// the workers in them.
pub(super) async fn case_assignments(
    tx: &mut Tx<'_>,
    viewer: &Viewer,
    search: &str,
    after_id: i64,
    limit: i64,
) -> Result<Vec<CaseAssignment>, sqlx::Error> {
    let sql = format!(
        "SELECT c.id, c.label, u.display_name AS worker FROM \
         (SELECT id, label FROM cases WHERE id IN ({CASES_IN_REACH}) AND id > $3 \
          AND LOWER(label) LIKE $4 ESCAPE '\\' ORDER BY id LIMIT $5) c \
         LEFT JOIN memberships m ON m.case_id = c.id AND m.member_kind = 'worker' AND m.ended_at IS NULL \
         LEFT JOIN users u ON u.id = m.user_id ORDER BY c.id, u.display_name"
    );
    let rows = sqlx::query(&sql)
        .bind(viewer.organisation_id)
        .bind(viewer.user_id)
        .bind(after_id)
        .bind(contains_pattern(search))
        .bind(limit)
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

#[cfg(test)]
mod tests {
    use super::contains_pattern;

    #[test]
    fn a_search_matches_its_text_anywhere_and_takes_wildcards_literally() {
        assert_eq!(contains_pattern(" Lotte "), "%lotte%");
        assert_eq!(contains_pattern(r"50%_a\b"), r"%50\%\_a\\b%");
        assert_eq!(contains_pattern(""), "%%");
    }
}
