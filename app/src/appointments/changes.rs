//! Appointments change honestly: a worker moves one (a new time or place) or calls it off,
//! always with a reason; the participant says she cannot come, with hers. Each change is
//! kept in the appointment's history, recorded in the audit trail (and so in the changes
//! feed), and the people who see appointments get a content-free push.

use super::change_storage::{self, NewChange};
use super::storage;
use super::{Appointment, AppointmentChangeKind, AppointmentUpdate};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use crate::text::cleaned;

fn reason_of(raw: &str) -> Result<String, AppError> {
    if raw.trim().is_empty() {
        return Err(AppError::new(ErrorCode::ReasonRequired));
    }
    cleaned(raw, true, 1000)
}

/// The appointment, as long as it was not called off.
async fn open_appointment(tx: &mut Tx<'_>, case: &CaseAccess, appointment_id: i64) -> Result<Appointment, AppError> {
    let appointment = storage::appointment(tx, case, appointment_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    if appointment.cancelled {
        return Err(AppError::new(ErrorCode::AppointmentCancelled));
    }
    Ok(appointment)
}

/// Records the change in the audit trail, reads the appointment back with its history,
/// commits, and tells the people who see appointments.
async fn finish(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    mut tx: Tx<'_>,
    case: &CaseAccess,
    appointment_id: i64,
    action: AuditAction,
) -> Result<Appointment, AppError> {
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action,
            case_id: Some(case.case_id()),
            object: Some(("appointment", appointment_id)),
        },
    )
    .await?;
    let appointment = storage::appointment(&mut tx, case, appointment_id)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    let mut appointment = change_storage::with_histories(&mut tx, case, vec![appointment]).await?;
    let told = access::people_to_tell(&mut tx, case.case_id(), Category::Appointments).await?;
    tx.commit().await?;
    crate::push::service::notify(state, &told);
    appointment.pop().ok_or(AppError::new(ErrorCode::Internal))
}

/// A worker of the case moves the appointment to a new time, a new place, or both.
pub async fn move_appointment(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    appointment_id: i64,
    update: AppointmentUpdate,
) -> Result<Appointment, AppError> {
    let new_place = update.place.as_deref().map(|p| cleaned(p, true, 500)).transpose()?;
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let current = open_appointment(&mut tx, &case, appointment_id).await?;
    let starts_at = update.starts_at.unwrap_or(current.starts_at.clone());
    let place = new_place.unwrap_or(current.place.clone());
    let time_moves = starts_at != current.starts_at;
    let place_moves = place != current.place;
    if !time_moves && !place_moves {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let reason = reason_of(&update.reason)?;
    if time_moves {
        crate::preferences::service::check_time(&mut tx, &case, &starts_at, update.despite_preferences).await?;
    }
    change_storage::move_to(&mut tx, &case, appointment_id, starts_at.as_str(), &place).await?;
    if time_moves {
        crate::reminders::service::schedule_in(&mut tx, appointment_id, starts_at.as_str(), state.clock.now()).await?;
    }
    change_storage::record(
        &mut tx,
        NewChange {
            appointment_id,
            kind: AppointmentChangeKind::Moved,
            old_starts_at: time_moves.then_some(current.starts_at.as_str()),
            new_starts_at: time_moves.then_some(starts_at.as_str()),
            old_place: place_moves.then_some(current.place.as_str()),
            new_place: place_moves.then_some(place.as_str()),
            reason: &reason,
            changed_by: viewer.user_id,
            changed_at: state.clock.now(),
        },
    )
    .await?;
    finish(
        state,
        ctx,
        viewer,
        tx,
        &case,
        appointment_id,
        AuditAction::AppointmentChanged,
    )
    .await
}

/// A worker of the case calls the appointment off.
pub async fn cancel(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    appointment_id: i64,
    reason: &str,
) -> Result<Appointment, AppError> {
    with_reason(
        state,
        ctx,
        viewer,
        (case_id, appointment_id),
        reason,
        AppointmentChangeKind::Cancelled,
    )
    .await
}

/// The participant says she cannot come, and why; her workers read it in the history.
pub async fn cannot_come(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    appointment_id: i64,
    reason: &str,
) -> Result<Appointment, AppError> {
    with_reason(
        state,
        ctx,
        viewer,
        (case_id, appointment_id),
        reason,
        AppointmentChangeKind::CannotCome,
    )
    .await
}

/// A change that is only a reason: a worker calls the appointment off, or the participant
/// cannot come (which changes nothing but what the worker reads).
async fn with_reason(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    (case_id, appointment_id): (i64, i64),
    reason: &str,
    kind: AppointmentChangeKind,
) -> Result<Appointment, AppError> {
    let reason = reason_of(reason)?;
    let mut tx = state.begin().await?;
    let case = match kind {
        AppointmentChangeKind::CannotCome => access::require_participant(&mut tx, viewer, case_id).await?,
        _ => access::require_case_worker(&mut tx, viewer, case_id).await?,
    };
    open_appointment(&mut tx, &case, appointment_id).await?;
    let now = state.clock.now();
    let action = if kind == AppointmentChangeKind::Cancelled {
        change_storage::cancel(&mut tx, &case, appointment_id, now).await?;
        crate::reminders::service::unschedule_in(&mut tx, appointment_id).await?;
        AuditAction::AppointmentCancelled
    } else {
        AuditAction::AppointmentAnswered
    };
    change_storage::record(&mut tx, only_reason(appointment_id, kind, &reason, viewer, now)).await?;
    finish(state, ctx, viewer, tx, &case, appointment_id, action).await
}

fn only_reason<'a>(
    appointment_id: i64,
    kind: AppointmentChangeKind,
    reason: &'a str,
    viewer: &Viewer,
    now: i64,
) -> NewChange<'a> {
    NewChange {
        appointment_id,
        kind,
        old_starts_at: None,
        new_starts_at: None,
        old_place: None,
        new_place: None,
        reason,
        changed_by: viewer.user_id,
        changed_at: now,
    }
}
