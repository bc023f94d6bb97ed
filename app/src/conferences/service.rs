//! Case conferences: read with the plans share (the participant and the case's workers
//! always); recorded by the case's workers; the participant's input before the date and
//! responses to each decision. Every read and change goes through `access` and is recorded.

use super::storage::{self, ConferenceRow};
use super::{Conference, ConferenceView, Conferences, NewConference, NewDecision, NewDecisionResponse, NewInput};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::MemberKind;
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::state::{AppState, RequestContext};
use crate::text::cleaned;
use crate::trajectory::Date;

/// Sorts after every `YYYY-MM-DD`: where a list newest-first begins.
const LATER_THAN_EVERY_DATE: &str = "9999-99-99";

fn today(state: &AppState) -> String {
    crate::local_time::local_date(state.clock.now())
}

fn entry(viewer: &Viewer, case_id: i64, action: AuditAction, conference_id: i64) -> AuditEntry {
    AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: Some(case_id),
        object: Some(("conference", conference_id)),
    }
}

/// A stored conference with its input and decisions; input stays open until its day.
async fn complete(tx: &mut Tx<'_>, case: &CaseAccess, row: ConferenceRow, today: &str) -> Result<Conference, AppError> {
    Ok(Conference {
        id: row.id,
        case_id: row.case_id,
        input_open: today <= row.held_on.as_str(),
        held_on: Date::parse(&row.held_on).map_err(AppError::new)?,
        participants: row.participants,
        input: storage::input(tx, case, row.id).await?,
        decisions: storage::decisions(tx, case, row.id).await?,
        created_at: row.created_at,
    })
}

async fn find(tx: &mut Tx<'_>, case: &CaseAccess, conference_id: i64, today: &str) -> Result<Conference, AppError> {
    let row = storage::conference(tx, case, conference_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    complete(tx, case, row, today).await
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
    let case = access::open_case(&mut tx, ctx, viewer, case_id, Category::Plans).await?;
    let limit = page.limit;
    let after = match page.after.clone() {
        // This list's cursors name a date; any other (an id-only cursor of an older
        // version of the API) would silently end the list.
        Some(cursor) if Date::parse(&cursor.key).is_err() => return Err(AppError::new(ErrorCode::InvalidCursor)),
        Some(cursor) => cursor,
        None => Cursor::new(LATER_THAN_EVERY_DATE, i64::MAX),
    };
    let (rows, more) = storage::conferences_before(&mut tx, &case, &after, limit).await?;
    let today = today(state);
    let mut list = Vec::with_capacity(rows.len());
    for row in rows {
        list.push(complete(&mut tx, &case, row, &today).await?);
    }
    tx.commit().await?;
    let next_cursor = more
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
    let conference = find(&mut tx, &case, conference_id, &today(state)).await?;
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
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let participants = cleaned(&new.participants, true, 1000)?;
    let id = storage::insert_conference(&mut tx, &case, new.held_on.as_str(), &participants, state.clock.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        entry(viewer, case_id, AuditAction::ConferenceRecorded, id),
    )
    .await?;
    let conference = find(&mut tx, &case, id, &today(state)).await?;
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
    let case = access::require_participant(&mut tx, viewer, case_id).await?;
    let today = today(state);
    let conference = find(&mut tx, &case, conference_id, &today).await?;
    if !conference.input_open {
        return Err(AppError::new(ErrorCode::ConferenceHeld));
    }
    let body = cleaned(&input.body, true, 4000)?;
    storage::save_input(&mut tx, &case, conference_id, &body, state.clock.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        entry(viewer, case_id, AuditAction::ConferenceInputGiven, conference_id),
    )
    .await?;
    let conference = find(&mut tx, &case, conference_id, &today).await?;
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
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let today = today(state);
    find(&mut tx, &case, conference_id, &today).await?;
    let decision = cleaned(&new.decision, true, 2000)?;
    let meaning = cleaned(&new.meaning_for_you, true, 2000)?;
    storage::insert_decision(&mut tx, &case, conference_id, &decision, &meaning, state.clock.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        entry(viewer, case_id, AuditAction::ConferenceDecisionRecorded, conference_id),
    )
    .await?;
    let conference = find(&mut tx, &case, conference_id, &today).await?;
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
    let case = access::require_participant(&mut tx, viewer, case_id).await?;
    let today = today(state);
    let conference = find(&mut tx, &case, conference_id, &today).await?;
    if !conference.decisions.iter().any(|d| d.id == decision_id) {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    let body = cleaned(&response.body, true, 2000)?;
    storage::insert_response(&mut tx, &case, target, &body, state.clock.now()).await?;
    audit::record(
        &mut tx,
        ctx,
        entry(viewer, case_id, AuditAction::ConferenceResponded, conference_id),
    )
    .await?;
    let conference = find(&mut tx, &case, conference_id, &today).await?;
    tx.commit().await?;
    Ok(conference)
}
