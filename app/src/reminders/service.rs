//! A person's choice of when to be reminded, the reminders an appointment is given when it
//! is planned or moved, and sending those due.

use super::schedule::due_moments;
use super::{storage, RemindWhen, ReminderChoice};
use crate::access::{self, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::Tx;
use crate::error::AppError;
// Reminders reach the people an appointment is about: the participant and family members
// with whom appointments are shared. Workers keep their own calendars.
use crate::preferences::service::check_own;
use crate::push::service::Notice;
use crate::state::{AppState, RequestContext};

/// How long a process holds a reminder it claimed: long enough to reach every device of
/// every person concerned, after which another process may take over a crashed one's.
const CLAIM_SECS: i64 = 10 * 60;
/// Reminders claimed in one transaction.
const BATCH: i64 = 20;

pub async fn choice(state: &AppState, viewer: &Viewer) -> Result<ReminderChoice, AppError> {
    check_own(viewer)?;
    let mut tx = state.read().await?;
    let when = storage::choice(&mut tx, viewer.user_id).await?;
    tx.commit().await?;
    Ok(ReminderChoice { when })
}

/// The reader's choice, in the caller's transaction (for a calendar file's alarm).
pub async fn choice_in(tx: &mut Tx<'_>, user_id: i64) -> Result<RemindWhen, AppError> {
    Ok(storage::choice(tx, user_id).await?)
}

pub async fn set_choice(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    choice: ReminderChoice,
) -> Result<ReminderChoice, AppError> {
    check_own(viewer)?;
    let mut tx = state.begin().await?;
    storage::set_choice(&mut tx, viewer.user_id, choice.when).await?;
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::SettingsChanged,
        case_id: None,
        object: Some(("reminders", viewer.user_id)),
    };
    audit::record(&mut tx, ctx, entry).await?;
    tx.commit().await?;
    Ok(choice)
}

/// Gives a planned or moved appointment its reminders, in the transaction that plans or
/// moves it; those of its old time that were not sent yet go.
pub async fn schedule_in(tx: &mut Tx<'_>, appointment_id: i64, starts_at: &str, now: i64) -> Result<(), AppError> {
    storage::drop_unsent(tx, appointment_id).await?;
    for (kind, due_at) in due_moments(starts_at, now) {
        storage::insert(tx, appointment_id, kind, due_at).await?;
    }
    Ok(())
}

/// An appointment called off is reminded of no more.
pub async fn unschedule_in(tx: &mut Tx<'_>, appointment_id: i64) -> Result<(), AppError> {
    storage::drop_unsent(tx, appointment_id).await?;
    Ok(())
}

/// Sends the reminders due now and returns how many were settled. Each is claimed in one
/// short transaction, sent with no connection held, and each person reached is recorded
/// at once: a process that stops half-way leaves the rest to the next, which reaches only
/// those not reached yet.
pub async fn send_due(state: &AppState) -> Result<usize, AppError> {
    let now = state.clock.now();
    let step = state.with_new_unit();
    let mut tx = step.begin().await?;
    let claimed = storage::claim_due(&mut tx, state.backend, (now, now + CLAIM_SECS), BATCH).await?;
    let mut to_send = Vec::with_capacity(claimed.len());
    for reminder in claimed {
        metrics::histogram!("brug_reminder_lag_seconds").record((now - reminder.due_at) as f64);
        let started = crate::local_time::shifted_instant(&reminder.starts_at, 0, None).is_none_or(|at| at <= now);
        if reminder.cancelled || started {
            // Too late to be of use (the server was down past the start): settled unsent.
            storage::mark_sent(&mut tx, reminder.id, now).await?;
            continue;
        }
        // Who sees appointments is for `access` to say; of them, those who chose this
        // moment and were not reached yet.
        let waiting = storage::waiting_for(&mut tx, reminder.id, reminder.kind, reminder.case_id).await?;
        let mut people = access::people_to_tell(&mut tx, reminder.case_id, Category::Appointments).await?;
        people.retain(|user| waiting.contains(user));
        to_send.push((reminder, people));
    }
    tx.commit().await?;
    drop(step);
    let settled = to_send.len();
    let today = crate::local_time::local_date(now);
    for (reminder, people) in to_send {
        let notice = if reminder.starts_at.starts_with(&today) {
            Notice::ReminderToday
        } else {
            Notice::ReminderTomorrow
        };
        // The push service keeps one pending message per topic: a reminder sent again
        // after a crash replaces the first if the phone has not fetched it yet.
        let topic = format!("reminder-{}", reminder.id);
        for user in people {
            crate::push::service::send_notice(state, user, notice, Some(&topic)).await?;
            let step = state.with_new_unit();
            let mut tx = step.begin().await?;
            storage::record_delivery(&mut tx, reminder.id, user, state.clock.now()).await?;
            tx.commit().await?;
        }
        let step = state.with_new_unit();
        let mut tx = step.begin().await?;
        storage::mark_sent(&mut tx, reminder.id, state.clock.now()).await?;
        tx.commit().await?;
    }
    Ok(settled)
}
