//! What every request handler needs, provided once by the server.

use crate::db::{Backend, Scope, Tx};
use std::future::Future;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct SessionPolicy {
    /// Idle timeout of a browser session for participants and family: shared phones.
    pub idle_private_secs: i64,
    /// Idle timeout of a browser session for workers and coordinators.
    pub idle_staff_secs: i64,
    pub absolute_secs: i64,
    pub device_token_secs: i64,
    /// Idle timeout of a phone app's token for participants and family.
    pub device_idle_private_secs: i64,
    /// Idle timeout of a phone app's token for staff, whose phones open case files.
    pub device_idle_staff_secs: i64,
}

impl SessionPolicy {
    /// How long a session (`web` for a browser, `device` for a phone app's token) of this
    /// role may sit unused: shorter for participants and family, who may share a phone,
    /// than for staff on a browser; a day for staff on a phone. `None` (an unknown role)
    /// is the private one.
    pub fn idle_secs(&self, kind: &str, role: Option<crate::accounts::AccountRole>) -> i64 {
        let private = role.is_none_or(|r| r.uses_private_timeout());
        match (kind == "device", private) {
            (false, true) => self.idle_private_secs,
            (false, false) => self.idle_staff_secs,
            (true, true) => self.device_idle_private_secs,
            (true, false) => self.device_idle_staff_secs,
        }
    }

    /// Whether a session still lets its holder in at `now`: not ended, not expired and not
    /// idle. Sign-in, live streams and push notices all ask this.
    pub fn holds(&self, session: &SessionFacts, now: i64) -> bool {
        session.ended_at.is_none()
            && now < session.expires_at
            && now - session.last_seen_at < self.idle_secs(&session.kind, session.role)
    }
}

/// What decides whether a session still holds.
#[derive(Clone, Debug)]
pub struct SessionFacts {
    pub kind: String,
    pub role: Option<crate::accounts::AccountRole>,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub ended_at: Option<i64>,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle_private_secs: 30 * 60,
            idle_staff_secs: 2 * 60 * 60,
            absolute_secs: 12 * 60 * 60,
            device_token_secs: 90 * 24 * 60 * 60,
            device_idle_private_secs: 14 * 24 * 60 * 60,
            device_idle_staff_secs: 24 * 60 * 60,
        }
    }
}

#[derive(Clone, Debug)]
pub struct AppState {
    /// This request's (or background step's) unit of work: the only way to the database.
    pub db: Scope,
    pub backend: Backend,
    pub sessions: Arc<SessionPolicy>,
    pub secure_cookies: bool,
    /// Wakes the live streams of people with something new.
    pub events: crate::messaging::live::EventBus,
    /// The process's open event streams and the one loop that serves them.
    pub streams: crate::messaging::hub::StreamHub,
    pub clock: crate::clock::Clock,
    /// Where "Leave quickly" goes: a neutral page that is not Brug.
    pub quick_exit_url: Arc<str>,
    /// The origin people reach Brug at, when configured (`BRUG_PUBLIC_URL`): passkeys are
    /// bound to its domain. `None`: the host each request names.
    pub public_origin: Option<Arc<str>>,
    /// The built site's file names, with their content hashes.
    pub assets: Arc<crate::assets::Assets>,
    /// Sends the discreet Web Push notifications.
    pub push: crate::push::service::Push,
    /// Seals the secrets kept in the database (`BRUG_SECRET_KEY`).
    pub sealing: crate::sealing::SealingKey,
    /// Staff must set up and give a second factor before anything else (production).
    pub staff_second_factor_required: bool,
    /// How long each kind of a person's data is kept once their erasure is confirmed.
    pub erasure_retention: crate::erasure::RetentionPolicy,
}

impl AppState {
    /// The same state with a new unit of work, for a request or for one step of a
    /// background task. Its database connection is taken when first needed, once, and
    /// given back when the last clone of this state is dropped.
    pub fn with_new_unit(&self) -> AppState {
        AppState {
            db: self.db.fresh(),
            ..self.clone()
        }
    }

    /// The same state without a unit of work, for what outlives a request (an event
    /// stream, a background task): each of its steps calls [`AppState::with_new_unit`].
    pub fn detached(&self) -> AppState {
        AppState {
            db: Scope::root(self.db.database().clone()),
            ..self.clone()
        }
    }

    /// Begins a transaction that may write (see [`Scope::write`]).
    #[track_caller]
    pub fn begin(&self) -> impl Future<Output = Result<Tx<'static>, sqlx::Error>> + Send + '_ {
        self.db.write()
    }

    /// Begins a transaction that only reads (see [`Scope::read`]).
    #[track_caller]
    pub fn read(&self) -> impl Future<Output = Result<Tx<'static>, sqlx::Error>> + Send + '_ {
        self.db.read()
    }

    /// Runs one reading statement outside a transaction (see [`Scope::lookup`]).
    #[track_caller]
    pub fn lookup(&self) -> impl Future<Output = Result<Tx<'static>, sqlx::Error>> + Send + '_ {
        self.db.lookup()
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
