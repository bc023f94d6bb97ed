//! Case conferences: read with the plans share (the participant and the case's workers
//! always); recorded by the case's workers; the participant's input before the date and
//! responses to each decision. Every read and change goes through `access` and is recorded.

use super::{
    Conference, ConferenceInput, ConferenceView, Conferences, Decision, DecisionResponse, NewConference, NewDecision,
    NewDecisionResponse, NewInput,
};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::MemberKind;
use crate::db::{Row, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};

use crate::plans::Person;
use crate::state::{AppState, RequestContext};
use crate::text::cleaned;
use crate::trajectory::Date;
use sqlx::Row as _;

/// Sorts after every `YYYY-MM-DD`: where a list newest-first begins.
const LATER_THAN_EVERY_DATE: &str = "9999-99-99";

fn today(state: &AppState) -> String {
    crate::accounts::format_time(state.clock.now())
        .chars()
        .take(10)
        .collect()
}

fn entry(viewer: &Viewer, case_id: i64, action: AuditAction, conference_id: i64) -> AuditEntry {
    AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: Some(case_id),
        object: Some(("conference", conference_id)),
    }
}

fn person(row: &Row, id: &str, name: &str) -> Result<Person, sqlx::Error> {
    Ok(Person {
        user_id: row.try_get(id)?,
        display_name: row.try_get(name)?,
    })
}

async fn decisions(tx: &mut Tx<'_>, conference_id: i64) -> Result<Vec<Decision>, AppError> {
    let rows = sqlx::query(
        "SELECT d.id, d.decision, d.meaning_for_you, d.recorded_by, u.display_name, d.recorded_at \
         FROM conference_decisions d JOIN users u ON u.id = d.recorded_by WHERE d.conference_id = $1 ORDER BY d.id",
    )
    .bind(conference_id)
    .fetch_all(&mut **tx)
    .await?;
    let responses = sqlx::query(
        "SELECT r.id, r.decision_id, r.author_id, u.display_name, r.body, r.created_at FROM decision_responses r \
         JOIN users u ON u.id = r.author_id JOIN conference_decisions d ON d.id = r.decision_id \
         WHERE d.conference_id = $1 ORDER BY r.id",
    )
    .bind(conference_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        let mut mine = Vec::new();
        for response in &responses {
            if response.try_get::<i64, _>("decision_id")? == id {
                mine.push(DecisionResponse {
                    id: response.try_get("id")?,
                    by: person(response, "author_id", "display_name")?,
                    body: response.try_get("body")?,
                    created_at: response.try_get("created_at")?,
                });
            }
        }
        out.push(Decision {
            id,
            decision: row.try_get("decision")?,
            meaning_for_you: row.try_get("meaning_for_you")?,
            recorded_by: person(row, "recorded_by", "display_name")?,
            recorded_at: row.try_get("recorded_at")?,
            responses: mine,
        });
    }
    Ok(out)
}

async fn conference_from(tx: &mut Tx<'_>, row: &Row, today: &str) -> Result<Conference, AppError> {
    let id: i64 = row.try_get("id")?;
    let held_on: String = row.try_get("held_on")?;
    let input = sqlx::query("SELECT body, updated_at FROM conference_inputs WHERE conference_id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| -> Result<ConferenceInput, sqlx::Error> {
            Ok(ConferenceInput {
                body: r.try_get("body")?,
                updated_at: r.try_get("updated_at")?,
            })
        })
        .transpose()?;
    Ok(Conference {
        id,
        case_id: row.try_get("case_id")?,
        input_open: today <= held_on.as_str(),
        held_on: Date::parse(&held_on).map_err(AppError::new)?,
        participants: row.try_get("participants")?,
        input,
        decisions: decisions(tx, id).await?,
        created_at: row.try_get("created_at")?,
    })
}

const COLUMNS: &str = "id, case_id, held_on, participants, created_at";

async fn find(tx: &mut Tx<'_>, case_id: i64, conference_id: i64, today: &str) -> Result<Conference, AppError> {
    let sql = format!("SELECT {COLUMNS} FROM conferences WHERE id = $1 AND case_id = $2");
    let row = sqlx::query(&sql)
        .bind(conference_id)
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    conference_from(tx, &row, today).await
}

/// The case's conferences, the latest date first (one still to come before those held),
/// a page at a time.
pub async fn conferences(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<Conferences, AppError> {
    let mut tx = state.read().await?;
    access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let limit = page.limit;
    let after = match page.after.clone() {
        // This list's cursors name a date; any other (an id-only cursor of an older
        // version of the API) would silently end the list.
        Some(cursor) if Date::parse(&cursor.key).is_err() => return Err(AppError::new(ErrorCode::InvalidCursor)),
        Some(cursor) => cursor,
        None => Cursor::new(LATER_THAN_EVERY_DATE, i64::MAX),
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM conferences WHERE case_id = $1 AND (held_on < $2 OR (held_on = $2 AND id < $3)) \
         ORDER BY held_on DESC, id DESC LIMIT $4"
    );
    let rows = sqlx::query(&sql)
        .bind(case_id)
        .bind(&after.key)
        .bind(after.id)
        .bind(limit.saturating_add(1))
        .fetch_all(&mut *tx)
        .await?;
    let today = today(state);
    let mut list = Vec::with_capacity(rows.len());
    for row in rows.iter().take(limit as usize) {
        list.push(conference_from(&mut tx, row, &today).await?);
    }
    tx.commit().await?;
    let next_cursor = (rows.len() as i64 > limit)
        .then(|| list.last().map(|c| Cursor::new(c.held_on.as_str(), c.id).encode()))
        .flatten();
    Ok(Conferences {
        case_id,
        conferences: list,
        next_cursor,
    })
}

async fn open(tx: &mut Tx<'_>, ctx: &RequestContext, viewer: &Viewer, case_id: i64) -> Result<CaseAccess, AppError> {
    access::open_case(tx, ctx, viewer, case_id, Category::Plans).await
}

pub async fn conference(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    conference_id: i64,
) -> Result<ConferenceView, AppError> {
    let mut tx = state.read().await?;
    let case = open(&mut tx, ctx, viewer, case_id).await?;
    let conference = find(&mut tx, case_id, conference_id, &today(state)).await?;
    tx.commit().await?;
    Ok(ConferenceView {
        conference,
        yours: case.kind() == MemberKind::Participant,
        may_record: case.kind() == MemberKind::Worker,
    })
}

pub async fn schedule(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    new: NewConference,
) -> Result<Conference, AppError> {
    let mut tx = state.begin().await?;
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    let participants = cleaned(&new.participants, true, 1000)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO conferences (case_id, held_on, participants, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(case_id)
    .bind(new.held_on.as_str())
    .bind(&participants)
    .bind(viewer.user_id)
    .bind(state.clock.now())
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        entry(viewer, case_id, AuditAction::ConferenceRecorded, id),
    )
    .await?;
    let conference = find(&mut tx, case_id, id, &today(state)).await?;
    tx.commit().await?;
    Ok(conference)
}

/// The participant writes (or rewrites) her input, until the day of the conference.
pub async fn give_input(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    conference_id: i64,
    input: NewInput,
) -> Result<Conference, AppError> {
    let mut tx = state.begin().await?;
    access::require_participant(&mut tx, viewer, case_id).await?;
    let today = today(state);
    let conference = find(&mut tx, case_id, conference_id, &today).await?;
    if !conference.input_open {
        return Err(AppError::new(ErrorCode::ConferenceHeld));
    }
    let body = cleaned(&input.body, true, 4000)?;
    // One statement, so that two saves at once both succeed and the later one stays.
    sqlx::query(
        "INSERT INTO conference_inputs (conference_id, author_id, body, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (conference_id) DO UPDATE SET author_id = excluded.author_id, body = excluded.body, \
         updated_at = excluded.updated_at",
    )
    .bind(conference_id)
    .bind(viewer.user_id)
    .bind(&body)
    .bind(state.clock.now())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        entry(viewer, case_id, AuditAction::ConferenceInputGiven, conference_id),
    )
    .await?;
    let conference = find(&mut tx, case_id, conference_id, &today).await?;
    tx.commit().await?;
    Ok(conference)
}

pub async fn record_decision(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    conference_id: i64,
    new: NewDecision,
) -> Result<Conference, AppError> {
    let mut tx = state.begin().await?;
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    let today = today(state);
    find(&mut tx, case_id, conference_id, &today).await?;
    let decision = cleaned(&new.decision, true, 2000)?;
    let meaning = cleaned(&new.meaning_for_you, true, 2000)?;
    sqlx::query(
        "INSERT INTO conference_decisions (conference_id, decision, meaning_for_you, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(conference_id)
    .bind(&decision)
    .bind(&meaning)
    .bind(viewer.user_id)
    .bind(state.clock.now())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        entry(viewer, case_id, AuditAction::ConferenceDecisionRecorded, conference_id),
    )
    .await?;
    let conference = find(&mut tx, case_id, conference_id, &today).await?;
    tx.commit().await?;
    Ok(conference)
}

/// The participant responds to one decision.
pub async fn respond(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    target: (i64, i64),
    response: NewDecisionResponse,
) -> Result<Conference, AppError> {
    let (conference_id, decision_id) = target;
    let mut tx = state.begin().await?;
    access::require_participant(&mut tx, viewer, case_id).await?;
    let today = today(state);
    let conference = find(&mut tx, case_id, conference_id, &today).await?;
    if !conference.decisions.iter().any(|d| d.id == decision_id) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let body = cleaned(&response.body, true, 2000)?;
    sqlx::query("INSERT INTO decision_responses (decision_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)")
        .bind(decision_id)
        .bind(viewer.user_id)
        .bind(&body)
        .bind(state.clock.now())
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        ctx,
        entry(viewer, case_id, AuditAction::ConferenceResponded, conference_id),
    )
    .await?;
    let conference = find(&mut tx, case_id, conference_id, &today).await?;
    tx.commit().await?;
    Ok(conference)
}
