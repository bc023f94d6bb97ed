//! The appointments service: read through the access module (the `appointments` share
//! for family), workers of the case add them, and each can be had as a calendar file.

use super::storage;
use super::{Appointment, Appointments, NewAppointment};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};

/// Today's date where Brug's people live, `YYYY-MM-DD`: appointments (written in local
/// time) from today on are "upcoming".
pub fn today() -> String {
    crate::local_time::local_date(now())
}

pub async fn appointments(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<Appointments, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Appointments).await?;
    let participant_name = crate::circle::storage::participant_name(&mut tx, &case)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let after = page
        .after
        .as_ref()
        .map_or(("", 0), |cursor| (cursor.key.as_str(), cursor.id));
    let appointments = storage::appointments_page(&mut tx, &case, after, page.one_more()).await?;
    let appointments = super::change_storage::with_histories(&mut tx, &case, appointments).await?;
    tx.commit().await?;
    let (appointments, next_cursor) = page.cut(appointments, |a| Cursor::new(a.starts_at.as_str(), a.id));
    Ok(Appointments {
        case_id,
        participant_name,
        appointments,
        next_cursor,
    })
}

/// How many of the coming appointments the home page shows.
const UPCOMING_ON_HOME: i64 = 3;

/// For the home page, in the caller's transaction: `None` when the viewer may not see
/// the appointments, else the next few from today on.
pub async fn upcoming_in(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<Option<Vec<Appointment>>, AppError> {
    match access::open_case(tx, ctx, viewer, case_id, Category::Appointments).await {
        Ok(case) => {
            // With their histories, so the page can flag a time that moved since the
            // reader last looked.
            let upcoming = storage::appointments_from(tx, &case, &today(), UPCOMING_ON_HOME).await?;
            Ok(Some(super::change_storage::with_histories(tx, &case, upcoming).await?))
        }
        Err(AppError {
            code: ErrorCode::NotShared,
            ..
        }) => Ok(None),
        Err(other) => Err(other),
    }
}

pub async fn add(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    new: NewAppointment,
) -> Result<Appointment, AppError> {
    check_texts(&new)?;
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let (appointment, told) = add_in(&mut tx, ctx, viewer, &case, new, state).await?;
    tx.commit().await?;
    crate::push::service::notify(state, &told);
    Ok(appointment)
}

fn check_texts(new: &NewAppointment) -> Result<(), AppError> {
    let texts = [
        (&new.place, true),
        (&new.with_whom, true),
        (&new.purpose, true),
        (&new.what_to_bring, false),
    ];
    for (text, required) in texts {
        let length = text.trim().chars().count();
        if (required && length == 0) || length > 500 {
            return Err(AppError::new(ErrorCode::InvalidInput));
        }
    }
    if !(5..=600).contains(&new.duration_minutes) {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    Ok(())
}

/// Plans an appointment in the caller's transaction, for a worker of the case who passed
/// the check: against her preferences, with its reminders, recorded. Returns it with the
/// people to tell once the transaction is committed.
pub(crate) async fn add_in(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case: &CaseAccess,
    new: NewAppointment,
    state: &AppState,
) -> Result<(Appointment, Vec<i64>), AppError> {
    check_texts(&new)?;
    crate::preferences::service::check_time(tx, case, &new.starts_at, new.despite_preferences).await?;
    let id = storage::insert(tx, case, &new, (viewer.language.unwrap_or_default(), now())).await?;
    crate::reminders::service::schedule_in(tx, id, new.starts_at.as_str(), state.clock.now()).await?;
    audit::record(
        tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::AppointmentCreated,
            case_id: Some(case.case_id()),
            object: Some(("appointment", id)),
        },
    )
    .await?;
    let appointment = storage::appointment(tx, case, id)
        .await?
        .ok_or(AppError::new(ErrorCode::Internal))?;
    let told = access::people_to_tell(tx, case.case_id(), Category::Appointments).await?;
    Ok((appointment, told))
}

/// The calendar file of one appointment, read (and recorded) like the list.
pub async fn calendar(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    appointment_id: i64,
) -> Result<String, AppError> {
    let mut tx = state.read().await?;
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Appointments).await?;
    let appointment = storage::appointment(&mut tx, &case, appointment_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let appointment = super::change_storage::with_histories(&mut tx, &case, vec![appointment])
        .await?
        .pop()
        .ok_or(AppError::new(ErrorCode::Internal))?;
    let reminded = crate::reminders::service::choice_in(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    Ok(super::calendar_file(
        &appointment,
        now(),
        viewer.language.unwrap_or_default(),
        reminded,
    ))
}
