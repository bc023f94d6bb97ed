//! The database: SQLite by default, PostgreSQL when the URL says so.
//!
//! Brug runs one set of portable SQL through sqlx's `Any` driver instead of a storage
//! trait with one implementation per backend: every query is written once, and the
//! integration suite runs each of them on both backends. The few differences (DDL,
//! connection pragmas) live in the per-backend migration folders and in `connect`.

pub mod backup;
mod group_commit;
pub mod hot_queries;
mod scope;

pub use group_commit::{apply as apply_write, GroupCommit, Look, PendingWrite};
pub use scope::{Scope, Tx};

use crate::sealing::text::TextKeys;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::AnyPool;
use std::time::Duration;

pub type Row = AnyRow;

/// The pool's size and patience, from the settings.
#[derive(Clone, Copy, Debug)]
pub struct PoolSettings {
    /// Connections shared by all requests; each request takes at most one.
    pub max_connections: u32,
    /// How long a request waits for a free connection before it is answered 503.
    pub acquire_timeout: Duration,
    /// How long SQLite waits for the write lock before it reports the database busy.
    pub busy_timeout: Duration,
}

impl PoolSettings {
    /// SQLite connections are cheap and readers never block each other under WAL; a
    /// PostgreSQL server's default limit is 100 connections for every client together.
    pub fn default_for(backend: Backend) -> PoolSettings {
        PoolSettings {
            max_connections: match backend {
                Backend::Sqlite => 16,
                Backend::Postgres => 24,
            },
            acquire_timeout: Duration::from_secs(3),
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// The database behind every unit of work. Its pool is private: code reaches the
/// database only through a [`Scope`], which takes at most one connection.
#[derive(Clone, Debug)]
pub struct Database {
    pool: AnyPool,
    backend: Backend,
    group_commit: GroupCommit,
    /// How long a unit of work waits for a connection before it gives up (503).
    acquire_timeout: Duration,
    /// SQLite has one writer at a time. Writers queue here, in order, instead of each
    /// polling the database lock with SQLite's busy handler (which sleeps, and lets a
    /// late writer overtake an early one): measured, sends at 64 clients ran at a
    /// quarter of a bare insert that way.
    write_queue: Option<std::sync::Arc<tokio::sync::Mutex<()>>>,
    /// Seal and open the sensitive text columns (see `sealing::text`).
    text_keys: TextKeys,
}

impl Database {
    /// The same database, sealing text with these keys (the configured `BRUG_SECRET_KEY`
    /// and its predecessors) instead of the public development key.
    pub fn with_text_keys(mut self, keys: TextKeys) -> Database {
        self.text_keys = keys;
        self
    }

    pub fn text_keys(&self) -> &TextKeys {
        &self.text_keys
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool's connections: (open, idle), for the operators' metrics.
    pub fn pool_use(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    /// Closes the pool: every later unit of work fails, and waiting ones are woken.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Hands writes to the group-commit writer without waiting for them.
    pub fn write_later(&self, writes: Vec<PendingWrite>) {
        self.group_commit.write_later(writes)
    }

    /// Whether the database answers, without waiting for a connection when all are busy
    /// (a full pool means the server is working, not that it is down).
    pub async fn is_reachable(&self) -> bool {
        match self.pool.try_acquire() {
            Some(mut connection) => sqlx::query("SELECT 1").execute(&mut *connection).await.is_ok(),
            None => !self.pool.is_closed(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("DATABASE_URL must start with sqlite: or postgres://")]
    UnknownBackend,
    #[error("could not create the folder for the SQLite database: {0}")]
    Folder(std::io::Error),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Opens the pools and brings the schema up to date. `settings` defaults to what suits
/// the backend the URL names.
pub async fn connect_and_migrate(url: &str, settings: Option<PoolSettings>) -> Result<Database, DbError> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(url).ok_or(DbError::UnknownBackend)?;
    let settings = settings.unwrap_or(PoolSettings::default_for(backend));
    let url = match backend {
        Backend::Sqlite => prepare_sqlite_url(url)?,
        Backend::Postgres => url.to_string(),
    };
    let pool = open_pool(&url, backend, settings, settings.max_connections).await?;
    match backend {
        Backend::Sqlite => sqlx::migrate!("../migrations/sqlite").run(&pool).await?,
        Backend::Postgres => sqlx::migrate!("../migrations/postgres").run(&pool).await?,
    }
    // The group-commit writer has a connection of its own: requests wait for it while
    // they hold theirs, so it must never wait for one of theirs.
    let writer_pool = open_pool(&url, backend, settings, 1).await?;
    let write_queue = (backend == Backend::Sqlite).then(|| std::sync::Arc::new(tokio::sync::Mutex::new(())));
    Ok(Database {
        pool,
        backend,
        group_commit: GroupCommit::start(writer_pool, backend, write_queue.clone()),
        acquire_timeout: settings.acquire_timeout,
        write_queue,
        text_keys: TextKeys::new(&crate::sealing::development_secret(), &[]),
    })
}

async fn open_pool(url: &str, backend: Backend, settings: PoolSettings, size: u32) -> Result<AnyPool, DbError> {
    let busy_timeout = format!("PRAGMA busy_timeout = {}", settings.busy_timeout.as_millis());
    Ok(AnyPoolOptions::new()
        .max_connections(size)
        // A ping before every lend is a round trip per request (to SQLite's worker thread,
        // or over the network to PostgreSQL). A connection that died is found by the
        // statement that uses it instead, and the pool drops it then.
        .test_before_acquire(false)
        // Starting up (migrations, demo data) may wait for a slow disk; a request's unit
        // of work waits only `acquire_timeout` (see `Scope`).
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(move |conn, _meta| {
            let busy_timeout = busy_timeout.clone();
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    // WAL lets pages read while a message is written; FULL makes an
                    // acknowledged write survive a power cut.
                    for pragma in [
                        "PRAGMA journal_mode = WAL",
                        "PRAGMA synchronous = FULL",
                        "PRAGMA foreign_keys = ON",
                        busy_timeout.as_str(),
                    ] {
                        sqlx::query(pragma).execute(&mut *conn).await?;
                    }
                }
                Ok(())
            })
        })
        .connect(url)
        .await?)
}

/// The file a `sqlite:` URL names.
fn sqlite_path(url: &str) -> &str {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    path.split('?').next().unwrap_or_default()
}

fn prepare_sqlite_url(url: &str) -> Result<String, DbError> {
    let path = sqlite_path(url);
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(DbError::Folder)?;
        }
    }
    Ok(if url.contains('?') {
        url.to_string()
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Seconds since the Unix epoch: every time in the database is one of these.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// Whether an error is a unique-constraint violation, judged by kind because SQLite
/// names no constraint.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    error.as_database_error().is_some_and(|e| e.is_unique_violation())
}
