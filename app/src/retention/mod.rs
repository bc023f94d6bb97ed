//! Keeping only what is needed: sessions, one-time codes, live-stream events, push
//! subscriptions, sent reminders and hourly look counts that no longer serve anyone are
//! removed on a schedule, by the same durable scheduler that sends reminders. With several
//! server processes, each run happens once: a process runs it only after moving its next
//! time on.

mod storage;

use crate::db::now;
use crate::error::AppError;
use crate::state::AppState;

const DAY: i64 = 86_400;
/// How often pruning runs.
pub const EVERY_SECS: i64 = 3600;
/// Ended or expired sessions (and their devices' push subscriptions) are kept this long,
/// so that "my devices" and a look into a recent sign-in still find them.
pub const SESSIONS_KEPT_SECS: i64 = 30 * DAY;
/// Used or expired invitation and reset codes.
pub const CODES_KEPT_SECS: i64 = 30 * DAY;
/// Live-stream events: a phone that was away longer reads its conversations afresh.
pub const EVENTS_KEPT_SECS: i64 = 7 * DAY;
/// Reminders sent, with who was reached.
pub const REMINDERS_KEPT_SECS: i64 = 30 * DAY;
/// Looks counted per hour for the access log's last seven days (the audit log keeps
/// every look itself): a day more than the summary reads.
pub const LOOK_COUNTS_KEPT_SECS: i64 = 8 * DAY;

/// What one run removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    pub sessions: u64,
    pub subscriptions: u64,
    pub codes: u64,
    pub events: u64,
    pub reminders: u64,
    /// Hourly counts of looks at a case.
    pub look_counts: u64,
    /// People whose account data, and whose writings, were erased on schedule.
    pub erased_accounts: u64,
    pub erased_writings: u64,
}

/// Prunes when the schedule says it is time, and moves the schedule on first; `None` when
/// it was not time (or another process took this run).
pub async fn prune_if_due(state: &AppState) -> Result<Option<Pruned>, AppError> {
    let at = now();
    let step = state.with_new_unit();
    let mut tx = step.begin().await?;
    let ours = storage::claim_run(&mut tx, "prune", at, at + EVERY_SECS).await?;
    tx.commit().await?;
    drop(step);
    if !ours {
        return Ok(None);
    }
    let pruned = prune(state, at).await?;
    tracing::info!(
        sessions = pruned.sessions,
        subscriptions = pruned.subscriptions,
        codes = pruned.codes,
        events = pruned.events,
        reminders = pruned.reminders,
        look_counts = pruned.look_counts,
        erased_accounts = pruned.erased_accounts,
        erased_writings = pruned.erased_writings,
        "pruned what is no longer needed"
    );
    Ok(Some(pruned))
}

/// Removes what is no longer needed at `at`, each kind in short transactions of its own so
/// that no request waits long behind it.
pub async fn prune(state: &AppState, at: i64) -> Result<Pruned, AppError> {
    let mut pruned = Pruned::default();
    let step = state.with_new_unit();
    let mut tx = step.begin().await?;
    (pruned.sessions, pruned.subscriptions) = storage::sessions(&mut tx, at - SESSIONS_KEPT_SECS).await?;
    pruned.codes = storage::codes(&mut tx, at - CODES_KEPT_SECS).await?;
    pruned.reminders = storage::reminders(&mut tx, at - REMINDERS_KEPT_SECS).await?;
    pruned.look_counts = storage::look_counts(&mut tx, at - LOOK_COUNTS_KEPT_SECS).await?;
    tx.commit().await?;
    loop {
        let mut tx = step.begin().await?;
        let removed = storage::events_batch(&mut tx, at - EVENTS_KEPT_SECS).await?;
        tx.commit().await?;
        pruned.events += removed;
        if removed < storage::BATCH as u64 {
            break;
        }
    }
    drop(step);
    let erased = crate::erasure::service::erase_due(state, at).await?;
    (pruned.erased_accounts, pruned.erased_writings) = (erased.accounts, erased.writings);
    Ok(pruned)
}
