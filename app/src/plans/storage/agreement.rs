//! Who must agree a version, their answers per item and their signatures.

use super::{person, version_from, PlanRow, VersionRow};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::plans::{ItemResponse, Party, Person, Stance, VersionState};
use crate::sealing::text::Column;
use sqlx::Row as _;

pub(in crate::plans) async fn responses(
    tx: &mut Tx<'_>,
    version: &VersionRow,
) -> Result<Vec<(i64, ItemResponse)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.item_key, r.user_id, u.display_name, r.stance, r.reason, r.responded_at \
         FROM plan_item_responses r JOIN users u ON u.id = r.user_id WHERE r.version_id = $1 ORDER BY r.responded_at, r.user_id",
    )
    .bind(version.id)
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    let mut responses = Vec::with_capacity(rows.len());
    for row in &rows {
        let stance: String = row.try_get("stance")?;
        let Some(stance) = Stance::parse(&stance) else { continue };
        let by = person(row, "user_id", "display_name")?.unwrap_or(Person {
            user_id: 0,
            display_name: String::new(),
        });
        responses.push((
            row.try_get("item_key")?,
            ItemResponse {
                by,
                stance,
                reason: keys.read(row, "reason", Column::PlanResponseReason)?,
                responded_at: row.try_get("responded_at")?,
            },
        ));
    }
    Ok(responses)
}

pub(in crate::plans) async fn save_response(
    tx: &mut Tx<'_>,
    version: &VersionRow,
    key: i64,
    user_id: i64,
    stance: Stance,
    reason: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM plan_item_responses WHERE version_id = $1 AND item_key = $2 AND user_id = $3")
        .bind(version.id)
        .bind(key)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO plan_item_responses (version_id, item_key, user_id, stance, reason, responded_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(version.id)
    .bind(key)
    .bind(user_id)
    .bind(stance.as_str())
    .bind(tx.text_keys().seal(Column::PlanResponseReason, reason))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(in crate::plans) async fn parties(tx: &mut Tx<'_>, version: &VersionRow) -> Result<Vec<Party>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.user_id, u.display_name, p.signed_at FROM plan_parties p JOIN users u ON u.id = p.user_id \
         WHERE p.version_id = $1 ORDER BY p.user_id",
    )
    .bind(version.id)
    .fetch_all(&mut **tx)
    .await?;
    let mut parties = Vec::with_capacity(rows.len());
    for row in &rows {
        parties.push(Party {
            person: Person {
                user_id: row.try_get("user_id")?,
                display_name: row.try_get("display_name")?,
            },
            signed_at: row.try_get("signed_at")?,
        });
    }
    Ok(parties)
}

pub(crate) async fn add_party(tx: &mut Tx<'_>, version: &VersionRow, user_id: i64) -> Result<(), sqlx::Error> {
    let present: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM plan_parties WHERE version_id = $1 AND user_id = $2")
        .bind(version.id)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
    if present == 0 {
        sqlx::query("INSERT INTO plan_parties (version_id, user_id) VALUES ($1, $2)")
            .bind(version.id)
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub(in crate::plans) async fn remove_party(
    tx: &mut Tx<'_>,
    version: &VersionRow,
    user_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM plan_parties WHERE version_id = $1 AND user_id = $2 AND signed_at IS NULL")
        .bind(version.id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(in crate::plans) async fn sign(
    tx: &mut Tx<'_>,
    version: &VersionRow,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE plan_parties SET signed_at = $1 WHERE version_id = $2 AND user_id = $3")
        .bind(now)
        .bind(version.id)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Family members the participant asked to agree this plan.
pub(in crate::plans) async fn extra_parties(tx: &mut Tx<'_>, plan: &PlanRow) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM plan_extra_parties WHERE plan_id = $1 ORDER BY user_id")
        .bind(plan.id)
        .fetch_all(&mut **tx)
        .await
}

pub(in crate::plans) async fn add_extra_party(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
    user_id: i64,
    by: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    if !extra_parties(tx, plan).await?.contains(&user_id) {
        sqlx::query("INSERT INTO plan_extra_parties (plan_id, user_id, added_by, added_at) VALUES ($1, $2, $3, $4)")
            .bind(plan.id)
            .bind(user_id)
            .bind(by)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The case's participant: she agrees every plan.
pub(in crate::plans) async fn participant_ids(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT user_id FROM memberships WHERE case_id = $1 AND member_kind = 'participant' AND ended_at IS NULL",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await
}

/// The workers of the circle who own an item of the version.
pub(in crate::plans) async fn worker_owners(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    version: &VersionRow,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT i.owner_user_id FROM plan_items i JOIN memberships m ON m.user_id = i.owner_user_id \
         AND m.case_id = $2 AND m.member_kind = 'worker' AND m.ended_at IS NULL WHERE i.version_id = $1",
    )
    .bind(version.id)
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await
}

/// The ids of the case's plans whose newest version waits for the viewer's signature.
pub(in crate::plans) async fn waiting_for_viewer(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.id FROM plans p JOIN plan_versions v ON v.plan_id = p.id \
         JOIN plan_parties s ON s.version_id = v.id AND s.user_id = $2 AND s.signed_at IS NULL \
         WHERE p.case_id = $1 AND v.state = $3 ORDER BY p.id",
    )
    .bind(case.case_id())
    .bind(case.viewer_id())
    .bind(VersionState::AwaitingSignatures.as_str())
    .fetch_all(&mut **tx)
    .await
}

/// The case's plans with a version waiting for signatures, in plan order.
pub(in crate::plans) async fn awaiting_signatures(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
) -> Result<Vec<PlanRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT pl.id, pl.case_id, pl.kind, pl.title FROM plans pl WHERE pl.case_id = $1 AND EXISTS \
         (SELECT 1 FROM plan_versions v WHERE v.plan_id = pl.id AND v.state = 'awaiting_signatures') ORDER BY pl.id",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await?;
    let mut plans = Vec::with_capacity(rows.len());
    for row in &rows {
        plans.extend(super::plan_from(row)?);
    }
    Ok(plans)
}

/// Who has not signed yet, other than the participant, per version of the plan that
/// waits for signatures: (version, person), in version and person order.
pub(in crate::plans) async fn unsigned_parties(
    tx: &mut Tx<'_>,
    plan: &PlanRow,
) -> Result<Vec<(VersionRow, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT v.id, v.number, v.state, v.created_at, v.submitted_at, v.agreed_at, p.user_id \
         FROM plan_parties p JOIN plan_versions v ON v.id = p.version_id \
         WHERE v.plan_id = $1 AND v.state = 'awaiting_signatures' AND p.signed_at IS NULL \
         AND p.user_id NOT IN (SELECT user_id FROM memberships WHERE case_id = $2 AND member_kind = 'participant') \
         ORDER BY p.version_id, p.user_id",
    )
    .bind(plan.id)
    .bind(plan.case_id)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|row| Ok((version_from(row)?, row.try_get("user_id")?)))
        .collect()
}
