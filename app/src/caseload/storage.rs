//! Caseload queries. Portable SQL, run on SQLite and PostgreSQL alike.

use crate::circle::CaseRole;
use crate::db::Tx;
use sqlx::Row;

/// The cases the person works in, with their role in each, in case order.
pub(super) async fn worker_cases(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<(i64, Option<CaseRole>)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT case_id, case_role FROM memberships WHERE user_id = $1 AND member_kind = 'worker' \
         AND ended_at IS NULL ORDER BY case_id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|row| {
            let case_role: Option<String> = row.try_get("case_role")?;
            Ok((row.try_get("case_id")?, case_role.as_deref().and_then(CaseRole::parse)))
        })
        .collect()
}
