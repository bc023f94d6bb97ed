//! The changes feed's query over the audit trail. Portable SQL, run on SQLite and
//! PostgreSQL alike.

use crate::db::Tx;
use sqlx::Row;

/// A change as the audit trail recorded it.
pub(super) struct ChangeRow {
    pub id: i64,
    pub at: i64,
    pub action: String,
    pub object_type: String,
    pub object_id: i64,
}

/// The case, after which entry, how many.
pub(crate) const CHANGES: &str = "SELECT id, at, action, object_type, object_id FROM audit_log \
         WHERE case_id = $1 AND id > $2 AND object_id IS NOT NULL \
         AND action IN ('milestone_created', 'milestone_changed', 'milestone_responded', 'phase_changed', 'reunification_changed', \
         'appointment_created', 'appointment_changed', 'appointment_cancelled', 'appointment_answered', \
         'contact_created', 'contact_changed', 'plan_created', 'plan_changed', \
         'plan_commented', 'plan_proposal_made', 'plan_proposal_decided', 'plan_submitted', 'plan_responded', \
         'plan_signed', 'plan_party_removed', 'conference_recorded', 'conference_decision_recorded', \
         'conference_input_given', \
         'conference_responded', 'release_changed') \
         ORDER BY id LIMIT $3";

/// At most `limit` changes of the case's content after the entry `since`, oldest first.
/// Reads, messages, sign-ins and sharing are not changes of case content and stay out.
/// The list of actions is also the predicate of the index `audit_log_changes`, so that a
/// feed read from the start never walks past them: change one, change the other.
///
/// Takes the case id, not a proof: `access::open_case_changes` answers with the categories
/// the viewer may see rather than a `CaseAccess`.
pub(super) async fn changes(
    tx: &mut Tx<'_>,
    case_id: i64,
    since: i64,
    limit: i64,
) -> Result<Vec<ChangeRow>, sqlx::Error> {
    let rows = sqlx::query(CHANGES)
        .bind(case_id)
        .bind(since)
        .bind(limit)
        .fetch_all(&mut **tx)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(ChangeRow {
                id: row.try_get("id")?,
                at: row.try_get("at")?,
                action: row.try_get("action")?,
                object_type: row.try_get("object_type")?,
                object_id: row.try_get("object_id")?,
            })
        })
        .collect()
}
