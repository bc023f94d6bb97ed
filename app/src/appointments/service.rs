//! The appointments service: read through the access module (the `appointments` share
//! for family), workers of the case add them, and each can be had as a calendar file.

use super::{Appointment, AppointmentMode, Appointments, LocalDateTime, NewAppointment};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};
use sqlx::Row;

const COLUMNS: &str = "id, case_id, starts_at, duration_minutes, mode, place, with_whom, purpose, what_to_bring";

fn from_row(row: &sqlx::any::AnyRow) -> Result<Option<Appointment>, sqlx::Error> {
    let starts_at: String = row.try_get("starts_at")?;
    let mode: String = row.try_get("mode")?;
    let (Ok(starts_at), Some(mode)) = (LocalDateTime::parse(&starts_at), AppointmentMode::parse(&mode)) else {
        return Ok(None);
    };
    Ok(Some(Appointment {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        starts_at,
        duration_minutes: row.try_get("duration_minutes")?,
        mode,
        place: row.try_get("place")?,
        with_whom: row.try_get("with_whom")?,
        purpose: row.try_get("purpose")?,
        what_to_bring: row.try_get("what_to_bring")?,
    }))
}

/// Today's date in UTC as `YYYY-MM-DD`: appointments from today on are "upcoming".
pub fn today() -> String {
    crate::accounts::format_time(now()).chars().take(10).collect()
}

async fn list(tx: &mut Tx<'_>, case_id: i64, from: Option<&str>) -> Result<Vec<Appointment>, AppError> {
    let sql =
        format!("SELECT {COLUMNS} FROM appointments WHERE case_id = $1 AND starts_at >= $2 ORDER BY starts_at, id");
    let rows = sqlx::query(&sql)
        .bind(case_id)
        .bind(from.unwrap_or(""))
        .fetch_all(&mut **tx)
        .await?;
    let mut result = Vec::with_capacity(rows.len());
    for row in &rows {
        result.extend(from_row(row)?);
    }
    Ok(result)
}

pub async fn appointments(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<Appointments, AppError> {
    let mut tx = state.read().await?;
    access::open_case(&mut tx, ctx, viewer, case_id, Category::Appointments).await?;
    let participant_name: String = sqlx::query_scalar("SELECT label FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let appointments = list(&mut tx, case_id, None).await?;
    tx.commit().await?;
    let (appointments, next_cursor) = page.cut(appointments, |a| Cursor::new(a.starts_at.as_str(), a.id));
    Ok(Appointments {
        case_id,
        participant_name,
        appointments,
        next_cursor,
    })
}

/// For the home page, in the caller's transaction: `None` when the viewer may not see
/// the appointments, else the next three from today on.
pub async fn upcoming_in(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<Option<Vec<Appointment>>, AppError> {
    match access::open_case(tx, ctx, viewer, case_id, Category::Appointments).await {
        Ok(_) => Ok(Some(
            list(tx, case_id, Some(&today())).await?.into_iter().take(3).collect(),
        )),
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
    let mut tx = state.begin().await?;
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO appointments (case_id, starts_at, duration_minutes, mode, place, with_whom, purpose, what_to_bring, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(case_id)
    .bind(new.starts_at.as_str())
    .bind(new.duration_minutes)
    .bind(new.mode.as_str())
    .bind(new.place.trim())
    .bind(new.with_whom.trim())
    .bind(new.purpose.trim())
    .bind(new.what_to_bring.trim())
    .bind(viewer.user_id)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        AuditEntry {
            actor: Some(viewer.user_id),
            action: AuditAction::AppointmentCreated,
            case_id: Some(case_id),
            object: Some(("appointment", id)),
        },
    )
    .await?;
    let sql = format!("SELECT {COLUMNS} FROM appointments WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_one(&mut *tx).await?;
    let appointment = from_row(&row)?.ok_or(AppError::new(ErrorCode::Internal))?;
    let told = access::people_to_tell(&mut tx, case_id, crate::access::Category::Appointments).await?;
    tx.commit().await?;
    crate::push::service::notify(state, &told);
    Ok(appointment)
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
    access::open_case(&mut tx, ctx, viewer, case_id, Category::Appointments).await?;
    let sql = format!("SELECT {COLUMNS} FROM appointments WHERE id = $1 AND case_id = $2");
    let row = sqlx::query(&sql)
        .bind(appointment_id)
        .bind(case_id)
        .fetch_optional(&mut *tx)
        .await?;
    let appointment = match row {
        Some(row) => from_row(&row)?,
        None => None,
    }
    .ok_or(AppError::new(ErrorCode::NotFound))?;
    tx.commit().await?;
    let stamp = crate::accounts::format_time(now())
        .replace(['-', ':'], "")
        .replace(" UTC", "")
        .replace(' ', "T")
        + "00Z";
    Ok(super::calendar_file(&appointment, &stamp))
}
