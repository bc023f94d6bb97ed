//! What every request handler needs, provided once by the server.

use crate::db::{Backend, Db};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct SessionPolicy {
    /// Idle timeout for participants and family: shared phones.
    pub idle_private_secs: i64,
    /// Idle timeout for workers and coordinators.
    pub idle_staff_secs: i64,
    pub absolute_secs: i64,
    pub device_token_secs: i64,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle_private_secs: 30 * 60,
            idle_staff_secs: 2 * 60 * 60,
            absolute_secs: 12 * 60 * 60,
            device_token_secs: 90 * 24 * 60 * 60,
        }
    }
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub backend: Backend,
    pub sessions: Arc<SessionPolicy>,
    pub secure_cookies: bool,
    /// Wakes the live streams of people with something new.
    pub events: crate::messaging::live::EventBus,
    pub clock: crate::clock::Clock,
    /// Where "Leave quickly" goes: a neutral page that is not Brug.
    pub quick_exit_url: Arc<str>,
    /// The built site's file names, with their content hashes.
    pub assets: Arc<crate::assets::Assets>,
    /// Sends the discreet Web Push notifications.
    pub push: crate::push::service::Push,
}

impl AppState {
    /// Begins a transaction that may write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes later
    /// fails with "database is locked" when another write commits in between, and
    /// nearly every transaction here writes an audit row after its reads.
    pub async fn begin(&self) -> Result<crate::db::Tx<'static>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.db.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.db.begin().await,
        }
    }

    /// Begins a transaction that only reads: one consistent snapshot, no write lock.
    pub async fn begin_read(&self) -> Result<crate::db::Tx<'static>, sqlx::Error> {
        self.db.begin().await
    }

    pub fn session_cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-brug_session"
        } else {
            "brug_session"
        }
    }
}

/// Per-request facts the service layer records: who asked from where, under which id.
#[derive(Clone, Debug)]
pub struct RequestContext {
    pub request_id: String,
    pub address: String,
}
