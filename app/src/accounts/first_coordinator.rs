//! `server create-coordinator`: the first account of a new installation. Everyone else
//! joins with a code someone gave them; the first coordinator has nobody to ask, so the
//! operator makes the account on the server itself.

use super::passwords::{self, NewPassword};
use super::storage::{self, NewUser};
use super::{AccountRole, Username};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::{connect_and_migrate, is_unique_violation, now, Scope};
use crate::error::{AppError, ErrorCode};
use crate::state::RequestContext;

/// Makes a coordinator on the database at `database_url` (migrating it first, as a start
/// of the server would) and returns the account's id. The password follows the same rules
/// as everyone's; in production mode the first sign-in then asks for a second factor.
pub async fn create_coordinator(
    database_url: &str,
    username: &str,
    display_name: &str,
    password: &str,
) -> Result<i64, AppError> {
    let username = Username::parse(username.trim())?;
    let display_name = display_name.trim();
    if display_name.is_empty() || display_name.chars().count() > 80 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    let password_hash = passwords::hash(NewPassword::parse(password)?).await?;
    let database = connect_and_migrate(database_url, None).await.map_err(|error| {
        tracing::error!(%error, "the database for a new coordinator could not be opened");
        AppError::new(ErrorCode::ServiceUnavailable)
    })?;
    let db = Scope::root(database).fresh();
    let mut tx = db.write().await?;
    let user = NewUser {
        username: username.as_str(),
        display_name,
        password_hash: &password_hash,
        role: AccountRole::Coordinator.as_str(),
        organisation_id: None,
        now: now(),
    };
    let user_id = match storage::insert_user(&mut tx, user).await {
        Ok(id) => id,
        Err(error) if is_unique_violation(&error) => return Err(AppError::new(ErrorCode::UsernameTaken)),
        Err(error) => return Err(error.into()),
    };
    let on_the_server = RequestContext {
        request_id: "create-coordinator".into(),
        address: "server command".into(),
    };
    let entry = AuditEntry {
        actor: None,
        action: AuditAction::CoordinatorCreated,
        case_id: None,
        object: Some(("user", user_id)),
    };
    audit::record(&mut tx, &on_the_server, entry).await?;
    tx.commit().await?;
    // The unit hands its connection back first: closing waits for every connection.
    let database = db.database().clone();
    drop(db);
    database.close().await;
    Ok(user_id)
}
