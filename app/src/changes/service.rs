//! Reads the feed from the audit trail, keeping only the changes of categories the
//! viewer may see at the moment of asking.

use super::{Change, Changes};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::error::AppError;
use crate::state::{AppState, RequestContext};
use sqlx::Row;

pub const PAGE_SIZE: i64 = 100;

fn category_of(object_type: &str) -> Option<Category> {
    match object_type {
        "milestone" => Some(Category::Trajectory),
        "child" | "reunification_step" => Some(Category::Reunification),
        "appointment" => Some(Category::Appointments),
        "contact" => Some(Category::Circle),
        "plan" | "conference" => Some(Category::Plans),
        _ => None,
    }
}

/// Adding a step and changing one are both recorded as a reunification change, so a step
/// is always "changed"; the phone fetches the list again either way.
fn change_word(action: &str, object_type: &str) -> &'static str {
    match (action, object_type) {
        ("milestone_created" | "appointment_created" | "contact_created" | "plan_created", _) => "created",
        ("conference_recorded", _) => "created",
        ("reunification_changed", "child") => "created",
        _ => "changed",
    }
}

pub async fn changes_since(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    since: i64,
    limit: i64,
) -> Result<Changes, AppError> {
    let limit = limit.clamp(1, PAGE_SIZE);
    let mut tx = state.read().await?;
    let visible = access::open_case_changes(&mut tx, ctx, viewer, case_id).await?;
    let rows = sqlx::query(
        "SELECT id, at, action, object_type, object_id FROM audit_log \
         WHERE case_id = $1 AND id > $2 AND object_id IS NOT NULL \
         AND action IN ('milestone_created', 'milestone_changed', 'reunification_changed', \
         'appointment_created', 'contact_created', 'contact_changed', 'plan_created', 'plan_changed', \
         'plan_commented', 'plan_proposal_made', 'plan_proposal_decided', 'plan_submitted', 'plan_responded', \
         'plan_signed', 'plan_party_removed', 'conference_recorded', 'conference_decision_recorded', \
         'conference_input_given', \
         'conference_responded') \
         ORDER BY id LIMIT $3",
    )
    .bind(case_id)
    .bind(since)
    .bind(limit + 1)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    // Reads, sign-ins and sharing are not changes of case content and stay out of the feed.
    let more = rows.len() as i64 > limit;
    let mut cursor = since;
    let mut changes = Vec::new();
    for row in rows.iter().take(limit as usize) {
        let id: i64 = row.try_get("id")?;
        cursor = id;
        let object_type: String = row.try_get("object_type")?;
        let Some(category) = category_of(&object_type).filter(|c| visible.contains(c)) else {
            continue;
        };
        let action: String = row.try_get("action")?;
        changes.push(Change {
            cursor: id,
            at: row.try_get("at")?,
            category,
            change: change_word(&action, &object_type).to_string(),
            object_type,
            object_id: row.try_get("object_id")?,
        });
    }
    Ok(Changes {
        case_id,
        changes,
        cursor,
        more,
    })
}
