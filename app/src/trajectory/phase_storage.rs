//! Phase queries. Portable SQL, run on SQLite and PostgreSQL alike.

use super::{Date, Phase, PhaseChange};
use crate::access::CaseAccess;
use crate::db::Tx;
use sqlx::Row;

/// The case's label (the participant's name) and the phase it is in on `today`: the last
/// move dated on or before it, else the phase the case was opened in.
pub(crate) async fn case_header(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    today: &str,
) -> Result<Option<(String, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT c.label, COALESCE((SELECT p.phase FROM phase_changes p \
           WHERE p.case_id = c.id AND p.effective_on <= $2 ORDER BY p.effective_on DESC, p.id DESC LIMIT 1), \
         c.phase) AS phase FROM cases c WHERE c.id = $1",
    )
    .bind(access.case_id())
    .bind(today)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| Ok((r.try_get("label")?, r.try_get("phase")?))).transpose()
}

pub(super) struct NewPhaseChange<'a> {
    pub phase: Phase,
    pub effective_on: &'a str,
    pub decided_by: &'a str,
    pub reason: &'a str,
    pub changed_by: i64,
    pub changed_at: i64,
}

pub(super) async fn insert_phase_change(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    new: NewPhaseChange<'_>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO phase_changes (case_id, phase, effective_on, decided_by, reason, changed_by, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(access.case_id())
    .bind(new.phase.as_str())
    .bind(new.effective_on)
    .bind(new.decided_by)
    .bind(new.reason)
    .bind(new.changed_by)
    .bind(new.changed_at)
    .fetch_one(&mut **tx)
    .await
}

/// Every move of the case, in the order of their dates; those after `today` are announced.
pub(super) async fn phase_history(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    today: &str,
) -> Result<Vec<PhaseChange>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.id, p.phase, p.effective_on, p.decided_by, p.reason, p.changed_at, u.display_name \
         FROM phase_changes p JOIN users u ON u.id = p.changed_by \
         WHERE p.case_id = $1 ORDER BY p.effective_on, p.id",
    )
    .bind(access.case_id())
    .fetch_all(&mut **tx)
    .await?;
    let mut history = Vec::with_capacity(rows.len());
    for row in rows {
        let phase: String = row.try_get("phase")?;
        let effective_on: String = row.try_get("effective_on")?;
        let (Some(phase), Ok(date)) = (Phase::parse(&phase), Date::parse(&effective_on)) else {
            continue;
        };
        history.push(PhaseChange {
            id: row.try_get("id")?,
            phase,
            announced: effective_on.as_str() > today,
            effective_on: date,
            decided_by: row.try_get("decided_by")?,
            reason: row.try_get("reason")?,
            changed_by: row.try_get("display_name")?,
            changed_at: row.try_get("changed_at")?,
        });
    }
    Ok(history)
}
