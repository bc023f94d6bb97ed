//! Settings queries: one person's own preferences. Portable SQL, run on SQLite and
//! PostgreSQL alike.

use crate::db::Tx;

/// The person's quick-exit choice; `None` when they never chose.
pub(super) async fn quick_exit_choice(tx: &mut Tx<'_>, user_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT quick_exit_signs_out FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await
}

pub(super) async fn set_quick_exit(tx: &mut Tx<'_>, user_id: i64, signs_out: bool) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET quick_exit_signs_out = $1 WHERE id = $2")
        .bind(i64::from(signs_out))
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
