//! A unit of work: everything one request (or one step of a background task) does with
//! the database, on at most one connection taken from the pool at most once.
//!
//! Why: a request that held a transaction and then asked the pool for a second
//! connection deadlocked as soon as there were as many requests as connections (the home
//! page answered 500 to 98 of 100 requests at 32 clients). Here the unit keeps the one
//! connection it took and lends it to one transaction at a time; a second transaction
//! while the first is open is refused at once, with the place in the code that asked,
//! instead of waiting for a connection that never comes.
//!
//! Reads and writes are different transactions. A read (`SELECT`s and the audit entries
//! of what it showed) never takes SQLite's write lock and is `READ ONLY` on PostgreSQL;
//! its audit entries are written by the process's group-commit writer, and `commit`
//! returns only once they are durable: nothing a person read goes unrecorded.

use super::group_commit::PendingWrite;
use super::{Backend, Database};
use crate::sealing::text::TextKeys;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, TransactionManager};

use std::marker::PhantomData;
use std::panic::Location;
use std::sync::{Arc, Mutex};

type Manager = <Any as sqlx::Database>::TransactionManager;

/// The database as one unit of work sees it. Cloning shares the unit; [`Scope::fresh`]
/// starts a new one.
#[derive(Clone, Debug)]
pub struct Scope {
    db: Database,
    unit: Option<Arc<Unit>>,
}

#[derive(Debug, Default)]
struct Unit {
    slot: Mutex<Slot>,
}

#[derive(Debug, Default)]
enum Slot {
    /// No connection taken yet.
    #[default]
    Empty,
    /// Taken, and free for the next transaction.
    Idle(PoolConnection<Any>),
    /// Lent to an open transaction.
    Lent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Read,
    Write,
    /// One statement on its own, outside any transaction (see [`Scope::lookup`]).
    Lookup,
}

impl Scope {
    /// The application-wide handle: no unit of work of its own, so it cannot open a
    /// transaction. Requests and background steps call [`Scope::fresh`].
    pub fn root(db: Database) -> Scope {
        Scope { db, unit: None }
    }

    /// A new unit of work on the same database. Its connection is taken when its first
    /// transaction begins and goes back to the pool when the last clone is dropped.
    pub fn fresh(&self) -> Scope {
        Scope {
            db: self.db.clone(),
            unit: Some(Arc::default()),
        }
    }

    pub fn backend(&self) -> Backend {
        self.db.backend
    }

    pub fn database(&self) -> &Database {
        &self.db
    }

    /// A transaction that may write. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`): a deferred transaction that reads first and writes later fails with
    /// "database is locked" when another write commits in between.
    #[track_caller]
    pub fn write(&self) -> impl std::future::Future<Output = Result<Tx<'static>, sqlx::Error>> + Send + '_ {
        let caller = Location::caller();
        self.begin(Mode::Write, caller)
    }

    /// A transaction that only reads: one consistent snapshot, no write lock, so readers
    /// never wait for each other or for writers.
    #[track_caller]
    pub fn read(&self) -> impl std::future::Future<Output = Result<Tx<'static>, sqlx::Error>> + Send + '_ {
        let caller = Location::caller();
        self.begin(Mode::Read, caller)
    }

    /// For reading with one statement: no `BEGIN` and no `COMMIT`, two round trips fewer
    /// than a read (the statement is its own snapshot). Used for what every request asks
    /// first, whose session it carries. `commit` hands the connection back.
    #[track_caller]
    pub fn lookup(&self) -> impl std::future::Future<Output = Result<Tx<'static>, sqlx::Error>> + Send + '_ {
        let caller = Location::caller();
        self.begin(Mode::Lookup, caller)
    }

    async fn begin(&self, mode: Mode, caller: &'static Location<'static>) -> Result<Tx<'static>, sqlx::Error> {
        let Some(unit) = &self.unit else {
            tracing::error!(%caller, "the database was used outside a unit of work");
            return Err(sqlx::Error::Protocol("no unit of work".into()));
        };
        let connection = unit.take(&self.db, caller).await?;
        // The connection first, then the turn to write: whoever holds the turn already has
        // its connection, so nobody waits for a turn while holding what the holder needs.
        let write_turn = match (mode, &self.db.write_queue) {
            (Mode::Write, Some(queue)) => Some(queue.clone().lock_owned().await),
            _ => None,
        };
        let statement = match (mode, self.db.backend) {
            (Mode::Write, Backend::Sqlite) => Some("BEGIN IMMEDIATE".into()),
            (Mode::Read, Backend::Postgres) => Some("BEGIN READ ONLY".into()),
            _ => None,
        };
        let mut beginning = Beginning(Some(connection));
        let begun = match guard_reads(beginning.connection(), self.db.backend, mode).await {
            Ok(()) if mode == Mode::Lookup => Ok(()),
            Ok(()) => Manager::begin(beginning.connection(), statement).await,
            Err(error) => Err(error),
        };
        let connection = beginning.done();
        if let Err(error) = begun {
            unit.give_back(connection);
            return Err(error);
        }
        Ok(Tx {
            connection: Some(connection),
            _write_turn: write_turn,
            unit: unit.clone(),
            db: self.db.clone(),
            mode,
            audit: Vec::new(),
            memo: Vec::new(),
            _lifetime: PhantomData,
        })
    }
}

/// A connection between `BEGIN` sent and its answer. sqlx counts a PostgreSQL transaction
/// only once the server has answered, so a request dropped in between (its client went
/// away) would hand the pool a connection still inside the transaction, and the next
/// request would run in it: a message send failed with "read-only transaction". Such a
/// connection is closed instead of going back to the pool.
struct Beginning(Option<PoolConnection<Any>>);

impl Beginning {
    fn connection(&mut self) -> &mut AnyConnection {
        self.0.as_deref_mut().expect("the connection is there until `done`")
    }

    fn done(mut self) -> PoolConnection<Any> {
        self.0.take().expect("the connection is there until `done`")
    }
}

impl Drop for Beginning {
    fn drop(&mut self) {
        if let Some(connection) = self.0.as_mut() {
            connection.close_on_drop();
        }
    }
}

/// In test builds a SQLite read refuses to write, as PostgreSQL's `READ ONLY` does, so
/// a write in a read transaction fails its test on both databases. (Release builds skip
/// the extra statement.)
async fn guard_reads(connection: &mut AnyConnection, backend: Backend, mode: Mode) -> Result<(), sqlx::Error> {
    if cfg!(debug_assertions) && backend == Backend::Sqlite {
        let pragma = match mode {
            Mode::Read | Mode::Lookup => "PRAGMA query_only = ON",
            Mode::Write => "PRAGMA query_only = OFF",
        };
        sqlx::query(pragma).execute(connection).await?;
    }
    Ok(())
}

impl Unit {
    async fn take(
        &self,
        db: &Database,
        caller: &'static Location<'static>,
    ) -> Result<PoolConnection<Any>, sqlx::Error> {
        let previous = {
            let mut slot = self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            std::mem::replace(&mut *slot, Slot::Lent)
        };
        match previous {
            Slot::Idle(connection) => Ok(connection),
            Slot::Empty => {
                let waited = std::time::Instant::now();
                let acquired = tokio::time::timeout(db.acquire_timeout, db.pool.acquire()).await;
                metrics::histogram!("brug_db_acquire_seconds").record(waited.elapsed().as_secs_f64());
                match acquired.unwrap_or(Err(sqlx::Error::PoolTimedOut)) {
                    Ok(connection) => Ok(connection),
                    Err(error) => {
                        self.put(Slot::Empty);
                        Err(error)
                    }
                }
            }
            Slot::Lent => {
                tracing::error!(%caller, "a second transaction was opened while the unit's first was still open");
                Err(sqlx::Error::Protocol("a second transaction in one unit of work".into()))
            }
        }
    }

    fn give_back(&self, connection: PoolConnection<Any>) {
        self.put(Slot::Idle(connection));
    }

    fn release(&self, connection: PoolConnection<Any>) {
        self.put(Slot::Empty);
        drop(connection);
    }

    fn put(&self, value: Slot) {
        let mut slot = self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *slot = value;
    }
}

/// An open transaction of a unit of work. Storage functions run their queries on it
/// (`&mut **tx`). Dropped without `commit`, it rolls back.
pub struct Tx<'a> {
    connection: Option<PoolConnection<Any>>,
    /// SQLite's writers' turn, held until the transaction ends.
    _write_turn: Option<tokio::sync::OwnedMutexGuard<()>>,
    unit: Arc<Unit>,
    db: Database,
    mode: Mode,
    audit: Vec<PendingWrite>,
    /// What this read has already looked up (see [`Tx::read_memo`]), one value per type.
    memo: Vec<Box<dyn std::any::Any + Send>>,
    _lifetime: PhantomData<&'a ()>,
}

impl Tx<'_> {
    pub fn is_read_only(&self) -> bool {
        self.mode != Mode::Write
    }

    /// The keys that seal and open the sensitive text columns. Storage functions seal
    /// what they write into those columns and open what they read from them.
    pub fn text_keys(&self) -> TextKeys {
        self.db.text_keys.clone()
    }

    /// A place for facts this read transaction has looked up once and may use again (who
    /// is in a case's circle, what they share), so a page that shows five parts of a case
    /// checks access with one query, not five. Only reads keep one: a write may change
    /// the very facts it would remember.
    pub(crate) fn read_memo<T: Default + Send + 'static>(&mut self) -> Option<&mut T> {
        if self.mode != Mode::Read {
            return None;
        }
        let index = match self.memo.iter().position(|kept| kept.is::<T>()) {
            Some(index) => index,
            None => {
                self.memo.push(Box::new(T::default()));
                self.memo.len() - 1
            }
        };
        self.memo[index].downcast_mut::<T>()
    }

    /// Keeps an audit entry of a read, to be written by the group-commit writer when the
    /// transaction commits. Entries of one look at a case are merged into one row.
    pub(crate) fn defer_audit(&mut self, entry: PendingWrite) {
        if let Some(same) = self.audit.iter_mut().find(|kept| kept.is_same_look(&entry)) {
            same.merge_objects(&entry);
        } else {
            self.audit.push(entry);
        }
    }

    /// Ends the transaction. For a read, returns once its audit entries are durable.
    pub async fn commit(mut self) -> Result<(), sqlx::Error> {
        let Some(connection) = self.connection.as_mut() else {
            return Err(sqlx::Error::Protocol("the transaction was already ended".into()));
        };
        // The connection stays in the transaction while COMMIT runs: if this future is
        // dropped half-way, `Drop` still queues the rollback that sqlx expects (and skips
        // when the COMMIT went through); without it, that skip would swallow the next
        // transaction's rollback and leave the connection inside a transaction.
        let result = match self.mode {
            Mode::Lookup => Ok(()),
            Mode::Read | Mode::Write => Manager::commit(connection).await,
        };
        self._write_turn = None;
        let audit = std::mem::take(&mut self.audit);
        if let Some(mut connection) = self.connection.take() {
            if result.is_err() {
                Manager::start_rollback(&mut connection);
                self.unit.give_back(connection);
            } else if audit.is_empty() {
                self.unit.give_back(connection);
            } else {
                // What is left is waiting for the audit writer, which has a connection of
                // its own: this one goes back to the pool for others meanwhile (a later
                // transaction of this unit would take one again, never two at once).
                self.unit.release(connection);
            }
        }
        result?;
        if audit.is_empty() {
            Ok(())
        } else {
            self.db.group_commit.write(audit).await
        }
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        self.connection
            .as_deref()
            .expect("a transaction holds its connection until it ends")
    }
}

impl std::ops::DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        self.connection
            .as_deref_mut()
            .expect("a transaction holds its connection until it ends")
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if let Some(mut connection) = self.connection.take() {
            // Queued here, sent before the connection's next statement (or when the pool
            // takes it back).
            if self.mode != Mode::Lookup {
                Manager::start_rollback(&mut connection);
            }
            self.unit.give_back(connection);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{connect_and_migrate, PoolSettings};
    use std::time::Duration;

    /// A fresh SQLite database in a folder of its own, with `connections` connections
    /// that a unit waits for at most 200 ms.
    async fn database(connections: u32) -> (Database, std::path::PathBuf) {
        let folder = std::env::temp_dir().join(format!("brug-scope-{:016x}", rand::random::<u64>()));
        let url = format!("sqlite://{}/brug.db", folder.display());
        let settings = PoolSettings {
            max_connections: connections,
            acquire_timeout: Duration::from_millis(200),
            busy_timeout: Duration::from_secs(5),
        };
        let db = connect_and_migrate(&url, Some(settings))
            .await
            .expect("a test database");
        // Case 1, which the test entries are about.
        let unit = Scope::root(db.clone()).fresh();
        let mut tx = unit.write().await.unwrap();
        sqlx::query("INSERT INTO cases (id, label, created_at) VALUES (1, 'Sarah', 1)")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        (db, folder)
    }

    fn entry(category: &str) -> PendingWrite {
        entry_about(1, category)
    }

    fn entry_about(case_id: i64, category: &str) -> PendingWrite {
        PendingWrite::Audit {
            at: 1,
            actor: None,
            action: "case_read",
            case_id: Some(case_id),
            object_type: Some(category.to_string()),
            object_id: Some(1),
            request_id: "test".into(),
        }
    }

    async fn audit_rows(scope: &Scope) -> Vec<Option<String>> {
        let mut tx = scope.read().await.unwrap();
        let rows = sqlx::query_scalar("SELECT object_type FROM audit_log ORDER BY id")
            .fetch_all(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        rows
    }

    #[tokio::test]
    async fn a_second_transaction_while_the_first_is_open_is_refused_at_once() {
        let (db, folder) = database(4).await;
        let unit = Scope::root(db).fresh();
        let first = unit.read().await.unwrap();
        let second = tokio::time::timeout(Duration::from_secs(1), unit.write()).await;
        assert!(
            matches!(second, Ok(Err(sqlx::Error::Protocol(_)))),
            "refused, without waiting"
        );
        drop(first);
        assert!(
            unit.write().await.is_ok(),
            "the next transaction after the first ended is fine"
        );
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn what_a_read_remembers_lasts_for_that_read_and_a_write_remembers_nothing() {
        let (db, folder) = database(2).await;
        let unit = Scope::root(db).fresh();
        let mut read = unit.read().await.unwrap();
        read.read_memo::<Vec<i64>>().unwrap().push(7);
        assert_eq!(read.read_memo::<Vec<i64>>().unwrap(), &vec![7], "kept within the read");
        read.commit().await.unwrap();
        let mut next = unit.read().await.unwrap();
        assert!(
            next.read_memo::<Vec<i64>>().unwrap().is_empty(),
            "a new read starts afresh"
        );
        drop(next);
        let mut write = unit.write().await.unwrap();
        assert!(
            write.read_memo::<Vec<i64>>().is_none(),
            "a write may change what it would remember"
        );
        drop(write);
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn a_unit_keeps_its_one_connection_until_it_is_dropped() {
        let (db, folder) = database(2).await;
        let root = Scope::root(db);
        let (first, second, third) = (root.fresh(), root.fresh(), root.fresh());
        first.read().await.unwrap().commit().await.unwrap();
        second.write().await.unwrap().commit().await.unwrap();
        // Both connections are kept by their units between transactions...
        let waited = third.read().await;
        assert!(
            matches!(waited, Err(sqlx::Error::PoolTimedOut)),
            "a third unit finds none free"
        );
        // ...and given back when a unit ends.
        drop(first);
        assert!(third.read().await.is_ok());
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn a_read_waiting_for_its_audit_entries_holds_no_connection_meanwhile() {
        let (db, folder) = database(1).await;
        let root = Scope::root(db);
        let (recorded, other) = (root.fresh(), root.fresh());
        let mut tx = recorded.read().await.unwrap();
        tx.defer_audit(entry("circle"));
        tx.commit().await.unwrap();
        assert!(
            other.read().await.is_ok(),
            "the one connection is free for another unit"
        );
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn a_read_is_recorded_when_its_commit_returns_with_one_row_per_look() {
        let (db, folder) = database(4).await;
        let unit = Scope::root(db).fresh();
        let mut tx = unit.read().await.unwrap();
        tx.defer_audit(entry("circle"));
        tx.defer_audit(entry("trajectory"));
        tx.defer_audit(entry("circle"));
        tx.commit().await.unwrap();
        assert_eq!(audit_rows(&unit).await, vec![Some("circle,trajectory".to_string())]);
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn a_read_that_ends_without_commit_records_nothing() {
        let (db, folder) = database(4).await;
        let unit = Scope::root(db).fresh();
        let mut tx = unit.read().await.unwrap();
        tx.defer_audit(entry("circle"));
        drop(tx);
        assert!(audit_rows(&unit).await.is_empty());
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn a_read_whose_entries_cannot_be_written_fails_rather_than_answer_unrecorded() {
        let (db, folder) = database(4).await;
        let unit = Scope::root(db).fresh();
        let mut tx = unit.read().await.unwrap();
        tx.defer_audit(entry_about(404, "circle"));
        assert!(
            tx.commit().await.is_err(),
            "a case that does not exist cannot be recorded"
        );
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn one_entry_that_cannot_be_written_fails_only_its_own_read() {
        let (db, folder) = database(16).await;
        let root = Scope::root(db);
        let mut readers = Vec::new();
        for n in 0..32 {
            let unit = root.fresh();
            readers.push(tokio::spawn(async move {
                let mut tx = unit.read().await.unwrap();
                tx.defer_audit(entry_about(if n == 7 { 404 } else { 1 }, "plans"));
                tx.commit().await.is_ok()
            }));
        }
        let mut answered = Vec::new();
        for reader in readers {
            answered.push(reader.await.unwrap());
        }
        assert_eq!(answered.iter().filter(|ok| !**ok).count(), 1);
        assert!(!answered[7]);
        assert_eq!(audit_rows(&root.fresh()).await.len(), 31);
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn a_read_transaction_cannot_write() {
        let (db, folder) = database(4).await;
        let unit = Scope::root(db).fresh();
        let mut tx = unit.read().await.unwrap();
        let written = sqlx::query("INSERT INTO organisations (name, created_at) VALUES ('x', 1)")
            .execute(&mut *tx)
            .await;
        assert!(written.is_err(), "a read transaction refuses a write");
        drop(tx);
        let mut tx = unit.write().await.unwrap();
        sqlx::query("INSERT INTO organisations (name, created_at) VALUES ('x', 1)")
            .execute(&mut *tx)
            .await
            .expect("a write transaction writes");
        tx.commit().await.unwrap();
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn a_lookup_reads_what_was_committed_refuses_to_write_and_leaves_the_unit_free() {
        let (db, folder) = database(4).await;
        let unit = Scope::root(db).fresh();
        let mut lookup = unit.lookup().await.unwrap();
        let label: String = sqlx::query_scalar("SELECT label FROM cases WHERE id = 1")
            .fetch_one(&mut *lookup)
            .await
            .unwrap();
        assert_eq!(label, "Sarah");
        let written = sqlx::query("INSERT INTO organisations (name, created_at) VALUES ('x', 1)")
            .execute(&mut *lookup)
            .await;
        assert!(written.is_err(), "a lookup refuses a write");
        lookup.commit().await.unwrap();
        let mut tx = unit.write().await.expect("the unit's next transaction begins");
        sqlx::query("INSERT INTO organisations (name, created_at) VALUES ('x', 1)")
            .execute(&mut *tx)
            .await
            .expect("and writes");
        tx.commit().await.unwrap();
        let _ = std::fs::remove_dir_all(folder);
    }

    #[tokio::test]
    async fn many_readers_share_the_group_commits_and_every_entry_is_written() {
        let (db, folder) = database(16).await;
        let root = Scope::root(db);
        let mut readers = Vec::new();
        for _ in 0..64 {
            let unit = root.fresh();
            readers.push(tokio::spawn(async move {
                let mut tx = unit.read().await.unwrap();
                tx.defer_audit(entry("plans"));
                tx.commit().await.unwrap();
            }));
        }
        for reader in readers {
            reader.await.unwrap();
        }
        assert_eq!(audit_rows(&root.fresh()).await.len(), 64);
        let _ = std::fs::remove_dir_all(folder);
    }
}
