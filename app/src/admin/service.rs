//! What a coordinator sees: accounts and assignments, no case content.

use super::{storage, AdminOverview};
use crate::access;
use crate::accounts::service::Viewer;
use crate::error::AppError;
use crate::state::AppState;

pub async fn overview(state: &AppState, viewer: &Viewer) -> Result<AdminOverview, AppError> {
    access::require_coordinator(viewer)?;
    let mut tx = state.read().await?;
    let organisations = storage::organisations(&mut tx).await?;
    let people = storage::people(&mut tx, viewer).await?;
    let cases = storage::case_assignments(&mut tx, viewer).await?;
    tx.commit().await?;
    Ok(AdminOverview {
        organisations,
        people,
        cases,
    })
}
