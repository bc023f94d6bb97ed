//! Appointment queries. Each takes the proof of access to the case, and an appointment
//! named by its id is found only within that case.

use super::{Appointment, AppointmentMode, LocalDateTime, NewAppointment};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::i18n::Lang;
use sqlx::Row;

const COLUMNS: &str =
    "id, case_id, starts_at, duration_minutes, mode, place, with_whom, purpose, what_to_bring, cancelled_at, content_lang";

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
        cancelled: row.try_get::<Option<i64>, _>("cancelled_at")?.is_some(),
        lang: Lang::parse(&row.try_get::<String, _>("content_lang")?).unwrap_or_default(),
        history: Vec::new(),
    }))
}

/// The appointments among `rows` (a row of an unknown kind is passed over).
fn all_from_rows(rows: &[sqlx::any::AnyRow]) -> Result<Vec<Appointment>, sqlx::Error> {
    let mut result = Vec::with_capacity(rows.len());
    for row in rows {
        result.extend(from_row(row)?);
    }
    Ok(result)
}

/// A page of the case's appointments, soonest first: those after (`starts_at`, `id`) of
/// the last one seen (`("", 0)` for the first page), at most `limit`.
pub(super) async fn appointments_page(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    after: (&str, i64),
    limit: i64,
) -> Result<Vec<Appointment>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM appointments WHERE case_id = $1 \
         AND (starts_at > $2 OR (starts_at = $2 AND id > $3)) ORDER BY starts_at, id LIMIT $4"
    );
    let rows = sqlx::query(&sql)
        .bind(access.case_id())
        .bind(after.0)
        .bind(after.1)
        .bind(limit)
        .fetch_all(&mut **tx)
        .await?;
    all_from_rows(&rows)
}

/// The first `limit` of the case's appointments that start at or after `from`, soonest
/// first.
pub(super) async fn appointments_from(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    from: &str,
    limit: i64,
) -> Result<Vec<Appointment>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM appointments WHERE case_id = $1 AND starts_at >= $2 AND cancelled_at IS NULL \
         ORDER BY starts_at, id LIMIT $3"
    );
    let rows = sqlx::query(&sql)
        .bind(access.case_id())
        .bind(from)
        .bind(limit)
        .fetch_all(&mut **tx)
        .await?;
    all_from_rows(&rows)
}

pub(super) async fn appointment(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    appointment_id: i64,
) -> Result<Option<Appointment>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM appointments WHERE id = $1 AND case_id = $2");
    let row = sqlx::query(&sql)
        .bind(appointment_id)
        .bind(access.case_id())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(row) => from_row(&row)?,
        None => None,
    })
}

/// A new appointment planned by the viewer who passed the check.
pub(super) async fn insert(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    new: &NewAppointment,
    (lang, now): (Lang, i64),
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO appointments (case_id, starts_at, duration_minutes, mode, place, with_whom, purpose, what_to_bring, created_by, created_at, \
         content_lang) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(access.case_id())
    .bind(new.starts_at.as_str())
    .bind(new.duration_minutes)
    .bind(new.mode.as_str())
    .bind(new.place.trim())
    .bind(new.with_whom.trim())
    .bind(new.purpose.trim())
    .bind(new.what_to_bring.trim())
    .bind(access.viewer_id())
    .bind(now)
    .bind(lang.code())
    .fetch_one(&mut **tx)
    .await
}
