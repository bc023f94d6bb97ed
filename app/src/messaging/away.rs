//! Away periods: a worker names a colleague of their own organisation to stand in until a
//! date. The stand-in joins the away worker's conversations and can read and answer them
//! while the period lasts (the access rule in `access.rs` says so); the people writing see
//! who stands in. Coming back ends it.

use super::storage;
use super::{AwayRequest, MessageSettings};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};

fn invalid() -> AppError {
    AppError::new(ErrorCode::InvalidInput)
}

/// The last second of a day where Brug's people live, as unix seconds.
fn end_of_day(date: &crate::trajectory::Date) -> i64 {
    // A date that passed validation always has an end; were it not, the period ends at once.
    crate::local_time::end_of_local_day(date.as_str()).unwrap_or(0)
}

pub async fn set_away(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    request: AwayRequest,
) -> Result<(), AppError> {
    if viewer.role != AccountRole::Worker {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let now = state.clock.now();
    let until_at = end_of_day(&request.until);
    if until_at <= now || request.stand_in_id == viewer.user_id {
        return Err(invalid());
    }
    let mut tx = state.begin().await?;
    if !storage::is_colleague(&mut tx, viewer.user_id, request.stand_in_id).await? {
        return Err(invalid());
    }
    // A new period replaces the one running, and its stand-in.
    end_running(&mut tx, ctx, viewer).await?;
    storage::start_away(&mut tx, viewer.user_id, until_at, request.stand_in_id, now).await?;
    record_stand_ins(&mut tx, ctx, viewer, AuditAction::StandInStarted).await?;
    tx.commit().await?;
    Ok(())
}

/// Back at work: the stand-in leaves the conversations.
pub async fn end_away(state: &AppState, ctx: &RequestContext, viewer: &Viewer) -> Result<(), AppError> {
    if viewer.role != AccountRole::Worker {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let mut tx = state.begin().await?;
    end_running(&mut tx, ctx, viewer).await?;
    tx.commit().await?;
    Ok(())
}

async fn end_running(tx: &mut Tx<'_>, ctx: &RequestContext, viewer: &Viewer) -> Result<(), AppError> {
    record_stand_ins(tx, ctx, viewer, AuditAction::StandInEnded).await?;
    storage::end_away(tx, viewer.user_id).await?;
    Ok(())
}

/// A stand-in reads a case's conversations: each case whose participant may see who
/// can read her messages records when that began and ended, naming the stand-in.
async fn record_stand_ins(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    action: AuditAction,
) -> Result<(), AppError> {
    for (case_id, stand_in) in storage::stood_in_cases(tx, viewer.user_id).await? {
        let entry = AuditEntry {
            actor: Some(viewer.user_id),
            action,
            case_id: Some(case_id),
            object: Some(("user", stand_in)),
        };
        audit::record(tx, ctx, entry).await?;
    }
    Ok(())
}

/// The viewer's own messaging settings, for the messages page.
pub async fn settings(state: &AppState, viewer: &Viewer) -> Result<MessageSettings, AppError> {
    let mut tx = state.read().await?;
    let colleagues = if viewer.role == AccountRole::Worker {
        storage::colleagues(&mut tx, viewer.user_id).await?
    } else {
        Vec::new()
    };
    let away = storage::away_until(&mut tx, viewer.user_id, state.clock.now()).await?;
    let sends_read_receipts = storage::sends_read_receipts(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    Ok(MessageSettings {
        colleagues,
        away: away.map(|(until, name)| (crate::local_time::format_local(until).chars().take(10).collect(), name)),
        sends_read_receipts,
    })
}
