//! What a copy of one person's data reads. Everything about a case takes the proof that
//! the person may read it; the long lists (messages, the access log) are read a page at
//! a time along their index.

use super::types::*;
use crate::access::{CaseAccess, ConversationAccess};
use crate::appointments::AppointmentMode;
use crate::db::Tx;
use crate::messaging::ConversationKind;
use crate::plans::{PlanKind, VersionState};
use crate::reunification::{AgeBand, StepKind};
use crate::sealing::text::{Column, TextKeys};
use crate::trajectory::{MilestoneStatus, Phase};
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashMap;

/// A column that holds one of an enum's names; anything else is a broken row.
fn parsed<T>(row: &AnyRow, column: &str, parse: fn(&str) -> Option<T>) -> Result<T, sqlx::Error> {
    let text: String = row.try_get(column)?;
    parse(&text).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: column.to_string(),
        source: format!("unknown value {text:?}").into(),
    })
}

pub(super) async fn profile(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<ExportProfile>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT u.id, u.username, u.display_name, u.account_role, o.name AS organisation, u.language, \
         u.created_at, u.remind_appointments, u.sends_read_receipts, u.quick_exit_signs_out, u.password_reset_at, \
         (SELECT COUNT(*) FROM second_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) AS factors \
         FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1",
    )
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(ExportProfile {
            user_id: r.try_get("id")?,
            username: r.try_get("username")?,
            display_name: r.try_get("display_name")?,
            account_role: r.try_get("account_role")?,
            organisation: r.try_get("organisation")?,
            language: r.try_get("language")?,
            created_at: r.try_get("created_at")?,
            remind_appointments: r.try_get("remind_appointments")?,
            sends_read_receipts: r.try_get::<i64, _>("sends_read_receipts")? != 0,
            quick_exit_signs_out: r.try_get::<Option<i64>, _>("quick_exit_signs_out")?.map(|v| v != 0),
            second_factor: r.try_get::<i64, _>("factors")? > 0,
            password_reset_at: r.try_get("password_reset_at")?,
        })
    })
    .transpose()
}

pub(super) async fn devices(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<ExportDevice>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT s.session_kind, s.device_name, s.created_at, s.last_seen_at, s.ended_at, \
         (SELECT COUNT(*) FROM push_subscriptions p WHERE p.session_id = s.id) AS subscriptions \
         FROM sessions s WHERE s.user_id = $1 ORDER BY s.id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ExportDevice {
                kind: r.try_get("session_kind")?,
                name: r.try_get("device_name")?,
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                ended_at: r.try_get("ended_at")?,
                notification_subscriptions: r.try_get("subscriptions")?,
            })
        })
        .collect()
}

/// Every membership the person has or had: (case, kind, role, relationship, joined,
/// left, the case's name for its participant).
pub(super) struct MembershipRow {
    pub case_id: i64,
    pub member_kind: String,
    pub case_role: Option<String>,
    pub relationship: Option<String>,
    pub joined_at: i64,
    pub left_at: Option<i64>,
    pub participant_name: String,
}

pub(super) async fn memberships(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<MembershipRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.case_id, m.member_kind, m.case_role, m.relationship, m.created_at, m.ended_at, c.label \
         FROM memberships m JOIN cases c ON c.id = m.case_id WHERE m.user_id = $1 ORDER BY m.case_id, m.id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(MembershipRow {
                case_id: r.try_get("case_id")?,
                member_kind: r.try_get("member_kind")?,
                case_role: r.try_get("case_role")?,
                relationship: r.try_get("relationship")?,
                joined_at: r.try_get("created_at")?,
                left_at: r.try_get("ended_at")?,
                participant_name: r.try_get("label")?,
            })
        })
        .collect()
}

/// What the participant shares with whom; for a family member only what is shared with
/// them (the proof's viewer).
pub(super) async fn shares(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    only_viewer: bool,
) -> Result<Vec<ExportShare>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.display_name, c.category, c.granted_at FROM consents c JOIN users u ON u.id = c.family_user_id \
         WHERE c.case_id = $1 AND ($2 = 0 OR c.family_user_id = $3) ORDER BY c.family_user_id, c.category",
    )
    .bind(case.case_id())
    .bind(i64::from(only_viewer))
    .bind(case.viewer_id())
    .fetch_all(&mut **tx)
    .await?;
    let mut shares = Vec::with_capacity(rows.len());
    for r in &rows {
        let category: String = r.try_get("category")?;
        if let Some(category) = crate::sharing::Category::parse(&category) {
            shares.push(ExportShare {
                family_member: r.try_get("display_name")?,
                category,
                since: r.try_get("granted_at")?,
            });
        }
    }
    Ok(shares)
}

fn written(r: &AnyRow, keys: &TextKeys, column: Column) -> Result<ExportWritten, sqlx::Error> {
    Ok(ExportWritten {
        author: r.try_get("author")?,
        kind: r.try_get("kind")?,
        body: keys.read(r, "body", column)?,
        at: r.try_get("at")?,
    })
}

/// Things written about the case, grouped by the key of what they answer (in the query's
/// order within each group): the query's first column is that key, then `author`, `kind`,
/// `body`, `at`.
async fn written_by_key(
    tx: &mut Tx<'_>,
    (sql, column): (&str, Column),
    case: &CaseAccess,
) -> Result<HashMap<i64, Vec<ExportWritten>>, sqlx::Error> {
    let rows = sqlx::query(sql).bind(case.case_id()).fetch_all(&mut **tx).await?;
    let keys = tx.text_keys();
    let mut grouped: HashMap<i64, Vec<ExportWritten>> = HashMap::new();
    for row in &rows {
        grouped
            .entry(row.try_get::<i64, _>(0)?)
            .or_default()
            .push(written(row, &keys, column)?);
    }
    Ok(grouped)
}

fn take_for(written: &mut HashMap<i64, Vec<ExportWritten>>, key: i64) -> Vec<ExportWritten> {
    written.remove(&key).unwrap_or_default()
}

pub(super) async fn milestones(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<ExportMilestone>, sqlx::Error> {
    let mut responses = written_by_key(
        tx,
        (
            "SELECT r.milestone_id, u.display_name AS author, r.kind, r.body, r.created_at AS at \
             FROM milestone_responses r JOIN milestones ms ON ms.id = r.milestone_id JOIN users u ON u.id = r.author_id \
             WHERE ms.case_id = $1 ORDER BY r.id",
            Column::MilestoneResponseBody,
        ),
        case,
    )
    .await?;
    let rows = sqlx::query(
        "SELECT id, phase, title, explanation, why_it_matters, decided_by, what_is_needed, expected_date, status, \
         updated_at FROM milestones WHERE case_id = $1 ORDER BY id",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            Ok(ExportMilestone {
                id,
                phase: parsed(r, "phase", Phase::parse)?,
                title: r.try_get("title")?,
                explanation: r.try_get("explanation")?,
                why_it_matters: r.try_get("why_it_matters")?,
                decided_by: r.try_get("decided_by")?,
                what_is_needed: r.try_get("what_is_needed")?,
                expected_date: r.try_get("expected_date")?,
                status: parsed(r, "status", MilestoneStatus::parse)?,
                updated_at: r.try_get("updated_at")?,
                responses: take_for(&mut responses, id),
            })
        })
        .collect()
}

pub(super) async fn children(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<ExportChild>, sqlx::Error> {
    let steps = sqlx::query(
        "SELECT s.child_id, s.kind, s.custom_title, s.status, s.conditions, s.next_date, s.updated_at \
         FROM reunification_steps s JOIN children ch ON ch.id = s.child_id WHERE ch.case_id = $1 \
         ORDER BY s.child_id, s.position",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await?;
    let rows = sqlx::query("SELECT id, alias, age_band FROM children WHERE case_id = $1 ORDER BY id")
        .bind(case.case_id())
        .fetch_all(&mut **tx)
        .await?;
    let keys = tx.text_keys();
    let mut children = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let mut child = ExportChild {
            alias: r.try_get("alias")?,
            age_band: parsed(r, "age_band", AgeBand::parse)?,
            steps: Vec::new(),
        };
        for s in steps
            .iter()
            .filter(|s| s.try_get::<i64, _>("child_id").ok() == Some(id))
        {
            child.steps.push(ExportStep {
                kind: parsed(s, "kind", StepKind::parse)?,
                custom_title: s.try_get("custom_title")?,
                status: parsed(s, "status", MilestoneStatus::parse)?,
                conditions: keys.read(s, "conditions", Column::ReunificationConditions)?,
                next_date: s.try_get("next_date")?,
                updated_at: s.try_get("updated_at")?,
            });
        }
        children.push(child);
    }
    Ok(children)
}

pub(super) async fn appointments(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<ExportAppointment>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, starts_at, duration_minutes, mode, place, with_whom, purpose, what_to_bring, cancelled_at \
         FROM appointments WHERE case_id = $1 ORDER BY starts_at, id",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ExportAppointment {
                id: r.try_get("id")?,
                starts_at: r.try_get("starts_at")?,
                duration_minutes: r.try_get("duration_minutes")?,
                mode: parsed(r, "mode", AppointmentMode::parse)?,
                place: r.try_get("place")?,
                with_whom: r.try_get("with_whom")?,
                purpose: r.try_get("purpose")?,
                what_to_bring: r.try_get("what_to_bring")?,
                cancelled_at: r.try_get("cancelled_at")?,
            })
        })
        .collect()
}

/// The latest version of every plan of the case, by `v` (plan_versions).
const LATEST_VERSION: &str = "v.number = (SELECT MAX(l.number) FROM plan_versions l WHERE l.plan_id = v.plan_id)";

pub(super) async fn plans(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<ExportPlan>, sqlx::Error> {
    let answers_sql = format!(
        "SELECT i.id, u.display_name AS author, r.stance AS kind, r.reason AS body, r.responded_at AS at \
         FROM plan_item_responses r JOIN plan_items i ON i.version_id = r.version_id AND i.item_key = r.item_key \
         JOIN plan_versions v ON v.id = i.version_id JOIN plans p ON p.id = v.plan_id JOIN users u ON u.id = r.user_id \
         WHERE p.case_id = $1 AND {LATEST_VERSION} ORDER BY r.responded_at"
    );
    let mut answers = written_by_key(tx, (&answers_sql, Column::PlanResponseReason), case).await?;
    let mut comments = written_by_key(
        tx,
        (
            "SELECT c.plan_id, u.display_name AS author, NULL AS kind, c.body, c.created_at AS at \
             FROM plan_comments c JOIN plans p ON p.id = c.plan_id JOIN users u ON u.id = c.author_id \
             WHERE p.case_id = $1 ORDER BY c.id",
            Column::PlanCommentBody,
        ),
        case,
    )
    .await?;
    let items_sql = format!(
        "SELECT v.plan_id, i.id, i.what, u.display_name AS owner, i.due_on, i.why FROM plan_items i \
         JOIN plan_versions v ON v.id = i.version_id JOIN plans p ON p.id = v.plan_id \
         LEFT JOIN users u ON u.id = i.owner_user_id WHERE p.case_id = $1 AND {LATEST_VERSION} ORDER BY i.position"
    );
    let items = sqlx::query(&items_sql)
        .bind(case.case_id())
        .fetch_all(&mut **tx)
        .await?;
    let parties_sql = format!(
        "SELECT v.plan_id, u.display_name, pp.signed_at FROM plan_parties pp JOIN plan_versions v ON v.id = pp.version_id \
         JOIN plans p ON p.id = v.plan_id JOIN users u ON u.id = pp.user_id WHERE p.case_id = $1 AND {LATEST_VERSION} \
         ORDER BY pp.user_id"
    );
    let parties = sqlx::query(&parties_sql)
        .bind(case.case_id())
        .fetch_all(&mut **tx)
        .await?;
    let plans_sql = format!(
        "SELECT p.id, p.kind, p.title, v.number, v.state, v.agreed_at FROM plans p \
         JOIN plan_versions v ON v.plan_id = p.id WHERE p.case_id = $1 AND {LATEST_VERSION} ORDER BY p.id"
    );
    let rows = sqlx::query(&plans_sql)
        .bind(case.case_id())
        .fetch_all(&mut **tx)
        .await?;
    let keys = tx.text_keys();
    let mut plans = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let mut plan = ExportPlan {
            id,
            kind: parsed(r, "kind", PlanKind::parse)?,
            title: r.try_get("title")?,
            version: r.try_get("number")?,
            state: parsed(r, "state", VersionState::parse)?,
            agreed_at: r.try_get("agreed_at")?,
            items: Vec::new(),
            signatures: Vec::new(),
            comments: take_for(&mut comments, id),
        };
        for i in items.iter().filter(|i| i.try_get::<i64, _>("plan_id").ok() == Some(id)) {
            plan.items.push(ExportPlanItem {
                what: keys.read(i, "what", Column::PlanItemWhat)?,
                owner: i.try_get("owner")?,
                due_on: i.try_get("due_on")?,
                why: keys.read(i, "why", Column::PlanItemWhy)?,
                answers: take_for(&mut answers, i.try_get("id")?),
            });
        }
        for p in parties
            .iter()
            .filter(|p| p.try_get::<i64, _>("plan_id").ok() == Some(id))
        {
            plan.signatures.push(ExportSignature {
                party: p.try_get("display_name")?,
                signed_at: p.try_get("signed_at")?,
            });
        }
        plans.push(plan);
    }
    Ok(plans)
}

pub(super) async fn conferences(tx: &mut Tx<'_>, case: &CaseAccess) -> Result<Vec<ExportConference>, sqlx::Error> {
    let mut input = written_by_key(
        tx,
        (
            "SELECT i.conference_id, u.display_name AS author, NULL AS kind, i.body, i.updated_at AS at \
             FROM conference_inputs i JOIN conferences c ON c.id = i.conference_id JOIN users u ON u.id = i.author_id \
             WHERE c.case_id = $1 ORDER BY i.updated_at",
            Column::ConferenceInputBody,
        ),
        case,
    )
    .await?;
    let mut responses = written_by_key(
        tx,
        (
            "SELECT r.decision_id, u.display_name AS author, NULL AS kind, r.body, r.created_at AS at \
             FROM decision_responses r JOIN conference_decisions d ON d.id = r.decision_id \
             JOIN conferences c ON c.id = d.conference_id JOIN users u ON u.id = r.author_id \
             WHERE c.case_id = $1 ORDER BY r.id",
            Column::DecisionResponseBody,
        ),
        case,
    )
    .await?;
    let decisions = sqlx::query(
        "SELECT d.id, d.conference_id, d.decision, d.meaning_for_you, d.recorded_at FROM conference_decisions d \
         JOIN conferences c ON c.id = d.conference_id WHERE c.case_id = $1 ORDER BY d.id",
    )
    .bind(case.case_id())
    .fetch_all(&mut **tx)
    .await?;
    let rows = sqlx::query("SELECT id, held_on FROM conferences WHERE case_id = $1 ORDER BY held_on, id")
        .bind(case.case_id())
        .fetch_all(&mut **tx)
        .await?;
    let keys = tx.text_keys();
    let mut conferences = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let mut conference = ExportConference {
            id,
            held_on: r.try_get("held_on")?,
            input: take_for(&mut input, id),
            decisions: Vec::new(),
        };
        for d in decisions
            .iter()
            .filter(|d| d.try_get::<i64, _>("conference_id").ok() == Some(id))
        {
            conference.decisions.push(ExportDecision {
                decision: keys.read(d, "decision", Column::ConferenceDecision)?,
                meaning_for_you: keys.read(d, "meaning_for_you", Column::ConferenceDecisionMeaning)?,
                recorded_at: d.try_get("recorded_at")?,
                responses: take_for(&mut responses, d.try_get("id")?),
            });
        }
        conferences.push(conference);
    }
    Ok(conferences)
}

/// The conversations the person is a member of, in cases whose circle they are in now.
pub(super) async fn conversation_ids(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT cm.conversation_id FROM conversation_members cm JOIN conversations c ON c.id = cm.conversation_id \
         WHERE cm.user_id = $1 AND cm.standing_in_for IS NULL AND EXISTS (SELECT 1 FROM memberships m \
         WHERE m.case_id = c.case_id AND m.user_id = $1 AND m.ended_at IS NULL) ORDER BY cm.conversation_id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await
}

/// (kind, member names)
pub(super) async fn conversation_head(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
) -> Result<(ConversationKind, Vec<String>), sqlx::Error> {
    let row = sqlx::query("SELECT kind FROM conversations WHERE id = $1")
        .bind(conversation.conversation_id())
        .fetch_one(&mut **tx)
        .await?;
    let kind = parsed(&row, "kind", ConversationKind::parse)?;
    let members = sqlx::query_scalar(
        "SELECT u.display_name FROM conversation_members cm JOIN users u ON u.id = cm.user_id \
         WHERE cm.conversation_id = $1 ORDER BY u.id",
    )
    .bind(conversation.conversation_id())
    .fetch_all(&mut **tx)
    .await?;
    Ok((kind, members))
}

/// A page of the conversation after message `after`, oldest first; with `only_from`, only
/// that person's own messages.
pub(super) async fn messages_after(
    tx: &mut Tx<'_>,
    conversation: &ConversationAccess,
    after: i64,
    only_from: Option<i64>,
    limit: i64,
) -> Result<Vec<crate::messaging::Message>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT m.id, m.sender_id, u.display_name, m.body, m.client_id, m.sent_at, m.content_lang \
         FROM messages m JOIN users u ON u.id = m.sender_id WHERE m.conversation_id = $1 AND m.id > $2 \
         AND ($3 = 0 OR m.sender_id = $3) ORDER BY m.id LIMIT $4",
    )
    .bind(conversation.conversation_id())
    .bind(after)
    .bind(only_from.unwrap_or(0))
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    rows.iter()
        .map(|r| {
            let lang: String = r.try_get("content_lang")?;
            Ok(crate::messaging::Message {
                id: r.try_get("id")?,
                conversation_id: conversation.conversation_id(),
                sender_id: r.try_get("sender_id")?,
                sender_name: r.try_get("display_name")?,
                body: keys.read(r, "body", Column::MessageBody)?,
                client_id: r.try_get("client_id")?,
                sent_at: r.try_get("sent_at")?,
                lang: crate::i18n::Lang::parse(&lang).unwrap_or_default(),
                read_by: Vec::new(),
            })
        })
        .collect()
}
