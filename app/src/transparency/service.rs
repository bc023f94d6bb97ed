//! Reading the access log: only the participant and the case's workers, newest first,
//! a page at a time.

use super::{storage, AccessLog};
use crate::access;
use crate::accounts::service::Viewer;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};

pub const PAGE_SIZE: i64 = 50;

/// The summary above the log covers the last seven days.
const SUMMARY_SECONDS: i64 = 7 * 24 * 3600;

pub async fn access_log(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    before: Option<i64>,
    limit: i64,
) -> Result<AccessLog, AppError> {
    let limit = limit.clamp(1, 200);
    let mut tx = state.read().await?;
    let case = access::open_case_record(&mut tx, ctx, viewer, case_id, "access_log").await?;
    let participant_name = crate::circle::storage::participant_name(&mut tx, &case)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let last_seven_days = match before {
        None => storage::summary(&mut tx, &case, state.clock.now() - SUMMARY_SECONDS).await?,
        Some(_) => Vec::new(),
    };
    // One more than asked tells whether an older page follows.
    let mut entries = storage::entries(&mut tx, &case, before.unwrap_or(i64::MAX), limit + 1).await?;
    tx.commit().await?;
    let more = entries.len() as i64 > limit;
    entries.truncate(limit as usize);
    let next_cursor = more.then(|| entries.last().map(|e| e.id)).flatten();
    Ok(AccessLog {
        case_id,
        participant_name,
        reader: case.kind(),
        last_seven_days,
        entries,
        next_cursor,
    })
}
