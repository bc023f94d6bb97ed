//! Conference queries. Each takes the proof of access to the case; a conference, its
//! input, decisions and responses are reached by their ids only through a conference of
//! that case.

use super::{ConferenceInput, Decision, DecisionResponse};
use crate::access::CaseAccess;
use crate::db::{Row, Tx};
use crate::pagination::Cursor;
use crate::plans::Person;
use crate::sealing::text::{Column, TextKeys};
use sqlx::Row as _;

/// A conference as stored, before its input and decisions are added to it.
pub(super) struct ConferenceRow {
    pub id: i64,
    pub case_id: i64,
    pub held_on: String,
    pub participants: String,
    pub created_at: i64,
}

const COLUMNS: &str = "id, case_id, held_on, participants, created_at";

fn conference_from(row: &Row, keys: &TextKeys) -> Result<ConferenceRow, sqlx::Error> {
    Ok(ConferenceRow {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        held_on: row.try_get("held_on")?,
        participants: keys.read(row, "participants", Column::ConferenceParticipants)?,
        created_at: row.try_get("created_at")?,
    })
}

fn person(row: &Row, id: &str, name: &str) -> Result<Person, sqlx::Error> {
    Ok(Person {
        user_id: row.try_get(id)?,
        display_name: row.try_get(name)?,
    })
}

pub(super) async fn conference(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    conference_id: i64,
) -> Result<Option<ConferenceRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM conferences WHERE id = $1 AND case_id = $2");
    let row = sqlx::query(&sql)
        .bind(conference_id)
        .bind(access.case_id())
        .fetch_optional(&mut **tx)
        .await?;
    row.as_ref()
        .map(|row| conference_from(row, &tx.text_keys()))
        .transpose()
}

/// Up to `limit` conferences before `before` (by date, then id), the latest first, and
/// whether more follow.
pub(super) async fn conferences_before(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    before: &Cursor,
    limit: i64,
) -> Result<(Vec<ConferenceRow>, bool), sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM conferences WHERE case_id = $1 AND (held_on < $2 OR (held_on = $2 AND id < $3)) \
         ORDER BY held_on DESC, id DESC LIMIT $4"
    );
    let rows = sqlx::query(&sql)
        .bind(access.case_id())
        .bind(&before.key)
        .bind(before.id)
        .bind(limit.saturating_add(1))
        .fetch_all(&mut **tx)
        .await?;
    let keys = tx.text_keys();
    let list = rows
        .iter()
        .take(limit as usize)
        .map(|row| conference_from(row, &keys))
        .collect::<Result<_, _>>()?;
    Ok((list, rows.len() as i64 > limit))
}

pub(super) async fn input(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    conference_id: i64,
) -> Result<Option<ConferenceInput>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT i.body, i.updated_at FROM conference_inputs i JOIN conferences c ON c.id = i.conference_id \
         WHERE i.conference_id = $1 AND c.case_id = $2",
    )
    .bind(conference_id)
    .bind(access.case_id())
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(ConferenceInput {
            body: tx.text_keys().read(&r, "body", Column::ConferenceInputBody)?,
            updated_at: r.try_get("updated_at")?,
        })
    })
    .transpose()
}

/// A conference's decisions in the order recorded, each with its responses in order.
pub(super) async fn decisions(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    conference_id: i64,
) -> Result<Vec<Decision>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT d.id, d.decision, d.meaning_for_you, d.recorded_by, u.display_name, d.recorded_at \
         FROM conference_decisions d JOIN users u ON u.id = d.recorded_by \
         JOIN conferences c ON c.id = d.conference_id \
         WHERE d.conference_id = $1 AND c.case_id = $2 ORDER BY d.id",
    )
    .bind(conference_id)
    .bind(access.case_id())
    .fetch_all(&mut **tx)
    .await?;
    let responses = sqlx::query(
        "SELECT r.id, r.decision_id, r.author_id, u.display_name, r.body, r.created_at FROM decision_responses r \
         JOIN users u ON u.id = r.author_id JOIN conference_decisions d ON d.id = r.decision_id \
         JOIN conferences c ON c.id = d.conference_id \
         WHERE d.conference_id = $1 AND c.case_id = $2 ORDER BY r.id",
    )
    .bind(conference_id)
    .bind(access.case_id())
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        let mut mine = Vec::new();
        for response in &responses {
            if response.try_get::<i64, _>("decision_id")? == id {
                mine.push(DecisionResponse {
                    id: response.try_get("id")?,
                    by: person(response, "author_id", "display_name")?,
                    body: keys.read(response, "body", Column::DecisionResponseBody)?,
                    created_at: response.try_get("created_at")?,
                });
            }
        }
        out.push(Decision {
            id,
            decision: keys.read(row, "decision", Column::ConferenceDecision)?,
            meaning_for_you: keys.read(row, "meaning_for_you", Column::ConferenceDecisionMeaning)?,
            recorded_by: person(row, "recorded_by", "display_name")?,
            recorded_at: row.try_get("recorded_at")?,
            responses: mine,
        });
    }
    Ok(out)
}

/// A new conference scheduled by the viewer who passed the check.
pub(super) async fn insert_conference(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    held_on: &str,
    participants: &str,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO conferences (case_id, held_on, participants, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(access.case_id())
    .bind(held_on)
    .bind(tx.text_keys().seal(Column::ConferenceParticipants, participants))
    .bind(access.viewer_id())
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// Writes (or rewrites) the viewer's input to a conference of the case.
pub(super) async fn save_input(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    conference_id: i64,
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    // One statement, so that two saves at once both succeed and the later one stays.
    // (SQLite needs the WHERE to tell the upsert's ON CONFLICT from a join's ON.)
    sqlx::query(
        "INSERT INTO conference_inputs (conference_id, author_id, body, updated_at) \
         SELECT c.id, $2, $3, $4 FROM conferences c WHERE c.id = $1 AND c.case_id = $5 \
         ON CONFLICT (conference_id) DO UPDATE SET author_id = excluded.author_id, body = excluded.body, \
         updated_at = excluded.updated_at",
    )
    .bind(conference_id)
    .bind(access.viewer_id())
    .bind(tx.text_keys().seal(Column::ConferenceInputBody, body))
    .bind(now)
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A decision of a conference of the case, recorded by the viewer who passed the check.
pub(super) async fn insert_decision(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    conference_id: i64,
    decision: &str,
    meaning_for_you: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO conference_decisions (conference_id, decision, meaning_for_you, recorded_by, recorded_at) \
         SELECT c.id, $2, $3, $4, $5 FROM conferences c WHERE c.id = $1 AND c.case_id = $6",
    )
    .bind(conference_id)
    .bind(tx.text_keys().seal(Column::ConferenceDecision, decision))
    .bind(tx.text_keys().seal(Column::ConferenceDecisionMeaning, meaning_for_you))
    .bind(access.viewer_id())
    .bind(now)
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The viewer's response to a decision of the given conference of the case.
pub(super) async fn insert_response(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    (conference_id, decision_id): (i64, i64),
    body: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO decision_responses (decision_id, author_id, body, created_at) \
         SELECT d.id, $2, $3, $4 FROM conference_decisions d JOIN conferences c ON c.id = d.conference_id \
         WHERE d.id = $1 AND d.conference_id = $5 AND c.case_id = $6",
    )
    .bind(decision_id)
    .bind(access.viewer_id())
    .bind(tx.text_keys().seal(Column::DecisionResponseBody, body))
    .bind(now)
    .bind(conference_id)
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
