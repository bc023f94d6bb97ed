//! Account queries. Portable SQL, run on SQLite and PostgreSQL alike.

use crate::db::Tx;
use sqlx::Row;

#[derive(Clone, Debug)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub organisation_id: Option<i64>,
    pub language: Option<String>,
    /// When a coordinator disabled the account; it cannot sign in since.
    pub disabled_at: Option<i64>,
    /// Since when the person has a confirmed second factor.
    pub second_factor_since: Option<i64>,
}

const USER_COLUMNS: &str = "u.id, u.username, u.display_name, u.password_hash, u.account_role, u.organisation_id, \
     u.language, u.disabled_at, \
     (SELECT f.confirmed_at FROM second_factors f WHERE f.user_id = u.id) AS second_factor_since";

fn user_from(row: &sqlx::any::AnyRow) -> Result<UserRow, sqlx::Error> {
    Ok(UserRow {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        display_name: row.try_get("display_name")?,
        password_hash: row.try_get("password_hash")?,
        role: row.try_get("account_role")?,
        organisation_id: row.try_get("organisation_id")?,
        language: row.try_get("language")?,
        disabled_at: row.try_get("disabled_at")?,
        second_factor_since: row.try_get("second_factor_since")?,
    })
}

/// Marks the account disabled, unless it is already. Returns whether it changed.
pub async fn disable_user(tx: &mut Tx<'_>, user_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Voids the codes not yet used that would set the person's password.
pub async fn void_reset_codes(tx: &mut Tx<'_>, user_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE one_time_codes SET used_at = $1 WHERE target_user_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The cases whose circle the person is in now.
pub async fn cases_of_member(tx: &mut Tx<'_>, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT case_id FROM memberships WHERE user_id = $1 AND ended_at IS NULL ORDER BY case_id")
        .bind(user_id)
        .fetch_all(&mut **tx)
        .await
}

pub async fn user_by_username(tx: &mut Tx<'_>, username: &str) -> Result<Option<UserRow>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.username = $1");
    sqlx::query(&sql)
        .bind(username)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| user_from(&r))
        .transpose()
}

pub async fn user_by_id(tx: &mut Tx<'_>, id: i64) -> Result<Option<UserRow>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
    sqlx::query(&sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| user_from(&r))
        .transpose()
}

pub async fn organisation_name(tx: &mut Tx<'_>, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT name FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
}

pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub role: &'a str,
    pub organisation_id: Option<i64>,
    pub now: i64,
}

pub async fn insert_user(tx: &mut Tx<'_>, user: NewUser<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO users (username, display_name, password_hash, account_role, organisation_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user.username)
    .bind(user.display_name)
    .bind(user.password_hash)
    .bind(user.role)
    .bind(user.organisation_id)
    .bind(user.now)
    .fetch_one(&mut **tx)
    .await
}

pub async fn set_password(tx: &mut Tx<'_>, user_id: i64, hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn set_language(tx: &mut Tx<'_>, user_id: i64, language: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
        .bind(language)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub kind: &'a str,
    pub device_name: &'a str,
    pub stage: &'a str,
    pub now: i64,
    pub expires_at: i64,
}

pub async fn insert_session(tx: &mut Tx<'_>, session: NewSession<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO sessions (token_hash, user_id, session_kind, device_name, stage, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id",
    )
    .bind(session.token_hash)
    .bind(session.user_id)
    .bind(session.kind)
    .bind(session.device_name)
    .bind(session.stage)
    .bind(session.now)
    .bind(session.expires_at)
    .fetch_one(&mut **tx)
    .await
}

#[derive(Debug)]
pub struct SessionRow {
    pub id: i64,
    pub kind: String,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub ended_at: Option<i64>,
    pub stage: String,
    pub second_factor_at: Option<i64>,
    pub user: UserRow,
}

pub async fn session_by_token_hash(tx: &mut Tx<'_>, token_hash: &str) -> Result<Option<SessionRow>, sqlx::Error> {
    let sql = format!(
        "SELECT s.id AS session_id, s.session_kind, s.last_seen_at, s.expires_at, s.ended_at, s.stage, \
         s.second_factor_at, {USER_COLUMNS} \
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"
    );
    let Some(row) = sqlx::query(&sql).bind(token_hash).fetch_optional(&mut **tx).await? else {
        return Ok(None);
    };
    Ok(Some(SessionRow {
        id: row.try_get("session_id")?,
        kind: row.try_get("session_kind")?,
        last_seen_at: row.try_get("last_seen_at")?,
        expires_at: row.try_get("expires_at")?,
        ended_at: row.try_get("ended_at")?,
        stage: row.try_get("stage")?,
        second_factor_at: row.try_get("second_factor_at")?,
        user: user_from(&row)?,
    }))
}

pub async fn end_session(tx: &mut Tx<'_>, session_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
        .bind(now)
        .bind(session_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Remembers that a reset code set the person's password, to tell them at next sign-in.
pub async fn note_password_reset(tx: &mut Tx<'_>, user_id: i64, issued_by: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_reset_at = $1, password_reset_by = $2 WHERE id = $3")
        .bind(now)
        .bind(issued_by)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// When a reset code last set the person's password and whose code it was, once: the
/// note is taken away as it is read.
pub async fn take_password_reset_note(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<(i64, String)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT u.password_reset_at, i.display_name FROM users u LEFT JOIN users i ON i.id = u.password_reset_by \
         WHERE u.id = $1 AND u.password_reset_at IS NOT NULL",
    )
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    sqlx::query("UPDATE users SET password_reset_at = NULL, password_reset_by = NULL WHERE id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    let issuer: Option<String> = row.try_get("display_name")?;
    Ok(Some((row.try_get("password_reset_at")?, issuer.unwrap_or_default())))
}

pub async fn end_all_sessions(tx: &mut Tx<'_>, user_id: i64, now: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("UPDATE sessions SET ended_at = $1 WHERE user_id = $2 AND ended_at IS NULL")
        .bind(now)
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}

/// Ends every session of the person but `keep`.
pub async fn end_other_sessions(tx: &mut Tx<'_>, user_id: i64, keep: i64, now: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("UPDATE sessions SET ended_at = $1 WHERE user_id = $2 AND id <> $3 AND ended_at IS NULL")
        .bind(now)
        .bind(user_id)
        .bind(keep)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected())
}

/// The owner of a session that is still open, if any.
pub async fn open_session_owner(tx: &mut Tx<'_>, session_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT user_id FROM sessions WHERE id = $1 AND ended_at IS NULL")
        .bind(session_id)
        .fetch_optional(&mut **tx)
        .await
}

/// A page of the person's sessions that still let them in, in the order they began: not
/// ended, not expired, and used since `seen_since` (a browser's, a phone's), at most
/// `limit` after the session `after_id`.
pub async fn open_sessions_page(
    tx: &mut Tx<'_>,
    user_id: i64,
    now: i64,
    seen_since: (i64, i64),
    after_id: i64,
    limit: i64,
) -> Result<Vec<(i64, String, String, i64, i64)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, device_name, session_kind, created_at, last_seen_at FROM sessions \
         WHERE user_id = $1 AND ended_at IS NULL AND expires_at > $2 AND id > $3 \
         AND ((session_kind = 'web' AND last_seen_at > $4) OR (session_kind = 'device' AND last_seen_at > $5)) \
         ORDER BY id LIMIT $6",
    )
    .bind(user_id)
    .bind(now)
    .bind(after_id)
    .bind(seen_since.0)
    .bind(seen_since.1)
    .bind(limit)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(open_session_row).collect()
}

fn open_session_row(r: &sqlx::any::AnyRow) -> Result<(i64, String, String, i64, i64), sqlx::Error> {
    Ok((
        r.try_get("id")?,
        r.try_get("device_name")?,
        r.try_get("session_kind")?,
        r.try_get("created_at")?,
        r.try_get("last_seen_at")?,
    ))
}

#[derive(Debug)]
pub struct CodeRow {
    pub id: i64,
    pub purpose: String,
    pub account_role: Option<String>,
    pub display_name: Option<String>,
    pub organisation_id: Option<i64>,
    pub case_id: Option<i64>,
    pub case_role: Option<String>,
    pub relationship: Option<String>,
    pub target_user_id: Option<i64>,
    /// Who issued the code.
    pub created_by: i64,
}

pub struct NewCode<'a> {
    pub code_hash: &'a str,
    pub purpose: &'a str,
    pub account_role: Option<&'a str>,
    pub display_name: Option<&'a str>,
    pub organisation_id: Option<i64>,
    pub case_id: Option<i64>,
    pub case_role: Option<&'a str>,
    pub relationship: Option<&'a str>,
    pub target_user_id: Option<i64>,
    pub created_by: i64,
    pub now: i64,
    pub expires_at: i64,
}

pub async fn insert_code(tx: &mut Tx<'_>, code: NewCode<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO one_time_codes (code_hash, purpose, account_role, display_name, organisation_id, case_id, \
         case_role, relationship, target_user_id, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(code.code_hash)
    .bind(code.purpose)
    .bind(code.account_role)
    .bind(code.display_name)
    .bind(code.organisation_id)
    .bind(code.case_id)
    .bind(code.case_role)
    .bind(code.relationship)
    .bind(code.target_user_id)
    .bind(code.created_by)
    .bind(code.now)
    .bind(code.expires_at)
    .fetch_one(&mut **tx)
    .await
}

/// Claims an unused, unexpired code in one statement, so two people racing with the same
/// code cannot both use it.
pub async fn claim_code(tx: &mut Tx<'_>, code_hash: &str, now: i64) -> Result<Option<CodeRow>, sqlx::Error> {
    let row = sqlx::query(
        "UPDATE one_time_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1 \
         RETURNING id, purpose, account_role, display_name, organisation_id, case_id, case_role, relationship, \
         target_user_id, created_by",
    )
    .bind(now)
    .bind(code_hash)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(CodeRow {
            id: r.try_get("id")?,
            purpose: r.try_get("purpose")?,
            account_role: r.try_get("account_role")?,
            display_name: r.try_get("display_name")?,
            organisation_id: r.try_get("organisation_id")?,
            case_id: r.try_get("case_id")?,
            case_role: r.try_get("case_role")?,
            relationship: r.try_get("relationship")?,
            target_user_id: r.try_get("target_user_id")?,
            created_by: r.try_get("created_by")?,
        })
    })
    .transpose()
}
