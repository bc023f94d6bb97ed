//! The trajectory: the phases of a case and its milestones — what happens, why it
//! matters, who decides, what is needed, when, and every change with its reason.
//! Guidance continues after the prison gate: the phases after release are first-class.

mod history_view;
mod page;
mod phase_page;
mod response_page;
mod types;

pub use history_view::ChangeHistory;
pub use page::{NextStep, TrajectoryPage};
pub use types::*;

#[cfg(feature = "ssr")]
mod phase_storage;
#[cfg(feature = "ssr")]
pub mod phases;
#[cfg(feature = "ssr")]
mod response_storage;
#[cfg(feature = "ssr")]
pub mod responses;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub(crate) mod storage;
#[cfg(feature = "ssr")]
pub(crate) use phase_storage::case_header;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The trajectory as a page shows it, with whether the viewer may change it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrajectoryView {
    pub trajectory: Trajectory,
    pub may_edit: bool,
    /// Whether the viewer is the participant whose trajectory this is.
    pub yours: bool,
}

#[server(prefix = "/s", endpoint = "trajectory")]
pub async fn load_trajectory(case_id: i64) -> Result<TrajectoryView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    let trajectory = service::trajectory(
        &state,
        &ctx,
        &viewer,
        case_id,
        &crate::pagination::PageRequest::everything(),
    )
    .await?;
    let may_edit = service::may_edit(&state, &viewer, case_id).await?;
    let yours = viewer.role == crate::accounts::AccountRole::Participant;
    Ok(TrajectoryView {
        trajectory,
        may_edit,
        yours,
    })
}
