//! Backups an operator takes while Brug runs, and restoring one into an empty database.
//! SQLite: `VACUUM INTO`, a consistent copy made inside one read transaction, so writers
//! carry on. PostgreSQL: `pg_dump` (one snapshot) and `pg_restore`, the server's own tools.

use super::{connect_and_migrate, prepare_sqlite_url, sqlite_path, Backend, DbError};
use sqlx::Connection;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; a backup never overwrites a file")]
    Exists(String),
    #[error("the database to restore into already holds data; restore into an empty one")]
    NotEmpty,
    #[error("{0} is not a Brug backup")]
    NotABackup(String),
    #[error("{0}")]
    Tool(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Database(#[from] DbError),
}

impl From<sqlx::Error> for BackupError {
    fn from(error: sqlx::Error) -> Self {
        BackupError::Database(DbError::Sqlx(error))
    }
}

fn backend_of(url: &str) -> Result<Backend, BackupError> {
    Backend::of_url(url).ok_or(BackupError::Database(DbError::UnknownBackend))
}

/// Writes a consistent copy of the database at `url` to `path`, while the server runs.
pub async fn backup(url: &str, path: &Path) -> Result<(), BackupError> {
    if path.exists() {
        return Err(BackupError::Exists(path.display().to_string()));
    }
    match backend_of(url)? {
        Backend::Sqlite => {
            sqlx::any::install_default_drivers();
            let mut conn = sqlx::AnyConnection::connect(&prepare_sqlite_url(url)?).await?;
            let target = path.to_string_lossy().replace('\'', "''");
            sqlx::query(&format!("VACUUM INTO '{target}'"))
                .execute(&mut conn)
                .await?;
            conn.close().await?;
        }
        Backend::Postgres => {
            let file = path.to_string_lossy();
            run(
                "pg_dump",
                &[
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    "--file",
                    &file,
                    "--dbname",
                    url,
                ],
            )
            .await?;
        }
    }
    Ok(())
}

/// Restores the backup at `path` into the empty database at `url`, then brings its schema
/// up to this version's migrations (a backup from an older version is upgraded).
pub async fn restore(url: &str, path: &Path) -> Result<(), BackupError> {
    if !path.is_file() {
        return Err(BackupError::NotABackup(path.display().to_string()));
    }
    match backend_of(url)? {
        Backend::Sqlite => {
            let target = Path::new(sqlite_path(url)).to_path_buf();
            if target.metadata().is_ok_and(|m| m.len() > 0) {
                return Err(BackupError::NotEmpty);
            }
            check_sqlite_backup(path).await?;
            let source = path.to_path_buf();
            // A gigabyte's copy runs beside the async runtime, not on it. Copied beside the
            // target and renamed: a restore cut short leaves no half file.
            tokio::task::spawn_blocking(move || -> std::io::Result<()> {
                if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(folder)?;
                }
                let partial = target.with_extension("restoring");
                std::fs::copy(source, &partial)?;
                std::fs::rename(&partial, &target)
            })
            .await
            .map_err(|_| BackupError::Tool("the copy stopped unexpectedly".into()))??;
        }
        Backend::Postgres => {
            check_postgres_empty(url).await?;
            let file = path.to_string_lossy();
            run(
                "pg_restore",
                &[
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    "--dbname",
                    url,
                    &file,
                ],
            )
            .await?;
        }
    }
    connect_and_migrate(url, None).await?.close().await;
    Ok(())
}

/// A PostgreSQL database to restore into must hold no tables yet.
async fn check_postgres_empty(url: &str) -> Result<(), BackupError> {
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await?;
    let tables: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")
            .fetch_one(&mut conn)
            .await?;
    conn.close().await?;
    if tables > 0 {
        return Err(BackupError::NotEmpty);
    }
    Ok(())
}

/// The file must be an intact SQLite database with Brug's tables in it.
async fn check_sqlite_backup(path: &Path) -> Result<(), BackupError> {
    sqlx::any::install_default_drivers();
    let not_one = || BackupError::NotABackup(path.display().to_string());
    let url = format!("sqlite://{}?mode=ro", path.display());
    let mut conn = sqlx::AnyConnection::connect(&url).await.map_err(|_| not_one())?;
    let intact: String = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_one(&mut conn)
        .await
        .map_err(|_| not_one())?;
    let users: Result<i64, _> = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&mut conn)
        .await;
    conn.close().await?;
    if intact != "ok" || users.is_err() {
        return Err(not_one());
    }
    Ok(())
}

async fn run(tool: &str, args: &[&str]) -> Result<(), BackupError> {
    let (tool, args): (String, Vec<String>) = (tool.to_string(), args.iter().map(|a| a.to_string()).collect());
    // The server's own tool does the work; it runs beside the async runtime, not on it.
    let output = tokio::task::spawn_blocking({
        let tool = tool.clone();
        move || std::process::Command::new(tool).args(args).output()
    })
    .await
    .map_err(|_| BackupError::Tool(format!("{tool} stopped unexpectedly")))?
    .map_err(|error| BackupError::Tool(format!("{tool} could not be started: {error}")))?;
    if output.status.success() {
        return Ok(());
    }
    let said = String::from_utf8_lossy(&output.stderr);
    Err(BackupError::Tool(format!("{tool} failed: {}", said.trim())))
}
