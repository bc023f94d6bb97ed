//! One writer per process for what reads leave behind (their audit entries, and the
//! once-a-minute touch that keeps a session's idle clock honest).
//!
//! Readers do not take the write lock and do not pay a disk flush each: the writer waits
//! for the first batch, takes every other batch already waiting, writes them all in one
//! transaction, and then answers each waiter. No timer: an idle system waits one flush,
//! a busy one shares each flush among everyone who arrived meanwhile. If the write fails,
//! every waiter of that transaction hears so, and their requests fail rather than answer
//! unrecorded.

use super::Backend;
use sqlx::{AnyConnection, AnyPool};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, Mutex};

/// Most batches written in one transaction, so one slow flush cannot grow without bound.
const MOST_BATCHES: usize = 512;

/// A write handed to the group-commit writer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingWrite {
    Audit {
        at: i64,
        actor: Option<i64>,
        action: &'static str,
        case_id: Option<i64>,
        /// One kind, or for one look at a case the categories it showed, comma-separated.
        object_type: Option<String>,
        object_id: Option<i64>,
        request_id: String,
    },
    TouchSession {
        session_id: i64,
        at: i64,
    },
}

impl PendingWrite {
    /// Two reads of one case by one person in one transaction are one look.
    pub(crate) fn is_same_look(&self, other: &PendingWrite) -> bool {
        match (self, other) {
            (
                PendingWrite::Audit {
                    actor,
                    action,
                    case_id: Some(case_id),
                    object_id,
                    ..
                },
                PendingWrite::Audit {
                    actor: other_actor,
                    action: other_action,
                    case_id: Some(other_case_id),
                    object_id: other_object_id,
                    ..
                },
            ) => {
                *action == "case_read"
                    && action == other_action
                    && actor == other_actor
                    && case_id == other_case_id
                    && object_id == other_object_id
            }
            _ => false,
        }
    }

    /// Adds the other look's categories to this one's, each once.
    pub(crate) fn merge_objects(&mut self, other: &PendingWrite) {
        let (
            PendingWrite::Audit {
                object_type: Some(mine),
                ..
            },
            PendingWrite::Audit {
                object_type: Some(theirs),
                ..
            },
        ) = (self, other)
        else {
            return;
        };
        for kind in theirs.split(',') {
            if !mine.split(',').any(|k| k == kind) {
                mine.push(',');
                mine.push_str(kind);
            }
        }
    }
}

struct Batch {
    writes: Vec<PendingWrite>,
    done: Option<oneshot::Sender<Result<(), String>>>,
}

/// The handle requests use; the writer task lives as long as one handle does.
#[derive(Clone, Debug)]
pub struct GroupCommit {
    sender: mpsc::UnboundedSender<Batch>,
}

impl GroupCommit {
    /// Starts the writer on a pool of its own.
    pub fn start(pool: AnyPool, backend: Backend, write_queue: Option<Arc<Mutex<()>>>) -> GroupCommit {
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(run(pool, backend, write_queue, receiver));
        GroupCommit { sender }
    }

    /// Writes these and returns once they are durable.
    pub async fn write(&self, writes: Vec<PendingWrite>) -> Result<(), sqlx::Error> {
        let (done, answer) = oneshot::channel();
        let batch = Batch {
            writes,
            done: Some(done),
        };
        if self.sender.send(batch).is_err() {
            return Err(sqlx::Error::WorkerCrashed);
        }
        match answer.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(message)) => Err(sqlx::Error::Protocol(format!("group commit failed: {message}"))),
            Err(_) => Err(sqlx::Error::WorkerCrashed),
        }
    }

    /// Hands these to the writer without waiting: for what may be lost in a crash.
    pub fn write_later(&self, writes: Vec<PendingWrite>) {
        let _ = self.sender.send(Batch { writes, done: None });
    }
}

async fn run(
    pool: AnyPool,
    backend: Backend,
    write_queue: Option<Arc<Mutex<()>>>,
    mut receiver: mpsc::UnboundedReceiver<Batch>,
) {
    while let Some(first) = receiver.recv().await {
        let mut batches = vec![first];
        while batches.len() < MOST_BATCHES {
            match receiver.try_recv() {
                Ok(batch) => batches.push(batch),
                Err(_) => break,
            }
        }
        // In line with the requests' writes (SQLite has one writer at a time).
        let _turn = match &write_queue {
            Some(queue) => Some(queue.lock().await),
            None => None,
        };
        metrics::histogram!("brug_audit_batch_size").record(batches.len() as f64);
        let writing = std::time::Instant::now();
        let written = write_all(&pool, backend, &batches).await;
        metrics::histogram!("brug_audit_commit_seconds").record(writing.elapsed().as_secs_f64());
        match written {
            Ok(()) => answer(batches, Ok(())),
            // One request's entry that cannot be written (its case was just removed, say)
            // must not fail everyone else's: write each batch on its own, answer each.
            Err(error) if batches.len() > 1 => {
                tracing::warn!(%error, batches = batches.len(), "a group commit failed; writing its batches one by one");
                for batch in batches {
                    let result = write_all(&pool, backend, std::slice::from_ref(&batch)).await;
                    answer(vec![batch], result);
                }
            }
            Err(error) => answer(batches, Err(error)),
        }
    }
}

fn answer(batches: Vec<Batch>, result: Result<(), sqlx::Error>) {
    let result = result.map_err(|error| {
        tracing::error!(%error, "writing what reads left behind failed");
        error.to_string()
    });
    for batch in batches {
        if let Some(done) = batch.done {
            let _ = done.send(result.clone());
        }
    }
}

async fn write_all(pool: &AnyPool, backend: Backend, batches: &[Batch]) -> Result<(), sqlx::Error> {
    let mut tx = match backend {
        Backend::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await?,
        Backend::Postgres => pool.begin().await?,
    };
    // Many looks by one person at one part of a case in one batch add up to one count.
    let mut looks: Vec<(Look, i64)> = Vec::new();
    for write in batches.iter().flat_map(|batch| &batch.writes) {
        write_row(&mut tx, write).await?;
        if let Some(look) = Look::of(write) {
            match looks.iter_mut().find(|(counted, _)| *counted == look) {
                Some((_, times)) => *times += 1,
                None => looks.push((look, 1)),
            }
        }
    }
    for (look, times) in &looks {
        crate::transparency::count_looks(&mut tx, look, *times).await?;
    }
    tx.commit().await
}

/// Writes one of these on a connection: the writer's, or a write transaction's own.
pub async fn apply(connection: &mut AnyConnection, write: &PendingWrite) -> Result<(), sqlx::Error> {
    write_row(connection, write).await?;
    match Look::of(write) {
        Some(look) => crate::transparency::count_looks(connection, &look, 1).await,
        None => Ok(()),
    }
}

/// A look at a part of a case, counted per person and hour for the access log's summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Look {
    pub case_id: i64,
    pub actor_user_id: i64,
    pub hour_start: i64,
    /// One part of the case, or several comma-separated, as in the audit row.
    pub object_type: String,
}

impl Look {
    fn of(write: &PendingWrite) -> Option<Look> {
        match write {
            PendingWrite::Audit {
                at,
                actor: Some(actor),
                action: "case_read",
                case_id: Some(case_id),
                object_type: Some(object_type),
                ..
            } => Some(Look {
                case_id: *case_id,
                actor_user_id: *actor,
                hour_start: at - at.rem_euclid(3600),
                object_type: object_type.clone(),
            }),
            _ => None,
        }
    }
}

async fn write_row(connection: &mut AnyConnection, write: &PendingWrite) -> Result<(), sqlx::Error> {
    match write {
        PendingWrite::Audit {
            at,
            actor,
            action,
            case_id,
            object_type,
            object_id,
            request_id,
        } => {
            sqlx::query(
                "INSERT INTO audit_log (at, actor_user_id, action, case_id, object_type, object_id, request_id) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(at)
            .bind(actor)
            .bind(*action)
            .bind(case_id)
            .bind(object_type.as_deref())
            .bind(object_id)
            .bind(request_id.as_str())
            .execute(connection)
            .await?;
        }
        PendingWrite::TouchSession { session_id, at } => {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $1")
                .bind(at)
                .bind(session_id)
                .execute(connection)
                .await?;
        }
    }
    Ok(())
}
