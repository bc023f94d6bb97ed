//! Trajectory queries. Portable SQL, run on SQLite and PostgreSQL alike. Each takes the
//! proof of access to the case, and a milestone named by its id is reached only within
//! that case. The exceptions write demo data, which has no viewer to check.

use super::{Date, Milestone, MilestoneChange, MilestoneStatus, NewMilestone, Phase};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::i18n::Lang;
use crate::translations::{self, ItemKind};
use sqlx::Row;

const MILESTONE_COLUMNS: &str =
    "id, case_id, phase, title, explanation, why_it_matters, decided_by, what_is_needed, expected_date, status, \
     content_lang";

/// One change of a milestone or a reunification step, read with the name of who made it
/// (`changed_at, display_name, field, old_value, new_value, reason`).
pub(crate) fn change_from(row: &sqlx::any::AnyRow) -> Result<MilestoneChange, sqlx::Error> {
    Ok(MilestoneChange {
        changed_at: row.try_get("changed_at")?,
        changed_by: row.try_get("display_name")?,
        field: row.try_get("field")?,
        old_value: row.try_get("old_value")?,
        new_value: row.try_get("new_value")?,
        reason: row.try_get("reason")?,
    })
}

fn milestone_from(row: &sqlx::any::AnyRow) -> Result<Option<Milestone>, sqlx::Error> {
    let phase: String = row.try_get("phase")?;
    let status: String = row.try_get("status")?;
    let expected_date: Option<String> = row.try_get("expected_date")?;
    let (Some(phase), Some(status)) = (Phase::parse(&phase), MilestoneStatus::parse(&status)) else {
        return Ok(None);
    };
    Ok(Some(Milestone {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        phase,
        title: row.try_get("title")?,
        explanation: row.try_get("explanation")?,
        why_it_matters: row.try_get("why_it_matters")?,
        decided_by: row.try_get("decided_by")?,
        what_is_needed: row.try_get("what_is_needed")?,
        expected_date: expected_date.as_deref().and_then(|d| Date::parse(d).ok()),
        status,
        lang: Lang::parse(&row.try_get::<String, _>("content_lang")?).unwrap_or_default(),
        history: Vec::new(),
        responses: Vec::new(),
        translations: Vec::new(),
    }))
}

/// A case's milestones by expected date (undated last), each with its history.
pub(crate) async fn milestones(tx: &mut Tx<'_>, access: &CaseAccess) -> Result<Vec<Milestone>, sqlx::Error> {
    milestones_page(tx, access, None, i64::MAX).await
}

/// A page of them: after the milestone `after` names by (expected date or "~" when
/// undated, id), at most `limit`.
pub(crate) async fn milestones_page(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    after: Option<(&str, i64)>,
    limit: i64,
) -> Result<Vec<Milestone>, sqlx::Error> {
    let order = "ORDER BY CASE WHEN expected_date IS NULL THEN 1 ELSE 0 END, expected_date, id LIMIT $2";
    let rows = match after {
        None => {
            let sql = format!("SELECT {MILESTONE_COLUMNS} FROM milestones WHERE case_id = $1 {order}");
            sqlx::query(&sql)
                .bind(access.case_id())
                .bind(limit)
                .fetch_all(&mut **tx)
                .await?
        }
        Some(("~", id)) => {
            let sql = format!(
                "SELECT {MILESTONE_COLUMNS} FROM milestones WHERE case_id = $1 AND expected_date IS NULL AND id > $3 {order}"
            );
            let query = sqlx::query(&sql).bind(access.case_id()).bind(limit).bind(id);
            query.fetch_all(&mut **tx).await?
        }
        Some((date, id)) => {
            let sql = format!(
                "SELECT {MILESTONE_COLUMNS} FROM milestones WHERE case_id = $1 AND (expected_date IS NULL \
                 OR expected_date > $4 OR (expected_date = $4 AND id > $3)) {order}"
            );
            let query = sqlx::query(&sql).bind(access.case_id()).bind(limit).bind(id).bind(date);
            query.fetch_all(&mut **tx).await?
        }
    };
    let mut milestones = Vec::with_capacity(rows.len());
    for row in &rows {
        milestones.extend(milestone_from(row)?);
    }
    with_histories(tx, access, milestones).await
}

/// The first milestone that still lies ahead, in the order of the list, with its history:
/// what the home page shows, read without the rest of the trajectory.
pub(crate) async fn first_open(tx: &mut Tx<'_>, access: &CaseAccess) -> Result<Option<Milestone>, sqlx::Error> {
    let open: Vec<String> = MilestoneStatus::ALL
        .iter()
        .filter(|status| status.is_open())
        .map(|status| format!("'{}'", status.as_str()))
        .collect();
    let sql = format!(
        "SELECT {MILESTONE_COLUMNS} FROM milestones WHERE case_id = $1 AND status IN ({}) \
         ORDER BY CASE WHEN expected_date IS NULL THEN 1 ELSE 0 END, expected_date, id LIMIT 1",
        open.join(", ")
    );
    let row = sqlx::query(&sql)
        .bind(access.case_id())
        .fetch_optional(&mut **tx)
        .await?;
    let Some(milestone) = row.as_ref().map(milestone_from).transpose()?.flatten() else {
        return Ok(None);
    };
    Ok(with_histories(tx, access, vec![milestone]).await?.pop())
}

/// The lowest and highest id among the milestones of a page: the range one query reads
/// their histories or responses from.
pub(super) fn id_span(milestones: &[Milestone]) -> Option<(i64, i64)> {
    let ids = milestones.iter().map(|m| m.id);
    Some((ids.clone().min()?, ids.max()?))
}

/// Adds to each of the milestones its history and its translations, a query each.
async fn with_histories(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    mut milestones: Vec<Milestone>,
) -> Result<Vec<Milestone>, sqlx::Error> {
    let Some((first, last)) = id_span(&milestones) else {
        return Ok(milestones);
    };
    // The histories of this page's milestones only (their ids lie between its lowest and
    // highest; others in that range are passed over below).
    let changes = sqlx::query(
        "SELECT c.milestone_id, c.changed_at, u.display_name, c.field, c.old_value, c.new_value, c.reason \
         FROM milestone_changes c JOIN milestones m ON m.id = c.milestone_id JOIN users u ON u.id = c.changed_by \
         WHERE m.case_id = $1 AND c.milestone_id BETWEEN $2 AND $3 ORDER BY c.id",
    )
    .bind(access.case_id())
    .bind(first)
    .bind(last)
    .fetch_all(&mut **tx)
    .await?;
    for row in changes {
        let milestone_id: i64 = row.try_get("milestone_id")?;
        if let Some(milestone) = milestones.iter_mut().find(|m| m.id == milestone_id) {
            milestone.history.push(change_from(&row)?);
        }
    }
    translations::storage::attach(tx, access, ItemKind::Milestone, &mut milestones).await?;
    Ok(milestones)
}

/// A milestone's language and texts, for a worker who translates it.
pub(crate) async fn original_texts(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    milestone_id: i64,
) -> Result<Option<translations::service::Original>, sqlx::Error> {
    Ok(milestone(tx, access, milestone_id)
        .await?
        .map(|m| translations::service::Original {
            lang: m.lang,
            texts: vec![
                ("title", m.title),
                ("explanation", m.explanation),
                ("why_it_matters", m.why_it_matters),
                ("decided_by", m.decided_by),
                ("what_is_needed", m.what_is_needed),
            ],
        }))
}

pub(super) async fn milestone(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    milestone_id: i64,
) -> Result<Option<Milestone>, sqlx::Error> {
    let sql = format!("SELECT {MILESTONE_COLUMNS} FROM milestones WHERE id = $1 AND case_id = $2");
    let row = sqlx::query(&sql)
        .bind(milestone_id)
        .bind(access.case_id())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(row) => milestone_from(&row)?,
        None => None,
    })
}

/// A new milestone, added by the viewer who passed the check.
pub(super) async fn create_milestone(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    new: &NewMilestone,
    now: i64,
) -> Result<i64, sqlx::Error> {
    insert_milestone_row(tx, access.case_id(), new, access.viewer_id(), now).await
}

/// Demo data is loaded before anyone signs in, so there is no viewer to check: with
/// [`insert_change`], the one way to write a milestone without a proof. For demo data only.
pub(crate) async fn insert_milestone(
    tx: &mut Tx<'_>,
    case_id: i64,
    new: &NewMilestone,
    created_by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    insert_milestone_row(tx, case_id, new, created_by, now).await
}

async fn insert_milestone_row(
    tx: &mut Tx<'_>,
    case_id: i64,
    new: &NewMilestone,
    created_by: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO milestones (case_id, phase, title, explanation, why_it_matters, decided_by, what_is_needed, \
         expected_date, status, created_by, created_at, updated_at, content_lang) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id",
    )
    .bind(case_id)
    .bind(new.phase.as_str())
    .bind(new.title.trim())
    .bind(new.explanation.trim())
    .bind(new.why_it_matters.trim())
    .bind(new.decided_by.trim())
    .bind(new.what_is_needed.trim())
    .bind(new.expected_date.as_ref().map(Date::as_str))
    .bind(new.status.unwrap_or(MilestoneStatus::Planned).as_str())
    .bind(created_by)
    .bind(now)
    .bind(new.lang.unwrap_or_default().code())
    .fetch_one(&mut **tx)
    .await
}

pub(super) async fn set_status_and_date(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    milestone_id: i64,
    status: MilestoneStatus,
    expected_date: Option<&Date>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE milestones SET status = $1, expected_date = $2, updated_at = $3 WHERE id = $4 AND case_id = $5",
    )
    .bind(status.as_str())
    .bind(expected_date.map(Date::as_str))
    .bind(now)
    .bind(milestone_id)
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(crate) struct NewChange<'a> {
    pub milestone_id: i64,
    pub changed_by: i64,
    pub now: i64,
    pub field: &'a str,
    pub old_value: Option<&'a str>,
    pub new_value: Option<&'a str>,
    pub reason: &'a str,
}

/// Records a change of a milestone, written only if the milestone is in the case.
pub(super) async fn record_change(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    change: NewChange<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO milestone_changes (milestone_id, changed_by, changed_at, field, old_value, new_value, reason) \
         SELECT m.id, $2, $3, $4, $5, $6, $7 FROM milestones m WHERE m.id = $1 AND m.case_id = $8",
    )
    .bind(change.milestone_id)
    .bind(change.changed_by)
    .bind(change.now)
    .bind(change.field)
    .bind(change.old_value)
    .bind(change.new_value)
    .bind(change.reason)
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A change in demo data, written without a proof (see [`insert_milestone`]). For demo
/// data only.
pub(crate) async fn insert_change(tx: &mut Tx<'_>, change: NewChange<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO milestone_changes (milestone_id, changed_by, changed_at, field, old_value, new_value, reason) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(change.milestone_id)
    .bind(change.changed_by)
    .bind(change.now)
    .bind(change.field)
    .bind(change.old_value)
    .bind(change.new_value)
    .bind(change.reason)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
