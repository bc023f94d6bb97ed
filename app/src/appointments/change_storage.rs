//! Queries for the changes of appointments. Each takes the proof of access to the case;
//! an appointment is found only within its case.

use super::{Appointment, AppointmentChange, AppointmentChangeKind, LocalDateTime};
use crate::access::CaseAccess;
use crate::db::Tx;
use sqlx::Row;

pub(super) struct NewChange<'a> {
    pub appointment_id: i64,
    pub kind: AppointmentChangeKind,
    pub old_starts_at: Option<&'a str>,
    pub new_starts_at: Option<&'a str>,
    pub old_place: Option<&'a str>,
    pub new_place: Option<&'a str>,
    pub reason: &'a str,
    pub changed_by: i64,
    pub changed_at: i64,
}

pub(super) async fn record(tx: &mut Tx<'_>, change: NewChange<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO appointment_changes (appointment_id, kind, old_starts_at, new_starts_at, old_place, new_place, \
         reason, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(change.appointment_id)
    .bind(change.kind.as_str())
    .bind(change.old_starts_at)
    .bind(change.new_starts_at)
    .bind(change.old_place)
    .bind(change.new_place)
    .bind(change.reason)
    .bind(change.changed_by)
    .bind(change.changed_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn move_to(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    appointment_id: i64,
    starts_at: &str,
    place: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE appointments SET starts_at = $1, place = $2 WHERE id = $3 AND case_id = $4")
        .bind(starts_at)
        .bind(place)
        .bind(appointment_id)
        .bind(access.case_id())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn cancel(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    appointment_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE appointments SET cancelled_at = $1 WHERE id = $2 AND case_id = $3")
        .bind(now)
        .bind(appointment_id)
        .bind(access.case_id())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Fills in the histories of `appointments` (one page of one case), oldest change first.
pub(super) async fn with_histories(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    mut appointments: Vec<Appointment>,
) -> Result<Vec<Appointment>, sqlx::Error> {
    let (Some(first), Some(last)) = (
        appointments.iter().map(|a| a.id).min(),
        appointments.iter().map(|a| a.id).max(),
    ) else {
        return Ok(appointments);
    };
    // Only this page's appointments: their ids lie between its lowest and highest.
    let rows = sqlx::query(
        "SELECT c.appointment_id, c.kind, c.old_starts_at, c.new_starts_at, c.old_place, c.new_place, c.reason, \
         c.changed_at, u.display_name FROM appointment_changes c JOIN appointments a ON a.id = c.appointment_id \
         JOIN users u ON u.id = c.changed_by \
         WHERE a.case_id = $1 AND c.appointment_id BETWEEN $2 AND $3 ORDER BY c.id",
    )
    .bind(access.case_id())
    .bind(first)
    .bind(last)
    .fetch_all(&mut **tx)
    .await?;
    let time = |value: Option<String>| value.and_then(|v| LocalDateTime::parse(&v).ok());
    for row in rows {
        let appointment_id: i64 = row.try_get("appointment_id")?;
        let kind: String = row.try_get("kind")?;
        let (Some(appointment), Some(kind)) = (
            appointments.iter_mut().find(|a| a.id == appointment_id),
            AppointmentChangeKind::parse(&kind),
        ) else {
            continue;
        };
        appointment.history.push(AppointmentChange {
            kind,
            changed_at: row.try_get("changed_at")?,
            changed_by: row.try_get("display_name")?,
            old_starts_at: time(row.try_get("old_starts_at")?),
            new_starts_at: time(row.try_get("new_starts_at")?),
            old_place: row.try_get("old_place")?,
            new_place: row.try_get("new_place")?,
            reason: row.try_get("reason")?,
        });
    }
    Ok(appointments)
}
