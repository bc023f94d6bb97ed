//! The history of reunification steps: every change of a step's status or date keeps its
//! reason, as milestones do, and the people who see the steps read it.

use super::Child;
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::sealing::text::Column;
use sqlx::Row;

pub(super) struct NewStepChange<'a> {
    pub step_id: i64,
    /// `status` or `next_date`.
    pub field: &'static str,
    pub old_value: Option<&'a str>,
    pub new_value: Option<&'a str>,
    pub reason: &'a str,
    pub changed_by: i64,
    pub changed_at: i64,
}

pub(super) async fn record(tx: &mut Tx<'_>, change: NewStepChange<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO reunification_step_changes (step_id, field, old_value, new_value, reason, changed_by, changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(change.step_id)
    .bind(change.field)
    .bind(change.old_value)
    .bind(change.new_value)
    .bind(tx.text_keys().seal(Column::ReunificationChangeReason, change.reason))
    .bind(change.changed_by)
    .bind(change.changed_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Fills in the history of every step of the case's children, oldest change first.
pub(super) async fn with_histories(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    mut children: Vec<Child>,
) -> Result<Vec<Child>, sqlx::Error> {
    // The histories of these children only (a page of them, in id order).
    let (Some(first), Some(last)) = (children.first().map(|c| c.id), children.last().map(|c| c.id)) else {
        return Ok(children);
    };
    let rows = sqlx::query(
        "SELECT h.step_id, h.field, h.old_value, h.new_value, h.reason, h.changed_at, u.display_name \
         FROM reunification_step_changes h JOIN reunification_steps s ON s.id = h.step_id \
         JOIN children c ON c.id = s.child_id JOIN users u ON u.id = h.changed_by \
         WHERE c.case_id = $1 AND c.id >= $2 AND c.id <= $3 ORDER BY h.id",
    )
    .bind(access.case_id())
    .bind(first)
    .bind(last)
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    for row in rows {
        let step_id: i64 = row.try_get("step_id")?;
        let step = children
            .iter_mut()
            .flat_map(|child| child.steps.iter_mut())
            .find(|step| step.id == step_id);
        if let Some(step) = step {
            let mut change = crate::trajectory::storage::change_from(&row)?;
            change.reason = keys.read(&row, "reason", Column::ReunificationChangeReason)?;
            step.history.push(change);
        }
    }
    Ok(children)
}
