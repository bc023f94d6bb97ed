//! The durable scheduler: one loop per server process that, every tick, does the work
//! that has come due in the database (reminders, and pruning once an hour). What is due lives in the database, never in this
//! loop's memory, so a restart or a crash loses nothing, and several processes share the
//! work without doing any of it twice (each piece is claimed before it is done).

use crate::state::AppState;
use std::time::Duration;

/// Starts the loop; the handle stops it (when a test stops a server as a crash would).
pub fn start(state: AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            run_due(&state).await;
        }
    })
}

/// Does everything due now. A failure is logged and tried again at the next tick.
pub async fn run_due(state: &AppState) {
    if let Err(error) = crate::retention::prune_if_due(state).await {
        tracing::warn!(code = error.code.as_str(), "pruning failed; trying again later");
    }
    loop {
        match crate::reminders::service::send_due(state).await {
            Ok(0) => break,
            Ok(_) => continue,
            Err(error) => {
                tracing::warn!(
                    code = error.code.as_str(),
                    "reminders could not be sent; trying again later"
                );
                break;
            }
        }
    }
}
