//! Appointments: visits, meetings and hearings — when, where or how, with whom, what for
//! and what to bring — with a calendar file per appointment.

#[cfg(feature = "ssr")]
mod calendar;
mod change_page;
mod page;
mod types;

#[cfg(feature = "ssr")]
pub use calendar::calendar_file;
pub use page::{AppointmentsPage, UpcomingAppointments};
pub use types::*;

#[cfg(feature = "ssr")]
mod change_storage;
#[cfg(feature = "ssr")]
pub mod changes;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;

/// The appointments page: the list, and whether the viewer may plan new ones.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AppointmentsView {
    pub appointments: Appointments,
    pub may_edit: bool,
    /// Whether the viewer is the participant, who can say she cannot come.
    pub yours: bool,
    /// For the case's workers: what its members asked for, beside the form.
    pub preferences: Vec<crate::preferences::MemberPreferences>,
}

#[server(prefix = "/s", endpoint = "appointments")]
pub async fn load_appointments(case_id: i64) -> Result<AppointmentsView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    let appointments = service::appointments(
        &state,
        &ctx,
        &viewer,
        case_id,
        &crate::pagination::PageRequest::everything(),
    )
    .await?;
    let may_edit = crate::trajectory::service::may_edit(&state, &viewer, case_id).await?;
    let yours = viewer.role == crate::accounts::AccountRole::Participant;
    let preferences = if may_edit {
        let mut tx = state.read().await?;
        let shown = crate::preferences::service::shown_to_worker_in(&mut tx, &ctx, &viewer, case_id).await?;
        tx.commit().await?;
        shown
    } else {
        Vec::new()
    };
    Ok(AppointmentsView {
        appointments,
        may_edit,
        yours,
        preferences,
    })
}
