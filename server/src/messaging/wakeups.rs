//! On PostgreSQL several server processes can share one database. Each listens for the
//! wake-ups that NOTIFY carries (user ids only, never content) and passes them on to its
//! own streams, which then read what is new from the database.

use app::messaging::live::{EventBus, NOTIFY_CHANNEL};
use sqlx::postgres::PgListener;
use std::time::Duration;

pub fn listen_across_processes(database_url: String, bus: EventBus) {
    tokio::spawn(async move {
        loop {
            if let Err(error) = listen(&database_url, &bus).await {
                tracing::warn!(%error, "listening for wake-ups from other processes failed; trying again");
            }
            // Streams still poll while this reconnects, so nothing is lost, only later.
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}

async fn listen(database_url: &str, bus: &EventBus) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect(database_url).await?;
    listener.listen(NOTIFY_CHANNEL).await?;
    loop {
        let notification = listener.recv().await?;
        let users: Vec<i64> = notification
            .payload()
            .split(',')
            .filter_map(|id| id.parse().ok())
            .collect();
        bus.wake(&users);
    }
}
