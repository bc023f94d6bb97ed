//! Away periods: a worker names a colleague of their own organisation to stand in until a
//! date. The stand-in joins the away worker's conversations and can read and answer them
//! while the period lasts (the access rule in `access.rs` says so); the people writing see
//! who stands in. Coming back ends it.

use super::{AwayRequest, MessageSettings, StandIn};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;
use std::collections::HashMap;

fn invalid() -> AppError {
    AppError::new(ErrorCode::InvalidInput)
}

/// The end of a day (23:59:59 UTC) as unix seconds.
fn end_of_day(date: &crate::trajectory::Date) -> i64 {
    let mut parts = date.as_str().split('-').map(|p| p.parse::<i64>().unwrap_or(1));
    let (year, month, day) = (
        parts.next().unwrap_or(1970),
        parts.next().unwrap_or(1),
        parts.next().unwrap_or(1),
    );
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + 86_399
}

pub async fn set_away(state: &AppState, viewer: &Viewer, request: AwayRequest) -> Result<(), AppError> {
    if viewer.role != AccountRole::Worker {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let now = state.clock.now();
    let until_at = end_of_day(&request.until);
    if until_at <= now || request.stand_in_id == viewer.user_id {
        return Err(invalid());
    }
    let mut tx = state.begin().await?;
    let colleague: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM users s JOIN users me ON me.id = $2 \
         WHERE s.id = $1 AND s.account_role = 'worker' AND s.organisation_id = me.organisation_id",
    )
    .bind(request.stand_in_id)
    .bind(viewer.user_id)
    .fetch_one(&mut *tx)
    .await?;
    if colleague == 0 {
        return Err(invalid());
    }
    end_in(&mut tx, viewer.user_id).await?;
    sqlx::query("INSERT INTO away_periods (user_id, until_at, stand_in_user_id, set_at) VALUES ($1, $2, $3, $4)")
        .bind(viewer.user_id)
        .bind(until_at)
        .bind(request.stand_in_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let conversations: Vec<i64> = sqlx::query_scalar(
        "SELECT cm.conversation_id FROM conversation_members cm WHERE cm.user_id = $1 AND cm.standing_in_for IS NULL \
         AND NOT EXISTS (SELECT 1 FROM conversation_members o WHERE o.conversation_id = cm.conversation_id AND o.user_id = $2)",
    )
    .bind(viewer.user_id)
    .bind(request.stand_in_id)
    .fetch_all(&mut *tx)
    .await?;
    for conversation in conversations {
        sqlx::query(
            "INSERT INTO conversation_members (conversation_id, user_id, added_at, standing_in_for) VALUES ($1, $2, $3, $4)",
        )
        .bind(conversation)
        .bind(request.stand_in_id)
        .bind(now)
        .bind(viewer.user_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn end_in(tx: &mut Tx<'_>, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM conversation_members WHERE standing_in_for = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM away_periods WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Back at work: the stand-in leaves the conversations.
pub async fn end_away(state: &AppState, viewer: &Viewer) -> Result<(), AppError> {
    if viewer.role != AccountRole::Worker {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let mut tx = state.begin().await?;
    end_in(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Who stands in now for the away workers of each conversation the viewer is in, by
/// conversation: one query for the whole list.
pub async fn stand_ins_for(
    tx: &mut Tx<'_>,
    viewer_id: i64,
    now: i64,
) -> Result<HashMap<i64, Vec<StandIn>>, sqlx::Error> {
    let rows: Vec<(i64, i64, String, i64, i64, String)> = sqlx::query_as(
        "SELECT cm.conversation_id, a.user_id, away.display_name, a.until_at, a.stand_in_user_id, s.display_name \
         FROM conversation_members cm JOIN away_periods a ON a.user_id = cm.user_id \
         JOIN users away ON away.id = a.user_id JOIN users s ON s.id = a.stand_in_user_id \
         WHERE cm.standing_in_for IS NULL AND a.until_at > $2 \
         AND cm.conversation_id IN (SELECT conversation_id FROM conversation_members WHERE user_id = $1) \
         ORDER BY cm.conversation_id, a.user_id",
    )
    .bind(viewer_id)
    .bind(now)
    .fetch_all(&mut **tx)
    .await?;
    let mut by_conversation: HashMap<i64, Vec<StandIn>> = HashMap::new();
    for (conversation_id, away_user_id, away_name, until_at, stand_in_user_id, stand_in_name) in rows {
        by_conversation.entry(conversation_id).or_default().push(StandIn {
            away_user_id,
            away_name,
            until_at,
            stand_in_user_id,
            stand_in_name,
        });
    }
    Ok(by_conversation)
}

/// The viewer's own messaging settings, for the messages page.
pub async fn settings(state: &AppState, viewer: &Viewer) -> Result<MessageSettings, AppError> {
    let mut tx = state.read().await?;
    let colleagues: Vec<(i64, String)> = if viewer.role == AccountRole::Worker {
        sqlx::query_as(
            "SELECT s.id, s.display_name FROM users s JOIN users me ON me.id = $1 \
             WHERE s.account_role = 'worker' AND s.organisation_id = me.organisation_id AND s.id <> me.id \
             ORDER BY s.display_name",
        )
        .bind(viewer.user_id)
        .fetch_all(&mut *tx)
        .await?
    } else {
        Vec::new()
    };
    let away: Option<(i64, String)> = sqlx::query_as(
        "SELECT a.until_at, s.display_name FROM away_periods a JOIN users s ON s.id = a.stand_in_user_id \
         WHERE a.user_id = $1 AND a.until_at > $2",
    )
    .bind(viewer.user_id)
    .bind(state.clock.now())
    .fetch_optional(&mut *tx)
    .await?;
    let sends: i64 = sqlx::query_scalar("SELECT sends_read_receipts FROM users WHERE id = $1")
        .bind(viewer.user_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(MessageSettings {
        colleagues,
        away: away.map(|(until, name)| (crate::accounts::format_time(until).chars().take(10).collect(), name)),
        sends_read_receipts: sends == 1,
    })
}
