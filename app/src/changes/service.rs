//! Reads the feed from the audit trail, keeping only the changes of categories the
//! viewer may see at the moment of asking.

use super::{storage, Change, Changes};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::error::AppError;
use crate::state::{AppState, RequestContext};

pub const PAGE_SIZE: i64 = 100;

fn category_of(object_type: &str) -> Option<Category> {
    match object_type {
        "milestone" | "phase_change" | "release" | "release_item" => Some(Category::Trajectory),
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
        ("milestone_created" | "phase_changed" | "appointment_created" | "contact_created" | "plan_created", _) => {
            "created"
        }
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
    let rows = storage::changes(&mut tx, case_id, since, limit + 1).await?;
    tx.commit().await?;
    let more = rows.len() as i64 > limit;
    let mut cursor = since;
    let mut changes = Vec::new();
    for row in rows.into_iter().take(limit as usize) {
        cursor = row.id;
        let Some(category) = category_of(&row.object_type).filter(|c| visible.contains(c)) else {
            continue;
        };
        changes.push(Change {
            cursor: row.id,
            at: row.at,
            category,
            change: change_word(&row.action, &row.object_type).to_string(),
            object_type: row.object_type,
            object_id: row.object_id,
        });
    }
    Ok(Changes {
        case_id,
        changes,
        cursor,
        more,
    })
}
