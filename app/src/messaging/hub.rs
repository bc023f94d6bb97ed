//! One loop per process for every open event stream.
//!
//! A stream used to poll on its own: every 0.8 s it checked its session and access, and
//! every few seconds it read the database for new events, so a thousand idle streams cost
//! a third of a core. Now the streams register here and wait. The loop
//! - passes each wake-up (a user id, from this process or from another through NOTIFY)
//!   on to that person's streams, in memory;
//! - every 0.8 s checks the sessions and the access of everyone listening in one read
//!   transaction, and closes the streams of those whose session ended or who lost a
//!   circle or a share;
//! - every `poll_every` reads which people have events newer than the last it saw, in
//!   the same transaction: the safety net for a wake-up that got lost.
//!
//! A stream reads its own events only when it was told there is something for it, so an
//! idle stream costs no database work of its own.

use super::live;
use crate::accounts::service::Viewer;
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::Notify;
use tokio::time::Instant;

/// How often the loop checks that everyone listening may still listen: taking access away
/// ends a stream within a second.
pub const CHECK_EVERY: Duration = Duration::from_millis(800);

/// Open streams one person may have at once (phones, tabs), so nobody can tie up the
/// server with streams.
pub const STREAMS_PER_PERSON: usize = 10;

/// What a stream waits on: told when there is something new for it, or when it must end.
#[derive(Debug, Default)]
struct Signal {
    notify: Notify,
    new_events: AtomicBool,
    closed: AtomicBool,
}

#[derive(Debug)]
struct Registration {
    viewer: Viewer,
    /// What the person could reach when the stream opened; losing any of it ends it.
    fingerprint: Vec<String>,
    signal: Arc<Signal>,
}

#[derive(Debug, Default)]
struct Registry {
    next_id: u64,
    streams: HashMap<u64, Registration>,
}

/// The process's streams; cloning shares them.
#[derive(Clone, Debug, Default)]
pub struct StreamHub {
    registry: Arc<Mutex<Registry>>,
}

/// A registered stream. Dropping it (the client went away) takes it off the hub.
#[derive(Debug)]
pub struct StreamTicket {
    id: u64,
    signal: Arc<Signal>,
    hub: StreamHub,
}

impl StreamHub {
    fn registry(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers a stream for the viewer. It starts as told of new events, so it reads
    /// what came after where it resumes.
    pub fn register(&self, viewer: Viewer, fingerprint: Vec<String>) -> Result<StreamTicket, AppError> {
        let mut registry = self.registry();
        let open = registry
            .streams
            .values()
            .filter(|r| r.viewer.user_id == viewer.user_id)
            .count();
        if open >= STREAMS_PER_PERSON {
            return Err(AppError::new(ErrorCode::TooManyStreams));
        }
        let signal = Arc::new(Signal::default());
        signal.new_events.store(true, Ordering::Relaxed);
        registry.next_id += 1;
        let id = registry.next_id;
        registry.streams.insert(
            id,
            Registration {
                viewer,
                fingerprint,
                signal: signal.clone(),
            },
        );
        Ok(StreamTicket {
            id,
            signal,
            hub: self.clone(),
        })
    }

    /// How many streams are open: for tests and the benchmark.
    pub fn open_streams(&self) -> usize {
        self.registry().streams.len()
    }

    fn tell_new_events(&self, users: &HashSet<i64>) {
        for registration in self.registry().streams.values() {
            if users.contains(&registration.viewer.user_id) {
                registration.signal.new_events.store(true, Ordering::Relaxed);
                registration.signal.notify.notify_one();
            }
        }
    }

    fn tell_everyone(&self) {
        for registration in self.registry().streams.values() {
            registration.signal.new_events.store(true, Ordering::Relaxed);
            registration.signal.notify.notify_one();
        }
    }

    fn close(&self, ids: &[u64]) {
        let registry = self.registry();
        for id in ids {
            if let Some(registration) = registry.streams.get(id) {
                registration.signal.closed.store(true, Ordering::Relaxed);
                registration.signal.notify.notify_one();
            }
        }
    }

    fn close_all(&self) {
        let ids: Vec<u64> = self.registry().streams.keys().copied().collect();
        self.close(&ids);
    }

    /// Runs the loop for as long as the server runs. `state` is detached: every check
    /// takes a unit of work of its own.
    pub fn start(&self, state: AppState) {
        let hub = self.clone();
        tokio::spawn(async move { hub.run(state).await });
    }

    async fn run(self, state: AppState) {
        let mut wake = state.events.subscribe();
        let mut tick = tokio::time::interval(CHECK_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut seen_up_to: Option<i64> = None;
        let mut polled = Instant::now();
        loop {
            tokio::select! {
                woken = wake.recv() => match woken {
                    Ok(user) => self.tell_new_events(&HashSet::from([user])),
                    // Too many wake-ups at once: the database says what is new.
                    Err(RecvError::Lagged(_)) => self.tell_everyone(),
                    Err(RecvError::Closed) => return,
                },
                _ = tick.tick() => {
                    if state.events.is_closing() {
                        self.close_all();
                        continue;
                    }
                    let poll = polled.elapsed() >= state.events.poll_every();
                    match self.check(&state, poll, seen_up_to).await {
                        Ok(latest) => {
                            seen_up_to = latest.or(seen_up_to);
                            if poll {
                                polled = Instant::now();
                            }
                        }
                        Err(error) => tracing::warn!(code = error.code.as_str(), "the stream check could not read"),
                    }
                }
            }
        }
    }

    /// One read for every open stream: who may no longer listen, and (when `poll`) who has
    /// events the wake-ups may have missed. Returns the newest event id seen.
    async fn check(&self, state: &AppState, poll: bool, seen_up_to: Option<i64>) -> Result<Option<i64>, AppError> {
        let listening: Vec<(u64, Viewer, Vec<String>)> = self
            .registry()
            .streams
            .iter()
            .map(|(id, r)| (*id, r.viewer.clone(), r.fingerprint.clone()))
            .collect();
        // Nobody listening costs nothing, once the loop knows where the events stand (it
        // learns that at its first tick, before anyone can be listening).
        if listening.is_empty() && seen_up_to.is_some() {
            return Ok(seen_up_to);
        }
        let unit = state.with_new_unit();
        let mut tx = unit.read().await?;
        let sessions: Vec<i64> = listening.iter().map(|(_, viewer, _)| viewer.session_id).collect();
        let users: Vec<i64> = listening.iter().map(|(_, viewer, _)| viewer.user_id).collect();
        let live_sessions = live::live_sessions(&mut tx, &sessions, &state.sessions).await?;
        let fingerprints = live::access_fingerprints(&mut tx, &users).await?;
        let (latest, with_news) = if poll || seen_up_to.is_none() {
            live::users_with_events_after(&mut tx, seen_up_to).await?
        } else {
            (seen_up_to, HashSet::new())
        };
        tx.commit().await?;
        let ended: Vec<u64> = listening
            .iter()
            .filter(|(_, viewer, fingerprint)| {
                let now = fingerprints.get(&viewer.user_id);
                !live_sessions.contains(&viewer.session_id)
                    || !fingerprint.iter().all(|grant| now.is_some_and(|n| n.contains(grant)))
            })
            .map(|(id, _, _)| *id)
            .collect();
        self.close(&ended);
        if !with_news.is_empty() {
            self.tell_new_events(&with_news);
        }
        Ok(latest)
    }
}

impl StreamTicket {
    /// Waits until the stream is told something. Returns whether it may go on.
    pub async fn wait(&self) -> bool {
        loop {
            if self.signal.closed.load(Ordering::Relaxed) {
                return false;
            }
            if self.signal.new_events.load(Ordering::Relaxed) {
                return true;
            }
            self.signal.notify.notified().await;
        }
    }

    /// Asks for another read without waiting (a full batch may have more behind it).
    pub fn mark_new_events(&self) {
        self.signal.new_events.store(true, Ordering::Relaxed);
    }

    /// Whether there is something new to read; clears the flag.
    pub fn take_new_events(&self) -> bool {
        self.signal.new_events.swap(false, Ordering::Relaxed)
    }

    pub fn is_closed(&self) -> bool {
        self.signal.closed.load(Ordering::Relaxed)
    }
}

impl Drop for StreamTicket {
    fn drop(&mut self) {
        self.hub.registry().streams.remove(&self.id);
    }
}
