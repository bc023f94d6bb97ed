//! Preference queries: a person's own, and those of a case's members who show them to
//! their workers (for a proof that the viewer is a worker of the case).

use super::{ContactWay, DayPart, MemberPreferences, Preferences, WorkerGender};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::sealing::text::{Column, TextKeys};
use sqlx::Row;

const COLUMNS: &str = "p.worker_gender, p.interpreter_language, p.day_parts, p.times_note, p.contact_by, \
                       p.what_helps, p.what_to_avoid, p.shown_to_workers";

fn from_row(row: &sqlx::any::AnyRow, keys: &TextKeys) -> Result<Preferences, sqlx::Error> {
    let day_parts: String = row.try_get("day_parts")?;
    Ok(Preferences {
        worker_gender: WorkerGender::parse(&row.try_get::<String, _>("worker_gender")?)
            .unwrap_or(WorkerGender::NoPreference),
        interpreter_language: row.try_get("interpreter_language")?,
        day_parts: day_parts.split(',').filter_map(DayPart::parse).collect(),
        times_note: keys.read(row, "times_note", Column::PreferencesTimesNote)?,
        contact_by: ContactWay::parse(&row.try_get::<String, _>("contact_by")?).unwrap_or(ContactWay::NoPreference),
        what_helps: keys.read(row, "what_helps", Column::PreferencesWhatHelps)?,
        what_to_avoid: keys.read(row, "what_to_avoid", Column::PreferencesWhatToAvoid)?,
        shown_to_workers: row.try_get::<i64, _>("shown_to_workers")? != 0,
    })
}

pub(crate) async fn own(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<Preferences>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM preferences p WHERE p.user_id = $1");
    let row = sqlx::query(&sql).bind(user_id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(|row| from_row(row, &tx.text_keys())).transpose()
}

pub(super) async fn save(tx: &mut Tx<'_>, user_id: i64, p: &Preferences, now: i64) -> Result<(), sqlx::Error> {
    let day_parts: Vec<&str> = p.day_parts.iter().map(|d| d.as_str()).collect();
    let keys = tx.text_keys();
    sqlx::query(
        "INSERT INTO preferences (user_id, worker_gender, interpreter_language, day_parts, times_note, contact_by, \
         what_helps, what_to_avoid, shown_to_workers, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (user_id) DO UPDATE SET worker_gender = $2, interpreter_language = $3, day_parts = $4, \
         times_note = $5, contact_by = $6, what_helps = $7, what_to_avoid = $8, shown_to_workers = $9, updated_at = $10",
    )
    .bind(user_id)
    .bind(p.worker_gender.as_str())
    .bind(&p.interpreter_language)
    .bind(day_parts.join(","))
    .bind(keys.seal(Column::PreferencesTimesNote, &p.times_note))
    .bind(p.contact_by.as_str())
    .bind(keys.seal(Column::PreferencesWhatHelps, &p.what_helps))
    .bind(keys.seal(Column::PreferencesWhatToAvoid, &p.what_to_avoid))
    .bind(i64::from(p.shown_to_workers))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The preferences that the case's participant and family members show their workers,
/// the participant first.
pub(super) async fn shown_in_case(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<MemberPreferences>, sqlx::Error> {
    let sql = format!(
        "SELECT m.user_id, u.display_name, m.member_kind, {COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id \
         JOIN preferences p ON p.user_id = m.user_id \
         WHERE m.case_id = $1 AND m.ended_at IS NULL AND m.member_kind IN ('participant', 'family') AND p.shown_to_workers = 1 \
         ORDER BY CASE WHEN m.member_kind = 'participant' THEN 0 ELSE 1 END, m.user_id"
    );
    let rows = sqlx::query(&sql).bind(case.case_id()).fetch_all(&mut **tx).await?;
    let keys = tx.text_keys();
    rows.iter()
        .map(|row| {
            Ok(MemberPreferences {
                user_id: row.try_get("user_id")?,
                name: row.try_get("display_name")?,
                is_participant: row.try_get::<String, _>("member_kind")? == "participant",
                preferences: from_row(row, &keys)?,
            })
        })
        .collect()
}
